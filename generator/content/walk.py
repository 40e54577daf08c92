"""Every piece of editor-written text in a guide, with where it stands.

The policy checks look at these texts (markup, links), and so does the handout's glyph check to
say which field holds a character no font can draw. Identifiers, channel names and dates are
not prose and are left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .problems import Loc

NOT_TEXT = frozenset({"id", "channel", "channels", "reviewed", "when", "file"})


def is_block_text(loc: Loc) -> bool:
    """Whether the text at loc is rendered as paragraphs and lists (a body), not as one line."""
    names = [part for part in loc if isinstance(part, str)]
    return names in (["intro"], ["strategies"], ["steps", "body"], ["warnings", "body"], ["closing", "body"])


def text_fields(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text of a validated guide (or part of one), in document order."""
    for name in type(model).model_fields:
        if name not in NOT_TEXT:
            yield from _texts(getattr(model, name), (*loc, name))


def _texts(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        yield from text_fields(value, loc)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def raw_text_fields(value: object, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """The same walk over a file that failed validation, so its markup and links are still checked."""
    if isinstance(value, str):
        if loc and not ({p for p in loc if isinstance(p, str)} & NOT_TEXT):
            yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from raw_text_fields(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from raw_text_fields(item, (*loc, index))
