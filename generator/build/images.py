"""The phone-sized copy of each step picture wider than a phone needs, made once and kept in
.cache/images/ under the original's digest (a changed picture gets a new copy; stale ones are pruned)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ..content.images import PHONE_WIDTH
from .cache import FileCache
from .compile import Compiled

WEBP_QUALITY = 80


def phone_copies(compiled: Sequence[Compiled], cache_dir: Path) -> list[tuple[str, Path]]:
    """(address below the site root, cached file) of every guide picture's phone-sized copy."""
    from PIL import Image

    cache = FileCache(cache_dir, ".webp")
    copies: list[tuple[str, Path]] = []
    names = []
    for item in compiled:
        if item.file is None:
            continue
        for info in item.images:
            if info.phone_file is None:
                continue
            name = f"{info.digest[:32]}-{PHONE_WIDTH}w"
            names.append(name)
            target = cache.path(name)
            if not target.is_file():
                with Image.open(info.path) as picture:
                    picture = picture.convert("RGBA" if picture.mode in ("RGBA", "LA", "P") else "RGB")
                    small = picture.resize((PHONE_WIDTH, info.phone_height), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                small.save(out, "WEBP", quality=WEBP_QUALITY, method=6)
                target = cache.write(name, out.getvalue())
            copies.append((f"guides/{item.file.guide.id}/{info.phone_file}", target))
    cache.keep_only(names)
    return copies
