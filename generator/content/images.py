"""Pictures in steps: files next to the guide, checked before anything shows them.

A step's ``images`` name files in the folder beside the guide named after it
(``content/guides/<id>/``), which MkDocs publishes next to the page (``guides/<id>/``). Each file
is checked here, and what the page and the handout need to show it (its pixel size, a digest for
the caches) is read once:

- PNG, JPEG or WebP (what the file is, not only what its name says), or SVG;
- at most ``MAX_BYTES`` (SVG ``MAX_SVG_BYTES``): a reader on a phone pays for every byte;
- at least ``MIN_WIDTH`` pixels wide, so a screenshot's words stay readable, and at most
  ``MAX_SIDE`` on either side (a larger picture is only a larger download);
- an SVG has no script, no event attribute, no embedded HTML and nothing fetched from elsewhere:
  every reference (href, url(…)) points inside the file;
- the description (``alt``) is Korean: it is what a screen reader says instead of the picture.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from .loader import GuideFile
from .problems import Loc, Problem, josa

MAX_BYTES = 2 * 1024 * 1024
MAX_SVG_BYTES = 300 * 1024
MIN_WIDTH = 200
MAX_SIDE = 4000
# The phone-sized copy: 360 CSS pixels at twice the pixels, as WebP; made for wider pictures.
PHONE_WIDTH = 720
# Raster formats by what Pillow finds in the file, and the file-name endings that may say so.
RASTER = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "WEBP": (".webp",)}
ENDINGS = (".png", ".jpg", ".jpeg", ".webp", ".svg")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_SVG_FORBIDDEN = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}
_OUTSIDE_REFERENCE = re.compile(r"url\(\s*['\"]?(?!#)|@import", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:px)?\s*$")


@dataclass(frozen=True)
class ImageInfo:
    """What showing one picture needs."""

    file: str  # its name in the guide's folder
    path: Path  # absolute
    width: int  # pixels (an SVG's own width)
    height: int
    kind: str  # "png", "jpeg", "webp" or "svg"
    digest: str  # sha256 of the bytes

    @property
    def phone_file(self) -> str | None:
        """The phone-sized copy's name beside the original, when there is one."""
        if self.kind == "svg" or self.width <= PHONE_WIDTH:
            return None
        return f"{Path(self.file).stem}-{PHONE_WIDTH}w.webp"

    @property
    def phone_height(self) -> int:
        return round(self.height * PHONE_WIDTH / self.width)


def image_folder(guide_path: Path) -> Path:
    """content/guides/<id>/ beside content/guides/<id>.yml (a guide's file is named after its id)."""
    return guide_path.parent / guide_path.stem


def folder_fingerprint(guide_path: Path) -> bytes:
    """Changes whenever a file in the guide's picture folder does: part of its compiled cache key."""
    folder = image_folder(guide_path)
    if not folder.is_dir():
        return b""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def check_images(loaded: GuideFile) -> tuple[list[Problem], dict[str, ImageInfo]]:
    """Every step picture's problems, and what the page needs for those without any."""
    problems: list[Problem] = []
    found: dict[str, ImageInfo] = {}
    folder = image_folder(loaded.path)
    shown_folder = f"content/guides/{loaded.path.stem}/" if loaded.display.startswith("content/guides/") else f"{loaded.path.stem}/"
    for step_index, step in enumerate(loaded.guide.steps):
        for image_index, image in enumerate(step.images):
            loc: Loc = ("steps", step_index, "images", image_index)
            if not any("가" <= c <= "힣" for c in image.alt):
                problems.append(loaded.problem((*loc, "alt"), "그림 설명(alt)이 한국어가 아닙니다", "화면을 볼 수 없는 독자에게 읽어 줄 설명이므로, 그림에 무엇이 보이는지 한국어로 적어 주세요"))
            info, problem = _read(image.file, folder, shown_folder)
            if problem is not None:
                problems.append(loaded.problem((*loc, "file"), *problem))
            elif info is not None:
                found[image.file] = info
    return problems, found


def _read(name: str, folder: Path, shown_folder: str) -> tuple[ImageInfo | None, tuple[str, str] | None]:
    quoted = repr(name)
    if not _SAFE_NAME.fullmatch(name) or not name.lower().endswith(ENDINGS):
        return None, (
            f"그림 파일 이름 {josa(quoted, '은', '는')} 쓸 수 없습니다",
            "영문, 숫자, 점(.), 하이픈(-), 밑줄(_)로 된 이름에 .png, .jpg, .webp, .svg 중 하나로 끝나게 지어 주세요. 예: open-center.png",
        )
    path = folder / name
    if not path.is_file():
        return None, (f"그림 파일 {shown_folder}{name}이 없습니다", f"그림 파일을 {shown_folder} 폴더에 넣거나 file에 적은 이름을 파일 이름과 같게 고쳐 주세요")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if name.lower().endswith(".svg"):
        return _read_svg(name, path, data, digest)
    return _read_raster(name, path, data, digest)


