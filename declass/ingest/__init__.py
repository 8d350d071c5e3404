"""Reading inputs into Documents: text files in any common encoding, PDF text layers, OCR of page
images, and the split of a file into the documents it holds."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import PAGE_BREAK, Document
from .text import decode_text

TEXT_SUFFIXES = {".txt", ".md", ".text"}
PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES
OCR_MODES = ("auto", "always", "never")


class IngestError(Exception):
    """An input that cannot be read; the message names the problem (the caller adds the file)."""


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_documents(path: str | Path, *, ocr: str = "auto", split: bool = True) -> list[Document]:
    """The documents in one input file: one, or several when `split` finds document boundaries.

    `ocr` is "auto" (OCR images and PDF pages without a usable text layer), "always" (OCR every PDF
    page too) or "never". Raises IngestError when the file cannot be read.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    doc, headers = _read(path, ocr=ocr, probe=split)
    if not split:
        return [doc]
    from .split import split_document

    return split_document(doc, headers)


def _read(path: str | Path, *, ocr: str, probe: bool) -> tuple[Document, dict[int, str]]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise IngestError("is a directory") from exc
    except FileNotFoundError as exc:
        raise IngestError("no such file") from exc
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except OSError as exc:
        raise IngestError(exc.strerror or str(exc)) from exc
    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf_probed

        return read_pdf_probed(data, str(path), sha, ocr=ocr, probe=probe)
    if suffix in IMAGE_SUFFIXES:
        return _read_image(path, sha, ocr), {}
    text, warnings = decode_text(data)
    doc = Document.from_text(text, path=str(path), sha256=sha)
    doc.warnings.extend(warnings)
    return doc, {}


def _read_image(path: Path, sha: str, ocr: str) -> Document:
    from . import ocr as ocr_mod

    if ocr == "never":
        raise IngestError("an image needs OCR, and OCR is off (--ocr never)")
    reason = ocr_mod.unavailable_reason()
    if reason:
        raise IngestError(reason)
    try:
        pages = ocr_mod.ocr_image_file(path)
    except ImportError as exc:
        raise IngestError("OCR unavailable: reading images needs Pillow (pip install pillow)") from exc
    except (OSError, SyntaxError, ValueError) as exc:  # PIL's errors for a broken image
        raise IngestError(f"not a readable image ({exc})") from exc
    pages = [p.replace(PAGE_BREAK, " ") for p in pages]
    if not any(ocr_mod.usable_text(p) for p in pages):
        raise IngestError("OCR found no text in the image")
    offsets, pos = [], 0
    for text in pages:
        offsets.append(pos)
        pos += len(text) + 1
    doc = Document(text=PAGE_BREAK.join(pages), path=str(path), sha256=sha, page_offsets=offsets)
    doc.warnings.append(f"OCR ({ocr_mod.engine_name()}) of an image")
    return doc


def read_stdin(data: bytes) -> Document:
    """The document given on standard input (any encoding `decode_text` knows)."""
    text, warnings = decode_text(data)
    doc = Document.from_text(text, path=None, sha256=hashlib.sha256(data).hexdigest())
    doc.warnings.extend(warnings)
    return doc


def document_from_text(text: str, source: str | None = None) -> Document:
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document.from_text(text, path=source, sha256=sha)
