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

Before a span becomes a candidate it must also pass the validators (`VALIDATORS`; `check` names the
one a span fails), each a property the header's own values have in the aligned gold spans:
- `blank_line`: a party (sender, addressee, copy) ends at a blank line: a span running over one is cut
  there (the tagger runs names into the next block: "Mr. W. C. Sullivan\n\n1015-GAROLONDSR");
- `trailing_label`: no text value ends in a field label ("DIRECTOR, FBI\nTITLE :" is a value and the
  next field's label);
- `other_label`: a text span whose own line puts another field's label before it ("TITLE: THE
  PRESIDENT'S ...", "FROM: ...") is that field's value, not this one;
- `party_shape`: a party reads as an office, a title or a name: no date, no classification level, no
  lowercase word other than the particles of names and offices ("of", "for", "and", ...), at most 12 words;
- `subject_slot`: a subject sits after a subject-like label (SUBJECT, SUBJ, RE, TITLE, SUBJECTS) on its
  line or the 3 non-blank lines above;
- `identifier`: a record id holds at least 3 digits (identifiers are numbered).

spaCy is imported, and the model loaded, on the first document that needs it only: a document whose
switched-on fields the rules all filled never loads it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .. import data as data_files
from ..document import Document
from ..ner import MODEL_DIR, header_zone
from ..resolve import value_key
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
_OCR_LETTERS = str.maketrans({"5": "S", "0": "O", "1": "I", "8": "B", "$": "S"})
PARTY_LABELS = ("SENDER", "ADDRESSEE", "COPY_TO")
VALIDATORS = (
    "blank_line",
    "trailing_label",
    "other_label",
    "party_shape",
    "subject_slot",
    "identifier",
)
# the label groups a text label's value may follow on its line (header_labels.json / rif.json names)
OWN_GROUPS = {
    "SENDER": {"from"},
    "ADDRESSEE": {"to"},
    "COPY_TO": {"info"},
    "SUBJECT": {"subject"},
}
_GROUP_OF = {
    "memo_for": "to",
    "to": "to",
    "memo_from": "from",
    "from": "from",
    "originator": "from",
    "through": "info",
    "info": "info",
    "subject": "subject",
    "subjects": "subject",
    "re": "subject",
    "case_title": "subject",
    "title": "subject",
    "ignored": "neutral",
}
# lowercase words a name or an office holds ("Chief of Station", "Center for ...", "Gaston de la ...")
PARTICLES = frozenset(
    ("of", "for", "and", "the", "to", "in", "on", "at", "by", "de", "del", "della", "di", "da", "du")
    + ("des", "la", "le", "van", "von", "der", "den", "y", "e", "et")
)
MAX_PARTY_WORDS = 12
SUBJECT_LINES_ABOVE = 8
_SEPARATORS = " \t|:;.-_©"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")

_state: dict[str, Any] = {}


@cache
def _levels() -> dict[str, str]:
    """Classification levels by their letters alone ("TOPSECRET" -> "TOP SECRET"), from the levels of
    `declass/data/classification.json`."""
    return {re.sub(r"[^A-Z]", "", level): level for level in data_files.load("classification")["levels"]}


@cache
def _labels() -> tuple[dict[str, list[str]], list[list[str]]]:
    """(header label name -> spellings, RIF [name, pattern] pairs) of `declass/data/`."""
    return data_files.load("header_labels")["labels"], data_files.load("rif")["labels"]


@cache
def _label_words() -> str:
    """An alternation of every field label of the header and RIF vocabularies of `declass/data/`."""
    header, rif = _labels()
    words = sorted({w for spellings in header.values() for w in spellings}, key=len, reverse=True)
    alts = [r"\s+".join(map(re.escape, w.split())) for w in words] + [pattern for _name, pattern in rif]
    return "|".join(f"(?:{a})" for a in alts)


@cache
def _label_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a field label at the start of a span, a field label followed by a colon anywhere in it)."""
    alt = _label_words()
    leading = re.compile(rf"(?i)^(?:{alt})\s*[:;.#-]?\s*")
    inside = re.compile(rf"(?i)(?<![A-Za-z])(?:{alt})\s*[:;]")
    return leading, inside


@cache
def _labels_with_groups() -> tuple[re.Pattern, tuple[str, ...]]:
    """Field labels as they head a value on a line: a multiword label as written ("MEMORANDUM FOR"),
    a one-word label with its colon ("TO:"); with the group each belongs to (`_GROUP_OF`)."""
    header, rif = _labels()
    entries = [
        (r"\s+".join(map(re.escape, w.split())), " " in w, name)
        for name, spellings in header.items()
        for w in spellings
    ] + [(pattern, False, name) for name, pattern in rif]
    entries.sort(key=lambda e: len(e[0]), reverse=True)
    alts = []
    for i, (pattern, multiword, _name) in enumerate(entries):
        # a one-word label needs its colon, or a line to itself (forms that print the labels first)
        if multiword:
            alts.append(rf"(?P<g{i}>(?<![A-Za-z])(?:{pattern})\s*[:;]?)")
        else:
            alts.append(rf"(?P<g{i}>(?<![A-Za-z])(?:{pattern})\s*[:;]|^[ \t]*(?:{pattern})[ \t]*$)")
    groups = tuple(_GROUP_OF.get(name, "other") for *_x, name in entries)
    return re.compile("(?im)" + "|".join(alts)), groups


def _labels_in(text: str) -> Iterator[tuple[re.Match, str]]:
    """(match, group) of every field label in `text`."""
    pattern, groups = _labels_with_groups()
    for m in pattern.finditer(text):
        yield m, groups[int(m.lastgroup[1:])]


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _other_label(text: str, label: str, start: int) -> bool:
    """Whether the span's own line puts another field's label before it: the last label there is a
    party or subject label of another field, or any other field's label ("DATE:", "PAGES:") with
    nothing but separators between it and the span. ATTN, REF and the like say nothing."""
    if label not in OWN_GROUPS:
        return False
    line_start = _line_start(text, start)
    before = text[line_start:start]
    if not before.strip() and line_start > 0:
        # a value on its own line under a line that is only a label ("SUBJECTS :" / "HSCA, ...")
        prev = _line_start(text, line_start - 1)
        while prev > 0 and not text[prev : line_start - 1].strip():
            prev = _line_start(text, prev - 1)
        above = text[prev : line_start - 1]
        found = list(_labels_in(above))
        rest = above[: found[0][0].start()] + above[found[0][0].end() :] if len(found) == 1 else "x"
        if not rest.strip().strip(_SEPARATORS):
            return found[0][1] not in ("neutral", "other") and found[0][1] not in OWN_GROUPS[label]
    last, group = None, ""
    for m, g in _labels_in(before):
        if g != "neutral":
            last, group = m, g
    if last is None:
        return False
    if group == "other":
        return not before[last.end() :].strip().strip(_SEPARATORS)
    return group not in OWN_GROUPS[label]


def _subject_slot(text: str, start: int) -> bool:
    """Whether a subject-like label precedes the span on its line or the lines just above."""
    lo = _line_start(text, start)
    for _ in range(SUBJECT_LINES_ABOVE):
        if lo == 0:
            break
        prev = _line_start(text, lo - 1)
        while prev > 0 and not text[prev : lo - 1].strip():  # blank lines do not count
            prev = _line_start(text, prev - 1)
        lo = prev
    return any(g == "subject" for _m, g in _labels_in(text[lo:start]))


def _party_shape(value: str) -> bool:
    """Whether a sender/addressee reads as an office, a title or a name."""
    from ..dates import find_dates

    words = re.findall(r"[A-Za-z][\w'’.@-]*", value)
    if not words or len(value.split()) > MAX_PARTY_WORDS or find_dates(value):
        return False
    if re.sub(r"[^A-Za-z]", "", value).upper() in _levels():
        return False
    # an e-mail address or user name ("jake.sullivan", "sullivanjj@state.gov") is a party too
    words = [w for w in words if not re.search(r"\w[.@]\w", w)]
    return all(not w.islower() or w.strip(".'’-") in PARTICLES or len(w) <= 2 for w in words)


def check(text: str, label: str, start: int, end: int, value: Any, validators=VALIDATORS) -> str | None:
    """The first validator (of `validators`) the span `text[start:end]` with `value` fails, or None."""
    raw = text[start:end]
    if "trailing_label" in validators and label in TEXT_LABELS and _trailing_label().search(raw):
        return "trailing_label"
    if "other_label" in validators and label in TEXT_LABELS and _other_label(text, label, start):
        return "other_label"
    if "party_shape" in validators and label in PARTY_LABELS and not _party_shape(str(value)):
        return "party_shape"
    if "subject_slot" in validators and label == "SUBJECT" and not _subject_slot(text, start):
        return "subject_slot"
    if "identifier" in validators and label == "RECORD_ID" and len(re.findall(r"\d", str(value))) < 3:
        return "identifier"
    return None


@cache
def _trailing_label() -> re.Pattern:
    """A span's last line that is only a field label ("DIRECTOR, FBI\nTITLE :")."""
    return re.compile(rf"\n[\s|©]*(?:{_label_words()})\s*[:;]?\W*$", re.IGNORECASE)


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
        level = _levels().get(compact)
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
    """(label, start, end) spans the pipeline finds in `text`: the shipped pipeline's through
    `declass.ner.greedy` (the same spans, a fraction of spaCy's decoding cost), any other's by running it."""
    fast = _decoder(nlp)
    if fast is not None:
        return fast.spans(text)
    return [(e.label_, e.start_char, e.end_char) for e in nlp(text).ents]