def _read_raster(name: str, path: Path, data: bytes, digest: str) -> tuple[ImageInfo | None, tuple[str, str] | None]:
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_BYTES:
        return None, (f"그림 파일이 너무 큽니다 ({len(data) / 1024 / 1024:.1f}MB)", f"{MAX_BYTES // 1024 // 1024}MB 이하로 줄여 주세요. 화면 캡처라면 PNG 대신 JPEG나 WebP로 저장하면 작아집니다")
    try:
        with Image.open(path) as picture:
            kind, (width, height) = picture.format or "", picture.size
    except (UnidentifiedImageError, OSError):
        return None, ("그림 파일을 열 수 없습니다", "PNG, JPEG, WebP, SVG 중 하나로 다시 저장해 주세요")
    if kind not in RASTER:
        return None, (f"그림 형식({kind})은 쓸 수 없습니다", "PNG, JPEG, WebP, SVG 중 하나로 저장해 주세요")
    if not name.lower().endswith(RASTER[kind]):
        return None, (f"파일 이름은 {name.rsplit('.', 1)[-1]}로 끝나는데 실제로는 {kind} 그림입니다", f"파일 이름을 {RASTER[kind][0]}로 끝나게 고쳐 주세요")
    if max(width, height) > MAX_SIDE:
        return None, (f"그림이 너무 큽니다 ({width}×{height}픽셀)", f"가로세로 모두 {MAX_SIDE}픽셀 이하로 줄여 주세요. 휴대폰 화면 캡처는 그대로 두어도 됩니다")
    if width < MIN_WIDTH:
        return None, (f"그림이 너무 작습니다 (가로 {width}픽셀)", f"글자가 읽히도록 가로 {MIN_WIDTH}픽셀 이상인 그림을 써 주세요")
    return ImageInfo(name, path.resolve(), width, height, kind.lower(), digest), None


def _read_svg(name: str, path: Path, data: bytes, digest: str) -> tuple[ImageInfo | None, tuple[str, str] | None]:
    if len(data) > MAX_SVG_BYTES:
        return None, (f"SVG 파일이 너무 큽니다 ({len(data) // 1024}KB)", f"{MAX_SVG_BYTES // 1024}KB 이하로 줄이거나 PNG로 저장해 주세요")
    text = data.decode("utf-8", errors="replace")
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return None, ("SVG에 DOCTYPE이나 ENTITY 선언이 있습니다", "그림 프로그램에서 '일반 SVG'로 다시 내보내 주세요")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None, ("SVG 파일을 읽을 수 없습니다", "그림 프로그램에서 SVG로 다시 내보내 주세요")
    if _local(root.tag) != "svg":
        return None, ("SVG 파일이 아닙니다", "그림 프로그램에서 SVG로 다시 내보내 주세요")
    for element in root.iter():
        tag = _local(element.tag)
        if tag in _SVG_FORBIDDEN:
            return None, (f"SVG 안에 <{tag}> 요소가 있습니다", "스크립트나 다른 문서를 넣은 SVG는 쓸 수 없습니다. 그림만 남기거나 PNG로 저장해 주세요")
        for attribute, value in element.attrib.items():
            local = _local(attribute)
            if local.lower().startswith("on"):
                return None, (f"SVG 안에 이벤트 속성 {local}이 있습니다", "스크립트가 든 SVG는 쓸 수 없습니다. 그림 프로그램에서 다시 내보내거나 PNG로 저장해 주세요")
            if local == "href" and not value.strip().startswith("#"):
                return None, (f"SVG가 바깥 파일을 불러옵니다 ({value[:60]})", "그림에 필요한 것은 모두 SVG 파일 안에 넣어 주세요(글꼴은 윤곽선으로, 그림은 PNG로 따로)")
            if _OUTSIDE_REFERENCE.search(value):
                return None, ("SVG가 바깥 파일을 불러옵니다 (url(…) 또는 @import)", "그림에 필요한 것은 모두 SVG 파일 안에 넣어 주세요")
        if tag == "style" and element.text and _OUTSIDE_REFERENCE.search(element.text):
            return None, ("SVG가 바깥 파일을 불러옵니다 (url(…) 또는 @import)", "그림에 필요한 것은 모두 SVG 파일 안에 넣어 주세요")
    size = _svg_size(root)
    if size is None:
        return None, ("SVG에 크기(width와 height, 또는 viewBox)가 없습니다", "그림 프로그램에서 크기를 정해 다시 내보내 주세요")
    width, height = size
    return ImageInfo(name, path.resolve(), width, height, "svg", digest), None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _svg_size(root: ElementTree.Element) -> tuple[int, int] | None:
    width, height = (_LENGTH.match(root.get(side, "")) for side in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            return None
    return None
