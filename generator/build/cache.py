"""Outputs kept in .cache/ between builds, each under a key made from every input that shapes it.

Three outputs are cached: each compiled guide (a pickle per guide file), each handout (a PDF per
guide and site address) and the search files (a folder per set of guides and hand-written
pages). Every key starts from ``code_fingerprint()``, a digest of every file of this package
(code, templates, stylesheets) and of the versions of the libraries that shape an output, then
adds the inputs of that output alone. A stale entry can therefore only cost time: it is never
found again, and pruning removes it.

Files are written atomically, so a reader or a build killed halfway never sees half a file, and
copied into the site as hard links, so a large site does not copy every PDF on every build.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# The libraries whose version can change what a guide, a handout or the search files look like.
DISTRIBUTIONS = ("pydantic", "pydantic-core", "markdown", "jinja2", "markupsafe", "pyyaml", "weasyprint", "segno", "pillow")
_SOURCE_SUFFIXES = (".py", ".j2", ".css", ".json", ".yml")
_COMPLETE = ".complete"  # written last into a cached folder: one without it was interrupted


def code_fingerprint(package: Path = PACKAGE) -> str:
    """Every source file of the package, and the library versions that shape an output."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in _SOURCE_SUFFIXES:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in DISTRIBUTIONS:
        digest.update(f"{name} {metadata.version(name)}\0".encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def installed_fingerprint() -> str:
    """code_fingerprint() of this installation, worked out once per process."""
    return code_fingerprint()


def cache_key(*parts: str | bytes) -> str:
    """A digest of the parts, each kept apart from the next so that no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that no reader, nor a build killed halfway, ever sees it half written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


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


class FileCache:
    """One file per key in one folder (compiled guides, handouts)."""

    def __init__(self, folder: Path, suffix: str) -> None:
        self.folder = folder
        self.suffix = suffix
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.folder / f"{name}{self.suffix}"

    def read(self, name: str) -> bytes | None:
        try:
            return self.path(name).read_bytes()
        except OSError:
            return None

    def write(self, name: str, data: bytes) -> Path:
        path = self.path(name)
        write_atomically(path, data)
        return path

    def keep_only(self, names: Iterable[str]) -> int:
        """Remove every entry but these (after a successful build: what it did not use); how many went."""
        kept = {f"{name}{self.suffix}" for name in names}
        removed = 0
        for entry in self.folder.glob(f"*{self.suffix}"):
            if entry.name not in kept:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed

    def keep_newest(self, prefix: str, count: int) -> None:
        """Of the entries whose name starts with prefix, keep the newest few."""
        entries = sorted(self.folder.glob(f"{glob.escape(prefix)}*{self.suffix}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in entries[count:]:
            stale.unlink(missing_ok=True)


def _link_tree(source: Path, dest: Path) -> None:
    # os.walk and plain strings: the search files are thousands (3,000 at 1000 guides), and a
    # Path, a stat and a mkdir for each cost a tenth of a second of every cached build.
    for folder, _subfolders, names in os.walk(source):
        target = os.path.join(dest, os.path.relpath(folder, source))
        os.makedirs(target, exist_ok=True)
        for name in names:
            if name != _COMPLETE:
                link_or_copy(os.path.join(folder, name), os.path.join(target, name))


class FolderCache:
    """One folder of files per key (the search files), linked in and out, never copied."""

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
