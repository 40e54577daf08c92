"""Guide pages' HTML blocks travel around Python-Markdown instead of through it.

A generated guide page is mostly HTML blocks that Python-Markdown only copies to its output,
but only after running its pure-Python HTML parser over every tag: about 20 ms a page, the
largest single cost of a 1000-guide build. The plugin sets those blocks aside before
conversion (placeholders that Markdown leaves alone) and puts them back afterwards, so the
output is the same while the Markdown left to convert is the headings and little else.
The headings stay Markdown, so MkDocs still builds the table of contents from them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

_BLANK_LINES = re.compile(r"(\n[ \t]*\n)")  # the group keeps each separator as it was
_FIRST_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>]")
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)


@dataclass(frozen=True)
class SetAside:
    """The HTML blocks taken out of one page, and the placeholder word that marks them."""

    token: str
    blocks: tuple[str, ...]

    def put_back(self, html: str) -> str:
        """The converted page with every placeholder paragraph replaced by its HTML block."""
        if not self.blocks:
            return html
        pattern = re.compile(rf"<p>{self.token}(\d+)X</p>")
        return pattern.sub(lambda match: self.blocks[int(match.group(1))], html)


def set_aside(markdown: str) -> tuple[str, SetAside]:
    """The Markdown with each raw HTML block replaced by a placeholder paragraph.

    A block counts only when it starts with a block-level tag, exactly when Python-Markdown
    would pass it through untouched; everything else stays for Markdown to convert. The
    placeholder is letters and digits (nothing Markdown touches) derived from the page
    itself, so no text on the page can spell it.
    """
    token = "GILJABI" + hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16].upper()
    blocks: list[str] = []
    pieces = _BLANK_LINES.split(markdown)
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
    return "\n\n".join(kept), SetAside(token, tuple(blocks))


def _closes_itself(chunk: str, tag: str) -> bool:
    opened = len(re.findall(rf"<{tag}[\s>]", chunk, flags=re.IGNORECASE))
    closed = len(re.findall(rf"</{tag}\s*>", chunk, flags=re.IGNORECASE))
    return opened == closed
