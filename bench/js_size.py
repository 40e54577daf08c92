"""Bytes a reader downloads for 길잡이's own JavaScript components. Run by hand from the
repository root:

    .venv/bin/python -m bench.js_size            # every component
    .venv/bin/python -m bench.js_size checklist  # one, by file stem

For each file in overrides/assets/javascripts/: as written, gzipped (what a host that
compresses sends), minified (rjsmin: comments and whitespace out, names kept) and
minified + gzipped, the figure the checklist's 3 KB budget is about. The measuring and the
budgets live in tests/support/js_size.py, which the tests hold the components to as well.
"""

from __future__ import annotations

import sys

from tests.support.js_size import BUDGETS, JAVASCRIPTS, measure


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
