"""Pictures made for the tests: a phone screenshot drawn with Pillow, and a small SVG diagram.

Nothing binary is committed; tests/examples/guide-with-pictures.yml names these files, and
``write_pictures`` puts them in the guide's folder of a project copy.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PICTURES_GUIDE = "guide-with-pictures"  # the example guide whose pictures these are
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"  # Debian's fonts-noto-cjk, which ./dev installs


def phone_screenshot(path: Path, size: tuple[int, int] = (1080, 1600), fmt: str = "PNG") -> Path:
    """A made-up app screen: a title bar, a highlighted button and a few lines of text."""
    width, height = size
    picture = Image.new("RGB", size, "#f4f6f8")
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(FONT, max(12, width // 18))
    small = ImageFont.truetype(FONT, max(10, width // 28))
    draw.rectangle((0, 0, width, height // 9), fill="#1e4f7a")
    draw.text((width // 20, height // 40), "예시은행", fill="white", font=font)
    draw.rounded_rectangle((width // 12, height // 6, width - width // 12, height // 6 + height // 10), radius=width // 30, fill="#ffd24d", outline="#c28a00", width=6)
    draw.text((width // 7, height // 6 + height // 40), "인증센터", fill="#111", font=font)
    for row in range(5):
        top = height // 3 + row * height // 10
        draw.rectangle((width // 12, top, width - width // 12, top + height // 14), fill="white", outline="#ccd")
        draw.text((width // 9, top + height // 70), f"메뉴 {row + 1}", fill="#333", font=small)
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, fmt)
    return path


DIAGRAM = """<svg xmlns="http://www.w3.org/2000/svg" width="600" height="160" viewBox="0 0 600 160">
<rect x="10" y="40" width="160" height="80" rx="12" fill="#e8f0f7" stroke="#1e4f7a" stroke-width="3"/>
<rect x="220" y="40" width="160" height="80" rx="12" fill="#e8f0f7" stroke="#1e4f7a" stroke-width="3"/>
<rect x="430" y="40" width="160" height="80" rx="12" fill="#e0f2e3" stroke="#2e7d32" stroke-width="3"/>
<path d="M175 80 H212 M205 72 L214 80 L205 88 M385 80 H422 M415 72 L424 80 L415 88" stroke="#333" stroke-width="4" fill="none"/>
</svg>
"""


def write_pictures(folder: Path) -> None:
    """The pictures tests/examples/guide-with-pictures.yml shows, into content/guides/guide-with-pictures/."""
    phone_screenshot(folder / "screen.png")
    (folder / "steps.svg").write_text(DIAGRAM, encoding="utf-8")
