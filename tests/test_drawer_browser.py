"""The navigation drawer on a phone: its links are out of reach while it is closed, in reach once opened."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
IN_DRAWER = "() => !!document.activeElement.closest('.md-sidebar--primary')"


@pytest.fixture
def open_page(browser: Any, site_url: str) -> Iterator[Any]:
    contexts: list[Any] = []

    def make(viewport: dict[str, int], path: str = "") -> Any:
        context = browser.new_context(viewport=viewport, base_url=site_url)
        contexts.append(context)
        page = context.new_page()
        page.goto(path, wait_until="networkidle")
        return page

    yield make
    for context in contexts:
        context.close()


def tab_stops(page: Any, count: int = 40) -> list[bool]:
    """For each of the first Tab presses from the top of the page: whether focus is in the drawer."""
    page.locator("body").focus()
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(IN_DRAWER))
    return stops


@pytest.mark.parametrize("path", ["", "guides/kb-financial-certificate/"], ids=["home", "guide"])
def test_tab_never_lands_in_the_closed_drawer_on_a_phone(open_page, path: str) -> None:
    page = open_page(PHONE, path)
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    assert not any(tab_stops(page))


def test_opening_the_drawer_brings_its_links_into_reach_and_closing_takes_them_away(open_page) -> None:
    page = open_page(PHONE)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(300)  # Material's slide-in
    assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    assert any(tab_stops(page))
    page.locator("label.md-overlay").click(position={"x": 350, "y": 400})
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")


def test_the_desktop_sidebar_is_never_inert(open_page) -> None:
    page = open_page(DESKTOP, "about/")
    assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    assert any(tab_stops(page))
