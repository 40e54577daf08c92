"""A folder of generated files kept under a digest of everything it was made from.

The search files of a 1000-guide site are 3000 files made from every guide: seconds of work
that a rebuild where no guide changed (a `mkdocs serve` reload after a template edit, a second
`mkdocs build`) would repeat for nothing. Files are hard-linked both ways, so storing and
restoring cost no copies, and removing an old site does not free their disk blocks.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from pathlib import Path

_COMPLETE = ".complete"  # written last: a folder without it was interrupted and is ignored


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """target as a hard link to source (replacing a file already there); a copy where links
    cannot be made (another file system, some network shares)."""
    try:
        try:
            os.link(source, target)
        except FileExistsError:  # e.g. a --dirty build into the previous site
            os.unlink(target)
            os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _link_tree(source: Path, dest: Path) -> None:
    for path in source.rglob("*"):
        if path.is_file() and path.name != _COMPLETE:
            target = dest / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(path, target)


class FolderCache:
    def __init__(self, root: Path, keep: int = 2) -> None:
        self.root = root
        self.keep = keep  # `mkdocs serve` and `mkdocs build` may differ (site_url), so two

    def restore(self, key: str, dest: Path) -> bool:
        """Make dest exactly the cached folder for key; False (dest untouched) when there is none."""
        cached = self.root / key
        if not (cached / _COMPLETE).is_file():
            return False
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        _link_tree(cached, dest)
        os.utime(cached)  # most recently used, for pruning
        return True

    def has(self, prefix: str) -> bool:
        """Whether a complete folder is kept under a key starting with prefix."""
        if not self.root.is_dir():
            return False
        return any((entry / _COMPLETE).is_file() for entry in self.root.glob(f"{glob.escape(prefix)}*"))

    def store(self, key: str, source: Path) -> None:
        """Keep source's files under key; a failure here never fails the build."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=self.root))
            _link_tree(source, staging)
            (staging / _COMPLETE).touch()
            target = self.root / key
            if target.exists():
                shutil.rmtree(staging, ignore_errors=True)
                return
            os.rename(staging, target)
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        entries = sorted((p for p in self.root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in entries[self.keep :]:
            shutil.rmtree(stale, ignore_errors=True)
