"""The 1962 Rostow memo, where declass began: every field of its record, read from its own text."""

from __future__ import annotations

import pytest
from conftest import SEED

import declass


@pytest.fixture(scope="module")
def record():
    return declass.extract_file(SEED)[0]


def test_document_date(record):
    assert record.document_date.value == "1962-10-26"
    assert record.document_date.raw == "October 26, 1962"


def test_parties(record):
    assert record.sender.value == "S/P - W. W. Rostow"
    assert [a.value for a in record.addressees] == [
        "The Secretary",
        "The Under Secretary",
        "C - The Deputy Under Secretary",
    ]
    assert [t.value for t in record.through] == ["S/S"]


def test_subject(record):
    assert record.subject.value == "Alliance Missiles"


def test_classification(record):
    assert record.classification.original.value == "SECRET"
    assert record.classification.original.page >= 1
    assert record.declassification.declassified is True


def test_review_stamp(record):
    assert [c.value for c in record.declassification.case_numbers] == ["620289"]
    # "REVIEWED BY Sh DATE 8/19/8": the year is cut off; EDTF says so instead of inventing it
    assert "198X-08-19" in [d.value for d in record.declassification.review_dates]


def test_stamp_dated_before_the_document_is_not_its_review(record):
    values = [d.value for d in record.declassification.review_dates]
    assert "1957-06-16" not in values
    assert any("1957-06-16" in w for w in record.warnings)


def test_every_field_is_evidence(record):
    text = SEED.read_text(encoding="utf-8")
    for _, field in record.fields():
        assert text[field.start : field.end] == field.raw
