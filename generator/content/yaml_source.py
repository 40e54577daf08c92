"""Reading a YAML content file while remembering where every value stands in it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Loc


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based, as editors see it
    column: int  # 1-based


class SourceMap:
    """Where each value (and each mapping key) of a parsed document stands in the file.

    A valid file is rarely asked where anything is, so its positions are worked out from its
    text only when a problem first asks for one. It is pickled (into the build's cache) as that
    text alone: a cached build unpickles every guide, and a map of every node is most of one.
    """

    def __init__(self, text: str = "", values: dict[Loc, Mark] | None = None, keys: dict[Loc, Mark] | None = None) -> None:
        self.text = text
        self._values = values
        self._keys = keys

    @property
    def values(self) -> dict[Loc, Mark]:
        self._fill()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[Loc, Mark]:
        self._fill()
        assert self._keys is not None
        return self._keys

    def _fill(self) -> None:
        if self._values is None or self._keys is None:
            _data, full, _duplicates = _parse_with_positions(self.text) if self.text else (None, SourceMap(values={}, keys={}), [])
            self._values, self._keys = full.values, full.keys

    def value(self, loc: Loc) -> Mark:
        """The position of the value at loc, or of its nearest parent that exists."""
        values = self.values
        for end in range(len(loc), -1, -1):
            if loc[:end] in values:
                return values[loc[:end]]
        return Mark(1, 1)

    def key(self, loc: Loc) -> Mark:
        """The position of the key naming loc (its value's position when it has no key)."""
        return self.keys.get(loc) or self.value(loc)

    def __getstate__(self) -> dict[str, Any]:
        return {"text": self.text}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["text"])  # type: ignore[misc]


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


_STR_TAG = "tag:yaml.org,2002:str"


if hasattr(yaml, "CSafeLoader"):

    class _CheckingLoader(yaml.CSafeLoader):  # type: ignore[misc, name-defined]
        """libyaml's loader that notes any mapping whose keys are not distinct strings."""

        suspicious = False

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
            self.flatten_mapping(node)
            keys = [key.value if isinstance(key, yaml.ScalarNode) and key.tag == _STR_TAG else None for key, _value in node.value]
            if None in keys or len(set(keys)) != len(keys):
                self.suspicious = True
            return super().construct_mapping(node, deep=deep)

else:
    _CheckingLoader = None  # type: ignore[assignment, misc]


def _plain_values(text: str) -> tuple[bool, Any]:
    """(True, values) when libyaml reads the file and every mapping key is a distinct string.

    Anything else (no libyaml, a syntax error, a repeated or non-text key) is (False, None), and
    the file goes through the parse that records positions and can say where the trouble is.
    """
    if _CheckingLoader is None or getattr(yaml, "CSafeLoader", None) is None:  # asked at call time: tests take libyaml away
        return False, None
    loader = _CheckingLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError:
        return False, None
    finally:
        loader.dispose()
    return (False, None) if loader.suspicious else (True, data)


def parse(text: str) -> tuple[Any, SourceMap, list[DuplicateKey]]:
    """Parse one YAML document into plain Python values plus their positions.

    A file libyaml reads without a repeated key takes libyaml's own constructor, and its
    positions are worked out only if asked for; any other file is parsed node by node,
    recording positions and repeated keys as it goes.
    """
    ok, data = _plain_values(text)
    if ok:
        return data, SourceMap(text), []
    return _parse_with_positions(text)


def _parse_with_positions(text: str) -> tuple[Any, SourceMap, list[DuplicateKey]]:
    composed = _compose_fast(text)
    if composed is not None:
        loader, node = composed
        return _build(loader, node, text)
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
    return _build(loader, node, text)


def _build(loader: Any, node: yaml.Node | None, text: str) -> tuple[Any, SourceMap, list[DuplicateKey]]:
    source = SourceMap(text, values={}, keys={})
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
