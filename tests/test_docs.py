"""The README stays true: its format reference matches the model, its commands are what CI runs."""

from __future__ import annotations

import re

from generator.content import reference
from tests.support import ROOT


def test_format_reference_in_readme_is_fresh() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = text.index(reference.BEGIN), text.index(reference.END) + len(reference.END)
    assert text[start:end] == reference.render(), "run: .venv/bin/python -m generator reference"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S)
    assert quick_start, "README has no quick start block"
    commands = [line.split("#")[0].strip() for line in quick_start.group(1).splitlines() if line.strip()]
    assert commands == ["./dev build", "./dev test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^\./dev test\b", ci, re.M)
    assert "-eq 5" in ci, ".ci/run must fail when pytest ran no test"
