"""Draw the share cards of many guides in this fresh process and print what came out, as JSON.

    python tests/scripts/share_images_in_workers.py CACHE_DIR JOBS COUNT

COUNT copies of the seed guide under other ids and titles, through
generator.build.share_images.build_share_images as the plugin calls it. A process of its own
because workers are forked only when no other thread runs (see compile_in_workers.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path

from generator.build import share_images
from tests.support import site_guides


def main(argv: list[str]) -> None:
    cache_dir, jobs, count = Path(argv[0]), int(argv[1]), int(argv[2])
    seed = next(loaded for loaded in site_guides() if loaded.guide.id == "kb-financial-certificate")
    guides = [dataclasses.replace(seed, guide=seed.guide.model_copy(update={"id": f"copy-{n}", "title": f"안내서 {n}"}), digest="") for n in range(count)]
    draw = share_images.card_png
    signers = Path(cache_dir) / "signers"
    signers.mkdir(parents=True)

    def draw_and_sign(card):  # which process drew which card, kept beside the cache
        (signers / str(os.getpid())).touch()
        return draw(card)

    share_images.card_png = draw_and_sign
    site = share_images.site_card("길잡이", "금융 절차를 한 단계씩 따라 하는 한국어 안내서", "https://example.org/")
    images = share_images.build_share_images(guides, site, cache_dir / "cards", jobs=jobs)
    print(
        json.dumps(
            {
                "parent": os.getpid(),
                "signers": sorted(int(p.name) for p in signers.iterdir()),
                "images": [[image.uri, image.drawn, hashlib.sha256(image.path.read_bytes()).hexdigest()] for image in images],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
