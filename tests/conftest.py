"""Fixtures shared by every test file, named after what they provide; helpers live in tests/support."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.loader import GuideFile
from generator.content.model import Guide
from tests.support import CHROMIUM, CHROMIUM_ARGS, OUTPUT, add_examples, build_once, build_site, copy_project, example, real_project_built, serve, share_caches_in, site_guides

# Named example guides (tests/examples/) that the deployed test site publishes beside the real ones.
DEPLOYED_EXAMPLES = ("boho-smishing-report",)  # the editor review's guide, with a link inside its text


@pytest.fixture(scope="session", autouse=True)
def run_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A temp folder that all of this run's test processes (pytest-xdist workers) share: the sites
    they all read are built there once, and copies of the project reuse the caches of one build."""
    folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        folder = folder.parent
    share_caches_in(folder)
    return folder


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
def built_site(run_folder: Path) -> Path:
    """The real site, built once per test run with --strict into a temp folder (its project,
    .cache/ included, is the folder beside it: built_site.parent / "project")."""
    return real_project_built(run_folder)


@pytest.fixture(scope="session")
def data_site(run_folder: Path) -> Path:
    """The real site with the example guides of tests/examples/ added (one of them deliberately
    minimal), built once per test run: the pages the data-driven tests read."""

    def prepare(project: Path) -> None:
        copy_project(project)
        add_examples(project / "content")

    return build_once(run_folder / "data-site", prepare)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port); the base URL ends with '/'."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def deployed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site plus DEPLOYED_EXAMPLES, built with site_url set to where it is served, as on
    the real host: Material's instant navigation only takes over links listed in sitemap.xml, whose
    addresses come from site_url (mkdocs serve rewrites it the same way)."""
    root = tmp_path_factory.mktemp("deployed")
    site = root / "site"
    site.mkdir()
    server, url = serve(site)
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    for name in DEPLOYED_EXAMPLES:
        text = example(name)
        (project / "content" / "guides" / f"{yaml.safe_load(text)['id']}.yml").write_text(text, encoding="utf-8")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def deployed_guides(guide_files: list[GuideFile]) -> list[Guide]:
    """Every guide of the deployed site: the real ones, then DEPLOYED_EXAMPLES."""
    return [loaded.guide for loaded in guide_files] + [Guide.model_validate(yaml.safe_load(example(name))) for name in DEPLOYED_EXAMPLES]


@pytest.fixture(scope="session")
def deployed_pages(deployed_guides: list[Guide]) -> list[str]:
    """Every page of the deployed site, relative to its address: home, about, each guide, and the
    page a host serves for an unknown address."""
    return ["", "about/", *[f"guides/{guide.id}/" for guide in deployed_guides], "404.html"]


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


@pytest.fixture
def open_page(browser: Any, deployed_url: str) -> Iterator[Callable[..., Any]]:
    """Opens a page of the deployed site on a Screen (tests/support/screens.py) in a fresh context:
    its viewport, touch, default font size and colour scheme. Contexts close after the test."""
    from tests.support.screens import set_default_font

    contexts: list[Any] = []

    def make(screen: Any, path: str | None = None, *, scheme: str = "light", init_script: str | None = None, **options: Any) -> Any:
        context = browser.new_context(base_url=deployed_url, color_scheme=scheme, **screen.context_options(), **options)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(f"page error: {error}"))
        page.on("console", lambda message: message.type == "error" and page.errors.append(f"console: {message.text}"))
        if screen.font_px != 16:
            set_default_font(page, screen.font_px)
        if path is not None:
            page.goto(path)
        return page

    yield make
    for context in contexts:
        context.close()
