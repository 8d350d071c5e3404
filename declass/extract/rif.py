"""Extractor: the NARA "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM" (RIF) cover sheet.

The RIF describes the record that follows it (GUIDELINE: its FROM, TO, TITLE, DATE, CLASSIFICATION
and DATE OF LAST REVIEW are evidence for the document, below the document's own header). OCR prints
the form in two layouts, often mixed on one page:

- inline: ``FROM : LEG. LO`` (label and value on one line, or the value on the next line);
- labels-then-values (Apple Vision, some Tesseract): a block of labels, then their values in the same
  order (``DATE:\\nPAGES:\\nSUBJECTS\\n10/27/1967\\n22``).

Both are read by one pass over the form's lines that keeps a queue of labels still waiting for a
value. A value of a distinctive shape (a date, a page count, a classification word or code, a status
word, a review date) goes to the first waiting label that takes that shape; free-text values (names,
titles) are held until such an anchor or the next label, and given out only when their number fits
the waiting free-text labels. Forms whose labels come out of order are read from inline values only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .. import data as data_files
from ..dates import parse_date, resolve_year
from ..document import Document
from ..prefilter import _top_level_alternatives, could_match, fold, needles
from .base import Candidate

METHOD = "rule:rif"
# how far into a document the form may start, and how long it may be
SEARCH_CHARS = 15000
MAX_FORM_LINES = 200
TAIL_LINES = 45  # lines after the last label that may still hold values (Tesseract double-spaces)

CONF_INLINE = 0.85  # "FROM : X" on one line
CONF_NEXT = 0.83  # label alone, its value on the next line
CONF_BLOCK = 0.78  # labels-then-values, counts agree
CONF_LOOSE = 0.7  # extra lines joined to the last label of a block

FREE_LABELS = {
    "agency",
    "record_series",
    "agency_file_number",
    "originator",
    "from",
    "to",
    "title",
    "subjects",
    "document_type",
    "comments",
}
# shapes too easily produced by OCR debris to skip waiting labels on their account
WEAK_SHAPES = {"restr", "opening", "doctype", "status"}
MULTILINE = {"title", "subjects", "comments", "record_series", "restrictions", "opening_criteria"}


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = data_files.load("rif")
    codes = data_files.load("classification")["rif_codes"]  # the form's S/T/C/U codes -> levels
    # the value follows a separator, or (numbers only: "DATE OF LAST REVIEW 06/04/93") just spaces
    # ("!" is a colon in the damaged "FRO! TAYLOR, GARY.")
    sep = r"[ \t]{0,4}(?:(?:[:;•=—|.!]|(?<=[ \t])(?=\d))[ \t]{0,4}(?P<rest>.*)|$)"
    labels = [(name, re.compile(rf"(?:{pat}){sep}")) for name, pat in raw["labels"]]
    # all labels in one pattern, tried in the same order (the first alternative that matches wins, as
    # the first label of the list did): one match call per line instead of one per label
    any_label = re.compile(
        "|".join(
            f"(?P<L{i}>(?:{pat}){sep.replace('(?P<rest>', f'(?P<r{i}>')})"
            for i, (_name, pat) in enumerate(raw["labels"])
        )
    )
    return {
        "labels": labels,
        "any_label": any_label,
        "label_names": [name for name, _ in raw["labels"]],
        "trailing_label": re.compile(
            r"^(?P<value>.{1,60}?)\s{1,4}(?P<label>"
            + "|".join(p for n, p in raw["labels"] if n not in ("print_date", "to", "date"))
            + r")[ \t]{0,3}:\s*$"
        ),
        "strong": set(raw["strong_labels"]),
        "order": {name: i for i, name in enumerate(raw["canonical_order"])},
        "form_order": {name: i for i, name in enumerate(raw["form_order"])},
        # the codes and the levels, from the classification vocabulary
        "class_codes": codes,
        "class_levels": set(data_files.load("classification")["levels"]),
        # a level the codes stand for, or a letter code ("5", a misread S, only where a code is expected)
        "class_re": re.compile(
            r"^(?P<c>"
            + "|".join(sorted({w.replace(" ", r"\s?") for w in codes.values()}, key=lambda w: (-len(w), w)))
            + "|["
            + "".join(c for c in codes if c.isalpha())
            + r"])(?:\s{1,3}[A-Z]{1,4})?\s{0,3}[.,]?$",
            re.IGNORECASE,
        ),
        "status_re": re.compile(rf"^(?:{raw['status_words']})\b", re.IGNORECASE),
        "doctype_re": re.compile(rf"^(?:{raw['doctype_words']})\b", re.IGNORECASE),
        "doctypes": raw["document_types"],
        "opening_re": re.compile(rf"^(?:{raw['opening_words']})\b", re.IGNORECASE),
        "restr_re": re.compile(rf"^{raw['restriction_pattern']}", re.IGNORECASE),
        "noise_re": re.compile(raw["noise"]),
        "blank_re": re.compile(raw["blank_values"]),
    }


# OCR debris before a label: punctuation, or a lowercase scrap ("oe CLASSIFICATION : U")
# margin debris before a label: "i DATE:", "Hy FROM: SAC, WMFO", "Hl RECORD NUMBER :"
LEAD_JUNK = re.compile(r"^(?:(?:[a-z]{1,3}|[A-Z][a-z]{1,2})\.?\s{1,3})?[^A-Za-zТО\[(]{0,4}")
# a value of a fixed shape with OCR debris after it ("09/30/63 *We", "Secret NEW")
SHAPED_PREFIX = re.compile(r"^(?:[0-9O]{1,2}/[0-9O]{1,2}/[0-9O]{2,4}|\d{3}-\d{5}-\d{5})(?=\s)")
VALUE_LEAD = re.compile(r"^[\s:;•=—|©°'\"_.,-]{0,6}")
VALUE_TAIL = re.compile(r"[\s:;•=—|©°'\"_-]{0,6}$")
_TAIL_CHARS = frozenset(":;•=—|©°'\"_-")  # `VALUE_TAIL`'s characters besides whitespace
DATE_RE = re.compile(r"^(?P<m>[0-9O]{1,2})/(?P<d>[0-9O]{1,2})/(?P<y>[0-9O]{1,4})$")
INT_RE = re.compile(r"^[0-9]{1,5}$")
RECNUM_RE = re.compile(r"^\d{3}-\d{5}-\d{5}\.?$")
_ALNUM = re.compile(r"[A-Za-z0-9]")


@dataclass
class Slot:
    """A label of the form and the value lines given to it."""

    name: str
    line: int  # index in the token list
    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, text)
    confidence: float = 0.0
    done: bool = False


@dataclass
class Value:
    start: int
    end: int
    text: str
    shape: str
    after_label: bool  # directly under a label line with no value
    under: Slot | None = None  # that label


def _shape(text: str) -> str:
    d = _data()
    t = text.strip()
    if DATE_RE.match(t):
        return "date"
    if INT_RE.match(t):
        return "int"
    if RECNUM_RE.match(t):
        return "recnum"
    if d["class_re"].match(t):
        return "class"
    if d["status_re"].match(t) and len(t) <= 60:
        return "status"
    if d["opening_re"].match(t):
        return "opening"
    if d["restr_re"].match(t) and len(t) <= 40:
        return "restr"
    if d["doctype_re"].match(t):
        return "doctype"
    return "free"


ACCEPTS = {
    "print_date": {"date"},
    "record_number": {"recnum"},
    "date": {"date"},
    "pages": {"int"},
    "review_date": {"date"},
    "update_date": {"date"},
    "classification": {"class"},
    "new_classification": {"class"},
    "current_status": {"status"},
    "restrictions": {"restr", "int"},
    "opening_criteria": {"opening"},
    "document_type": {"doctype", "free"},
}


def _accepts(label: str, shape: str) -> bool:
    if label in ACCEPTS:
        return shape in ACCEPTS[label]
    return (
        shape in ("free", "doctype", "status", "opening")
        if label in ("title", "subjects", "comments")
        else shape == "free"
    )


def _match_label(text: str) -> tuple[str, int, str] | None:
    """(label, offset of the value in `text`, value) when `text` starts with a RIF label."""
    m0 = LEAD_JUNK.match(text)
    lead = m0.end() if m0 else 0
    d = _data()
    m = d["any_label"].match(text, lead)
    if m is None:
        return None
    i = int(m.lastgroup[1:])
    rest = m.group(f"r{i}")
    if rest is None:
        return d["label_names"][i], len(text), ""
    return d["label_names"][i], m.start(f"r{i}"), rest


def _trim(text: str, start: int) -> tuple[int, int, str]:
    """Strip separators and OCR debris from both ends; offsets follow."""
    m = VALUE_LEAD.match(text)
    a = m.end() if m else 0
    if text.endswith("\n"):  # (`$` also matches before a last newline: the pattern's own search)
        m2 = VALUE_TAIL.search(text, a)
        b = m2.start() if m2 else len(text)
    else:
        # where `VALUE_TAIL.search(text, a)` starts: the leftmost place from `a` on whose rest is at most 6
        # of its characters (`re` tries each place in turn, and each fails)
        n = b = len(text)
        while b > a and n - b < 6 and (text[b - 1] in _TAIL_CHARS or text[b - 1].isspace()):
            b -= 1
    return start + a, start + b, text[a:b]


@lru_cache(maxsize=1)
def _strong_words() -> tuple[str, ...]:
    """Words of which every strong label's match holds one (from its first required literal)."""
    d = _data()
    words: set[str] = set()
    for name, rx in d["labels"]:
        if name in d["strong"]:
            required, _ = needles(rx)
            if not required:
                raise ValueError(f"RIF label {name} has no required word")  # pragma: no cover
            words.update(required[0])
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _strong_labels() -> tuple[re.Pattern, ...]:
    d = _data()
    return tuple(rx for name, rx in d["labels"] if name in d["strong"])


