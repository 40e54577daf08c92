"""Every field of every guide reaches its printed handout, in the handout's order.

The expected text comes from the guide data through the tests' own Markdown stripping
(tests.support.text_of), and the handout's text from its PDF through pdftotext: neither side uses
the renderer under test. The guides are the site's and the examples in tests/examples/, among them
a deliberately minimal one, so parts a guide leaves out must be left out of its handout too.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.content.model import Checklist, Guide
from generator.handout.document import render_document, render_pdf
from tests.support import example_guides, paragraphs, site_guides, text_of
from tests.test_handout import MAX_PAGES

GUIDES = (*site_guides(), *example_guides())
PAGE_URL = "https://example.org/giljabi/guides/{id}/"
# What the template prints around the data: section headings, labels and hints.
SECTION_HEADINGS = ("바로 가는 길", "왜 필요한가요", "준비물", "단계별 절차", "실패 원인과 주의점", "상황별 요령", "대처 전략", "출처와 공식 사이트")
CHECKLIST_HINT = "확인한 항목의 네모 칸에 펜으로 표시해 주세요."
MENU_NOTE = "화면 이름은 바뀔 수 있습니다."
FAILURE_HEADERS = ("유리한 상황", "대표 실패 원인", "주의점")
TIP_HEADERS = ("추천 상황", "막히는 지점", "회피 팁")
XHTML = "{http://www.w3.org/1999/xhtml}"
SAME_LINE = 4  # points: blocks whose tops are closer than this start on one line
ROOM = 0.25  # of a page: what a handout at its page budget keeps free on its last page


def expected_parts(guide: Guide) -> list[tuple[str, str]]:
    """(where, text) for everything the handout prints of this guide, in print order."""
    reviewed = guide.reviewed
    parts = [
        ("kicker", f"{guide.institution} · {' · '.join(guide.channels)} · 인쇄용 안내문"),
        ("title", text_of(guide.title)),
        ("reviewed", f"최종 확인일 {reviewed.year}년 {reviewed.month}월 {reviewed.day}일"),
    ]
    parts += [("summary", paragraph) for paragraph in paragraphs(guide.summary)]
    for fact in guide.facts:
        parts += [(f"facts[{fact.id}].label", text_of(fact.label)), (f"facts[{fact.id}].value", text_of(fact.value))]
    for number, warning in enumerate(guide.warnings, start=1):
        parts.append((f"warnings[{number}].title", text_of(warning.title)))
        parts += [(f"warnings[{number}].body", paragraph) for paragraph in paragraphs(warning.body)]
        parts += [(f"warnings[{number}].points", text_of(point)) for point in warning.points]
    if guide.menu_paths:
        parts += [("heading", "바로 가는 길"), ("menu_paths.note", MENU_NOTE)]
    for number, path in enumerate(guide.menu_paths, start=1):
        parts.append((f"menu_paths[{number}].channel", path.channel))
        if path.start:
            parts.append((f"menu_paths[{number}].start", text_of(path.start)))
        parts += [(f"menu_paths[{number}].menus", text_of(menu)) for menu in path.menus]
    if guide.intro:
        parts += [("heading", "왜 필요한가요"), *(("intro", paragraph) for paragraph in paragraphs(guide.intro))]
    parts.append(("heading", "준비물"))
    for item in guide.prerequisites:
        parts.append((f"prerequisites[{item.id}].text", text_of(item.text)))
        if item.detail:
            parts.append((f"prerequisites[{item.id}].detail", text_of(item.detail)))
    parts += checklist_parts(guide.checklists_at("before"))
    parts.append(("heading", "단계별 절차"))
    for number, step in enumerate(guide.steps, start=1):
        where = f"steps[{step.id}]"
        parts += [(f"{where}.number", str(number)), (f"{where}.title", text_of(step.title))]
        if step.channel:
            parts.append((f"{where}.channel", f"{step.channel}에서만"))
        if step.optional:
            parts.append((f"{where}.optional", "선택 단계: 건너뛰어도 됩니다"))
        parts += [(f"{where}.body", paragraph) for paragraph in paragraphs(step.body)]
        for tip in step.tips:
            parts += [(f"{where}.tips", "도움말"), (f"{where}.tips", text_of(tip))]
        for note in step.notes:
            parts += [(f"{where}.notes", "주의"), (f"{where}.notes", text_of(note))]
    parts += checklist_parts(guide.checklists_at("after"))
    if guide.failures:
        parts += [("heading", "실패 원인과 주의점"), *(("failures.header", header) for header in FAILURE_HEADERS)]
        for row in guide.failures:
            parts += [(f"failures[{row.id}].{name}", text_of(getattr(row, name))) for name in ("situation", "cause", "watch")]
    if guide.tips:
        parts += [("heading", "상황별 요령"), *(("tips.header", header) for header in TIP_HEADERS)]
        for row in guide.tips:
            parts += [(f"tips[{row.id}].{name}", text_of(getattr(row, name))) for name in ("situation", "blocker", "tip")]
    if guide.strategies:
        parts.append(("heading", "대처 전략"))
        parts += [(f"strategies[{number}]", paragraph) for number, text in enumerate(guide.strategies, start=1) for paragraph in paragraphs(text)]
    if guide.closing:
        parts.append(("closing.title", text_of(guide.closing.title)))
        parts += [("closing.body", paragraph) for paragraph in paragraphs(guide.closing.body)]
    parts.append(("heading", "출처와 공식 사이트"))
    for number, source in enumerate(guide.sources, start=1):
        parts += [(f"sources[{number}].title", text_of(source.title)), (f"sources[{number}].url", source.url)]
    return parts


def checklist_parts(checklists: list[Checklist]) -> list[tuple[str, str]]:
    parts = []
    for checklist in checklists:
        parts += [(f"checklists[{checklist.id}].title", text_of(checklist.title)), (f"checklists[{checklist.id}].hint", CHECKLIST_HINT)]
        for item in checklist.items:
            parts.append((f"checklists[{checklist.id}].items[{item.id}].text", text_of(item.text)))
            if item.detail:
                parts.append((f"checklists[{checklist.id}].items[{item.id}].detail", text_of(item.detail)))
    return parts


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text in reading order: pdftotext (poppler) finds the text blocks and where they
    stand; blocks are read top to bottom, and those that start on one line (table cells, a step's
    number and title) left to right. pdftotext's own order groups blocks by font and column, which
    puts every step number of a page before the first step."""
    xhtml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in ElementTree.fromstring(xhtml).iter(f"{XHTML}page"):
        blocks = []
        for block in page.iter(f"{XHTML}block"):
            lines = [" ".join(word.text or "" for word in line.iter(f"{XHTML}word")) for line in block.iter(f"{XHTML}line")]
            blocks.append((float(block.get("yMin")), float(block.get("xMin")), "\n".join(lines)))
        blocks.sort()
        rows: list[list[tuple[float, float, str]]] = []
        for block in blocks:
            if rows and block[0] - rows[-1][0][0] < SAME_LINE:
                rows[-1].append(block)
            else:
                rows.append([block])
        pages.append("\n".join(text for row in rows for _y, _x, text in sorted(row, key=lambda block: block[1])))
    return pages


