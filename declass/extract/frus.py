"""Extractor: FRUS editorial heads (Foreign Relations of the United States transcriptions).

A FRUS document opens with the file number, the editorial head naming sender and addressee
("The Ambassador in Russia (Francis) to the Secretary of State"), an optional bracketed type note
("[Telegram]", "[Telegram—Extract]", "[Paraphrase]") and the dateline ("Vologda, March 29, 1918,
9 p.m. [Received ...]"). The head is not a subject; the dateline is the document date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates import find_dates
from ..document import Document
from .base import Candidate

METHOD = "rule:frus"
# how many non-empty lines from the top the head may sit at
_HEAD_WINDOW = 6

# "861.00/1401", "File No. 861.00/1401", "500.A15 a 1/457: Telegram", "711.00111 Armament Control/777a",
# "690D.11241/28" (a letter after the class number)
_FILE_LINE = re.compile(r"^(?:File No\. )?\d{3}[A-Z]?\.[\w .-]{0,40}/\d+\w{0,3}(?P<tel>: Telegram)?\s*$")
# a source-note line in a form the file-number pattern does not know ("832.796/658 Suppl.: Telegram"):
# short, with a slash between digits; only taken as such when a FRUS head and dateline follow it
_SOURCE_LINE = re.compile(r"^(?:File No\. )?\d{3}[\w.]*[^\n]{0,50}/[^\n]{1,20}$")
# the head: "The X to the Y"; "Memorandum by the X"
_HEAD = re.compile(r"^(?:The|Memorandum by|Memorandum of|President|Secretary)\b.{3,400}$")
# "Memorandum by the Economic Adviser (Feis)", "Memorandum of Conversation, by the Under Secretary of State
# (Welles)": the author follows "by"
_MEMO_BY = re.compile(r"^Memorandum (?:of Conversation, )?by ")
_BRACKET = re.compile(r"^\[(?P<note>[A-Za-z][^\]\n]{0,60})\]\s*$")
# "Vologda, March 29, 1918, 9 p.m." / "Washington, July 20, 1927—3 p.m." / "Moscow, December 13, 1917.";
# the editors bracket a place the original does not print: "[Washington,] November 6, 1936."
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’ -]{1,40}?|\[[A-Z][\w.'’ -]{1,40}?,\]),? "
    r"(?P<rest>[A-Z][a-z]{2,9}\.? \d{1,2}, \d{4})"
)
_NUMBER_LINE = re.compile(r"^No\. \d+\s*$")
_SALUTATION = re.compile(r"^(?:My )?Dear [A-Z][^:\n]{0,60}:", re.IGNORECASE)
# split "X to Y" at the " to " after the sender's parenthesized name, else at the first " to "
_TO_AFTER_PAREN = re.compile(r"\) to (?=[A-Z]|the )")
_TO_PLAIN = re.compile(r" to (?=(?:the |[A-Z]))")
# several parties: "the Ambassador in France (Straus) and the Minister in ..."
_PARTY_SPLIT = re.compile(r"(?<=\))(?:,| and|, and) (?=[Tt]he |[A-Z])")
_REPEATED = re.compile(r"^(?:Repeated|Sent) to (?P<to>[A-Z][^.\n]{1,120})\.\s*$")


def _nonempty_lines(doc: Document, limit: int):
    out = []
    for ln in doc.lines:
        if ln.text.strip():
            out.append(ln)
            if len(out) >= limit:
                break
    return out


def _parties(text: str, base: int) -> list[tuple[str, int, int]]:
    """Split a party string into (value, start, end) entries at ')' separators."""
    out = []
    pos = 0
    for m in _PARTY_SPLIT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    parties = []
    for s, e in out:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip().rstrip(",.")
        if not seg:
            continue
        value = seg[0].upper() + seg[1:] if seg.startswith("the ") else seg
        parties.append((value, base + s + lead, base + s + lead + len(seg)))
    return parties


def _split_head(head: str) -> tuple[str, int, int] | None:
    """(sender part end, addressee part start) of 'X to Y', or None."""
    m = _TO_AFTER_PAREN.search(head)
    if m:
        return head, m.start() + 1, m.end()
    m = _TO_PLAIN.search(head)
    if m:
        return head, m.start(), m.end()
    return None


def extract(doc: Document) -> Iterator[Candidate]:
    lines = _nonempty_lines(doc, _HEAD_WINDOW + 4)
    if not lines:
        return
    i = 0
    is_telegram = False
    first = lines[0].text.strip()
    fm = _FILE_LINE.match(first)
    source_tel = None  # the telegram marker of a source line, yielded once the head and dateline confirm it
    if fm or (_SOURCE_LINE.match(first) and not _HEAD.match(first)):
        if first.endswith(": Telegram"):
            is_telegram = True
            s = lines[0].start + lines[0].text.index(": Telegram") + 2
            source_tel = Candidate("document_type", "telegram", s, s + len("Telegram"), 0.9, METHOD)
            if fm:
                yield source_tel
        i = 1
    if i >= len(lines):
        return
    head_line = lines[i]
    head = head_line.text.rstrip()
    if not _HEAD.match(head) or head.endswith((".", ":")) and not head.endswith(")."):
        return
    # the head must be followed (after optional bracket notes) by a dateline: that is what makes it FRUS
    j = i + 1
    notes = []
    while j < len(lines) and _BRACKET.match(lines[j].text.strip()):
        notes.append(lines[j])
        j += 1
    if j >= len(lines):
        return
    dl = lines[j]
    dm = _DATELINE.match(dl.text)
    undated = re.match(r"^(?:\[?Undated\]?|[A-Z][\w .'’-]{1,40}, undated)", dl.text)
    if not dm and not undated:
        return
    if source_tel is not None and not fm:
        yield source_tel

    # sender / addressees
    memo_by = _MEMO_BY.match(head)
    if memo_by:
        rest_start = memo_by.end()
        rest = head[rest_start:]
        end = len(rest)
        cut = re.search(r"\) (?:of|on|to|concerning|regarding)\b", rest)
        if cut:
            end = cut.start() + 1
        elif " of a Conversation" in rest:
            end = rest.index(" of a Conversation")
        for value, s, e in _parties(rest[:end], head_line.start + rest_start)[:1]:
            yield Candidate("sender", value, s, e, 0.9, METHOD)
    else:
        split = _split_head(head)
        if split:
            _, s_end, a_start = split
            for value, s, e in _parties(head[:s_end], head_line.start)[:1]:
                yield Candidate("sender", value, s, e, 0.92, METHOD)
            for value, s, e in _parties(head[a_start:], head_line.start + a_start):
                yield Candidate("addressees", value, s, e, 0.92, METHOD)

    # document type evidence from the bracketed note
    for ln in notes:
        note = ln.text.strip()[1:-1]
        if note.lower().startswith("telegram") and not is_telegram:
            is_telegram = True
            s = ln.start + ln.text.index("[") + 1
            yield Candidate("document_type", "telegram", s, s + len("Telegram"), 0.9, METHOD)

    # dateline => document date
    if dm:
        base = dl.start + dm.start("rest")
        found = find_dates(dm.group("rest"), base=base)
        if found:
            d = found[0]
            yield Candidate("document_date", d.value, d.start, d.end, 0.95, METHOD)
        # "No. 240" after the dateline marks a despatch; a salutation marks a letter
        if not is_telegram and j + 1 < len(lines):
            nxt = lines[j + 1]
            if _NUMBER_LINE.match(nxt.text.strip()):
                s = nxt.start + nxt.text.index("No.")
                yield Candidate("document_type", "dispatch", s, s + len(nxt.text.strip()), 0.75, METHOD)
            else:
                sm = _SALUTATION.match(nxt.text.strip())
                if sm:
                    s = nxt.start + nxt.text.index(sm.group(0))
                    yield Candidate("document_type", "letter", s, s + len(sm.group(0)), 0.75, METHOD)

    # "Repeated to Rio de Janeiro." at the foot of a telegram => copies_to
    tail_lines = [ln for ln in doc.lines[-12:] if ln.text.strip()]
    for ln in tail_lines:
        rm = _REPEATED.match(ln.text.strip())
        if rm and rm.group(0).startswith("Repeated"):
            s = ln.start + ln.text.index(rm.group("to"))
            for val, ps, pe in _split_list(rm.group("to"), s):
                yield Candidate("copies_to", val, ps, pe, 0.85, METHOD)


def _split_list(text: str, base: int) -> list[tuple[str, int, int]]:
    """'Paris, London and Rome' => entries with offsets."""
    out = []
    pos = 0
    for m in list(re.finditer(r",? and |, ", text)) + [None]:
        end = m.start() if m else len(text)
        seg = text[pos:end]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if seg:
            out.append((seg, base + pos + lead, base + pos + lead + len(seg)))
        if m:
            pos = m.end()
    return out
