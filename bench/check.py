"""How long `python -m generator check` takes as guides pile up. Run by hand, never as a test:

    .venv/bin/python -m generator.bench.check                # N = 1, 100, 1000
    .venv/bin/python -m generator.bench.check --sizes 10,200

For each N it writes N synthetic guides (generator/bench/synthetic.py) into a throwaway copy of
the project and runs `check` there in a fresh process, as an editor or CI does, printing wall
and CPU time (the machine is shared, so CPU time is the steadier figure) and peak memory.
Synthetic guides carry no schema comment, so each one adds a warning: that is expected.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synthetic import write_guides

ROOT = Path(__file__).resolve().parents[2]


def measure(n: int) -> tuple[float, float, int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "overrides", project / "overrides")
        (project / "content" / "guides").mkdir(parents=True)
        for name in ("about.md", "guide.schema.json"):
            shutil.copy2(ROOT / "content" / name, project / "content" / name)
        write_guides(n, project / "content" / "guides", seed=0)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise SystemExit(f"check failed on {n} synthetic guides:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, after.ru_maxrss, result.stdout.splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,100,1000")
    args = parser.parse_args()
    print(f"{'guides':>7} {'wall s':>8} {'cpu s':>8} {'cpu ms/guide':>13} {'peak MB':>8}  summary")
    for n in (int(s) for s in args.sizes.split(",")):
        wall, cpu, peak_kb, verdict = measure(n)
        print(f"{n:>7} {wall:>8.2f} {cpu:>8.2f} {cpu / n * 1000:>13.1f} {peak_kb / 1024:>8.0f}  {verdict}")


if __name__ == "__main__":
    main()
