"""Extractor: telegram headers (State cables, repeat printouts, CIA cable headers).

State telegram header::

    R 250930Z FEB 72            <- precedence letter + date-time group => document_date
    FM AMEMBASSY TEHRAN         <- sender
    TO SECSTATE WASHDC 7561     <- addressees, one per line, precedence words and serials dropped
    INFO SECDEF                 <- copies_to, continuation lines until a blank/stop line
    EUCOM
    ...
    SUBJECT: ACCELERATION OF F-4ES FOR IRAN   <- subject (continuation lines joined)

CIA cables carry "CITE <STATION> <number>": the station is the sender. Later (1970s) CIA cables print
the same in their header::

    TOT: 100014Z DEC 77 DIRECTOR 137063      <- time of transmission => document_date (+ sender)
    STAFF 262106Z DIRECTOR 229934            <- originating station => sender
    TO: PRIORITY MEXICO CITY.                <- addressees

Back-channel cables (White House, Department) head the text with "EYES ONLY FOR <addressee>" and
"FROM <sender>"; CIA information reports give "SUBJECT <text> DATE DISTR." (form) or, as TDCS cable
text, "SUBJ <text> DOI <date>".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import data as data_files
from ..dates import DTG, find_dates, parse_date, resolve_year
from ..document import Document, Line
from ..prefilter import could_match, finditer, line_search, lines_could_match
from .base import Candidate

METHOD = "rule:telegram"
# a date-time group counts as the document date only near the top of the text
HEADER_CHARS = 1500
MAX_BLOCK_LINES = 40


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return data_files.load("telegram")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    v = _vocab()
    prec = "|".join(re.escape(p) for p in sorted(v["precedence"], key=len, reverse=True))
    stops = "|".join(re.escape(s) for s in sorted(v["header_stop_words"], key=len, reverse=True))
    letters = "".join(v["precedence_letters"])
    return {
        # trailing "IMMEDIATE 0123", "7561", "PRIORITY" after an address
        "tail": re.compile(rf"(?:\s+(?:{prec})\b|\s+\d{{1,5}}\b){{1,4}}\s*$"),
        "stop": re.compile(rf"^\s*(?:{stops})\b"),
        "prec_line": re.compile(rf"^\s*[{letters}]\s+\d{{6}}\s?Z\b"),
        "prec_word": re.compile(rf"^(?:{prec})$"),
        "lead": re.compile(rf"^(?:(?:{prec})\s+)+"),
    }


_FM = re.compile(r"^\s*FM\s+(?P<v>[A-Z][A-Z0-9 ./,&'()-]{1,70}?)\s*$")
_TO = re.compile(r"^\s*TO\s+(?P<v>[A-Z][A-Z0-9 ./,&'()-]{1,70}?)\s*$")
_INFO = re.compile(r"^\s*INFO\s+(?P<v>[A-Z][A-Z0-9 ./,&'()-]{1,70}?)\s*$")
# a continuation line of an address block: an address in capitals
_ADDR_LINE = re.compile(r"^\s*(?P<v>[A-Z][A-Z0-9 ./&'()-]{1,60}?)\s*$")
# distribution lines ("INFO LOG-00 ACDA-10 ...") are routing, not addressees
_DISTRIB = re.compile(r"\b[A-Z]{2,6}-\d{2}\b|/\d{3}R\b")
_SUBJECT = re.compile(r"^\s*(?:SUBJECT|SUBJ|Item Subject|SubjectLine)\s*:\s*(?P<v>\S.{0,200}?)\s*$")
# the telegram's own number line ("STATE 099063") closes an address block
_CABLE_NO_LINE = re.compile(r"^\s*[A-Z][A-Z ]{1,30} \d{6}\s*$")
# a State "Domestic OutGoing Cable" form lists its addressees under POST ADDRESSES
_POST_ADDRESSES = re.compile(r"^\s*POST ADDRESSES\s*$")
# a NODIS incoming-telegram cover sheet: "POST: STATE DTG: 220929Z APR 99"
_POST_SENDER = re.compile(r"^\s*POST:\s*(?P<v>[A-Z][A-Z ]{1,30}?)\s+DTG:")
# portion marks / garbled classification at the start of a subject: "(C) ", "-i7t!.t-"
_SUBJ_JUNK = re.compile(r"^(?:\([A-Z/]{1,6}\)\s*|[-—(]?[^\sA-Z][^\s]{0,10}?[-—)]\s*(?=[A-Z]{2}))")
# a line that ends a subject: numbered paragraph, reference, blank handled by caller
_SUBJ_END = re.compile(
    r"^\s*(?:\d{1,2}\s*\.|REF\b|REFS?:|TAGS\b|E\.O\.|SUMMARY\b|BEGIN\b|\(?[A-Z]\)\s|[a-z]|PAGE\s+\d"
    r"|RELEASE\b|DECLASSIFIED\b|UNCLASSIFIED\b|[A-Za-z]{2,20}:|B\d\b)"
)
# the station may be "<NAME> CITY" ("CITE PANAMA CITY 27332") or in the parentheses of a released
# withholding ("CITE (MADRID) 40791")
_CITE = re.compile(r"\bCITE\s+\(?(?P<v>[A-Z]{3,14}(?: CITY)?)\)?\.?(?:\s+\d{2,6}|\s*$)", re.M)
# 1970s CIA cable header: "STAFF 262106Z DIRECTOR 229934" (OCR reads the Z as 2, 7 or ':')
_CITE_OR = re.compile(r"(?:^[^A-Za-z0-9\n]{0,4}|\bINFO[ \t]+|^FO[ \t]+)(?:CITE|CTE)[ \t]+(?P<v>OR)\b", re.M)
_STAFF = re.compile(
    r"^\s*STAFF\s+[0-3]\d[0-2]\d[0-5]\d[Z27]?:?\s+(?P<v>[A-Z]{3,14}(?: [A-Z]{3,14})?)\s+\d{4,7}\.?\s*$"
)
_STAFF_TO = re.compile(r"^\s*(?:TO|T0|10)\s*:\s*(?P<v>[A-Z][A-Z0-9 ./,&'()-]{1,70}?)\s*$")
# "TOT: 100014Z DEC 77" (time of transmission), on later pages followed by the cable number; Tesseract
# may read the label "ToT:" or put margin debris before it ("ie TOT: 300324Z NOV 94")
_TOT = re.compile(
    r"^\W{0,3}(?:[a-z]{1,2}\s)?T[Oo]T\s*:\s*(?P<day>[0-3]\d)[0-2]\d[0-5]\d[Z27]?\s{1,3}(?P<mon>[A-Z]{3})\.?\s{1,3}(?P<yy>\d{2})\b"
    r"(?:[.\s]{1,6}(?P<v>[A-Z]{3,14})\s+\d{4,7}\b)?"
)
# 1970s-90s incoming CIA cable: its classification, date-time group and STAFF on one line, as Tesseract
# reads it: "SEC RE T 1814502 MAY 78 STAFF", "SE CRE T 0313182 AUG 78 STAFF", "SE-E-R-E-£-251436Z FEB 98
# STAFF" (the TOR line above it is the time of receipt)
_INCOMING_DTG = re.compile(
    r"^\W{0,3}(?:S[\s-]?E[\s-]?[CE][\s-]?R[\s-]?E[\s-]?[T£]|CONFIDENTIAL|TOP\s?SECRET)[\s-]{1,3}"
    r"(?P<day>[0-3]\d)[0-2]\d[0-5]\d[Z27]?\s{1,3}(?P<mon>[A-Z]{3})\s{1,3}(?P<yy>\d{2})\s{1,3}STAFF\b"
)
# the cable head: a later page's (or attachment's) cable is another document's
INCOMING_DTG_LINES = 150
# "EYES ONLY FOR AMBASSADOR LODGE" / "FROM McG. Bundy, White House" (same line or just below)
_EYES_FOR = re.compile(
    r"^\W{0,3}(?:[A-Z]{2,12}\s)?EYES\s+ONLY\s+FOR\s+(?P<to>[A-Z][A-Za-z .'-]{2,60}?)"
    r"(?:\s+FROM\s+(?P<fm>[A-Z][A-Za-z .,'/-]{2,60}?))?\s*$"
)
_EYES_FROM = re.compile(r"^\W{0,3}FROM\s+(?P<fm>[A-Z][A-Za-z .,'/-]{2,70}?)\s*$")
_MONTH_DATE_LINE = re.compile(r"^\W{0,3}(?P<d>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)\s*$")
# CIA information report: form "SUBJECT <text> DATE DISTR." / TDCS text "SUBJ <text> DOI <date>"
_INFO_REPORT_SUBJ = re.compile(
    r"(?:^|\s)SUBJ(?:ECT)?(?:[ \t]{1,3}|[ \t]{0,3}\n[ \t]{0,3})(?P<v>[A-Z][A-Z0-9 ,.'/()-]{4,150}?)[ \t]{1,4}"
    r"(?:DATE\s{1,2}DISTR\b|DO[I1l!](?=\s))",
    re.M,
)


def _strip_tail(value: str) -> str:
    tail = _patterns()["tail"]
    out = tail.sub("", value).strip(" ,.")
    return out


def _addr(ln: Line, m: re.Match, group: str = "v") -> tuple[str, int, int] | None:
    raw = m.group(group)
    value = _strip_tail(raw)
    if not value or _patterns()["prec_word"].match(value) or len(value) < 3:
        return None
    s = ln.start + m.start(group)
    return value, s, s + len(value)


def _block(lines: list[Line], i: int, first: re.Match) -> tuple[list[tuple[str, int, int]], int]:
    """Addresses of a TO/INFO block starting at lines[i]; returns them and the next line index."""
    out = []
    a = _addr(lines[i], first)
    if a:
        out.append(a)
    j = i + 1
    stop = _patterns()["stop"]
    while j < len(lines) and j < i + 25:
        ln = lines[j]
        if not ln.text.strip() or stop.match(ln.text):
            break
        m = _ADDR_LINE.match(ln.text)
        if not m or _DISTRIB.search(ln.text) or _CABLE_NO_LINE.match(ln.text):
            break
        a = _addr(ln, m)
        if a is None:
            break
        out.append(a)
        j += 1
    return out, j


def _header(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    pats = _patterns()
    for i in lines_could_match(doc, _FM):  # (the lines `_FM` can match in: "FM" in them)
        ln = lines[i]
        m = _FM.match(ln.text)
        if not m:
            continue
        a = _addr(ln, m)
        if not a:
            continue
        yield Candidate("sender", a[0], a[1], a[2], 0.95, METHOD)
        # the precedence/DTG line right before FM dates the telegram
        for k in range(i - 1, max(-1, i - 4), -1):
            dm = DTG.search(lines[k].text)
            if dm:
                found = find_dates(lines[k].text[dm.start() :], base=lines[k].start + dm.start())
                if found and found[0].form == "dtg":
                    d = found[0]
                    yield Candidate("document_date", d.value, d.start, d.end, 0.96, METHOD)
                break
        j = i + 1
        to_seen = False
        while j < len(lines) and j < i + MAX_BLOCK_LINES:
            t = lines[j]
            tm = _TO.match(t.text)
            im = _INFO.match(t.text)
            if tm and not to_seen:
                entries, j = _block(lines, j, tm)
                to_seen = True
                for v, s, e in entries:
                    yield Candidate("addressees", v, s, e, 0.95, METHOD)
                continue
            if im and not _DISTRIB.search(t.text):
                entries, j = _block(lines, j, im)
                for v, s, e in entries:
                    yield Candidate("copies_to", v, s, e, 0.95, METHOD)
                continue
            if t.text.strip() and not pats["prec_line"].match(t.text):
                break
            j += 1
        return  # one header per document


def _post_form(doc: Document) -> Iterator[Candidate]:
    """Cable forms: "POST ADDRESSES" list (outgoing) and "POST: X DTG:" (incoming cover sheet)."""
    lines = doc.lines
    # (only the lines either pattern can match in)
    hot = sorted({*lines_could_match(doc, _POST_SENDER, 120), *lines_could_match(doc, _POST_ADDRESSES, 120)})
    for i in hot:
        ln = lines[i]
        pm = _POST_SENDER.match(ln.text)
        if pm:
            s = ln.start + pm.start("v")
            yield Candidate("sender", pm.group("v"), s, s + len(pm.group("v")), 0.8, "rule:cable-form")
        if _POST_ADDRESSES.match(ln.text):
            for nxt in lines[i + 1 : i + 20]:
                m = _ADDR_LINE.match(nxt.text)
                if not m or "INFORMATION" in nxt.text:
                    break
                a = _addr(nxt, m)
                if a:
                    yield Candidate("addressees", a[0], a[1], a[2], 0.85, "rule:cable-form")


def _dtg_date(doc: Document) -> Iterator[Candidate]:
    """A date-time group near the top of the text ("PAGE 01 STATE 99063 150015Z MAY 96", "DTG: ...")."""
    head = doc.text[:HEADER_CHARS]
    for m in DTG.finditer(head):
        found = find_dates(head[m.start() : m.end()], base=m.start())
        if found and found[0].form == "dtg":
            d = found[0]
            yield Candidate("document_date", d.value, d.start, d.end, 0.9, METHOD)
            return


def _subject(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    for i in lines_could_match(doc, _SUBJECT, 200):
        ln = lines[i]
        m = _SUBJECT.match(ln.text)
        if not m:
            continue
        start = ln.start + m.start("v")
        end = ln.start + m.end("v")
        parts = [m.group("v")]
        for nxt in lines[i + 1 : i + 4]:
            t = nxt.text.strip()
            if not t or _SUBJ_END.match(nxt.text) or not re.match(r"^[A-Z0-9'\"(]", t) or t != t.upper():
                break
            parts.append(t)
            end = nxt.start + len(nxt.text.rstrip())
        value = " ".join(" ".join(parts).split())
        jm = _SUBJ_JUNK.match(value)
        if jm:
            value = value[jm.end() :]
            # keep the span tight: skip the junk in the raw too
            raw = doc.text[start:end]
            k = raw.find(value[:10])
            if k > 0:
                start += k
        if len(value) < 3:
            continue
        yield Candidate("subject", value, start, end, 0.93, METHOD)
        return


_FM_LINE = re.compile(r"^\s*FM\s+[A-Z]", re.M)
_TAGS_LINE = re.compile(r"^\s*TAGS\s*:", re.M)
_TELEGRAM_WORD = re.compile(r"Telegram|DTG\s*:")


def _is_telegram(doc: Document) -> bool:
    head = doc.text[:4000]
    # (a `^` pattern is tried at every position of the head: first whether its words are there at all)
    return any(
        could_match(rx, head, min_len=2) and line_search(rx, head)
        for rx in (_FM_LINE, _TAGS_LINE, _TELEGRAM_WORD)
    )


# what every match of `_CITE_OR` holds, found fast ('C' leads it): without it no scan of `_CITE_OR`
_CITE_OR_CORE = re.compile(r"CI?TE[ \t]+OR\b")


def _cite(doc: Document) -> Iterator[Candidate]:
    """CIA cable "CITE WAVE 8295" / "CITE DIR 75338": the citing station sent it."""
    head = doc.text[:8000]
    for m in finditer(_CITE, head):  # (tried only where "CITE" stands: `prefilter._lead`)
        code = m.group("v")
        if code in ("THE", "AND", "FOR", "FROM", "INFO"):
            continue
        value = _station(code)
        s, e = m.span("v")
        yield Candidate("sender", value, s, e, 0.8, "rule:cia-cite")
        return
    # "CITE DIR" whose DIR the scan read as OR ("INFO CITE OR", "FO CITE OR", "CTE OR"): only after INFO
    # or at the start of a line, where "CITE OR" is no sentence
    m = _CITE_OR.search(head) if _CITE_OR_CORE.search(head) else None
    if m:
        yield Candidate("sender", "DIRECTOR", m.start("v"), m.end("v"), 0.75, "rule:cia-cite")


def _station(code: str) -> str:
    return _vocab()["cia_stations"].get(code, code)


def _cia_staff(doc: Document) -> Iterator[Candidate]:
    """1970s CIA cable: "STAFF <dtg> <STATION> <no>" then "TO: <precedence> <addressee>"; "TOT: <dtg>"."""
    lines = doc.lines
    sender_found = False
    staff_lines = doc.lines_with(("STAFF",))  # (`_STAFF` and `_INCOMING_DTG` match only lines with STAFF)
    for i in staff_lines:
        if i >= 400:
            break
        ln = lines[i]
        m = _STAFF.match(ln.text)
        if m and not sender_found:
            s, e = ln.start + m.start("v"), ln.start + m.end("v")
            yield Candidate("sender", _station(m.group("v")), s, e, 0.92, "rule:cia-staff")
            sender_found = True
            nxt = next((x for x in lines[i + 1 : i + 4] if x.text.strip()), None)
            tm = _STAFF_TO.match(nxt.text) if nxt else None
            a = _addr(nxt, tm) if tm else None
            if a:  # "TO: PRIORITY MEXICO CITY.": the precedence leads
                lead = _patterns()["lead"].match(a[0])
                a = (a[0][lead.end() :], a[1] + lead.end(), a[2]) if lead else a
                a = a if a[0] and not _patterns()["prec_word"].match(a[0]) else None
            if a:
                yield Candidate("addressees", a[0], a[1], a[2], 0.9, "rule:cia-staff")
    for i in staff_lines:
        if i >= INCOMING_DTG_LINES:
            break
        ln = lines[i]
        m = _INCOMING_DTG.match(ln.text)
        if m:
            year = resolve_year(m.group("yy"))
            value = parse_date(f"{int(m.group('day'))} {m.group('mon')} {year}") if year else None
            if value:
                s = ln.start + m.start("day")
                yield Candidate("document_date", value, s, ln.start + m.end("yy"), 0.88, "rule:cia-staff")
            break
    date_found = False
    for n in doc.lines_with(("TOT", "ToT")):  # (the lines `_TOT` can match: its label is in them)
        if n >= 600:
            break
        ln = lines[n]
        m = _TOT.match(ln.text)
        if not m:
            continue
        year = resolve_year(m.group("yy"))
        value = parse_date(f"{int(m.group('day'))} {m.group('mon')} {year}") if year else None
        if value and not date_found:
            date_found = True
            s = ln.start + m.start("day")
            yield Candidate("document_date", value, s, ln.start + m.end("yy"), 0.9, "rule:cia-staff")
        if m.group("v") and not sender_found:
            sender_found = True
            s, e = ln.start + m.start("v"), ln.start + m.end("v")
            yield Candidate("sender", _station(m.group("v")), s, e, 0.9, "rule:cia-staff")
        if date_found and sender_found:
            return


def _eyes_only(doc: Document) -> Iterator[Candidate]:
    """Back-channel cable head: "EYES ONLY FOR <addressee>" with "FROM <sender>" (same or next lines),
    the date on a line just above."""
    lines = doc.lines
    for i in lines_could_match(doc, _EYES_FOR, 150):
        ln = lines[i]
        m = _EYES_FOR.match(ln.text)
        if not m:
            continue
        fm, fm_line = m, ln
        if not m.group("fm"):
            fm_line = next((x for x in lines[i + 1 : i + 4] if x.text.strip()), None)
            fm = _EYES_FROM.match(fm_line.text) if fm_line else None
        if not fm:
            continue
        s = ln.start + m.start("to")
        yield Candidate("addressees", m.group("to"), s, s + len(m.group("to")), 0.9, "rule:eyes-only")
        s = fm_line.start + fm.start("fm")
        value = fm.group("fm").rstrip(" ,.")
        yield Candidate("sender", value, s, s + len(value), 0.9, "rule:eyes-only")
        for above in lines[max(0, i - 4) : i][::-1]:
            dm = _MONTH_DATE_LINE.match(above.text)
            if dm:
                value = parse_date(dm.group("d"))
                if value:
                    s = above.start + dm.start("d")
                    yield Candidate("document_date", value, s, s + len(dm.group("d")), 0.85, "rule:eyes-only")
                break
        return


# CIA "CLASSIFIED MESSAGE" form (incoming cable): the TO / FROM / ACTION / INFO boxes, whose labels
# the scan often cuts at the left edge ("mom: LONDON", "om. MEXICO CITY", "Frou + HAVANA 92",
# "TON: WH 8", "cTION: C/AWH 4"). Read only where the ACTION box follows the FROM box, so the layout is
# certain. The outgoing form has the same FROM box above its CONF box ("From, DIRECTOR" / "CONF,").
_FORM_ACTION = re.compile(r"^\W{0,6}(?i:(?:AC|[a-z])?T[I1l]?ON)\s{0,2}[:;.,=]")
_FORM_CONF = re.compile(r"^\W{0,4}(?:CONF|CONE|COMF)\b")
# what a line either box label matches holds (the ACTION label's "ON" and separator in the folded text):
# found fast in the text of the first lines, they pick the few lines worth the two matches
_FORM_ACTION_CORE = re.compile(r"on(?=\s{0,2}[:;.,=])")
_FORM_CONF_CORE = re.compile(r"CO(?:NF|NE|MF)")
_FORM_FROM = re.compile(
    r"^\W{0,4}(?i:FROM|FRON|FROU|FRQM|FPOM|ROM|MOM|OM)\s{0,2}[.,;:+]\s{0,3}"
    r"(?P<v>[A-Z]{3,14}(?: [A-Z]{3,14})?)(?![A-Za-z])"
)
# the FROM box without its separator, or with a speck read before the station ("FROM i, UMAVE",
# "ROM 4 LONDON", "FROM DIRECTOR”"): only a full label, at a lower confidence
_FORM_FROM_LOOSE = re.compile(
    r"^\W{0,4}(?i:FROM|FRON|FROU|FRQM|FPOM|ROM)\s{1,3}(?:[^A-Z\s]{1,2}\s{1,2})?"
    r"(?P<v>[A-Z]{3,14}(?: [A-Z]{3,14})?)(?![A-Za-z])"
)
_FORM_NOT_STATION = frozenset({"THE", "AND", "FOR", "WITH", "THIS", "THAT"})
_FORM_TO = re.compile(r"^\W{0,4}(?:(?i:T[O0])\W{0,6})?(?P<v>DIRECTOR)(?![A-Za-z])[\W\d]{0,12}$")


def _cia_form(doc: Document) -> Iterator[Candidate]:
    """CIA cable form boxes: FROM (sender) directly above ACTION, TO (DIRECTOR) above it. The form's
    date box is not read: it is the time the cable reached headquarters, which can differ from the
    cable's own date by a day (catalogued jfk-tesseract-2022/104-10103-10348: FEB 20 for 1963-02-19)."""
    lines = doc.lines
    end = lines[min(80, len(lines)) - 1].end
    hits = [*_FORM_ACTION_CORE.finditer(doc.folded, 0, end), *_FORM_CONF_CORE.finditer(doc.text, 0, end)]
    for i in sorted({doc.line_at(hit.start()).number for hit in hits}):
        ln = lines[i]
        outgoing = bool(_FORM_CONF.match(ln.text))
        if not outgoing and not _FORM_ACTION.match(ln.text):
            continue
        above = [x for x in lines[max(0, i - 8) : i] if x.text.strip()][-4:]
        found = None
        for k in range(len(above) - 1, max(-1, len(above) - 3), -1):
            m = _FORM_FROM.match(above[k].text)
            conf = 0.85
            if m is None:
                m = _FORM_FROM_LOOSE.match(above[k].text)
                conf = 0.78
            if m is not None and m.group("v") not in _FORM_NOT_STATION:
                found = k, m, conf
                break
        if found is None:
            continue
        fm_k, m, conf = found
        fl = above[fm_k]
        value = _station(m.group("v"))
        s = fl.start + m.start("v")
        yield Candidate("sender", value, s, s + len(m.group("v")), conf, "rule:cia-form")
        if outgoing:
            return  # the outgoing form's TO box names the stations: DIRECTOR there is no addressee
        for x in above[:fm_k][::-1]:
            tm = _FORM_TO.match(x.text)
            if tm:
                s = x.start + tm.start("v")
                yield Candidate("addressees", "DIRECTOR", s, s + 8, 0.85, "rule:cia-form")
                break
        return


