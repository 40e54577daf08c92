"""How a problem reads (content/problems.py): the particle after a word, the field path, the line, the verdict.

Korean particles depend on how the word before them is read aloud: 제목이 but 주소가, '3'이 (삼)
but '2'가 (이), 'URL'이 (엘) but 'OTP'가 (피). The table is written out by hand.
"""

from __future__ import annotations

import dataclasses

import pytest

from generator.content.problems import ContentError, Problem, format_path, has_errors, has_final_consonant, josa, markdown_summary, summary

# Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
DIGITS = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True, "8": True, "9": False}
# Latin letters as Koreans read them: only 엘 엠 엔 알 end in a consonant.
LETTERS = {letter: letter in "lmnr" for letter in "abcdefghijklmnopqrstuvwxyz"}
WORDS = {
    "제목": True,  # 목: ㄱ
    "주소": False,
    "값": True,  # a double final consonant
    "가": False,  # the first syllable
    "힣": True,  # the last syllable
    "각": True,
    "아이디": False,
    "'준비물'": True,  # quotes around it do not count
    '"단계"': False,
    "'https://www.kbstar.com'": True,  # m: 엠
    "KB국민": True,
    "3년": True,
    "2026-11-29": False,  # 구
    "2026-11-30": True,  # 영
    "OTP": False,
    "URL": True,
    "HTML": True,
    "PC": False,
    "LX": False,  # 엑스, not the 엘 before it
    "...": False,  # nothing to read
    "": False,
    "ㄱ": False,  # a lone jamo is not a syllable
    "숫자(123)": False,  # an aside in parentheses takes the particle of the word before it: 자
    "참/거짓 값(true)": True,  # 값
    "KB(국민)": False,  # B: 비
    "(모바일)": True,  # nothing before the parentheses: their last word, 일
}


@pytest.mark.parametrize(("digit", "final"), sorted(DIGITS.items()))
def test_digits_take_the_particle_of_their_korean_reading(digit: str, final: bool) -> None:
    assert has_final_consonant(digit) is final
    assert has_final_consonant(f"'{digit}'") is final
    assert josa(digit, "이", "가") == digit + ("이" if final else "가")


@pytest.mark.parametrize(("letter", "final"), sorted(LETTERS.items()))
def test_latin_letters_take_the_particle_of_their_korean_name(letter: str, final: bool) -> None:
    assert has_final_consonant(letter) is final
    assert has_final_consonant(letter.upper()) is final


@pytest.mark.parametrize(("word", "final"), list(WORDS.items()))
def test_words_and_quoted_values(word: str, final: bool) -> None:
    assert has_final_consonant(word) is final


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("제목", ("이", "가"), "제목이"),
        ("주소", ("이", "가"), "주소가"),
        ("'PC'", ("은", "는"), "'PC'는"),
        ("'모바일'", ("은", "는"), "'모바일'은"),
        ("'URL'", ("을", "를"), "'URL'을"),
        ("'9'", ("을", "를"), "'9'를"),
    ],
)
def test_josa_writes_the_word_then_its_particle(word: str, pair: tuple[str, str], expected: str) -> None:
    assert josa(word, *pair) == expected


def test_format_path_counts_list_items_from_one() -> None:
    assert format_path(("steps", 2, "title")) == "steps[3].title"
    assert format_path(("checklists", 0, "items", 11, "id")) == "checklists[1].items[12].id"
    assert format_path((0,)) == "[1]"
    assert format_path(("title",)) == "title"
    assert format_path(()) == ""


ERROR = Problem("content/guides/a.yml", 3, 8, "title", "제목이 비어 있습니다", "단계 제목을 한 줄로 적어 주세요")
WARNING = Problem("content/guides/a.yml", 7, 11, "reviewed", "오래되었습니다", "다시 확인해 주세요", "warning")
WHOLE_FILE = Problem("content/guides/b.yml", 1, 1, "", "파일이 UTF-8이 아닙니다", "UTF-8로 저장해 주세요")


def test_a_problem_reads_file_line_column_field_message_and_fix() -> None:
    assert str(ERROR) == "content/guides/a.yml:3:8: title: 제목이 비어 있습니다 — 단계 제목을 한 줄로 적어 주세요"
    assert str(WARNING) == "content/guides/a.yml:7:11: reviewed: 경고: 오래되었습니다 — 다시 확인해 주세요"
    assert str(WHOLE_FILE) == "content/guides/b.yml:1:1: 파일이 UTF-8이 아닙니다 — UTF-8로 저장해 주세요"


def test_a_problem_as_json_for_a_pr_bot() -> None:
    assert WARNING.as_dict() == {
        "file": "content/guides/a.yml",
        "line": 7,
        "column": 11,
        "path": "reviewed",
        "severity": "warning",
        "message": "오래되었습니다",
        "fix": "다시 확인해 주세요",
        "text": "content/guides/a.yml:7:11: reviewed: 경고: 오래되었습니다 — 다시 확인해 주세요",
    }


