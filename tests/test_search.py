"""Korean search, build side: what is indexed, where it points, and the files a browser reads."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.search.analysis import compact, shard_of
from generator.search.index import build_index
from generator.search.sections import Page, Section, guide_sections, material_sections
from generator.mkdocs_plugin.search_worker import worker_swapper
from tests.support import build_site, copy_project
from tests.support.search_reference import reference_compact, reference_shard


def decode(deltas: list[int]) -> list[int]:
    ids, total = [], 0
    for delta in deltas:
        total += delta
        ids.append(total)
    return ids


def read_index(site: Path) -> tuple[dict, dict]:
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return data, data["config"]["giljabi"]


def test_compact_removes_spacing_and_punctuation_only() -> None:
    assert compact("금융 인증서") == compact("금융인증서") == "금융인증서"
    assert compact("Wi-Fi에 연결하기.") == "wifi에연결하기"
    assert compact("ＫＢ스타뱅킹 ６자리") == "kb스타뱅킹6자리"
    assert compact("a_b·c") == "abc"
    assert compact("OTP_번호 (6자리)") == "otp번호6자리"
    assert compact("𝐀𠀀 é") == "a𠀀é"  # NFKC folds the mathematical A; é stays one letter


@pytest.mark.parametrize(("key", "shards", "expected"), [("카드", 1, 0), ("카드", 64, 45), ("카드", 4096, 2285), ("인증", 1024, 750), ("a", 64, 44), ("𠀀", 64, 13)])
def test_shard_of_golden_values(key: str, shards: int, expected: int) -> None:
    assert shard_of(key, shards) == expected


# The whole 32-bit hash (2**32 shards): a power-of-two count below 2**16 sees only its low bits, which
# a wrong signed/unsigned reading of the UTF-16 units would leave alone. "", "a" and "foobar" are
# FNV-1a's published test vectors; the others come from the worker's shardOf in node.
FNV_1A = [
    ("", 0x811C9DC5),
    ("a", 0xE40C292C),
    ("foobar", 0xBF9CF968),
    ("카드", 0x3CC718ED),
    ("\uffff", 0x79AEA14E),  # the last one-unit character
    ("𠀀", 0xB722598D),  # beyond U+FFFF: a surrogate pair, D840 DC00
    ("𠀀카드", 0xEC055565),
    ("\ud800", 0x0481D51F),  # a lone surrogate, which a JavaScript string may hold: its one unit
]


@pytest.mark.parametrize(("key", "expected"), FNV_1A)
def test_shard_of_is_fnv_1a_over_utf16_units(key: str, expected: int) -> None:
    assert shard_of(key, 2**32) == expected
    assert shard_of(key, 1000) == expected % 1000


def test_every_guide_section_points_at_an_element_of_its_page(built_site: Path, guide_files) -> None:
    for loaded in guide_files:
        page = guide_sections(loaded.guide)
        soup = BeautifulSoup((built_site / page.location / "index.html").read_text(encoding="utf-8"), "html.parser")
        ids = {element["id"] for element in soup.find_all(id=True)}
        anchors = [section.anchor for section in page.sections if section.anchor]
        assert anchors, loaded.display
        assert [a for a in anchors if a not in ids] == []
        assert len(anchors) == len(set(anchors))


def test_guide_sections_carry_steps_rows_items_and_aliases(guide_files) -> None:
    guide = next(f.guide for f in guide_files if f.guide.id == "kb-financial-certificate")
    page = guide_sections(guide)
    by_anchor = {section.anchor: section for section in page.sections}
    assert by_anchor[""].title == guide.title
    assert "금융인증서 갱신" in by_anchor[""].aliases
    step = guide.steps[0]
    assert by_anchor[f"step-{step.id}"].title.startswith("1단계 · ")
    assert "www.kbstar.com" in by_anchor[f"step-{step.id}"].text
    assert "**" not in by_anchor[f"step-{step.id}"].text  # Markdown is gone, text stays
    item = guide.checklists[0].items[0]
    assert by_anchor[f"check-{item.id}"].text.startswith(item.text)
    assert f"failure-{guide.failures[0].id}" in by_anchor and f"tip-{guide.tips[0].id}" in by_anchor


def test_postings_list_each_section_under_every_bigram_of_its_text() -> None:
    pages = [
        Page("a/", (Section("", "금융인증서 발급", "요약입니다", ("공인인증서",)), Section("step-1", "1단계", "보안카드나 OTP를 준비합니다"))),
        Page("b/", (Section("", "보안카드 교체", ""),)),
    ]
    index = build_index(pages)
    assert index.manifest["offsets"] == [0, 2, 3]
    shards = index.manifest["t"]
    for number, (page, section) in enumerate((p, s) for p in pages for s in p.sections):
        text = reference_compact(" ".join((section.title, section.text, *section.aliases)))
        for key in {text[i : i + 2] for i in range(len(text) - 1)}:
            postings = json.loads(index.files[f"giljabi/t/{reference_shard(key, shards)}.json"])
            assert number in decode(postings[key]), (key, section)
    card = json.loads(index.files[f"giljabi/t/{reference_shard('카드', shards)}.json"])["카드"]
    assert decode(card) == [1, 2]
    page_b = json.loads(index.files["giljabi/p/1.json"])
    assert page_b == {"l": "b/", "s": [["", "보안카드 교체", ""]]}


def test_material_sections_group_by_page_and_skip_pages() -> None:
    docs = [
        {"location": "", "title": "홈", "text": "목록"},
        {"location": "about/", "title": "소개", "text": "<p>길잡이는 &amp; 안내서</p>"},
        {"location": "about/#rules", "title": "지키는 것", "text": "<ul><li>공식 자료</li></ul>"},
    ]
    pages = list(material_sections(docs, skip={""}))
    assert [p.location for p in pages] == ["about/"]
    assert [(s.anchor, s.title, s.text) for s in pages[0].sections] == [("", "소개", "길잡이는 & 안내서"), ("rules", "지키는 것", "공식 자료")]


def test_built_site_replaces_material_index_by_a_manifest(built_site: Path) -> None:
    data, manifest = read_index(built_site)
    assert data["docs"] == []
    assert data["config"]["lang"] == ["ko"]  # Material's own keys stay for its page highlighter
    pages = len(manifest["offsets"]) - 1
    assert pages >= 2  # the guide and the about page; the home page only lists guides
    for page in range(pages):
        file = json.loads((built_site / "search" / "giljabi" / "p" / f"{page}.json").read_text(encoding="utf-8"))
        assert len(file["s"]) == manifest["offsets"][page + 1] - manifest["offsets"][page]
    assert len(list((built_site / "search" / "giljabi" / "t").glob("*.json"))) == manifest["t"]
    assert len(list((built_site / "search" / "giljabi" / "u").glob("*.json"))) == manifest["u"]


def test_pages_run_our_worker_instead_of_materials(built_site: Path) -> None:
    html = (built_site / "guides" / "kb-financial-certificate" / "index.html").read_text(encoding="utf-8")
    config = json.loads(BeautifulSoup(html, "html.parser").find(id="__config").string)
    assert "/search-worker.js?v=" in config["search"]
    worker = (built_site / "guides" / "kb-financial-certificate" / config["search"].split("?")[0]).resolve()
    assert worker.is_file()
    assert "workers/search." not in config["search"]


def test_search_dialog_has_an_accessible_name(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    dialog = soup.select_one(".md-search[role=dialog]")
    assert dialog is not None and dialog.get("aria-label") == "검색"


def test_worker_swapper_points_at_the_worker_with_its_hash(tmp_path: Path) -> None:
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    with pytest.raises(FileNotFoundError):
        worker_swapper([str(tmp_path)])
    (tmp_path / "assets" / "javascripts" / "search-worker.js").write_text("//", encoding="utf-8")
    swapped = worker_swapper([str(tmp_path)])('"search": "../assets/javascripts/workers/search.a7633da7.min.js"')
    assert swapped == '"search": "../assets/javascripts/search-worker.js?v=' + hashlib.sha256(b"//").hexdigest()[:10] + '"'


def test_search_korean_false_gives_back_materials_stock_search(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - giljabi:\n" in config
    (project / "mkdocs.yml").write_text(config.replace("  - giljabi:\n", "  - giljabi:\n      search_korean: false\n", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "giljabi" not in data["config"] and data["docs"]
    guide_pages = [doc["location"] for doc in data["docs"] if doc["location"].startswith("guides/") and "#" not in doc["location"]]
    assert guide_pages and len(guide_pages) == len(set(guide_pages)), "every guide page once in Material's own index"
    assert not (tmp_path / "site" / "search" / "giljabi").exists()
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "workers/search." in BeautifulSoup(html, "html.parser").find(id="__config").string
