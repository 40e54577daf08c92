"""Reading a YAML content file while remembering where every value stands in it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Loc


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based, as editors see it
    column: int  # 1-based


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a parsed document stands in the file."""

    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)

    def value(self, loc: Loc) -> Mark:
        """The position of the value at loc, or of its nearest parent that exists."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return self.values[loc[:end]]
        return Mark(1, 1)

    def key(self, loc: Loc) -> Mark:
        """The position of the key naming loc (its value's position when it has no key)."""
        return self.keys.get(loc) or self.value(loc)


@dataclass(frozen=True)
class DuplicateKey:
    loc: Loc
    first: Mark
    second: Mark


class YamlSyntaxError(Exception):
    def __init__(self, mark: Mark, problem: str):
        self.mark = mark
        self.problem = problem
        super().__init__(problem)


class NotUtf8Error(Exception):
    def __init__(self, mark: Mark):
        self.mark = mark
        super().__init__("not UTF-8")


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is fine), with Hangul composed (NFC) as macOS may not have done."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise NotUtf8Error(Mark(line, column)) from None
    return unicodedata.normalize("NFC", text)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _compose_fast(text: str) -> tuple[Any, yaml.Node | None] | None:
    """libyaml's node tree, or None when libyaml is missing or rejects the file.

    Composing is most of the time it takes to read a guide, and libyaml does it several
    times faster with the same marks; a rejected file is parsed again in pure Python, whose
    error messages the editor-facing translations in loader.py were written for.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return None
    loader = fast(text)
    try:
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def parse(text: str) -> tuple[Any, SourceMap, list[DuplicateKey]]:
    """Parse one YAML document into plain Python values plus their positions."""
    composed = _compose_fast(text)
    if composed is not None:
        loader, node = composed
        return _build(loader, node)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is found only at the end of the file; point at where it opened.
        unclosed = "quoted scalar" in (error.context or "") and error.context_mark is not None
        mark = error.context_mark if unclosed else (error.problem_mark or error.context_mark)
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        raise YamlSyntaxError(where, error.problem or str(error)) from None
    finally:
        loader.dispose()
    return _build(loader, node)


def _build(loader: Any, node: yaml.Node | None) -> tuple[Any, SourceMap, list[DuplicateKey]]:
    source = SourceMap()
    duplicates: list[DuplicateKey] = []
    if node is None:
        return None, source, duplicates

    def build(current: yaml.Node, loc: Loc) -> Any:
        source.values[loc] = _mark(current)
        if isinstance(current, yaml.MappingNode):
            loader.flatten_mapping(current)
            result: dict[Any, Any] = {}
            for key_node, value_node in current.value:
                key = loader.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    key = str(key)
                child = (*loc, key)
                if key in result:
                    duplicates.append(DuplicateKey(child, source.keys[child], _mark(key_node)))
                source.keys[child] = _mark(key_node)
                result[key] = build(value_node, child)
            return result
        if isinstance(current, yaml.SequenceNode):
            return [build(item, (*loc, index)) for index, item in enumerate(current.value)]
        return loader.construct_object(current, deep=True)

    return build(node, ()), source, duplicates
