"""A map of the guide on every screen, driven in Chromium as a reader drives it: the "이 안내서에서"
jump links under the summary (tapped on a phone, clicked or keyed on a desktop, with a 32 px
default font), the table of contents in the phone's menu, and the skip link that lands on the
guide's title with focus. Expected links come from each guide's own data.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.content.model import Guide
from generator.page.outline import outline
from generator.page.render import render_guide
from tests.support import example, shown_text
from tests.support.screens import DESKTOP, PHONE, PHONE_BIG_FONT, Screen

SCREENS = pytest.mark.parametrize("screen", [PHONE, DESKTOP, PHONE_BIG_FONT], ids=lambda screen: screen.name)


def expected_map(guide: Guide) -> list[tuple[str, str]]:
    """(link text, target) for the parts a reader looks for most that this guide has."""
    links = [("준비물", "#prerequisites"), ("단계", "#steps")]
    shown = guide.checklists_at("before") + guide.checklists_at("after")  # in page order
    if shown:
        links.append(("체크리스트", f"#checklist-{shown[0].id}"))
    trouble = [part.id for part in outline(guide) if part.id in ("failures", "tips", "strategies")]
    if trouble:
        links.append(("막힐 때", f"#{trouble[0]}"))
    if guide.warnings:
        links.append((shown_text(guide.warnings[0].title), "#warning-1"))
    return links


# Material's instant navigation records the scroll position in history.state 100 ms after the
# page stops scrolling, and a link to a part of the same page that is followed while a position is
# recorded goes back to that position instead of to the part. Playwright scrolls a link into view
# and taps it within those 100 ms, which no finger does: a reader scrolls, stops, then taps.
SCROLL_RECORDED = "() => history.state !== null && Math.abs(history.state.y - scrollY) < 1"


def press(page: Any, screen: Screen, target: Any) -> None:
    """A tap on a phone, a click on a desktop, on a link the reader has scrolled to and stopped at."""
    target.scroll_into_view_if_needed()
    page.wait_for_function(SCROLL_RECORDED)
    if screen.touch:
        target.tap()
    else:
        target.click()


BELOW_HEADER = """(selector) => {
    const top = document.querySelector(selector).getBoundingClientRect().top;
    const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
    return top >= header - 1 && top < innerHeight - 20;
}"""


def comes_to_rest(page: Any, condition: str, arg: Any, timeout: float = 15_000) -> bool:
    """Whether the page stops scrolling (the same position on two looks 100 ms apart) with
    condition(arg) true: smooth scrolling starts and ends later on a loaded machine than any fixed
    pause, and an element passes through the screen on its way, so both must hold together."""
    try:
        page.wait_for_function(
            f"""(arg) => {{
                const still = window.__gjLastY === scrollY;
                window.__gjLastY = scrollY;
                return still && ({condition})(arg);
            }}""",
            arg=arg,
            polling=100,
            timeout=timeout,
        )
    except PlaywrightTimeout:
        return False
    return True


def in_view_below_header(page: Any, selector: str) -> bool:
    """The element comes to rest with its top on screen and not under Material's sticky header."""
    return comes_to_rest(page, BELOW_HEADER, selector)


@SCREENS
def test_the_map_under_the_summary_jumps_to_each_part_the_guide_has(open_page, deployed_guides: list[Guide], screen: Screen) -> None:
    for guide in deployed_guides:
        page = open_page(screen, f"guides/{guide.id}/")
        nav = page.get_by_role("navigation", name="이 안내서에서")
        links = nav.get_by_role("link")
        # Material's instant navigation makes every href absolute; the part is the hash.
        found = [(link.inner_text().strip(), link.evaluate("link => link.hash")) for link in links.all()]
        assert found == expected_map(guide), guide.id
        # Right under the summary, before the key facts: the first screenful of a phone.
        assert page.evaluate("() => document.querySelector('.gj-summary').nextElementSibling.matches('nav.gj-map')")
        for text, target in found:
            press(page, screen, nav.get_by_role("link", name=text, exact=True))
            page.wait_for_function("target => location.hash === target", arg=target)
            assert in_view_below_header(page, target), f"{guide.id}: {text} → {target}"
            box = links.first.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44
        assert page.errors == []


