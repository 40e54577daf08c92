"""What the handout is made of, against values written out by hand: the page address its QR code
opens, the address printed under the code line by line, the code itself, the problem an editor reads
when a character has no glyph, Korean line breaking (keepall.py), the HTML WeasyPrint gets and the
PDF it makes of the smallest guide.

In-process and fast (the mutation runs' handout group, bench/mutants.py); the handouts of the built
site are read by test_handout.py and test_handout_content.py."""

from __future__ import annotations

import atexit
import logging
import os
import re
import subprocess
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from generator.content.loader import read_guide
from generator.handout.address import handout_uri, page_url
from generator.handout.document import MissingGlyphError, _delete_font_copies_at_exit, _watch_glyphs, glyph_problems, handout_html, qr_svg, render_document, render_pdf, url_lines
from generator.handout.keepall import keep_words
from tests.support import example

SEED_PAGE = "https://giljabi.github.io/giljabi/guides/kb-financial-certificate/"


@pytest.fixture(scope="module")
def minimal(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("content") / "minimal-guide.yml"
    path.write_text(example("minimal-guide"), encoding="utf-8")
    return read_guide(path, "content/guides/minimal-guide.yml").file


# The guide page's address --------------------------------------------------------------------------

PAGE_URLS = [
    # site_url as mkdocs.yml may give it, the guide page's address
    ("https://giljabi.github.io/giljabi/", "https://giljabi.github.io/giljabi/guides/minimal-guide/"),
    ("https://giljabi.github.io/giljabi", "https://giljabi.github.io/giljabi/guides/minimal-guide/"),
    ("https://example.org", "https://example.org/guides/minimal-guide/"),
    ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/guides/minimal-guide/"),
]


@pytest.mark.parametrize(("site", "expected"), PAGE_URLS)
def test_page_url_joins_the_site_url_and_the_guide_page(minimal, site: str, expected: str) -> None:
    assert page_url(site, minimal.guide) == expected


def test_the_handout_sits_next_to_the_guide_page(minimal) -> None:
    assert handout_uri(minimal.guide) == "guides/minimal-guide/handout.pdf"


# The address printed under the QR code -------------------------------------------------------------

URL_LINES = [
    # Cut after slashes into lines of at most 26 characters; a segment longer than that stays whole.
    (SEED_PAGE, ["https://giljabi.github.io/", "giljabi/guides/", "kb-financial-certificate/"]),
    ("http://127.0.0.1:8000/giljabi/guides/minimal-guide/", ["http://127.0.0.1:8000/", "giljabi/guides/", "minimal-guide/"]),
    ("http://127.0.0.1:8000/preview/branch-name/guides/minimal-guide/", ["http://127.0.0.1:8000/", "preview/branch-name/", "guides/minimal-guide/"]),
    # The host has a line of its own, however short.
    ("https://a.kr/b/c/", ["https://a.kr/", "b/c/"]),
    # 7 + 19 = 26 characters fit on one line, 7 + 20 = 27 do not.
    ("https://a.kr/guides/abcdefghijklmnopqr/", ["https://a.kr/", "guides/abcdefghijklmnopqr/"]),
    ("https://a.kr/guides/abcdefghijklmnopqrs/", ["https://a.kr/", "guides/", "abcdefghijklmnopqrs/"]),
    ("https://a.kr/a-segment-longer-than-a-whole-line/x/", ["https://a.kr/", "a-segment-longer-than-a-whole-line/", "x/"]),
    # Nothing is added or taken away: no slash at the end, two slashes, "://" in the path.
    ("https://a.kr/b/c", ["https://a.kr/", "b/c"]),
    ("https://a.kr/guides/abcdefghijklmnopqrs", ["https://a.kr/", "guides/abcdefghijklmnopqrs"]),
    ("https://a.kr/guides/abcdefghijklmnopqrst", ["https://a.kr/", "guides/", "abcdefghijklmnopqrst"]),
    ("https://a.kr/", ["https://a.kr/"]),
    ("https://a.kr", ["https://a.kr"]),
    ("https://a.kr//b//c/", ["https://a.kr/", "/b//c/"]),
    ("https://a.kr/go/https://b.kr/", ["https://a.kr/", "go/https://b.kr/"]),
]


@pytest.mark.parametrize(("url", "lines"), URL_LINES)
def test_url_lines_cut_the_address_after_slashes(url: str, lines: list[str]) -> None:
    assert url_lines(url) == lines


@settings(max_examples=300, deadline=None)
@given(url=st.text(alphabet="ab-/:.", max_size=60).map(lambda path: f"https://{path}"))
def test_url_lines_joined_are_the_address_the_caption_links_to(url: str) -> None:
    # The handout's caption links to "".join(url_lines): it must be the page address itself.
    assert "".join(url_lines(url)) == url


# The QR code -----------------------------------------------------------------------------------------


def _modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules of segno's SVG path: "M x y" moves to a row's middle, "m dx dy" moves by, "h n" draws n."""
    (path,) = re.findall(r' d="([^"]+)"', svg)
    x = y = 0.0
    dark = set()
    for command, numbers in re.findall(r"([Mmh])([-\d. ]+)", path):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            dark.update((int(x) + i, int(y)) for i in range(int(values[0])))
            x += values[0]
    return dark


def _decoded(svg: str, side: int, tmp_path: Path) -> str:
    """What a phone's camera reads: the code drawn black on white, read by zbarimg."""
    scale = 8
    image = Image.new("L", (side * scale, side * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y in _modules(svg):
        draw.rectangle((x * scale, y * scale, (x + 1) * scale - 1, (y + 1) * scale - 1), fill=0)
    png = tmp_path / "qr.png"
    image.save(png)
    return subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], check=True, capture_output=True, text=True).stdout.strip()


QR_SIZES = [
    # address, modules with the quiet zone (4 on each side), at error correction M
    (SEED_PAGE, 45),  # 66 bytes: version 5, 37 modules (version 4-M holds 62 bytes)
    ("https://a.kr/", 29),  # 13 bytes: version 1, 21 modules; never a Micro QR code, which phone cameras do not read
]


@pytest.mark.parametrize(("url", "side"), QR_SIZES)
def test_qr_code_opens_the_page_and_names_it_for_a_screen_reader(url: str, side: int, tmp_path: Path) -> None:
    svg = str(qr_svg(url))
    # No width or height: the stylesheet sizes the code.
    assert svg.startswith(f'<svg viewBox="0 0 {side} {side}" class="segno">'), svg[:80]
    assert f"<title>온라인 안내서로 가는 QR 코드: {url}</title>" in svg
    assert 'stroke="#000"' in svg and "width=" not in svg and "height=" not in svg
    assert all(4 <= x < side - 4 and 4 <= y < side - 4 for x, y in _modules(svg)), "the quiet zone is empty"
    assert _decoded(svg, side, tmp_path) == url


# A character no font can draw ------------------------------------------------------------------------

UNDRAWABLE = "\U000f0041"  # Supplementary Private Use Area: no font of a Debian machine draws it


def test_missing_glyph_error_names_each_character_and_its_code_point() -> None:
    error = MissingGlyphError([UNDRAWABLE, "가"])
    assert str(error) == "'\\U000f0041' (U+F0041), '가' (U+AC00)"
    assert error.characters == [UNDRAWABLE, "가"]


def test_a_missing_glyph_is_a_problem_at_the_first_field_that_holds_it(tmp_path: Path) -> None:
    text = example("minimal-guide").replace("    body: 앱을 열고", f"    body: 앱{UNDRAWABLE}을 열고")
    (tmp_path / "guide.yml").write_text(text.replace("value: 5분", f"value: 5분{UNDRAWABLE}"), encoding="utf-8")
    loaded = read_guide(tmp_path / "guide.yml", "content/guides/guide.yml").file
    problems = glyph_problems(loaded, MissingGlyphError([UNDRAWABLE, "가", "☃"]))
    assert [(p.file, p.line, p.column, p.path, p.severity) for p in problems] == [
        ("content/guides/guide.yml", 14, 12, "facts[1].value", "error"),  # editors count items from 1
        ("content/guides/guide.yml", 3, 8, "title", "error"),  # 가 of "가장 짧은 안내서"
        ("content/guides/guide.yml", 2, 1, "", "error"),  # in no field of the guide (a glossary term's): the file's top
    ]
    assert problems[0].message == "인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다: '\U000f0041' (U+F0041)"
    assert problems[0].fix == "설치된 글꼴에 없는 글자입니다. 이 글자를 지우거나 흔히 쓰는 글자로 바꿔 주세요"
    assert problems[1].message == "인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다: '가' (U+AC00)"


def test_the_glyph_watch_collects_weasyprint_warnings_once_each_while_it_watches() -> None:
    logger = logging.getLogger("weasyprint")
    notdef = '.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)'
    with _watch_glyphs() as watch:
        logger.warning(notdef, UNDRAWABLE, 0xF0041)
        logger.warning("Ignored `%s` at %d:%d, %s.", "gap: 1em", 3, 5, "unknown property")
        logger.warning(notdef, "가", 0xAC00)
        logger.warning(notdef, UNDRAWABLE, 0xF0041)
    logger.warning(notdef, "다", 0xB2E4)
    assert watch.characters == [UNDRAWABLE, "가"]
    assert watch not in logger.handlers


# Korean line breaking ----------------------------------------------------------------------------------

J = "\u2060"  # WORD JOINER: no line break here
KEEP_WORDS = [
    # html, what WeasyPrint gets: a joiner between neighbouring characters of every word with Hangul
    ("", ""),
    ("가", "가"),
    ("인증서", f"인{J}증{J}서"),
    ("인증 센터", f"인{J}증 센{J}터"),
    ("인증\n센터\t개인", f"인{J}증\n센{J}터\t개{J}인"),
    ("ㅋㅋ", f"ㅋ{J}ㅋ"),  # compatibility jamo are Hangul too
    # Words without Hangul are left as they are.
    ("www.kbstar.com 3년", f"www.kbstar.com 3{J}년"),
    # Two ASCII letters or digits never get one (they do not break anyway); anything else next to them does.
    ("KB국민", f"KB{J}국{J}민"),
    ("OTP6자리", f"OTP6{J}자{J}리"),
    ("www.kbstar.com을", f"www{J}.{J}kbstar{J}.{J}com{J}을"),
    ("(무료)", f"({J}무{J}료{J})"),
    # A character reference is one character.
    ("&quot;보안&quot;은", f"&quot;{J}보{J}안{J}&quot;{J}은"),
    ("가&#xAC00;&amp;b", f"가{J}&#xAC00;{J}&amp;{J}b"),
    ("가&nbsp;나", f"가{J}&nbsp;{J}나"),  # a no-break space joins the two words it stands between
    # A word runs on through inline tags (any case, any spacing); the joiner starts the next text run.
    ("<strong>센터</strong>를", f"<strong>센{J}터</strong>{J}를"),
    ("<STRONG>가나</STRONG>다", f"<STRONG>가{J}나</STRONG>{J}다"),
    ("<strong>가</ strong >나", f"<strong>가</ strong >{J}나"),
    ('<a href="https://x.kr/가나">KB국민</a>', f'<a href="https://x.kr/가나">KB{J}국{J}민</a>'),
    ("<em>가</em> <em>나</em>", "<em>가</em> <em>나</em>"),
    # Block tags, self-closing tags, comments and doctypes end a word.
    ("<p>인증</p><p>센터</p>", f"<p>인{J}증</p><p>센{J}터</p>"),
    ("가<br>나", "가<br>나"),
    ("가<span/>나", "가<span/>나"),
    ("가<!-- 주석 -->나", "가<!-- 주석 -->나"),
    ("<!doctype html>가나", f"<!doctype html>가{J}나"),
    # Text inside <style>, <script>, <svg> and <title> is not prose, however they nest.
    ("<title>가나 다라</title>마바", f"<title>가나 다라</title>마{J}바"),
    ('<style>p::before { content: "한글" }</style>', '<style>p::before { content: "한글" }</style>'),
    ("<script>x = '가나'</script>다라", f"<script>x = '가나'</script>다{J}라"),
    ("<svg><title>가나</title><path/></svg>다라", f"<svg><title>가나</title><path/></svg>다{J}라"),
    ("<svg><svg></svg>가나</svg>다라", f"<svg><svg></svg>가나</svg>다{J}라"),
    ("<SVG><Title>가나</Title></SVG>다라", f"<SVG><Title>가나</Title></SVG>다{J}라"),
    ("<svg/>가나", f"<svg/>가{J}나"),
    ("<svg><svg/></svg>가나", f"<svg><svg/></svg>가{J}나"),
]


@pytest.mark.parametrize(("html", "expected"), KEEP_WORDS)
def test_keep_words_joins_the_characters_of_hangul_words(html: str, expected: str) -> None:
    assert keep_words(html) == expected


# The HTML WeasyPrint gets and what it makes of it ----------------------------------------------------------

MINIMAL_PAGE = "https://giljabi.github.io/giljabi/guides/minimal-guide/"
TERMS = (("인증서", "본인을 확인하는 **전자 문서**"),)


@pytest.fixture(scope="module")
def pictured(tmp_path_factory: pytest.TempPathFactory):
    """The minimal guide with one picture in its step, and the folder that holds the picture."""
    folder = tmp_path_factory.mktemp("pictured")
    Image.new("RGB", (40, 30), "#3366aa").save(folder / "screen.png")
    text = example("minimal-guide").replace("    body: 앱을 열고 안내를 따릅니다.\n", "    body: 앱을 열고 안내를 따릅니다.\n    images:\n      - file: screen.png\n        alt: 앱 첫 화면\n")
    (folder / "minimal-guide.yml").write_text(text, encoding="utf-8")
    return read_guide(folder / "minimal-guide.yml", "content/guides/minimal-guide.yml").file.guide, folder


def test_handout_html_has_the_code_the_address_lines_the_terms_and_the_pictures(pictured) -> None:
    guide, folder = pictured
    html = handout_html(guide, MINIMAL_PAGE, TERMS, folder)
    # 55 bytes need version 4 at M: 33 modules and the quiet zone.
    assert '<figure class="h-qr">\n<svg viewBox="0 0 41 41" class="segno"><title>온라인 안내서로 가는 QR 코드: https://giljabi.github.io/giljabi/guides/minimal-guide/</title>' in html
    assert (
        '<a class="h-qr__url" href="https://giljabi.github.io/giljabi/guides/minimal-guide/"><span class="h-qr__line">https://giljabi.github.io/</span>'
        '<span class="h-qr__line">giljabi/guides/</span><span class="h-qr__line">minimal-guide/</span></a>'
    ) in html
    assert f'<h1 class="h-title" id="title">가{J}장 짧{J}은 안{J}내{J}서</h1>' in html
    assert "<title>가장 짧은 안내서</title>" in html
    assert f"<dt>인{J}증{J}서</dt><dd>본{J}인{J}을 확{J}인{J}하{J}는 <strong>전{J}자 문{J}서</strong></dd>" in html
    assert f'<img src="{(folder / "screen.png").as_uri()}" alt="앱 첫 화면">' in html


def test_handout_html_leaves_out_the_terms_and_pictures_it_is_not_given(pictured) -> None:
    guide, _ = pictured
    html = handout_html(guide, MINIMAL_PAGE)
    assert 'id="glossary"' not in html and "<img" not in html


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _stream_texts(pdf: bytes) -> list[bytes]:
    return [zlib.decompress(stream) for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S) if stream[:1] == b"x"]


