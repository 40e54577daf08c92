"""Each guide file compiled once (generator/build/compile.py): every problem reported, the page and
search sections the renderer makes, cached, and the same again when compiled by worker processes
(issue #7)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.build.compile import PARALLEL_FROM, compile_all
from generator.content.check import check_guide
from generator.content.loader import guide_paths
from generator.content.problems import ContentError
from generator.page.render import render_guide
from generator.search.sections import guide_sections
from tests.support import compile_content, example, run_script, settings_for, write_content
from tests.support.synthetic import write_guides

SAMPLE = example()
MIXED = {
    "guides/a.yml": SAMPLE,
    "guides/b.yml": SAMPLE,  # the same id as a.yml
    "guides/c.yml": SAMPLE.replace("id: sample-guide", "id: other-guide").replace("body: 첫 단계에서", "body: <b>굵게</b> [피싱](https://kbstar.example.com) 첫 단계에서"),
    "guides/d.yml": SAMPLE.replace("title: 예시 안내서\n", "").replace("id: sample-guide", "id: broken-guide").replace("url: https://www.fss.or.kr", "url: http://www.fss.or.kr"),
    "guides/e.yml": SAMPLE.replace("id: sample-guide", "id: korean-encoding").encode("cp949"),
    "guides/f.yml": SAMPLE.replace("title: 예시 안내서", 'title: "닫히지 않은 따옴표'),
    "guides/g.yml": SAMPLE.replace("id: sample-guide", "id: taken-guide").replace("reviewed: 2026-11-01", "reviewed: 2024-01-01"),
    "guides/taken-guide.md": "# 손으로 쓴 페이지\n",
}


def test_a_mix_of_broken_files_reports_every_kind_of_problem_with_or_without_the_cache(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", MIXED)
    settings = settings_for(content)
    runs = [compile_content(content, settings, cache_dir=cache) for cache in (None, tmp_path / "cache", tmp_path / "cache")]  # no cache, cold, warm
    assert runs[0][0] == [] and runs[0][1]
    assert runs[1] == runs[0] and runs[2] == runs[0]
    kinds = " ".join(p.message for p in runs[0][1])
    for sign in ("이미 쓰고 있습니다", "HTML 태그", "허용 목록에 없습니다", "https://로 시작하지", "UTF-8이 아닙니다", "따옴표", "꼭 필요한 항목", "페이지가 이미 쓰고", "개월이 넘게"):
        assert sign in kinds, sign  # the mix really holds every kind of problem
    files = {p.file for p in runs[0][1]}
    assert files == {f"content/{name}" for name in MIXED if name.endswith(".yml")}  # a.yml too: its id is not its name


def test_pages_and_search_sections_are_what_the_renderer_makes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_guides(6, content, seed=3)
    settings = settings_for(content)
    checked = [check_guide(path, settings.policy, settings.root).file for path in guide_paths(content)]
    expected = sorted((f.guide for f in checked if f is not None), key=lambda g: (g.institution, g.title))
    assert len(expected) == 6
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):
        compiled, _warnings, _stats = compile_all(content, settings, cache_dir=cache, jobs=1)
        assert [c.file.guide for c in compiled] == expected
        assert [c.page for c in compiled] == [render_guide(g, review_due=settings.policy.review_due(g)) for g in expected]
        assert [c.search_page() for c in compiled] == [guide_sections(g) for g in expected]


def test_a_second_build_takes_every_guide_from_the_cache_and_an_edit_recompiles_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_guides(5, content, seed=1)
    cache = tmp_path / "cache"
    settings = settings_for(content)
    _c, _w, first = compile_all(content, settings, cache_dir=cache, jobs=1)
    _c, _w, second = compile_all(content, settings, cache_dir=cache, jobs=1)
    assert (first.compiled, first.cached, second.compiled, second.cached) == (5, 0, 0, 5)

    edited = sorted((content / "guides").glob("*.yml"))[2]
    edited.write_text(edited.read_text(encoding="utf-8").replace("\nsummary: ", "\nsummary: 고친 요약입니다. ", 1), encoding="utf-8")
    compiled, _w, third = compile_all(content, settings, cache_dir=cache, jobs=1)
    assert (third.compiled, third.cached, third.pruned) == (1, 4, 1)
    assert sum("고친 요약입니다." in c.page.html for c in compiled) == 1
    assert len(list(cache.glob("*.pickle"))) == 5


def test_the_policy_and_the_date_are_part_of_the_key(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": SAMPLE})
    cache = tmp_path / "cache"
    compile_all(content, settings_for(content), cache_dir=cache, jobs=1)
    # A year later the same file is stale: the warning and the page notice must appear.
    compiled, warnings, stats = compile_all(content, settings_for(content, today=dt.date(2028, 1, 1)), cache_dir=cache, jobs=1)
    assert stats.compiled == 1 and any("개월이 넘게" in p.message for p in warnings)
    assert "내용 확인이 필요할 수 있습니다" in compiled[0].page.html
    # Without www.fss.or.kr on the allow-list, its source link is an error, not a cached pass.
    with pytest.raises(ContentError, match="www.fss.or.kr"):
        compile_all(content, settings_for(content, domains=("www.kbstar.com",)), cache_dir=cache, jobs=1)


def test_a_broken_cache_entry_is_a_miss_and_a_failed_build_prunes_nothing(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": SAMPLE})
    cache = tmp_path / "cache"
    settings = settings_for(content)
    compile_all(content, settings, cache_dir=cache, jobs=1)
    [entry] = cache.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    compiled, _w, stats = compile_all(content, settings, cache_dir=cache, jobs=1)
    assert stats.compiled == 1 and compiled[0].file.guide.id == "sample-guide"

    (content / "guides" / "sample-guide.yml").write_text(SAMPLE.replace("title: 예시 안내서", "title: ''"), encoding="utf-8")
    with pytest.raises(ContentError):
        compile_all(content, settings, cache_dir=cache, jobs=1)
    assert entry.is_file(), "the last good build's entry survives a failed build"


def compile_in_workers(content: Path, cache: Path, jobs: int) -> dict:
    return json.loads(run_script("compile_in_workers", str(content), str(cache), str(jobs)).stdout)


def test_worker_processes_compile_exactly_what_one_process_does(tmp_path: Path) -> None:
    # Fewer files than PARALLEL_FROM are compiled in the calling process: it costs less than workers.
    count = PARALLEL_FROM + 2
    content = tmp_path / "content"
    write_guides(count, content, seed=2)
    parallel = compile_in_workers(content, tmp_path / "cache", 2)
    serial = compile_in_workers(content, tmp_path / "other-cache", 1)
    assert parallel["workers"] == 2 and serial["workers"] == 1
    assert parallel["pages"] == serial["pages"] and parallel["sections"] == serial["sections"] and parallel["warnings"] == serial["warnings"]
    assert len(parallel["pages"]) == count and all(parallel["pages"])
    warm = compile_in_workers(content, tmp_path / "cache", 2)
    assert warm["pages"] == serial["pages"] and (warm["compiled"], warm["workers"]) == (0, 1)  # nothing left to compile
