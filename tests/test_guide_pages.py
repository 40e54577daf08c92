"""Every piece of every guide appears in its built page, in its section, in order.

The expectations come from the data: adding a step to a guide adds it to what these tests demand.
The guides are those of content/ and the examples of tests/examples/, one of which leaves out
every part a guide may leave out, so what a guide does not have must be absent from its page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.content.loader import GuideFile
from tests.support import example_guides, not_the_subject, paragraphs, site_guides, text_of

GUIDES = (*site_guides(), *example_guides())


def squash(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def shown(element: Tag) -> str:
    """An element's text exactly as it reads: inline tags add no space, whitespace runs are one space."""
    return " ".join(element.get_text().split())


def contains(haystack: str, needle: str) -> bool:
    # get_text(" ") puts spaces around inline tags; compare without spaces next to punctuation.
    return needle.replace(" ", "") in haystack.replace(" ", "")


def section(soup: BeautifulSoup, heading_id: str) -> list[Tag]:
    """The elements between the h2 with this id and the next h2: what the reader sees as that section."""
    heading = soup.find("h2", id=heading_id)
    assert heading is not None, f"no section #{heading_id}"
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def assert_in_order(haystack: str, needles: list[str], what: str) -> None:
    flat = haystack.replace(" ", "")
    position = 0
    for needle in needles:
        flat_needle = needle.replace(" ", "")
        index = flat.find(flat_needle, position)
        assert index >= 0, f"{what}: '{needle}' is missing or out of order"
        position = index + len(flat_needle)


