"""What a reader's phone downloads for the real guide page. Run by hand from the repository
root, never as a test:

    .venv/bin/python -m bench.page_weight [guide-id]
    .venv/bin/python -m bench.page_weight --home 1000   # the home page of 1000 synthetic guides

Builds the real site (`mkdocs build --strict`) into a temp folder, serves it on 127.0.0.1
and opens the guide page in Debian's Chromium (Playwright) at 360×740, then lists every
request the page makes until the network is idle: bytes as served and gzipped (what a
server with compression would send), grouped by kind, with our own CSS and JS (files from
overrides/) apart from Material's, fonts, and any request that leaves the site's origin.
Screenshots go to test-output/page-weight-*.png.

With --home N the site is a copy of the project with N synthetic guides instead
(tests/scripts/build_synthetic_site.py, stand-in handouts) and the page is its home page;
its HTML's gzip size is checked against HOME_HTML_BUDGET.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, run_script, serve

OUR_BUDGET = 15 * 1024  # our CSS + JS, gzip, on top of stock Material (issue #13)
HOME_HTML_BUDGET = 60 * 1024  # the home page's HTML at 1000 guides, gzip


@dataclass(frozen=True)
class Transfer:
    url: str
    kind: str  # html, css, js, font, json, image, other
    raw: int
    gzipped: int
    ours: bool  # a file from overrides/, not Material's
    same_origin: bool


def _kind(path: str, resource_type: str, content_type: str) -> str:
    if resource_type == "document" or "text/html" in content_type:
        return "html"
    if resource_type == "font" or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "font"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith((".js", ".mjs")):
        return "js"
    if path.endswith(".json") or "json" in content_type:
        return "json"
    if resource_type == "image":
        return "image"
    return "other"


def build(site: Path) -> None:
    result = build_site(ROOT, site)
    if result.returncode != 0:
        raise SystemExit(f"사이트를 만들지 못했습니다:\n{result.stdout}{result.stderr}")


def measure(site: Path, page_path: str, screenshots: Path | None = None) -> list[Transfer]:
    """Every response the page at page_path gets while loading, until the network is idle."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    origin = url.rstrip("/")
    transfers: list[Transfer] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
            page = context.new_page()
            outside: list[str] = []

            def refuse_outside(route: object) -> None:
                # Nothing may leave the site's origin; record it and answer without the network.
                outside.append(route.request.url)  # type: ignore[attr-defined]
                route.abort()  # type: ignore[attr-defined]

            page.route(lambda url: not url.startswith(origin), refuse_outside)
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(f"{origin}/{page_path}", wait_until="networkidle")
            page.wait_for_timeout(500)
            for response in responses:
                body = response.body() if response.status < 300 else b""
                path = urlsplit(response.url).path
                local = path.removeprefix(urlsplit(origin + "/").path)
                relative = local.lstrip("/")
                transfers.append(
                    Transfer(
                        url=response.url,
                        kind=_kind(path, response.request.resource_type, response.headers.get("content-type", "")),
                        raw=len(body),
                        gzipped=len(gzip.compress(body, 6)) if body else 0,
                        ours=bool(relative) and not relative.endswith(".html") and (ROOT / "overrides" / relative).is_file(),
                        same_origin=response.url.startswith(origin),
                    )
                )
            transfers += [Transfer(url, "other", 0, 0, False, False) for url in outside]
            if screenshots is not None:
                screenshots.mkdir(exist_ok=True)
                page.screenshot(path=str(screenshots / "page-weight-mobile.png"), full_page=False)
                page.set_viewport_size({"width": 1280, "height": 800})
                page.wait_for_timeout(300)
                page.screenshot(path=str(screenshots / "page-weight-desktop.png"), full_page=False)
            browser.close()
    finally:
        server.shutdown()
    return transfers


def report(transfers: list[Transfer]) -> list[str]:
    lines = ["| 종류 | 요청 수 | 받은 크기 | gzip 크기 |", "|---|---:|---:|---:|"]
    for kind in ("html", "css", "js", "json", "font", "image", "other"):
        group = [t for t in transfers if t.kind == kind]
        if group:
            lines.append(f"| {kind} | {len(group)} | {sum(t.raw for t in group) / 1024:.1f} KB | {sum(t.gzipped for t in group) / 1024:.1f} KB |")
    lines.append(f"| 합계 | {len(transfers)} | {sum(t.raw for t in transfers) / 1024:.1f} KB | {sum(t.gzipped for t in transfers) / 1024:.1f} KB |")
    ours = [t for t in transfers if t.ours and t.kind in ("css", "js")]
    fonts = sum(t.raw for t in transfers if t.kind == "font")
    outside = [t.url for t in transfers if not t.same_origin]
    lines += ["", *ours_beyond_material(ours)]
    lines += [
        f"- 글꼴: {fonts} B (목표 0) {'통과' if fonts == 0 else '미달'}",
        f"- 사이트 밖으로 나간 요청: {len(outside)}개 (목표 0) {'통과' if not outside else '미달'}",
    ]
    lines += [f"  - {url}" for url in outside]
    lines += ["", "요청 목록:"] + [f"- {t.kind} {urlsplit(t.url).path} {t.raw} B (gzip {t.gzipped} B)" for t in transfers]
    return lines


