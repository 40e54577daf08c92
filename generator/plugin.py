"""MkDocs plugin: only wires MkDocs events to the loader and the renderer."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from .checks import ContentPolicy
from .config import GiljabiConfig
from .handout import SITE_URL_MISSING, build_handouts
from .labels import label_lookup
from .loader import GuideFile
from .passthrough import SetAside, set_aside, skip_markdown
from .outputcache import FolderCache, link_or_copy
from .pipeline import Compiled, Settings, Stats, compile_all, guide_files
from .problems import ContentError
from .render import guide_src_uri, render_home
from .search.site import Pending, index_site, start_index, worker_swapper

log = logging.getLogger("mkdocs.plugins.giljabi")


def search_key(guides_digest: str, material_index: Path) -> str:
    """Names the search files made from these guides and Material's index of the other pages.

    The guides' part comes first, so a build knows from its guides alone, before Material has
    indexed anything, whether the files are probably in the cache.
    """
    if not guides_digest or not material_index.is_file():
        return ""
    return f"{guides_part(guides_digest)}{hashlib.sha256(material_index.read_bytes()).hexdigest()[:16]}"


def guides_part(guides_digest: str) -> str:
    return f"{guides_digest[:24]}-"


class LinkedFile(File):
    """A file MkDocs puts in the site as a hard link to its source, not as a copy.

    For handouts from the cache: a 1000-guide site would otherwise copy 330 MB of PDFs on
    every build, and deleting the previous site's copies costs seconds on some disks.
    Falls back to copying where links cannot be made (another file system, Windows shares).
    """

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        output = Path(self.abs_dest_path)
        output.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(self.abs_src_path, output)


class GiljabiPlugin(BasePlugin[GiljabiConfig]):
    """Adds one page per guide in <docs_dir>/guides/ and the home page listing them."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.compiled: list[Compiled] = []
        self.by_page: dict[str, Compiled] = {}
        self.stats = Stats()
        self.guides: list[GuideFile] = []
        self.set_aside: dict[str, SetAside] = {}
        self.search: Pending | None = None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
        policy = ContentPolicy.from_options(self.config, content_dir=docs_dir, root=root)
        settings = Settings(policy, root, search=self.config.search_korean)
        try:  # each guide comes from the cache in .cache/guides/ unless it (or our code) changed
            self.compiled, warnings, self.stats = compile_all(docs_dir, settings, cache_dir=root / ".cache" / "guides", jobs=self.config.jobs or None)
        except ContentError as error:
            raise PluginError("내용 파일에 고칠 곳이 있어 사이트를 만들지 않았습니다.\n" + error.report()) from None
        stats = self.stats
        log.debug(f"guides: {stats.cached} from the cache, {stats.compiled} compiled by {stats.workers} process(es)")
        self.cache_root = root / ".cache"
        self.search_cache = FolderCache(self.cache_root / "search")
        self.guides = guide_files(self.compiled)
        for problem in warnings:
            log.info(str(problem))

        for file in list(files):
            if file.src_uri.startswith("guides/") and file.src_uri.endswith(".yml"):
                files.remove(file)
        self.by_page = {guide_src_uri(compiled.file.guide): compiled for compiled in self.compiled}
        for compiled in self.compiled:
            loaded = compiled.file
            page = File.generated(config, guide_src_uri(loaded.guide), content=compiled.page, inclusion=InclusionLevel.NOT_IN_NAV)
            page.edit_uri = loaded.path.relative_to(docs_dir.resolve()).as_posix()
            files.append(page)
        if not config.site_url:
            raise PluginError(SITE_URL_MISSING)
        try:  # the PDFs come from the cache in .cache/handouts/ unless their guide changed
            handouts = build_handouts(self.guides, config.site_url, cache_dir=root / ".cache" / "handouts")
        except ContentError as error:
            raise PluginError("인쇄용 안내문(PDF)을 만들 수 없어 사이트를 만들지 않았습니다.\n" + error.report()) from None
        for handout in handouts:
            files.append(LinkedFile.generated(config, handout.uri, abs_src_path=str(handout.path)))
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=render_home([g.guide for g in self.guides])))
        if self.config.search_korean:  # the guides' part of the index is made on another core while MkDocs renders
            # ... unless these guides' search files are in the cache (a rebuild where no guide
            # changed): then nothing is started, and should the hand-written pages have changed
            # after all, post_build makes the index in this process.
            cached = bool(self.stats.digest) and self.search_cache.has(guides_part(self.stats.digest))
            pages = [page for c in self.compiled if (page := c.search_page())]
            self.search = start_index(pages, Path(config.site_dir), 1 if cached else (self.config.jobs or None))
        return files

    @event_priority(-100)  # last, so other plugins see the guide page's Markdown whole
    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if "giljabi_guide" not in page.meta:
            return markdown
        if self.config.search_korean:
            # The Korean index comes from the guide data; Material's parse of this page would be discarded.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        compiled = self.by_page.get(page.file.src_uri)
        # see generator/passthrough.py; done when the guide was compiled, unless the body changed since
        markdown, kept = compiled.set_aside_for(markdown) if compiled else set_aside(markdown)
        self.set_aside[page.file.src_uri] = kept
        skip_markdown(page, kept)
        return markdown

    @event_priority(100)  # first, so other plugins see the guide page's HTML whole
    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        kept = self.set_aside.pop(page.file.src_uri, None)
        if kept is None:
            return html
        if kept.toc is not None:  # the headings were made here, so is the table of contents
            page.toc = get_toc(kept.toc)
        return kept.put_back(html)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Material's 45 templates are otherwise compiled anew by every build and every `mkdocs
        # serve` reload (about 0.5 s); Jinja checks each cached template against its source.
        (self.cache_root / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.cache_root / "jinja"))
        env.globals["giljabi_label"] = label_lookup(env, config.theme["language"])  # overrides/partials/language.html
        # overrides/main.html pipes Material's __config block through this filter.
        swap = worker_swapper(config.theme.dirs) if self.config.search_korean else (lambda rendered: rendered)
        env.filters["giljabi_search_worker"] = swap
        return env

    @event_priority(-100)  # after Material's search plugin has written search/search_index.json
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.search_korean:
            return
        search_dir = Path(config.site_dir) / "search"
        # The same guides and the same hand-written pages (Material's index of them) make the
        # same search files: then they come from .cache/search/ instead of being rebuilt.
        key = search_key(self.stats.digest, search_dir / "search_index.json")
        pending, self.search = self.search, None
        assert pending is not None
        if key and self.search_cache.restore(key, search_dir):
            pending.cancel()
            return
        index_site(pending)
        if key:
            self.search_cache.store(key, search_dir)

    @event_priority(100)  # before giljabi-atomic removes the staging folder
    def on_build_error(self, *, error: Exception) -> None:
        # getattr: MkDocs reports a failure in an earlier plugin's on_config before ours has run.
        if getattr(self, "search", None) is not None:
            self.search.cancel()
            self.search = None
