"""A guide page's parts in order, from the model: its headings, its table of contents, and the
names search shows for those parts, all from this one list."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.model import Guide
from ..content.text import plain


@dataclass(frozen=True)
class Part:
    """One second-level heading of a guide page: its anchor and its text (escaped HTML)."""

    id: str
    title: Markup


def outline(guide: Guide, terms: tuple[tuple[str, str], ...] = ()) -> tuple[Part, ...]:
    """The page's parts that this guide has, in page order; each has a template in templates/guide/.
    ``terms`` are the site glossary's entries the guide uses (content/glossary.py)."""
    parts = [
        ("menu-paths", "바로 가는 길", guide.menu_paths),
        ("intro", "왜 필요한가요", guide.intro),
        ("prerequisites", "준비물", True),
        ("checklists-before", "시작하기 전에 확인할 것", guide.checklists_at("before")),
        ("steps", "단계별 절차", True),
        ("checklists-after", "마친 뒤에 확인할 것", guide.checklists_at("after")),
        ("failures", "실패 원인과 주의점", guide.failures),
        ("tips", "상황별 요령", guide.tips),
        ("strategies", "대처 전략", guide.strategies),
        ("closing", guide.closing.title if guide.closing else "", guide.closing),
        ("glossary", "낱말 풀이", terms),
        ("sources", "출처와 공식 사이트", True),
    ]
    return tuple(Part(anchor, Markup(plain(title))) for anchor, title, present in parts if present)