def test_the_smallest_guide_is_laid_out_with_the_stylesheet_its_terms_and_its_picture(pictured) -> None:
    guide, folder = pictured
    document = render_document(guide, MINIMAL_PAGE, TERMS, folder)
    assert len(document.pages) == 1
    page = document.pages[0]._page_box
    assert round(page.margin_top * 25.4 / 96, 1) == 11.0  # handout.css: @page { margin: 11mm … }, not WeasyPrint's 75 px
    elements = [box.element for box in _boxes(page) if getattr(box, "element", None) is not None]
    assert "glossary" in {element.get("id") for element in elements}
    assert [element.get("src") for element in elements if element.tag == "img"][:1] == [(folder / "screen.png").as_uri()]


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, check=True, capture_output=True).stdout.decode("utf-8")


def test_the_smallest_guide_prints_as_tagged_pdf_in_the_korean_font(pictured) -> None:
    guide, folder = pictured
    pdf = render_pdf(guide, MINIMAL_PAGE, TERMS, folder)
    assert pdf.startswith(b"%PDF-")
    streams = b"\n".join(_stream_texts(pdf))
    assert b'pdfuaid:part="1"' in streams  # PDF/UA-1, in the XMP metadata
    assert re.search(rb"/BaseFont /[A-Z]{6}\+Noto-Sans-CJK-KR-Hangul\b", streams)  # the Korean cut, through the font configuration
    assert "낱말 풀이" in _pdf_text(pdf) and b"/Subtype /Image" in pdf  # the terms and the picture it was given


