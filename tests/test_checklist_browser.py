"""Checklists that remember, driven in Debian's Chromium against the real built site.

What a reader does: tick items, reload, travel by instant navigation, clear and undo,
come back after the guide's wording changed, and read the page with storage broken or
JavaScript off. Expectations come from the guide data, not from copied numbers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.loader import GuideFile
from generator.content.model import Checklist, ChecklistItem, Guide
from tests.support import build_site, copy_project, serve, shown_text

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
REWORDED = "안내서가 고쳐져, 내용이 바뀐 항목 {count}개는 체크를 풀었습니다. 다시 읽고 체크해 주세요."
UNAVAILABLE = "이 브라우저에서는 체크한 내용을 저장할 수 없어, 페이지를 떠나면 체크가 사라집니다."
CORRUPT = "저장된 체크 기록을 읽을 수 없어 처음부터 다시 체크합니다."

# Ways real browsers refuse storage. Each runs before any page script.
STORAGE_FAILURES = {
    # Chromium with site data blocked: merely reading the property throws.
    "property-throws": """
        for (const name of ["localStorage", "sessionStorage"]) {
          Object.defineProperty(window, name, {configurable: true,
            get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});
        }""",
    # Every call throws, as in old private modes.
    "every-call-throws": """
        for (const name of ["getItem", "setItem", "removeItem", "clear", "key"]) {
          Storage.prototype[name] = function () { throw new DOMException("Access denied", "SecurityError"); };
        }""",
    # Reading works, writing hits the quota.
    "quota-exceeded": """
        Storage.prototype.setItem = function () { throw new DOMException("Quota exceeded", "QuotaExceededError"); };""",
    # Android WebViews with DOM storage disabled.
    "null": """
        for (const name of ["localStorage", "sessionStorage"]) {
          Object.defineProperty(window, name, {configurable: true, value: null});
        }""",
}


def storage_key(guide: Guide) -> str:
    """The versioned per-guide key (the site is served at the server's root here)."""
    return f"giljabi.checklist.v1:/:{guide.id}"


def follow_nav_link(page: Any, name: str) -> None:
    """A click on a site navigation link; on a phone the menu is opened first."""
    menu = page.locator("label.md-header__button[for='__drawer']")
    if menu.is_visible():
        menu.click()
    page.locator(".md-sidebar--primary").get_by_role("link", name=name, exact=True).click()


@pytest.fixture(scope="module")
def guide(guide_files: list[GuideFile]) -> Guide:
    """The first guide that has a checklist."""
    return next(g.guide for g in guide_files if g.guide.checklists)


@pytest.fixture(scope="module")
def checklist(guide: Guide) -> Checklist:
    return guide.checklists[0]


class Reader:
    """One browser context (its own storage) with the errors its pages raise."""

    def __init__(self, browser: Any, base_url: str, viewport: dict[str, int], **options: Any) -> None:
        self.context = browser.new_context(viewport=viewport, base_url=base_url, **options)
        self.errors: list[str] = []
        self.page = self.new_page()

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", lambda message: message.type == "error" and self.errors.append(f"console: {message.text}"))
        return page

    def open(self, guide: Guide, page: Any = None) -> Any:
        page = page or self.page
        page.goto(f"guides/{guide.id}/")
        return page

    def tick(self, item: ChecklistItem, page: Any = None) -> None:
        # A tap on the item's text, as a reader does, not on the tiny box.
        (page or self.page).locator(f"label[for='gj-check-{item.id}'] .gj-check__text").click()

    def ticked(self, checklist: Checklist, page: Any = None) -> list[str]:
        page = page or self.page
        return [item.id for item in checklist.items if page.locator(f"#gj-check-{item.id}").is_checked()]

    def progress(self, checklist: Checklist, page: Any = None) -> str:
        return (page or self.page).locator(f"#checklist-{checklist.id} .gj-checklist__progress").inner_text()

    def stored(self, guide: Guide, page: Any = None) -> Any:
        raw = (page or self.page).evaluate("key => localStorage.getItem(key)", storage_key(guide))
        return None if raw is None else json.loads(raw)

    def wait_until_stored(self, guide: Guide, ids: set[str], page: Any) -> None:
        """Waits until `page` sees these items stored. Another tab's write reaches a tab's storage
        a moment later (each tab may be its own renderer process); the writer sees it at once."""
        page.wait_for_function(
            "([key, ids]) => { const raw = localStorage.getItem(key); if (!raw) return false;"
            " const stored = Object.keys(JSON.parse(raw)); return stored.length === ids.length && ids.every((id) => stored.includes(id)); }",
            arg=[storage_key(guide), sorted(ids)],
            timeout=5000,
        )


@pytest.fixture
def reader(browser: Any, deployed_url: str) -> Iterator[Callable[..., Reader]]:
    """Makes readers (fresh storage each) on the built site; closes them after the test."""
    made: list[Reader] = []

    def make(viewport: dict[str, int] = DESKTOP, base_url: str = deployed_url, **options: Any) -> Reader:
        made.append(Reader(browser, base_url, viewport, **options))
        return made[-1]

    yield make
    for one in made:
        one.context.close()


def test_ticks_survive_a_reload_and_a_new_tab(reader, guide: Guide, checklist: Checklist) -> None:
    me = reader(PHONE)
    me.open(guide)
    total = len(checklist.items)
    assert me.progress(checklist) == f"0 / {total} 완료"
    chosen = [checklist.items[0], checklist.items[2], checklist.items[-1]]
    for item in chosen:
        me.tick(item)
    assert me.progress(checklist) == f"3 / {total} 완료"

    me.page.reload()
    assert me.ticked(checklist) == [item.id for item in chosen]
    assert me.progress(checklist) == f"3 / {total} 완료"

    # A new tab has no form state to restore: only storage can bring the ticks back.
    tab = me.open(guide, me.new_page())
    assert me.ticked(checklist, tab) == [item.id for item in chosen]
    stored = me.stored(guide, tab)
    assert set(stored) == {item.id for item in chosen}
    assert all(len(value) == 10 for value in stored.values())  # the text hashes
    assert me.errors == []


def test_ticks_survive_instant_navigation(reader, guide: Guide, checklist: Checklist) -> None:
    me = reader(DESKTOP)
    page = me.open(guide)
    me.tick(checklist.items[1])
    me.tick(checklist.items[3])
    # Survives only if the page is never fully reloaded, i.e. navigation really is instant.
    page.evaluate("window.gjSameDocument = true")

    follow_nav_link(page, "이 사이트에 대하여")
    page.wait_for_url("**/about/")
    page.go_back()
    page.wait_for_url(f"**/guides/{guide.id}/")
    page.locator(f"#checklist-{checklist.id}[data-gj-bound]").wait_for()
    assert me.ticked(checklist) == [checklist.items[1].id, checklist.items[3].id]

    follow_nav_link(page, "홈")
    page.locator(f"a.gj-card__link[href$='guides/{guide.id}/']").click()
    page.locator(f"#checklist-{checklist.id}[data-gj-bound]").wait_for()
    assert me.ticked(checklist) == [checklist.items[1].id, checklist.items[3].id]
    assert me.progress(checklist) == f"2 / {len(checklist.items)} 완료"
    # Bound once per page view: one progress line and one reset button, not one per visit.
    assert page.locator(f"#checklist-{checklist.id} .gj-checklist__progress").count() == 1
    assert page.get_by_role("button", name="체크 모두 지우기").count() == len(guide.checklists)
    assert page.evaluate("window.gjSameDocument") is True
    assert me.errors == []


def test_reset_asks_nothing_and_can_be_undone_until_the_next_change(reader, guide: Guide, checklist: Checklist) -> None:
    me = reader(PHONE, has_touch=True)
    # Before the page loads, so every timer (Material's too) is on the controlled clock.
    me.page.clock.install()
    page = me.open(guide)
    section = page.locator(f"#checklist-{checklist.id}")
    chosen = [item.id for item in checklist.items[:3]]
    for item in checklist.items[:3]:
        me.tick(item)

    section.get_by_role("button", name="체크 모두 지우기").tap()  # no confirm() dialog to answer
    assert me.ticked(checklist) == []
    assert me.progress(checklist) == f"0 / {len(checklist.items)} 완료"
    assert me.stored(guide) is None
    undo = section.get_by_role("button", name="되돌리기")
    assert undo.is_visible()
    # Said next to the buttons, where the reader's eyes are, not only in the counter above.
    assert section.locator(".gj-checklist__cleared").inner_text() == "체크 3개를 지웠습니다."

    # A reader who looks away for a long while still finds the offer.
    page.clock.run_for(30 * 60 * 1000)
    assert undo.is_visible()
    undo.focus()
    page.keyboard.press("Enter")
    assert me.ticked(checklist) == chosen
    assert set(me.stored(guide)) == set(chosen)
    assert not undo.is_visible()  # once only
    assert section.locator(".gj-checklist__cleared").is_hidden()
    # Focus is not dropped to the top of the page when the button goes away.
    assert page.evaluate("document.activeElement.textContent") == "체크 모두 지우기"

    # The next change withdraws the offer: it would restore a stale state.
    section.get_by_role("button", name="체크 모두 지우기").tap()
    assert undo.is_visible()
    me.tick(checklist.items[5])
    assert not undo.is_visible()
    assert me.ticked(checklist) == [checklist.items[5].id]
    assert me.errors == []


def test_two_tabs_of_a_guide_stay_in_step(reader, guide: Guide, checklist: Checklist) -> None:
    me = reader(DESKTOP)
    first = me.open(guide)
    second = me.open(guide, me.new_page())
    a, b, c = checklist.items[0], checklist.items[1], checklist.items[2]

    me.tick(b, second)
    # The first tab shows the second tab's tick without a reload.
    first.locator(f"#gj-check-{b.id}:checked").wait_for()
    assert me.progress(checklist, first) == f"1 / {len(checklist.items)} 완료"

    me.tick(a, first)
    second.locator(f"#gj-check-{a.id}:checked").wait_for()
    assert set(me.stored(guide)) == {a.id, b.id}

    # A reset in one tab clears the other too; its undo brings both back everywhere.
    first.locator(f"#checklist-{checklist.id}").get_by_role("button", name="체크 모두 지우기").click()
    second.locator(f"#gj-check-{a.id}:not(:checked)").wait_for()
    assert me.ticked(checklist, second) == []
    first.locator(f"#checklist-{checklist.id}").get_by_role("button", name="되돌리기").click()
    second.locator(f"#gj-check-{b.id}:checked").wait_for()
    assert me.ticked(checklist, second) == [a.id, b.id]

    # A tab that missed the other's change (no storage event reached it) still only adds its
    # own tick to what is stored: a save merges, it never writes its stale view over it.
    deaf = me.new_page()
    deaf.add_init_script("window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true)")
    me.open(guide, deaf)
    me.tick(c, second)
    me.wait_until_stored(guide, {a.id, b.id, c.id}, deaf)
    me.tick(checklist.items[3], deaf)
    assert set(me.stored(guide, deaf)) == {a.id, b.id, c.id, checklist.items[3].id}
    me.wait_until_stored(guide, {a.id, b.id, c.id, checklist.items[3].id}, first)
    # ...and shows the merged record from then on.
    assert me.ticked(checklist, deaf) == [a.id, b.id, c.id, checklist.items[3].id]
    assert me.errors == []


def test_reworded_item_comes_back_unticked(browser: Any, tmp_path: Path, reader, guide: Guide, checklist: Checklist) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    server, url = serve(site)
    try:
        me = reader(DESKTOP, base_url=url)
        page = me.open(guide)
        for item in checklist.items:
            me.tick(item)

        # The editor rewords one item, moves another to the top and deletes a third.
        reworded, moved, removed = checklist.items[1], checklist.items[4], checklist.items[-1]
        source = project / "content" / "guides" / f"{guide.id}.yml"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        items = next(c for c in data["checklists"] if c["id"] == checklist.id)["items"]
        for entry in items:
            if entry["id"] == reworded.id:
                entry["text"] = entry["text"].rstrip(".") + " (다시 확인)."
        items.sort(key=lambda entry: entry["id"] != moved.id)
        items[:] = [entry for entry in items if entry["id"] != removed.id]
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = build_site(project, site)
        assert result.returncode == 0, result.stdout + result.stderr

        page.reload()
        order = [entry["id"] for entry in items]
        assert page.locator(f"#checklist-{checklist.id} input.gj-check__input").evaluate_all("boxes => boxes.map(b => b.dataset.gjItem)") == order
        expected = [ident for ident in order if ident != reworded.id]
        assert [ident for ident in order if page.locator(f"#gj-check-{ident}").is_checked()] == expected
        assert me.progress(checklist) == f"{len(expected)} / {len(order)} 완료"
        # The reader is told, in the list and at the item, why a tick is gone...
        section = page.locator(f"#checklist-{checklist.id}")
        assert section.locator(".gj-checklist__notice").inner_text() == REWORDED.format(count=1)
        assert page.locator(f"#check-{reworded.id} .gj-check__changed").inner_text() == "내용이 바뀐 항목입니다."
        assert section.locator(".gj-check__changed").count() == 1  # the removed item is not news
        # Storage forgets the removed item and the old wording.
        assert set(me.stored(guide)) == set(expected)
        # ...once: the next visit has nothing new to say.
        page.reload()
        assert section.locator(".gj-checklist__notice").is_hidden()
        assert section.locator(".gj-check__changed").count() == 0
        assert me.errors == []
    finally:
        server.shutdown()


@pytest.mark.parametrize("failure", sorted(STORAGE_FAILURES))
def test_broken_storage_never_breaks_the_page(reader, guide: Guide, checklist: Checklist, failure: str) -> None:
    me = reader(PHONE)
    me.context.add_init_script(STORAGE_FAILURES[failure])
    page = me.open(guide)
    section = page.locator(f"#checklist-{checklist.id}")

    me.tick(checklist.items[0])
    me.tick(checklist.items[1])
    assert me.ticked(checklist) == [checklist.items[0].id, checklist.items[1].id]
    assert me.progress(checklist) == f"2 / {len(checklist.items)} 완료"
    assert section.locator(".gj-checklist__notice").inner_text() == UNAVAILABLE
    section.get_by_role("button", name="체크 모두 지우기").click()
    section.get_by_role("button", name="되돌리기").click()
    assert len(me.ticked(checklist)) == 2

    # Material's own storage helpers, as its bundle calls them, must not throw either.
    page.evaluate("""() => {
        __md_get("__palette"); __md_set("__tabs", ["PC"]);
        __md_get("__source", sessionStorage); __md_set("__outdated", true, sessionStorage);
    }""")
    follow_nav_link(page, "이 사이트에 대하여")
    page.wait_for_url("**/about/")
    page.go_back()
    page.locator(f"#checklist-{checklist.id}[data-gj-bound]").wait_for()
    assert me.errors == []


@pytest.mark.parametrize("corrupt", ['{"check-id-card": "1', "[1, 2, 3]", "null", '"전부 완료"'])
def test_corrupted_record_starts_over_quietly(reader, guide: Guide, checklist: Checklist, corrupt: str) -> None:
    me = reader(PHONE)
    page = me.open(guide)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [storage_key(guide), corrupt])
    page.reload()
    notice = page.locator(f"#checklist-{checklist.id} .gj-checklist__notice")
    assert notice.inner_text() == CORRUPT
    assert me.ticked(checklist) == []

    me.tick(checklist.items[2])
    item_hash = page.locator(f"#gj-check-{checklist.items[2].id}").get_attribute("data-gj-hash")
    assert me.stored(guide) == {checklist.items[2].id: item_hash}
    page.reload()
    assert me.ticked(checklist) == [checklist.items[2].id]
    assert notice.is_hidden()
    assert me.errors == []


