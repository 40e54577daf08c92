"""The handout's font: the installed Noto Sans CJK KR cut down to Korean, once per process.

WeasyPrint embeds in every PDF a subset of each font it used, and HarfBuzz's time to make that
subset, and the embedded font's size, grow with the whole font: Noto Sans CJK holds 65,000
glyphs for four languages, of which a Korean handout draws a few hundred. Cut once to Hangul,
Latin and the common symbols (about 17,000 glyphs, 2 MB) and handed to WeasyPrint as an
@font-face, it makes each handout cheaper to write and a third of the size. A character
outside these ranges falls back to the full installed font, exactly as before; where the
libraries or the font are missing, the stylesheet simply names the installed font.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

# The family the handout's stylesheet asks for first; the installed font comes after it.
FAMILY = "Noto Sans CJK KR Hangul"
SOURCE_FAMILY = "Noto Sans CJK KR"
WEIGHTS = {400: "regular", 700: "bold"}
# Code point ranges kept: Latin and its punctuation, general punctuation, arrows and other
# symbols, CJK punctuation, Hangul Jamo, compatibility Jamo, all 11,172 syllables, full width forms.
KEPT = (
    (0x20, 0x24F),
    (0x2000, 0x2BFF),
    (0x3000, 0x303F),
    (0x1100, 0x11FF),
    (0x3130, 0x318F),
    (0x3200, 0x32FF),
    (0xAC00, 0xD7A3),
    (0xFF00, 0xFFEF),
)

_DECLARATIONS = """
typedef struct _FcConfig FcConfig; typedef struct _FcPattern FcPattern;
typedef int FcBool; typedef unsigned char FcChar8; typedef int FcResult;
FcPattern *FcNameParse(const FcChar8 *name);
FcBool FcConfigSubstitute(FcConfig *config, FcPattern *p, int kind);
void FcDefaultSubstitute(FcPattern *pattern);
FcPattern *FcFontMatch(FcConfig *config, FcPattern *p, FcResult *result);
FcResult FcPatternGetString(const FcPattern *p, const char *object, int n, FcChar8 **s);
FcResult FcPatternGetInteger(const FcPattern *p, const char *object, int n, int *i);
void FcPatternDestroy(FcPattern *p);

typedef struct hb_blob_t hb_blob_t; typedef struct hb_face_t hb_face_t;
typedef struct hb_set_t hb_set_t; typedef struct hb_subset_input_t hb_subset_input_t;
hb_blob_t *hb_blob_create_from_file_or_fail(const char *file_name);
void hb_blob_destroy(hb_blob_t *blob);
const char *hb_blob_get_data(hb_blob_t *blob, unsigned int *length);
hb_face_t *hb_face_create(hb_blob_t *blob, unsigned int index);
hb_blob_t *hb_face_reference_blob(hb_face_t *face);
void hb_face_destroy(hb_face_t *face);
void hb_set_add_range(hb_set_t *set, uint32_t first, uint32_t last);
hb_subset_input_t *hb_subset_input_create_or_fail(void);
void hb_subset_input_destroy(hb_subset_input_t *input);
hb_set_t *hb_subset_input_unicode_set(hb_subset_input_t *input);
hb_face_t *hb_subset_or_fail(hb_face_t *source, const hb_subset_input_t *input);
"""


def _installed(ffi, fontconfig, weight: int) -> tuple[bytes, int] | None:
    """The file and face index fontconfig gives for the source family at this weight, if it is that family."""
    pattern = fontconfig.FcNameParse(f"{SOURCE_FAMILY}:weight={WEIGHTS[weight]}".encode())
    fontconfig.FcConfigSubstitute(ffi.NULL, pattern, 0)  # FcMatchPattern
    fontconfig.FcDefaultSubstitute(pattern)
    match = fontconfig.FcFontMatch(ffi.NULL, pattern, ffi.new("FcResult *"))
    fontconfig.FcPatternDestroy(pattern)
    if match == ffi.NULL:
        return None
    try:
        text, number = ffi.new("FcChar8 **"), ffi.new("int *")
        families = []
        while fontconfig.FcPatternGetString(match, b"family", len(families), text) == 0:
            families.append(ffi.string(text[0]).decode())
        if SOURCE_FAMILY not in families or fontconfig.FcPatternGetString(match, b"file", 0, text) != 0:
            return None  # fontconfig offered another font in its place
        path = ffi.string(text[0])
        index = number[0] if fontconfig.FcPatternGetInteger(match, b"index", 0, number) == 0 else 0
        return path, index
    finally:
        fontconfig.FcPatternDestroy(match)


def _korean_subset(ffi, harfbuzz, subset, path: bytes, index: int) -> bytes | None:
    blob = harfbuzz.hb_blob_create_from_file_or_fail(path)
    if blob == ffi.NULL:
        return None
    face = harfbuzz.hb_face_create(blob, index)
    harfbuzz.hb_blob_destroy(blob)
    kept = subset.hb_subset_input_create_or_fail()
    codepoints = subset.hb_subset_input_unicode_set(kept)
    for first, last in KEPT:
        harfbuzz.hb_set_add_range(codepoints, first, last)
    result = subset.hb_subset_or_fail(face, kept)
    subset.hb_subset_input_destroy(kept)
    harfbuzz.hb_face_destroy(face)
    if result == ffi.NULL:
        return None
    data = harfbuzz.hb_face_reference_blob(result)
    length = ffi.new("unsigned int *")
    font = bytes(ffi.buffer(harfbuzz.hb_blob_get_data(data, length), length[0]))
    harfbuzz.hb_blob_destroy(data)
    harfbuzz.hb_face_destroy(result)
    return font


def _font_file(font: bytes) -> Path:
    """The cut font as a file named by its content, written once and shared by every build on this
    machine: WeasyPrint reads a file in a few milliseconds, where the same font as a data: URL in
    the stylesheet costs about a second of CSS parsing in every process that renders handouts."""
    folder = Path(tempfile.gettempdir()) / "giljabi-fonts"
    path = folder / f"{hashlib.sha256(font).hexdigest()[:24]}.otf"
    if not path.is_file():
        folder.mkdir(exist_ok=True)
        partial = folder / f"{path.name}.{os.getpid()}.part"
        partial.write_bytes(font)
        partial.replace(path)  # atomic: a build running at the same time sees all of it or nothing
    return path


@lru_cache(maxsize=1)
def font_faces() -> str:
    """@font-face rules for FAMILY at both weights, or "" where the subset cannot be made here."""
    from cffi import FFI  # WeasyPrint's own dependency

    ffi = FFI()
    ffi.cdef(_DECLARATIONS)
    try:
        fontconfig = ffi.dlopen("libfontconfig.so.1")
        harfbuzz = ffi.dlopen("libharfbuzz.so.0")
        subset = ffi.dlopen("libharfbuzz-subset.so.0")
    except OSError:  # not Linux, or no HarfBuzz subsetter: WeasyPrint uses the installed font
        return ""
    rules = []
    for weight in WEIGHTS:
        installed = _installed(ffi, fontconfig, weight)
        font = _korean_subset(ffi, harfbuzz, subset, *installed) if installed else None
        if font is None:
            return ""
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; src: url({_font_file(font).as_uri()}); }}')
    return "\n".join(rules) + "\n"