# CIA cable address line (1960s): "<precedence> DIR [INFO <stations>] CITE <station> <no>", the action
# addressee first ("IMMEDIATE DIR CITE HEXI 6948", "PRIORITY DIRECTOR INFO KADRID", "DIR INFO LOND CITE"),
# behind a margin letter ("Y  PRITY, DIR CITE WAVE 7162"), CITE misread ("PRIORITY DIR GETE-STOC-4314").
# Read only for headquarters (DIR / DIRECTOR) with a precedence before it or INFO / CITE after it: a bare
# "DIRECTOR" line can be the sender's box of an outgoing cable. DIR with one letter misread (telegram.json
# "dir_misread": "DIP. CITE WAVE 8295", ". CIR INFO WAVE CITE MEXI.2994", "OIR INFO LANT WAVE") is read
# only right before INFO / CITE, at a lower confidence.
_CABLE_PREC = r"(?:IMMEDIATE|IMMED|PRIORITY|PRITY|ROUTINE|OPIM|FLASH)"
_CABLE_DIR = re.compile(
    r"^[^A-Za-z0-9]{0,4}(?:[A-Za-z][^A-Za-z0-9]{1,3})?(?:"
    rf"{_CABLE_PREC}[^A-Za-z0-9\s]{{0,2}}\s{{1,3}}(?P<a>DIRECTOR|DIR)[^A-Za-z0-9\s]{{0,2}}"
    r"(?:\s+(?:INFO|CITE|[A-Z]{2}TE)\b|\s*$)"
    r"|(?P<b>DIRECTOR|DIR)[^A-Za-z0-9\s]{0,2}\s+(?:INFO|CITE)\b)"
)


