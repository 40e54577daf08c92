"""The printable A4 handouts: built with the site, complete, in order, in Korean fonts."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from generator.build.handouts import build_handouts
from generator.build.progress import Progress
from generator.content.loader import GuideFile
from generator.content.problems import ContentError
from generator.handout.address import page_url
from generator.handout.document import MissingGlyphError, handout_html, render_document, render_pdf
from generator.handout.keepall import WORD_JOINER, keep_words
from tests.support import ROOT, build_site, copy_project, not_the_subject, run_script, shown_text

# Two A4 sheets printed on both sides: the checklists print whole where they apply, before and after the steps,
# and the safety prose (intro, 대처 전략, closing) is on paper too, at 11 pt.
MAX_PAGES = 4
HANGUL = re.compile("[\uac00-\ud7a3]")
# Not drawn by any font on a Debian machine: a Supplementary Private Use Area code point.
UNDRAWABLE = "\U000f0041"


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def site_url_config() -> str:
    return load_config(str(ROOT / "mkdocs.yml")).site_url


@pytest.fixture(scope="session")
def handouts(built_site: Path, guide_files) -> dict[str, Path]:
    """Each guide's handout as written by `mkdocs build`, by guide id."""
    return {loaded.guide.id: built_site / "guides" / loaded.guide.id / "handout.pdf" for loaded in guide_files}


@pytest.fixture(scope="session")
def seed(guide_files):
    return next(loaded for loaded in guide_files if loaded.guide.id == "kb-financial-certificate")


