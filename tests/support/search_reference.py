"""The search index made the plain, obviously correct way: the definition that
generator/search/index.py, written for speed, must keep byte for byte (tests/test_search_index.py).

Every bigram and every character of a section's compact text lists the section's number; lists
are delta-encoded, and sharded by FNV-1a of the key into as many shards as keep each near 1500
postings.
"""

from __future__ import annotations

import json
import unicodedata

from generator.search.sections import Page


def reference_compact(text: str) -> str:
    """Lower-case letters and digits only, after NFKC folding: compact spelled out without a pattern."""
    return "".join(char for char in unicodedata.normalize("NFKC", text).lower() if char.isalnum())


def reference_shard(key: str, shards: int) -> int:
    """FNV-1a, byte pair by byte pair of the key in UTF-16: what JavaScript's charCodeAt sees."""
    value = 0x811C9DC5
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value = ((value ^ (data[i] | data[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value % shards


def reference_files(pages: list[Page]) -> dict[str, str]:
    """Every file of the search index of these pages (path below search/ → text), made the plain way,
    except the site's words (giljabi/w/, generator/search/vocabulary.py), which are no postings."""
    dump = lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    files = {}
    texts = []
    for number, page in enumerate(pages):
        rows = [[s.anchor, s.title, s.text, *([list(s.aliases)] if s.aliases or s.related else []), *([list(s.related)] if s.related else [])] for s in page.sections]
        files[f"giljabi/p/{number}.json"] = dump({"l": page.location, "s": rows})
        texts += [reference_compact(" ".join((s.title, s.text, *s.aliases, *s.related))) for s in page.sections]
    postings: dict[str, dict[str, list[int]]] = {"t": {}, "u": {}}
    for number, text in enumerate(texts):
        for key in {text[i : i + 2] for i in range(len(text) - 1)}:
            postings["t"].setdefault(key, []).append(number)
        for key in set(text):
            postings["u"].setdefault(key, []).append(number)
    for prefix, by_key in postings.items():
        shards = 1
        while shards * 1500 < sum(len(ids) for ids in by_key.values()) and shards < 4096:
            shards *= 2
        for k in range(shards):
            keys = sorted(key for key in by_key if reference_shard(key, shards) == k)
            files[f"giljabi/{prefix}/{k}.json"] = dump({key: [b - a for a, b in zip([0, *by_key[key]], by_key[key])] for key in keys})
    return files
