"""The search index made the plain way, beside generator/search/index.py's IndexBuilder. Run by
hand from the repository root, never as a test:

    .venv/bin/python -m bench.search_plain                  # 100 and 1000 synthetic guides
    .venv/bin/python -m bench.search_plain --sizes 100 --repeat 5
    .venv/bin/python -m bench.search_plain --whole 1000     # whole builds after a one-guide edit

``PlainIndexBuilder`` is the reference that tests/test_search_index.py holds the product to
(tests/support/search_reference.py) behind IndexBuilder's two methods: it keeps
the pages it is given and makes every file anew on each ``index()``. The script first checks
that both make the same bytes, then prints for each size the median CPU seconds of --repeat runs:

- the whole index of N guides at once (``add_pages`` + ``index``), and
- what a build does with it (generator/build/search_job.py): the guides' index and files, in a
  forked process while MkDocs renders; then, at post_build, one hand-written page added, the
  index made again and the changed files written: the part a build waits for.

``--whole N`` builds a project of N synthetic guides with `mkdocs build` as bench/build.py does
(guides and handouts cached), each time after one guide's summary changed (one guide compiled,
the search files made anew), alternately with each builder, and prints the medians of the
build's wall time, post_build's wall time (the wait for the search process) and the CPU of the
forked search process, which runs on the other core while MkDocs renders.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

from generator.search.index import FORMAT, IndexBuilder, SearchIndex, write_files
from generator.search.sections import Page

SEARCH_CPU = "worker processes (compile, search index)"  # bench/build.py's label


class PlainIndexBuilder:
    """IndexBuilder's interface over the reference: every index() made from scratch."""

    def __init__(self) -> None:
        self.pages: list[Page] = []

    def add_pages(self, pages: Sequence[Page]) -> None:
        self.pages.extend(pages)

    def index(self) -> SearchIndex:
        # Imported here: a build patched with this builder then imports nothing more up front
        # than the product's (tests.support brings the CLI and a web server with it).
        from tests.support.search_reference import reference_files

        files = {path: text.encode() for path, text in reference_files(self.pages).items()}
        digest = hashlib.sha256()
        for path in sorted(files):
            digest.update(path.encode() + b"\0" + files[path])
        shards = {prefix: sum(1 for path in files if path.startswith(f"giljabi/{prefix}/")) for prefix in ("t", "u")}
        offsets = [0, *accumulate(len(page.sections) for page in self.pages)]
        return SearchIndex({"format": FORMAT, "version": digest.hexdigest()[:12], **shards, "offsets": offsets}, files)


BUILDERS = {"IndexBuilder": IndexBuilder, "plain reference": PlainIndexBuilder}


def cpu(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def guide_pages(n: int, seed: int) -> list[Page]:
    from generator.search.sections import guide_sections
    from tests.support import guides_in
    from tests.support.synthetic import write_guides

    with tempfile.TemporaryDirectory() as tmp:
        write_guides(n, Path(tmp) / "content", seed=seed)
        return [guide_sections(loaded.guide) for loaded in guides_in(Path(tmp) / "content")]


def at_once(builder_class: type, pages: list[Page]) -> SearchIndex:
    builder = builder_class()
    builder.add_pages(pages)
    return builder.index()


def as_in_a_build(builder_class: type, guides: list[Page], hand_written: list[Page], folder: Path) -> tuple[float, float]:
    """CPU seconds of the background part and of the part post_build waits for (search_job._in_background)."""
    builder = builder_class()
    written = {}

    def guides_part() -> None:
        builder.add_pages(guides)
        written.update(builder.index().files)
        write_files(folder, written)

    def at_post_build() -> None:
        builder.add_pages(hand_written)
        write_files(folder, builder.index().files, written)

    return cpu(guides_part), cpu(at_post_build)


def compare(sizes: list[int], repeat: int, seed: int) -> None:
    from generator.search.sections import material_sections

    from .search_build import MATERIAL_INDEX

    hand_written = list(material_sections(MATERIAL_INDEX["docs"], set()))
    print(f"CPU seconds, median of {repeat}; the same bytes from both builders (checked)")
    print(f"{'guides':>6} {'builder':<16} {'whole index':>12} {'build: background':>18} {'build: post_build':>18}")
    for n in sizes:
        guides = guide_pages(n, seed)
        if at_once(IndexBuilder, guides) != at_once(PlainIndexBuilder, guides):
            raise SystemExit(f"the two builders disagree on {n} guides")
        # As the forked search process does: the collector leaves the inherited heap alone.
        gc.collect()
        gc.freeze()
        for name, builder_class in BUILDERS.items():
            whole, background, post_build = [], [], []
            for _ in range(repeat):
                whole.append(cpu(lambda: at_once(builder_class, guides)))
                with tempfile.TemporaryDirectory() as tmp:
                    parts = as_in_a_build(builder_class, guides, hand_written, Path(tmp))
                background.append(parts[0])
                post_build.append(parts[1])
            print(f"{n:>6} {name:<16} {statistics.median(whole):>12.2f} {statistics.median(background):>18.2f} {statistics.median(post_build):>18.2f}", flush=True)
        gc.unfreeze()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated numbers of synthetic guides")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--whole", type=int, metavar="N", help="time whole builds of N guides with each builder instead")
    parser.add_argument("--child", nargs=2, metavar=("PROJECT", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        from generator.build import search_job

        from .build import child

        # The experiment itself: the build's search job with the plain builder in place of the
        # product's (search_job looks IndexBuilder up in its own namespace when it runs).
        search_job.IndexBuilder = PlainIndexBuilder  # type: ignore[misc]
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]), plain=False, capture=None)))
        return
    if args.whole:
        whole_builds(args.whole, args.repeat, args.seed)
        return
    compare([int(n) for n in args.sizes.split(",")], args.repeat, args.seed)


def whole_builds(guides: int, repeat: int, seed: int) -> None:
    from .build import HandoutFiller, edit_one_guide, make_project, run_child

    modules = {"IndexBuilder": "bench.build", "plain reference": "bench.search_plain"}
    with tempfile.TemporaryDirectory(prefix="giljabi-search-plain-") as folder:
        project = make_project(Path(folder) / "project", guides, seed)
        filler = HandoutFiller()
        filler.fill(project)
        run_child(project, Path(folder) / "warm")  # fills .cache/guides/
        runs: dict[str, list] = {name: [] for name in modules}
        for n in range(repeat):
            for name, module in modules.items():
                edit_one_guide(project, filler)
                runs[name].append(run_child(project, Path(folder) / f"site-{module}", module=module))
                run = runs[name][-1]
                print(f"  {name} {n + 1}/{repeat}: {run.wall:.2f} s, post_build {run.ours_wall.get('post_build', 0):.2f} s", flush=True)
    print(f"\nmkdocs build of {guides} synthetic guides after one guide's summary changed (guides and handouts cached); median of {repeat}")
    print(f"{'builder':<16} {'build wall s':>12} {'post_build wall s':>18} {'search process CPU s':>21} {'build CPU s':>12}")
    for name, measured in runs.items():
        median = lambda values: statistics.median(list(values))  # noqa: E731
        print(
            f"{name:<16} {median(r.wall for r in measured):>12.2f} {median(r.ours_wall.get('post_build', 0.0) for r in measured):>18.2f} "
            f"{median(r.ours.get(SEARCH_CPU, 0.0) for r in measured):>21.2f} {median(r.cpu for r in measured):>12.2f}"
        )


if __name__ == "__main__":
    main()