def test_every_guide_page_links_its_handout_at_the_top(built_site: Path, guide_files) -> None:
    for loaded in guide_files:
        page_dir = built_site / "guides" / loaded.guide.id
        soup = BeautifulSoup((page_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("a.gj-handout__link")
        assert link is not None and link.get_text(strip=True) == "인쇄용 안내문(PDF)"
        # Near the top: before the first step of the page.
        assert link in soup.select_one("h1#title").find_all_next("a") and soup.select_one("#steps") in link.find_all_next()
        target = (page_dir / link["href"]).resolve()
        assert target == (page_dir / "handout.pdf").resolve()
        assert target.read_bytes().startswith(b"%PDF-")


def test_handout_has_every_step_row_and_checklist_item_in_order(handouts, guide_files) -> None:
    for loaded in guide_files:
        guide = loaded.guide
        text = _squash(_run("pdftotext", str(handouts[guide.id]), "-"))
        assert WORD_JOINER not in text, "copying text from the PDF must give plain words"
        expected = [("title", guide.title), ("summary", guide.summary)]
        expected += [(f"facts[{f.id}]", f.value) for f in guide.facts]
        expected += [(f"warnings.points[{i}]", p) for w in guide.warnings for i, p in enumerate(w.points)]
        expected += [(f"checklists.items[{i.id}]", i.text) for c in guide.checklists_at("before") for i in c.items]
        expected += [(f"steps[{s.id}].title", s.title) for s in guide.steps]
        expected += [(f"checklists.items[{i.id}]", i.text) for c in guide.checklists_at("after") for i in c.items]
        expected += [(f"failures[{r.id}].{name}", getattr(r, name)) for r in guide.failures for name in ("situation", "cause", "watch")]
        expected += [(f"tips[{r.id}].{name}", getattr(r, name)) for r in guide.tips for name in ("situation", "blocker", "tip")]
        position = 0
        for where, markdown in expected:
            needle = _squash(shown_text(markdown))
            found = text.find(needle, position)
            assert found >= 0, f"{guide.id}: {where} is missing or out of order: {needle}"
            position = found + len(needle)


def test_handout_never_gives_a_related_term_as_another_name(handouts, guide_files) -> None:
    for loaded in guide_files:
        words = [_squash(word) for word in not_the_subject(loaded.guide)]
        for line in _run("pdftotext", str(handouts[loaded.guide.id]), "-").splitlines():
            if "다른이름" in _squash(line):
                assert not any(word in _squash(line) for word in words), f"{loaded.guide.id}: {line}"


def test_qr_caption_says_where_it_leads_and_that_it_asks_for_nothing(handouts) -> None:
    for guide_id, pdf in handouts.items():
        first_page = _squash(_run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-"))
        assert _squash("길잡이 사이트의 이 안내서가 열립니다. 어떤 정보도 묻지 않습니다.") in first_page, guide_id


def test_handout_embeds_korean_fonts_regular_and_bold(handouts) -> None:
    for guide_id, pdf in handouts.items():
        rows = _run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, f"{guide_id}: no fonts"
        fonts = [(row.split()[0], row) for row in rows]
        for name, row in fonts:
            assert "Type 3" not in row, f"{guide_id}: {name} is a Type 3 font"
            assert re.search(r"\byes\s+yes\s+yes\b", row), f"{guide_id}: {name} is not embedded as a subset with Unicode map: {row}"
        names = [name for name, _ in fonts]
        # Noto Sans CJK KR, cut to Korean before it is embedded (generator/handout/korean_font.py)
        assert any(re.search(r"\+Noto-?Sans-?CJK-?KR-?Hangul$", n, re.I) for n in names), names
        assert any(re.search(r"\+Noto-?Sans-?CJK-?KR-?Hangul-Bold$", n, re.I) for n in names), names


def test_handout_fits_its_page_budget(handouts) -> None:
    for guide_id, pdf in handouts.items():
        pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))
        assert 1 <= pages <= MAX_PAGES, f"{guide_id}: {pages} pages"


def test_qr_code_opens_the_guide_page_and_its_url_is_printed(handouts, guide_files, site_url_config, tmp_path) -> None:
    for loaded in guide_files:
        pdf = handouts[loaded.guide.id]
        expected = page_url(site_url_config, loaded.guide)
        assert expected.startswith(site_url_config) and expected.endswith(f"guides/{loaded.guide.id}/")
        image = tmp_path / loaded.guide.id
        _run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(image))
        decoded = _run("zbarimg", "--quiet", "--raw", f"{image}.png").strip()
        assert decoded == expected
        assert expected in _squash(_run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-"))


def test_every_page_has_the_footer(handouts, guide_files) -> None:
    for loaded in guide_files:
        guide, pdf = loaded.guide, handouts[loaded.guide.id]
        pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))
        reviewed = f"최종 확인일 {guide.reviewed.year}년 {guide.reviewed.month}월 {guide.reviewed.day}일"
        for number in range(1, pages + 1):
            lines = _run("pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-").strip().splitlines()
            footer = lines[-1]
            assert shown_text(guide.title) in footer and reviewed in footer, footer
            # -layout squeezes "1 / 3" to "1/3", so the spaces are optional here.
            assert re.search(rf"\b{number}\s*/\s*{pages}$", footer.rstrip()), footer


def split_words(pdf: Path, words: set[str]) -> list[str]:
    """Hangul words that pdftotext shows cut in two across a line end."""
    found = []
    lines = [line.split() for line in _run("pdftotext", str(pdf), "-").splitlines()]
    for before, after in zip(lines, lines[1:]):
        if before and after and HANGUL.search(before[-1][-1]) and HANGUL.search(after[0][0]):
            joined = before[-1] + after[0]
            if joined in words:
                found.append(f"{before[-1]} | {after[0]}")
    return found


def _words(html_text: str) -> set[str]:
    return set(BeautifulSoup(html_text.replace(WORD_JOINER, ""), "html.parser").get_text(" ").split())


def test_split_word_check_catches_splits_that_keep_words_prevents(tmp_path) -> None:
    from weasyprint import HTML

    paragraph = "금융인증서는 인터넷뱅킹과 모바일뱅킹에서 본인을 확인하는 전자 인증서이며 금융결제원의 클라우드에 보관됩니다. " * 6
    page = "<html lang=\"ko\"><body style=\"width: 52mm; font: 11pt 'Noto Sans CJK KR'\"><p>%s</p></body></html>" % paragraph
    plain_pdf, kept_pdf = tmp_path / "plain.pdf", tmp_path / "kept.pdf"
    HTML(string=page).write_pdf(plain_pdf)
    HTML(string=keep_words(page)).write_pdf(kept_pdf)
    words = _words(paragraph)
    assert split_words(plain_pdf, words), "without keep_words WeasyPrint should cut some words"
    assert split_words(kept_pdf, words) == []


