"""The per-guide compile step (generator/pipeline.py): same results as the plain loader, cached,
and the same again when compiled by worker processes (issue #7)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import ROOT
from generator import pipeline
from generator.bench.synthetic import write_guides
from generator.checks import ContentPolicy
from generator.loader import load_guides
from generator.passthrough import set_aside
from generator.pipeline import Settings, compile_all
from generator.problems import ContentError, Problem
from generator.render import render_guide
from generator.search.sections import guide_sections
from test_bad_input import BASE, OFFICIAL, TODAY

MIXED = {
    "guides/a.yml": BASE,
    "guides/b.yml": BASE,  # the same id as a.yml
    "guides/c.yml": BASE.replace("id: sample-guide", "id: other-guide").replace("body: 첫 단계에서", "body: <b>굵게</b> [피싱](https://kbstar.example.com) 첫 단계에서"),
    "guides/d.yml": BASE.replace("title: 예시 안내서\n", "").replace("id: sample-guide", "id: broken-guide").replace("url: https://www.fss.or.kr", "url: http://www.fss.or.kr"),
    "guides/e.yml": BASE.replace("id: sample-guide", "id: korean-encoding").encode("cp949"),
    "guides/f.yml": BASE.replace("title: 예시 안내서", 'title: "닫히지 않은 따옴표'),
    "guides/g.yml": BASE.replace("id: sample-guide", "id: taken-guide").replace("reviewed: 2026-11-01", "reviewed: 2024-01-01"),
    "guides/taken-guide.md": "# 손으로 쓴 페이지\n",
}


def write(content: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    (content / "guide.schema.json").write_text("{}", encoding="utf-8")
    return content


def settings_for(content: Path, today: dt.date = TODAY, domains: tuple[str, ...] = OFFICIAL) -> Settings:
    policy = ContentPolicy(allowed_domains=domains, review_max_age_months=12, today=today, content_dir=content, root=content.parent)
    return Settings(policy, content.parent)


def problems_of(call) -> list[Problem]:
    try:
        return call()[1]
    except ContentError as error:
        return error.problems


def test_every_problem_is_the_one_the_loader_reports_in_the_same_order(tmp_path: Path) -> None:
    content = write(tmp_path / "content", MIXED)
    settings = settings_for(content)
    expected = problems_of(lambda: load_guides(content, root=tmp_path, checks=settings.policy.checks()))
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):  # no cache, cold cache, warm cache
        assert problems_of(lambda: compile_all(content, settings, cache_dir=cache, jobs=1)) == expected
    kinds = " ".join(p.message for p in expected)
    for sign in ("이미 쓰고 있습니다", "HTML 태그", "허용 목록에 없습니다", "https://로 시작하지", "UTF-8이 아닙니다", "따옴표", "꼭 필요한 항목", "페이지가 이미 쓰고", "개월이 넘게"):
        assert sign in kinds, sign  # the mix really holds every kind of problem


def test_pages_and_search_sections_are_what_the_renderer_makes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_guides(6, content, seed=3)
    settings = settings_for(content)
    loaded, _warnings = load_guides(content, root=tmp_path, checks=settings.policy.checks())
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):
        compiled, _warnings, _stats = compile_all(content, settings, cache_dir=cache, jobs=1)
        assert [c.file.guide for c in compiled] == [f.guide for f in loaded]
        assert [c.page for c in compiled] == [render_guide(f.guide, review_due=settings.policy.review_due(f.guide)) for f in loaded]
        assert [c.search_page() for c in compiled] == [guide_sections(f.guide) for f in loaded]
        for c in compiled:  # the page body set aside at compile time, reused only for that body
            body = get_data(c.page)[0]
            assert c.set_aside == set_aside(body) and c.set_aside_for(body) is c.set_aside
            assert c.set_aside_for(body + "\n\n추가 문단") == set_aside(body + "\n\n추가 문단")


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
    assert sum("고친 요약입니다." in c.page for c in compiled) == 1
    assert len(list(cache.glob("*.pickle"))) == 5


def test_the_policy_and_the_date_are_part_of_the_key(tmp_path: Path) -> None:
    content = write(tmp_path / "content", {"guides/a.yml": BASE})
    cache = tmp_path / "cache"
    compile_all(content, settings_for(content), cache_dir=cache, jobs=1)
    # A year later the same file is stale: the warning and the page notice must appear.
    compiled, warnings, stats = compile_all(content, settings_for(content, today=dt.date(2028, 1, 1)), cache_dir=cache, jobs=1)
    assert stats.compiled == 1 and any("개월이 넘게" in p.message for p in warnings)
    assert "내용 확인이 필요할 수 있습니다" in compiled[0].page
    # Without www.fss.or.kr on the allow-list, its source link is an error, not a cached pass.
    with pytest.raises(ContentError, match="www.fss.or.kr"):
        compile_all(content, settings_for(content, domains=("www.kbstar.com",)), cache_dir=cache, jobs=1)


def test_a_broken_cache_entry_is_a_miss_and_a_failed_build_prunes_nothing(tmp_path: Path) -> None:
    content = write(tmp_path / "content", {"guides/a.yml": BASE})
    cache = tmp_path / "cache"
    settings = settings_for(content)
    compile_all(content, settings, cache_dir=cache, jobs=1)
    [entry] = cache.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    compiled, _w, stats = compile_all(content, settings, cache_dir=cache, jobs=1)
    assert stats.compiled == 1 and compiled[0].file.guide.id == "sample-guide"

    (content / "guides" / "a.yml").write_text(BASE.replace("title: 예시 안내서", "title: ''"), encoding="utf-8")
    with pytest.raises(ContentError):
        compile_all(content, settings, cache_dir=cache, jobs=1)
    assert entry.is_file(), "the last good build's entry survives a failed build"


def test_the_code_fingerprint_changes_with_our_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "generator"
    (package / "templates").mkdir(parents=True)
    (package / "render.py").write_text("x = 1\n")
    (package / "templates" / "guide.md.j2").write_text("{{ guide.title }}\n")
    monkeypatch.setattr(pipeline, "_PACKAGE", package)
    before = pipeline.code_fingerprint()
    (package / "templates" / "guide.md.j2").write_text("{{ guide.title }}!\n")
    assert pipeline.code_fingerprint() != before


WORKERS = """
import json, sys
from pathlib import Path
from generator import pipeline
from generator.checks import ContentPolicy
import datetime as dt
pipeline.PARALLEL_FROM = 1
content = Path(sys.argv[1])
policy = ContentPolicy(allowed_domains={domains!r}, review_max_age_months=12, today=dt.date(2026, 11, 28), content_dir=content, root=content.parent)
settings = pipeline.Settings(policy, content.parent)
compiled, warnings, stats = pipeline.compile_all(content, settings, cache_dir=Path(sys.argv[2]) if len(sys.argv) > 2 else None, jobs=int(sys.argv[3]) if len(sys.argv) > 3 else 2)
print(json.dumps({{"pages": [c.page for c in compiled], "sections": [c.sections for c in compiled], "warnings": [str(w) for w in warnings], "workers": stats.workers}}))
"""


def run_workers(content: Path, *args: str) -> dict:
    script = WORKERS.format(domains=OFFICIAL)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script, str(content), *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def test_worker_processes_compile_exactly_what_one_process_does(tmp_path: Path) -> None:
    # A fresh process: worker processes are only forked when no other thread runs (pytest's may).
    content = tmp_path / "content"
    write_guides(40, content, seed=2)
    parallel = run_workers(content, str(tmp_path / "cache"), "2")
    serial = run_workers(content, str(tmp_path / "other-cache"), "1")
    assert parallel["workers"] == 2 and serial["workers"] == 1
    assert parallel["pages"] == serial["pages"] and parallel["sections"] == serial["sections"] and parallel["warnings"] == serial["warnings"]
    assert len(parallel["pages"]) == 40
    warm = run_workers(content, str(tmp_path / "cache"), "2")
    assert warm["pages"] == serial["pages"] and warm["workers"] == 1  # nothing left to compile