def _lines_with(doc: Document, words: tuple[str, ...], bound: int) -> list[int]:
    """`doc.lines_with(words)` of the lines that end before `bound` (a line end: the text after it is
    not searched)."""
    text = doc.text
    found: set[int] = set()
    for word in words:
        i = text.find(word, 0, bound)
        while i >= 0:
            found.add(doc.line_at(i).number)
            i = text.find(word, i + 1, bound)
    return sorted(found)


_AGENCY_LABELS = {"record_number", "record_series", "agency_file_number"}


# the form's page footer ("NW 50953 DocId:32337761 Page 1", "Page 1")
_FOOTER = re.compile(r"Page\s{0,3}[1IiLl]\.?\s*$|Doc\s?[Il1]d\S{0,14}\s{0,3}Page")


def _is_footer(text: str) -> bool:
    # (both alternatives hold "Page": the pattern runs only on the few lines that do)
    return "Page" in text and _FOOTER.search(text) is not None


def _find_form(doc: Document) -> tuple[int, int] | None:
    """Line index range [first, last) of the RIF, or None when the text has no RIF near its start."""
    text = doc.text
    # only lines starting within SEARCH_CHARS are read: their text ends before `bound`
    bound = doc.line_at(SEARCH_CHARS).end if len(text) > SEARCH_CHARS else len(text)
    head = text[:bound] if bound < len(text) else text
    # a form shows three strong labels: when the text lacks the words of three, there is none (the
    # test stops as soon as three are there, or too few are left to make three)
    strong_labels = _strong_labels()
    found = 0
    for k, rx in enumerate(strong_labels):
        found += could_match(rx, head)
        if found >= 3 or found + len(strong_labels) - k - 1 < 3:
            break
    if found < 3:
        return None
    lines = doc.lines
    strong: list[int] = []
    names: set[str] = set()
    first = None
    # only a line holding a word of a strong label can match one: the others change nothing below
    for n in _lines_with(doc, _strong_words(), bound):
        ln = lines[n]
        hit = _match_label(ln.text.strip())
        if hit and hit[0] in _data()["strong"]:
            if first is not None and ln.number - strong[-1] > 40:
                # an ARRB "Final Determination Notification" above the form repeats only the form's
                # agency labels (AGENCY, RECORD NUMBER, RECORD SERIES, AGENCY FILE NUMBER): no form
                if len(names) >= 3 and not names <= _AGENCY_LABELS:
                    break
                strong, names, first = [], set(), None
            if first is None:
                first = ln.number
            strong.append(ln.number)
            names.add(hit[0])
    if first is None or len(names) < 3:
        return None
    first_line = lines[first]
    if doc.page_count > 1:
        page_start, page_end = doc.page_span(first_line.page)
        start = next(ln.number for ln in lines if ln.start >= page_start)
        end = next((ln.number for ln in lines if ln.start >= page_end), len(lines))
        return start, min(end, start + MAX_FORM_LINES)
    # no page breaks: from a little above the first label to the form's footer
    start = first
    while start > 0 and first - start < 12 and not _is_footer(lines[start - 1].text):
        start -= 1
    # the form ends at its page footer ("NW 50953 DocId:32337761 Page 1"), or 25 lines after its last label
    last_label = strong[-1]
    end = min(len(lines), last_label + TAIL_LINES)
    for ln in lines[strong[-1] : min(len(lines), strong[-1] + 60)]:
        if _is_footer(ln.text):
            end = ln.number + 1
            break
        if ln.number >= end:
            break
        if _match_label(ln.text.strip()):
            end = min(len(lines), ln.number + TAIL_LINES)
    return start, min(end, start + MAX_FORM_LINES)


