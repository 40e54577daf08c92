"""Content text to safe HTML: inline Markdown (emphasis, links) and paragraphs, never raw HTML.

Python-Markdown does the parsing; we only switch off everything a guide's text must not
use (raw HTML, headings, lists, images, code blocks), so anything that looks like markup
is escaped and shown as text.

Nearly every real text is only paragraphs, **bold** and [label](https://…) links. Those take a
fast path (one regular-expression pass) that gives byte for byte what Python-Markdown gives;
whatever the fast path does not recognise goes to Python-Markdown.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import NamedTuple

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_KEEP_BLOCK = {"empty", "paragraph"}
_KEEP_INLINE = {"backtick", "escape", "link", "autolink", "linebreak", "em_strong"}
# A regular expression rather than a set of characters: it stops at the first hit.
_MARKDOWN_CHAR = re.compile(r"[*_\[\]<>&`\\\n]")


class _AddressOnly(Treeprocessor):
    """A link carries its address and nothing else: [label](url "title") would add a title attribute."""

    def run(self, root) -> None:  # type: ignore[no-untyped-def]
        for link in root.iter("a"):
            for name in [name for name in link.attrib if name != "href"]:
                del link.attrib[name]


def _restricted() -> markdown.Markdown:
    md = markdown.Markdown(output_format="html")
    md.treeprocessors.register(_AddressOnly(md), "address_only", 0)
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


# The fast path's grammar. A text is accepted only when every character is accounted for, so
# anything Python-Markdown might read differently is left to it; tests/test_text_fast_path.py
# compares both on random texts. _outside() turns a whole text away for:
# - a space or newline at either end, a space next to a newline, or three newlines in a row
#   (Markdown strips most of them, turns "  \n" into <br>, or skips empty paragraphs; a space
#   at the very end it keeps, but turning it away costs nothing);
# - "![", image syntax, which our Markdown leaves as text rather than making a link;
# - any character str.isprintable() refuses besides the newline: tabs (Markdown expands them),
#   no-break and other spaces (stripped at a paragraph's start), control characters (STX and
#   ETX are Markdown's own placeholders), and invisible format characters for good measure;
# - characters the grammar has no use for but Markdown escapes or parses: _ < > & ` \
#   (rejecting < > & also means the text needs no HTML escaping at all).
# Plain substring tests, not one regular expression: cheaper on a typical text.
_UNUSED_CHAR = re.compile(r"[_<>&`\\]")


def _outside(text: str) -> bool:
    return (
        text.startswith((" ", "\n"))
        or text.endswith((" ", "\n"))
        or " \n" in text
        or "\n " in text
        or "\n\n\n" in text
        or "![" in text
        or not text.replace("\n", " ").isprintable()
        or _UNUSED_CHAR.search(text) is not None
    )


# Bold text and link labels: one line, no space at either end, no * [ ].
_WORDS = r"[^\s*\[\]](?:[^\n*\[\]]*[^\s*\[\]])?"
# Addresses without spaces, quotes, parentheses or anything HTML would escape in an attribute.
_URL = r"[A-Za-z0-9\-._~:/?#@!$+,;=%]+"
_TOKEN = re.compile(rf"\*\*(?P<strong>{_WORDS})\*\*|\[(?P<label>{_WORDS})\]\((?P<url>{_URL})\)|(?P<text>[^*\[\]]+)")


class _Simple(NamedTuple):
    html: str  # inline HTML; paragraphs are still separated by "\n\n"
    urls: tuple[str, ...]
    words: str  # what a reader reads: no markup, whitespace collapsed, not escaped


# Cached like _convert: the link check, the page and the search index each ask for the same text.
@lru_cache(maxsize=1 << 16)
def _simple(text: str) -> _Simple | None:
    """The text rendered without Python-Markdown, or None when it is not in the fast path's grammar."""
    if _outside(text):
        return None
    parts: list[str] = []
    urls: list[str] = []
    shown: list[str] = []
    end = 0
    for match in _TOKEN.finditer(text):
        if match.start() != end:  # finditer skipped a character no token takes
            return None
        end = match.end()
        plain_run, strong, label = match["text"], match["strong"], match["label"]
        if plain_run is not None:
            parts.append(plain_run)
            shown.append(plain_run)
        elif strong is not None:
            parts.append(f"<strong>{strong}</strong>")
            shown.append(strong)
        else:
            parts.append(f'<a href="{match["url"]}">{label}</a>')
            urls.append(match["url"])
            shown.append(label)
    if end != len(text):
        return None
    return _Simple("".join(parts), tuple(urls), " ".join("".join(shown).split()))


