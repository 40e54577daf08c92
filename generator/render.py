"""Validated guides to Markdown pages (mostly HTML blocks, so content text is never re-parsed)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import jinja2
from markupsafe import Markup

from .model import Guide
from .textfmt import blocks, inline, plain


def item_hash(text: str) -> str:
    """A short fingerprint of an item's text: a reader's tick is kept only while it matches."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


_LONE_HASH = re.compile(r"(?<!&)#")


def heading(escaped: str) -> Markup:
    """Escaped text made inert for a Markdown heading: no emphasis, no {: attr_list }, and no
    "#" for the heading rule to strip as closing marks (a title "#" would vanish)."""
    table = {ord(c): f"&#{ord(c)};" for c in "{}[]*_`\\"}
    # Every "#" but those of the character references escaping made (&#39;, and the ones above).
    return Markup(_LONE_HASH.sub("&#35;", str(escaped).translate(table)))


def guide_url(guide: Guide) -> str:
    """The page's path below the site root; also the URL slug readers bookmark."""
    return f"guides/{guide.id}/"


def guide_src_uri(guide: Guide) -> str:
    return f"guides/{guide.id}.md"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(inline=inline, blocks=blocks, plain=plain, heading=heading, item_hash=item_hash)
    return env


def render_guide(guide: Guide, *, review_due: bool = False) -> str:
    """The Markdown source of one guide's page; review_due adds the "please double-check" notice."""
    return environment().get_template("guide.md.j2").render(guide=guide, review_due=review_due)


def render_home(guides: Sequence[Guide]) -> str:
    """The home page: every guide, grouped by institution."""
    groups: dict[str, list[Guide]] = {}
    for guide in guides:
        groups.setdefault(guide.institution, []).append(guide)
    return environment().get_template("home.md.j2").render(groups=groups, guide_url=guide_url)
