"""Read one guide file: decode, parse and validate it, translating every mistake for its editor.

Nothing here raises for anything an editor can get wrong; every mistake becomes a Problem
with the file, the line and the fix. The policy checks and the cross-file checks are in
``check``, which is the one way the rest of the package reads a guide.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .model import Guide, models_in
from .walk import NOT_TEXT
from .problems import Loc, Problem, format_path, has_errors, josa, particle
from .yaml_source import Mark, NotUtf8Error, Parsed, SourceMap, UnreadableValue, YamlSyntaxError, decode, parse, trailing_comments

GUIDE_GLOB = "guides/**/*.yml"


@dataclass(frozen=True)
class GuideFile:
    """A validated guide and the file it came from, with positions for later checks."""

    guide: Guide
    path: Path  # absolute
    display: str  # as shown to editors, relative to the project root
    source: SourceMap
    # sha256 of the validated guide as JSON (and its glossary terms), when the build worked it
    # out once and cached it.
    digest: str = ""
    # The site glossary's entries this guide uses, as (term, explanation), in the glossary's order.
    terms: tuple[tuple[str, str], ...] = ()

    def content_digest(self) -> str:
        """Changes exactly when the guide's data or the explanations of its terms change (not its
        comments or key order)."""
        return self.digest or guide_digest(self.guide, self.terms)

    def problem(self, loc: Loc, message: str, fix: str, severity: str = "error", *, key: bool = False) -> Problem:
        mark = self.source.key(loc) if key else self.source.value(loc)
        return Problem(self.display, mark.line, mark.column, format_path(loc), message, fix, severity)  # type: ignore[arg-type]


def guide_digest(guide: Guide, terms: tuple[tuple[str, str], ...] = ()) -> str:
    data = guide.model_dump_json() + (repr(terms) if terms else "")
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReadFile:
    """What reading one file gave: the valid guide, or the parsed data the checks can still look at."""

    file: GuideFile | None
    problems: list[Problem] = field(default_factory=list)
    data: dict[str, Any] | None = None  # parsed YAML, when the file was a mapping at all
    source: SourceMap | None = None


def guide_paths(content_dir: Path) -> list[Path]:
    return sorted(p for p in content_dir.glob(GUIDE_GLOB) if p.is_file())


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_yaml(path: Path, display: str) -> tuple[Parsed | None, list[Problem]]:
    """Decode and parse one YAML content file: what it holds and where, or None when it could not
    be read, with every reading problem (a repeated key, an unreadable value, a stray comment)."""
    try:
        text = decode(path.read_bytes())
    except NotUtf8Error as error:
        return None, [
            Problem(
                display,
                error.mark.line,
                error.mark.column,
                "",
                "파일이 UTF-8이 아닙니다 (CP949/EUC-KR로 저장된 것 같습니다)",
                "편집기에서 '다른 이름으로 저장'을 눌러 인코딩을 UTF-8로 골라 저장해 주세요",
            )
        ]
    try:
        parsed = parse(text)
    except YamlSyntaxError as error:
        return None, [yaml_problem(error, text, display)]
    problems = [
        Problem(
            display,
            dup.second.line,
            dup.second.column,
            format_path(dup.loc),
            f"'{dup.loc[-1]}' 항목이 두 번 적혀 있습니다 (처음은 {dup.first.line}번째 줄)",
            "둘 중 하나만 남겨 주세요",
        )
        for dup in parsed.duplicate_keys
    ]
    problems.extend(_unreadable(value, display) for value in parsed.unreadable)
    problems.extend(_trailing_comments(text, display))
    return parsed, problems


def read_guide(path: Path, display: str) -> ReadFile:
    """Read and validate one guide file; never raises for anything an editor can get wrong."""
    parsed, problems = read_yaml(path, display)
    if parsed is None:
        return ReadFile(None, problems)
    data, source = parsed.data, parsed.source
    if not isinstance(data, dict):
        message = "파일이 비어 있습니다" if data is None else "파일 전체가 'id: …', 'title: …' 같은 항목들의 묶음이어야 합니다"
        problems.append(Problem(display, 1, 1, "", message, f"{NEW_COMMAND}로 만든 예시 파일을 보고 같은 모양으로 적어 주세요"))
        return ReadFile(None, problems)

    problems.extend(_duplicate_ids(data, source, display))
    try:
        guide = Guide.model_validate(data)
    except ValidationError as error:
        problems.extend(_translate(error, source, display, {value.loc for value in parsed.unreadable}))
        return ReadFile(None, problems, data, source)
    if has_errors(problems):
        return ReadFile(None, problems, data, source)
    return ReadFile(GuideFile(guide, path.resolve(), display, source), problems, data, source)


# What messages tell an editor to run: the repository's own script works from a fresh clone.
NEW_COMMAND = "./dev new <아이디>"
QUOTE_FIX = "값 전체를 따옴표로 감싸 주세요"


def single_quoted(value: str) -> str:
    """value as a YAML single-quoted scalar, the quoting that leaves Markdown and double quotes alone."""
    return "'" + value.replace("'", "''") + "'"


def _unreadable(value: UnreadableValue, display: str) -> Problem:
    where = format_path(value.loc)
    if value.is_date:
        return Problem(
            display,
            value.mark.line,
            value.mark.column,
            where,
            f"{josa(repr(value.text), '은', '는')} 달력에 없는 날짜입니다",
            "날짜는 2026-11-28처럼 연-월-일로 적고, 월은 1~12, 일은 그 달에 있는 날로 적어 주세요. "
            f"날짜가 아니라 글이라면 {QUOTE_FIX}. 예: {single_quoted(value.text)}",
        )
    return Problem(
        display,
        value.mark.line,
        value.mark.column,
        where,
        f"값 앞의 '{value.tag}'를 YAML이 형식 표시(태그)로 읽어 값을 읽지 못했습니다",
        f"글이라면 {QUOTE_FIX}. 예: {single_quoted(value.tag + ' ' + value.text)}",
    )


def _trailing_comments(text: str, display: str) -> Iterable[Problem]:
    """A note after a setting (`when: before  # …`) loses nothing; after a text it usually does."""
    for found in trailing_comments(text):
        if NOT_TEXT.intersection(part for part in found.loc if isinstance(part, str)):
            continue
        kept = f" 지금은 {single_quoted(found.value)}까지만 읽힙니다." if found.value else " 지금은 값이 비어 있는 것으로 읽힙니다."
        yield Problem(
            display,
            found.mark.line,
            found.mark.column,
            format_path(found.loc),
            f"값 뒤의 {josa(repr(found.comment), '은', '는')} 주석으로 읽혀 페이지에 나오지 않습니다.{kept}",
            f"'#' 뒤의 글도 값이라면 {QUOTE_FIX}. 예: {single_quoted((found.value + ' ' + found.comment).strip())}. 메모로 남긴 주석이라면 그대로 두어도 됩니다",
            "warning",
        )


ID_LISTS: tuple[Loc, ...] = (("facts",), ("prerequisites",), ("steps",), ("failures",), ("tips",), ("checklists",))


def _duplicate_ids(data: dict[str, Any], source: SourceMap, display: str) -> Iterable[Problem]:
    """Ids are one namespace per guide, so saved progress and links can never mix two items up."""
    seen: dict[str, Loc] = {}

    def visit(items: Any, loc: Loc) -> Iterable[Problem]:
        if not isinstance(items, list):
            return
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            item_loc = (*loc, index)
            ident = item.get("id")
            if isinstance(ident, str) and ident:
                if ident in seen:
                    first = source.value((*seen[ident], "id"))
                    mark = source.value((*item_loc, "id"))
                    yield Problem(
                        display,
                        mark.line,
                        mark.column,
                        format_path((*item_loc, "id")),
                        f"아이디가 겹칩니다: '{ident}' ({first.line}번째 줄 {format_path(seen[ident])}에서 이미 씀)",
                        "안내서 안에서 한 번만 쓰는 다른 아이디로 바꿔 주세요",
                    )
                else:
                    seen[ident] = item_loc
            if loc == ("checklists",):
                yield from visit(item.get("items"), (*item_loc, "items"))

    for loc in ID_LISTS:
        yield from visit(data.get(loc[0]), loc)


def _field_at(loc: Loc) -> tuple[FieldInfo | None, type[BaseModel] | None]:
    """The pydantic field a location points at, and the model that declares it."""
    model: Any = Guide
    info: FieldInfo | None = None
    owner: type[BaseModel] | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None, model if isinstance(model, type) and issubclass(model, BaseModel) else None
        owner = model
        info = model.model_fields[part]
        model = next(models_in(info.annotation), None)
    return info, owner


def _title(info: FieldInfo | None, loc: Loc) -> str:
    if info and info.title:
        return info.title
    return str(next((p for p in reversed(loc) if isinstance(p, str)), "값"))


def _hint(info: FieldInfo | None) -> str:
    extra = info.json_schema_extra if info else None
    if isinstance(extra, dict) and isinstance(extra.get("hint"), str):
        return extra["hint"]
    return f"예시 안내서({NEW_COMMAND})와 같은 모양으로 적어 주세요"


def _describe(value: Any) -> str:
    if value is None:
        return "빈 값"
    if isinstance(value, bool):
        return f"참/거짓 값({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"숫자({value})"
    if isinstance(value, list):
        return "목록"
    if isinstance(value, dict):
        return "'항목: 값' 묶음"
    return f"'{value}'"


def _misspelt(errors: list[Any]) -> set[Loc]:
    """Required keys reported missing only because the editor misspelt them (sumary → summary)."""
    explained: set[Loc] = set()
    for item in errors:
        if item["type"] != "extra_forbidden":
            continue
        loc: Loc = tuple(item["loc"])
        _info, owner = _field_at(loc)
        close = difflib.get_close_matches(str(loc[-1]), list(owner.model_fields) if owner else [], n=1, cutoff=0.6)
        if close:
            explained.add((*loc[:-1], close[0]))
    return explained


def _is_id_shaped(value: str) -> bool:
    """Only allowed characters, so a rejected id is wrong in its hyphens, not its letters."""
    return bool(value) and all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in value)


def _translate(error: ValidationError, source: SourceMap, display: str, unreadable: set[Loc] = frozenset()) -> list[Problem]:  # type: ignore[assignment]
    problems = []
    errors = error.errors(include_url=False)
    explained = _misspelt(errors)
    for item in errors:
        loc: Loc = tuple(item["loc"])
        kind = item["type"]
        if (kind == "missing" and loc in explained) or loc in unreadable:  # already said, in the editor's terms
            continue
        info, owner = _field_at(loc)
        title = _title(info, loc)
        hint = _hint(info)
        value = item.get("input")
        mark: Mark = source.value(loc)
        if kind == "missing":
            mark = source.value(loc[:-1])
            message = f"꼭 필요한 항목인 {title}('{loc[-1]}'){particle(title, '이', '가')} 없습니다"
            fix = f"'{loc[-1]}: …' 줄을 넣어 주세요. {hint}"
        elif kind == "extra_forbidden":
            mark = source.key(loc)
            known = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            message = f"알 수 없는 항목 '{loc[-1]}'입니다"
            fix = f"혹시 '{close[0]}'를 말씀하신 건가요?" if close else f"지우거나 쓸 수 있는 항목({', '.join(known)}) 중에서 골라 주세요"
        elif value is None or (isinstance(value, str) and not value.strip()):
            message = f"{josa(title, '이', '가')} 비어 있습니다"
            fix = hint
        elif kind == "string_too_short":
            message = f"{title} {josa(_describe(value), '이', '가')} 너무 짧습니다"
            fix = f"{item.get('ctx', {}).get('min_length')}자 이상으로 적어 주세요. {hint}"
        elif kind == "too_short":
            message = f"{title if title.endswith('목록') else title + ' 목록'}이 비어 있습니다"  # not "항목 목록 목록"
            fix = hint
        elif kind == "string_type":
            message = f"{title}에는 글을 적어야 하는데 {josa(_describe(value), '이', '가')} 적혀 있습니다"
            fix = "글로 적어 주세요. 숫자나 true 같은 값을 글로 쓰려면 따옴표로 감싸 주세요" if not isinstance(value, (list, dict)) else hint
        elif kind == "list_type":
            message = f"{title}에는 목록을 적어야 하는데 {josa(_describe(value), '이', '가')} 적혀 있습니다"
            fix = hint
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            message = f"{title}에는 '항목: 값' 묶음을 적어야 하는데 {josa(_describe(value), '이', '가')} 적혀 있습니다"
            fix = hint
        elif kind in ("bool_type", "bool_parsing"):
            message = f"{title}에는 true 또는 false만 적을 수 있는데 {josa(_describe(value), '이', '가')} 적혀 있습니다"
            fix = hint
        elif kind.startswith("date"):
            message = f"{josa(title, '이', '가')} 날짜가 아닙니다: {_describe(value)}"
            fix = hint
        elif kind == "literal_error":
            message = f"{josa(_describe(value), '은', '는')} {title}에 쓸 수 없는 값입니다"
            fix = hint
        elif kind == "string_pattern_mismatch" and isinstance(value, str) and _is_id_shaped(value):
            message = f"아이디 {_describe(value)}의 하이픈(-) 자리가 맞지 않습니다"
            fix = f"하이픈은 맨 앞이나 맨 뒤에 쓸 수 없고 두 개를 잇달아 쓸 수 없습니다. 예: {'-'.join(p for p in value.split('-') if p) or 'my-guide'}"
        elif kind == "string_pattern_mismatch":
            message = f"아이디 {_describe(value)}에 쓸 수 없는 글자가 있습니다"
            fix = hint
        elif kind == "string_too_long":
            message = f"{josa(title, '이', '가')} 너무 깁니다"
            fix = f"{item.get('ctx', {}).get('max_length')}자 이내로 줄여 주세요"
        elif kind == "value_error":
            message = str(item.get("ctx", {}).get("error", "값이 올바르지 않습니다"))
            fix = hint
        else:
            message = f"{title} 값이 올바르지 않습니다: {_describe(value)}"
            fix = hint
        problems.append(Problem(display, mark.line, mark.column, format_path(loc), message, fix))
    return problems


YAML_MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("end of stream", "이 자리에서 연 따옴표가 파일 끝까지 닫히지 않았습니다", "값 끝에 여는 따옴표와 같은 따옴표를 넣어 닫아 주세요"),
    ("mapping values are not allowed", "들여쓰기가 맞지 않거나 ':'가 알맞지 않은 곳에 있습니다", f"들여쓰기를 확인하고, 값 안에 ': '가 있다면 {QUOTE_FIX}"),
    ("expected <block end>", "들여쓰기가 맞지 않습니다", "같은 수준의 항목은 같은 칸에서 시작하도록 스페이스 수를 맞춰 주세요"),
    ("could not find expected ':'", "'항목: 값'에서 ':'를 찾지 못했습니다", "항목 이름 뒤에 ':'와 공백을 넣거나, 윗줄의 따옴표가 닫혔는지 확인해 주세요"),
    (
        "special characters are not allowed",
        "이 자리에 눈에 보이지 않는 제어 문자가 있어 파일을 읽지 못했습니다",
        "이 자리의 보이지 않는 글자를 지워 주세요. 다른 프로그램에서 복사해 붙여 넣은 글에 섞여 들어오곤 합니다",
    ),
)

# A plain value starting with one of these is read as YAML syntax, not as the text (and the Markdown) it is.
_YAML_INDICATORS = {
    "*": "별표(*)",
    "[": "대괄호([)",
    "{": "중괄호({)",
    "&": "'&'",
    "!": "느낌표(!)",
    "@": "'@'",
    "`": "'`'",
    "%": "'%'",
    "|": "'|'",
    ">": "'>'",
}
_KEY_AND_VALUE = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)(?:(?P<key>[^\s#'\"][^:#]*?):[ ]+)?(?P<value>\S.*?)\s*$")
_KOREAN_COUNTS = {2: "두", 4: "네", 6: "여섯", 8: "여덟", 10: "열"}


def yaml_problem(error: YamlSyntaxError, text: str, display: str) -> Problem:
    """A YAML syntax error in the editor's terms, at the line the mistake is on."""
    lines = text.split("\n")
    if "'\\t'" in error.problem:
        return _tab_problem(error.mark, lines, display)
    candidates = [m for m in (error.context, error.mark) if m is not None]
    candidates.append(Mark(max(error.mark.line - 1, 1), 1))
    for mark in candidates:
        collision = _markdown_collision(lines[mark.line - 1] if mark.line <= len(lines) else "")
        if collision is not None:
            column, message, fix = collision
            return Problem(display, mark.line, column, "", f"YAML 문법 오류: {message}", fix)
    mark = error.mark
    if "could not find expected ':'" in error.problem and error.context is not None:
        mark = error.context  # where the line without its ':' began, not the line after it
    message, fix = yaml_message(error.problem)
    return Problem(display, mark.line, mark.column, "", message, fix)


