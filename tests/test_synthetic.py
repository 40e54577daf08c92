"""The benchmark's synthetic guides: valid, varied as promised, and the same for the same seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.yaml_source import decode, parse
from tests.support import ROOT, compile_content, guides_in, settings_for
from tests.support.synthetic import write_guides

ALLOWED_LINK = re.compile(r"^https://(www\.kbstar\.com|yeskey\.or\.kr|www\.yessign\.or\.kr|www\.fss\.or\.kr|www\.boho\.or\.kr)(/|$)")


@pytest.fixture(scope="module")
def synthetic_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    write_guides(60, content, seed=3)
    return content


def test_every_synthetic_guide_compiles_without_an_error(synthetic_content: Path) -> None:
    # Without the folder checks: the generator leaves out the schema comment editors' files start with.
    compiled, problems = compile_content(synthetic_content, settings_for(synthetic_content, folder_checks=False))
    assert len(compiled) == 60
    assert problems == []  # no warning either (an error would have left no guide compiled)
    assert len({c.file.guide.id for c in compiled}) == 60


def test_synthetic_guides_vary_within_the_promised_ranges(synthetic_content: Path) -> None:
    guides = [f.guide for f in guides_in(synthetic_content)]
    steps = [len(g.steps) for g in guides]
    failures = [len(g.failures) for g in guides]
    items = [sum(len(c.items) for c in g.checklists) for g in guides]
    assert min(steps) >= 5 and max(steps) <= 15 and len(set(steps)) >= 5
    assert min(failures) >= 3 and max(failures) <= 8 and len(set(failures)) >= 3
    assert min(items) >= 5 and max(items) <= 12 and len(set(items)) >= 4
    assert len({g.institution for g in guides}) >= 3
    # Realistic Korean text: a step body is a few sentences, mostly Hangul.
    bodies = [s.body for g in guides for s in g.steps]
    assert 60 <= sum(map(len, bodies)) / len(bodies) <= 600
    hangul = sum(1 for b in bodies for ch in b if "가" <= ch <= "힣")
    assert hangul / sum(map(len, bodies)) > 0.5


def test_synthetic_guides_link_only_to_official_domains_and_were_reviewed_recently(synthetic_content: Path) -> None:
    import datetime as dt

    for loaded in guides_in(synthetic_content):
        text = loaded.path.read_text(encoding="utf-8")
        for url in re.findall(r"https?://[^\s)\]'\"]+", text):
            assert ALLOWED_LINK.match(url), (loaded.display, url)
        assert dt.date(2026, 1, 1) <= loaded.guide.reviewed <= dt.date(2026, 11, 28)


def test_same_seed_writes_identical_files_and_another_seed_does_not(tmp_path: Path) -> None:
    first = write_guides(5, tmp_path / "a", seed=7)
    again = write_guides(5, tmp_path / "b", seed=7)
    other = write_guides(5, tmp_path / "c", seed=8)
    assert [p.name for p in first] == [p.name for p in again]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_fast_yaml_parse_gives_the_same_values_and_positions_as_pure_python(synthetic_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader reads with libyaml, for speed; editors' line:column must not move."""
    import yaml

    assert getattr(yaml, "CSafeLoader", None) is not None, "PyYAML without libyaml: builds are about 7x slower to load"
    paths = sorted((synthetic_content / "guides").glob("*.yml"))[:20] + sorted((ROOT / "content" / "guides").glob("*.yml"))
    texts = [decode(p.read_bytes()) for p in paths] + ["a: 1\r\nb: '한글 😀'\r\nc:\r\n  - x: 2\r\n    y: 가\r\n", "x: &a {b: 1}\ny:\n  <<: *a\n  b: 2\nb: 1\nb: 2\n", "reviewed: 2026-13-01\nvalue: !important 글\n"]
    fast = [parse(text) for text in texts]
    monkeypatch.delattr(yaml, "CSafeLoader")
    pure = [parse(text) for text in texts]
    for f, p in zip(fast, pure):
        assert f.data == p.data
        assert f.source.values == p.source.values and f.source.keys == p.source.keys
        assert f.duplicate_keys == p.duplicate_keys and f.unreadable == p.unreadable
