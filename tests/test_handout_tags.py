"""A handout a screen reader can read: a tagged PDF/UA-1 file in Korean whose structure tree has the
title and sections as headings, the steps, checklists and menu paths as lists, and the tables as
tables with their header cells. The tree is read back with poppler's `pdfinfo -struct-text`."""

from __future__ import annotations

import re
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.content.loader import GuideFile
from tests.support import shown_text


@dataclass
class Node:
    role: str
    children: list[Node] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # text content directly under this node

    def text(self) -> str:
        return "".join(self.texts) + "".join(child.text() for child in self.children)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def all(self, role: str) -> list[Node]:
        return [node for node in self.walk() if node.role == role]


def structure_tree(pdf: Path) -> Node:
    """The PDF's structure tree as poppler prints it: two spaces of indent a level, text quoted."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], check=True, capture_output=True, text=True).stdout
    root = Node("")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in out.splitlines():
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            parent.texts.append(body[1:-1] if body.endswith('"') else body[1:])
        elif body.startswith("/") or body.startswith("Object "):
            continue  # attributes and annotation references
        else:
            node = Node(body.split()[0].rstrip(":"))
            parent.children.append(node)
            stack.append((depth, node))
    assert len(root.children) == 1, f"{pdf}: no structure tree, the PDF is not tagged"
    return root.children[0]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _catalog_and_objects(pdf: Path) -> bytes:
    """Every object of the file, object streams inflated (the catalog lives in one)."""
    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.fixture(scope="module")
def tagged(built_site: Path, guide_files: list[GuideFile]) -> list[tuple[GuideFile, Path, Node]]:
    return [
        (loaded, pdf, structure_tree(pdf))
        for loaded in guide_files
        for pdf in [built_site / "guides" / loaded.guide.id / "handout.pdf"]
    ]


def test_the_handout_is_tagged_pdf_ua_1_in_korean(tagged) -> None:
    for loaded, pdf, _tree in tagged:
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), loaded.guide.id
        assert re.search(r"^PDF version:\s+1\.7$", info, re.M)
        assert f"Title:           {shown_text(loaded.guide.title)}" in info
        metadata = subprocess.run(["pdfinfo", "-meta", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert 'pdfuaid:part="1"' in metadata
        objects = _catalog_and_objects(pdf)
        assert b"/Lang (ko)" in objects
        assert b"/DisplayDocTitle true" in objects
        assert re.search(rb"/MarkInfo\s*<<\s*/Marked true", objects)


def test_headings_follow_the_handout(tagged) -> None:
    for loaded, _pdf, tree in tagged:
        guide = loaded.guide
        (h1,) = tree.all("H1")
        assert _squash(h1.text()) == _squash(shown_text(guide.title))
        h2 = [_squash(node.text()) for node in tree.all("H2")]
        expected = ["준비물", "단계별절차", "출처와공식사이트"]
        expected += [_squash(shown_text(c.title)) for c in guide.checklists]
        if guide.menu_paths:
            expected.append("바로가는길")
        for heading in expected:
            assert any(text.startswith(heading) for text in h2), f"{guide.id}: no H2 {heading} in {h2}"
        h3 = [_squash(node.text()) for node in tree.all("H3")]
        for number, step in enumerate(guide.steps, start=1):
            assert f"{number}{_squash(shown_text(step.title))}" in h3, f"{guide.id}: step {number} is not a heading"


def _list_items(tree: Node) -> list[str]:
    return [_squash(item.text()) for lst in tree.all("L") for item in lst.children if item.role == "LI"]


def test_steps_checklists_and_menu_paths_are_lists(tagged) -> None:
    for loaded, _pdf, tree in tagged:
        guide = loaded.guide
        items = _list_items(tree)
        for step in guide.steps:
            assert any(_squash(shown_text(step.title)) in item for item in items), step.id
        for checklist in guide.checklists:
            for entry in checklist.items:
                assert any(item.startswith(_squash(shown_text(entry.text))) for item in items), entry.id
        for path in guide.menu_paths:
            for menu in path.menus:
                assert any(_squash(shown_text(menu)) in item for item in items), menu
        for prerequisite in guide.prerequisites:
            assert any(item.endswith(_squash(shown_text(prerequisite.text))) or _squash(shown_text(prerequisite.text)) in item for item in items)


def test_tables_have_header_cells_and_one_row_per_entry(tagged) -> None:
    for loaded, _pdf, tree in tagged:
        guide = loaded.guide
        tables = tree.all("Table")
        facts = next(t for t in tables if _squash(shown_text(guide.facts[0].label)) in t.text())
        rows = facts.all("TR")
        assert len(rows) == len(guide.facts)
        assert all([cell.role for cell in row.children] == ["TH", "TD"] for row in rows)
        if guide.failures:
            # A table that runs over a page break is tagged as one table per page, each with its header row.
            parts = [t for t in tables if "대표실패원인" in _squash(t.text())]
            assert all([c.role for c in part.all("TR")[0].children] == ["TH"] * 3 for part in parts)
            assert sum(len(part.all("TR")) - 1 for part in parts) == len(guide.failures)


def test_the_qr_code_is_a_figure_with_alternative_text(tagged) -> None:
    for loaded, pdf, tree in tagged:
        assert len(tree.all("Figure")) == 1, loaded.guide.id
        alt = re.search(rb"/Alt\s*<feff([0-9a-f]+)>", _catalog_and_objects(pdf), re.I)
        assert alt is not None
        text = bytes.fromhex(alt.group(1).decode()).decode("utf-16-be")
        assert text.startswith("온라인 안내서로 가는 QR 코드: http") and text.endswith(f"guides/{loaded.guide.id}/")