@lru_cache(maxsize=1)
def _cable_dir_misread() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _vocab()["dir_misread"])
    return re.compile(
        r"^[^A-Za-z0-9]{0,4}(?:[A-Za-z][^A-Za-z0-9]{1,3})?"
        rf"(?P<b>{words})[^A-Za-z0-9\s]{{0,2}}\s+(?:INFO|CITE)\b"
    )


def _cia_address_line(doc: Document) -> Iterator[Candidate]:
    misread = _cable_dir_misread()
    lines = doc.lines
    # (only lines holding DIR can match `_CABLE_DIR`, only lines holding INFO or CITE the misread one)
    for n in doc.lines_with(("DIR",)):
        if n >= 80:
            break
        ln = lines[n]
        m = _CABLE_DIR.match(ln.text)
        if m:
            g = "a" if m.group("a") else "b"
            s, e = ln.start + m.start(g), ln.start + m.end(g)
            yield Candidate("addressees", "DIRECTOR", s, e, 0.8, "rule:cia-address")
            return
    for n in doc.lines_with(("INFO", "CITE")):
        if n >= 80:
            break
        ln = lines[n]
        m = misread.match(ln.text)
        if m:
            s, e = ln.start + m.start("b"), ln.start + m.end("b")
            yield Candidate("addressees", "DIRECTOR", s, e, 0.72, "rule:cia-address")
            return


