"""How the search worker orders what it finds, on small hand-made indexes.

The real worker (overrides/assets/javascripts/search-worker.js) answers from an index that
generator/search builds from the pages below; Chromium fetches the index from memory
(page.route), so each case shows one ranking rule with nothing else in the way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.search.index import build_index
from generator.search.sections import Page, Section
from generator.search.synonyms import read_synonyms
from tests.support import ROOT

ORIGIN = "http://giljabi.test/"
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"

Search = Callable[[str], list[str]]


@pytest.fixture
def search_over(browser, tmp_path: Path) -> Iterator[Callable[..., Search]]:
    """search_over(pages, synonyms="") -> search(query) -> the locations listed, in order;
    search_over.answers[query] holds the worker's whole answer (items of each page, notes)."""
    opened = []

    def make(pages: list[Page], synonyms: str = "") -> Search:
        (tmp_path / "synonyms.yml").write_text(synonyms, encoding="utf-8")
        index = build_index(pages, read_synonyms(tmp_path, tmp_path)[0])
        files = {f"search/{path}": data for path, data in index.files.items()}
        page = browser.new_page()
        opened.append(page)

        def answer(route) -> None:
            path = route.request.url[len(ORIGIN) :].partition("?")[0]
            if path == "":
                route.fulfill(body="<!doctype html><title>search</title>", content_type="text/html; charset=utf-8")
            elif path == "assets/javascripts/search-worker.js":
                route.fulfill(body=WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
            elif path in files:
                route.fulfill(body=files[path], content_type="application/json")
            else:
                route.fulfill(status=404)

        page.route(ORIGIN + "**", answer)
        page.goto(ORIGIN)
        page.add_script_tag(url=ORIGIN + "assets/javascripts/search-worker.js")
        page.evaluate("([manifest, worker]) => SearchIndex.setup(manifest, worker)", [index.manifest, ORIGIN + "assets/javascripts/search-worker.js"])

        def search(query: str) -> list[str]:
            answers[query] = page.evaluate("query => SearchIndex.search(query)", query)
            return [item["location"] for items in answers[query]["items"] for item in items]

        return search

    answers: dict[str, dict] = {}
    make.answers = answers  # type: ignore[attr-defined]
    yield make
    for page in opened:
        page.close()



def guide(location: str, title: str, *sections: tuple[str, str, str]) -> Page:
    return Page(location, (Section("", title, f"{title} 안내입니다."), *(Section(*s) for s in sections)))


QUESTION = "번호가 바뀌었을 때 어떻게 해야 하나요"
# A page whose words of the question stand in different sentences, here and there.
SCATTERED = guide(
    "guides/limit/", "이체 한도 조정",
    ("tip-1", "상황별 요령 · 휴대전화 번호가 바뀜", "앱을 최신 버전으로 업데이트하세요."),
    ("strategies", "대처 전략", "문자 인증번호를 입력합니다. 화면 이름은 은행 화면이 바뀌면 달라질 수 있습니다."),
    ("warning-1", "피싱 주의", "보안카드 번호를 전부 묻는 화면은 사기입니다. 메뉴가 바뀌면 공지를 보세요."),
)
ANSWER = guide(
    "guides/cert/", "금융인증서 발급",
    ("prerequisite-phone", "준비물", "은행에 등록된 휴대폰. 번호가 바뀌었다면 먼저 은행에 새 번호를 등록하세요."),
)


def test_a_section_holding_the_words_of_a_question_in_one_sentence_is_listed_and_scattered_ones_are_not(search_over) -> None:
    search = search_over([SCATTERED, ANSWER])
    listed = search(QUESTION)
    # The page with the words together in one place lists that place only: 인증번호 … 바뀌면 is not an answer.
    assert "guides/limit/#strategies" not in listed and "guides/limit/#warning-1" not in listed
    sections = [location for location in listed if "#" in location]
    assert sections[:2] == ["guides/limit/#tip-1", "guides/cert/#prerequisite-phone"], listed


def test_the_teaser_marks_the_words_of_the_subject_from_the_start_of_their_sentence(search_over) -> None:
    """Question words rank a section but are not marked (준비<mark>해야</mark> answers nothing), and
    a long text is shown from the sentence with the first mark, not from the middle of a word."""
    text = " ".join(["시간이 없거나 무엇을 준비해야 할지 모르겠다면 고객센터에 물어보세요."] * 3 + ["번호가 바뀌었다면 은행에 새 번호를 등록하세요."] * 4)
    search = search_over([guide("guides/a/", "인증서 발급", ("strategies", "대처 전략", text))])
    search(QUESTION)
    shown = search_over.answers[QUESTION]["items"][0][0]["text"]
    assert "<mark>해야</mark>" not in shown
    assert shown.startswith("<p>… <mark>번호가</mark> <mark>바뀌었</mark>다면"), shown


def test_a_page_found_by_the_label_an_earlier_page_was_found_by_comes_after_pages_that_say_something_else(search_over) -> None:
    """Many guides with the row "휴대전화 번호가 바뀜" would otherwise bury the one sentence that answers."""
    same_row = [
        guide(f"guides/limit-{n}/", f"이체 한도 조정 {n}", ("tip-1", "상황별 요령 · 휴대전화 번호가 바뀜", f"{tip}."))
        for n, tip in enumerate(["앱을 최신 버전으로 업데이트하세요", "주소를 직접 입력하세요", "한산한 시간에 전화하세요"])
    ]
    search = search_over([*same_row, ANSWER])
    pages = list(dict.fromkeys(location.partition("#")[0] for location in search(QUESTION)))
    assert pages[0].startswith("guides/limit-") and pages[1] == "guides/cert/", pages  # before the row's repeats
    assert len(pages) == 4


def test_what_a_page_title_names_goes_with_each_of_its_sentences(search_over) -> None:
    """인증서 유효기간이 얼마나 되나요: the 유효기간 fact of a guide titled 금융인증서 answers it, and is
    listed beside a sentence that holds both words."""
    page = guide(
        "guides/cert/", "금융인증서 발급",
        ("fact-validity", "한눈에 보기 · 유효기간", "3년"),
        ("step-1", "1단계 · 인증서를 고릅니다", "인증서 유효기간이 지나면 새로 발급받습니다."),
    )
    listed = search_over([page])("인증서 유효기간이 얼마나 되나요")
    assert {"guides/cert/#fact-validity", "guides/cert/#step-1"} <= set(listed), listed


VERBS = "same:\n  - [잊다, 잊어버리다, 까먹다]\n  - [문의하다, 물어보다]\n"
FORGOT = guide("guides/cert/", "금융인증서 발급", ("strategies", "대처 전략", "잊은 비밀번호는 찾을 수 없어 다시 발급받아 새로 정합니다."))


@pytest.mark.parametrize("query", ["비밀번호를 잊었어요", "비밀번호를 잊어버렸어요", "비밀번호를 까먹었어요", "비번 까먹음"])
def test_a_verb_in_synonyms_finds_its_root_under_any_ending(search_over, query: str) -> None:
    synonyms = VERBS + "  - [비번, 비밀번호]\n"
    assert "guides/cert/#strategies" in search_over([FORGOT], synonyms)(query)
    assert [note for note in search_over.answers[query]["notes"] if note["kind"] == "left-out"] == []  # found, not left out


def test_without_the_verb_in_synonyms_a_short_root_is_not_searched(search_over) -> None:
    """Roots of one letter are words only where content/synonyms.yml names them: 잊었어요 alone stops at 잊었."""
    assert search_over([FORGOT])("잊었어요") == []
    assert search_over([FORGOT], VERBS)("잊었어요") == ["guides/cert/#strategies", "guides/cert/"]


def test_a_light_verb_comes_off_a_synonym_so_the_noun_finds_too(search_over) -> None:
    page = guide("guides/a/", "도움 받기", ("strategies", "대처 전략", "모르는 것은 고객센터에 물어보세요."))
    search = search_over([page], VERBS)
    assert "guides/a/#strategies" in search("고객센터에 문의하면")
    assert "guides/a/#strategies" in search("고객센터 문의")
