"""The two independent markup checkers, as the tests and their failure messages use them.

Nu HTML Checker (the W3C validator's engine, npm `vnu-jar`, run with the machine's Java) reads
the built files; HTML_CodeSniffer (npm `html_codesniffer`) runs inside Chromium on the live
page, after Material's JavaScript has run. `./dev test` installs both into
tests/checkers/node_modules/ with `npm ci`, as tests/checkers/package-lock.json pins them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.support import ROOT

MODULES = ROOT / "tests" / "checkers" / "node_modules"
VNU_JAR = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMLCS_JS = MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
MISSING = "{} is missing: ./dev test installs it (npm ci --prefix tests/checkers)"


def missing_tool() -> str | None:
    """Why the checkers cannot run here, or None."""
    if shutil.which("java") is None:
        return "java is missing: ./dev test installs Debian's default-jre-headless"
    for path in (VNU_JAR, HTMLCS_JS):
        if not path.is_file():
            return MISSING.format(path.relative_to(ROOT))
    return None


def nu_errors(pages: list[Path], root: Path) -> list[str]:
    """Every error the Nu HTML Checker finds in these files, as 'page:line: message'."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = []
    for message in messages:
        page = Path(message["url"].removeprefix("file:")).relative_to(root).as_posix()
        errors.append(f"{page}:{message.get('lastLine', '?')}: {message['message']} {message.get('extract', '').strip()!r}")
    return errors


def codesniffer_errors(page: Any, standard: str = "WCAG2AA") -> list[str]:
    """Every error HTML_CodeSniffer reports on the open page, as 'code: element'."""
    page.add_script_tag(path=str(HTMLCS_JS))
    found = page.evaluate(
        """standard => new Promise(resolve => HTMLCS.process(standard, document, () => resolve(
             HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR)
               .map(m => m.code + ": " + (m.element.outerHTML || m.element.nodeName).slice(0, 160)))))""",
        standard,
    )
    return list(found)
