"""Every page of the built site passes the two independent markup checkers with no error.

Material's own markup was the cause of every error they found (hidden toggles with
`autocomplete`, the table of contents' label for a control a guide page lacked until the menu
listed the guide (overrides/partials/nav.html), a search form without a submit button);
overrides/ and the plugin fix each, and tests/test_upgrades.py
notices when a Material upgrade changes what they fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.checkers import codesniffer_errors, missing_tool, nu_errors


@pytest.fixture(scope="module", autouse=True)
def checkers_installed() -> None:
    if reason := missing_tool():
        pytest.fail(reason)


def site_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert {p.relative_to(site).as_posix() for p in pages} >= {"index.html", "404.html", "about/index.html"}
    return pages


def test_nu_html_checker_finds_no_error_on_any_page(built_site: Path) -> None:
    errors = nu_errors(site_pages(built_site), built_site)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_html_codesniffer_finds_no_error_on_any_page(built_site: Path, site_url: str, browser: Any, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, base_url=site_url)
    try:
        page = context.new_page()
        errors = []
        for path in site_pages(built_site):
            address = path.relative_to(built_site).as_posix().removesuffix("index.html")
            page.goto(address, wait_until="networkidle")
            errors += [f"{address or '/'}: {error}" for error in codesniffer_errors(page)]
        assert not errors, "\n".join(errors)
    finally:
        context.close()


def test_the_search_forms_submit_button_shows_the_results_on_the_home_page(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=site_url)
    try:
        page = context.new_page()
        page.goto("about/", wait_until="networkidle")
        box = page.locator("input.md-search__input")
        box.focus()
        box.fill("금융인증서")
        page.locator(".md-search__form button[type=submit]").click()
        page.wait_for_url("**/?q=*")
        assert page.url.split("?")[0] == site_url
        page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
        assert page.locator("input.md-search__input").input_value() == "금융인증서"
    finally:
        context.close()
