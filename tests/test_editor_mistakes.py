"""Every mistake of the editor review (shared/reviews/editor-workflow.md), made on the review's own
example guide, with the exact message `check` and the build print (issue #15).

Each case edits tests/examples/boho-smishing-report.yml once, as the reviewer did, and compiles it
the way `./dev check` and `./dev build` do. The command-line paths (text, JSON, GitHub
annotations, the build's last line) are in test_check_cli.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.problems import Problem
from tests.support import OFFICIAL, compile_content, example, settings_for, write_content

GUIDE = "guides/boho-smishing-report.yml"
EXAMPLE = example("boho-smishing-report")
ALLOWED = ", ".join(OFFICIAL)
REVIEW_DAY = dt.date(2026, 12, 2)  # the example's reviewed date is 2026-11-30


def problems_after(tmp_path: Path, old: str, new: str, files: dict[str, str] | None = None) -> list[Problem]:
    assert EXAMPLE.count(old) == 1, f"the example no longer contains {old!r} once"
    content = write_content(tmp_path / "content", {GUIDE: EXAMPLE.replace(old, new), **(files or {})})
    _compiled, problems = compile_content(content, settings_for(content, today=REVIEW_DAY))
    return problems


def test_the_review_example_with_its_inline_link_passes(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "id: boho-smishing-report", "id: boho-smishing-report") == []


# (what the editor changed: old text → new text, every message check prints)
MISTAKES: dict[str, tuple[tuple[str, str], list[str]]] = {
    'tab where four spaces belong': (
        ('    title: 문자 화면을 캡처합니다', '\ttitle: 문자 화면을 캡처합니다'),
        [
            'content/guides/boho-smishing-report.yml:42:1: YAML 문법 오류: 들여쓰기에 탭 문자가 있습니다 — 탭 대신 스페이스 네 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)',
        ],
    ),
    'tab at the top level': (
        ('institution: 한국인터넷진흥원', '\tinstitution: 한국인터넷진흥원'),
        [
            'content/guides/boho-smishing-report.yml:7:1: YAML 문법 오류: 들여쓰기에 탭 문자가 있습니다 — 탭을 지우고 줄 맨 앞에서 시작해 주세요 (맨 위 수준의 항목입니다)',
        ],
    ),
    'missing colon inside a step': (
        ('    title: 문자 화면을 캡처합니다', '    title 문자 화면을 캡처합니다'),
        [
            "content/guides/boho-smishing-report.yml:42:5: YAML 문법 오류: '항목: 값'에서 ':'를 찾지 못했습니다 — 항목 이름 뒤에 ':'와 공백을 넣거나, 윗줄의 따옴표가 닫혔는지 확인해 주세요",
        ],
    ),
    'missing colon after steps': (
        ('\nsteps:\n', '\nsteps\n'),
        [
            "content/guides/boho-smishing-report.yml:37:1: YAML 문법 오류: '항목: 값'에서 ':'를 찾지 못했습니다 — 항목 이름 뒤에 ':'와 공백을 넣거나, 윗줄의 따옴표가 닫혔는지 확인해 주세요",
        ],
    ),
    'prerequisite written as text': (
        ('  - id: prep-phone\n    text: 문자를 받은 휴대폰', '  - 문자를 받은 휴대폰'),
        [
            "content/guides/boho-smishing-report.yml:34:5: prerequisites[2]: 준비물에는 '항목: 값' 묶음을 적어야 하는데 '문자를 받은 휴대폰'이 적혀 있습니다 — '- id: …, text: …' 형식으로 한 개 이상 적어 주세요",
        ],
    ),
    'step title line deleted': (
        ('    title: 문자 화면을 캡처합니다\n', ''),
        [
            "content/guides/boho-smishing-report.yml:41:5: steps[2].title: 꼭 필요한 항목인 제목('title')이 없습니다 — 'title: …' 줄을 넣어 주세요. 단계 제목을 한 줄로 적어 주세요",
        ],
    ),
    'step title left empty': (
        ('    title: 문자 화면을 캡처합니다', '    title:'),
        [
            'content/guides/boho-smishing-report.yml:42:11: steps[2].title: 제목이 비어 있습니다 — 단계 제목을 한 줄로 적어 주세요',
        ],
    ),
    'impossible month': (
        ('reviewed: 2026-11-30', 'reviewed: 2026-13-01'),
        [
            "content/guides/boho-smishing-report.yml:9:11: reviewed: '2026-13-01'은 달력에 없는 날짜입니다 — 날짜는 2026-11-28처럼 연-월-일로 적고, 월은 1~12, 일은 그 달에 있는 날로 적어 주세요. 날짜가 아니라 글이라면 값 전체를 따옴표로 감싸 주세요. 예: '2026-13-01'",
        ],
    ),
    'impossible day in a fact': (
        ('    value: 무료', '    value: 2026-02-30'),
        [
            "content/guides/boho-smishing-report.yml:29:12: facts[2].value: '2026-02-30'은 달력에 없는 날짜입니다 — 날짜는 2026-11-28처럼 연-월-일로 적고, 월은 1~12, 일은 그 달에 있는 날로 적어 주세요. 날짜가 아니라 글이라면 값 전체를 따옴표로 감싸 주세요. 예: '2026-02-30'",
        ],
    ),
    'one-letter id': (
        ('id: boho-smishing-report', 'id: a'),
        [
            "content/guides/boho-smishing-report.yml:2:5: id: 아이디 'a'가 너무 짧습니다 — 2자 이상으로 적어 주세요. 영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: kb-financial-certificate",
        ],
    ),
    'doubled hyphen in an id': (
        ('id: boho-smishing-report', 'id: boho--report'),
        [
            "content/guides/boho-smishing-report.yml:2:5: id: 아이디 'boho--report'의 하이픈(-) 자리가 맞지 않습니다 — 하이픈은 맨 앞이나 맨 뒤에 쓸 수 없고 두 개를 잇달아 쓸 수 없습니다. 예: boho-report",
        ],
    ),
    'hyphen first in an id': (
        ('id: boho-smishing-report', 'id: -boho'),
        [
            "content/guides/boho-smishing-report.yml:2:5: id: 아이디 '-boho'의 하이픈(-) 자리가 맞지 않습니다 — 하이픈은 맨 앞이나 맨 뒤에 쓸 수 없고 두 개를 잇달아 쓸 수 없습니다. 예: boho",
        ],
    ),
    'body starting with bold': (
        ('    body: 보낸 번호와', '    body: **보낸 번호**와'),
        [
            "content/guides/boho-smishing-report.yml:43:11: YAML 문법 오류: 값이 별표(*)로 시작하면 YAML이 글이 아닌 YAML 기호로 읽습니다 (Markdown의 굵게와 링크도 값의 맨 앞에 오면 그렇습니다) — 값 전체를 따옴표로 감싸 주세요. 예: body: '**보낸 번호**와 문자 내용이 함께 보이도록 화면을 캡처합니다.'",
        ],
    ),
    'body starting with emphasis': (
        ('    body: 보낸 번호와', '    body: *주의* 보낸 번호와'),
        [
            "content/guides/boho-smishing-report.yml:43:11: YAML 문법 오류: 값이 별표(*)로 시작하면 YAML이 글이 아닌 YAML 기호로 읽습니다 (Markdown의 굵게와 링크도 값의 맨 앞에 오면 그렇습니다) — 값 전체를 따옴표로 감싸 주세요. 예: body: '*주의* 보낸 번호와 문자 내용이 함께 보이도록 화면을 캡처합니다.'",
        ],
    ),
    'body starting with a link': (
        ('    body: 보낸 번호와', '    body: [보호나라](https://www.boho.or.kr)에서 보낸 번호와'),
        [
            "content/guides/boho-smishing-report.yml:43:11: YAML 문법 오류: 값이 대괄호([)로 시작하면 YAML이 글이 아닌 YAML 기호로 읽습니다 (Markdown의 굵게와 링크도 값의 맨 앞에 오면 그렇습니다) — 값 전체를 따옴표로 감싸 주세요. 예: body: '[보호나라](https://www.boho.or.kr)에서 보낸 번호와 문자 내용이 함께 보이도록 화면을 캡처합니다.'",
        ],
    ),
    'inner double quotes': (
        ('    title: 문자 화면을 캡처합니다', '    title: "보낸 번호를 "꼭" 캡처"'),
        [
            'content/guides/boho-smishing-report.yml:42:12: YAML 문법 오류: 따옴표로 시작한 값 안에 같은 따옴표가 또 있어 값이 중간에 끝났습니다 — 값 전체를 따옴표로 감싸 주세요: 값 안에 큰따옴표(")가 있으면 바깥은 작은따옴표(\')로 감쌉니다. 예: title: \'보낸 번호를 "꼭" 캡처\'',
        ],
    ),
    'tip starting with bold': (
        ('      - 휴대폰으로 하기 어려우면', '      - **휴대폰**으로 하기 어려우면'),
        [
            "content/guides/boho-smishing-report.yml:52:9: YAML 문법 오류: 값이 별표(*)로 시작하면 YAML이 글이 아닌 YAML 기호로 읽습니다 (Markdown의 굵게와 링크도 값의 맨 앞에 오면 그렇습니다) — 값 전체를 따옴표로 감싸 주세요. 예: - '**휴대폰**으로 하기 어려우면 PC에서 해도 됩니다.'",
        ],
    ),
    'unknown tag': (
        ('    title: 문자 화면을 캡처합니다', '    title: !important 캡처'),
        [
            "content/guides/boho-smishing-report.yml:42:12: steps[2].title: 값 앞의 '!important'를 YAML이 형식 표시(태그)로 읽어 값을 읽지 못했습니다 — 글이라면 값 전체를 따옴표로 감싸 주세요. 예: '!important 캡처'",
        ],
    ),
    'trailing comment': (
        ('    title: 문자 화면을 캡처합니다', '    title: 문자 화면을 캡처합니다 #중요'),
        [
            "content/guides/boho-smishing-report.yml:42:25: steps[2].title: 경고: 값 뒤의 '#중요'는 주석으로 읽혀 페이지에 나오지 않습니다. 지금은 '문자 화면을 캡처합니다'까지만 읽힙니다. — '#' 뒤의 글도 값이라면 값 전체를 따옴표로 감싸 주세요. 예: '문자 화면을 캡처합니다 #중요'. 메모로 남긴 주석이라면 그대로 두어도 됩니다",
        ],
    ),
    'mapping for a title': (
        ('    title: 문자 화면을 캡처합니다', '    title: {a: b}'),
        [
            "content/guides/boho-smishing-report.yml:42:12: steps[2].title: 제목에는 글을 적어야 하는데 '항목: 값' 묶음이 적혀 있습니다 — 단계 제목을 한 줄로 적어 주세요",
        ],
    ),
    'emoji in a title': (
        ('    title: 문자 화면을 캡처합니다', '    title: 문자 화면을 캡처합니다 📸'),
        [
            "content/guides/boho-smishing-report.yml:42:12: steps[2].title: 인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다: '📸' (U+1F4F8) — 설치된 글꼴에 없는 글자입니다. 이 글자를 지우거나 흔히 쓰는 글자로 바꿔 주세요",
        ],
    ),
    'image in a body': (
        ('    body: 보낸 번호와 문자 내용이 함께 보이도록 화면을 캡처합니다.', "    body: '보낸 번호와 문자 내용이 함께 보이도록 화면을 캡처합니다. ![캡처 화면](https://www.boho.or.kr/a.png)'"),
        [
            "content/guides/boho-smishing-report.yml:43:12: steps[2].body: 그림(![…](…))은 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 그림은 단계의 images 항목에 파일 이름과 설명(alt)으로 적어 주세요 (CONTRIBUTING.md의 '그림 넣기')",
        ],
    ),
    'table in a body': (
        ('      캡처한 화면을 올리고', '      | 항목 | 예 |\n      |---|---|\n      | 번호 | 010 |\n\n      캡처한 화면을 올리고'),
        [
            "content/guides/boho-smishing-report.yml:50:7: steps[3].body: 표(|)는 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 표로 보일 내용은 failures나 tips(페이지에 표로 나오는 부분)에 적거나, '- 항목' 목록으로 적어 주세요",
        ],
    ),
    'heading in a body': (
        ('      캡처한 화면을 올리고', '      # 캡처하기\n\n      캡처한 화면을 올리고'),
        [
            'content/guides/boho-smishing-report.yml:50:7: steps[3].body: 제목(#)은 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 단계를 나누려면 steps에 단계를 하나 더 만들고, 강조하려면 **굵게**로 적어 주세요',
        ],
    ),
    'nested list in a body': (
        ('      캡처한 화면을 올리고', '      - 첫째\n        - 안쪽\n\n      캡처한 화면을 올리고'),
        [
            "content/guides/boho-smishing-report.yml:51:9: steps[3].body: 목록 안에 목록을 넣을 수 없습니다 — '- '나 '1. '로 시작하는 줄은 들여 쓰지 말고 한 단계 목록으로 적어 주세요",
        ],
    ),
    'list in a title': (
        ('    title: 문자 화면을 캡처합니다', '    title: |-\n      - 문자 화면을 캡처합니다'),
        [
            "content/guides/boho-smishing-report.yml:43:7: steps[2].title: 목록('- ', '1. ')은 본문(body, intro, strategies)에서만 쓸 수 있습니다 — 한 줄로 이어 쓰거나, 여러 개라면 목록 항목(tips, notes, points)으로 나눠 적어 주세요",
        ],
    ),
    'quote in a body': (
        ('      캡처한 화면을 올리고', '      > 인용\n\n      캡처한 화면을 올리고'),
        [
            'content/guides/boho-smishing-report.yml:50:7: steps[3].body: 인용(>)은 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 주의할 점은 단계의 notes에, 경고는 warnings에 적어 주세요',
        ],
    ),
    'code fence in a body': (
        ('      캡처한 화면을 올리고', '      ```\n      코드\n      ```\n\n      캡처한 화면을 올리고'),
        [
            'content/guides/boho-smishing-report.yml:50:7: steps[3].body: 코드 블록(```)은 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다 — 파일 이름이나 메뉴 이름은 `signCert.der`처럼 한 줄 안에서 백틱(`)으로 감싸 주세요',
        ],
    ),
    'file names': (
        ('    body: 보낸 번호와', '    body: signCert.der와 `signPri.key`, 보낸 번호와'),
        [
            f"content/guides/boho-smishing-report.yml:43:11: steps[2].body: 글에 적힌 주소 'signCert.der'이 허용 목록에 없습니다 — 공식 사이트({ALLOWED}) 주소만 적을 수 있습니다. 주소가 아니라 파일 이름이라면 `signCert.der`처럼 백틱(`)으로 감싸 주세요",
        ],
    ),
    'link on a later line of a block': (
        ('      캡처한 화면을 올리고', '      [블로그](https://blog.naver.com/boho)를 보고\n      캡처한 화면을 올리고'),
        [
            f"content/guides/boho-smishing-report.yml:50:13: steps[3].body: 링크 'https://blog.naver.com/boho'의 도메인 'blog.naver.com'은 허용 목록에 없습니다 — 공식 사이트({ALLOWED}) 주소만 쓸 수 있습니다. 새 공식 사이트라면 mkdocs.yml의 links_allowed_domains에 먼저 추가해야 합니다",
        ],
    ),
    'two HTML tags': (
        ('    body: 보낸 번호와', '    body: <b>보낸</b> <i>번호</i>와'),
        [
            "content/guides/boho-smishing-report.yml:43:11: steps[2].body: HTML 태그 '<b>'는 쓸 수 없습니다 — 굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요",
            "content/guides/boho-smishing-report.yml:43:21: steps[2].body: HTML 태그 '<i>'는 쓸 수 없습니다 — 굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요",
        ],
    ),
}


@pytest.mark.parametrize("case", list(MISTAKES), ids=list(MISTAKES))
def test_each_mistake_of_the_review_gets_its_message(tmp_path: Path, case: str) -> None:
    (old, new), expected = MISTAKES[case]
    assert [str(p) for p in problems_after(tmp_path, old, new)] == expected


def test_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {GUIDE: "# 주석만 있는 파일\n\n"})
    _compiled, problems = compile_content(content, settings_for(content, today=REVIEW_DAY))
    assert [str(p) for p in problems] == [
        "content/guides/boho-smishing-report.yml:1:1: 파일이 비어 있습니다 — ./dev new <아이디>로 만든 예시 파일을 보고 같은 모양으로 적어 주세요"
    ]


def test_file_names_in_backticks_pass_the_address_check(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "    body: 보낸 번호와", "    body: 인증서 파일 `signCert.der`와 `signPri.key`를 찾고, 보낸 번호와") == []


def test_a_host_name_in_backticks_is_still_an_address(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, "    body: 보낸 번호와", "    body: 주소 `kbstar-login.com`에 들어가 보낸 번호와")
    assert [p.message for p in problems] == ["글에 적힌 주소 'kbstar-login.com'이 허용 목록에 없습니다"]


def test_a_list_in_a_body_is_accepted(tmp_path: Path) -> None:
    assert problems_after(tmp_path, "      캡처한 화면을 올리고", "      준비할 것:\n      - 캡처한 화면\n      - 받은 날짜\n\n      1. 올립니다\n      2. 적습니다\n\n      캡처한 화면을 올리고") == []


UNREAD = EXAMPLE.replace("id: boho-smishing-report", "id: x-test")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "guides/x-test.yaml",
            "content/guides/x-test.yaml:1:1: 안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서 파일 이름은 소문자 .yml로 끝나야 합니다 — 파일 이름을 "
            "content/guides/x-test.yml로 바꿔 주세요. 그대로 두면 페이지는 만들어지지 않고 YAML 원문이 사이트에 올라갑니다",
        ),
        (
            "guides/x-test.YML",
            "content/guides/x-test.YML:1:1: 안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서 파일 이름은 소문자 .yml로 끝나야 합니다 — 파일 이름을 "
            "content/guides/x-test.yml로 바꿔 주세요. 그대로 두면 페이지는 만들어지지 않고 YAML 원문이 사이트에 올라갑니다",
        ),
        (
            "x.yml",
            "content/x.yml:1:1: 안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서는 content/guides/ 폴더 안에 있어야 합니다 — 파일 이름을 "
            "content/guides/x-test.yml로 바꿔 주세요. 그대로 두면 페이지는 만들어지지 않고 YAML 원문이 사이트에 올라갑니다",
        ),
    ],
)
def test_a_guide_that_would_not_be_read_is_an_error(tmp_path: Path, name: str, message: str) -> None:
    assert [str(p) for p in problems_after(tmp_path, "id: boho", "id: boho", {name: UNREAD})] == [message]


def test_other_yaml_files_in_content_are_left_alone(tmp_path: Path) -> None:
    # Not content/glossary.yml, which the glossary now reads with rules of its own (tests/test_glossary.py).
    notes = "terms:\n  - id: otp\n    title: 일회용 비밀번호\n"
    assert problems_after(tmp_path, "id: boho", "id: boho", {"notes.yml": notes, "synonyms.yaml": "인증서: [공동인증서]\n"}) == []


def test_an_id_that_is_not_the_file_name_says_how_to_move_a_guide(tmp_path: Path) -> None:
    assert [str(p) for p in problems_after(tmp_path, "id: boho-smishing-report", "id: boho-report")] == [
        "content/guides/boho-smishing-report.yml:2:5: id: 아이디 'boho-report'가 파일 이름 'boho-smishing-report.yml'과 다릅니다 — 새 안내서라면 파일 이름을 boho-report.yml로 바꿔 주세요. 이미 공개된 안내서라면 공개된 아이디로 둘을 맞춰 주세요: 파일 이름을 "
        "바꿨다면 boho-report.yml로 되돌리고, id를 바꿨다면 boho-smishing-report로 되돌립니다. 페이지 주소(guides/<아이디>/)와 독자의 체크 기록이 "
        "id에 묶여 있어, 공개된 id가 바뀌면 북마크와 기록이 사라집니다"
    ]

