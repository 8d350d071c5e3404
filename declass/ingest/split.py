"""Splitting one file into the documents it holds, at page boundaries.

A FOIA release often binds dozens of records into one PDF. A page starts a new document only on
strong evidence, because a wrong split is worse than none:

- a release stamp at the top of the page ("2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY
  ASSASSINATION RECORDS ACT OF 1992", put on the first page of each NARA record), when the page
  before had none or carried another record number;
- a NARA RIF cover sheet ("JFK Assassination System Identification Form"), which is always page 1;
- the NARA page footer ("NW 65924 DocId:32105898 Page 1") restarting at page 1, or naming another
  DocId;
- a State FOIA banner ("Case No. F-2014-20439 Doc No. C05739545") naming another document number.

Text without page breaks is never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import prefilter
from ..document import Document

# how many non-blank lines at the top of a page are its "header region"
TOP_LINES = 6

_RELEASE = re.compile(
    r"RELEASE\s+UNDER\s+THE\s+PRES\s*I\s*DENT|KENNEDY\s+ASSASSINATION\s+RECORDS\s+ACT|^\W*JOHN\s+F\.\s+KENNEDY\W*$",
    re.I,
)
_RECORD_NUMBER = re.compile(r"(?<![\d-])(1\d\d)\s*-\s*(\d{5})\s*-\s*(\d{5})(?![\d-])")
_RIF = re.compile(r"ASSASS[I1l]NAT[I1l]ON\s+SYSTEM", re.I)
_RIF_FORM = re.compile(r"IDENTIFICATION\s+FORM", re.I)
# NARA footer: "NW 65924 DocId:32105898 Page 1" (OCR: Docld, Bocld, Doctd, ...)
_FOOTER = re.compile(r"[DB]o[cec]\s*[tI1l|]\s*[dD]\s*[:;.]?\s*(?<!\d)(\d{8})\s+Page\s+(\d{1,3}|i)\b")
_STATE_DOC = re.compile(r"\bDoc\s+No\.\s*(C\d{8})\b")


@dataclass
class PageSignals:
    stamp: bool = False
    record_number: str | None = None
    rif: bool = False
    docid: str | None = None
    footer_page: int | None = None
    state_doc: str | None = None


def _top_lines(text: str, n: int = TOP_LINES) -> list[str]:
    out = []
    for line in text.splitlines():
        if line.strip():
            out.append(line)
            if len(out) == n:
                break
    return out


def page_signals(text: str) -> PageSignals:
    sig = PageSignals()
    head_lines = _top_lines(text, 12)
    top = head_lines[:TOP_LINES]  # (the first non-blank lines of twelve are those of six)
    for line in top:
        if _RELEASE.search(line):
            sig.stamp = True
        m = _RECORD_NUMBER.search(line)
        if m and sig.record_number is None:
            sig.record_number = "-".join(m.groups())
    head = "\n".join(head_lines)
    sig.rif = bool(prefilter.search(_RIF, head) and prefilter.search(_RIF_FORM, head))
    footers = list(prefilter.finditer(_FOOTER, text))
    if footers:
        m = footers[-1]
        sig.docid = m.group(1)
        sig.footer_page = 1 if m.group(2) == "i" else int(m.group(2))
    m = prefilter.search(_STATE_DOC, text)
    if m:
        sig.state_doc = m.group(1)
    return sig


def _differ(a: str | None, b: str | None, min_digits: int = 3) -> bool:
    """Two numbers both read and different in at least `min_digits` places (OCR misreads one or two)."""
    if not a or not b:
        return False
    if len(a) != len(b):
        return True
    return sum(x != y for x, y in zip(a, b, strict=True)) >= min_digits


@dataclass
class _State:
    """What the pages of the current document have shown so far."""

    prev: PageSignals
    record_number: str | None = None
    docid: str | None = None
    state_doc: str | None = None

    def add(self, sig: PageSignals) -> None:
        self.prev = sig
        self.record_number = sig.record_number or self.record_number
        self.docid = sig.docid or self.docid
        self.state_doc = sig.state_doc or self.state_doc


def starts_document(state: _State, cur: PageSignals) -> bool:
    """Whether the page with signals `cur` starts a new document after the pages seen in `state`."""
    prev = state.prev
    if cur.rif and not prev.rif:
        return True
    if cur.stamp and not prev.stamp:
        return True
    if cur.stamp and _differ(cur.record_number, state.record_number, 1):
        return True
    if _differ(cur.docid, state.docid) and cur.footer_page in (None, 1):
        return True
    if cur.state_doc and state.state_doc and cur.state_doc != state.state_doc:
        return True
    # one release's page marks give way to another's: a NARA footer after State banners, or back
    if cur.docid and not state.docid and state.state_doc and not cur.state_doc:
        return True
    return bool(cur.state_doc and not state.state_doc and state.docid and not cur.docid)


def page_texts(doc: Document) -> list[str]:
    return [doc.text[slice(*doc.page_span(doc.first_page + i))] for i in range(doc.page_count)]


def boundaries(pages: list[str], headers: dict[int, str] | None = None) -> list[int]:
    """0-based indices of the pages that start a document (always including 0).

    `headers` maps a page index to an OCR reading of its top strip, read before its own text."""
    if not pages:
        return [0]
    headers = headers or {}
    signals = [page_signals(headers[i] + "\n" + t if i in headers else t) for i, t in enumerate(pages)]
    starts = [0]
    state = _State(signals[0])
    state.add(signals[0])
    for i in range(1, len(pages)):
        cur = signals[i]
        if starts_document(state, cur):
            starts.append(i)
            state = _State(cur)
        # a blank page (no text at all) does not hide the signals of the page before it
        if pages[i].strip():
            state.add(cur)
    return starts


def split_document(doc: Document, headers: dict[int, str] | None = None) -> list[Document]:
    """The documents in `doc` (itself when it holds one). Offsets of each index its own text."""
    if doc.page_count < 2:
        return [doc]
    starts = boundaries(page_texts(doc), headers)
    if len(starts) == 1:
        return [doc]
    out = []
    for k, first in enumerate(starts):
        last = starts[k + 1] - 1 if k + 1 < len(starts) else doc.page_count - 1
        begin = doc.page_offsets[first]
        end = doc.page_offsets[last + 1] - 1 if last + 1 < doc.page_count else len(doc.text)
        offsets = [doc.page_offsets[i] - begin for i in range(first, last + 1)]
        out.append(
            Document(
                text=doc.text[begin:end],
                path=doc.path,
                sha256=doc.sha256,
                page_offsets=offsets,
                first_page=doc.first_page + first,
                document_index=k,
                warnings=list(doc.warnings),
            )
        )
    return out
