"""What search indexes: one section per addressable part of a page.

Guide pages are cut along the guide's own structure (each step, table row, checklist item,
fact and warning has an anchor), finer than Material's headings, so a result lands on the
step that answers the query. Other pages reuse the sections Material's search plugin found.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..content.model import ChecklistWhen, Guide
from ..content.text import plain_text
from ..page.outline import outline


@dataclass(frozen=True)
class Section:
    """One search result: ``anchor`` is "" for the page itself (its title, summary, aliases).

    ``aliases`` are other names of the page's subject; ``related`` are terms people search
    for beside it that are not the same thing (금융인증서's 공동인증서): both find the page,
    and the result says which of the two it was found by.
    """

    anchor: str
    title: str
    text: str
    aliases: tuple[str, ...] = field(default=())
    related: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Page:
    location: str
    sections: tuple[Section, ...]


@lru_cache(maxsize=4096)  # boilerplate lines (notes, checklist items) repeat across guides
def _plain(text: str) -> str:
    return plain_text(text)


def _join(*parts: str | None) -> str:
    return " ".join(_plain(part) for part in parts if part)


def guide_sections(guide: Guide) -> Page:
    """A guide's sections, in page order, each at an id its page has (generator/page/templates/guide/)."""
    part_name = {part.id: part.title.striptags() for part in outline(guide)}
    related = tuple(_plain(term) for term in guide.related_terms)
    sections = [Section("", _plain(guide.title), _plain(guide.summary), tuple(_plain(a) for a in guide.aliases), related)]
    sections += [Section(f"fact-{fact.id}", f"한눈에 보기 · {_plain(fact.label)}", _plain(fact.value)) for fact in guide.facts]
    sections += [Section(f"warning-{n}", _plain(w.title), _join(w.body, *w.points)) for n, w in enumerate(guide.warnings, start=1)]
    if guide.menu_paths:
        routes = [" ".join([path.channel, _join(path.start), *map(_plain, path.menus)]) for path in guide.menu_paths]
        sections.append(Section("menu-paths", part_name["menu-paths"], " ".join(routes)))
    if guide.intro:
        sections.append(Section("intro", part_name["intro"], _plain(guide.intro)))
    sections += [Section(f"prerequisite-{item.id}", "준비물", _join(item.text, item.detail)) for item in guide.prerequisites]
    sections += _checklist_sections(guide, "before")
    sections += [
        Section(f"step-{step.id}", f"{n}단계 · {_plain(step.title)}", _join(step.body, *step.tips, *step.notes))
        for n, step in enumerate(guide.steps, start=1)
    ]
    sections += _checklist_sections(guide, "after")
    sections += [Section(f"failure-{row.id}", f"실패 원인 · {_plain(row.cause)}", _join(row.situation, row.watch)) for row in guide.failures]
    sections += [Section(f"tip-{row.id}", f"상황별 요령 · {_plain(row.blocker)}", _join(row.situation, row.tip)) for row in guide.tips]
    if guide.strategies:
        sections.append(Section("strategies", part_name["strategies"], _join(*guide.strategies)))
    if guide.closing:
        sections.append(Section("closing", part_name["closing"], _plain(guide.closing.body)))
    sections.append(Section("sources", part_name["sources"], " ".join(f"{_plain(s.title)} {s.url}" for s in guide.sources)))
    return Page(guide.url, tuple(sections))


def _checklist_sections(guide: Guide, when: ChecklistWhen) -> list[Section]:
    return [Section(f"check-{item.id}", _plain(c.title), _join(item.text, item.detail)) for c in guide.checklists_at(when) for item in c.items]


_TAG = re.compile(r"<[^>]+>")


def material_sections(docs: list[dict[str, str]], skip: set[str]) -> Iterator[Page]:
    """Pages from Material's search_index.json docs, grouped by page, except ``skip`` locations."""
    pages: dict[str, list[Section]] = {}
    for doc in docs:
        location, _, anchor = doc["location"].partition("#")
        if location in skip:
            continue
        text = " ".join(html.unescape(_TAG.sub(" ", doc.get("text", ""))).split())
        title = html.unescape(_TAG.sub("", doc.get("title", "")))
        pages.setdefault(location, []).append(Section(anchor, title, text))
    for location, sections in pages.items():
        if sections[0].anchor:
            sections.insert(0, Section("", sections[0].title, ""))
        yield Page(location, tuple(sections))
