"""Words a first-timer knows: content/glossary.yml gives each hard word one plain sentence; the first
use of a word on a guide page opens that sentence with a tap (a button and the browser's own
popover: no hover, no JavaScript needed), screen readers get a named, expandable button, and the
handout prints the words its guide uses in a short box."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build.compile import compile_all
from generator.content.glossary import GLOSSARY_FILE, Glossary, read_glossary
from generator.content.loader import GuideFile
from generator.content.model import Guide
from generator.handout.document import handout_html, render_pdf
from generator.page.render import render_guide
from tests.support import CONTENT, ROOT, compile_content, example, policy, settings_for, shown_text, write_content
from tests.support.screens import set_default_font

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SEED = "kb-financial-certificate"
FIRST_TERMS = ("OTP", "ARS", "보안매체", "클라우드", "지급정지", "출금계좌")
# Where a marked word must never be: inside a link, a checkbox's label, a button, the title or a part heading.
NO_BUTTON_INSIDE = "a, label, button, h1, h2"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    found, problems = read_glossary(CONTENT, ROOT, policy(None))
    assert problems == []
    return found


@pytest.fixture(scope="module")
def seed(guide_files: list[GuideFile]) -> GuideFile:
    return next(loaded for loaded in guide_files if loaded.guide.id == SEED)


def test_the_glossary_starts_with_the_first_words_and_the_seed_uses_them(glossary: Glossary, seed: GuideFile) -> None:
    terms = dict(glossary.terms)
    assert set(FIRST_TERMS) <= set(terms)
    for term, sentence in terms.items():
        assert len(re.findall(r"[.!?](?:\s|$)", sentence)) == 1, f"{term}: one sentence"
    assert [term for term, _ in seed.terms] == [term for term, _ in glossary.terms if term in {t for t, _ in glossary.used_in(seed.guide)}]
    assert {term for term, _ in seed.terms} == set(FIRST_TERMS)


def _page(loaded: GuideFile) -> BeautifulSoup:
    return BeautifulSoup(render_guide(loaded.guide, terms=loaded.terms).html, "html.parser")


def test_each_word_is_marked_once_at_its_first_use(seed: GuideFile) -> None:
    soup = _page(seed)
    buttons = soup.select("button.gj-term")
    assert sorted(b.contents[0] for b in buttons) == sorted(term for term, _ in seed.terms)
    for button in buttons:
        term = button.contents[0]
        assert button.find_parent(NO_BUTTON_INSIDE.split(", ")) is None, term
        assert button.get_text() == f"{term} 뜻 보기"  # its accessible name says what a tap does
        note = soup.find(id=button["popovertarget"])
        assert note.has_attr("popover") and note.find_previous("button") is button
        assert note.select_one(".gj-term__means").get_text() == shown_text(dict(seed.terms)[term])
        close = note.select_one("button.gj-term__close")
        assert (close["popovertarget"], close["popovertargetaction"], close.get_text()) == (note["id"], "hide", "닫기")
        # No earlier use of the word in text a button may go into.
        text_before = "".join(
            s for s in button.find_all_previous(string=True) if not s.find_parent(NO_BUTTON_INSIDE.split(", ") + ["dfn"]) and not s.find_parent(class_="gj-term__note")
        )
        assert not re.search(re.escape(term), text_before), f"{term} is used before the marked place"


def test_the_page_lists_its_words_under_낱말_풀이_before_the_sources(seed: GuideFile) -> None:
    rendered = render_guide(seed.guide, terms=seed.terms)
    assert [part.id for part in rendered.outline][-2:] == ["glossary", "sources"]
    soup = BeautifulSoup(rendered.html, "html.parser")
    entries = soup.select("dl.gj-glossary .gj-glossary__entry")
    assert [(e.dt.get_text(), e.dd.get_text()) for e in entries] == [(t, shown_text(s)) for t, s in seed.terms]
    assert soup.select("dl.gj-glossary button") == []  # the list itself is never marked again


def test_a_guide_without_glossary_words_has_no_list() -> None:
    guide = Guide.model_validate(yaml.safe_load(example()))
    assert Glossary((("지급정지", "x."),)).used_in(guide) == ()
    soup = BeautifulSoup(render_guide(guide).html, "html.parser")
    assert soup.select_one("#glossary, button.gj-term") is None


def test_the_handout_prints_the_words_of_its_guide(seed: GuideFile, tmp_path: Path) -> None:
    html = BeautifulSoup(handout_html(seed.guide, "https://example.org/guides/x/", seed.terms), "html.parser")
    box = html.select_one("section#glossary")
    assert box.find_next("section")["id"] == "sources"
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(render_pdf(seed.guide, "https://example.org/guides/x/", seed.terms))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout)
    box_text = text[text.index("낱말풀이") :]
    for term, sentence in seed.terms:
        assert re.sub(r"\s+", "", term + shown_text(sentence)) in box_text, term


def _read(tmp_path: Path, text: str) -> list[str]:
    content = write_content(tmp_path / "content", {GLOSSARY_FILE: text, "guides/sample-guide.yml": example()})
    _compiled, problems = compile_content(content, settings_for(content, folder_checks=False))
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OTP: 새 숫자를 보여 주는 기기입니다. 은행에서 받습니다.\n",
            "content/glossary.yml:1:6: OTP: 낱말 'OTP'의 설명이 두 문장 이상입니다 — 처음 읽는 사람도 알 수 있게 쉬운 말로 한 문장만 적어 주세요",
        ),
        ("OTP: 새 숫자를 보여 주는 기기입니다.\nARS:\n", "content/glossary.yml:2:5: ARS: 낱말 'ARS'의 설명이 비어 있거나 글이 아닙니다 — 낱말 뒤에 한 문장 설명을 적어 주세요"),
        (
            "OTP: 새 숫자를 보여 주는 기기입니다.\nOTP: 다른 설명입니다.\n",
            "content/glossary.yml:2:1: OTP: 'OTP' 항목이 두 번 적혀 있습니다 (처음은 1번째 줄) — 둘 중 하나만 남겨 주세요",
        ),
        (
            "- OTP: 새 숫자를 보여 주는 기기입니다.\n",
            "content/glossary.yml:1:1: 낱말 풀이 파일은 '낱말: 설명' 줄들의 묶음이어야 합니다 — '낱말: 한 문장 설명' 모양으로 한 줄에 하나씩 적어 주세요. 예: 'OTP: 거래할 때마다 새 숫자를 보여 주는 작은 기기나 휴대폰 앱입니다.'",
        ),
        ("OTP: '[자세히](https://otp.example) 보세요.'\n", "content/glossary.yml:1:13: OTP: 링크 'https://otp.example'의 도메인 'otp.example'는 허용 목록에 없습니다"),
        ("지급정지: 1588-0000에 전화해 막는 조치입니다.\n", "content/glossary.yml:1:7: 지급정지: 전화번호 '1588-0000'은 허용 목록에 없습니다"),
        ("OTP: <b>새 숫자</b>를 보여 줍니다.\n", "content/glossary.yml:1:6: OTP: HTML 태그 '<b>'는 쓸 수 없습니다"),
        ('"OTP": 새 숫자를 보여 주는 기기입니다.\n"otp": 같은 말입니다.\n', "content/glossary.yml:2:1: otp: 낱말 'otp'는 'OTP'와 같은 낱말입니다 — 둘 중 하나만 남겨 주세요"),
        ("OTP: 새 숫자를 보여 주는 기기입니다\n  ARS: 전화입니다.\n", "content/glossary.yml:2:6: YAML 문법 오류: 들여쓰기가 맞지 않거나"),
    ],
    ids=["two-sentences", "empty", "repeated", "not-a-mapping", "foreign-link", "unlisted-phone", "html", "same-word", "yaml"],
)
def test_a_glossary_mistake_is_a_korean_problem_at_its_line(tmp_path: Path, text: str, expected: str) -> None:
    problems = _read(tmp_path, text)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


def test_changing_a_sentence_recompiles_the_guides_and_renders_the_handout_again(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {GLOSSARY_FILE: "클라우드: 인터넷 너머의 저장 공간입니다.\n", "guides/sample-guide.yml": example().replace("신분증을 챙겼습니다.", "클라우드 가입을 마쳤습니다.")})
    settings, cache = settings_for(content, folder_checks=False), tmp_path / "cache"
    first, _w, _s = compile_all(content, settings, cache_dir=cache, jobs=1)
    _c, _w, again = compile_all(content, settings, cache_dir=cache, jobs=1)
    assert (again.cached, again.compiled) == (1, 0)
    (content / GLOSSARY_FILE).write_text("클라우드: 인터넷으로 연결된 저장 공간입니다.\n", encoding="utf-8")
    changed, _w, stats = compile_all(content, settings, cache_dir=cache, jobs=1)
    assert (stats.cached, stats.compiled) == (0, 1)
    assert changed[0].file.terms == (("클라우드", "인터넷으로 연결된 저장 공간입니다."),)
    assert "인터넷으로 연결된 저장 공간입니다." in changed[0].page.html
    assert changed[0].file.content_digest() != first[0].file.content_digest()  # the handout's key


def _expanded(page: Any, name: str) -> bool | None:
    """The expanded state Chromium gives a button in its accessibility tree (what screen readers read)."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    (node,) = [n for n in nodes if n.get("name", {}).get("value") == name]
    return next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "expanded"), None)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_a_tap_opens_the_sentence_and_esc_or_닫기_closes_it(browser: Any, site_url: str, seed: GuideFile, output_dir: Path, viewport: dict[str, int], javascript: bool) -> None:
    context = browser.new_context(viewport=viewport, base_url=site_url, has_touch=viewport is PHONE, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(f"guides/{SEED}/")
        term, sentence = next((t, s) for t, s in seed.terms if t == "지급정지")
        button = page.get_by_role("button", name=f"{term} 뜻 보기", exact=True)
        assert button.count() == 1
        assert _expanded(page, f"{term} 뜻 보기") is False
        note = page.locator(f"#{button.get_attribute('popovertarget')}")
        assert not note.is_visible()
        button.scroll_into_view_if_needed()
        if viewport is PHONE:
            button.tap()
        else:
            button.click()
        assert note.is_visible()
        assert shown_text(sentence) in note.inner_text()
        box = note.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] and box["y"] >= 0
        # A screen reader hears an expanded button, then the sentence right after it.
        assert _expanded(page, f"{term} 뜻 보기") is True
        snapshot = page.locator(".gj-warning").aria_snapshot()
        assert f'button "{term} 뜻 보기"\n' in snapshot and shown_text(sentence) in snapshot.split(f'button "{term} 뜻 보기"')[1]
        page.screenshot(path=str(output_dir / f"glossary-{viewport['width']}-{'js' if javascript else 'nojs'}.png"))
        page.keyboard.press("Escape")
        assert not note.is_visible()
        # From the keyboard: Tab to the word, Enter opens, the 닫기 button closes.
        button.focus()
        page.keyboard.press("Enter")
        assert note.is_visible()
        note.get_by_role("button", name="닫기").click()
        assert not note.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_sentence_fits_a_phone_at_a_32px_font(browser: Any, site_url: str, seed: GuideFile, output_dir: Path, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, base_url=site_url)
    try:
        page = context.new_page()
        set_default_font(page, 32)
        page.goto(f"guides/{SEED}/")
        for term, _sentence in seed.terms:
            button = page.get_by_role("button", name=f"{term} 뜻 보기", exact=True)
            button.scroll_into_view_if_needed()
            button.click()
            note = page.locator(f"#{button.get_attribute('popovertarget')}")
            box = note.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], term
            close = note.get_by_role("button", name="닫기")
            close.scroll_into_view_if_needed()
            close_box = close.bounding_box()
            assert close_box["height"] >= 44 and close_box["y"] + close_box["height"] <= viewport["height"], term
            if term == "보안매체":
                page.screenshot(path=str(output_dir / f"glossary-{viewport['width']}-32px.png"))
            close.click()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()
