"""Authority-friendly party values: office symbols and agency abbreviations expanded into the names a
cataloguer files under, and parties split into `name`, `title`, `office` where the text allows.

The vocabulary is data (`declass/data/offices.json`): State office symbols (S/S, S/P, INR, EUR...),
CIA components (DDP, C/WH, JMWAVE...), FBI titles and field office codes (SAC, MM = Miami), telegram
addresses (SECSTATE WASHDC, AMEMBASSY X). Nothing here changes a party's `value`: `expand` says what
the written forms stand for, `split_party` returns substrings of the value, both only when sure.

    >>> [(e.written, e.expanded) for e in expand("S/P - W. W. Rostow")]
    [('S/P', 'Policy Planning Staff, Department of State')]
    >>> split_party("S/P - W. W. Rostow")
    {'office': 'S/P', 'name': 'W. W. Rostow'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import data as data_files

PARTY_FIELDS = ("sender", "addressees", "through", "copies_to")
# NARA's JFK collection record numbers begin with the originating agency's code
RECORD_NUMBER_AGENCY: dict[str, str] = data_files.load("offices")["record_number_agencies"]["codes"]


@dataclass(frozen=True)
class Expansion:
    """One written form found in a party value and the name it stands for."""

    written: str  # as written in the document ("S/P", "AMEMBASSY TEHRAN", "MM")
    expanded: str  # the full name ("Policy Planning Staff, Department of State")
    kind: str  # office | agency | title | fbi_field_office | telegram_address


@cache
def vocabulary() -> dict[str, Any]:
    return data_files.load("offices")


@cache
def _offices() -> dict[str, list[dict]]:
    by_form: dict[str, list[dict]] = {}
    for entry in vocabulary()["offices"]:
        by_form.setdefault(entry["written"], []).append(entry)
    return by_form


@cache
def _titles() -> dict[str, dict]:
    return {t["written"].casefold(): t for t in vocabulary()["titles"]}


@cache
def _title_word_re() -> re.Pattern:
    words = sorted(vocabulary()["title_words"]["words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


@cache
def _telegram_re() -> re.Pattern:
    prefixes = "|".join(re.escape(p["written"]) for p in vocabulary()["telegram_prefixes"])
    return re.compile(rf"^(?P<prefix>{prefixes})\s+(?P<place>[A-Z][A-Z .'-]*[A-Z])$")


def _lookup(form: str, agency: str | None) -> dict | None:
    """The vocabulary entry for a written form: one meant for the document's agency, else the only
    entry that needs no context; None when unknown or ambiguous."""
    entries = _offices().get(form, [])
    if agency:
        for e in entries:
            if e["agency"] == agency:
                return e
    free = [e for e in entries if not e.get("context")]
    return free[0] if len(free) == 1 and len(entries) == 1 else None


def _kind(entry: dict) -> str:
    return entry.get("kind", "office")


def expand(value: str, agency: str | None = None) -> list[Expansion]:
    """Expansions of the office symbols, agency abbreviations, FBI codes and telegram addresses in a
    party value, in the order written. `agency` ("State", "CIA", "FBI") is the document's agency when
    known (see `document_agency`): it settles forms several agencies use (FE, DIRECTOR, HQ).
    Forms not in the vocabulary are left out; an empty list means nothing was recognised."""
    text = " ".join(value.split())
    if not text:
        return []
    entry = _lookup(text, agency)
    if entry:
        kind = "telegram_address" if " " in text and text.isupper() else _kind(entry)
        return [Expansion(text, entry["name"], kind)]
    m = _telegram_re().match(text)
    if m:
        prefix = next(p for p in vocabulary()["telegram_prefixes"] if p["written"] == m["prefix"])
        place = m["place"].title()
        return [Expansion(text, f"{prefix['name']}, {place}", "telegram_address")]
    out: list[Expansion] = []
    parts = _segments(text)
    for i, part in enumerate(parts):
        title = _titles().get(part.casefold())
        if title and i == 0 and len(parts) > 1:
            out.append(Expansion(part, title["name"], "title"))
            if len(parts) == 2:
                code = _field_office(title, parts[1])
                if code:
                    out.append(code)
            continue
        head = part.split(" ", 1)
        title = _titles().get(head[0].casefold())
        if title and i == 0 and len(head) == 2 and title["written"] in ("SA", "SAC") and _person(head[1]):
            out.append(Expansion(head[0], title["name"], "title"))  # "SA ROBERT M. BARRETT"
            continue
        entry = _lookup(part, agency)
        if entry and not entry.get("whole"):
            out.append(Expansion(part, entry["name"], _kind(entry)))
    return out


def _segments(text: str) -> list[str]:
    """'S/P - W. W. Rostow' -> ['S/P', 'W. W. Rostow']; 'SAC, MM' -> ['SAC', 'MM']."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)  # "(Francis)", "(92-349)"
    pieces = re.split(r"\s+-\s+|,\s+|(?<=[A-Z]{2})[.,]\s*(?=[A-Z]{2,5}$)", text)
    return [p.strip(" .") for p in pieces if p.strip(" .")]


