"""What converting content text costs, with Python-Markdown only and with the fast path of
generator/content/text.py. Run by hand from the repository root, never as a test:

    .venv/bin/python -m bench.textfmt              # 1000 synthetic guides
    .venv/bin/python -m bench.textfmt --guides 100 --repeat 5

It writes N synthetic guides (tests/support/synthetic.py), compiles them as a build does, and
collects every distinct text the link check, the pages and the search index convert (source
addresses are not converted). It prints CPU time (the machine is shared, so CPU time is the
steadier figure; the best of --repeat runs) for:

- one conversion of every distinct text: Python-Markdown alone, then the fast path with
  Python-Markdown for what it does not take;
- every rendering a build asks of every text (link_targets, blocks, inline, plain, plain_text),
  caches emptied first, with the fast path switched off and on;

and how many texts the fast path takes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from generator.content import text as textfmt
from generator.content.walk import text_fields
from tests.support import guides_in
from tests.support.synthetic import write_guides


def distinct_texts(n: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        write_guides(n, Path(tmp) / "content", seed=0)
        files = guides_in(Path(tmp) / "content")
    return sorted({text for loaded in files for loc, text in text_fields(loaded.guide) if loc[-1] != "url"})


# Held here because fast_path(False) replaces textfmt._simple while runs still empty its cache.
CACHES = (textfmt._convert, textfmt._simple)


def best_cpu(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for cache in CACHES:
            cache.cache_clear()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


@contextmanager
def fast_path(on: bool) -> Iterator[None]:
    if on:
        yield
    else:
        # Switching the fast path off is the comparison itself, and text.py has no option for
        # it: the fast path taking nothing leaves every text to Python-Markdown.
        with mock.patch.object(textfmt, "_simple", lambda _text: None):
            yield


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--guides", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = distinct_texts(args.guides)
    with_markup = [text for text in texts if textfmt._MARKDOWN_CHAR.search(text)]
    taken = [text for text in with_markup if textfmt._simple.__wrapped__(text) is not None]
    markdown = textfmt._restricted()

    def by_markdown() -> None:
        for text in texts:
            markdown.reset()
            markdown.convert(text)

    def by_fast_path() -> None:
        for text in texts:
            if textfmt._simple.__wrapped__(text) is None:
                markdown.reset()
                markdown.convert(text)

    def every_rendering() -> None:
        for text in texts:
            textfmt.link_targets(text)
            textfmt.blocks(text)
            textfmt.inline(text)
            textfmt.plain(text)
            textfmt.plain_text(text)

    rows = [("convert every distinct text once", best_cpu(by_markdown, args.repeat), best_cpu(by_fast_path, args.repeat))]
    with fast_path(False):
        slow = best_cpu(every_rendering, args.repeat)
    rows.append(("link_targets, blocks, inline, plain(_text)", slow, best_cpu(every_rendering, args.repeat)))

    print(f"{args.guides} synthetic guides: {len(texts):,} distinct texts, {len(with_markup):,} with a Markdown character")
    print(f"fast path takes {len(taken):,} texts: {len(taken) / len(with_markup):.1%} of those with a Markdown character, {len(taken) / len(texts):.1%} of all")
    print(f"Python-Markdown: {rows[0][1] / len(texts) * 1000:.3f} ms CPU a text, on average over all distinct texts\n")
    print(f"{'CPU s, best of ' + str(args.repeat):<44} {'Markdown only':>14} {'fast path':>10} {'ratio':>7}")
    for label, slow, fast in rows:
        print(f"{label:<44} {slow:>14.3f} {fast:>10.3f} {slow / fast:>6.1f}x")


if __name__ == "__main__":
    main()
