"""Korean line breaking for WeasyPrint: never split a Hangul word across lines.

Browsers honour ``word-break: keep-all``; WeasyPrint does not and breaks between any two
Hangul syllables, so "인증센터" can end a line as "인증" with "센터" on the next one. We wrap
each whitespace-separated word that contains Hangul in a ``white-space: nowrap`` span, so
lines break only at spaces, as Korean readers expect.

A word may cross inline tags (``**www.kbstar.com**을`` is ``<strong>…</strong>을``). The
span then has to hold the whole word, so inline tags open at the word's edges are closed
before the span and opened again inside it; WeasyPrint would otherwise find a break
opportunity between two neighbouring spans.
"""

from __future__ import annotations

import re

WORD_CLASS = "gj-w"
INLINE_TAGS = frozenset({"a", "b", "code", "em", "i", "small", "span", "strong", "time"})
_TOKEN = re.compile(r"(<[^>]*>)")
_SPACE = re.compile(r"(\s+)")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_RAW_TEXT = frozenset({"style", "script", "svg", "title"})


def _tag(token: str) -> tuple[str, bool, bool]:
    """(name, is_closing, is_self_contained) of a tag token."""
    match = _TAG.match(token)
    if match is None:  # comment or doctype
        return "", False, True
    return match.group(2).lower(), bool(match.group(1)), token.endswith("/>")


def _apply(stack: list[tuple[str, str]], token: str) -> None:
    """Update the stack of open inline tags with one inline tag token."""
    name, closing, _ = _tag(token)
    if not closing:
        stack.append((name, token))
        return
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            del stack[index:]
            return


def _wrap(word: list[str], stack: list[tuple[str, str]], out: list[str]) -> None:
    """Emit one Hangul word in a no-wrap span, keeping the HTML properly nested.

    Tags that merely surround the word (opened before it, closed after it) stay
    outside the span, so a styled phrase such as a bordered label is not cut into
    one box per word; only tags that open or close in the middle of the word are
    closed before the span and reopened inside it.
    """
    tags = [i for i, token in enumerate(word) if token.startswith("<")]
    matched: set[int] = set()
    pending: list[tuple[str, int]] = []
    for i in tags:
        name, closing, _ = _tag(word[i])
        if not closing:
            pending.append((name, i))
            continue
        for j in range(len(pending) - 1, -1, -1):
            if pending[j][0] == name:
                matched.update((pending[j][1], i))
                del pending[j:]
                break
    start, end = 0, len(word)
    while start < end and word[start].startswith("<") and start not in matched and not _tag(word[start])[1]:
        out.append(word[start])
        _apply(stack, word[start])
        start += 1
    while end > start and word[end - 1].startswith("<") and end - 1 not in matched and _tag(word[end - 1])[1]:
        end -= 1
    before = list(stack)
    keep = len(before)
    for token in word[start:end]:
        if token.startswith("<"):
            _apply(stack, token)
            keep = min(keep, len(stack))
    out.extend(f"</{name}>" for name, _ in reversed(before[keep:]))
    out.append(f'<span class="{WORD_CLASS}">')
    out.extend(tag for _, tag in before[keep:])
    out.extend(word[start:end])
    out.extend(f"</{name}>" for name, _ in reversed(stack[keep:]))
    out.append("</span>")
    out.extend(tag for _, tag in stack[keep:])
    for token in word[end:]:
        out.append(token)
        _apply(stack, token)


def keep_words(html: str) -> str:
    """The same HTML with every Hangul word in a no-wrap span, for WeasyPrint."""
    out: list[str] = []
    word: list[str] = []  # text and inline tags since the last space or block tag
    has_hangul = False
    stack: list[tuple[str, str]] = []  # inline tags open before the current word
    raw_depth: list[str] = []

    def flush() -> None:
        nonlocal has_hangul
        if has_hangul:
            _wrap(word, stack, out)
        else:
            for token in word:
                out.append(token)
                if token.startswith("<"):
                    _apply(stack, token)
        word.clear()
        has_hangul = False

    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            name, closing, self_contained = _tag(token)
            if raw_depth:
                out.append(token)
                if closing and name == raw_depth[-1]:
                    raw_depth.pop()
                elif not closing and not self_contained and name in _RAW_TEXT:
                    raw_depth.append(name)
                continue
            if name in INLINE_TAGS and not self_contained:
                word.append(token)
                continue
            flush()
            out.append(token)
            if name in _RAW_TEXT and not closing and not self_contained:
                raw_depth.append(name)
            continue
        if raw_depth:
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
