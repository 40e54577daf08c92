"""The site's search synonyms: content/synonyms.yml, read and checked like a guide.

Readers search with their own words (갱신, 폰, 비번) where a guide says 연장, 휴대전화,
비밀번호. The file lists words that mean the same (``same``: any one finds the others) and
words that should also find others but not the other way round (``one_way``: the old name
공인인증서 finds 공동인증서, while 공동인증서 does not find 공인인증서). A verb or adjective is
written in its dictionary form (잊다, 문의하다) and stands for its root (잊, 문의), so 잊었어요,
잊어버렸어요 and 까먹었어요 all find "잊은 비밀번호". The worker applies them to the query
(search-worker.js); the manifest carries them with the particle each takes, so the result can
say "연장으로도 찾았습니다".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.loader import display_path, yaml_message
from ..content.problems import Loc, Problem, format_path, josa
from ..content.yaml_source import NotUtf8Error, SourceMap, YamlSyntaxError, decode, parse
from .analysis import compact

FILE = "synonyms.yml"
MAX_WORD = 30

_SHAPE = (
    "파일은 'same:'(같은 뜻의 말 묶음 목록)과 'one_way:'(찾는 말: [함께 찾을 말]) 두 항목으로 적습니다",
    "CONTRIBUTING.md의 '검색 동의어' 예시처럼 적어 주세요",
)


@dataclass(frozen=True)
class Synonyms:
    """Groups of words that find each other, and words that also find others (one way)."""

    same: tuple[tuple[str, ...], ...] = ()
    one_way: tuple[tuple[str, tuple[str, ...]], ...] = ()
    digest: str = ""  # of the file's bytes: the search files' cache key includes it

    def expansions(self) -> dict[str, list[list[str]]]:
        """For the manifest: searched form -> [[other word, the same + "(으)로도", its searched form], ...].

        A word that contains the query word adds nothing it would not find (폰 already finds
        every 휴대폰), so it is not listed.
        """
        found: dict[str, dict[str, list[str]]] = {}

        def add(word: str, other: str) -> None:
            key, target = searched_form(word), searched_form(other)
            if key in target:
                return
            found.setdefault(key, {}).setdefault(other, [other, _with_ro(other), target])

        for group in self.same:
            for word in group:
                for other in group:
                    if other != word:
                        add(word, other)
        for word, others in self.one_way:
            for other in others:
                add(word, other)
        return {key: list(others.values()) for key, others in sorted(found.items())}


_VERB_ENDING = "다"
_LIGHT_VERBS = ("하", "되")  # 문의하다, 변경되다: the root is the noun before them


def searched_form(word: str) -> str:
    """What a synonym finds, compact: a word as it is, a verb or adjective in its dictionary form
    (a Hangul word ending in 다: 잊다, 물어보다, 문의하다) by its root (잊, 물어보, 문의), so any
    ending the text gives it (잊은, 물어보세요, 문의하면) is found."""
    flat = compact(word)
    if len(flat) < 2 or not flat.endswith(_VERB_ENDING) or not _is_hangul(flat[-2]):
        return flat
    root = flat[: -len(_VERB_ENDING)]
    if len(root) >= 2 and root.endswith(_LIGHT_VERBS):
        root = root[:-1]
    return root


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _with_ro(word: str) -> str:
    """word + 으로도 / 로도; after ㄹ it is 로, as after a vowel (연장으로도, 비밀번호로도, 메일로도)."""
    last = word.rstrip()[-1:]
    if "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 8:
        return word + "로도"
    return josa(word, "으로도", "로도")


def read_synonyms(content_dir: Path, root: Path) -> tuple[Synonyms, list[Problem]]:
    """The synonyms of the site (none when the file is missing) and every problem in the file."""
    path = content_dir / FILE
    if not path.is_file():
        return Synonyms(), []
    display = display_path(path, root)
    data_bytes = path.read_bytes()
    digest = hashlib.sha256(data_bytes).hexdigest()[:16]

    def problem(source: SourceMap | None, loc: Loc, message: str, fix: str, *, key: bool = False) -> Problem:
        mark = (source.key(loc) if key else source.value(loc)) if source is not None else None
        return Problem(display, mark.line if mark else 1, mark.column if mark else 1, format_path(loc), message, fix)

    try:
        text = decode(data_bytes)
        parsed = parse(text)
        data, source, duplicates = parsed.data, parsed.source, parsed.duplicate_keys
    except NotUtf8Error as error:
        return Synonyms(), [Problem(display, error.mark.line, error.mark.column, "", "파일이 UTF-8이 아닙니다", "편집기에서 인코딩을 UTF-8로 골라 저장해 주세요")]
    except YamlSyntaxError as error:
        message, fix = yaml_message(error.problem)
        return Synonyms(), [Problem(display, error.mark.line, error.mark.column, "", message, fix)]

    problems = [
        problem(source, dup.loc, f"'{dup.loc[-1]}' 항목이 두 번 적혀 있습니다 (처음은 {dup.first.line}번째 줄)", "둘을 하나로 합쳐 주세요", key=True)
        for dup in duplicates
    ]
    if data is None:
        return Synonyms(digest=digest), problems
    if not isinstance(data, dict):
        return Synonyms(), [*problems, problem(source, (), *_SHAPE)]
    for key in data:
        if key not in ("same", "one_way"):
            problems.append(problem(source, (key,), f"'{key}'은(는) 알 수 없는 항목입니다", "'same:' 또는 'one_way:'로 고쳐 주세요", key=True))

    def words(value: Any, loc: Loc, least: int) -> tuple[str, ...]:
        if not isinstance(value, list):
            problems.append(problem(source, loc, "말 목록이 아닙니다", "[갱신, 연장]처럼 대괄호 안에 쉼표로 나누어 적어 주세요"))
            return ()
        out: list[str] = []
        for n, word in enumerate(value):
            here = (*loc, n)
            if not isinstance(word, str) or not compact(word):
                problems.append(problem(source, here, "빈 말이거나 글자가 아닙니다", "찾을 말을 글자로 적어 주세요"))
            elif len(word) > MAX_WORD:
                problems.append(problem(source, here, f"말이 너무 깁니다 ({len(word)}자)", f"{MAX_WORD}자 이하의 낱말로 적어 주세요"))
            elif searched_form(word) in _LIGHT_VERBS:
                problems.append(problem(source, here, f"'{word}'만으로는 찾을 말이 남지 않습니다", "'문의하다'처럼 앞말과 붙여 적어 주세요"))
            elif searched_form(word) in map(searched_form, out):
                problems.append(problem(source, here, f"'{word}'이(가) 같은 목록에 두 번 있습니다", "하나만 남겨 주세요"))
            else:
                out.append(word.strip())
        if len(value) < least:
            problems.append(problem(source, loc, f"말이 {least}개 이상 있어야 합니다", "같은 뜻의 말을 두 개 이상 적어 주세요" if least > 1 else "함께 찾을 말을 하나 이상 적어 주세요"))
        return tuple(out)

    same_data = data.get("same", [])
    same: list[tuple[str, ...]] = []
    seen: dict[str, Loc] = {}
    if not isinstance(same_data, list):
        problems.append(problem(source, ("same",), "'same'은 묶음의 목록이어야 합니다", "줄마다 '- [갱신, 연장]'처럼 적어 주세요"))
    else:
        for n, group in enumerate(same_data):
            group_words = words(group, ("same", n), 2)
            for m, word in enumerate(group_words):
                if searched_form(word) in seen:
                    first = source.value(seen[searched_form(word)]).line
                    problems.append(problem(source, ("same", n, m), f"'{word}'이(가) 다른 묶음에도 있습니다 ({first}번째 줄)", "두 묶음을 하나로 합쳐 주세요"))
                seen.setdefault(searched_form(word), ("same", n, m))
            same.append(group_words)

    one_way_data = data.get("one_way", {})
    one_way: list[tuple[str, tuple[str, ...]]] = []
    if not isinstance(one_way_data, dict):
        problems.append(problem(source, ("one_way",), "'one_way'는 '찾는 말: [함께 찾을 말]' 줄들이어야 합니다", "'공인인증서: [공동인증서]'처럼 적어 주세요"))
    else:
        for word, others in one_way_data.items():
            if not isinstance(word, str) or not compact(word):
                problems.append(problem(source, ("one_way", word), "찾는 말이 비어 있거나 글자가 아닙니다", "찾는 말을 글자로 적어 주세요", key=True))
                continue
            targets = words(others, ("one_way", word), 1)
            if searched_form(word) in map(searched_form, targets):
                problems.append(problem(source, ("one_way", word), f"'{word}'이(가) 자기 자신을 찾습니다", "다른 말만 적어 주세요"))
            one_way.append((word, targets))
    if problems:
        return Synonyms(digest=digest), problems
    return Synonyms(tuple(same), tuple(one_way), digest), []