def _markdown_collision(line: str) -> tuple[int, str, str] | None:
    """(column, message, fix) when line holds a value YAML cannot read as the text it looks like."""
    match = _KEY_AND_VALUE.match(line)
    if match is None or line.lstrip().startswith("#"):
        return None
    value = match["value"]
    prefix = line[: match.start("value")].lstrip()
    column = match.start("value") + 1
    first = value[0]
    if first in _YAML_INDICATORS and not (first in "|>" and re.fullmatch(r"[|>][-+0-9]*", value)):
        markdown = " (Markdown의 굵게와 링크도 값의 맨 앞에 오면 그렇습니다)" if first in "*[" else ""
        return (
            column,
            f"값이 {_YAML_INDICATORS[first]}로 시작하면 YAML이 글이 아닌 YAML 기호로 읽습니다{markdown}",
            f"{QUOTE_FIX}. 예: {prefix}{single_quoted(value)}",
        )
    if first in "\"'":
        closing = _closing_quote(value)
        if closing is not None and value[closing + 1 :].strip() and not value[closing + 1 :].lstrip().startswith("#"):
            # "…"꼭"…" is one text in quotes; "보낸 번호" 캡처 a text that starts with a quotation.
            inner = value[1:-1] if value.endswith(first) else value
            return (
                column,
                "따옴표로 시작한 값 안에 같은 따옴표가 또 있어 값이 중간에 끝났습니다",
                f"{QUOTE_FIX}: 값 안에 큰따옴표(\")가 있으면 바깥은 작은따옴표(')로 감쌉니다. 예: {prefix}{single_quoted(inner)}",
            )
    return None


