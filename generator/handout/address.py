"""Where a guide's handout lives in the site, and the address its QR code opens."""

from __future__ import annotations

from ..content.model import Guide

FILENAME = "handout.pdf"


def handout_uri(guide: Guide) -> str:
    """Below the site root, next to the guide's page (its page links to it as handout.pdf)."""
    return f"{guide.url}{FILENAME}"


def page_url(site_url: str, guide: Guide) -> str:
    """The guide page's public address: what the QR code opens and the handout prints."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + guide.url
