"""The package keeps its layers: each folder imports only from the folders below it, and no two
modules of a folder import each other in a cycle (contracts in pyproject.toml, run by import-linter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import ROOT


def test_every_import_contract_is_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"an import crosses the layers in README's layout section:\n{result.stdout}{result.stderr}"
    assert "2 kept, 0 broken" in result.stdout, result.stdout


def test_the_layers_in_the_contract_are_every_folder_of_the_package() -> None:
    # A new folder outside the contract would be free to import anything.
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layered = {name.strip() for layer in contracts[0]["layers"] for name in layer.split("|")}
    package = ROOT / "generator"
    modules = {f"generator.{path.name}" for path in package.iterdir() if (path / "__init__.py").is_file()}
    modules |= {f"generator.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    assert modules == layered
