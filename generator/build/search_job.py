"""The Korean search files of a site, built beside MkDocs' own work.

The guides' part of the index (their postings and files: nearly all of it) is known as soon
as the guides are compiled, long before Material's search plugin writes search_index.json at
the very end of the build. ``SearchJob`` hands that part to a forked process, which builds and
writes it on another core, into a hidden folder of the site, while MkDocs renders pages.
``finish`` then tells it to add the pages Material indexed, rewrite the few shards they touch,
move the folder into search/ and write the manifest, and waits for that alone. ``cancel`` (a
failed build, or search files taken from the cache) stops it and removes the folder. Where
forking is not safe or not possible (``workers.may_fork``), ``finish`` does all the work itself.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..search.index import FOLDER, IndexBuilder, write_files, write_index, write_manifest
from ..search.sections import Page, material_sections
from ..search.synonyms import Synonyms
from .workers import may_fork, start_worker

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


def _index_here(guides: Sequence[Page], search_dir: Path, synonyms: Synonyms) -> None:
    builder = IndexBuilder(synonyms)
    builder.add_pages(guides)
    pages, config = _material(search_dir, guides)
    builder.add_pages(pages)
    write_index(search_dir, builder.index(), config)
    _drop_material_js(search_dir)


def _in_background(connection: Connection, guides: Sequence[Page], search_dir: Path, private: Path, synonyms: Synonyms) -> None:
    os.nice(5)  # where cores are short, MkDocs' rendering goes first: post_build waits for both anyway
    start_worker()
    try:
        builder = IndexBuilder(synonyms)
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


def search_key(guides_digest: str, material_index: Path) -> str:
    """Names the search files made from these guides and Material's index of the other pages.

    The guides' part comes first, so a build knows from its guides alone, before Material has
    indexed anything, whether the files are probably in the cache.
    """
    if not guides_digest or not material_index.is_file():
        return ""
    return f"{guides_part(guides_digest)}{hashlib.sha256(material_index.read_bytes()).hexdigest()[:16]}"


def guides_part(guides_digest: str) -> str:
    return f"{guides_digest[:24]}-"


class SearchJob:
    """A site's search index under way: ``finish`` completes it, ``cancel`` abandons it.

    Start it once MkDocs has emptied site_dir (on_files or later). ``jobs`` is the plugin's
    option of that name: with 1 (or one core) nothing runs in another process.
    """

    def __init__(self, guides: Sequence[Page], site_dir: Path, jobs: int | None = None, synonyms: Synonyms | None = None) -> None:
        self.guides = guides
        self.synonyms = synonyms or Synonyms()
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
            self._process = context.Process(target=_in_background, args=(theirs, guides, self.search_dir, self._private, self.synonyms), name="giljabi-search", daemon=True)
            self._process.start()
            theirs.close()

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def finish(self) -> None:
        """Complete the index once Material's search plugin has written search/search_index.json."""
        if self._process is None or self._connection is None:
            _index_here(self.guides, self.search_dir, self.synonyms)
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
