"""Every record declass produces keeps the contract: schema-valid, and every value is its evidence."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import FIXTURES, corpus_documents, needs_corpus

import declass
from declass.ingest import read_documents
from declass.pipeline import extract_document
from declass.schema import record_schema

VALIDATOR = jsonschema.Draft202012Validator(record_schema())


def check_record(doc_text: str, rec: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(rec), key=lambda e: e.path)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    from declass.output import iter_fields

    for field in iter_fields(rec):
        assert doc_text[field["start"] : field["end"]] == field["raw"], field
        assert field["start"] < field["end"]


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(record_schema())


def test_schema_rejects_a_field_without_evidence():
    rec = declass.extract_text("SUBJECT: Alliance Missiles\n").to_dict()
    rec["subject"] = {"value": "Alliance Missiles"}
    assert list(VALIDATOR.iter_errors(rec))


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".pdf")))
def test_fixture_records_keep_the_contract(path):
    for doc in read_documents(path):
        check_record(doc.text, json.loads(json.dumps(extract_document(doc).to_dict())))


@needs_corpus
def test_corpus_records_keep_the_contract():
    paths = corpus_documents()
    assert len(paths) > 100
    for path in paths:
        # OCR output keeps the same contract; the text layer keeps this corpus-wide check quick
        for doc in read_documents(path, ocr="never"):
            check_record(doc.text, extract_document(doc).to_dict())


def test_extract_text_records_source():
    rec = declass.extract_text("TO: Director, FBI\n", source="memo.txt")
    assert rec.source.path == "memo.txt"
    assert len(rec.source.sha256) == 64
    assert rec.to_dict()["schema"] == "declass.record/1"
