"""Extractor: the trained header tagger (issue 4), for headers the rules cannot read.

The spaCy pipeline in `declass/models/header_ner/` tags spans of the header zone (the first
`declass.ner.ZONE_CHARS` characters); each span becomes a candidate with method `ner:<LABEL>`. The
confidence of a label is a constant measured by cross-validation (`calibration.json` beside the
model: the label's held-out precision, scaled to stay below the rules' labelled values, so NER
candidates fill gaps rather than override). Labels whose candidates cost precision in
cross-validation have confidence 0 and are not proposed. spaCy is imported, and the model loaded,
on the first call only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..ner import MODEL_DIR, header_zone
from .base import Candidate

FIELD_OF = {
    "SENDER": "sender",
    "ADDRESSEE": "addressees",
    "COPY_TO": "copies_to",
    "SUBJECT": "subject",
    "DOC_DATE": "document_date",
    "REVIEW_DATE": "declassification.review_dates",
    "CASE_NUMBER": "declassification.case_numbers",
    "CLASSIFICATION": "classification.original",
    "CONTROL": "classification.controls",
    "AUTHORITY": "declassification.authorities",
    "RECORD_ID": "identifiers",
}
DEFAULT_CONFIDENCE = 0.6
LEVELS = {
    "TOPSECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "RESTRICTED": "RESTRICTED",
    "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE",
    "FOROFFICIALUSEONLY": "FOR OFFICIAL USE ONLY",
    "UNCLASSIFIED": "UNCLASSIFIED",
}
_OCR_LETTERS = str.maketrans({"5": "S", "0": "O", "1": "I", "8": "B", "$": "S"})

_state: dict[str, Any] = {}


def set_model(nlp, calibration: dict[str, float] | None = None) -> None:
    """Use this pipeline (and per-label confidences) instead of the shipped one (cross-validation)."""
    _state["nlp"] = nlp
    _state["calibration"] = dict(calibration) if calibration is not None else {}


def reset() -> None:
    _state.clear()


def _load() -> tuple[Any, dict[str, float]]:
    if "nlp" not in _state:
        import spacy  # lazy: only when the tagger runs

        _state["nlp"] = spacy.load(MODEL_DIR) if MODEL_DIR.exists() else None
        cal = MODEL_DIR / "calibration.json"
        _state["calibration"] = json.loads(cal.read_text(encoding="utf-8")) if cal.exists() else {}
    return _state["nlp"], _state["calibration"]


def model_available(path: Path = MODEL_DIR) -> bool:
    return (path / "meta.json").exists()


def normalize(label: str, raw: str) -> tuple[Any, dict[str, Any]] | None:
    """The field value of a tagged span, or None when the span does not read as one."""
    text = " ".join(raw.split()).strip(" .,;:-|*_")
    if not text:
        return None
    if label in ("DOC_DATE", "REVIEW_DATE"):
        from ..dates import parse_date

        value = parse_date(text)
        return (value, {}) if value else None
    if label == "CLASSIFICATION":
        compact = re.sub(r"[^A-Za-z0-9$]", "", text).upper().translate(_OCR_LETTERS)
        level = LEVELS.get(compact)
        return (level, {}) if level else None
    if label == "CONTROL":
        return (text.upper(), {})
    if label == "CASE_NUMBER":
        m = re.fullmatch(r"(?i)(NW)\s*[:#.]?\s*(\d{4,6})", text)
        return (f"NW {m.group(2)}" if m else text, {})
    if label == "RECORD_ID":
        text = re.sub(r"(?i)^doc\s*[il1]d\s*[:#]?\s*", "", text)
        if len(re.sub(r"[^0-9A-Za-z]", "", text)) < 3:
            return None
        kind = "nara_record_number" if re.fullmatch(r"\d{3}-\d{5}-\d{5}", text) else "record_id"
        return (text, {"kind": kind})
    if len(text) < 2:
        return None
    return (text, {})


def tag(nlp, text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) spans the pipeline finds in `text`."""
    return [(e.label_, e.start_char, e.end_char) for e in nlp(text).ents]


def candidates_from_spans(
    doc: Document, spans: list[tuple[str, int, int]], calibration: dict[str, float]
) -> Iterator[Candidate]:
    for label, start, end in spans:
        field = FIELD_OF.get(label)
        conf = calibration.get(label, DEFAULT_CONFIDENCE)
        if field is None or conf <= 0:
            continue
        raw = doc.text[start:end]
        norm = normalize(label, raw)
        if norm is None:
            continue
        # trim the span to its non-space characters so `raw` is what the value came from
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        value, extra = norm
        yield Candidate(field, value, start + lead, end - trail, conf, f"ner:{label}", extra)


def _all_off() -> bool:
    """True when the shipped calibration switches every label off: then spaCy is not even loaded."""
    if "nlp" in _state:
        cal = _state["calibration"]
    else:
        path = MODEL_DIR / "calibration.json"
        cal = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return bool(cal) and not any(v > 0 for v in cal.values())


def extract(doc: Document) -> Iterator[Candidate]:
    if _all_off():
        return
    nlp, calibration = _load()
    if nlp is None:
        return
    zone = header_zone(doc.text)
    if not zone.strip():
        return
    yield from candidates_from_spans(doc, tag(nlp, zone), calibration)
