"""Each guide file compiled once: read and checked, rendered, and cut into search sections.

A guide's page depends only on its own file, the site's content policy and our code, so the
result is kept in .cache/guides/ under a key made of exactly those (``cache.py``): a build where
nothing changed unpickles its guides instead of parsing, checking and rendering every file, and a
pull request that edits one guide recompiles one. Cache misses are compiled on every core when
there are enough of them to pay for the workers. The editors' ``check`` command goes through
here too, so it finds exactly the problems a build would, from the same cache.

Checks that compare guides with each other (ids, page addresses) are cheap and never cached.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..content.check import check_across, check_guide, sorted_problems
from ..content.glossary import Glossary, read_glossary
from ..content.images import ImageInfo, check_images, folder_fingerprint
from ..content.loader import GuideFile, guide_digest, guide_paths
from ..content.policy import ContentPolicy
from ..content.problems import ContentError, Problem, has_errors
from ..handout.glyphs import fonts_fingerprint, undrawable_problems
from ..page.render import RenderedGuide, render_guide
from ..search.sections import Page, Section, guide_sections
from .cache import FileCache, cache_key, installed_fingerprint
from .collector import collector_paused
from .workers import map_forked, may_fork

# Below this many files to compile, starting worker processes costs more than it saves.
PARALLEL_FROM = 48
CHUNK = 16


@dataclass(frozen=True)
class Compiled:
    """What one guide file becomes, whether or not it is fit to publish."""

    display: str
    file: GuideFile | None  # None when the file did not pass the schema
    problems: tuple[Problem, ...]  # this file's own problems, errors and warnings
    page: RenderedGuide | None = None  # only for a file without errors
    # Its search sections when Korean search is on, as plain tuples: a cached build unpickles
    # every guide, and tuples of strings unpickle much faster than dataclasses.
    sections: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] | None = None
    images: tuple[ImageInfo, ...] = ()  # the steps' pictures, checked

    def search_page(self) -> Page | None:
        if self.sections is None or self.file is None:
            return None
        return Page(self.file.guide.url, tuple(Section(*row) for row in self.sections))

    @property
    def publishable(self) -> bool:
        return self.file is not None and not has_errors(self.problems)


@dataclass
class Stats:
    """How a build got its guides: for the benchmark and for `mkdocs build -v`."""

    cached: int = 0
    compiled: int = 0
    workers: int = 1
    pruned: int = 0
    # One digest of every guide's cache key, in order: equal digests mean equal guides, pages
    # and search sections (with a cache only; "" without one). Keys the search files' cache.
    digest: str = ""


@dataclass(frozen=True)
class Settings:
    """Everything besides a file's bytes that shapes its Compiled; picklable for the workers."""

    policy: ContentPolicy
    root: Path  # file names are shown to editors relative to this folder
    search: bool = True  # cut each guide into search sections (the Korean search is on)
    glossary: Glossary = Glossary()  # content/glossary.yml, read by compile_all
    fingerprint: str = field(default="", compare=False)  # code_fingerprint(); "" for this installation's

    def key(self) -> bytes:
        """The part of every guide's cache key that all files of one build share."""
        policy = self.policy
        parts = (
            self.fingerprint or installed_fingerprint(),
            repr((policy.allowed_domains, policy.allowed_phone_numbers, policy.review_max_age_months, policy.today.isoformat())),
            str(policy.content_dir.resolve()) if policy.content_dir else "",
            str(self.root.resolve()),
            str(self.search),
            fonts_fingerprint(),  # the handout glyph check's answer depends on the installed fonts
            self.glossary.digest(),
        )
        return "\0".join(parts).encode("utf-8")


def compile_guide(path: Path, settings: Settings) -> Compiled:
    """Read, check, render and index one file. Never raises for an editor's mistake."""
    checked = check_guide(path, settings.policy, settings.root)
    images: dict[str, ImageInfo] = {}
    if checked.file is not None:  # what the handout's render would refuse, found without rendering it; and the pictures
        image_problems, images = check_images(checked.file)
        checked = dataclasses.replace(checked, problems=sorted_problems([*checked.problems, *undrawable_problems(checked.file), *image_problems]))
    if not checked.publishable or checked.file is None:
        return Compiled(checked.display, checked.file, tuple(checked.problems))
    guide = checked.file.guide
    terms = settings.glossary.used_in(guide)
    # The handout's cache key is this digest: a changed picture must render the PDF again.
    digest = guide_digest(guide, terms)
    if images:
        digest = hashlib.sha256((digest + "".join(info.digest for info in images.values())).encode()).hexdigest()
    loaded = dataclasses.replace(checked.file, digest=digest, terms=terms)
    page = render_guide(guide, review_due=settings.policy.review_due(guide), terms=terms, images=images)
    sections = tuple((s.anchor, s.title, s.text, s.aliases, s.related) for s in guide_sections(guide).sections) if settings.search else None
    return Compiled(checked.display, loaded, tuple(checked.problems), page, sections, tuple(images.values()))


