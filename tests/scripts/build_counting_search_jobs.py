"""`mkdocs build` of a project, then print whether each search job it started ran in the background.

    python tests/scripts/build_counting_search_jobs.py MKDOCS_YML SITE_DIR

Prints a Python list such as "[True]" (one job, in a background process) or "[False]".
"""

from __future__ import annotations

import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.build.search_job import SearchJob

started: list[bool] = []
_original = SearchJob.__init__


def _counting(self: SearchJob, *args: object, **kwargs: object) -> None:
    _original(self, *args, **kwargs)  # type: ignore[arg-type]
    started.append(self.in_background)


SearchJob.__init__ = _counting  # type: ignore[method-assign]

if __name__ == "__main__":
    build(load_config(sys.argv[1], site_dir=sys.argv[2]))
    print(started)
