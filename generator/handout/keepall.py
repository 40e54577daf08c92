"""Korean line breaking for WeasyPrint: never split a Hangul word across lines.

Browsers honour ``word-break: keep-all``; WeasyPrint does not and breaks between any two
Hangul syllables, so "인증센터" can end a line as "인증" with "센터" on the next one. Inside
every whitespace-separated word that contains Hangul we put U+2060 WORD JOINER between
neighbouring characters, which forbids a break there (Unicode line breaking rule LB11),
so lines break only at spaces, as Korean readers expect.

Word joiners rather than one ``white-space: nowrap`` span per word: spans make a layout box
per word, which is slow, and have to be cut and reopened around inline tags.
A joiner is invisible, has no glyph to miss, and is left out of the PDF's text layer, so
copying or searching the text finds the plain words. A word may cross inline tags
(``<strong>www.kbstar.com</strong>을``); the joiner then goes at the start of the next
text run, which also stops WeasyPrint from breaking between the two inline boxes.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
INLINE_TAGS = frozenset({"a", "abbr", "b", "code", "em", "i", "small", "span", "strong", "time"})
_TOKEN = re.compile(r"(<[^>]*>)")
_SPACE = re.compile(r"(\s+)")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_CHAR = re.compile(r"&#?\w+;|.", re.S)
_RAW_TEXT = frozenset({"style", "script", "svg", "title"})


def _tag(token: str) -> tuple[str, bool, bool]:
    """(name, is_closing, is_self_contained) of a tag token."""
    match = _TAG.match(token)
    if match is None:  # comment or doctype
        return "", False, True
    return match.group(2).lower(), bool(match.group(1)), token.endswith("/>")


def _may_break(before: str, after: str) -> bool:
    # Two ASCII letters or digits never break (UAX #14), so Latin words keep their kerning.
    return not (len(before) == len(after) == 1 and (before + after).isascii() and (before + after).isalnum())


def _join(word: list[str]) -> list[str]:
    """One word's text runs and inline tags, with joiners wherever a break could fall."""
    joined = []
    previous = ""
    for token in word:
        if token.startswith("<"):
            joined.append(token)
            continue
        chars = []
        for char in _CHAR.findall(token):  # an entity such as &amp; is one character
            if previous and _may_break(previous, char):
                chars.append(WORD_JOINER)
            chars.append(char)
            previous = char
        joined.append("".join(chars))
    return joined


def keep_words(html: str) -> str:
    """The same HTML with every Hangul word made unbreakable, for WeasyPrint."""
    out: list[str] = []
    word: list[str] = []  # text runs and inline tags since the last space or block tag
    has_hangul = False
    raw: list[str] = []  # open <style>/<svg>/…: their text is not prose

    def flush() -> None:
        nonlocal has_hangul
        out.extend(_join(word) if has_hangul else word)
        word.clear()
        has_hangul = False

    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            name, closing, self_contained = _tag(token)
            if raw:
                out.append(token)
                if closing and name == raw[-1]:
                    raw.pop()
                elif not closing and not self_contained and name in _RAW_TEXT:
                    raw.append(name)
            elif name in INLINE_TAGS and not self_contained:
                word.append(token)
            else:
                flush()
                out.append(token)
                if name in _RAW_TEXT and not closing and not self_contained:
                    raw.append(name)
            continue
        if raw:
            out.append(token)
            continue
        for part in _SPACE.split(token):
            if not part:
                continue
            if part.isspace():
                flush()
                out.append(part)
            else:
                word.append(part)
                has_hangul = has_hangul or bool(_HANGUL.search(part))
    flush()
    return "".join(out)
