"""Reading one guide file (content/loader.py): for each kind of mistake the reader translates, the
exact line, column, message and fix an editor gets, read straight from the file (no build around it).

The tables edit tests/examples/minimal-guide.yml, or are whole small files for YAML's own errors.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.content.loader import display_path, guide_paths, read_guide, read_yaml, single_quoted, yaml_message
from generator.content.yaml_source import Mark
from tests.support import edited_example, example

FILE = "content/guides/minimal-guide.yml"


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(text, encoding="utf-8")
    return [str(problem) for problem in read_guide(path, FILE).problems]


def edited(old: str, new: str) -> str:
    return edited_example(old, new, "minimal-guide")


def added(lines: str) -> str:
    """The minimal guide with lines added after its channels (line 6): they are lines 7, 8, …"""
    return edited("channels: [모바일]\n", "channels: [모바일]\n" + lines)


CHECKLIST = "checklists:\n  - id: check\n    title: 확인\n"
QUOTE_FIX = "글로 적어 주세요. 숫자나 true 같은 값을 글로 쓰려면 따옴표로 감싸 주세요"
ID_HYPHENS = "하이픈은 맨 앞이나 맨 뒤에 쓸 수 없고 두 개를 잇달아 쓸 수 없습니다"
COMMENT_FIX = "'#' 뒤의 글도 값이라면 값 전체를 따옴표로 감싸 주세요"

# What the editor wrote → every problem the reader reports, in its order.
SCHEMA_CASES: dict[str, tuple[str, list[str]]] = {
    "a list for true or false": (
        edited("    body: 앱을 열고 안내를 따릅니다.", "    body: 앱을 열고 안내를 따릅니다.\n    optional: [네]"),
        [f"{FILE}:22:15: steps[1].optional: 선택 단계에는 true 또는 false만 적을 수 있는데 목록이 적혀 있습니다 — true 또는 false로 적어 주세요"],
    ),
    "an arrow inside a menu name": (
        added("menu_paths:\n  - channel: PC\n    menus: [인증센터 > 개인]\n"),
        [
            f"{FILE}:9:13: menu_paths[1].menus[1]: 메뉴 이름 '인증센터 > 개인'에 화살표 '>'가 들어 있습니다. 메뉴 이름은 한 칸에 하나씩 적습니다 — "
            "메뉴 이름을 '[인증센터, 개인, 금융인증서 발급/재발급]'처럼 한 칸에 하나씩 목록으로 적어 주세요 (40자 이내)"
        ],
    ),
    "a menu name of 41 characters": (
        added("menu_paths:\n  - channel: PC\n    menus: [" + "가" * 41 + "]\n"),
        [f"{FILE}:9:13: menu_paths[1].menus[1]: 메뉴 이름이 너무 깁니다 — 40자 이내로 줄여 주세요"],
    ),
    "a menu name of 40 characters is fine": (added("menu_paths:\n  - channel: PC\n    menus: [" + "가" * 40 + "]\n"), []),
    "text for a section": (
        added("closing: 끝\n"),
        [f"{FILE}:7:10: closing: 마무리에는 '항목: 값' 묶음을 적어야 하는데 '끝'이 적혀 있습니다 — title과 body를 적거나 이 부분을 지워 주세요"],
    ),
    "a list for a section": (
        added("closing: [끝]\n"),
        [f"{FILE}:7:10: closing: 마무리에는 '항목: 값' 묶음을 적어야 하는데 목록이 적혀 있습니다 — title과 body를 적거나 이 부분을 지워 주세요"],
    ),
    "a year for a date": (
        edited("reviewed: 2026-11-02", "reviewed: 2026"),
        [f"{FILE}:7:11: reviewed: 최종 확인일이 날짜가 아닙니다: 숫자(2026) — 날짜를 2026-11-28처럼 적어 주세요"],
    ),
    "true for a date": (
        edited("reviewed: 2026-11-02", "reviewed: true"),
        [f"{FILE}:7:11: reviewed: 최종 확인일이 날짜가 아닙니다: 참/거짓 값(true) — 날짜를 2026-11-28처럼 적어 주세요"],
    ),
    "an id of hyphens only": (
        edited("id: minimal-guide", "id: '--'"),
        [f"{FILE}:2:5: id: 아이디 '--'의 하이픈(-) 자리가 맞지 않습니다 — {ID_HYPHENS}. 예: my-guide"],
    ),
    "an id with hyphens around one word": (
        edited("id: minimal-guide", "id: ---guide-"),
        [f"{FILE}:2:5: id: 아이디 '---guide-'의 하이픈(-) 자리가 맞지 않습니다 — {ID_HYPHENS}. 예: guide"],
    ),
    "an id with a capital letter": (
        edited("id: minimal-guide", "id: Minimal-guide"),
        [f"{FILE}:2:5: id: 아이디 'Minimal-guide'에 쓸 수 없는 글자가 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: kb-financial-certificate"],
    ),
    "a title of spaces": (edited("title: 가장 짧은 안내서", "title: '   '"), [f"{FILE}:3:8: title: 제목이 비어 있습니다 — 안내서 제목을 한 줄로 적어 주세요"]),
    "a decimal for a title": (
        edited("title: 가장 짧은 안내서", "title: 1.5"),
        [f"{FILE}:3:8: title: 제목에는 글을 적어야 하는데 숫자(1.5)가 적혀 있습니다 — {QUOTE_FIX}"],
    ),
    "false for a title": (
        edited("title: 가장 짧은 안내서", "title: false"),
        [f"{FILE}:3:8: title: 제목에는 글을 적어야 하는데 참/거짓 값(false)이 적혀 있습니다 — {QUOTE_FIX}"],
    ),
    "a word outside a fixed list, and an empty list of items": (
        added(CHECKLIST + "    when: 나중\n    items: []\n"),
        [
            f"{FILE}:10:11: checklists[1].when: '나중'은 시점에 쓸 수 없는 값입니다 — before 또는 after를 적어 주세요",
            f"{FILE}:11:12: checklists[1].items: 항목 목록이 비어 있습니다 — '- id: …'로 시작하는 항목을 한 개 이상 적어 주세요",
        ],
    ),
    "an empty list of steps": (
        edited("steps:\n  - id: step-only\n    title: 하나뿐인 단계입니다\n    body: 앱을 열고 안내를 따릅니다.\n", "steps: []\n"),
        [f"{FILE}:18:8: steps: 단계 목록이 비어 있습니다 — '- id: …, title: …, body: …' 형식으로 한 개 이상 적어 주세요"],
    ),
    "a misspelt key inside a step": (
        edited("    title: 하나뿐인 단계입니다", "    titel: 하나뿐인 단계입니다"),
        [f"{FILE}:20:5: steps[1].titel: 알 수 없는 항목 'titel'입니다 — 혹시 'title'를 말씀하신 건가요?"],
    ),
    "an unknown key inside a step": (
        edited("    title: 하나뿐인 단계입니다", "    title: 하나뿐인 단계입니다\n    colour: red"),
        [f"{FILE}:21:5: steps[1].colour: 알 수 없는 항목 'colour'입니다 — 지우거나 쓸 수 있는 항목(id, title, body, channel, optional, tips, notes, images) 중에서 골라 주세요"],
    ),
    "checklist items that repeat an id of the guide and of their list": (
        added(CHECKLIST + "    items:\n      - id: fact-time\n        text: 가\n      - id: check\n        text: 나\n"),
        [
            f"{FILE}:11:13: checklists[1].items[1].id: 아이디가 겹칩니다: 'fact-time' (20번째 줄 facts[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요",
            f"{FILE}:13:13: checklists[1].items[2].id: 아이디가 겹칩니다: 'check' (8번째 줄 checklists[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요",
        ],
    ),
    # The repeated ids come first: they are found before the schema is checked.
    "items that are not mappings and empty ids are passed over": (
        added(CHECKLIST + "    items:\n      - 가\n      - id: ''\n        text: 나\n      - id: ''\n        text: 다\n      - id: fact-time\n        text: 라\n  - 3\n"),
        [
            f"{FILE}:16:13: checklists[1].items[4].id: 아이디가 겹칩니다: 'fact-time' (24번째 줄 facts[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요",
            f"{FILE}:11:9: checklists[1].items[1]: 항목 목록에는 '항목: 값' 묶음을 적어야 하는데 '가'가 적혀 있습니다 — '- id: …'로 시작하는 항목을 한 개 이상 적어 주세요",
            f"{FILE}:12:13: checklists[1].items[2].id: 아이디가 비어 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: id-card",
            f"{FILE}:14:13: checklists[1].items[3].id: 아이디가 비어 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: id-card",
            f"{FILE}:18:5: checklists[2]: 체크리스트에는 '항목: 값' 묶음을 적어야 하는데 숫자(3)가 적혀 있습니다 — '- id: …, title: …, items: …' 형식으로 적어 주세요",
        ],
    ),
    "a note after a text": (
        edited("    value: 5분", "    value: 5분 # 확인 필요"),
        [
            f"{FILE}:14:15: facts[1].value: 경고: 값 뒤의 '# 확인 필요'는 주석으로 읽혀 페이지에 나오지 않습니다. 지금은 '5분'까지만 읽힙니다. — "
            f"{COMMENT_FIX}. 예: '5분 # 확인 필요'. 메모로 남긴 주석이라면 그대로 두어도 됩니다"
        ],
    ),
    "a note where the text should be": (
        edited("title: 가장 짧은 안내서", "title: # 제목은 나중에"),
        [
            f"{FILE}:3:8: title: 경고: 값 뒤의 '# 제목은 나중에'는 주석으로 읽혀 페이지에 나오지 않습니다. 지금은 값이 비어 있는 것으로 읽힙니다. — "
            f"{COMMENT_FIX}. 예: '# 제목은 나중에'. 메모로 남긴 주석이라면 그대로 두어도 됩니다",
            f"{FILE}:3:7: title: 제목이 비어 있습니다 — 안내서 제목을 한 줄로 적어 주세요",
        ],
    ),
    "a misspelt key a required one is missing for": (
        edited("    url: https://www.boho.or.kr", "    link: https://www.boho.or.kr"),
        [
            f"{FILE}:9:5: sources[1].url: 꼭 필요한 항목인 출처 주소('url')가 없습니다 — 'url: …' 줄을 넣어 주세요. https://로 시작하는 공식 기관 주소를 적어 주세요",
            f"{FILE}:10:5: sources[1].link: 알 수 없는 항목 'link'입니다 — 지우거나 쓸 수 있는 항목(title, url) 중에서 골라 주세요",
        ],
    ),
    "an id of one digit": (
        edited("id: minimal-guide", "id: '1'"),
        [f"{FILE}:2:5: id: 아이디 '1'이 너무 짧습니다 — 2자 이상으로 적어 주세요. 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: kb-financial-certificate"],
    ),
    "an id in capital letters": (
        edited("id: minimal-guide", "id: TAX-GUIDE"),
        [f"{FILE}:2:5: id: 아이디 'TAX-GUIDE'에 쓸 수 없는 글자가 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: kb-financial-certificate"],
    ),
    "an id with a capital X": (
        edited("id: minimal-guide", "id: X-ray-guide"),
        [f"{FILE}:2:5: id: 아이디 'X-ray-guide'에 쓸 수 없는 글자가 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: kb-financial-certificate"],
    ),
    "one channel written as text": (
        edited("channels: [모바일]", "channels: PC"),
        [f"{FILE}:6:11: channels: 채널에는 목록을 적어야 하는데 'PC'가 적혀 있습니다 — PC, 모바일 중 하나 이상을 목록으로 적어 주세요"],
    ),
    "a channel outside the list": (
        edited("channels: [모바일]", "channels: [모바일, 티비]"),
        [f"{FILE}:6:17: channels[2]: '티비'는 채널에 쓸 수 없는 값입니다 — PC, 모바일 중 하나 이상을 목록으로 적어 주세요"],
    ),
    "a number for a list of items with ids": (
        edited("facts:\n  - id: fact-time\n    label: 걸리는 시간\n    value: 5분\n", "facts: 5\n"),
        [f"{FILE}:11:8: facts: 핵심 정보에는 목록을 적어야 하는데 숫자(5)가 적혀 있습니다 — '- id: …, label: …, value: …' 형식으로 한 개 이상 적어 주세요"],
    ),
    "ids that are not text are not compared": (
        edited("  - id: prep-phone\n    text: 휴대폰\n", "  - id: 5\n    text: 휴대폰\n  - id: 5\n    text: 충전기\n  - id: [x]\n    text: 신분증\n"),
        [
            f"{FILE}:16:9: prerequisites[1].id: 아이디에는 글을 적어야 하는데 숫자(5)가 적혀 있습니다 — {QUOTE_FIX}",
            f"{FILE}:18:9: prerequisites[2].id: 아이디에는 글을 적어야 하는데 숫자(5)가 적혀 있습니다 — {QUOTE_FIX}",
            f"{FILE}:20:9: prerequisites[3].id: 아이디에는 글을 적어야 하는데 목록이 적혀 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: user-id",
        ],
    ),
    "a repeated id whose first use is not on its item's first line": (
        added(CHECKLIST + "    items:\n      - text: 가\n        id: same\n      - id: same\n        text: 나\n"),
        [f"{FILE}:13:13: checklists[1].items[2].id: 아이디가 겹칩니다: 'same' (12번째 줄 checklists[1].items[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요"],
    ),
    "a day the month does not have": (
        edited("reviewed: 2026-11-02", "reviewed: 2026-02-32"),
        [
            f"{FILE}:7:11: reviewed: '2026-02-32'는 달력에 없는 날짜입니다 — 날짜는 2026-11-28처럼 연-월-일로 적고, 월은 1~12, 일은 그 달에 있는 날로 적어 주세요. "
            "날짜가 아니라 글이라면 값 전체를 따옴표로 감싸 주세요. 예: '2026-02-32'"
        ],
    ),
    "a note after a setting, then one after a text": (
        edited("reviewed: 2026-11-02", "reviewed: 2026-11-02  # 공식 사이트와 대조").replace("    value: 5분", "    value: 5분 # 나중에 확인"),
        [
            f"{FILE}:14:15: facts[1].value: 경고: 값 뒤의 '# 나중에 확인'은 주석으로 읽혀 페이지에 나오지 않습니다. 지금은 '5분'까지만 읽힙니다. — "
            f"{COMMENT_FIX}. 예: '5분 # 나중에 확인'. 메모로 남긴 주석이라면 그대로 두어도 됩니다"
        ],
    ),
    "notes after settings are fine": (added(CHECKLIST + "    when: after  # 마친 뒤\n    items:\n      - id: done  # 바꾸지 않기\n        text: 끝\n"), []),
    "a note after a list of settings is fine": (edited("channels: [모바일]", "channels: [모바일]  # PC는 나중에"), []),
    "a tag YAML knows is fine": (edited("title: 가장 짧은 안내서", "title: !!str 가장 짧은 안내서"), []),
}


@pytest.mark.parametrize("case", list(SCHEMA_CASES), ids=list(SCHEMA_CASES))
def test_exact_problems(tmp_path: Path, case: str) -> None:
    text, expected = SCHEMA_CASES[case]
    assert problems(tmp_path, text) == expected


def yaml_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(text, encoding="utf-8")
    parsed, [problem] = read_yaml(path, FILE)
    assert parsed is None and problem.path == ""
    return str(problem).removeprefix(f"{FILE}:")


SYMBOL = "YAML 문법 오류: 값이 {}로 시작하면 YAML이 글이 아닌 YAML 기호로 읽습니다"
MARKDOWN = " (Markdown의 굵게와 링크도 값의 맨 앞에 오면 그렇습니다)"
QUOTE = "값 전체를 따옴표로 감싸 주세요"
INNER_QUOTE = "YAML 문법 오류: 따옴표로 시작한 값 안에 같은 따옴표가 또 있어 값이 중간에 끝났습니다 — 값 전체를 따옴표로 감싸 주세요: 값 안에 큰따옴표(\")가 있으면 바깥은 작은따옴표(')로 감쌉니다"
INDENT = "YAML 문법 오류: 들여쓰기가 맞지 않거나 ':'가 알맞지 않은 곳에 있습니다 — 들여쓰기를 확인하고, 값 안에 ': '가 있다면 값 전체를 따옴표로 감싸 주세요"
TAB = "YAML 문법 오류: 들여쓰기에 탭 문자가 있습니다 — 탭 대신 스페이스 {} 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"

# A whole file → line:column: path: message — fix, for the one problem YAML's syntax gives it.
YAML_CASES: dict[str, tuple[str, str]] = {
    "bold first": ("a: **굵게** 글\n", f"1:4: {SYMBOL.format('별표(*)')}{MARKDOWN} — {QUOTE}. 예: a: '**굵게** 글'"),
    "a link first": ("a: [링크](https://x) 뒤\n", f"1:4: {SYMBOL.format('대괄호([)')}{MARKDOWN} — {QUOTE}. 예: a: '[링크](https://x) 뒤'"),
    "a brace first": ("a: {가: 나\n", f"1:4: {SYMBOL.format('중괄호({)')} — {QUOTE}. 예: a: '{{가: 나'"),
    "an ampersand first": ("a: & 글\n", f"1:4: {SYMBOL.format(chr(39) + '&' + chr(39))} — {QUOTE}. 예: a: '& 글'"),
    "an exclamation mark first": ("a: !중요 글\n", f"1:4: {SYMBOL.format('느낌표(!)')} — {QUOTE}. 예: a: '!중요 글'"),
    "an at sign first": ("a: @이름\n", f"1:4: {SYMBOL.format(chr(39) + '@' + chr(39))} — {QUOTE}. 예: a: '@이름'"),
    "a backtick first": ("a: `파일` 열기\n", f"1:4: {SYMBOL.format(chr(39) + '`' + chr(39))} — {QUOTE}. 예: a: '`파일` 열기'"),
    "a percent sign first": ("a: %50 할인\n", f"1:4: {SYMBOL.format(chr(39) + '%' + chr(39))} — {QUOTE}. 예: a: '%50 할인'"),
    "a bar first": ("a: | 글\n", f"1:4: {SYMBOL.format(chr(39) + '|' + chr(39))} — {QUOTE}. 예: a: '| 글'"),
    "a greater-than sign first": ("a: > 글\n", f"1:4: {SYMBOL.format(chr(39) + '>' + chr(39))} — {QUOTE}. 예: a: '> 글'"),
    "in a list item, under a key": ("- a: 1\n  b: *x 글\n", f"2:6: {SYMBOL.format('별표(*)')}{MARKDOWN} — {QUOTE}. 예: b: '*x 글'"),
    "a list item of its own": ("a:\n  - 가\n  - [나](https://x) 다\n", f"3:5: {SYMBOL.format('대괄호([)')}{MARKDOWN} — {QUOTE}. 예: - '[나](https://x) 다'"),
    "a symbol on the line above the error": ("a: 1\nb: !x 글\nc: d: e\n", f"2:4: {SYMBOL.format('느낌표(!)')} — {QUOTE}. 예: b: '!x 글'"),
    "a symbol on the first line, the error on the second": ("a: !x 글\nb: c: d\n", f"1:4: {SYMBOL.format('느낌표(!)')} — {QUOTE}. 예: a: '!x 글'"),
    "on the last line, without a line break": ("a: `파일` 열기", f"1:4: {SYMBOL.format(chr(39) + '`' + chr(39))} — {QUOTE}. 예: a: '`파일` 열기'"),
    "a block of text is not a symbol": ("a: |-\n  글\n b: 1\n", "3:2: YAML 문법 오류: 들여쓰기가 맞지 않습니다 — 같은 수준의 항목은 같은 칸에서 시작하도록 스페이스 수를 맞춰 주세요"),
    "a folded block with its options is not a symbol": ("a: >+2\n  글\n b: 1\n", "3:2: YAML 문법 오류: 들여쓰기가 맞지 않습니다 — 같은 수준의 항목은 같은 칸에서 시작하도록 스페이스 수를 맞춰 주세요"),
    "double quotes inside double quotes": ('a: "보낸 "꼭" 캡처"\n', f"1:4: {INNER_QUOTE}. 예: a: '보낸 \"꼭\" 캡처'"),
    "a quotation first": ('a: "보낸 번호" 캡처\n', f"1:4: {INNER_QUOTE}. 예: a: '\"보낸 번호\" 캡처'"),
    "a quotation first, in single quotes": ("- '네' 하고 답합니다\n", f"1:3: {INNER_QUOTE}. 예: - '''네'' 하고 답합니다'"),
    "an escaped quote is not the end": ('a: "가\\"나" # 메모\nb: c: d\n', f"2:5: {INDENT}"),
    "single quotes inside single quotes": ("a: '그는 '네' 했다'\n", f"1:4: {INNER_QUOTE}. 예: a: '그는 ''네'' 했다'"),
    "a backslash inside single quotes is a backslash": ("a: 'C:\\' 폴더에 저장\n", f"1:4: {INNER_QUOTE}. 예: a: '''C:\\'' 폴더에 저장'"),
    "a doubled single quote just before the end": ("a: '가''' 나\n", f"1:4: {INNER_QUOTE}. 예: a: '''가'''''' 나'"),
    "an escaped quote just before the end": ('a: "\\"예\\"" 누르기\n', f"1:4: {INNER_QUOTE}. 예: a: '\"\\\"예\\\"\" 누르기'"),
    "a word right after the closing quote": ('a: "네"요\n', f"1:4: {INNER_QUOTE}. 예: a: '\"네\"요'"),
    "a closed quote on the line above is fine": ('a: "글"\nb: c: d\n', f"2:5: {INDENT}"),
    "a comment right after the closing quote is fine": ('a: "글"#메모\nb: c: d\n', f"2:5: {INDENT}"),
    "empty quotes first": ('a: "" 뒤에 글\n', f"1:4: {INNER_QUOTE}. 예: a: '\"\" 뒤에 글'"),
    "a value that starts with an X": ("a: X 표시를 누르면 X: 닫힘\n", f"1:15: {INDENT}"),
    "a doubled single quote is not the end": ("a: '가''나' # 메모\nb: c: d\n", f"2:5: {INDENT}"),
    "a note after quotes is not a second value": ('a: "가" # 메모\nb: c: d\n', f"2:5: {INDENT}"),
    "a comment line is not a value": ("# a: *x\nb: c: d\n", f"2:5: {INDENT}"),
    "a colon inside a value": ("a: 시간: 5분\n", f"1:6: {INDENT}"),
    "an unclosed quote": ('a: "글\nb: 1\n', "1:4: YAML 문법 오류: 이 자리에서 연 따옴표가 파일 끝까지 닫히지 않았습니다 — 값 끝에 여는 따옴표와 같은 따옴표를 넣어 닫아 주세요"),
    "a key without its colon": (
        "a: 1\nb\nc: 2\n",
        "2:1: YAML 문법 오류: '항목: 값'에서 ':'를 찾지 못했습니다 — 항목 이름 뒤에 ':'와 공백을 넣거나, 윗줄의 따옴표가 닫혔는지 확인해 주세요",
    ),
    "a control character pasted with a text": (
        "a: 1\nb: 가\x0b나\n",
        "2:5: YAML 문법 오류: 이 자리에 눈에 보이지 않는 제어 문자가 있어 파일을 읽지 못했습니다 — 이 자리의 보이지 않는 글자를 지워 주세요. 다른 프로그램에서 복사해 붙여 넣은 글에 섞여 들어오곤 합니다",
    ),
    "six spaces": ("a:\n  b:\n    c:\n      d: 1\n\te: 2\n", f"5:1: {TAB.format('여섯')}"),
    "eight spaces": ("a:\n  b:\n    c:\n      d:\n\te: 2\n", f"5:1: {TAB.format('여덟')}"),
    "ten spaces": ("a:\n  b:\n    c:\n      d:\n        e:\n\tf: 3\n", f"6:1: {TAB.format('열')}"),
    "keys with digits, hyphens and underscores": ("a:\n  b-2_c:\n\td: 1\n", f"3:1: {TAB.format('네')}"),
    "under a list item": ("a:\n  - b: 1\n    c:\n\td: 2\n", f"4:1: {TAB.format('여섯')}"),
}


@pytest.mark.parametrize("case", list(YAML_CASES), ids=list(YAML_CASES))
def test_exact_yaml_syntax_problem(tmp_path: Path, case: str) -> None:
    text, expected = YAML_CASES[case]
    assert yaml_error(tmp_path, text) == expected


def test_each_yaml_problem_text_has_its_korean_message() -> None:
    assert yaml_message("while scanning a quoted scalar found unexpected end of stream") == (
        "YAML 문법 오류: 이 자리에서 연 따옴표가 파일 끝까지 닫히지 않았습니다",
        "값 끝에 여는 따옴표와 같은 따옴표를 넣어 닫아 주세요",
    )
    assert yaml_message("mapping values are not allowed here") == (
        "YAML 문법 오류: 들여쓰기가 맞지 않거나 ':'가 알맞지 않은 곳에 있습니다",
        "들여쓰기를 확인하고, 값 안에 ': '가 있다면 값 전체를 따옴표로 감싸 주세요",
    )
    assert yaml_message("expected <block end>, but found '<block mapping start>'") == (
        "YAML 문법 오류: 들여쓰기가 맞지 않습니다",
        "같은 수준의 항목은 같은 칸에서 시작하도록 스페이스 수를 맞춰 주세요",
    )
    assert yaml_message("could not find expected ':'") == (
        "YAML 문법 오류: '항목: 값'에서 ':'를 찾지 못했습니다",
        "항목 이름 뒤에 ':'와 공백을 넣거나, 윗줄의 따옴표가 닫혔는지 확인해 주세요",
    )
    assert yaml_message("found character that cannot start any token") == (
        "YAML 문법 오류: 파일을 읽다가 이 자리에서 멈췄습니다",
        "이 줄과 바로 윗줄의 들여쓰기, 따옴표, ':'를 확인해 주세요",
    )


def test_a_note_after_a_text_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(edited("    value: 5분", "    value: 5분 # 확인 필요"), encoding="utf-8")
    read = read_guide(path, FILE)
    assert read.file is not None, "a warning does not stop the guide"
    assert [problem.as_dict()["severity"] for problem in read.problems] == ["warning"]


def test_a_file_that_is_not_a_mapping_or_is_empty(tmp_path: Path) -> None:
    fix = "./dev new <아이디>로 만든 예시 파일을 보고 같은 모양으로 적어 주세요"
    assert problems(tmp_path, "") == [f"{FILE}:1:1: 파일이 비어 있습니다 — {fix}"]
    assert problems(tmp_path, "제목만 적었습니다\n") == [f"{FILE}:1:1: 파일 전체가 'id: …', 'title: …' 같은 항목들의 묶음이어야 합니다 — {fix}"]
    [problem] = read_guide(tmp_path / "minimal-guide.yml", FILE).problems
    assert problem.as_dict()["path"] == "", "the whole file, not a field (a PR bot reads the JSON)"


def test_a_file_not_in_utf8_is_one_problem_at_its_first_foreign_byte(tmp_path: Path) -> None:
    path = tmp_path / "minimal-guide.yml"
    path.write_bytes("id: minimal-guide\ntitle: 한글\n".encode("cp949"))
    parsed, [problem] = read_yaml(path, FILE)
    assert parsed is None and problem.as_dict()["path"] == ""
    assert str(problem) == (
        f"{FILE}:2:8: 파일이 UTF-8이 아닙니다 (CP949/EUC-KR로 저장된 것 같습니다) — 편집기에서 '다른 이름으로 저장'을 눌러 인코딩을 UTF-8로 골라 저장해 주세요"
    )


def test_a_valid_guide_comes_with_its_positions(tmp_path: Path) -> None:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(edited("title: 가장 짧은 안내서", "title:   가장 짧은 안내서"), encoding="utf-8")
    read = read_guide(path, FILE)
    assert read.problems == [] and read.file is not None
    assert (read.file.path, read.file.display, read.file.guide.title) == (path.resolve(), FILE, "가장 짧은 안내서")
    assert read.data is not None and read.data["steps"][0]["id"] == "step-only" and read.source is read.file.source
    value = read.file.problem(("title",), "메시지", "고칠 점")
    key = read.file.problem(("title",), "메시지", "고칠 점", "warning", key=True)
    assert (str(value), value.severity) == (f"{FILE}:3:10: title: 메시지 — 고칠 점", "error")
    assert (str(key), key.severity) == (f"{FILE}:3:1: title: 경고: 메시지 — 고칠 점", "warning")


def test_a_guide_that_fails_keeps_what_was_read(tmp_path: Path) -> None:
    """The policy checks still look at a guide that failed the schema (its links, its markup)."""
    for text in (edited("title: 가장 짧은 안내서", "title: 123"), edited("  - id: step-only", "  - id: fact-time")):
        path = tmp_path / "minimal-guide.yml"
        path.write_text(text, encoding="utf-8")
        read = read_guide(path, FILE)
        assert read.file is None and len(read.problems) == 1
        assert read.data is not None and read.data["summary"] == "꼭 필요한 항목만 적은 안내서입니다."
        assert read.source is not None and read.source.value(("summary",)) == Mark(4, 10)


def test_a_guides_digest_follows_the_explanations_of_its_terms(tmp_path: Path) -> None:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(example("minimal-guide"), encoding="utf-8")
    file = read_guide(path, FILE).file
    assert file is not None
    one = dataclasses.replace(file, terms=(("OTP", "일회용 비밀번호"),)).content_digest()
    other = dataclasses.replace(file, terms=(("OTP", "한 번 쓰는 비밀번호"),)).content_digest()
    assert len({file.content_digest(), one, other}) == 3


def test_single_quoted_doubles_the_quotes_inside() -> None:
    assert single_quoted("it's \"fine\"") == "'it''s \"fine\"'"
    assert single_quoted("") == "''"


def test_file_names_are_shown_from_the_project_root(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    assert display_path(root / "content" / ".." / "content" / "a.yml", root) == "content/a.yml"
    assert display_path(tmp_path / "elsewhere.yml", root) == (tmp_path / "elsewhere.yml").as_posix()


def test_guide_files_are_every_yml_file_below_guides_in_order(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for name in ("guides/b.yml", "guides/a.yml", "guides/sub/c.yml", "guides/d.yaml", "other/e.yml", "f.yml"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("", encoding="utf-8")
    (content / "guides" / "folder.yml").mkdir()
    assert [path.relative_to(content).as_posix() for path in guide_paths(content)] == ["guides/a.yml", "guides/b.yml", "guides/sub/c.yml"]
