"""Template output that many pages share, rendered for the first of them and reused by the rest.

Material renders its whole base.html for every page, although much of it comes out the same on
every guide page: the stylesheet and script tags, the __config block, the search dialog, the
site's pages in the menu. And a guide page's table of contents is rendered twice, once in the
phone menu under the page's own entry and once in the sidebar. The templates wrap such parts in

    {% call giljabi_same_nearby("scripts", page) %}{{ super() }}{% endcall %}
    {% call giljabi_same_on_page("toc", page) %}...{% endcall %}

``same_nearby`` reuses the output on every page whose folder has the same parent folder (all
guides: guides/<name>/): their relative links to anything outside their own folder are the same,
so a part may link to the site's other pages and files, never to the page's own folder.
``same_on_page`` reuses it within one page. The 404 page (no page) shares nothing. One
``RenderedOnce`` serves one build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from markupsafe import Markup


class RenderedOnce:
    """The outputs of one build's shared template parts, by name and by the pages that share them."""

    def __init__(self) -> None:
        self._nearby: dict[tuple[str, str | None], Markup] = {}
        self._page: object = None  # the page _on_page holds the outputs of
        self._on_page: dict[str, Markup] = {}

    def same_nearby(self, name: str, page: object, *, caller: Callable[[], str]) -> Markup:
        """caller's output, rendered once for all pages in sibling folders (page None: the 404 page, not shared)."""
        if page is None:
            return Markup(caller())
        url: str = page.url  # type: ignore[attr-defined]
        folder = url[: url.rfind("/") + 1]  # "guides/a/" for a page at guides/a/ (or guides/a/index.html)
        key = (name, posixpath.dirname(folder.rstrip("/")) if folder else None)  # None: the home page's folder
        if key not in self._nearby:
            self._nearby[key] = Markup(caller())
        return self._nearby[key]

    def same_on_page(self, name: str, page: object, *, caller: Callable[[], str]) -> Markup:
        """caller's output, rendered once for this page however often the page's templates ask for it."""
        if page is None:
            return Markup(caller())
        if page is not self._page:
            self._page, self._on_page = page, {}
        if name not in self._on_page:
            self._on_page[name] = Markup(caller())
        return self._on_page[name]
