"""The search files: a tiny manifest in Material's search_index.json plus sharded postings.

A reader's browser fetches the manifest on page load, then per query only the postings
shards its bigrams hash to and the few page files it shows. Nothing grows with the site
except the number of files and the page-offset list in the manifest.

    search/search_index.json        Material's file, now {"config": {..., "giljabi": manifest}, "docs": []}
    search/giljabi/t/<k>.json       bigram -> delta-encoded section numbers
    search/giljabi/u/<k>.json       single characters, fetched only for one-letter query stems
    search/giljabi/p/<i>.json       page i: location and its sections' anchor, title, text, aliases, related terms
    search/giljabi/w/<k>.json       the site's words, for suggestions (vocabulary.py)

The manifest also carries the synonyms (synonyms.py), which the worker applies to queries.

A large site has millions of postings, so the loops here touch each posting with as few
Python operations as they can; tests/test_search_index.py holds them to a plain rewrite.
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import shutil
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from .analysis import compact, shard_of
from .sections import Page
from .synonyms import Synonyms
from .vocabulary import Vocabulary

FORMAT = 2
# Postings per shard aimed at: a few KB gzip each, so a question of several words stays tens of KB.
POSTINGS_PER_SHARD = 1500
FOLDER = "giljabi"

# A bigram is counted as two code points packed in 64 bits, read straight from the text's
# UTF-32 bytes (see IndexBuilder._add_postings); which half holds the first one depends on the byte order.
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_FIRST_SHIFT = 0 if sys.byteorder == "little" else 32
_LOW = 0xFFFFFFFF


def _shard_count(postings: int) -> int:
    count = 1
    while count * POSTINGS_PER_SHARD < postings and count < 4096:
        count *= 2
    return count


def _delta(ids: list[int]) -> list[int]:
    return list(map(operator.sub, ids, chain((0,), ids)))


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _fragment(key: str, ids: list[int], known: tuple[int, str] | None) -> str:
    """``"key":[deltas]`` as _dump writes it, from the list's repr (cheaper than json.dumps).

    Keys come from compact text, letters and digits only, so none needs escaping in JSON, and
    a list of ints is JSON once repr's spaces are dropped. ``known`` is the fragment of the
    list's first ``count`` numbers: later sections only ever add larger numbers, so the
    fragment grows at its end, and a long list is not encoded twice.
    """
    if known is None:
        return f'"{key}":{_delta(ids)!r}'.replace(" ", "")
    count, fragment = known
    if count == len(ids):
        return fragment
    return fragment[:-1] + "," + repr(_delta(ids[count - 1 :])[1:])[1:].replace(" ", "")


def _bigram(key: int) -> str:
    return chr((key >> _FIRST_SHIFT) & _LOW) + chr((key >> (32 - _FIRST_SHIFT)) & _LOW)


@dataclass(frozen=True)
class SearchIndex:
    manifest: dict[str, Any]
    files: dict[str, bytes]  # path below search/ -> JSON in UTF-8, encoded once for the digest and the disk


class IndexBuilder:
    """The index of the pages added so far, numbered in the order they come.

    ``index()`` may be called more than once: a site's guides can be indexed while MkDocs is
    still rendering and the hand-written pages added at the end (generator/build/search_job.py);
    the second call then encodes again only the shards that the later sections touched.
    """

    def __init__(self, synonyms: Synonyms | None = None) -> None:
        self._synonyms = synonyms or Synonyms()
        self._vocabulary = Vocabulary()
        for group in self._synonyms.same:
            self._vocabulary.add_section("", group)
        self._pages: dict[str, bytes] = {}
        self._offsets = [0]
        # Keys as integers (code point, or two packed): no string object per character.
        self._by_pair: defaultdict[int, list[int]] = defaultdict(list)
        self._by_point: defaultdict[int, list[int]] = defaultdict(list)
        self._touched: tuple[set[int], set[int]] | None = None  # None: no index() yet
        self._encoded: dict[str, tuple[int, list[bytes]]] = {}  # prefix -> (shards, their JSON)
        self._fragments: tuple[dict[int, tuple[int, str]], dict[int, tuple[int, str]]] = ({}, {})  # key -> (postings, JSON)

    def add_pages(self, pages: Iterable[Page]) -> None:
        texts: list[str] = []
        for page in pages:
            rows = []
            for section in page.sections:
                texts.append(compact(" ".join((section.title, section.text, *section.aliases, *section.related))))
                row: list[Any] = [section.anchor, section.title, section.text]
                if section.aliases or section.related:
                    row.append(list(section.aliases))
                if section.related:
                    row.append(list(section.related))
                rows.append(row)
                # A title of one word names something (유효기간, 준비물); a longer one is a sentence.
                title = section.title.rpartition(" · ")[2]
                names = (*section.aliases, *section.related, *([title] if " " not in title.strip() else []))
                self._vocabulary.add_section(f"{section.title} {section.text}", names)
            self._pages[f"{FOLDER}/p/{len(self._offsets) - 1}.json"] = _dump({"l": page.location, "s": rows}).encode()
            self._offsets.append(self._offsets[-1] + len(rows))
        self._add_postings(texts, self._offsets[-1] - len(texts))

    def _add_postings(self, texts: list[str], first: int) -> None:
        """Each section's number under every bigram and every character of its compact text.

        The text's UTF-32 bytes, read as 32-bit numbers, are its code points; read as 64-bit
        numbers from offsets 0 and 4, they are all its pairs of neighbouring code points.
        Sections come in order, so every list stays ascending.
        """
        by_pair, by_point = self._by_pair, self._by_point
        touched = self._touched
        for number, text in enumerate(texts, start=first):
            data = text.encode(_UTF32, "surrogatepass")
            pairs = set(memoryview(data[: len(data) & ~7]).cast("Q"))
            pairs.update(memoryview(data[4 : 4 + ((len(data) - 4) & ~7)]).cast("Q"))
            points = set(memoryview(data).cast("I"))
            for key in pairs:
                by_pair[key].append(number)
            for key in points:
                by_point[key].append(number)
            if touched is not None:
                touched[0].update(pairs)
                touched[1].update(points)

    def index(self) -> SearchIndex:
        files = dict(self._pages)
        touched = self._touched
        shard_counts = {}
        kinds = (("t", self._by_pair, _bigram, 0), ("u", self._by_point, chr, 1))
        for prefix, by_key, to_text, kind in kinds:
            shards = _shard_count(sum(map(len, by_key.values())))
            shard_counts[prefix] = shards
            keys = {to_text(key): key for key in by_key}
            grouped: list[list[str]] = [[] for _ in range(shards)]
            for text in sorted(keys):
                grouped[shard_of(text, shards)].append(text)
            before = self._encoded.get(prefix)
            if touched is not None and before is not None and before[0] == shards:
                encoded = list(before[1])
                redo: Iterable[int] = {shard_of(to_text(key), shards) for key in touched[kind]}
            else:
                encoded, redo = [b""] * shards, range(shards)
            fragments = self._fragments[kind]
            for k in redo:
                parts = []
                for text in grouped[k]:
                    key = keys[text]
                    ids = by_key[key]
                    fragment = _fragment(text, ids, fragments.get(key))
                    fragments[key] = (len(ids), fragment)
                    parts.append(fragment)
                encoded[k] = ("{" + ",".join(parts) + "}").encode()
            self._encoded[prefix] = (shards, encoded)
            files.update((f"{FOLDER}/{prefix}/{k}.json", text) for k, text in enumerate(encoded))
        self._touched = (set(), set())
        shard_counts["w"], words = self._vocabulary.files(FOLDER)
        files.update(words)

        digest = hashlib.sha256()
        for path in sorted(files):
            digest.update(path.encode() + b"\0" + files[path])
        manifest = {
            "format": FORMAT,
            "version": digest.hexdigest()[:12],
            **shard_counts,
            "synonyms": self._synonyms.expansions(),
            "offsets": list(self._offsets),
        }
        return SearchIndex(manifest, files)


def build_index(pages: Sequence[Page], synonyms: Synonyms | None = None) -> SearchIndex:
    builder = IndexBuilder(synonyms)
    builder.add_pages(pages)
    return builder.index()


def write_files(folder: Path, files: dict[str, bytes], written: dict[str, bytes] | None = None) -> None:
    """Write the index's files below folder; with ``written``, the files of an earlier index()
    of the same builder already there, only those that changed are written again."""
    base = os.fspath(folder)
    # Three folders for three thousand files: made once, and paths joined as plain strings.
    for subfolder in {path.rpartition("/")[0] for path in files}:
        os.makedirs(os.path.join(base, subfolder), exist_ok=True)
    earlier = written or {}
    for path, data in files.items():
        if earlier.get(path) is not data:  # index() hands back the very same bytes when unchanged
            with open(os.path.join(base, path), "wb") as file:
                file.write(data)
    for path in earlier.keys() - files.keys():
        os.unlink(os.path.join(base, path))


def write_manifest(search_dir: Path, index: SearchIndex, material_config: dict[str, Any]) -> None:
    """Replace Material's search_index.json by the manifest, keeping Material's own settings."""
    config = {**material_config, "giljabi": index.manifest}
    (search_dir / "search_index.json").write_text(_dump({"config": config, "docs": []}), encoding="utf-8")


def write_index(search_dir: Path, index: SearchIndex, material_config: dict[str, Any]) -> None:
    """Replace Material's search_index.json by the manifest and write the shards beside it."""
    target = search_dir / FOLDER
    if target.exists():
        shutil.rmtree(target)
    write_files(search_dir, index.files)
    write_manifest(search_dir, index, material_config)
