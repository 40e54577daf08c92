"""Search quality and download size: Material's stock search beside ours, in Chromium.

Builds the real guides plus N synthetic ones (tests/support/synthetic.py) twice, once
with ``search_korean: false`` (Material's stock lunr index) and once with ours, serves each
on 127.0.0.1 and types every query of bench/search_queries.yml into the real search box
(tests/support/browser.py drives it). Run by hand from the repository root:

    .venv/bin/python -m bench.search_eval                 # recall table, 100 synthetic guides
    .venv/bin/python -m bench.search_eval --guides 300
    .venv/bin/python -m bench.search_eval --sizes 0,99,999  # index/download sizes only

How a result counts (the same rule for both searches):
- A query that names a section (``expect: guides/x/#step-y``) is found at rank k when the
  k-th section entry listed (page headers that show no text are skipped) is that section or
  a region containing it: Material cuts pages at headings only, so its "#steps" entry
  contains every step.
- A query that names a page (``expect: guides/x/``) is found at rank k when the k-th page
  listed is that page.
- A query with ``answer: text`` is found at rank k when the k-th section entry listed, on any
  page, holds that text (compared compact): for answers the synthetic guides repeat.
- A query with ``expect: none`` passes only when the search box lists nothing.

Download size: the gzip size (level 6, what a web server sends) of every file the browser
fetched from the site to answer the query in a fresh tab, besides the page itself: the
search index or shards, the worker and whatever it loads. Stock Material is measured the
same way (its whole index and lunr's language files).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

from generator.search.analysis import compact
from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT, serve
from tests.support.browser import Entry, SearchBox

QUERIES = Path(__file__).with_name("search_queries.yml")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# Kinds of query added for issue #14 (search that answers what people type, paste and speak).
NEW_KINDS = ("pasted", "spoken", "synonym", "initials", "syllable")
QUESTION_KINDS = ("question", "spoken")  # questions in full sentences


@dataclass(frozen=True)
class Query:
    query: str
    kind: str
    expect: tuple[str, ...]  # "guides/x/" or "guides/x/#anchor", any one of them; () finds nothing
    entry: str = "fill"  # how it reaches the box: tests/support/browser.py SearchBox.search
    # Or: a section (of any page) whose text holds one of these; for answers that many guides repeat.
    answer: tuple[str, ...] = ()

    @property
    def finds_nothing(self) -> bool:
        return not self.expect and not self.answer


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for item in data["queries"]:
        expect = item.get("expect", ())
        expect = () if expect == "none" else tuple(expect) if isinstance(expect, list) else (expect,)
        answer = item.get("answer", ())
        answer = tuple(answer) if isinstance(answer, list) else (answer,) if answer else ()
        queries.append(Query(str(item["query"]), item["kind"], expect, item.get("entry", "fill"), answer))
    return queries


# --- building and serving -------------------------------------------------------------


def make_project(dest: Path, synthetic: int, korean: bool) -> Path:
    """A copy of the project with `synthetic` extra guides and the chosen search."""
    from tests.support.synthetic import write_guides

    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    if synthetic:
        write_guides(synthetic, dest / "content", seed=0)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not korean:
        # Stock Material as it ships: without our search box script, which answers text that comes without keys.
        config = "".join(line for line in config.splitlines(keepends=True) if "search-box.js" not in line)
        config = config.replace("  - giljabi\n", "  - giljabi:\n      search_korean: false\n", 1)
        if "search_korean: false" not in config:
            config = config.replace("  - giljabi:\n", "  - giljabi:\n      search_korean: false\n", 1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def build_without_handouts(config: str, site: str) -> None:
    """`mkdocs build` in this process, without the printable handouts: PDFs are not searched,
    and at about a second a guide they would make a 1000-guide build take a quarter of an hour."""
    from mkdocs.__main__ import cli

    import generator.mkdocs_plugin.plugin as plugin

    # The one product function patched here: the plugin's own name for it, so nothing is rendered.
    plugin.build_handouts = lambda *_args, **_kwargs: []  # type: ignore[assignment]
    cli(["build", "-q", "-f", config, "-d", site])


def build(project: Path) -> Path:
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "bench.search_eval", "--build-child", str(project / "mkdocs.yml"), str(site)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return site


@contextmanager
def serving(site: Path) -> Iterator[str]:
    server, url = serve(site)
    try:
        yield url
    finally:
        server.shutdown()


# --- scoring --------------------------------------------------------------------------


class Regions:
    """Which element ids lie inside which result location on each built page."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self._pages: dict[str, dict[str, set[str]]] = {}
        self._soups: dict[str, Any] = {}

    def _soup(self, page: str) -> Any:
        if page not in self._soups:
            self._soups[page] = BeautifulSoup((self.site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        return self._soups[page]

    def text(self, location: str) -> str:
        """The compact text of everything inside a result location: under a heading, what
        follows it up to the next heading too (대처 전략's paragraphs carry no ids of their own)."""
        page, _, anchor = location.partition("#")
        soup = self._soup(page)
        ids = self._page(page).get(anchor, set()) | {anchor}
        parts = [element.get_text(" ") for element in soup.find_all(id=True) if element["id"] in ids]
        heading = soup.find(id=anchor) if anchor else None
        if heading is not None and heading.name in HEADINGS:
            parts += [s.get_text(" ") for s in itertools.takewhile(lambda s: s.name not in HEADINGS, heading.find_next_siblings())]
        return compact(" ".join(parts))

    def _page(self, page: str) -> dict[str, set[str]]:
        if page not in self._pages:
            soup = self._soup(page)
            content = soup.select_one("article.md-content__inner") or soup
            regions: dict[str, set[str]] = {"": set()}
            current = ""
            for element in content.find_all(True):
                if element.name in HEADINGS and element.get("id") and element.name != "h1":
                    current = element["id"]
                    regions.setdefault(current, set())
                if element.get("id"):
                    regions.setdefault(current, set()).add(element["id"])
                    regions.setdefault(element["id"], set()).update({element["id"], *(e["id"] for e in element.find_all(id=True))})
            self._pages[page] = regions
        return self._pages[page]

    def contains(self, location: str, expected: str) -> bool:
        page, _, anchor = location.partition("#")
        want_page, _, want_anchor = expected.partition("#")
        if page != want_page:
            return False
        return anchor == want_anchor or want_anchor in self._page(page).get(anchor, set())


def rank(query: Query, entries: list[Entry], regions: Regions) -> int | None:
    """1-based rank of the expected result, or None when it is not listed."""
    if query.answer:
        listed = [e for e in entries if not e.header and "#" in e.location]
        wanted = [compact(answer) for answer in query.answer]
        return next((i for i, e in enumerate(listed, 1) if any(w in regions.text(e.location) for w in wanted)), None)
    if all("#" in expected for expected in query.expect):
        listed = [e for e in entries if not e.header]
        return next((i for i, e in enumerate(listed, 1) if any(regions.contains(e.location, x) for x in query.expect)), None)
    pages: list[str] = []
    for entry in entries:
        page = entry.location.partition("#")[0]
        if page not in pages:
            pages.append(page)
    return next((i for i, page in enumerate(pages, 1) if page in query.expect), None)


@dataclass
class Score:
    name: str
    ranks: dict[str, int | None]
    silent_failures: list[str]  # must-find-nothing queries that listed something
    downloads: list[int]  # gzip bytes fetched per query in a fresh tab

    def recall(self, queries: list[Query], k: int) -> float:
        found = [q for q in queries if not q.finds_nothing]
        return sum(1 for q in found if (self.ranks[q.query] or 99) <= k) / len(found)


def evaluate(name: str, site: Path, queries: list[Query], fresh_tabs: bool, browser) -> Score:
    regions = Regions(site)
    ranks: dict[str, int | None] = {}
    silent: list[str] = []
    downloads: list[int] = []
    with serving(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = box = None
        for query in queries:
            if fresh_tabs or box is None:
                if page is not None:
                    page.close()
                page = context.new_page()
                box = SearchBox(page, url, site)  # before goto: the index may load with the page
                page.goto(url + "about/")
            started = time.monotonic()
            outcome = box.search(query.query, entry=query.entry)
            print(f"  {name}: {query.query} ({time.monotonic() - started:.1f} s, {len(outcome.entries)} entries)", file=sys.stderr, flush=True)
            downloads.append(sum(outcome.fetched.values()))
            if query.finds_nothing:
                ranks[query.query] = None
                if outcome.entries:
                    silent.append(query.query)
            else:
                ranks[query.query] = rank(query, outcome.entries, regions)
        context.close()
    return Score(name, ranks, silent, downloads)


# --- reports --------------------------------------------------------------------------


def kib(size: int) -> str:
    return f"{size / 1024:,.1f} KiB"


def print_table(queries: list[Query], scores: list[Score]) -> None:
    print(f"{'query':<22} {'kind':<10} " + " ".join(f"{s.name:>8}" for s in scores))
    for q in queries:
        cells = []
        for s in scores:
            if q.finds_nothing:
                cells.append("silent" if q.query not in s.silent_failures else "LISTED")
            else:
                cells.append(str(s.ranks[q.query] or "-"))
        print(f"{q.query:<22} {q.kind:<10} " + " ".join(f"{c:>8}" for c in cells))
    print()
    found = [q for q in queries if not q.finds_nothing]
    nothing = [q for q in queries if q.finds_nothing]
    print(f"{'':<33}" + " ".join(f"{s.name:>8}" for s in scores))
    print(f"{f'recall@1 ({len(found)} queries)':<33}" + " ".join(f"{s.recall(queries, 1):>8.1%}" for s in scores))
    print(f"{f'recall@5 ({len(found)} queries)':<33}" + " ".join(f"{s.recall(queries, 5):>8.1%}" for s in scores))
    print(f"{f'find-nothing listed ({len(nothing)})':<33}" + " ".join(f"{len(s.silent_failures):>8}" for s in scores))
    kinds = sorted({q.kind for q in found})
    for kind in kinds:
        subset = [q for q in queries if q.kind == kind]
        print(f"{f'  recall@5 {kind} ({len(subset)})':<33}" + " ".join(f"{s.recall(subset, 5):>8.1%}" for s in scores))
    new = [q for q in found if q.kind in NEW_KINDS]
    questions = [q for q in found if q.kind in QUESTION_KINDS]
    print(f"{f'recall@5 new, issue #14 ({len(new)})':<33}" + " ".join(f"{s.recall(new, 5):>8.1%}" for s in scores))
    print(f"{f'recall@5 full sentences ({len(questions)})':<33}" + " ".join(f"{s.recall(questions, 5):>8.1%}" for s in scores))
    for s in scores:
        missed = [f"{q.query} ({s.ranks[q.query] or '-'})" for q in found if (s.ranks[q.query] or 99) > 5]
        print(f"{s.name} misses at 5: " + ("; ".join(missed) or "none"))


def sizes(counts: list[int], queries: list[Query], browser) -> None:
    """Index sizes and per-query downloads at several site sizes (real guide + synthetic)."""
    print(f"{'guides':>6} {'stock index (raw)':>18} {'stock download':>15} {'ours: files':>11} {'ours (raw total)':>17} {'ours median':>12} {'ours max':>10}")
    for synthetic in counts:
        row = []
        with tempfile.TemporaryDirectory() as tmp:
            stock_site = build(make_project(Path(tmp) / "stock", synthetic, korean=False))
            index = stock_site / "search" / "search_index.json"
            stock = evaluate("stock", stock_site, queries[:1], fresh_tabs=True, browser=browser)
            row += [kib(index.stat().st_size), kib(stock.downloads[0])]
            ours_site = build(make_project(Path(tmp) / "ours", synthetic, korean=True))
            files = [f for f in (ours_site / "search").rglob("*") if f.is_file()]
            ours = evaluate("ours", ours_site, queries, fresh_tabs=True, browser=browser)
            row += [str(len(files)), kib(sum(f.stat().st_size for f in files)), kib(int(statistics.median(ours.downloads))), kib(max(ours.downloads))]
        print(f"{synthetic + 1:>6} " + " ".join(f"{c:>{w}}" for c, w in zip(row, (18, 15, 11, 17, 12, 10))), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=100, help="synthetic guides beside the real one (default 100)")
    parser.add_argument("--sizes", help="comma-separated synthetic guide counts: print sizes only")
    parser.add_argument("--build-child", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_child:
        build_without_handouts(*args.build_child)
        return

    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.sizes:
            sizes([int(n) for n in args.sizes.split(",")], queries, browser)
            return
        with tempfile.TemporaryDirectory() as tmp:
            scores = []
            for name, korean in (("stock", False), ("ours", True)):
                site = build(make_project(Path(tmp) / name, args.guides, korean))
                scores.append(evaluate(name, site, queries, fresh_tabs=False, browser=browser))
        print(f"{len(queries)} queries, {args.guides + 1} guides (real + synthetic, seed 0), Chromium, real search box\n")
        print_table(queries, scores)
        browser.close()


if __name__ == "__main__":
    main()
