"""Korean search in Chromium, through Material's real search box on the built site."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.search.analysis import compact, shard_of
from generator.search.sections import guide_sections
from tests.support.browser import SearchBox

GUIDE = "guides/kb-financial-certificate/"


@pytest.fixture
def search_page(browser, site_url: str, built_site: Path) -> Iterator[tuple[object, SearchBox]]:
    """A desktop tab on the about page with its search box ready."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "about/")
    yield page, SearchBox(page, site_url, built_site)
    page.close()


def result_html(page) -> str:
    return page.inner_html(".md-search-result__list")


def test_worker_normalises_and_shards_like_the_builder(browser, site_url: str, guide_files) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.add_script_tag(url=site_url + "assets/javascripts/search-worker.js")
    texts = [" ".join((s.title, s.text, *s.aliases)) for f in guide_files for s in guide_sections(f.guide).sections]
    texts += ["Wi-Fi에 연결", "ＫＢ스타뱅킹 ６자리", "“인증서”—발급!"]
    got = page.evaluate("texts => texts.map(t => GiljabiSearch.compact(t))", texts)
    assert got == [compact(text) for text in texts]
    keys = sorted({text[i : i + 2] for text in got for i in range(len(text) - 1)})
    shards = page.evaluate("keys => keys.map(k => [GiljabiSearch.shardOf(k, 64), GiljabiSearch.shardOf(k, 1024)])", keys)
    assert shards == [[shard_of(key, 64), shard_of(key, 1024)] for key in keys]
    page.close()


def test_query_words_lose_particles_and_endings(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.add_script_tag(url=site_url + "assets/javascripts/search-worker.js")
    stems = page.evaluate("words => words.map(w => GiljabiSearch.stems(w).map(s => s.text))", ["인증서를", "발급받으려면", "입력하세요", "누르면", "금융"])
    assert stems[0][0] == "인증서를" and "인증서" in stems[0]
    assert "발급받" in stems[1] and "발급" in stems[1]
    assert "입력" in stems[2]
    assert "누릅" in stems[3]  # 누르 + ㅂ니다 is written 누릅니다
    assert stems[4] == ["금융"]
    page.close()


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("인증서", "금융<mark>인증서</mark>는"),  # part of a compound, particle after it
        ("비밀번호가", "<mark>비밀번호</mark>를"),  # another particle
        ("금융 인증서", "<mark>금융인증서</mark>"),  # spaced query, unspaced text
        ("보안카드", "<mark>보안카드</mark>나"),
        ("발급받는", "<mark>발급</mark>"),  # an ending
    ],
)
def test_korean_queries_find_and_mark_the_original_text(search_page, query: str, shown: str) -> None:
    page, box = search_page
    outcome = box.search(query)
    assert outcome.entries, query
    assert outcome.entries[0].location.startswith(GUIDE)
    assert shown in result_html(page)


def test_alias_lands_on_the_guide_and_says_why(search_page) -> None:
    page, box = search_page
    outcome = box.search("공인인증서를")
    assert [e.location for e in outcome.entries] == [GUIDE]
    assert "다른 이름: <mark>공인인증서</mark>" in result_html(page)


def test_unrelated_query_lists_nothing(search_page) -> None:
    page, box = search_page
    assert box.search("부동산 등기").entries == []
    assert page.inner_text(".md-search-result__meta") == "검색어와 일치하는 문서가 없습니다"


def test_enter_opens_the_best_section_and_marks_the_word_there(search_page, site_url: str) -> None:
    page, box = search_page
    box.search("점심시간을")
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url("**#failure-fail-call-center")
    assert "h=" in page.url
    page.wait_for_selector("mark[data-md-highlight]")
    assert "점심시간" in page.inner_text("#failure-fail-call-center mark[data-md-highlight]")


def test_search_stays_on_the_sites_own_origin(browser, site_url: str, built_site: Path) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "about/")
    SearchBox(page, site_url, built_site).search("금융인증서를 발급받으려면")
    assert requests and all(url.startswith(site_url) for url in requests)
    assert any("/search/giljabi/t/" in url for url in requests)
    page.close()


@pytest.mark.parametrize(("name", "viewport"), [("mobile", {"width": 360, "height": 740}), ("desktop", {"width": 1280, "height": 800})])
def test_results_screenshot_and_axe(browser, site_url: str, built_site: Path, output_dir: Path, name: str, viewport: dict) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport=viewport)
    page.goto(site_url + GUIDE)
    if name == "mobile":
        page.locator("label.md-header__button[for=__search]").click()
    SearchBox(page, site_url, built_site).search("인증서를 발급받으려면")
    page.screenshot(path=str(output_dir / f"search-results-{name}.png"))
    violations = Axe().run(page, context=".md-search").response["violations"]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)[:2000]
    page.close()


def test_question_words_may_be_missing_but_subject_words_may_not(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.add_script_tag(url=site_url + "assets/javascripts/search-worker.js")
    optional = page.evaluate(
        "words => words.map(w => GiljabiSearch.isOptional(GiljabiSearch.stems(w)))",
        ["때", "어떻게", "하나요", "없을", "방법은", "해지하려면", "여권", "인증서를"],
    )
    assert optional == [True, True, True, True, True, False, False, False]
    page.close()


def test_a_question_finds_the_section_about_its_subject(search_page) -> None:
    page, box = search_page
    outcome = box.search("해외에 있을 때 ARS 인증은 어떻게 하나요")
    assert [e.location for e in outcome.entries if not e.header][0] == GUIDE + "#step-step-ars"
    assert re.search(r"<mark>[^<]*해외", result_html(page))


@pytest.mark.parametrize("query", ["금융인증서", "인증서 발급", "유효기간", "해외", "피싱", "국민은행", "OTP"])
def test_pasted_text_finds_what_typed_text_finds(search_page, query: str) -> None:
    """Pasting, voice input and handwriting put text in the box with no key event at all."""
    page, box = search_page
    typed = box.search(query, entry="typed")
    assert typed.entries, query
    pasted = box.search(query, entry="pasted")
    assert pasted.entries == typed.entries
    assert page.inner_text(".md-search-result__meta") != "검색어를 입력하세요"


def test_results_are_readable_on_a_phone(browser, site_url: str, built_site: Path, output_dir: Path) -> None:
    """Titles and teasers at least 16 px, the smaller lines 14 px, taps at least 44 px tall, at 360 px."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + GUIDE)
    page.locator("label.md-header__button[for=__search]").click()
    SearchBox(page, site_url, built_site).search("인증서")
    measured = page.evaluate(
        """() => {
             const px = el => parseFloat(getComputedStyle(el).fontSize);
             const all = selector => [...document.querySelectorAll('.md-search-result ' + selector)];
             return {
               titles: all('article h1, article h2').map(px),
               teasers: all('article p').map(px),
               more: all('.md-search-result__more > summary > div').map(px),
               meta: all('.md-search-result__meta').map(px),
               targets: all('.md-search-result__link, .md-search-result__more > summary')
                 .filter(el => el.getClientRects().length).map(el => el.getBoundingClientRect().height),
             };
           }"""
    )
    page.screenshot(path=str(output_dir / "search-results-readable-360.png"))
    page.close()
    assert measured["titles"] and min(measured["titles"]) >= 16, measured
    assert measured["teasers"] and min(measured["teasers"]) >= 16, measured
    assert measured["more"] and min(measured["more"]) >= 14, measured
    assert min(measured["meta"]) >= 14, measured
    assert measured["targets"] and min(measured["targets"]) >= 44, measured