class _Reader:
    """One pass over the form's lines: label queue, free-text buffer, shape anchors."""

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self.pending: list[Slot] = []
        self.buffer: list[Value] = []
        self.last_filled: Slot | None = None
        self.seen_order: list[str] = []

    # -- assignment helpers
    def _give(self, slot: Slot, value: Value, conf: float) -> None:
        slot.parts.append((value.start, value.end, value.text))
        slot.confidence = conf if not slot.confidence else min(slot.confidence, conf)
        slot.done = True
        if slot in self.pending:
            self.pending.remove(slot)
        self.last_filled = slot

    def _resolve(self, run: list[Slot]) -> None:
        """Give the buffered free-text values to the waiting free-text labels `run` (in order)."""
        values, self.buffer = self.buffer, []
        for s in run:
            if s in self.pending:
                self.pending.remove(s)
        if not values or not run:
            if values and self.last_filled and self.last_filled.name in MULTILINE:
                for v in values:
                    self._give(self.last_filled, v, min(self.last_filled.confidence, CONF_LOOSE))
            return
        if len(values) == len(run):
            for s, v in zip(run, values, strict=True):
                conf = CONF_NEXT if (len(run) == 1 and v.after_label) else CONF_BLOCK
                self._give(s, v, conf)
            return
        if len(values) > len(run) and run[-1].name in MULTILINE:
            for s, v in zip(run[:-1], values, strict=False):
                self._give(s, v, CONF_BLOCK)
            for v in values[len(run) - 1 :]:
                self._give(run[-1], v, CONF_LOOSE if len(run) > 1 else CONF_NEXT)
            return
        if len(values) == 1 and values[0].after_label and values[0].under is run[-1]:
            # "TITLE :\nCHRONOLOGY OF ...\nDATE : 00/00/76": the lone value sits under its label
            self._give(run[-1], values[0], CONF_LOOSE)
            for s in run[:-1]:
                s.done = True
            return
        names = [r.name for r in run]
        if len(values) == len(run) - 1 and names[-1] == "title" and "originator" in names:
            # ORIGINATOR (and the labels above it) are always filled in; one value short is the blank
            # TITLE of FBI forms
            for s, v in zip(run, values, strict=False):
                self._give(s, v, CONF_LOOSE)
            run[-1].done = True
            return
        if len(run) == 1 and len(values) > 1:
            # one label, several lines: the first is the value, the rest a wrapped continuation
            for v in values:
                self._give(run[0], v, CONF_LOOSE)
            return
        # fewer values than labels (some were blank) or unexplained extras: which is which is a guess
        for s in run:
            s.done = True

    # -- events
    def label(self, name: str, line: int) -> Slot:
        slot = Slot(name, line)
        self.slots.append(slot)
        if name in _data()["order"]:
            self.seen_order.append(name)
        return slot

    def bare_label(self, name: str, line: int) -> Slot:
        if self.buffer:
            self._resolve([s for s in self.pending if s.name in FREE_LABELS or _accepts(s.name, "free")])
        slot = self.label(name, line)
        self.pending.append(slot)
        return slot

    def inline_label(self, name: str, line: int, value: Value) -> None:
        order = _data()["form_order"]
        if self.buffer:
            self._resolve([s for s in self.pending if _accepts(s.name, "free")])
        slot = self.label(name, line)
        if name in order:
            # waiting labels that come before this one on the form were left blank
            for s in list(self.pending):
                if s.name in order and order[s.name] < order[name]:
                    self.pending.remove(s)
                    s.done = True
        if _accepts(name, value.shape) or (name in FREE_LABELS and value.shape != "date"):
            self._give(slot, value, CONF_INLINE)
        else:
            slot.done = True

    def colon_value(self, slot: Slot, value: Value) -> None:
        if slot in self.pending and (_accepts(slot.name, value.shape) or slot.name in FREE_LABELS):
            self._give(slot, value, CONF_INLINE)

    def value(self, value: Value) -> None:
        if value.shape == "free" or (value.shape == "doctype" and not self._anchor(value)):
            if self.pending and _accepts(self.pending[0].name, "free"):
                self.buffer.append(value)
            elif not self.pending and self.last_filled and self.last_filled.name in MULTILINE:
                self._give(self.last_filled, value, self.last_filled.confidence)
            elif self.pending and any(_accepts(s.name, "free") for s in self.pending):
                self.buffer.append(value)
            return
        target = self._anchor(value)
        if value.under is not None and value.under.name == "print_date" and value.under in self.pending:
            # the form's header "Date:" with its value on the next line ("Date:\n4/28/201"), after a
            # block of labels still waiting for theirs: the print date, not the document's DATE
            target = value.under if _accepts("print_date", value.shape) else target
        if target is not None and value.shape in WEAK_SHAPES and target is not self._first_constrained():
            target = None  # a weak shape does not justify skipping labels: maybe OCR debris
        if target is None:
            if self.pending and any(_accepts(s.name, "free") for s in self.pending):
                self.buffer.append(value)
            return
        if target.name == "print_date":
            self._give(target, value, CONF_BLOCK)
            return
        i = self.pending.index(target)
        before = [s for s in self.pending[:i] if s.name != "print_date"]
        self._resolve([s for s in before if _accepts(s.name, "free")])
        for s in before:
            if s in self.pending:
                self.pending.remove(s)
                s.done = True
        conf = CONF_NEXT if value.after_label and i == 0 else CONF_BLOCK
        self._give(target, value, conf)

    def _first_constrained(self) -> Slot | None:
        return next((s for s in self.pending if s.name in ACCEPTS and s.name != "print_date"), None)

    def _anchor(self, value: Value) -> Slot | None:
        for s in self.pending:
            if s.name in ACCEPTS and value.shape in ACCEPTS[s.name] and value.shape != "free":
                return s
        return None

    def finish(self) -> None:
        if self.buffer:
            self._resolve([s for s in self.pending if _accepts(s.name, "free")])

    def scrambled(self) -> bool:
        order = _data()["order"]
        ranks = [order[n] for n in self.seen_order]
        # Apple Vision swaps neighbouring labels (CLASSIFICATION / DOCUMENT TYPE): tolerated
        return any(b < a - 1 for a, b in zip(ranks, ranks[1:], strict=False))


