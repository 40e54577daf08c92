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
    fused = page.evaluate("words => words.map(w => GiljabiSearch.stems(w).map(s => s.text))", ["멈춰요", "잃어버렸어요"])
    assert "멈춤" in fused[0]  # 멈추 + 어 is written 멈춰; the guide says 멈춤
    assert "잃어버림" in fused[1]  # 잃어버리 + 었 is written 잃어버렸
    # A letter still being composed is not searched yet; a word of initial consonants is.
    assert page.evaluate("() => GiljabiSearch.words('금융인증ㅅ ㄱㅇ')") == ["금융인증", "\u1100\u110b"]
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


def test_other_names_and_related_terms_land_on_the_guide_each_labelled_as_what_it_is(search_page, guide_files) -> None:
    """An alias is another name of the guide's subject; a related term (함께 찾는 말) is not."""
    page, box = search_page
    guide = next(f.guide for f in guide_files if f.guide.url == GUIDE)
    labelled = [(name, "다른 이름") for name in guide.aliases] + [(term, "함께 찾는 말") for term in guide.related_terms]
    labelled = [(name, label) for name, label in labelled if compact(name) not in compact(guide.title)]  # else the title finds it
    assert labelled
    for name, label in labelled:
        outcome = box.search(name)
        assert outcome.entries[0].location == GUIDE, name
        shown = page.inner_text(".md-search-result__list")
        assert f"{label}: " in shown and name in shown.split(f"{label}: ", 1)[1], (name, shown[:300])
        other = {"다른 이름": "함께 찾는 말", "함께 찾는 말": "다른 이름"}[label]
        assert f"{other}: {name}" not in shown


def test_unrelated_query_lists_nothing(search_page) -> None:
    page, box = search_page
    assert box.search("부동산 등기").entries == []
    assert page.inner_text(".md-search-result__meta") == "검색어와 일치하는 문서가 없습니다"


def test_enter_opens_the_best_section_and_marks_the_word_there(search_page, site_url: str) -> None:
    page, box = search_page
    box.search("상담 대기")
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url("**#failure-fail-call-center")
    assert "h=" in page.url
    page.wait_for_selector("mark[data-md-highlight]")
    assert "상담" in page.inner_text("#failure-fail-call-center mark[data-md-highlight]")


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
        "words => words.map(w => GiljabiSearch.isOptional(w))",
        ["때", "어떻게", "하나요", "없을", "방법은", "했어요", "있는데", "자꾸", "해지하려면", "여권", "인증서를"],
    )
    assert optional == [True] * 8 + [False] * 3
    # Words said of something may be left out when nothing has every word; names may not.
    predicate = page.evaluate("words => words.map(w => GiljabiSearch.isPredicate(w))", ["잊었어요", "해지하려면", "발급받을", "여권", "비밀번호를", "재발급"])
    assert predicate == [True, True, True, False, False, False]
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


def notes(page) -> str:
    """The lines search-box.js shows above the results, as a reader sees them ("" when none)."""
    page.wait_for_timeout(200)  # the notes come on their own channel, beside Material's answer
    return page.evaluate("() => { const n = document.querySelector('.gj-search-notes'); return n && !n.hidden ? n.innerText : '' }")


def test_a_synonym_finds_the_guides_word_and_says_so(search_page) -> None:
    page, box = search_page
    outcome = box.search("콜센터", entry="pasted")  # the guide says 고객센터 (content/synonyms.yml)
    assert GUIDE + "#failure-fail-call-center" in [e.location for e in outcome.entries]
    assert notes(page) == "같은 뜻의 말 고객센터로도 찾았습니다."
    assert "<mark>고객센터</mark>" in result_html(page)
    outcome = box.search("갱신")  # the guide says 연장(갱신) itself: no note
    assert GUIDE + "#fact-fact-validity" in [e.location for e in outcome.entries]
    assert notes(page) == ""


def test_a_question_whose_verb_is_nowhere_finds_the_rest_and_says_what_was_left_out(search_page) -> None:
    page, box = search_page
    outcome = box.search("보안카드를 도둑맞았어요", entry="pasted")
    assert GUIDE + "#failure-fail-auth-device" in [e.location for e in outcome.entries[:6]]
    assert notes(page) == "모든 낱말이 들어간 곳이 없어 다음 말은 빼고 찾았습니다: 도둑맞았어요"


