"""Exact messages for the reading mistakes no other table covers, on the minimal example guide.

Each row edits tests/examples/minimal-guide.yml the way an editor might and lists every line
`check` prints for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.loader import read_guide
from tests.support import compile_content, edited_example, example_guides, settings_for, write_content

GUIDE = "minimal-guide"
FILE = "content/guides/minimal-guide.yml"
QUOTE_FIX = "글로 적어 주세요. 숫자나 true 같은 값을 글로 쓰려면 따옴표로 감싸 주세요"


def problems(tmp_path: Path, text: str) -> list[str]:
    content = write_content(tmp_path / "content", {"guides/minimal-guide.yml": text})
    return [str(problem) for problem in compile_content(content, settings_for(content))[1]]


def edited(old: str, new: str) -> str:
    return edited_example(old, new, GUIDE)


CASES = {
    "two facts with one id": (
        edited("    value: 5분\n", "    value: 5분\n  - id: fact-time\n    label: 비용\n    value: 무료\n"),
        [f"{FILE}:15:9: facts[2].id: 아이디가 겹칩니다: 'fact-time' (12번째 줄 facts[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요"],
    ),
    "a fact id a step uses": (
        edited("  - id: step-only", "  - id: fact-time"),
        [f"{FILE}:19:9: steps[1].id: 아이디가 겹칩니다: 'fact-time' (12번째 줄 facts[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요"],
    ),
    "an id of 65 characters": (
        edited("  - id: step-only", "  - id: " + "a" * 65),
        [f"{FILE}:19:9: steps[1].id: 아이디가 너무 깁니다 — 64자 이내로 줄여 주세요"],
    ),
    "an id of 64 characters is fine": (edited("  - id: step-only", "  - id: " + "a" * 64), []),
    "yes in Korean for true": (
        edited("    body: 앱을 열고 안내를 따릅니다.", "    body: 앱을 열고 안내를 따릅니다.\n    optional: 네"),
        [f"{FILE}:22:15: steps[1].optional: 선택 단계에는 true 또는 false만 적을 수 있는데 '네'가 적혀 있습니다 — true 또는 false로 적어 주세요"],
    ),
    "a list for a title": (
        edited("    title: 하나뿐인 단계입니다", "    title: [하나, 둘]"),
        [f"{FILE}:20:12: steps[1].title: 제목에는 글을 적어야 하는데 목록이 적혀 있습니다 — 단계 제목을 한 줄로 적어 주세요"],
    ),
    "a mapping for a title": (
        edited("    title: 하나뿐인 단계입니다", "    title: {가: 나}"),
        [f"{FILE}:20:12: steps[1].title: 제목에는 글을 적어야 하는데 '항목: 값' 묶음이 적혀 있습니다 — 단계 제목을 한 줄로 적어 주세요"],
    ),
    "true for a title": (
        edited("    title: 하나뿐인 단계입니다", "    title: true"),
        [f"{FILE}:20:12: steps[1].title: 제목에는 글을 적어야 하는데 참/거짓 값(true)이 적혀 있습니다 — {QUOTE_FIX}"],
    ),
    "a number for a title": (
        edited("    title: 하나뿐인 단계입니다", "    title: 123"),
        [f"{FILE}:20:12: steps[1].title: 제목에는 글을 적어야 하는데 숫자(123)가 적혀 있습니다 — {QUOTE_FIX}"],
    ),
    "text for a list": (
        edited("channels: [모바일]", "channels: 모바일"),
        [f"{FILE}:6:11: channels: 채널에는 목록을 적어야 하는데 '모바일'이 적혀 있습니다 — PC, 모바일 중 하나 이상을 목록으로 적어 주세요"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_exact_message(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    assert problems(tmp_path, text) == expected


def test_a_file_with_a_repeated_key_is_not_a_guide(tmp_path: Path) -> None:
    """Even when every value would pass: which of the two values was meant is the editor's call."""
    path = tmp_path / "minimal-guide.yml"
    path.write_text(edited("summary:", "title: 가장 짧은 안내서\nsummary:"), encoding="utf-8")
    read = read_guide(path, "content/guides/minimal-guide.yml")
    assert read.file is None
    assert [str(problem) for problem in read.problems] == [
        f"{FILE}:4:1: title: 'title' 항목이 두 번 적혀 있습니다 (처음은 3번째 줄) — 둘 중 하나만 남겨 주세요"
    ]
    assert read.data is not None and read.data["title"] == "가장 짧은 안내서"


TAB = "YAML 문법 오류: 들여쓰기에 탭 문자가 있습니다 — "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (edited("  - id: step-only", "\t- id: step-only"), f"{FILE}:19:1: {TAB}탭 대신 스페이스 두 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"),  # under steps:
        ("a:\n   b: 1\n\tc: 2\n", f"{FILE}:3:1: {TAB}탭 대신 스페이스 3 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"),  # beside b, however deep
        ("a:\n  b: |-\n    글\n\tc: 2\n", f"{FILE}:4:1: {TAB}탭 대신 스페이스 두 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"),  # past a block of text
        ("a:   \n\tb: 1\n", f"{FILE}:2:1: {TAB}탭 대신 스페이스 두 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"),  # spaces after the colon
        ("\ta: 1\n", f"{FILE}:1:1: {TAB}탭을 지우고 줄 맨 앞에서 시작해 주세요 (맨 위 수준의 항목입니다)"),
    ],
    ids=["under a parent", "beside an odd sibling", "past a block of text", "after a colon and spaces", "on the first line"],
)
def test_a_tab_gets_the_spaces_its_line_needs(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "minimal-guide.yml"
    path.write_text(text, encoding="utf-8")
    [problem] = read_guide(path, FILE).problems
    assert str(problem) == expected and problem.path == ""


def test_a_guides_digest_follows_its_data_and_its_terms() -> None:
    """The build's caches are keyed by it: same data, same digest; any change, another one."""
    import dataclasses
    import hashlib

    loaded = next(loaded for loaded in example_guides() if loaded.guide.id == GUIDE)
    plain = dataclasses.replace(loaded, digest="", terms=())
    assert plain.content_digest() == hashlib.sha256(loaded.guide.model_dump_json().encode("utf-8")).hexdigest()
    renamed = dataclasses.replace(plain, guide=loaded.guide.model_copy(update={"title": "다른 제목"}))
    with_term = dataclasses.replace(plain, terms=(("OTP", "일회용 비밀번호"),))
    assert len({plain.content_digest(), renamed.content_digest(), with_term.content_digest()}) == 3
    assert dataclasses.replace(plain, digest="cached").content_digest() == "cached"
