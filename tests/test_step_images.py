"""Pictures in steps (issue #15): checked with their exact messages, shown on the page with their
size, lazily and with a phone-sized copy, and printed in the handout."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator.content.images import MAX_SIDE, PHONE_WIDTH
from tests.support import CHROMIUM, CHROMIUM_ARGS, build_site, compile_content, copy_project, example, serve, settings_for, write_content
from tests.support.pictures import DIAGRAM, phone_screenshot, write_pictures

GUIDE = "guides/guide-with-pictures.yml"
FOLDER = "guides/guide-with-pictures"
EXAMPLE = example("guide-with-pictures")


def problems_with(tmp_path: Path, pictures: dict[str, bytes | str] | None = None, old: str = "", new: str = "") -> list[str]:
    text = EXAMPLE.replace(old, new, 1) if old else EXAMPLE
    content = write_content(tmp_path / "content", {GUIDE: text})
    write_pictures(content / FOLDER)
    for name, data in (pictures or {}).items():
        target = content / FOLDER / name
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    _compiled, problems = compile_content(content, settings_for(content))
    return [str(p) for p in problems]


def test_the_example_with_pictures_passes(tmp_path: Path) -> None:
    assert problems_with(tmp_path) == []


WHERE = "content/guides/guide-with-pictures.yml"


def test_a_missing_picture(tmp_path: Path) -> None:
    assert problems_with(tmp_path, old="file: screen.png", new="file: screen2.png") == [
        f"{WHERE}:26:15: steps[1].images[1].file: 그림 파일 content/guides/guide-with-pictures/screen2.png이 없습니다 — "
        "그림 파일을 content/guides/guide-with-pictures/ 폴더에 넣거나 file에 적은 이름을 파일 이름과 같게 고쳐 주세요"
    ]


def test_a_file_name_with_a_folder_or_a_foreign_ending(tmp_path: Path) -> None:
    assert problems_with(tmp_path, old="file: screen.png", new="file: ../screen.gif") == [
        f"{WHERE}:26:15: steps[1].images[1].file: 그림 파일 이름 '../screen.gif'는 쓸 수 없습니다 — "
        "영문, 숫자, 점(.), 하이픈(-), 밑줄(_)로 된 이름에 .png, .jpg, .webp, .svg 중 하나로 끝나게 지어 주세요. 예: open-center.png"
    ]


def test_a_jpeg_named_png(tmp_path: Path) -> None:
    jpeg = phone_screenshot(tmp_path / "shot.jpg", fmt="JPEG").read_bytes()
    assert problems_with(tmp_path, {"screen.png": jpeg}) == [
        f"{WHERE}:26:15: steps[1].images[1].file: 파일 이름은 png로 끝나는데 실제로는 JPEG 그림입니다 — 파일 이름을 .jpg로 끝나게 고쳐 주세요"
    ]


def test_a_gif_is_refused_by_what_it_is(tmp_path: Path) -> None:
    gif = phone_screenshot(tmp_path / "shot.gif", fmt="GIF").read_bytes()
    assert problems_with(tmp_path, {"screen.png": gif}) == [
        f"{WHERE}:26:15: steps[1].images[1].file: 그림 형식(GIF)은 쓸 수 없습니다 — PNG, JPEG, WebP, SVG 중 하나로 저장해 주세요"
    ]


def test_too_many_and_too_few_pixels(tmp_path: Path) -> None:
    huge = phone_screenshot(tmp_path / "huge.png", size=(MAX_SIDE + 1, 600)).read_bytes()
    tiny = phone_screenshot(tmp_path / "tiny.png", size=(120, 200)).read_bytes()
    assert problems_with(tmp_path / "a", {"screen.png": huge}) == [
        f"{WHERE}:26:15: steps[1].images[1].file: 그림이 너무 큽니다 (4001×600픽셀) — 가로세로 모두 4000픽셀 이하로 줄여 주세요. 휴대폰 화면 캡처는 그대로 두어도 됩니다"
    ]
    assert problems_with(tmp_path / "b", {"screen.png": tiny}) == [
        f"{WHERE}:26:15: steps[1].images[1].file: 그림이 너무 작습니다 (가로 120픽셀) — 글자가 읽히도록 가로 200픽셀 이상인 그림을 써 주세요"
    ]


def test_too_many_bytes(tmp_path: Path) -> None:
    noise = Image.effect_noise((1800, 1800), 100).convert("RGB")
    noise.save(tmp_path / "noise.png")
    assert problems_with(tmp_path, {"screen.png": (tmp_path / "noise.png").read_bytes()})[0].startswith(
        f"{WHERE}:26:15: steps[1].images[1].file: 그림 파일이 너무 큽니다 ("
    )


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (DIAGRAM.replace("</svg>", "<script>alert(1)</script></svg>"), "SVG 안에 <script> 요소가 있습니다 — 스크립트나 다른 문서를 넣은 SVG는 쓸 수 없습니다. 그림만 남기거나 PNG로 저장해 주세요"),
        (DIAGRAM.replace("<rect ", '<rect onclick="alert(1)" ', 1), "SVG 안에 이벤트 속성 onclick이 있습니다 — 스크립트가 든 SVG는 쓸 수 없습니다. 그림 프로그램에서 다시 내보내거나 PNG로 저장해 주세요"),
        (
            DIAGRAM.replace("</svg>", '<image href="https://tracker.example/x.png" width="1" height="1"/></svg>'),
            "SVG가 바깥 파일을 불러옵니다 (https://tracker.example/x.png) — 그림에 필요한 것은 모두 SVG 파일 안에 넣어 주세요(글꼴은 윤곽선으로, 그림은 PNG로 따로)",
        ),
        (DIAGRAM.replace("</svg>", "<style>@import url(https://x.example/a.css);</style></svg>"), "SVG가 바깥 파일을 불러옵니다 (url(…) 또는 @import) — 그림에 필요한 것은 모두 SVG 파일 안에 넣어 주세요"),
        (DIAGRAM.replace('width="600" height="160" viewBox="0 0 600 160"', ""), "SVG에 크기(width와 height, 또는 viewBox)가 없습니다 — 그림 프로그램에서 크기를 정해 다시 내보내 주세요"),
    ],
    ids=["script", "event attribute", "outside image", "import", "no size"],
)
def test_an_unsafe_or_sizeless_svg(tmp_path: Path, svg: str, message: str) -> None:
    assert problems_with(tmp_path, {"steps.svg": svg}) == [f"{WHERE}:33:15: steps[2].images[1].file: {message}"]


def test_the_description_must_be_korean(tmp_path: Path) -> None:
    assert problems_with(tmp_path, old="alt: 휴대폰 화면 위쪽에 인증센터 단추가 있는 앱 첫 화면", new="alt: screenshot") == [
        f"{WHERE}:27:14: steps[1].images[1].alt: 그림 설명(alt)이 한국어가 아닙니다 — 화면을 볼 수 없는 독자에게 읽어 줄 설명이므로, 그림에 무엇이 보이는지 한국어로 적어 주세요"
    ]


def test_the_description_is_required(tmp_path: Path) -> None:
    assert problems_with(tmp_path, old="        alt: 휴대폰 화면 위쪽에 인증센터 단추가 있는 앱 첫 화면\n", new="") == [
        f"{WHERE}:26:9: steps[1].images[1].alt: 꼭 필요한 항목인 그림 설명('alt')이 없습니다 — 'alt: …' 줄을 넣어 주세요. 그림에 무엇이 보이는지 한국어 한 문장으로 적어 주세요"
    ]


@pytest.fixture(scope="module")
def pictures_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pictures")
    project = copy_project(root / "project")
    (project / "content" / GUIDE).write_text(EXAMPLE, encoding="utf-8")
    write_pictures(project / "content" / FOLDER)
    site = root / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_page_shows_each_picture_sized_lazily_with_a_phone_copy(pictures_site: Path) -> None:
    page = BeautifulSoup((pictures_site / FOLDER / "index.html").read_text(encoding="utf-8"), "html.parser")
    figures = page.select("li.gj-step figure.gj-step__figure")
    assert len(figures) == 2
    screen, diagram = (figure.img for figure in figures)
    assert (screen["src"], screen["width"], screen["height"], screen["loading"]) == ("screen.png", "1080", "1600", "lazy")
    assert screen["alt"] == "휴대폰 화면 위쪽에 인증센터 단추가 있는 앱 첫 화면"
    assert screen["srcset"] == f"screen-{PHONE_WIDTH}w.webp {PHONE_WIDTH}w, screen.png 1080w"
    assert figures[0].figcaption.get_text() == "인증센터 단추는 화면 위쪽에 있습니다."
    assert (diagram["src"], diagram["width"], diagram["height"], diagram.get("srcset")) == ("steps.svg", "600", "160", None)
    with Image.open(pictures_site / FOLDER / f"screen-{PHONE_WIDTH}w.webp") as phone:
        assert (phone.format, phone.size) == ("WEBP", (PHONE_WIDTH, 1067))
    assert (pictures_site / FOLDER / "screen.png").is_file() and (pictures_site / FOLDER / "steps.svg").is_file()
    step = page.select_one("li.gj-step .gj-step__body")
    assert [li.get_text() for li in step.select("ul > li")] == ["앱을 엽니다", "인증센터를 누릅니다"]


def test_the_handout_prints_both_pictures(pictures_site: Path, output_dir: Path) -> None:
    pdf = pictures_site / FOLDER / "handout.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert [(row.split()[3], row.split()[4]) for row in listing if row.split()[2] == "image"] == [("1080", "1600")]  # the SVG is drawn as vectors
    out = output_dir / "i15"
    out.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "pictures-handout")], check=True)


def test_a_phone_loads_the_phone_copy(pictures_site: Path, browser: object, output_dir: Path) -> None:
    server, url = serve(pictures_site)
    try:
        page = browser.new_page(viewport={"width": 360, "height": 780}, device_scale_factor=2)  # type: ignore[attr-defined]
        page.goto(f"{url}guides/guide-with-pictures/")
        image = page.locator("figure.gj-step__figure img").first
        image.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('figure.gj-step__figure img').complete")
        assert image.evaluate("img => img.currentSrc").endswith(f"screen-{PHONE_WIDTH}w.webp")
        box = image.bounding_box()
        assert box is not None and box["width"] <= 360
        (output_dir / "i15").mkdir(exist_ok=True)
        page.screenshot(path=str(output_dir / "i15" / "pictures-360.png"), full_page=True)
        page.close()
    finally:
        server.shutdown()
