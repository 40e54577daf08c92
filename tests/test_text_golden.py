"""What content/text.py makes of a few texts, written out by hand: page HTML, one-line HTML, the
escaped title text, the search text and the addresses the link check reads."""

from __future__ import annotations

from unittest import mock

import pytest

from generator.content import text as content_text
from generator.content.text import blocks, inline, link_targets, plain, plain_text

RENDERED = [
    # text, inline(text), blocks(text)
    ("가 나", "가 나", "<p>가 나</p>"),
    ("**굵게** 글", "<strong>굵게</strong> 글", "<p><strong>굵게</strong> 글</p>"),
    ("*기울임*", "<em>기울임</em>", "<p><em>기울임</em></p>"),
    ("[KB국민은행](https://www.kbstar.com)", '<a href="https://www.kbstar.com">KB국민은행</a>', '<p><a href="https://www.kbstar.com">KB국민은행</a></p>'),
    ("<https://www.kbstar.com>", '<a href="https://www.kbstar.com">https://www.kbstar.com</a>', '<p><a href="https://www.kbstar.com">https://www.kbstar.com</a></p>'),
    ("첫 문단\n\n둘째 문단", "첫 문단\n둘째 문단", "<p>첫 문단</p>\n<p>둘째 문단</p>"),
    ("한 줄\n다음 줄", "한 줄\n다음 줄", "<p>한 줄\n다음 줄</p>"),
    # One line of HTML stays one however many blank lines the text has, and whatever they hold.
    ("가\n\n\n나", "가\n나", "<p>가</p>\n<p>나</p>"),
    ("*가*\n \n\t\n나", "<em>가</em>\n나", "<p><em>가</em></p>\n<p>나</p>"),
    ("*가*\r\n\r\n나", "<em>가</em>\n나", "<p><em>가</em></p>\n<p>나</p>"),
    # Quotes are text, not attribute values: left as they are, with or without other markup.
    ("\"네\"라고 했어요 '꼭'", "\"네\"라고 했어요 '꼭'", "<p>\"네\"라고 했어요 '꼭'</p>"),
    ("\"네\" **꼭**", "\"네\" <strong>꼭</strong>", "<p>\"네\" <strong>꼭</strong></p>"),
    ("1 < 2 & 3 > 2", "1 &lt; 2 &amp; 3 &gt; 2", "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"),
    ("<b>굵게</b>", "&lt;b&gt;굵게&lt;/b&gt;", "<p>&lt;b&gt;굵게&lt;/b&gt;</p>"),
    ("# 제목", "# 제목", "<p># 제목</p>"),
    ("![그림](https://www.kbstar.com/a.png)", "![그림](https://www.kbstar.com/a.png)", "<p>![그림](https://www.kbstar.com/a.png)</p>"),
    ('[KB](https://www.kbstar.com/"x)', '<a href="https://www.kbstar.com/&quot;x">KB</a>', '<p><a href="https://www.kbstar.com/&quot;x">KB</a></p>'),
    ('[KB](https://www.kbstar.com "제목")', '<a href="https://www.kbstar.com">KB</a>', '<p><a href="https://www.kbstar.com">KB</a></p>'),
]


@pytest.mark.parametrize(("text", "inline_html", "block_html"), RENDERED)
def test_rendering_golden_values(text: str, inline_html: str, block_html: str) -> None:
    assert str(inline(text)) == inline_html
    assert str(blocks(text)) == block_html


