"""Problems found in content files, and how they are shown to editors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one content file, at one place, with its fix."""

    file: str
    line: int
    column: int
    path: str
    message: str
    fix: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        field = f"{self.path}: " if self.path else ""
        prefix = "" if self.severity == "error" else "경고: "
        return f"{where}{field}{prefix}{self.message} — {self.fix}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
            "text": str(self),
        }


    def as_github(self) -> str:
        """A GitHub Actions workflow command: the problem shown on the pull request's diff, at its line."""
        command = "error" if self.severity == "error" else "warning"
        title = f"안내서 검사: {self.path}" if self.path else "안내서 검사"
        properties = f"file={_escape_property(self.file)},line={self.line},col={self.column},title={_escape_property(title)}"
        return f"::{command} {properties}::{_escape_data(f'{self.message} — {self.fix}')}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class ContentError(Exception):
    """Raised once, after every content file was read, when any of them has errors."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(summary(self.problems))
        return "\n".join(lines)


def has_errors(problems: Iterable[Problem]) -> bool:
    """Whether anything stops the build (warnings do not)."""
    return any(p.severity == "error" for p in problems)


def summary(problems: list[Problem]) -> str:
    """The one-line verdict: "문제 3개: 오류 2, 경고 1"."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "문제 없음: 모든 안내서가 올바릅니다."
    return f"문제 {len(problems)}개: 오류 {errors}, 경고 {warnings}"


def markdown_summary(problems: list[Problem], limit: int = 50) -> str:
    """The check's verdict for a pull request's job summary: the count, then a table of problems."""
    title = f"### 안내서 검사: {summary(problems)}"
    if not problems:
        return title + "\n"

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = [
        f"| {'오류' if p.severity == 'error' else '경고'} | `{p.file}:{p.line}:{p.column}` | {cell(p.path) or '—'} | {cell(p.message)} | {cell(p.fix)} |"
        for p in problems[:limit]
    ]
    more = [f"\n… 문제 {len(problems) - limit}개가 더 있습니다. 전체 목록은 '안내서 검사' 단계의 기록에 있습니다."] if len(problems) > limit else []
    return "\n".join(
        [
            title,
            "",
            "바뀐 파일의 해당 줄에도 같은 메시지가 표시됩니다(Files changed 탭). 고친 파일을 같은 브랜치에 다시 올리면 검사가 다시 돌아갑니다.",
            "",
            "| 구분 | 위치 | 항목 | 문제 | 고치는 법 |",
            "|---|---|---|---|---|",
            *rows,
            *more,
        ]
    ) + "\n"


def format_path(loc: Loc) -> str:
    """('steps', 2, 'title') -> 'steps[3].title': editors count list items from 1."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


# A parenthesis closing a word that comes before it: "숫자(123)" takes the particle of 숫자.
_TRAILING_ASIDE = re.compile(r"(?<=[^\s(])\([^()]*\)$")


def has_final_consonant(word: str) -> bool:
    """Whether the last Hangul syllable ends in a consonant (받침), which picks the particle.

    Quotes around the word do not count, and neither does an aside in parentheses after it:
    a particle after "숫자(123)" agrees with 숫자, as Korean writes it.
    """
    for char in reversed(_TRAILING_ASIDE.sub("", word.strip(" ")).strip(" '\")")):
        if "가" <= char <= "힣":
            return (ord(char) - 0xAC00) % 28 != 0
        if char.isdigit():
            return char in "013678"
        if char.isalpha():
            return char.lower() in "lmnr"
    return False


def particle(word: str, with_batchim: str, without: str) -> str:
    """The particle that follows word: particle('제목', '이', '가') -> '이'."""
    return with_batchim if has_final_consonant(word) else without


def josa(word: str, with_batchim: str, without: str) -> str:
    """word + the right particle: josa('제목', '이', '가') -> '제목이'."""
    return word + particle(word, with_batchim, without)
