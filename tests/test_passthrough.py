"""Guide pages' HTML blocks bypass Python-Markdown (generator/passthrough.py) without changing the page."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator.bench.synthetic import write_guides
from generator.loader import GuideFile, load_guides
from generator.passthrough import set_aside
from generator.render import environment, render_guide

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Python-Markdown configured exactly as mkdocs.yml configures it for pages."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.fixture(scope="module")
def page_sources(tmp_path_factory: pytest.TempPathFactory, guide_files: list[GuideFile]) -> list[str]:
    """Every real guide and 40 synthetic ones, rendered to their page Markdown (front matter removed)."""
    content = tmp_path_factory.mktemp("passthrough") / "content"
    write_guides(40, content, seed=11)
    guides = [f.guide for f in guide_files] + [f.guide for f in load_guides(content)[0]]
    pages = [render_guide(guide, review_due=index % 2 == 0) for index, guide in enumerate(guides)]
    return [page.split("---\n", 2)[2] for page in pages]


def _convert(md: markdown.Markdown, text: str) -> tuple[str, list[dict]]:
    md.reset()
    return md.convert(text), md.toc_tokens  # type: ignore[attr-defined]


def _dom(html: str) -> str:
    """The document as a tree; whitespace between blocks is not part of the page's meaning."""
    return re.sub(r">\s+<", "><", str(BeautifulSoup(html, "html.parser")).strip())


def test_set_aside_page_converts_to_the_same_html_and_table_of_contents(site_markdown: markdown.Markdown, page_sources: list[str]) -> None:
    for source in page_sources:
        direct_html, direct_toc = _convert(site_markdown, source)
        remaining, kept = set_aside(source)
        assert remaining == f"{kept.token}0X", "the guide page did not become one HTML block"
        bypass_html, bypass_toc = _convert(site_markdown, remaining)
        assert _dom(kept.put_back(bypass_html)) == _dom(direct_html)
        assert kept.toc is not None, "the template's headings were left to Markdown"
        assert bypass_toc == [] and kept.toc == direct_toc
        assert kept.token not in kept.put_back(bypass_html)


def test_markdown_outside_html_blocks_is_still_converted(site_markdown: markdown.Markdown) -> None:
    source = '## 준비물 {: #prerequisites }\n\n<ul class="x">\n<li>**그대로**</li>\n</ul>\n\n**굵게** 쓴 문단\n\n<span>인라인으로 시작하는 문단</span>'
    remaining, kept = set_aside(source)
    html = kept.put_back(_convert(site_markdown, remaining)[0])
    assert '<h2 id="prerequisites">준비물</h2>' in html
    assert "<li>**그대로**</li>" in html
    assert "<p><strong>굵게</strong> 쓴 문단</p>" in html
    assert kept.blocks == ('<ul class="x">\n<li>**그대로**</li>\n</ul>',)


def test_an_element_running_past_a_blank_line_is_set_aside_whole_and_verbatim(site_markdown: markdown.Markdown) -> None:
    source = '<div class="a">\n<p>하나</p>\n \n<p>둘</p>\n</div>\n\n## 제목\n\n<ul>\n<li><a href="a\n \nb">x</a></li>\n</ul>'
    remaining, kept = set_aside(source)
    assert kept.blocks == ('<div class="a">\n<p>하나</p>\n \n<p>둘</p>\n</div>', '<ul>\n<li><a href="a\n \nb">x</a></li>\n</ul>')
    html = kept.put_back(_convert(site_markdown, remaining)[0])
    assert 'href="a\n \nb"' in html and "<h2" in html


def test_an_element_that_never_closes_leaves_the_page_to_markdown() -> None:
    source = '<div class="a">\n<p>하나</p>\n\n## 제목'
    remaining, kept = set_aside(source)
    assert remaining == source and kept.blocks == ()


def test_built_guide_page_is_whole_and_left_out_of_materials_index(built_site: Path, guide_files: list[GuideFile]) -> None:
    import json

    for loaded in guide_files:
        page = (built_site / "guides" / loaded.guide.id / "index.html").read_text(encoding="utf-8")
        assert "GILJABI" not in page
        soup = BeautifulSoup(page, "html.parser")
        assert [li["data-gj-step"] for li in soup.select("ol.gj-steps > li.gj-step")] == [step.id for step in loaded.guide.steps]
        headings = [h2["id"] for h2 in soup.select("article h2[id]")]
        toc = [a["href"] for a in soup.select("nav.md-nav--secondary a")]
        assert {"prerequisites", "steps", "sources"} <= set(headings)
        assert toc == [f"#{anchor}" for anchor in headings if anchor != "facts-title"]
    material = built_site / "search" / "search_index.json"
    if material.is_file():  # Korean search rewrites search/; a stock index must still not hold guide pages twice
        locations = {doc["location"].split("#")[0] for doc in json.loads(material.read_text(encoding="utf-8"))["docs"]}
        assert not any(location.startswith("guides/") for location in locations)


HEADING_TEXT = st.text(alphabet=st.sampled_from(list("가나다 abc019.,:;!?'\"()-·&<>*_[]{}#`\\~|/%=+@$^\t")), min_size=1, max_size=30)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HEADING_TEXT)
def test_headings_made_without_markdown_are_what_markdown_makes(site_markdown: markdown.Markdown, title: str) -> None:
    # The closing heading's text comes from content, through the template's own filters.
    heading = environment().from_string("## {{ title|plain|heading }} {: #closing }").render(title=title)
    source = f'<div class="a">\n<p>하나</p>\n</div>\n\n## 준비물 {{: #prerequisites }}\n\n<ul>\n<li>둘</li>\n</ul>\n\n{heading}'
    direct_html, direct_toc = _convert(site_markdown, source)
    remaining, kept = set_aside(source)
    bypass_html, bypass_toc = _convert(site_markdown, remaining)
    assert _dom(kept.put_back(bypass_html)) == _dom(direct_html)
    assert (kept.toc if kept.toc is not None else bypass_toc) == direct_toc
    if title.strip() and not set(title) & set("&<>*_[]{}#`\\\t"):
        assert kept.toc is not None, "a plain heading was left to Markdown"


def test_a_page_that_is_one_block_renders_as_mkdocs_would_without_markdown(guide_files: list[GuideFile]) -> None:
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from generator.passthrough import skip_markdown

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # as during a build, for File.generated
    files = Files([])
    results = []
    for skip in (False, True):
        file = File.generated(config, "guides/sample.md", content=render_guide(guide_files[0].guide))
        page = Page(None, file, config)
        page.read_source(config)
        page.markdown, kept = set_aside(page.markdown)
        if skip:
            skip_markdown(page, kept)
            assert page.render.__module__ == "generator.passthrough"
        page.render(config, files)
        results.append((page.content, str(page.toc), page._title_from_render, page.present_anchor_ids, page.links_to_anchors or {}))
    assert results[0] == results[1]
    assert results[1][0] == f"<p>{kept.token}0X</p>"
