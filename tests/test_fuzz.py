"""Property tests: whatever the text, extraction does not raise and every field is its evidence."""

from __future__ import annotations

import jsonschema
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declass
from declass.ingest import read_documents
from declass.schema import record_schema

VALIDATOR = jsonschema.Draft202012Validator(record_schema())
SAMPLES = sorted(p.read_text(encoding="utf-8") for p in FIXTURES.rglob("*.txt"))
# fragments of real headers and stamps, for building hostile documents from
FRAGMENTS = [
    "TO: ",
    "FROM: ",
    "SUBJECT: ",
    "DATE: ",
    "THROUGH: ",
    "MEMORANDUM FOR ",
    "CLASSIFICATION: ",
    "S E C R E T",
    "TOP SECRET//SI//NOFORN",
    "(S)",
    "Case#:NW 65924 Date: 10-21-2021",
    "NW 65924 DocId:32105898 Page 1",
    "FOI CASE NO. 620289",
    "REVIEWED BY Sh DATE 8/19/8",
    "APPROVED FOR RELEASE 2003/04/18 : CIA-RDP80B01676R000100010001-0",
    "(b)(3)",
    "25X1",
    "Copy 4 of 12",
    "281848Z DEC 66",
    "October 26, 1962",
    "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM",
    "RECORD NUMBER : 104-10007-10149",
    "Classified by DAS, A/GIS, DoS on 01/29/2016 - Class: SECRET - Declassify on: 10/12/2027",
    "\n",
    "\n\n",
    "\f",
    " ",
    ":",
    "-",
    "/",
    "0",
    "l",
]


def check(text: str) -> None:
    rec = declass.extract_text(text)
    d = rec.to_dict()
    errors = list(VALIDATOR.iter_errors(d))
    assert not errors, errors[0].message
    for _, field in rec.fields():
        assert text[field.start : field.end] == field.raw


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80))
def test_header_fragments_in_any_order(parts):
    check("".join(parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLES),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from(["swap", "dup", "drop", "insert"])), max_size=12
    ),
    st.sampled_from(FRAGMENTS),
)
def test_mutated_real_documents(text, edits, fragment):
    lines = text.split("\n")
    for pos, op in edits:
        i = pos % max(1, len(lines))
        if op == "swap" and lines[i]:
            chars = list(lines[i])
            j = pos % len(chars)
            chars[j], chars[-1] = chars[-1], chars[j]
            lines[i] = "".join(chars)
        elif op == "dup":
            lines.insert(i, lines[i] if lines else "")
        elif op == "drop" and lines:
            lines.pop(i)
        else:
            lines.insert(i, fragment)
    check("\n".join(lines))


def test_a_stamp_repeated_thousands_of_times():
    check("Case#:NW 65924 Date: 10-21-2021\n" * 3000 + "SUBJECT: x\n")


def test_labels_without_values_and_values_without_labels():
    check("TO:\nFROM:\nSUBJECT:\nDATE:\n" * 200)
    check("The Secretary\nS/P - W. W. Rostow\nAlliance Missiles\n10/26/62\n" * 200)


PDF_BYTES = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.pdf"))]


def check_file(tmp_path_factory, data: bytes, suffix: str) -> None:
    """Through the file path: records that hold their evidence, or a clean IngestError."""
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    try:
        records = declass.extract_file(path, ocr="never")
    except declass.IngestError as exc:
        assert str(exc)
        return
    docs = read_documents(path, ocr="never")
    assert len(docs) == len(records)
    for doc, rec in zip(docs, records, strict=True):
        assert not list(VALIDATOR.iter_errors(rec.to_dict()))
        for _, field in rec.fields():
            assert doc.text[field.start : field.end] == field.raw


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".md", ".pdf"]))
def test_random_bytes_through_the_file_path(tmp_path_factory, data, suffix):
    check_file(tmp_path_factory, data, suffix)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SAMPLES), st.sampled_from(["utf-8", "utf-16", "cp1252"]), st.randoms(), st.booleans())
def test_damaged_text_files(tmp_path_factory, text, encoding, rnd, truncate):
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(rnd.randint(1, 20)):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    if truncate:
        del data[rnd.randrange(len(data)) :]
    check_file(tmp_path_factory, bytes(data), ".txt")


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.randoms(), st.integers(1, 30), st.booleans())
def test_damaged_pdfs(tmp_path_factory, rnd, flips, truncate):
    data = bytearray(rnd.choice(PDF_BYTES))
    for _ in range(flips):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    if truncate:
        del data[rnd.randrange(len(data)) :]
    check_file(tmp_path_factory, bytes(data), ".pdf")


STAMPS = [f for f in FRAGMENTS if len(f) > 8]


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(SAMPLES),
    st.sampled_from(STAMPS),
    st.integers(200, 2000),
    st.sampled_from(["\n", " ", "\f", ""]),
    st.integers(0, 10**6),
)
def test_a_stamp_flooding_a_real_document(text, stamp, times, sep, pos):
    lines = text.split("\n")
    i = pos % len(lines)
    check("\n".join(lines[:i] + [sep.join([stamp] * times)] + lines[i:]))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SAMPLES), st.lists(st.tuples(st.integers(0, 10**6), st.booleans()), max_size=10))
def test_labels_lose_their_values_and_values_their_labels(text, cuts):
    lines = text.split("\n")
    for pos, keep_label in cuts:
        i = pos % len(lines)
        label, colon, value = lines[i].partition(":")
        if colon:
            lines[i] = label + colon if keep_label else value
    check("\n".join(lines))
