"""Catalogue formats (Dublin Core XML/CSV, MODS, ArchivesSpace CSV), validated against the official
schemas shipped in tests/data/xsd (offline: xmlschema with allow="local")."""

from __future__ import annotations

import copy
import csv
import io
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEED

from declass.api import extract_file
from declass.cli import main
from declass.output.catalog import (
    DC_CSV_COLUMNS,
    NS_DC,
    NS_MODS,
    aspace_row,
    aspace_template,
    dc_element,
    dc_row,
    mods_element,
)

xmlschema = pytest.importorskip("xmlschema")

XSD = Path(__file__).parent / "data" / "xsd"
M = f"{{{NS_MODS}}}"
D = f"{{{NS_DC}}}"


@cache
def schema(name: str):
    return xmlschema.XMLSchema(str(XSD / name), allow="local")  # never fetches anything


@cache
def fixture_records() -> list[dict]:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".pdf"))
    return [r.to_dict() for p in paths for r in extract_file(p, ocr="never")]


def record(path: Path) -> dict:
    return extract_file(path, ocr="never")[0].to_dict()


def mods_collection(elements) -> ET.Element:
    root = ET.Element(f"{M}modsCollection")
    root.extend(elements)
    return root


# ---------------------------------------------------------------- the shipped schemas


@pytest.mark.parametrize(
    "name, header",
    [
        ("mods-3-8.xsd", "MODS 3.8"),
        ("oai_dc.xsd", "2002-12-19 updated to use simpledc20021212.xsd"),
        ("simpledc20021212.xsd", "Simple DC XML Schema, 2002-10-09"),
        ("xlink.xsd", "METS XLink Schema, v. 2, Nov. 15, 2004"),
        ("xml.xsd", "About the XML namespace"),
    ],
)
def test_shipped_schemas_are_the_official_ones_and_import_only_local_files(name, header):
    text = (XSD / name).read_text(encoding="utf-8")
    assert header in text
    for location in ET.fromstring(text.encode()).iter("{http://www.w3.org/2001/XMLSchema}import"):
        assert (XSD / location.get("schemaLocation")).is_file()
    if name in ("mods-3-8.xsd", "oai_dc.xsd"):
        assert schema(name).validity == "valid"


# ---------------------------------------------------------------- every fixture record validates


def test_every_fixture_record_is_valid_dublin_core():
    recs = fixture_records()
    assert len(recs) >= 9
    for rec in recs:
        schema("oai_dc.xsd").validate(dc_element(rec))


def test_every_fixture_record_is_valid_mods():
    recs = fixture_records()
    schema("mods-3-8.xsd").validate(mods_collection(mods_element(r) for r in recs))


def test_a_broken_document_fails_validation():
    rec = record(SEED)
    mods = mods_element(rec)
    schema("mods-3-8.xsd").validate(mods)
    broken = copy.deepcopy(mods)
    broken.find(f"{M}originInfo/{M}dateCreated").set("encoding", "edtf-ish")  # not in the enumeration
    assert not schema("mods-3-8.xsd").is_valid(broken)
    broken = copy.deepcopy(mods)
    ET.SubElement(broken, f"{M}shelfmark").text = "x"  # no such MODS element
    assert not schema("mods-3-8.xsd").is_valid(broken)
    dc = dc_element(rec)
    ET.SubElement(dc, f"{D}author").text = "W. W. Rostow"  # not one of the 15 elements
    assert not schema("oai_dc.xsd").is_valid(dc)


# ---------------------------------------------------------------- the mapping


