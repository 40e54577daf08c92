"""Every cached output (compiled guides, handouts, search files) is keyed by everything that shapes
it: any file of the package, the library versions and the options. A stale entry is never found."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import pytest

from generator.build import cache, handouts
from generator.build.cache import code_fingerprint
from generator.build.compile import Settings, compile_all
from generator.build.handouts import build_handouts, handout_key
from generator.build.search_job import search_key
from generator.content.policy import ContentPolicy
from tests.support import OFFICIAL, ROOT, TODAY
from tests.support.synthetic import write_guides

SOURCES = sorted(p.relative_to(ROOT / "generator").as_posix() for p in (ROOT / "generator").rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".css"))


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("package") / "generator"
    shutil.copytree(ROOT / "generator", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_fingerprint_covers_modules_templates_and_stylesheets() -> None:
    kinds = {Path(name).suffix for name in SOURCES}
    assert kinds == {".py", ".j2", ".css"}
    assert "page/templates/guide/steps.html.j2" in SOURCES and "handout/templates/handout.css" in SOURCES


@pytest.mark.parametrize("source", SOURCES)
def test_changing_any_source_file_changes_the_fingerprint(package_copy: Path, source: str) -> None:
    before = code_fingerprint(package_copy)
    path = package_copy / source
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n")
        assert code_fingerprint(package_copy) != before, source
    finally:
        path.write_bytes(original)


def test_a_library_upgrade_changes_the_fingerprint(package_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = code_fingerprint(package_copy)
    real_version = cache.metadata.version
    monkeypatch.setattr(cache.metadata, "version", lambda name: "99.0" if name == "weasyprint" else real_version(name))
    assert code_fingerprint(package_copy) != before


def _settings(content: Path, fingerprint: str = "code-a", **policy: object) -> Settings:
    options = {"allowed_domains": OFFICIAL, "review_max_age_months": 12, "today": TODAY, "content_dir": content}
    options.update(policy)
    search = bool(options.pop("search", True))
    return Settings(ContentPolicy(**options), content.parent, search=search, fingerprint=fingerprint)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def synthetic_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    write_guides(3, content, seed=4)
    return content


@pytest.mark.parametrize(
    "changed",
    [
        {"fingerprint": "code-b"},
        {"allowed_domains": (*OFFICIAL, "www.gov.kr")},
        {"allowed_phone_numbers": ("112", "1332", "118", "182")},
        {"review_max_age_months": 6},
        {"today": TODAY.replace(year=TODAY.year + 1)},
        {"search": False},
    ],
    ids=["code", "allowed-domains", "allowed-phone-numbers", "review-age", "date", "search-option"],
)
def test_a_compiled_guide_is_compiled_again_when_code_or_an_option_changes(synthetic_content: Path, tmp_path: Path, changed: dict) -> None:
    cached = tmp_path / "guides"
    compile_all(synthetic_content, _settings(synthetic_content), cache_dir=cached, jobs=1)
    _c, _w, same = compile_all(synthetic_content, _settings(synthetic_content), cache_dir=cached, jobs=1)
    assert (same.cached, same.compiled) == (3, 0)
    _c, _w, other = compile_all(synthetic_content, _settings(synthetic_content, **changed), cache_dir=cached, jobs=1)
    assert (other.cached, other.compiled) == (0, 3)


def test_the_search_files_key_changes_with_the_code_and_the_hand_written_pages(synthetic_content: Path, tmp_path: Path) -> None:
    material_index = tmp_path / "search_index.json"
    material_index.write_text('{"docs": [{"location": "about/", "title": "소개", "text": "안내"}]}', encoding="utf-8")
    _c, _w, first = compile_all(synthetic_content, _settings(synthetic_content), cache_dir=tmp_path / "a", jobs=1)
    _c, _w, again = compile_all(synthetic_content, _settings(synthetic_content), cache_dir=tmp_path / "b", jobs=1)
    _c, _w, new_code = compile_all(synthetic_content, _settings(synthetic_content, fingerprint="code-b"), cache_dir=tmp_path / "c", jobs=1)
    key = search_key(first.digest, material_index)
    assert key and search_key(again.digest, material_index) == key
    assert search_key(new_code.digest, material_index) != key
    material_index.write_text('{"docs": [{"location": "about/", "title": "소개", "text": "고친 안내"}]}', encoding="utf-8")
    assert search_key(first.digest, material_index) != key


def test_a_handout_key_changes_with_the_code_the_guide_and_the_site_address(guide_files) -> None:
    seed = guide_files[0]
    key = handout_key(seed, "https://example.org/guides/x/", "code-a")
    assert handout_key(seed, "https://example.org/guides/x/", "code-a") == key
    assert handout_key(seed, "https://example.org/guides/x/", "code-b") != key
    assert handout_key(seed, "http://127.0.0.1:8000/guides/x/", "code-a") != key
    edited = dataclasses.replace(seed, guide=seed.guide.model_copy(update={"title": "고친 제목"}), digest="")
    assert handout_key(edited, "https://example.org/guides/x/", "code-a") != key


def test_a_cached_handout_is_rendered_again_after_any_code_change(guide_files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed = guide_files[0]
    [first] = build_handouts([seed], "https://example.org/", tmp_path, stream=io.StringIO())
    [again] = build_handouts([seed], "https://example.org/", tmp_path, stream=io.StringIO())
    assert first.rendered and not again.rendered
    # What used to be missed: the text filters in content/text.py shape every handout too.
    monkeypatch.setattr(handouts, "installed_fingerprint", lambda: code_fingerprint() + "content/text.py changed")
    [after_edit] = build_handouts([seed], "https://example.org/", tmp_path, stream=io.StringIO())
    assert after_edit.rendered and after_edit.path != first.path
