"""How long the Korean search index takes to build and write. Run by hand from the repository
root, never as a test:

    .venv/bin/python -m bench.search_build            # 1000 synthetic guides
    .venv/bin/python -m bench.search_build 100 --repeat 5
    .venv/bin/python -m bench.search_build --profile  # cProfile of build_index + write_index

It writes N synthetic guides (tests/support/synthetic.py) into a temp folder, compiles them and
cuts their sections once (not timed: that is the compile step's work), then times
``build_index`` and ``write_index`` alone, each ``--repeat`` times into a fresh folder (a real
build writes into an empty one), and prints the median wall and CPU seconds (CPU is the
steadier figure on this shared machine), the number of files and their bytes.

Then the way a build runs it (generator/build/search_job.py): ``SearchJob`` forks, the main
process sleeps as if MkDocs were rendering pages, and ``finish`` adds one hand-written page
and writes the files; printed are the fork's cost, the background process's CPU and the
wait in ``finish``, which is all a build's wall time still sees of the index.
``--out DIR`` keeps the last written index for a byte-for-byte comparison.

``--whole`` instead builds a project of N synthetic guides with `mkdocs build` (as
bench/build.py does: handouts and guides already cached), alternately with the index
in the background and with ``jobs: 1``, which keeps it in the build process, each once with an
empty search cache and once with the files in it, and prints the median wall and CPU seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.build.search_job import SearchJob
from generator.search.index import build_index, write_index
from generator.search.sections import guide_sections
from tests.support import guides_in
from tests.support.synthetic import write_guides

# Material's own keys, as its search plugin writes them; write_index only passes them through.
MATERIAL_CONFIG = {"lang": ["ko"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
# Material's index of the one hand-written page, as SearchJob.finish finds it at post_build.
MATERIAL_INDEX = {
    "config": MATERIAL_CONFIG,
    "docs": [{"location": "about/", "title": "소개", "text": "<p>길잡이는 금융 절차를 단계별로 안내합니다.</p>"}, {"location": "about/#rules", "title": "지키는 것", "text": "<p>공식 자료만 출처로 씁니다.</p>"}],
}


def timed(function: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def material_site(folder: Path) -> Path:
    (folder / "search").mkdir(parents=True)
    (folder / "search" / "search_index.json").write_text(json.dumps(MATERIAL_INDEX, ensure_ascii=False), encoding="utf-8")
    return folder


def folder_stats(folder: Path) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


def whole_builds(guides: int, repeat: int, seed: int) -> None:
    from .build import HandoutFiller, make_project, run_child

    with tempfile.TemporaryDirectory(prefix="giljabi-search-bench-") as folder:
        project = make_project(Path(folder) / "project", guides, seed)
        HandoutFiller().fill(project)
        config = project / "mkdocs.yml"
        background = config.read_text(encoding="utf-8")
        in_process = background.replace("  - giljabi:\n", "  - giljabi:\n      jobs: 1\n", 1)
        assert in_process != background
        run_child(project, Path(folder) / "warm")  # fills .cache/guides/
        runs: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for n in range(repeat):
            for name, text in (("background", background), ("in-process (jobs: 1)", in_process)):
                config.write_text(text, encoding="utf-8")
                shutil.rmtree(project / ".cache" / "search", ignore_errors=True)
                # The second build finds the search files in .cache/search/: the forked process
                # is then stopped at post_build, its work wasted but for the other core's time.
                for cache in ("miss", "hit"):
                    run = run_child(project, Path(folder) / f"site-{n}-{name[:2]}-{cache}")
                    runs.setdefault((name, cache), []).append((run.wall, run.cpu))
    print(f"mkdocs build of {guides} synthetic guides, guides and handouts cached; median of {repeat}")
    print(f"{'search index':<22} {'search cache':<13} {'wall s':>8} {'cpu s':>8}   (cpu: the build process and its children)")
    for (name, cache), measured in runs.items():
        print(f"{name:<22} {cache:<13} {statistics.median(r[0] for r in measured):>8.2f} {statistics.median(r[1] for r in measured):>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("guides", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile instead of timings")
    parser.add_argument("--out", type=Path, help="write the index here (kept) instead of a temp folder")
    parser.add_argument("--whole", action="store_true", help="time whole builds, index in the background or not")
    args = parser.parse_args()
    if args.whole:
        whole_builds(args.guides, args.repeat, args.seed)
        return

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_guides(args.guides, content, seed=args.seed)
        pages = [guide_sections(loaded.guide) for loaded in guides_in(content)]
        sections = sum(len(page.sections) for page in pages)

        if args.profile:
            search_dir = args.out or Path(tmp) / "site" / "search"
            search_dir.mkdir(parents=True, exist_ok=True)
            profiler = cProfile.Profile()
            profiler.enable()
            write_index(search_dir, build_index(pages), MATERIAL_CONFIG)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            return

        build_runs, write_runs, background_runs = [], [], []
        for run in range(args.repeat):
            search_dir = args.out if args.out and run == args.repeat - 1 else Path(tmp) / f"site-{run}" / "search"
            search_dir.mkdir(parents=True, exist_ok=True)
            build_wall, build_cpu, index = timed(lambda: build_index(pages))
            write_wall, write_cpu, _ = timed(lambda: write_index(search_dir, index, MATERIAL_CONFIG))
            build_runs.append((build_wall, build_cpu))
            write_runs.append((write_wall, write_cpu))
        files, size = folder_stats(search_dir)
        # Long enough for the background process to be done with the guides, as it is when
        # MkDocs renders 1000 pages (about 10 s) before post_build.
        rendering = 2 * statistics.median(b[0] + w[0] for b, w in zip(build_runs, write_runs)) + 1
        for run in range(args.repeat):
            site = material_site(Path(tmp) / f"background-{run}")
            before = children_cpu()
            start_wall, _, job = timed(lambda: SearchJob(pages, site))
            forked = job.in_background
            time.sleep(rendering)
            finish_wall, finish_cpu, _ = timed(job.finish)
            background_runs.append((start_wall, finish_wall, finish_cpu, children_cpu() - before, forked))

    print(f"{args.guides} guides, {len(pages)} pages, {sections:,} sections; median of {args.repeat}")
    print(f"{'step':<12} {'wall s':>8} {'cpu s':>8}")
    for name, runs in (("build_index", build_runs), ("write_index", write_runs)):
        print(f"{name:<12} {statistics.median(r[0] for r in runs):>8.2f} {statistics.median(r[1] for r in runs):>8.2f}")
    total = [(b[0] + w[0], b[1] + w[1]) for b, w in zip(build_runs, write_runs)]
    print(f"{'both':<12} {statistics.median(r[0] for r in total):>8.2f} {statistics.median(r[1] for r in total):>8.2f}")
    print(f"files {files:,}, {size:,} bytes ({size / 1024 / 1024:.1f} MiB); manifest version {index.manifest['version']} (guides only)")
    median = lambda i: statistics.median(r[i] for r in background_runs)  # noqa: E731
    where = "forked process" if all(r[4] for r in background_runs) else "this process (no fork here)"
    print(f"\nin a build ({where}; main process idle {rendering:.1f} s in between, as if rendering):")
    print(f"{'SearchJob':<12} {median(0):>8.2f} {'':>8}   fork")
    print(f"{'finish':<12} {median(1):>8.2f} {median(2):>8.2f}   wait at post_build: adds the hand-written page, writes the files")
    print(f"{'background':<12} {'':>8} {median(3):>8.2f}   CPU of the forked process, on the other core")


if __name__ == "__main__":
    main()
