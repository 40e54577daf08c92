"""The JSON Schema of a guide file, generated from the pydantic model for editors' autocompletion.

Guide files start with ``# yaml-language-server: $schema=../guide.schema.json`` so VS Code (with
the YAML extension) and other editors using yaml-language-server complete keys, show the Korean
descriptions and flag mistakes while typing. The schema is committed next to the content and a
test fails when it no longer matches the model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .model import Guide

SCHEMA_NAME = "guide.schema.json"
MODELINE_PREFIX = "# yaml-language-server: $schema="


# What `check` reads as true or false besides YAML's own true/false: YAML 1.1's yes/no/on/off
# (PyYAML makes them booleans) and pydantic's words, in any letter case; editors' language
# servers read YAML 1.2, where these are text, so the schema names them.
BOOLEAN_WORDS = r"^(?:[Yy](?:[Ee][Ss])?|[Nn][Oo]?|[Tt](?:[Rr][Uu][Ee])?|[Ff](?:[Aa][Ll][Ss][Ee])?|[Oo](?:[Nn]|[Ff][Ff])|[01])$"
BOOLEAN = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": BOOLEAN_WORDS}, {"enum": [0, 1]}]}
NOT_BLANK = r"\S"  # text is stripped before its length is checked: "  " is empty
HTTPS = "^https://"  # which sites are allowed is mkdocs.yml's to say, and `check`'s to tell


def _as_check_reads(node: Any, name: str = "") -> Any:
    """The model's schema, told what `check` adds: text that is not blank, https:// addresses,
    and booleans as check reads them."""
    if isinstance(node, list):
        return [_as_check_reads(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "boolean":
        extra = {key: value for key, value in node.items() if key != "type"}
        return {**extra, **BOOLEAN}
    out = {key: _as_check_reads(value, key) if key != "properties" else {prop: _as_check_reads(schema, prop) for prop, schema in value.items()} for key, value in node.items()}
    if out.get("type") == "string" and out.get("minLength") and "pattern" not in out:
        out["pattern"] = HTTPS if name == "url" else NOT_BLANK
    return out


def guide_schema() -> dict[str, Any]:
    """The schema as draft-07, the newest draft yaml-language-server fully supports."""
    schema = _as_check_reads(Guide.model_json_schema(ref_template="#/definitions/{model}"))
    definitions = schema.pop("$defs", {})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": "python -m generator schema가 generator/content/model.py에서 만든 파일입니다. 직접 고치지 마세요.",
        **schema,
        # The model's docstring is for programmers; editors hovering the file see this instead.
        "title": "길잡이 안내서",
        "description": "안내서 한 편입니다. 파일 하나에 안내서 하나를 적습니다. 각 항목에 마우스를 올리면 설명이 보입니다.",
        "definitions": definitions,
    }


def schema_text() -> str:
    return json.dumps(guide_schema(), ensure_ascii=False, indent=2) + "\n"


def schema_path(content_dir: Path) -> Path:
    return content_dir / SCHEMA_NAME


def modeline(guide_path: Path, content_dir: Path) -> str:
    """The first line a guide file needs, pointing at the schema relative to the file itself."""
    relative = os.path.relpath(schema_path(content_dir), guide_path.parent)
    return MODELINE_PREFIX + Path(relative).as_posix()


def write_schema(content_dir: Path) -> bool:
    """Write the schema; True when the file changed."""
    path = schema_path(content_dir)
    text = schema_text()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
