"""The plugin's options in mkdocs.yml (``plugins: - giljabi: …``), declared once with defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..content.phones import digits_of
from ..content.policy import ContentPolicy, today_in_korea


class GiljabiConfig(base.Config):
    """Options of the giljabi plugin. Add an option here, with a comment saying why it exists."""

    # Links: the only domains a guide may link to or name. A guide about handing over
    # banking credentials must never carry a look-alike domain slipped in by a pull request, so
    # the default is none at all and mkdocs.yml lists the official sites explicitly.
    links_allowed_domains = c.ListOfItems(c.Type(str), default=[])
    # Phone numbers: the only numbers a guide may give, each made a tel: link on the page. A scam
    # number in a pull request must never reach a reader who taps it, so, as with the domains, the
    # default is none. Written as in the text ("1332", "1588-1234"); compared by their digits.
    phone_numbers_allowed = c.ListOfItems(c.Type((str, int)), default=[])
    # Review: a guide whose `reviewed` date is older than this many months gets a
    # warning from `check` and a "내용 확인이 필요할 수 있습니다" notice on its page.
    review_max_age_months = c.Type(int, default=12)
    # Search: false keeps Material's stock search index and worker, which split Korean
    # on spaces only; the search evaluation builds the site both ways to compare them.
    search_korean = c.Type(bool, default=True)
    # Readers: where "잘못된 내용 알리기" in every page's footer leads (https:// or mailto:).
    # {url} and {title} become the page's address and title, URL-encoded. Empty: no such link.
    report_url = c.Type(str, default="")
    # Build: processes that compile guides missing from the cache (.cache/guides/);
    # 0 means one per CPU core. Set 1 where worker processes are unwelcome.
    jobs = c.Type(int, default=0)


def content_policy(options: GiljabiConfig, content_dir: Path, today: dt.date | None = None) -> ContentPolicy:
    """The site's rules for guides, as the plugin's options set them: for the build and `check` alike."""
    return ContentPolicy(
        allowed_domains=tuple(d.strip().rstrip(".").lower() for d in options.links_allowed_domains),
        allowed_phone_numbers=tuple(digits_of(str(number)) for number in options.phone_numbers_allowed),
        review_max_age_months=options.review_max_age_months,
        today=today or today_in_korea(),
        content_dir=content_dir,
    )
