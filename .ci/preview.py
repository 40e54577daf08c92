"""A pull request's preview for its reviewers: each changed guide's page as a phone sees it, and its handout.

Run by `./dev preview` after `./dev build`, in CI and by hand:

    ./dev preview --base origin/main      # the guides changed since origin/main
    ./dev preview                         # every guide

For each guide it writes, into preview/ (or --out):
  <id>/page-360px.png      the whole page at 360 px wide, as Debian's Chromium draws it
  <id>/handout.pdf         the printable handout, as built
  <id>/handout-1.png       the handout's first page (pdftoppm), to look at without a PDF viewer
and README.md, which lists them; with GITHUB_STEP_SUMMARY set, the same list goes into the job summary.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

CHROMIUM = os.environ.get("GILJABI_CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 780}


def changed_guides(base: str | None, site: Path) -> list[str]:
    """Ids of the guides the branch changed since base (their file, or a picture in their folder)."""
    built = sorted(p.parent.name for p in (site / "guides").glob("*/index.html"))
    if base is None:
        return built
    names = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", base, "HEAD", "--", "content/guides"], capture_output=True, text=True, check=True
    ).stdout.split()
    ids = set()
    for name in names:
        path = Path(name)
        if path.suffix == ".yml":
            ids.add(path.stem)  # a guide's file is named after its id (check makes sure)
        elif len(path.parts) > 3:
            ids.add(path.parts[-2])  # a picture in content/guides/<id>/
    return [guide_id for guide_id in built if guide_id in ids]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def screenshot_pages(site: Path, ids: list[str], out: Path) -> None:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport=PHONE, device_scale_factor=2)
            for guide_id in ids:
                page.goto(f"{base}guides/{guide_id}/", wait_until="load")
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(out / guide_id / "page-360px.png"), full_page=True)
            browser.close()
    finally:
        server.shutdown()


def copy_handouts(site: Path, ids: list[str], out: Path) -> None:
    for guide_id in ids:
        pdf = site / "guides" / guide_id / "handout.pdf"
        shutil.copyfile(pdf, out / guide_id / "handout.pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out / guide_id / "handout-1")], check=True)


def report(ids: list[str], base: str | None) -> str:
    scope = "이 브랜치에서 바뀐 안내서" if base else "모든 안내서"
    if not ids:
        return f"### 미리 보기\n\n{scope}가 없습니다. 만든 사이트 전체는 'site' 아티팩트에 있습니다.\n"
    lines = [
        "### 미리 보기",
        "",
        f"{scope} {len(ids)}개를 휴대폰 화면(폭 360px)으로 찍은 스크린샷과 인쇄용 안내문(PDF)입니다. "
        "이 실행의 Artifacts에서 'preview'를 내려받아 확인해 주세요. 만든 사이트 전체는 'site'에 있습니다.",
        "",
    ]
    lines += [f"- `{guide_id}`: `{guide_id}/page-360px.png`, `{guide_id}/handout.pdf`, `{guide_id}/handout-1.png`" for guide_id in ids]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="바뀐 안내서의 휴대폰 화면 스크린샷과 인쇄용 안내문을 모읍니다.")
    parser.add_argument("--base", help="이 git 참조 이후 바뀐 안내서만 (없으면 모든 안내서)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="./dev build가 만든 사이트 (기본: site)")
    parser.add_argument("--out", type=Path, default=Path("preview"), help="미리 보기를 쓸 폴더 (기본: preview)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}에 만든 사이트가 없습니다 — ./dev build를 먼저 실행해 주세요", file=sys.stderr)
        return 1
    ids = changed_guides(args.base, args.site)
    shutil.rmtree(args.out, ignore_errors=True)
    for guide_id in ids:
        (args.out / guide_id).mkdir(parents=True)
    args.out.mkdir(parents=True, exist_ok=True)
    screenshot_pages(args.site, ids, args.out)
    copy_handouts(args.site, ids, args.out)
    text = report(ids, args.base)
    (args.out / "README.md").write_text(text, encoding="utf-8")
    print(text, end="")
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary, "a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
