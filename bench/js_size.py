"""Bytes a reader downloads for 길잡이's own JavaScript components.

For each file in overrides/assets/javascripts/: as written, gzipped (what a host that
compresses sends), minified (rjsmin: comments and whitespace out, names kept) and
minified + gzipped, the figure the checklist's 3 KB budget is about.

    python -m generator.bench.js_size            # every component
    python -m generator.bench.js_size checklist  # one, by file stem
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from pathlib import Path

import rjsmin

JAVASCRIPTS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts"
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


def main(argv: list[str]) -> int:
    paths = sorted(JAVASCRIPTS.glob("*.js"))
    if argv:
        paths = [path for path in paths if path.stem in argv]
    over = False
    print(f"{'file':<16}{'raw':>8}{'gzip':>8}{'min':>8}{'min+gzip':>10}  budget")
    for size in map(measure, paths):
        budget = BUDGETS.get(size.name)
        verdict = ""
        if budget is not None:
            verdict = f"{'OK' if size.minified_gzip < budget else 'OVER'} (< {budget})"
            over |= size.minified_gzip >= budget
        print(f"{size.name + '.js':<16}{size.raw:>8}{size.raw_gzip:>8}{size.minified:>8}{size.minified_gzip:>10}  {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
