"""Our stylesheets and scripts, minified on their way into the site.

overrides/assets/ keeps them readable; a reader's phone gets them without comments and
extra whitespace (rcssmin and rjsmin keep names and strings as written).
"""

from __future__ import annotations

from collections.abc import Iterable

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def minify(uri: str, text: str) -> str:
    return rcssmin.cssmin(text) if uri.endswith(".css") else rjsmin.jsmin(text)


def minify_assets(files: Files, uris: Iterable[str], config: MkDocsConfig) -> None:
    """Replaces each of these files (extra_css, extra_javascript, the search worker) with its minified text."""
    for uri in uris:
        file = files.get_file_from_path(uri)
        if file is None or file.abs_src_path is None or not uri.endswith((".css", ".js")):
            continue
        files.remove(file)
        files.append(File.generated(config, uri, content=minify(uri, file.content_string)))
