"""Search terms that must not pass for the guide's subject: the aliases check.

A guide's ``aliases`` are other names of what it is about, and readers see them as such ("다른
이름"). Some names are easy to mix up yet name different things (a 공동인증서 is not a 금융인증서),
and a reader who is told they are the same may use the wrong one. ``check_aliases`` refuses an
alias that names a different thing than the title does, and points the editor to
``related_terms`` (함께 찾는 말), which the page and search show as related, not as the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from .loader import GuideFile
from .problems import Problem, josa

# Each group holds the names of one thing; names in different groups are different things that
# readers mix up. Add a group when a new kind of guide brings a new look-alike.
DIFFERENT_THINGS: tuple[tuple[str, ...], ...] = (
    ("금융인증서",),
    ("공동인증서", "공인인증서"),
    ("KB모바일인증서",),
)


def _compact(text: str) -> str:
    return "".join(text.split()).lower()


def things_named(text: str) -> set[int]:
    """The groups of DIFFERENT_THINGS that text names, by index."""
    flat = _compact(text)
    return {index for index, names in enumerate(DIFFERENT_THINGS) if any(_compact(name) in flat for name in names)}


def check_aliases(loaded: GuideFile) -> Iterable[Problem]:
    """An alias that names a different thing than the guide's title does."""
    guide = loaded.guide
    subject = things_named(guide.title)
    if not subject:
        return
    name = DIFFERENT_THINGS[min(subject)][0]
    for index, alias in enumerate(guide.aliases):
        if things_named(alias) - subject:
            quoted = f"'{alias}'"
            yield loaded.problem(
                ("aliases", index),
                f"검색 별칭 {josa(quoted, '은', '는')} {josa(name, '과', '와')} 다른 것입니다. 검색 별칭은 독자에게 이 안내서가 다루는 것의 다른 이름으로 보입니다",
                f"{josa(quoted, '을', '를')} aliases에서 지우고 related_terms(함께 찾는 말)에 적어 주세요",
            )
