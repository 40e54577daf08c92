"""A pytest plugin for mutation runs (``./dev mutants``, bench/mutants.py), never loaded by ``./dev test``.

mutmut runs the tests once, then forks that process for every mutant and runs again only the tests
that reached the mutated function. Two things of an ordinary test session do not fit that:
- results cached by ``functools.lru_cache`` in the first run would answer for the mutant (the fast
  path of content/text.py, the Markdown converter, the real guides compiled once), so every cache
  of the package and of the tests is emptied when a session starts; and in the first run, where
  mutmut learns which tests reach which function, the package's before each test too (or a
  function behind a cache would look reached only by the first test that filled it). Facts about
  the machine (the fonts' coverage, the installed code's fingerprint) are kept: no mutant changes
  them, and working them out again costs a quarter of a second per test;
- tests that build or serve the whole site, start other processes or drive Chromium take seconds
  to a minute each, and what they check of the core is checked in-process by faster tests, so they
  are left out; and property tests try at most MAX_EXAMPLES examples (the same ones every run:
  bench/mutants.py fixes Hypothesis's seed), which kills what a few thousand would kill, sooner.

A module may have tests of its own among its group's (``--mutant-tests``, a JSON file bench/mutants.py
writes: module → test files or "file::test" names): mutmut still learns from all of the group's
tests which reach a function, and a mutant of that module then runs only those of them that are its
own, in the order they are named.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

SLOW_FIXTURES = frozenset({"built_site", "site_url", "browser", "project"})
# What a test's own code calls when it starts another process: a site build, a script, the CLI.
SLOW_CALLS = ("build_site(", "run_script(", "subprocess.", "run(ROOT", "run(tmp_path")
MAX_EXAMPLES = 100
# Cached facts about the machine, not results of the code under test: kept across tests and mutants.
MACHINE_FACTS = frozenset(
    {
        "generator.handout.glyphs._charsets",  # fc-list over every installed font
        "generator.handout.glyphs._coverage",  # the same, parsed
        "generator.handout.korean_font.font_faces",
        "generator.share.card._font_face",
        "generator.share.card._font",
        "generator.share.card._drawable",
        "generator.build.cache.installed_fingerprint",  # the package's files, every mutant's included
    }
)


def _caches(*packages: str) -> list[functools._lru_cache_wrapper]:
    found = []
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(packages):
            continue
        for attribute, value in list(vars(module).items()):
            if hasattr(value, "cache_clear") and hasattr(value, "cache_info") and f"{name}.{attribute}" not in MACHINE_FACTS:
                found.append(value)
    return found


def pytest_sessionstart(session: pytest.Session) -> None:
    for cached in _caches("generator", "tests"):
        cached.cache_clear()


def pytest_runtest_setup(item: pytest.Item) -> None:
    # mutmut's first run ("stats") learns which tests reach a function by watching them run, and a
    # result cached by an earlier test (the Markdown converter, say) would hide that a later one
    # needs it. A mutant's run keeps what its earlier tests cached: they worked it out with the mutant.
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        for cached in _caches("generator"):
            cached.cache_clear()


def _is_slow(item: pytest.Item) -> bool:
    if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
        return True
    function = getattr(item, "function", None)
    source = inspect.getsource(function) if function is not None else ""
    return any(call in source for call in SLOW_CALLS)


def _fewer_examples(item: pytest.Item) -> None:
    test = getattr(item, "function", None)
    chosen = getattr(test, "_hypothesis_internal_use_settings", None)
    if chosen is not None and chosen.max_examples > MAX_EXAMPLES:
        test._hypothesis_internal_use_settings = settings(chosen, max_examples=MAX_EXAMPLES)  # type: ignore[union-attr]


def _is(item: pytest.Item, test: str) -> bool:
    """Whether item is the test named (a file, a function, or one case of it)."""
    return item.nodeid == test or item.nodeid.startswith((f"{test}::", f"{test}["))


def _mutated_module() -> str | None:
    """The module whose mutant this process runs (mutmut names it in MUTANT_UNDER_TEST), if any."""
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    return name.rsplit(".", 1)[0] if "__mutmut_" in name else None


def _deselect(config: pytest.Config, items: list[pytest.Item], left_out: list[pytest.Item]) -> None:
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--mutant-tests", default=None, help="JSON file: module → the tests its mutants run (written by bench/mutants.py)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _deselect(config, items, [item for item in items if _is_slow(item)])
    option = config.getoption("--mutant-tests")
    own: dict[str, list[str]] = json.loads(Path(option).read_text(encoding="utf-8")) if option else {}
    module = _mutated_module()
    if module in own:
        _deselect(config, items, [item for item in items if not any(_is(item, test) for test in own[module])])
        # In the order the module names them (its own unit tests first: they kill most mutants in
        # milliseconds), each file's tests still fastest first as mutmut gave them.
        items.sort(key=lambda item: next(rank for rank, test in enumerate(own[module]) if _is(item, test)))
    elif os.environ.get("MUTANT_UNDER_TEST") == "stats":  # every test of the group is collected: a name that matches none is stale
        stale = sorted({test for tests in own.values() for test in tests if not any(_is(item, test) for item in items)})
        if stale:
            raise pytest.UsageError(f"bench/mutants.py names tests that are not there (or are left out as slow): {', '.join(stale)}")
    for item in items:
        _fewer_examples(item)
