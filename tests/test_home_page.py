"""The home page's groups: what the reader wants to do (a guide's task, or its title cut down) and institutions."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from generator.page.render import CARDS_UP_TO, render_home, task_name
from tests.support import example, guides_in, settings_for, write_content


def _guide(tmp_path, **changes):
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": example()})
    [loaded] = guides_in(content, settings_for(content))
    return loaded.guide.model_copy(update=changes)


def test_task_is_the_guides_own_or_its_title_without_institution_and_usual_endings(tmp_path) -> None:
    guide = _guide(tmp_path, institution="KB국민은행")
    assert task_name(guide.model_copy(update={"task": "금융인증서 발급"})) == "금융인증서 발급"
    assert task_name(guide.model_copy(update={"title": "KB국민은행 금융인증서 발급 방법과 절차 (12번 예시)"})) == "금융인증서 발급"
    assert task_name(guide.model_copy(update={"title": "OTP 재발급 방법"})) == "OTP 재발급"
    assert task_name(guide.model_copy(update={"title": "절차"})) == "절차"  # never cut to nothing


def test_a_big_site_lists_each_guide_once_per_grouping_with_counts(tmp_path) -> None:
    base = _guide(tmp_path)
    guides = [
        base.model_copy(update={"id": f"g-{n}", "title": f"안내서 {n}", "institution": "가 은행" if n % 3 else "나 공단", "task": "발급" if n % 2 else "변경"})
        for n in range(CARDS_UP_TO + 1)
    ]
    html = markdown.markdown(render_home(guides).split("---", 2)[2])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".gj-filter")["hidden"] is not None
    for heading, names in (("by-task", ["발급", "변경"]), ("by-institution", ["가 은행", "나 공단"])):
        section = soup.find(id=heading).parent
        groups = section.select("details.gj-group")
        assert [g.summary.contents[0].strip() for g in groups] == names
        for group in groups:
            assert group.select_one(".gj-group__count").get_text() == f"{len(group.select('li a'))}개"
        assert sorted(a["href"] for a in section.select("li a")) == sorted(g.url for g in guides)


def test_a_small_site_shows_cards_with_summaries(tmp_path) -> None:
    guide = _guide(tmp_path)
    soup = BeautifulSoup(markdown.markdown(render_home([guide]).split("---", 2)[2]), "html.parser")
    assert soup.select_one(".gj-filter") is None and soup.select_one(".gj-card__summary") is not None
