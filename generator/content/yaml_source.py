"""Reading a YAML content file while remembering where every value stands in it."""

from __future__ import annotations

import re
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
            full = _parse_with_positions(self.text).source if self.text else SourceMap(values={}, keys={})
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


@dataclass(frozen=True)
class UnreadableValue:
    """A value YAML recognised but could not make into a value: an impossible date, an unknown tag."""

    loc: Loc
    mark: Mark
    text: str  # as written
    tag: str  # YAML's tag for it: a timestamp, or whatever followed "!"

    @property
    def is_date(self) -> bool:
        return self.tag == _TIMESTAMP_TAG


@dataclass(frozen=True)
class Parsed:
    """One YAML document as plain values, where each stands, and what could not be read."""

    data: Any
    source: SourceMap
    duplicate_keys: list[DuplicateKey]
    unreadable: list[UnreadableValue]


class YamlSyntaxError(Exception):
    def __init__(self, mark: Mark, problem: str, context: Mark | None = None):
        self.mark = mark
        self.problem = problem
        self.context = context  # where YAML began the thing it could not finish, when it says
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
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


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

        def construct_timestamp_safely(self, node: yaml.ScalarNode) -> Any:
            """An impossible date (2026-13-01) sends the file to the parse that can say where it is."""
            try:
                return self.construct_yaml_timestamp(node)
            except ValueError:
                self.suspicious = True
                return node.value

    _CheckingLoader.add_constructor(_TIMESTAMP_TAG, _CheckingLoader.construct_timestamp_safely)

else:
    _CheckingLoader = None  # type: ignore[assignment, misc]


def _plain_values(text: str) -> tuple[bool, Any]:
    """(True, values) when libyaml reads the file and every mapping key is a distinct string.

    Anything else (no libyaml, a syntax error, a repeated or non-text key, a value that cannot be
    read such as an impossible date or an unknown tag) is (False, None), and
    the file goes through the parse that records positions and can say where the trouble is.
    """
    if _CheckingLoader is None or getattr(yaml, "CSafeLoader", None) is None:  # asked at call time: tests take libyaml away
        return False, None
    loader = _CheckingLoader(text)
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, ValueError):
        return False, None
    finally:
        loader.dispose()
    return (False, None) if loader.suspicious else (True, data)


def parse(text: str) -> Parsed:
    """Parse one YAML document into plain Python values plus their positions.

    A file libyaml reads without a repeated key takes libyaml's own constructor, and its
    positions are worked out only if asked for; any other file is parsed node by node,
    recording positions and repeated keys as it goes.
    """
    ok, data = _plain_values(text)
    if ok:
        return Parsed(data, SourceMap(text), [], [])
    return _parse_with_positions(text)


def _parse_with_positions(text: str) -> Parsed:
    composed = _compose_fast(text)
    if composed is not None:
        loader, node = composed
        return _build(loader, node, text)
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # a control character (pasted from another program): refused before parsing
        before = text[: error.position]
        where = Mark(before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        raise YamlSyntaxError(where, f"unacceptable character #x{error.character:04x}: {error.reason}") from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is found only at the end of the file; point at where it opened.
        unclosed = "quoted scalar" in (error.context or "") and error.context_mark is not None
        mark = error.context_mark if unclosed else (error.problem_mark or error.context_mark)
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        context = Mark(error.context_mark.line + 1, error.context_mark.column + 1) if error.context_mark else None
        raise YamlSyntaxError(where, error.problem or str(error), context) from None
    finally:
        loader.dispose()
    return _build(loader, node, text)


def _build(loader: Any, node: yaml.Node | None, text: str) -> Parsed:
    source = SourceMap(text, values={}, keys={})
    duplicates: list[DuplicateKey] = []
    unreadable: list[UnreadableValue] = []
    if node is None:
        return Parsed(None, source, duplicates, unreadable)

    def scalar(current: yaml.Node, loc: Loc) -> Any:
        try:
            return loader.construct_object(current, deep=True)
        except (yaml.YAMLError, ValueError):
            unreadable.append(UnreadableValue(loc, _mark(current), str(current.value), current.tag))
            return str(current.value)

    def build(current: yaml.Node, loc: Loc) -> Any:
        source.values[loc] = _mark(current)
        if isinstance(current, yaml.MappingNode):
            loader.flatten_mapping(current)
            result: dict[Any, Any] = {}
            for key_node, value_node in current.value:
                key = scalar(key_node, (*loc, str(key_node.value)))
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
        return scalar(current, loc)

    return Parsed(build(node, ()), source, duplicates, unreadable)


# Text, then spaces, then "#": the only way a comment can follow a value on its line.
_MAYBE_TRAILING_COMMENT = re.compile(r"\S[ \t]+#")


@dataclass(frozen=True)
class TrailingComment:
    """A `#` after a plain value on its line, which YAML reads as a comment and drops."""

    loc: Loc
    mark: Mark  # where the comment starts
    value: str  # the value YAML kept
    comment: str  # from "#" to the end of the line


def trailing_comments(text: str) -> list[TrailingComment]:
    """Comments that follow an unquoted value on the same line (`title: 제목 #중요`).

    An editor who writes them usually means them as part of the text, so each is worth a word.
    Most files have none, and are not composed a second time to find out.
    """
    if not _MAYBE_TRAILING_COMMENT.search(text):
        return []
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    lines = text.split("\n")
    found: list[TrailingComment] = []

    def visit(current: yaml.Node | None, loc: Loc) -> None:
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                visit(value_node, (*loc, str(key_node.value)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                visit(item, (*loc, index))
        elif isinstance(current, yaml.ScalarNode) and not current.style:
            end = current.end_mark
            rest = lines[end.line][end.column :] if end.line < len(lines) else ""
            comment = re.match(r"[ \t]+(#.*)$", rest)
            if comment and current.start_mark.line == end.line:
                found.append(TrailingComment(loc, Mark(end.line + 1, end.column + comment.start(1) + 1), str(current.value), comment.group(1).rstrip()))

    visit(node, ())
    return found
