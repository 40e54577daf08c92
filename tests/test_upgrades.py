"""An upgrade of Material or MkDocs that changes what we build on fails here, naming the file.

overrides/ replaces Material's 404 page and seven of its partials, and the plugin rewrites two tags of its base.html. tests/upstream/material/ keeps each original as
it was when our copy was made; when the installed Material's file differs from it, the
override must be compared with the new original and brought up to date (README: Upgrading).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import material
import pytest

from generator.mkdocs_plugin.material_markup import INVALID_TOGGLES
from tests.support import ROOT

UPSTREAM = ROOT / "tests" / "upstream" / "material"
INSTALLED = Path(material.__file__).parent / "templates"
# Each Material file we replace, and the override made from it.
REPLACED = {
    "partials/search.html": "overrides/partials/search.html",
    "partials/progress.html": "overrides/partials/progress.html",
    "partials/language.html": "overrides/partials/language.html",
    "partials/javascripts/base.html": "overrides/partials/javascripts/base.html",
    "partials/copyright.html": "overrides/partials/copyright.html",
    "404.html": "overrides/404.html",
    "partials/nav.html": "overrides/partials/nav.html",
    "partials/toc.html": "overrides/partials/toc.html",
}


def test_every_override_of_a_material_file_is_listed() -> None:
    overrides = {p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html")}
    # extends base.html; a language of our own; the head's icons and share tags
    ours = {"main.html", "partials/languages/ko-giljabi.html", "partials/site-icons.html", "partials/share.html"}
    assert overrides - ours == {Path(o).relative_to("overrides").as_posix() for o in REPLACED.values()}
    assert {p.relative_to(UPSTREAM).as_posix() for p in UPSTREAM.rglob("*.html")} == set(REPLACED)


@pytest.mark.parametrize("original", sorted(REPLACED))
def test_the_installed_material_file_is_the_one_our_override_was_made_from(original: str) -> None:
    installed = (INSTALLED / original).read_text(encoding="utf-8")
    kept = (UPSTREAM / original).read_text(encoding="utf-8")
    assert installed == kept, (
        f"Material {material.__version__} changed {original}, which {REPLACED[original]} replaces. "
        f"Compare {INSTALLED / original} with {REPLACED[original]}, carry the change over, "
        f"then copy the new original to tests/upstream/material/{original}."
    )


def test_material_still_writes_the_toggles_the_build_makes_valid() -> None:
    base = (INSTALLED / "base.html").read_text(encoding="utf-8")
    for toggle in INVALID_TOGGLES:
        assert toggle in base, (
            f"Material {material.__version__} no longer writes {toggle} in base.html: see what it writes now "
            "and update generator/mkdocs_plugin/material_markup.py (tests/test_markup_checkers.py shows the result)."
        )


def _pages(site: Path) -> dict[str, str]:
    # The generator <meta> names the tool that built the page, the one difference expected.
    return {
        p.relative_to(site).as_posix(): re.sub(r'<meta name="generator"[^>]*>', "", p.read_text(encoding="utf-8"))
        for p in site.rglob("*.html")
    }


def _binary(site: Path, pattern: str) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.glob(pattern) if p.is_file()}


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    properdocs = Path(sys.executable).with_name("properdocs")
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-d", str(site)], cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == sorted(
        p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()
    )
    assert _pages(site) == _pages(built_site)  # pages, their checklists and everything else on them
    assert _binary(site, "search/**/*") == _binary(built_site, "search/**/*")
    handouts = _binary(site, "guides/*/handout.pdf")
    assert handouts and handouts == _binary(built_site, "guides/*/handout.pdf")
