"""How long `python -m generator check` takes as guides pile up. Run by hand from the
repository root, never as a test:

    .venv/bin/python -m bench.check                # N = 1, 100, 1000
    .venv/bin/python -m bench.check --sizes 10,200 --repeat 3

For each N it writes N synthetic guides (tests/support/synthetic.py) into a throwaway copy of
the project (bench/build.py's make_project) and runs `check` there in a fresh process, as an
editor or CI does, printing wall and CPU time (the machine is shared, so CPU time is the
steadier figure) and peak memory. `check` compiles the guides through the build's compile
cache (.cache/guides/, generator/build/compile.py), so each N is measured twice: with an empty
cache (a fresh clone, or after a change to the package) and with every guide in it (an editor
running it again); with --repeat, each is the median of that many runs, the cache emptied
before every cold one. Synthetic guides carry no schema comment, so each one adds a warning:
that is expected.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .build import make_project


def run_check(project: Path) -> tuple[float, float, int, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"check failed in {project}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss, result.stdout.splitlines()[-1]


def measure(n: int, repeat: int) -> dict[str, list[tuple[float, float, int, str]]]:
    runs: dict[str, list[tuple[float, float, int, str]]] = {"empty cache": [], "cached": []}
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project", n, seed=0)
        for _ in range(repeat):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            runs["empty cache"].append(run_check(project))
            runs["cached"].append(run_check(project))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each kind per size; the median is shown")
    args = parser.parse_args()
    print(f"{'guides':>7} {'cache':<12} {'wall s':>8} {'cpu s':>8} {'cpu ms/guide':>13} {'peak MB':>8}  summary")
    for n in (int(s) for s in args.sizes.split(",")):
        for kind, runs in measure(n, args.repeat).items():
            wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            # ru_maxrss of waited-for children is the largest any of them reached so far.
            peak_kb = max(r[2] for r in runs)
            print(f"{n:>7} {kind:<12} {wall:>8.2f} {cpu:>8.2f} {cpu / n * 1000:>13.1f} {peak_kb / 1024:>8.0f}  {runs[-1][3]}")


if __name__ == "__main__":
    main()
