"""Quality on the development corpus holds its measured floor: figures can only go up.

The floor (tests/quality_floor.json) is what declass measured when it was last raised; a change
that makes any field or source folder worse fails here. Raise it when quality improves:

    declass evaluate ../shared/corpus --json > tests/quality_floor.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus

FLOOR = json.loads((Path(__file__).with_name("quality_floor.json")).read_text(encoding="utf-8"))
# the scores are deterministic; this only absorbs float rounding in the stored figures
SLACK = 0.0005


@pytest.fixture(scope="module")
def report():
    from declass.evaluate import evaluate_dir

    return evaluate_dir(CORPUS).to_dict()


@needs_corpus
def test_micro_f1_floor(report):
    assert report["micro_f1_soft"] >= FLOOR["micro_f1_soft"] - SLACK
    assert report["micro_f1_strict"] >= FLOOR["micro_f1_strict"] - SLACK


@needs_corpus
@pytest.mark.parametrize("field", sorted(FLOOR["fields"]))
def test_field_floor(report, field):
    got, floor = report["fields"][field], FLOOR["fields"][field]
    assert got["soft"]["p"] >= floor["soft"]["p"] - SLACK, f"{field} precision fell"
    assert got["soft"]["f1"] >= floor["soft"]["f1"] - SLACK, f"{field} soft F1 fell"
    assert got["strict_f1"] >= floor["strict_f1"] - SLACK, f"{field} strict F1 fell"


@needs_corpus
@pytest.mark.parametrize("source", sorted(FLOOR["by_source_soft_f1"]))
def test_source_floor(report, source):
    assert report["by_source_soft_f1"][source] >= FLOOR["by_source_soft_f1"][source] - SLACK


@needs_corpus
def test_every_corpus_document_was_read(report):
    assert report["failures"] == []
    assert report["documents"] >= 150
