"""Extractor: identifiers of the record (field `identifiers`, each with a `kind`).

Archivists record the numbers that name THIS record: the NARA record number and DocId, the agency
file number of the RIF cover sheet, the cable number of a telegram (its own, not cited references),
State decimal file numbers (FRUS "File No."), State FOIA document numbers and Bates numbers, and
control numbers printed alone on a line. Page numbers, copy numbers and numbers cited in the body
("REF: DIRECTOR 229921", "Reference: HMMW-13207") are not identifiers of the record, so every rule
reads a number only from a position that makes it the record's own.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from .. import data as data_files
from .. import prefilter
from ..dates import find_dates
from ..document import Document
from .base import Candidate


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return data_files.load("identifiers")


def _cand(value: str, start: int, end: int, conf: float, method: str, kind: str) -> Candidate:
    return Candidate("identifiers", value, start, end, conf, f"rule:{method}", {"kind": kind})


# Line-anchored patterns hold no literal the prefilter can test, and `re` tries them at every line. Each
# gets a "core": a zero-width-ish pattern led by a literal (found fast) that every match of it holds.
def _gated(core: re.Pattern, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """`prefilter.line_finditer(pattern, text)`, none at all when the text lacks `core`."""
    return prefilter.line_finditer(pattern, text) if core.search(text) else iter(())


def _single_line_matches(core: re.Pattern, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a `(?m)^` pattern that matches no newline: each match is alone on
    its line, and is tried only on the lines holding `core` (each found, as it consumes one character
    and looks around for the rest)."""
    match = pattern.match
    last = -1
    for hit in core.finditer(text):
        start = text.rfind("\n", 0, hit.start()) + 1
        if start != last:
            last = start
            m = match(text, start)
            if m is not None:
                yield m


# ---------------------------------------------------------------- NARA record number (104-10007-10149)
# An OCR'd stamp often gains a leading digit or bracket ("1104-10059-10206", "(124-10164-10277").
_RECNUM = re.compile(r"(?P<v>[12]\d{2}-\d{5}-\d{5})(?![\d-])")
# the dash after the first group of a record number: `re` finds a leading '-' fast, where it tries
# `_RECNUM` ("[12]" leads it) at every position of the text
_RECNUM_DASH = re.compile(r"-(?=\d{5}-\d{5}(?![\d-]))")


def _recnum_finditer(text: str) -> Iterator[re.Match]:
    """`_RECNUM.finditer(text)`: every match holds a `_RECNUM_DASH` 3 characters after its start (a
    lookahead, so no such dash is passed over), tried there, in order, from the end of the last match."""
    match = _RECNUM.match
    pos = 0
    for dash in _RECNUM_DASH.finditer(text):
        s = dash.start() - 3
        if s >= pos and (m := match(text, s)) is not None:
            yield m
            pos = m.end()


_RIF_START = re.compile(r"IDENTIFICATION\s{0,3}FORM", re.I)
_RIF_END = re.compile(r"\f|[DB][a-z]{1,2}[A-Za-z1]{1,2}\s{0,2}[:;]\s{0,2}\d{6,9}")
# the release stamp with a damaged agency prefix: "1704-10336-10011 2023 RELEASE", "'404-10163-10116)"
_STAMP_DAMAGED_104 = re.compile(
    r"(?m)^\W{0,3}[0-9'lI|]{0,2}04-(?P<rest>1\d{4}-1\d{4})(?![\d-])(?=[\s)\]|.,]{0,8}\[?\{?\s?(?:19|20)\d\d\s+RELEAS)"
)
_RIF_NUMBER_LABEL = re.compile(r"RECORD[\s_]{0,3}NUMBER\s{0,3}[:;]?[\s:=—-]{0,4}$", re.I)
# the release stamp after the number, its frame read as brackets or braces: "104-10059-10206 | 2023 RELEASE",
# "124-10278-10391 (2022 RELEASE"; or as a stray word of up to four letters, then only before the banner's
# capitals (prose cites a record "in 2017 released"): "{104-10290-10046}RF 2025 RELEASE UNDER",
# "104-10111-10076] al 2022 RELEASE UNDER", "104-10096-10240] iz [ 2022 RELEASE UNDER"
_RELEASE_AFTER = re.compile(
    r"^[\s)\]}|.,°'‘’“”*_~-]{0,8}(?:[\[{(]?\s?(?:19|20)\d\d\s+(?i:RELEAS)"
    r"|[A-Za-z]{1,4}[ \t|]{1,3}[\[{(]?\s?(?:19|20)\d\d\s{1,3}RELEASE\s{1,3}UNDER)"
)
_RESTRICTED_BEFORE = re.compile(r"ITEM\s{1,3}IS\s{1,3}RESTRICTED\W{0,6}$", re.I)


