"""Text normalisation shared by the index builder and the browser worker.

The worker (overrides/assets/javascripts/search-worker.js) repeats ``compact`` and
``shard_of`` in JavaScript; tests/test_search.py checks that both give the same keys.
"""

from __future__ import annotations

import re
import sys
import unicodedata


# Everything but letters (Hangul syllables, Latin, ...) and digits: dropped, not a separator.
_NOT_WORD = re.compile(r"[\W_]+")
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"


def compact(text: str) -> str:
    """Lower-case letters and digits only: spacing and punctuation vanish.

    "금융 인증서" and "금융인증서" both become "금융인증서", so spacing variants meet.
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def shard_of(key: str, shards: int) -> int:
    """FNV-1a over UTF-16 code units, the unit JavaScript strings are made of."""
    # A character beyond U+FFFF is two UTF-16 units (a surrogate pair); below, its code point.
    units = map(ord, key) if max(key, default="") <= "\uffff" else memoryview(key.encode(_UTF16)).cast("H")
    value = 0x811C9DC5
    for unit in units:
        value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
    return value % shards
