"""The one MkDocs internal we lean on (generator/mkdocs_plugin/guide_page.py), held to the installed
MkDocs: a guide page is never converted by Markdown, and still has everything render() would give."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.mkdocs_plugin.guide_page import GuidePage
from generator.page.render import render_guide
from tests.support import ROOT, build_site, copy_project

# What Page.render sets, and how GuidePage provides each of them.
HANDLED = {
    "content": "the compiled HTML",
    "toc": "the outline",
    "present_anchor_ids": "every id in the compiled HTML",
    "_title_from_render": "stays None: the title is in the front matter",
    "links_to_anchors": "stays None: guide text links only to other sites",
}


def _assigned(function: object) -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))  # type: ignore[arg-type]
    return {
        target.attr
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
    }


def test_the_installed_mkdocs_render_sets_nothing_a_guide_page_lacks() -> None:
    unknown = _assigned(Page.render) - HANDLED.keys()
    assert not unknown, f"MkDocs' Page.render now also sets {sorted(unknown)}: give generator/mkdocs_plugin/guide_page.py's GuidePage.render the same"


def test_a_guide_page_renders_without_markdown(guide_files, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    rendered = render_guide(guide_files[0].guide)
    file = File(guide_files[0].guide.page_src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True, inclusion=InclusionLevel.NOT_IN_NAV)
    file.content_string = "---\ntitle: 제목\n---\n"
    page = GuidePage(file, config, rendered)
    assert file.page is page

    def no_markdown(*args: object, **kwargs: object) -> None:
        raise AssertionError("Markdown ran for a guide page")

    monkeypatch.setattr(markdown.Markdown, "convert", no_markdown)
    page.read_source(config)
    page.render(config, Files([file]))
    assert page.content == rendered.html
    [title] = page.toc  # the title heads the parts, as the h1 of a Markdown page does
    assert (title.id, title.title, title.level) == ("title", rendered.title, 1)
    assert [(item.id, item.title) for item in title.children] == [(part.id, str(part.title)) for part in rendered.outline]
    assert page.present_anchor_ids == set(re.findall(r' id="([^"]+)"', rendered.html))
    assert page.title == "제목" and page._title_from_render is None


def test_links_from_a_hand_written_page_to_a_guide_part_are_checked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nvalidation:\n  anchors: warn\n", encoding="utf-8")
    about = project / "content" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\n[발급 단계](guides/kb-financial-certificate.md#steps)\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    about.write_text(text + "\n[없는 곳](guides/kb-financial-certificate.md#no-such-part)\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "no-such-part" in result.stderr
