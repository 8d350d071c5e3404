"""The library API: what the CLI calls, and what a Python user calls directly."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .ingest import document_from_text, read_documents
from .pipeline import EXTRACTORS, extract_document
from .record import Record
from .resolve import MIN_CONFIDENCE


def extract_text(
    text: str,
    source: str | None = None,
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
) -> Record:
    """The record of one document given as text. `source` is recorded as its path."""
    doc = document_from_text(text, source)
    return extract_document(doc, extractors, min_confidence)


def extract_file(
    path: str | Path,
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    ocr: str = "auto",
) -> list[Record]:
    """The records of the documents in one file (.txt, .md, .pdf, page images), one per document
    the file holds. `ocr`: "auto" (images and PDF pages without a usable text layer), "always"
    or "never".

    Raises `declass.IngestError` when the file cannot be read.
    """
    return [extract_document(doc, extractors, min_confidence) for doc in read_documents(path, ocr=ocr)]
