"""Editors and readers each get their own link at the foot of every page.

Readers get "잘못된 내용 알리기", whose address is the giljabi plugin's report_url option with the
page's address and title filled in; editors get "이 페이지 수정하기", which opens the file they
really change (a guide's YAML). Nothing beside the title sends a reader to a GitHub login.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from generator.content.loader import GuideFile
from tests.support import build_site

EDIT_BASE = "https://github.com/giljabi/giljabi/edit/main/content/"
SITE = "https://giljabi.github.io/giljabi/"


def page(built_site: Path, *parts: str) -> BeautifulSoup:
    return BeautifulSoup((built_site.joinpath(*parts) / "index.html").read_text(encoding="utf-8"), "html.parser")


def footer_links(html: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in html.select("footer .gj-footer-links a")}


def test_guide_pages_edit_their_data_file_from_the_footer_only(built_site: Path, guide_files: list[GuideFile]) -> None:
    for loaded in guide_files:
        html = page(built_site, "guides", loaded.guide.id)
        [edit] = html.select("a[rel=edit]")
        assert edit.find_parent("footer") is not None
        assert edit["href"] == EDIT_BASE + loaded.display.removeprefix("content/")
        assert edit.get_text(strip=True) == "이 페이지 수정하기"
        assert edit.parent.get_text(" ", strip=True).startswith("편집자용")
        assert not html.select("article .md-content__button, article a[href*='github.com']")
        assert html.select_one(".gj-reviewed").get_text(" ", strip=True).startswith("최종 확인일")


def test_hand_written_pages_edit_their_markdown(built_site: Path) -> None:
    [edit] = page(built_site, "about").select("footer a[rel=edit]")
    assert (edit["href"], edit.get_text(strip=True)) == (EDIT_BASE + "about.md", "이 페이지 수정하기")


def test_every_page_lets_a_reader_report_a_mistake_about_that_page(built_site: Path, guide_files: list[GuideFile]) -> None:
    titles = {"": "길잡이", "about/": "이 사이트에 대하여"} | {loaded.guide.url: loaded.guide.title for loaded in guide_files}
    for path, title in titles.items():
        report = urlsplit(footer_links(page(built_site, path))["잘못된 내용 알리기"])
        assert (report.scheme, report.netloc, report.path) == ("https", "github.com", "/giljabi/giljabi/issues/new")
        assert parse_qs(report.query) == {"title": [title], "body": [SITE + path]}
    not_found = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert "잘못된 내용 알리기" in footer_links(not_found)


def test_where_a_report_goes_is_the_report_url_option(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r"^      report_url: .*$", text, flags=re.M)
    config.write_text(re.sub(r"^      report_url: .*$", "      report_url: mailto:fix@example.org?subject={title}", text, flags=re.M), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    links = footer_links(page(tmp_path / "site", "about"))
    assert links["잘못된 내용 알리기"] == "mailto:fix@example.org?subject=%EC%9D%B4%20%EC%82%AC%EC%9D%B4%ED%8A%B8%EC%97%90%20%EB%8C%80%ED%95%98%EC%97%AC"

    config.write_text(re.sub(r"^      report_url: .*$", "      report_url: http://example.org/{url}", text, flags=re.M), encoding="utf-8")
    result = build_site(project, tmp_path / "bad")
    assert result.returncode != 0
    assert "report_url은 https:// 또는 mailto:로 시작해야 합니다: http://example.org/{url}" in result.stderr


def test_without_report_url_there_is_no_report_link(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^      report_url: .*\n", "", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    assert build_site(project, tmp_path / "site").returncode == 0
    assert list(footer_links(page(tmp_path / "site", "about"))) == ["이 페이지 수정하기"]


def test_the_custom_labels_keep_the_page_korean(built_site: Path) -> None:
    html = page(built_site, "guides", "kb-financial-certificate")
    assert html.html["lang"] == "ko"
    assert html.select_one("input.md-search__input")["placeholder"] == "검색"


def test_the_editor_schema_is_not_published(built_site: Path) -> None:
    assert not (built_site / "guide.schema.json").exists()
    assert not list(built_site.rglob("*.yml"))
