"""What an editor's pull request gets for each kind of bad input beyond the schema (issue #5).

Schema mistakes (YAML syntax, missing/empty/wrong-typed fields, unknown keys, duplicate ids in a
guide) have their exact messages in test_validation.py; this file covers the rest: two guides on
one address, encodings, raw HTML, links, review dates and the schema comment, each with its exact
message, through the same policy the site build and `python -m generator check` use.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import markdown
import pytest
import yaml
from pydantic import ValidationError
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.cli import load_project, new_guide_text, policy_for
from generator.content.loader import GuideFile
from generator.content.model import Guide
from generator.content.policy import ContentPolicy, Subject, months_before
from generator.content.problems import Problem
from generator.content.text import has_list, link_targets
from generator.content.walk import is_block_text, text_fields
from generator.content.yaml_source import SourceMap
from generator.mkdocs_plugin.plugin import front_matter
from generator.page.render import render_guide, render_home
from tests.support import OFFICIAL, ROOT, TODAY, build_site, compile_content, copy_project, edited_example, example, settings_for, write_content

ALLOWED_TEXT = ", ".join(OFFICIAL)
DOMAIN_FIX = f"공식 사이트({ALLOWED_TEXT}) 주소만 쓸 수 있습니다. 새 공식 사이트라면 mkdocs.yml의 links_allowed_domains에 먼저 추가해야 합니다"
SAMPLE = example()


def load(tmp_path: Path, files: dict[str, str | bytes], today: dt.date = TODAY) -> tuple[list[GuideFile], list[Problem]]:
    """The guides that would be published from these files, and every problem a build reports."""
    content = write_content(tmp_path / "content", files)
    compiled, problems = compile_content(content, settings_for(content, today=today))
    return [item.file for item in compiled if item.file is not None], problems


def messages(tmp_path: Path, text: str | bytes, today: dt.date = TODAY) -> list[str]:
    return [str(p) for p in load(tmp_path, {"guides/sample-guide.yml": text}, today)[1]]


def test_the_sample_guide_passes_every_check(tmp_path: Path) -> None:
    files, problems = load(tmp_path, {"guides/sample-guide.yml": SAMPLE})
    assert [f.guide.id for f in files] == ["sample-guide"] and problems == []


def test_the_site_allows_exactly_the_official_domains() -> None:
    options = load_project(ROOT / "mkdocs.yml").options
    assert tuple(options.links_allowed_domains) == OFFICIAL
    assert options.review_max_age_months == 12


# Two guides, one address ---------------------------------------------------------------------


def test_two_guides_with_the_same_id_blame_the_copy_not_the_published_guide(tmp_path: Path) -> None:
    # The copy sorts first; the published guide is the file named after its id.
    _files, problems = load(tmp_path, {"guides/boho-copy.yml": SAMPLE, "guides/sample-guide.yml": SAMPLE})
    assert [str(p) for p in problems] == [
        "content/guides/boho-copy.yml:2:5: id: 아이디 'sample-guide'가 파일 이름 'boho-copy.yml'과 다릅니다 — 새 안내서라면 파일 이름을 sample-guide.yml로 바꿔 주세요. 이미 공개된 안내서라면 공개된 아이디로 둘을 맞춰 주세요: 파일 이름을 "
        "바꿨다면 sample-guide.yml로 되돌리고, id를 바꿨다면 boho-copy로 되돌립니다. 페이지 주소(guides/<아이디>/)와 독자의 체크 기록이 "
        "id에 묶여 있어, 공개된 id가 바뀌면 북마크와 기록이 사라집니다",
        "content/guides/boho-copy.yml:2:5: id: 아이디 'sample-guide'를 content/guides/sample-guide.yml에서 이미 쓰고 있습니다 (주소가 겹칩니다) — 이 안내서에 다른 아이디를 정하고 파일 이름도 그 아이디로 바꿔 주세요",
    ]


def test_two_guides_named_after_one_id_in_two_folders_blame_the_later(tmp_path: Path) -> None:
    nested = SAMPLE.replace("$schema=../guide.schema.json", "$schema=../../guide.schema.json")
    _files, problems = load(tmp_path, {"guides/kb/sample-guide.yml": nested, "guides/sample-guide.yml": SAMPLE})
    assert [str(p) for p in problems] == [
        "content/guides/sample-guide.yml:2:5: id: 아이디 'sample-guide'를 content/guides/kb/sample-guide.yml에서 이미 쓰고 있습니다 (주소가 겹칩니다) — 이 안내서에 다른 아이디를 정하고 파일 이름도 그 아이디로 바꿔 주세요",
    ]


def test_two_guides_with_one_title_get_a_warning(tmp_path: Path) -> None:
    other = SAMPLE.replace("id: sample-guide", "id: other-guide")
    _files, problems = load(tmp_path, {"guides/sample-guide.yml": SAMPLE, "guides/other-guide.yml": other})
    assert [str(p) for p in problems] == [
        "content/guides/sample-guide.yml:3:8: title: 경고: content/guides/other-guide.yml에도 같은 제목의 안내서가 있습니다 — 홈 화면에서 둘을 구별할 수 있도록 제목을 다르게 적어 주세요",
    ]


def test_a_guide_whose_address_is_taken_by_a_page(tmp_path: Path) -> None:
    _files, problems = load(tmp_path, {"guides/sample-guide.yml": SAMPLE, "guides/sample-guide.md": "# 손으로 쓴 페이지\n"})
    assert [str(p) for p in problems] == [
        "content/guides/sample-guide.yml:2:5: id: 주소 guides/sample-guide/를 content/guides/sample-guide.md 페이지가 이미 쓰고 있습니다 — 이 안내서에 다른 아이디를 정하거나 그 페이지의 파일 이름을 바꿔 주세요"
    ]


# Encodings ------------------------------------------------------------------------------------


def test_a_cp949_file_is_named_with_how_to_save_it_as_utf8(tmp_path: Path) -> None:
    assert messages(tmp_path, SAMPLE.encode("cp949")) == [
        "content/guides/sample-guide.yml:3:8: 파일이 UTF-8이 아닙니다 (CP949/EUC-KR로 저장된 것 같습니다) — 편집기에서 '다른 이름으로 저장'을 눌러 인코딩을 UTF-8로 골라 저장해 주세요"
    ]


def test_a_euc_kr_file_gets_the_same_message(tmp_path: Path) -> None:
    assert messages(tmp_path, SAMPLE.encode("euc-kr"))[0].startswith("content/guides/sample-guide.yml:3:8: 파일이 UTF-8이 아닙니다")


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    files, problems = load(tmp_path, {"guides/sample-guide.yml": "\ufeff".encode() + SAMPLE.encode("utf-8")})
    assert problems == [] and files[0].guide.title == "예시 안내서"


def test_decomposed_hangul_is_composed(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", SAMPLE)
    assert decomposed != SAMPLE
    files, problems = load(tmp_path, {"guides/sample-guide.yml": decomposed.encode("utf-8")})
    assert problems == []
    assert files[0].guide.title == "예시 안내서" == unicodedata.normalize("NFC", files[0].guide.title)
    assert len(files[0].guide.title) == 6


# Raw HTML -------------------------------------------------------------------------------------

HTML_FIX = "굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요"

HTML_CASES = {
    "script in a step body": (
        edited_example("body: 첫 단계에서 할 일을 적습니다.", "body: 첫 단계 <script>alert(1)</script>"),
        [f"content/guides/sample-guide.yml:21:16: steps[1].body: HTML 태그 '<script>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "bold tag in the title": (
        edited_example("title: 예시 안내서", "title: <b>예시</b> 안내서"),
        [f"content/guides/sample-guide.yml:3:8: title: HTML 태그 '<b>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "image with an event handler in a checklist item": (
        edited_example("text: 신분증을 챙겼습니다.", "text: '신분증 <img src=x onerror=alert(1)>'"),
        [f"content/guides/sample-guide.yml:30:20: checklists[1].items[1].text: HTML 태그 '<img src=x onerror=alert(1)>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "closing tag": (
        edited_example("label: 비용", "label: 비용</div>"),
        [f"content/guides/sample-guide.yml:13:14: facts[1].label: HTML 태그 '</div>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "comment": (
        edited_example("text: 신분증\n", "text: 신분증 <!-- 숨김 -->\n"),
        [f"content/guides/sample-guide.yml:17:15: prerequisites[1].text: HTML 태그 '<!-- 숨김 -->'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
    "character reference": (
        edited_example("summary: 검사 테스트에 쓰는 안내서입니다.", "summary: 검사 &amp; 테스트"),
        ["content/guides/sample-guide.yml:4:13: summary: HTML 문자 참조 '&amp;'는 쓸 수 없습니다 — 기호를 그대로 적어 주세요. 예: &amp; 대신 &, &lt; 대신 <"],
    ),
    "markup in a source address": (
        edited_example("url: https://www.fss.or.kr", "url: 'https://www.fss.or.kr/\"><script>'"),
        [f"content/guides/sample-guide.yml:10:35: sources[1].url: HTML 태그 '<script>'는 쓸 수 없습니다 — {HTML_FIX}"],
    ),
}


@pytest.mark.parametrize("case", list(HTML_CASES), ids=list(HTML_CASES))
def test_raw_html_is_an_error_naming_the_field(tmp_path: Path, case: str) -> None:
    text, expected = HTML_CASES[case]
    assert messages(tmp_path, text) == expected


@pytest.mark.parametrize("text", ["1 < 2 이고 3 > 2입니다", "R&D 부서", "A & B", "<3", "화살표 -> 다음"])
def test_angle_brackets_and_ampersands_in_prose_are_fine(tmp_path: Path, text: str) -> None:
    assert messages(tmp_path, edited_example("body: 첫 단계에서 할 일을 적습니다.", f"body: '{text}'")) == []


# Links ----------------------------------------------------------------------------------------

LINK_CASES = {
    "http source": (
        edited_example("url: https://www.fss.or.kr", "url: http://www.fss.or.kr"),
        [f"content/guides/sample-guide.yml:10:10: sources[1].url: 링크 'http://www.fss.or.kr'이 https://로 시작하지 않습니다 — https://로 시작하는 전체 주소를 적어 주세요. {DOMAIN_FIX}"],
    ),
    "look-alike source domain": (
        edited_example("url: https://www.fss.or.kr", "url: https://www.fss-or.kr/login"),
        [f"content/guides/sample-guide.yml:10:10: sources[1].url: 링크 'https://www.fss-or.kr/login'의 도메인 'www.fss-or.kr'은 허용 목록에 없습니다 — {DOMAIN_FIX}"],
    ),
    "subdomain of an allowed domain": (
        edited_example("url: https://www.fss.or.kr", "url: https://evil.www.fss.or.kr"),
        [f"content/guides/sample-guide.yml:10:10: sources[1].url: 링크 'https://evil.www.fss.or.kr'의 도메인 'evil.www.fss.or.kr'은 허용 목록에 없습니다 — {DOMAIN_FIX}"],
    ),
    "user-info trick": (
        edited_example("url: https://www.fss.or.kr", "url: https://www.fss.or.kr@evil.example"),
        [f"content/guides/sample-guide.yml:10:10: sources[1].url: 링크 'https://www.fss.or.kr@evil.example'의 주소 모양이 올바르지 않습니다 — 'https://도메인/경로' 모양으로만 적어 주세요. {DOMAIN_FIX}"],
    ),
    "Markdown link in a step body": (
        edited_example("body: 첫 단계에서 할 일을 적습니다.", "body: '[국민은행](https://kbstar.co/login)에 접속합니다.'"),
        [f"content/guides/sample-guide.yml:21:19: steps[1].body: 링크 'https://kbstar.co/login'의 도메인 'kbstar.co'는 허용 목록에 없습니다 — {DOMAIN_FIX}"],
    ),
    "javascript link": (
        edited_example("body: 첫 단계에서 할 일을 적습니다.", "body: '[여기](javascript:alert(1))를 누릅니다.'"),
        [f"content/guides/sample-guide.yml:21:17: steps[1].body: 링크 'javascript:alert(1)'이 https://로 시작하지 않습니다 — https://로 시작하는 전체 주소를 적어 주세요. {DOMAIN_FIX}"],
    ),
    "autolink": (
        edited_example("title: 두 번째 단계입니다", "title: '<https://bit.ly/kb-cert> 접속'"),
        [f"content/guides/sample-guide.yml:23:14: steps[2].title: 링크 'https://bit.ly/kb-cert'의 도메인 'bit.ly'는 허용 목록에 없습니다 — {DOMAIN_FIX}"],
    ),
    "bare address in text": (
        edited_example("text: 신분증을 챙겼습니다.", "text: https://kb-star.example/cert 에서 확인했습니다."),
        [f"content/guides/sample-guide.yml:30:15: checklists[1].items[1].text: 링크 'https://kb-star.example/cert'의 도메인 'kb-star.example'는 허용 목록에 없습니다 — {DOMAIN_FIX}"],
    ),
    "host name written as text": (
        edited_example("text: 신분증\n", "text: kbstar-cert.com에서 신분증 확인\n"),
        [
            f"content/guides/sample-guide.yml:17:11: prerequisites[1].text: 글에 적힌 주소 'kbstar-cert.com'이 허용 목록에 없습니다 — 공식 사이트({ALLOWED_TEXT}) 주소만 적을 수 있습니다. 주소가 아니라 파일 이름이라면 `signCert.der`처럼 백틱(`)으로 감싸 주세요"
        ],
    ),
}


@pytest.mark.parametrize("case", list(LINK_CASES), ids=list(LINK_CASES))
def test_links_outside_the_allow_list_are_errors_naming_the_link(tmp_path: Path, case: str) -> None:
    text, expected = LINK_CASES[case]
    assert messages(tmp_path, text) == expected


def test_official_links_and_addresses_pass(tmp_path: Path) -> None:
    text = edited_example(
        "body: 첫 단계에서 할 일을 적습니다.",
        "body: '[KB국민은행](https://www.kbstar.com/quics?page=C0) 또는 <https://yeskey.or.kr>, 주소창에 www.kbstar.com을 직접 입력합니다.'",
    )
    assert messages(tmp_path, text) == []


# Review dates ---------------------------------------------------------------------------------


def test_a_review_date_in_the_future_is_an_error(tmp_path: Path) -> None:
    assert messages(tmp_path, edited_example("reviewed: 2026-11-01", "reviewed: 2026-11-29")) == [
        "content/guides/sample-guide.yml:7:11: reviewed: 최종 확인일 2026-11-29가 오늘(2026-11-28)보다 뒤입니다 — 공식 자료와 실제로 대조한 날짜를 적어 주세요"
    ]


def test_an_old_review_date_is_a_warning_that_does_not_stop_the_build(tmp_path: Path) -> None:
    files, problems = load(tmp_path, {"guides/sample-guide.yml": edited_example("reviewed: 2026-11-01", "reviewed: 2025-11-27")})
    assert len(files) == 1
    assert [str(p) for p in problems] == [
        "content/guides/sample-guide.yml:7:11: reviewed: 경고: 최종 확인일 2025-11-27부터 12개월이 넘게 지났습니다 (페이지에 '내용 확인이 필요할 수 있습니다'가 표시됩니다) — 공식 자료와 다시 대조한 뒤 reviewed를 그날 날짜로 고쳐 주세요"
    ]


def test_exactly_twelve_months_is_not_yet_stale(tmp_path: Path) -> None:
    assert messages(tmp_path, edited_example("reviewed: 2026-11-01", "reviewed: 2025-11-28")) == []


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(dt.date(2026, 11, 28), 12, dt.date(2025, 11, 28)), (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)), (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)), (dt.date(2026, 1, 15), 3, dt.date(2025, 10, 15))],
)
def test_months_before_counts_calendar_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


def test_a_stale_guide_page_says_it_may_need_checking(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    guide = project / "content" / "guides" / "kb-financial-certificate.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(re.sub(r"^reviewed: .*$", "reviewed: 2020-01-02", text, count=1, flags=re.M), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "경고: 최종 확인일 2020-01-02부터 12개월이 넘게 지났습니다" in result.stderr
    page = BeautifulSoup((tmp_path / "site" / "guides" / "kb-financial-certificate" / "index.html").read_text(encoding="utf-8"), "html.parser")
    notice = page.select_one(".gj-guide .gj-review-due")
    assert notice is not None and notice.get_text(" ", strip=True).startswith("내용 확인이 필요할 수 있습니다.")
    assert page.select_one(".gj-reviewed time")["datetime"] == "2020-01-02"


def test_a_fresh_guide_page_has_no_notice(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "guides" / "kb-financial-certificate" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".gj-reviewed") is not None
    assert page.select_one(".gj-review-due") is None


# The schema comment -----------------------------------------------------------------------------


def test_a_guide_without_the_schema_comment_gets_a_warning(tmp_path: Path) -> None:
    text = SAMPLE.split("\n", 1)[1]
    assert messages(tmp_path, text) == [
        "content/guides/sample-guide.yml:1:1: 경고: 첫 줄에 편집기 자동 완성을 켜는 스키마 주석이 없습니다 — 파일 맨 첫 줄에 '# yaml-language-server: $schema=../guide.schema.json'을 넣어 주세요"
    ]


def test_every_problem_of_every_kind_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        edited_example("reviewed: 2026-11-01", "reviewed: 2027-01-01")
        .replace("title: 예시 안내서", "title: <i>예시</i>", 1)
        .replace("url: https://www.fss.or.kr", "url: http://www.fss.or.kr", 1)
    )
    found = messages(tmp_path, text)
    assert [line.split(": ", 2)[:2] for line in found] == [
        ["content/guides/sample-guide.yml:3:8", "title"],
        ["content/guides/sample-guide.yml:7:11", "reviewed"],
        ["content/guides/sample-guide.yml:10:10", "sources[1].url"],
    ]


# Any text, anywhere, is text (property) -------------------------------------------------------------

INLINE_TAGS = {"em", "strong", "a", "code", "br", "p"}
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='https://evil.example'>은행</a>",
    '"><svg onload=alert(1)>',
    "{: onclick=alert(1) }",
    "&lt;b&gt;",
    "[눌러 주세요](javascript:alert(1))",
    "[은행](https://www.kbstar.com){: onclick=alert(1) }",
    "<https://evil.example>",
    "<!-- 숨김 -->",
    "]]>",
    "`<b>`",
    "***굵게***",
    "# 제목",
    "- 목록",
    "1. 번호",
    "> 인용",
    "    코드",
    "---",
    "| a | b |\n|---|---|",
    "!!! danger",
    "a\n\n<b>b</b>",
    "a\n \nb",
    "</div></section><div>",
    "{{ guide.id }}{% raw %}",
    "\\<b>",
]
PIECES = st.sampled_from(list("<>&\"'=/!?-;#*_[](){}:`\\ \n") + list("abxyzAB019") + ["가", "한글", "은행"])
TEXT = st.one_of(
    st.sampled_from(PAYLOADS),
    st.lists(PIECES, min_size=1, max_size=30).map("".join),
    st.tuples(st.sampled_from(PAYLOADS), st.lists(PIECES, max_size=10).map("".join)).map("".join),
).filter(lambda text: text.strip() != "")


@lru_cache(maxsize=1)
def scaffold() -> Guide:
    """The `new` scaffold: every section and field of the format filled in."""
    project = load_project(ROOT / "mkdocs.yml")
    path = project.content_dir / "guides" / "property-guide.yml"
    text = new_guide_text("property-guide", path, project, policy_for(project))
    return Guide.model_validate(yaml.safe_load(text))


@lru_cache(maxsize=1)
def site_markdown() -> markdown.Markdown:
    """Markdown with exactly the extensions mkdocs.yml gives MkDocs for every page."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def built_page(guide: Guide) -> tuple[BeautifulSoup, dict[str, object]]:
    """The guide's page and the home page as the build makes their HTML, and the guide page's front
    matter as MkDocs reads it (the page title and description the theme prints).

    A guide page is the renderer's HTML as it is; the home page is Markdown, converted as MkDocs converts it.
    """
    rendered = render_guide(guide)
    _body, meta = get_data(front_matter(rendered, f"{guide.url}share.png", hide_from_material_search=True))
    converter = site_markdown()
    converter.reset()
    home_html = converter.convert(get_data(render_home([guide]))[0])
    return BeautifulSoup(rendered.html + home_html, "html.parser"), meta


