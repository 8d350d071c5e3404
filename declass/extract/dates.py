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

from .. import data as data_files
from ..dates import WEEKDAY_PREFIX, cited, find_dates
from ..document import Document
from ..prefilter import AlternativesSearch, could_match, lines_could_match, search
from .base import Candidate

# how far into the body a fallback date may sit
ZONE_LINES = 40
FIRST_LINES = 15  # a month-and-year alone is only taken this near the top
MIN_YEAR = 1900
STAMP_SCAN_LINES = 400
STAMP_MIN_YEAR = 1965  # a stamp's year below this is no review or release: it bounds nothing
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
_NOT_DOC_DATE_WORD = re.compile(r"\b(?:DOB|born\b|FORM\b|Form\b|Rev\.)")
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
    r"|Received|RECEIVED|REFERENCE|DATE\s+OF\s+INFO|Date\s+of\s+Info|ACQUIRED|DATE\s+ACQ"
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
# the same label as Tesseract misreads it on the information reports' SUBJECT line: "Date ost, = 17
# February 1965", "DATE O1STR, 26 May 1965", "Dare DISTR. ©=-18 March 1965", "pate oiste. 10 February",
# "OaTE OstTR, «12 February 1965", "bate oistR. «= 9 February 1965", "DATE STR. = 10 February 1965"
_DATE_DISTR_MISREAD = data_files.load("header_labels")["date_distr_misread"]["regex"]
_DATE_DISTR_OCR = re.compile(r"\b" + _DATE_DISTR_MISREAD + r"[.,]?[^\w\n]{0,6}(?P<d>[^\n]{6,30})")
# a subject line with its value: the next line may continue it, its dates are the subject's
_SUBJECT_LINE = re.compile(r"^\W{0,3}(?:SUBJECT|SUBJ|Subject)\s{0,3}[:;.]\s{0,3}\S")
_LETTER_RUNS = re.compile(r"[A-Za-z]+")


def _letters(text: str) -> int:
    """How many ASCII letters `text` holds (counted by runs: one match object a word, not a letter)."""
    return sum(map(len, _LETTER_RUNS.findall(text)))


# CIA's microfilm stamp, its date between "MICROFILMED" and "DOC. MICRO. SER." (or "DOCUMENT MICROFILM
# SERVICE"), as Tesseract reads it: "MiCROFILMED", "MCROFLEED", "BiCRGFiLRY SERVICE": a processing date
_MICROFILM = re.compile(r"M[iI1l]?CRO(?:F|\.?\s?SER)|F[iI1l]L\w{0,3}\s+SERVICE", re.IGNORECASE)


def _has_microfilm(text: str, folded: str) -> bool:
    """Whether `_MICROFILM.search(text)` finds a stamp (`folded`: `fold(text)`), matched only where a
    match can start: one or two characters before a "cro", or at an "fil" / "f1l" / "fll" when the text
    holds "service". (A case-insensitive pattern that opens with a letter is tried by `re` at every
    position: 0.3 ms a document.)"""
    match = _MICROFILM.match
    i = folded.find("cro")
    while i >= 0:
        if (i >= 2 and match(text, i - 2)) or (i >= 1 and match(text, i - 1)):
            return True
        i = folded.find("cro", i + 1)
    if "service" in folded:
        for head in ("fil", "f1l", "fll"):
            i = folded.find(head)
            while i >= 0:
                if match(text, i):
                    return True
                i = folded.find(head, i + 1)
    return False


def _microfilm_lines(zone) -> set[int]:
    """Indices of the zone's lines that may hold a microfilm stamp's date: the stamp's own line, the one
    above ("AUG 27 1959\nDOC. MICRO. SER.") and the two below ("MCROFLEED\npal .\nJUN 19 1961")."""
    near: set[int] = set()
    for j, ln in enumerate(zone):
        if _MICROFILM.search(ln.text):
            near.update(range(j - 1, j + 3))
    return near


# "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992"
_JFK_BANNER = re.compile(r"RELEASE\s{1,3}UNDER\s{1,3}THE\s{1,3}PRESIDENT", re.IGNORECASE)
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