@pytest.mark.parametrize("query", ["비밀번호를 잊었어요", "비밀번호를 잊어버렸어요", "비밀번호를 까먹었어요"])
def test_a_forgotten_password_finds_what_the_guide_says_about_it_in_any_words(search_page, query: str) -> None:
    """The guide says "비밀번호를 잊었다면 … 잊은 비밀번호는"; content/synonyms.yml has [잊다, 잊어버리다, 까먹다]."""
    page, box = search_page
    outcome = box.search(query, entry="pasted")
    assert [e.location for e in outcome.entries if not e.header][0] == GUIDE + "#strategies"
    assert "빼고 찾았습니다" not in notes(page)
    assert re.search(r"<mark>[^<]*잊[^<]*</mark>", result_html(page))


def test_a_name_found_nowhere_lists_nothing_but_offers_next_steps(search_page, site_url: str) -> None:
    page, box = search_page
    assert box.search("여권 재발급", entry="pasted").entries == []
    assert "이 말로만 찾기: \n재발급" in notes(page) or "이 말로만 찾기: 재발급" in notes(page).replace("\n", "")
    home = page.locator(".gj-search-notes a", has_text="안내서 목록 보기")
    assert home.get_attribute("href") == site_url
    page.locator(".gj-search-notes button", has_text="재발급").click()
    box._settle(None)
    assert any(e.location.startswith(GUIDE) for e in box.entries())
    assert page.input_value("input.md-search__input") == "재발급"


def test_a_misspelt_word_is_offered_the_closest_word_the_site_knows(search_page) -> None:
    page, box = search_page
    assert box.search("금융인정서", entry="pasted").entries == []
    assert "금융인증서" in page.locator(".gj-search-notes button").all_inner_texts()


def test_initial_consonants_are_read_as_the_word_they_begin(search_page) -> None:
    page, box = search_page
    outcome = box.search("ㄱㅇㅇㅈㅅ", entry="pasted")
    assert outcome.entries and outcome.entries[0].location.startswith(GUIDE)
    assert notes(page) == "초성 ㄱㅇㅇㅈㅅ: 금융인증서의 검색 결과입니다."


@pytest.mark.parametrize(("query", "name"), [("콜센터", "synonym"), ("보안카드를 도둑맞았어요", "left-out"), ("여권 재발급", "nothing"), ("ㄱㅇㅇㅈㅅ", "initials")])
def test_notes_screenshot_and_axe_on_a_phone(browser, site_url: str, built_site: Path, output_dir: Path, query: str, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + GUIDE)
    page.locator("label.md-header__button[for=__search]").click()
    SearchBox(page, site_url, built_site).search(query, entry="pasted")
    assert notes(page)
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.gj-search-notes p, .gj-search-notes button, .gj-search-notes a')].map(el =>
             [parseFloat(getComputedStyle(el).fontSize), el.matches('p') ? 44 : el.getBoundingClientRect().height])"""
    )
    assert all(size >= 16 and height >= 44 for size, height in sizes), sizes
    page.screenshot(path=str(output_dir / f"search-notes-{name}-360.png"))
    violations = Axe().run(page, context=".md-search").response["violations"]
    page.close()
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)[:2000]


@pytest.mark.parametrize(("name", "viewport"), [("mobile", {"width": 360, "height": 740}), ("desktop", {"width": 1280, "height": 800})])
def test_a_long_question_never_runs_under_the_search_and_clear_buttons(browser, site_url: str, built_site: Path, name: str, viewport: dict) -> None:
    page = browser.new_page(viewport=viewport)
    page.goto(site_url + GUIDE)
    if name == "mobile":
        page.locator("label.md-header__button[for=__search]").click()
    SearchBox(page, site_url, built_site).search("번호가 바뀌었을 때 어떻게 해야 하나요", entry="pasted")
    text_end, buttons = page.evaluate(
        """() => {
             const input = document.querySelector('.md-search__input');
             const box = input.getBoundingClientRect();
             const buttons = [...document.querySelectorAll('.md-search__options > *')]
               .filter(el => el.getClientRects().length).map(el => el.getBoundingClientRect().left);
             return [box.right - parseFloat(getComputedStyle(input).paddingRight), buttons];
           }"""
    )
    page.close()
    assert len(buttons) == 2 and text_end <= min(buttons), (text_end, buttons)
