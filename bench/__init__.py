"""Benchmarks run by hand from the repository root (`.venv/bin/python -m bench.<name>`), never as
tests and never installed: builds, `check`, handouts, search, text conversion and page weight.
The synthetic guides they measure come from tests/support/synthetic.py."""
