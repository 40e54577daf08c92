"""The first use of each glossary term on a guide page, marked so a tap opens its explanation.

The term becomes a button that opens a popover (HTML's own ``popover`` and ``popovertarget``: no
JavaScript, light dismiss, Esc and the button's expanded state come from the browser). A browser
without popovers never hides the note, so the explanation shows in brackets after the term. The
page also lists every term it uses under "낱말 풀이" (templates/guide/glossary.html.j2), which is
what a printed page and a reader who skips the buttons get.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..content.glossary import term_pattern
from ..content.text import inline
from .html_text import map_text

# Text a button must not go into: links, labels and buttons (one control inside another), the
# page title and part headings (the table of contents is made from them), the glossary's own
# words (<dfn>) and the time element.
_SKIP = frozenset({"a", "label", "button", "h1", "h2", "dfn", "time", "script", "style", "title"})


def term_id(index: int) -> str:
    return f"gj-term-{index}"


def _marked(term_text: str, index: int, explanation: str) -> str:
    note = term_id(index)
    return (
        f'<button type="button" class="gj-term" popovertarget="{note}">{escape(term_text)}'
        f'<span class="gj-visually-hidden"> 뜻 보기</span></button>'
        f'<span class="gj-term__note" id="{note}" popover><strong class="gj-term__name">{escape(term_text)}</strong> '
        f'<span class="gj-term__means">{inline(explanation)}</span> '
        f'<button type="button" class="gj-term__close" popovertarget="{note}" popovertargetaction="hide">닫기</button></span>'
    )


def mark_first_uses(html: str, terms: tuple[tuple[str, str], ...]) -> Markup:
    """html with the first use of each term, in text a button may go into, marked."""
    waiting = {index: entry for index, entry in enumerate(terms, start=1)}
    if not waiting:
        return Markup(html)
    return map_text(html, _SKIP, lambda text: _mark_text(text, waiting) if waiting else text)


def _mark_text(text: str, waiting: dict[int, tuple[str, str]]) -> str:
    """One text node with the first use of each waiting term marked; marked terms stop waiting."""
    pieces: list[str] = []
    position = 0
    while waiting:
        found = [(match.start(), -len(match.group(0)), index, match) for index, (term, _m) in waiting.items() if (match := term_pattern(term).search(text, position))]
        if not found:
            break
        _start, _length, index, match = min(found)
        pieces.append(text[position : match.start()])
        pieces.append(_marked(match.group(0), index, waiting.pop(index)[1]))
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)
