"""The site's rules beyond the schema: markup, links, review dates, page addresses, schema comment.

They need settings from mkdocs.yml (the link allow-list, the review age) and today's date, so they
live outside the pydantic model, in one ``ContentPolicy`` that ``check`` applies to every file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit

from .loader import GuideFile
from .model import Guide
from .new_guide import placeholder_texts
from .phones import phone_numbers
from .problems import Loc, Problem, format_path, josa
from .schema import modeline
from .text import LIST_ITEM, has_list, link_targets
from .walk import is_block_text, raw_text_fields, text_fields
from .yaml_source import Mark, SourceMap

# Editors and readers are in Korea: "today" is the date on a Korean calendar, so a review done
# on the morning of the 29th in Seoul is not "in the future" while UTC is still on the 28th.
KOREA = dt.timezone(dt.timedelta(hours=9), "KST")

# What a browser's tokenizer treats as the start of a tag: "<" then a letter, "/", "!" or "?".
# "a < b" stays text. Autolinks (<https://…>) are Markdown links and go to the link check instead.
_TAG = re.compile(r"<(?!(?:https?|ftp)://[^<>\s]*>)[A-Za-z/!?][^<>\n]{0,40}>?")
_CHAR_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
# An address written as text is not a link on the page, but readers type it, so it is checked too:
# a full URL, or a host name alone ("www.kbstar.com에서").
_BARE_URL = re.compile(r"(?i)\b(?:https?|ftp)://[^\s<>()\[\]\"'`]+")
_BARE_HOST = re.compile(r"(?<![A-Za-z0-9.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])")
# Text without any of these has no link, URL or host name for the link check to look at: a
# Markdown link or autolink needs "[" or "<", a URL "://", a host name "x.yz".
_MAYBE_ADDRESS = re.compile(r"[\[<]|://|[A-Za-z0-9-]\.[A-Za-z]")
# `signCert.der`: a file name in backticks is not an address, when its ending is a file's.
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
FILE_EXTENSIONS = frozenset(
    "der key pfx p12 cer crt pem exe apk ipa dmg msi pdf hwp hwpx doc docx xls xlsx ppt pptx txt csv zip jpg jpeg png gif webp svg".split()
)

# Markdown beyond paragraphs, emphasis, links and (in bodies) lists would reach readers as raw
# characters: each is refused with what to write instead. (line pattern, what it is with its particle, the fix)
_RAW_MARKDOWN: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^#{1,6}(?:[ \t]|$)"), "제목(#)은", "단계를 나누려면 steps에 단계를 하나 더 만들고, 강조하려면 **굵게**로 적어 주세요"),
    (re.compile(r"^[ \t]*\|.*\||^[ \t]*:?-{3,}:?[ \t]*\|"), "표(|)는", "표로 보일 내용은 failures나 tips(페이지에 표로 나오는 부분)에 적거나, '- 항목' 목록으로 적어 주세요"),
    (re.compile(r"!\[[^\]\n]*\]\("), "그림(![…](…))은", "그림은 단계의 images 항목에 파일 이름과 설명(alt)으로 적어 주세요 (CONTRIBUTING.md의 '그림 넣기')"),
    (re.compile(r"^[ \t]*(?:```|~~~)"), "코드 블록(```)은", "파일 이름이나 메뉴 이름은 `signCert.der`처럼 한 줄 안에서 백틱(`)으로 감싸 주세요"),
    (re.compile(r"^[ \t]*>"), "인용(>)은", "주의할 점은 단계의 notes에, 경고는 warnings에 적어 주세요"),
    (re.compile(r"^[ \t]*(?:-[ \t]*){3,}$|^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:_[ \t]*){3,}$|^=+[ \t]*$"), "가로줄이나 밑줄 제목(---, ===)은", "문단은 빈 줄 하나로 나눠 주세요"),
)
_NESTED_ITEM = re.compile(r"^[ \t]+(?:[-*+]|[0-9]{1,3}[.)])[ \t]+\S")


def today_in_korea() -> dt.date:
    return dt.datetime.now(KOREA).date()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the 31st becomes the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for candidate in range(day.day, 27, -1):
        try:
            return dt.date(year, month + 1, candidate)
        except ValueError:
            continue
    return dt.date(year, month + 1, min(day.day, 28))


@dataclass(frozen=True)
class Subject:
    """What the checks look at in one guide file, whether or not it passed the schema."""

    display: str
    path: Path
    source: SourceMap
    texts: list[tuple[Loc, str]]
    reviewed: dt.date | None

    @classmethod
    def of(cls, loaded: GuideFile) -> Subject:
        return cls(loaded.display, loaded.path, loaded.source, list(text_fields(loaded.guide)), loaded.guide.reviewed)

    @classmethod
    def of_raw(cls, path: Path, display: str, data: dict[str, Any], source: SourceMap) -> Subject:
        """A file that parsed but failed validation: its texts are still checked."""
        reviewed = data.get("reviewed")
        is_date = isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime)
        return cls(display, path.resolve(), source, list(raw_text_fields(data)), reviewed if is_date else None)

    @property
    def first_line(self) -> str:
        """Where the schema comment belongs."""
        return self.source.text.split("\n", 1)[0].strip()

    def problem(self, loc: Loc, message: str, fix: str, severity: str = "error", *, at: str = "") -> Problem:
        """A problem at the value of loc, or at the line inside it that holds ``at`` when given."""
        mark = self.source.value(loc)
        if at:
            mark = self._find(mark, at, dict(self.texts).get(loc, ""))
        return Problem(self.display, mark.line, mark.column, format_path(loc), message, fix, severity)  # type: ignore[arg-type]

    def _find(self, start: Mark, needle: str, value: str) -> Mark:
        """Where needle is written inside the value that starts at start (a link on line 3 of a body)."""
        lines = self.source.text.split("\n")
        last = min(len(lines), start.line + value.count("\n") + 2)
        for number in range(start.line, last + 1):
            line = lines[number - 1]
            column = line.find(needle, start.column - 1 if number == start.line else 0)
            if column >= 0:
                return Mark(number, column + 1)
        return start


def _file_names_out(span: re.Match[str]) -> str:
    """A code span whose every dotted word ends like a file (`signCert.der`) is no address."""
    names = _BARE_HOST.findall(span.group(1))
    if names and all(name.rsplit(".", 1)[-1].lower() in FILE_EXTENSIONS for name in names):
        return " "
    return span.group(0)


def _split(url: str) -> SplitResult | None:
    """The address's parts, or None when urllib cannot read them (a port that is not a number, an unclosed '[')."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (reading it is what raises)
    except ValueError:
        return None
    return parts


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class ContentPolicy:
    """The site's rules for what may be published, read from the giljabi plugin's options."""

    allowed_domains: tuple[str, ...]
    review_max_age_months: int
    today: dt.date
    content_dir: Path | None = None
    allowed_phone_numbers: tuple[str, ...] = ()  # digits only: "1332", "15881234"

    def check_file(self, subject: Subject) -> Iterable[Problem]:
        """Every check that looks at one file alone, valid or not, so an editor sees every problem
        in one run instead of one kind per run."""
        yield from self.check_markup(subject)
        yield from self.check_block_markdown(subject)
        yield from self.check_placeholders(subject)
        yield from self.check_links(subject)
        yield from self.check_phone_numbers(subject)
        yield from self.check_reviewed(subject)
        yield from self.check_modeline(subject)

    # Markup -------------------------------------------------------------------------------

    def check_markup(self, subject: Subject) -> Iterable[Problem]:
        """Raw HTML is escaped on the page anyway; it is still refused, because in a pull request it
        is a sign of someone trying to smuggle markup past the reviewer."""
        for loc, text in subject.texts:
            if "<" not in text and "&" not in text:  # what both patterns need: most texts have neither
                continue
            for match in _TAG.finditer(text):
                if match.group(0).startswith("</") and any(m.group(0).startswith("<" + match.group(0)[2:].rstrip(">")) for m in _TAG.finditer(text)):
                    continue  # the closing tag of one already named
                yield subject.problem(
                    loc,
                    f"HTML 태그 '{_shorten(match.group(0), 40)}'는 쓸 수 없습니다",
                    "굵게는 **글**, 링크는 [글](https://…)처럼 Markdown으로 적어 주세요. '<' 기호 자체가 필요하면 뒤에 공백을 넣어 주세요",
                    at=match.group(0),
                )
            for match in _CHAR_REFERENCE.finditer(_TAG.sub(" ", text)):
                yield subject.problem(
                    loc,
                    f"HTML 문자 참조 '{match.group(0)}'는 쓸 수 없습니다",
                    "기호를 그대로 적어 주세요. 예: &amp; 대신 &, &lt; 대신 <",
                    at=match.group(0),
                )

    def check_block_markdown(self, subject: Subject) -> Iterable[Problem]:
        """Markdown that would be published as raw characters (a table, a heading, an image), and
        lists where only a body can hold them."""
        for loc, text in subject.texts:
            if loc[-1] == "url":
                continue
            block = is_block_text(loc)
            said: set[str] = set()  # a table is many lines, one mistake
            for line in text.split("\n"):
                for pattern, what, fix in _RAW_MARKDOWN:
                    if pattern.search(line):
                        if what not in said:
                            said.add(what)
                            yield subject.problem(loc, f"{what} 글 안에 쓸 수 없습니다: 페이지에 기호가 그대로 보입니다", fix, at=line.strip())
                        break
                else:
                    if block and _NESTED_ITEM.match(line):
                        yield subject.problem(
                            loc, "목록 안에 목록을 넣을 수 없습니다", "'- '나 '1. '로 시작하는 줄은 들여 쓰지 말고 한 단계 목록으로 적어 주세요", at=line.strip()
                        )
            if not block and has_list(text):
                line = next(line for line in text.split("\n") if LIST_ITEM.match(line))
                yield subject.problem(
                    loc,
                    "목록('- ', '1. ')은 본문(body, intro, strategies)에서만 쓸 수 있습니다",
                    "한 줄로 이어 쓰거나, 여러 개라면 목록 항목(tips, notes, points)으로 나눠 적어 주세요",
                    at=line.strip(),
                )

    def check_placeholders(self, subject: Subject) -> Iterable[Problem]:
        """The example texts of `./dev new` are instructions to the editor, never content."""
        examples = placeholder_texts()
        for loc, text in subject.texts:
            if text in examples:
                yield subject.problem(
                    loc,
                    f"새 안내서 예시 글 {josa(repr(_shorten(text, 40)), '이', '가')} 그대로 있습니다",
                    "실제 내용으로 바꿔 쓰거나, 쓰지 않는 부분이면 통째로 지워 주세요",
                )

    # Links --------------------------------------------------------------------------------

    def link_problem(self, url: str) -> tuple[str, str] | None:
        """Why url may not appear in a guide, as (message, fix); None when it is allowed."""
        allowed = ", ".join(self.allowed_domains) or "(없음)"
        fix_domain = f"공식 사이트({allowed}) 주소만 쓸 수 있습니다. 새 공식 사이트라면 mkdocs.yml의 links_allowed_domains에 먼저 추가해야 합니다"
        quoted = f"'{_shorten(url)}'"
        parts = _split(url.strip())
        if parts is not None and parts.scheme.lower() != "https":
            return f"링크 {josa(quoted, '이', '가')} https://로 시작하지 않습니다", f"https://로 시작하는 전체 주소를 적어 주세요. {fix_domain}"
        if parts is None or "@" in parts.netloc or parts.port is not None or any(c.isspace() for c in url.strip()):
            return f"링크 {quoted}의 주소 모양이 올바르지 않습니다", f"'https://도메인/경로' 모양으로만 적어 주세요. {fix_domain}"
        host = (parts.hostname or "").rstrip(".").lower()
        repr_host = f"'{host}'"
        if host not in self.allowed_domains:
            return f"링크 {quoted}의 도메인 {josa(repr_host, '은', '는')} 허용 목록에 없습니다", fix_domain
        return None

    def host_problem(self, host: str) -> tuple[str, str] | None:
        """A host name written as plain text: allowed when it is an allowed domain."""
        if host.rstrip(".").lower() in self.allowed_domains:
            return None
        allowed = ", ".join(self.allowed_domains) or "(없음)"
        return (
            f"글에 적힌 주소 {josa(repr(host), '이', '가')} 허용 목록에 없습니다",
            f"공식 사이트({allowed}) 주소만 적을 수 있습니다. 주소가 아니라 파일 이름이라면 `signCert.der`처럼 백틱(`)으로 감싸 주세요",
        )

    def check_links(self, subject: Subject) -> Iterable[Problem]:
        """Only https:// links to allowed domains: the guard against a phishing link in a PR."""
        for loc, text in subject.texts:
            is_url_field = loc[-1] == "url"
            if not is_url_field and not _MAYBE_ADDRESS.search(text):
                continue
            urls = [text] if is_url_field else link_targets(text)
            bare = [] if is_url_field else _BARE_URL.findall(text)
            for url in dict.fromkeys([*urls, *bare]):
                if found := self.link_problem(url):
                    yield subject.problem(loc, *found, at="" if is_url_field else url)
            if is_url_field:
                continue
            prose = re.sub(r"\]\([^)]*\)", "]", _BARE_URL.sub(" ", _CODE_SPAN.sub(_file_names_out, text)))
            for host in dict.fromkeys(m.group(0) for m in _BARE_HOST.finditer(prose)):
                if found := self.host_problem(host):
                    yield subject.problem(loc, *found, at=host)

    # Phone numbers -----------------------------------------------------------------------

    def check_phone_numbers(self, subject: Subject) -> Iterable[Problem]:
        """Only official numbers: the page makes every phone number a tel: link a reader taps, so a
        scam number slipped into a pull request must never pass (generator/content/phones.py says
        what counts as a phone number)."""
        allowed = ", ".join(self.allowed_phone_numbers) or "(없음)"
        for loc, text in subject.texts:
            for number in phone_numbers(text):
                if number.digits not in self.allowed_phone_numbers:
                    quoted = f"'{number.written}'"
                    yield subject.problem(
                        loc,
                        f"전화번호 {josa(quoted, '은', '는')} 허용 목록에 없습니다",
                        f"공식 번호({allowed})만 적을 수 있습니다. 새 공식 번호라면 mkdocs.yml의 phone_numbers_allowed에 먼저 추가해야 합니다. "
                        "전화번호가 아니라면 숫자 뒤에 단위(건, 명 등)를 붙여 주세요",
                        at=number.written,
                    )

    # Review dates -------------------------------------------------------------------------

    def review_due(self, guide: Guide) -> bool:
        """Whether the guide was last checked against official sources too long ago."""
        return self.is_stale(guide.reviewed)

    def is_stale(self, reviewed: dt.date) -> bool:
        return reviewed < months_before(self.today, self.review_max_age_months)

    def check_reviewed(self, subject: Subject) -> Iterable[Problem]:
        reviewed = subject.reviewed
        if reviewed is None:
            return
        if reviewed > self.today:
            yield subject.problem(
                ("reviewed",),
                f"최종 확인일 {josa(reviewed.isoformat(), '이', '가')} 오늘({self.today.isoformat()})보다 뒤입니다",
                "공식 자료와 실제로 대조한 날짜를 적어 주세요",
            )
        elif self.is_stale(reviewed):
            yield subject.problem(
                ("reviewed",),
                f"최종 확인일 {reviewed.isoformat()}부터 {self.review_max_age_months}개월이 넘게 지났습니다 (페이지에 '내용 확인이 필요할 수 있습니다'가 표시됩니다)",
                "공식 자료와 다시 대조한 뒤 reviewed를 그날 날짜로 고쳐 주세요",
                "warning",
            )

    # Addresses ----------------------------------------------------------------------------

    def check_page_addresses(self, files: list[GuideFile]) -> Iterable[Problem]:
        """A guide's page address must not be taken by a hand-written page in content/."""
        if self.content_dir is None:
            return
        for loaded in files:
            src = loaded.guide.page_src
            for taken in (src, src.removesuffix(".md") + "/index.md"):
                if (self.content_dir / taken).is_file():
                    yield loaded.problem(
                        ("id",),
                        f"주소 {loaded.guide.url}를 content/{taken} 페이지가 이미 쓰고 있습니다",
                        "이 안내서에 다른 아이디를 정하거나 그 페이지의 파일 이름을 바꿔 주세요",
                    )

    def check_modeline(self, subject: Subject) -> Iterable[Problem]:
        """Without the schema comment on line 1 an editor's autocompletion silently does nothing."""
        if self.content_dir is None:
            return
        expected = modeline(subject.path, self.content_dir.resolve())
        if subject.first_line != expected:
            yield Problem(
                subject.display,
                1,
                1,
                "",
                "첫 줄에 편집기 자동 완성을 켜는 스키마 주석이 없습니다",
                f"파일 맨 첫 줄에 {josa(repr(expected), '을', '를')} 넣어 주세요",
                "warning",
            )