# the release stamp with OCR gaps: "104- -10073- 10074 4 2025 RELEASE", "104- 10167 1 10083): | 2025 RELEASE"
# (the second dash read as "1")
_STAMP_GAPPED = re.compile(
    r"(?m)^[^\w\n]{0,3}(?P<a>[12]\d{2})-[ -]{1,3}(?P<b>1\d{4})(?:-? | [1l|] )(?P<c>\d{5})"
    r"(?=[\s\d|)\]:]{0,8}(?:19|20)\d\d\s+RELEAS)"
)
# Tesseract reads the stamp's "[104-" as "‘oa. ", "‘\\od“t", the "1" of the next group as "t":
# "‘oa. 10075- 10225 \n4 \n| 2025 RELEASE", "‘\\od“t0408-10316 | 2025 RELEASE" (the "o" is the 0 of 104)
_STAMP_OD_104 = re.compile(
    r"(?m)^[^\w\n]{0,3}(?P<p>[oO][da])[.“\"'\s-]{0,3}(?P<b>[1t]\d{4})-\s?(?P<c>1\d{4})(?![\d-])"
    r"(?=[\s)\]|.,\d]{0,8}[\[{|]?\s?(?:19|20)\d\d\s+RELEAS)"
)


_RECNUM_SPACED = re.compile(
    r"(?m)^\W{0,3}(?P<v>[12]\d{2}-(?=[\d ]{6}-|\d{5}-[\d ]{6}\W{0,3}$)[\d ]{5,6}-[\d ]{5,6})\W{0,3}$"
)


