"""The Jinja settings every HTML template of the package shares (guide pages and handouts).

Autoescaping and StrictUndefined: content text reaches HTML only escaped, or through the
``inline`` and ``blocks`` filters, which allow nothing but emphasis, links and paragraphs.
"""

from __future__ import annotations

import jinja2

from .text import blocks, inline, plain


def html_environment(package: str) -> jinja2.Environment:
    """An environment for the templates/ folder of ``package``, with the content text filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(inline=inline, blocks=blocks, plain=plain)
    return env
