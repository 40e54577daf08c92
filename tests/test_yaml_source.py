"""Reading YAML with positions (content/yaml_source.py): where each value stands, worked out late."""

from __future__ import annotations

import pickle

import pytest
import yaml

from generator.content.yaml_source import Mark, NotUtf8Error, SourceMap, YamlSyntaxError, decode, parse

TEXT = "title: 제목\nsteps:\n  - id: one\n    body: 본문\n  - id: two\n"


def test_a_valid_file_gets_its_positions_only_when_asked() -> None:
    parsed = parse(TEXT)
    assert parsed.data == {"title": "제목", "steps": [{"id": "one", "body": "본문"}, {"id": "two"}]}
    assert parsed.duplicate_keys == [] and parsed.unreadable == []
    assert parsed.source._values is None, "libyaml's constructor read it; no position was worked out yet"
    assert parsed.source.value(("steps", 1, "id")) == Mark(5, 9)
    assert parsed.source.key(("steps", 0, "body")) == Mark(4, 5)


def test_a_value_that_is_not_there_is_placed_at_its_nearest_parent() -> None:
    source = parse(TEXT).source
    assert source.value(("steps", 0, "tips", 3)) == Mark(3, 5)  # the first step's mapping
    assert source.value(("nothing",)) == Mark(1, 1)  # the document
    assert source.key(("steps", 7)) == Mark(3, 3)  # no key names a list item: the list, where its first item starts
    assert SourceMap().value(("title",)) == Mark(1, 1)  # no text at all
    assert SourceMap("").keys == {} and SourceMap("").values == {}


def test_positions_survive_the_build_cache() -> None:
    source = parse(TEXT).source
    copy = pickle.loads(pickle.dumps(source))
    assert copy.text == TEXT and copy._values is None
    assert copy.value(("steps", 1, "id")) == Mark(5, 9)


def test_repeated_keys_take_the_slow_path_and_are_reported() -> None:
    parsed = parse("a: 1\nb: 2\na: 3\n")
    assert parsed.data == {"a": 3, "b": 2}
    [duplicate] = parsed.duplicate_keys
    assert (duplicate.loc, duplicate.first, duplicate.second) == (("a",), Mark(1, 1), Mark(3, 1))
    assert parsed.source._values is not None and parsed.source.value(("b",)) == Mark(2, 4)


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure Python"])
def test_syntax_errors_say_where_with_or_without_libyaml(libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not libyaml:
        monkeypatch.delattr(yaml, "CSafeLoader")
    with pytest.raises(YamlSyntaxError) as unclosed:
        parse('title: "제목\nsummary: 요약\n')
    assert unclosed.value.mark == Mark(1, 8), "an unclosed quote: where it opened"
    assert "end of stream" in unclosed.value.problem and str(unclosed.value) == unclosed.value.problem
    with pytest.raises(YamlSyntaxError) as indented:
        parse("a:\n  b: 1\n   c: 2\n")
    assert indented.value.mark == Mark(3, 5)
    assert indented.value.problem == "mapping values are not allowed here"


def test_decode_accepts_a_bom_composes_hangul_and_names_the_first_foreign_byte() -> None:
    assert decode("\ufeffa: 한".encode()) == "a: 한"
    assert decode("한".encode("utf-8").replace("한".encode(), "\u1112\u1161\u11ab".encode())) == "한"
    with pytest.raises(NotUtf8Error) as error:
        decode("a: 1\nbb: 한\n".encode("cp949"))
    assert error.value.mark == Mark(2, 5)