def _era(text: str, lines, skipped: list[bool]) -> int | None:
    """The median year printed on the `lines` of `text` not `skipped`. (Read from each run of lines with
    only blank ones between them at once: a year cannot span lines, and a line's ends are boundaries in
    the text too.)"""
    years: list[str] = []
    findall = _YEAR.findall
    run_start = run_end = -1
    for ln, skip in zip(lines, skipped, strict=True):
        if skip:
            if run_start >= 0:
                years += findall(text, run_start, run_end)
                run_start = -1
            continue
        if run_start < 0:
            run_start = ln.start
        run_end = ln.end
    if run_start >= 0:
        years += findall(text, run_start, run_end)
    return int(statistics.median(map(int, years))) if years else None


def _plausible(value: str, era: int | None = None, cut: int | None = None) -> bool:
    y = value[:4]
    if not (y.isdigit() and int(y) >= MIN_YEAR and len(value) >= 7):
        return False
    if cut is not None and int(y) >= cut:
        return False
    return era is None or abs(int(y) - era) <= 20


# every _STAMP_DATE_LINE match starts with one of these words (case-insensitively): it is matched only there
_STAMP_WORDS = ("case", "release", "review", "declass", "doc", "date")


def _stamp_words(doc: Document) -> dict[int, list[int]]:
    """Where the stamp words stand in the first and the last `STAMP_SCAN_LINES` lines: offsets in their
    lines' texts, by line number."""
    lines, folded = doc.lines, doc.folded
    # stamps sit at the top and the foot of pages: the first lines and the last ones are enough
    if len(lines) > 2 * STAMP_SCAN_LINES:
        tail = lines[len(lines) - STAMP_SCAN_LINES].start
        spans = ((0, lines[STAMP_SCAN_LINES].start), (tail, len(folded)))
    else:
        spans = ((0, len(folded)),)
    at: dict[int, list[int]] = {}
    for begin, end in spans:
        for word in _STAMP_WORDS:
            i = folded.find(word, begin, end)
            while i >= 0:
                ln = doc.line_at(i)
                at.setdefault(ln.number, []).append(i - ln.start)
                i = folded.find(word, i + 1, end)
    return at


def _stamp_search(text: str, starts: list[int], pos: int = 0) -> re.Match | None:
    """`_STAMP_DATE_LINE.search(text, pos)` when its matches can start only at `starts` (sorted)."""
    for i in starts:
        if i >= pos:
            m = _STAMP_DATE_LINE.match(text, i)
            if m is not None:
                return m
    return None


def _stamp_cut(doc: Document) -> int | None:
    """Earliest year of a dated review/release stamp anywhere: the document is older than that."""
    years = []
    lines = doc.lines
    for n, starts in _stamp_words(doc).items():
        ln = lines[n]
        starts.sort()
        m = _stamp_search(ln.text, starts)
        if m:
            bare = _BARE_DATE_LINE.fullmatch(m.group()) and not _stamp_search(ln.text, starts, m.end())
            years += [
                int(d.value[:4])
                for d in find_dates(ln.text)
                if d.value[:4].isdigit()
                and len(d.value) >= 7
                and not (bare and int(d.value[:4]) < _BARE_DATE_MIN_YEAR)
            ]
    years = [y for y in years if y >= STAMP_MIN_YEAR]
    return min(years) if years else None


# a CIA memo's originator line, after the signature: office, drafting officer, typist's initials and the
# date it was drafted in parentheses ("D/1G:SDBreckinridge:jw/5527 (30 September 1977)",
# "OLC:RSG:jms (26 Apr 78)")
_ORIGINATOR_LINE = re.compile(
    r"(?m)^[^\n()]{0,60}?[:/][a-z]{2,4}\b[^()\n]{0,25}\((?P<d>\s?\d{1,2}\s[A-Za-z]{3,10}\.?\s\d{2,4}\s?)\)[^\w\n]{0,4}$"
)
ORIGINATOR_CHARS = 30000


