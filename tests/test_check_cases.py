"""The checks across files (content/check.py), each with every line `check` prints for it: one id in
several files, one title on several cards, files that look like a guide but are not read as one,
and the order problems come in.

Every case compiles a content folder of copies of the minimal example guide (tests/examples/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import OFFICIAL, compile_content, example, settings_for, write_content

MINIMAL = example("minimal-guide")
GUIDE = "guides/minimal-guide.yml"
LOOKS_LIKE_A_GUIDE = MINIMAL.replace("id: minimal-guide", "id: x-test")
TITLE_FIX = "홈 화면에서 둘을 구별할 수 있도록 제목을 다르게 적어 주세요"
TAKEN_FIX = "이 안내서에 다른 아이디를 정하고 파일 이름도 그 아이디로 바꿔 주세요"
HOST_FIX = f"공식 사이트({', '.join(OFFICIAL)}) 주소만 적을 수 있습니다. 주소가 아니라 파일 이름이라면 `signCert.der`처럼 백틱(`)으로 감싸 주세요"
HTML_FIX = "굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요"


def problems(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    content = write_content(tmp_path / "content", files)
    return [str(problem) for problem in compile_content(content, settings_for(content))[1]]


def not_its_file_name(name: str, ident: str = "minimal-guide", said: str = "'minimal-guide'가") -> str:
    """What check says of a guide with this id in content/guides/<name>.yml (a copy of the minimal guide)."""
    return (
        f"content/guides/{name}.yml:2:5: id: 아이디 {said} 파일 이름 '{name}.yml'과 다릅니다 — 새 안내서라면 파일 이름을 "
        f"{ident}.yml로 바꿔 주세요. 이미 공개된 안내서라면 공개된 아이디로 둘을 맞춰 주세요: 파일 이름을 바꿨다면 {ident}.yml로 "
        f"되돌리고, id를 바꿨다면 {name}로 되돌립니다. 페이지 주소(guides/<아이디>/)와 독자의 체크 기록이 id에 묶여 있어, 공개된 id가 바뀌면 "
        "북마크와 기록이 사라집니다"
    )


def test_an_id_ending_in_a_consonant_that_is_not_its_file_name(tmp_path: Path) -> None:
    guide = MINIMAL.replace("id: minimal-guide", "id: kb-login")
    assert problems(tmp_path, {"guides/kb.yml": guide}) == [not_its_file_name("kb", "kb-login", "'kb-login'이")]  # 엔


def taken(name: str, by: str) -> str:
    return f"content/guides/{name}.yml:2:5: id: 아이디 'minimal-guide'를 content/guides/{by}.yml에서 이미 쓰고 있습니다 (주소가 겹칩니다) — {TAKEN_FIX}"


def test_one_id_in_files_named_otherwise_is_blamed_on_every_file_after_the_first(tmp_path: Path) -> None:
    assert problems(tmp_path, {"guides/a.yml": MINIMAL, "guides/b.yml": MINIMAL, "guides/c.yml": MINIMAL}) == [
        not_its_file_name("a"),
        not_its_file_name("b"),
        taken("b", by="a"),
        not_its_file_name("c"),
        taken("c", by="a"),
    ]


def test_one_id_in_three_files_is_blamed_on_the_two_not_named_after_it(tmp_path: Path) -> None:
    assert problems(tmp_path, {"guides/a.yml": MINIMAL, GUIDE: MINIMAL, "guides/z.yml": MINIMAL}) == [
        not_its_file_name("a"),
        taken("a", by="minimal-guide"),
        not_its_file_name("z"),
        taken("z", by="minimal-guide"),
    ]


def test_one_title_on_three_cards_warns_the_two_later_files_naming_the_first(tmp_path: Path) -> None:
    files = {f"guides/{ident}.yml": MINIMAL.replace("id: minimal-guide", f"id: {ident}") for ident in ("x-one", "x-two", "x-three")}
    assert problems(tmp_path, files) == [
        f"content/guides/x-three.yml:3:8: title: 경고: content/guides/x-one.yml에도 같은 제목의 안내서가 있습니다 — {TITLE_FIX}",
        f"content/guides/x-two.yml:3:8: title: 경고: content/guides/x-one.yml에도 같은 제목의 안내서가 있습니다 — {TITLE_FIX}",
    ]


OUTSIDE = "안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서는 content/guides/ 폴더 안에 있어야 합니다"
NOT_YML = "안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서 파일 이름은 소문자 .yml로 끝나야 합니다"


def unread(name: str, message: str, target: str) -> str:
    return f"content/{name}:1:1: {message} — 파일 이름을 {target}로 바꿔 주세요. 그대로 두면 페이지는 만들어지지 않고 YAML 원문이 사이트에 올라갑니다"


# A YAML file under content/ that is not read as a guide: (its name, its text) → what check says.
UNREAD = {
    "steps alone": (("notes/x.yml", "steps:\n  - 하나\n"), [unread("notes/x.yml", OUTSIDE, "content/guides/x.yml")]),
    "id and title with spaces before the colon": (("y.yml", "id : x-test\ntitle : 제목\n"), [unread("y.yml", OUTSIDE, "content/guides/x-test.yml")]),
    "an id in quotes is not read for the new name": (("y.yml", "id: 'x-test'\ntitle: 제목\n"), [unread("y.yml", OUTSIDE, "content/guides/y.yml")]),
    "an id with capitals is not read for the new name": (("y.yml", "id: X-Test\ntitle: 제목\n"), [unread("y.yml", OUTSIDE, "content/guides/y.yml")]),
    "upper-case .YAML outside guides/": (("y.YAML", LOOKS_LIKE_A_GUIDE), [unread("y.YAML", OUTSIDE, "content/guides/x-test.yml")]),
    ".yaml in a folder of guides/": (("guides/kb/y.yaml", LOOKS_LIKE_A_GUIDE), [unread("guides/kb/y.yaml", NOT_YML, "content/guides/kb/x-test.yml")]),
    "not UTF-8": (("y.yml", "id: x-test\ntitle: 깨진 제목\n".encode("cp949")), [unread("y.yml", OUTSIDE, "content/guides/x-test.yml")]),
    "id alone": (("y.yml", "id: x-test\nsummary: 메모\n"), []),
    "title alone": (("y.yml", "title: 메모\n"), []),
    "keys that are not at the top": (("y.yml", "notes:\n  id: x-test\n  title: 제목\n  steps: []\n"), []),
    "not YAML by its name": (("y.txt", LOOKS_LIKE_A_GUIDE), []),
}


@pytest.mark.parametrize("case", list(UNREAD), ids=list(UNREAD))
def test_a_file_that_looks_like_a_guide_but_is_not_read(tmp_path: Path, case: str) -> None:
    (name, text), expected = UNREAD[case]
    assert problems(tmp_path, {GUIDE: MINIMAL, name: text}) == expected


def test_a_folder_named_like_a_guide_is_no_guide(tmp_path: Path) -> None:
    (tmp_path / "content" / "guides" / "folder.yml").mkdir(parents=True)
    (tmp_path / "content" / "more.yml").mkdir(parents=True)
    assert problems(tmp_path, {GUIDE: MINIMAL}) == []


def test_problems_come_in_file_line_and_column_order(tmp_path: Path) -> None:
    """The checks run one kind after another (markup before links, dates near the end); an editor
    reads the file from the top."""
    broken = MINIMAL.replace("body: 앱을 열고 안내를 따릅니다.", "body: evil.example에서 <b>확인합니다").replace("reviewed: 2026-11-02", "reviewed: 2027-01-05")
    assert problems(tmp_path, {"guides/b-guide.yml": broken.replace("id: minimal-guide", "id: b-guide"), "guides/a-guide.yml": broken.replace("id: minimal-guide", "id: a-guide")}) == [
        "content/guides/a-guide.yml:7:11: reviewed: 최종 확인일 2027-01-05가 오늘(2026-11-28)보다 뒤입니다 — 공식 자료와 실제로 대조한 날짜를 적어 주세요",
        f"content/guides/a-guide.yml:21:11: steps[1].body: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}",
        f"content/guides/a-guide.yml:21:26: steps[1].body: HTML 태그 '<b>'는 쓸 수 없습니다 — {HTML_FIX}",
        "content/guides/b-guide.yml:3:8: title: 경고: content/guides/a-guide.yml에도 같은 제목의 안내서가 있습니다 — " + TITLE_FIX,
        "content/guides/b-guide.yml:7:11: reviewed: 최종 확인일 2027-01-05가 오늘(2026-11-28)보다 뒤입니다 — 공식 자료와 실제로 대조한 날짜를 적어 주세요",
        f"content/guides/b-guide.yml:21:11: steps[1].body: 글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}",
        f"content/guides/b-guide.yml:21:26: steps[1].body: HTML 태그 '<b>'는 쓸 수 없습니다 — {HTML_FIX}",
    ]


def test_a_file_that_cannot_be_read_is_passed_over_and_the_next_still_looked_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file taken away or locked while check runs is no reason to stop looking at the others."""
    read_text = Path.read_text

    def locked(path: Path, *args: object, **kwargs: object) -> str:
        if path.name == "a.yml":
            raise PermissionError(13, "Permission denied", str(path))
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", locked)
    assert problems(tmp_path, {GUIDE: MINIMAL, "a.yml": LOOKS_LIKE_A_GUIDE, "b.yml": LOOKS_LIKE_A_GUIDE}) == [unread("b.yml", OUTSIDE, "content/guides/x-test.yml")]