# A line that starts a list item: "- 글", "* 글", "+ 글", "1. 글" or "1) 글", at the line's start.
LIST_ITEM = re.compile(r"^(?:(?P<bullet>[-*+])|(?P<number>[0-9]{1,3})[.)])[ \t]+(?=\S)")
_LIST_LINE = re.compile(r"(?m)^(?:[-*+]|[0-9]{1,3}[.)])[ \t]+\S")


class _Chunk(NamedTuple):
    kind: str  # "p", "ul" or "ol"
    parts: list[str]  # the paragraph's lines, or each item's text
    start: int = 1  # an ordered list's first number


def _chunks(text: str) -> list[_Chunk]:
    """Paragraphs and one-level lists, as an editor writes them: a list may follow a line of text
    directly (Markdown would want a blank line first), and an indented line continues its item."""
    chunks: list[_Chunk] = []
    current: _Chunk | None = None
    for line in text.split("\n"):
        item = LIST_ITEM.match(line)
        if not line.strip():
            current = None
        elif item is not None:
            kind = "ol" if item["number"] else "ul"
            if current is None or current.kind != kind:
                current = _Chunk(kind, [], int(item["number"] or 1))
                chunks.append(current)
            current.parts.append(line[item.end() :].strip())
        elif current is not None and current.kind != "p" and line[:1] in " \t":
            current.parts[-1] += "\n" + line.strip()
        else:
            if current is None or current.kind != "p":
                current = _Chunk("p", [])
                chunks.append(current)
            current.parts.append(line)
    return chunks


def _with_lists(text: str) -> Markup:
    html_parts = []
    for chunk in _chunks(text):
        if chunk.kind == "p":
            html_parts.append(_paragraphs("\n".join(chunk.parts)))
            continue
        start = f' start="{chunk.start}"' if chunk.kind == "ol" and chunk.start != 1 else ""
        items = "\n".join(f"<li>{inline(item)}</li>" for item in chunk.parts)
        html_parts.append(f"<{chunk.kind}{start}>\n{items}\n</{chunk.kind}>")
    return Markup("\n".join(html_parts))


def has_list(text: str) -> bool:
    """Whether text has a line that starts a list item."""
    return _LIST_LINE.search(text) is not None


def blocks(text: str) -> Markup:
    """Text with paragraphs (separated by blank lines) and one-level lists to HTML."""
    if has_list(text):
        return _with_lists(text)
    return _paragraphs(text)


def _paragraphs(text: str) -> Markup:
    if not _MARKDOWN_CHAR.search(text):
        return Markup(f"<p>{html.escape(text, quote=False)}</p>")
    simple = _simple(text)
    if simple is not None:
        return Markup("<p>" + simple.html.replace("\n\n", "</p>\n<p>") + "</p>")
    return Markup(_convert(text))


# A line break and one or more blank lines (empty, or spaces and tabs only, as Markdown counts them):
# Markdown would start a new paragraph after them.
_BLANK_LINES = re.compile(r"(?:\r\n?|\n)(?:[ \t]*(?:\r\n?|\n))+")


def inline(text: str) -> Markup:
    """One line of text to HTML without a wrapping paragraph."""
    if not _MARKDOWN_CHAR.search(text):
        return Markup(html.escape(text, quote=False))
    simple = _simple(text)
    if simple is not None:
        return Markup(simple.html.replace("\n\n", "\n"))
    converted = _convert(_BLANK_LINES.sub("\n", text))
    if converted.startswith("<p>") and converted.endswith("</p>"):
        converted = converted[3:-4]
    return Markup(converted)


def plain(text: str) -> str:
    """Text without its Markdown, HTML-escaped, for places that take no markup.

    MkDocs themes print page titles and descriptions unescaped, so this stays escaped.
    """
    if _MARKDOWN_CHAR.search(text):
        simple = _simple(text)
        text = simple.words if simple is not None else Markup(_convert(text)).striptags()
    return html.escape(text, quote=True)


def plain_text(text: str) -> str:
    """Text as a reader reads it, for the search index: no markup, whitespace collapsed, not escaped.

    The same as ``Markup(inline(text)).striptags()``, without rendering HTML to strip it again.
    """
    if _MARKDOWN_CHAR.search(text):
        simple = _simple(text)
        if simple is not None:
            return simple.words
    return Markup(inline(text)).striptags()


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
    simple = _simple(text)
    if simple is not None:
        return list(simple.urls)
    parser = _Hrefs()
    parser.feed(_convert(text))
    parser.close()
    return parser.hrefs
