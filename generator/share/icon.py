"""The site's icon, a white signpost on the theme's blue, as SVG and as PNG from one drawing.

Drawn in code so that the favicon, the apple-touch-icon and the corner of every share image
cannot drift apart; the shapes are on a 64-unit grid.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

BLUE = "#1e4f7a"  # --md-primary-fg-color in overrides/assets/stylesheets/giljabi.css
GRID = 64
CORNER = 14
POLE = (28, 8, 36, 58)
# The upper board points right, the lower one left.
BOARDS = (
    ((12, 12), (44, 12), (52, 19.5), (44, 27), (12, 27)),
    ((52, 35), (20, 35), (12, 42.5), (20, 50), (52, 50)),
)
_SUPERSAMPLE = 4


def icon_svg() -> str:
    """The icon as a scalable favicon."""
    boards = " ".join("M" + " L".join(f"{x:g} {y:g}" for x, y in board) + "Z" for board in BOARDS)
    x0, y0, x1, y1 = POLE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
        f'<rect width="{GRID}" height="{GRID}" rx="{CORNER}" fill="{BLUE}"/>'
        f'<path fill="#fff" d="M{x0} {y0}H{x1}V{y1}H{x0}Z {boards}"/></svg>\n'
    )


def draw_icon(size: int, *, rounded: bool = True) -> Image.Image:
    """The icon as an RGBA picture of size×size pixels, edges smoothed by drawing it larger first."""
    big = size * _SUPERSAMPLE
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * scale if rounded else 0, fill=BLUE)
    draw.rectangle(tuple(v * scale for v in POLE), fill="white")
    for board in BOARDS:
        draw.polygon([(x * scale, y * scale) for x, y in board], fill="white")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def icon_png(size: int, *, rounded: bool = True) -> bytes:
    """The icon as PNG bytes. iOS rounds an apple-touch-icon itself: draw that one square."""
    out = io.BytesIO()
    draw_icon(size, rounded=rounded).save(out, "PNG", optimize=True)
    return out.getvalue()


# Where the site serves them (mkdocs.yml's theme favicon and logo name the SVG).
SVG_ICON = "assets/images/giljabi.svg"
PNG_ICON = "assets/images/giljabi-48.png"
TOUCH_ICON = "assets/images/apple-touch-icon.png"


def icon_files() -> dict[str, bytes]:
    """Each icon file of the site, by its path below the site root."""
    return {SVG_ICON: icon_svg().encode("utf-8"), PNG_ICON: icon_png(48), TOUCH_ICON: icon_png(180, rounded=False)}