def with_text(guide: Guide, loc: tuple[str | int, ...], text: str) -> Guide:
    data = guide.model_dump(mode="json")
    target = data
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = text
    return Guide.model_validate(data)


def tag_counts(page: BeautifulSoup) -> Counter[str]:
    return Counter(element.name for element in page.find_all(True) if element.name not in INLINE_TAGS)


FIELDS = [loc for loc, _text in text_fields(scaffold())]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loc=st.sampled_from(FIELDS), text=TEXT)
def test_any_text_in_any_field_is_text_on_the_page_never_markup(loc: tuple[str | int, ...], text: str) -> None:
    try:
        guide = with_text(scaffold(), loc, text)
    except ValidationError:  # a field with rules of its own (a menu name has no arrow) refused it
        assume(False)
    page, meta = built_page(guide)
    baseline, _ = built_page(with_text(scaffold(), loc, "자리표시"))

    # No element the template did not put there, except inline emphasis, code and links, and
    # lists where a body may hold them.
    lists = is_block_text(loc) and has_list(text.strip())
    counts, expected = tag_counts(page), tag_counts(baseline)
    if lists:
        counts, expected = (Counter({k: v for k, v in c.items() if k not in ("ul", "ol", "li")}) for c in (counts, expected))
    assert counts == expected
    for element in page.find_all(True):
        assert not any(name.lower().startswith("on") for name in element.attrs), element
    assert all(value and '"' not in str(value) and "<" not in str(value) for value in (meta["title"], meta["description"]))

    # Every link that renders is one the link check looked at, so no link can slip past it.
    policy = ContentPolicy(OFFICIAL, 12, TODAY)
    new_links = Counter(a.get("href") for a in page.find_all("a")) - Counter(a.get("href") for a in baseline.find_all("a"))
    seen = {text.strip()} if loc[-1] == "url" else set(link_targets(text.strip()))
    assert set(new_links) <= seen

    # Text without Markdown syntax that the checks accept shows exactly as written.
    plain_text = not set("*_[]`\\\n").intersection(text) and "<" not in text and "&" not in text
    subject = Subject("x.yml", Path("x.yml"), SourceMap(), [(loc, text.strip())], None)
    accepted = not list(policy.check_markup(subject)) and not list(policy.check_links(subject))
    shown_on_page = "자리표시" in baseline.get_text()  # search-only fields (aliases) are not
    if plain_text and accepted and shown_on_page and not lists:
        assert text.strip() in page.get_text()


