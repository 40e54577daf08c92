"""The policy's edges (content/policy.py): calendar months, long addresses, trailing dots, an empty
allow-list, and a file that fails the schema still having its dates, markup and links checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.content import policy as policy_module
from generator.content.loader import read_guide
from generator.content.policy import Subject, months_before, today_in_korea
from tests.support import OFFICIAL, OFFICIAL_PHONES, compile_content, example, policy, settings_for, write_content
from tests.test_messages import edited, problems

DOMAIN_FIX = f"공식 사이트({', '.join(OFFICIAL)}) 주소만 쓸 수 있습니다. 새 공식 사이트라면 mkdocs.yml의 links_allowed_domains에 먼저 추가해야 합니다"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),  # a leap year's February
        (dt.date(2026, 5, 31), 1, dt.date(2026, 4, 30)),  # a month of 30 days
        (dt.date(2026, 1, 31), 11, dt.date(2025, 2, 28)),  # back across a year
        (dt.date(2026, 12, 30), 10, dt.date(2026, 2, 28)),
        (dt.date(2026, 12, 27), 10, dt.date(2026, 2, 27)),  # a day every month has
    ],
)
def test_months_before_lands_on_the_months_last_day_when_the_day_is_missing(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


def test_long_addresses_are_cut_to_sixty_characters_in_messages() -> None:
    sixty = "https://evil.example/" + "a" * 39
    assert policy().link_problem(sixty) == (f"링크 '{sixty}'의 도메인 'evil.example'는 허용 목록에 없습니다", DOMAIN_FIX)
    longer = sixty + "a"
    assert policy().link_problem(longer) == (f"링크 '{sixty[:59]}…'의 도메인 'evil.example'는 허용 목록에 없습니다", DOMAIN_FIX)


def test_a_trailing_dot_after_an_official_host_is_the_same_host() -> None:
    assert policy().link_problem("https://www.kbstar.com./quics") is None
    assert policy().host_problem("www.kbstar.com.") is None
    assert policy().host_problem(".www.kbstar.com") is not None


def test_an_empty_allow_list_says_so() -> None:
    message, fix = policy(domains=()).host_problem("x.kr")
    assert message == "글에 적힌 주소 'x.kr'이 허용 목록에 없습니다"
    assert fix.startswith("공식 사이트((없음)) 주소만 적을 수 있습니다.")
    assert policy(domains=()).link_problem("https://x.kr")[1].startswith("공식 사이트((없음)) 주소만 쓸 수 있습니다.")


def test_a_file_that_fails_the_schema_still_has_its_date_markup_and_links_checked(tmp_path: Path) -> None:
    text = (
        edited("title: 가장 짧은 안내서\n", "")
        .replace("reviewed: 2026-11-02", "reviewed: 2027-01-05")
        .replace("    body: 앱을 열고 안내를 따릅니다.", "    body: '<b>굵게</b> https://evil.example/x'")
    )
    assert problems(tmp_path, text) == [
        "content/guides/minimal-guide.yml:2:1: title: 꼭 필요한 항목인 제목('title')이 없습니다 — 'title: …' 줄을 넣어 주세요. 안내서 제목을 한 줄로 적어 주세요",
        "content/guides/minimal-guide.yml:6:11: reviewed: 최종 확인일 2027-01-05가 오늘(2026-11-28)보다 뒤입니다 — 공식 자료와 실제로 대조한 날짜를 적어 주세요",
        "content/guides/minimal-guide.yml:20:12: steps[1].body: HTML 태그 '<b>'는 쓸 수 없습니다 — 굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요",
        f"content/guides/minimal-guide.yml:20:22: steps[1].body: 링크 'https://evil.example/x'의 도메인 'evil.example'는 허용 목록에 없습니다 — {DOMAIN_FIX}",
    ]


def test_a_review_date_written_in_quotes_in_a_failing_file_waits_for_the_schema(tmp_path: Path) -> None:
    """Quoted, it is text to YAML: the date check runs once the file passes and pydantic has read it."""
    text = edited("title: 가장 짧은 안내서\n", "").replace("reviewed: 2026-11-02", "reviewed: '2027-01-05'")
    assert [line.split(": ", 2)[1] for line in problems(tmp_path, text)] == ["title"]


def test_today_is_the_date_in_korea_not_on_the_machines_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 15:30 UTC on 28 November it is already 00:30 on the 29th in Seoul (the CI machine runs on UTC)."""

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:
            instant = dt.datetime(2026, 11, 28, 15, 30, tzinfo=dt.timezone.utc)
            return instant.astimezone(tz) if tz is not None else instant.replace(tzinfo=None)

    monkeypatch.setattr(policy_module.dt, "datetime", Clock)
    assert today_in_korea() == dt.date(2026, 11, 29)


