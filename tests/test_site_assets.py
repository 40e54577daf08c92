"""Our stylesheets and scripts as a reader's phone gets them: minified, and within issue #13's budget."""

from __future__ import annotations

import gzip
from pathlib import Path

from generator.mkdocs_plugin.assets import minify
from tests.support import ROOT

ASSETS = ROOT / "overrides" / "assets"
BUDGET = 15 * 1024  # gzip bytes of our CSS+JS on every page beyond stock Material (issue #13)


def test_minify_drops_comments_and_keeps_strings() -> None:
    css = minify("a.css", '/* note */\n.x::after {\n  content: "/* kept */  two  spaces";\n}\n')
    assert css == '.x::after{content:"/* kept */  two  spaces"}'
    js = minify("a.js", "// note\nconst label = (n) => `${n}  개`;\n/* block */\nlet s = '// kept';\n")
    assert js == "const label=(n)=>`${n}  개`;let s='// kept';"


def test_the_built_site_serves_every_stylesheet_and_script_minified(built_site: Path) -> None:
    sources = sorted(ASSETS.glob("stylesheets/*.css")) + sorted(ASSETS.glob("javascripts/*.js"))
    assert len(sources) >= 10
    for source in sources:
        served = (built_site / source.relative_to(ROOT / "overrides")).read_text(encoding="utf-8")
        assert served == minify(source.name, source.read_text(encoding="utf-8")), source.name
        assert len(served) < 0.9 * source.stat().st_size, source.name


def test_our_css_and_js_on_a_page_fit_the_budget(built_site: Path) -> None:
    # Everything but the search worker, which replaces Material's own (bench.page_weight has the details).
    page_files = [p for p in (built_site / "assets").glob("*/*") if p.suffix in (".css", ".js") and (ASSETS / p.relative_to(built_site / "assets")).is_file()]
    page_files = [p for p in page_files if p.name != "search-worker.js"]
    assert len(page_files) >= 9
    assert sum(len(gzip.compress(p.read_bytes(), 6)) for p in page_files) <= BUDGET
