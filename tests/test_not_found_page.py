"""The page a reader meets at an address that does not exist, served as GitHub Pages serves it:
in Korean, with the way home, a search box and every guide, at any screen and text size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.content.loader import GuideFile
from tests.support.static_host import serve_static

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
MISSING = "guides/no-such-guide/step-3/"


@pytest.fixture(scope="module")
def host(built_site: Path) -> Iterator[str]:
    server, url = serve_static(built_site)
    yield url
    server.shutdown()


@pytest.fixture
def open_missing(browser: Any, host: str) -> Iterator[Any]:
    contexts: list[Any] = []

    def make(viewport: dict[str, int], big_text: bool = False) -> Any:
        context = browser.new_context(viewport=viewport, has_touch=viewport is PHONE)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(host + MISSING, wait_until="networkidle")
        assert response.status == 404
        if big_text:  # a reader's 32 px default font
            page.add_style_tag(content="html { font-size: 200% !important }")
        return page

    yield make
    for context in contexts:
        context.close()


@VIEWPORTS
def test_it_says_in_korean_what_happened_and_leads_home(open_missing, host: str, viewport: dict[str, int]) -> None:
    page = open_missing(viewport)
    assert page.title() == "페이지를 찾을 수 없습니다 - 길잡이"
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.get_by_role("heading", level=1).inner_text() == "찾으시는 페이지가 없습니다"
    home = page.get_by_role("link", name="처음 화면으로")
    assert home.bounding_box()["height"] >= 44
    home.click()
    page.wait_for_load_state("networkidle")
    assert page.url == host
    assert page.get_by_role("heading", level=1).inner_text() == "길잡이"


@VIEWPORTS
def test_it_lists_every_guide_and_each_link_opens_it(open_missing, host: str, guide_files: list[GuideFile], viewport: dict[str, int]) -> None:
    page = open_missing(viewport)
    links = page.locator(".gj-not-found__guides a")
    assert links.all_inner_texts() == [loaded.guide.title for loaded in guide_files]
    links.first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == host + guide_files[0].guide.url
    assert page.get_by_role("heading", level=1).inner_text() == guide_files[0].guide.title


@VIEWPORTS
def test_its_search_box_shows_the_results(open_missing, host: str, viewport: dict[str, int]) -> None:
    page = open_missing(viewport)
    box = page.get_by_role("searchbox", name="안내서 검색")
    box.fill("금융인증서")
    box.press("Enter")
    page.wait_for_url(host + "?q=*")
    page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    assert page.locator("input.md-search__input").input_value() == "금융인증서"


@VIEWPORTS
def test_it_holds_at_a_32px_default_font(open_missing, viewport: dict[str, int]) -> None:
    page = open_missing(viewport, big_text=True)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for selector in (".gj-not-found__home", ".gj-not-found__search button", ".gj-not-found__search input"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], selector


@VIEWPORTS
def test_it_has_no_wcag_violations(open_missing, viewport: dict[str, int]) -> None:
    result = Axe().run(open_missing(viewport), options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}})
    assert result.violations_count == 0, result.generate_report()
