"""Pages a reader can read at any text size, light or dark, driven in Chromium.

The "글자 크기" control (tapped on a phone, keyed on a desktop), the layout at a 32 px default
font and at 200 % zoom on a 360 px phone (nothing past the screen's edge or out of its box, no
column a syllable wide), dark mode from the system setting, the contrast of the text we colour,
underlined links, and Hangul that wraps between words, links and home-page cards included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.content.model import Guide
from tests.support.screens import (
    DESKTOP,
    DESKTOP_BIG_FONT,
    PHONE,
    PHONE_BIG_FONT,
    PHONE_ZOOMED,
    Screen,
    broken_words,
    contrasts,
    layout_problems,
    root_font_px,
)

MATERIAL_ROOT = 1.25  # Material's html font-size: 125 % of the browser's default
SIZES = {"보통": 1.0, "크게": 1.25, "아주 크게": 1.5}
BLOCKED_STORAGE = """
    Object.defineProperty(window, "localStorage", {configurable: true,
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""
# Text whose colour the site sets, and the grey secondary text among it.
OUR_TEXT = [
    ".md-typeset .gj-summary",
    ".md-typeset .gj-step__body p",
    ".md-typeset .gj-step__body a",
    ".md-typeset .gj-step__number",
    ".md-typeset .gj-tag",
    ".md-typeset .gj-map__links a",
    ".md-typeset .gj-fact dd",
    ".md-typeset .gj-checklist__progress",
    ".md-typeset .gj-checklist__actions button",
    ".md-typeset .gj-sources a",
    ".md-typeset .gj-route__menu",
    ".md-typeset button.gj-term",
]
# Shown once a glossary word is tapped.
TERM_TEXT = [".md-typeset .gj-term__means", ".md-typeset .gj-term__close"]
GREY_TEXT = [
    ".md-typeset .gj-kicker",
    ".md-typeset .gj-reviewed",
    ".md-typeset .gj-prerequisites__detail",
    ".md-typeset .gj-check__detail",
    ".md-typeset .gj-sources__url",
    ".md-typeset .gj-card__meta",
]


def choose_size(page: Any, screen: Screen, name: str) -> None:
    """Opens "글자 크기" and picks a size, by tap or by click."""
    toggle = page.get_by_role("button", name="글자 크기")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.tap() if screen.touch else toggle.click()
    choice = page.get_by_role("group", name="글자 크기").get_by_role("button", name=name, exact=True)
    choice.tap() if screen.touch else choice.click()


def test_text_size_control_offers_three_sizes_and_remembers_the_choice(open_page, deployed_guides: list[Guide], output_dir: Path) -> None:
    guide = deployed_guides[0]
    page = open_page(PHONE, f"guides/{guide.id}/")
    toggle = page.get_by_role("button", name="글자 크기")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert root_font_px(page) == 16 * MATERIAL_ROOT
    body = page.locator(".gj-summary")
    normal = float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))

    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    group = page.get_by_role("group", name="글자 크기")
    assert [button.inner_text().strip() for button in group.get_by_role("button").all()] == list(SIZES)
    assert group.get_by_role("button", name="보통", exact=True).get_attribute("aria-pressed") == "true"
    page.screenshot(path=output_dir / "text-size-menu-phone.png")

    for name, scale in SIZES.items():
        choose_size(page, PHONE, name)
        assert root_font_px(page) == pytest.approx(16 * MATERIAL_ROOT * scale)
        assert float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) == pytest.approx(normal * scale)
        assert [b.get_attribute("aria-pressed") for b in group.get_by_role("button").all()] == [str(n == name).lower() for n in SIZES]
        assert layout_problems(page) == [], name
    page.screenshot(path=output_dir / "text-size-larger-phone.png")

    # A tap elsewhere closes the menu; the size stays.
    page.locator(".gj-summary").tap()
    assert group.is_hidden() and toggle.get_attribute("aria-expanded") == "false"

    # Remembered on the next page, applied in <head> before anything is drawn: without the
    # control's own script the page still opens at the chosen size.
    page.route("**/text-size.js", lambda route: route.abort())
    page.goto("about/")
    assert root_font_px(page) == pytest.approx(16 * MATERIAL_ROOT * 1.5)
    assert page.get_by_role("button", name="글자 크기").count() == 0
    page.unroute("**/text-size.js")
    page.errors.clear()  # the blocked script's own load error
    page.goto("")
    page.get_by_role("button", name="글자 크기").tap()
    assert page.get_by_role("button", name="아주 크게", exact=True).get_attribute("aria-pressed") == "true"
    choose_size(page, PHONE, "보통")
    page.reload()
    assert root_font_px(page) == 16 * MATERIAL_ROOT
    assert page.errors == []


def test_text_size_control_works_from_the_keyboard(open_page) -> None:
    page = open_page(DESKTOP, "about/")
    toggle = page.get_by_role("button", name="글자 크기")
    for _ in range(20):
        page.keyboard.press("Tab")
        if toggle.evaluate("button => button === document.activeElement"):
            break
    page.keyboard.press("Enter")
    group = page.get_by_role("group", name="글자 크기")
    assert group.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "크게"
    page.keyboard.press("Space")
    assert root_font_px(page) == pytest.approx(16 * MATERIAL_ROOT * 1.25)
    # Escape closes the menu and gives focus back to its button.
    page.keyboard.press("Escape")
    assert group.is_hidden()
    assert toggle.evaluate("button => button === document.activeElement")
    # Tabbing out of the open menu closes it too.
    page.keyboard.press("Enter")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert group.is_hidden()
    assert page.errors == []


