"""Render handouts in this fresh process and print what came out, as JSON.

    python tests/scripts/handouts_in_workers.py CACHE_DIR JOBS [UNDRAWABLE]

The seed guide and two copies of it under other ids (the third with UNDRAWABLE in its title,
when given), through generator.build.handouts.build_handouts as the plugin calls it, with a
stream that says it is a terminal so the progress bar is drawn. A process of its own because
workers are forked only when no other thread runs (see compile_in_workers.py).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sys
from pathlib import Path

from generator.build import handouts
from generator.content.problems import ContentError
from tests.support import site_guides


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def main(argv: list[str]) -> None:
    cache_dir, jobs = Path(argv[0]), int(argv[1])
    seed = next(loaded for loaded in site_guides() if loaded.guide.id == "kb-financial-certificate")
    guides = [seed]
    for number in (2, 3):
        title = f"{argv[2]} 안내서 {number}" if len(argv) > 2 and number == 3 else f"안내서 {number}"
        guides.append(dataclasses.replace(seed, guide=seed.guide.model_copy(update={"id": f"copy-{number}", "title": title}), digest=""))
    render = handouts.render_pdf

    def render_and_sign(guide, url, terms=(), image_dir=None):  # which process rendered which handout
        return render(guide, url, terms, image_dir) + f"\n% rendered by {os.getpid()}\n".encode()

    handouts.render_pdf = render_and_sign
    terminal = Terminal()
    result: dict = {"parent": os.getpid()}
    try:
        built = handouts.build_handouts(guides, "https://example.org/", cache_dir, stream=terminal, jobs=jobs)
    except ContentError as error:
        result["problems"] = [str(problem) for problem in error.problems]
    else:
        result["handouts"] = [{"uri": h.uri, "rendered": h.rendered, "pdf": h.path.read_bytes().decode("latin-1")} for h in built]
    result["progress"] = terminal.getvalue()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