def test_without_javascript_the_checklist_is_plain_checkboxes(reader, guide: Guide, output_dir: Path) -> None:
    me = reader(PHONE, java_script_enabled=False)
    page = me.open(guide)
    page.locator(f"#checklist-{guide.checklists[0].id}").screenshot(path=output_dir / "checklist-phone-no-js.png", style=".md-header { visibility: hidden; }")
    for checklist in guide.checklists:
        section = page.locator(f"#checklist-{checklist.id}")
        for item in checklist.items:
            box = section.get_by_role("checkbox", name=shown_text(item.text), exact=True)
            assert box.count() == 1
            assert not box.is_checked()
        me.tick(checklist.items[0])
        assert section.get_by_role("checkbox", name=shown_text(checklist.items[0].text), exact=True).is_checked()
        # Controls that need the script are not shown as dead buttons.
        assert section.get_by_role("button").count() == 0
        assert section.locator(".gj-checklist__progress").count() == 0


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshots_and_tap_targets(reader, guide: Guide, checklist: Checklist, output_dir: Path, viewport: dict[str, int]) -> None:
    me = reader(viewport)
    page = me.open(guide)
    for item in checklist.items[:3]:
        me.tick(item)
    section = page.locator(f"#checklist-{checklist.id}")
    for target in [*section.locator("label.gj-check").all(), *section.get_by_role("button").all()]:
        if target.is_visible():
            box = target.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, target.inner_text()
    name = "phone" if viewport is PHONE else "desktop"
    page.goto(f"guides/{guide.id}/#checklist-{checklist.id}")  # title clear of the sticky header
    page.screenshot(path=output_dir / f"checklist-{name}.png")
    page.screenshot(path=output_dir / f"guide-{name}-full.png", full_page=True)
    section.get_by_role("button", name="체크 모두 지우기").click()
    # Material's sticky header would cover the top of an element screenshot.
    section.screenshot(path=output_dir / f"checklist-{name}-after-reset.png", style=".md-header { visibility: hidden; }")
    assert (output_dir / f"checklist-{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert me.errors == []


def test_component_stays_under_its_size_budget() -> None:
    from tests.support.js_size import BUDGETS, JAVASCRIPTS, measure

    size = measure(JAVASCRIPTS / "checklist.js")
    assert 0 < size.minified_gzip < BUDGETS["checklist"]
    # Served as written (readable), so the unminified file must fit the budget too.
    assert size.raw_gzip < BUDGETS["checklist"]
