"""Glue for the plugin: the Korean search files of a site, built beside MkDocs' own work.

The guides' part of the index (their postings and files: nearly all of it) is known as soon
as the guides are loaded, long before Material's search plugin writes search_index.json at the
very end of the build. ``start_index`` hands that part to a forked process, which builds and
writes it on the second core, into a hidden folder of the site, while MkDocs renders pages.
``index_site`` then tells it to add the pages Material indexed, rewrite the few shards they
touch, move the folder into search/ and write the manifest, and waits for that alone.
``cancel`` (a failed build, or search files taken from a cache) stops it and removes the
folder. Where forking is not safe (``mkdocs serve`` rebuilds while a web server and a file
watcher run in threads) or not possible, ``index_site`` does all the work itself.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..pipeline import may_fork
from .index import FOLDER, IndexBuilder, write_files, write_index, write_manifest
from .sections import Page, material_sections

# The home page only lists guide titles and summaries that their own pages already answer.
SKIPPED_PAGES = {""}
_FINISH = "finish"


class SearchIndexError(RuntimeError):
    """The background process failed or vanished; the message carries its traceback."""


def _material(search_dir: Path, guides: Sequence[Page]) -> tuple[list[Page], dict[str, Any]]:
    """The pages Material indexed, except the guides and the home page, and its settings."""
    material = json.loads((search_dir / "search_index.json").read_text(encoding="utf-8"))
    pages = list(material_sections(material["docs"], SKIPPED_PAGES | {page.location for page in guides}))
    return pages, material["config"]


def _drop_material_js(search_dir: Path) -> None:
    # Material writes a JS copy for file:// browsing; it would still hold the whole stock index.
    (search_dir / "search_index.js").unlink(missing_ok=True)


def _index_here(guides: Sequence[Page], search_dir: Path) -> None:
    builder = IndexBuilder()
    builder.add_pages(guides)
    pages, config = _material(search_dir, guides)
    builder.add_pages(pages)
    write_index(search_dir, builder.index(), config)
    _drop_material_js(search_dir)


def _in_background(connection: Connection, guides: Sequence[Page], search_dir: Path, private: Path) -> None:
    os.nice(5)  # where cores are short, MkDocs' rendering goes first: post_build waits for both anyway
    # The collector would otherwise walk, and so copy page by page, the whole inherited heap.
    gc.freeze()
    try:
        builder = IndexBuilder()
        builder.add_pages(guides)
        written = builder.index()
        write_files(private, written.files)
        connection.recv()  # the go-ahead: Material has written its index
        pages, config = _material(search_dir, guides)
        builder.add_pages(pages)
        index = builder.index()
        write_files(private, index.files, written.files)
        if (search_dir / FOLDER).exists():  # a --dirty build's earlier files
            shutil.rmtree(search_dir / FOLDER)
        os.rename(private / FOLDER, search_dir / FOLDER)
        write_manifest(search_dir, index, config)
        _drop_material_js(search_dir)
        connection.send(None)
    except BaseException:  # the parent raises it, so the build fails with this traceback
        shutil.rmtree(private, ignore_errors=True)
        try:
            connection.send(traceback.format_exc())
        except OSError:
            pass  # the parent is gone (killed), and so is the build


class Pending:
    """A site's search index under way: ``index_site`` completes it, ``cancel`` abandons it."""

    def __init__(self, guides: Sequence[Page], site_dir: Path, jobs: int | None = None) -> None:
        self.guides = guides
        self.search_dir = site_dir / "search"
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._private: Path | None = None
        if may_fork(jobs):
            site_dir.mkdir(parents=True, exist_ok=True)
            # In the site, so the move into search/ is a rename; hidden, and gone by post_build.
            self._private = Path(tempfile.mkdtemp(prefix=".giljabi-search-", dir=site_dir))
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe()
            # daemon: should this process exit without finishing (Ctrl-C), the child goes too.
            self._process = context.Process(target=_in_background, args=(theirs, guides, self.search_dir, self._private), name="giljabi-search", daemon=True)
            self._process.start()
            theirs.close()

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def finish(self) -> None:
        if self._process is None or self._connection is None:
            _index_here(self.guides, self.search_dir)
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
        """Stop at once and remove what was written: the build failed, or its search files came from elsewhere."""
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
        if self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None


def start_index(guides: Sequence[Page], site_dir: Path, jobs: int | None = None) -> Pending:
    """Start indexing the guides' search pages, in the background where that is safe.

    Call it once MkDocs has emptied site_dir (on_files or later). ``jobs`` is the plugin's
    option of that name: with 1 (or one core) nothing runs in another process.
    """
    return Pending(guides, site_dir, jobs)


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
