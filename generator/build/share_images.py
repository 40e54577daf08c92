"""The picture a shared link shows: one per guide and one for the rest of the site, drawn only when
something on it changed.

Each PNG is kept in .cache/share-images/ under a key of the text drawn on it and the code
fingerprint (every file of the package and the library versions, Pillow's among them), like the
handouts; a guide keeps one image, since nothing on it depends on the site's address.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

from ..content.loader import GuideFile
from ..content.problems import ContentError, Problem
from ..content.text import plain_text
from ..share.card import Card, card_png, undrawable
from .cache import FileCache, cache_key, installed_fingerprint

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


def undrawable_problems(loaded: GuideFile) -> list[Problem]:
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


def build_share_images(guides: Sequence[GuideFile], site: Card, cache_dir: Path) -> list[ShareImage]:
    """The site's image first, then each guide's, drawing those not in the cache.

    Raises ContentError, after looking at every guide, when some title or institution has a
    character the font cannot draw; ValueError when the site's own name or description has one.
    """
    if missing := undrawable(f"{site.heading}{site.detail}{site.footer}"):
        raise ValueError(", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing))
    problems = [problem for loaded in guides for problem in undrawable_problems(loaded)]
    if problems:
        raise ContentError(problems)
    cache = FileCache(cache_dir, ".png")
    planned = [(SITE_IMAGE, _SITE_ENTRY, site)]
    planned += [(share_image_uri(loaded), loaded.guide.id, guide_card(loaded, site.site_name, site.detail)) for loaded in guides]
    images = []
    for uri, entry, card in planned:
        name = f"{entry}.{cache_key(installed_fingerprint(), *astuple(card))[:20]}"
        drawn = not cache.path(name).is_file()
        if drawn:
            cache.write(name, card_png(card))
            cache.keep_newest(f"{entry}.", 1)
        images.append(ShareImage(uri, cache.path(name), drawn))
    return images
