"""Guide pages' HTML blocks travel around Python-Markdown instead of through it.

A generated guide page is mostly HTML blocks that Python-Markdown only copies to its output,
but only after running its pure-Python HTML parser over every tag: about 20 ms a page, the
largest single cost of a 1000-guide build. The plugin sets those blocks aside before
conversion (placeholders that Markdown leaves alone) and puts them back afterwards, so the
output is the same while the Markdown left to convert is the headings and little else.

When every heading left is a plain `## text {: #id }` line (as the guide template writes
them), those are turned into HTML here as well, with the table-of-contents entries Python-
Markdown's toc extension would make, and Markdown converts one placeholder per page. A
page with any other Markdown keeps its headings for Markdown, and its table of contents
comes from Markdown as before. tests/test_passthrough.py checks both against Markdown itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, strip_tags
from markdown.util import BLOCK_LEVEL_ELEMENTS
from mkdocs.structure.toc import get_toc

_BLANK_LINES = re.compile(r"(\n[ \t]*\n)")  # the group keeps each separator as it was
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_PLACEHOLDER = re.compile(r"<p>(GILJABI[0-9A-F]{16})(\d+)X</p>")
_FIRST_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>]")
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)


# A heading Python-Markdown would turn into exactly <hN id="id">text</hN>: text without any
# character an inline pattern or the ATX rule reacts to, entities passed through as they are.
_HEADING_CHAR = r"(?:[^`\\\[\]<>*_{}#&\s]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"
_PLAIN_HEADING = re.compile(rf"(#{{1,6}}) +({_HEADING_CHAR}(?:(?:{_HEADING_CHAR}| )*{_HEADING_CHAR})?) +\{{: #([A-Za-z][A-Za-z0-9_-]*) \}}")


@dataclass(frozen=True)
class SetAside:
    """The HTML blocks taken out of one page, and the placeholder word that marks them."""

    token: str
    blocks: tuple[str, ...]
    # The table-of-contents tokens of the headings turned into HTML here; None when the
    # headings were left to Markdown, whose toc extension then makes them.
    toc: list[dict[str, Any]] | None = None

    def put_back(self, html: str) -> str:
        """The converted page with every placeholder paragraph replaced by its HTML block."""
        if not self.blocks:
            return html
        if len(self.blocks) == 1 and html == f"<p>{self.token}0X</p>":  # a page that is one block
            return self.blocks[0]
        return _PLACEHOLDER.sub(lambda match: self.blocks[int(match.group(2))] if match.group(1) == self.token else match.group(0), html)


def token_for(markdown: str) -> str:
    """The placeholder word for a page: made from the page, so equal words mean the same page."""
    return "GILJABI" + hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16].upper()


def set_aside(markdown: str) -> tuple[str, SetAside]:
    """The Markdown with each raw HTML block replaced by a placeholder paragraph.

    A block counts only when it starts with a block-level tag, exactly when Python-Markdown
    would pass it through untouched; everything else stays for Markdown to convert. The
    placeholder is letters and digits (nothing Markdown touches) derived from the page
    itself, so no text on the page can spell it.
    """
    token = token_for(markdown)
    blocks: list[str] = []
    # Blank lines before the first block mean nothing to Markdown (a page body usually starts
    # with one, after its front matter), but they would hide the first block's tag.
    pieces = _BLANK_LINES.split(_LEADING_BLANK_LINES.sub("", markdown))
    chunks, separators = pieces[0::2], pieces[1::2]
    kept: list[str] = []
    index = 0
    while index < len(chunks):
        first = _FIRST_TAG.match(chunks[index])
        if not first or first.group(1).lower() not in _BLOCK_TAGS:
            kept.append(chunks[index])
            index += 1
            continue
        # Like Python-Markdown, a raw block runs to its element's end, across blank lines,
        # and is kept verbatim (whitespace-only lines included).
        block, end = chunks[index], index
        while not _closes_itself(block, first.group(1)) and end + 1 < len(chunks):
            block += separators[end] + chunks[end + 1]
            end += 1
        if not _closes_itself(block, first.group(1)):
            return markdown, SetAside(token, ())  # never closed: leave the whole page to Markdown
        kept.append(f"{token}{len(blocks)}X")
        blocks.append(block)
        index = end + 1
    headings = [_PLAIN_HEADING.fullmatch(chunk) for chunk in kept if not _is_placeholder(chunk, token)]
    if all(headings):
        return _all_html(kept, blocks, token)
    return "\n\n".join(kept), SetAside(token, tuple(blocks))


def _is_placeholder(chunk: str, token: str) -> bool:
    return chunk.startswith(token) and chunk.endswith("X") and chunk[len(token) : -1].isdigit()


def _all_html(kept: list[str], blocks: list[str], token: str) -> tuple[str, SetAside]:
    """The whole page as one block: headings in HTML, joined as Python-Markdown joins blocks."""
    html: list[str] = []
    toc: list[dict[str, Any]] = []
    for chunk in kept:
        if _is_placeholder(chunk, token):
            html.append(blocks[int(chunk[len(token) : -1])])
            continue
        match = _PLAIN_HEADING.fullmatch(chunk)
        assert match is not None
        level, text, anchor = len(match.group(1)), match.group(2), match.group(3)
        html.append(f'<h{level} id="{anchor}">{text}</h{level}>')
        toc.append({"level": level, "id": anchor, "name": strip_tags(text), "html": text, "data-toc-label": ""})
    return f"{token}0X", SetAside(token, ("\n".join(html),), nest_toc_tokens(toc))


def _closes_itself(chunk: str, tag: str) -> bool:
    opening, closing = _tag_patterns(tag.lower())
    return len(opening.findall(chunk)) == len(closing.findall(chunk))


@lru_cache(maxsize=64)
def _tag_patterns(tag: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(rf"<{tag}[\s>]", re.IGNORECASE), re.compile(rf"</{tag}\s*>", re.IGNORECASE)


def skip_markdown(page: Any, kept: SetAside) -> None:
    """Have MkDocs' `page.render` skip Python-Markdown for a page that is one set-aside block.

    MkDocs builds a Markdown converter with every extension for each page (about 2 ms) even
    when all there is to convert is one placeholder. When the page's Markdown is still exactly
    that placeholder at render time (no later plugin changed it), the result is set directly:
    what Markdown makes of one placeholder paragraph, as tests/test_passthrough.py checks
    against MkDocs' own render. Any other page renders as usual.
    """
    if kept.toc is None or len(kept.blocks) != 1:
        return
    original = page.render
    placeholder = f"{kept.token}0X"

    def render(config: Any, files: Any) -> None:
        if page.markdown != placeholder:
            original(config, files)
            return
        page.content = f"<p>{placeholder}</p>"
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    page.render = render