def test_the_verdict_counts_errors_and_warnings() -> None:
    assert summary([]) == "문제 없음: 모든 안내서가 올바릅니다."
    assert summary([ERROR]) == "문제 1개: 오류 1, 경고 0"
    assert summary([WARNING]) == "문제 1개: 오류 0, 경고 1"
    assert summary([ERROR, WARNING, WHOLE_FILE]) == "문제 3개: 오류 2, 경고 1"
    assert has_errors([WARNING, ERROR]) and not has_errors([WARNING]) and not has_errors([])


def test_a_content_error_reports_every_problem_then_the_verdict() -> None:
    error = ContentError([ERROR, WARNING])
    assert error.problems == [ERROR, WARNING]
    assert error.report() == f"{ERROR}\n{WARNING}\n문제 2개: 오류 1, 경고 1"
    assert str(error) == error.report()


# For a pull request: GitHub's workflow commands and the job summary --------------------------------

MESSY = Problem("content/guides/a,b:c.yml", 12, 5, "steps[2].body", "100% 맞는\n글이\r아닙니다", "고쳐 | 주세요")


@pytest.mark.parametrize(
    ("problem", "command"),
    [
        (ERROR, "::error file=content/guides/a.yml,line=3,col=8,title=안내서 검사%3A title::제목이 비어 있습니다 — 단계 제목을 한 줄로 적어 주세요"),
        (WARNING, "::warning file=content/guides/a.yml,line=7,col=11,title=안내서 검사%3A reviewed::오래되었습니다 — 다시 확인해 주세요"),
        (WHOLE_FILE, "::error file=content/guides/b.yml,line=1,col=1,title=안내서 검사::파일이 UTF-8이 아닙니다 — UTF-8로 저장해 주세요"),
        # GitHub reads '%', CR and LF in the data, and also ':' and ',' in a property, as its own syntax.
        (MESSY, "::error file=content/guides/a%2Cb%3Ac.yml,line=12,col=5,title=안내서 검사%3A steps[2].body::100%25 맞는%0A글이%0D아닙니다 — 고쳐 | 주세요"),
    ],
    ids=["error", "warning", "whole file", "escaped"],
)
def test_a_problem_as_a_github_workflow_command(problem: Problem, command: str) -> None:
    assert problem.as_github() == command


SUMMARY_HEAD = [
    "바뀐 파일의 해당 줄에도 같은 메시지가 표시됩니다(Files changed 탭). 고친 파일을 같은 브랜치에 다시 올리면 검사가 다시 돌아갑니다.",
    "",
    "| 구분 | 위치 | 항목 | 문제 | 고치는 법 |",
    "|---|---|---|---|---|",
]


def test_the_job_summary_is_the_verdict_then_a_table_of_problems() -> None:
    assert markdown_summary([]) == "### 안내서 검사: 문제 없음: 모든 안내서가 올바릅니다.\n"
    messy = dataclasses.replace(MESSY, message="100% 맞는\n글이 아닙니다")
    assert markdown_summary([ERROR, WARNING, WHOLE_FILE, messy]) == "\n".join(
        [
            "### 안내서 검사: 문제 4개: 오류 3, 경고 1",
            "",
            *SUMMARY_HEAD,
            "| 오류 | `content/guides/a.yml:3:8` | title | 제목이 비어 있습니다 | 단계 제목을 한 줄로 적어 주세요 |",
            "| 경고 | `content/guides/a.yml:7:11` | reviewed | 오래되었습니다 | 다시 확인해 주세요 |",
            "| 오류 | `content/guides/b.yml:1:1` | — | 파일이 UTF-8이 아닙니다 | UTF-8로 저장해 주세요 |",
            "| 오류 | `content/guides/a,b:c.yml:12:5` | steps[2].body | 100% 맞는 글이 아닙니다 | 고쳐 \\| 주세요 |",
            "",
        ]
    )


def test_the_job_summary_stops_at_its_limit_and_says_how_many_more() -> None:
    rows = [dataclasses.replace(ERROR, line=line) for line in range(1, 5)]
    assert markdown_summary(rows, limit=2) == "\n".join(
        [
            "### 안내서 검사: 문제 4개: 오류 4, 경고 0",
            "",
            *SUMMARY_HEAD,
            "| 오류 | `content/guides/a.yml:1:8` | title | 제목이 비어 있습니다 | 단계 제목을 한 줄로 적어 주세요 |",
            "| 오류 | `content/guides/a.yml:2:8` | title | 제목이 비어 있습니다 | 단계 제목을 한 줄로 적어 주세요 |",
            "\n… 문제 2개가 더 있습니다. 전체 목록은 '안내서 검사' 단계의 기록에 있습니다.",
            "",
        ]
    )
    assert markdown_summary(rows, limit=4).count("| 오류 |") == 4
    assert "더 있습니다" not in markdown_summary(rows, limit=4)
    assert markdown_summary([ERROR] * 51).count("| 오류 |") == 50, "fifty rows by default"
    assert "… 문제 1개가 더 있습니다." in markdown_summary([ERROR] * 51)
