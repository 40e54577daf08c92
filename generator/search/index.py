"""The search files: a tiny manifest in Material's search_index.json plus sharded postings.

A reader's browser fetches the manifest on page load, then per query only the postings
shards its bigrams hash to and the few page files it shows. Nothing grows with the site
except the number of files and the page-offset list in the manifest.

    search/search_index.json        Material's file, now {"config": {..., "giljabi": manifest}, "docs": []}
    search/giljabi/t/<k>.json       bigram -> delta-encoded section numbers
    search/giljabi/u/<k>.json       single characters, fetched only for one-letter query stems
    search/giljabi/p/<i>.json       page i: location and its sections' anchor, title, text, aliases
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import bigrams, compact, shard_of, unigrams
from .sections import Page

FORMAT = 1
# Postings per shard aimed at: a few KB gzip each, so a query of a few words stays tens of KB.
POSTINGS_PER_SHARD = 3000
FOLDER = "giljabi"


def _shard_count(postings: int) -> int:
    count = 1
    while count * POSTINGS_PER_SHARD < postings and count < 4096:
        count *= 2
    return count


def _delta(ids: list[int]) -> list[int]:
    return [ids[0]] + [b - a for a, b in zip(ids, ids[1:])]


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class SearchIndex:
    manifest: dict[str, Any]
    files: dict[str, str]  # path below search/ -> JSON text


def build_index(pages: Sequence[Page]) -> SearchIndex:
    by_bigram: dict[str, list[int]] = defaultdict(list)
    by_char: dict[str, list[int]] = defaultdict(list)
    offsets = [0]
    files: dict[str, str] = {}
    number = 0
    for page_number, page in enumerate(pages):
        rows = []
        for section in page.sections:
            text = compact(" ".join((section.title, section.text, *section.aliases)))
            for key in bigrams(text):
                by_bigram[key].append(number)
            for key in unigrams(text):
                by_char[key].append(number)
            row: list[Any] = [section.anchor, section.title, section.text]
            if section.aliases:
                row.append(list(section.aliases))
            rows.append(row)
            number += 1
        offsets.append(number)
        files[f"{FOLDER}/p/{page_number}.json"] = _dump({"l": page.location, "s": rows})

    shard_counts = {}
    for prefix, postings in (("t", by_bigram), ("u", by_char)):
        shards = _shard_count(sum(len(ids) for ids in postings.values()))
        shard_counts[prefix] = shards
        grouped: list[dict[str, list[int]]] = [{} for _ in range(shards)]
        for key in sorted(postings):
            grouped[shard_of(key, shards)][key] = _delta(postings[key])
        for k, content in enumerate(grouped):
            files[f"{FOLDER}/{prefix}/{k}.json"] = _dump(content)

    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode())
    manifest = {"format": FORMAT, "version": digest.hexdigest()[:12], "t": shard_counts["t"], "u": shard_counts["u"], "offsets": offsets}
    return SearchIndex(manifest, files)


def write_index(search_dir: Path, index: SearchIndex, material_config: dict[str, Any]) -> None:
    """Replace Material's search_index.json by the manifest and write the shards beside it."""
    target = search_dir / FOLDER
    if target.exists():
        shutil.rmtree(target)
    for path, text in index.files.items():
        file = search_dir / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    config = {**material_config, "giljabi": index.manifest}
    (search_dir / "search_index.json").write_text(_dump({"config": config, "docs": []}), encoding="utf-8")
