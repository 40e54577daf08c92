"""A failed build never touches the published site: plain `mkdocs build`, whatever fails."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from generator.mkdocs_plugin.atomic import StagedSite
from tests.support import SCRIPTS, build_site, copy_project

GUIDE = Path("content/guides/kb-financial-certificate.yml")

def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file and folder below `folder`: content hash, mode and modification time."""
    found: dict[str, tuple[str, int, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        found[path.relative_to(folder).as_posix()] = (digest, info.st_mode, info.st_mtime_ns)
    return found


def leftovers(parent: Path, wait: float = 30.0) -> list[str]:
    """Staging folders still there once the replaced site's background removal has had time."""
    deadline = time.monotonic() + wait
    while True:
        found = sorted(p.name for p in parent.iterdir() if ".building-" in p.name)
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project with a post_build hook, built once successfully (builds take seconds, so once)."""
    base = tmp_path_factory.mktemp("atomic")
    project = copy_project(base / "project")
    # Stands in for any other post_build work (PDF handouts, search index); it can be told to fail.
    shutil.copy2(SCRIPTS / "post_build_hook.py", project / "post_build_hook.py")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - post_build_hook.py\n")
    site = base / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


@pytest.fixture()
def project(first_build: tuple[Path, Path], tmp_path: Path) -> Path:
    """first_build's project (with its post_build hook), copied for one test; in place of conftest's plain copy."""
    return shutil.copytree(first_build[0], tmp_path / "project")


@pytest.fixture()
def published(first_build: tuple[Path, Path], tmp_path: Path) -> Path:
    """The 'previous site/' every failure must leave alone (a copy with the same bytes and times)."""
    site = shutil.copytree(first_build[1], tmp_path / "out" / "site", symlinks=True)
    assert (site / "guides" / "kb-financial-certificate" / "index.html").is_file()
    assert (site / "written-at-post-build.txt").read_text(encoding="utf-8") == "첫 빌드"
    return site


def break_guide(project: Path) -> None:
    path = project / GUIDE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: 인증센터에 들어갑니다", "title: <script>alert(1)</script>", 1), encoding="utf-8")


def test_a_content_error_leaves_the_previous_site_byte_for_byte(project: Path, published: Path) -> None:
    before = snapshot(published)
    break_guide(project)
    result = build_site(project, published)
    assert result.returncode == 1
    assert "HTML 태그 '<script>'는 쓸 수 없습니다" in result.stderr
    assert snapshot(published) == before
    assert leftovers(published.parent) == []


def test_a_failure_after_the_pages_were_written_leaves_the_previous_site(project: Path, published: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(published)
    monkeypatch.setenv("GILJABI_TEST_FAIL_POST_BUILD", "1")
    monkeypatch.setenv("GILJABI_TEST_MARK", "실패한 빌드")
    result = build_site(project, published)
    assert result.returncode == 1
    assert "인쇄용 PDF를 만들지 못했습니다 (테스트)" in result.stderr
    assert snapshot(published) == before
    assert leftovers(published.parent) == []


def test_a_strict_mode_warning_leaves_the_previous_site(project: Path, published: Path) -> None:
    """MkDocs aborts for warnings only after every post_build handler ran, swap included."""
    before = snapshot(published)
    with (project / "content" / "about.md").open("a", encoding="utf-8") as page:
        page.write("\n[없는 페이지](missing.md)\n")
    result = build_site(project, published)
    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert snapshot(published) == before
    assert leftovers(published.parent) == []


def test_a_successful_build_replaces_the_whole_site(project: Path, published: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (published / "stale-file-from-an-old-build.html").write_text("old", encoding="utf-8")
    path = project / GUIDE
    path.write_text(path.read_text(encoding="utf-8").replace("title: 인증센터에 들어갑니다", "title: 인증센터 화면을 엽니다", 1), encoding="utf-8")
    monkeypatch.setenv("GILJABI_TEST_MARK", "두 번째 빌드")
    result = build_site(project, published)
    assert result.returncode == 0, result.stderr
    assert "인증센터 화면을 엽니다" in (published / "guides" / "kb-financial-certificate" / "index.html").read_text(encoding="utf-8")
    assert (published / "written-at-post-build.txt").read_text(encoding="utf-8") == "두 번째 빌드", "post_build output is part of the swap"
    assert not (published / "stale-file-from-an-old-build.html").exists()
    assert leftovers(published.parent) == []
    assert stat.S_IMODE(published.stat().st_mode) == 0o777 & ~_umask(), "readable by a web server, not mkdtemp's 0700"


def test_the_first_build_creates_site_dir(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "fresh" / "deeper" / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file()
    assert leftovers(site.parent) == []


# StagedSite on its own --------------------------------------------------------------------------


def test_staged_site_commit_and_discard(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")

    staged = StagedSite(target)
    (staged.folder / "new.html").write_text("new", encoding="utf-8")
    assert staged.folder.parent == tmp_path and (target / "old.html").exists()
    staged.commit()
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
    assert leftovers(tmp_path) == []

    discarded = StagedSite(target)
    (discarded.folder / "half.html").write_text("half", encoding="utf-8")
    discarded.discard()
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
    assert leftovers(tmp_path) == []


def test_staged_site_keeps_the_existing_site_for_dirty_builds(tmp_path: Path) -> None:
    target = tmp_path / "site"
    (target / "guides").mkdir(parents=True)
    (target / "guides" / "page.html").write_text("unchanged page", encoding="utf-8")
    staged = StagedSite(target, keep_existing=True)
    assert (staged.folder / "guides" / "page.html").read_text(encoding="utf-8") == "unchanged page"
    staged.discard()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