def _compile_to_cache(jobs: Sequence[tuple[Path, str | None]], settings: Settings, cache: FileCache | None) -> list[bytes]:
    """Compile, store, and hand back the pickle so the parent need not read it again."""
    out = []
    for path, name in jobs:
        data = pickle.dumps(compile_guide(path, settings), protocol=pickle.HIGHEST_PROTOCOL)
        if cache is not None and name is not None:
            cache.write(name, data)
        out.append(data)
    return out


def _read_cached(cache: FileCache | None, name: str | None) -> Compiled | None:
    data = cache.read(name) if cache is not None and name is not None else None
    if data is None:
        return None
    try:
        compiled = pickle.loads(data)
    except Exception:  # a truncated or foreign file is a miss, never a failed build
        return None
    return compiled if isinstance(compiled, Compiled) else None


def _compile_many(todo: list[tuple[Path, str | None]], settings: Settings, cache: FileCache | None, jobs: int | None) -> tuple[list[Compiled], int]:
    if len(todo) < PARALLEL_FROM or not may_fork(jobs):
        return [pickle.loads(data) for data in _compile_to_cache(todo, settings, cache)], 1
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    results, workers = map_forked(functools.partial(_compile_to_cache, settings=settings, cache=cache), chunks, jobs)
    return [pickle.loads(data) for chunk in results for data in chunk], workers


def compile_all(
    content_dir: Path, settings: Settings, *, cache_dir: Path | None = None, jobs: int | None = None
) -> tuple[list[Compiled], list[Problem], Stats]:
    """Every guide under content_dir, compiled or taken from the cache, sorted for the home page;
    the site glossary (content_dir/glossary.yml) is read and checked first, and marks their terms.

    Raises ContentError listing every error in every file; otherwise returns the publishable
    guides, the warnings, and where the results came from.
    """
    glossary, glossary_problems = read_glossary(content_dir, settings.root, settings.policy)
    settings = dataclasses.replace(settings, glossary=glossary)
    cache = FileCache(cache_dir, ".pickle") if cache_dir is not None else None
    stats = Stats()
    results: dict[Path, Compiled] = {}
    todo: list[tuple[Path, str | None]] = []
    names: dict[Path, str] = {}
    shared = settings.key()
    # Unpickling a thousand guides makes objects fast enough to trigger the garbage collector
    # over and over, which then scans everything unpickled so far, again and again.
    with collector_paused():
        for path in guide_paths(content_dir.resolve()):
            name = None
            if cache is not None:
                name = names[path] = cache_key(shared, str(path), path.read_bytes(), folder_fingerprint(path))[:40]
            cached = _read_cached(cache, name)
            if cached is not None:
                results[path] = cached
            else:
                todo.append((path, name))
    stats.cached = len(results)
    stats.compiled = len(todo)
    if todo:
        compiled, stats.workers = _compile_many(todo, settings, cache, jobs)
        results.update(zip((path for path, _name in todo), compiled))

    ordered = [results[path] for path in sorted(results)]
    problems = [*glossary_problems, *(problem for item in ordered for problem in item.problems)]
    problems.extend(check_across([item.file for item in ordered if item.file is not None], settings.policy, settings.root))
    problems = sorted_problems(problems)
    if has_errors(problems):
        raise ContentError(problems)
    if cache is not None:
        stats.pruned = cache.keep_only(names.values())
        stats.digest = hashlib.sha256("\0".join(names[path] for path in sorted(results)).encode()).hexdigest()
    publishable = sorted((item for item in ordered if item.publishable), key=lambda item: (item.file.guide.institution, item.file.guide.title))  # type: ignore[union-attr]
    return publishable, problems, stats
