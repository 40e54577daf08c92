"""Each guide page's "이 페이지 수정하기" opens the file an editor really changes: the guide's YAML."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.content.loader import GuideFile

EDIT_BASE = "https://github.com/giljabi/giljabi/edit/main/content/"


def page(built_site: Path, *parts: str) -> BeautifulSoup:
    return BeautifulSoup((built_site.joinpath(*parts) / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_guide_pages_edit_their_data_file(built_site: Path, guide_files: list[GuideFile]) -> None:
    for loaded in guide_files:
        html = page(built_site, "guides", loaded.guide.id)
        [edit] = html.select("a[rel=edit]")
        assert edit["href"] == EDIT_BASE + loaded.display.removeprefix("content/")
        assert edit["href"].endswith(".yml")
        assert edit["title"] == "이 페이지 수정하기"
        assert html.select_one(".gj-reviewed").get_text(" ", strip=True).startswith("최종 확인일")


def test_hand_written_pages_edit_their_markdown(built_site: Path) -> None:
    [edit] = page(built_site, "about").select("a[rel=edit]")
    assert (edit["href"], edit["title"]) == (EDIT_BASE + "about.md", "이 페이지 수정하기")


def test_the_custom_labels_keep_the_page_korean(built_site: Path) -> None:
    html = page(built_site, "guides", "kb-financial-certificate")
    assert html.html["lang"] == "ko"
    assert html.select_one("input.md-search__input")["placeholder"] == "검색"


def test_the_editor_schema_is_not_published(built_site: Path) -> None:
    assert not (built_site / "guide.schema.json").exists()
    assert not list(built_site.rglob("*.yml"))
