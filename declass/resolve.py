"""Pick the best candidate per field, deduplicate lists, and say what conflicted.

Extractors propose; the resolver decides. It never invents a value: every field it keeps is a
candidate some extractor found, with that candidate's span.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .dates import earlier
from .document import Document
from .extract.base import Candidate
from .record import FIELD_PATHS, LIST_FIELDS, SINGLE_FIELDS, Field, Record, Source

# Candidates below this are not reported at all; conflicting ones above CONFLICT are warned about.
MIN_CONFIDENCE = 0.5
CONFLICT_CONFIDENCE = 0.7
# Party lists come whole from one extractor: a RIF's "DIRECTOR. FBI" and the memo's "Director, FBI
# (65-68043)" are the same addressee, and a union of both would report it twice.
EXCLUSIVE_LISTS = ("addressees", "through", "copies_to")
# several extractors agreeing on one value make it more likely
AGREEMENT_BONUS = 0.05


def value_key(value) -> str:
    """Comparison key of a value: case, spacing and punctuation do not matter."""
    return re.sub(r"[^0-9a-z]+", "", str(value).casefold())


def _from_document_itself(c: Candidate) -> bool:
    """Whether a candidate was read from the document's own text rather than a NARA cover sheet
    (RIF) describing it: on equal confidence the document's own reading wins (the guideline)."""
    return not c.method.startswith("rule:rif")


def _to_field(doc: Document, c: Candidate) -> Field:
    return Field(
        value=c.value,
        raw=doc.text[c.start : c.end],
        start=c.start,
        end=c.end,
        page=doc.page_at(c.start),
        confidence=min(1.0, max(0.0, c.confidence)),
        method=c.method,
        extra=dict(c.extra),
    )


def _pick_single(path: str, cands: list[Candidate], warnings: list[str]) -> Candidate:
    """The winning candidate, as a copy carrying its group's score as confidence (the candidates
    given are left as they are, so the same list can be resolved again)."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        groups[value_key(c.value)].append(c)

    def score(group: list[Candidate]) -> float:
        methods = {c.method for c in group}
        return max(c.confidence for c in group) + AGREEMENT_BONUS * (len(methods) - 1)

    ranked = sorted(
        groups.values(),
        key=lambda g: (-score(g), not any(map(_from_document_itself, g)), min(c.start for c in g)),
    )
    best_group = ranked[0]
    best = max(best_group, key=lambda c: (c.confidence, -c.start))
    for other in ranked[1:]:
        top = max(other, key=lambda c: c.confidence)
        if top.confidence >= CONFLICT_CONFIDENCE:
            warnings.append(f"{path}: chose {best.value!r} ({best.method}) over {top.value!r} ({top.method})")
    return replace(best, confidence=min(1.0, score(best_group)))


def _pick_list(path: str, cands: list[Candidate]) -> list[Candidate]:
    if path in EXCLUSIVE_LISTS:
        by_method: dict[str, list[Candidate]] = defaultdict(list)
        for c in cands:
            by_method[c.method].append(c)
        cands = max(
            by_method.values(),
            key=lambda g: (
                max(c.confidence for c in g),
                _from_document_itself(g[0]),
                -min(c.start for c in g),
            ),
        )
    kept: dict[str, Candidate] = {}
    for c in cands:
        key = value_key(c.value)
        if path == "classification.markings":
            key = f"{key}@{c.start}"  # every marking is kept, one per place it was seen
        if key not in kept or c.confidence > kept[key].confidence:
            kept[key] = c
    return sorted(kept.values(), key=lambda c: c.start)


def resolve(doc: Document, candidates: Iterable[Candidate], min_confidence: float = MIN_CONFIDENCE) -> Record:
    """Build the record of `doc` from all extractors' candidates."""
    by_path: dict[str, list[Candidate]] = defaultdict(list)
    declassified_votes: list[Candidate] = []
    warnings = list(doc.warnings)
    for c in candidates:
        if c.field == "declassification.declassified":
            declassified_votes.append(c)
            continue
        if c.field not in FIELD_PATHS:
            raise ValueError(f"extractor {c.method} proposed unknown field {c.field!r}")
        if c.confidence < min_confidence:
            continue
        by_path[c.field].append(c)

    _prefer_rif_file_date(doc, by_path)
    chosen: dict[str, list[Candidate]] = {}
    for path in SINGLE_FIELDS:
        if by_path.get(path):
            chosen[path] = [_pick_single(path, by_path[path], warnings)]
    for path in LIST_FIELDS:
        if by_path.get(path):
            chosen[path] = _pick_list(path, by_path[path])

    _check_review_dates(doc, chosen, warnings)

    page_end = doc.first_page + doc.page_count - 1
    record = Record(
        source=Source(doc.path, doc.sha256, doc.first_page, page_end, doc.document_index), warnings=warnings
    )
    for path, picked in chosen.items():
        fields = [_to_field(doc, c) for c in picked]
        parent, _, leaf = path.rpartition(".")
        target = record.get(parent) if parent else record
        setattr(target, leaf, fields if path in LIST_FIELDS else (fields[0] if fields else None))
    record.declassification.declassified = any(
        c.value is True and c.confidence >= min_confidence for c in declassified_votes
    )
    return record


# a RIF DATE with its day (and month) given as 00: "06/00/75", "00/00/76"
_RIF_FILE_DATE = re.compile(r"(?:^|/)00/")


def _prefer_rif_file_date(doc: Document, by_path: dict[str, list[Candidate]]) -> None:
    """A RIF dated "06/00/75" describes a file of several items (index cards, a folder): its partial
    date is the record's date, not the date of one item that the text happens to show first."""
    cands = by_path.get("document_date", [])
    rif = [
        c
        for c in cands
        if c.method.startswith("rule:rif")
        and len(str(c.value)) < 10
        and _RIF_FILE_DATE.search(doc.text[c.start : c.end])
    ]
    if rif and len(rif) < len(cands):
        by_path["document_date"] = rif


def _check_review_dates(doc: Document, chosen: dict[str, list[Candidate]], warnings: list[str]) -> None:
    """A review stamp dated before the document was written is a misreading: drop it, say so."""
    doc_date = chosen.get("document_date")
    if not doc_date:
        return
    written = doc_date[0].value
    kept = []
    for c in chosen.get("declassification.review_dates", []):
        if earlier(c.value, written):
            warnings.append(
                f"review date {c.value} ({doc.text[c.start : c.end]!r}, page {doc.page_at(c.start)}) "
                f"is earlier than the document date {written}: not reported"
            )
        else:
            kept.append(c)
    if "declassification.review_dates" in chosen:
        chosen["declassification.review_dates"] = kept