def test_no_hangul_word_is_split_across_lines(handouts, guide_files, site_url_config) -> None:
    for loaded in guide_files:
        words = _words(handout_html(loaded.guide, page_url(site_url_config, loaded.guide)))
        assert split_words(handouts[loaded.guide.id], words) == [], loaded.guide.id


def _boxes(box, ancestors=()):
    yield box, ancestors
    for child in getattr(box, "children", ()):
        yield from _boxes(child, (*ancestors, box))


def _id(box) -> str | None:
    element = getattr(box, "element", None)
    return element.get("id") if element is not None else None


def test_steps_rows_and_checklists_are_never_split_across_pages(guide_files, site_url_config) -> None:
    for loaded in guide_files:
        guide = loaded.guide
        document = render_document(guide, page_url(site_url_config, guide))
        pages_of: dict[str, set[int]] = {}
        for number, page in enumerate(document.pages, start=1):
            for box, _ in _boxes(page._page_box):
                if (ident := _id(box)) is not None:
                    pages_of.setdefault(ident, set()).add(number)
        units = [f"step-{s.id}" for s in guide.steps] + [f"failure-{r.id}" for r in guide.failures]
        units += [f"tip-{r.id}" for r in guide.tips] + [f"checklist-{c.id}" for c in guide.checklists]
        for unit in units:
            assert len(pages_of.get(unit, ())) == 1, f"{guide.id}: {unit} is on pages {sorted(pages_of.get(unit, ()))}"


def test_reading_text_is_at_least_11pt(seed, site_url_config) -> None:
    document = render_document(seed.guide, page_url(site_url_config, seed.guide))
    reading = re.compile(r"^(step-|failure-|tip-|check-|fact-|prerequisite-|warning-|intro$|strategies$|closing$)")
    sizes = set()
    for page in document.pages:
        for box, ancestors in _boxes(page._page_box):
            if type(box).__name__ == "TextBox" and box.text.strip() and any(reading.match(_id(a) or "") for a in ancestors):
                sizes.add(round(box.style["font_size"] * 0.75, 2))  # px to pt
    assert sizes and min(sizes) >= 11, sorted(sizes)


def test_missing_glyph_is_an_error_naming_the_field(seed, tmp_path) -> None:
    broken = seed.guide.model_copy(update={"title": f"발급 {UNDRAWABLE} 절차"})
    with pytest.raises(MissingGlyphError) as error:
        render_pdf(broken, "https://example.org/guides/x/")
    assert error.value.characters == [UNDRAWABLE]
    with pytest.raises(ContentError) as content_error:
        build_handouts([dataclasses.replace(seed, guide=broken, digest="")], "https://example.org/", tmp_path, stream=io.StringIO())
    (problem,) = content_error.value.problems
    assert problem.file == seed.display and problem.path == "title"
    assert problem.line == seed.source.value(("title",)).line
    assert "U+F0041" in problem.message and "그릴 수 없는 글자" in problem.message
    assert list(tmp_path.glob("*.pdf")) == []


def test_build_fails_on_a_missing_glyph(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    guide = project / "content" / "guides" / "kb-financial-certificate.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("title: ", f"title: {UNDRAWABLE} ", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "인쇄용 안내문(PDF)을 만들 수 없어" in result.stderr + result.stdout
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("title: "))
    assert f"content/guides/kb-financial-certificate.yml:{line}:8: title: 인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다" in result.stderr


