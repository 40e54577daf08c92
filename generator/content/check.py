"""The one way a guide is read and checked: each file alone, then the files against each other.

``check_guide`` reads, validates and policy-checks one file; its result depends on that file, the
policy and our code alone, which is what lets the build cache it. ``check_across`` adds what only
the whole set can tell (two guides with one id, a page address a hand-written page already has).
The editors' ``check`` command and the site build both go through ``generator.build``, which
calls these two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .loader import GUIDE_GLOB, GuideFile, display_path, read_guide
from .policy import ContentPolicy, Subject
from .problems import Problem, has_errors, josa
from .terms import check_aliases


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
    problems = [*read.problems, *policy.check_file(subject)]
    if read.file is not None:
        problems.extend(_id_matches_file_name(read.file))
        problems.extend(check_aliases(read.file))
    return CheckedFile(display, read.file, problems)


def _id_matches_file_name(loaded: GuideFile) -> Iterable[Problem]:
    """A guide's id is its address: a file renamed or an id retyped must not move a published page."""
    stem = loaded.path.stem
    ident = loaded.guide.id
    if stem == ident:
        return
    yield loaded.problem(
        ("id",),
        f"아이디 {josa(repr(ident), '이', '가')} 파일 이름 {josa(repr(loaded.path.name), '과', '와')} 다릅니다",
        f"새 안내서라면 파일 이름을 {ident}.yml로 바꿔 주세요. 이미 공개된 안내서라면 공개된 아이디로 둘을 맞춰 주세요: 파일 이름을 "
        f"바꿨다면 {ident}.yml로 되돌리고, id를 바꿨다면 {stem}로 되돌립니다. 페이지 주소(guides/<아이디>/)와 독자의 체크 기록이 "
        "id에 묶여 있어, 공개된 id가 바뀌면 북마크와 기록이 사라집니다",
    )


def check_across(files: list[GuideFile], policy: ContentPolicy, root: Path | None = None) -> list[Problem]:
    """Problems between guides: a repeated id or title, a page address taken by a hand-written page,
    and files under content/ that look like guides but would never be read as one."""
    unread = _unread_guides(policy.content_dir, root) if policy.content_dir is not None and root is not None else []
    return [*_unique_ids(files), *_unique_titles(files), *policy.check_page_addresses(files), *unread]


def _unique_ids(files: list[GuideFile]) -> Iterable[Problem]:
    """Two guides on one address: the blame goes to the copy whose file name is not its id (the
    newcomer, since the published guide's file is named after it); failing that, to every later one."""
    by_id: dict[str, list[GuideFile]] = {}
    for loaded in files:
        by_id.setdefault(loaded.guide.id, []).append(loaded)
    for ident, group in by_id.items():
        if len(group) < 2:
            continue
        named_after = [f for f in group if f.path.stem == ident]
        keeper = named_after[0] if named_after else group[0]
        for loaded in group:
            if loaded is not keeper:
                yield loaded.problem(
                    ("id",),
                    f"아이디 {josa(repr(ident), '을', '를')} {keeper.display}에서 이미 쓰고 있습니다 (주소가 겹칩니다)",
                    "이 안내서에 다른 아이디를 정하고 파일 이름도 그 아이디로 바꿔 주세요",
                )


def _unique_titles(files: list[GuideFile]) -> Iterable[Problem]:
    """Two cards with one title on the home page leave a reader guessing."""
    seen: dict[str, GuideFile] = {}
    for loaded in files:
        first = seen.setdefault(loaded.guide.title, loaded)
        if first is not loaded and first.guide.id != loaded.guide.id:
            yield loaded.problem(
                ("title",),
                f"{first.display}에도 같은 제목의 안내서가 있습니다",
                "홈 화면에서 둘을 구별할 수 있도록 제목을 다르게 적어 주세요",
                "warning",
            )


def _unread_guides(content_dir: Path, root: Path) -> Iterable[Problem]:
    """YAML files that look like a guide (top-level id and title, or steps) but are not read as one.

    Without this, such a file is skipped with "문제 없음" and MkDocs publishes its raw YAML.
    """
    read = set(content_dir.glob(GUIDE_GLOB))  # the same spelling as rglob's paths below, so no resolve() is needed
    for path in sorted(content_dir.rglob("*")):
        if path.suffix.lower() not in (".yml", ".yaml") or path in read or not path.is_file():
            continue
        try:
            head = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if not (_TOP_LEVEL_STEPS.search(head) or (_TOP_LEVEL_ID.search(head) and _TOP_LEVEL_TITLE.search(head))):
            continue
        display = display_path(path, root)
        guides = content_dir / "guides"
        inside = guides.resolve() in path.resolve().parents
        ident = _TOP_LEVEL_ID_VALUE.search(head)
        target = (path.parent if inside else guides) / f"{ident.group(1) if ident else path.stem}.yml"
        where = display_path(target, root)
        message = (
            "안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서 파일 이름은 소문자 .yml로 끝나야 합니다"
            if inside
            else "안내서처럼 보이지만 읽히지 않는 파일입니다: 안내서는 content/guides/ 폴더 안에 있어야 합니다"
        )
        yield Problem(display, 1, 1, "", message, f"파일 이름을 {where}로 바꿔 주세요. 그대로 두면 페이지는 만들어지지 않고 YAML 원문이 사이트에 올라갑니다")


_TOP_LEVEL_ID = re.compile(r"^id\s*:", re.MULTILINE)
_TOP_LEVEL_TITLE = re.compile(r"^title\s*:", re.MULTILINE)
_TOP_LEVEL_ID_VALUE = re.compile(r"^id\s*:\s*([a-z0-9-]+)\s*$", re.MULTILINE)
_TOP_LEVEL_STEPS = re.compile(r"^steps\s*:", re.MULTILINE)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """In file order, then by line and column: how an editor reads them."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))
