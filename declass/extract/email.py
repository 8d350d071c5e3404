"""Extractor: e-mail header blocks (From: / Sent: / To: / Cc: / Subject:) of State FOIA productions.

A chain is printed newest first, so the FIRST header block gives sender, addressees, copies and
subject, and its "Sent:" line the document date. An empty "To:" gives no addressees. Values are the
first column of the line: State's layout puts exemption codes (B6, 1.4(B)) in a right-hand column.
A stray OCR bullet before a label ("• To:", "•From:") or before a value ("Subject:   •   Re: ...") is
scan noise, not part of the header; a State directory name's middle initial read as a digit
("Sullivan, Jacob 1", "Tauscher, Ellen 0") is given back its letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates import MONTHS, resolve_year
from ..document import Document
from .base import Candidate

METHOD = "rule:email-header"
HEAD = 20000  # a header block is looked for in the first characters only

# OCR bullets: a dot or square the scanner read off the page's margin or a punch hole
NOISE = "•·▪■"
FIELD_LINE = re.compile(
    rf"^[ \t]{{0,40}}(?:[{NOISE}][ \t]{{0,3}})?"
    r"(?P<label>From|Sent|Date|To|Cc|Bcc|Subject)(?::|(?=[ \t]{3,}\S))"
    r"[ \t]{0,60}(?P<value>[^\n]{0,400})$"
)
# "Wednesday, September 12, 2012 10:16 AM", "Friday, May 6, 201112:26 AM" (time glued to the year)
SENT_DATE = re.compile(
    r"(?:[A-Z][a-z]{2,8},?\s{1,3})?(?P<month>[A-Z][a-z]{2,8})\.?\s{1,3}(?P<day>\d{1,2}),?\s{1,3}(?P<year>(?:19|20)\d\d)(?=\d{1,2}:|\b)"
)
# "Sun Aug 16 06:56:45 2009"
CTIME_DATE = re.compile(
    r"(?P<month>[A-Z][a-z]{2})\s{1,3}(?P<day>\d{1,2})\s{1,3}\d\d:\d\d:\d\d\s{1,3}(?P<year>(?:19|20)\d\d)\b"
)
ADDRESS_TAIL = re.compile(r"\s{0,3}(?:<[^<>]{0,120}>?|\[mailto:[^\]]{0,120}\]?|\(mailto:[^)]{0,120}\)?)\s*$")


LEADING_NOISE = re.compile(rf"^\s*(?:[{NOISE}]\s*)+")
# "Sullivan, Jacob 1", "Lew, Jacob 3", "Tauscher, Ellen 0": the directory's "Last, First M" with the
# middle initial read as a digit
DIGIT_INITIAL = re.compile(
    r"^(?P<name>[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?, [A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?P<d>[013])$"
)
DIGIT_LETTER = {"0": "O", "1": "J", "3": "J"}


def _first_column(value: str) -> str:
    value = LEADING_NOISE.sub("", value)
    return re.split(r"\s{3,}|\t", value.strip())[0] if value.strip() else ""


def _initial_letter(name: str) -> str:
    m = DIGIT_INITIAL.match(name)
    return f"{m['name']} {DIGIT_LETTER[m['d']]}" if m else name


def _clean_party(raw: str) -> str:
    v = raw.strip()
    prev = None
    while prev != v:
        prev = v
        v = ADDRESS_TAIL.sub("", v).strip()
    v = v.strip(" '\"`.,;:(")
    return v


def _parties(field: str, value: str, vstart: int, conf: float, split: bool) -> Iterator[Candidate]:
    parts = re.finditer(r"[^;]+", value) if split else iter([re.match(r".*", value)])
    for p in parts:
        cleaned = _clean_party(p.group())
        if sum(ch.isalpha() for ch in cleaned) < 1 or len(cleaned) > 80:
            continue
        k = value.find(cleaned, p.start())
        if k < 0:
            continue
        s = vstart + k
        yield Candidate(field, _initial_letter(cleaned), s, s + len(cleaned), conf, METHOD)


def _sent_date(value: str, vstart: int) -> Candidate | None:
    for rx in (SENT_DATE, CTIME_DATE):
        m = rx.search(value)
        if not m:
            continue
        month = MONTHS.get(m.group("month").lower())
        year = resolve_year(m.group("year"))
        day = int(m.group("day"))
        if month is None or year is None or not 1 <= day <= 31:
            continue
        return Candidate(
            "document_date",
            f"{year}-{month:02d}-{day:02d}",
            vstart + m.start(),
            vstart + m.end(),
            0.94,
            METHOD,
        )
    return None


def _find_all(text: str, word: str, end: int) -> Iterator[int]:
    k = text.find(word, 0, end)
    while k >= 0:
        yield k
        k = text.find(word, k + 1, end)


def extract(doc: Document) -> Iterator[Candidate]:
    text = doc.text
    if text.find("From:", 0, HEAD) < 0:
        return
    # the lines of text[:HEAD]: the document's (built once, for all extractors), the last one cut there
    lines = doc.lines
    if len(text) > HEAD:
        k = doc.line_at(HEAD).number
        last = lines[k]
        lines = lines[:k] + [last._replace(end=HEAD, text=last.text[: HEAD - last.start])]
    n = len(lines)
    # a block starts at a From line: only the lines holding "From" are tried
    for i in sorted({doc.line_at(k).number for k in _find_all(text, "From", HEAD)}):
        ln = lines[i]
        m = FIELD_LINE.match(ln.text)
        if not m or m.group("label") != "From":
            continue
        # a header block: From: followed within a few lines by Sent:/Date: and To:/Subject:
        block: dict[str, tuple[str, int]] = {}
        last: tuple[str, int] | None = None  # the Subject label just read and its value's column
        subject_end: int | None = None
        for j in range(i, min(n, i + 10)):
            t = lines[j].text
            mj = FIELD_LINE.match(t)
            if not mj:
                if not t.strip():
                    last = None
                    continue
                lead = len(t) - len(t.lstrip())
                if last is None or last[1] < 8 or abs(lead - last[1]) > 1:
                    break
                # the subject's continuation in the value column ("... hand to him at" / "yesterday's
                # hearing"); its end is the evidence's end
                value, vs = block["Subject"]
                block["Subject"] = (value.rstrip() + " " + t.strip(), vs)
                subject_end = lines[j].start + len(t.rstrip())
                continue
            label = mj.group("label")
            if label in block:
                break
            block[label] = (mj.group("value"), lines[j].start + mj.start("value"))
            has_value = bool(mj.group("value").strip())
            last = (label, mj.start("value")) if label == "Subject" and has_value else None
        if not ({"Sent", "Date"} & block.keys()) or not ({"To", "Subject"} & block.keys()):
            continue
        yield from _from_block(block, subject_end)
        return


def _skip_noise(value: str, vs: int) -> tuple[str, int]:
    """The value without a leading OCR bullet, and its start in the text."""
    m = LEADING_NOISE.match(value)
    return (value[m.end() :], vs + m.end()) if m else (value, vs)


def _from_block(block: dict[str, tuple[str, int]], subject_end: int | None = None) -> Iterator[Candidate]:
    block = {label: _skip_noise(*v) for label, v in block.items()}
    if "From" in block:
        value, vs = block["From"]
        col = _first_column(value)
        yield from list(_parties("sender", col, vs, 0.94, split=False))[:1]
    for label, field in (("To", "addressees"), ("Cc", "copies_to")):
        if label in block:
            value, vs = block[label]
            yield from _parties(field, _first_column(value), vs, 0.94, split=True)
    if "Subject" in block:
        value, vs = block["Subject"]
        col = _first_column(value).rstrip()
        if col:
            end = subject_end if subject_end is not None and col == value.strip() else vs + len(col)
            yield Candidate("subject", col, vs, end, 0.94, METHOD)
    for label in ("Sent", "Date"):
        if label in block:
            value, vs = block[label]
            c = _sent_date(value, vs)
            if c:
                yield c
                break