def _decoder(nlp):
    """The greedy decoder of `nlp` (made once per pipeline), or None when `nlp` is not of its shape."""
    cached = _state.get("decoder")
    if cached is None or cached[0] is not nlp:
        from ..ner.greedy import decoder

        cached = _state["decoder"] = (nlp, decoder(nlp))
    return cached[1]


def cut_span(text: str, label: str, start: int, end: int) -> tuple[int, int]:
    """The span a party value really covers: up to the first blank line in it (`blank_line`)."""
    if label in PARTY_LABELS:
        m = _BLANK_LINE.search(text, start, end)
        if m and m.start() > start:
            return start, m.start()
    return start, end


def candidates_from_spans(
    doc: Document,
    spans: Iterable[tuple[str, int, int]],
    calibration: dict[str, float],
    labels: Iterable[str] | None = None,
    validators: Iterable[str] = VALIDATORS,
    rejected: dict[str, list] | None = None,
) -> Iterator[Candidate]:
    """Candidates of the spans of `labels` (default: all) whose confidence is above 0 and that pass
    `validators` (the names of the failing ones go to `rejected`, for reports). A single-valued field
    whose spans disagree gets none: the tagger is not sure which one it is."""
    wanted = set(FIELD_OF if labels is None else labels)
    validators = tuple(validators)
    out: dict[str, list[Candidate]] = {}
    for label, start, end in spans:
        conf = calibration.get(label, DEFAULT_CONFIDENCE)
        if label not in wanted or label not in FIELD_OF or conf <= 0:
            continue
        if "blank_line" in validators:
            start, end = cut_span(doc.text, label, start, end)
        raw = doc.text[start:end]
        norm = normalize(label, raw)
        if norm is None:
            continue
        failed = check(doc.text, label, start, end, norm[0], validators)
        if failed:
            if rejected is not None:
                rejected.setdefault(failed, []).append((label, start, end, norm[0]))
            continue
        # trim the span to its non-space characters so `raw` is what the value came from
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        value, extra = norm
        c = Candidate(FIELD_OF[label], value, start + lead, end - trail, conf, f"ner:{label}", extra)
        out.setdefault(label, []).append(c)
    for label, cands in out.items():
        if label in SINGLE_LABELS and len({value_key(c.value) for c in cands}) > 1:
            continue
        yield from cands


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