def _originator_lines(text: str) -> Iterator[re.Match]:
    """`_ORIGINATOR_LINE.finditer(text)`, matched only at the start of the lines that hold a "(": a match
    opens its date at the first "(" of its first line. (`re` has no fast way to a line start: it tried
    the pattern at every position.)"""
    match = _ORIGINATOR_LINE.match
    pos = 0  # where the match before ended: the next one starts after it
    i = text.find("(")
    while i >= 0:
        line_start = text.rfind("\n", 0, i) + 1
        if line_start >= pos:
            m = match(text, line_start)
            if m is not None:
                yield m
                pos = m.end()
        line_end = text.find("\n", i)
        if line_end < 0:
            return
        i = text.find("(", line_end + 1)


def _originator_line(doc: Document) -> Iterator[Candidate]:
    text = doc.text[:ORIGINATOR_CHARS]
    for m in _originator_lines(text):
        found = find_dates(m.group("d"), base=m.start("d"))
        if len(found) == 1 and found[0].form == "day_month_year" and _plausible(found[0].value):
            d = found[0]
            yield Candidate("document_date", d.value, d.start, d.end, 0.75, "rule:originator-line")
            return


# an FBI letterhead memorandum dates itself beside the "In Reply, Please Refer to" box, on the same
# line as Tesseract reads it: "In Reply, Please Refer to January 20, 1969", "In Reply, Please: Refer to
# March 5, 1969"
_FBI_REPLY_LINE = re.compile(
    r"In\s{1,3}Reply,?\s{1,3}Please:?\s{1,3}Refer\s{1,3}to\s{1,3}(?P<d>[^\n]{6,30})$", re.M
)


def _fbi_reply_line(doc: Document) -> Iterator[Candidate]:
    if "Reply" not in doc.text:
        return
    for m in _FBI_REPLY_LINE.finditer(doc.text):
        found = find_dates(m.group("d"), base=m.start("d"))
        if len(found) == 1 and found[0].start == m.start("d") and _plausible(found[0].value):
            d = found[0]
            yield Candidate("document_date", d.value, d.start, d.end, 0.84, "rule:fbi-reply-line")
            return


# the box block at a CIA dispatch's foot, as Tesseract reads it: the date stands alone on a line beside
# the "DISPATCH SYMBOL AND NUMBER" label ("24 Jan 64\nONSPATCH SYMBOL AND NUMBER\nUFGA~13737") or after
# the symbol under the cross-reference label ("CROSS REFERENCE TO DISPATCH SYMBOL AND NUMBER DATE\n\n
# HMMA-24922 10 December 1964"). The label in capitals only: a sentence's "source symbol and number" is
# no box. Only the 2 lines above and 3 below: further off stand the distribution and a DATE TYPED box.
_DISPATCH_BOX = re.compile(r"SYMBOL\s{1,3}AND\s{1,3}[A-Z]{2,7}\b")
# or the box's value alone on its line, the label lost: ": UFGA-15.436" two lines under "& 15 Apr 64"
_DISPATCH_SYMBOL_LINE = re.compile(r"^\W{0,3}[A-Z]{4}\s?[-~]\s?\d{2}[.,]?\d{3}\W{0,3}$")
_DISPATCH_DATE_LINE = re.compile(
    r"^\W{0,3}(?:[A-Z]{4}[-~]\s?\d{3,6}\s{1,4})?(?P<d>\d{1,2}\s[A-Za-z]{3,9}\.?\s\d{2,4})\W{0,3}$"
)
DISPATCH_BOX_CHARS = 30000


# what a symbol line holds, found in the whole text: the lines without it are not tried (the same
# whitespace as within a line: a line ends at a newline or a form feed)
_DISPATCH_SYMBOL_HINT = re.compile(r"[-~][^\S\n\f]?\d{2}[.,]?\d{3}")


def _dispatch_box_lines(doc: Document) -> list[int]:
    """Numbers of the lines starting in the first `DISPATCH_BOX_CHARS` where a dispatch box label or a
    symbol line may stand, in order (the others cannot match `_DISPATCH_BOX` or `_DISPATCH_SYMBOL_LINE`)."""
    text = doc.text
    end = doc.line_at(DISPATCH_BOX_CHARS - 1).end if len(text) > DISPATCH_BOX_CHARS else len(text)
    offsets = []
    hint = _DISPATCH_SYMBOL_HINT.match  # (at each dash: `re` scans for the dashes 8x slower than `find`)
    for dash in "-~":
        i = text.find(dash, 0, end)
        while i >= 0:
            if hint(text, i, end):
                offsets.append(i)
            i = text.find(dash, i + 1, end)
    i = text.find("SYMBOL", 0, end)
    while i >= 0:
        offsets.append(i)
        i = text.find("SYMBOL", i + 1, end)
    return sorted({doc.line_at(i).number for i in offsets})


