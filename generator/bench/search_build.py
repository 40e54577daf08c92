"""How long the Korean search index takes to build and write. Run by hand, never as a test:

    .venv/bin/python -m generator.bench.search_build            # 1000 synthetic guides
    .venv/bin/python -m generator.bench.search_build 100 --repeat 5
    .venv/bin/python -m generator.bench.search_build --profile  # cProfile of build_index + write_index

It writes N synthetic guides (generator/bench/synthetic.py) into a temp folder, loads them and
cuts their sections once (not timed: that is the loader's and Markdown's work), then times
``build_index`` and ``write_index`` alone, each ``--repeat`` times, and prints the median wall
and CPU seconds (CPU is the steadier figure on this shared machine), the number of files and
their bytes. ``--out DIR`` keeps the last written index for a byte-for-byte comparison.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..loader import load_guides
from ..search.index import build_index, write_index
from ..search.sections import guides_pages
from .synthetic import write_guides

# Material's own keys, as its search plugin writes them; write_index only passes them through.
MATERIAL_CONFIG = {"lang": ["ko"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}


def timed(function: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def folder_stats(folder: Path) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("guides", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile instead of timings")
    parser.add_argument("--out", type=Path, help="write the index here (kept) instead of a temp folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_guides(args.guides, content, seed=args.seed)
        guides = [loaded.guide for loaded in load_guides(content)[0]]
        pages = guides_pages(guides)
        search_dir = args.out or Path(tmp) / "site" / "search"
        search_dir.mkdir(parents=True, exist_ok=True)
        sections = sum(len(page.sections) for page in pages)

        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            write_index(search_dir, build_index(pages), MATERIAL_CONFIG)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            return

        build_runs, write_runs = [], []
        for _ in range(args.repeat):
            build_wall, build_cpu, index = timed(lambda: build_index(pages))
            write_wall, write_cpu, _ = timed(lambda: write_index(search_dir, index, MATERIAL_CONFIG))
            build_runs.append((build_wall, build_cpu))
            write_runs.append((write_wall, write_cpu))
        files, size = folder_stats(search_dir)

    print(f"{args.guides} guides, {len(pages)} pages, {sections:,} sections; median of {args.repeat}")
    print(f"{'step':<12} {'wall s':>8} {'cpu s':>8}")
    for name, runs in (("build_index", build_runs), ("write_index", write_runs)):
        print(f"{name:<12} {statistics.median(r[0] for r in runs):>8.2f} {statistics.median(r[1] for r in runs):>8.2f}")
    total = [(b[0] + w[0], b[1] + w[1]) for b, w in zip(build_runs, write_runs)]
    print(f"{'both':<12} {statistics.median(r[0] for r in total):>8.2f} {statistics.median(r[1] for r in total):>8.2f}")
    print(f"files {files:,}, {size:,} bytes ({size / 1024 / 1024:.1f} MiB); manifest version {index.manifest['version']}")


if __name__ == "__main__":
    main()
