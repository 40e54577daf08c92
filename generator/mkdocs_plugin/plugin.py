"""The giljabi MkDocs plugin: wires MkDocs' events to the build (``generator.build``).

on_files compiles the guides (from the cache where it can), adds a page and a handout for each
and the home page, and starts the search index; on_env gives Material's templates our labels
and search worker; on_post_build finishes the search files once Material has indexed the rest.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..build.cache import FolderCache, link_or_copy
from ..build.collector import collector_paused
from ..build.compile import Compiled, Settings, Stats, compile_all
from ..build.handouts import build_handouts
from ..build.images import phone_copies
from ..build.share_images import SITE_IMAGE, build_share_images, share_image_uri, site_card
from ..build.search_job import SearchJob, guides_part, search_key
from ..content.check import sorted_problems
from ..content.problems import ContentError, Problem
from ..content.text import plain_text
from ..page.render import RenderedGuide, render_home
from ..search.synonyms import FILE as SYNONYMS_FILE
from ..search.synonyms import read_synonyms
from ..share.card import FontMissingError
from ..share.icon import PNG_ICON, TOUCH_ICON, icon_files
from .assets import minify_assets
from .config import GiljabiConfig, content_policy
from .guide_page import GuidePage
from .labels import label_lookup
from .material_markup import valid_toggles
from .rendered_once import RenderedOnce
from .report import BAD_REPORT_URL, SCHEMES, report_href
from .search_worker import WORKER, worker_swapper

log = logging.getLogger("mkdocs.plugins.giljabi")

# Next to mkdocs.yml; what each folder in it holds is in README (Build caches).
CACHE_FOLDER = ".cache"

SITE_URL_MISSING = (
    "mkdocs.yml에 site_url이 없어 인쇄용 안내문의 QR 코드에 넣을 주소를 알 수 없습니다 — "
    "site_url: https://example.org/giljabi/ 처럼 사이트의 공개 주소를 적어 주세요"
)


class LinkedFile(File):
    """A file MkDocs puts in the site as a hard link to its source (a cached handout), not a copy."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        # os rather than pathlib: two of these a guide (the handout and the share card)
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        link_or_copy(self.abs_src_path, self.abs_dest_path)


def compile_site_guides(options: GiljabiConfig, docs_dir: Path, root: Path) -> tuple[list[Compiled], list[Problem], Stats]:
    """The site's guides compiled as its options say, through its cache: for the build and `check` alike.

    The search synonyms (content/synonyms.yml) are checked with them, so every problem shows at once.
    """
    settings = Settings(content_policy(options, docs_dir), root, search=options.search_korean)
    _synonyms, synonym_problems = read_synonyms(docs_dir, root)
    try:
        compiled, problems, stats = compile_all(docs_dir, settings, cache_dir=root / CACHE_FOLDER / "guides", jobs=options.jobs or None)
    except ContentError as error:
        raise ContentError(sorted_problems([*error.problems, *synonym_problems])) from None
    if synonym_problems:
        raise ContentError(sorted_problems([*problems, *synonym_problems]))
    return compiled, problems, stats


def front_matter(page: RenderedGuide, share_image: str, *, hide_from_material_search: bool) -> str:
    """The page file's whole text: its title, description and share image for the theme, and no body."""
    lines = [
        "---",
        f"title: {json.dumps(page.title, ensure_ascii=False)}",
        f"description: {json.dumps(page.description, ensure_ascii=False)}",
        f"share_image: {json.dumps(share_image)}",  # overrides/partials/share.html
    ]
    if hide_from_material_search:  # the Korean index is made from the guide's data instead
        lines.append("search: {exclude: true}")
    return "\n".join([*lines, "---", ""])


