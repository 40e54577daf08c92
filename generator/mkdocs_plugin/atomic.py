"""Builds that lose nothing: the site is written next to site_dir and swapped in only on success.

MkDocs cleans site_dir first and writes into it as it goes, so a build that fails halfway (a broken
guide, a PDF that cannot be written, a warning in strict mode) would leave a half-empty site, and
`mkdocs serve` would serve it. `AtomicBuildPlugin` points ``config.site_dir`` at a fresh staging
folder before anything runs, lets every plugin write there, and after the very last post-build
handler swaps the folder into place. Any failure before that removes the staging folder and
leaves the previous site byte for byte as it was.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.giljabi.atomic")

# After every other post_build handler ("last" is -100 by MkDocs' convention), so PDFs, search
# indexes and anything else written at post_build time are part of the swap.
SWAP_PRIORITY = -1000
# Before every other on_config handler, so no plugin remembers the real site_dir.
STAGE_PRIORITY = 1000

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


class StagedSite:
    """One build's staging folder next to the real site folder."""

    def __init__(self, target: Path, *, keep_existing: bool = False):
        self.target = target.absolute()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        # Same parent, so the final rename never crosses a file system.
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        # mkdtemp makes the folder private (0700); the published site must stay readable by a web server.
        self.folder.chmod(0o777 & ~umask)
        if keep_existing and self.target.is_dir():
            # --dirty rebuilds only changed pages, so they need the rest of the previous site.
            shutil.copytree(self.target, self.folder, symlinks=True, dirs_exist_ok=True)

    def commit(self) -> None:
        """Put the staged site in place of the old one; the old one is then removed."""
        if not self.target.exists():
            os.rename(self.folder, self.target)
            return
        if not _exchange(self.folder, self.target):
            old = self.folder.with_name(self.folder.name + "-old")
            os.rename(self.target, old)
            os.rename(self.folder, self.target)
            self.folder = old
        remove_in_background(self.folder)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# Run by a detached interpreter: remove the folder, whatever happens to the build that left it.
_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def remove_in_background(folder: Path) -> None:
    """Remove the replaced site without making the build wait for it.

    On some file systems deleting a file costs milliseconds, so deleting the old copy of a
    large site can take longer than building the new one (README: what the speed tricks buy).
    The replaced folder is already out of the way, so a detached process deletes it; should
    that process be killed, the folder is one more `.site.building-*` leftover, ignored by git.
    """
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not killed with `mkdocs serve` by Ctrl+C, nor waited for
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def strict_warnings_pending() -> bool:
    """Whether MkDocs is about to abort this build for warnings in strict mode.

    MkDocs counts them with a CountHandler on its logger and raises only after post_build,
    which is too late for a swap, so the swap asks the counter first.
    """
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler) and handler.get_counts():
            return True
    return False


class AtomicBuildPlugin(BasePlugin):
    """`plugins: - giljabi-atomic`: every build, `mkdocs build` and each `mkdocs serve` rebuild alike."""

    def __init__(self) -> None:
        self.staged: StagedSite | None = None
        self.kept: Path | None = None  # the site a failed build left alone, to say so at the end
        self.dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.dirty = dirty

    @event_priority(STAGE_PRIORITY)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.discard()
        self.kept = None
        self.staged = StagedSite(Path(config.site_dir), keep_existing=self.dirty)
        config.site_dir = str(self.staged.folder)
        return config

    @event_priority(SWAP_PRIORITY)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staged is None or (config.strict and strict_warnings_pending()):
            return  # MkDocs aborts next and on_build_error discards the staging folder
        staged, self.staged = self.staged, None
        try:
            staged.commit()
        except OSError as error:
            staged.discard()
            raise PluginError(f"새로 만든 사이트를 {staged.target}에 옮기지 못했습니다 (이전 사이트는 그대로입니다): {error}") from None
        config.site_dir = str(staged.target)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
        """Keep serving the last good site while a rebuild fails.

        MkDocs' dev server holds every request after a failed rebuild ("the server will appear
        stuck") until a build succeeds. The staged build left the previous site whole, so the
        failure is reported and the server is told the build is over, and it serves that site.
        """
        rebuild = server.builder

        def rebuild_or_keep_last_good() -> None:
            try:
                rebuild()
            except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
                self.kept = None
                log.error("%s 마지막으로 성공한 사이트를 계속 보여 줍니다. 파일을 고쳐 저장하면 다시 만듭니다.", error)

        server.builder = rebuild_or_keep_last_good
        return server

    def on_build_error(self, *, error: Exception) -> None:
        # Said at shutdown, after MkDocs has printed what went wrong, not before it.
        self.kept = self.staged.target if self.staged is not None else None
        self.discard()

    def on_shutdown(self) -> None:
        if self.kept is not None:
            log.info("사이트를 만들지 못해 %s의 이전 사이트를 그대로 두었습니다.", self.kept)
        self.discard()

    def discard(self) -> None:
        if self.staged is not None:
            self.staged.discard()
            self.staged = None
