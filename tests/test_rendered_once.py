"""Parts of a page rendered once and reused (generator/mkdocs_plugin/rendered_once.py) are still each page's own.

A shared rendering that leaked from one page to another would give a guide another guide's table
of contents, or a page at another depth links that lead nowhere; the built pages are checked for both.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs_plugin.rendered_once import RenderedOnce
from generator.page.outline import outline
from tests.support import example_guides, site_guides

GUIDES = (*site_guides(), *example_guides())


class Counting:
    """A template part that says how often it was rendered."""

    def __init__(self) -> None:
        self.renders = 0

    def __call__(self) -> str:
        self.renders += 1
        return f"<p>{self.renders}</p>"


def page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def test_pages_in_sibling_folders_share_a_rendering_and_others_do_not() -> None:
    once, part = RenderedOnce(), Counting()
    first = once.same_nearby("scripts", page("guides/a/"), caller=part)
    assert once.same_nearby("scripts", page("guides/b/"), caller=part) == first
    assert part.renders == 1
    # The home page, a page one folder deep and the 404 page (no page) link from elsewhere.
    for other in (page(""), page("about/"), page("guides/a/steps/"), None, None):
        assert once.same_nearby("scripts", other, caller=part) != first
    assert part.renders == 6
    # Another part of the same page is rendered for itself.
    assert once.same_nearby("config", page("guides/a/"), caller=part) == "<p>7</p>"


def test_a_part_asked_for_twice_on_a_page_is_rendered_once_for_that_page() -> None:
    once, part = RenderedOnce(), Counting()
    a, b = page("guides/a/"), page("guides/b/")
    assert once.same_on_page("toc", a, caller=part) == once.same_on_page("toc", a, caller=part) == "<p>1</p>"
    assert once.same_on_page("toc", b, caller=part) == once.same_on_page("toc", b, caller=part) == "<p>2</p>"
    assert once.same_on_page("toc", None, caller=part) == "<p>3</p>"
    assert once.same_on_page("toc", None, caller=part) == "<p>4</p>"


@pytest.mark.parametrize("loaded", GUIDES, ids=lambda loaded: loaded.guide.id)
def test_both_tables_of_contents_of_a_guide_are_its_own(data_site: Path, loaded) -> None:
    soup = BeautifulSoup((data_site / "guides" / loaded.guide.id / "index.html").read_text(encoding="utf-8"), "html.parser")
    phone_menu = soup.select_one(".md-sidebar--primary .md-nav__item--active nav.md-nav--secondary")
    sidebar = soup.select_one(".md-sidebar--secondary nav.md-nav--secondary")
    assert phone_menu is not None and sidebar is not None
    entries = [a["href"] for a in sidebar.select("a.md-nav__link")]
    assert [a["href"] for a in phone_menu.select("a.md-nav__link")] == entries
    # The guide's own parts (and its glossary, when it has terms), each a part of this page.
    assert {f"#{part.id}" for part in outline(loaded.guide)} <= set(entries)
    assert all(soup.find(id=entry.removeprefix("#")) for entry in entries)


SITE = "https://giljabi.github.io/giljabi/"  # mkdocs.yml's site_url: the 404 page's links start from it


@pytest.mark.parametrize("address", ["", "about/", "guides/{first}/", "404.html"])
def test_every_page_links_to_stylesheets_scripts_and_pages_that_exist(data_site: Path, address: str) -> None:
    address = address.format(first=GUIDES[0].guide.id)
    html = (data_site / address / "index.html" if not address.endswith(".html") else data_site / address).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    links = [tag["href"] for tag in soup.select("link[rel=stylesheet], .md-sidebar--primary a.md-nav__link")]
    links += [tag["src"] for tag in soup.select("script[src]")]
    links.append(soup.select_one("form.md-search__form")["action"])
    assert len(links) > 5
    for link in links:
        target = urljoin(SITE + address, link.split("#")[0])
        assert target.startswith(SITE), f"{address}: {link}"
        path = data_site / target.removeprefix(SITE)
        assert path.is_file() or (path / "index.html").is_file(), f"{address}: {link}"
