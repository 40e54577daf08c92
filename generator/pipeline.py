"""Each guide file compiled once: validated, checked, rendered, cut into search sections.

A guide's page depends only on its own file, the site's content policy and our code, so the
result is a pure function of those and is kept in a content-addressed cache (.cache/guides/),
as the handouts are: a build where nothing changed unpickles 1000 results instead of parsing,
checking and rendering 1000 files, and a pull request that edits one guide recompiles one.
Cache misses are compiled on every core when there are enough of them to pay for the workers.

Checks that compare guides with each other (ids, page addresses) are cheap and never cached.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import multiprocessing
import os
import pickle
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mkdocs.utils.meta import get_data

from .atomic import write_atomically
from .checks import ContentPolicy, Subject
from .loader import GuideFile, display_path, guide_digest, guide_paths, read_guide, unique_guide_ids
from .passthrough import SetAside, set_aside, token_for
from .problems import ContentError, Problem
from .render import guide_url, render_guide
from .search.sections import Page, Section, guide_sections

# Bump when Compiled changes shape; code changes are caught by the source fingerprint below.
FORMAT = 1
# Below this many files to compile, starting worker processes costs more than it saves.
PARALLEL_FROM = 48
CHUNK = 16
_PACKAGE = Path(__file__).resolve().parent
_DISTRIBUTIONS = ("pydantic", "pydantic-core", "markdown", "jinja2", "markupsafe", "pyyaml")


@dataclass(frozen=True)
class Compiled:
    """What one guide file becomes, whether or not it is fit to publish."""

    display: str
    file: GuideFile | None  # None when the file did not pass the schema
    problems: tuple[Problem, ...]  # this file's own problems, errors and warnings
    page: str | None = None  # the page's Markdown; only for a file without errors
    # Its search sections when Korean search is on, as plain tuples: unpickling 80 tuples of
    # strings is 20x faster than 80 dataclasses, and a warm build unpickles every guide.
    sections: tuple[tuple[str, str, str, tuple[str, ...]], ...] | None = None
    # The page body (after its front matter) as generator/passthrough.py sets it aside: the
    # plugin reuses it when MkDocs hands over the same body (the placeholder word says which).
    set_aside: tuple[str, SetAside] | None = None

    def set_aside_for(self, body: str) -> tuple[str, SetAside]:
        if self.set_aside is not None and self.set_aside[1].token == token_for(body):
            return self.set_aside
        return set_aside(body)

    def search_page(self) -> Page | None:
        if self.sections is None or self.file is None:
            return None
        return Page(guide_url(self.file.guide), tuple(Section(*row) for row in self.sections))

    @property
    def publishable(self) -> bool:
        return self.file is not None and not any(p.severity == "error" for p in self.problems)


@dataclass
class Stats:
    """How a build got its guides: for the benchmark and for `mkdocs build -v`."""

    cached: int = 0
    compiled: int = 0
    workers: int = 1
    pruned: int = 0
    # One digest of every guide's cache key, in order: equal digests mean equal guides, pages
    # and search sections (with a cache only; "" without one). Keys later caches (search).
    digest: str = ""


@dataclass(frozen=True)
class Settings:
    """Everything besides a file's bytes that shapes its Compiled; picklable for the workers."""

    policy: ContentPolicy
    root: Path
    search: bool = True
    fingerprint: str = field(default="", compare=False)


def compile_guide(path: Path, settings: Settings) -> Compiled:
    """Validate, check, render and index one file. Never raises for an editor's mistake."""
    display = display_path(path, settings.root)
    loaded, problems = read_guide(path, display)
    subject = Subject.of(loaded) if loaded else Subject.read(path, display)
    if subject is not None:
        problems = [*problems, *settings.policy.check_file(subject)]
    compiled = Compiled(display, loaded, tuple(problems))
    if not compiled.publishable or loaded is None:
        return compiled
    guide = loaded.guide
    loaded = dataclasses.replace(loaded, digest=guide_digest(guide))
    page = render_guide(guide, review_due=settings.policy.review_due(guide))
    sections = tuple((s.anchor, s.title, s.text, tuple(s.aliases)) for s in guide_sections(guide).sections) if settings.search else None
    return Compiled(display, loaded, compiled.problems, page, sections, set_aside(get_data(page)[0]))