def test_mods_mapping_of_the_seed_memo():
    mods = mods_element(record(SEED))
    assert mods.findtext(f"{M}titleInfo/{M}title") == "Alliance Missiles"
    names = mods.findall(f"{M}name")
    sender = names[0]
    assert sender.get("type") == "personal" and sender.get("displayLabel") == "From"
    assert sender.findtext(f"{M}namePart") == "W. W. Rostow"
    assert sender.findtext(f"{M}displayForm") == "S/P - W. W. Rostow"  # as written
    assert sender.findtext(f"{M}affiliation") == "Policy Planning Staff, Department of State (S/P)"
    assert [t.text for t in sender.findall(f"{M}role/{M}roleTerm")] == ["creator", "cre"]
    to = [n for n in names if n.get("displayLabel") == "To"]
    assert [n.findtext(f"{M}namePart") for n in to] == [
        "The Secretary",
        "The Under Secretary",
        "C - The Deputy Under Secretary",
    ]
    assert all(n.find(f"{M}role/{M}roleTerm[@type='code']").text == "rcp" for n in to)
    through = [n for n in names if n.get("displayLabel") == "Through"]
    assert through[0].get("type") == "corporate"
    assert (
        through[0].findtext(f"{M}alternativeName/{M}namePart") == "Executive Secretariat, Department of State"
    )
    date = mods.find(f"{M}originInfo/{M}dateCreated")
    assert (date.text, date.get("encoding"), date.get("keyDate")) == ("1962-10-26", "edtf", "yes")
    assert mods.findtext(f"{M}genre") == "memorandum"
    assert mods.find(f"{M}identifier[@type='control_number']").text == "F780011-0573"
    assert mods.find(f"{M}identifier[@type='declassification_case']").text == "620289"
    rights = mods.findtext(f"{M}accessCondition")
    assert "Originally classified SECRET." in rights and "Review case: 620289." in rights
    assert "Reviewed: 198X-08-19." in rights  # EDTF's unknown digit kept as read


def test_partial_dates_are_written_as_edtf():
    rec = record(SEED)
    rec["document_date"] = dict(rec["declassification"]["review_dates"][0])  # "8/19/8" -> 198X-08-19
    date = mods_element(rec).find(f"{M}originInfo/{M}dateCreated")
    assert (date.text, date.get("encoding")) == ("198X-08-19", "edtf")
    schema("mods-3-8.xsd").validate(mods_element(rec))
    row = aspace_row(rec)
    assert "begin" not in row and row["expression"] == "8/19/8"  # ArchivesSpace's begin takes no X


def test_null_fields_are_left_out_not_invented():
    rec = record(FIXTURES / "odni" / "20131119-odni__verification_slide.txt")
    assert rec["sender"] is None and rec["document_date"] is None and not rec["identifiers"]
    mods = mods_element(rec)
    for tag in ("name", "originInfo", "identifier", "accessCondition", "genre"):
        assert mods.find(f"{M}{tag}") is None, tag
    dc = dc_element(rec)
    assert [el.tag.split("}")[1] for el in dc] == ["title", "type", "source"]
    row = dc_row(rec)
    assert row["dc.creator"] == row["dc.date"] == row["dc.rights"] == ""


def test_telegram_addresses_are_kept_as_written_beside_their_expansion():
    rec = record(FIXTURES / "state-telegrams" / "72TEHRAN1164.txt")
    mods = mods_element(rec)
    sender = mods.find(f"{M}name")
    assert sender.findtext(f"{M}namePart") == "AMEMBASSY TEHRAN"
    assert sender.findtext(f"{M}alternativeName/{M}namePart") == "American Embassy, Tehran"
    row = aspace_row(rec)
    assert row["corporate_entities_agent_header_1"] == "American Embassy, Tehran (AMEMBASSY TEHRAN)"
    assert (row["corporate_entities_agent_role_1"], row["corporate_entities_agent_relator_1"]) == (
        "creator",
        "cre",
    )
    assert row["corporate_entities_agent_relator_2"] == "rcp"
    assert "AMEMBASSY TEHRAN = American Embassy, Tehran" in dc_row(rec)["dc.description"]


def test_dc_csv_row_of_the_seed_memo():
    row = dc_row(record(SEED))
    assert tuple(row) == DC_CSV_COLUMNS
    assert row["dc.title"] == "Alliance Missiles"
    assert row["dc.creator"] == "S/P - W. W. Rostow"
    assert row["dc.contributor"] == "The Secretary||The Under Secretary||C - The Deputy Under Secretary||S/S"
    assert row["dc.date"] == "1962-10-26"
    assert row["dc.type"] == "Text||memorandum"


