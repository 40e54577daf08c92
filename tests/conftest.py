"""Fixtures shared by every test file, named after what they provide; helpers live in tests/support."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.content.loader import GuideFile
from tests.support import CHROMIUM, CHROMIUM_ARGS, OUTPUT, ROOT, build_site, copy_project, serve, site_guides


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/: screenshots, PDF page renders and other artefacts to look at."""
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def guide_files() -> list[GuideFile]:
    """Every guide in content/, compiled as the site build compiles it."""
    return list(site_guides())


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the real project (mkdocs.yml, content, overrides) that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with --strict into a temp folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port); the base URL ends with '/'."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (Playwright cannot download browsers here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./dev test installs Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