def code_fingerprint() -> str:
    """Our source and templates plus the versions of the libraries that shape a result."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        relative = path.relative_to(_PACKAGE)
        if path.is_file() and relative.parts[0] != "bench" and path.suffix in (".py", ".j2", ".json", ".yml"):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _DISTRIBUTIONS:
        digest.update(f"{name} {metadata.version(name)}\0".encode())
    return digest.hexdigest()


def settings_key(settings: Settings) -> bytes:
    """The part of every cache key that all files of one build share."""
    policy = settings.policy
    parts = (
        settings.fingerprint,
        repr((policy.allowed_domains, policy.review_max_age_months, policy.today.isoformat())),
        str(policy.content_dir.resolve()) if policy.content_dir else "",
        str(settings.root.resolve()),
        str(settings.search),
    )
    return "\0".join(parts).encode("utf-8")


def cache_key(path: Path, data: bytes, shared: bytes) -> str:
    """path: as found under the resolved content folder, so equal paths mean the same file."""
    return hashlib.sha256(shared + b"\0" + str(path).encode("utf-8") + b"\0" + data).hexdigest()[:40]



def _compile_to_cache(jobs: Sequence[tuple[Path, Path | None]], settings: Settings) -> list[bytes]:
    """Worker side: compile, store, and hand back the pickle so the parent need not re-read it."""
    out = []
    for path, entry in jobs:
        data = pickle.dumps(compile_guide(path, settings), protocol=pickle.HIGHEST_PROTOCOL)
        if entry is not None:
            write_atomically(entry, data)
        out.append(data)
    return out


def _read_cached(entry: Path | None) -> Compiled | None:
    if entry is None:
        return None
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    try:
        compiled = pickle.loads(data)
    except Exception:  # a truncated or foreign file is a miss, never a failed build
        return None
    return compiled if isinstance(compiled, Compiled) else None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def may_fork(jobs: int | None) -> bool:
    """Whether work may go to forked processes: jobs (the plugin option; None or 0 for one per
    core) above 1, and no other thread running.

    Forked processes start at once, with our modules loaded. Forking a process that runs other
    threads (`mkdocs serve` has a web server and a file watcher) can copy a lock some thread
    holds, so then the work stays in this process. (spawn and forkserver would re-run the
    __main__ of whatever program imported us.)
    """
    return (jobs or default_jobs()) > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _compile_many(todo: list[tuple[Path, Path | None]], settings: Settings, jobs: int | None) -> tuple[list[Compiled], int]:
    # `mkdocs serve` compiles here, in its own process, but mostly hits the cache.
    if len(todo) < PARALLEL_FROM or not may_fork(jobs):
        return [pickle.loads(data) for data in _compile_to_cache(todo, settings)], 1
    context = multiprocessing.get_context("fork")
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    workers = min(jobs or default_jobs(), len(chunks))
    # gc.freeze: the collector then leaves alone what the worker inherited (all of MkDocs, the
    # theme, the config), instead of scanning it, and copying its pages, again and again.
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=gc.freeze) as pool:
        results = pool.map(_compile_to_cache, chunks, [settings] * len(chunks))
        return [pickle.loads(data) for chunk in results for data in chunk], workers


def compile_all(
    content_dir: Path, settings: Settings, *, cache_dir: Path | None = None, jobs: int | None = None
) -> tuple[list[Compiled], list[Problem], Stats]:
    """Every guide under content_dir, compiled or taken from the cache, sorted for the home page.

    Raises ContentError listing every error in every file; otherwise returns the publishable
    guides, the warnings, and where the results came from.
    """
    if not settings.fingerprint:
        settings = Settings(settings.policy, settings.root, settings.search, code_fingerprint())
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
    stats = Stats()
    results: dict[Path, Compiled] = {}
    todo: list[tuple[Path, Path | None]] = []
    used: set[str] = set()
    names: dict[Path, str] = {}
    shared = settings_key(settings)
    # Unpickling a thousand guides makes objects fast enough to trigger the garbage collector
    # over and over, which then scans everything unpickled so far: half the time of a warm build.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in guide_paths(content_dir.resolve()):
            entry = None
            if cache_dir is not None:
                name = cache_key(path, path.read_bytes(), shared) + ".pickle"
                used.add(name)
                names[path] = name
                entry = cache_dir / name
            cached = _read_cached(entry)
            if cached is not None:
                results[path] = cached
            else:
                todo.append((path, entry))
    finally:
        if collecting:
            gc.enable()
    stats.cached = len(results)
    stats.compiled = len(todo)
    if todo:
        compiled, stats.workers = _compile_many(todo, settings, jobs)
        results.update(zip((path for path, _entry in todo), compiled))

    ordered = [results[path] for path in sorted(results)]
    problems = [problem for item in ordered for problem in item.problems]
    valid = [item.file for item in ordered if item.file is not None]
    for check in (unique_guide_ids, settings.policy.check_page_addresses):
        problems.extend(check(valid))
    problems.sort(key=lambda p: (p.file, p.line, p.column))
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    if cache_dir is not None:
        stats.pruned = _prune(cache_dir, used)
        stats.digest = hashlib.sha256("\0".join(names[path] for path in sorted(results)).encode()).hexdigest()
    publishable = sorted((item for item in ordered if item.publishable), key=lambda item: (item.file.guide.institution, item.file.guide.title))  # type: ignore[union-attr]
    return publishable, problems, stats


def _prune(cache_dir: Path, used: set[str]) -> int:
    """Drop results no guide of this successful build needs: old versions of edited guides."""
    removed = 0
    for entry in cache_dir.glob("*.pickle"):
        if entry.name not in used:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def guide_files(compiled: Sequence[Compiled]) -> list[GuideFile]:
    return [item.file for item in compiled if item.file is not None]
