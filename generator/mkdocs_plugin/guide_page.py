"""A guide's page in MkDocs: its HTML comes from the build, never from Markdown.

This is the one place that leans on how MkDocs renders a page: ``Page.render`` turns
``page.markdown`` into ``content``, ``toc``, the title found in the text and the anchors other
pages may link to. A guide page has all of those from the build already, so ``GuidePage``
provides them (the title is in the front matter, so the one from the text stays None; the
anchors are looked for only when a link asks), and MkDocs' Markdown never runs.
tests/test_mkdocs_internals.py fails when the installed MkDocs' render sets anything else.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..page.render import RenderedGuide


class GuidePage(Page):
    """A page whose body, table of contents and anchors are a compiled guide's."""

    def __init__(self, file: File, config: MkDocsConfig, rendered: RenderedGuide) -> None:
        super().__init__(None, file, config)
        self.rendered = rendered
        self._anchors: set[str] | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.rendered.html
        # The title heads the parts, as in every Markdown page: Material's skip link goes to the
        # first entry, so "콘텐츠로 이동" lands on the guide's title, not past its key facts.
        parts = [_toc_token(2, part.id, str(part.title)) for part in self.rendered.outline]
        self.toc = get_toc([{**_toc_token(1, "title", self.rendered.title), "children": parts}])

    @property  # type: ignore[override]
    def present_anchor_ids(self) -> set[str]:
        """Every id on the page, found when a link to one of its parts is first checked."""
        if self._anchors is None:
            self._anchors = self.rendered.anchors()
        return self._anchors


def _toc_token(level: int, anchor: str, title: str) -> dict[str, Any]:
    # The shape Python-Markdown's toc extension gives MkDocs (name: the heading's HTML text).
    return {"level": level, "id": anchor, "name": title, "html": title, "data-toc-label": "", "children": []}
