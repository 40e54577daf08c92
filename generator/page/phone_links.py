"""Phone numbers on a guide page become tel: links a reader can tap.

Only numbers that ``generator.content.phones`` finds in the text are linked, and the policy has
already refused every such number that is not on mkdocs.yml's allow-list, so any number a reader
can tap was checked. The numbers are found in the content text, where the whole sentence tells a
service number from a quantity, and linked in the rendered HTML, outside tags and existing links.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from ..content.phones import NUMBER_AFTER, NUMBER_BEFORE, digits_of, phone_numbers
from .html_text import map_text

_IN_LINKS = frozenset({"a"})


def link_phone_numbers(html: str, written: set[str]) -> Markup:
    """html with each of the written numbers outside a link wrapped in an <a href="tel:…">."""
    alternatives = "|".join(re.escape(number) for number in sorted(written, key=len, reverse=True))
    number = re.compile(f"{NUMBER_BEFORE}(?:{alternatives}){NUMBER_AFTER}")

    def link(text: str) -> str:
        return number.sub(lambda m: f'<a class="gj-tel" href="tel:{digits_of(m.group(0))}">{m.group(0)}</a>', text)

    return map_text(html, _IN_LINKS, link)


def with_phone_links(render: Callable[[str], Markup]) -> Callable[[str], Markup]:
    """A text filter (inline, blocks) that also links the text's phone numbers."""

    def render_and_link(text: str) -> Markup:
        html = render(text)
        written = {found.written for found in phone_numbers(text)}
        return link_phone_numbers(html, written) if written else html

    return render_and_link
