"""The build keeps Python's collector out of its long-lived data while pages render, and gives it back.

The plugin makes what lives until the build ends (the compiled guides, their pages) with the
collector off, then freezes it after on_files (generator/mkdocs_plugin/plugin.py), so the
collector's full passes skip it while 1000 pages are rendered; `mkdocs serve` keeps its process,
so after the build nothing may stay frozen, or every rebuild would keep the
previous one's guides alive.
"""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
from pathlib import Path

from generator.build.handouts import build_handouts
from tests.support import ROOT, build_site

HOOK = '''
import gc, json, os
seen = {}
def on_page_context(context, page, config, nav):
    seen.setdefault("rendering", gc.get_freeze_count())
    seen.setdefault("collecting", gc.isenabled())
def on_shutdown():
    seen["after"] = gc.get_freeze_count()
    with open(os.environ["GILJABI_TEST_FREEZE"], "w") as out:
        json.dump(seen, out)
'''


def test_the_guides_are_frozen_while_pages_render_and_unfrozen_after(project: Path, tmp_path: Path, monkeypatch) -> None:
    (project / "freeze_hook.py").write_text(HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - freeze_hook.py\n")
    report = tmp_path / "freeze.json"
    monkeypatch.setenv("GILJABI_TEST_FREEZE", str(report))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["rendering"] > 10_000  # the guides, their pages, MkDocs' files and config
    assert seen["collecting"] is True  # off only while on_files makes what it then freezes
    assert seen["after"] == 0


FORK_WITH_THE_COLLECTOR_OFF = """
import gc
from generator.build.workers import map_forked

def collecting(_chunk):
    return gc.isenabled()

gc.disable()
print(map_forked(collecting, [1, 2], jobs=2)[0])
"""


def test_forked_workers_collect_even_when_forked_with_the_collector_off() -> None:
    # The plugin forks its handout and compile workers from on_files, while the collector is off;
    # a worker that kept it off would never free WeasyPrint's cyclic garbage, handout after handout.
    # (In a fresh process: this one runs pytest's threads, and forking it could copy a held lock.)
    result = subprocess.run([sys.executable, "-c", FORK_WITH_THE_COLLECTOR_OFF], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[True, True]"


def test_a_handout_rendered_while_the_collector_is_off_leaves_no_garbage(tmp_path: Path, guide_files) -> None:
    # As in on_files, where the build renders one changed handout in its own process.
    gc.collect()
    gc.disable()
    try:
        build_handouts(guide_files[:1], "https://example.org/giljabi/", tmp_path, stream=io.StringIO(), jobs=1)
        left = gc.collect()
    finally:
        gc.enable()
    assert left < 1000  # a render leaves about 30,000 objects in cycles
