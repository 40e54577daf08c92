"""The picture a shared link shows: one per guide and one for the rest of the site, drawn only when
something on it changed.

Each PNG is kept in .cache/share-images/ under a key of the text drawn on it and the code
fingerprint (every file of the package and the library versions, Pillow's among them), like the
handouts; a guide keeps one image, since nothing on it depends on the site's address.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

from ..content.loader import GuideFile
from ..content.problems import ContentError, Problem
from ..content.text import plain_text
from ..share.card import Card, card_png, undrawable
from .cache import FileCache, cache_key, installed_fingerprint
from .workers import map_forked, may_fork

# A card takes about 25 ms to draw: below this many, starting workers costs more than it saves.
PARALLEL_FROM = 48
CHUNK = 32

FILENAME = "share.png"  # next to each guide's page
SITE_IMAGE = "assets/images/share.png"
_SITE_ENTRY = "@site"  # its cache name; no guide id starts with @


@dataclass(frozen=True)
class ShareImage:
    uri: str  # below the site root
    path: Path  # the cached PNG, linked into the site
    drawn: bool  # False when it came from the cache


def share_image_uri(loaded: GuideFile) -> str:
    return f"{loaded.guide.url}{FILENAME}"


def site_card(site_name: str, site_description: str, site_url: str) -> Card:
    address = site_url.split("://", 1)[-1].rstrip("/")
    return Card(site_name, site_description, site_name, address)


def guide_card(loaded: GuideFile, site_name: str, site_description: str) -> Card:
    return Card(plain_text(loaded.guide.title), plain_text(loaded.guide.institution), site_name, site_description)


def card_text_problems(loaded: GuideFile) -> list[Problem]:
    """One problem per character of the guide's title or institution the card's font cannot draw."""
    problems = []
    for field in ("title", "institution"):
        for character in undrawable(plain_text(getattr(loaded.guide, field))):
            problems.append(
                loaded.problem(
                    (field,),
                    f"공유 이미지에 그릴 수 없는 글자가 있습니다: '{character}' (U+{ord(character):04X})",
                    "한국어 글꼴(Noto Sans CJK KR)에 없는 글자입니다. 이 글자를 지우거나 흔히 쓰는 글자로 바꿔 주세요",
                )
            )
    return problems


def build_share_images(guides: Sequence[GuideFile], site: Card, cache_dir: Path, jobs: int | None = None) -> list[ShareImage]:
    """The site's image first, then each guide's, drawing those not in the cache (on every core
    when there are many: ``jobs`` as the plugin's option, 1 draws them here).

    Raises ContentError, after looking at every guide to draw, when some title or institution has
    a character the font cannot draw; ValueError when the site's own name or description has one.
    A cached image was checked when it was drawn (its key holds its text), so a build where
    nothing changed does not read the font's character map (about half a second).
    """
    cache = FileCache(cache_dir, ".png")
    planned = [(SITE_IMAGE, _SITE_ENTRY, site)]
    planned += [(share_image_uri(loaded), loaded.guide.id, guide_card(loaded, site.site_name, site.detail)) for loaded in guides]
    named = [(uri, entry, card, f"{entry}.{cache_key(installed_fingerprint(), *astuple(card))[:20]}") for uri, entry, card in planned]
    todo = [(entry, card, name) for _uri, entry, card, name in named if not cache.path(name).is_file()]
    to_draw = {entry for entry, _card, _name in todo}
    if _SITE_ENTRY in to_draw and (missing := undrawable(f"{site.heading}{site.detail}{site.footer}")):
        raise ValueError(", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing))
    problems = [problem for loaded in guides if loaded.guide.id in to_draw for problem in card_text_problems(loaded)]
    if problems:
        raise ContentError(problems)
    if len(todo) >= PARALLEL_FROM and may_fork(jobs):
        chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
        map_forked(functools.partial(_draw_to_cache, cache=cache), chunks, jobs)
    else:
        _draw_to_cache(todo, cache)
    drawn = {name for _entry, _card, name in todo}
    return [ShareImage(uri, cache.path(name), name in drawn) for uri, _entry, _card, name in named]


def _draw_to_cache(todo: Sequence[tuple[str, Card, str]], cache: FileCache) -> None:
    for entry, card, name in todo:
        cache.write(name, card_png(card))
        cache.keep_newest(f"{entry}.", 1)