@pytest.fixture(scope="module", params=GUIDES, ids=lambda f: f.guide.id)
def page(request: pytest.FixtureRequest, data_site: Path) -> tuple[GuideFile, BeautifulSoup]:
    loaded: GuideFile = request.param
    html = (data_site / "guides" / loaded.guide.id / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    # A glossary word's closed explanation and its button's hidden "뜻 보기" are not text a reader
    # sees in the flow of the page (tests/test_glossary.py covers them).
    for extra in soup.select(".gj-term__note, button.gj-term .gj-visually-hidden"):
        extra.decompose()
    return loaded, soup


def test_there_is_a_real_guide_and_a_minimal_one() -> None:
    assert site_guides(), "content/guides/ has no guide"
    assert any(not (g.guide.intro or g.guide.warnings or g.guide.checklists or g.guide.failures or g.guide.tips or g.guide.strategies or g.guide.closing) for g in GUIDES)


def test_head_title_summary_facts_and_warnings(page) -> None:
    loaded, soup = page
    guide = loaded.guide
    article = soup.select_one("article.md-content__inner")
    assert squash(article.select_one(".gj-kicker")) == " · ".join((guide.institution, *guide.channels))
    assert squash(soup.find("h1")) == text_of(guide.title)
    assert soup.title is not None and text_of(guide.title) in soup.title.get_text()
    assert contains(squash(article.select_one(".gj-summary")), text_of(guide.summary))
    facts = article.select("#facts .gj-fact")
    assert [(squash(f.dt), squash(f.dd)) for f in facts] == [(text_of(f.label), text_of(f.value)) for f in guide.facts]
    boxes = article.select(".gj-warning")
    assert len(boxes) == len(guide.warnings)
    for box, warning in zip(boxes, guide.warnings):
        body = squash(box)
        assert_in_order(body, [text_of(warning.title), text_of(warning.body), *map(text_of, warning.points)], "warning")
    reviewed = article.select_one(".gj-reviewed time")
    assert reviewed["datetime"] == guide.reviewed.isoformat()


def test_related_terms_are_shown_as_related_never_as_other_names(page) -> None:
    loaded, soup = page
    terms = [text_of(term) for term in loaded.guide.related_terms]
    article = soup.select_one("article.md-content__inner")
    shown = article.select_one(".gj-related")
    if terms:
        assert squash(shown).startswith("함께 찾는 말")
        assert_in_order(squash(shown), terms, "함께 찾는 말")
    else:
        assert shown is None
    for element in article.find_all(string=re.compile("다른 ?이름")):
        block = squash(element.find_parent(["p", "li", "dd", "td", "div"]))
        assert not any(contains(block, word) for word in not_the_subject(loaded.guide)), f"'다른 이름' next to a word that is not the subject: {block}"


def test_prerequisites_in_their_section_in_order(page) -> None:
    loaded, soup = page
    items = [li for el in section(soup, "prerequisites") for li in el.select("li")]
    assert len(items) == len(loaded.guide.prerequisites)
    for item, data in zip(items, loaded.guide.prerequisites):
        assert item["id"] == f"prerequisite-{data.id}"
        assert contains(squash(item), text_of(data.text))
        if data.detail:
            assert contains(squash(item), text_of(data.detail))


def test_every_step_title_body_tip_and_note_in_order(page) -> None:
    loaded, soup = page
    steps = [li for el in section(soup, "steps") for li in el.select("li.gj-step")]
    assert [li["id"] for li in steps] == [f"step-{s.id}" for s in loaded.guide.steps]
    for number, (item, step) in enumerate(zip(steps, loaded.guide.steps), start=1):
        title = squash(item.select_one(".gj-step__title"))
        assert title.startswith(f"{number}단계")
        assert contains(title, text_of(step.title))
        assert_in_order(squash(item.select_one(".gj-step__body")), paragraphs(step.body), f"step {step.id} body")
        assert [shown(li) for li in item.select(".gj-step__tips li")] == [text_of(tip) for tip in step.tips]
        assert [shown(li) for li in item.select(".gj-step__notes li")] == [text_of(note) for note in step.notes]
        tags = squash(item.select_one(".gj-step__tags")) if item.select_one(".gj-step__tags") else ""
        assert ("선택 단계" in tags) == step.optional
        assert (f"{step.channel}에서만" in tags) if step.channel else "에서만" not in tags


@pytest.mark.parametrize(
    ("heading", "attribute", "cells"),
    [("failures", "failures", ("situation", "cause", "watch")), ("tips", "tips", ("situation", "blocker", "tip"))],
)
def test_table_rows_have_all_three_cells_in_order(page, heading: str, attribute: str, cells: tuple[str, ...]) -> None:
    loaded, soup = page
    rows_data = getattr(loaded.guide, attribute)
    if not rows_data:
        assert soup.find("h2", id=heading) is None
        return
    rows = [tr for el in section(soup, heading) for tr in el.select("tbody tr")]
    assert len(rows) == len(rows_data)
    for row, data in zip(rows, rows_data):
        assert row["id"].endswith(data.id)
        assert [squash(td) for td in row.select("td")] == [text_of(getattr(data, c)) for c in cells]
    headers = [squash(th) for el in section(soup, heading) for th in el.select("thead th")]
    assert len(headers) == 3


def test_strategies_intro_and_closing(page) -> None:
    loaded, soup = page
    guide = loaded.guide
    present = {part: soup.find("h2", id=part) is not None for part in ("strategies", "intro", "closing")}
    assert present == {"strategies": bool(guide.strategies), "intro": bool(guide.intro), "closing": bool(guide.closing)}
    if guide.strategies:
        text = " ".join(squash(el) for el in section(soup, "strategies"))
        assert_in_order(text, [p for paragraph in guide.strategies for p in paragraphs(paragraph)], "strategies")
    if guide.intro:
        text = " ".join(squash(el) for el in section(soup, "intro"))
        assert_in_order(text, paragraphs(guide.intro), "intro")
    if guide.closing:
        heading = soup.find("h2", id="closing")
        assert squash(heading) == text_of(guide.closing.title)
        text = " ".join(squash(el) for el in section(soup, "closing"))
        assert_in_order(text, paragraphs(guide.closing.body), "closing")


def test_checklist_items_are_labelled_checkboxes_with_stable_ids(page) -> None:
    loaded, soup = page
    for checklist in loaded.guide.checklists:
        box = soup.select_one(f"section.gj-checklist[data-gj-checklist='{checklist.id}']")
        assert box is not None
        assert box.find_previous("h2")["id"] == f"checklists-{checklist.when}"
        assert squash(box.select_one(".gj-checklist__title")) == text_of(checklist.title)
        inputs = box.select("input")
        assert [i["data-gj-item"] for i in inputs] == [item.id for item in checklist.items]
        for checkbox, item in zip(inputs, checklist.items):
            assert checkbox["type"] == "checkbox"
            label = checkbox.find_parent("label") or soup.find("label", attrs={"for": checkbox["id"]})
            assert label is not None, f"checkbox {item.id} has no label"
            assert squash(label) == text_of(item.text)
            if item.detail:
                described = soup.find(id=checkbox["aria-describedby"])
                assert squash(described) == text_of(item.detail)


def test_sources_link_to_their_urls_under_their_titles_and_print_them(page) -> None:
    loaded, soup = page
    items = [li for el in section(soup, "sources") for li in el.select("li")]
    assert [(li.a["href"], shown(li.a), shown(li.select_one(".gj-sources__url"))) for li in items] == [
        (source.url, text_of(source.title), source.url) for source in loaded.guide.sources
    ]


def test_edit_link_opens_the_data_file(page) -> None:
    loaded, soup = page
    edit = soup.select_one("footer a[rel=edit][href*='/edit/']")  # editors' link in the footer (test_edit_link.py)
    assert edit is not None
    assert edit["href"].endswith("/" + loaded.display)  # content/guides/<file>.yml


def test_home_page_lists_every_guide(data_site: Path) -> None:
    soup = BeautifulSoup((data_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"].rstrip("/"): squash(a.select_one(".gj-card__title")) for a in soup.select("a.gj-card__link")}
    for loaded in GUIDES:
        assert links.get(f"guides/{loaded.guide.id}") == text_of(loaded.guide.title)


def test_pages_request_no_font_or_script_from_another_origin(data_site: Path) -> None:
    for html_file in [data_site / "index.html", *[data_site / "guides" / g.guide.id / "index.html" for g in GUIDES]]:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if tag == "link" and "stylesheet" not in element.get("rel", []) and "preconnect" not in element.get("rel", []):
                    continue
                assert not url.startswith(("http://", "https://", "//")), f"{html_file}: {tag} loads {url}"