def _dispatch_box(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    for n in _dispatch_box_lines(doc):
        ln = lines[n]
        if not (_DISPATCH_BOX.search(ln.text) or _DISPATCH_SYMBOL_LINE.match(ln.text)):
            continue
        # the 3 non-blank lines below that start before the limit, then the 2 above, nearest first
        near = []
        k = n + 1
        while k < len(lines) and len(near) < 3 and lines[k].start < DISPATCH_BOX_CHARS:
            if lines[k].text.strip():
                near.append(lines[k])
            k += 1
        below = len(near)
        k = n - 1
        while k >= 0 and len(near) < below + 2:
            if lines[k].text.strip():
                near.append(lines[k])
            k -= 1
        for x in near:
            m = _DISPATCH_DATE_LINE.match(x.text)
            found = find_dates(m.group("d"), base=x.start + m.start("d")) if m else []
            if len(found) == 1 and found[0].form == "day_month_year" and _plausible(found[0].value):
                d = found[0]
                yield Candidate("document_date", d.value, d.start, d.end, 0.8, "rule:dispatch-box")
                return


# a memorandum's dateline right above its "MEMORANDUM FOR" line, below a routing sheet or a cover page
# that kept it out of the top zone: "11 June 1976\n\nMEMORANDUM FOR: Chief, ...", "OLC 78-1065/42\n12 June
# 1978\n\nMEMORANDUM FOR: Mr. Shepanek" (an office reference number may stand above the date)
_MEMO_FOR = re.compile(r"^\W{0,3}MEMORANDUM\s{1,3}FOR\b", re.M)
_MEMO_FOR_DATELINE = re.compile(
    r"^\W{0,3}(?P<d>\d{1,2}\s[A-Za-z]{3,9}\.?\s\d{4}|[A-Za-z]{3,9}\.?\s\d{1,2},\s?\d{4})\W{0,3}$"
)
# how far below the body's start (after a RIF) the memorandum line may stand: further down (after a
# covering memo's text, 2 corpus and 2 catalogue records at 4,300-5,000 characters) it heads an attachment
MEMO_FOR_CHARS = 2000


def _memo_for_dateline(doc: Document, body: int | None) -> Iterator[Candidate]:
    if body is None or "MEMORANDUM" not in doc.text[body : body + MEMO_FOR_CHARS]:
        return
    for m in _MEMO_FOR.finditer(doc.text, body, body + MEMO_FOR_CHARS):
        window = max(0, m.start() - 120)
        before = doc.text[window : m.start()].rstrip()
        line_start = before.rfind("\n") + 1  # the last non-blank line above the memorandum line
        dm = _MEMO_FOR_DATELINE.match(before[line_start:])
        if dm is None:
            continue
        base = window + line_start
        found = find_dates(dm.group("d"), base=base + dm.start("d"))
        if (
            len(found) == 1
            and found[0].form in ("day_month_year", "month_day_year")
            and _plausible(found[0].value)
        ):
            d = found[0]
            yield Candidate("document_date", d.value, d.start, d.end, 0.75, "rule:memo-for-dateline")
        return  # the first memorandum only: a later one is an attachment


def extract(doc: Document) -> Iterator[Candidate]:
    yield from _originator_line(doc)
    yield from _fbi_reply_line(doc)
    yield from _dispatch_box(doc)
    start = _body_start(doc)
    yield from _memo_for_dateline(doc, start)
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
    era = _era(doc.text, zone, skipped)  # (the zone's lines have only blank ones between them)

    # "DATE DISTR 20 April 1963" (CIA information report / telegram information report); failing
    # that, the label misread
    for label, conf in ((_DATE_DISTR, 0.89), (_DATE_DISTR_OCR, 0.89)):
        for ln in zone if could_match(label, doc.text, doc.folded) else ():
            m = label.search(ln.text)
            if m:
                found = find_dates(m.group("d"), era=era, base=ln.start + m.start("d"))
                # the misread label's date follows it (debris between them at most)
                near = label is _DATE_DISTR or (found and found[0].start - (ln.start + m.start("d")) <= 3)
                if found and near and _plausible(found[0].value, era):
                    d = found[0]
                    yield Candidate("document_date", d.value, d.start, d.end, conf, "rule:date-distr")
                    return

    # the stamps' bound, worked out only for a date it could rule out (one of STAMP_MIN_YEAR or later)
    cut: list[int | None] = []

    def plausible(value: str) -> bool:
        """`_plausible(value, era, _stamp_cut(doc))`."""
        if not _plausible(value, era):
            return False
        if int(value[:4]) < STAMP_MIN_YEAR:
            return True
        if not cut:
            cut.append(_stamp_cut(doc))
        return cut[0] is None or int(value[:4]) < cut[0]

    # CIA dispatch forms: "DATE DISPATCHED" with its value on one of the next lines (form layout)
    for i in lines_could_match(doc, _DATE_DISPATCHED, 400):  # (of the first 400, those with its words)
        ln = doc.lines[i]
        if _DATE_DISPATCHED.search(ln.text):
            for nxt in doc.lines[i : i + 4]:
                text = nxt.text if nxt is not ln else ln.text[_DATE_DISPATCHED.search(ln.text).end() :]
                off = nxt.start if nxt is not ln else ln.start + _DATE_DISPATCHED.search(ln.text).end()
                found = [d for d in find_dates(text, era=era, base=off) if plausible(d.value)]
                if found:
                    d = found[0]
                    yield Candidate("document_date", d.value, d.start, d.end, 0.85, "rule:date-dispatched")
                    return
            break

    skip_next = False
    month_only: Candidate | None = None
    microfilm = _microfilm_lines(zone) if _has_microfilm(doc.text, doc.folded) else set()
    for i, ln in enumerate(zone):
        if i in microfilm:
            continue
        prev = zone[i - 1].text.strip() if i else ""
        if prev.endswith(":") and not re.search(r"DATE\s*:$|Date\s*:$", prev):
            # the value of some other label ("DPOB:", "REFERENCE:")
            continue
        if _SUBJECT_LINE.match(prev):
            continue  # the subject's second line ("SUBJECT : Meetings with ...\nin New York City, 8 March")
        if len(ln.text) > MAX_LINE_CHARS:
            # no dateline: only whether it is a stamp whose date runs on to the next line
            skip_next = bool(_STAMP_RUNS_ON.search(ln.text))
            continue
        if skipped[i] or _NOT_DOC_DATE.search(ln.text) or _NOT_DOC_DATE_WORD.search(ln.text):
            # a stamp's date may sit on the following line ("Case#:NW\n56000 Date: 11-03-2021"); the JFK
            # Act's release banner holds no date that could run on ("...ACT OF 1992 |\n\n8 April 1977")
            skip_next = bool(_STAMP_RUNS_ON.search(ln.text)) and not _JFK_BANNER.search(ln.text)
            continue
        if skip_next:
            skip_next = False
            continue
        found = find_dates(ln.text, era=era, base=ln.start)
        if not found:
            continue
        # counted once a line, not once a date: a long line of dates stays linear
        line_letters = _letters(ln.text)
        line_colons = ln.text.count(":")
        for d in found:
            if d.form == "dtg" or not plausible(d.value):
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
            weekday = WEEKDAY_PREFIX.match(doc.text[ln.start : d.start]) is not None  # "Friday - 9 Dec"
            if (_RANGE_BEFORE.search(before) and not weekday) or _RANGE_AFTER.match(after):
                continue  # a period ("21 MAY - 30 JUNE 1962", "12/01/78 TO 12/31/78"), not a date of writing
            if cited(doc.text, d.start, d.end):
                continue  # another document's or an event's date: "dated 24 April 1978", "On 9 June 1969"
            if letters <= 22 and line_colons == raw.count(":"):
                # on 500 unseen catalogued records 2 in 3 of these agree with the archive's date:
                # below the labelled and dateline rules
                yield Candidate("document_date", d.value, d.start, d.end, 0.66, "rule:dateline-fallback")
                return
    if month_only is not None:
        yield month_only