def _rif_spans(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Regions of the NARA identification form (a cover sheet is short: 2,500 characters); `folded`:
    the document's folded text, if known (else folded here)."""
    spans = []
    for m in prefilter.finditer(_RIF_START, text, folded):
        if spans and m.start() < spans[-1][1]:
            continue
        end = min(len(text), m.start() + 2500)
        stop = _RIF_END.search(text, m.end(), end)
        spans.append((m.start(), stop.start() if stop else end))
    return spans


def _record_numbers(doc: Document) -> Iterator[Candidate]:
    text = doc.text
    rif = _rif_spans(text, doc.folded)
    for m in _recnum_finditer(text):
        s, e = m.span("v")
        if not _recnum_start_ok(text, s):
            continue
        before = text[max(0, s - 40) : s]
        after = text[e : e + 40]
        if _RIF_NUMBER_LABEL.search(before):
            yield _cand(m["v"], s, e, 0.88, "rif-record-number", "nara_record_number")
        elif _RELEASE_AFTER.match(after) or s < 200:
            # the release stamp at the top of each released record: "104-10059-10206 | 2023 RELEASE"
            yield _cand(m["v"], s, e, 0.9, "nara-release-header", "nara_record_number")
        elif _RESTRICTED_BEFORE.search(before):
            yield _cand(m["v"], s, e, 0.88, "rif-record-number", "nara_record_number")
        elif any(a <= s < b for a, b in rif) and _rif_value_position(text, s):
            # labels-first layout: the value stands alone on its line inside the form
            yield _cand(m["v"], s, e, 0.85, "rif-record-number", "nara_record_number")
    for a, b in rif:
        # labels-first layout, the value on its own line with a space OCR put in it: "124-901 18-10197"
        for m in _RECNUM_SPACED.finditer(text, a, b):
            value = m["v"].replace(" ", "")
            if _RECNUM.fullmatch(value):
                yield _cand(value, m.start("v"), m.end("v"), 0.8, "rif-record-number", "nara_record_number")
    for m in prefilter.line_finditer(_STAMP_GAPPED, text[:300]):
        value = f"{m['a']}-{m['b']}-{m['c']}"
        yield _cand(value, m.start("a"), m.end("c"), 0.75, "nara-release-header", "nara_record_number")
    for m in prefilter.line_finditer(_STAMP_OD_104, text[:300]):
        value = f"104-1{m['b'][1:]}-{m['c']}"
        yield _cand(value, m.start("p"), m.end("c"), 0.7, "nara-release-header", "nara_record_number")
    for m in prefilter.line_finditer(_STAMP_DAMAGED_104, text[:300]):
        if not _RECNUM.match(text, m.start("rest") - 4):
            # CIA records (agency 104) dominate; a damaged "104" prefix is read as 104
            s, e = m.start("rest") - 4, m.end("rest")
            yield _cand("104-" + m["rest"], s, e, 0.7, "nara-release-header", "nara_record_number")


def _recnum_start_ok(text: str, s: int) -> bool:
    """Not inside a longer number; one stray OCR digit before it is allowed ("1104-10059-10206")."""
    prev = text[s - 1 : s]
    if prev == "-" or prev.isalpha():
        return False
    if prev.isdigit():
        prev2 = text[s - 2 : s - 1]
        return not (prev2.isdigit() or prev2 == "-")
    return True


def _rif_value_position(text: str, s: int) -> bool:
    line_start = text.rfind("\n", 0, s) + 1
    return not re.search(r"[A-Za-z]{4}", text[line_start:s])


# ---------------------------------------------------------------- NARA DocId page footer
# "NW 65924 DocId:32105898 Page 1"; OCR reads DocId as Docld, Doc1d, DoeId, DooId, Bocld, Dactd ...
_DOCID = re.compile(
    r"[DB](?<![A-Za-z][DB])(?!ate|ATE)[a-z]{1,2}[A-Za-z1]{1,2}\s{0,2}[:;]\s{0,2}(?P<v>\d{8})(?!\d)"
)


# the separator before a DocId's digits: `re` finds a leading ':' or ';' fast, where it tries `_DOCID`
# ("[DB]" leads it) at every position of the text
_DOCID_SEPARATORS = (re.compile(r":(?=\s{0,2}\d{8}(?!\d))"), re.compile(r";(?=\s{0,2}\d{8}(?!\d))"))


def _docid_finditer(text: str) -> Iterator[re.Match]:
    """`_DOCID.finditer(text)`: a match starts 3 to 7 characters before its separator (the D, two to four
    letters, up to two spaces), so it is tried at those places only, in order, from the end of the last."""
    seps = [sep.start() for rx in _DOCID_SEPARATORS for sep in rx.finditer(text)]
    starts = sorted({s for c in seps for s in range(c - 7, c - 2)})
    match = _DOCID.match
    pos = 0
    for s in starts:
        if s >= pos and (m := match(text, s)) is not None:
            yield m
            pos = m.end()


def _docids(doc: Document) -> Iterator[Candidate]:
    found = [(m["v"], m.span("v")) for m in _docid_finditer(doc.text)]
    if not found:
        return
    counts = Counter(v for v, _ in found)
    value, n = counts.most_common(1)[0]
    s, e = next(span for v, span in found if v == value)
    conf = 0.92 if n >= 2 or len(counts) == 1 else 0.75
    yield _cand(value, s, e, conf, "nara-docid-footer", "nara_docid")


# ---------------------------------------------------------------- RIF AGENCY FILE NUMBER
_AFN_LABEL = re.compile(r"AGENCY\s{0,2}FILE\s{0,2}-?\s{0,2}(?:NUMBER|NO\.?)", re.I)
_AFN_SAME_LINE = re.compile(r"[ \t]{0,4}[:;]?[ \t]{0,4}[—=:-]?[ \t]{0,4}(?P<v>[^\n]{1,80})")
_PAGES_TAIL = re.compile(r"\s{0,3}-\s{0,3}PAGES?\b.*$", re.I)
_OCR_DASH = str.maketrans({"÷": "-", "–": "-", "—": "-", "~": "-"})


def _afn_value_ok(value: str) -> bool:
    v = value.strip(" .:;,'‘’|")
    if len(v) < 2:
        return False
    up = v.upper()
    vocab = _vocab()
    if any(up.startswith(lab) for lab in vocab["rif_labels_after_file_number"]):
        return False
    if up in vocab["agency_names_not_file_numbers"]:
        return False
    if re.search(r"USC|RELEASED|KENNEDY|ASSASSINATION\s+RECORDS|COLLECTION\s+ACT|Case\s?#", v, re.I):
        return False
    # a date with its month written out and nothing else ("December 8, 1995"): another box's value
    # under an empty label. All-digit ones stay: HSCA file numbers read like dates ("12-04-43")
    if re.search(r"[A-Za-z]", v) and any(d.start == 0 and d.end == len(v) for d in find_dates(v)):
        return False
    if not re.search(r"\d", v):
        # a name-like file ("JEWELS I") must be upper case and short
        return bool(re.fullmatch(r"[A-Z][A-Z .'/-]{2,30}", v))
    return True


def _cut_debris(core: str) -> str:
    """`core` up to a word without an ASCII letter or digit (not a dash or slash): OCR debris after the
    number ("CR 174-689-52 é", "CR 105-20297-NR . 4")."""
    for m in re.finditer(r"\S+", core):
        tok = m.group()
        if m.start() and not any(c.isascii() and c.isalnum() for c in tok) and not set(tok) <= set("-–—~÷/"):
            return core[: m.start()].rstrip()
    return core


def _clean_afn(raw: str) -> tuple[str, int]:
    """Normalized value and the length of `raw` it covers (the " - PAGES 215-222" tail is dropped)."""
    core = _cut_debris(_PAGES_TAIL.sub("", raw)).rstrip(" .:;,|")
    value = core.translate(_OCR_DASH)
    value = re.sub(r"\s*-\s*", "-", value) if re.search(r"\d\s*-\s*\d", value) else value
    value = re.sub(r"\bIST\b", "1ST", value)
    return " ".join(value.split()), len(core)


class _Line:
    __slots__ = ("start", "text")

    def __init__(self, start: int, text: str):
        self.start, self.text = start, text


def _next_value_lines(text: str, offset: int, count: int) -> list[_Line]:
    """The next `count` non-empty lines after the line holding `offset` (within 12 lines)."""
    out: list[_Line] = []
    pos = text.find("\n", offset)
    for _ in range(12):
        if pos < 0 or len(out) == count:
            break
        start = pos + 1
        pos = text.find("\n", start)
        line = text[start : pos if pos >= 0 else len(text)].split("\f")[-1]
        if line.strip():
            out.append(_Line(start + (len(text[start : pos if pos >= 0 else len(text)]) - len(line)), line))
    return out


def _agency_file_numbers(doc: Document) -> Iterator[Candidate]:
    text = doc.text
    for m in prefilter.finditer(_AFN_LABEL, text, doc.folded):
        same = _AFN_SAME_LINE.match(text, m.end())
        raw = same["v"].strip() if same else ""
        if raw and raw.strip(" .:;,'‘’|"):
            s = same.start("v") + same["v"].index(raw[0])
            if _afn_value_ok(raw):
                value, n = _clean_afn(raw)
                if value:
                    yield _cand(value, s, s + n, 0.85, "rif-agency-file-number", "agency_file_number")
            continue
        # value on the next non-empty line ("AGENCY FILE NUMBER :\n\nCR 92-2781-54")
        nxt = _next_value_lines(text, m.end(), 1)
        if nxt and _afn_value_ok(nxt[0].text) and not nxt[0].text.rstrip().endswith(":"):
            raw = nxt[0].text.strip()
            s = nxt[0].start + nxt[0].text.index(raw[0])
            value, n = _clean_afn(raw)
            if value and re.search(r"\d", value) or re.fullmatch(r"[A-Z][A-Z .'/-]{2,30}", value or ""):
                yield _cand(value, s, s + n, 0.82, "rif-agency-file-number", "agency_file_number")
            continue
        # labels-first layout: values come in label order after the record number:
        # AGENCY, RECORD NUMBER, RECORD SERIES, AGENCY FILE NUMBER -> two lines after the record number
        region = text[m.end() : m.end() + 600]
        # the record number, maybe with a space OCR put in it ("124-901 18-10197")
        rn = re.search(r"(?m)^\W{0,3}(?P<n>\d?\d{3}-[\d ]{5,6}-[\d ]{5,6})\W{0,3}$", region)
        if not rn or not re.fullmatch(r"\d{3,4}-\d{5}-\d{5}", rn["n"].replace(" ", "")):
            continue
        vals = _next_value_lines(text, m.end() + rn.start(), 2)
        if len(vals) == 2 and _afn_value_ok(vals[1].text) and re.search(r"\d", vals[1].text):
            raw = vals[1].text.strip()
            if raw.endswith(":") or re.search(r"[a-z]{3}", raw):
                continue
            s = vals[1].start + vals[1].text.index(raw[0])
            value, n = _clean_afn(raw)
            yield _cand(value, s, s + n, 0.8, "rif-agency-file-number", "agency_file_number")


# ---------------------------------------------------------------- FRUS / State decimal file number
# "861.00/1401", "500.A15 a 1/457: Telegram", "690D.11241/28" (a letter after the class number)
_FRUS_FILE = re.compile(
    r"(?m)^[ \t]{0,4}(?:File\s+No\.\s*)?(?P<v>\d{3}[A-Z]?\.[0-9A-Za-z][0-9A-Za-z .\-]{0,40}/\d{1,6}[a-z]?)"
    r"(?::\s{0,2}Telegram)?[ \t]*$"
)


_FRUS_FILE_CORE = re.compile(r"\.(?:(?<=\d{3}\.)|(?<=\d{3}[A-Z]\.))(?=[0-9A-Za-z][0-9A-Za-z .\-]{0,40}/\d)")


def _frus_files(doc: Document) -> Iterator[Candidate]:
    text = doc.text
    for m in _gated(_FRUS_FILE_CORE, _FRUS_FILE, text):
        labelled = m.group(0).lstrip().startswith("File")
        if not labelled and m.start() > 300:
            continue
        s, e = m.span("v")
        yield _cand(m["v"].strip(), s, e, 0.93, "state-decimal-file", "state_decimal_file")


# ---------------------------------------------------------------- State FOIA Doc No. and Bates number
_STATE_DOC = re.compile(r"Doc\s{0,2}No\.?\s{0,2}(?P<v>C\d{8})\b")
_BATES = re.compile(r"(?<![A-Za-z])STATE-(?P<p>[S5]CB)(?P<n>\d{7})\b")


def _state_numbers(doc: Document) -> Iterator[Candidate]:
    found = [(m["v"], m.span("v")) for m in prefilter.finditer(_STATE_DOC, doc.text)]
    if found:
        value, _ = Counter(v for v, _ in found).most_common(1)[0]
        s, e = next(span for v, span in found if v == value)
        yield _cand(value, s, e, 0.93, "state-foia-doc-number", "state_doc_number")
    for m in prefilter.finditer(_BATES, doc.text):
        yield _cand(f"STATE-SCB{m['n']}", m.start(), m.end(), 0.9, "state-bates", "bates_number")


# ---------------------------------------------------------------- cable numbers
_MONTHS = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*"


def _class_words() -> str:
    words = sorted(_vocab()["cable_classification_words"], key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,2}") for w in words)


@lru_cache(maxsize=1)
def _cable_patterns() -> tuple[re.Pattern, ...]:
    cls = _class_words()
    post = r"(?P<post>(?!" + _MONTHS + r"\b)[A-Z]{3,15}(?:\s[A-Z]{3,15})?)"
    return (
        # State telegram classification line: "UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164"
        re.compile(
            r"(?m)^[ \t]{0,6}\W{0,2}(?:"
            + cls
            + r")(?:\s{1,3}SECTION\s\d{1,2}\sOF\s\d{1,2})?\s{1,3}"
            + post
            + r"\s(?P<num>\d{3,6})\b[ \t]{0,3}\S{0,3}[ \t]*$"
        ),
        # printout page header: "PAGE 01 STATE 099063 150020Z" / "STATE 085500 081655Z"
        re.compile(r"(?m)^[ \t]{0,6}(?:PAGE\s\d{2,3}\s{1,3})?" + post + r"\s(?P<num>\d{5,6})\s\d{6}Z[ \t]*$"),
        # SMART cable heading alone on a line: "10 BERLIN 1052"
        re.compile(r"(?m)^[ \t]{0,40}(?P<yy>\d{2})\s" + post + r"\s(?P<num>\d{2,6})[ \t]*$"),
        # CIA cable cite: "CITE WAVE 8923", "CITE DIR 90168"
        re.compile(r"\bCITE\s{1,3}(?P<post>DIRECTOR|DIR|[A-Z]{4})\s{1,3}(?P<num>\d{4,6})\b"),
        # CIA outgoing cable page header: "STAFF 262106Z DIRECTOR 229934", "TOT: ... DIRECTOR 137063"
        re.compile(r"DIRECTOR(?<=(?P<post>DIRECTOR))\s(?P<num>\d{5,6})\b"),
    )


# cores of the cable patterns that have one (see `_gated`): the printout page header ends in a DTG
_CABLE_CORES = (None, re.compile(r"Z(?<=\d{6}Z)(?=[ \t]*$)", re.M), None, None, None)

# the DTG or TOT that precedes the cable number on a CIA cable page header
_CABLE_HEADER_BEFORE = re.compile(r"(?:\b\d{6}Z|TOT:[^\n]{0,30}?)\s{1,3}\Z")


def _cables(doc: Document) -> Iterator[Candidate]:
    for i, rx in enumerate(_cable_patterns()):
        core = _CABLE_CORES[i]
        for m in prefilter.line_finditer(rx, doc.text) if core is None else _gated(core, rx, doc.text):
            post = " ".join(m["post"].split())
            num = m["num"]
            if re.fullmatch(r"(?:19|20)\d\d", num) or post in {"PAGE", "SECTION", "TAGS"}:
                continue
            if i == 4 and not _CABLE_HEADER_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()):
                continue
            if i == 2:
                s, e = m.start("yy"), m.end("num")
                value = f"{m['yy']} {post} {num}"
                conf = 0.8
            else:
                s, e = m.start("post"), m.end("num")
                value = f"{post} {num}"
                conf = 0.88 if i < 2 else 0.85
            yield _cand(value, s, e, conf, "cable-number", "cable_number")


