"""Validated guides to HTML: each guide's page, and the home page that lists them.

A guide page is HTML from start to end, so no content text is ever read as Markdown again;
its headings and table of contents come from the outline (``outline.py``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from ..content.html_templates import html_environment
from ..content.images import ImageInfo
from ..content.model import Guide
from ..content.text import blocks, inline, plain
from .glossary_terms import mark_first_uses
from .outline import Part, outline
from .phone_links import with_phone_links

_ID = re.compile(r'\sid="([^"]+)"')


def item_hash(text: str) -> str:
    """A short fingerprint of an item's text: a reader's tick is kept only while it matches."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class RenderedGuide:
    """What a guide's page is made of, ready for any site generator to place."""

    title: str  # plain text, HTML-escaped: themes print page titles as they are
    description: str  # the same, for <meta name="description">
    html: str  # the page body
    outline: tuple[Part, ...]  # its second-level headings: the table of contents

    def anchors(self) -> set[str]:
        """Every id on the page: what links to its parts may point at."""
        return set(_ID.findall(self.html))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = html_environment("generator.page")
    env.filters["item_hash"] = item_hash
    # Text inside a <label> or a link keeps its numbers as text: a link there would call instead of
    # ticking the box, or nest one link in another.
    env.filters.update(inline=with_phone_links(inline), blocks=with_phone_links(blocks), inline_without_tel=inline)
    return env


def render_guide(
    guide: Guide, *, review_due: bool = False, terms: tuple[tuple[str, str], ...] = (), images: Mapping[str, ImageInfo] | None = None
) -> RenderedGuide:
    """One guide's page; review_due adds the "please double-check" notice; terms are the site
    glossary's entries the guide uses, whose first uses are marked and which 낱말 풀이 lists;
    images are the steps' pictures by file name, as checked (their pixel size and phone-sized copy)."""
    parts = outline(guide, terms)
    html = environment().get_template("guide.html.j2").render(guide=guide, outline=parts, review_due=review_due, terms=terms, images=images or {})
    return RenderedGuide(plain(guide.title), plain(guide.summary), mark_first_uses(html, terms), parts)


# Up to this many guides the home page shows every guide as a card with its summary; above it,
# groups that open on a tap and a filter box, so the page stays light at a thousand guides.
CARDS_UP_TO = 12
# What often ends a title without saying what the reader wants to do: "(…)", "방법과 절차", …
_TITLE_TAIL = re.compile(r"\s*(?:\([^()]*\)|방법과\s*절차|방법|절차|안내서?)$")


def task_name(guide: Guide) -> str:
    """What the reader wants to do with this guide: its ``task``, or its title without the
    institution's name and the words that end most titles ("방법과 절차", a note in brackets)."""
    if guide.task:
        return plain(guide.task)
    title = plain(guide.title)
    name = plain(guide.institution)
    task = title[len(name) :].strip() if title.startswith(name + " ") else title
    while (shorter := _TITLE_TAIL.sub("", task)) != task and shorter:
        task = shorter
    return task


def _grouped(guides: Sequence[Guide], name: Callable[[Guide], str]) -> list[tuple[str, list[Guide]]]:
    """Groups in 가나다 order of their names, each group's guides in the order given."""
    groups: dict[str, list[Guide]] = {}
    for guide in guides:
        groups.setdefault(name(guide), []).append(guide)
    return sorted(groups.items())


def render_home(guides: Sequence[Guide]) -> str:
    """The home page's Markdown source: every guide, by institution, and by task on a big site."""
    cards = len(guides) <= CARDS_UP_TO
    by_institution = _grouped(guides, lambda guide: plain(guide.institution))
    by_task = [] if cards else _grouped(guides, task_name)
    return environment().get_template("home.md.j2").render(cards=cards, by_institution=by_institution, by_task=by_task, total=len(guides))
