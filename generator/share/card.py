"""The 1200×630 picture a shared link shows (KakaoTalk, messengers, social sites): Open Graph's size.

A card has the site's icon and name, a heading (a guide's title) in large bold Korean, a detail
line (its institution) and a footer band. Words are kept whole, as the pages keep them
(`keep-all`): lines break only at spaces, and a heading too long for three lines is made
smaller before anything is cut. Only Debian's Noto Sans CJK KR is used, so what a reader sees
never depends on the machine's other fonts; a character it cannot draw is reported before any
empty box is drawn.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .icon import BLUE, draw_icon

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
INK = "#1a1a1a"
GREY = "#4a4a4a"
FAMILY = "Noto Sans CJK KR"
# Where Debian's fonts-noto-cjk puts its collections (one file holds the JP, KR, SC, TC, HK faces).
FONT_FILES = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
FONT_MISSING = "한국어 글꼴(Noto Sans CJK KR)을 찾지 못했습니다 — Debian의 fonts-noto-cjk 패키지를 설치해 주세요 (./dev가 설치합니다)"
HEADING_SIZES = (72, 64, 56, 48)
HEADING_LINES = 3


class FontMissingError(Exception):
    """The Korean font is not installed."""


@dataclass(frozen=True)
class Card:
    heading: str  # the guide's title, or the site's name
    detail: str  # the institution, or the site's description
    site_name: str
    footer: str  # the site's description, or its address


@lru_cache(maxsize=2)
def _font_face(weight: str) -> tuple[str, int]:
    """The file and the index of the Korean face in Debian's Noto CJK collection."""
    name = FONT_FILES[weight]
    for folder in FONT_DIRS:
        for path in sorted(folder.rglob(name)) if folder.is_dir() else ():
            for index in range(10):
                try:
                    if ImageFont.truetype(str(path), 20, index=index).getname()[0] == FAMILY:
                        return str(path), index
                except OSError:
                    break
    raise FontMissingError(FONT_MISSING)


@lru_cache(maxsize=16)
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    path, index = _font_face(weight)
    return ImageFont.truetype(path, size, index=index)


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """Every character both weights of the Korean face can draw (their character maps)."""
    from fontTools.ttLib import TTFont  # WeasyPrint's own dependency; loads only the map

    maps = []
    for weight in FONT_FILES:
        path, index = _font_face(weight)
        maps.append(set(TTFont(path, fontNumber=index, lazy=True).getBestCmap()))
    return frozenset(set.intersection(*maps))


def undrawable(text: str) -> list[str]:
    """The characters of text the card's font has no shape for, in order, each once."""
    drawable = _drawable()
    missing: list[str] = []
    for character in text:
        if not character.isspace() and ord(character) not in drawable and character not in missing:
            missing.append(character)
    return missing


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines no wider than width, broken at spaces only; a word wider than a line is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width:
            cut = max(1, next(i for i in range(len(line), 0, -1) if font.getlength(line[:i]) <= width))
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _shortened(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _balanced(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The same number of lines as at full width, made as even as they go (no word left alone on the last)."""
    lines = _wrap(text, font, width)
    narrower = width
    while len(lines) > 1 and narrower > width // 2:
        tried = _wrap(text, font, narrower - 20)
        if len(tried) != len(lines):
            break
        lines, narrower = tried, narrower - 20
    return lines


def heading_lines(heading: str, width: int = WIDTH - 2 * MARGIN) -> tuple[int, list[str]]:
    """The largest heading size at which it fits in three lines, and its lines (the last cut only
    when even the smallest size does not fit)."""
    for size in HEADING_SIZES:
        lines = _balanced(heading, _font("bold", size), width)
        if len(lines) <= HEADING_LINES:
            return size, lines
    font = _font("bold", HEADING_SIZES[-1])
    lines = _wrap(heading, font, width)
    return HEADING_SIZES[-1], [*lines[: HEADING_LINES - 1], _shortened(lines[HEADING_LINES - 1], font, width)]


def draw_card(card: Card) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    icon = draw_icon(72)
    image.paste(icon, (MARGIN, 64), icon)
    if card.heading != card.site_name:  # the site's own card says its name once, as the heading
        draw.text((MARGIN + 96, 100), card.site_name, font=_font("bold", 44), fill=BLUE, anchor="lm")

    size, lines = heading_lines(card.heading)
    y = 190
    for line in lines:
        draw.text((MARGIN, y), line, font=_font("bold", size), fill=INK)
        y += round(size * 1.3)
    detail_font = _font("regular", 38)
    detail = _wrap(card.detail, detail_font, WIDTH - 2 * MARGIN)
    if detail:
        text = detail[0] if len(detail) == 1 else _shortened(detail[0], detail_font, WIDTH - 2 * MARGIN)
        draw.text((MARGIN, y + 14), text, font=detail_font, fill=GREY)

    draw.rectangle((0, HEIGHT - 80, WIDTH, HEIGHT), fill=BLUE)
    footer_font = _font("regular", 30)
    footer = _wrap(card.footer, footer_font, WIDTH - 2 * MARGIN)
    if footer:
        draw.text((MARGIN, HEIGHT - 40), footer[0], font=footer_font, fill="white", anchor="lm")
    return image


def card_png(card: Card) -> bytes:
    """The card as PNG bytes, in a palette of its few colours (a third of full colour's bytes)."""
    out = io.BytesIO()
    draw_card(card).quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG")
    return out.getvalue()