_TDCS = re.compile(
    r"TDCS\s{0,2}[~'`-]?\s{0,2}(?:(?P<db>DB|D8|08|0B)\s?[-:]?\s?)?(?P<n>\d/\d{3},\d{3}|\d{3}/\d{5}-\d{2})"
)


def _tdcs(doc: Document) -> Iterator[Candidate]:
    for m in prefilter.finditer(_TDCS, doc.text):
        value = f"TDCS DB-{m['n']}" if m["db"] else f"TDCS-{m['n']}"
        yield _cand(value, m.start(), m.end(), 0.8, "tdcs-number", "cable_number")


# ---------------------------------------------------------------- control numbers alone on a line
# "ESBA-12659", "UFGA-7171" (CIA dispatch symbols), "CIRA-0432-74", "OGC-97-50971", "AGC(IL)-213-08"
_CONTROL = re.compile(
    r"(?m)^[ \t]{0,8}[^\w\n]{0,2}(?P<v>(?P<p>[A-Z]{3,4})(?:\([A-Z]{1,4}\))?-\d{2,6}(?:-\d{2,5})?)"
    r"[ \t]{0,3}[^\w\n]{0,2}(?:[ \t][A-Z])?[ \t]*$"
)
_FADRC = re.compile(r"(?m)^[ \t]{0,8}(?P<v>F\d{6}-\d{4})[ \t]*$")
_CONTROL_CORE = re.compile(r"-(?<=[A-Z)]-)(?=\d\d)")
_FADRC_CORE = re.compile(r"-(?<=F\d{6}-)(?=\d{4})")


