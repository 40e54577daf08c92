"""Changing the text of rendered HTML, outside chosen elements; tags and attributes stay untouched."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def map_text(html: str, skip: frozenset[str], change: Callable[[str], str]) -> Markup:
    """html with every text run outside the ``skip`` elements passed through ``change``, in order."""
    out: list[str] = []
    skipping: list[str] = []
    for part in _TAG.split(html):
        if part.startswith("<"):
            match = _TAG_NAME.match(part)
            name = match.group(1).lower() if match else ""
            if name in skip:
                if not part.startswith("</"):
                    skipping.append(name)
                elif skipping and skipping[-1] == name:
                    skipping.pop()
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            out.append(change(part))
    return Markup("".join(out))
