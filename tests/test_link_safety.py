"""Links in content text: every rendered <a> carries only an address, and only one the link check saw.

The link check (content/policy.py) reads the addresses the renderer will link to from
content/text.py's link_targets. If the renderer ever linked something link_targets does not
report, or let a quote in an address end the href attribute, a phishing link or an event handler
could pass the check: these tests generate addresses full of quotes, `=`, spaces and character
references and look at the HTML with BeautifulSoup, not with the code under test.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.content.policy import Subject
from generator.content.text import blocks, inline, link_targets
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