def test_a_character_no_font_draws_stops_the_pdf(minimal) -> None:
    with pytest.raises(MissingGlyphError) as error:
        render_pdf(minimal.guide.model_copy(update={"title": f"가{UNDRAWABLE}나"}), MINIMAL_PAGE)
    assert error.value.characters == [UNDRAWABLE]


def test_the_font_copy_is_deleted_at_exit_by_the_process_that_made_it(tmp_path: Path, monkeypatch) -> None:
    registered: list = []
    monkeypatch.setattr(atexit, "register", registered.append)
    folder = tmp_path / "weasyprint-copy"
    folder.mkdir()
    (folder / "font.otf").write_bytes(b"font")
    font_config = SimpleNamespace(_folder=folder)
    _delete_font_copies_at_exit(font_config)
    (delete,) = registered
    with monkeypatch.context() as forked:  # a forked worker shares the folder: it leaves it alone
        forked.setattr(os, "getpid", lambda: -1)
        delete()
    assert (folder / "font.otf").is_file() and font_config._folder == folder
    delete()
    assert not folder.exists()
    assert not font_config._folder  # WeasyPrint's own __del__ then does nothing
    delete()  # twice (or after WeasyPrint deleted it) is no error

    for nothing_copied in (SimpleNamespace(_folder=None), SimpleNamespace()):
        _delete_font_copies_at_exit(nothing_copied)
    assert len(registered) == 1
