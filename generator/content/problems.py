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
