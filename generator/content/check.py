"""The one way a guide is read and checked: each file alone, then the files against each other.

``check_guide`` reads, validates and policy-checks one file; its result depends on that file, the
policy and our code alone, which is what lets the build cache it. ``check_across`` adds what only
the whole set can tell (two guides with one id, a page address a hand-written page already has).
The editors' ``check`` command and the site build both go through ``generator.build``, which
calls these two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .loader import GuideFile, display_path, read_guide
from .policy import ContentPolicy, Subject
from .problems import Problem, has_errors


@dataclass(frozen=True)
class CheckedFile:
    """One guide file, read and checked on its own."""

    display: str  # the file's name as editors see it
    file: GuideFile | None  # None when it does not fit the schema
    problems: list[Problem]  # errors and warnings of this file alone

    @property
    def publishable(self) -> bool:
        return self.file is not None and not has_errors(self.problems)


def check_guide(path: Path, policy: ContentPolicy, root: Path) -> CheckedFile:
    """Read, validate and policy-check one file; never raises for an editor's mistake.

    A guide that fits the schema but breaks the policy (a link to a foreign site, say) keeps its
    ``file``, so the checks across files still see it; it is not publishable while it has errors.
    """
    display = display_path(path, root)
    read = read_guide(path, display)
    if read.file is not None:
        subject = Subject.of(read.file)
    elif read.data is not None and read.source is not None:
        subject = Subject.of_raw(path, display, read.data, read.source)
    else:  # not even a YAML mapping: the reader's problem says why, and there is nothing else to look at
        return CheckedFile(display, None, read.problems)
    return CheckedFile(display, read.file, [*read.problems, *policy.check_file(subject)])


def check_across(files: list[GuideFile], policy: ContentPolicy) -> list[Problem]:
    """Problems between guides: a repeated id, a page address taken by a hand-written page."""
    return [*_unique_ids(files), *policy.check_page_addresses(files)]


def _unique_ids(files: list[GuideFile]) -> Iterable[Problem]:
    seen: dict[str, GuideFile] = {}
    for loaded in files:
        first = seen.setdefault(loaded.guide.id, loaded)
        if first is not loaded:
            yield loaded.problem(
                ("id",),
                f"아이디 '{loaded.guide.id}'를 {first.display}에서 이미 쓰고 있습니다 (주소가 겹칩니다)",
                "이 안내서에 다른 아이디를 정해 주세요",
            )


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In file order, then by line and column: how an editor reads them."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))
