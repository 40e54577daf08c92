"""Bytes a reader downloads for 길잡이's own JavaScript components, and their budgets.

Each file in overrides/assets/javascripts/ is measured as written, gzipped (what a host that
compresses sends), minified (rjsmin: comments and whitespace out, names kept) and minified +
gzipped, the figure the checklist's 3 KB budget is about.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import rjsmin

from . import ROOT

JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
BUDGETS = {"checklist": 3 * 1024}  # min+gzip bytes, from issue #3


@dataclass(frozen=True)
class Size:
    name: str
    raw: int
    raw_gzip: int
    minified: int
    minified_gzip: int


def gzipped(data: bytes) -> int:
    # mtime=0 so the same file always measures the same.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def measure(path: Path) -> Size:
    source = path.read_bytes()
    minified = rjsmin.jsmin(source.decode("utf-8")).encode("utf-8")
    return Size(path.stem, len(source), gzipped(source), len(minified), gzipped(minified))
