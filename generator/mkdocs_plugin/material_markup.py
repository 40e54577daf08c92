"""Material's markup that no partial or block can change, made valid once a page is rendered.

base.html gives its two hidden toggles (the drawer and search checkboxes) autocomplete="off",
which HTML allows on text-like inputs only (Nu HTML Checker: an error on every page). Material
uses it to keep Firefox from restoring a drawer left open; overrides/assets/javascripts/drawer.js
closes a restored drawer instead. tests/test_upgrades.py checks that Material still writes them so.
"""

from __future__ import annotations

INVALID_TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">' for name in ("drawer", "search")
)


def valid_toggles(html: str) -> str:
    """The page with Material's hidden toggles stripped of their invalid autocomplete attribute."""
    for toggle in INVALID_TOGGLES:
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""), 1)
    return html