def _control_numbers(doc: Document) -> Iterator[Candidate]:
    stop = set(_vocab()["memo_control_prefix_stoplist"])
    for m in _single_line_matches(_CONTROL_CORE, _CONTROL, doc.text):
        if m["p"] in stop or sum(c.isdigit() for c in m["v"]) < 4:
            continue
        yield _cand(m["v"], m.start("v"), m.end("v"), 0.7, "control-number-line", "control_number")
    for m in _gated(_FADRC_CORE, _FADRC, doc.text):
        yield _cand(m["v"], m.start("v"), m.end("v"), 0.72, "state-fadrc-number", "control_number")


# incoming cable number right under the precedence: "PRIORITY\n\nIN 14274"
_IN_NUMBER = re.compile(
    r"(?m)^[ \t]{0,6}(?:PRIORITY|ROUTINE|IMMEDIATE|FLASH|OPERATIONAL\sIMMEDIATE)[ \t]*\n"
    r"\s{0,4}(?P<v>IN\s\d{5})[ \t]*$"
)
# State NODIS/EXDIS telegram cover sheet: "POST: STATE DTG: 220929Z APR 99 MRN: 74454"
_MRN = re.compile(r"DTG:[^\n]{0,40}\bMRN:\s{0,2}(?P<v>\d{3,7})\b")
# NSC series titles: "National Security Study Memorandum 56" -> "NSSM 56"
_NSC_SERIES = re.compile(
    r"National\s+Security\s+(?P<k>Study|Action|Decision)\s+Memorandum\s+(?:No\.\s?)?(?P<n>\d{1,4})\b"
)
# handbook / regulation number printed as the running header of every page: "DOHB 70-1-1"
_RUNNING_NUMBER = re.compile(r"(?m)^[ \t_.]{0,4}(?P<v>[A-Z]{3,5}\s\d{1,3}-\d{1,3}-\d{1,3})[ \t.-]*$")
_RUNNING_NUMBER_CORE = re.compile(r"-(?<=\d-)(?=\d{1,3}-\d)")
_IN_NUMBER_CORE = re.compile(r"IN\s\d{5}")


