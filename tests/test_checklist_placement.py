"""Checklists where they belong: a "before" list right after 준비물, an "after" list right after
the last step, on the page and on the handout; moving an item between lists keeps its tick."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.content.loader import GuideFile
from generator.content.model import Guide
from generator.page.render import render_guide
from tests.support import build_site, compile_content, copy_project, edited_example, example, serve, settings_for, write_content

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SEED = "kb-financial-certificate"


def _parts(html: str) -> list[str]:
    """The page's h2 parts and checklists, in page order."""
    soup = BeautifulSoup(html, "html.parser")
    return [el.get("id") for el in soup.select("h2[id], section.gj-checklist")]


def test_before_lists_follow_prerequisites_and_after_lists_follow_the_last_step(guide_files: list[GuideFile]) -> None:
    seed = next(loaded.guide for loaded in guide_files if loaded.guide.id == SEED)
    assert [c.id for c in seed.checklists_at("after")] == ["after-issuance"]
    order = _parts(render_guide(seed).html)
    prerequisites, steps = order.index("prerequisites"), order.index("steps")
    before = [f"checklist-{c.id}" for c in seed.checklists_at("before")]
    after = [f"checklist-{c.id}" for c in seed.checklists_at("after")]
    assert order[prerequisites + 1 : steps] == ["checklists-before", *before]
    assert order[steps + 1 : steps + 2 + len(after)] == ["checklists-after", *after]


def test_a_checklist_without_when_is_a_before_list() -> None:
    guide = Guide.model_validate(yaml.safe_load(example()))
    assert [c.when for c in guide.checklists] == ["before"]
    order = _parts(render_guide(guide).html)
    assert "checklists-after" not in order
    assert order.index("checklists-before") == order.index("prerequisites") + 1


def test_an_unknown_when_is_a_korean_error_at_its_line(tmp_path: Path) -> None:
    text = edited_example("    title: 준비 확인\n", "    title: 준비 확인\n    when: later\n")
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": text})
    _compiled, problems = compile_content(content, settings_for(content, folder_checks=False))
    line = text.splitlines().index("    when: later") + 1
    assert [str(p) for p in problems] == [
        f"content/guides/sample-guide.yml:{line}:11: checklists[1].when: 'later'은 시점에 쓸 수 없는 값입니다 — before 또는 after를 적어 주세요"
    ]


def _merged_back(source: Path) -> None:
    """The seed as it was before the move: the after-issuance items at the end of the first list."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    before, after = data["checklists"]
    before["items"] += after["items"]
    del before["when"]
    data["checklists"] = [before]
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_ticks_survive_moving_items_to_an_after_list(browser: Any, tmp_path: Path, guide_files: list[GuideFile], output_dir: Path, viewport: dict[str, int]) -> None:
    seed = next(loaded.guide for loaded in guide_files if loaded.guide.id == SEED)
    moved = [item.id for item in seed.checklists_at("after")[0].items]
    project = copy_project(tmp_path / "project")
    source = project / "content" / "guides" / f"{SEED}.yml"
    current = source.read_text(encoding="utf-8")
    _merged_back(source)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(site)
    context = browser.new_context(viewport=viewport, base_url=url)
    try:
        page = context.new_page()
        page.goto(f"guides/{SEED}/")
        assert page.locator("#checklist-after-issuance").count() == 0
        for ident in moved:
            page.locator(f"label[for='gj-check-{ident}'] .gj-check__text").click()
            assert page.locator(f"#checklist-before-you-start #gj-check-{ident}").is_checked()

        source.write_text(current, encoding="utf-8")
        result = build_site(project, site)
        assert result.returncode == 0, result.stdout + result.stderr
        page.reload()
        after = page.locator("#checklist-after-issuance")
        after.locator(".gj-checklist__progress").wait_for()
        for ident in moved:
            assert after.locator(f"#gj-check-{ident}").is_checked(), ident
        assert after.locator(".gj-checklist__progress").inner_text() == f"{len(moved)} / {len(moved)} 완료"
        # Drawn below the last step, not up with the list it came from.
        last_step = page.locator(".gj-step").last.bounding_box()
        assert after.bounding_box()["y"] > last_step["y"] + last_step["height"]
        assert page.locator("#checklist-before-you-start").bounding_box()["y"] < page.locator("#steps").bounding_box()["y"]
        after.scroll_into_view_if_needed()
        page.screenshot(path=str(output_dir / f"checklist-after-{viewport['width']}.png"))
    finally:
        context.close()
        server.shutdown()
