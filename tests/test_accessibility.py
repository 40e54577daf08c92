"""Accessibility of the built pages in Debian's Chromium, Material's own parts included.

axe-core (bundled by axe-playwright-python) checks the WCAG 2.0/2.1/2.2 A and AA rules on
the home page, the about page and every guide page (the example guide with a link in its
step text included), on a phone and on a desktop, light and dark, in the states a reader
creates: search open, a checklist just cleared (undo offered), storage refused (notice
shown), the text size menu open. Checklist keyboard use and tap targets are checked directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.content.loader import GuideFile
from generator.content.model import Guide
from tests.support import shown_text
from tests.support.browser import INITIALIZER, PLACEHOLDER

TRANSITIONS_DONE = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
RESULTS_SHOWN = """([placeholder, initializer]) => {
  const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  return meta !== '' && meta !== placeholder && !meta.includes(initializer);
}"""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
BLOCKED_STORAGE = """
    Object.defineProperty(window, "localStorage", {configurable: true,
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""


# A dark page is the light page's document with Material's colour variables swapped, so the
# rules that do not read colours give the same answer in both schemes: dark pages are checked
# with the WCAG A/AA rules that read colours, light pages with all of them.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def violations(page: Any, context: str | None = None, scheme: str = "light") -> str:
    """axe's report of WCAG A/AA violations (in the dark scheme, those that depend on colour);
    empty when there are none."""
    only = {"type": "rule", "values": COLOUR_RULES} if scheme == "dark" else {"type": "tag", "values": WCAG_TAGS}
    result = Axe().run(page, context=context, options={"runOnly": only})
    return result.generate_report() if result.violations_count else ""


@pytest.fixture
def new_page(browser: Any, site_url: str) -> Iterator[Any]:
    """Opens pages in fresh contexts of the given viewport; closes them after the test."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int], init_script: str | None = None) -> Any:
        context = browser.new_context(viewport=viewport, base_url=site_url)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def guide(guide_files: list[GuideFile]) -> Guide:
    return next(g.guide for g in guide_files if g.guide.checklists)


@VIEWPORTS
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_wcag_violations(browser: Any, deployed_url: str, deployed_pages: list[str], viewport: dict[str, int], scheme: str) -> None:
    context = browser.new_context(viewport=viewport, base_url=deployed_url, color_scheme=scheme)
    page = context.new_page()
    report = {}
    for path in deployed_pages:
        page.goto(path)
        report[path or "/"] = violations(page, scheme=scheme)
    context.close()
    assert {path: text for path, text in report.items() if text} == {}


@VIEWPORTS
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_text_size_menu_has_no_wcag_violations(browser: Any, deployed_url: str, viewport: dict[str, int], scheme: str) -> None:
    context = browser.new_context(viewport=viewport, base_url=deployed_url, color_scheme=scheme)
    page = context.new_page()
    page.goto("about/")
    page.get_by_role("button", name="글자 크기").click()
    page.get_by_role("button", name="아주 크게").click()
    assert violations(page, scheme=scheme) == ""
    context.close()


@VIEWPORTS
def test_checklist_states_have_no_wcag_violations(new_page, guide: Guide, viewport: dict[str, int]) -> None:
    # Storage refused: the notice shows. A cleared checklist: the undo button shows.
    page = new_page(viewport, BLOCKED_STORAGE)
    page.goto(f"guides/{guide.id}/")
    checklist = page.locator(f"#checklist-{guide.checklists[0].id}")
    checklist.locator("label.gj-check").first.click()
    checklist.get_by_role("button", name="체크 모두 지우기").click()
    assert checklist.locator(".gj-checklist__notice").is_visible()
    assert checklist.get_by_role("button", name="되돌리기").is_visible()
    assert violations(page) == ""


@VIEWPORTS
def test_open_search_dialog_is_named_and_has_no_wcag_violations(new_page, viewport: dict[str, int]) -> None:
    page = new_page(viewport)
    page.goto("")
    opener = page.locator("label.md-header__button[for='__search']")  # phones: an icon
    (opener if opener.is_visible() else page.locator(".md-search__input")).click()
    assert page.get_by_role("dialog", name="검색").count() == 1
    page.wait_for_function(TRANSITIONS_DONE)  # colours are final once the opening transition ends
    assert violations(page) == ""
    page.keyboard.type("인증서")
    page.wait_for_function(RESULTS_SHOWN, arg=[PLACEHOLDER, INITIALIZER])  # results, or the no-result line
    page.wait_for_function(TRANSITIONS_DONE)
    assert violations(page) == ""


def test_footer_text_keeps_its_contrast(new_page) -> None:
    # The footer is empty today; a copyright line in mkdocs.yml would use Material's
    # palest footer colour, which fails AA on its dark background unless overridden.
    page = new_page(DESKTOP)
    page.goto("")
    page.evaluate("""() => {
        document.querySelector(".md-copyright").innerHTML =
          '<div class="md-copyright__highlight">© 길잡이 만든 사람들</div>이 사이트의 글은 자유롭게 쓸 수 있습니다. <a href="about/">안내</a>';
    }""")
    assert violations(page, context=".md-footer") == ""


@VIEWPORTS
def test_every_checkbox_is_named_by_its_item_and_easy_to_tap(new_page, guide_files: list[GuideFile], viewport: dict[str, int]) -> None:
    page = new_page(viewport)
    for loaded in guide_files:
        page.goto(f"guides/{loaded.guide.id}/")
        for checklist in loaded.guide.checklists:
            for item in checklist.items:
                box = page.get_by_role("checkbox", name=shown_text(item.text), exact=True)
                assert box.count() == 1, item.id
                # Box and text are one label, one target of at least 44×44 CSS px.
                label = page.locator(f"label.gj-check:has(#gj-check-{item.id})")
                area = label.bounding_box()
                assert area["width"] >= 44 and area["height"] >= 44, item.id
                label.locator(".gj-check__text").click()
                assert box.is_checked(), item.id


def test_keyboard_reaches_and_toggles_every_box_with_visible_focus(new_page, guide: Guide) -> None:
    page = new_page(DESKTOP)
    page.goto(f"guides/{guide.id}/")
    items = [item for checklist in guide.checklists for item in checklist.items]
    reached = []
    for checklist in guide.checklists:
        # Tab on until the list's first box (past links and buttons between lists); then each Tab
        # reaches the next box of the list.
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == f"gj-check-{checklist.items[0].id}":
                break
        while page.evaluate("document.activeElement.classList.contains('gj-check__input')"):
            # The ring is drawn on the box's label (the whole tap target) or on the box.
            focused = page.evaluate("""() => {
                const box = document.activeElement;
                const ring = [box.closest("label"), box].map(getComputedStyle).find(s => s.outlineStyle !== "none") || getComputedStyle(box);
                return [box.dataset.gjItem, ring.outlineStyle, parseFloat(ring.outlineWidth)];
            }""")
            ident, outline, width = focused
            assert outline != "none" and width >= 2, f"{ident}: focus outline {outline} {width}px"
            page.keyboard.press("Space")
            assert page.locator(f"#gj-check-{ident}").is_checked()
            reached.append(ident)
            page.keyboard.press("Tab")
    assert reached == [item.id for item in items]
