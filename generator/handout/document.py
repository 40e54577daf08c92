"""One guide to a WeasyPrint document: template, Korean line breaking, QR code, glyph check."""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from ..content.html_templates import html_environment
from ..content.loader import GuideFile
from ..content.model import Guide
from ..content.problems import Problem
from ..content.walk import text_fields
from .keepall import keep_words
from .korean_font import font_faces

if TYPE_CHECKING:
    from weasyprint import Document

# PDF/UA-1: a tagged PDF (headings, lists, tables and the checklist as structure a screen reader
# walks), with the document's language from <html lang="ko"> and its title shown as the window title.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
TEMPLATE = "handout.html.j2"
STYLESHEET = "handout.css"
_NOTDEF = ".notdef glyph rendered"


class MissingGlyphError(Exception):
    """Text the installed fonts cannot draw; WeasyPrint would print empty boxes instead."""

    def __init__(self, characters: list[str]) -> None:
        super().__init__(", ".join(f"{c!r} (U+{ord(c):04X})" for c in characters))
        self.characters = characters


def glyph_problems(loaded: GuideFile, error: MissingGlyphError) -> list[Problem]:
    """One problem per character no installed font can draw, at the field that holds it."""
    problems = []
    for character in error.characters:
        loc = next((loc for loc, text in text_fields(loaded.guide) if character in text), ())
        problems.append(
            loaded.problem(
                loc,
                f"인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다: '{character}' (U+{ord(character):04X})",
                "설치된 글꼴에 없는 글자입니다. 이 글자를 지우거나 흔히 쓰는 글자로 바꿔 주세요",
            )
        )
    return problems


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return html_environment("generator.handout")


@lru_cache(maxsize=1)
def stylesheet_text() -> str:
    return resources.files("generator.handout").joinpath("templates", STYLESHEET).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _weasyprint_setup():  # -> (FontConfiguration, CSS)
    """The parsed stylesheet and its font configuration, shared by every handout of a build.

    Sharing them saves about a tenth of each render. They hold no per-guide state: the
    only @font-face rules are the Korean font's, the same for every handout.
    """
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    stylesheet = CSS(string=font_faces() + stylesheet_text(), font_config=font_config)
    _delete_font_copies_at_exit(font_config)
    return font_config, stylesheet


def _delete_font_copies_at_exit(font_config) -> None:
    """WeasyPrint copies each @font-face font (4 MB here) into a temporary folder and deletes it
    when the FontConfiguration goes away. Ours lives as long as the process, and at interpreter
    shutdown that deletion fails ("Exception ignored in FontConfiguration.__del__") and leaves
    the folder in /tmp after every build. So delete it at exit, in the process that made it
    (forked workers share it, and end first)."""
    folder, owner = getattr(font_config, "_folder", None), os.getpid()
    if folder is None:  # no @font-face: nothing was copied
        return

    def delete() -> None:
        if os.getpid() == owner:
            shutil.rmtree(folder, ignore_errors=True)
            font_config._folder = None  # its __del__ then has nothing left to do

    atexit.register(delete)


def load_renderer() -> None:
    """Load WeasyPrint, the Korean font and the stylesheet now, so that forked workers inherit them."""
    _weasyprint_setup()


def qr_svg(url: str) -> Markup:
    """The page URL as a vector QR code with its quiet zone, sized by the stylesheet; its title
    is the figure's alternative text in the tagged PDF."""
    import segno  # here: a build with every handout cached does not need it (10 ms to import)

    svg = segno.make(url, error="m", micro=False).svg_inline(omitsize=True, border=4, dark="#000", title=f"온라인 안내서로 가는 QR 코드: {url}")
    return Markup(svg)


def url_lines(url: str, width: int = 26) -> list[str]:
    """The URL cut after slashes into lines of about ``width`` characters, the host on a line of
    its own; joined again, the lines are the URL (the printed address links to it).

    A URL wrapped by the layout engine may break after a hyphen, and a reader copying
    it by hand cannot tell whether that hyphen belongs to the address.
    """
    scheme, separator, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    lines = [scheme + separator + host + slash]
    for segment in re.findall(r"[^/]*/|[^/]+", path):  # each piece of the path with its slash
        if len(lines) > 1 and len(lines[-1]) + len(segment) <= width:
            lines[-1] += segment
        else:
            lines.append(segment)
    return lines


Terms = tuple[tuple[str, str], ...]


def handout_html(guide: Guide, page_url: str, terms: Terms = (), image_dir: Path | None = None) -> str:
    """The handout's HTML, every Hangul word kept on one line; the steps' pictures come from
    image_dir (the guide's folder), and are left out without one."""
    html = _environment().get_template(TEMPLATE).render(
        guide=guide, terms=terms, url_lines=url_lines(page_url), qr_svg=qr_svg(page_url), image_dir=image_dir
    )
    return keep_words(html)


class _GlyphWatch(logging.Handler):
    """Collects the characters WeasyPrint reports as drawn with the .notdef (empty box) glyph."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.characters: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith(_NOTDEF) and record.args:
            character = str(record.args[0])
            if character not in self.characters:
                self.characters.append(character)


@contextmanager
def _watch_glyphs() -> Iterator[_GlyphWatch]:
    logger = logging.getLogger("weasyprint")
    watch = _GlyphWatch()
    logger.addHandler(watch)
    try:
        yield watch
    finally:
        logger.removeHandler(watch)


def render_document(guide: Guide, page_url: str, terms: Terms = (), image_dir: Path | None = None) -> Document:
    """The laid-out pages (for tests that look at where each step landed)."""
    # Imported here: loading WeasyPrint and Pango takes a while, and the plugin module and
    # the editors' check command import this package without rendering anything.
    from weasyprint import HTML

    font_config, stylesheet = _weasyprint_setup()
    return HTML(string=handout_html(guide, page_url, terms, image_dir)).render(stylesheets=[stylesheet], font_config=font_config)


def render_pdf(guide: Guide, page_url: str, terms: Terms = (), image_dir: Path | None = None) -> bytes:
    """The handout as PDF bytes; raises MissingGlyphError instead of printing empty boxes."""
    # WeasyPrint reports missing glyphs while drawing, so the watch spans layout and writing.
    with _watch_glyphs() as watch:
        pdf = render_document(guide, page_url, terms, image_dir).write_pdf(**PDF_OPTIONS)
    if watch.characters:
        raise MissingGlyphError(watch.characters)
    return pdf
