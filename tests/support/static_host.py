"""A built site served as a static host such as GitHub Pages serves it: under its site_url's path,
text gzipped when the browser accepts it, and 404.html (status 404) for any unknown address.

Used by the 404 page's browser tests and by bench/lighthouse.py.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def _handler(site: Path, prefix: str) -> type[http.server.BaseHTTPRequestHandler]:
    @lru_cache(maxsize=512)
    def gzipped(path: Path, mtime: int) -> bytes:
        return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _file(self) -> Path | None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                return None
            target = (site / path[len(prefix) :]).resolve()
            if target.is_dir():
                target = target / "index.html"
            return target if target.is_file() and target.is_relative_to(site) else None

        def do_GET(self) -> None:  # noqa: N802
            found = self._file()
            status, file = (200, found) if found is not None else (404, site / "404.html")
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            body = file.read_bytes()
            compress = kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
            if compress:
                body = gzipped(file, file.stat().st_mtime_ns)
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own
            if compress:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve_static(site: Path, path: str = "/giljabi/") -> tuple[http.server.ThreadingHTTPServer, str]:
    """site served on 127.0.0.1 (a free port) below path until server.shutdown(); the URL of its root."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site.resolve(), path))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{path}"
