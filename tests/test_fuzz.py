"""Property tests: whatever the text, extraction does not raise and every field is its evidence."""

from __future__ import annotations

import jsonschema
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declass
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
