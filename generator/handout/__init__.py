"""Printable A4 handouts: one guide's data rendered to PDF with WeasyPrint, Korean words kept whole.

Imports only from ``generator.content``. The build (``generator.build.handouts``) decides which
handouts to render and keeps them in its cache.
"""
