"""Material's interface labels for overrides/partials/language.html, worked out once per build.

Material looks every label up by rendering its language file's macro, which rebuilds a dict
of 200 labels on each call, then English's when the first has none, for every label on every
page. The answers never change within a build, so they are worked out once.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import Markup


def label_lookup(env: jinja2.Environment, language: str) -> Callable[[str], Markup]:
    """Material's `lang.t(key) or fallback.t(key) or key`, remembered per key."""
    chosen = env.get_template(f"partials/languages/{language}.html").module
    english = env.get_template("partials/languages/en.html").module
    known: dict[str, Markup] = {}

    def label(key: str) -> Markup:
        if key not in known:
            known[key] = Markup(str(chosen.t(key)) or str(english.t(key)) or key)  # type: ignore[attr-defined]
        return known[key]

    return label
