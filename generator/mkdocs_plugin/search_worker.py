"""Material's search interface, pointed at our Korean search worker instead of its own.

Material names its worker with a content hash that changes with every release, and writes the
address into the page's __config block; overrides/main.html pipes that block through this filter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from markupsafe import Markup

_MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
WORKER = "assets/javascripts/search-worker.js"


def worker_swapper(theme_dirs: Sequence[str]) -> Callable[[str], Markup]:
    """A Jinja filter for Material's __config block that points "search" at our worker.

    The query string carries the worker's content hash so readers never run a stale copy.
    """
    found = [Path(d) / WORKER for d in theme_dirs if (Path(d) / WORKER).is_file()]
    if not found:
        raise FileNotFoundError(f"검색 워커 {WORKER}가 테마 폴더(overrides/)에 없습니다")
    source = found[0]
    url = f"{WORKER}?v={hashlib.sha256(source.read_bytes()).hexdigest()[:10]}"

    def swap(rendered: str) -> Markup:
        return Markup(_MATERIAL_WORKER.sub(url, str(rendered)))

    return swap