def test_the_map_jumps_by_keyboard(open_page, deployed_guides: list[Guide]) -> None:
    guide = deployed_guides[0]
    page = open_page(DESKTOP, f"guides/{guide.id}/")
    text, target = expected_map(guide)[-1]
    link = page.get_by_role("navigation", name="이 안내서에서").get_by_role("link", name=text, exact=True)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('nav.gj-map') !== null"):
            break
    while page.evaluate("document.activeElement.textContent.trim()") != text:
        page.keyboard.press("Tab")
    assert link.evaluate("link => link === document.activeElement")
    page.wait_for_function(SCROLL_RECORDED)  # focus scrolls the link into view, as a tap does
    page.keyboard.press("Enter")
    page.wait_for_function("target => location.hash === target", arg=target)
    assert in_view_below_header(page, target)


@pytest.mark.parametrize("screen", [PHONE, PHONE_BIG_FONT], ids=lambda screen: screen.name)
def test_the_phone_menu_holds_the_guides_table_of_contents(open_page, deployed_guides: list[Guide], screen: Screen) -> None:
    for guide in deployed_guides:
        page = open_page(screen, f"guides/{guide.id}/")
        page.locator("label.md-header__button[for='__drawer']").tap()
        drawer = page.locator(".md-sidebar--primary")
        # The guide is listed as the page the reader is on; its entry opens the table of contents.
        drawer.locator("label.md-nav__link--active[for='__toc']").tap()
        toc = drawer.get_by_role("navigation", name="목차")
        parts = outline(guide)
        for part in parts:
            assert toc.get_by_role("link", name=shown_text(str(part.title)), exact=True).is_visible(), part.id
        last = parts[-1]
        toc.get_by_role("link", name=shown_text(str(last.title)), exact=True).tap()
        page.wait_for_function("target => location.hash === target", arg=f"#{last.id}")
        # The menu closes and the part comes into view.
        closed_on_part = "(id) => !document.getElementById('__drawer').checked && document.getElementById(id).getBoundingClientRect().top < innerHeight"
        assert comes_to_rest(page, closed_on_part, last.id), last.id
        assert page.errors == []


@pytest.mark.parametrize("screen", [PHONE_BIG_FONT, DESKTOP], ids=lambda screen: screen.name)
def test_the_skip_link_lands_on_the_title_with_focus(open_page, deployed_guides: list[Guide], screen: Screen) -> None:
    guide = deployed_guides[0]
    page = open_page(screen, f"guides/{guide.id}/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("link => link === document.activeElement") and skip.is_visible()
    assert skip.inner_text().strip() == "콘텐츠로 이동"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'title'")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert in_view_below_header(page, "#title")
    # The next Tab goes on from the title (the handout link), not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('gj-handout__link')")

    # After instant navigation to another page and back, the link still targets the title.
    page.goto("")
    page.locator(f"a.gj-card__link[href$='guides/{guide.id}/']").click()
    page.wait_for_url(f"**/guides/{guide.id}/")
    page.locator(".md-skip").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'title'")
    assert page.errors == []


def test_the_maps_checklist_link_goes_to_the_first_list_on_the_page() -> None:
    # Listed after-first in the file, the "before" list is still the one a reader meets first.
    sample = Guide.model_validate(yaml.safe_load(example()))
    ready = sample.checklists[0]
    after = ready.model_copy(update={"id": "done", "title": "마친 뒤", "when": "after"})
    guide = sample.model_copy(update={"checklists": [after, ready]})
    page = BeautifulSoup(render_guide(guide).html, "html.parser")
    links = [(a.get_text(strip=True), a["href"]) for a in page.select("nav.gj-map a")]
    assert ("체크리스트", f"#checklist-{ready.id}") in links
    assert links == expected_map(guide)