# FBI report pages carry the field office's file number as a running header: "SF 105-3689", "DL 92-34"
_FBI_OFFICE_FILE = re.compile(
    r"(?m)^[ \t]{0,4}(?P<o>[A-Z]{2,3})[ \t](?P<v>\d{2,3}-\d{1,6}(?:-\d{1,5})?)[ \t]*$"
)


_FBI_OFFICE_FILE_CORE = re.compile(r"-(?<=\d\d-)(?=\d)")


def _fbi_office_files(doc: Document) -> Iterator[Candidate]:
    stop = set(_vocab()["fbi_office_header_stoplist"])
    found = [
        (m["v"], m.span("v"))
        for m in _single_line_matches(_FBI_OFFICE_FILE_CORE, _FBI_OFFICE_FILE, doc.text)
        if m["o"] not in stop
    ]
    counts = Counter(v for v, _ in found)
    for value, n in counts.items():
        if n >= 2:  # a running header, not a number cited once
            s, e = next(span for v, span in found if v == value)
            yield _cand(value, s, e, 0.75, "fbi-office-file-header", "agency_file_number")


def _other_numbers(doc: Document) -> Iterator[Candidate]:
    text = doc.text
    for m in _gated(_IN_NUMBER_CORE, _IN_NUMBER, text):
        yield _cand(m["v"], m.start("v"), m.end("v"), 0.75, "cable-in-number", "cable_number")
    for m in prefilter.finditer(_MRN, text):
        yield _cand(m["v"], m.start("v"), m.end("v"), 0.8, "state-mrn", "cable_number")
    m = prefilter.search(_NSC_SERIES, text, 0, 3000)
    if m:
        value = f"NS{m['k'][0]}M {m['n']}"
        yield _cand(value, m.start(), m.end(), 0.75, "nsc-series-number", "control_number")
    running = [(m["v"], m.span("v")) for m in _gated(_RUNNING_NUMBER_CORE, _RUNNING_NUMBER, text)]
    counts = Counter(v for v, _ in running)
    for value, n in counts.items():
        if n >= 3:
            s, e = next(span for v, span in running if v == value)
            yield _cand(value, s, e, 0.7, "running-header-number", "control_number")


