"""Extractor: the fallback document date.

For documents whose date no labelled extractor finds: a date standing on its own line near the top of
the document body (a dateline: "23 December 1966", "Washington, October 1, 1962") or, failing that, a
month and year alone on a line in the first lines, with heuristic confidence. A NARA identification form
(RIF) on page 1 is skipped: the body starts after it. Dates inside release / review / declassification
stamps and banners are never the document date. CIA information reports' "DATE DISTR" is labelled.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

from ..dates import find_dates
from ..document import Document
from ..prefilter import AlternativesSearch, could_match, lines_could_match, search
from .base import Candidate

# how far into the body a fallback date may sit
ZONE_LINES = 40
FIRST_LINES = 15  # a month-and-year alone is only taken this near the top
MIN_YEAR = 1900
STAMP_SCAN_LINES = 400
# a longer line is no dateline (the corpus's longest lines, FRUS paragraphs, are ~2,200): not searched
MAX_LINE_CHARS = 4000

_RIF = re.compile(r"identification\s+form", re.IGNORECASE)
# labels of the RIF form: two of them before the first page footer make page 1 a RIF
_RIF_LABELS = re.compile(
    r"AGENCY\s+FILE\s+NUMBER|RECORD\s+SERIES|RECORD\s+NUMBER|DATE\s+OF\s+LAST\s*REVIEW|OPENING\s+CRITERIA"
    r"|CURRENT\s+STATUS",
    re.IGNORECASE,
)
# not document dates: births, form editions
# (split like _SKIP, below: the words with a boundary before them apart)
_NOT_DOC_DATE = re.compile(r"Birth|BIRTH|DPOB|EDITION|Edition")
_NOT_DOC_DATE_WORD = re.compile(r"\b(?:DOB\b|born\b|FORM\b|Form\b|Rev\.)")
# stamp lines whose date bounds the document date from above (a document predates its review/release)
_STAMP_DATE_LINE = re.compile(r"Case\s?#|RELEASE|REVIEW|DECLASS|Declass|Doc\s+No\.|DATE\s+\d", re.IGNORECASE)
# a bare "DATE 5-7-95" line is an FBI review stamp only in the review era; a form's "DATE 01/05/79" is not
_BARE_DATE_LINE = re.compile(r"DATE\s+\d", re.IGNORECASE)
_BARE_DATE_MIN_YEAR = 1992
# the RIF's own footer ("NW 66000 Docld:32324509 Page 1") ends it
_RIF_END = re.compile(r"Doc\s?[Il1]d\s*[:.]?\s*\d{5,9}\s{0,3}Page\s{0,2}[1iIl]\b", re.IGNORECASE)
# lines that belong to stamps, banners, forms: their dates are not the document date. Two patterns,
# one for the words that stand anywhere and one for those that need a word boundary before them:
# when every alternative starts with a letter, `re` skips ahead to the positions holding one of those
# letters, while a leading \b makes it try each alternative at each position (5x slower on the corpus)
_SKIP = re.compile(
    r"Case\s?#|Doc\s?[Il1]d|APPROVED\s+FOR\s+RELEASE|RELEASE|LAST\s+REVIEW|DECLASS|Declass|REVIEW"
    r"|Classified\s+by|CLASSIFIED\s+BY|Department\s?of\s?State\s?Case|Doc\s+No\."
    r"|FBI\s+INFORMATION|HEREIN\s+IS|NO\s+OBJECTION|Reason\s*:|Downgrade|DOWNGRADE|Print(?:ed)?\b"
    r"|Received|RECEIVED|REFERENCE|DATE\s+OF\s+INFO|Date\s+of\s+Info|ACQUIRED"
    r"|\(b\)\s?\(\d\)|25X\d|Copy\s+\d|COPY\s+\d|File\s+No|FILE\s+NO|IDENTIFICATION\s+FORM"
    r"|Date\s*:\s*\d{1,2}/\d{1,2}/\d{2,4}\s*$|DATE\s*OF\b|Date\s+of\b|PLACES?\b",
)
_SKIP_WORD = re.compile(
    r"\b(?:NW\s?\d|E\.?\s?O\.?\s?1[0-3]\d{3}|BY\s*\d{3,}|RECD\b|REF\b|DOI\b|Page\s+\d|PAGE\s+\d)"
)


def _skip(text: str) -> bool:
    return _SKIP.search(text) is not None or _SKIP_WORD.search(text) is not None


# a labelled distribution date of CIA information reports: "DATE DISTR 20 April 1963"
_DATE_DISTR = re.compile(r"DATE\s{0,3}DISTR\.?\s{0,3}:?\s{0,3}(?P<d>[^\n]{6,30})", re.IGNORECASE)
_LETTER_RUNS = re.compile(r"[A-Za-z]+")


def _letters(text: str) -> int:
    """How many ASCII letters `text` holds (counted by runs: one match object a word, not a letter)."""
    return sum(map(len, _LETTER_RUNS.findall(text)))


_STAMP_RUNS_ON = re.compile(r"Case\s?#|RELEASE|REVIEW|DECLASS")
_DATE_DISPATCHED = re.compile(r"DATE\s{0,2}DISPATCHED", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:[-–—]|\bto|\bTO|\bthrough|\bTHROUGH|\bfrom|\bFROM)\s{0,3}$")
_RANGE_AFTER = re.compile(r"^\s{0,3}(?:[-–—]\s{0,3}\d|to\b|TO\b|through\b|THROUGH\b)")


# (each label found alone: from its leading word, and not at all when that word is not in the text)
_RIF_LABELS_EACH = AlternativesSearch(_RIF_LABELS)


def _distinct_labels(text: str, folded: str, enough: int = 2) -> int:
    """How many different RIF labels `text` holds (`folded`: `fold(text)`), counted up to `enough`
    (the scan stops there)."""
    seen: set[str] = set()
    for m in _RIF_LABELS_EACH.finditer(text, folded):
        seen.add(m.group().upper())
        if len(seen) >= enough:
            break
    return len(seen)


def _body_start(doc: Document) -> int | None:
    """Offset where the document proper starts (after a RIF cover sheet), None when unknown."""
    text, folded = doc.text, doc.folded
    m = search(_RIF_END, text, 0, 20000, folded)
    before = text[: m.start()] if m else text[:6000]
    is_rif = bool(search(_RIF, text, 0, 800, folded)) or (
        could_match(_RIF_LABELS, text, folded) and _distinct_labels(before, folded[: len(before)]) >= 2
    )
    if not is_rif:
        return 0
    if m:
        return doc.text.find("\n", m.end()) + 1 or m.end()
    if doc.page_count > 1:
        return doc.page_offsets[1]
    return None


_YEAR = re.compile(r"\b(19[0-9]\d|20[0-2]\d)\b")


def _era(lines, skipped: list[bool]) -> int | None:
    years = []
    for ln, skip in zip(lines, skipped, strict=True):
        if skip:
            continue
        years += [int(y) for y in _YEAR.findall(ln.text)]
    return int(statistics.median(years)) if years else None


def _plausible(value: str, era: int | None = None, cut: int | None = None) -> bool:
    y = value[:4]
    if not (y.isdigit() and int(y) >= MIN_YEAR and len(value) >= 7):
        return False
    if cut is not None and int(y) >= cut:
        return False
    return era is None or abs(int(y) - era) <= 20


# every _STAMP_DATE_LINE match holds one of these words (case-insensitively): lines without one cannot match
_STAMP_WORDS = ("case", "release", "review", "declass", "doc", "date")


def _stamp_cut(doc: Document) -> int | None:
    """Earliest year of a dated review/release stamp anywhere: the document is older than that."""
    years = []
    lines = doc.lines
    # stamps sit at the top and the foot of pages: the first lines and the last ones are enough
    last = len(lines) - STAMP_SCAN_LINES
    for n in doc.lines_with(_STAMP_WORDS, folded=True):
        if STAMP_SCAN_LINES <= n < last:
            continue
        ln = lines[n]
        m = _STAMP_DATE_LINE.search(ln.text)
        if m:
            bare = _BARE_DATE_LINE.fullmatch(m.group()) and not _STAMP_DATE_LINE.search(ln.text, m.end())
            years += [
                int(d.value[:4])
                for d in find_dates(ln.text)
                if d.value[:4].isdigit()
                and len(d.value) >= 7
                and not (bare and int(d.value[:4]) < _BARE_DATE_MIN_YEAR)
            ]
    years = [y for y in years if y >= 1965]
    return min(years) if years else None


def extract(doc: Document) -> Iterator[Candidate]:
    start = _body_start(doc)
    if start is None:
        return
    zone = []
    for ln in doc.lines:
        if ln.end < start or not ln.text.strip():
            continue
        zone.append(ln)
        if len(zone) >= ZONE_LINES:
            break
    skipped = [len(ln.text) > MAX_LINE_CHARS or _skip(ln.text) for ln in zone]
    era = _era(zone, skipped)

    # "DATE DISTR 20 April 1963" (CIA information report / telegram information report)
    for ln in zone if could_match(_DATE_DISTR, doc.text, doc.folded) else ():
        m = _DATE_DISTR.search(ln.text)
        if m:
            found = find_dates(m.group("d"), era=era, base=ln.start + m.start("d"))
            if found and _plausible(found[0].value, era):
                d = found[0]
                yield Candidate("document_date", d.value, d.start, d.end, 0.88, "rule:date-distr")
                return

    cut = _stamp_cut(doc)
    # CIA dispatch forms: "DATE DISPATCHED" with its value on one of the next lines (form layout)
    for i in lines_could_match(doc, _DATE_DISPATCHED, 400):  # (of the first 400, those with its words)
        ln = doc.lines[i]
        if _DATE_DISPATCHED.search(ln.text):
            for nxt in doc.lines[i : i + 4]:
                text = nxt.text if nxt is not ln else ln.text[_DATE_DISPATCHED.search(ln.text).end() :]
                off = nxt.start if nxt is not ln else ln.start + _DATE_DISPATCHED.search(ln.text).end()
                found = [d for d in find_dates(text, era=era, base=off) if _plausible(d.value, era, cut)]
                if found:
                    d = found[0]
                    yield Candidate("document_date", d.value, d.start, d.end, 0.85, "rule:date-dispatched")
                    return
            break

    skip_next = False
    month_only: Candidate | None = None
    for i, ln in enumerate(zone):
        prev = zone[i - 1].text.strip() if i else ""
        if prev.endswith(":") and not re.search(r"DATE\s*:$|Date\s*:$", prev):
            # the value of some other label ("DPOB:", "REFERENCE:")
            continue
        if len(ln.text) > MAX_LINE_CHARS:
            # no dateline: only whether it is a stamp whose date runs on to the next line
            skip_next = bool(_STAMP_RUNS_ON.search(ln.text))
            continue
        if skipped[i] or _NOT_DOC_DATE.search(ln.text) or _NOT_DOC_DATE_WORD.search(ln.text):
            # a stamp's date may sit on the following line ("Case#:NW\n56000 Date: 11-03-2021")
            skip_next = bool(_STAMP_RUNS_ON.search(ln.text))
            continue
        if skip_next:
            skip_next = False
            continue
        # counted once a line, not once a date: a long line of dates stays linear
        line_letters = _letters(ln.text)
        line_colons = ln.text.count(":")
        for d in find_dates(ln.text, era=era, base=ln.start):
            if not _plausible(d.value, era, cut) or d.form == "dtg":
                continue
            raw = doc.text[d.start : d.end]
            letters = line_letters - _letters(raw)
            if d.form == "month_year":
                if month_only is None and letters <= 22 and i < FIRST_LINES:
                    month_only = Candidate(
                        "document_date", d.value, d.start, d.end, 0.6, "rule:dateline-fallback"
                    )
                continue
            # the range words are at most 10 characters before the date (and \b needs one more)
            before = doc.text[max(ln.start, d.start - 16) : d.start]
            after = doc.text[d.end : min(ln.end, d.end + 16)]
            if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
                continue  # a period ("21 MAY - 30 JUNE 1962", "12/01/78 TO 12/31/78"), not a date of writing
            if letters <= 22 and line_colons == raw.count(":"):
                yield Candidate("document_date", d.value, d.start, d.end, 0.72, "rule:dateline-fallback")
                return
    if month_only is not None:
        yield month_only
