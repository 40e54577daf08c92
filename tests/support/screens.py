"""The screens a reader reads on, and what the browser tests measure on them.

A screen is a viewport, touch or not, and the browser's default font size (Chromium's "font size"
setting, which Android's and desktop browsers' "큰 글씨" raise). Measurements run in the page:
content that sticks out of the screen or out of its own box, text squeezed into columns a
syllable or two wide, Hangul words broken between two syllables, and the contrast of text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    touch: bool
    font_px: int = 16  # the browser's default font size

    def context_options(self) -> dict[str, Any]:
        return {
            "viewport": {"width": self.width, "height": self.height},
            "has_touch": self.touch,
            "is_mobile": self.touch,
            "device_scale_factor": 2 if self.touch else 1,
        }


PHONE = Screen("phone", 360, 740, touch=True)
DESKTOP = Screen("desktop", 1280, 800, touch=False)
# A 32 px default font (200 %) on a phone: 9 rem across, the narrowest layout the site promises.
PHONE_BIG_FONT = Screen("phone-32px", 360, 740, touch=True, font_px=32)
DESKTOP_BIG_FONT = Screen("desktop-32px", 1280, 800, touch=False, font_px=32)
# A 360 px phone zoomed to 200 %: the page is laid out for 180 CSS px.
PHONE_ZOOMED = Screen("phone-zoom-200", 180, 370, touch=True)


def set_default_font(page: Any, px: int) -> None:
    """The browser's default font size for this page, as its settings would set it.

    CDP's Page.setFontSizes changes the same setting as chrome://settings/fonts. A full-page
    screenshot resets it (Playwright re-emulates the viewport), so tests take viewport shots.
    """
    session = page.context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": px, "fixed": px}})


def root_font_px(page: Any) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


# Parts of Material that are off-screen or clipped on purpose: the closed menu, the search
# overlay, the skip link until focused, tooltips, and the header's sliding page title.
_OFF_SCREEN = ".md-sidebar--primary, .md-search, .md-skip, .md-overlay, .md-tooltip, .md-dialog, .md-header__title, .md-top"

_LAYOUT = """(offScreen) => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${[...e.classList].map((c) => "." + c).join("")} "${e.textContent.trim().replace(/\\s+/g, " ").slice(0, 24)}"`;
  const hiddenByDesign = (e) => {
    for (let a = e; a && a !== document.body; a = a.parentElement) {
      const box = a.getBoundingClientRect();
      if (box.width <= 1 && getComputedStyle(a).overflow !== "visible") return true;  // visually hidden
    }
    return false;
  };
  for (const e of document.body.querySelectorAll("*")) {
    if (e.closest(offScreen) || !e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const box = e.getBoundingClientRect();
    if (!box.width || !box.height || hiddenByDesign(e)) continue;
    if (box.right > width + 1 || box.left < -1) problems.push(`${name(e)} sticks out of the ${width} px screen: ${Math.round(box.left)}..${Math.round(box.right)}`);
    const text = [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    const style = getComputedStyle(e);
    if (!text || style.display.startsWith("inline")) continue;
    if (style.overflowX === "visible" && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} spills out of its own box: ${e.scrollWidth} > ${e.clientWidth} px`);
    const font = parseFloat(style.fontSize);
    const line = parseFloat(style.lineHeight) || font * 1.2;
    const inner = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // A phrase gets three characters a line, a word two (a Hangul syllable is about 0.9 em wide):
    // less reads one syllable at a time.
    const narrowest = (text.split(/\\s+/).length >= 3 ? 3 : 2) * 0.9;
    if ([...text].length >= 3 && box.height > line * 1.6 && inner < font * narrowest) problems.push(`${name(e)} is a column ${Math.round(inner)} px wide for ${font} px text`);
  }
  return problems;
}"""

_BROKEN_WORDS = """(selector) => {
  const hangul = /[\\uac00-\\ud7a3]/;
  const broken = [];
  for (const root of document.querySelectorAll(selector)) {
    if (!root.checkVisibility()) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const range = document.createRange();
      let top = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        if (!rects.length) continue;
        const here = rects[0].top;
        if (top !== null && here > top + 2 && hangul.test(text[i - 1] || "") && hangul.test(text[i])) {
          const start = text.lastIndexOf(" ", i) + 1;
          const end = text.indexOf(" ", i);
          broken.push(`${text.slice(start, end < 0 ? undefined : end)} (${text.slice(start, i)}|${text.slice(i, end < 0 ? undefined : end)})`);
        }
        top = here;
      }
    }
  }
  return broken;
}"""

_CONTRAST = """(selectors) => {
  const channels = (color) => {
    const [r, g, b, a = 1] = color.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const over = (top, bottom) => top.slice(0, 3).map((c, i) => c * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (e) => {
    const layers = [];
    for (let a = e; a; a = a.parentElement) {
      const layer = channels(getComputedStyle(a).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const found = [];
  for (const selector of selectors) {
    const [css, pseudo] = selector.split("::");
    for (const e of [...document.querySelectorAll(css)].filter((e) => e.checkVisibility()).slice(0, 3)) {
      const bg = background(e);
      const fg = over(channels(getComputedStyle(e, pseudo ? "::" + pseudo : null).color), bg);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      found.push([selector, e.textContent.trim().slice(0, 20), Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100]);
    }
  }
  return found;
}"""


def layout_problems(page: Any) -> list[str]:
    """What a reader could not read whole: content past the screen's edges or out of its box,
    and text squeezed into a column narrower than three characters."""
    return page.evaluate(_LAYOUT, _OFF_SCREEN)


def broken_words(page: Any, selector: str) -> list[str]:
    """Hangul words split across two lines between two syllables, inside selector."""
    return page.evaluate(_BROKEN_WORDS, selector)


def contrasts(page: Any, selectors: list[str]) -> list[tuple[str, str, float]]:
    """(selector, text, contrast ratio against what is drawn behind it) for up to three visible
    elements of each selector; "a::before" measures the pseudo-element's colour."""
    return [tuple(row) for row in page.evaluate(_CONTRAST, selectors)]
