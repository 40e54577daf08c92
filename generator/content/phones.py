"""What counts as a phone number in a guide's text.

A number a reader may dial must be an official one: the policy refuses any phone number that is
not on mkdocs.yml's ``phone_numbers_allowed``, and the page makes the numbers that passed into
``tel:`` links. Both find them with ``phone_numbers`` below, so every number a reader can tap was
checked. A phone number is:

- a number in a phone's shape, anywhere: an area or mobile number with hyphens or dots (02-1234-5678,
  031-123-4567, 010-1234-5678), a nationwide number (1588-1234), or the same digits run together
  (0212345678, 15881234);
- a short service number of 3 or 4 digits starting with 1 (112, 118, 1332) when its sentence
  speaks of calling (전화, 신고, 상담, 문의, 연락, 콜센터, 고객센터, 국번, ☎), the number stands
  alone and no unit follows it: "6자리", "3년", "2026년 11월", "1000원", "118명" are not numbers
  to dial.

Numbers inside a link's address or a written URL are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Not glued to other letters, digits or address characters on either side (the page's tel: links
# look for the numbers found here with the same edges).
NUMBER_BEFORE = r"(?<![0-9A-Za-z/.:#=?&%+-])"
NUMBER_AFTER = r"(?![0-9A-Za-z/#=?&%+]|-[0-9]|\.[0-9])"
_SHAPED = re.compile(
    NUMBER_BEFORE
    + r"(?:0[1-9][0-9]?[-.][0-9]{3,4}[-.][0-9]{4}|1[5-9][0-9]{2}[-.][0-9]{4}|0[1-9][0-9]{7,9}|1[5-9][0-9]{6})"
    + NUMBER_AFTER
)
_SERVICE = re.compile(NUMBER_BEFORE + r"1[0-9]{2,3}" + NUMBER_AFTER)
# A counter or unit right after a number makes it a quantity, not a number to dial.
_UNIT = re.compile(
    r"\s?(?:자리|년|개월|월|일|원|만|천|억|개|회|번째|명|쪽|시간|시|분|초|세|살|호|층|건|대|배|단계|가지|곳|장|줄|자|주|%|퍼센트|km|m\b|cm|kg|g\b|MB|KB|GB)"
)
CALL_WORDS = ("전화", "신고", "상담", "문의", "연락", "콜센터", "고객센터", "국번", "☎")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)|[.!?]")
# Link targets and written addresses: "](…)", "<https://…>", "https://…".
_ADDRESS = re.compile(r"\]\([^)]*\)|<[a-z]+:[^>\s]*>|\b[a-z]+://[^\s<>()\[\]]+", re.I)


@dataclass(frozen=True)
class PhoneNumber:
    written: str  # as the text has it, e.g. "1588-1234"
    digits: str  # what is dialled and compared with the allow-list, e.g. "15881234"
    start: int  # where it stands in the text


def digits_of(number: str) -> str:
    return re.sub(r"[^0-9]", "", number)


def phone_numbers(text: str) -> list[PhoneNumber]:
    """Every phone number in one content text, in order (see the module's rules)."""
    if not any(c.isdigit() for c in text):
        return []
    scanned = _ADDRESS.sub(lambda m: " " * len(m.group(0)), text)
    found = {m.start(): m.group(0) for m in _SHAPED.finditer(scanned)}
    for sentence in _SENTENCE.finditer(scanned):
        if not any(word in sentence.group(0) for word in CALL_WORDS):
            continue
        for match in _SERVICE.finditer(scanned, sentence.start(), sentence.end()):
            if match.start() not in found and not _UNIT.match(scanned, match.end()):
                found[match.start()] = match.group(0)
    return [PhoneNumber(written, digits_of(written), start) for start, written in sorted(found.items())]