def test_without_javascript_there_is_no_text_size_control(open_page) -> None:
    page = open_page(PHONE, "", java_script_enabled=False)
    assert page.locator(".gj-text-size").count() == 0
    assert root_font_px(page) == 16 * MATERIAL_ROOT


def test_text_size_works_when_storage_is_refused(open_page) -> None:
    page = open_page(PHONE, "about/", init_script=BLOCKED_STORAGE)
    choose_size(page, PHONE, "크게")
    assert root_font_px(page) == pytest.approx(16 * MATERIAL_ROOT * 1.25)
    assert page.errors == []


@pytest.mark.parametrize("screen", [PHONE_BIG_FONT, PHONE_ZOOMED, DESKTOP_BIG_FONT], ids=lambda screen: screen.name)
def test_every_page_holds_at_big_text_and_zoom(open_page, deployed_pages: list[str], screen: Screen, output_dir: Path) -> None:
    page = open_page(screen)
    for path in deployed_pages:
        page.goto(path)
        assert root_font_px(page) == screen.font_px * MATERIAL_ROOT
        assert layout_problems(page) == [], path or "/"
        # The reader's own choice never pushes past the screen either.
        for name in ("크게", "아주 크게", "보통"):
            choose_size(page, screen, name)
            page.get_by_role("button", name="글자 크기").press("Escape")
            assert layout_problems(page) == [], f"{path or '/'} at {name}"
    page.goto(f"{deployed_pages[2]}#facts")
    page.screenshot(path=output_dir / f"facts-{screen.name}.png")


def test_key_facts_stack_when_the_line_is_short(open_page, deployed_guides: list[Guide]) -> None:
    # At a 32 px default font a phone is 9 rem wide: each value goes under its label.
    page = open_page(PHONE_BIG_FONT, f"guides/{deployed_guides[0].id}/")
    for fact in page.locator(".gj-fact").all():
        label, value = fact.locator("dt").bounding_box(), fact.locator("dd").bounding_box()
        assert value["y"] >= label["y"] + label["height"] - 1
    # On a desktop they sit side by side.
    page = open_page(DESKTOP, f"guides/{deployed_guides[0].id}/")
    for fact in page.locator(".gj-fact").all():
        label, value = fact.locator("dt").bounding_box(), fact.locator("dd").bounding_box()
        assert value["x"] > label["x"] + label["width"] and value["y"] == pytest.approx(label["y"], abs=2)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_dark_mode_follows_the_system_setting(open_page, deployed_guides: list[Guide], javascript: bool, output_dir: Path) -> None:
    page = open_page(PHONE, f"guides/{deployed_guides[0].id}/", scheme="dark", java_script_enabled=javascript)
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(27, 30, 36)"
    if javascript:
        page.screenshot(path=output_dir / "guide-phone-dark.png")
    # A phone that turns light in the morning turns the open page with it, without a reload.
    page.emulate_media(color_scheme="light")
    assert page.evaluate(background) == "rgb(255, 255, 255)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_we_colour_reaches_seven_to_one(open_page, deployed_pages: list[str], scheme: str) -> None:
    page = open_page(PHONE, scheme=scheme)
    measured = []
    for path in deployed_pages:
        page.goto(path)
        measured += [(path, *row) for row in contrasts(page, OUR_TEXT + GREY_TEXT + [".md-typeset table.gj-rows td::before"])]
        term = page.locator("button.gj-term")
        if term.count():
            term.first.tap()
            measured += [(path, *row) for row in contrasts(page, TERM_TEXT)]
    assert {row[1] for row in measured} >= set(OUR_TEXT + GREY_TEXT + TERM_TEXT)  # every kind of text was found
    assert [row for row in measured if row[3] < 7] == []


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=lambda screen: screen.name)
def test_links_in_text_are_underlined(open_page, deployed_guides: list[Guide], screen: Screen) -> None:
    # The example guide has a link in its step text (tests/examples/boho-smishing-report.yml).
    for guide in deployed_guides:
        page = open_page(screen, f"guides/{guide.id}/")
        links = page.locator(".md-typeset :is(p, li, td, dd) a:not(.gj-handout__link, .gj-map a)")
        assert links.count() > 0
        for link in links.all():
            assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine"), link.inner_text()


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=lambda screen: screen.name)
def test_hangul_wraps_between_words(open_page, deployed_pages: list[str], screen: Screen) -> None:
    page = open_page(screen)
    broken = {}
    for path in deployed_pages:
        page.goto(path)
        broken[path or "/"] = broken_words(page, ".md-content")
        # Material lets links break anywhere; ours keep Korean words whole.
        assert page.locator(".md-typeset a").evaluate_all("links => links.every(a => getComputedStyle(a).wordBreak === 'keep-all')")
    assert {path: words for path, words in broken.items() if words} == {}
