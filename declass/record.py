"""The declass record (schema `declass.record/1`, see README "The record"): the contract pipelines consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "declass.record/1"


@dataclass
class Field:
    """One extracted value and its evidence: `raw == text[start:end]` of the document's text."""

    value: Any
    raw: str
    start: int
    end: int
    page: int
    confidence: float
    method: str
    extra: dict[str, Any] = field(default_factory=dict)  # kind, name, title, office

    def to_dict(self) -> dict[str, Any]:
        out = {
            "value": self.value,
            "raw": self.raw,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "confidence": round(self.confidence, 3),
            "method": self.method,
        }
        out.update(self.extra)
        return out


@dataclass
class Source:
    path: str | None
    sha256: str | None
    page_start: int
    page_end: int
    document_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "document_index": self.document_index,
        }


@dataclass
class Classification:
    original: Field | None = None
    current: Field | None = None
    controls: list[Field] = field(default_factory=list)
    markings: list[Field] = field(default_factory=list)


@dataclass
class Declassification:
    declassified: bool = False
    case_numbers: list[Field] = field(default_factory=list)
    review_dates: list[Field] = field(default_factory=list)
    reviewers: list[Field] = field(default_factory=list)
    authorities: list[Field] = field(default_factory=list)
    exemptions: list[Field] = field(default_factory=list)


@dataclass
class Record:
    source: Source
    document_type: Field | None = None
    document_date: Field | None = None
    sender: Field | None = None
    addressees: list[Field] = field(default_factory=list)
    through: list[Field] = field(default_factory=list)
    copies_to: list[Field] = field(default_factory=list)
    subject: Field | None = None
    classification: Classification = field(default_factory=Classification)
    declassification: Declassification = field(default_factory=Declassification)
    identifiers: list[Field] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def fields(self):
        """Every (path, Field) pair of the record, lists flattened, in record order."""
        for path in FIELD_PATHS:
            value = self.get(path)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Field):
                    yield path, item

    def get(self, path: str) -> Any:
        obj: Any = self
        for part in path.split("."):
            obj = getattr(obj, part)
        return obj

    def to_dict(self) -> dict[str, Any]:
        def f(x: Field | None):
            return None if x is None else x.to_dict()

        def fl(xs: list[Field]):
            return [x.to_dict() for x in xs]

        c, d = self.classification, self.declassification
        return {
            "schema": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "document_type": f(self.document_type),
            "document_date": f(self.document_date),
            "sender": f(self.sender),
            "addressees": fl(self.addressees),
            "through": fl(self.through),
            "copies_to": fl(self.copies_to),
            "subject": f(self.subject),
            "classification": {
                "original": f(c.original),
                "current": f(c.current),
                "controls": fl(c.controls),
                "markings": fl(c.markings),
            },
            "declassification": {
                "declassified": d.declassified,
                "case_numbers": fl(d.case_numbers),
                "review_dates": fl(d.review_dates),
                "reviewers": fl(d.reviewers),
                "authorities": fl(d.authorities),
                "exemptions": fl(d.exemptions),
            },
            "identifiers": fl(self.identifiers),
            "warnings": list(self.warnings),
        }


SINGLE_FIELDS = (
    "document_type",
    "document_date",
    "sender",
    "subject",
    "classification.original",
    "classification.current",
)
LIST_FIELDS = (
    "addressees",
    "through",
    "copies_to",
    "classification.controls",
    "classification.markings",
    "declassification.case_numbers",
    "declassification.review_dates",
    "declassification.reviewers",
    "declassification.authorities",
    "declassification.exemptions",
    "identifiers",
)
FIELD_PATHS = SINGLE_FIELDS + LIST_FIELDS