def test_a_nasty_but_accepted_text_in_every_field_survives_a_real_build_as_text(tmp_path: Path) -> None:
    """The whole theme too (page title, table of contents, search index), not only the guide body."""
    nasty = "1 < 2 > 0 & \"따옴표\" 'x' {: onclick=alert(1) } -- 확인"
    project = copy_project(tmp_path / "project")
    data = scaffold().model_dump(mode="json")
    for loc, _text in text_fields(scaffold()):
        if loc[-1] != "url":
            target = data
            for part in loc[:-1]:
                target = target[part]
            target[loc[-1]] = "전체메뉴" if "menus" in loc else nasty  # a menu name is short and has no arrow
    data["reviewed"] = dt.date.today().isoformat()
    text = "# yaml-language-server: $schema=../guide.schema.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (project / "content" / "guides" / "property-guide.yml").write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    html = (tmp_path / "site" / "guides" / "property-guide" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.title is not None and page.title.get_text().startswith(nasty)
    assert not [el for el in page.find_all(True) if any(name.lower().startswith("on") for name in el.attrs)]
    content = page.select_one("article")
    assert content is not None and content.get_text().count(nasty) >= 30
    toc_titles = [a.get_text(strip=True) for a in page.select(".md-nav--secondary a")]
    assert nasty in toc_titles, "the closing heading in the table of contents"
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == nasty, "an attribute value, not attributes"
