"""Every guide's handout PDF, rebuilt only when its inputs changed (a content-hash cache)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TextIO

from ..atomic import write_atomically
from ..checks import text_fields
from ..loader import GuideFile
from ..model import Guide
from ..problems import ContentError, Problem
from ..render import guide_url
from .document import MissingGlyphError, render_pdf, stylesheet_text, template_text
from .progress import Progress

FILENAME = "handout.pdf"
KEEP_PER_GUIDE = 2
SITE_URL_MISSING = (
    "mkdocs.yml에 site_url이 없어 인쇄용 안내문의 QR 코드에 넣을 주소를 알 수 없습니다 — "
    "site_url: https://example.org/giljabi/ 처럼 사이트의 공개 주소를 적어 주세요"
)
# Code whose change alters the PDF; the template and stylesheet are hashed separately.
_CODE = ("document.py", "keepall.py")


@dataclass(frozen=True)
class Handout:
    guide_id: str
    uri: str  # below the site root, next to the guide's page
    path: Path  # the cached PDF, copied into the site by MkDocs
    rebuilt: bool


def handout_uri(guide: Guide) -> str:
    return f"{guide_url(guide)}{FILENAME}"


def page_url(site_url: str, guide: Guide) -> str:
    """The guide page's public address: what the QR code opens and the handout prints.

    The same as urljoin(site_url + "/", "guides/<id>/"), since an id is only [a-z0-9-];
    urljoin parses both addresses each time, a third of a warm 1000-guide build's handout work.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + guide_url(guide)


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    package = resources.files("generator.handout")
    for name in _CODE:
        digest.update(package.joinpath(name).read_bytes())
    for dist in ("weasyprint", "segno"):
        digest.update(metadata.version(dist).encode())
    return digest.hexdigest()


def shared_inputs() -> tuple[str, ...]:
    """What shapes every handout alike; read once per build, not once per guide (files, versions)."""
    return (template_text(), stylesheet_text(), _code_fingerprint())


def handout_key(loaded: GuideFile, url: str, shared: tuple[str, ...] | None = None) -> str:
    """Changes whenever anything that shapes this guide's PDF changes, and only then."""
    digest = hashlib.sha256()
    for part in (loaded.content_digest(), url, *(shared or shared_inputs())):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def glyph_problems(loaded: GuideFile, error: MissingGlyphError) -> list[Problem]:
    """One problem per character no installed font can draw, at the field that holds it."""
    problems = []
    for character in error.characters:
        loc = next((loc for loc, text in text_fields(loaded.guide) if character in text), ())
        problems.append(
            loaded.problem(
                loc,
                f"인쇄용 안내문(PDF)에 그릴 수 없는 글자가 있습니다: '{character}' (U+{ord(character):04X})",
                "설치된 글꼴에 없는 글자입니다. 이 글자를 지우거나 흔히 쓰는 글자로 바꿔 주세요",
            )
        )
    return problems



def _prune(cache_dir: Path, guide_id: str) -> None:
    """Keep the newest few PDFs of a guide: `mkdocs serve` (local site_url) and `mkdocs build`
    (public site_url) each have their own, and switching between them should cost nothing."""
    entries = sorted(cache_dir.glob(f"{guide_id}.*.pdf"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in entries[KEEP_PER_GUIDE:]:
        stale.unlink(missing_ok=True)


def build_handouts(guides: Sequence[GuideFile], site_url: str, cache_dir: Path, stream: TextIO | None = None) -> list[Handout]:
    """Render the handouts whose inputs changed into cache_dir and list every guide's PDF.

    Raises ContentError, after trying every guide, when some text cannot be drawn.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    planned = []
    shared = shared_inputs()
    for loaded in guides:
        url = page_url(site_url, loaded.guide)
        path = cache_dir / f"{loaded.guide.id}.{handout_key(loaded, url, shared)[:20]}.pdf"
        planned.append((loaded, url, path))
    todo = [item for item in planned if not item[2].is_file()]
    progress = Progress(len(todo), stream if stream is not None else sys.stderr)
    problems: list[Problem] = []
    try:
        for loaded, url, path in todo:
            progress.start(loaded.guide.id)
            try:
                pdf = render_pdf(loaded.guide, url)
            except MissingGlyphError as error:
                problems.extend(glyph_problems(loaded, error))
            else:
                write_atomically(path, pdf)
                _prune(cache_dir, loaded.guide.id)
            progress.advance()
    finally:
        progress.close()
    if problems:
        raise ContentError(problems)
    rebuilt = {path for _, _, path in todo}
    return [Handout(loaded.guide.id, handout_uri(loaded.guide), path, path in rebuilt) for loaded, _, path in planned]
