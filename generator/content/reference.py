"""The content format reference for editors, generated from the pydantic model.

README.md carries it between two markers; `python -m generator reference` refreshes it and a
test fails when it is stale, so the docs can never drift from the model.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path

from pydantic import BaseModel

from .model import Guide, models_in

BEGIN = "<!-- format-reference:begin (python -m generator reference) -->"
END = "<!-- format-reference:end -->"


def _type_name(annotation: typing.Any) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is list:
        return f"{_type_name(args[0])} 목록"
    if origin is typing.Literal:
        return " 또는 ".join(str(a) for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {"str": "글", "bool": "true/false", "date": "날짜"}.get(getattr(annotation, "__name__", ""), str(annotation))


def _models(model: type[BaseModel], seen: list[type[BaseModel]]) -> list[type[BaseModel]]:
    if model in seen:
        return seen
    seen.append(model)
    for info in model.model_fields.values():
        for inner in models_in(info.annotation):
            _models(inner, seen)
    return seen


def render() -> str:
    lines = [BEGIN, ""]
    for model in _models(Guide, []):
        lines += [f"#### {model.__name__}", "", "| 키 | 이름 | 형식 | 필수 | 설명 |", "|---|---|---|---|---|"]
        for key, info in model.model_fields.items():
            required = "예" if info.is_required() else ""
            lines.append(f"| `{key}` | {info.title} | {_type_name(info.annotation)} | {required} | {info.description} |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def refresh(readme: Path) -> bool:
    """Rewrite the reference in README; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    updated = text[:start] + render() + text[end:]
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
    return updated != text

