"""The trained header tagger (issue 4), a gap filler after the rules.

The spaCy pipeline in `declass/models/header_ner/` tags spans of the header zone (the first
`declass.ner.ZONE_CHARS` characters). It never competes with the rules: `declass.pipeline` resolves
the rules' candidates first, then asks `fill(doc, record)` for the fields the rules left empty, and
only for labels that cross-validation switched on (`calibration.json` beside the model: per label a
confidence, 0 = off). Each kept span becomes a candidate with method `ner:<LABEL>`.

A span is cleaned before it becomes a value (a leading field label such as "SUBJECT:" and edge
punctuation trimmed; dates read with `declass.dates`, classification levels with the vocabulary)
and dropped when it does not read as one value: a date or level that does not parse, a text span
holding another field's label ("... TITLE : ..." is two fields run together), a text longer than a
header value, or, for a single-valued field, spans of one label that disagree.

spaCy is imported, and the model loaded, on the first document that needs it only: a document whose
switched-on fields the rules all filled never loads it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
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
SINGLE_LABELS = ("SENDER", "SUBJECT", "DOC_DATE", "CLASSIFICATION")
TEXT_LABELS = ("SENDER", "ADDRESSEE", "COPY_TO", "SUBJECT", "AUTHORITY")
# a header value longer than this has run into the body
MAX_CHARS = {"SUBJECT": 250, "SENDER": 100, "ADDRESSEE": 100, "COPY_TO": 100, "AUTHORITY": 100}
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


@cache
def _label_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a field label at the start of a span, a field label followed by a colon anywhere in it), from
    the header and RIF label vocabularies of `declass/data/`."""
    data = resources.files("declass.data")
    header = json.loads(data.joinpath("header_labels.json").read_text("utf-8"))["labels"]
    rif = json.loads(data.joinpath("rif.json").read_text("utf-8"))["labels"]
    words = sorted({w for spellings in header.values() for w in spellings}, key=len, reverse=True)
    alts = [r"\s+".join(map(re.escape, w.split())) for w in words] + [pattern for _name, pattern in rif]
    alt = "|".join(f"(?:{a})" for a in alts)
    leading = re.compile(rf"(?i)^(?:{alt})\s*[:;.#-]?\s*")
    inside = re.compile(rf"(?i)(?<![A-Za-z])(?:{alt})\s*[:;]")
    return leading, inside


def set_model(nlp, calibration: dict[str, float] | None = None) -> None:
    """Use this pipeline (and per-label confidences) instead of the shipped one (cross-validation)."""
    _state["nlp"] = nlp
    _state["calibration"] = dict(calibration) if calibration is not None else {}


def reset() -> None:
    _state.clear()


def _calibration_file() -> dict[str, Any]:
    path = MODEL_DIR / "calibration.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def calibration() -> dict[str, float]:
    """Per-label confidence of the shipped model (0 = label off); read without importing spaCy."""
    if "calibration" not in _state:
        _state["calibration"] = dict(_calibration_file().get("confidence", {}))
    return _state["calibration"]


def default_on() -> bool:
    """Whether cross-validation put the tagger in the default pipeline: some label, filling the gaps
    the rules leave, raised its field's F1 without costing precision (`declass.ner.cv`)."""
    return bool(_calibration_file().get("default_on")) and model_available()


def _nlp():
    if "nlp" not in _state:
        import spacy  # lazy: only when the tagger runs

        _state["nlp"] = spacy.load(MODEL_DIR) if model_available() else None
    return _state["nlp"]


def _load() -> tuple[Any, dict[str, float]]:
    return _nlp(), calibration()


def model_available(path: Path = MODEL_DIR) -> bool:
    return (path / "meta.json").exists()


def _clean_text(label: str, text: str) -> str | None:
    leading, inside = _label_patterns()
    text = leading.sub("", text).strip(" .,;:-|*_")
    if len(text) < 2 or len(text) > MAX_CHARS.get(label, 100) or inside.search(text):
        return None
    return text


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
        return (text.upper(), {}) if re.fullmatch(r"[A-Za-z][A-Za-z /-]{1,30}", text) else None
    if label == "CASE_NUMBER":
        m = re.fullmatch(r"(?i)(NW)\s*[:#.]?\s*(\d{4,6})", text)
        return (f"NW {m.group(2)}", {}) if m else None
    if label == "RECORD_ID":
        text = re.sub(r"(?i)^doc\s*[il1]d\s*[:#]?\s*", "", text)
        if len(re.sub(r"[^0-9A-Za-z]", "", text)) < 3:
            return None
        kind = "nara_record_number" if re.fullmatch(r"\d{3}-\d{5}-\d{5}", text) else "record_id"
        return (text, {"kind": kind})
    text = _clean_text(label, text)
    return (text, {}) if text else None


def tag(nlp, text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) spans the pipeline finds in `text`."""
    return [(e.label_, e.start_char, e.end_char) for e in nlp(text).ents]


def candidates_from_spans(
    doc: Document,
    spans: Iterable[tuple[str, int, int]],
    calibration: dict[str, float],
    labels: Iterable[str] | None = None,
) -> Iterator[Candidate]:
    """Candidates of the spans of `labels` (default: all) whose confidence is above 0. A single-valued
    field whose spans disagree gets none: the tagger is not sure which one it is."""
    wanted = set(FIELD_OF if labels is None else labels)
    out: dict[str, list[Candidate]] = {}
    for label, start, end in spans:
        conf = calibration.get(label, DEFAULT_CONFIDENCE)
        if label not in wanted or label not in FIELD_OF or conf <= 0:
            continue
        raw = doc.text[start:end]
        norm = normalize(label, raw)
        if norm is None:
            continue
        # trim the span to its non-space characters so `raw` is what the value came from
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        value, extra = norm
        c = Candidate(FIELD_OF[label], value, start + lead, end - trail, conf, f"ner:{label}", extra)
        out.setdefault(label, []).append(c)
    for label, cands in out.items():
        if label in SINGLE_LABELS and len({_key(c.value) for c in cands}) > 1:
            continue
        yield from cands


def _key(value: Any) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(value).casefold())


def empty_labels(record, calibration: dict[str, float]) -> list[str]:
    """The switched-on labels whose field the record (the rules' result) left empty."""
    out = []
    for label, path in FIELD_OF.items():
        if calibration.get(label, 0) > 0 and record.get(path) in (None, []):
            out.append(label)
    return out


def fill(doc: Document, record) -> list[Candidate]:
    """Candidates for the fields `record` left empty (the pipeline's gap-filling step)."""
    labels = empty_labels(record, calibration())
    if not labels:
        return []
    nlp = _nlp()
    if nlp is None:
        return []
    zone = header_zone(doc.text)
    if not zone.strip():
        return []
    return list(candidates_from_spans(doc, tag(nlp, zone), calibration(), labels))


def extract(doc: Document) -> Iterator[Candidate]:
    """Every switched-on label's candidates, whatever the rules found (the 'NER only' view)."""
    nlp, cal = _load()
    if nlp is None or not any(v > 0 for v in cal.values()):
        return
    zone = header_zone(doc.text)
    if zone.strip():
        yield from candidates_from_spans(doc, tag(nlp, zone), cal)