def _closing_quote(value: str) -> int | None:
    """Where the quoted scalar that opens value ends, as YAML reads it."""
    quote = value[0]
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _tab_problem(mark: Mark, lines: list[str], display: str) -> Problem:
    """A tab in the indentation, and how many spaces the line needs instead."""
    spaces = _expected_indent(lines, mark.line - 1)
    if spaces == 0:
        fix = "탭을 지우고 줄 맨 앞에서 시작해 주세요 (맨 위 수준의 항목입니다)"
    else:
        fix = f"탭 대신 스페이스 {_KOREAN_COUNTS.get(spaces, str(spaces))} 칸으로 들여 써 주세요 (윗줄에 맞춘 칸 수입니다)"
    return Problem(display, mark.line, mark.column, "", "YAML 문법 오류: 들여쓰기에 탭 문자가 있습니다", fix)


_KEY_LINE = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)[A-Za-z_][\w-]*[ ]*:(?:[ ]|$)")


def _expected_indent(lines: list[str], index: int) -> int:
    """The indentation a line most likely needs: its sibling's above, or one level under its parent.

    Lines of a block of text (a `|-` body) are skipped: only lines that start with a key count.
    """
    for above in reversed(lines[:index]):
        match = _KEY_LINE.match(above)
        if match is None:
            continue
        key_column = len(match["indent"])
        return key_column + 2 if above.rstrip().endswith(":") else key_column
    return 0


def yaml_message(problem: str) -> tuple[str, str]:
    """(message, fix) in Korean for a YAML parser's problem text; shared by every content file reader."""
    for needle, message, fix in YAML_MESSAGES:
        if needle in problem:
            return f"YAML 문법 오류: {message}", fix
    return "YAML 문법 오류: 파일을 읽다가 이 자리에서 멈췄습니다", "이 줄과 바로 윗줄의 들여쓰기, 따옴표, ':'를 확인해 주세요"
