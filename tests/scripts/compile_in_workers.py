"""Compile a content folder in this fresh process and print what came out, as JSON.

    python tests/scripts/compile_in_workers.py CONTENT [CACHE_DIR [JOBS]]

A process of its own because worker processes are forked only when no other thread runs,
and a pytest session may run some (the browser tests' web server). The rules are the tests'
(tests.support.settings_for): the official domains and a fixed today.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.build.compile import compile_all
from tests.support import settings_for


def main(argv: list[str]) -> None:
    content = Path(argv[0])
    cache_dir = Path(argv[1]) if len(argv) > 1 else None
    jobs = int(argv[2]) if len(argv) > 2 else 2
    compiled, warnings, stats = compile_all(content, settings_for(content), cache_dir=cache_dir, jobs=jobs)
    print(
        json.dumps(
            {
                "pages": [c.page.html if c.page else None for c in compiled],
                "sections": [c.sections for c in compiled],
                "warnings": [str(w) for w in warnings],
                "workers": stats.workers,
                "compiled": stats.compiled,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
