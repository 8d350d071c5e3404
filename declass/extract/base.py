"""What every extractor returns: candidate values with the span of text they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Candidate:
    """A value an extractor proposes for one record field, with its evidence.

    `field` is the record path the value belongs to: `document_date`, `sender`, `addressees`,
    `through`, `copies_to`, `subject`, `document_type`, `classification.original`,
    `classification.current`, `classification.controls`, `classification.markings`,
    `declassification.declassified`, `declassification.case_numbers`,
    `declassification.review_dates`, `declassification.reviewers`, `declassification.authorities`,
    `declassification.exemptions`, `identifiers`.
    `start`/`end` index the document text; `extra` holds optional keys of the field
    (`kind`, `name`, `title`, `office`).
    """

    field: str
    value: Any
    start: int
    end: int
    confidence: float
    method: str
    extra: dict[str, Any] = field(default_factory=dict)
