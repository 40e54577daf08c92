"""Lighthouse's four scores for the real site on a phone, served as a static host serves it. Run by
hand from the repository root, never as a test:

    .venv/bin/python -m bench.lighthouse [--runs 3]

Builds the real site (`mkdocs build --strict`) into a temp folder and serves it as GitHub Pages
does (tests/support/static_host.py: under /giljabi/, text gzipped, Cache-Control, 404.html for
unknown addresses). Lighthouse (npm `lighthouse`, pinned in bench/node/package-lock.json and
installed there with `npm ci` when missing) runs with its mobile settings (slow 4G, simulated
throttling) in Debian's Chromium, on the home page, a guide and the about page, twice over:

- as the CLI's default, a 4x CPU slowdown, which turns a high-end desktop (benchmarkIndex
  1500-2000) into a mid-tier phone;
- calibrated to this machine as Lighthouse's docs/throttling.md says: the slowdown that brings
  the measured benchmarkIndex to the same mid-tier phone (1750 / 4), never below 1x. A shared
  2-core machine often measures like a phone already, and 4x on top of it emulates a far
  slower one than Lighthouse means to.

Prints each page's performance, accessibility, best-practices and SEO scores (median of the
runs), the audits that cost points, and the targets (≥ 95, 100, 100, 100). Reports go to
test-output/lighthouse/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from tests.support import CHROMIUM, ROOT, build_site
from tests.support.static_host import serve_static

NODE = ROOT / "bench" / "node"
LIGHTHOUSE = NODE / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
# Lighthouse refuses to audit a page answered with status 404, so the 404 page is not among them.
PAGES = {"홈": "", "안내서": "guides/kb-financial-certificate/", "소개": "about/"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def install() -> None:
    if not LIGHTHOUSE.is_file():
        print("npm 패키지 설치 (bench/node: lighthouse)")
        subprocess.run(["npm", "ci", "--prefix", str(NODE), "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], check=True)


DEFAULT_SLOWDOWN = 4.0
TARGET_INDEX = 1750 / DEFAULT_SLOWDOWN  # the mid-tier phone the default emulates on a high-end desktop


def run(url: str, report: Path, slowdown: float) -> dict:
    subprocess.run(
        [
            "node", str(LIGHTHOUSE), url,
            f"--chrome-flags={CHROME_FLAGS}",
            f"--throttling.cpuSlowdownMultiplier={slowdown:g}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json", f"--output-path={report}", "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    return json.loads(report.read_text(encoding="utf-8"))


def lost_points(result: dict) -> list[str]:
    """The audits of each category that scored below 1, with their weight."""
    lost = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {ref['id']} ({audit['score']:.2f}, weight {ref['weight']}) {audit.get('displayValue', '')}".rstrip())
    return lost


def measure(base: str, slowdown: float, runs: int, out: Path) -> list[tuple]:
    # Page after page within each round, so that every page meets the machine's changing load alike.
    reports: dict[str, list[dict]] = {path: [] for path in PAGES.values()}
    for i in range(runs):
        for path in PAGES.values():
            name = path.strip("/").replace("/", "-") or "home"
            reports[path].append(run(base + path, out / f"{name}-{slowdown:g}x-{i}.json", slowdown))
    rows = []
    for label, path in PAGES.items():
        results = reports[path]
        scores = {key: statistics.median(round(r["categories"][key]["score"] * 100) for r in results) for key in CATEGORIES}
        metrics = {key: statistics.median(r["audits"][key]["numericValue"] for r in results) for key in METRICS}
        index = statistics.median(r["environment"]["benchmarkIndex"] for r in results)
        rows.append((label, path, scores, metrics, index, sorted({line for r in results for line in lost_points(r)})))
    return rows


def report(title: str, rows: list[tuple]) -> None:
    print(f"\n{title}")
    print("| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | benchmarkIndex |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, path, scores, metrics, index, _lost in rows:
        print(
            f"| {label} (/{path}) | " + " | ".join(str(scores[key]) for key in CATEGORIES)
            + f" | {metrics['first-contentful-paint'] / 1000:.2f} s | {metrics['largest-contentful-paint'] / 1000:.2f} s"
            + f" | {metrics['total-blocking-time']:.0f} ms | {metrics['cumulative-layout-shift']:.3f} | {index:.0f} |"
        )
    for label, _path, scores, _metrics, _index, lost in rows:
        short = [key for key in CATEGORIES if scores[key] < TARGETS[key]]
        print(f"{label}: " + ("목표 충족" if not short else "목표 미달: " + ", ".join(short)))
        for line in lost:
            print(f"  - {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    install()
    out = ROOT / "test-output" / "lighthouse"
    out.mkdir(parents=True, exist_ok=True)
    version = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        result = build_site(ROOT, site)
        if result.returncode != 0:
            raise SystemExit(f"사이트를 만들지 못했습니다:\n{result.stdout}{result.stderr}")
        server, base = serve_static(site)
        try:
            default = measure(base, DEFAULT_SLOWDOWN, args.runs, out)
            index = statistics.median(row[4] for row in default)
            slowdown = max(1.0, round(index / TARGET_INDEX, 1))
            calibrated = measure(base, slowdown, args.runs, out)
        finally:
            server.shutdown()
    heading = f"Lighthouse {version}, mobile, slow 4G (simulated), served with gzip, median of {args.runs} runs"
    report(f"{heading}; CPU slowdown {DEFAULT_SLOWDOWN:g}x (the CLI's default)", default)
    report(f"{heading}; CPU slowdown {slowdown:g}x (calibrated: benchmarkIndex {index:.0f} → {TARGET_INDEX:.0f})", calibrated)


if __name__ == "__main__":
    main()