def ours_beyond_material(ours: list[Transfer]) -> list[str]:
    """Our CSS+JS as served, against OUR_BUDGET: what the page downloads beyond stock Material.

    Our search worker replaces Material's (the page never fetches Material's), so only the
    difference between the two counts. Material's palette.css is not loaded (the colours, light
    and dark, are in giljabi.css), but stock Material without a palette does not load it either,
    so it is shown and not subtracted.
    """
    worker = [t for t in ours if urlsplit(t.url).path.endswith("search-worker.js")]
    page = [t for t in ours if t not in worker]
    page_gzip = sum(t.gzipped for t in page)
    material_worker = _material_gzip("javascripts/workers/search.*.min.js")
    worker_delta = sum(t.gzipped for t in worker) - material_worker if worker else 0
    beyond = page_gzip + worker_delta
    lines = [
        f"- 우리 CSS+JS, Material 위에 더하는 몫: gzip {beyond / 1024:.1f} KB (목표 ≤ {OUR_BUDGET // 1024} KB) {'통과' if beyond <= OUR_BUDGET else '미달'}",
        f"  - 페이지가 받는 우리 CSS+JS {len(page)}개 (overrides/, 검색 워커 빼고): {sum(t.raw for t in page) / 1024:.1f} KB, gzip {page_gzip / 1024:.1f} KB",
    ]
    lines += [f"    - {urlsplit(t.url).path}: {t.raw} B, gzip {t.gzipped} B" for t in page]
    if worker:
        lines.append(
            f"  - 검색 워커 search-worker.js: gzip {worker[0].gzipped / 1024:.1f} KB. Material의 검색 워커(gzip {material_worker / 1024:.1f} KB)를 "
            f"대신하므로(그 파일은 받지 않음) 차이 {worker_delta / 1024:+.1f} KB만 셉니다"
        )
    lines.append(
        f"  - Material의 palette.css(gzip {_material_gzip('stylesheets/palette.*.min.css') / 1024:.1f} KB)는 받지 않습니다 (색과 어두운 화면은 giljabi.css). "
        "기본 Material도 palette 설정이 없으면 받지 않으므로 빼지 않았습니다"
    )
    return lines


def _material_gzip(pattern: str) -> int:
    """Gzipped bytes of Material's own asset(s) matching pattern under its templates/assets/."""
    import material

    assets = Path(material.__file__).parent / "templates" / "assets"
    return sum(len(gzip.compress(path.read_bytes(), 6)) for path in assets.glob(pattern))


def home(count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="giljabi-weight-") as folder:
        site = Path(folder) / "site"
        run_script("build_synthetic_site", str(count), str(Path(folder) / "project"), str(site))
        transfers = measure(site, "", screenshots=ROOT / "test-output")
    print(f"홈 페이지, 안내서 {count}개 (Chromium, 360×740, 네트워크가 조용해질 때까지)\n")
    print("\n".join(report(transfers)))
    html = next(t for t in transfers if t.kind == "html")
    verdict = "목표 안" if html.gzipped <= HOME_HTML_BUDGET else "목표 초과"
    print(f"\n홈 페이지 HTML: {html.raw / 1024:.1f} KB, gzip {html.gzipped / 1024:.1f} KB (목표 {HOME_HTML_BUDGET // 1024} KB 이하: {verdict})")


def main() -> None:
    if sys.argv[1:2] == ["--home"]:
        home(int(sys.argv[2]))
        return
    guide = sys.argv[1] if len(sys.argv) > 1 else "kb-financial-certificate"
    with tempfile.TemporaryDirectory(prefix="giljabi-weight-") as folder:
        site = Path(folder) / "site"
        build(site)
        # The site lives below site_url's path in production; locally it is served at the root.
        transfers = measure(site, f"guides/{guide}/", screenshots=ROOT / "test-output")
    print(f"안내서 페이지 guides/{guide}/ (Chromium, 360×740, 네트워크가 조용해질 때까지)\n")
    print("\n".join(report(transfers)))


if __name__ == "__main__":
    main()
