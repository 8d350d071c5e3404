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


def test_rif_file_date_with_day_00_wins_over_an_items_date():
    # jfk-tesseract/2022__157-10011-10010 and jfk-applevision/2023__157-10011-10015: SSCIA index
    # cards, RIF "DATE : 06/00/75"; the first card's own date is one item's, not the record's
    text = "TITLE : INDEX CARDS\nDATE : 06/00/75\nPAGES : 210\n\nJune 29, 1975\nMEMORANDUM FOR THE RECORD\n"
    doc = Document.from_text(text)

    def at(value, raw, conf, method):
        i = text.index(raw)
        return Candidate("document_date", value, i, i + len(raw), conf, method)

    own = at("1975-06-29", "June 29, 1975", 0.93, "rule:memo-header")
    rec = resolve(doc, [own, at("1975-06", "06/00/75", 0.85, "rule:rif")])
    assert rec.document_date.value == "1975-06" and rec.document_date.raw == "06/00/75"
    # a full RIF date does not override the document's own header
    text2 = text.replace("06/00/75", "06/29/75")
    doc2 = Document.from_text(text2)
    i = text2.index("06/29/75")
    rif_full = Candidate("document_date", "1975-06-29", i, i + 8, 0.85, "rule:rif")
    j = text2.index("June 29, 1975")
    own2 = Candidate("document_date", "1975-06-29", j, j + 13, 0.93, "rule:memo-header")
    assert resolve(doc2, [own2, rif_full]).document_date.method == "rule:memo-header"


def test_resolving_leaves_the_candidates_as_they_were():
    # two extractors agreeing raise the winner's confidence in the record, not in the candidates:
    # the pipeline resolves the rules' candidates again after a gap filler has added its own
    doc = Document.from_text(TEXT)
    cands = [
        cand("document_date", "1962-10-26", "October 26, 1962", 0.9, "rule:a"),
        cand("document_date", "1962-10-26", "October 26, 1962", 0.85, "rule:b"),
    ]
    first = resolve(doc, cands)
    assert first.to_dict()["document_date"]["confidence"] == 0.95
    assert [c.confidence for c in cands] == [0.9, 0.85]
    assert resolve(doc, cands).to_dict() == first.to_dict()
