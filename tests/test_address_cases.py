"""Addresses an editor may write, in a URL field and in text, and exactly what `check` says of each.

One table, one row per kind of address: schemes other than https (javascript:, data:), ports,
spaces, character references, unclosed tags, upper-case hosts, and a page that already has the
guide's address. Each row edits the minimal example guide (tests/examples/minimal-guide.yml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import OFFICIAL, compile_content, edited_example, example, settings_for, write_content

GUIDE = "minimal-guide"
ALLOWED = ", ".join(OFFICIAL)
DOMAIN_FIX = f"공식 사이트({ALLOWED}) 주소만 쓸 수 있습니다. 새 공식 사이트라면 mkdocs.yml의 links_allowed_domains에 먼저 추가해야 합니다"
SHAPE_FIX = f"'https://도메인/경로' 모양으로만 적어 주세요. {DOMAIN_FIX}"
SCHEME_FIX = f"https://로 시작하는 전체 주소를 적어 주세요. {DOMAIN_FIX}"
HOST_FIX = f"공식 사이트({ALLOWED}) 주소만 적을 수 있습니다. 주소가 아니라 파일 이름이라면 `signCert.der`처럼 백틱(`)으로 감싸 주세요"
HTML_FIX = "굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요"
REFERENCE_FIX = "기호를 그대로 적어 주세요. 예: &amp; 대신 &, &lt; 대신 <"
URL = "content/guides/minimal-guide.yml:10:10: sources[1].url: "


def in_url_at(column: int) -> str:
    """The start of a problem line about the source's address, at this column of line 10."""
    return f"content/guides/minimal-guide.yml:10:{column}: sources[1].url: "


def body_at(column: int) -> str:
    """The start of a problem line about the step's body, at this column of line 21 (the text starts at 12)."""
    return f"content/guides/minimal-guide.yml:21:{column}: steps[1].body: "


def problems(tmp_path: Path, text: str, extra: dict[str, str] | None = None) -> list[str]:
    content = write_content(tmp_path / "content", {"guides/minimal-guide.yml": text, **(extra or {})})
    return [str(problem) for problem in compile_content(content, settings_for(content))[1]]


def in_url(address: str) -> str:
    return edited_example("url: https://www.boho.or.kr", f"url: '{address}'", GUIDE)


def in_body(text: str) -> str:
    return edited_example("body: 앱을 열고 안내를 따릅니다.", f"body: '{text}'", GUIDE)