PLAIN = [
    # text, plain(text) (escaped, for page titles), plain_text(text) (for search), link_targets(text)
    ("**굵게** [링크](https://www.kbstar.com)", "굵게 링크", "굵게 링크", ["https://www.kbstar.com"]),
    ("가   나\n다", "가 나 다", "가 나 다", []),
    ('"따옴표" & <b>', "&quot;따옴표&quot; &amp; &lt;b&gt;", '"따옴표" & <b>', []),
    ("[가](https://www.kbstar.com) <https://yeskey.or.kr> [나](https://www.fss.or.kr)", "가 https://yeskey.or.kr 나", "가 https://yeskey.or.kr 나", ["https://www.kbstar.com", "https://yeskey.or.kr", "https://www.fss.or.kr"]),
    ("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;", "<javascript:alert(1)>", []),
    ("주소는 https://www.kbstar.com 입니다", "주소는 https://www.kbstar.com 입니다", "주소는 https://www.kbstar.com 입니다", []),
    ("[가](https://x.kr/a b)", "가", "가", ["https://x.kr/a b"]),
    ("**굵게**\n\n*기울임* `코드`", "굵게 기울임 코드", "굵게 기울임 코드", []),
]


@pytest.mark.parametrize(("text", "escaped", "searched", "targets"), PLAIN)
def test_plain_text_and_link_targets_golden_values(text: str, escaped: str, searched: str, targets: list[str]) -> None:
    assert plain(text) == escaped
    assert plain_text(text) == searched
    assert link_targets(text) == targets


LISTS = [
    # Bodies may hold one-level lists, right after a line of text, and an indented line continues an item.
    ("가\n- 하나\n- 둘", "<p>가</p>\n<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>"),
    ("1. 하나\n2. 둘", "<ol>\n<li>하나</li>\n<li>둘</li>\n</ol>"),
    ("3. 셋\n4. 넷", '<ol start="3">\n<li>셋</li>\n<li>넷</li>\n</ol>'),
    ("1) 괄호", "<ol>\n<li>괄호</li>\n</ol>"),
    ("- 하나\n  이어짐\n- 둘", "<ul>\n<li>하나\n이어짐</li>\n<li>둘</li>\n</ul>"),
    ("- 가\n1. 나", "<ul>\n<li>가</li>\n</ul>\n<ol>\n<li>나</li>\n</ol>"),
    ("- 가\n\n- 나", "<ul>\n<li>가</li>\n</ul>\n<ul>\n<li>나</li>\n</ul>"),
    ("가\n\n나\n- 다", "<p>가</p>\n<p>나</p>\n<ul>\n<li>다</li>\n</ul>"),
    ("* 별\n+ 더하기", "<ul>\n<li>별</li>\n<li>더하기</li>\n</ul>"),
    ("가\n나\n- 다", "<p>가\n나</p>\n<ul>\n<li>다</li>\n</ul>"),  # lines of one paragraph stay one paragraph
    ("가\n  나\n- 다", "<p>가\n  나</p>\n<ul>\n<li>다</li>\n</ul>"),  # indenting continues only items
    ("- 가\n\t나", "<ul>\n<li>가\n나</li>\n</ul>"),
    ("- 가\nX선", "<ul>\n<li>가</li>\n</ul>\n<p>X선</p>"),  # an unindented line ends the list
    ("- 가\n\n  나", "<ul>\n<li>가</li>\n</ul>\n<p>  나</p>"),  # so does a blank line
    ("- **굵게** [KB](https://www.kbstar.com)", '<ul>\n<li><strong>굵게</strong> <a href="https://www.kbstar.com">KB</a></li>\n</ul>'),
]


@pytest.mark.parametrize(("text", "block_html"), LISTS)
def test_list_golden_values(text: str, block_html: str) -> None:
    assert str(blocks(text)) == block_html


# Texts in the fast path's small grammar (paragraphs, **bold**, [label](address)) never reach
# Python-Markdown, whichever rendering asks: the build converts every text up to three times.
FAST = ["**굵게** 글", "[KB](https://www.kbstar.com) 가", "가\n나", "가\n\n**나**\n[다](https://www.fss.or.kr)"]


@pytest.mark.parametrize("text", FAST)
def test_texts_in_the_fast_paths_grammar_skip_python_markdown(text: str) -> None:
    with mock.patch.object(content_text, "_convert", side_effect=AssertionError("Python-Markdown was called")):
        blocks(text), inline(text), plain(text), plain_text(text), link_targets(text)
