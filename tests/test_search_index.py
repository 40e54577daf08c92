"""The search files equal what a plain, obviously correct rewrite of the index makes.

generator/search/index.py is written for speed (integer keys read from UTF-32 bytes, JSON put
together from repr, shards encoded again only where later pages touched them); the reference in
tests/support/search_reference.py is the definition it must keep: every bigram and every
character of a section's compact text lists the section's number, lists are delta-encoded and
sharded by FNV-1a of the key.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build.search_job import SearchIndexError, SearchJob
from generator.search.analysis import shard_of
from generator.search.index import IndexBuilder, build_index, write_files
from generator.search.sections import Page, Section, material_sections
from tests.support.search_reference import reference_files, reference_shard


# Keys: Hangul, Latin, digits, and characters beyond U+FFFF (two UTF-16 units each).
ALPHABET_KEYS = "가힣인증abz09𠀀𝐀😀"


@given(st.text(alphabet=ALPHABET_KEYS, min_size=1, max_size=3), st.sampled_from([1, 2, 64, 1024, 4096]))
def test_shard_of_hashes_utf16_units(key: str, shards: int) -> None:
    assert shard_of(key, shards) == reference_shard(key, shards)


def reference_version(files: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode())
    return digest.hexdigest()[:12]


def shard_counts(files: dict[str, str], prefix: str) -> int:
    return sum(1 for path in files if path.startswith(f"giljabi/{prefix}/"))


def assert_matches_reference(pages: list[Page], index) -> None:
    expected = reference_files(pages)
    words = {path: data.decode() for path, data in index.files.items() if path.startswith("giljabi/w/")}
    assert index.files.keys() - words.keys() == expected.keys()
    assert [path for path in expected if index.files[path] != expected[path].encode()] == []
    assert index.manifest["version"] == reference_version({**expected, **words})
    assert index.manifest["t"] == shard_counts(expected, "t") and index.manifest["u"] == shard_counts(expected, "u")
    assert index.manifest["offsets"] == [0, *[sum(len(p.sections) for p in pages[: n + 1]) for n in range(len(pages))]]


# Hangul, Latin in both cases, digits, fullwidth and mathematical letters that NFKC folds, a
# letter outside the Basic Multilingual Plane, and the spaces and punctuation compact drops.
ALPHABET = "가나다라마바사인증서발급각ABCabcxyz0129ＡＢ１𝐀𠀀 .,-_·\t\"\\"
texts = st.text(alphabet=ALPHABET, max_size=40)
sections = st.builds(
    Section,
    anchor=st.sampled_from(["", "step-a", "check-b"]),
    title=texts,
    text=texts,
    aliases=st.lists(texts, max_size=2).map(tuple),
    related=st.lists(texts, max_size=2).map(tuple),
)
pages = st.lists(st.builds(Page, location=st.sampled_from(["a/", "guides/x/", "about/"]), sections=st.lists(sections, min_size=1, max_size=5).map(tuple)), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(pages)
def test_small_indexes_equal_the_reference(pages: list[Page]) -> None:
    assert_matches_reference(pages, build_index(pages))


def korean_pages(count: int, seed: int) -> list[Page]:
    """Pages of random Hangul words: enough postings for many shards."""
    rng = random.Random(seed)
    syllables = [chr(0xAC00 + rng.randrange(0, 11172, 7)) for _ in range(60)]

    def words(n: int) -> str:
        return " ".join("".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(n))

    return [Page(f"guides/g{n}/", tuple(Section(f"step-{k}" if k else "", words(3), words(rng.randint(0, 40)), (words(1),) if k == 0 else ()) for k in range(rng.randint(3, 12)))) for n in range(count)]


def test_a_large_index_spread_over_many_shards_equals_the_reference() -> None:
    pages = korean_pages(120, seed=1)
    index = build_index(pages)
    assert index.manifest["t"] >= 8 and index.manifest["u"] >= 2
    assert_matches_reference(pages, index)


def test_pages_added_after_an_index_give_the_index_of_all_pages() -> None:
    guides, about = korean_pages(120, seed=2), [Page("about/", (Section("", "소개", "길잡이 안내"),))]
    builder = IndexBuilder()
    builder.add_pages(guides)
    first = builder.index()
    builder.add_pages(about)
    second = builder.index()
    assert_matches_reference(guides, first)
    assert_matches_reference(guides + about, second)
    assert first.manifest["t"] == second.manifest["t"]
    # Shards the later pages did not touch are not encoded again (nor written again in a build).
    untouched = [path for path in first.files if first.files[path] is second.files[path] and "/t/" in path]
    assert untouched and len(untouched) < first.manifest["t"]


def test_pages_added_later_may_need_more_shards() -> None:
    guides, more = korean_pages(40, seed=4), korean_pages(80, seed=5)
    builder = IndexBuilder()
    builder.add_pages(guides)
    first = builder.index()
    builder.add_pages(more)
    second = builder.index()
    assert second.manifest["t"] > first.manifest["t"]
    assert_matches_reference(guides + more, second)


MATERIAL = {
    "config": {"lang": ["ko"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "홈", "text": "안내서 목록"},
        {"location": "guides/g0/", "title": "Material's parse of a guide page", "text": "skipped"},
        {"location": "about/", "title": "소개", "text": "<p>길잡이는 공식 자료만 씁니다</p>"},
        {"location": "about/#rules", "title": "지키는 것", "text": "출처를 밝힙니다"},
    ],
}


def material_site(folder: Path) -> Path:
    """A site folder as Material's search plugin leaves it at post_build."""
    (folder / "search").mkdir(parents=True)
    (folder / "search" / "search_index.json").write_text(json.dumps(MATERIAL, ensure_ascii=False), encoding="utf-8")
    (folder / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    return folder


def read_folder(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def forking_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even when the test session runs threads (the browser tests' web server): the child only computes and writes."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_the_index_made_in_the_background_is_the_index_made_here(tmp_path: Path, forking_allowed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    guides = korean_pages(30, seed=9)
    background = SearchJob(guides, material_site(tmp_path / "background"))
    assert background.in_background
    background.finish()
    assert multiprocessing.active_children() == []

    monkeypatch.setattr(threading, "active_count", lambda: 2)  # as under `mkdocs serve`
    here = SearchJob(guides, material_site(tmp_path / "here"))
    assert not here.in_background
    here.finish()

    files = read_folder(tmp_path / "background")
    assert files == read_folder(tmp_path / "here")
    assert [path.name for path in (tmp_path / "background").iterdir()] == ["search"]  # no hidden folder left
    assert "search/search_index.js" not in files
    about = list(material_sections(MATERIAL["docs"], {"", "guides/g0/"}))
    expected = build_index(guides + about)
    assert expected.files == {path.removeprefix("search/"): data for path, data in files.items() if "/giljabi/" in f"/{path}"}
    manifest = json.loads(files["search/search_index.json"])
    assert manifest == {"config": {**MATERIAL["config"], "giljabi": expected.manifest}, "docs": []}


def test_a_failure_in_the_background_fails_the_build_and_leaves_no_process(tmp_path: Path, forking_allowed: None) -> None:
    job = SearchJob(korean_pages(3, seed=10), tmp_path)  # Material wrote no index here
    with pytest.raises(SearchIndexError, match="search_index.json"):
        job.finish()
    assert multiprocessing.active_children() == []


def test_a_vanished_process_fails_the_build(tmp_path: Path, forking_allowed: None) -> None:
    job = SearchJob(korean_pages(3, seed=11), material_site(tmp_path))
    (child,) = multiprocessing.active_children()
    os.kill(child.pid, signal.SIGKILL)
    with pytest.raises(SearchIndexError, match="종료 코드 -9"):
        job.finish()
    assert multiprocessing.active_children() == []


def test_cancel_stops_the_process_and_removes_what_it_wrote(tmp_path: Path, forking_allowed: None) -> None:
    folder = material_site(tmp_path)
    before = read_folder(folder)
    job = SearchJob(korean_pages(60, seed=12), folder)
    assert job.in_background
    deadline = time.monotonic() + 60
    while not list(folder.glob(".giljabi-search-*/giljabi/t/*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(folder.glob(".giljabi-search-*/giljabi/t/*.json")), "the guides' files are written before post_build"
    job.cancel()
    assert multiprocessing.active_children() == []
    assert read_folder(folder) == before
    assert [path.name for path in folder.iterdir()] == ["search"]
    job.cancel()  # a second call (a build error after a cache hit) is harmless


def test_writing_over_an_earlier_index_of_the_same_builder_leaves_what_writing_afresh_leaves(tmp_path: Path) -> None:
    builder = IndexBuilder()
    builder.add_pages(korean_pages(40, seed=13))
    first = builder.index()
    builder.add_pages(korean_pages(80, seed=14))  # more shards: every shard file changes
    second = builder.index()
    builder.add_pages([Page("about/", (Section("", "소개", "길잡이 안내"),))])  # a few shards change
    third = builder.index()
    write_files(tmp_path / "over", first.files)
    write_files(tmp_path / "over", second.files, first.files)
    write_files(tmp_path / "over", third.files, second.files)
    write_files(tmp_path / "fresh", third.files)
    assert read_folder(tmp_path / "over") == read_folder(tmp_path / "fresh")


def test_one_job_keeps_the_work_in_this_process(tmp_path: Path, forking_allowed: None) -> None:
    guides = korean_pages(3, seed=15)
    job = SearchJob(guides, material_site(tmp_path), jobs=1)
    assert not job.in_background and multiprocessing.active_children() == []
    job.finish()
    expected = build_index(guides + list(material_sections(MATERIAL["docs"], {"", "guides/g0/"})))
    written = {path.removeprefix("search/"): data for path, data in read_folder(tmp_path).items() if "/giljabi/" in f"/{path}"}
    assert written == expected.files
