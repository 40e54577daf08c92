"""Material's search box driven in Chromium as a reader drives it (Playwright's sync API).

Used by the search tests and by bench/search_eval.py, which scores what it finds.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

PLACEHOLDER = "검색어를 입력하세요"
# What only search loads: the index or its shards, Material's worker and lunr's language files.
SEARCH_FILES = ("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/")
INITIALIZER = "검색 초기화"


@dataclass
class Entry:
    location: str  # relative to the site root, e.g. "guides/x/#step-y"
    header: bool  # a page header that shows no text of its own


@dataclass
class Outcome:
    entries: list[Entry]
    fetched: dict[str, int] = field(default_factory=dict)  # path -> gzip bytes


class SearchBox:
    """Material's search box on one open page, driven as a reader drives it."""

    def __init__(self, page, base_url: str, site: Path) -> None:
        self.page = page
        self.base = base_url
        self.site = site
        self.fetched: dict[str, int] = {}
        page.on("requestfinished", self._record)

    def _record(self, request) -> None:
        path = urlsplit(request.url).path.lstrip("/")
        if path.startswith(SEARCH_FILES) or path.endswith("/search-worker.js"):
            file = self.site / path
            if file.is_file() and path not in self.fetched:
                self.fetched[path] = len(gzip.compress(file.read_bytes(), compresslevel=6))

    def _state(self) -> tuple[str, str]:
        return self.page.evaluate(
            "() => [document.querySelector('.md-search-result__meta').textContent.trim(),"
            " document.querySelector('.md-search-result__list').innerHTML]"
        )

    def _settle(self, changed_from: str | None, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        last, same = None, 0
        while time.monotonic() < deadline:
            state = self._state()
            ready = INITIALIZER not in state[0] and (changed_from is None or state[0] != changed_from)
            same = same + 1 if ready and state == last else 0
            if same >= 3:
                return
            last = state
            self.page.wait_for_timeout(100)
        raise TimeoutError("검색 결과가 나오지 않았습니다")

    def search(self, query: str) -> Outcome:
        box = self.page.locator("input.md-search__input")
        box.focus()  # Material opens its search dialog when the box takes focus
        box.fill("")
        box.press("End")  # Material searches on key-up; fill() alone sends no key event
        self._settle(None)
        before = self._state()[0]
        box.fill(query)
        box.press("End")
        self._settle(before if before == PLACEHOLDER else None)
        return Outcome(self.entries(), dict(self.fetched))

    def entries(self) -> list[Entry]:
        # One round trip for the whole list: per-element calls cost seconds on long lists.
        found = self.page.evaluate(
            """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')].map(link => {
                 const article = link.querySelector('article');
                 const text = [...article.childNodes].some(n => n.textContent.trim() &&
                   !(n.nodeType === 1 && (n.matches('h1') || n.matches('.md-search-result__icon'))));
                 return [link.getAttribute('href') || '', !!article.querySelector('h1') && !text];
               })"""
        )
        prefix = urlsplit(self.base).path
        entries = []
        for href, header in found:
            url = urlsplit(href)
            entries.append(Entry(url.path[len(prefix):] + (f"#{url.fragment}" if url.fragment else ""), header))
        return entries
