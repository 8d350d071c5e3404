"""Reading inputs into Documents: text files in any common encoding, PDF text layers."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import Document
from .text import decode_text

TEXT_SUFFIXES = {".txt", ".md", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES


class IngestError(Exception):
    """An input that cannot be read; the message names the problem (the caller adds the file)."""


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_documents(path: str | Path) -> list[Document]:
    """The documents in one input file (one per file for now)."""
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
    if path.suffix.lower() in PDF_SUFFIXES:
        from .pdf import read_pdf

        return [read_pdf(data, str(path), sha)]
    text, warnings = decode_text(data)
    doc = Document.from_text(text, path=str(path), sha256=sha)
    doc.warnings.extend(warnings)
    return [doc]


def read_stdin(data: bytes) -> Document:
    """The document given on standard input (any encoding `decode_text` knows)."""
    text, warnings = decode_text(data)
    doc = Document.from_text(text, path=None, sha256=hashlib.sha256(data).hexdigest())
    doc.warnings.extend(warnings)
    return doc


def document_from_text(text: str, source: str | None = None) -> Document:
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document.from_text(text, path=source, sha256=sha)
