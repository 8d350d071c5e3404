"""The header tagger: alignment, augmentation, the shipped model, deterministic training."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from declass.document import Document
from declass.ner import MODEL_DIR, TRAINING_DIR, header_zone
from declass.ner.align import align_values, find_date, find_id, find_level, find_text
from declass.ner.augment import augment

NOISY = """JFK Assassination System
Identification Form
RECORD NUMBER : 124-1O195-10241
FROM :
TO :
ROEMER, WILLIAM F. JR
DIRECTOR , FBI
TITLE :
SAMUEL M. GIANCANA, aka
DATE : 03/19/1968
CLASSIFICATION : Unclassified
NW 65994 Docld:32286465 Page 1
S E C R E T
MEMORANDUM FOR: The Secretary
SUBJECT: Alliance Mlssiles and the
  Nassau Agreement
"""


def test_aligner_finds_values_in_noisy_ocr():
    # OCR read "Missiles" as "Mlssiles" and broke the subject over two lines
    ((s, e),) = find_text(NOISY, "Alliance Missiles and the Nassau Agreement")
    assert NOISY[s:e].startswith("Alliance Mlssiles") and NOISY[s:e].endswith("Agreement")
    ((s, e),) = find_text(NOISY, "DIRECTOR, FBI")
    assert NOISY[s:e] == "DIRECTOR , FBI"
    assert [NOISY[s:e] for s, e in find_date(NOISY, "1968-03-19")] == ["03/19/1968"]
    assert [NOISY[s:e] for s, e in find_id(NOISY, "32286465")] == ["32286465"]
    assert [NOISY[s:e] for s, e in find_id(NOISY, "NW 65994")] == ["NW 65994"]
    assert [NOISY[s:e] for s, e in find_level(NOISY, "SECRET")] == ["S E C R E T"]
    # a short value must match exactly, never fuzzily
    assert find_text(NOISY, "FBX") == []


def test_align_values_reports_what_it_cannot_find():
    values = [
        ("sender", "SENDER", "text", "ROEMER, WILLIAM F. JR"),
        ("sender", "SENDER", "text", "Somebody Not In The Text"),
        ("document_date", "DOC_DATE", "date", "1968-03-19"),
    ]
    spans, missed = align_values(NOISY, values)
    assert {(NOISY[s.start : s.end], s.label) for s in spans} == {
        ("ROEMER, WILLIAM F. JR", "SENDER"),
        ("03/19/1968", "DOC_DATE"),
    }
    assert missed == [("sender", "Somebody Not In The Text")]


def test_augment_keeps_spans_on_their_text():
    text = "MEMORANDUM FOR: The Secretary\nFROM: S/P - W. W. Rostow\nSUBJECT: Alliance Missiles\nDATE: x\n"
    spans = [[16, 29, "ADDRESSEE"], [36, 54, "SENDER"], [64, 81, "SUBJECT"]]
    for seed in range(20):
        new, new_spans = augment(text, spans, random.Random(seed))
        assert augment(text, spans, random.Random(seed)) == (new, new_spans)
        for s, e, label in new_spans:
            original = {lab: text[a:b] for a, b, lab in spans}[label]
            got = new[s:e]
            assert got.strip() == got and len(got) >= len(original) - 2


def test_training_files_are_in_the_repo():
    rows = [json.loads(x) for x in (TRAINING_DIR / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 100
    for r in rows:
        for s, e, _label in r["spans"]:
            assert 0 <= s < e <= len(r["text"])
    assert (TRAINING_DIR / "unaligned.tsv").exists()


@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="model not trained")
def test_shipped_model_tags_a_corpus_header():
    from declass.extract import ner

    ner.reset()
    rows = [json.loads(x) for x in (TRAINING_DIR / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    row = next(r for r in rows if r["source"].startswith("seed/"))
    doc = Document.from_text(row["text"])
    nlp, _cal = ner._load()
    spans = ner.tag(nlp, header_zone(doc.text))
    labels = {lab for lab, _s, _e in spans}
    assert labels & {"SENDER", "ADDRESSEE", "SUBJECT", "DOC_DATE"}
    for c in ner.extract(doc):
        assert c.method.startswith("ner:")
        assert 0 < c.confidence < 0.9
        assert doc.text[c.start : c.end].strip() == doc.text[c.start : c.end]


def test_normalize_values():
    from declass.extract.ner import normalize

    assert normalize("DOC_DATE", "October 26, 1962") == ("1962-10-26", {})
    assert normalize("DOC_DATE", "no date here") is None
    assert normalize("CLASSIFICATION", "S E C R E T") == ("SECRET", {})
    assert normalize("CLASSIFICATION", "Sensitive") is None
    assert normalize("CASE_NUMBER", "NW  65994") == ("NW 65994", {})
    assert normalize("RECORD_ID", "124-10195-10241") == ("124-10195-10241", {"kind": "nara_record_number"})


def test_declass_import_does_not_import_spacy():
    code = "import sys, declass, declass.extract.ner, declass.pipeline; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_training_is_deterministic():
    pytest.importorskip("spacy")
    from declass.ner.train import train

    rows = [
        {"text": NOISY, "spans": [[s.start, s.end, s.label] for s in _tiny_spans()], "weak": False},
    ]
    a = train(rows, [], seed=7, epochs=2, aug_copies=1)
    b = train(rows, [], seed=7, epochs=2, aug_copies=1)
    assert a.to_bytes() == b.to_bytes()
    assert [(e.label_, e.start_char) for e in a(NOISY).ents] == [
        (e.label_, e.start_char) for e in b(NOISY).ents
    ]


def _tiny_spans():
    spans, _ = align_values(
        NOISY,
        [
            ("sender", "SENDER", "text", "ROEMER, WILLIAM F. JR"),
            ("document_date", "DOC_DATE", "date", "1968-03-19"),
            ("case_numbers", "CASE_NUMBER", "id", "NW 65994"),
        ],
    )
    return spans