CASES = {
    # A URL field: its whole value is one address.
    "javascript: in a source": (in_url("javascript:alert(1)"), [f"{URL}링크 'javascript:alert(1)'이 https://로 시작하지 않습니다 — {SCHEME_FIX}"]),
    "data: in a source": (in_url("data:text/html;base64,PHNjcmlwdD4="), [f"{URL}링크 'data:text/html;base64,PHNjcmlwdD4='가 https://로 시작하지 않습니다 — {SCHEME_FIX}"]),
    "a port in a source": (in_url("https://www.boho.or.kr:8443/"), [f"{URL}링크 'https://www.boho.or.kr:8443/'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "a port that is not a number": (in_url("https://www.boho.or.kr:8443=/"), [f"{URL}링크 'https://www.boho.or.kr:8443=/'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "an unclosed [ in a host": (in_url("https://[www.boho.or.kr"), [f"{URL}링크 'https://[www.boho.or.kr'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "no host in a source": (in_url("https:///login"), [f"{URL}링크 'https:///login'의 도메인 ''는 허용 목록에 없습니다 — {DOMAIN_FIX}"]),
    "a space in a source": (in_url("https://www.boho.or.kr/a b"), [f"{URL}링크 'https://www.boho.or.kr/a b'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "a space in a foreign source": (in_url("https://evil.example/a b"), [f"{URL}링크 'https://evil.example/a b'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "an upper-case official host in a source": (in_url("https://WWW.BOHO.OR.KR/"), []),
    "an upper-case foreign host in a source": (in_url("https://WWW.BOHO-OR.KR/"), [f"{URL}링크 'https://WWW.BOHO-OR.KR/'의 도메인 'www.boho-or.kr'은 허용 목록에 없습니다 — {DOMAIN_FIX}"]),
    "markup in a source": (in_url("https://www.boho.or.kr/<b"), [f"{in_url_at(34)}HTML 태그 '<b'는 쓸 수 없습니다 — {HTML_FIX}"]),
    # Text: links, bare addresses and host names inside prose.
    "javascript: link in text": (in_body("[여기](javascript:alert(1))를 누릅니다."), [f"{body_at(17)}링크 'javascript:alert(1)'이 https://로 시작하지 않습니다 — {SCHEME_FIX}"]),
    "a link to a host name without a scheme": (in_body("[여기](www.evil.example)를 누릅니다."), [f"{body_at(17)}링크 'www.evil.example'가 https://로 시작하지 않습니다 — {SCHEME_FIX}"]),
    "data: link in text": (in_body("[여기](data:text/html,x)를 누릅니다."), [f"{body_at(17)}링크 'data:text/html,x'가 https://로 시작하지 않습니다 — {SCHEME_FIX}"]),
    "a port in a link": (in_body("[보호나라](https://www.boho.or.kr:8443/)에 접속합니다."), [f"{body_at(19)}링크 'https://www.boho.or.kr:8443/'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "a space in a link": (in_body("[보호나라](https://www.boho.or.kr/a b)에 접속합니다."), [f"{body_at(19)}링크 'https://www.boho.or.kr/a b'의 주소 모양이 올바르지 않습니다 — {SHAPE_FIX}"]),
    "a numeric character reference": (
        in_body("&#60;script&#62;를 누릅니다."),
        [f"{body_at(12)}HTML 문자 참조 '&#60;'는 쓸 수 없습니다 — {REFERENCE_FIX}", f"{body_at(23)}HTML 문자 참조 '&#62;'는 쓸 수 없습니다 — {REFERENCE_FIX}"],
    ),
    "a hexadecimal character reference": (in_body("&#x3C;script를 누릅니다."), [f"{body_at(12)}HTML 문자 참조 '&#x3C;'는 쓸 수 없습니다 — {REFERENCE_FIX}"]),
    "an unclosed tag": (in_body("앱을 <script src=x 엽니다"), [f"{body_at(15)}HTML 태그 '<script src=x 엽니다'는 쓸 수 없습니다 — {HTML_FIX}"]),
    "an upper-case foreign host in text": (in_body("EVIL-KB.COM에서 확인합니다."), [f"{body_at(12)}글에 적힌 주소 'EVIL-KB.COM'이 허용 목록에 없습니다 — {HOST_FIX}"]),
    "an upper-case official host in text": (in_body("WWW.BOHO.OR.KR에서 확인합니다."), []),
    "an upper-case bare URL in text": (in_body("HTTPS://EVIL.EXAMPLE/x 에서 확인합니다."), [f"{body_at(12)}링크 'HTTPS://EVIL.EXAMPLE/x'의 도메인 'evil.example'는 허용 목록에 없습니다 — {DOMAIN_FIX}"]),
    "a host name inside an official link's query": (in_body("[보호나라](https://www.boho.or.kr/?next=evil.example)에 접속합니다."), []),
    "a host name in a link's label": (in_body("[evil.example](https://www.boho.or.kr/)에 접속합니다."), [f"{body_at(13)}글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}"]),
    # Backticks: a file name is no address when its last ending is a file's; what is around it still counts.
    "a file name with two dots in backticks": (in_body("인증서 파일 `signCert.backup.der`를 찾습니다."), []),
    "a host name right after a file name in backticks": (in_body("`signCert.der`evil.example에서 받습니다."), [f"{body_at(26)}글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}"]),
    "a host name in backticks glued to a word": (in_body("`evil.example`s를 엽니다."), [f"{body_at(13)}글에 적힌 주소 'evil.example'가 허용 목록에 없습니다 — {HOST_FIX}"]),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_what_check_says_of_each_address(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    assert problems(tmp_path, text) == expected


@pytest.mark.parametrize("page", ["guides/minimal-guide.md", "guides/minimal-guide/index.md"])
def test_a_page_that_already_has_the_guides_address(tmp_path: Path, page: str) -> None:
    found = problems(tmp_path, example(GUIDE), {page: "# 손으로 쓴 페이지\n"})
    assert found == [
        f"content/guides/minimal-guide.yml:2:5: id: 주소 guides/minimal-guide/를 content/{page} 페이지가 이미 쓰고 있습니다 — 이 안내서에 다른 아이디를 정하거나 그 페이지의 파일 이름을 바꿔 주세요"
    ]
