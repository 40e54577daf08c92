"""The home page of a big site on a phone: groups that open on a tap, and a filter box that
narrows the list as a reader types Korean (key by key through an input method, or pasted)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.page.render import CARDS_UP_TO, task_name
from tests.support import guides_in, run_script, serve, settings_for
from tests.support.browser import type_with_keyboard

GUIDES = 40
PHONE = {"width": 360, "height": 740}
FILTER = "#gj-filter-input"
RESULTS = ".gj-filter__results a"


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list]]:
    """A site of GUIDES synthetic guides (stand-in handouts), served; and its guides."""
    folder = tmp_path_factory.mktemp("big-site")
    run_script("build_synthetic_site", str(GUIDES), str(folder / "project"), str(folder / "site"))
    content = folder / "project" / "content"
    guides = [loaded.guide for loaded in guides_in(content, settings_for(content))]
    server, url = serve(folder / "site")
    yield url, guides
    server.shutdown()


@pytest.fixture
def phone(browser: Any, big_site) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_home(javascript: bool = True) -> Any:
        context = browser.new_context(viewport=PHONE, base_url=big_site[0], java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto("", wait_until="networkidle")
        return page

    yield open_home
    for context in contexts:
        context.close()


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def expected(guides: list, *words: str) -> set[str]:
    """The titles whose title, task or institution hold every word, spaces ignored."""
    return {g.title for g in guides if all(_compact(w) in _compact(f"{g.title} {task_name(g)} {g.institution}") for w in words)}


def shown(page: Any) -> list[str]:
    return page.locator(RESULTS).all_text_contents()


def test_without_javascript_every_guide_is_two_taps_away_in_both_groupings(phone, big_site) -> None:
    guides = big_site[1]
    assert len(guides) > CARDS_UP_TO
    page = phone(javascript=False)
    assert not page.locator(".gj-filter").is_visible()
    for grouping in ("#by-task", "#by-institution"):
        section = page.locator(f"section.gj-groups:has({grouping})")
        titles = section.locator("li a").all_text_contents()
        assert sorted(titles) == sorted(g.title for g in guides)  # each guide once per grouping
        for summary in section.locator("summary").all():
            count = int(re.search(r"(\d+)개", summary.text_content()).group(1))  # type: ignore[union-attr]
            assert count == summary.locator("xpath=..").locator("li").count()
    by_task = {name for name in (task_name(g) for g in guides)}
    shown_tasks = {re.sub(r"\s*\d+개$", "", s.strip()) for s in page.locator("section.gj-groups:has(#by-task) summary").all_text_contents()}
    assert shown_tasks == by_task
    # Tap 1 opens a group, tap 2 opens a guide.
    group = page.locator("section.gj-groups:has(#by-institution) details").first
    assert not group.locator("li a").first.is_visible()
    group.locator("summary").click()
    link = group.locator("li a").first
    title = link.text_content()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.text_content().strip() == title


def test_typing_narrows_the_list_and_a_tap_opens_the_guide(phone, big_site, output_dir: Path) -> None:
    guides = big_site[1]
    page = phone()
    page.locator(FILTER).click()
    type_with_keyboard(page, "국민 인증서")  # real key events, each syllable composed ㄱ → 구 → 국
    want = expected(guides, "국민", "인증서")
    assert want, "the synthetic site has KB guides about certificates"
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length === {len(want)}")
    assert set(shown(page)) == want
    assert page.locator(".gj-filter__status").text_content() == f"안내서 {len(want)}개"
    assert not page.locator("section.gj-groups").first.is_visible()
    output_dir.mkdir(exist_ok=True)
    page.screenshot(path=str(output_dir / "home-filter-phone.png"))
    first = page.locator(RESULTS).first
    title = first.text_content()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.text_content().strip() == title


def test_pasted_text_a_syllable_half_typed_and_initial_consonants_all_find_guides(phone, big_site) -> None:
    guides = big_site[1]
    page = phone()
    box = page.locator(FILTER)
    box.click()
    page.keyboard.insert_text("비밀번호")  # pasted, or from voice input: no key events at all
    want = expected(guides, "비밀번호")
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length === {min(len(want), 30)}")
    assert set(shown(page)) <= want and want

    box.fill("")
    page.keyboard.insert_text("발그")  # 발급 while its last syllable is still being typed
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length === {min(len(expected(guides, '발급')), 30)}")
    assert all("발급" in title for title in shown(page))

    box.fill("")
    page.keyboard.insert_text("ㄱㅁㅇㅎ")  # the first consonants of 국민은행
    want = expected(guides, "국민은행")
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length === {min(len(want), 30)}")
    assert set(shown(page)) <= want and want

    box.fill("")
    page.keyboard.insert_text("없는말")
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length === 0")
    assert "맞는 안내서가 없습니다" in page.locator(".gj-filter__status").text_content()
    box.fill("")
    page.wait_for_function("!document.querySelector('section.gj-groups').hidden")
