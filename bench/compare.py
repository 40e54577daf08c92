"""Two checkouts of 길잡이 side by side: the same synthetic site built by each, turn about.

    .venv/bin/python -m bench.compare /path/to/old-checkout --guides 1000 --pairs 8

The other checkout needs its own virtual environment (`python3 -m venv .venv && .venv/bin/pip
install -e .` inside it). For each checkout this makes one project (its own mkdocs.yml and
overrides/, the same N synthetic guides) and fills its caches with one build whose handouts are
a stand-in file (rendering 1000 real ones takes ten minutes and is not what is compared), then times plain
`mkdocs build` in a fresh process, old and new alternating: builds where nothing changed, builds
after one guide changed, and builds with no guide in the compile cache (handouts stay cached).
Alternating matters more than repeating here: a shared machine's speed drifts during a session.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STAND_IN_PDF = b"%PDF-1.4\n% a stand-in handout for timing builds\n"


def make_project(checkout: Path, guides: Path, dest: Path) -> Path:
    """A project for checkout's code: its mkdocs.yml and overrides/, and the guides it can read."""
    dest.mkdir(parents=True)
    shutil.copy2(checkout / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(checkout / "overrides", dest / "overrides")
    (dest / "content").mkdir()
    for page in [*(checkout / "content").glob("*.md"), *(checkout / "content").glob("*.yml")]:  # pages, glossary, synonyms
        shutil.copy2(page, dest / "content" / page.name)
    shutil.copy2(checkout / "content" / "guide.schema.json", dest / "content" / "guide.schema.json")
    schema = json.loads((checkout / "content" / "guide.schema.json").read_text(encoding="utf-8"))
    (dest / "content" / "guides").mkdir()
    for path in sorted(guides.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = yaml.safe_dump(fields_known_to(schema, schema, data), allow_unicode=True, sort_keys=False, width=1000)
        (dest / "content" / "guides" / path.name).write_text(text, encoding="utf-8")
    return dest


def fields_known_to(schema: dict, part: dict, value: object) -> object:
    """value without the fields an older checkout's guide schema does not know (newer, optional ones).

    The guides are written by the newest checkout; an older one would reject a field added since
    (every added field is optional), so its copy leaves those out, which only makes its build lighter.
    """
    while "$ref" in part:
        *_, folder, name = part["$ref"].split("/")
        part = schema[folder][name]
    if isinstance(value, dict) and "properties" in part:
        return {key: fields_known_to(schema, part["properties"][key], item) for key, item in value.items() if key in part["properties"]}
    if isinstance(value, list) and isinstance(part.get("items"), dict):
        return [fields_known_to(schema, part["items"], item) for item in value]
    return value


def write_guides(checkout: Path, count: int, dest: Path) -> None:
    """count synthetic guides in dest/guides/, in the format of that checkout's code."""
    script = f"from pathlib import Path; from tests.support.synthetic import write_guides; write_guides({count}, Path({str(dest)!r}), seed=0)"
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    subprocess.run([str(checkout / ".venv" / "bin" / "python"), "-c", script], cwd=checkout, env=env, check=True)


def fill_caches(project: Path) -> None:
    """Run by a checkout's own Python as a script: one build, with a stand-in for every handout."""
    # The module that renders handouts for the build: today's layout, then the one before it.
    for name in ("generator.build.handouts", "generator.handout.writer"):
        try:
            renderer = importlib.import_module(name)
            break
        except ImportError:
            continue
    renderer.render_pdf = lambda *_args: STAND_IN_PDF
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.chdir(project)
    mkdocs_build(load_config("mkdocs.yml", site_dir=str(project / "site")))


def fill(checkout: Path, project: Path) -> None:
    # As a script, not with -m: the checkout's generator/ must come first on the path, not ours.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(checkout)}
    python = checkout / ".venv" / "bin" / "python"
    subprocess.run([str(python), str(Path(__file__).resolve()), "--fill-caches", str(project)], env=env, check=True, capture_output=True)


def build(checkout: Path, project: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `mkdocs build` of project with checkout's code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(checkout)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(checkout / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d", str(project / "site")], cwd=project, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit_one(project: Path, turn: int) -> None:
    paths = sorted((project / "content" / "guides").glob("*.yml"))
    path = paths[(turn * 7) % len(paths)]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nsummary: ", f"\nsummary: 고친 요약 {turn}. ", 1), encoding="utf-8")


def main() -> None:
    if sys.argv[1:2] == ["--fill-caches"]:
        fill_caches(Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="the other checkout, with its own .venv")
    parser.add_argument("--guides", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=8)
    args = parser.parse_args()
    checkouts = {"old": args.old.resolve(), "new": ROOT}
    with tempfile.TemporaryDirectory(prefix="giljabi-compare-") as tmp:
        guides = Path(tmp) / "synthetic"
        write_guides(checkouts["new"], args.guides, guides)
        projects = {name: make_project(checkout, guides / "guides", Path(tmp) / name) for name, checkout in checkouts.items()}
        for name, checkout in checkouts.items():
            fill(checkout, projects[name])
        kinds = {"nothing changed": args.pairs, "one guide changed": max(3, args.pairs * 3 // 4), "no guide cached": max(3, args.pairs // 2)}
        print(f"# {args.guides} guides, plain `mkdocs build`, old = {checkouts['old']}, load {os.getloadavg()[0]:.2f}\n")
        print("| build | old wall | new wall | new/old wall | old CPU | new CPU |\n|---|---:|---:|---:|---:|---:|")
        for kind, pairs in kinds.items():
            times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
            for turn in range(pairs):
                for name, checkout in checkouts.items():
                    if kind == "one guide changed":
                        edit_one(projects[name], turn)
                    elif kind == "no guide cached":
                        shutil.rmtree(projects[name] / ".cache" / "guides", ignore_errors=True)
                        shutil.rmtree(projects[name] / ".cache" / "search", ignore_errors=True)
                    times[name].append(build(checkout, projects[name]))
            wall = {name: statistics.median(w for w, _c in runs) for name, runs in times.items()}
            cpu = {name: statistics.median(c for _w, c in runs) for name, runs in times.items()}
            print(f"| {kind} ({pairs} pairs) | {wall['old']:.2f} s | {wall['new']:.2f} s | {wall['new'] / wall['old']:.2f} | {cpu['old']:.2f} s | {cpu['new']:.2f} s |")
        print(f"\nload at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
