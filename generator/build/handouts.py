"""Every guide's handout PDF, rendered only when something that shapes it changed.

A handout is kept in .cache/handouts/ under a key of its guide's data, the page address its QR
code opens, and the code fingerprint (every module, template and stylesheet of the package, and
the versions of WeasyPrint and the rest), so a change anywhere in the package renders it again.
Handouts to render go to one worker process per core, by the same rule as the compile workers
(``workers.py``): a first build of a big site renders on every core.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..content.images import image_folder
from ..content.loader import GuideFile
from ..content.check import sorted_problems
from ..content.problems import ContentError, Problem
from ..handout.address import handout_uri, page_url
from ..handout.document import MissingGlyphError, glyph_problems, load_renderer, render_pdf
from .cache import FileCache, cache_key, installed_fingerprint
from .collector import collector_paused
from .progress import Progress
from .workers import map_forked, may_fork

# `mkdocs serve` (a local site_url) and `mkdocs build` (the public one) each have their own
# handouts; keeping two per guide makes switching between them cost nothing.
KEEP_PER_GUIDE = 2


@dataclass(frozen=True)
class Handout:
    guide_id: str
    uri: str  # below the site root, next to the guide's page
    path: Path  # the cached PDF, linked into the site by MkDocs
    rendered: bool  # False when it came from the cache


def handout_key(loaded: GuideFile, url: str, fingerprint: str = "") -> str:
    """Changes whenever anything that shapes this guide's PDF changes."""
    return cache_key(fingerprint or installed_fingerprint(), loaded.content_digest(), url)


def _render_then_collect(loaded: GuideFile, url: str) -> bytes:
    """render_pdf with Python's collector paused, then run once on what the render made.

    A render leaves about 30,000 objects in reference cycles (WeasyPrint's boxes), and the
    collector's passes during it cost a few percent of its CPU. Nothing is collected while it is
    paused, so all that the render made is still in the youngest generation afterwards, and one
    young collection frees it: cheap, and done even when the caller had the collector off (the
    plugin's on_files, when a handout is rendered in the build's own process).
    """
    with collector_paused():
        try:
            return render_pdf(loaded.guide, url, loaded.terms, image_folder(loaded.path))
        finally:
            gc.collect(0)


def _render_to_cache(todo: Sequence[tuple[GuideFile, str, str]], cache: FileCache) -> tuple[str, list[Problem]]:
    """Render one or more handouts into the cache: the last guide's id, and the problems found."""
    problems: list[Problem] = []
    for loaded, url, name in todo:
        try:
            pdf = _render_then_collect(loaded, url)
        except MissingGlyphError as error:
            problems.extend(glyph_problems(loaded, error))
        else:
            cache.write(name, pdf)
            cache.keep_newest(f"{loaded.guide.id}.", KEEP_PER_GUIDE)
    return todo[-1][0].guide.id, problems


def build_handouts(
    guides: Sequence[GuideFile], site_url: str, cache_dir: Path, stream: TextIO | None = None, jobs: int | None = None
) -> list[Handout]:
    """Render the handouts that are not in the cache and list every guide's PDF.

    ``jobs`` as the plugin's option: 0 or None renders on every core, 1 in this process.
    Raises ContentError, after trying every guide, when some text cannot be drawn.
    """
    cache = FileCache(cache_dir, ".pdf")
    planned = []
    for loaded in guides:
        url = page_url(site_url, loaded.guide)
        planned.append((loaded, url, f"{loaded.guide.id}.{handout_key(loaded, url)[:20]}"))
    todo = [item for item in planned if not cache.path(item[2]).is_file()]
    progress = Progress(len(todo), stream if stream is not None else sys.stderr)
    problems: list[Problem] = []

    def done(result: tuple[str, list[Problem]]) -> None:
        guide_id, found = result
        problems.extend(found)
        progress.advance(guide_id)

    try:
        if len(todo) > 1 and may_fork(jobs):
            # Loaded once here, WeasyPrint and the parsed stylesheet are inherited by every worker.
            load_renderer()
            map_forked(functools.partial(_render_to_cache, cache=cache), [[item] for item in todo], jobs, on_result=done)
        else:
            for item in todo:
                done(_render_to_cache([item], cache))
    finally:
        progress.close()
    if problems:
        raise ContentError(sorted_problems(problems))
    rendered = {name for _loaded, _url, name in todo}
    return [Handout(loaded.guide.id, handout_uri(loaded.guide), cache.path(name), name in rendered) for loaded, _url, name in planned]