def _read(doc: Document, first: int, last: int) -> _Reader:
    d = _data()
    reader = _Reader()
    after_label: Slot | None = None
    for ln in doc.lines[first:last]:
        raw = ln.text
        text = raw.strip()
        if not text:
            continue
        offset = ln.start + (len(raw) - len(raw.lstrip()))
        hit = _match_label(text)
        if hit:
            name, at, rest = hit
            if name == "classification" and any(s.name == name for s in reader.slots):
                # the form has ORIGINAL and NEW CLASSIFICATION boxes; OCR splits the second one's label
                # ("Secret NEW" / "CLASSIFICATION:"), so a second CLASSIFICATION label is the NEW one
                name = "new_classification"
            s, e, v = _trim(rest, offset + at)
            cut = SHAPED_PREFIX.match(v)
            if cut:
                e, v = s + cut.end(), v[: cut.end()]
            if v and not d["blank_re"].match(v) and not _is_noise(v):
                reader.inline_label(name, ln.number, Value(s, e, v, _shape(v), False))
                after_label = None
            elif v and d["blank_re"].match(v):
                reader.inline_label(name, ln.number, Value(s, e, "", "blank", False))
                after_label = None
            else:
                after_label = reader.bare_label(name, ln.number)
            continue
        if _is_noise(text):
            continue
        if after_label is not None and text[0] in ":;":
            # "DATE OF LAST REVIEW" / ": 07/30/98": the value carries the colon its label lacks, so it
            # is that label's whatever the order of the form's labels
            s, e, v = _trim(text, offset)
            if v and not d["blank_re"].match(v):
                reader.colon_value(after_label, Value(s, e, v, _shape(v), True, after_label))
            after_label = None
            continue
        # (a trailing label ends the line with its colon: `text` is stripped)
        trailing = d["trailing_label"].match(text) if text[-1] == ":" else None
        s, e, v = _trim(trailing.group("value") if trailing else text, offset)
        cut = SHAPED_PREFIX.match(v)
        if cut:
            e, v = s + cut.end(), v[: cut.end()]
        if v and not d["blank_re"].match(v) and (len(_ALNUM.findall(v)) >= 2 or v in "STCUPX" or v.isdigit()):
            reader.value(Value(s, e, v, _shape(v), after_label is not None, after_label))
        if trailing:
            hit = _match_label(trailing.group("label") + ":")
            if hit:
                after_label = reader.bare_label(hit[0], ln.number)
                continue
        after_label = None
    reader.finish()
    return reader


