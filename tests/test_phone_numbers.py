"""Phone numbers that are safe to tap: a number in a guide is a tel: link only when it is on
mkdocs.yml's allow-list, and any other number stops the build with its file and line, the way a
link to an unknown domain does. A scam number in a pull request must never reach a reader."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.cli import load_project
from generator.content.loader import GuideFile
from generator.content.phones import phone_numbers
from generator.mkdocs_plugin.config import content_policy
from generator.page.render import render_guide
from generator.handout.document import handout_html
from tests.support import OFFICIAL_PHONES, ROOT, build_site, compile_content, copy_project, edited_example, settings_for, write_content

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SEED = "kb-financial-certificate"


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("정보를 알려 줬다면 바로 **112** 또는 금융감독원 **1332**에 전화하세요.", ["112", "1332"]),
        ("피싱 신고는 한국인터넷진흥원 118에서 받습니다.", ["118"]),
        ("금융감독원 (금융사기 피해 신고·상담 1332)", ["1332"]),
        ("고객센터 1588-9999로 문의하세요", ["1588-9999"]),
        ("02-2073-7000, 031.123.4567 또는 010-1234-5678", ["02-2073-7000", "031.123.4567", "010-1234-5678"]),
        ("문자로 받은 15889999에는 답하지 마세요", ["15889999"]),
        ("☎ 119", ["119"]),
        # Not numbers to dial: counts, units, dates, years, addresses, and 3 or 4 digits with no call in the sentence.
        ("숫자 6자리 비밀번호를 정합니다.", []),
        ("2020년 12월에 시작했습니다. 유효기간은 3년입니다.", []),
        ("신고 건수는 1200건이고 상담원은 118명입니다.", []),
        ("1000원을 내고 전화로 상담합니다.", []),
        ("최종 확인일 2026-11-28에 신고 절차를 확인했습니다.", []),
        ("보안카드 112번 칸의 숫자를 넣습니다.", []),
        ("[신고 안내](https://www.fss.or.kr/fss/1332/main.do)를 보세요", []),
        ("신고는 https://www.boho.or.kr/118 에서 합니다", []),
        ("모두 112개의 항목 중 1332는 예시입니다.", []),
    ],
)
def test_what_counts_as_a_phone_number(text: str, numbers: list[str]) -> None:
    assert [found.written for found in phone_numbers(text)] == numbers


def test_the_site_allows_the_verified_numbers_only() -> None:
    project = load_project(ROOT / "mkdocs.yml")
    assert tuple(str(n) for n in project.options.phone_numbers_allowed) == OFFICIAL_PHONES
    assert content_policy(project.options, ROOT / "content").allowed_phone_numbers == OFFICIAL_PHONES


def _problems(tmp_path: Path, text: str) -> list[str]:
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": text})
    _compiled, problems = compile_content(content, settings_for(content, folder_checks=False))
    return [str(p) for p in problems]


FIX = (
    f"공식 번호({', '.join(OFFICIAL_PHONES)})만 적을 수 있습니다. 새 공식 번호라면 mkdocs.yml의 phone_numbers_allowed에 먼저 추가해야 합니다. "
    "전화번호가 아니라면 숫자 뒤에 단위(건, 명 등)를 붙여 주세요"
)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 막히면 고객센터 1588-1234로 전화하세요.", "steps[1].body: 전화번호 '1588-1234'는 허용 목록에 없습니다"),
        ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 피해를 봤다면 119에 신고하세요.", "steps[1].body: 전화번호 '119'는 허용 목록에 없습니다"),
        ("        text: 신분증을 챙겼습니다.", "        text: 상담 번호 02-3145-5114를 적어 두었습니다.", "checklists[1].items[1].text: 전화번호 '02-3145-5114'는 허용 목록에 없습니다"),
    ],
    ids=["nationwide", "service", "area"],
)
def test_a_number_off_the_list_is_an_error_at_its_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = edited_example(old, new)
    line = text.splitlines().index(new) + 1
    column = new.index(message.split("'")[1]) + 1  # at the number itself, as links and tags are
    assert _problems(tmp_path, text) == [f"content/guides/sample-guide.yml:{line}:{column}: {message} — {FIX}"]


def test_a_number_on_the_list_passes(tmp_path: Path) -> None:
    text = edited_example("    body: 첫 단계에서 할 일을 적습니다.", "    body: 피해를 봤다면 **112**나 1332에 전화하세요.")
    assert _problems(tmp_path, text) == []


def test_an_unlisted_number_stops_the_real_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    guide = project / "content" / "guides" / f"{SEED}.yml"
    text = guide.read_text(encoding="utf-8")
    scam = "- 번호나 정보를 알려 줬다면 바로 은행 고객센터나 **112**, 금융감독원 **1332**에 전화해"
    assert scam in text
    guide.write_text(text.replace(scam, scam.replace("**1332**", "**1588-0000**")), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    line = next(n for n, row in enumerate(guide.read_text(encoding="utf-8").splitlines(), start=1) if "1588-0000" in row)
    assert re.search(rf"content/guides/{SEED}\.yml:{line}:\d+: warnings\[1\]\.points\[5\]: 전화번호 '1588-0000'은 허용 목록에 없습니다", result.stdout + result.stderr)
    assert not (tmp_path / "site" / "guides").exists()


def test_the_page_links_each_allowed_number_and_nothing_else(guide_files: list[GuideFile]) -> None:
    seed = next(loaded.guide for loaded in guide_files if loaded.guide.id == SEED)
    soup = BeautifulSoup(render_guide(seed).html, "html.parser")
    links = soup.select("a[href^='tel:']")
    assert sorted({a["href"] for a in links}) == sorted(f"tel:{n}" for n in OFFICIAL_PHONES)
    for link in links:
        assert link.get_text() == link["href"].removeprefix("tel:")
        assert link.find_parent("a") is None and link.find_parent("label") is None
    warning = soup.select_one(".gj-warning")
    assert [a.get_text() for a in warning.select("a.gj-tel")] == ["112", "1332", "118"]
    # Inside a source link the number stays text: one link, to the source.
    source = soup.select_one("a[href='https://www.fss.or.kr']")
    assert "1332" in source.get_text() and source.select("a") == []


def test_the_handout_prints_numbers_without_tel_links(guide_files: list[GuideFile]) -> None:
    seed = next(loaded.guide for loaded in guide_files if loaded.guide.id == SEED)
    html = handout_html(seed, "https://example.org/guides/x/")
    assert "tel:" not in html and "1332" in html.replace("\u2060", "")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_a_reader_reaches_and_taps_an_official_number(browser: Any, site_url: str, output_dir: Path, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, base_url=site_url, has_touch=viewport is PHONE)
    try:
        page = context.new_page()
        page.goto(f"guides/{SEED}/")
        link = page.locator(".gj-warning").get_by_role("link", name="1332", exact=True)
        link.scroll_into_view_if_needed()
        assert link.get_attribute("href") == "tel:1332"
        box = link.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.5.8 target size
        # Where a tap lands is the link itself, not a neighbour.
        centre = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('href')", [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert centre == "tel:1332"
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        if viewport is PHONE:
            link.tap()
        else:
            link.focus()
            page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert page.url.endswith(f"guides/{SEED}/")  # the page stays; the phone's dialler takes the number
        assert not [url for url in requests if url.startswith("http")]
        page.locator(".gj-warning").screenshot(path=str(output_dir / f"phone-links-{viewport['width']}.png"))
    finally:
        context.close()
