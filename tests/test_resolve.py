"""The resolver: best candidate per field, conflicts warned about, nothing invented."""

from __future__ import annotations

from declass.document import Document
from declass.extract.base import Candidate
from declass.resolve import resolve

TEXT = "DATE: October 26, 1962\nTO: The Secretary\nTO: Director, FBI\nREVIEWED 6/16/57 and 8/19/88\n"


def span(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def cand(field, value, raw, conf, method="rule:test", **extra):
    return Candidate(field, value, *span(raw), conf, method, extra)


def test_best_candidate_wins_and_conflict_is_warned():
    doc = Document.from_text(TEXT)
    rec = resolve(
        doc,
        [
            cand("document_date", "1962-10-26", "October 26, 1962", 0.95, "rule:a"),
            cand("document_date", "1988-08-19", "8/19/88", 0.75, "rule:b"),
        ],
    )
    assert rec.document_date.value == "1962-10-26"
    assert rec.document_date.raw == "October 26, 1962"
    assert any("chose '1962-10-26'" in w for w in rec.warnings)


def test_low_confidence_candidates_are_not_reported():
    doc = Document.from_text(TEXT)
    rec = resolve(doc, [cand("subject", "The Secretary", "The Secretary", 0.3)])
    assert rec.subject is None


def test_review_date_before_the_document_is_dropped_with_a_warning():
    doc = Document.from_text(TEXT)
    rec = resolve(
        doc,
        [
            cand("document_date", "1962-10-26", "October 26, 1962", 0.95),
            cand("declassification.review_dates", "1957-06-16", "6/16/57", 0.9),
            cand("declassification.review_dates", "1988-08-19", "8/19/88", 0.9),
        ],
    )
    assert [d.value for d in rec.declassification.review_dates] == ["1988-08-19"]
    assert any("1957-06-16" in w and "6/16/57" in w for w in rec.warnings)


def test_party_lists_come_whole_from_one_extractor():
    doc = Document.from_text(TEXT)
    rec = resolve(
        doc,
        [
            cand("addressees", "The Secretary", "The Secretary", 0.95, "rule:memo"),
            cand("addressees", "Director, FBI", "Director, FBI", 0.85, "rule:rif"),
        ],
    )
    assert [a.value for a in rec.addressees] == ["The Secretary"]


def test_list_values_are_deduplicated_keeping_the_surest():
    doc = Document.from_text("NW 65924 page 1\fNw 65924 page 2\n")
    rec = resolve(
        doc,
        [
            Candidate("declassification.case_numbers", "NW 65924", 0, 8, 0.9, "rule:a"),
            Candidate("declassification.case_numbers", "NW 65924", 16, 24, 0.95, "rule:a"),
        ],
    )
    [case] = rec.declassification.case_numbers
    assert case.page == 2 and case.raw == "Nw 65924"


def test_declassified_needs_a_confident_vote():
    doc = Document.from_text(TEXT)
    assert not resolve(
        doc, [cand("declassification.declassified", True, "REVIEWED", 0.4)]
    ).declassification.declassified
    assert resolve(
        doc, [cand("declassification.declassified", True, "REVIEWED", 0.9)]
    ).declassification.declassified