_NoiseAlternative = tuple[re.Pattern, tuple[tuple[str, ...], ...]]  # (pattern, its other required literals)


@lru_cache(maxsize=1)
def _noise_parts() -> tuple[re.Pattern, dict[str, list[_NoiseAlternative]]] | None:
    """The noise pattern `(?i:A|B|...)` in parts for `_is_noise`: its alternatives anchored at the start in
    one pattern (matched at the start only), each other one alone, filed under the words of its first
    required literal (folded, as `prefilter.needles` gives them) with its other required literals. None
    when the pattern is not of that form, or an alternative has no required literal."""
    source = _data()["noise_re"].pattern
    wrapped = source.startswith("(?i:") and source.endswith(")")
    inner = _top_level_alternatives(source[4:-1]) if wrapped else None
    # (one piece: not an alternation, or the last parenthesis did not close "(?i:")
    if not inner or len(inner) < 2 or re.search(r"\\[1-9]|\(\?P=", source):
        return None
    anchored: list[str] = []
    by_word: dict[str, list[_NoiseAlternative]] = {}
    for alt in inner:
        if alt.startswith("^"):
            anchored.append(alt)
            continue
        rx = re.compile(alt, re.IGNORECASE)
        found, _ci = needles(rx)
        if not found:
            return None
        for word in found[0]:
            by_word.setdefault(word, []).append((rx, found[1:]))
    return re.compile("(?i:" + "|".join(anchored) + ")"), by_word


