"""How the build's cost grows with the number of guides. Run by hand from the repository root,
never as a test:

    .venv/bin/python -m bench.build                  # N = 1, 10, 100, 1000; 1 + 3 runs each
    .venv/bin/python -m bench.build --sizes 10,100 --repeat 1
    .venv/bin/python -m bench.build --profile 200    # cProfile of one build, top functions
    .venv/bin/python -m bench.build --profile 1000 --cached  # ... of a build where nothing changed

For each N it writes N synthetic guides (tests/support/synthetic.py) into a throwaway copy of
the project (mkdocs.yml, overrides/, content/ without its guides) and builds it in a fresh
Python process, as `mkdocs build --strict` does, measuring:

- a first build with no guide in the compile cache (.cache/guides/, generator/build/compile.py),
  then --repeat builds that find every guide there, as a rebuild where nothing changed does,
  then one build after one guide's summary changed;
  the handout cache is filled before any of them (cold handouts: bench/handouts.py);
- wall time, CPU time (including worker processes that compiled guides) and peak memory
  (the child's maximum resident set size);
- the generator's own share: time spent inside our plugins' event handlers and the Jinja
  filters they register (compile or unpickle the guides in on_files, the Korean search index in
  on_post_build, ...), and the CPU of their worker processes (compiling, the forked search index);
- the same pages as plain MkDocs + Material, without our plugins: each page our plugin
  generated in the first run (a guide page's front matter followed by its HTML, the home page's
  Markdown) is written out as an ordinary .md file and built with the same mkdocs.yml minus
  every giljabi plugin, in the same run of this script.

Then it prints the PDF handout figures (bench/handouts.py) and the page weight of the real
guide page (bench/page_weight.py).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CAPTURE_DIR = "captured-pages"
OUR_PACKAGE = "generator."


# --- child process: one build, instrumented --------------------------------------------------


def _ours(obj: Any) -> bool:
    module = getattr(obj, "__module__", None) or getattr(type(obj), "__module__", "")
    return module.startswith(OUR_PACKAGE)


class _Clock:
    """CPU seconds spent in our code, by event; re-entrant calls are counted once.

    CPU time, not wall time: other people's work on a shared machine stretches wall time
    but hardly the CPU time this process itself uses. Wall time is kept beside it all the
    same, for the waits CPU time cannot see (post_build waiting for the forked search index).
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.depth = 0

    def wrap(self, label: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return function(*args, **kwargs)
            self.depth += 1
            start, start_wall = time.process_time(), time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.process_time() - start
                self.wall[label] = self.wall.get(label, 0.0) + time.perf_counter() - start_wall
                self.depth -= 1

        return timed


def _identity_filter(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


def child(project: Path, site_dir: Path, plain: bool, capture: Path | None) -> dict[str, Any]:
    """Build project into site_dir in this process; return where the time went."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    os.chdir(project)
    started = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=not plain)
    plugins = config.plugins
    clock = _Clock()
    template_filters = _template_filters(project)

    for event, methods in plugins.events.items():
        kept = []
        for method in methods:
            if not _ours(getattr(method, "__self__", method)):
                kept.append(method)
            elif not plain:
                timed = clock.wrap(event, method)
                plugins._event_origins[timed] = plugins._event_origins.get(method, "<unknown>")
                kept.append(timed)
        plugins.events[event] = kept

    def after_env(env: Any, **_kwargs: Any) -> Any:
        for name, function in list(env.filters.items()):
            if not plain and _ours(function):
                env.filters[name] = clock.wrap(f"filter {name}", function)
        if plain:
            # overrides/ call filters our plugin registers; without it they pass values through.
            for name in template_filters:
                env.filters.setdefault(name, _identity_filter)
        return env

    plugins.events["env"].append(after_env)
    if capture is not None:

        def capture_pages(files: Any, **_kwargs: Any) -> Any:
            for file in files:
                if file.generated_by is not None and file.src_uri.endswith(".md"):
                    # A guide page's file holds only its front matter; its body is HTML the
                    # plugin rendered (mkdocs_plugin/guide_page.py), which Markdown passes through.
                    rendered = getattr(file.page, "rendered", None)
                    body = rendered.html if rendered is not None else ""
                    target = capture / file.src_uri
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(file.content_string + body, encoding="utf-8")
            return files

        plugins.events["files"].append(capture_pages)

    plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        plugins.on_shutdown()
    # Worker processes that compiled guides (generator/build/compile.py) and the forked search
    # index (generator/build/search_job.py) have exited and been waited for by now; their CPU
    # time is ours too.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = workers.ru_utime + workers.ru_stime
    ours = dict(clock.seconds)
    if workers_cpu:
        ours["worker processes (compile, search index)"] = workers_cpu
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() + workers_cpu, "ours": ours, "ours_wall": clock.wall, "peak_kb": _peak_kb()}


def _peak_kb() -> int:
    """This process's peak resident memory since exec.

    Not getrusage: its ru_maxrss keeps the high-water mark of the forked parent from before exec.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _template_filters(project: Path) -> set[str]:
    """Filters our templates use that only our plugin provides (named giljabi_*)."""
    names: set[str] = set()
    for path in (project / "overrides").rglob("*.html"):
        names.update(re.findall(r"\|\s*(giljabi_\w+)", path.read_text(encoding="utf-8")))
    return names


# --- parent process: projects, repeated runs, the table ---------------------------------------


@dataclass
class Run:
    wall: float  # the whole process: interpreter start, imports, config, build
    cpu: float  # the same, CPU seconds of the build process
    peak_mb: float
    ours: dict[str, float]  # CPU seconds by event, and of the worker processes
    ours_wall: dict[str, float]  # wall seconds by event

    @property
    def ours_total(self) -> float:
        return sum(self.ours.values())


def run_child(project: Path, site_dir: Path, *, plain: bool = False, capture: Path | None = None, module: str = "bench.build") -> Run:
    """One build in a fresh process: ``python -m <module> --child``, by default this module's."""
    args = [sys.executable, "-m", module, "--child", str(project), str(site_dir)]
    if plain:
        args.append("--plain")
    if capture is not None:
        args += ["--capture", str(capture)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed ({process.returncode}):\n{stderr[-4000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    return Run(wall, result["cpu"], result["peak_kb"] / 1024, result["ours"], result["ours_wall"])


def make_project(dest: Path, guides: int, seed: int) -> Path:
    """A copy of the project whose content/guides/ holds only synthetic guides."""
    # Imported here, not at the top: the build's child process imports this module too, and
    # what tests.support imports would count in its time.
    from tests.support.synthetic import write_guides

    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "content", dest / "content", ignore=lambda folder, names: ["guides"] if Path(folder) == ROOT / "content" else [])
    write_guides(guides, dest / "content", seed=seed)
    return dest


class HandoutFiller:
    """Fills a project's handout cache so builds run "with handouts already cached".

    Rendering 1000 handouts cold takes far longer than the build they are cached for (their
    cold time is measured separately), so every cache entry is a copy of one real handout,
    rendered once from synthetic guide 1. The build then does what it does on a warm cache:
    hash every guide, find its PDF and link it into the site.
    """

    def __init__(self) -> None:
        self.sample: bytes | None = None
        self.seconds: float | None = None

    def fill(self, project: Path) -> None:
        from unittest import mock

        from mkdocs.config import load_config

        from generator.build import handouts
        from generator.build.compile import Settings, compile_all
        from generator.handout.address import page_url
        from generator.handout.document import render_pdf
        from generator.mkdocs_plugin.config import content_policy

        config = load_config(str(project / "mkdocs.yml"))
        content = Path(config.docs_dir)
        settings = Settings(content_policy(config.plugins["giljabi"].config, content), project, search=False)
        # No cache_dir: the build's first run must still find no guide in .cache/guides/.
        compiled, _warnings, _stats = compile_all(content, settings)
        guides = [item.file for item in compiled if item.file is not None]
        site_url = config.site_url or ""
        if self.sample is None:
            start = time.perf_counter()
            self.sample = render_pdf(guides[0].guide, page_url(site_url, guides[0].guide))
            self.seconds = time.perf_counter() - start
        sample = self.sample
        # The only product code this benchmark patches: the renderer build_handouts calls, so
        # that the cache's file names and folder stay exactly the plugin's own.
        with mock.patch.object(handouts, "render_pdf", lambda *_args: sample):
            # The plugin keeps its cache in <project>/.cache/handouts (generator/mkdocs_plugin/plugin.py).
            handouts.build_handouts(guides, site_url, cache_dir=project / ".cache" / "handouts", stream=io.StringIO())


def make_plain_project(ours: Path, captured: Path, dest: Path) -> Path:
    """Same config and theme; the pages our plugin generated, as ordinary Markdown files."""
    dest.mkdir(parents=True)
    shutil.copy2(ours / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ours / "overrides", dest / "overrides")
    shutil.copytree(ours / "content", dest / "content", ignore=shutil.ignore_patterns("*.yml"))
    shutil.copytree(captured, dest / "content", dirs_exist_ok=True)
    return dest


@dataclass
class Row:
    guides: int
    cold: Run  # the first build: no guide in .cache/guides/ yet (handouts cached all the same)
    ours: list[Run]  # the repeated builds after it, with every guide in the cache
    edited: Run  # then one guide's summary changed: one guide compiled, search rebuilt
    plain: list[Run]
    guide_html: int  # bytes of the first synthetic guide's page
    search_bytes: int  # everything under site/search/
    site_bytes: int

    @property
    def build(self) -> float:
        return statistics.median(r.wall for r in self.ours)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.ours)

    @property
    def plain_cpu(self) -> float:
        return statistics.median(r.cpu for r in self.plain)

    @property
    def plain_build(self) -> float:
        return statistics.median(r.wall for r in self.plain)

    @property
    def generator(self) -> float:
        return statistics.median(r.ours_total for r in self.ours)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in (self.cold, *self.ours, self.edited))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(guides: int, repeat: int, seed: int, work: Path, filler: HandoutFiller) -> Row:
    ours = make_project(work / f"ours-{guides}", guides, seed)
    filler.fill(ours)
    captured = work / f"{CAPTURE_DIR}-{guides}"
    site = work / f"site-{guides}"
    cold = run_child(ours, site, capture=captured)
    print(f"  N={guides}: 길잡이 첫 빌드 (안내서 캐시 없음): {cold.wall:.2f}초", file=sys.stderr, flush=True)
    runs = []
    for attempt in range(repeat):
        runs.append(run_child(ours, site))
        print(f"  N={guides}: 길잡이 빌드 {attempt + 1}/{repeat} (캐시): {runs[-1].wall:.2f}초", file=sys.stderr, flush=True)
    edit_one_guide(ours, filler)
    edited = run_child(ours, site)
    print(f"  N={guides}: 길잡이 빌드, 안내서 하나를 고친 뒤: {edited.wall:.2f}초", file=sys.stderr, flush=True)
    first = _first_guide_id(ours)
    row_html = (site / "guides" / first / "index.html").stat().st_size
    search_bytes = folder_bytes(site / "search") if (site / "search").is_dir() else 0
    site_bytes = folder_bytes(site)
    plain = make_plain_project(ours, captured, work / f"plain-{guides}")
    plain_runs = []
    for attempt in range(repeat):
        plain_runs.append(run_child(plain, work / f"plain-site-{guides}", plain=True))
        print(f"  N={guides}: MkDocs만 빌드 {attempt + 1}/{repeat}: {plain_runs[-1].wall:.2f}초", file=sys.stderr, flush=True)
    shutil.rmtree(plain)
    shutil.rmtree(work / f"plain-site-{guides}")
    shutil.rmtree(ours)
    shutil.rmtree(site)
    return Row(guides, cold, runs, edited, plain_runs, row_html, search_bytes, site_bytes)


def edit_one_guide(project: Path, filler: HandoutFiller) -> None:
    """What a typical pull request does: one guide's text changes (its handout is then rebuilt
    for real, which bench.handouts times; here the filler's copy stands in, as for the rest)."""
    path = sorted((project / "content" / "guides").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nsummary: ", "\nsummary: 고친 요약입니다. ", 1), encoding="utf-8")
    filler.fill(project)


def _first_guide_id(project: Path) -> str:
    """The id of synthetic guide number 1: the same guide at every N for a given seed."""
    for path in (project / "content" / "guides").glob("*-0001.yml"):
        return path.stem
    raise SystemExit("synthetic guide 0001 is missing")


def table(rows: list[Row]) -> str:
    lines = [
        "| 안내서 N | 빌드 시간 | 빌드 CPU | 생성기 CPU | 생성기 비율 | 첫 빌드 시간 | 첫 빌드 CPU | 첫 빌드 생성기 비율 | 하나 고친 뒤 시간 | 하나 고친 뒤 생성기 비율 | 최대 메모리 | MkDocs만: 시간 | MkDocs만: CPU | 길잡이/MkDocs (CPU) | 페이지당 | 안내서 HTML | 검색 파일 | 사이트 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        pages = row.guides + 1  # and the home page; hand-written pages such as about.md are not counted
        lines.append(
            f"| {row.guides} | {row.build:.2f} s | {row.cpu:.2f} s | {row.generator:.2f} s | {100 * row.generator / row.cpu:.1f}% "
            f"| {row.cold.wall:.2f} s | {row.cold.cpu:.2f} s | {100 * row.cold.ours_total / row.cold.cpu:.1f}% "
            f"| {row.edited.wall:.2f} s | {100 * row.edited.ours_total / row.edited.cpu:.1f}% | {row.peak_mb:.0f} MB "
            f"| {row.plain_build:.2f} s | {row.plain_cpu:.2f} s | {row.cpu / row.plain_cpu:.2f}× | {row.build / pages * 1000:.1f} ms "
            f"| {row.guide_html / 1024:.1f} KB | {row.search_bytes / 1024:.0f} KB | {row.site_bytes / 1024 / 1024:.1f} MB |"
        )
    return "\n".join(lines)


def verdicts(rows: list[Row]) -> list[str]:
    by_n = {row.guides: row for row in rows}
    out = []
    for row in rows:
        parts = ", ".join(f"{label} {seconds:.2f}" for label, seconds in _median_parts(row).items() if seconds >= 0.005)
        out.append(f"N={row.guides} 생성기 CPU의 내역(초, 캐시 빌드의 중앙값): {parts}")
        cold = ", ".join(f"{label} {seconds:.2f}" for label, seconds in sorted(row.cold.ours.items()) if seconds >= 0.005)
        out.append(f"N={row.guides} 생성기 CPU의 내역(초, 첫 빌드): {cold}")
    if 100 in by_n and 1000 in by_n:
        wall, cpu = by_n[1000].build / by_n[100].build, by_n[1000].cpu / by_n[100].cpu
        out.append(f"t(1000)/t(100) = 시간 {wall:.2f}, CPU {cpu:.2f} (목표 ≤ 11; 선형이면 약 10) {_verdict(wall <= 11)}")
    if 1000 in by_n:
        row = by_n[1000]
        out.append(f"1000개 빌드 (안내서 캐시): 시간 중앙값 {row.build:.2f}초, CPU {row.cpu:.2f}초 (목표 ≤ 15초) {_verdict(row.build <= 15)}")
        out.append(f"1000개 첫 빌드 (안내서 캐시 없음): 시간 {row.cold.wall:.2f}초, CPU {row.cold.cpu:.2f}초 (목표 ≤ 15초) {_verdict(row.cold.wall <= 15)}")
        out.append(f"1000개 중 하나를 고친 뒤 빌드: 시간 {row.edited.wall:.2f}초, CPU {row.edited.cpu:.2f}초 (목표 ≤ 15초) {_verdict(row.edited.wall <= 15)}")
        share, cold_share = row.generator / row.cpu, row.cold.ours_total / row.cold.cpu
        out.append(f"1000개에서 생성기 몫: 캐시 빌드 CPU의 {100 * share:.1f}%, 첫 빌드 {100 * cold_share:.1f}% (목표 ≤ 10%) {_verdict(share <= 0.10)} / {_verdict(cold_share <= 0.10)}")
    if 10 in by_n and 1000 in by_n:
        growth = by_n[1000].guide_html / by_n[10].guide_html
        out.append(f"같은 안내서 페이지의 HTML: 10개일 때 {by_n[10].guide_html} B, 1000개일 때 {by_n[1000].guide_html} B, {growth:.2f}배 (목표 ≤ 1.5배) {_verdict(growth <= 1.5)}")
    return out


def _verdict(passed: bool) -> str:
    return "통과" if passed else "미달"


def _median_parts(row: Row) -> dict[str, float]:
    labels = sorted({label for run in row.ours for label in run.ours})
    return {label: statistics.median(run.ours.get(label, 0.0) for run in row.ours) for label in labels}


def profile(guides: int, seed: int, top: int, cached: bool) -> None:
    """cProfile of one build of N synthetic guides, sorted by cumulative and by own time; with
    cached, of a second build that finds every guide and the search files in the caches."""
    import cProfile
    import pstats

    with tempfile.TemporaryDirectory(prefix="giljabi-profile-") as folder:
        project = make_project(Path(folder) / "ours", guides, seed)
        HandoutFiller().fill(project)
        if cached:
            run_child(project, Path(folder) / "site")
        profiler = cProfile.Profile()
        profiler.enable()
        child(project, Path(folder) / "site", plain=False, capture=None)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)


def git_head() -> str:
    result = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return result.stdout.strip() + (" (+ 커밋하지 않은 변경)" if dirty else "")


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    memory_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} 코어 ({model}), 메모리 {memory_kb / 1024 / 1024:.1f} GB, Python {sys.version.split()[0]}"


def _load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="comma-separated numbers of guides")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size after the first (cold) one; the table shows their median")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build of N guides instead")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--cached", action="store_true", help="with --profile: profile a build where nothing changed")
    parser.add_argument("--skip-handouts", action="store_true")
    parser.add_argument("--skip-page-weight", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("PROJECT", "SITE"), help=argparse.SUPPRESS)
    parser.add_argument("--plain", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--capture", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        result = child(Path(args.child[0]), Path(args.child[1]), args.plain, Path(args.capture) if args.capture else None)
        print(json.dumps(result))
        return
    if args.profile:
        profile(args.profile, args.seed, args.top, args.cached)
        return

    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"# 길잡이 빌드 벤치마크\n\n측정한 코드: {git_head()}\n기계: {machine()}\n반복: 크기마다 안내서 캐시 없이 한 번(첫 빌드), 캐시로 {args.repeat}번(표는 그 중앙값).")
    print(f"시작할 때 부하(load average 1/5/15분): {_load()}\n")
    with tempfile.TemporaryDirectory(prefix="giljabi-bench-") as folder:
        filler = HandoutFiller()
        rows = [measure(n, args.repeat, args.seed, Path(folder), filler) for n in sizes]
    print(table(rows))
    print(f"\n끝날 때 부하(load average 1/5/15분): {_load()}. 부하가 코어 수({os.cpu_count()})보다 높으면 다른 작업이 시간을 늘린 것이니 CPU 열을 보세요.")
    if filler.seconds is not None:
        print(f"\n안내문 캐시는 실제 안내문 한 부(안내서 1번, {len(filler.sample or b'') / 1024:.0f} KB, 렌더링 {filler.seconds:.2f}초)의 사본으로 채웠습니다.")
    print()
    for line in verdicts(rows):
        print(f"- {line}")

    if not args.skip_handouts:
        print("\n## PDF 안내문\n")
        subprocess.run([sys.executable, "-m", "bench.handouts"], cwd=ROOT, check=False)
    if not args.skip_page_weight:
        print("\n## 실제 안내서 페이지의 무게\n")
        subprocess.run([sys.executable, "-m", "bench.page_weight"], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
