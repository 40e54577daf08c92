"""Glue for the plugin: the Korean search files of a site, built beside MkDocs' own work.

The guides' part of the index (their postings and files: nearly all of it) is known as soon
as the guides are loaded, long before Material's search plugin writes search_index.json at the
very end of the build. ``start_index`` hands that part to a forked process, which builds it on
the second core while MkDocs renders pages; ``index_site`` then tells it to add the pages
Material indexed, encode again the few shards they touch and write the files, and waits.
The process writes nothing before that, so a build that fails or takes the files from a cache
instead just stops it. Where forking is not safe (``mkdocs serve`` rebuilds while a web server
and a file watcher run in threads) or not possible, ``index_site`` does the work itself.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from markupsafe import Markup

from .index import IndexBuilder, write_index
from .sections import Page, material_sections

# The home page only lists guide titles and summaries that their own pages already answer.
SKIPPED_PAGES = {""}
_FINISH = "finish"


class SearchIndexError(RuntimeError):
    """The background process failed or vanished; the message carries its traceback."""


def _index_guides(pages: Sequence[Page]) -> IndexBuilder:
    builder = IndexBuilder()
    builder.add_pages(pages)
    builder.index()  # encodes every shard now, so finishing encodes only the ones that change
    return builder


def _finish(builder: IndexBuilder, guides: Sequence[Page], search_dir: Path) -> None:
    """Add the pages Material indexed (not the guides) and write the files, manifest last."""
    material = json.loads((search_dir / "search_index.json").read_text(encoding="utf-8"))
    builder.add_pages(material_sections(material["docs"], SKIPPED_PAGES | {page.location for page in guides}))
    write_index(search_dir, builder.index(), material["config"])
    # Material writes a JS copy for file:// browsing; it would still hold the whole stock index.
    (search_dir / "search_index.js").unlink(missing_ok=True)


def _in_background(connection: Connection, guides: Sequence[Page], search_dir: Path) -> None:
    try:
        builder = _index_guides(guides)
        if connection.recv() == _FINISH:
            _finish(builder, guides, search_dir)
            connection.send(None)
    except BaseException:  # the parent raises it, so the build fails with this traceback
        connection.send(traceback.format_exc())


class Pending:
    """A site's search index under way: ``index_site`` completes it, ``cancel`` abandons it."""

    def __init__(self, guides: Sequence[Page], site_dir: Path) -> None:
        self.guides = guides
        self.search_dir = site_dir / "search"
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        # Forking copies only the calling thread; a lock another thread held would stay locked.
        if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe()
            # daemon: should this process exit without finishing (Ctrl-C), the child goes too.
            self._process = context.Process(target=_in_background, args=(theirs, guides, self.search_dir), name="giljabi-search", daemon=True)
            self._process.start()
            theirs.close()

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def finish(self) -> None:
        if self._process is None or self._connection is None:
            _finish(_index_guides(self.guides), self.guides, self.search_dir)
            return
        try:
            try:
                self._connection.send(_FINISH)
            except OSError:
                pass  # it stopped early, and its last message says why
            try:
                error = self._connection.recv()
            except (EOFError, OSError):  # OSError: it died with our message unread
                self._process.join()
                error = f"검색 색인 프로세스가 결과 없이 끝났습니다 (종료 코드 {self._process.exitcode})"
        finally:
            self._stop()
        if error:
            raise SearchIndexError(f"검색 색인을 만들지 못했습니다.\n{error}")

    def cancel(self) -> None:
        """Stop at once: the build failed, or its search files came from elsewhere."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self._stop()

    def _stop(self) -> None:
        if self._process is not None:
            self._process.join()
            self._process.close()
            self._process = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def start_index(guides: Sequence[Page], site_dir: Path) -> Pending:
    """Start indexing the guides' search pages, in the background where that is safe."""
    return Pending(guides, site_dir)


def index_site(pending: Pending) -> None:
    """Complete the index once Material's search plugin has written search/search_index.json."""
    pending.finish()


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
