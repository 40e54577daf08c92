"""Build a copy of the project whose guides are N synthetic ones, every handout a stand-in PDF.

    python tests/scripts/build_synthetic_site.py N PROJECT SITE_DIR

For tests and screenshots of a big site's pages (the home page at a thousand guides): rendering
a thousand real handouts takes many minutes and is measured elsewhere (bench/handouts.py,
bench/cold.py), so the renderer the build calls returns one small stand-in PDF instead.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.build import handouts
from tests.support import copy_project
from tests.support.synthetic import write_guides

STAND_IN_PDF = b"%PDF-1.4\n% a stand-in handout\n"


def main(argv: list[str]) -> None:
    count, project, site_dir = int(argv[0]), Path(argv[1]), Path(argv[2])
    copy_project(project)
    shutil.rmtree(project / "content" / "guides")
    write_guides(count, project / "content", seed=0)
    handouts.render_pdf = lambda *_args: STAND_IN_PDF
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


if __name__ == "__main__":
    main(sys.argv[1:])
