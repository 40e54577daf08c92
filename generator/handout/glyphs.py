"""Which characters the installed fonts can draw, asked of fontconfig, so `check` finds what the
handout would print as an empty box without rendering a PDF.

WeasyPrint draws text through Pango, which falls back through every font fontconfig knows; a
character none of them covers is drawn as .notdef. fontconfig lists each font's coverage
(`fc-list --format '%{charset}'`, read from its own cache in milliseconds). Pango depends on
fontconfig, so wherever WeasyPrint works, `fc-list` is there.
"""

from __future__ import annotations

import bisect
import hashlib
import subprocess
from functools import lru_cache

from ..content.loader import GuideFile
from ..content.problems import Problem
from ..content.walk import text_fields
from .document import MissingGlyphError, glyph_problems


@lru_cache(maxsize=1)
def _charsets() -> list[str]:
    """Every installed font's coverage as fontconfig lists it, one line a font, in a stable order;
    empty when fontconfig cannot be asked (then nothing is flagged here)."""
    try:
        listing = subprocess.run(["fc-list", "--format", "%{charset}\n"], capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(listing.splitlines())


@lru_cache(maxsize=1)
def _coverage() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sorted, merged code point ranges (starts, ends) every installed font covers together."""
    ranges = []
    for token in " ".join(_charsets()).split():
        first, _, last = token.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(r[0] for r in merged), tuple(r[1] for r in merged)


def fonts_fingerprint() -> str:
    """Changes when the installed fonts cover other characters: part of a compiled guide's cache key.
    Read from fontconfig's listing without parsing it, so a build where nothing changed stays cheap."""
    charsets = _charsets()
    return hashlib.sha256("\n".join(charsets).encode()).hexdigest() if charsets else ""


def drawable(character: str) -> bool:
    starts, ends = _coverage()
    if not starts or not character.isprintable():  # no fontconfig; or a newline, a tab: never drawn
        return True
    index = bisect.bisect_right(starts, ord(character)) - 1
    return index >= 0 and ord(character) <= ends[index]


def undrawable_problems(loaded: GuideFile) -> list[Problem]:
    """The problems the handout's render would report for characters no installed font has."""
    characters = dict.fromkeys(c for _loc, text in text_fields(loaded.guide) for c in text if ord(c) > 0x7E)
    missing = [c for c in characters if not drawable(c)]
    return glyph_problems(loaded, MissingGlyphError(missing)) if missing else []