# an NSA course's number in its heading: "| COURSE: (TS//SI//NF) OVSC1205 Special Training on FISA"
COURSE_LINE = re.compile(
    r"(?m)^[ \t|]{0,4}COURSE[ \t]?:[ \t]*(?:\([A-Z/]{1,20}\)[ \t]*)?(?P<v>[A-Z]{2,6}\d{3,5})(?=[ \t][A-Z])"
)


def _course_numbers(doc: Document) -> Iterator[Candidate]:
    for m in prefilter.line_finditer(COURSE_LINE, doc.text, 0, 3000):
        yield _cand(m["v"], m.start("v"), m.end("v"), 0.85, "course-number", "control_number")


# CIA information report form box: "FIELD REPORT NO. UFG 7675" (OCR: "Fvs 9725",
# "FIELD. REPORT NO. _FVS-8806"); the box's "NO." may be read onto the next line ("FIELD REPORT BRSS \n{ eg
# fe Day NO. HMM-11,295"). A number of five digits or more is printed with its thousands comma
# ("HMM-11,295", "EL _35,970", "OEL430, 995"): five digits without one ("_Fvs 79237;") are a misreading,
# not read. The IN number in its REFERENCES box is not read: the corpus gold takes it in one report
# (pdf/176-10036-10149) and leaves it out in another (jfk-tesseract-2025/176-10036-10094).
_FIELD_REPORT = re.compile(
    r"FIELD[ \t.'_]{1,2}REPORT(?:[ \t]?N[O0]\.?|[^\n]{0,12}\n[^\n]{0,20}?(?<![A-Za-z])N[O0]\.)[ \t_]{1,3}"
    r"(?P<a>[A-Z][A-Za-z]{2,3})(?P<sep>[ \t_-]{0,2})(?P<n>\d{1,3},\d{3}|\d{3,4})(?![\d,])"
)