HOST_FIX = f"공식 사이트({', '.join(OFFICIAL)}) 주소만 적을 수 있습니다. 주소가 아니라 파일 이름이라면 `signCert.der`처럼 백틱(`)으로 감싸 주세요"
HTML_FIX = "굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요"
PHONE_FIX = (
    f"공식 번호({', '.join(OFFICIAL_PHONES)})만 적을 수 있습니다. 새 공식 번호라면 mkdocs.yml의 phone_numbers_allowed에 먼저 추가해야 합니다. "
    "전화번호가 아니라면 숫자 뒤에 단위(건, 명 등)를 붙여 주세요"
)
FILE = "content/guides/minimal-guide.yml"
STEP_END = "    body: 앱을 열고 안내를 따릅니다."  # line 21, the minimal guide's last line


def after_the_step(lines: str) -> str:
    """The minimal guide with these lines added to its only step (from line 22 on)."""
    return edited(STEP_END, STEP_END + "\n" + lines)


# Where a problem inside a value points: the line and column of what is wrong, found in the file's
# own lines (the value YAML read may be spelt differently there: quotes, escapes, wrapped lines).
POSITIONS = {
    "one host in two fields, each at its own line": (
        edited("    text: 휴대폰", "    text: evil.example 휴대폰").replace("    title: 하나뿐인", "    title: 다시 evil.example 하나뿐인"),
        [
            f"{FILE}:17:11: prerequisites[1].text: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}",
            f"{FILE}:20:15: steps[1].title: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}",
        ],
    ),
    "one host twice in one field, once at its first place": (
        edited("    text: 휴대폰", "    text: evil.example 또는 evil.example"),
        [f"{FILE}:17:11: prerequisites[1].text: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}"],
    ),
    "one host in two items of a list on one line": (
        after_the_step("    tips: ['evil.example 하나', '둘 evil.example']"),
        [
            f"{FILE}:22:13: steps[1].tips[1]: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}",
            f"{FILE}:22:34: steps[1].tips[2]: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}",
        ],
    ),
    "a tag at the start of a wrapped list's second line": (
        after_the_step("    notes: [하나\n<b>둘]"),
        [f"{FILE}:23:1: steps[1].notes[1]: HTML 태그 '<b>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    # Not written as it reads: the value's own place, never the same tag further down.
    "a tag written as an escape": (
        edited("    title: 하나뿐인 단계입니다", '    title: "\\x3cb>하나뿐인 단계입니다"').replace(STEP_END, STEP_END + "\n    tips: [하나]\n    notes: ['<b>둘']"),
        [
            f"{FILE}:20:12: steps[1].title: HTML 태그 '<b>'는 쓸 수 없습니다 — {HTML_FIX}",
            f"{FILE}:23:14: steps[1].notes[1]: HTML 태그 '<b>'는 쓸 수 없습니다 — {HTML_FIX}",
        ],
    ),
    "a phone number on the third line of a body": (
        edited(STEP_END, "    body: |-\n      앱을 엽니다.\n\n      막히면 1588-1234로 전화합니다."),
        [f"{FILE}:24:11: steps[1].body: 전화번호 '1588-1234'는 허용 목록에 없습니다 — {PHONE_FIX}"],
    ),
}


@pytest.mark.parametrize("case", list(POSITIONS), ids=list(POSITIONS))
def test_a_problem_inside_a_value_points_at_its_own_line_and_column(tmp_path: Path, case: str) -> None:
    text, expected = POSITIONS[case]
    assert problems(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("host", "said"),
    [
        ("www.boho.or.krX", "'www.boho.or.krX'가"),  # 엑스
        ("WWW.BOHO.OR.KRX", "'WWW.BOHO.OR.KRX'가"),
        ("www.boho.or.kr.x", "'www.boho.or.kr.x'가"),
        ("boho.or.kr", "'boho.or.kr'이"),  # 알
        ("xwww.boho.or.kr", "'xwww.boho.or.kr'이"),
    ],
)
def test_a_host_name_passes_only_when_it_is_an_allowed_domain_itself(host: str, said: str) -> None:
    assert policy().host_problem(host) == (f"글에 적힌 주소 {said} 허용 목록에 없습니다", HOST_FIX)


EXAMPLE_FIX = "실제 내용으로 바꿔 쓰거나, 쓰지 않는 부분이면 통째로 지워 주세요"


def test_the_example_texts_of_dev_new_left_in_are_named_where_they_stand(tmp_path: Path) -> None:
    text = (
        edited("title: 가장 짧은 안내서", "title: 안내서 제목을 적습니다")
        .replace("institution: 예시기관", "institution: 기관 이름")
        .replace("    title: 하나뿐인 단계입니다", "    title: 한쪽 채널에만 해당하면 channel을, 건너뛰어도 되면 optional을 적습니다.")
    )
    assert problems(tmp_path, text) == [
        f"{FILE}:3:8: title: 새 안내서 예시 글 '안내서 제목을 적습니다'가 그대로 있습니다 — {EXAMPLE_FIX}",
        f"{FILE}:5:14: institution: 새 안내서 예시 글 '기관 이름'이 그대로 있습니다 — {EXAMPLE_FIX}",  # 름
        f"{FILE}:20:12: steps[1].title: 새 안내서 예시 글 '한쪽 채널에만 해당하면 channel을, 건너뛰어도 되면 optiona…'가 그대로 있습니다 — {EXAMPLE_FIX}",
    ]


HEADING = "제목(#)은 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 단계를 나누려면 steps에 단계를 하나 더 만들고, 강조하려면 **굵게**로 적어 주세요"
TABLE = "표(|)는 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 표로 보일 내용은 failures나 tips(페이지에 표로 나오는 부분)에 적거나, '- 항목' 목록으로 적어 주세요"
LIST = "목록('- ', '1. ')은 본문(body, intro, strategies)에서만 쓸 수 있습니다 — 한 줄로 이어 쓰거나, 여러 개라면 목록 항목(tips, notes, points)으로 나눠 적어 주세요"


def test_each_kind_of_raw_markdown_once_per_field_at_its_first_line(tmp_path: Path) -> None:
    text = edited(STEP_END, "    body: |-\n      # 제목\n      | 가 | 나 |\n      | 다 | 라 |\n\n      ## 또 제목").replace(
        "    title: 하나뿐인 단계입니다", "    title: |-\n      단계\n      - 하나\n      - 둘"
    )
    assert problems(tmp_path, text) == [
        f"{FILE}:22:7: steps[1].title: {LIST}",
        f"{FILE}:25:7: steps[1].body: {HEADING}",
        f"{FILE}:26:7: steps[1].body: {TABLE}",
    ]


def test_a_source_address_is_not_read_as_markdown(tmp_path: Path) -> None:
    assert problems(tmp_path, edited("url: https://www.boho.or.kr", "url: 'https://www.boho.or.kr/![a](b)'")) == []


def test_with_no_official_number_every_number_is_refused_and_the_message_says_so(tmp_path: Path) -> None:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(edited(STEP_END, "    body: 고객센터 02-1234-5670으로 전화합니다."), encoding="utf-8")
    subject = Subject.of(read_guide(path, FILE).file)
    no_numbers = dataclasses.replace(policy(), allowed_phone_numbers=())
    assert [str(problem) for problem in no_numbers.check_phone_numbers(subject)] == [
        f"{FILE}:21:16: steps[1].body: 전화번호 '02-1234-5670'은 허용 목록에 없습니다 — 공식 번호((없음))만 적을 수 있습니다. "  # 영
        "새 공식 번호라면 mkdocs.yml의 phone_numbers_allowed에 먼저 추가해야 합니다. 전화번호가 아니라면 숫자 뒤에 단위(건, 명 등)를 붙여 주세요"
    ]


MARKUP = {
    "a tag longer than forty characters is cut in the message": (
        "<span class=kb-login-button-primary-large-xyz>누릅니다",
        [f"{FILE}:21:11: steps[1].body: HTML 태그 '<span class=kb-login-button-primary-lar…'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "a closing tag after a tag with attributes": (
        "<b class=x>굵게</b>",
        [f"{FILE}:21:11: steps[1].body: HTML 태그 '<b class=x>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "a closing tag after a tag whose name only starts like it": (
        "<B>굵게</BX>",
        [
            f"{FILE}:21:11: steps[1].body: HTML 태그 '<B>'는 쓸 수 없습니다 — {HTML_FIX}",
            f"{FILE}:21:16: steps[1].body: HTML 태그 '</BX>'는 쓸 수 없습니다 — {HTML_FIX}",
        ],
    ),
    "a character reference inside a tag is part of the tag": (
        "<b title=&amp;>굵게",
        [f"{FILE}:21:11: steps[1].body: HTML 태그 '<b title=&amp;>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
}


@pytest.mark.parametrize("case", list(MARKUP), ids=list(MARKUP))
def test_markup_messages(tmp_path: Path, case: str) -> None:
    body, expected = MARKUP[case]
    assert problems(tmp_path, edited(STEP_END, f"    body: {body}")) == expected


def test_a_review_done_today_is_neither_in_the_future_nor_stale(tmp_path: Path) -> None:
    assert problems(tmp_path, edited("reviewed: 2026-11-02", "reviewed: 2026-11-28")) == []


def test_review_dates_in_the_future_and_long_ago_as_a_pr_bot_reads_them(tmp_path: Path) -> None:
    future = tmp_path / "future"
    content = write_content(future / "content", {"guides/minimal-guide.yml": edited("reviewed: 2026-11-02", "reviewed: 2027-01-01")})
    [problem] = compile_content(content, settings_for(content))[1]
    assert (problem.severity, problem.message) == ("error", "최종 확인일 2027-01-01이 오늘(2026-11-28)보다 뒤입니다")  # 일
    stale = tmp_path / "stale"
    content = write_content(stale / "content", {"guides/minimal-guide.yml": edited("reviewed: 2026-11-02", "reviewed: 2025-11-27")})
    [problem] = compile_content(content, settings_for(content))[1]
    assert problem.as_dict()["severity"] == "warning"
    assert problem.message == "최종 확인일 2025-11-27부터 12개월이 넘게 지났습니다 (페이지에 '내용 확인이 필요할 수 있습니다'가 표시됩니다)"


def test_a_missing_schema_comment_as_a_pr_bot_reads_it(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {"guides/kb/minimal-guide.yml": example("minimal-guide").split("\n", 1)[1]})
    [problem] = compile_content(content, settings_for(content))[1]
    assert problem.as_dict() == {
        "file": "content/guides/kb/minimal-guide.yml",
        "line": 1,
        "column": 1,
        "path": "",
        "severity": "warning",
        "message": "첫 줄에 편집기 자동 완성을 켜는 스키마 주석이 없습니다",
        "fix": "파일 맨 첫 줄에 '# yaml-language-server: $schema=../../guide.schema.json'을 넣어 주세요",
        "text": "content/guides/kb/minimal-guide.yml:1:1: 경고: 첫 줄에 편집기 자동 완성을 켜는 스키마 주석이 없습니다 — "
        "파일 맨 첫 줄에 '# yaml-language-server: $schema=../../guide.schema.json'을 넣어 주세요",
    }