def test_build_without_site_url_says_what_to_write(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*$", "", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml에 site_url이 없어" in result.stderr + result.stdout


def with_guide(loaded: GuideFile, **changes: object) -> GuideFile:
    """The same file with these fields of its guide changed; digest="" so its handout key sees them."""
    return dataclasses.replace(loaded, guide=loaded.guide.model_copy(update=changes), digest="")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cache_rebuilds_only_changed_guides_with_progress_on_a_terminal(seed, tmp_path) -> None:
    other = with_guide(seed, id="second-guide")
    guides = [seed, other]
    terminal = _Terminal()
    first = build_handouts(guides, "https://example.org/", tmp_path, stream=terminal)
    assert [h.rendered for h in first] == [True, True]
    assert [h.uri for h in first] == ["guides/kb-financial-certificate/handout.pdf", "guides/second-guide/handout.pdf"]
    assert "1/2" in terminal.getvalue() and "2/2" in terminal.getvalue() and terminal.getvalue().endswith("\n")

    quiet = _Terminal()
    again = build_handouts(guides, "https://example.org/", tmp_path, stream=quiet)
    assert [h.rendered for h in again] == [False, False]
    assert [h.path for h in again] == [h.path for h in first]
    assert quiet.getvalue() == ""

    edited = with_guide(other, title="두 번째 안내서")
    changed = build_handouts([seed, edited], "https://example.org/", tmp_path, stream=io.StringIO())
    assert [h.rendered for h in changed] == [False, True]

    # A new site_url (as under `mkdocs serve`) is a new handout; the public one stays cached.
    served = build_handouts([seed], "http://127.0.0.1:8000/", tmp_path, stream=io.StringIO())
    assert [h.rendered for h in served] == [True]
    back = build_handouts([seed], "https://example.org/", tmp_path, stream=io.StringIO())
    assert [h.rendered for h in back] == [False]
    # Old versions do not pile up: at most two PDFs per guide.
    names = sorted(p.name.split(".")[0] for p in tmp_path.glob("*.pdf"))
    assert names == ["kb-financial-certificate"] * 2 + ["second-guide"] * 2


def test_progress_is_silent_off_a_terminal() -> None:
    log = io.StringIO()
    progress = Progress(5, log)
    for _ in range(5):
        progress.advance("x")
    progress.close()
    assert log.getvalue() == ""


def test_look_at_the_seed_handout(handouts, seed, output_dir: Path) -> None:
    """Page renders for a person to look at (test-output/handout-<id>-N.png)."""
    pdf = handouts[seed.guide.id]
    for old in output_dir.glob(f"handout-{seed.guide.id}-*.png"):
        old.unlink()
    _run("pdftoppm", "-png", "-r", "80", str(pdf), str(output_dir / f"handout-{seed.guide.id}"))
    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))
    assert len(list(output_dir.glob(f"handout-{seed.guide.id}-*.png"))) == pages


def test_keep_words_joins_hangul_words_only_and_keeps_markup_intact() -> None:
    j = WORD_JOINER
    html_in = '<p>인증 <strong>센터 → 개인</strong>을 &quot;보안&quot;은 www.kbstar.com <a href="https://x.kr/가">KB국민</a></p><style>p::before { content: "한글" }</style>'
    expected = (
        f'<p>인{j}증 <strong>센{j}터 → 개{j}인</strong>{j}을 &quot;{j}보{j}안{j}&quot;{j}은 www.kbstar.com '
        f'<a href="https://x.kr/가">KB{j}국{j}민</a></p><style>p::before {{ content: "한글" }}</style>'
    )
    assert keep_words(html_in) == expected


def test_handouts_in_the_site_are_hard_links_to_the_cache_not_copies(built_site: Path, handouts) -> None:
    # 1000 guides would copy 330 MB of PDFs on every build (generator/mkdocs_plugin/plugin.py LinkedFile).
    cached = {entry.stat().st_ino for entry in (built_site.parent / "project" / ".cache" / "handouts").glob("*.pdf")}
    for pdf in handouts.values():
        assert pdf.stat().st_nlink >= 2 and pdf.stat().st_ino in cached, pdf


