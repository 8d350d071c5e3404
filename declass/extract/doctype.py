"""Extractor: document type (field `document_type`).

The type is read from cues of the document's own head: telegram headers (FRUS "[Telegram]" file
lines, FM/TO lines, date-time groups, CIA "CITE"), e-mail headers (State FOIA productions are typed
"other"), dispatch forms, MEMORANDUM heads, report cover pages, salutations of letters, and FRUS
despatches ("Sir:" under an editorial head). A NARA RIF cover sheet is skipped: the document starts
after it. The RIF's own DOCUMENT TYPE is only a weak hint (it is usually "PAPER, TEXTUAL DOCUMENT").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import data as data_files
from ..document import Document
from ..prefilter import AlternativesSearch, line_search, needles
from .base import Candidate

HEAD_CHARS = 3000
_RIF = re.compile(r"IDENTIFICATION\s{0,3}FORM|AGENCY\s{0,2}FILE\s{0,2}NUMBER", re.I)
_FOOTER = re.compile(r"[DB][a-z]{1,2}[A-Za-z1]{1,2}\s{0,2}[:;]\s{0,2}\d{6,9}[^\n]{0,12}")
# "File No. 861.51/264", "500.A15 a 1/457: Telegram", "690D.11241/28" (a letter after the class number)
_FRUS_HEAD = re.compile(
    r"(?m)^(?:File\s+No\.\s*)?\d{3}[A-Z]?\.[^\n]{1,60}/\d{1,6}[a-z]?(?::\s{0,2}Telegram)?\s*$"
)
_RIF_TYPE = re.compile(r"DOCUMENT\s{0,2}TYPE\s{0,2}:\s{0,3}(?P<v>[A-Z][A-Z ,.]{2,40})")


@lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[str, str, re.Pattern, float]], dict]:
    data = data_files.load("doctype")
    rules = []
    for r in data["rules"]:
        flags = 0
        flags |= re.M if "m" in r["flags"] else 0
        flags |= re.I if "i" in r["flags"] else 0
        rules.append((r["name"], r["type"], re.compile(r["regex"], flags), r["confidence"]))
    return rules, data


@lru_cache(maxsize=1)
def _searchers() -> dict[int, AlternativesSearch]:
    """Each rule's search, one alternative at a time (a rule's required words not in the head: no
    scan), by the id of the rule's pattern (they live as long as the process: hashing one would hash
    its whole compiled code)."""
    return {id(rx): AlternativesSearch(rx) for _, _, rx, _ in _rules()[0]}


@lru_cache(maxsize=1)
def _gated_parts() -> dict[int, list[tuple[re.Pattern, tuple[tuple[str, ...], ...], bool]]]:
    """Each rule's alternatives as `_searchers` searches them (all of the pattern when it is not cut),
    with the literals `could_match` tests before each (see `_rule_search`), by the id of the rule's
    pattern."""
    out = {}
    for key, searcher in _searchers().items():
        out[key] = [(part, *needles(part)) for part in searcher.parts or [searcher.pattern]]
    return out


def _rule_search(rx: re.Pattern, head: str, head_folded: str) -> re.Match | None:
    """`_searchers()[id(rx)].search(head, head_folded)`: the `could_match` test of each alternative done
    here, with its literals at hand (most alternatives fail it, and the calls down to it cost more than
    the test), the search of the few that pass it as before."""
    best = None
    for part, found, ci in _gated_parts()[id(rx)]:
        hay = head_folded if ci else head
        for alts in found:
            if len(alts) == 1:
                if alts[0] not in hay:
                    break
            elif not any(n in hay for n in alts):
                break
        else:
            m = line_search(part, head, 0, folded=head_folded)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
    return best


# the separator before a DocId footer's digits: `re` finds a leading ':' or ';' fast, where it tries
# `_FOOTER` ("[DB]" leads it) at every position of the text
_FOOTER_SEPARATORS = (re.compile(r":(?=\s{0,2}\d{6})"), re.compile(r";(?=\s{0,2}\d{6})"))


def _footer_search(text: str, pos: int) -> re.Match | None:
    """`_FOOTER.search(text, pos)`: a match starts 3 to 7 characters before its separator (the D, two to
    four letters, up to two spaces), so it is tried at those places only, leftmost first."""
    seps = [sep.start() for rx in _FOOTER_SEPARATORS for sep in rx.finditer(text, pos)]
    match = _FOOTER.match
    for start in sorted({s for c in seps for s in range(c - 7, c - 2)}):
        if start >= pos and (m := match(text, start)) is not None:
            return m
    return None


def _body_start(text: str, folded: str | None = None) -> int:
    """Offset where the document proper starts: after a RIF cover sheet's page, if there is one
    (`folded`: the folded text, if known: without the words of `_RIF` in its first 1,500 characters,
    there is no RIF there)."""
    if folded is not None and "identification" not in folded[:1500] and "agency" not in folded[:1500]:
        return 0
    m = _RIF.search(text, 0, 1500)
    if not m:
        return 0
    ff = text.find("\f", m.end())
    foot = _footer_search(text, m.end())
    ends = [x for x in (ff + 1 if ff >= 0 else -1, foot.end() if foot else -1) if x > 0]
    return min(ends) if ends else 0


def extract(doc: Document) -> Iterator[Candidate]:
    text = doc.text
    rules, data = _rules()
    base = _body_start(text, doc.folded)
    head = text[base : base + HEAD_CHARS]
    head_folded = doc.folded[base : base + HEAD_CHARS]  # same offsets as `head`
    # FRUS: the file line then the editorial head; a despatch opens "Sir:", a letter "My Dear ..."
    frus = _FRUS_HEAD.match(text, 0)
    if frus:
        for name, dtype, rx, conf in rules:
            if name in ("frus-telegram", "letter-salutation"):
                m = _rule_search(rx, head, head_folded)
                if m:
                    yield _cand(dtype, m.start() + base, m.end() + base, conf, name, text)
                    return
        # the editorial head (the line after the file line) names a memorandum's author, or a foreign
        # government's envoy or ministry: a note ("Excellency:", "Mr. Minister:"; "Sir:" to a foreign envoy)
        head_line = _frus_head_line(head, frus.end())
        m = re.match(data["frus_memorandum"]["regex"], head_line[1])
        if m:
            s = base + head_line[0] + m.start()
            conf = data["frus_memorandum"]["confidence"]
            yield _cand("memorandum", s, s + len(m.group(0)), conf, "frus-memorandum", text)
            return
        note = data["frus_note"]
        m = re.search(note["salutation"], head, re.M)
        party = re.search(note["foreign_party"], head_line[1])
        # a personal salutation ("My Dear Mr. Polk:") makes a letter, whoever the parties are
        if (m or party) and not re.search(note["unless"], head, re.M):
            s, e = (m.start(), m.end()) if m else (head_line[0] + party.start(), head_line[0] + party.end())
            yield _cand("note", base + s, base + e, note["confidence"], "frus-note", text)
            return
        m = re.search(data["frus_dispatch"]["regex"], head, re.M)
        if m:
            yield _cand(
                "dispatch",
                m.start() + base,
                m.end() + base,
                data["frus_dispatch"]["confidence"],
                "frus-despatch",
                text,
            )
        return
    for name, dtype, rx, conf in rules:
        m = _rule_search(rx, head, head_folded)
        if m:
            yield _cand(dtype, m.start() + base, m.end() + base, conf, name, text)
            return
    # the RIF's DOCUMENT TYPE when it names a type (not "PAPER, TEXTUAL DOCUMENT")
    if base:
        m = _RIF_TYPE.search(text, 0, base)
        if m:
            word = m["v"].split(",")[0].strip().upper()
            dtype = data["rif_document_type"].get(word)
            if dtype:
                yield _cand(dtype, m.start("v"), m.start("v") + len(word), 0.6, "rif-document-type", text)


def _frus_head_line(head: str, pos: int) -> tuple[int, str]:
    """(offset, text) of the first non-empty line after `pos` (the FRUS file line's end)."""
    m = re.compile(r"[^\S\n]*\n\s*(?P<l>[^\n]+)").match(head, pos)
    return (m.start("l"), m.group("l")) if m else (pos, "")


def _cand(dtype: str, start: int, end: int, conf: float, name: str, text: str) -> Candidate:
    raw = text[start:end]
    # keep the evidence tight: no surrounding whitespace
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    return Candidate("document_type", dtype, start + lead, end - trail, conf, f"rule:doctype-{name}")