def _is_noise(text: str) -> bool:
    """`bool(noise_re.search(text))`, found one alternative at a time: the anchored ones matched at the
    start, each other one searched only when its required literals are in the folded text. (`re` tries
    the whole pattern, about 30 case-insensitive alternatives, at every place of the line.)"""
    parts = _noise_parts()
    if parts is None:
        return _data()["noise_re"].search(text) is not None
    anchored, by_word = parts
    if anchored.match(text):
        return True
    folded = fold(text)
    for word, alts in by_word.items():
        if word in folded:
            for rx, rest in alts:
                if all(any(n in folded for n in alt) for alt in rest) and rx.search(text):
                    return True
    return False


def _rif_date(text: str) -> str | None:
    """RIF dates: "00/00/76" => "1976", "00/12/63" => "1963-12", "6/30/1961" => "1961-06-30"."""
    m = DATE_RE.match(text.strip())
    if not m:
        return None
    year_s = m.group("y").replace("O", "0")
    if len(year_s) not in (2, 4):
        return None
    year = resolve_year(year_s)
    if year is None:
        return None
    month, day = int(m.group("m").replace("O", "0")), int(m.group("d").replace("O", "0"))
    if month == 0:
        return year
    if not 1 <= month <= 12:
        return None
    if day == 0:
        return f"{year}-{month:02d}"
    return parse_date(f"{month}/{day}/{year}")