def _field_office(title: dict, place: str) -> Expansion | None:
    """'MM' after SAC is the Miami field office; 'CAR' after LEG is the Legal Attaché in Caracas."""
    if title["agency"] != "FBI":
        return None
    if title["written"] in ("Legat", "LEG"):
        city = vocabulary()["legat_posts"].get(place.upper())
        return Expansion(place, city, "fbi_field_office") if city else None
    city = vocabulary()["fbi_field_offices"].get(place.upper())
    return Expansion(place, city, "fbi_field_office") if city and place.isupper() else None


# ---------------------------------------------------------------- splitting parties into parts

HONORIFIC = "(?:" + "|".join(data_files.load("offices")["honorifics"]["words"]) + r")\.?"
_GIVEN = r"(?:[A-Z]\.|[A-Z][a-z]+|[A-Z]{2,})"
_SURNAME = r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?|(?:MC|MAC|O'|O’)?[A-Z]{2,}(?:-[A-Z]{2,})?"
_SUFFIX = r"(?:,?\s(?:Jr\.|JR\.?|Sr\.|SR\.?|III|II))?"
PERSON = re.compile(rf"^(?:{HONORIFIC}\s)?(?:{_GIVEN}\s){{0,3}}(?:{_SURNAME}){_SUFFIX}$")
INITIAL = re.compile(r"(?:^|\s)[A-Z]\.(?=\s)")
# an office symbol as written: S/P, S/S-EX, C/WH/4/PA, SA/DO/O, HRP/OIM, WH/III/AO
SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9]{1,6})+(?:-[A-Z]{1,4})?$|^[A-Z]{1,6}-[A-Z]{1,4}$")
OFFICE_WORDS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, data_files.load("offices")["office_words"]["words"])) + r")\b"
)


def _person(text: str, strict: bool = True) -> bool:
    """A personal name as written: up to three given names or initials, then a surname.
    `strict` also asks for an initial or an honorific, so that 'MEXICO CITY' is not a person."""
    text = text.strip()
    if not PERSON.match(text) or len(text.split()) < 2:
        return False
    if _title_word_re().search(text) or _offices().get(text) or OFFICE_WORDS.search(text):
        return False
    if not strict:
        return True
    return bool(INITIAL.search(f"{text} ") or re.match(HONORIFIC + r"\s", text))


def _is_office(text: str, agency: str | None) -> bool:
    return bool(SYMBOL.match(text) or _lookup(text, agency) or OFFICE_WORDS.search(text))


def _is_title(text: str) -> bool:
    if _titles().get(text.casefold()):
        return True
    return bool(_title_word_re().search(text) and not SYMBOL.match(text) and not OFFICE_WORDS.search(text))


INVERTED = re.compile(
    r"^(?P<surname>(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{4,}(?:-[A-Z]{2,})?),\s"
    r"(?P<given>[A-Z][a-z]+(?:\s[A-Z]\.?)?|[A-Z]{2,}(?:\s[A-Z]\.?)?|[A-Z](?:\s[A-Z])?)"
    r"(?:,?\s(?:Jr\.?|JR\.?|Sr\.?|SR\.?))?\.?$"
)


