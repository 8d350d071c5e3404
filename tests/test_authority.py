"""Authority-friendly party values: expansions of office symbols and parties split into name, title,
office. The values are verbatim party lines of corpus documents (file named beside each)."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import FIXTURES, SEED

from declass.api import extract_file
from declass.authority import document_agency, expand, split_party, vocabulary


def _expanded(value, agency=None):
    return [(e.written, e.expanded, e.kind) for e in expand(value, agency)]


@pytest.mark.parametrize(
    "value, expected",
    [
        # seed_rostow_1962.txt: "FROM: S/P - W. W. Rostow", "THROUGH: S/S"
        ("S/P - W. W. Rostow", [("S/P", "Policy Planning Staff, Department of State", "office")]),
        ("S/S", [("S/S", "Executive Secretariat, Department of State", "office")]),
        # state-telegrams 72TEHRAN1164.txt: "FM AMEMBASSY TEHRAN", "TO SECSTATE WASHDC", "INFO ... SECDEF"
        ("AMEMBASSY TEHRAN", [("AMEMBASSY TEHRAN", "American Embassy, Tehran", "telegram_address")]),
        (
            "SECSTATE WASHDC",
            [("SECSTATE WASHDC", "Secretary of State, Washington, D.C.", "telegram_address")],
        ),
        ("SECDEF", [("SECDEF", "Secretary of Defense", "office")]),
        # state-foia-talbott C06697823.txt: "INFO AMEMBASSY CANBERRA"
        ("AMEMBASSY CANBERRA", [("AMEMBASSY CANBERRA", "American Embassy, Canberra", "telegram_address")]),
        # jfk 2023__124-10226-10287.txt and 2022__124-10281-10062.txt: "FROM: SAC, MM"
        (
            "SAC, MM",
            [("SAC", "Special Agent in Charge", "title"), ("MM", "Miami", "fbi_field_office")],
        ),
        # jfk 2018__124-10224-10189.txt: "FROM SAC, MIAMI" (the city as written needs no expansion)
        ("SAC, MIAMI", [("SAC", "Special Agent in Charge", "title")]),
        # jfk-applevision 2021__docid-32309610.txt: "FROM: LEG. LO" (OCR's full stop for the comma)
        ("LEG. LO", [("LEG", "Legal Attaché", "title"), ("LO", "London", "fbi_field_office")]),
        # words not in the vocabulary stay as written
        ("MEXICO CITY", []),
        ("Chief, WH Division", []),
    ],
)
def test_expand_corpus_values(value, expected):
    assert _expanded(value) == expected


def test_forms_several_agencies_use_need_the_documents_agency():
    # "Chief, FE" (a CIA dispatch) and State's FE bureau; "DIRECTOR" in CIA cables and FBI teletypes
    assert _expanded("FE") == []
    assert _expanded("FE", "CIA") == [("FE", "Far East Division, Central Intelligence Agency", "office")]
    assert _expanded("FE", "State")[0][1] == "Bureau of Far Eastern Affairs, Department of State"
    assert _expanded("DIRECTOR") == []
    assert _expanded("DIRECTOR", "FBI")[0][1] == "Director, Federal Bureau of Investigation"
    assert _expanded("DIRECTOR", "CIA")[0][1].startswith("Headquarters, Central Intelligence Agency")
    # the cable address is the whole party only: in "DIRECTOR. FBI" (2021__docid-32309610.txt, an FBI
    # memo's TO line) DIRECTOR is the Director's title, and only FBI is expanded
    assert _expanded("DIRECTOR. FBI", "FBI") == [("FBI", "Federal Bureau of Investigation", "agency")]
    assert _expanded("DIRECTOR, FBI", "FBI") == [("FBI", "Federal Bureau of Investigation", "agency")]
    # a field office code alone is never expanded outside an FBI title: "MM" is no place by itself
    assert _expanded("MM") == []


@pytest.mark.parametrize(
    "value, parts",
    [
        # seed_rostow_1962.txt
        ("S/P - W. W. Rostow", {"office": "S/P", "name": "W. W. Rostow"}),
        ("C - The Deputy Under Secretary", {"office": "C", "title": "The Deputy Under Secretary"}),
        ("The Secretary", {"title": "The Secretary"}),
        # state-foia-talbott C06686763.txt: "FROM: D - Helen M. Ellis"
        ("D - Helen M. Ellis", {"office": "D", "name": "Helen M. Ellis"}),
        # frus1918Russiav03_d150.txt head: "The Ambassador in Russia (Francis) to the Secretary of State"
        ("The Ambassador in Russia (Francis)", {"title": "The Ambassador in Russia", "name": "Francis"}),
        # jfk 2018__124-10224-10189.txt / 2023__124-10226-10287.txt
        ("SAC, MIAMI", {"title": "SAC", "office": "MIAMI"}),
        ("SAC, MM", {"title": "SAC", "office": "MM"}),
        ("LEG. LO", {"title": "LEG", "office": "LO"}),
        # 72TEHRAN1164.txt
        ("AMEMBASSY TEHRAN", {"office": "AMEMBASSY TEHRAN"}),
        # jfk CIA dispatches and memos (gold sender lines)
        ("GERARD DROLLER, C/WH/4/PA", {"name": "GERARD DROLLER", "office": "C/WH/4/PA"}),
        (
            "DESMOND FITZGERALD, Chief, Western Hemisphere Division",
            {"name": "DESMOND FITZGERALD", "title": "Chief", "office": "Western Hemisphere Division"},
        ),
        (
            "Robert W. Gambino, Director of Security",
            {"name": "Robert W. Gambino", "title": "Director of Security"},
        ),
        ("Chief of Station, Mexico City", {"title": "Chief of Station", "office": "Mexico City"}),
        # state-foia-clinton e-mail headers: an inverted personal name
        ("Sullivan, Jacob J", {"name": "Sullivan, Jacob J"}),
        ("Mr. W. C. Sullivan", {"name": "Mr. W. C. Sullivan"}),
    ],
)
def test_split_party_corpus_values(value, parts):
    got = split_party(value)
    assert got == parts
    assert all(text in value for text in got.values())  # every part is a substring as written


@pytest.mark.parametrize(
    "value",
    [
        "MEXICO CITY",  # a telegram address, not a person
        "CENTRAL INTELLIGENCE AGENCY",
        "USA, Chicago",  # FBI copy line: not "surname, given name"
        "Chicago (92-349)",  # a field office with its file number, not a FRUS "(Name)"
        "Dean Rusk",  # a person, but nothing tells a bare two-word name from a place: left alone
        "THE DEPUTY PROGRAM MANAGER FOR COUNTERTERRORISM SPECIAL PROJECTS, ANALYSIS AND PRODUCTION",
        "The Review Staff, Walter Elder",
    ],
)
def test_split_party_leaves_unclear_values_alone(value):
    assert split_party(value) == {}


def test_legat_city_is_not_taken_for_a_given_name():
    # jfk-applevision 2021__docid-32286564.txt "FROM: LEG, HAVANA"; gold "Legat, London"
    assert split_party("Legat, London") == {"title": "Legat", "office": "London"}
    assert split_party("LEG, HAVANA") == {"title": "LEG", "office": "HAVANA"}


def test_document_agency_from_record():
    fbi = extract_file(FIXTURES / "jfk-applevision" / "2021__docid-32309610.txt", ocr="never")[0].to_dict()
    assert document_agency(fbi) == "FBI"  # NARA record number 124-...
    seed = extract_file(SEED, ocr="never")[0].to_dict()
    assert document_agency(seed) == "State"  # S/P, S/S: State office symbols


def test_extracted_parties_carry_parts_with_values_and_offsets_untouched():
    rec = extract_file(SEED, ocr="never")[0]
    text = SEED.read_text(encoding="utf-8")
    sender = rec.sender
    assert sender.value == "S/P - W. W. Rostow"
    assert sender.extra == {"office": "S/P", "name": "W. W. Rostow"}
    for field in [sender, *rec.addressees, *rec.through]:
        assert text[field.start : field.end] == field.raw  # the evidence is what it was
    assert [a.extra for a in rec.addressees] == [
        {"title": "The Secretary"},
        {"title": "The Under Secretary"},
        {"office": "C", "title": "The Deputy Under Secretary"},
    ]
    assert rec.through[0].extra == {"office": "S/S"}


def test_vocabulary_is_well_formed():
    voc = vocabulary()
    for entry in voc["offices"] + voc["titles"]:
        assert entry["written"].strip() == entry["written"] and entry["name"] and entry["agency"]
    # a form listed for several agencies must say it needs the document's agency
    counts = Counter(e["written"] for e in voc["offices"])
    for entry in voc["offices"]:
        if counts[entry["written"]] > 1:
            assert entry.get("context"), entry