def _classification(text: str) -> str | None:
    d = _data()
    m = d["class_re"].match(text.strip())
    if not m:
        return None
    c = re.sub(r"\s+", " ", m.group("c").upper())
    c = "TOP SECRET" if c == "TOPSECRET" else c
    return d["class_codes"].get(c) or (c if c in d["class_levels"] else None)


def _join(slot: Slot) -> tuple[int, int, str]:
    start = slot.parts[0][0]
    end = slot.parts[-1][1]
    text = " ".join(p[2] for p in slot.parts)
    return start, end, re.sub(r"\s+", " ", text).strip()


def extract(doc: Document) -> Iterator[Candidate]:
    form = _find_form(doc)
    if form is None:
        return
    reader = _read(doc, *form)
    scrambled = reader.scrambled()
    seen: set[str] = set()
    for slot in reader.slots:
        if not slot.parts or slot.name in seen:
            continue
        if scrambled and slot.confidence < CONF_INLINE:
            continue
        start, end, text = _join(slot)
        conf = slot.confidence
        if slot.name == "from":
            field_name, value = "sender", text
        elif slot.name == "to":
            field_name, value = "addressees", text
        elif slot.name == "title":
            field_name, value = "subject", text
        elif slot.name == "date":
            field_name, value = "document_date", _rif_date(text)
        elif slot.name == "review_date":
            field_name, value = "declassification.review_dates", _rif_date(text)
        elif slot.name == "classification":
            field_name, value = "classification.original", _classification(text)
        elif slot.name == "document_type":
            word = re.sub(r"\s+", " ", text.upper()).strip(" .")
            field_name, value = "document_type", _data()["doctypes"].get(word)
            conf = min(conf, 0.7)
        else:
            continue
        if not value or len(slot.parts) > 1 and slot.name in ("from", "to", "date", "review_date"):
            continue
        if slot.name in ("from", "to") and len(re.findall(r"[A-Za-z0-9]", value)) < 2:
            continue  # "FROM : N": a box cut to one letter names no party (an FBI office code has two)
        if slot.name == "title" and len(re.findall(r"[A-Za-z0-9]", value)) < 2:
            continue  # "TITLE: ‘": a box whose value OCR read as a mark or a stray letter names no subject
        seen.add(slot.name)
        yield Candidate(field_name, value, start, end, round(conf, 2), METHOD)
