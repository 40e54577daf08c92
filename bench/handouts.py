"""What a PDF handout costs. Run by hand from the repository root, never as a test:

    .venv/bin/python -m bench.handouts             # every guide, 5 timed renders each
    .venv/bin/python -m bench.handouts --repeat 9
    .venv/bin/python -m bench.handouts --old /path/to/old-checkout --rounds 8   # the seed, side by side
    .venv/bin/python -m bench.handouts --old /path/to/old-checkout --synthetic 20 --rounds 3   # 20 synthetic guides

For every guide in content/ it prints:

- seconds per handout: the median of --repeat renders (guide data to PDF bytes, as the
  build does on a cache miss), after one untimed warm-up render that loads the fonts; wall
  time and CPU time, with the machine's load average, since others may share the machine;
- the PDF's size and page count;
- what tagging costs (PDF/UA-1, generator.handout.document.PDF_OPTIONS): the same laid-out
  document written tagged and untagged, turn about, --repeat times each; CPU medians and
  their ratio, and both sizes;

and for all guides together, through the same function the MkDocs plugin calls
(generator.build.handouts.build_handouts) with a fresh cache folder:

- the first build (every handout rendered), and
- the rebuild when nothing changed (median of --repeat), which is what `mkdocs serve` pays
  on every save.

With --old, only the seed guide's handout, rendered by this checkout and another (with its own
.venv, see bench.compare) turn about: each round starts one fresh process per checkout that
renders its own content's seed handout --repeat times after a warm-up; the medians of all
rounds' CPU times are compared. Each checkout renders the seed of its own content/, so a change
to the seed or the handout template between them is part of the difference (pages are printed).

Targets on the reference machine (2 cores): at most 1 s per handout, at most 400 KB per
handout, and a rebuild near zero when nothing changed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 1.0
TARGET_KB = 400


def _pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=False).stdout.decode()
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def _site_guides(checkout: Path, content: Path) -> tuple[str, list]:
    """The checkout's site_url, and the guides of a content folder as its build compiles them
    (mkdocs.yml's rules), without touching .cache/."""
    from generator.build.compile import compile_all
    from tests.support import site_settings

    compiled, _warnings, _stats = compile_all(content, site_settings())
    return load_config(str(checkout / "mkdocs.yml")).site_url, [item.file for item in compiled if item.file is not None]


def _render_arguments(content: Path) -> list[tuple]:
    """render_pdf's arguments for every guide of a content folder, as the build calls it, in a
    checkout's own process (older checkouts' render_pdf takes no glossary terms)."""
    from generator.handout.address import page_url

    site_url, guides = _site_guides(Path(os.environ["PYTHONPATH"]), content)
    return [(loaded.guide, page_url(site_url, loaded.guide), *((loaded.terms,) if hasattr(loaded, "terms") else ())) for loaded in guides]


def _synthetic_cpu(content: Path) -> None:
    """Render every guide of a synthetic content folder once after a warm-up; print the mean CPU
    seconds, size and pages of a handout."""
    from generator.handout.document import render_pdf

    arguments = _render_arguments(content)
    render_pdf(*arguments[0])  # warm-up: fonts, fontconfig, templates
    started = time.process_time()
    pdfs = [render_pdf(*each) for each in arguments]
    cpu = (time.process_time() - started) / len(pdfs)
    print(json.dumps({"cpu": [cpu], "kb": sum(map(len, pdfs)) / len(pdfs) / 1024, "pages": sum(map(_pages, pdfs)) / len(pdfs)}))


def _seed_cpu(repeat: int) -> None:
    """Render the checkout's seed handout; print CPU seconds, size and pages."""
    from generator.handout.document import render_pdf
    from tests.support import CONTENT

    arguments = next(each for each in _render_arguments(CONTENT) if each[0].id == "kb-financial-certificate")
    render_pdf(*arguments)  # warm-up: fonts, fontconfig, templates
    cpu = []
    for _ in range(repeat):
        started = time.process_time()
        pdf = render_pdf(*arguments)
        cpu.append(time.process_time() - started)
    print(json.dumps({"cpu": cpu, "kb": len(pdf) / 1024, "pages": _pages(pdf)}))


def compare(old: Path, rounds: int, repeat: int, synthetic: int = 0) -> None:
    """The seed handout's CPU in two checkouts, turn about in fresh processes; with synthetic > 0,
    the mean CPU of that many synthetic guides' handouts instead (each checkout reads them as
    bench.compare writes them for it)."""
    checkouts = {"old": old.resolve(), "new": ROOT}
    if synthetic:
        from bench.compare import make_project, write_guides  # here: the children run this file in another checkout

        with tempfile.TemporaryDirectory(prefix="giljabi-handouts-") as folder:
            write_guides(checkouts["new"], synthetic, Path(folder) / "written")
            projects = {name: make_project(checkout, Path(folder) / "written" / "guides", Path(folder) / name) for name, checkout in checkouts.items()}
            _compare(checkouts, rounds, f"합성 안내서 {synthetic}개, 안내문마다 1번", {name: ["--synthetic-cpu", str(project / "content")] for name, project in projects.items()})
    else:
        _compare(checkouts, rounds, f"씨앗 안내서, 회마다 {repeat}번", {name: ["--seed-cpu", str(repeat)] for name in checkouts})


def _compare(checkouts: dict[str, Path], rounds: int, what: str, children: dict[str, list[str]]) -> None:
    print(f"안내문 CPU 비교 ({what}): {rounds}회 번갈아; CPU {os.cpu_count()}개, 부하 평균 {os.getloadavg()[0]:.1f}")
    results: dict[str, list[dict]] = {name: [] for name in checkouts}
    for _round in range(rounds):
        for name, checkout in checkouts.items():
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(checkout)}
            command = [str(checkout / ".venv" / "bin" / "python"), str(Path(__file__).resolve()), *children[name]]
            done = subprocess.run(command, cwd=checkout, env=env, check=True, capture_output=True, text=True)
            results[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    medians = {name: statistics.median(cpu for run in runs for cpu in run["cpu"]) for name, runs in results.items()}
    for name, runs in results.items():
        print(f"  {name} ({checkouts[name]}): CPU {medians[name]:.3f} s (중앙값), {runs[-1]['kb']:.0f} KB, {runs[-1]['pages']:.3g}쪽" + (" (평균)" if "--synthetic-cpu" in children[name] else ""))
    print(f"  new/old CPU: {medians['new'] / medians['old']:.2f}; 끝날 때 부하 평균 {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--seed-cpu"]:
        _seed_cpu(int(argv[1]))
        return
    if argv[:1] == ["--synthetic-cpu"]:
        _synthetic_cpu(Path(argv[1]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed renders per guide (default 5)")
    parser.add_argument("--old", type=Path, help="another checkout (with its own .venv): compare the seed handout's CPU, turn about")
    parser.add_argument("--rounds", type=int, default=6, help="with --old: fresh processes per checkout (default 6)")
    parser.add_argument("--synthetic", type=int, default=0, help="with --old: the mean over this many synthetic guides instead of the seed")
    args = parser.parse_args(argv)
    if args.old is not None:
        compare(args.old, args.rounds, args.repeat, args.synthetic)
        return

    from generator.build.handouts import build_handouts
    from generator.handout.address import page_url
    from generator.handout.document import render_pdf
    from tests.support import CONTENT

    site_url, guides = _site_guides(ROOT, CONTENT)
    print(f"PDF 안내문 측정: 안내서 {len(guides)}개, 안내문마다 {args.repeat}번 (준비 1번 뒤)")
    # Wall time on a shared machine depends on its load; CPU time much less so.
    print(f"  CPU {os.cpu_count()}개, 부하 평균(1분) {os.getloadavg()[0]:.1f}")

    for loaded in guides:
        url = page_url(site_url, loaded.guide)
        render_pdf(loaded.guide, url, loaded.terms)  # warm-up: fonts, fontconfig, templates
        seconds, cpu = [], []
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            pdf = render_pdf(loaded.guide, url, loaded.terms)
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        median = statistics.median(seconds)
        size_kb = len(pdf) / 1024
        print(
            f"  {loaded.guide.id}: 안내문 1개 {median:.2f}초 (중앙값, 최소 {min(seconds):.2f} 최대 {max(seconds):.2f}; 목표 {TARGET_SECONDS:.0f}초 이하), "
            f"CPU {statistics.median(cpu):.2f}초, {size_kb:.0f} KB (목표 {TARGET_KB} KB 이하), {_pages(pdf)}쪽"
        )

        _tagging_cost(loaded, url, args.repeat)

    with tempfile.TemporaryDirectory(prefix="giljabi-handouts-") as folder:
        cache = Path(folder)
        started = time.perf_counter()
        build_handouts(guides, site_url, cache, stream=io.StringIO())
        first = time.perf_counter() - started
        again = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            handouts = build_handouts(guides, site_url, cache, stream=io.StringIO())
            again.append(time.perf_counter() - started)
        assert not any(h.rendered for h in handouts)
    print(f"  전체 첫 빌드(캐시 없음): {first:.2f}초")
    print(f"  바뀐 것이 없을 때 다시 빌드: {statistics.median(again) * 1000:.1f}ms (중앙값, 안내서 {len(guides)}개의 해시 계산과 캐시 확인)")


def _tagging_cost(loaded, url: str, repeat: int) -> None:
    """Layout and writing, tagged and untagged side by side: the tags are built while writing,
    from the boxes of the same layout, so both halves are timed."""
    from generator.handout.document import PDF_OPTIONS, render_document

    cpu: dict[bool, list[float]] = {True: [], False: []}
    size: dict[bool, int] = {}
    for _ in range(repeat):
        for tagged in (False, True):
            started = time.process_time()
            size[tagged] = len(render_document(loaded.guide, url, loaded.terms).write_pdf(**(PDF_OPTIONS if tagged else {})))
            cpu[tagged].append(time.process_time() - started)
    plain, tags = statistics.median(cpu[False]), statistics.median(cpu[True])
    print(
        f"    태그(PDF/UA-1): CPU {tags:.2f}초, 태그 없이 {plain:.2f}초 (번갈아 {repeat}번씩, 중앙값), "
        f"{tags / plain:.2f}배; 크기 {size[True] / 1024:.0f} KB, 태그 없이 {size[False] / 1024:.0f} KB"
    )

if __name__ == "__main__":
    main()
