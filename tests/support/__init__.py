"""What several test files need: the project's folders, building and serving a site, example
guides, the content rules tests check against, and compiling a content folder the way the build does.

Test files import these as ``from tests.support import …``; ``tests/conftest.py`` turns the
expensive ones (the built site, the real guides) into session fixtures.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from generator.build.compile import Compiled, Settings, compile_all
from generator.cli import load_project, policy_for
from generator.content.loader import GuideFile
from generator.content.policy import ContentPolicy, today_in_korea
from generator.content.problems import ContentError, Problem
from generator.content.model import Guide
from generator.content.terms import DIFFERENT_THINGS, things_named
from generator.content.text import plain
from tests.support.pictures import PICTURES_GUIDE, write_pictures

ROOT = Path(__file__).resolve().parent.parent.parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "test-output"  # screenshots, PDF page renders and other artefacts to look at
EXAMPLES = ROOT / "tests" / "examples"
SCRIPTS = ROOT / "tests" / "scripts"
CHROMIUM = os.environ.get("GILJABI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The site's link and phone allow-lists, read from mkdocs.yml so that adding an official site or
# number stays a one-file change, and a fixed "today", so that the review-date checks give the
# same answer on every day the tests run.
_SITE_OPTIONS = load_project(ROOT / "mkdocs.yml").options
OFFICIAL = tuple(_SITE_OPTIONS.links_allowed_domains)
OFFICIAL_PHONES = tuple(str(number) for number in _SITE_OPTIONS.phone_numbers_allowed)
TODAY = dt.date(2026, 11, 28)


# The project -----------------------------------------------------------------------------------


def build_site(project: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder into site_dir, as a reader's site is built,
    with ``env`` added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def copy_project(dest: Path, *, reuse_caches: bool = True) -> Path:
    """A throwaway copy of the project (config, content, overrides) that a test may change.

    It starts with the handouts, share cards and compiled templates of one build of the real
    project already in its .cache/, as on an editor's machine that has built the site before,
    unless reuse_caches is false: its first build then renders only what the test changed.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    if reuse_caches and _shared_caches_folder is not None:
        filled = real_project_built(_shared_caches_folder).parent / "project" / ".cache"
        for name in REUSED_CACHES:
            if (filled / name).is_dir():
                shutil.copytree(filled / name, dest / ".cache" / name)
    return dest


# Entries of these .cache/ folders are named by everything that shapes them (the guide's data, the
# code, the fonts; tests/test_cache.py, test_handout.py and test_share.py hold the build to that),
# so a copy that starts with them builds the same site as an empty one, only without rendering
# again the handouts and cards of guides the test did not touch.
REUSED_CACHES = ("handouts", "share-images", "jinja")
_shared_caches_folder: Path | None = None  # None until share_caches_in(): copies start with an empty .cache/


def share_caches_in(run_folder: Path) -> None:
    """Make copies of the project start with the caches of real_project_built(run_folder), a
    folder every test process of the run shares (tests/conftest.py names it as a session starts)."""
    global _shared_caches_folder
    _shared_caches_folder = run_folder