def test_control_characters_from_ocr_do_not_break_the_xml():
    rec = record(SEED)
    rec["subject"] = dict(rec["subject"], value="Alliance\x0cMissiles\x00")  # a form feed, a NUL
    for element, name in ((mods_element(rec), "mods-3-8.xsd"), (dc_element(rec), "oai_dc.xsd")):
        text = ET.tostring(element, encoding="unicode")
        schema(name).validate(ET.fromstring(text))
        assert "AllianceMissiles" in text


# ---------------------------------------------------------------- the command line


def test_cli_mods_and_dc_outputs_validate():
    runner = CliRunner()
    for fmt, name in (("mods", "mods-3-8.xsd"), ("dc", "oai_dc.xsd")):
        result = runner.invoke(main, ["extract", "--format", fmt, "--ocr", "never", str(SEED), str(SEED)])
        assert result.exit_code == 0, result.output
        root = ET.fromstring(result.stdout.encode())
        if fmt == "mods":
            assert root.tag == f"{M}modsCollection" and len(root) == 2
            schema(name).validate(root)
        else:
            assert root.tag == "records" and len(root) == 2
            for child in root:
                schema(name).validate(child)


def test_cli_mods_with_no_records_writes_no_invalid_collection(tmp_path):
    # MODS 3.8 has no empty modsCollection: an empty run leaves an earlier output file as it was
    out = tmp_path / "catalogue.xml"
    out.write_text("earlier run\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["extract", "--format", "mods", "-o", str(out), str(empty)])
    assert result.exit_code == 0, result.output
    assert f"{out} was not written" in result.stderr
    assert out.read_text() == "earlier run\n"
    result = CliRunner().invoke(main, ["extract", "--format", "dc", str(empty)])
    root = ET.fromstring(result.stdout.encode())
    assert root.tag == "records" and len(root) == 0


def test_cli_aspace_csv_follows_the_bulk_import_template(tmp_path):
    out = tmp_path / "aspace.csv"
    result = CliRunner().invoke(
        main, ["extract", "-f", "aspace-csv", "-o", str(out), "--ocr", "never", str(SEED)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    template = aspace_template()
    assert rows[0] == template["codes"] and rows[1] == template["labels"]
    assert rows[0][0].startswith("ArchivesSpace field code")
    data = dict(zip(rows[0], rows[2], strict=True))
    assert (data["title"], data["level"], data["hierarchy"]) == ("Alliance Missiles", "item", "1")
    assert (data["begin"], data["date_type"], data["dates_label"]) == ("1962-10-26", "single", "creation")
    assert data["people_agent_header_1"] == "W. W. Rostow" and data["people_agent_relator_1"] == "cre"
    assert data["ead"] == data["res_uri"] == ""  # the resource to import into is the archivist's choice


def test_cli_dc_csv(tmp_path):
    out = tmp_path / "dc.csv"
    result = CliRunner().invoke(
        main, ["extract", "-f", "dc-csv", "-o", str(out), "--ocr", "never", str(SEED)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["dc.title"] == "Alliance Missiles" and rows[0]["dc.identifier"] == "F780011-0573"


def test_restrictions_flag_follows_the_current_marking():
    rec = record(SEED)  # original SECRET, no current marking: a released copy
    assert "restrictions_flag" not in aspace_row(rec)

    def marked(level: str) -> dict:
        current = {"value": level, "raw": level, "start": 0, "end": len(level), "page": 1}
        return rec | {"classification": rec["classification"] | {"current": current}}

    # still marked with a level above UNCLASSIFIED (data/classification.json): restricted
    for level in ("SECRET", "LIMITED OFFICIAL USE", "FOR OFFICIAL USE ONLY"):
        assert aspace_row(marked(level))["restrictions_flag"] == "1", level
    assert "restrictions_flag" not in aspace_row(marked("UNCLASSIFIED"))