def split_party(value: str, agency: str | None = None) -> dict[str, str]:
    """The `name`, `title` and `office` parts of a party value, each a substring of it as written;
    only the parts the text makes clear (an empty dict when none is):

        'S/P - W. W. Rostow'             -> office 'S/P', name 'W. W. Rostow'
        'C - The Deputy Under Secretary' -> office 'C', title 'The Deputy Under Secretary'
        'W. W. Rostow, Counselor'        -> name 'W. W. Rostow', title 'Counselor'
        'SAC, MIAMI'                     -> title 'SAC', office 'MIAMI'
        'The Ambassador in Russia (Francis)' -> title 'The Ambassador in Russia', name 'Francis'
        'AMEMBASSY TEHRAN'               -> office 'AMEMBASSY TEHRAN'
    """
    text = " ".join(value.split())
    if not text:
        return {}
    # FRUS heads: "The Ambassador in Russia (Francis)", "WH/4/AR (Kittridge)"
    m = re.match(r"^(?P<head>.+?)\s\((?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\)$", text)
    if m and not re.search(r"\d", m["name"]):
        head = m["head"]
        if head.startswith("The ") and _title_word_re().search(head):
            return {"title": head, "name": m["name"]}
        if SYMBOL.match(head):
            return {"office": head, "name": m["name"]}
        return {}
    # "S/P - W. W. Rostow", "C - The Deputy Under Secretary", "S/S-EX - Toni Hawkins"
    m = re.match(r"^(?P<office>[A-Z]{1,6}(?:/[A-Z0-9]{1,6})*(?:-[A-Z]{1,4})?)\s-\s(?P<rest>.+)$", text)
    if m:
        rest = m["rest"]
        if _person(rest, strict=False):
            return {"office": m["office"], "name": rest}
        if rest.startswith("The ") and _title_word_re().search(rest):
            return {"office": m["office"], "title": rest}
        return {}
    # whole value a telegram address, office symbol or known office: "AMEMBASSY TEHRAN", "S/S", "DDP"
    exp = expand(text, agency)
    if len(exp) == 1 and exp[0].written == text and exp[0].kind in ("office", "agency", "telegram_address"):
        return {"office": text}
    # "SA ROBERT M. BARRETT"
    head = text.split(" ", 1)
    if len(head) == 2 and head[0] in ("SA", "SAC") and _person(head[1], strict=False):
        return {"title": head[0], "name": head[1]}
    surname = text.split(",")[0]
    if INVERTED.match(text) and not _is_title(surname) and not _is_office(surname, agency):
        return {"name": text}  # "Sullivan, Jacob J", "BRECKINRIDGE, SCOTT": an inverted personal name
    parts = [p.strip() for p in text.split(", ")]
    dotted = re.match(r"^(?P<title>[A-Za-z]{2,})\.\s(?P<rest>[A-Z].*)$", text)
    if len(parts) == 1 and dotted and dotted["title"].casefold() != "mr" and _is_title(dotted["title"]):
        parts = [dotted["title"], dotted["rest"]]  # OCR's "LEG. LO", "DIRECTOR. FBI" for the comma
    if len(parts) >= 2:
        first, rest = parts[0], parts[1:]
        # "SAC, MIAMI", "Chief, WH Division", "Director, FBI", "The Chairman, Atomic Energy Commission"
        if _is_title(first) and not _person(first, strict=False) and len(first.split()) <= 4:
            return {"title": first, "office": ", ".join(rest)}
        # "W. W. Rostow, Counselor", "DESMOND FITZGERALD, Chief, Western Hemisphere Division",
        # "J. Barry Harrelson, JFK Project Officer, HRP/OIM", "GERARD DROLLER, C/WH/4/PA"
        if _person(first, strict=False):
            out = {"name": first}
            if _is_title(rest[0]) and not _is_office(rest[0], agency):
                out["title"] = rest.pop(0)
            if rest:
                if not _is_office(rest[0], agency):
                    return {}  # a part we cannot name: do not guess
                out["office"] = ", ".join(rest)
            return out if len(out) > 1 else {}
        return {}
    if _person(text):
        return {"name": text}  # "W. W. Rostow", "Mr. D. J. Brennan"
    if re.match(HONORIFIC + r"\s(?:Mc|Mac|O')?[A-Z][a-zA-Z'-]+$", text):
        return {"name": text}  # "Mr. Belmont"
    if text.startswith("The ") and _title_word_re().search(text) and "," not in text:
        return {"title": text}  # "The Secretary", "The Under Secretary"
    return {}


# ---------------------------------------------------------------- the document's agency


def document_agency(rec: dict[str, Any]) -> str | None:
    """The agency a record dict's document comes from, when the record says so plainly: a NARA JFK
    record number (104- CIA, 124- FBI), a State document number or decimal file, or parties that
    only one agency writes (SECSTATE, AMEMBASSY, S/S; SAC, Legat). None when unknown or mixed."""
    found: set[str] = set()
    for ident in rec.get("identifiers") or []:
        kind, value = ident.get("kind"), str(ident["value"])
        if kind == "nara_record_number" and value[:3] in RECORD_NUMBER_AGENCY:
            found.add(RECORD_NUMBER_AGENCY[value[:3]])
        elif kind in ("state_doc_number", "state_decimal_file"):
            found.add("State")
    if not found:
        for _, field in parties(rec):
            for e in expand(str(field["value"])):
                entry = _lookup(e.written, None)
                if entry and entry["agency"] in ("State", "CIA", "FBI"):
                    found.add(entry["agency"])
                elif e.kind == "telegram_address":
                    found.add("State")
                elif e.kind == "title":
                    found.add(_titles()[e.written.casefold()]["agency"])
    return found.pop() if len(found) == 1 else None


def parties(rec: dict[str, Any]) -> list[tuple[str, dict]]:
    """(party key, field) of a record dict in record order: the sender, then addressees, through,
    copies_to."""
    out: list[tuple[str, dict]] = []
    for key in PARTY_FIELDS:
        value = rec.get(key)
        for field in value if isinstance(value, list) else [value]:
            if field:
                out.append((key, field))
    return out


def annotate_parties(record) -> None:
    """Post-resolution step: add `name`, `title`, `office` parts to the record's party fields where
    the text makes them clear. Values, raw text and offsets are left as they are."""
    rec = record.to_dict()
    agency = document_agency(rec)
    for key in PARTY_FIELDS:
        value = getattr(record, key)
        for field in value if isinstance(value, list) else [value]:
            if field is None or not isinstance(field.value, str):
                continue
            for part, text in split_party(field.value, agency).items():
                field.extra.setdefault(part, text)