# TDCS information report boxes printed side by side: "COUNTRY: MEXICO" above
# "DOI: AUGUST 1967 y f SUBJECT: “ARREST OF FEDERAL DEPUTY CESAR DEL ANG!", the subject's capitals
# continuing on the short lines below it until a blank line
_TDCS_COUNTRY = re.compile(r"^\W{0,3}COUNTRY\s?:\s{0,3}[A-Z]")
_TDCS_DOI_SUBJ = re.compile(
    r"^\W{0,3}DO[I1lL!]\s?:.{0,40}?\bSUBJECT\s?:\s{0,3}[“\"]?(?P<v>[A-Z][A-Z0-9 ,.'/()-]{5,150})"
)
_CAPS_RUN = re.compile(r"^[ \t]{0,8}(?P<v>[A-Z][A-Z0-9,.'/()-]*(?:[ ][A-Z0-9][A-Z0-9,.'/()-]*)*)")


def _tdcs_box_subject(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    for i in lines_could_match(doc, _TDCS_DOI_SUBJ, 400):
        ln = lines[i]
        m = _TDCS_DOI_SUBJ.match(ln.text)
        if not m or not any(_TDCS_COUNTRY.match(x.text) for x in lines[max(0, i - 3) : i]):
            continue
        parts = [m.group("v").strip()]
        start = ln.start + m.start("v")
        end = start + len(parts[0])
        for nxt in lines[i + 1 : i + 5]:
            cm = _CAPS_RUN.match(nxt.text)
            if not nxt.text.strip() or not cm or _SUBJ_END.match(nxt.text):
                break
            parts.append(cm.group("v"))
            end = nxt.start + cm.end("v")
        value = " ".join(" ".join(parts).split()).rstrip(" ,.")
        if len(value) >= 10:
            yield Candidate("subject", value, start, end, 0.85, METHOD)
        return


def _info_report_search(head: str) -> re.Match | None:
    """`_INFO_REPORT_SUBJ.search(head)`, tried only where "SUBJ" stands (a match starts there, "^SUBJ",
    or one before, "\\sSUBJ"), in the order of the positions: `re` would try every position."""
    match, find = _INFO_REPORT_SUBJ.match, head.find
    i = find("SUBJ")
    while i >= 0:
        m = (match(head, i - 1) if i else None) or match(head, i)
        if m is not None:
            return m
        i = find("SUBJ", i + 1)
    return None


def _info_report_subject(doc: Document) -> Iterator[Candidate]:
    head = doc.text[:12000]
    m = _info_report_search(head)
    if m:
        value = " ".join(m.group("v").split()).rstrip(" ,.")
        if len(value) >= 5 and value == value.upper():
            yield Candidate("subject", value, m.start("v"), m.start("v") + len(m.group("v")), 0.9, METHOD)


# the information report form's SUBJECT box without its colon, its DATE DISTR box right of it misread
# ("SUBJECT Raul GONZALEZ (alias 'Olexi\") DATE STR. = 10 February 1965", "'SUBJECT Paulino LNU, alias
# \"Mauricio\" Date OistR, | 5 February 1965", "SUBJECT ALERT STATUS OF CUBAN DIPLOMATIC Date Dist, 13 ..."),
# read only under the form's COUNTRY / REPORT NO. line; an all-caps subject continues on the lines below
_FORM_DISTR_SUBJ = re.compile(
    r"^\W{0,3}(?:\S{1,2}[ \t]{1,3}\W?[ \t]?)?(?P<label>SUBJECT|[Ss][Uu][A-Za-z]{2,4}[Tt])"
    r"[ \t]?[.:;]?[ \t]{1,3}"
    r"(?P<v>[^\s.:;].{2,150}?)[ \t]{1,4}\W?[ \t]?"
    r"[DdOoBbPpC][aA][tTr][eE][ \t]{1,3}[DdOoPp]?[IiOo1]?[Ss][Tt]{1,2}[RrEe]?\b"
)
# what a line `_FORM_DISTR_SUBJ` matches holds in its folded text (the label's "su...t", then DATE DISTR),
# found in the whole folded text in one fast scan ('re' skips to "su"): the few lines worth a match (a
# failed match of the box pattern is slow, and most lines fail)
_FORM_DISTR_FOLDED = re.compile(r"su[a-z]{2,4}t[^\n\f]*?a[tr]e[ \t]{1,3}[dop]?[io1]?st")
_FORM_COUNTRY = re.compile(r"(?i)\bRE\w{2,3}T[ \t]?NO\b|^\W{0,3}COUNT\w{1,3}\b")
_FORM_CONT = re.compile(
    r"^[ \t]{0,4}(?P<v>[A-Z][A-Z0-9 ,.'’/()-]{2,80}?)[ \t,]*(?:\s(?:[Pp]rec\w*|PREC\w*)\b.*)?[ \t]*$"
)
_FORM_BOX_LINE = re.compile(r"(?i)^\W{0,3}(?:NO[.,]?\s{0,2}PAGES|REFERENCES|DATE\s+OF|PLACE|PRECEDENCE)")
_LIST_NO = re.compile(r"^\d[.,][ \t]+")


def _form_distr_subject(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    end = lines[299].end if len(lines) > 300 else len(doc.text)
    seen = -1
    for hit in _FORM_DISTR_FOLDED.finditer(doc.folded, 0, end):  # (each within a line: no \n, no \f)
        ln = doc.line_at(hit.start())
        if ln.number == seen:
            continue
        seen = i = ln.number
        m = _FORM_DISTR_SUBJ.match(ln.text)
        if not m or not any(_FORM_COUNTRY.search(x.text) for x in lines[max(0, i - 4) : i]):
            continue
        first = m.group("v").rstrip(" ,.|:;")
        lead = _LIST_NO.match(first)
        start = ln.start + m.start("v") + (lead.end() if lead else 0)
        parts = [first[lead.end() :] if lead else first]
        end = ln.start + m.start("v") + len(first)
        if parts[0] == parts[0].upper():
            for nxt in lines[i + 1 : i + 3]:
                cm = _FORM_CONT.match(nxt.text)
                if not cm or _FORM_BOX_LINE.match(nxt.text):
                    break
                parts.append(cm.group("v"))
                end = nxt.start + cm.end("v")
        joined = parts[0]
        for part in parts[1:]:  # a word hyphenated across the box's lines ("ASSAS-" / "SINATION")
            joined = joined[:-1] + part if joined.endswith("-") else f"{joined} {part}"
        value = " ".join(joined.split()).rstrip(" ,.-")
        if sum(ch.isalpha() for ch in value) >= 5:
            # a damaged label ("suBECT", "SuMECt", "SUERCT") is read only in this box: a little less sure
            conf = 0.84 if m.group("label") == "SUBJECT" else 0.8
            yield Candidate("subject", value, start, end, conf, "rule:info-report-form")
        return


# the CIA's later cable form (1970s-1990s): "FROM: E/BNL INFO EUR/A, ..." or "SLUGS: WNINTEL RYBAT" and,
# a few lines below, the cable's own "SUBJECT: WNINTEL NIFLAIR NIGALE © FLEMISH ORDER OF MILITANTS"
# ("*SUBJECT: BKGB ACCESS SUPPORT TO USG<ASSASSINATION>RECORD REVIEW" / "BOARD"), all in capitals
_CABLE_FORM_SUBJ = re.compile(r"^[ \t]{0,3}\*?SUBJECT[ \t]?:[ \t]*(?P<v>[A-Z0-9<(][^a-z\n]{5,150}?)[ \t]*$")
_CABLE_FORM_ABOVE = re.compile(r"^[ \t]{0,3}(?:FROM|SLUGS)[ \t]?:[ \t]*[A-Z]")


def _cable_form_subject(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    for i in lines_could_match(doc, _CABLE_FORM_SUBJ, 80):
        ln = lines[i]
        m = _CABLE_FORM_SUBJ.match(ln.text)
        if not m or not any(_CABLE_FORM_ABOVE.match(x.text) for x in lines[max(0, i - 6) : i]):
            continue
        start = ln.start + m.start("v")
        end = ln.start + m.end("v")
        parts = [m.group("v")]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None:
            t = nxt.text.strip()
            if t and not _SUBJ_END.match(nxt.text) and t == t.upper() and re.match(r"^[A-Z0-9(]", t):
                parts.append(t)
                end = nxt.start + len(nxt.text.rstrip())
        value = " ".join(" ".join(parts).replace("<", " ").replace(">", " ").split()).rstrip(" ,.")
        if sum(ch.isalpha() for ch in value) >= 5:
            yield Candidate("subject", value, start, end, 0.86, "rule:cable-form")
        return


def extract(doc: Document) -> Iterator[Candidate]:
    has_fm = False
    for c in _header(doc):
        has_fm = True
        yield c
    if has_fm or _is_telegram(doc):
        yield from _dtg_date(doc)
        yield from _subject(doc)
    if not has_fm:
        yield from _post_form(doc)
        yield from _cite(doc)
        yield from _cia_staff(doc)
        yield from _eyes_only(doc)
        yield from _cia_form(doc)
        yield from _cia_address_line(doc)
        yield from _info_report_subject(doc)
        yield from _tdcs_box_subject(doc)
        yield from _form_distr_subject(doc)
        yield from _cable_form_subject(doc)