def _info_report_numbers(doc: Document) -> Iterator[Candidate]:
    head = doc.text[:15000]
    m = prefilter.search(_FIELD_REPORT, head)
    if m:
        value = f"{m['a'].upper()}{'-' if '-' in m['sep'] else ' '}{m['n']}"
        yield _cand(value, m.start("a"), m.end("n"), 0.78, "field-report-number", "control_number")


def extract(doc: Document) -> Iterator[Candidate]:
    yield from _course_numbers(doc)
    yield from _info_report_numbers(doc)
    recnums = list(_record_numbers(doc))
    yield from recnums
    yield from _damaged_stamp_number(doc, {c.value for c in recnums})
    yield from _docids(doc)
    yield from _agency_file_numbers(doc)
    yield from _frus_files(doc)
    yield from _state_numbers(doc)
    yield from _cables(doc)
    yield from _tdcs(doc)
    yield from _control_numbers(doc)
    yield from _other_numbers(doc)
    yield from _fbi_office_files(doc)


# ---------------------------------------------------------------- record number confirmed by the file name
# NARA names each released file by its record number ("104-10063-10017.pdf", "2023__104-10063-10017");
# the stamp at the top of the record prints the same number, often damaged by OCR ("104-10063-1001",
# "Tod 0077 0437]", "od-t0420-10420"). A damaged reading there that is visibly the file's number is
# read as that number, with the damaged text as evidence (the catalogue rule of the gold guideline).
_NAME_RECNUM = re.compile(r"(?<!\d)([12]\d{2}-\d{5}-\d{5})(?!\d)")
_DIGITISH = re.compile(r"[0-9OoltI|][0-9OoltI|\-. ]{6,22}[0-9OoltI|]")
_DIGIT_OCR = str.maketrans("OoltI|", "001111")


def _stem(path: str | None) -> str:
    return re.split(r"[\\/]", path or "")[-1]


def _damaged_stamp_number(doc: Document, known: set[str]) -> Iterator[Candidate]:
    m = _NAME_RECNUM.search(_stem(doc.path))
    if not m or m.group(1) in known:
        return
    want = m.group(1)
    digits = want.replace("-", "")
    text = doc.text
    head = text[:400]
    lines = [(x.start(), x.group()) for x in re.finditer(r"[^\n\f]+", head) if x.group().strip()][:3]
    for m2 in _recnum_finditer(text[:2500]):
        if m2.group("v") != want:
            return  # the top of the text names another record: the file name is not this one's
    for base, line in lines:
        for t in _DIGITISH.finditer(line):
            got = t.group().translate(_DIGIT_OCR)
            got = re.sub(r"\D", "", got)
            if len(got) < 8 or len(got) > 14:
                continue
            sm = difflib.SequenceMatcher(None, got, digits, autojunk=False)
            matched = sum(b.size for b in sm.get_matching_blocks())
            if matched >= 8 and matched >= 0.8 * len(got) and sm.ratio() >= 0.75:
                s, e = base + t.start(), base + t.end()
                yield _cand(want, s, e, 0.72, "nara-release-header-filename", "nara_record_number")
                return
