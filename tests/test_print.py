"""Printing a guide page from the browser (print.css), checked in Chromium's print emulation."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

GUIDE = "guides/kb-financial-certificate/"
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".gj-handout"]


@pytest.fixture()
def page(browser, site_url: str) -> Iterator[object]:
    """The seed guide on a desktop viewport, one box ticked by the reader, before printing."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + GUIDE)
    page.locator(".gj-check__input").first.check()
    yield page
    context.close()


def _pseudo(page, selector: str, prop: str, index: int = 0) -> str:
    return page.evaluate(
        "([s, p, i]) => getComputedStyle(document.querySelectorAll(s)[i], '::after').getPropertyValue(p)",
        [selector, prop, index],
    )


def _style(page, selector: str, prop: str, index: int = 0) -> str:
    return page.evaluate("([s, p, i]) => getComputedStyle(document.querySelectorAll(s)[i]).getPropertyValue(p)", [selector, prop, index])


def test_print_hides_site_chrome(page) -> None:
    for selector in CHROME:
        assert page.locator(selector).count() > 0, f"{selector} is not on the page: update the test"
    page.emulate_media(media="print")
    for selector in CHROME:
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    assert page.locator("h1#title").is_visible()
    assert page.locator(".gj-step").first.is_visible()


def test_print_draws_checkboxes_with_borders_and_shows_ticks(page) -> None:
    page.emulate_media(media="print")
    inputs = page.locator(".gj-check__input")
    assert inputs.count() >= 1
    for index in range(inputs.count()):
        assert inputs.nth(index).is_visible()
        box = inputs.nth(index).bounding_box()
        assert box["width"] >= 15 and box["height"] >= 15  # about 4.5 mm: room for a pen mark
        assert _style(page, ".gj-check__input", "appearance", index) == "none"
        assert float(_style(page, ".gj-check__input", "border-top-width", index).removesuffix("px")) >= 1
        assert _style(page, ".gj-check__input", "border-top-style", index) == "solid"
        assert _style(page, ".gj-check__input", "border-top-color", index) == "rgb(0, 0, 0)"
    # The reader's tick: a border-drawn mark on the checked box only (no background needed).
    assert inputs.first.is_checked() and not inputs.nth(1).is_checked()
    assert _pseudo(page, ".gj-check__input", "content", 0) == '""'
    assert float(_pseudo(page, ".gj-check__input", "border-right-width", 0).removesuffix("px")) >= 1.5
    assert _pseudo(page, ".gj-check__input", "content", 1) == "none"


def test_print_expands_collapsed_parts(page) -> None:
    page.evaluate(
        """() => document.querySelector('.gj-steps').insertAdjacentHTML('afterend',
        '<details id="gj-test-details"><summary>더 보기</summary><p id="gj-test-hidden">접힌 내용</p></details>')"""
    )
    assert not page.locator("#gj-test-hidden").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#gj-test-hidden").is_visible()


def test_print_follows_external_links_with_their_url(page) -> None:
    page.evaluate(
        """() => document.querySelector('.gj-step__body p').insertAdjacentHTML('beforeend',
        ' <a id="gj-test-link" href="https://www.kbstar.com">KB국민은행</a>')"""
    )
    page.emulate_media(media="print")
    assert "https://www.kbstar.com" in _pseudo(page, "#gj-test-link", "content")
    # The sources list prints each address already; no second copy.
    assert page.locator(".gj-sources a").count() > 0
    assert _pseudo(page, ".gj-sources a", "content") == "none"


def test_print_keeps_steps_and_checklist_items_whole(page) -> None:
    page.emulate_media(media="print")
    for selector in (".gj-step", ".gj-checklist__item", ".gj-rows tr"):
        count = page.locator(selector).count()
        assert count > 0, selector
        for index in range(count):
            assert _style(page, selector, "break-inside", index) == "avoid", f"{selector}[{index}]"


def test_look_at_the_printed_page(page, output_dir: Path) -> None:
    """Chromium's own printout for a person to look at (test-output/print-page-N.png)."""
    page.emulate_media(media="print")
    pdf = output_dir / "print-page.pdf"
    page.pdf(path=str(pdf), format="A4")
    for old in output_dir.glob("print-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(output_dir / "print-page")], check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "국민은행 금융인증서 발급 방법과 절차" in text
    assert "인쇄용 안내문(PDF)" not in text and "검색" not in text.split("\n", 3)[0]


def test_handout_link_opens_the_pdf_as_a_document(browser, site_url: str) -> None:
    """Instant navigation must leave the PDF link alone, so the browser's PDF viewer opens it."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(site_url)
    page.locator("a[href*='guides/kb-financial-certificate']").first.click()  # arrive by instant navigation
    page.wait_for_selector(".gj-handout__link")
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.resource_type, request.url)))
    page.locator(".gj-handout__link").click()
    page.wait_for_url("**/guides/kb-financial-certificate/handout.pdf")
    assert ("document", site_url + GUIDE + "handout.pdf") in requests
    context.close()
