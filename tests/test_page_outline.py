"""A guide page is the renderer's HTML, whole and untouched by Markdown: its h2 headings, the
table of contents and the names search gives its parts all come from one outline
(generator/page/outline.py)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.loader import GuideFile
from generator.content.model import Closing, Guide
from generator.page.outline import outline
from generator.page.render import render_guide
from generator.search.sections import guide_sections
from tests.support import example, site_settings


def _dom(html: str) -> str:
    """The document as a tree; whitespace between blocks is not part of the page's meaning."""
    return re.sub(r">\s+<", "><", str(BeautifulSoup(html, "html.parser")).strip())


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def test_built_guide_page_is_the_rendered_html_with_the_outline_as_its_table_of_contents(built_site: Path, guide_files: list[GuideFile]) -> None:
    policy = site_settings().policy
    for loaded in guide_files:
        guide = loaded.guide
        rendered = render_guide(guide, review_due=policy.review_due(guide), terms=loaded.terms)
        soup = BeautifulSoup((built_site / "guides" / guide.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        assert article is not None
        assert _dom(rendered.html) in _dom(article.decode_contents()), f"{guide.id}: the page body is not the renderer's HTML"
        parts = rendered.outline
        assert parts == outline(guide, loaded.terms)
        assert {"prerequisites", "steps", "sources"} <= {part.id for part in parts}
        headings = [(h2["id"], _collapsed(h2.get_text())) for h2 in article.select("h2[id]") if h2["id"] != "facts-title"]
        expected = [(part.id, _collapsed(part.title.striptags())) for part in parts]
        assert headings == expected
        # The same table of contents in the sidebar (wide screens) and under the guide's own entry in
        # the menu, where Material shows it on phones; a guide is not otherwise in the navigation.
        for where in (".md-sidebar--secondary", ".md-sidebar--primary"):
            toc = [(a["href"], _collapsed(a.get_text())) for a in soup.select(f"{where} nav.md-nav--secondary a")]
            assert toc == [(f"#{anchor}", title) for anchor, title in expected], where


SAMPLE = Guide.model_validate(yaml.safe_load(example()))
HEADING_TEXT = st.text(alphabet=st.sampled_from(list("가나다 abc019.,:;!?'\"()-·&<>*_[]{}#`\\~|/%=+@$^\t")), min_size=1, max_size=30)
MARKDOWN_CHARACTERS = set("*_[]<>&`\\\n")


@settings(max_examples=600, deadline=None)
@given(title=HEADING_TEXT.filter(lambda title: title.strip() != ""))
def test_a_closing_title_is_the_same_text_in_its_heading_table_of_contents_and_search(title: str) -> None:
    # The closing part is the one whose heading comes from content (a '#' once vanished from it).
    guide = SAMPLE.model_copy(update={"closing": Closing.model_validate({"title": title, "body": "마무리 안내입니다."})})
    rendered = render_guide(guide)
    [part] = [part for part in rendered.outline if part.id == "closing"]
    assert f'<h2 id="closing">{part.title}</h2>' in rendered.html, "the heading is the outline's title, as the table of contents shows it"
    heading = BeautifulSoup(rendered.html, "html.parser").find("h2", id="closing")
    assert heading is not None
    search_name = next(section.title for section in guide_sections(guide).sections if section.anchor == "closing")
    assert _collapsed(heading.get_text()) == _collapsed(search_name)
    if not MARKDOWN_CHARACTERS & set(title):
        assert heading.get_text() == title.strip(), "text without Markdown shows exactly as written"
