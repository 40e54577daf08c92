"""What a shared link shows, and the site's own icons.

Every page carries Open Graph and Twitter card tags whose image is a real 1200×630 PNG of the
site: a guide's own card (its title and institution in Noto Sans CJK KR, never an empty box),
else the site's. The cards are cached like the handouts. The icons are the site's own, drawn
from one design, and the home page's title is just the site's name.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops

from generator.build.share_images import PARALLEL_FROM, SITE_IMAGE, build_share_images, guide_card, site_card
from generator.content.loader import GuideFile
from generator.content.problems import ContentError
from generator.content.text import plain_text
from generator.share import card as cards
from generator.share.card import HEADING_LINES, MARGIN, WIDTH, card_png, heading_lines, undrawable
from tests.support import run_script

SITE = "https://giljabi.github.io/giljabi/"
UNDRAWABLE = "\U000f0041"  # a Supplementary Private Use Area code point: in no font
LONG_TITLE = "해외에 있을 때 휴대폰 번호가 바뀐 상태에서 국민은행 금융인증서를 다른 기기로 옮기고 다시 발급받는 방법과 절차 그리고 주의할 점과 자주 묻는 질문"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(html: BeautifulSoup, key: str) -> str:
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    assert tag is not None, f"no <meta> {key}"
    return tag["content"]


def site_file(built_site: Path, url: str) -> Path:
    assert url.startswith(SITE), url
    return built_site / url.removeprefix(SITE)


@pytest.fixture(scope="module")
def seed(guide_files: list[GuideFile]) -> GuideFile:
    return next(loaded for loaded in guide_files if loaded.guide.id == "kb-financial-certificate")


def test_every_page_has_preview_tags_whose_image_is_in_the_site(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 4
    for path in pages:
        html = soup(path)
        for key in ("og:title", "og:description", "twitter:title", "twitter:description", "og:image:alt"):
            assert meta(html, key).strip(), (path, key)
        assert meta(html, "twitter:card") == "summary_large_image"
        assert meta(html, "og:image") == meta(html, "twitter:image")
        with Image.open(site_file(built_site, meta(html, "og:image"))) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
        canonical = html.find("link", rel="canonical")
        if canonical is not None:
            assert meta(html, "og:url") == canonical["href"]


def test_a_guide_page_shares_its_own_card(built_site: Path, guide_files: list[GuideFile]) -> None:
    for loaded in guide_files:
        html = soup(built_site / loaded.guide.url / "index.html")
        assert meta(html, "og:type") == "article"
        assert meta(html, "og:title") == plain_text(loaded.guide.title)
        assert meta(html, "og:description") == html.find("meta", attrs={"name": "description"})["content"]
        assert meta(html, "og:image") == f"{SITE}{loaded.guide.url}share.png"
        assert meta(html, "og:url") == f"{SITE}{loaded.guide.url}"


def test_the_home_page_is_titled_with_the_site_name_alone(built_site: Path) -> None:
    html = soup(built_site / "index.html")
    assert html.title.get_text() == "길잡이"
    assert (meta(html, "og:title"), meta(html, "og:type")) == ("길잡이", "website")
    assert meta(html, "og:image") == SITE + SITE_IMAGE
    assert soup(built_site / "about" / "index.html").title.get_text() == "이 사이트에 대하여 - 길잡이"


def test_the_site_has_its_own_icons_and_theme_colour(built_site: Path) -> None:
    import material

    material_icon = (Path(material.__file__).parent / "templates" / "assets" / "images" / "favicon.png").read_bytes()
    for path in (built_site / "index.html", built_site / "guides" / "kb-financial-certificate" / "index.html", built_site / "404.html"):
        html = soup(path)
        assert meta(html, "theme-color") == "#1e4f7a"
        icons = {" ".join(link["rel"]) + link.get("sizes", ""): link["href"] for link in html.find_all("link", rel=["icon", "apple-touch-icon"])}
        assert set(icons) == {"icon", "icon48x48", "apple-touch-icon"}
        files = {kind: (path.parent / href).resolve() if not href.startswith("/") else built_site / href.removeprefix("/giljabi/") for kind, href in icons.items()}
        assert files["icon"].read_text(encoding="utf-8").startswith("<svg")
        for kind, size in (("icon48x48", 48), ("apple-touch-icon", 180)):
            data = files[kind].read_bytes()
            assert data != material_icon
            with Image.open(io.BytesIO(data)) as image:
                assert (image.format, image.size) == ("PNG", (size, size))


def test_a_heading_keeps_its_words_whole_and_fits_three_lines() -> None:
    size, lines = heading_lines("국민은행 금융인증서 발급 방법과 절차")
    assert size == max(cards.HEADING_SIZES) and " ".join(lines) == "국민은행 금융인증서 발급 방법과 절차" and len(lines) == 2
    size, lines = heading_lines(LONG_TITLE)
    font = cards._font("bold", size)
    assert len(lines) <= HEADING_LINES and all(font.getlength(line) <= WIDTH - 2 * MARGIN for line in lines)
    assert all(word in LONG_TITLE.split() for line in lines[:-1] for word in line.split())


def test_every_character_of_every_card_has_a_real_shape(guide_files: list[GuideFile]) -> None:
    # Drawn with the card's fonts, each character must differ from the empty box (.notdef).
    texts = [text for loaded in guide_files for text in (guide_card(loaded, "길잡이", "설명").heading, loaded.guide.institution)]
    for weight in ("bold", "regular"):
        font = cards._font(weight, 40)
        box = font.getmask(UNDRAWABLE)
        for character in {c for text in texts for c in text if not c.isspace()}:
            mask = font.getmask(character)
            assert mask.size != box.size or ImageChops.difference(Image.frombytes("L", mask.size, bytes(mask)), Image.frombytes("L", box.size, bytes(box))).getbbox(), character
    assert undrawable(f"가 {UNDRAWABLE}") == [UNDRAWABLE]


def test_a_title_the_font_cannot_draw_is_an_error_naming_the_field(seed: GuideFile, tmp_path: Path) -> None:
    broken = dataclasses.replace(seed, guide=seed.guide.model_copy(update={"institution": f"KB{UNDRAWABLE}"}), digest="")
    with pytest.raises(ContentError) as error:
        build_share_images([broken], site_card("길잡이", "설명", SITE), tmp_path)
    (problem,) = error.value.problems
    assert (problem.file, problem.path, problem.line) == (seed.display, "institution", seed.source.value(("institution",)).line)
    assert "공유 이미지에 그릴 수 없는 글자가 있습니다" in problem.message and "U+F0041" in problem.message
    assert list(tmp_path.glob("*.png")) == []


def test_cards_come_from_the_cache_until_their_text_changes(seed: GuideFile, tmp_path: Path) -> None:
    site = site_card("길잡이", "금융 절차를 한 단계씩 따라 하는 한국어 안내서", SITE)
    first = build_share_images([seed], site, tmp_path)
    assert [image.uri for image in first] == [SITE_IMAGE, f"{seed.guide.url}share.png"] and all(image.drawn for image in first)
    again = build_share_images([seed], site, tmp_path)
    assert not any(image.drawn for image in again) and [i.path for i in again] == [i.path for i in first]
    renamed = dataclasses.replace(seed, guide=seed.guide.model_copy(update={"title": "새 제목"}), digest="")
    changed = build_share_images([renamed], site, tmp_path)
    assert [image.drawn for image in changed] == [False, True]
    assert len(list(tmp_path.glob(f"{seed.guide.id}.*.png"))) == 1  # the old card is gone


def test_look_at_the_share_cards(seed: GuideFile, output_dir: Path) -> None:
    site = site_card("길잡이", "금융 절차를 한 단계씩 따라 하는 한국어 안내서", SITE)
    for name, card in (("share-guide.png", guide_card(seed, "길잡이", site.detail)), ("share-site.png", site), ("share-long.png", dataclasses.replace(site, heading=LONG_TITLE))):
        data = card_png(card)
        (output_dir / name).write_bytes(data)
        with Image.open(io.BytesIO(data)) as image:
            heading_area = image.convert("L").crop((MARGIN, 190, WIDTH - MARGIN, 300))
            assert heading_area.getextrema()[0] < 60  # dark heading text is drawn there


def _cards_in_workers(cache: Path, jobs: int, count: int) -> dict:
    return json.loads(run_script("share_images_in_workers", str(cache), str(jobs), str(count)).stdout)


def test_many_cards_are_drawn_by_worker_processes_exactly_as_by_one(tmp_path: Path) -> None:
    count = PARALLEL_FROM + 2
    parallel = _cards_in_workers(tmp_path / "parallel", 2, count)
    serial = _cards_in_workers(tmp_path / "serial", 1, count)
    assert parallel["parent"] not in parallel["signers"] and len(parallel["signers"]) == 2
    assert serial["signers"] == [serial["parent"]]
    assert parallel["images"] == serial["images"] and len(parallel["images"]) == count + 1
