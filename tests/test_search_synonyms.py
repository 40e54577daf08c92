"""content/synonyms.yml: read and checked like a guide, and carried into the search manifest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.search.index import build_index
from generator.search.sections import Page, Section
from generator.search.synonyms import FILE, Synonyms, read_synonyms, searched_form
from tests.support import ROOT


def write(folder: Path, text: str) -> Path:
    (folder / FILE).write_text(text, encoding="utf-8")
    return folder


def problems_of(tmp_path: Path, text: str) -> list[str]:
    synonyms, problems = read_synonyms(write(tmp_path, text), tmp_path.parent)
    assert problems or synonyms.same or synonyms.one_way
    return [str(problem) for problem in problems]


def test_the_sites_own_file_is_valid_and_links_the_words_readers_use() -> None:
    synonyms, problems = read_synonyms(ROOT / "content", ROOT)
    assert problems == []
    expansions = synonyms.expansions()
    assert ["연장", "연장으로도", "연장"] in expansions["갱신"]
    assert ["갱신", "갱신으로도", "갱신"] in expansions["연장"]
    assert ["비밀번호", "비밀번호로도", "비밀번호"] in expansions["비번"]
    assert ["재발급", "재발급으로도", "재발급"] in expansions["다시발급"]  # keys are compact: the query's spacing never matters
    assert ["공동인증서", "공동인증서로도", "공동인증서"] in expansions["공인인증서"]
    assert ["잊다", "잊다로도", "잊"] in expansions["까먹"]  # 비밀번호를 까먹었어요 finds "잊은 비밀번호"
    assert "공동인증서" not in expansions  # one way: the new name does not find the old one


def test_a_word_that_contains_the_query_word_adds_nothing_and_is_not_listed(tmp_path: Path) -> None:
    synonyms, _ = read_synonyms(write(tmp_path, "same:\n  - [폰, 휴대폰, 휴대전화]\n"), tmp_path)
    expansions = synonyms.expansions()
    assert [word for word, *_ in expansions["폰"]] == ["휴대전화"]  # 폰 already finds every 휴대폰
    assert [word for word, *_ in expansions["휴대폰"]] == ["폰", "휴대전화"]  # 폰 finds more than 휴대폰


@pytest.mark.parametrize(("word", "shown"), [("연장", "연장으로도"), ("비밀번호", "비밀번호로도"), ("메일", "메일로도"), ("OTP", "OTP로도"), ("앱", "앱으로도")])
def test_each_word_gets_its_own_particle(tmp_path: Path, word: str, shown: str) -> None:
    synonyms, _ = read_synonyms(write(tmp_path, f"same:\n  - [낱말, {word}]\n"), tmp_path)
    assert synonyms.expansions()["낱말"] == [[word, shown, word.lower()]]


@pytest.mark.parametrize(
    ("word", "searched"),
    [("잊다", "잊"), ("까먹다", "까먹"), ("물어보다", "물어보"), ("문의하다", "문의"), ("변경되다", "변경"), ("잊어버리다", "잊어버리"),
     ("갱신", "갱신"), ("다시 발급", "다시발급"), ("OTP", "otp"), ("하다", "하")],
)
def test_a_verb_is_searched_by_its_root_and_any_other_word_as_it_is(word: str, searched: str) -> None:
    assert searched_form(word) == searched


def test_verbs_in_the_file_find_each_other_by_their_roots(tmp_path: Path) -> None:
    synonyms, problems = read_synonyms(write(tmp_path, "same:\n  - [문의하다, 물어보다]\n"), tmp_path)
    assert problems == []
    assert synonyms.expansions() == {"문의": [["물어보다", "물어보다로도", "물어보"]], "물어보": [["문의하다", "문의하다로도", "문의"]]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("same:\n  - [갱신, 연장]\n  - [갱신, 재발급]\n", "synonyms.yml:3:6: same[2][1]: '갱신'이(가) 다른 묶음에도 있습니다 (2번째 줄) — 두 묶음을 하나로 합쳐 주세요"),
        ("same:\n  - [갱신]\n", "synonyms.yml:2:5: same[1]: 말이 2개 이상 있어야 합니다"),
        ("same:\n  - 갱신\n", "synonyms.yml:2:5: same[1]: 말 목록이 아닙니다"),
        ("same:\n  - [갱신, '']\n", "synonyms.yml:2:10: same[1][2]: 빈 말이거나 글자가 아닙니다"),
        ("sames:\n  - [갱신, 연장]\n", "synonyms.yml:1:1: sames: 'sames'은(는) 알 수 없는 항목입니다 — 'same:' 또는 'one_way:'로 고쳐 주세요"),
        ("one_way:\n  공인인증서: 공동인증서\n", "synonyms.yml:2:10: one_way.공인인증서: 말 목록이 아닙니다"),
        ("one_way:\n  공인인증서: [공인 인증서]\n", "one_way.공인인증서: '공인인증서'이(가) 자기 자신을 찾습니다"),
        ("same: [갱신, 연장\n", "synonyms.yml:2:1: "),
        ("same:\n  - [하다, 되다]\n", "synonyms.yml:2:6: same[1][1]: '하다'만으로는 찾을 말이 남지 않습니다 — '문의하다'처럼 앞말과 붙여 적어 주세요"),
        ("same:\n  - [잊다, 잊]\n", "same[1][2]: '잊'이(가) 같은 목록에 두 번 있습니다"),  # the same root twice
    ],
)
def test_mistakes_name_the_line_and_the_fix(tmp_path: Path, text: str, expected: str) -> None:
    messages = problems_of(tmp_path, text)
    assert any(expected in message for message in messages), messages


def test_check_reports_the_synonyms_with_the_guides(project: Path) -> None:
    (project / "content" / FILE).write_text("same:\n  - [갱신]\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    assert result.returncode == 1
    assert "content/synonyms.yml:2:5: same[1]: 말이 2개 이상 있어야 합니다" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_manifest_carries_the_synonyms_and_the_site_words(tmp_path: Path) -> None:
    synonyms, _ = read_synonyms(write(tmp_path, "same:\n  - [갱신, 연장]\n"), tmp_path)
    page = Page("guides/x/", (Section("", "금융인증서 연장", "금융인증서는 3년마다 연장합니다."), Section("a", "준비물", "금융인증서 비밀번호")))
    index = build_index([page], synonyms)
    assert index.manifest["synonyms"] == {"갱신": [["연장", "연장으로도", "연장"]], "연장": [["갱신", "갱신으로도", "갱신"]]}
    words = {word for path, data in index.files.items() if "/w/" in path for listed in json.loads(data).values() for word in listed}
    assert {"금융인증서", "준비물", "갱신", "연장"} <= words
    assert "금융인증서는" not in words  # a particle comes off
    assert index.manifest["version"] != build_index([page], Synonyms()).manifest["version"]