def test_a_yaml_file_that_is_no_guide_does_not_end_the_look_at_the_others(tmp_path: Path) -> None:
    assert problems(tmp_path, {GUIDE: MINIMAL, "a.yml": "title: 메모\n", "b.yml": LOOKS_LIKE_A_GUIDE}) == [unread("b.yml", OUTSIDE, "content/guides/x-test.yml")]


def test_a_repeated_id_after_a_unique_one_is_still_found_and_its_particle_follows_the_id(tmp_path: Path) -> None:
    login = MINIMAL.replace("id: minimal-guide", "id: kb-login")
    found = problems(tmp_path, {"guides/a-first.yml": MINIMAL.replace("id: minimal-guide", "id: a-first"), "guides/kb-login.yml": login, "guides/z.yml": login})
    assert [line for line in found if "이미 쓰고 있습니다" in line] == [
        f"content/guides/z.yml:2:5: id: 아이디 'kb-login'을 content/guides/kb-login.yml에서 이미 쓰고 있습니다 (주소가 겹칩니다) — {TAKEN_FIX}"  # 엔
    ]


def test_the_checks_across_files_as_a_pr_bot_reads_them(tmp_path: Path) -> None:
    """A repeated title is a warning, a file that is not read an error of the whole file (no field)."""
    content = write_content(tmp_path / "content", {GUIDE: MINIMAL, "guides/x-test.yml": LOOKS_LIKE_A_GUIDE, "y.yml": LOOKS_LIKE_A_GUIDE})
    found = compile_content(content, settings_for(content))[1]
    assert [(p.file, p.as_dict()["path"], p.as_dict()["severity"]) for p in found] == [
        ("content/guides/x-test.yml", "title", "warning"),
        ("content/y.yml", "", "error"),
    ]
