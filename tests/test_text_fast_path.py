"""The fast path of generator/content/text.py renders exactly what Python-Markdown renders (issue #7).

Texts in its small grammar (paragraphs, **bold**, [label](url)) skip Python-Markdown; these
tests compare both on random texts built to hit the grammar's edges, and count how many real
and synthetic texts the fast path takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from generator.content import text as content_text  # "text" names the strings under test
from generator.content.loader import GuideFile
from generator.content.text import blocks, inline, link_targets, plain, plain_text
from generator.content.walk import text_fields
from generator.search import sections
from tests.support import guides_in
from tests.support.synthetic import write_guides

Rendered = tuple[str, str, str, list[str], str]


def rendered(text: str) -> Rendered:
    """Everything the build makes of one text: page blocks, inline HTML, title text, links, search text."""
    return str(blocks(text)), str(inline(text)), plain(text), link_targets(text), plain_text(text)


@contextmanager
def without_fast_path() -> Iterator[None]:
    with mock.patch.object(content_text, "_simple", lambda _text: None):
        yield


def rendered_by_markdown(text: str) -> Rendered:
    """The same through Python-Markdown only; the search text as generator/search made it before."""
    with without_fast_path():
        return str(blocks(text)), str(inline(text)), plain(text), link_targets(text), Markup(inline(text)).striptags()


def check_same(text: str) -> None:
    event("fast path" if content_text._simple(text) is not None else "Python-Markdown")
    assert rendered(text) == rendered_by_markdown(text)


# Random texts -----------------------------------------------------------------------------------

# Single characters and short strings at the grammar's edges, mixed with ordinary ones: most
# such texts are turned away, and those that are not must come out as Markdown makes them.
ORDINARY = ["가", "한글", "은행", "a", "Z", "0", " ", "(", ")", ":", "/", ".", ",", "!", "'", '"', "#", "-", "1.", "=", "%", "?", "~", "·"]
EDGES = [
    " ", "  ", "\n", "\n\n", "\n\n\n", "*", "**", "***", "[", "]", "(", ")", "](", "![", "_", "<", ">", "&", "&amp;",
    "`", "\\", "- ", "1. ", "> ", "    ", "{", "}", "\t", "\r", "\xa0", "\u3000", "\u2028", "\u200b", "\ufeff",
    "\x02", "\x03", "\x1c", "\x7f", "https://www.kbstar.com", "https://x.kr/a?b=1#c", "<https://x.kr>",
]
EDGE_TEXT = st.lists(st.one_of(st.sampled_from(ORDINARY), st.sampled_from(EDGES)), min_size=1, max_size=40).map("".join)

# Texts composed from the grammar's pieces, then, most of the time, one or two edge strings or
# near misses put anywhere (often at either end), even inside a word, a bold run or an address.
WORD = st.sampled_from(["가", "은행", "인증서를", "KB", "OTP", "3년", "(무료)", "(", ")", "1.", "#", "-", "!", ":", "/", ".", "'", '"', "…", "→", "a=b"])
WORDS = st.lists(WORD, min_size=1, max_size=4).flatmap(lambda words: st.sampled_from([" ", ""]).map(lambda sep: sep.join(words)))
URL = st.sampled_from(["https://www.kbstar.com", "https://www.kbstar.com/quics?page=C0#top", "https://x.kr/~a!$+,;=%20@b:c-d.e", "u", "javascript:alert"])
STRONG = WORDS.map(lambda words: f"**{words}**")
LINK = st.tuples(WORDS, URL).map(lambda parts: f"[{parts[0]}]({parts[1]})")
SEPARATOR = st.sampled_from(["", " ", "\n", "\n\n"])
NEAR_MISS = [
    "** 가**", "**가 **", "****", "*가*", "***가***", "**가*", "**가\n나**", "**가\n\n나**", "[가\n\n나](https://x.kr)",
    "[가] (https://x.kr)", "![가](https://x.kr)", "[가][b]", "[[가](https://x.kr)]", "[](https://x.kr)", "[ 가](https://x.kr)",
    "**[가](https://x.kr)**", "[**가**](https://x.kr)", '[가](https://x.kr "t")', "[가](https://x.kr/a(b))", "[가](https://x.kr/a b)",
    "[가]( https://x.kr)", "[가](https://x.kr/'q')", "[가](https://x.kr/a*b*)", "[가](https://x.kr/가)", "[가](<https://x.kr>)", "[가]()",
    "_가_", "`가`", "\\*", "<b>", "  \n", " \n", "\n ",
]
COMPOSED = st.lists(st.tuples(st.one_of(WORDS, STRONG, LINK), SEPARATOR), min_size=1, max_size=8).map(
    lambda pieces: "".join(piece + separator for piece, separator in pieces)[: -len(pieces[-1][1]) or None]
)


def edited(text: str) -> st.SearchStrategy[str]:
    where = st.one_of(st.just(0), st.just(len(text)), st.integers(0, len(text)))
    return st.tuples(where, st.sampled_from(EDGES + NEAR_MISS)).map(lambda edit: text[: edit[0]] + edit[1] + text[edit[0] :])


COMPOSED_TEXT = st.one_of(COMPOSED, COMPOSED.flatmap(edited), COMPOSED.flatmap(edited).flatmap(edited))


@settings(max_examples=2000, deadline=None)
@given(text=EDGE_TEXT)
@example(text="가\n\n나")
@example(text="가**나**다")
@example(text="가![나](https://x.kr)")
@example(text="가  \n나")
@example(text="\xa0가\n\n나")
def test_texts_of_edge_characters_render_as_python_markdown_renders_them(text: str) -> None:
    check_same(text)


@settings(max_examples=2000, deadline=None)
@given(text=COMPOSED_TEXT)
@example(text="**가****나**")
@example(text="[가](https://x.kr))")
@example(text="[가](https://x.kr)(나)")
@example(text="**가**\n**나**\n\n[다](https://x.kr/?a=1#b) 라")
@example(text="**가** **나")
def test_texts_built_from_the_grammar_render_as_python_markdown_renders_them(text: str) -> None:
    check_same(text)


# Every text one edit away from a few texts in the grammar: each edge string and near miss put
# at every position, and each character taken out. Random texts rarely put, say, "  \n" or ")"
# exactly where a rule is at stake; this walks every such place.
SEEDS = ["가 **나** 다", "[가](https://x.kr/a?b=1) 나.", "가\n나\n\n다", "**가**[나](u)(다)"]


def one_edit_away(seeds: list[str]) -> set[str]:
    texts = set()
    for seed in seeds:
        for where in range(len(seed) + 1):
            texts.update(seed[:where] + edge + seed[where:] for edge in EDGES + NEAR_MISS)
            texts.add(seed[:where] + seed[where + 1 :])
    return texts


def test_every_text_one_edit_away_from_the_grammar_renders_as_python_markdown_renders_them() -> None:
    texts = one_edit_away(SEEDS)
    accepted = [text for text in texts if content_text._simple(text) is not None]
    assert len(accepted) >= len(texts) // 20, "the edits should leave some texts in the grammar"
    for text in sorted(texts):
        assert rendered(text) == rendered_by_markdown(text), text


# Real and synthetic texts ------------------------------------------------------------------------


def content_texts(files: Iterable[GuideFile]) -> set[str]:
    """Every distinct text the renderer, the link check and the search index convert (not addresses)."""
    return {text for loaded in files for loc, text in text_fields(loaded.guide) if loc[-1] != "url"}


def needing_markdown(texts: Iterable[str]) -> set[str]:
    """The texts for which any of the five renderings called Python-Markdown."""
    original = content_text._convert
    calls: list[str] = []
    needing = set()
    with mock.patch.object(content_text, "_convert", lambda text: calls.append(text) or original(text)):
        for text in texts:
            before = len(calls)
            rendered(text)
            if len(calls) > before:
                needing.add(text)
    return needing


def synthetic_files(tmp_path: Path) -> list[GuideFile]:
    write_guides(50, tmp_path, seed=0)
    return guides_in(tmp_path)


def test_real_and_synthetic_texts_render_as_python_markdown_renders_them(guide_files: list[GuideFile], tmp_path: Path) -> None:
    for text in sorted(content_texts(guide_files) | content_texts(synthetic_files(tmp_path))):
        assert rendered(text) == rendered_by_markdown(text), text


def test_nine_in_ten_texts_with_markup_skip_python_markdown(guide_files: list[GuideFile], tmp_path: Path) -> None:
    for name, files in (("real guide", guide_files), ("50 synthetic guides", synthetic_files(tmp_path))):
        texts = content_texts(files)
        with without_fast_path():
            with_markup = needing_markdown(texts)
        still = needing_markdown(with_markup)
        # Texts without any Markdown character never reached Python-Markdown; count only the others.
        assert len(with_markup) >= 10, f"{name}: too few texts with markup to judge"
        assert len(still) <= len(with_markup) // 10, f"{name}: {len(still)} of {len(with_markup)} still need Python-Markdown: {sorted(still)[:5]}"


def test_search_sections_are_what_they_were_before_the_fast_path(guide_files: list[GuideFile], tmp_path: Path) -> None:
    files = guide_files + synthetic_files(tmp_path)
    now = [sections.guide_sections(loaded.guide) for loaded in files]
    with without_fast_path(), mock.patch.object(sections, "_plain", lambda text: Markup(inline(text)).striptags()):
        before = [sections.guide_sections(loaded.guide) for loaded in files]
    assert now == before
