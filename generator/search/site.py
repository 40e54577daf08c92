"""Glue for the plugin: turn a built site's Material index into the Korean search files."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from markupsafe import Markup

from ..model import Guide
from ..render import guide_url
from .index import build_index, write_index
from .sections import guides_pages, material_sections

# The home page only lists guide titles and summaries that their own pages already answer.
SKIPPED_PAGES = {""}


def index_site(site_dir: Path, guides: Sequence[Guide]) -> None:
    """Rewrite site_dir/search/ after Material's search plugin has written search_index.json."""
    search_dir = site_dir / "search"
    material = json.loads((search_dir / "search_index.json").read_text(encoding="utf-8"))
    skip = SKIPPED_PAGES | {guide_url(guide) for guide in guides}
    pages = guides_pages(guides) + list(material_sections(material["docs"], skip))
    write_index(search_dir, build_index(pages), material["config"])
    # Material writes a JS copy for file:// browsing; it would still hold the whole stock index.
    (search_dir / "search_index.js").unlink(missing_ok=True)


# Material's own worker, named with a content hash that changes with every Material release.
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
