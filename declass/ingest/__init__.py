"""Reading inputs into Documents: text files in any common encoding, PDF text layers, OCR of page
images, and the split of a file into the documents it holds."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
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


# Size caps: declass reads documents, and a document is far smaller than these. A bigger input is
# a dump or a log mistaken for one: it is read up to the cap, with a warning in its records, and
# never loaded whole (its SHA-256 still covers the whole file, so --resume knows it).
# 10 MiB of text is a bound volume of ~3,000 OCR'd pages, which declass reads in ~10 s; a PDF's
# first 2,000 pages take ~10-40 s by text layer (and hours by OCR).
MAX_TEXT_BYTES = 10 * 2**20
MAX_PDF_PAGES = 2000
_CHUNK = 1 << 20


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n} bytes"


def _read(path: str | Path, *, ocr: str, probe: bool) -> tuple[Document, dict[int, str]]:
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IngestError("is a directory")
        if not stat.S_ISREG(st.st_mode):
            # a FIFO or a device would block or never end
            raise IngestError("not a regular file (a pipe, socket or device)")
        with open(path, "rb") as f:
            if suffix in PDF_SUFFIXES:
                sha = _sha256_rest(f, hashlib.sha256())
                f.seek(0)
                from .pdf import read_pdf_probed

                return read_pdf_probed(f, str(path), sha, ocr=ocr, probe=probe, max_pages=MAX_PDF_PAGES)
            if suffix in IMAGE_SUFFIXES:
                sha = _sha256_rest(f, hashlib.sha256())
                return _read_image(path, sha, ocr), {}
            data = f.read(MAX_TEXT_BYTES + 1)
            h = hashlib.sha256(data)
            size = len(data)
            truncated = size > MAX_TEXT_BYTES
            if truncated:
                data = _cut_at_line(data[:MAX_TEXT_BYTES])
                sha = _sha256_rest(f, h)
                size = f.tell()
            else:
                sha = h.hexdigest()
    except FileNotFoundError as exc:
        if path.is_symlink():
            target = os.readlink(path)
            raise IngestError(f"broken symbolic link (its target {target} does not exist)") from exc
        raise IngestError("no such file (deleted while declass ran?)") from exc
    except IsADirectoryError as exc:
        raise IngestError("is a directory") from exc
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError("symbolic link loop") from exc
        raise IngestError(exc.strerror or str(exc)) from exc
    cut = (
        f"file is {_mib(size)}: only its first {_mib(len(data))} read (size cap {_mib(MAX_TEXT_BYTES)})"
        if truncated
        else None
    )
    return _text_document(data, str(path), sha, cut), {}


def _text_document(data: bytes, path: str | None, sha: str, cut: str | None) -> Document:
    """The document of a text's bytes (any encoding `decode_text` knows); `cut` is the size-cap
    warning when the bytes are only the first part of the input."""
    text, warnings = decode_text(data)
    doc = Document.from_text(text, path=path, sha256=sha)
    doc.warnings.extend(warnings)
    if cut:
        doc.warnings.append(cut)
    return doc


def _sha256_rest(f, h) -> str:
    """SHA-256 of what `h` has seen plus the rest of `f`, read a chunk at a time."""
    for chunk in iter(lambda: f.read(_CHUNK), b""):
        h.update(chunk)
    return h.hexdigest()


def _cut_at_line(data: bytes) -> bytes:
    """`data` cut after its last newline (no torn line, no torn UTF-8 character) when one is near the end."""
    nl = data.rfind(b"\n", max(0, len(data) - 65536))
    return data[: nl + 1] if nl >= 0 else data


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
    """The document given on standard input (any encoding `decode_text` knows). Pass at most
    MAX_TEXT_BYTES + 1 bytes of it: more than MAX_TEXT_BYTES is cut there, with a warning."""
    sha = hashlib.sha256(data).hexdigest()
    if len(data) <= MAX_TEXT_BYTES:
        return _text_document(data, None, sha, None)
    data = _cut_at_line(data[:MAX_TEXT_BYTES])
    cut = f"standard input is over {_mib(MAX_TEXT_BYTES)}: only its first {_mib(len(data))} read (size cap)"
    return _text_document(data, None, sha, cut)


def document_from_text(text: str, source: str | None = None) -> Document:
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document.from_text(text, path=source, sha256=sha)
