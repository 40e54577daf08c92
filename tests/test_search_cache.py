"""Search files come back from .cache/search/ only when nothing they are made from changed (issue #7)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.build.cache import FolderCache
from tests.support import build_site, copy_project, run_script


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_restore_gives_exactly_the_stored_folder(tmp_path: Path) -> None:
    source = tmp_path / "made"
    (source / "giljabi" / "t").mkdir(parents=True)
    (source / "search_index.json").write_text('{"docs": []}')
    (source / "giljabi" / "t" / "0.json").write_text("{}")
    cache = FolderCache(tmp_path / "cache")
    assert not cache.restore("k1", tmp_path / "nothing-yet")
    cache.store("k1", source)

    dest = tmp_path / "site" / "search"
    dest.mkdir(parents=True)
    (dest / "search_index.json").write_text("Material's stock index")
    (dest / "search_index.js").write_text("stale")
    assert cache.restore("k1", dest)
    assert files_of(dest) == files_of(source)


def test_an_interrupted_store_is_never_restored_and_old_keys_are_pruned(tmp_path: Path) -> None:
    source = tmp_path / "made"
    source.mkdir()
    (source / "a.json").write_text("1")
    cache = FolderCache(tmp_path / "cache", keep=2)
    (tmp_path / "cache" / "half").mkdir(parents=True)
    (tmp_path / "cache" / "half" / "a.json").write_text("1")
    assert not cache.restore("half", tmp_path / "dest")
    for key in ("k1", "k2", "k3"):
        cache.store(key, source)
    kept = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert "k3" in kept and "k1" not in kept and len(kept) == 2


def test_a_rebuild_reuses_the_search_files_until_a_page_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    for _ in range(2):
        result = build_site(project, site)
        assert result.returncode == 0, result.stderr
    first = files_of(site / "search")
    cached = {p.stat().st_ino for p in (project / ".cache" / "search").rglob("*.json")}
    assert all((site / "search" / name).stat().st_ino in cached for name in first), "the second build linked the cached files"

    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\n새로 적은 문장입니다 흰수염고래.\n", encoding="utf-8")
    assert build_site(project, site).returncode == 0
    after = files_of(site / "search")
    assert after != first
    assert any("흰수염고래" in text.decode("utf-8") for text in after.values())
    assert json.loads(after["search_index.json"])["docs"] == []  # still our manifest, not Material's index


def test_a_rebuild_with_the_same_guides_starts_no_search_process(tmp_path: Path) -> None:
    # The guides' part of the index would be built on another core and then thrown away.
    project = copy_project(tmp_path / "project")
    runs = [run_script("build_counting_search_jobs", str(project / "mkdocs.yml"), str(tmp_path / "site")).stdout.strip() for _ in range(2)]
    assert runs[1] == "[False]", runs
    # The first build indexes in the background, except on one core, where nothing runs beside the build.
    assert runs[0] == ("[True]" if len(os.sched_getaffinity(0)) > 1 else "[False]"), runs