class GiljabiPlugin(BasePlugin[GiljabiConfig]):
    """Adds one page and one handout per guide in <docs_dir>/guides/, and the home page listing them."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.compiled: list[Compiled] = []
        self.stats = Stats()
        self.search: SearchJob | None = None
        self.search_digest = ""  # the guides' and the synonyms': names their search files in the cache
        root = Path(config.config_file_path).parent if config.config_file_path else Path(config.docs_dir).parent
        self.cache_root = root / CACHE_FOLDER
        self.search_cache = FolderCache(self.cache_root / "search")
        if self.config.report_url and not self.config.report_url.startswith(SCHEMES):
            raise PluginError(BAD_REPORT_URL.format(value=self.config.report_url))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # What is made here (the compiled guides, their pages, the files) lives until the build
        # ends. Python's collector would scan it again and again as it grows, so it is off
        # while it is made (about 0.2 s of a warm 1000-guide build's CPU); then it stops looking
        # through it while the pages are rendered (0.3 s), until post_build hands it back.
        with collector_paused():
            files = self._add_guides(files, config)
        gc.freeze()
        return files

    def _add_guides(self, files: Files, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        try:
            self.compiled, warnings, self.stats = compile_site_guides(self.config, docs_dir, self.cache_root.parent)
        except ContentError as error:
            raise PluginError("내용 파일에 고칠 곳이 있어 사이트를 만들지 않았습니다.\n" + error.report()) from None
        stats = self.stats
        log.debug(f"guides: {stats.cached} from the cache, {stats.compiled} compiled by {stats.workers} process(es), {stats.pruned} stale entries pruned")
        for problem in warnings:
            log.info(str(problem))

        for file in list(files):
            if (file.src_uri.startswith("guides/") and file.src_uri.endswith(".yml")) or file.src_uri == SYNONYMS_FILE:
                files.remove(file)
        guides = [compiled.file for compiled in self.compiled if compiled.file is not None]
        for compiled in self.compiled:
            assert compiled.file is not None and compiled.page is not None
            source = front_matter(compiled.page, share_image_uri(compiled.file), hide_from_material_search=self.config.search_korean)
            file = File.generated(config, compiled.file.guide.page_src, content=source, inclusion=InclusionLevel.NOT_IN_NAV)
            file.edit_uri = compiled.file.path.relative_to(docs_dir.resolve()).as_posix()
            GuidePage(file, config, compiled.page)
            files.append(file)
        if not config.site_url:
            raise PluginError(SITE_URL_MISSING)
        try:  # the PDFs come from the cache in .cache/handouts/ unless something that shapes them changed
            handouts = build_handouts(guides, config.site_url, cache_dir=self.cache_root / "handouts", jobs=self.config.jobs or None)
        except ContentError as error:
            raise PluginError("인쇄용 안내문(PDF)을 만들 수 없어 사이트를 만들지 않았습니다.\n" + error.report()) from None
        for handout in handouts:
            files.append(LinkedFile.generated(config, handout.uri, abs_src_path=str(handout.path)))
        for uri, path in phone_copies(self.compiled, self.cache_root / "images"):
            files.append(LinkedFile.generated(config, uri, abs_src_path=str(path)))
        site = site_card(config.site_name, config.site_description or "", config.site_url)
        try:  # from the cache in .cache/share-images/ unless a title changed
            images = build_share_images(guides, site, cache_dir=self.cache_root / "share-images", jobs=self.config.jobs or None)
        except ContentError as error:
            raise PluginError("공유 이미지를 만들 수 없어 사이트를 만들지 않았습니다.\n" + error.report()) from None
        except ValueError as error:
            raise PluginError(f"mkdocs.yml의 site_name이나 site_description에 공유 이미지에 그릴 수 없는 글자가 있습니다: {error} — 그 글자를 지우거나 바꿔 주세요") from None
        except FontMissingError as error:
            raise PluginError(str(error)) from None
        for image in images:
            files.append(LinkedFile.generated(config, image.uri, abs_src_path=str(image.path)))
        for uri, data in icon_files().items():
            files.append(File.generated(config, uri, content=data))
        # extra_javascript entries are ExtraScriptValue objects; str() is their path.
        minify_assets(files, [*config.extra_css, *map(str, config.extra_javascript), WORKER], config)
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=render_home([loaded.guide for loaded in guides])))
        if self.config.search_korean:  # the guides' part of the index is made on another core while MkDocs renders
            # ... unless these guides' search files are in the cache (a rebuild where no guide
            # changed): then nothing is started, and should the hand-written pages have changed
            # after all, post_build makes the index in this process.
            synonyms, _problems = read_synonyms(docs_dir, self.cache_root.parent)  # checked above
            self.search_digest = stats.digest and hashlib.sha256(f"{stats.digest}{synonyms.digest}".encode()).hexdigest()
            cached = bool(self.search_digest) and self.search_cache.has(guides_part(self.search_digest))
            pages = [page for compiled in self.compiled if (page := compiled.search_page())]
            self.search = SearchJob(pages, Path(config.site_dir), 1 if cached else (self.config.jobs or None), synonyms)
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Material's 45 templates are otherwise compiled anew by every build and every `mkdocs
        # serve` reload; Jinja checks each cached template against its source.
        (self.cache_root / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.cache_root / "jinja"))
        env.globals["giljabi_label"] = label_lookup(env, config.theme["language"])  # overrides/partials/language.html
        # overrides/partials/share.html, site-icons.html, copyright.html and 404.html
        env.globals["giljabi_share_image"] = SITE_IMAGE
        env.globals["giljabi_icons"] = {"png": PNG_ICON, "touch": TOUCH_ICON}  # the SVG is theme.favicon
        env.globals["giljabi_report_url"] = self._report_url
        env.globals["giljabi_guides"] = [
            {"title": plain_text(c.file.guide.title), "institution": plain_text(c.file.guide.institution), "url": c.file.guide.url}
            for c in self.compiled
            if c.file is not None
        ]
        rendered_once = RenderedOnce()  # overrides/main.html, partials/nav.html, search.html and toc.html
        env.globals["giljabi_same_nearby"] = rendered_once.same_nearby
        env.globals["giljabi_same_on_page"] = rendered_once.same_on_page
        # overrides/main.html pipes Material's __config block through this filter.
        env.filters["giljabi_search_worker"] = worker_swapper(config.theme.dirs) if self.config.search_korean else (lambda rendered: rendered)
        return env

    def _report_url(self, page: Page | None, config: MkDocsConfig) -> str:
        """Where "잘못된 내용 알리기" leads from this page (None: the 404 page), or "" for no link."""
        if not self.config.report_url:
            return ""
        if page is None or page.is_homepage:
            return report_href(self.config.report_url, config["site_url"], config["site_name"])
        return report_href(self.config.report_url, page.canonical_url, str(page.title))

    def on_post_page(self, output: str, *, page: object, config: MkDocsConfig) -> str:
        return valid_toggles(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return valid_toggles(output_content)  # 404.html is a theme template, not a page

    @event_priority(-100)  # after Material's search plugin has written search/search_index.json
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # `mkdocs serve` keeps the process: the next build's collector may free this one's
        if not self.config.search_korean:
            return
        search_dir = Path(config.site_dir) / "search"
        # The same guides and the same hand-written pages (Material's index of them) make the
        # same search files: then they come from .cache/search/ instead of being rebuilt.
        key = search_key(self.search_digest, search_dir / "search_index.json")
        job, self.search = self.search, None
        assert job is not None
        if key and self.search_cache.restore(key, search_dir):
            job.cancel()
            return
        job.finish()
        if key:
            self.search_cache.store(key, search_dir)

    @event_priority(100)  # before giljabi-atomic removes the staging folder
    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        # getattr: MkDocs reports a failure in an earlier plugin's on_config before ours has run.
        if getattr(self, "search", None) is not None:
            self.search.cancel()
            self.search = None
