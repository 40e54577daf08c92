"""Content text to safe HTML: inline Markdown (emphasis, links) and paragraphs, never raw HTML.

Python-Markdown does the parsing; we only switch off everything a guide's text must not
use (raw HTML, headings, lists, images, code blocks), so anything that looks like markup
is escaped and shown as text.
"""

from __future__ import annotations

import html
from functools import lru_cache
from html.parser import HTMLParser

import markdown
from markupsafe import Markup

_KEEP_BLOCK = {"empty", "paragraph"}
_KEEP_INLINE = {"backtick", "escape", "link", "autolink", "linebreak", "em_strong"}
_MARKDOWN_CHARS = frozenset("*_[]<>&`\\\n")


def _restricted() -> markdown.Markdown:
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    for name in [p.name for p in md.parser.blockprocessors._priority if p.name not in _KEEP_BLOCK]:
        md.parser.blockprocessors.deregister(name)
    for name in [p.name for p in md.inlinePatterns._priority if p.name not in _KEEP_INLINE]:
        md.inlinePatterns.deregister(name)
    return md


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return _restricted()


# A build converts each text up to three times (link check, page, search index); Markdown is
# the costliest step of all three. Bounded, so a long `mkdocs serve` session stays small.
@lru_cache(maxsize=1 << 16)
def _convert(text: str) -> str:
    md = _converter()
    md.reset()
    return md.convert(text)


def blocks(text: str) -> Markup:
    """Text with paragraphs (separated by blank lines) to HTML paragraphs."""
    if not _MARKDOWN_CHARS.intersection(text):
        return Markup(f"<p>{html.escape(text, quote=False)}</p>")
    return Markup(_convert(text))


def inline(text: str) -> Markup:
    """One line of text to HTML without a wrapping paragraph."""
    if not _MARKDOWN_CHARS.intersection(text):
        return Markup(html.escape(text, quote=False))
    converted = _convert(text.replace("\n\n", "\n"))
    if converted.startswith("<p>") and converted.endswith("</p>"):
        converted = converted[3:-4]
    return Markup(converted)


def plain(text: str) -> str:
    """Text without its Markdown, HTML-escaped, for places that take no markup.

    MkDocs themes print page titles and descriptions unescaped, so this stays escaped.
    """
    if _MARKDOWN_CHARS.intersection(text):
        text = Markup(_convert(text)).striptags()
    return html.escape(text, quote=True)


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value or "" for name, value in attrs if name == "href")


def link_targets(text: str) -> list[str]:
    """Every address the text links to once rendered, found by the same parser that renders it."""
    # Only [text](url) and <https://…> make links here, so text without "[" or "<" has none;
    # skipping the Markdown pass for it keeps `check` fast on many guides.
    if "[" not in text and "<" not in text:
        return []
    parser = _Hrefs()
    parser.feed(_convert(text))
    parser.close()
    return parser.hrefs
