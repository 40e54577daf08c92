"""The words a site knows, for a next step when a query finds nothing, and for 초성 queries.

When nothing matches, the worker suggests the site's words closest to what was typed: those
sharing its character bigrams (금융인정서 → 금융인증서) or its initial consonants (갱싱 →
갱신). A query of initial consonants only (ㄱㅇㅇㅈㅅ) is read as the most common word they
begin. Words are the space-separated words of the sections, each without one trailing
particle; a word counts when two sections use it, or when a title, alias or related term is it.

    search/giljabi/w/<k>.json   key -> words, the most used first; a key is a bigram of the
                                word, or its first two initial consonants (ᄀᄋ for 금융…)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from .analysis import compact, shard_of

# One trailing particle comes off a word (인증서는 → 인증서), longest first.
_PARTICLES = sorted(
    ["에서는", "에서", "으로", "에게", "까지", "부터", "이나", "처럼", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나"],
    key=len,
    reverse=True,
)
_WORD = re.compile(r"[^\W_]+")
# Not words to suggest: counts (3단계, 10분) and verbs and adjectives in a sentence's form.
_NOT_A_TERM = re.compile(r"^\d+[가-힣]{1,2}$|(?:니다|세요|어요|아요|해요|나요|까요|하고|하면|하는|하기|해서|하여|려면|려고|으면|지만|습니다|었|았|였|할|받|받은|받는|된|될|되는)$")
_HANGUL = re.compile(r"[가-힣]")
SHORTEST, LONGEST = 2, 12
WORDS_PER_KEY = 60  # suggestions need only the most used few under each key
KEYS_PER_SHARD = 400


def initials(word: str) -> str:
    """Each syllable's initial consonant as a conjoining jamo (what NFKC makes of ㄱ): 금융 → ᄀᄋ."""
    return "".join(chr(0x1100 + (ord(c) - 0xAC00) // 588) if "가" <= c <= "힣" else c for c in word)


def _stem(word: str) -> str:
    if _HANGUL.search(word[-1:]):
        for particle in _PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= SHORTEST:
                return word[: -len(particle)]
    return word


def _term(word: str) -> str | None:
    """A word of a section as the vocabulary keeps it (one trailing particle off), or None when
    it is not one to suggest."""
    word = _stem(word)
    if SHORTEST <= len(word) <= LONGEST and (_HANGUL.search(word) or len(word) > 2) and not _NOT_A_TERM.search(word):
        return word
    return None


class Vocabulary:
    def __init__(self) -> None:
        self._used: Counter[str] = Counter()  # compact word -> in how many sections
        self._shown: dict[str, str] = {}  # compact word -> as first written (KB스타뱅킹, 인증서 발급)
        self._named: set[str] = set()  # titles, aliases, related terms, synonyms
        # A word as a section writes it -> (compact word, word) or None. A site's sections use
        # the same few thousand words over and over (a million words in 1000 guides): each is
        # looked at once, since looking at every occurrence would take most of the index's time.
        self._terms: dict[str, tuple[str, str] | None] = {}

    def _words_of(self, text: str) -> dict[str, str]:
        """compact word -> word, of the terms in text (the last spelling of each)."""
        words = {}
        for written in _WORD.findall(unicodedata.normalize("NFKC", text)):
            try:
                found = self._terms[written]
            except KeyError:
                term = _term(written)
                found = self._terms[written] = None if term is None else (compact(term), term)
            if found is not None:
                words[found[0]] = found[1]
        return words

    def add_section(self, text: str, names: Iterable[str]) -> None:
        words = self._words_of(text)
        self._used.update(words.keys())
        for key, word in words.items():
            self._shown.setdefault(key, word)
        for name in names:
            key = compact(name)
            if SHORTEST <= len(key) <= LONGEST:
                self._named.add(key)
                self._used[key] += 0
                self._shown.setdefault(key, " ".join(name.split()))

    def files(self, folder: str) -> tuple[int, dict[str, bytes]]:
        """(shard count, path -> JSON) of every known word, as written, under its keys."""
        known = [w for w, n in self._used.items() if n >= 2 or w in self._named]
        known.sort(key=lambda w: (-self._used[w], w))
        by_key: dict[str, list[str]] = {}
        for word in known:
            keys = {word[i : i + 2] for i in range(len(word) - 1)}
            if _HANGUL.match(word[:1]) and _HANGUL.match(word[1:2]):
                keys.add(initials(word[:2]))
            for key in keys:
                listed = by_key.setdefault(key, [])
                if len(listed) < WORDS_PER_KEY:
                    listed.append(self._shown[word])
        shards = 1
        while shards * KEYS_PER_SHARD < len(by_key) and shards < 1024:
            shards *= 2
        grouped: list[dict[str, list[str]]] = [{} for _ in range(shards)]
        for key in sorted(by_key):
            grouped[shard_of(key, shards)][key] = by_key[key]
        return shards, {f"{folder}/w/{k}.json": json.dumps(group, ensure_ascii=False, separators=(",", ":")).encode() for k, group in enumerate(grouped)}
