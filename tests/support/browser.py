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


_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def _composing(syllable: str) -> list[str]:
    """What a Korean keyboard shows while a syllable is typed: 갱 → ㄱ, 개, 갱."""
    code = ord(syllable) - 0xAC00
    forms = [_INITIALS[code // 588], chr(0xAC00 + code - code % 28)]
    return forms + [syllable] if code % 28 else forms


def type_with_keyboard(page, text: str) -> None:
    """Into the focused field: Hangul through an input method's composition (ㄱ → 가 → 갱), everything else key by key."""
    cdp = page.context.new_cdp_session(page)
    process = {"key": "Process", "windowsVirtualKeyCode": 229}
    for char in text:
        if not "가" <= char <= "힣":
            page.keyboard.type(char)
            continue
        for form in _composing(char):
            cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", **process})
            cdp.send("Input.imeSetComposition", {"text": form, "selectionStart": 1, "selectionEnd": 1})
            cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **process})
        cdp.send("Input.insertText", {"text": char})
    cdp.detach()


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

    def _settle(self, changed_from: str | None, timeout: float = 120.0) -> bool:
        """Waits until the result stops changing (and differs from ``changed_from``); False on timeout."""
        deadline = time.monotonic() + timeout
        last, same = None, 0
        while time.monotonic() < deadline:
            state = self._state()
            ready = INITIALIZER not in state[0] and (changed_from is None or state[0] != changed_from)
            same = same + 1 if ready and state == last else 0
            if same >= 3:
                return True
            last = state
            self.page.wait_for_timeout(100)
        return False

    def search(self, query: str, entry: str = "fill") -> Outcome:
        """Enters ``query`` into an empty box and waits for the results.

        ``entry`` is how the text arrives: "fill" sets it and presses End (the quickest way to
        send Material its key-up); "typed" types it key by key as a Korean keyboard does, each
        syllable composed letter by letter with key-down, composition and key-up events;
        "pasted" inserts it at once with no key event, as pasting, voice input and handwriting
        do. Text that never gets an answer leaves the box's line as it was.
        """
        box = self.page.locator("input.md-search__input")
        box.focus()  # Material opens its search dialog when the box takes focus
        box.fill("")
        box.press("End")  # Material searches on key-up; fill() alone sends no key event
        if not self._settle(None):
            raise TimeoutError("검색 결과가 나오지 않았습니다")
        before = self._state()[0]
        if entry == "fill":
            box.fill(query)
            box.press("End")
        elif entry == "typed":
            type_with_keyboard(self.page, query)
        elif entry == "pasted":
            self.page.keyboard.insert_text(query)
        else:
            raise ValueError(entry)
        changed_from = before if before == PLACEHOLDER else None
        if not self._settle(changed_from, timeout=120.0 if entry != "pasted" else 6.0):
            if entry != "pasted":
                raise TimeoutError("검색 결과가 나오지 않았습니다")
            self._settle(None)
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