def build_once(folder: Path, prepare: Callable[[Path], object]) -> Path:
    """folder/site: `mkdocs build --strict` of the project that prepare() writes into
    folder/project. The first test process of a run that asks builds it while the others wait on
    a lock; later ones find it built. Callers treat it as read-only."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "built").exists():
            shutil.rmtree(folder / "project", ignore_errors=True)
            prepare(folder / "project")
            result = build_site(folder / "project", folder / "site")
            assert result.returncode == 0, result.stdout + result.stderr
            (folder / "built").touch()
    return folder / "site"


@functools.cache
def real_project_built(run_folder: Path) -> Path:
    """The real project's site, built once per run in run_folder (its caches are what copies reuse)."""
    return build_once(run_folder / "real-project", lambda project: copy_project(project, reuse_caches=False))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """directory served on 127.0.0.1 (a free port) until server.shutdown(); the URL ends with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_script(name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """tests/scripts/<name>.py in a fresh interpreter (no pytest threads: it may fork), from the root,
    with ``env`` added to the environment."""
    return subprocess.run(
        [sys.executable, str(SCRIPTS / f"{name}.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


# Example guides ------------------------------------------------------------------------------------


def example(name: str = "sample-guide") -> str:
    """The text of tests/examples/<name>.yml, a guide that passes every check."""
    return (EXAMPLES / f"{name}.yml").read_text(encoding="utf-8")


def edited_example(old: str, new: str, name: str = "sample-guide") -> str:
    """The example with its first `old` replaced by `new`; fails loudly when the example changed."""
    text = example(name)
    assert old in text, f"tests/examples/{name}.yml no longer contains {old!r}"
    return text.replace(old, new, 1)


def add_examples(content: Path) -> list[Path]:
    """Every guide of tests/examples/ copied into content/guides/ as an editor would add it, in a
    file named after its id (two examples may be one guide under two names)."""
    (content / "guides").mkdir(parents=True, exist_ok=True)
    added = {}
    for path in sorted(EXAMPLES.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        guide_id = re.search(r"^id: *(\S+)", text, re.M).group(1)
        added[guide_id] = content / "guides" / f"{guide_id}.yml"
        added[guide_id].write_text(text, encoding="utf-8")
        if guide_id == PICTURES_GUIDE:
            write_pictures(content / "guides" / guide_id)
    return list(added.values())


@functools.lru_cache(maxsize=1)
def example_guides() -> tuple[GuideFile, ...]:
    """Every guide of tests/examples/ (from the fullest to the deliberately minimal), compiled as the site compiles a guide."""
    content = Path(tempfile.mkdtemp(prefix="giljabi-examples-")) / "content"
    add_examples(content)
    # Today's real date, as the site builds them (a fixed "today" could come before an example's review date).
    return tuple(guides_in(write_content(content, {}), settings_for(content, today=today_in_korea())))


def text_of(markdown_text: str) -> str:
    """What a reader sees of a content text, worked out without the renderer under test: link
    syntax and emphasis markers gone, whitespace collapsed. Guides use **bold** and [links](https://…)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*", lambda match: match.group(1) or match.group(2), text)
    return " ".join(text.split())


LIST_ITEM = re.compile(r"^\s*(?:-|\d+\.)\s+")


def paragraphs(markdown_text: str) -> list[str]:
    """A text's paragraphs (separated by blank lines) and list items ('- ' or '1. ' lines), in order,
    as a reader sees them: a list item's marker is not part of its text."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", markdown_text):
        lines: list[str] = []
        for line in paragraph.splitlines():
            if LIST_ITEM.match(line):
                blocks.append(" ".join(lines))
                lines = [LIST_ITEM.sub("", line)]
            else:
                lines.append(line)
        blocks.append(" ".join(lines))
    return [text_of(block) for block in blocks if block.strip()]


def shown_text(text: str) -> str:
    """What a reader sees of a content text: its Markdown gone, not HTML-escaped."""
    return html.unescape(plain(text))


def not_the_subject(guide: Guide) -> list[str]:
    """Words a page or handout must never give as another name ("다른 이름") of the guide's subject:
    its related terms, and the names of the things the aliases check knows differ from its title's."""
    subject = things_named(guide.title)
    others = [name for index, names in enumerate(DIFFERENT_THINGS) if index not in subject for name in names]
    return [*(shown_text(term) for term in guide.related_terms), *others]


def write_content(content: Path, files: dict[str, str | bytes]) -> Path:
    """A content folder with these files (name below content/ → text, or bytes as they are) and a schema file."""
    for name, text in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    (content / "guide.schema.json").write_text("{}", encoding="utf-8")
    return content


# Rules and compiling ------------------------------------------------------------------------------


def policy(content: Path | None = None, *, today: dt.date = TODAY, domains: tuple[str, ...] = OFFICIAL) -> ContentPolicy:
    """The site's rules with a fixed today. Without a content folder the checks that need one
    (the schema comment on line 1, page addresses taken by hand-written pages) are skipped."""
    return ContentPolicy(allowed_domains=domains, review_max_age_months=12, today=today, content_dir=content, allowed_phone_numbers=OFFICIAL_PHONES)


def settings_for(content: Path, *, folder_checks: bool = True, today: dt.date = TODAY, domains: tuple[str, ...] = OFFICIAL) -> Settings:
    """How the build compiles the guides in content/ (file names shown relative to its parent)."""
    return Settings(policy(content if folder_checks else None, today=today, domains=domains), content.parent)


@functools.lru_cache(maxsize=1)
def site_settings() -> Settings:
    """How the real site compiles its guides: mkdocs.yml's options and today's date."""
    project = load_project(ROOT / "mkdocs.yml")
    return Settings(policy_for(project), project.root, search=project.options.search_korean)


def compile_content(content: Path, settings: Settings, *, cache_dir: Path | None = None, jobs: int = 1) -> tuple[list[Compiled], list[Problem]]:
    """The publishable guides and every problem, as `check` and the build see them; a failed
    compile gives no guides and its problems instead of raising."""
    try:
        compiled, warnings, _stats = compile_all(content, settings, cache_dir=cache_dir, jobs=jobs)
    except ContentError as error:
        return [], error.problems
    return compiled, warnings


def guides_in(content: Path, settings: Settings | None = None) -> list[GuideFile]:
    """The guides of a content folder that compile, in the home page's order; fails on any error."""
    compiled, _warnings, _stats = compile_all(content, settings or settings_for(content), jobs=1)
    return [item.file for item in compiled if item.file is not None]


@functools.lru_cache(maxsize=1)
def site_guides() -> tuple[GuideFile, ...]:
    """Every guide in content/, compiled as the real site compiles it."""
    return tuple(guides_in(CONTENT, site_settings()))
