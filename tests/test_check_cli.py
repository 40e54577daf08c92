"""`python -m generator check | new` as an editor (and a PR bot) runs them."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.cli import main
from generator.content.model import Guide
from generator.content.new_guide import placeholder_texts
from generator.content.policy import today_in_korea
from tests.support import ROOT, build_site

GUIDE = "content/guides/kb-financial-certificate.yml"


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command exactly as the README and CI call it, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )


def edit(project: Path, old: str, new: str, path: str = GUIDE) -> None:
    target = project / path
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} no longer contains {old!r} exactly once"
    target.write_text(text.replace(old, new), encoding="utf-8")


def test_real_content_prints_nothing_but_the_summary() -> None:
    result = run(ROOT, "check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "문제 없음: 모든 안내서가 올바릅니다.\n", "")


def test_every_problem_then_the_summary_and_exit_1(project: Path) -> None:
    edit(project, "title: 인증센터에 들어갑니다", 'title: ""')
    edit(project, "    url: https://www.fss.or.kr\n", "    url: https://www.fss-kr.com\n")
    edit(project, "\nreviewed: ", "\nreviewed: 2020-01-01\n# was: ")
    result = run(project, "check")
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(lines) == 4
    assert re.fullmatch(r"content/guides/kb-financial-certificate\.yml:\d+:11: reviewed: 경고: 최종 확인일 2020-01-01부터 12개월이 넘게 지났습니다 .*", lines[0])
    assert re.fullmatch(r"content/guides/kb-financial-certificate\.yml:\d+:10: sources\[4\]\.url: 링크 'https://www\.fss-kr\.com'의 도메인 'www\.fss-kr\.com'은 허용 목록에 없습니다 — .*", lines[1])
    assert re.fullmatch(r"content/guides/kb-financial-certificate\.yml:\d+:\d+: steps\[1\]\.title: 제목이 비어 있습니다 — 단계 제목을 한 줄로 적어 주세요", lines[2])
    assert lines[3] == "문제 3개: 오류 2, 경고 1"
    assert result.stderr == ""


def test_warnings_alone_exit_0(project: Path) -> None:
    edit(project, "\nreviewed: ", "\nreviewed: 2020-01-01\n# was: ")
    result = run(project, "check")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "문제 1개: 오류 0, 경고 1"


def test_json_for_a_pr_bot(project: Path) -> None:
    edit(project, "title: 인증센터에 들어갑니다", "title: <b>인증센터</b>")
    result = run(project, "check", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"] == "문제 1개: 오류 1, 경고 0"
    assert (report["errors"], report["warnings"]) == (1, 0)
    [problem] = report["problems"]
    assert problem["file"] == GUIDE and problem["path"] == "steps[1].title" and problem["severity"] == "error"
    assert problem["message"] == "HTML 태그 '<b>'는 쓸 수 없습니다"
    assert isinstance(problem["line"], int) and isinstance(problem["column"], int)
    assert problem["text"] == f"{GUIDE}:{problem['line']}:{problem['column']}: steps[1].title: {problem['message']} — {problem['fix']}"


def test_json_on_clean_content(project: Path) -> None:
    result = run(project, "check", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"summary": "문제 없음: 모든 안내서가 올바릅니다.", "errors": 0, "warnings": 0, "problems": []}


def test_a_file_that_is_not_yaml_at_all_is_one_problem_not_a_traceback(project: Path) -> None:
    (project / "content" / "guides" / "broken.yml").write_bytes("id: 깨진\ntitle: '닫히지 않음\n".encode("cp949"))
    result = run(project, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/guides/broken.yml:1:5: 파일이 UTF-8이 아닙니다 (CP949/EUC-KR로 저장된 것 같습니다) — 편집기에서 '다른 이름으로 저장'을 눌러 인코딩을 UTF-8로 골라 저장해 주세요",
        "문제 1개: 오류 1, 경고 0",
    ]
    assert "Traceback" not in result.stderr


def test_usage_mistakes_exit_2_in_korean(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.returncode == 2
    assert result.stderr == "설정 파일 mkdocs.yml을 찾지 못했습니다 — 저장소 맨 위 폴더에서 실행하거나 -f로 mkdocs.yml 위치를 알려 주세요\n"
    result = run(tmp_path, "chek")
    assert result.returncode == 2 and "'./dev'로 쓸 수 있는 명령을 확인해 주세요" in result.stderr


# new ------------------------------------------------------------------------------------------


def fill_in(path: Path) -> None:
    """What an editor does to a new guide: write real text over every example text."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    data = yaml.safe_load("".join(lines))
    examples = placeholder_texts()

    def filled(value: object) -> object:
        if isinstance(value, str):
            return "실제 내용입니다." if value in examples else value
        if isinstance(value, dict):
            return {key: filled(item) for key, item in value.items()}
        if isinstance(value, list):
            return [filled(item) for item in value]
        return value

    path.write_text(lines[0] + yaml.safe_dump(filled(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_new_writes_a_guide_with_every_section_that_check_refuses_until_filled_in(project: Path) -> None:
    result = run(project, "new", "kb-otp-reissue")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "content/guides/kb-otp-reissue.yml 파일을 만들었습니다. 예시 글을 실제 내용으로 바꿔 쓰고, 쓰지 않는 부분은 지운 뒤 "
        "'./dev check'로 확인해 주세요. 바꾸지 않은 예시 글은 검사에서 오류로 나옵니다.\n"
    )
    path = project / "content" / "guides" / "kb-otp-reissue.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../guide.schema.json"
    data = yaml.safe_load(text)
    assert list(data) == list(Guide.model_fields), "every section of the format, in the format's order"
    guide = Guide.model_validate(data)
    assert guide.id == "kb-otp-reissue"
    assert guide.reviewed == today_in_korea()
    step_keys = set().union(*(s.keys() for s in data["steps"]))
    assert step_keys == set(Guide.model_fields["steps"].annotation.__args__[0].model_fields)
    unchanged = run(project, "check")
    lines = unchanged.stdout.splitlines()
    assert unchanged.returncode == 1
    assert lines[0] == (
        "content/guides/kb-otp-reissue.yml:5:8: title: 새 안내서 예시 글 '안내서 제목을 적습니다'가 그대로 있습니다 — 실제 내용으로 바꿔 쓰거나, 쓰지 않는 부분이면 통째로 지워 주세요"
    )
    assert all("새 안내서 예시 글" in line for line in lines[:-1]), "nothing but the example texts is wrong"
    assert len(lines) - 1 >= len(placeholder_texts()), "every example text is named where it stands"
    fill_in(path)
    check = run(project, "check")
    assert (check.returncode, check.stdout) == (0, "문제 없음: 모든 안내서가 올바릅니다.\n")


def test_a_new_guide_builds_into_a_page(project: Path, tmp_path: Path) -> None:
    assert main(["-f", str(project / "mkdocs.yml"), "new", "sample-new-guide"]) == 0
    fill_in(project / "content" / "guides" / "sample-new-guide.yml")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((tmp_path / "site" / "guides" / "sample-new-guide" / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = [h.get("id") for h in page.select("article h2[id]")]
    for section in ("prerequisites", "checklists-before", "steps", "failures", "tips", "strategies", "sources"):
        assert section in sections


@pytest.mark.parametrize(
    ("guide_id", "message"),
    [
        ("KB_OTP", "아이디 'KB_OTP'에 쓸 수 없는 글자가 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 2~64자를 적어 주세요. 예: kb-otp-reissue"),
        ("kb-financial-certificate", "content/guides/kb-financial-certificate.yml 파일이 이미 있습니다 — 다른 아이디를 고르거나 그 파일을 고쳐 주세요"),
    ],
)
def test_new_refuses_a_bad_or_taken_id(project: Path, guide_id: str, message: str) -> None:
    result = run(project, "new", guide_id)
    assert (result.returncode, result.stderr) == (2, message + "\n")


def test_new_refuses_an_id_another_file_already_uses(project: Path) -> None:
    (project / GUIDE).rename(project / "content" / "guides" / "kb.yml")
    result = run(project, "new", "kb-financial-certificate")
    assert result.returncode == 2
    assert result.stderr == "아이디 'kb-financial-certificate'를 content/guides/kb.yml에서 이미 쓰고 있습니다 — 다른 아이디를 골라 주세요\n"



def test_the_review_age_is_set_in_mkdocs_yml(project: Path) -> None:
    edit(project, "review_max_age_months: 12", "review_max_age_months: 6", path="mkdocs.yml")
    seven_months_ago = (today_in_korea().replace(day=1) - dt.timedelta(days=200)).isoformat()
    edit(project, "\nreviewed: ", f"\nreviewed: {seven_months_ago}\n# was: ")
    result = run(project, "check")
    assert result.returncode == 0
    assert f"reviewed: 경고: 최종 확인일 {seven_months_ago}부터 6개월이 넘게 지났습니다" in result.stdout
