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

from ..content.phones import digits_of, phone_numbers

_TAG = re.compile(r"(<[^>]*>)")


def link_phone_numbers(html: str, written: set[str]) -> Markup:
    """html with each of the written numbers outside a link wrapped in an <a href="tel:…">."""
    alternatives = "|".join(re.escape(number) for number in sorted(written, key=len, reverse=True))
    number = re.compile(rf"(?<![0-9A-Za-z/.:#=?&%+-])(?:{alternatives})(?![0-9A-Za-z/#=?&%+]|-[0-9]|\.[0-9])")
    out: list[str] = []
    in_link = 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            if re.match(r"<a[\s>]", part):
                in_link += 1
            elif part.startswith("</a"):
                in_link -= 1
            out.append(part)
        elif in_link or not part:
            out.append(part)
        else:
            out.append(number.sub(lambda m: f'<a class="gj-tel" href="tel:{digits_of(m.group(0))}">{m.group(0)}</a>', part))
    return Markup("".join(out))


def with_phone_links(render: Callable[[str], Markup]) -> Callable[[str], Markup]:
    """A text filter (inline, blocks) that also links the text's phone numbers."""

    def render_and_link(text: str) -> Markup:
        html = render(text)
        written = {found.written for found in phone_numbers(text)}
        return link_phone_numbers(html, written) if written else html

    return render_and_link
