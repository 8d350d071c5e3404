"""Catalogue formats: Dublin Core (XML and CSV), MODS XML and an ArchivesSpace bulk-import CSV, rendered
from the record dict (README "Catalogue formats" has the field-by-field mapping).

Every value written is a value of the record or a name from the shipped vocabulary
(`declass.authority`); a field the record leaves empty is left out, never filled. Party values keep
the form as written beside the expanded one ("S/P - W. W. Rostow" with its affiliation "Policy Planning
Staff, Department of State (S/P)").

Library use:

    from declass.output.catalog import dc_element, mods_element, dc_row, aspace_row, to_xml
    to_xml(mods_element(record_dict))   # one <mods:mods>
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import IO, Any

from .. import __version__
from .. import data as data_files
from ..authority import Expansion, document_agency, expand, parties, split_party
from .base import Writer

NS_OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_MODS = "http://www.loc.gov/mods/v3"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_LOCATION = f"{NS_OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
MODS_LOCATION = f"{NS_MODS} http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"
for _prefix, _uri in (("oai_dc", NS_OAI_DC), ("dc", NS_DC), ("mods", NS_MODS), ("xsi", NS_XSI)):
    ET.register_namespace(_prefix, _uri)

# party key -> (label, MARC relator term, MARC relator code); rcp's current MARC label is "Addressee"
ROLES = {
    "sender": ("From", "creator", "cre"),
    "addressees": ("To", "addressee", "rcp"),
    "through": ("Through", "addressee", "rcp"),
    "copies_to": ("Copy to", "addressee", "rcp"),
}
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MULTI_SEPARATOR = "||"  # DSpace's separator for several values in one CSV cell


# ---------------------------------------------------------------- shared pieces


def _v(field: dict | None) -> str | None:
    return None if field is None else str(field["value"])


def _vs(fields: list[dict]) -> list[str]:
    return [str(f["value"]) for f in fields]


def party_parts(field: dict, agency: str | None) -> dict[str, Any]:
    """A party's parts for cataloguing: `written` (the value), `name`, `title`, `office` (substrings
    as written, from the record or `split_party`), `expansions` of its symbols, and `kind`
    ("personal" when a person's name is known, "corporate" when the whole value names an office)."""
    written = str(field["value"])
    parts = {k: field[k] for k in ("name", "title", "office") if field.get(k)}
    if not parts:
        parts = split_party(written, agency)
    expansions = expand(written, agency)
    kind = None
    if parts.get("name"):
        kind = "personal"
    elif parts.get("office") == written and any(e.written == written for e in expansions):
        kind = "corporate"
    return {"written": written, **parts, "expansions": expansions, "kind": kind}


def _with_expansion(text: str, expansions: list[Expansion]) -> str:
    """'S/P' -> 'Policy Planning Staff, Department of State (S/P)'; unknown forms as written."""
    for e in expansions:
        if e.written == text:
            return f"{e.expanded} ({text})"
    return text


def expansions_note(rec: dict[str, Any], agency: str | None = None) -> str | None:
    """'S/P = Policy Planning Staff, Department of State; SAC = Special Agent in Charge'."""
    seen: dict[str, str] = {}
    for _, field in parties(rec):
        for e in expand(str(field["value"]), agency):
            seen.setdefault(e.written, e.expanded)
    return "; ".join(f"{w} = {x}" for w, x in seen.items()) or None


def rights_statement(rec: dict[str, Any]) -> str | None:
    """The classification and declassification the document bears, in one sentence each:
    'Originally classified SECRET (NOFORN). Declassified. Review case: NW 65924. Reviewed: 2021-10-21.
    Authority: E.O. 13526. Exemptions: B6.' None when the record has none of them."""
    c, d = rec["classification"], rec["declassification"]
    parts: list[str] = []
    original, controls = _v(c["original"]), _vs(c["controls"])
    if original:
        parts.append(
            f"Originally classified {original}" + (f" ({', '.join(controls)})" if controls else "") + "."
        )
    elif controls:
        parts.append(f"Dissemination controls: {', '.join(controls)}.")
    current = _v(c["current"])
    if current:
        parts.append(f"Current marking: {current}.")
    if d["declassified"]:
        parts.append("Declassified.")
    for key, label in (
        ("case_numbers", "Review case"),
        ("review_dates", "Reviewed"),
        ("reviewers", "Reviewer"),
        ("authorities", "Authority"),
        ("exemptions", "Exemptions"),
    ):
        values = _vs(d[key])
        if values:
            parts.append(f"{label}: {'; '.join(values)}.")
    return " ".join(parts) or None


def source_label(rec: dict[str, Any]) -> str | None:
    """'seed_rostow_1962.txt, pages 1-2, document 2': where in the input the document was read."""
    src = rec["source"]
    if not src.get("path"):
        return None
    label = Path(src["path"]).name
    start, end = src.get("page_start"), src.get("page_end")
    if start and end:
        label += f", page {start}" if start == end else f", pages {start}-{end}"
    if src.get("document_index") is not None:
        label += f", document {src['document_index'] + 1}"
    return label


def roles_note(rec: dict[str, Any]) -> str | None:
    """'From: X. To: A; B. Through: S/S.': the parties with their roles, as written."""
    by_role: dict[str, list[str]] = {}
    for key, field in parties(rec):
        by_role.setdefault(ROLES[key][0], []).append(str(field["value"]))
    return " ".join(f"{label}: {'; '.join(names)}." for label, names in by_role.items()) or None


def to_xml(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = XML_ILLEGAL.sub("", text)  # OCR text may hold control characters XML cannot carry
    return el


# ---------------------------------------------------------------- Dublin Core

DC_ELEMENTS = (
    "title",
    "creator",
    "contributor",
    "date",
    "type",
    "identifier",
    "rights",
    "description",
    "source",
)
DC_CSV_COLUMNS = tuple(f"dc.{k}" for k in DC_ELEMENTS)


def dc_values(rec: dict[str, Any]) -> dict[str, list[str]]:
    """The Dublin Core elements of a record, each a list of values (README "Catalogue formats")."""
    agency = document_agency(rec)
    out: dict[str, list[str]] = {k: [] for k in DC_ELEMENTS}
    if rec["subject"]:
        out["title"].append(_v(rec["subject"]))
    for key, field in parties(rec):
        out["creator" if key == "sender" else "contributor"].append(str(field["value"]))
    if rec["document_date"]:
        out["date"].append(_v(rec["document_date"]))
    out["type"].append("Text")
    if rec["document_type"]:
        out["type"].append(_v(rec["document_type"]))
    out["identifier"].extend(_vs(rec["identifiers"]))
    rights = rights_statement(rec)
    if rights:
        out["rights"].append(rights)
    roles = roles_note(rec)
    if roles:
        out["description"].append(roles)
    names = expansions_note(rec, agency)
    if names:
        out["description"].append(f"Abbreviations: {names}.")
    source = source_label(rec)
    if source:
        out["source"].append(source)
    return out


def dc_element(rec: dict[str, Any]) -> ET.Element:
    """One `oai_dc:dc` record (the OAI-PMH Dublin Core format, oai_dc.xsd)."""
    root = ET.Element(f"{{{NS_OAI_DC}}}dc", {f"{{{NS_XSI}}}schemaLocation": OAI_DC_LOCATION})
    for element, values in dc_values(rec).items():
        for value in values:
            _sub(root, f"{{{NS_DC}}}{element}", value)
    return root


def dc_row(rec: dict[str, Any]) -> dict[str, str]:
    """One row of the `dc.*` CSV: several values in a cell are joined with '||' (as DSpace reads them)."""
    return {f"dc.{k}": MULTI_SEPARATOR.join(v) for k, v in dc_values(rec).items()}


# ---------------------------------------------------------------- MODS


def mods_element(rec: dict[str, Any]) -> ET.Element:
    """One `mods:mods` record (MODS 3.8)."""
    m = f"{{{NS_MODS}}}"
    agency = document_agency(rec)
    root = ET.Element(f"{m}mods", {"version": "3.8"})
    if rec["subject"]:
        _sub(_sub(root, f"{m}titleInfo"), f"{m}title", _v(rec["subject"]))
    for key, field in parties(rec):
        _mods_name(root, key, party_parts(field, agency))
    _sub(root, f"{m}typeOfResource", "text")
    if rec["document_type"]:
        _sub(root, f"{m}genre", _v(rec["document_type"]), authority="local")
    if rec["document_date"]:
        origin = _sub(root, f"{m}originInfo", eventType="production")
        _sub(origin, f"{m}dateCreated", _v(rec["document_date"]), encoding="edtf", keyDate="yes")
    for ident in rec["identifiers"]:
        _sub(root, f"{m}identifier", str(ident["value"]), type=ident.get("kind") or "local")
    for case in rec["declassification"]["case_numbers"]:
        _sub(root, f"{m}identifier", str(case["value"]), type="declassification_case")
    rights = rights_statement(rec)
    if rights:
        _sub(root, f"{m}accessCondition", rights, type="restriction on access")
    names = expansions_note(rec, agency)
    if names:
        _sub(root, f"{m}note", names, type="abbreviations")
    info = _sub(root, f"{m}recordInfo")
    source = source_label(rec)
    origin_note = f"Machine-extracted by declass {__version__}" + (f" from {source}" if source else "")
    _sub(info, f"{m}recordOrigin", origin_note + "; values not checked by a cataloguer.")
    return root


def _mods_name(root: ET.Element, key: str, parts: dict[str, Any]) -> None:
    m = f"{{{NS_MODS}}}"
    label, term, code = ROLES[key]
    attrs = {"displayLabel": label}
    if parts["kind"]:
        attrs["type"] = parts["kind"]
    name = _sub(root, f"{m}name", **attrs)
    written, expansions = parts["written"], parts["expansions"]
    _sub(name, f"{m}namePart", parts.get("name") or written)
    if parts.get("name") and parts["name"] != written:
        _sub(name, f"{m}displayForm", written)
    if parts.get("office") and parts["office"] != written:
        _sub(name, f"{m}affiliation", _with_expansion(parts["office"], expansions))
    if parts.get("title") and parts["title"] != written:
        _sub(name, f"{m}description", _with_expansion(parts["title"], expansions))
    whole = next((e for e in expansions if e.written == written), None)
    if whole:
        alt = _sub(name, f"{m}alternativeName", altType="expanded")
        _sub(alt, f"{m}namePart", whole.expanded)
    role = _sub(name, f"{m}role")
    _sub(role, f"{m}roleTerm", term, type="text", authority="marcrelator")
    _sub(role, f"{m}roleTerm", code, type="code", authority="marcrelator")


# ---------------------------------------------------------------- ArchivesSpace


@cache
def aspace_template() -> dict[str, Any]:
    return data_files.load("aspace_bulk_import")


@cache
def restricted_levels() -> frozenset[str]:
    """The classification levels that restrict access: those ranked above UNCLASSIFIED in the
    classifier's vocabulary (`declass/data/classification.json`)."""
    levels = data_files.load("classification")["levels"]
    return frozenset(level for level, rank in levels.items() if rank > 0)


def aspace_row(rec: dict[str, Any]) -> dict[str, str]:
    """One archival object (level item) for ArchivesSpace's bulk import spreadsheet, by column code.
    The resource to import into (`ead` or `res_uri`) is left for the archivist to fill in."""
    agency = document_agency(rec)
    row: dict[str, str] = {"hierarchy": "1", "level": "item"}
    if rec["subject"]:
        row["title"] = _v(rec["subject"])
    if rec["identifiers"]:
        row["unit_id"] = str(rec["identifiers"][0]["value"])
    date = rec["document_date"]
    if date:
        row.update(dates_label="creation", date_type="single", expression=" ".join(date["raw"].split()))
        if "X" not in date["value"]:
            row["begin"] = date["value"]
    current = _v(rec["classification"]["current"])
    if current in restricted_levels():
        row["restrictions_flag"] = "1"
    people = corporate = 0
    for key, field in parties(rec):
        parts = party_parts(field, agency)
        role = "creator" if key == "sender" else "subject"
        relator = ROLES[key][2]
        if parts["kind"] == "personal" and people < 5:
            people += 1
            row[f"people_agent_header_{people}"] = parts["name"]
            row[f"people_agent_role_{people}"] = role
            row[f"people_agent_relator_{people}"] = relator
        elif parts["kind"] == "corporate" and corporate < 3:
            corporate += 1
            row[f"corporate_entities_agent_header_{corporate}"] = _with_expansion(
                parts["written"], parts["expansions"]
            )
            row[f"corporate_entities_agent_role_{corporate}"] = role
            row[f"corporate_entities_agent_relator_{corporate}"] = relator
    rights = rights_statement(rec)
    if rights:
        row["n_accessrestrict"] = rights
    notes = []
    if rec["document_type"]:
        notes.append(f"Document type: {_v(rec['document_type'])}.")
    roles = roles_note(rec)
    if roles:
        notes.append(roles)
    if rec["identifiers"]:
        notes.append(
            "Identifiers: "
            + "; ".join(f"{i.get('kind') or 'id'} {i['value']}" for i in rec["identifiers"])
            + "."
        )
    names = expansions_note(rec, agency)
    if names:
        notes.append(f"Abbreviations: {names}.")
    source = source_label(rec)
    notes.append(f"Machine-extracted by declass {__version__}" + (f" from {source}" if source else "") + ".")
    row["n_odd"] = " ".join(notes)
    return row


# ---------------------------------------------------------------- writers


class _XmlCollectionWriter(Writer):
    """Streams records as child elements of one root element (`ROOT`, its start tag). The root is
    written with the first record; a run with no records writes an empty root, or nothing at all when
    the format's schema needs at least one record (`EMPTY_ALLOWED`): `wrote_nothing` then says so."""

    ROOT = ""
    EMPTY_ALLOWED = True

    def __init__(self, stream: IO[str]):
        super().__init__(stream)
        self.started = False
        self.wrote_nothing = False

    def _start(self) -> None:
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n' + self.ROOT + "\n")
        self.started = True

    def element(self, rec: dict[str, Any]) -> ET.Element:  # pragma: no cover - abstract
        raise NotImplementedError

    def write(self, rec: dict[str, Any]) -> None:
        if not self.started:
            self._start()
        el = self.element(rec)
        ET.indent(el, space="  ", level=1)
        self.stream.write("  " + self.render(el) + "\n")

    def render(self, el: ET.Element) -> str:
        return to_xml(el)

    def close(self) -> None:
        if not self.started and not self.EMPTY_ALLOWED:
            self.wrote_nothing = True
        else:
            if not self.started:
                self._start()
            self.stream.write("</" + self.ROOT[1:].split(" ", 1)[0].rstrip(">") + ">\n")
        super().close()


class DcXmlWriter(_XmlCollectionWriter):
    """`--format dc`: one `oai_dc:dc` per document, inside a plain `<records>` root element (no
    namespace: each child is exactly what an OAI-PMH `<metadata>` element carries)."""

    ROOT = "<records>"

    def element(self, rec):
        return dc_element(rec)


class ModsWriter(_XmlCollectionWriter):
    """`--format mods`: a `mods:modsCollection` of `mods:mods`, one per document. MODS 3.8 allows no
    empty collection: a run without records writes nothing."""

    EMPTY_ALLOWED = False
    ROOT = (
        f'<mods:modsCollection xmlns:mods="{NS_MODS}" xmlns:xsi="{NS_XSI}" '
        f'xsi:schemaLocation="{MODS_LOCATION}">'
    )

    def element(self, rec):
        return mods_element(rec)

    def render(self, el):
        # the root declares the namespace: the records do not repeat it
        return to_xml(el).replace(f' xmlns:mods="{NS_MODS}"', "", 1)


class DcCsvWriter(Writer):
    """`--format dc-csv`: one row per document, `dc.*` columns, several values joined with '||'."""

    def __init__(self, stream: IO[str]):
        super().__init__(stream)
        self.csv = csv.DictWriter(stream, fieldnames=DC_CSV_COLUMNS)
        self.csv.writeheader()

    def write(self, rec):
        self.csv.writerow(dc_row(rec))


class AspaceCsvWriter(Writer):
    """`--format aspace-csv`: ArchivesSpace's bulk import spreadsheet (codes row, labels row, one
    row per document as an item-level archival object)."""

    def __init__(self, stream: IO[str]):
        super().__init__(stream)
        template = aspace_template()
        self.codes = template["codes"]
        self.csv = csv.writer(stream)
        self.csv.writerow(self.codes)
        self.csv.writerow(template["labels"])

    def write(self, rec):
        row = aspace_row(rec)
        self.csv.writerow([""] + [row.get(code, "") for code in self.codes[1:]])


WRITERS = {"dc": DcXmlWriter, "dc-csv": DcCsvWriter, "mods": ModsWriter, "aspace-csv": AspaceCsvWriter}
