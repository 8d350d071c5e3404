"""The library API: what the CLI calls, and what a Python user calls directly."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .ingest import document_from_text, read_documents
from .pipeline import EXTRACTORS, extract_document, with_ner
from .record import Record
from .resolve import MIN_CONFIDENCE


def extract_text(
    text: str,
    source: str | None = None,
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    ner: bool | None = None,
) -> Record:
    """The record of one document given as text. `source` is recorded as its path.

    `ner`: True/False switches the trained header tagger (a gap filler after the rules) on/off;
    None keeps `extractors` as given (the default pipeline has it when its cross-validation says so,
    `declass.pipeline.NER_DEFAULT`)."""
    doc = document_from_text(text, source)
    return extract_document(doc, with_ner(extractors, ner), min_confidence)


def extract_file(
    path: str | Path,
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    ocr: str = "auto",
    ner: bool | None = None,
) -> list[Record]:
    """The records of the documents in one file (.txt, .md, .pdf, page images), one per document
    the file holds. `ocr`: "auto" (images and PDF pages without a usable text layer), "always"
    or "never". `ner`: as in `extract_text`.

    Raises `declass.IngestError` when the file cannot be read.
    """
    names = with_ner(extractors, ner)
    return [extract_document(doc, names, min_confidence) for doc in read_documents(path, ocr=ocr)]
