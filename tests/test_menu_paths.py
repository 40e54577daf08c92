"""The quickest route up front: each channel's menu path, drawn near the top of the page as chips a
reader's eye can follow, read by a screen reader as an ordered list, printed on the handout, and
always marked as screen names that may change."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.content.loader import GuideFile
from generator.content.model import Guide
from generator.handout.document import handout_html, render_pdf
from generator.page.render import render_guide
from tests.support import compile_content, edited_example, example, settings_for, shown_text, write_content
from tests.support.screens import set_default_font

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SEED = "kb-financial-certificate"
MAY_CHANGE = "화면 이름은 바뀔 수 있습니다"
PATHS = """menu_paths:
  - channel: PC
    start: 예시은행 홈페이지
    menus: [인증센터, 개인, 인증서 발급]
"""


def _seed(guide_files: list[GuideFile]) -> Guide:
    return next(loaded.guide for loaded in guide_files if loaded.guide.id == SEED)


def test_the_seed_gives_both_channels_paths(guide_files: list[GuideFile]) -> None:
    paths = {path.channel: path.menus for path in _seed(guide_files).menu_paths}
    # domain-facts.md, "KB flow" (blog-only, hence the note that names may change).
    assert paths == {"PC": ["인증센터", "개인", "금융인증서 발급/재발급"], "모바일": ["전체메뉴", "인증/보안", "금융인증서", "발급"]}


def test_paths_come_first_after_the_header_as_ordered_lists(guide_files: list[GuideFile]) -> None:
    guide = _seed(guide_files)
    soup = BeautifulSoup(render_guide(guide).html, "html.parser")
    first_part = soup.select("h2[id]")[1]  # after the facts box's own heading
    assert (first_part["id"], first_part.get_text()) == ("menu-paths", "바로 가는 길")
    assert MAY_CHANGE in soup.select_one(".gj-route__note").get_text()
    routes = soup.select(".gj-route")
    assert len(routes) == len(guide.menu_paths)
    for route, path in zip(routes, guide.menu_paths):
        menus = route.select_one("ol.gj-route__menus")
        assert [li.get_text() for li in menus.select("li")] == [shown_text(m) for m in path.menus]
        label = soup.find(id=menus["aria-labelledby"])
        assert path.channel in label.get_text() and shown_text(path.start) in label.get_text()
    # Nothing reads as a sentence with arrows in it: the arrows are drawn by the stylesheet.
    assert "→" not in soup.select_one(".gj-route").get_text()


def test_a_guide_without_paths_has_no_route_part() -> None:
    guide = Guide.model_validate(yaml.safe_load(example()))
    assert guide.menu_paths == []
    assert BeautifulSoup(render_guide(guide).html, "html.parser").select_one("#menu-paths, .gj-route") is None


def test_the_handout_prints_every_path_with_the_note(guide_files: list[GuideFile], tmp_path: Path) -> None:
    guide = _seed(guide_files)
    html = BeautifulSoup(handout_html(guide, "https://example.org/guides/x/"), "html.parser")
    section = html.select_one("section#menu-paths")
    assert section.find_next("section")["id"] == ("intro" if guide.intro else "prerequisites")  # the page's order
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(render_pdf(guide, "https://example.org/guides/x/"))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout)
    assert MAY_CHANGE.replace(" ", "") in text
    for path in guide.menu_paths:
        line = "→".join(re.sub(r"\s+", "", shown_text(m)) for m in path.menus)
        assert line in text, line


@pytest.mark.parametrize(
    ("yaml_text", "where", "message"),
    [
        (
            PATHS.replace("[인증센터, 개인, 인증서 발급]", "[인증센터 → 개인 → 인증서 발급]"),
            "menu_paths[1].menus[1]",
            "메뉴 이름 '인증센터 → 개인 → 인증서 발급'에 화살표 '→'가 들어 있습니다. 메뉴 이름은 한 칸에 하나씩 적습니다 — 메뉴 이름을 '[인증센터, 개인, 금융인증서 발급/재발급]'처럼 한 칸에 하나씩 목록으로 적어 주세요 (40자 이내)",
        ),
        (
            PATHS.replace("[인증센터, 개인, 인증서 발급]", "[]"),
            "menu_paths[1].menus",
            "메뉴 이름 목록이 비어 있습니다 — 메뉴 이름을 '[인증센터, 개인, 금융인증서 발급/재발급]'처럼 한 칸에 하나씩 목록으로 적어 주세요 (40자 이내)",
        ),
        (
            PATHS.replace("channel: PC", "channel: 태블릿"),
            "menu_paths[1].channel",
            "'태블릿'은 채널에 쓸 수 없는 값입니다 — PC 또는 모바일 중 하나를 적어 주세요",
        ),
        (
            PATHS.replace("    menus:", "    menu:"),
            "menu_paths[1].menu",
            "알 수 없는 항목 'menu'입니다 — 혹시 'menus'를 말씀하신 건가요?",
        ),
    ],
    ids=["arrow", "empty", "channel", "misspelt"],
)
def test_a_wrong_path_is_a_korean_error_at_its_line(tmp_path: Path, yaml_text: str, where: str, message: str) -> None:
    text = edited_example("prerequisites:", yaml_text + "prerequisites:")
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": text})
    _compiled, problems = compile_content(content, settings_for(content, folder_checks=False))
    assert len(problems) == 1, [str(p) for p in problems]
    (problem,) = problems
    assert (problem.path, f"{problem.message} — {problem.fix}") == (where, message)
    assert problem.file == "content/guides/sample-guide.yml" and 1 <= problem.line <= len(text.splitlines())
    assert text.splitlines()[problem.line - 1].strip().startswith(("menus", "- channel", "menu", "channel")), problem


def test_a_path_cannot_carry_an_unknown_address(tmp_path: Path) -> None:
    text = edited_example("prerequisites:", PATHS.replace("예시은행 홈페이지", "kb-star.example 홈페이지") + "prerequisites:")
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": text})
    _compiled, problems = compile_content(content, settings_for(content, folder_checks=False))
    assert [p.path for p in problems] == ["menu_paths[1].start"]
    assert "허용 목록에 없습니다" in problems[0].message


@pytest.mark.parametrize("font", [16, 32], ids=["default-font", "32px-font"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_route_reads_left_to_right_and_wraps_between_chips(browser: Any, site_url: str, guide_files: list[GuideFile], output_dir: Path, viewport: dict[str, int], font: int) -> None:
    guide = _seed(guide_files)
    context = browser.new_context(viewport=viewport, base_url=site_url)
    try:
        page = context.new_page()
        set_default_font(page, font)
        page.goto(f"guides/{guide.id}/")
        routes = page.locator(".gj-route")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        for index, path in enumerate(guide.menu_paths):
            route = routes.nth(index)
            chips = route.locator("li.gj-route__menu")
            boxes = [chips.nth(i).bounding_box() for i in range(chips.count())]
            assert [chips.nth(i).inner_text() for i in range(chips.count())] == [shown_text(m) for m in path.menus]
            for before, after in zip(boxes, boxes[1:]):
                same_line = abs(before["y"] - after["y"]) < before["height"] / 2
                # The next chip is to the right on the same line, or starts a lower line.
                assert (same_line and after["x"] > before["x"] + before["width"]) or after["y"] >= before["y"] + before["height"] - 1
            for box in boxes:  # a chip is never cut to a column of single syllables
                assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
                assert box["width"] >= font * 3
            # The arrows are drawn, not read: the list's accessible text is the names alone.
            snapshot = route.locator("ol").aria_snapshot()
            assert "→" not in snapshot and all(shown_text(m) in snapshot for m in path.menus)
            arrow = chips.nth(1).evaluate("li => getComputedStyle(li, '::before').content")
            assert "→" in arrow
        routes.first.scroll_into_view_if_needed()
        page.screenshot(path=str(output_dir / f"menu-paths-{viewport['width']}-{font}px.png"))
    finally:
        context.close()
