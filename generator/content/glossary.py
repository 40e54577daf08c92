"""The site's glossary (content/glossary.yml): words a first-timer may not know, each with one plain
sentence. Every guide page marks the first use of each term so a tap opens its explanation, and
each handout prints the terms its guide uses in a short box.

The file is one mapping, term to sentence:

    OTP: 거래할 때마다 새 숫자를 보여 주는 작은 기기나 휴대폰 앱입니다.

It is checked like a guide: every mistake is a Korean problem with the file, line and fix, and its
sentences go through the same markup, link and phone-number checks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .loader import display_path, read_yaml
from .model import Guide
from .policy import ContentPolicy, Subject
from .problems import Problem, josa
from .walk import text_fields

GLOSSARY_FILE = "glossary.yml"
MAX_TERM = 20
MAX_EXPLANATION = 120
FIX_SHAPE = "'낱말: 한 문장 설명' 모양으로 한 줄에 하나씩 적어 주세요. 예: 'OTP: 거래할 때마다 새 숫자를 보여 주는 작은 기기나 휴대폰 앱입니다.'"
_HANGUL = "가-힣ㄱ-ㅎㅏ-ㅣ"
_SECOND_SENTENCE = re.compile(r"[.!?](?:\s+)\S")
_NOT_A_TERM = re.compile(r"[*_\[\]<>&`\\\n]")


@dataclass(frozen=True)
class Glossary:
    """The glossary's terms and their sentences, in the file's order."""

    terms: tuple[tuple[str, str], ...] = ()

    def digest(self) -> str:
        return hashlib.sha256(repr(self.terms).encode("utf-8")).hexdigest()

    def used_in(self, guide: Guide) -> tuple[tuple[str, str], ...]:
        """The entries whose term appears anywhere in the guide's text."""
        if not self.terms:
            return ()
        texts = "\n".join(text for _loc, text in text_fields(guide))
        return tuple(entry for entry in self.terms if term_pattern(entry[0]).search(texts))


@lru_cache(maxsize=256)
def term_pattern(term: str) -> re.Pattern[str]:
    """Where a term is used: not glued to a word before it of the same script; after a Hangul term
    anything may follow (particles: 클라우드에, 출금계좌번호), after a Latin one no letter or digit."""
    first, last = term[0], term[-1]
    before = rf"(?<![{_HANGUL}])" if re.match(rf"[{_HANGUL}]", first) else r"(?<![A-Za-z0-9])"
    after = "" if re.match(rf"[{_HANGUL}]", last) else r"(?![A-Za-z0-9])"
    return re.compile(before + re.escape(term) + after)


def read_glossary(content_dir: Path, root: Path, policy: ContentPolicy) -> tuple[Glossary, list[Problem]]:
    """content/glossary.yml read and checked; a site without the file has an empty glossary."""
    path = content_dir / GLOSSARY_FILE
    if not path.is_file():
        return Glossary(), []
    display = display_path(path, root)
    parsed, problems = read_yaml(path, display)
    if parsed is None or parsed.data is None:  # unreadable, or empty
        return Glossary(), problems
    data, source = parsed.data, parsed.source
    if not isinstance(data, dict):
        return Glossary(), [*problems, Problem(display, 1, 1, "", "낱말 풀이 파일은 '낱말: 설명' 줄들의 묶음이어야 합니다", FIX_SHAPE)]

    def problem(term: object, message: str, fix: str, *, key: bool = False) -> Problem:
        mark = source.key((term,)) if key else source.value((term,))  # type: ignore[arg-type]
        return Problem(display, mark.line, mark.column, str(term), message, fix)

    terms: list[tuple[str, str]] = []
    for term, explanation in data.items():
        if not isinstance(term, str) or not term.strip():
            problems.append(problem(term, f"낱말 {josa(repr(term), '은', '는')} 글이 아닙니다", "낱말을 글로 적어 주세요. 숫자라면 따옴표로 감싸 주세요", key=True))
            continue
        if len(term) > MAX_TERM or _NOT_A_TERM.search(term):
            problems.append(problem(term, f"낱말 '{term}'에 쓸 수 없는 기호가 있거나 너무 깁니다", f"{MAX_TERM}자 이내의 낱말만 적어 주세요. **, [, <, 줄바꿈은 쓸 수 없습니다", key=True))
            continue
        quoted = f"'{term}'"
        if not isinstance(explanation, str) or not explanation.strip():
            problems.append(problem(term, f"낱말 {quoted}의 설명이 비어 있거나 글이 아닙니다", "낱말 뒤에 한 문장 설명을 적어 주세요"))
            continue
        explanation = " ".join(explanation.split())
        if _SECOND_SENTENCE.search(explanation):
            problems.append(problem(term, f"낱말 {quoted}의 설명이 두 문장 이상입니다", "처음 읽는 사람도 알 수 있게 쉬운 말로 한 문장만 적어 주세요"))
        elif len(explanation) > MAX_EXPLANATION:
            problems.append(problem(term, f"낱말 {quoted}의 설명이 {len(explanation)}자로 너무 깁니다", f"{MAX_EXPLANATION}자 이내의 한 문장으로 줄여 주세요"))
        else:
            terms.append((term.strip(), explanation))
    subject = Subject(display, path.resolve(), source, [((term,), explanation) for term, explanation in terms], None)
    problems += [*policy.check_markup(subject), *policy.check_links(subject), *policy.check_phone_numbers(subject)]
    problems += _same_terms(terms, problem)
    return Glossary(tuple(terms)), problems


def _same_terms(terms: list[tuple[str, str]], problem: Callable[..., Problem]) -> list[Problem]:
    """Two entries for one word ('OTP', 'otp') would mark the same word twice."""
    seen: dict[str, str] = {}
    found = []
    for term, _explanation in terms:
        folded = term.casefold()
        if folded in seen:
            found.append(problem(term, f"낱말 {josa(repr(term), '은', '는')} {josa(repr(seen[folded]), '과', '와')} 같은 낱말입니다", "둘 중 하나만 남겨 주세요", key=True))
        seen.setdefault(folded, term)
    return found
