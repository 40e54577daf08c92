"""Links in content text: every rendered <a> carries only an address, and only one the link check saw.

The link check (content/policy.py) reads the addresses the renderer will link to from
content/text.py's link_targets. If the renderer ever linked something link_targets does not
report, or let a quote in an address end the href attribute, a phishing link or an event handler
could pass the check: these tests generate addresses full of quotes, `=`, spaces and character
references and look at the HTML with BeautifulSoup, not with the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.content.policy import Subject
from generator.content.text import blocks, inline, link_targets, plain, plain_text
from generator.content.yaml_source import SourceMap
from tests.support import policy

HOSTS = ["https://www.kbstar.com", "https://WWW.KBSTAR.COM", "https://evil.example", "http://www.kbstar.com", "javascript:", "data:text/html,", ""]
ADDRESS_PIECES = [
    "/", "/quics", "?page=", "=", "&", "#top", '"', "'", " ", "&quot;", "&#34;", "&#x22;", "&amp;", "&lt;", "&#60;", "<", ">",
    "onmouseover=", "alert(1)", ":8443", "@evil.example", "%22", "가", "(", ")", "\\", "`", "*", "_", "\t",
]
ADDRESS = st.tuples(st.sampled_from(HOSTS), st.lists(st.sampled_from(ADDRESS_PIECES), max_size=6).map("".join)).map("".join)
LINK = st.one_of(
    ADDRESS.map(lambda address: f"[은행]({address})"),
    ADDRESS.map(lambda address: f"<{address}>"),
    ADDRESS.map(lambda address: f"[은행](<{address}>)"),
    st.tuples(ADDRESS, st.sampled_from(['"제목"', "'a\"b'", '"t onclick=x"'])).map(lambda parts: f"[은행]({parts[0]} {parts[1]})"),
)
TEXT = st.tuples(st.sampled_from(["", "가 ", "**굵게** "]), LINK, st.sampled_from(["", " 나", " [KB](https://www.kbstar.com)"])).map("".join)


def anchors(html: str) -> list[dict[str, str]]:
    return [dict(a.attrs) for a in BeautifulSoup(html, "html.parser").find_all("a")]


def link_check_problems(text: str) -> list[str]:
    subject = Subject("x.yml", Path("x.yml"), SourceMap(), [(("steps", 0, "body"), text)], None)
    return [problem.message for problem in policy().check_links(subject)]


@settings(max_examples=400, deadline=None)
@given(text=TEXT)
@example(text='[KB](https://www.kbstar.com/"onmouseover="alert)')
@example(text='[KB](https://www.kbstar.com/" onmouseover="alert)')
@example(text="<https://www.kbstar.com/\"onmouseover='alert'>")
@example(text="[KB](https://www.kbstar.com/&quot;onclick=&quot;alert)")
@example(text='[KB](https://www.kbstar.com "제목")')
def test_every_rendered_link_has_only_an_address_the_link_check_approved(text: str) -> None:
    targets = link_targets(text)
    approved = not link_check_problems(text)
    for html in (str(blocks(text)), str(inline(text))):
        for attributes in anchors(html):
            assert list(attributes) == ["href"], html
            assert attributes["href"] in targets, (html, targets)
            if approved:
                assert attributes["href"].lower().startswith("https://www.kbstar.com"), (html, targets)
                assert policy().link_problem(attributes["href"]) is None


# Golden values: what the renderer makes of a few texts, written out by hand -----------------------

RENDERED = [
    # text, inline(text), blocks(text)
    ("가 나", "가 나", "<p>가 나</p>"),
    ("**굵게** 글", "<strong>굵게</strong> 글", "<p><strong>굵게</strong> 글</p>"),
    ("*기울임*", "<em>기울임</em>", "<p><em>기울임</em></p>"),
    ("[KB국민은행](https://www.kbstar.com)", '<a href="https://www.kbstar.com">KB국민은행</a>', '<p><a href="https://www.kbstar.com">KB국민은행</a></p>'),
    ("<https://www.kbstar.com>", '<a href="https://www.kbstar.com">https://www.kbstar.com</a>', '<p><a href="https://www.kbstar.com">https://www.kbstar.com</a></p>'),
    ("첫 문단\n\n둘째 문단", "첫 문단\n둘째 문단", "<p>첫 문단</p>\n<p>둘째 문단</p>"),
    ("한 줄\n다음 줄", "한 줄\n다음 줄", "<p>한 줄\n다음 줄</p>"),
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
