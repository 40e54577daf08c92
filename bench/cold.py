"""A build from nothing, and the same build again: what a new clone or a cacheless deploy pays.

    .venv/bin/python -m bench.cold                                   # this checkout, N = 10, 100, 1000
    .venv/bin/python -m bench.cold --old /path/to/old-checkout --sizes 10,100,1000 --warm 3

For each N it writes N synthetic guides into a project per checkout, the same guides for every
checkout: written by this checkout's tests/support/synthetic.py, less the fields an older
checkout does not know yet (bench.compare.make_project) and times plain `mkdocs build`
in a fresh process:

- **cold**: no `.cache/` at all, so every guide is compiled, every handout rendered (real PDFs,
  on as many cores as the checkout uses), the search index built;
- **warm**: then --warm builds where nothing changed (median), everything from `.cache/`.

With --old, every build is made by both checkouts turn about (old, new, old, new, ...), because a
shared machine's speed drifts; compare the ratios of one run, not figures of different runs. With
--together the cold builds of both checkouts run at the same time instead, so that on a machine
others keep busy both see the same load (each also slows the other a little). The
other checkout needs its own virtual environment (see bench.compare). Last, the marginal cost of
one more guide on a cold build, from the cold times at consecutive sizes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.compare import ROOT, build, make_project, write_guides


def _machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    return f"{os.cpu_count()} cores ({model}), load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, help="another checkout, with its own .venv, built turn about with this one")
    parser.add_argument("--sizes", default="10,100,1000", help="numbers of guides (default 10,100,1000)")
    parser.add_argument("--together", action="store_true", help="start the checkouts' cold builds at the same time: on a busy machine both then see the same load")
    parser.add_argument("--warm", type=int, default=3, help="builds where nothing changed, per checkout and size (default 3)")
    args = parser.parse_args()
    checkouts = {"new": ROOT} if args.old is None else {"old": args.old.resolve(), "new": ROOT}
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"# cold and warm builds, plain `mkdocs build`; {_machine()}")
    print(f"# {', '.join(f'{name} = {path}' for name, path in checkouts.items())}; started {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    cold: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in checkouts}
    warm: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in checkouts}
    with tempfile.TemporaryDirectory(prefix="giljabi-cold-") as tmp:
        for size in sizes:
            guides = Path(tmp) / f"synthetic-{size}"
            write_guides(checkouts["new"], size, guides)
            projects = {name: make_project(checkout, guides / "guides", Path(tmp) / f"{name}-{size}") for name, checkout in checkouts.items()}
            if args.together:
                with ThreadPoolExecutor(len(checkouts)) as pool:
                    started = {name: pool.submit(build, checkout, projects[name]) for name, checkout in checkouts.items()}
                    for name, future in started.items():
                        cold[name][size] = future.result()
            else:
                for name, checkout in checkouts.items():
                    cold[name][size] = build(checkout, projects[name])
            for name in checkouts:
                print(f"  {size} guides, {name}, cold: {cold[name][size][0]:.1f} s wall, {cold[name][size][1]:.1f} s CPU (load {os.getloadavg()[0]:.1f})", flush=True)
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
            for _turn in range(args.warm):
                for name, checkout in checkouts.items():
                    runs[name].append(build(checkout, projects[name]))
            for name in checkouts:
                warm[name][size] = (statistics.median(w for w, _c in runs[name]), statistics.median(c for _w, c in runs[name]))
            for name in checkouts:
                shutil.rmtree(projects[name])
    print(f"\nload average at the end: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    names = list(checkouts)
    header = " | ".join(f"{name} {kind}" for kind in ("cold wall", "cold CPU", "warm wall", "warm CPU") for name in names)
    ratios = " | new/old cold | new/old warm" if len(names) == 2 else ""
    print(f"| guides | {header}{ratios} |")
    print("|---:|" + "---:|" * (4 * len(names) + (2 if ratios else 0)))
    for size in sizes:
        cells = [f"{figures[name][size][index]:.1f} s" for figures, index in ((cold, 0), (cold, 1), (warm, 0), (warm, 1)) for name in names]
        if ratios:
            cells += [f"{cold['new'][size][0] / cold['old'][size][0]:.2f}", f"{warm['new'][size][0] / warm['old'][size][0]:.2f}"]
        print(f"| {size} | " + " | ".join(cells) + " |")
    print("\nOne more guide on a cold build (wall):")
    for low, high in zip(sizes, sizes[1:]):
        margins = {name: (cold[name][high][0] - cold[name][low][0]) / (high - low) for name in names}
        line = ", ".join(f"{name} {margin * 1000:.0f} ms" for name, margin in margins.items())
        if len(names) == 2:
            line += f" (new/old {margins['new'] / margins['old']:.2f})"
        print(f"  {low} → {high} guides: {line}")


if __name__ == "__main__":
    main()
