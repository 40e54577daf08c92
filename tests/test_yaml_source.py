"""Reading YAML with positions (content/yaml_source.py): where each value stands, worked out late."""

from __future__ import annotations

import pickle

import pytest
import yaml

from generator.content.yaml_source import DuplicateKey, Mark, NotUtf8Error, SourceMap, TrailingComment, UnreadableValue, YamlSyntaxError, decode, parse, trailing_comments

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


# A file only the parse that records positions can read: keys that are not text, a repeated key,
# values YAML recognises but cannot make into values; and a comment before the document.
SLOW = (
    "# 처음 줄\n"  # 1
    "a: 1\n"  # 2
    "list:\n"  # 3
    "  - 가\n"  # 4
    "  - 나\n"  # 5
    "'2': 글자 둘\n"  # 6
    "2: 숫자 둘\n"  # 7
    "1.5: 소수\n"  # 8
    "true: 참\n"  # 9
    "null: 없음\n"  # 10
    "? [가, 나]\n"  # 11
    ": 목록\n"  # 12
    "!important 태그: 값\n"  # 13
    "b: !important 글\n"  # 14
    "c: 2026-13-01\n"  # 15
    "a: 3\n"  # 16
)


@pytest.fixture(params=[True, False], ids=["libyaml", "pure Python"])
def libyaml(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    if not request.param:
        monkeypatch.delattr(yaml, "CSafeLoader")
    return request.param


def test_keys_that_are_not_text_repeated_keys_and_unreadable_values(libyaml: bool) -> None:
    parsed = parse(SLOW)
    assert parsed.data == {
        "a": 3,
        "list": ["가", "나"],
        "2": "글자 둘",
        2: "숫자 둘",
        1.5: "소수",
        True: "참",
        "None": "없음",
        "['가', '나']": "목록",
        "태그": "값",
        "b": "글",
        "c": "2026-13-01",
    }
    assert parsed.duplicate_keys == [DuplicateKey(("a",), Mark(2, 1), Mark(16, 1))]
    assert parsed.unreadable == [
        UnreadableValue(("태그",), Mark(13, 1), "태그", "!important"),
        UnreadableValue(("b",), Mark(14, 4), "글", "!important"),
        UnreadableValue(("c",), Mark(15, 4), "2026-13-01", "tag:yaml.org,2002:timestamp"),
    ]
    assert [value.is_date for value in parsed.unreadable] == [False, False, True]
    source = parsed.source
    assert source.value(("list", 1)) == Mark(5, 5) and source.key(("list",)) == Mark(3, 1)
    assert (source.key(("b",)), source.value(("b",))) == (Mark(14, 1), Mark(14, 4))
    assert (source.key((2,)), source.value((2,))) == (Mark(7, 1), Mark(7, 4))
    assert source.value(("nothing",)) == Mark(2, 1), "the document, which starts after the comment"
    copy = pickle.loads(pickle.dumps(source))
    assert copy.text == SLOW and copy.value(("list", 1)) == Mark(5, 5)


def test_without_libyaml_a_valid_file_is_read_with_its_positions(libyaml: bool) -> None:
    parsed = parse(TEXT)
    assert parsed.data == {"title": "제목", "steps": [{"id": "one", "body": "본문"}, {"id": "two"}]}
    assert (parsed.source._values is None) == libyaml, "libyaml's reading works positions out only when asked"
    assert parsed.source.value(("steps", 1, "tips")) == Mark(5, 5), "the step: its tips are not there"


def test_a_file_of_comments_is_no_document(libyaml: bool) -> None:
    parsed = parse("# 주석만 있습니다\n\n")
    assert (parsed.data, parsed.duplicate_keys, parsed.unreadable) == (None, [], [])
    assert parsed.source.values == {} and parsed.source.value(("id",)) == Mark(1, 1)
    assert SourceMap("# 주석\n").values == {} and SourceMap("# 주석\n").keys == {}
    assert SourceMap().text == "" and SourceMap().values == {}


@pytest.mark.parametrize(
    ("text", "mark", "context", "problem"),
    [
        ('title: "제목\nsummary: 요약\n', Mark(1, 8), Mark(1, 8), "found unexpected end of stream"),
        ("a: 1\nb\nc: 2\n", Mark(3, 1), Mark(2, 1), "could not find expected ':'"),
        ("a:\n  b: 1\n   c: 2\n", Mark(3, 5), None, "mapping values are not allowed here"),
        ("title: 벨\x07\n", Mark(1, 9), None, "unacceptable character #x0007: special characters are not allowed"),
        ("a: 1\nb: 2\nc: 가\x0b나\n", Mark(3, 5), None, "unacceptable character #x000b: special characters are not allowed"),
    ],
    ids=["unclosed quote", "no colon", "indentation", "a control character", "a vertical tab on line 3"],
)
def test_where_yaml_stopped_and_where_it_began(libyaml: bool, text: str, mark: Mark, context: Mark | None, problem: str) -> None:
    with pytest.raises(YamlSyntaxError) as error:
        parse(text)
    assert (error.value.mark, error.value.context, error.value.problem) == (mark, context, problem)


def test_a_foreign_byte_on_the_first_line_or_after_two_lines() -> None:
    for text, mark in (("ab 한", Mark(1, 4)), ("a: 1\nb: 2\ncc: 한\n", Mark(3, 5))):
        with pytest.raises(NotUtf8Error) as error:
            decode(text.encode("cp949"))
        assert error.value.mark == mark


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: 제목 # 메모   \n", [TrailingComment(("title",), Mark(1, 11), "제목", "# 메모")]),
        ("a:\n  b: 1  # 메모\n", [TrailingComment(("a", "b"), Mark(2, 9), "1", "# 메모")]),
        ("- 가 # 하나\n- 나\n- 다  # 셋\n", [TrailingComment((0,), Mark(1, 5), "가", "# 하나"), TrailingComment((2,), Mark(3, 6), "다", "# 셋")]),
        ('a: "글" # 메모\nb: \'글\' # 메모\n', []),  # quoted: the editor closed the value before the comment
        ("a: 가\n  나 # 메모\n", []),  # a text over two lines
        ("a: 가#나 #\n", [TrailingComment(("a",), Mark(1, 8), "가#나", "#")]),
        ("a: 가#나\n", []),
        ("a: [가, # 메모\n", []),  # not YAML: its syntax error is said elsewhere
    ],
    ids=["after a title", "after a nested number", "after list items", "after quoted values", "after a folded line", "a hash inside", "no comment", "not YAML"],
)
def test_trailing_comments(libyaml: bool, text: str, expected: list[TrailingComment]) -> None:
    assert trailing_comments(text) == expected