@pytest.mark.parametrize("site_url", ["https://giljabi.github.io/giljabi/", "https://giljabi.github.io/giljabi", "http://127.0.0.1:8000/giljabi/", "https://example.org"])
def test_page_url_is_the_guide_page_joined_to_the_site_url(site_url: str, guide_files) -> None:
    from urllib.parse import urljoin

    guide = guide_files[0].guide
    assert page_url(site_url, guide) == urljoin(site_url.rstrip("/") + "/", f"guides/{guide.id}/")


def _handouts_in_workers(cache: Path, jobs: int, *extra: str) -> dict:
    return json.loads(run_script("handouts_in_workers", str(cache), str(jobs), *extra).stdout)


def _signer(pdf: str) -> int:
    return int(re.search(r"% rendered by (\d+)", pdf).group(1))  # type: ignore[union-attr]


def test_worker_processes_render_the_same_handouts_as_one_process(tmp_path: Path) -> None:
    parallel = _handouts_in_workers(tmp_path / "parallel", 2)
    serial = _handouts_in_workers(tmp_path / "serial", 1)
    signers = {_signer(h["pdf"]) for h in parallel["handouts"]}
    assert parallel["parent"] not in signers and len(signers) == 2, "two worker processes rendered them"
    assert {_signer(h["pdf"]) for h in serial["handouts"]} == {serial["parent"]}
    unsigned = [[re.sub(r"% rendered by \d+", "", h["pdf"]) for h in run["handouts"]] for run in (parallel, serial)]
    assert unsigned[0] == unsigned[1]
    assert [h["uri"] for h in parallel["handouts"]] == ["guides/kb-financial-certificate/handout.pdf", "guides/copy-2/handout.pdf", "guides/copy-3/handout.pdf"]
    # The bar counts every handout, whichever process finished it, and names the one that did.
    assert "3/3" in parallel["progress"] and "1/3" in parallel["progress"] and "copy-2" in parallel["progress"]
    again = _handouts_in_workers(tmp_path / "parallel", 2)
    assert [h["rendered"] for h in again["handouts"]] == [False] * 3 and again["progress"] == ""


def test_a_build_leaves_nothing_in_the_temporary_folder_but_the_shared_font_cut(tmp_path: Path) -> None:
    # WeasyPrint copies the Korean font (4 MB) into a temporary folder of each process that
    # renders handouts; a build must not leave that copy behind, however it ends its process.
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / ".cache" / "handouts")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = build_site(project, tmp_path / "site", env={"TMPDIR": str(temporary)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "guides" / "kb-financial-certificate" / "handout.pdf").is_file()
    assert "Exception ignored" not in result.stderr
    assert [path.name for path in temporary.iterdir()] == ["giljabi-fonts"]


def test_a_missing_glyph_found_by_a_worker_names_the_field(tmp_path: Path) -> None:
    result = _handouts_in_workers(tmp_path, 2, UNDRAWABLE)
    (problem,) = result["problems"]
    assert ": title: 인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다" in problem and "U+F0041" in problem
    assert sorted(p.name.split(".")[0] for p in tmp_path.glob("*.pdf")) == ["copy-2", "kb-financial-certificate"]


def test_characters_outside_the_korean_cut_fall_back_to_the_installed_font(seed, tmp_path: Path) -> None:
    # 韓 (a Hanja) is not in the font cut to Korean, but the installed Noto Sans CJK KR has it.
    pdf = tmp_path / "hanja.pdf"
    pdf.write_bytes(render_pdf(seed.guide.model_copy(update={"title": "韓國 금융인증서"}), "https://example.org/guides/x/"))
    names = [row.split()[0] for row in _run("pdffonts", str(pdf)).splitlines()[2:]]
    assert any(re.search(r"\+Noto-?Sans-?CJK-?KR-?Hangul$", n, re.I) for n in names), names
    assert any(re.search(r"\+Noto-?Sans-?CJK-?KR(-Bold)?$", n, re.I) for n in names), names
    assert "韓國" in _run("pdftotext", str(pdf), "-")
