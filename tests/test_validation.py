"""Each mistake an editor can make gets one exact Korean message with file, line, column and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CONTENT, build_site, compile_content, copy_project, edited_example, example, settings_for, site_settings, write_content


def problems_for(tmp_path: Path, text: str | bytes, name: str = "sample-guide.yml") -> list[str]:
    """Every problem reported for one guide file placed in a fresh content folder (beside the files
    placed there before), without the checks that need a real content folder."""
    content = write_content(tmp_path / "content", {f"guides/{name}": text})
    return [str(p) for p in compile_content(content, settings_for(content, folder_checks=False))[1]]


def test_the_example_itself_is_valid(tmp_path: Path) -> None:
    assert problems_for(tmp_path, example()) == []


CASES = {
    "empty title": (
        edited_example("    title: 두 번째 단계입니다", '    title: ""'),
        ["content/guides/sample-guide.yml:23:12: steps[2].title: 제목이 비어 있습니다 — 단계 제목을 한 줄로 적어 주세요"],
    ),
    "missing required field": (
        edited_example("institution: 예시은행\n", ""),
        ["content/guides/sample-guide.yml:2:1: institution: 꼭 필요한 항목인 기관('institution')이 없습니다 — 'institution: …' 줄을 넣어 주세요. 기관 이름을 적어 주세요. 예: KB국민은행"],
    ),
    "wrong type": (
        edited_example("    title: 첫 단계입니다", "    title: 123"),
        ["content/guides/sample-guide.yml:20:12: steps[1].title: 제목에는 글을 적어야 하는데 숫자(123)가 적혀 있습니다 — 글로 적어 주세요. 숫자나 true 같은 값을 글로 쓰려면 따옴표로 감싸 주세요"],
    ),
    "unknown key close to a known one": (
        edited_example("summary:", "sumary:"),
        ["content/guides/sample-guide.yml:4:1: sumary: 알 수 없는 항목 'sumary'입니다 — 혹시 'summary'를 말씀하신 건가요?"],
    ),
    "unknown key far from any": (
        edited_example("institution: 예시은행", "institution: 예시은행\ncolour: red"),
        [
            "content/guides/sample-guide.yml:6:1: colour: 알 수 없는 항목 'colour'입니다 — 지우거나 쓸 수 있는 항목(id, title, summary, institution, task, channels, reviewed, sources, aliases, related_terms, intro, facts, menu_paths, prerequisites, steps, failures, tips, strategies, checklists, warnings, closing) 중에서 골라 주세요"
        ],
    ),
    "duplicate id": (
        edited_example("id: step-two", "id: step-one"),
        ["content/guides/sample-guide.yml:22:9: steps[2].id: 아이디가 겹칩니다: 'step-one' (19번째 줄 steps[1]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요"],
    ),
    "duplicate id across sections": (
        edited_example("      - id: check-id", "      - id: step-two"),
        ["content/guides/sample-guide.yml:29:13: checklists[1].items[1].id: 아이디가 겹칩니다: 'step-two' (22번째 줄 steps[2]에서 이미 씀) — 안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요"],
    ),
    "empty required list": (
        edited_example("prerequisites:\n  - id: prep-id\n    text: 신분증", "prerequisites: []"),
        ["content/guides/sample-guide.yml:15:16: prerequisites: 준비물 목록이 비어 있습니다 — '- id: …, text: …' 형식으로 한 개 이상 적어 주세요"],
    ),
    "value outside a fixed list": (
        edited_example("channels: [PC]", "channels: [태블릿]"),
        ["content/guides/sample-guide.yml:6:12: channels[1]: '태블릿'은 채널에 쓸 수 없는 값입니다 — PC, 모바일 중 하나 이상을 목록으로 적어 주세요"],
    ),
    "not a date": (
        edited_example("reviewed: 2026-11-01", "reviewed: 어제"),
        ["content/guides/sample-guide.yml:7:11: reviewed: 최종 확인일이 날짜가 아닙니다: '어제' — 날짜를 2026-11-28처럼 적어 주세요"],
    ),
    "bad id characters": (
        edited_example("id: step-one", "id: Step One"),
        ["content/guides/sample-guide.yml:19:9: steps[1].id: 아이디 'Step One'에 쓸 수 없는 글자가 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: open-cert-center"],
    ),
    "key written twice": (
        edited_example("summary:", "title: 또 제목\nsummary:"),
        ["content/guides/sample-guide.yml:4:1: title: 'title' 항목이 두 번 적혀 있습니다 (처음은 3번째 줄) — 둘 중 하나만 남겨 주세요"],
    ),
    "yaml: unclosed quote": (
        edited_example("title: 예시 안내서", 'title: "예시 안내서'),
        ["content/guides/sample-guide.yml:3:8: YAML 문법 오류: 이 자리에서 연 따옴표가 파일 끝까지 닫히지 않았습니다 — 값 끝에 여는 따옴표와 같은 따옴표를 넣어 닫아 주세요"],
    ),
    "yaml: tab": (
        edited_example("  - id: step-two", "\t- id: step-two"),
        ["content/guides/sample-guide.yml:22:1: YAML 문법 오류: 들여쓰기에 탭 문자가 있습니다 — 탭 대신 스페이스 네 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"],
    ),
    "yaml: bad indentation": (
        edited_example("    body: 두 번째", "      body: 두 번째"),
        ["content/guides/sample-guide.yml:24:11: YAML 문법 오류: 들여쓰기가 맞지 않거나 ':'가 알맞지 않은 곳에 있습니다 — 들여쓰기를 확인하고, 값 안에 ': '가 있다면 값 전체를 따옴표로 감싸 주세요"],
    ),
    "alias naming a different certificate": (
        edited_example("title: 예시 안내서\n", "title: 예시 금융인증서 안내서\naliases: [금융인증서 갱신, 공인 인증서]\n"),
        ["content/guides/sample-guide.yml:4:21: aliases[2]: 검색 별칭 '공인 인증서'는 금융인증서와 다른 것입니다. 검색 별칭은 독자에게 이 안내서가 다루는 것의 다른 이름으로 보입니다 — '공인 인증서'를 aliases에서 지우고 related_terms(함께 찾는 말)에 적어 주세요"],
    ),
    "not a mapping": (
        "- 단계 하나\n- 단계 둘\n",
        ["content/guides/sample-guide.yml:1:1: 파일 전체가 'id: …', 'title: …' 같은 항목들의 묶음이어야 합니다 — ./dev new <아이디>로 만든 예시 파일을 보고 같은 모양으로 적어 주세요"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_exact_message(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    assert problems_for(tmp_path, text) == expected


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    problems_for(tmp_path, edited_example("    title: 첫 단계입니다", '    title: ""'), "a.yml")
    found = problems_for(tmp_path, edited_example("summary:", "sumary:").replace("id: step-two", "id: step-one"), "b.yml")
    assert [line.split(": ", 1)[0] for line in found] == [
        "content/guides/a.yml:20:12",
        "content/guides/b.yml:4:1",
        "content/guides/b.yml:22:9",
    ]


def test_no_python_words_reach_the_editor(tmp_path: Path) -> None:
    found = problems_for(tmp_path, edited_example("channels: [PC]", "channels: {a: 1}"))
    text = "\n".join(found)
    assert found
    for word in ("Traceback", "pydantic", "Input should", "<class", "dict", "str_type"):
        assert word not in text


def test_strict_build_fails_with_the_messages_and_names_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    guide = project / "content" / "guides" / "kb-financial-certificate.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("title: 인증센터에 들어갑니다", 'title: ""', 1), encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/guides/kb-financial-certificate.yml:" in output
    assert "steps[1].title: 제목이 비어 있습니다 — 단계 제목을 한 줄로 적어 주세요" in output
    assert "문제 1개: 오류 1, 경고 0" in output
    assert "Traceback" not in output


def test_real_content_has_no_problem() -> None:
    compiled, problems = compile_content(CONTENT, site_settings())
    assert compiled and problems == []
