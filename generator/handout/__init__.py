"""Printable A4 handouts: each guide's data rendered to PDF with WeasyPrint.

``build_handouts`` is what the MkDocs plugin calls; ``render_pdf`` and ``handout_html``
render one guide and are what the tests and the benchmark use.
"""

from .document import MissingGlyphError, handout_html, render_document, render_pdf
from .writer import SITE_URL_MISSING, Handout, build_handouts, handout_key, handout_uri, page_url

__all__ = [
    "SITE_URL_MISSING",
    "Handout",
    "MissingGlyphError",
    "build_handouts",
    "handout_html",
    "handout_key",
    "handout_uri",
    "page_url",
    "render_document",
    "render_pdf",
]