def body_text(guide: Guide, pages: list[str]) -> str:
    """The handout's text without the footer every page ends with (title, review date, "n/N")."""
    footer = re.compile(rf"{re.escape(squash(text_of(guide.title)))}최종확인일\d+년\d+월\d+일\d+/{len(pages)}$")
    bodies = []
    for number, page in enumerate(pages, start=1):
        flat = squash(page)
        match = footer.search(flat)
        assert match is not None and match.group(0).endswith(f"{number}/{len(pages)}"), f"{guide.id}: page {number} has no footer: …{flat[-80:]}"
        bodies.append(flat[: match.start()])
    return "".join(bodies)


@pytest.fixture(scope="module", params=GUIDES, ids=lambda loaded: loaded.guide.id)
def handout(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Guide, str]:
    guide = request.param.guide
    pdf = tmp_path_factory.mktemp("handout") / f"{guide.id}.pdf"
    pdf.write_bytes(render_pdf(guide, PAGE_URL.format(id=guide.id)))
    return guide, body_text(guide, pdf_pages(pdf))


def test_the_examples_include_a_guide_without_any_optional_part() -> None:
    guides = [loaded.guide for loaded in GUIDES]
    minimal = [guide for guide in guides if not (guide.warnings or guide.checklists or guide.failures or guide.tips or guide.menu_paths)]
    assert minimal, "tests/examples/ should keep a guide with only the required fields"
    assert len(GUIDES) >= 3


def test_every_field_is_printed_in_order(handout: tuple[Guide, str]) -> None:
    guide, text = handout
    position = 0
    for where, expected in expected_parts(guide):
        needle = squash(expected)
        found = text.find(needle, position)
        assert found >= 0, f"{guide.id}: {where} is missing or out of order: {expected!r}"
        position = found + len(needle)


def test_parts_a_guide_leaves_out_are_not_printed(handout: tuple[Guide, str]) -> None:
    guide, text = handout
    printed = {heading for heading in SECTION_HEADINGS if squash(heading) in text}
    expected = {"준비물", "단계별 절차", "출처와 공식 사이트"}
    expected |= {"실패 원인과 주의점"} if guide.failures else set()
    expected |= {"상황별 요령"} if guide.tips else set()
    expected |= {"바로 가는 길"} if guide.menu_paths else set()
    expected |= {"왜 필요한가요"} if guide.intro else set()
    expected |= {"대처 전략"} if guide.strategies else set()
    assert printed == expected
    assert (squash(CHECKLIST_HINT) in text) == bool(guide.checklists)
    steps = guide.steps
    assert ("선택단계" in text) == any(step.optional for step in steps)
    assert ("에서만" in text) == any(step.channel for step in steps)


def _text_bottoms(box):
    if type(box).__name__ == "TextBox":
        yield box.position_y + box.height
    for child in getattr(box, "children", ()):
        yield from _text_bottoms(child)


@pytest.mark.parametrize("loaded", site_guides(), ids=lambda loaded: loaded.guide.id)
def test_a_real_handout_leaves_room_under_its_page_budget(loaded) -> None:
    """A sentence more must not push a handout over its budget: one at the budget keeps a quarter of its last page free."""
    pages = render_document(loaded.guide, PAGE_URL.format(id=loaded.guide.id)).pages
    assert len(pages) <= MAX_PAGES
    if len(pages) == MAX_PAGES:
        last = pages[-1]._page_box
        body = [child for child in last.children if type(child).__name__ != "MarginBox"]
        used = max(bottom for child in body for bottom in _text_bottoms(child)) - last.content_box_y()
        assert used <= (1 - ROOM) * last.height, f"the last page is {used / last.height:.0%} full"
