"""Read one guide file: decode, parse and validate it, translating every mistake for its editor.

Nothing here raises for anything an editor can get wrong; every mistake becomes a Problem
with the file, the line and the fix. The policy checks and the cross-file checks are in
``check``, which is the one way the rest of the package reads a guide.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .model import Guide, models_in
from .problems import Loc, Problem, format_path, josa
from .yaml_source import Mark, NotUtf8Error, SourceMap, YamlSyntaxError, decode, parse

GUIDE_GLOB = "guides/**/*.yml"


@dataclass(frozen=True)
class GuideFile:
    """A validated guide and the file it came from, with positions for later checks."""

    guide: Guide
    path: Path  # absolute
    display: str  # as shown to editors, relative to the project root
    source: SourceMap
    # sha256 of the validated guide as JSON, when the build worked it out once and cached it.
    digest: str = ""

    def content_digest(self) -> str:
        """Changes exactly when the guide's data changes (not its comments or key order)."""
        return self.digest or guide_digest(self.guide)

    def problem(self, loc: Loc, message: str, fix: str, severity: str = "error", *, key: bool = False) -> Problem:
        mark = self.source.key(loc) if key else self.source.value(loc)
        return Problem(self.display, mark.line, mark.column, format_path(loc), message, fix, severity)  # type: ignore[arg-type]


def guide_digest(guide: Guide) -> str:
    return hashlib.sha256(guide.model_dump_json().encode("utf-8")).hexdigest()


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


def read_guide(path: Path, display: str) -> ReadFile:
    """Read and validate one guide file; never raises for anything an editor can get wrong."""
    try:
        text = decode(path.read_bytes())
    except NotUtf8Error as error:
        return ReadFile(None, [
            Problem(
                display,
                error.mark.line,
                error.mark.column,
                "",
                "파일이 UTF-8이 아닙니다 (CP949/EUC-KR로 저장된 것 같습니다)",
                "편집기에서 '다른 이름으로 저장'을 눌러 인코딩을 UTF-8로 골라 저장해 주세요",
            )
        ])
    try:
        data, source, duplicate_keys = parse(text)
    except YamlSyntaxError as error:
        message, fix = _yaml_message(error.problem)
        return ReadFile(None, [Problem(display, error.mark.line, error.mark.column, "", message, fix)])

    problems = [
        Problem(
            display,
            dup.second.line,
            dup.second.column,
            format_path(dup.loc),
            f"'{dup.loc[-1]}' 항목이 두 번 적혀 있습니다 (처음은 {dup.first.line}번째 줄)",
            "둘 중 하나만 남겨 주세요",
        )
        for dup in duplicate_keys
    ]
    if not isinstance(data, dict):
        problems.append(
            Problem(display, 1, 1, "", "파일 전체가 'id: …', 'title: …' 같은 항목들의 묶음이어야 합니다", "python -m generator new <아이디>로 만든 예시 파일을 보고 같은 모양으로 적어 주세요")
        )
        return ReadFile(None, problems)

    problems.extend(_duplicate_ids(data, source, display))
    try:
        guide = Guide.model_validate(data)
    except ValidationError as error:
        problems.extend(_translate(error, source, display))
        return ReadFile(None, problems, data, source)
    if problems:
        return ReadFile(None, problems, data, source)
    return ReadFile(GuideFile(guide, path.resolve(), display, source), problems, data, source)


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
    return "예시 안내서(python -m generator new)와 같은 모양으로 적어 주세요"


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
        return "'key: 값' 묶음"
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


def _translate(error: ValidationError, source: SourceMap, display: str) -> list[Problem]:
    problems = []
    errors = error.errors(include_url=False)
    explained = _misspelt(errors)
    for item in errors:
        loc: Loc = tuple(item["loc"])
        kind = item["type"]
        if kind == "missing" and loc in explained:
            continue
        info, owner = _field_at(loc)
        title = _title(info, loc)
        hint = _hint(info)
        value = item.get("input")
        mark: Mark = source.value(loc)
        if kind == "missing":
            mark = source.value(loc[:-1])
            message = f"꼭 필요한 항목 '{loc[-1]}'({josa(title, '이', '가')}) 없습니다"
            fix = f"'{loc[-1]}: …' 줄을 넣어 주세요. {hint}"
        elif kind == "extra_forbidden":
            mark = source.key(loc)
            known = list(owner.model_fields) if owner else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            message = f"알 수 없는 항목 '{loc[-1]}'입니다"
            fix = f"혹시 '{close[0]}'를 말씀하신 건가요?" if close else f"지우거나 쓸 수 있는 항목({', '.join(known)}) 중에서 골라 주세요"
        elif kind == "string_too_short" or (kind == "too_short" and value == ""):
            message = f"{josa(title, '이', '가')} 비어 있습니다"
            fix = hint
        elif kind == "too_short":
            message = f"{title} 목록이 비어 있습니다"
            fix = hint
        elif kind == "string_type":
            message = f"{title}에는 글을 적어야 하는데 {_describe(value)}{'이' if isinstance(value, list) else '가'} 적혀 있습니다"
            fix = "글로 적어 주세요. 숫자나 true 같은 값을 글로 쓰려면 따옴표로 감싸 주세요" if not isinstance(value, (list, dict)) else hint
        elif kind == "list_type":
            message = f"{title}에는 목록을 적어야 하는데 {_describe(value)}{'이' if isinstance(value, list) else '가'} 적혀 있습니다"
            fix = hint
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            message = f"{title}에는 'key: 값' 묶음을 적어야 하는데 {_describe(value)}가 적혀 있습니다"
            fix = hint
        elif kind in ("bool_type", "bool_parsing"):
            message = f"{title}에는 true 또는 false만 적을 수 있는데 {_describe(value)}가 적혀 있습니다"
            fix = hint
        elif kind.startswith("date"):
            message = f"{josa(title, '이', '가')} 날짜가 아닙니다: {_describe(value)}"
            fix = hint
        elif kind == "literal_error":
            message = f"{josa(_describe(value), '은', '는')} {title}에 쓸 수 없는 값입니다"
            fix = hint
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
    ("'\\t'", "들여쓰기에 탭 문자가 있습니다", "탭 대신 스페이스(공백) 두 칸으로 들여 써 주세요"),
    ("end of stream", "이 자리에서 연 따옴표가 파일 끝까지 닫히지 않았습니다", "값 끝에 여는 따옴표와 같은 따옴표를 넣어 닫아 주세요"),
    ("mapping values are not allowed", "들여쓰기가 맞지 않거나 ':'가 알맞지 않은 곳에 있습니다", "들여쓰기를 확인하고, 값 안에 ': '가 있다면 값 전체를 따옴표로 감싸 주세요"),
    ("expected <block end>", "들여쓰기가 맞지 않습니다", "같은 수준의 항목은 같은 칸에서 시작하도록 스페이스 수를 맞춰 주세요"),
    ("could not find expected ':'", "'항목: 값'에서 ':'를 찾지 못했습니다", "항목 이름 뒤에 ':'와 공백을 넣거나, 윗줄의 따옴표가 닫혔는지 확인해 주세요"),
)


def _yaml_message(problem: str) -> tuple[str, str]:
    for needle, message, fix in YAML_MESSAGES:
        if needle in problem:
            return f"YAML 문법 오류: {message}", fix
    return "YAML 문법 오류: 파일을 읽다가 이 자리에서 멈췄습니다", "이 줄과 바로 윗줄의 들여쓰기, 따옴표, ':'를 확인해 주세요"


