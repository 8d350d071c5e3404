"""Extractor: labelled memo headers (TO / FROM / THROUGH / INFO / SUBJECT / DATE and a memo dateline).

Reads only the header zone: the top of the document, or the page after a NARA RIF cover sheet (the
RIF helper reads the form itself). A label's value is on the same line ("SUBJECT: Alliance Missiles")
or, when the label stands alone, on the next non-empty line (Apple Vision OCR). When labels are
stacked one under another with their values printed later as a column, the column is read only when
its value groups match the labels one to one (`_label_block`); otherwise label-alone lines are skipped.
A CIA DISPATCH form whose boxes OCR printed as a column is read by position (`_dispatch`).

Telegrams (FM/TO lines, DTG), FRUS heads and e-mail header blocks are other extractors' work: this
one emits nothing for those layouts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from .. import data as data_files
from .. import prefilter
from ..dates import WEEKDAY_PREFIX, cited, find_dates
from ..document import Document, Line
from .base import Candidate

METHOD = "rule:memo-header"
ZONE_CHARS = 3500
ZONE_REACH = 4000  # how far past the zone's ends its first and last lines may run
MAX_VALUE = 160
FIRST_LABEL_CHARS = 2200  # the header's first label sits this near the top of its zone


@cache
def _data() -> dict:
    return data_files.load("header_labels")


def _alt(spellings: list[str]) -> str:
    parts = sorted({s for s in spellings}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s{1,3}") for p in parts)


@cache
def _patterns() -> tuple[re.Pattern, dict[str, str], set[str]]:
    data = _data()
    canon: dict[str, str] = {}
    damaged: set[str] = set()
    spellings: list[str] = []
    for key, words in data["labels"].items():
        for w in words:
            canon[_norm_label(w)] = key
            spellings.append(w)
    for key, words in data["damaged"].items():
        for w in words:
            canon[_norm_label(w)] = key
            damaged.add(_norm_label(w))
            spellings.append(w)
    return re.compile(_label_source(spellings), re.IGNORECASE), canon, damaged


def _label_source(spellings: list[str]) -> str:
    return (
        r"^[ \t>*#|_.\-]{0,6}(?P<label>" + _alt(spellings) + r")(?P<plural>\s?\(\s?[Ss]\s?\))?"
        r"(?P<sep>\s{0,3}(?:[-–~]\s{0,2})?[:;]|\s{0,2}[,=+]\s{0,2}[:;]?(?=\s)|\.(?=\s|$)|\s{2,}|\t|\s(?=\s*$)|$"
        r"|\s(?=\S))"
        r"[ \t]{0,40}(?P<value>.{0,400})$"
    )


@cache
def _lower_label_re() -> re.Pattern:
    """The label pattern in lower case, without IGNORECASE: on an ASCII line's lower-case copy it
    matches exactly where the label pattern matches the line (the pattern's only cased characters are
    its labels' letters and "[Ss]"), and re runs it several times faster: an alternative is skipped by
    its first letter only in a case-sensitive pattern. Most lines hold no label."""
    d = _data()
    spellings = [w.lower() for part in ("labels", "damaged") for words in d[part].values() for w in words]
    return re.compile(_label_source(spellings))


_SPACES = re.compile(r"\s+")
# (the patterns of the small helpers called on every label, token and value: compiled once here, as
# a re.sub(str, ...) call looks its pattern up in re's cache each time)
_NOT_LETTERS = re.compile(r"[^A-Za-z]")
_SUBJECT_COLUMN_GAP = re.compile(r"\s{4,}|\t")
_TOKEN_SEPARATORS = re.compile(r"[-/.&'_#()]")


def _norm_label(s: str) -> str:
    return _SPACES.sub(" ", s.strip().upper())


@cache
def _stop_re() -> re.Pattern:
    return re.compile(r"\b(?:" + _alt(_data()["stop_words"]) + r")\b", re.IGNORECASE)


@cache
def _precedence_re() -> re.Pattern:
    alt = _alt(_data()["precedence"])
    return re.compile(r"(?:^|\s)(?:" + alt + r")\b(?:\s{1,3}[0-9]{1,7})?\s*$|^(?:" + alt + r")\s{1,3}")


@cache
def _rif_re() -> tuple[re.Pattern, re.Pattern]:
    d = _data()
    return (
        re.compile(_alt(d["rif_markers"]), re.IGNORECASE),
        re.compile(r"^\s{0,4}(?:" + _alt(d["rif_end"]) + r")\b", re.IGNORECASE),
    )


EMAIL_BLOCK = re.compile(r"^[ \t]{0,40}From:[^\n]{0,300}\n[ \t]{0,40}(?:Sent|To|Date):", re.MULTILINE)
# a telegram: its FM line or its date-time group (`_telegram`)
TELEGRAM_FROM = re.compile(
    r"^\s{0,6}(?:FM|FROM)\s{1,3}(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL)\b", re.MULTILINE
)
TELEGRAM_DTG = re.compile(r"\b[0-3]\d[0-2]\d[0-5]\dZ\s{0,2}[A-Z]{3}\b")
CIA_CABLE = re.compile(
    r"^\s{0,6}(?:CONF|FRP|CABLE SEC DISSEM|DISSEM BY|ACTION UNIT|ACTION #|IN\s\d{5})\s{0,2}[:.]", re.MULTILINE
)
FRUS_HEAD = re.compile(
    r"^[^\n]{0,80}:\s(?:Telegram|Despatch|Dispatch|Letter|Memorandum|Note)\s*\n", re.IGNORECASE
)
BANNER_DATE = re.compile(
    r"(?:Case|Doc)\s?No\.|Case\s?#|Released under|Collection Act|USC 2107|\bNW\s?\d", re.IGNORECASE
)
PORTION_MARK = re.compile(r"^\((?:U|C|S|TS|[A-Z]{1,4}(?:/{1,2}[A-Z]{1,8}){1,4})\)\s{0,3}")
TRAILING_PORTION_MARK = re.compile(r"\s\((?:U|C|S|TS|[A-Z]{1,2}(?:/{1,2}[A-Z]{1,8}){1,3})\)$")


@cache
def _banner_res() -> tuple[re.Pattern, re.Pattern]:
    d = _data()["banner_words"]
    words = "|".join(re.escape(w) for w in d["words"])
    compacted = [re.escape(w) for w in d["compacted"]]
    compacted += [re.escape(w) + "[A-Z]?" for w in d["compacted_glued"]]
    return re.compile(rf"\b(?:{words})[A-Z]?\b"), re.compile("|".join(compacted))


def _banner(v: str) -> bool:
    """A classification banner, also spaced or hyphenated (S-E-C-R-E-T) or glued (SECRETI)."""
    word, compacted = _banner_res()
    return bool(word.search(v.upper()) or compacted.fullmatch(_NOT_LETTERS.sub("", v).upper()))


TRAILING_REF = re.compile(r"(?:[\s:]{0,3}\((?:[^()]{0,20}\d[^()]{0,20}|[A-Z])\))+[\s:]*$")
CHECKS = re.compile(r"[✓✔√✗*|]+")
# the DATE DISTR box of a CIA information report, as Tesseract reads it ("DATE DISTR.’", "OaTE OstTR,")
INFO_REPORT_DATE_BOX = re.compile(r"\s" + _data()["date_distr_misread"]["regex"])
# the "RETURN TO CIA / Background Use Only / Do Not Reproduce" stamp of CIA records, read into the line it
# overprints: "MEMORANDUM FOR: Acting Deputy Director for Operations RETURN TO CIA"
CIA_RETURN_STAMP = re.compile(r"\s(?:RETURN\s?TO\s+CIA|Background\s+Use\s+Only|Do\s+Not\s+Reproduce)\b.*$")
# the report form's boxes below the subject, and the "RETURN TO CIA" stamp printed over them
INFO_REPORT_BOXES = re.compile(
    r"^\W{0,3}(?:\w{1,3}\s)?(?:NO[.,]?\s{0,2}PAGES|REFERENCES|RETURN\s?TO\s+CIA|Background\s+Use"
    r"|Do\s+Not\s+Reproduce|DATE\s+OF\s+INFO|PLACE|FIELD\s+REPORT)",
    re.IGNORECASE,
)
# an FBI office's case file number and what follows it (a second file number, the case status, debris):
# "SAC, KANSAS CITY (82-659) (Pp)", "Legat, Bern (62-43) (RUC)", "DIRECTOR, FBI &105-117222)" (the
# parenthesis read as "&"), "ATLANTA 139-NEW P" (the teletype's parentheses lost)
FBI_FILE_TAIL = re.compile(r"\s(?:[(&]\d{1,3}-[\dA-Z]|\d{1,3}-NEW\b).*$")
MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


def _zone_start(doc: Document) -> int:
    """Offset where the document's own header zone begins: after a RIF cover sheet and after a
    routing sheet page in front of the memo (their FROM/TO boxes are not the memo's header)."""
    start = _after_rif(doc)
    if start >= len(doc.text) or len(doc.page_offsets) < 2:
        return start
    # a routing sheet on the first page (or the second, after a short stamp page) goes too
    page = doc.page_at(start)
    for p in (page, page + 1):
        if p - doc.first_page >= len(doc.page_offsets):
            break
        p_start, p_end = doc.page_span(p)
        p_start = max(p_start, start)
        if p_end < len(doc.text) and _form_page(doc, p_start, min(p_end, p_start + 3000)):
            return p_end
        if p_end - p_start > 600:
            break
    return start


@cache
def _ignored_labels() -> tuple[str, ...]:
    return tuple(w.upper() for w in _data()["labels"]["ignored"] if len(w) > 6)


def _form_label_start(text: str) -> bool:
    """A form box label glued to OCR junk ("OFFICE OF ORIGINI") is still a label, not a value."""
    return text.strip().upper().startswith(_ignored_labels())


@cache
def _join_words() -> frozenset[str]:
    return frozenset(_data()["addressee_join_words"])


@cache
def _form_page_re() -> re.Pattern:
    return re.compile(_alt(_data()["form_pages"]), re.IGNORECASE)


def _form_page(doc: Document, start: int, end: int) -> bool:
    """A routing or transmittal form's title in text[start:end] (sought only where its words are)."""
    pattern = _form_page_re()
    return _may_find(doc, pattern, start, end) and pattern.search(doc.text[start:end]) is not None


def _may_find(doc: Document, pattern: re.Pattern, start: int, end: int) -> bool:
    """False only when `pattern` surely finds nothing in text[start:end]: `prefilter.could_match` of that
    slice, its literals sought between start and end of the text (or the folded text, which has the
    same offsets) instead of in a copy."""
    found, ci = prefilter.needles(pattern)
    hay = doc.folded if ci else doc.text
    return all(any(hay.find(n, start, end) >= 0 for n in alts) for alts in found)


def _telegram(doc: Document, start: int, end: int) -> bool:
    """A telegram's FM line or date-time group in text[start:end]. The DTG's "Z" stands 6 characters
    into it: the DTG pattern is tried only there (a scan of the zone for it costs 10x more); the FM
    line only where a post's name is in the zone."""
    text = doc.text
    zone = None
    z = text.find("Z", start + 6, end)
    while z >= 0:
        zone = text[start:end] if zone is None else zone
        if TELEGRAM_DTG.match(zone, z - 6 - start):
            return True
        z = text.find("Z", z + 1, end)
    return _may_find(doc, TELEGRAM_FROM, start, end) and TELEGRAM_FROM.search(text[start:end]) is not None


RIF_PAGE_ONE = re.compile(r"Page\s{0,2}[:.]?\s{0,2}[1Ii]\b", re.IGNORECASE)


def _after_rif(doc: Document) -> int:
    text, folded = doc.text, doc.folded
    markers_re, end_label = _rif_folded_res()
    # two markers in the first 2,500 characters: stop at the second (a cover sheet has them at its top)
    if not _two_markers(folded, markers_re):
        return 0
    if len(doc.page_offsets) > 1 and doc.page_offsets[1] < 12000:
        return doc.page_offsets[1]
    # no page breaks: the form ends at its last field label; the stamp "... Page 1" follows
    last_end = _last_end_label(doc, end_label, _zone_bounds(text, 0, min(len(text), 8000))[1])
    if not last_end:
        return len(text)  # a RIF we cannot delimit: do not guess
    m = prefilter.search(RIF_PAGE_ONE, text, last_end, last_end + 3000, folded=folded)
    return m.end() if m else last_end


def _last_end_label(doc: Document, end_label: re.Pattern, zone_end: int) -> int:
    """The end of the last line of text[:zone_end] that `end_label` matches (0 if none). A label
    starts with its first word, at most 4 spaces into its line: lines are tried only where such a
    word stands, from the last one back."""
    text, folded = doc.text, doc.folded
    places: list[int] = []
    for word in _end_first_words():
        i = folded.find(word, 0, zone_end)
        while i >= 0:
            places.append(i)
            i = folded.find(word, i + 1, zone_end)
    for i in sorted(places, reverse=True):
        ls = max(text.rfind("\n", 0, i), text.rfind("\f", 0, i)) + 1
        if i - ls > 4:
            continue
        nl, ff = text.find("\n", i, zone_end), text.find("\f", i, zone_end)
        le = min(e for e in (nl, ff, zone_end) if e >= 0)
        if end_label.match(folded, ls, le):
            return le
    return 0


@cache
def _end_first_words() -> tuple[str, ...]:
    return tuple({w.split()[0].lower() for w in _data()["rif_end"]})


def _two_markers(folded: str, markers_re: re.Pattern) -> bool:
    """Whether `markers_re.finditer(folded, 0, 2500)` finds two markers. A marker starts with its first
    word: the pattern is tried only where one stands (`str.find` scans for a word many times faster
    than re tries the pattern at every position), in order, from the end of the marker before."""
    starts: set[int] = set()
    for word in _marker_first_words():
        i = folded.find(word, 0, 2500)
        while i >= 0:
            starts.add(i)
            i = folded.find(word, i + 1, 2500)
    found, end = 0, 0
    for i in sorted(starts):
        if i < end:
            continue
        m = markers_re.match(folded, i, 2500)
        if m is not None:
            found, end = found + 1, m.end()
            if found == 2:
                return True
    return False


@cache
def _marker_first_words() -> tuple[str, ...]:
    return tuple({w.split()[0].lower() for w in _data()["rif_markers"]})


def _folded_alt(spellings: list[str]) -> str:
    """`_alt(spellings)` for the folded text (`Document.folded`), to be matched without IGNORECASE: it
    matches there exactly where `_alt(spellings)` with IGNORECASE matches the text, with the same spans
    (IGNORECASE matches an ASCII letter to a character exactly where `prefilter.fold` maps that
    character to the letter in lower case), and re runs it several times faster (an alternative is
    skipped by its first letter only in a case-sensitive pattern). ASCII spellings only."""
    if not all(s.isascii() for s in spellings):
        raise ValueError("a folded alternation needs ASCII spellings")
    return _alt([s.lower() for s in spellings])


@cache
def _rif_folded_res() -> tuple[re.Pattern, re.Pattern]:
    """`_rif_re()` for the folded text: the markers, and the form's end labels to match from a line's
    start to its end (`match(folded, line.start, line.end)`, as `_rif_re()[1]` matches the line)."""
    d = _data()
    return (
        re.compile(_folded_alt(d["rif_markers"])),
        re.compile(r"\s{0,4}(?:" + _folded_alt(d["rif_end"]) + r")\b"),
    )


INLINE_LABEL = re.compile(r"\s[A-Za-z]{3,8}\s?:\s")
LABEL_LIKE = re.compile(r"^\s{0,6}[A-Z][A-Za-z .]{1,12}\s?:")


def _clean_party(value: str) -> str:
    v = INLINE_LABEL.split(value, maxsplit=1)[0]
    v = CHECKS.sub(" ", v)
    v = re.split(r"\s{3,}|\t", v.strip())[0]
    v = FBI_FILE_TAIL.sub("", v)
    v = CIA_RETURN_STAMP.sub("", v)
    v = _precedence_re().sub("", v).strip()
    v = TRAILING_REF.sub("", v).strip()
    v = v.strip(" ,;:-_~=/•.'\"")
    if value.rstrip().endswith(".") and re.search(r"\b[A-Z][a-z]{0,3}$|\b[A-Z]$", v):
        v += "."  # keep the period of an abbreviation ("Jr.", "Inc.")
    v = re.sub(r"\s{2,}", " ", v)
    return v


# a 1990s CIA cable's "FROM:" line holds its dissemination list, not its sender (the station follows TOT /
# STAFF): "FROM: LIMIT LA/MCGMXB", "FROM: LIMITED DISSEM CE/BOGYA INFO CE/BOGIS, CE/BOG, CED/CIC,"
CABLE_DISSEM = re.compile(r"LIMIT(?:ED\s{1,3}DISSEM)?\s{1,3}[A-Z]{1,8}/")


def _bad_party(v: str) -> bool:
    """Form boilerplate, banners and routing-box names are not parties."""
    if _letters(v) < 2 or len(v) > 90 or v.startswith("(") or _banner(v) or CABLE_DISSEM.match(v):
        return True
    form_values, long_form_values, not_parties = _party_vocab()
    upper = v.upper()
    if upper.startswith(form_values):
        return True
    # the same printed boxes misread by one letter ("NAME, ADORESS AND PHONE NO")
    if any(_within_one_edit(upper[: len(w)], w) for w in long_form_values):
        return True
    if not any(ch.isupper() for ch in v) and not re.fullmatch(r"\S*[@._]\S*", v):
        # names and offices are written in capitals or capitalised: "con", "4 de, as" are debris (an
        # address or a user name, "jake.sullivan", is not)
        return True
    return v.casefold() in not_parties


@cache
def _party_vocab() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The form values (all; those of 8 characters or more, read one letter off too) and the words
    that are no party (casefolded)."""
    d = _data()
    form_values = tuple(d["form_values"])
    return (
        form_values,
        tuple(w for w in form_values if len(w) >= 8),
        frozenset(w.casefold() for w in d["not_parties"]),
    )


# speckle OCR reads as letters after a subject: one lower-case letter or a doubled one ("... 17 Septaaber
# 1959 q", "... Howard Hunt e", "... 38984 a", "... S$ REK kk"); no title ends in one
OCR_SPECKLE_TAIL = re.compile(r"(?:\s(?:[a-z]|([a-z])\1))+$")


def _clean_subject(value: str) -> str:
    v = _SUBJECT_COLUMN_GAP.split(value.strip())[0]
    v = PORTION_MARK.sub("", v).strip()
    v = TRAILING_PORTION_MARK.sub("", v)  # "(HSCA) Request (U)", "Status of Lead (U)"
    v = re.sub(r"\s{2,}", " ", v).strip(" :;,_~=-—")
    if v.endswith(".") and not re.search(r"(?:\b\w{1,3}|\.\w)\.$", v):
        v = v[:-1].rstrip()
    return v


def _letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def _zone_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the whole lines holding text[start:end]."""
    # (a line is looked for at most ZONE_REACH characters away: text without newlines stays cheap)
    ls = text.rfind("\n", max(0, start - ZONE_REACH), start) + 1 or max(0, start - ZONE_REACH)
    ls = max(ls, text.rfind("\f", ls, start) + 1)
    le = text.find("\n", end, end + ZONE_REACH)
    le = min(len(text), end + ZONE_REACH) if le < 0 else le
    return ls, le


def _zone_lines(doc: Document, start: int, end: int) -> list[Line]:
    """Lines of text[start:end] (whole lines): the document's lines where it has built them, else
    built here for the zone alone (same lines, same numbers)."""
    text = doc.text
    ls, le = _zone_bounds(text, start, end)
    # the number of the line holding offset ls: the line breaks before it
    first = text.count("\n", 0, ls) + text.count("\f", 0, ls)
    built = doc.__dict__.get("lines")  # (Document.lines is a cached property: set once read)
    if built is not None and (ls == 0 or text[ls - 1] in "\n\f") and (le == len(text) or text[le] in "\n\f"):
        # whole lines at both ends: a slice of the document's lines
        return built[first : first + 1 + text.count("\n", ls, le) + text.count("\f", ls, le)]
    out: list[Line] = []
    append, new = out.append, tuple.__new__  # (a tuple built directly: 2x faster than Line(...))
    offsets = doc.page_offsets
    k = bisect.bisect_right(offsets, ls)  # offsets[:k] are <= the line start: page first_page + k - 1
    pos = ls
    for number, piece in enumerate(text[ls:le].replace("\f", "\n").split("\n"), first):
        while k < len(offsets) and offsets[k] <= pos:
            k += 1
        append(new(Line, (number, pos, pos + len(piece), piece, doc.first_page + k - 1)))
        pos += len(piece) + 1
    return out


# Apple Vision prints accented capitals for plain ones ("MEMORÄNDUM FOR®", "UNCLÄSSIFIED")
# and Cyrillic look-alikes ("то :" for "TO :"), one character for one, so offsets hold
_FOLD = str.maketrans(
    "ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÇÑ®АВЕКМНОРСТХаеорсухт",
    "AAAAAAEEEEIIIIOOOOOUUUUCN ABEKMHOPCTXaeopcyxT",
)
# a label-like word (or "MEMORANDUM FOR") with its colon, to compare with the known labels
_FUZZY_LABEL = re.compile(
    r"^[ \t>*#|_.\-\"“'‘]{0,4}(?P<label>[A-Za-z@!]{4,10}(?:[ ][A-Za-z]{2,3})?)(?P<plural>)"
    r"(?P<sep>\s{0,3}[:;])[ \t]{0,40}(?P<value>.{0,400})$"
)
# the keys whose OCR-damaged labels are read, by edit distance or behind a margin mark (short labels
# like TO, CC, RE, DATE are not: one letter off, or after a stray letter, they are other words)
_DAMAGED_KEYS = ("from", "subject", "memo_for", "memo_from", "through")


@cache
def _fuzzy_targets() -> tuple[tuple[str, str], ...]:
    labels = _data()["labels"]
    return tuple((_norm_label(w), k) for k in _DAMAGED_KEYS for w in labels[k] if len(w) >= 4)


def _within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of a and b is at most 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def _fuzzy_label(text: str) -> tuple[str, re.Match] | None:
    """A label one OCR error away from FROM / SUBJECT / MEMORANDUM FOR ... ("yrom :", "SURJECT:",
    "MEMORANIUM FOR:"), followed by its colon."""
    head = text[:24]
    if ":" not in head and ";" not in head:
        return None  # the fuzzy pattern needs a colon within its first 24 characters
    m = _FUZZY_LABEL.match(text)
    if not m:
        return None
    label = _norm_label(m.group("label")).replace("@", "O")  # "FR@! :"
    if label in _patterns()[1]:
        return None  # a known label that the strict pattern refused: not a damaged one
    for target, key in _fuzzy_targets():
        if _within_one_edit(label, target):
            return key, m
    return None


class _Refolded:
    """A match made on folded text, whose groups read the original text (same offsets)."""

    def __init__(self, m: re.Match, text: str):
        self._m, self._text = m, text

    def group(self, name: str | int = 0) -> str:
        s, e = self._m.span(name)
        return self._text[s:e] if s >= 0 else self._m.group(name)

    def folded_label(self) -> str:
        return self._m.group("label")

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name)

    def span(self, name: str | int = 0) -> tuple[int, int]:
        return self._m.span(name)


# "FROM" whose colon OCR lost (FBI teletypes and memo forms) is read only before an FBI office or an
# initialled name, which the value is cut to: "FROM SAC, MIAMI /105-1598/ Meats", "FROM S. J. PAPICH TOP"
BARE_FROM = re.compile(
    r"^[ \t]{0,6}(?P<label>FROM)(?P<plural>)(?P<sep>[ ])"
    r"(?P<value>(?:A?SAC|Legat|LEGAT),[ ]?[A-Z][A-Za-z]{2,15}(?:[ ][A-Z][A-Za-z]{1,15}){0,2}"
    r"(?=[ ]{0,2}[/(]\d|[ ]*$)|(?:[A-Z]\.[ ]?){1,3}[A-Z][A-Za-z'-]{2,20}\b)"
)


# a scan's margin mark before a label ("3 SUBJZCT: Conversations with ..."): one short token
MARGIN_MARK = re.compile(r"^[ \t]{0,3}(?:\d{1,2}|[A-Za-z]|[^\sA-Za-z0-9]{1,3})[ \t]{1,3}(?=[A-Z]{4})")
# "MEMOWANDI FOR:" after scan noise on its line: MEMO + a damaged rest, then FOR and its colon
MEMO_FOR_INLINE = re.compile(
    r"(?<![A-Za-z])(?P<label>MEMO[A-Z]{3,8}[ ]FOR)(?P<plural>)(?P<sep>[ ]?:)[ \t]{0,10}"
    r"(?P<value>[A-Z][A-Za-z]{1,20}(?:[ ][A-Za-z][A-Za-z,.]{1,20}){0,5})"
)


class _Shifted:
    """A match made on text[offset:], whose offsets are those of the whole text."""

    def __init__(self, m: re.Match, offset: int):
        self._m, self._off = m, offset

    def group(self, name: str | int = 0) -> str:
        return self._m.group(name)

    def folded_label(self) -> str:
        return self._m.group("label")

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name) + self._off

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name) + self._off

    def span(self, name: str | int = 0) -> tuple[int, int]:
        return self.start(name), self.end(name)


# SUBJECT whose colon Tesseract read as a digit or a quote mark: "SUBJECT 3 Morrow, Robert Dietz",
# "SUBJECT 2: Transmittal of ...", "SUBJECT 2° HSCA Request", "SUBJECT '; PHILLIPS, David A."
SUBJECT_COLON_MISREAD = re.compile(
    r"^[ \t>*#|_.\-]{0,6}(?P<label>SUBJECT)(?P<sep>[ \t]{1,2}[123'](?:[ \t]?[:;.°])?[ \t]{1,3})"
    r"(?P<value>[A-Z\"“][^\n]{2,400})$"
)


def _margin_label(folded: str) -> tuple[str, _Shifted, bool] | None:
    """A label behind a margin mark, with its colon, in capitals and a readable value on its line (a
    form box's label alone is not read); or an inline damaged MEMORANDUM FOR. Read as damaged."""
    mm = MARGIN_MARK.match(folded)
    if mm:
        rest = folded[mm.end() :]
        pattern, canon, _ = _patterns()
        m = pattern.match(rest)
        got = None
        if m and ":" in m.group("sep") and m.group("label").isupper():
            key = canon.get(_norm_label(m.group("label")))
            if key in _DAMAGED_KEYS and _norm_label(m.group("label")) != "SUBJECTS":
                got = key, m
        if got is None:
            fz = _fuzzy_label(rest)
            if fz and fz[1].group("label").isupper():  # (its key is one of _DAMAGED_KEYS)
                got = fz
        value = got[1].group("value").strip() if got else ""
        # its value on its line, every word readable, its brackets closed: margin damage runs into
        # the value more often than a clean label's does
        clean = value and all(_good_token(t) for t in value.split()) and value.count("(") == value.count(")")
        if got and clean:
            return got[0], _Shifted(got[1], mm.end()), True
    # (its literal "MEMO" tested inline: `prefilter.search` costs more than the test on a short line)
    im = MEMO_FOR_INLINE.search(folded) if "MEMO" in folded else None
    if im and im.group("label") not in ("MEMORANDUM FOR",):
        return "memo_for", _Shifted(im, 0), True
    return None


_UNREAD = object()


@cache
def _label_gates() -> tuple[re.Pattern, re.Pattern]:
    """Line breaks whose next line `_Header._label_at` may find a label on, if that line is ASCII (a
    superset, found in two scans of the zone instead of tests of each line). In the folded text (an
    ASCII line's lower-case copy): the head of a label spelling (its first 4 letters) behind the label
    pattern's margin characters (`_lower_label_re`), or a colon in the first 24 characters
    (`_fuzzy_label`). In the text: a margin mark before four capitals (`MARGIN_MARK`, its mark widened
    to any one to three non-spaces). "MEMO" lines (`_margin_label`) are found apart. Kept in step with
    those tests (tests/test_header_fast_paths.py)."""
    d = _data()
    heads = {w.lower()[:4] for part in ("labels", "damaged") for words in d[part].values() for w in words}
    by_first: dict[str, set[str]] = {}
    for h in heads:
        by_first.setdefault(h[0], set()).add(h[1:])
    # (one branch per first letter: re skips a branch by its first letter)
    alt = "|".join(
        re.escape(first)
        + "(?:"
        + "|".join(re.escape(rest) for rest in sorted(rests, key=len, reverse=True))
        + ")"
        for first, rests in sorted(by_first.items())
    ).replace(r"\ ", r"\s{1,3}")
    return (
        re.compile(r"\n(?=[ \t>*#|_.\-]{0,6}+(?:" + alt + r")|[^\n\f:;]{0,23}+[:;])"),
        re.compile(r"\n(?=[ \t]{0,3}+\S{1,3}+[ \t]{1,3}+[A-Z]{4})"),
    )


def _lines_holding(doc: Document, lines: list[Line], pattern: re.Pattern) -> list[Line]:
    """The lines of `lines` (consecutive lines of `doc`) that `pattern` may match in, in order: those
    holding one of the alternatives of its first required literal (`prefilter.needles`), found by
    `str.find` in the zone (in the folded text for a case-insensitive pattern) instead of a regex
    search of each line."""
    found, ci = prefilter.needles(pattern)
    if not found or not lines:
        return lines
    return [lines[k] for k in _holding(doc.folded if ci else doc.text, lines, found[0])]


def _holding(hay: str, lines: list[Line], words: tuple[str, ...]) -> list[int]:
    """Indices of the lines of `lines` (consecutive lines of a document) holding one of `words` (no
    line breaks in them) in `hay` (the document's text, or its folded text), in order."""
    start, end = lines[0].start, lines[-1].end
    starts = [ln.start for ln in lines]
    hits: set[int] = set()
    for word in words:
        i = hay.find(word, start, end)
        while i >= 0:
            hits.add(bisect.bisect_right(starts, i) - 1)
            i = hay.find(word, i + 1, end)
    return sorted(hits)


class _Header:
    def __init__(self, doc: Document, start: int, end: int):
        self.doc = doc
        self.lines = lines = _zone_lines(doc, start, end)
        self.pattern, self.canon, self.damaged = _patterns()
        self.lower_pattern = _lower_label_re()
        self._labels: dict[int, tuple[str, re.Match, bool] | None] = {}
        # the lines that may hold a label: the ASCII lines `_label_gates` and "MEMO" point to (the
        # zone's first line and a line after a page break have no line break before them), all others
        text, zone_start, zone_end = doc.text, lines[0].start, lines[-1].end
        on_folded, on_text = _label_gates()
        maybe = {m.end() for m in on_folded.finditer(doc.folded, zone_start, zone_end)}
        maybe.update(m.end() for m in on_text.finditer(text, zone_start, zone_end))
        maybe.add(zone_start)
        k = text.find("\f", zone_start, zone_end)
        while k >= 0:
            maybe.add(k + 1)
            k = text.find("\f", k + 1, zone_end)
        k = text.find("MEMO", zone_start, zone_end)
        while k >= 0:
            maybe.add(max(text.rfind("\n", 0, k), text.rfind("\f", 0, k)) + 1)
            k = text.find("MEMO", k + 1, zone_end)
        self.candidates = [i for i, ln in enumerate(lines) if ln.start in maybe or not ln.text.isascii()]
        self._candidate_set = set(self.candidates)

    def label_at(self, i: int) -> tuple[str, re.Match, bool] | None:
        """The label on line i: its key, its match and whether it is damaged; None on most lines."""
        got = self._labels.get(i, _UNREAD)
        if got is _UNREAD:
            got = self._labels[i] = self._label_at(i) if i in self._candidate_set else None
        return got

    def _label_at(self, i: int) -> tuple[str, re.Match, bool] | None:
        ln = self.lines[i]
        text = ln.text
        if text.isascii():
            if self.lower_pattern.match(text.lower()):
                m = self.pattern.match(text)
            else:
                # no label: a damaged one needs a colon in the first 24 characters (`_fuzzy_label`), one
                # behind a margin mark that mark or "MEMO" (`_margin_label`); most lines have none
                head = text[:24]
                if ":" not in head and ";" not in head and "MEMO" not in text and not MARGIN_MARK.match(text):
                    return None
                m = None
        else:
            m = self.pattern.match(text)
        fuzzy = None
        if not m:
            folded = ln.text if ln.text.isascii() else ln.text.translate(_FOLD)
            if folded != ln.text:
                m = self.pattern.match(folded)
                m = _Refolded(m, ln.text) if m else None
            if not m:
                fuzzy = _fuzzy_label(folded)
                if fuzzy is None:
                    return _margin_label(folded)
                m = _Refolded(fuzzy[1], ln.text)
        label_raw = m.folded_label() if isinstance(m, _Refolded) else m.group("label")
        key = fuzzy[0] if fuzzy else self.canon.get(_norm_label(label_raw))
        if key is None:
            return None
        if fuzzy:
            return key, m, True  # a damaged spelling: read only with its colon (the fuzzy pattern's)
        sep = m.group("sep")
        if sep.strip(" \t:;") in (",", "=", "+"):
            # FROM / TO whose colon OCR read as a comma, '=' or '+' ("FROM, DIRECTOR", "TO + DIRECTOR",
            # "FROM =: «Chief of Station, JMWAVE"): capitals only, read as damaged
            if key not in ("from", "to") or label_raw.upper() != label_raw:
                return None
            return key, m, True
        colon = ":" in sep or ";" in sep
        upper = label_raw.upper() == label_raw
        value = m.group("value").strip()
        damaged = _norm_label(label_raw) in self.damaged
        if damaged and not colon:
            return None
        if not colon:
            if not upper:
                return None
            if key in ("date", "re", "info") and value and "." not in sep:
                return None
            if value and sep in (" ",) and key not in ("memo_for", "memo_from"):
                if key == "from":
                    bare = BARE_FROM.match(ln.text)
                    if bare:
                        return key, bare, True
                if key == "subject":
                    misread = SUBJECT_COLON_MISREAD.match(ln.text)
                    if misread:
                        return key, misread, True
                return None
        if key in ("re", "info") and not colon and value:
            return None  # "CC. AAG ..." in a report body, "INFO. NO INDEXING" form boxes
        return key, m, damaged

    def next_value_line(self, i: int) -> int | None:
        for j in range(i + 1, min(i + 4, len(self.lines))):
            if self.lines[j].text.strip():
                return j
        return None


_FIELD = {
    "memo_for": "addressees",
    "to": "addressees",
    "from": "sender",
    "memo_from": "sender",
    "through": "through",
    "info": "copies_to",
}


# a header label whose colon OCR lost ("SUBJECT Commendation of ...", "FROM (Ms ...)", "FROM” i 2\" JUAN")
# starts the next header line: it does not continue the party above it
UNPUNCTUATED_LABEL = re.compile(r"^\s{0,6}(?:SUBJECT|Subject|SUBJ|FROM|From)\b(?!\s{0,2}[:;.])")
# a day and month in capitals, as a date stamp or a DATE box prints them ("28 JUL 196?", "FEB 20 ookoz"):
# no name or office holds one
DAY_MONTH = re.compile(
    r"\b\d{1,2}\s{0,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\b"
    r"|\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\.?\s{0,2}\d{1,2}\b"
)

# the CONF box below an outgoing CIA cable's "FROM: DIRECTOR" is no title of the sender
CABLE_CONF_BOX = re.compile(r"^\W{0,4}(?:CONF|CONE|COMF)\b")


def _party_cands(field: str, ln: Line, m_start: int, raw: str, conf: float) -> Iterator[Candidate]:
    """One candidate per party in `raw` (which starts at offset `m_start`)."""
    for part in re.finditer(r"[^;]+", raw):
        cleaned = _clean_party(part.group())
        if _bad_party(cleaned) or _stop_re().search(cleaned) or _noisy(cleaned):
            continue
        if DAY_MONTH.search(cleaned):
            continue  # "TO: Chief, OPO FROM: ACSI DATE; 28 JUL 196?": the date box after a semicolon
        if MONTH_NAME.search(cleaned) and find_dates(cleaned):
            continue
        k = raw.find(cleaned, part.start())
        if k < 0:
            continue
        s = m_start + k
        yield Candidate(field, cleaned, s, s + len(cleaned), conf, METHOD)


_PIECE = re.compile(
    # cryptonyms whose hyphen OCR lost ("AMWHIP1"), job and accession numbers ("80T01614R")
    r"[A-Z]{4,8}\d{1,2}|\d{2}[A-Z]\d{4,6}[A-Z]?|"
    r"\d{1,4}(?:st|nd|rd|th|[A-Z]{1,2})|[A-Z]{1,3}\d{1,4}|"
    r"\d{1,10}|[a-z]{1,20}|[A-Z]{1,20}|[A-Z][a-z'’]{1,20}|(?:Mc|Mac|De|Di|La|Le|O')[A-Z][a-z]{1,20}|[A-Z]{2,4}s"
)


def _good_token(tok: str) -> bool:
    t = tok.strip("()[]\"'“”‘’™.,;:!?")  # ™: a closing quote as Tesseract reads it ("LEDA™")
    if not t:
        return tok in ("-", "&", "--")
    if t in ("&", "-", "--") or t in _data()["separator_tokens"]:
        return True
    # "SF#429": a file number; "Project(KDFACTOR": a space lost before a parenthesis
    pieces = [p for p in _TOKEN_SEPARATORS.split(t) if p]
    return bool(pieces) and all(_PIECE.fullmatch(p) for p in pieces)


def _noisy(value: str) -> bool:
    """True when a value looks like OCR garbage (mixed-case fragments, stray symbols)."""
    toks = value.split()
    if not toks:
        return True
    bad = sum(1 for t in toks if not _good_token(t))
    return bad / len(toks) > 0.25 or (bad > 0 and len(toks) <= 4)


def _sandwiched(hdr: _Header, k: int) -> bool:
    """Line k+2 is short, between blank lines, and a header label follows it after one more blank."""
    lines = hdr.lines
    if k + 4 >= len(lines) or lines[k + 1].text.strip() or lines[k + 3].text.strip():
        return False
    t = lines[k + 2].text
    return (
        len(t.strip()) <= 40
        and _is_continuation(t)
        and hdr.label_at(k + 2) is None
        and hdr.label_at(k + 4) is not None
        and not find_dates(t)
    )


def _unfinished(text: str) -> bool:
    """A subject line that cannot end there: a colon, comma or initial at its end, or a word like
    'of' / 'and' that cannot close a title."""
    t = text.rstrip()
    if not t:
        return False
    if t.endswith((":", ",")) or re.search(r"\b[A-Z]\.$", t):
        return True
    return t.rsplit(None, 1)[-1].lower() in _data()["unfinished_words"]


# a line that starts the memo's body after its subject ("1. ...", "1, ROE: ..." (OCR), "(1)", "Re ...")
SUBJECT_BODY_START = re.compile(r"^\s{0,4}(?:\d{1,2}[.,]\s|\d{1,2}\.|\(\d\)|Re\b|REF)")


def _paren_continuation(text: str) -> bool:
    """A subject line that opens with a parenthesis ("(HSCA) Request", "(Proposal for A&E ...")),
    not a portion mark ("(S) ...") nor a banner."""
    t = text.strip()
    return bool(
        re.match(r"\([A-Za-z][A-Za-z&/ .-]{1,40}", t)
        and not PORTION_MARK.match(t)
        and not _stop_re().search(t)
        and len(t) <= 80
    )


def _is_continuation(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 80 or not (t[0].isalnum() or t[0] in '"“') or _stop_re().search(t):
        return False
    if re.match(r"^(?:\d{1,2}\.\s|\(\w\)\s)", t) or LABEL_LIKE.match(t):
        return False
    return not _banner(t) and not t.endswith(":")


def extract(doc: Document) -> Iterator[Candidate]:
    hdrs: list[_Header] = []
    got: set[str] = set()
    for c in _memo(doc, hdrs):
        got.add(c.field)
        yield c
    if hdrs and not {"sender", "addressees", "subject"} <= got:
        for c in _dispatch(hdrs[0]):
            if c.field not in got:
                got.add(c.field)
                yield c
    if hdrs and not {"sender", "addressees"} & got:
        for c in _fbi_parties(hdrs[0]):
            got.add(c.field)
            yield c
    if hdrs and "addressees" not in got:
        yield from _inside_address(hdrs[0])
    if "subject" not in got:
        for c in _memo_below(doc):
            got.add(c.field)
            yield c
    if "subject" not in got:
        yield from _markdown_title(doc)
    if "sender" not in got and "addressees" in got:
        yield from _letterhead(doc)
    if not {"subject", "document_date"} & got:
        yield from _course(doc)


# a memorandum below what the header reader cannot read past (a routing sheet, a transfer form, a cable
# form on the first page): its "MEMORANDUM FOR ..." line and, within a few lines, its SUBJECT line
# ("MEMORANDUM FOR THE RECORD" / "SUBJECT: Select Senate Committee Draft Report on President" / "Kennedy
# Assassination"); read only where the header gave no subject
_MEMO_FOR_LINE = re.compile(r"^\W{0,3}MEMORANDUM\s+FOR\b")
_MEMO_SUBJECT_LINE = re.compile(r"^\W{0,3}SUBJECT\s?[:;]\s{0,3}(?P<v>[A-Z(].{3,150}?)\s*$")
_MEMO_BELOW_LINES = 150


def _memo_below(doc: Document) -> Iterator[Candidate]:
    lines = doc.lines
    for i in prefilter.lines_could_match(doc, _MEMO_FOR_LINE, _MEMO_BELOW_LINES):
        if not _MEMO_FOR_LINE.match(lines[i].text):
            continue
        for j in range(i + 1, min(len(lines), i + 7)):
            m = _MEMO_SUBJECT_LINE.match(lines[j].text)
            if not m:
                continue
            first = m.group("v")
            start = lines[j].start + m.start("v")
            end = lines[j].start + m.end("v")
            value = first
            nxt = lines[j + 1].text.strip() if j + 1 < len(lines) else ""
            if (
                len(nxt) <= 70
                and _letters(nxt) >= 3
                and nxt[:1].isupper()
                and not SUBJECT_BODY_START.match(nxt)
                and not re.match(r"^[A-Za-z ]{2,20}:", nxt)
            ):
                value = f"{first} {nxt}"
                end = lines[j + 1].start + len(lines[j + 1].text.rstrip())
            value = _clean_subject(value)
            if _letters(value) >= 3 and not _noisy(value):
                yield Candidate("subject", value, start, end, 0.8, "rule:memo-below")
            return
        return


# an NSA course storyboard's heading table (ODNI releases, OCR to Markdown):
# "| COURSE: (TSI/SI/INF) OVSC1205 Special Training on FISA (Analytical) |  | Version 13 (Final) |"
# ... "| Last Updated 09/07/11 |": the first course's title is the subject, its last update the date
_COURSE = re.compile(
    r"\A[ \t\n]{0,200}[ \t|]{0,4}COURSE[ \t]?:[ \t]*(?:\([A-Z/]{1,20}\)[ \t]*)?"
    r"(?P<v>[A-Z]{2,6}\d{3,5}[ \t][A-Z][^|\n]{3,150}?)[ \t]*(?:\||$)",
    re.M,
)
_LAST_UPDATED = re.compile(r"\bLast[ \t]Updated:?[ \t]{1,3}(?P<d>\d{1,2}/\d{1,2}/\d{2,4})\b")


def _course(doc: Document) -> Iterator[Candidate]:
    m = _COURSE.match(doc.text)
    if not m:
        return
    value = _clean_subject(m.group("v"))
    yield Candidate("subject", value, m.start("v"), m.start("v") + len(value), 0.9, "rule:course-heading")
    dm = _LAST_UPDATED.search(doc.text, m.end(), m.end() + 1000)
    found = find_dates(dm.group("d"), base=dm.start("d")) if dm else []
    if found:
        d = found[0]
        yield Candidate("document_date", d.value, d.start, d.end, 0.85, "rule:course-heading")


# an office's letterhead heading the first page ("# OFFICE OF DEPUTY GENERAL COUNSEL (OPERATIONS)" in the
# ODNI's OCR to Markdown): the sender of a memo whose header names no sender and shows no signature
_LETTERHEAD = re.compile(
    r"\A[ \t\n]{0,200}(?:#{1,3}[ \t]+)?(?P<v>OFFICE OF [A-Z][A-Z ,&()'-]{4,90}?)[ \t]*$", re.M
)


def _letterhead(doc: Document) -> Iterator[Candidate]:
    m = _LETTERHEAD.match(doc.text)
    if m and m.group("v").count("(") == m.group("v").count(")"):
        yield Candidate("sender", m.group("v"), m.start("v"), m.end("v"), 0.66, "rule:letterhead")


# OCR to Markdown (the ODNI releases) prints a document's own title as a heading on its first line
_MARKDOWN_TITLE = re.compile(r"\A[ \t\n]{0,200}#[ \t]+(?P<v>[^\n#]{3,200})$", re.M)


def _markdown_title(doc: Document) -> Iterator[Candidate]:
    m = _MARKDOWN_TITLE.match(doc.text)
    if not m:
        return
    value = _clean_subject(m.group("v"))
    if len(value) < 3 or _noisy(value):
        return
    start = m.start("v")
    end = start + len(m.group("v").rstrip())
    yield Candidate("subject", value, start, end, 0.7, "rule:markdown-title")


# the page stamp of the CIA's JFK scans, printed as a line of its own at the top of each page
PAGE_STAMP = re.compile(r"(?m)^[ \t]{0,4}1?\d-?00000[ \t]*$")


def _memo(doc: Document, hdrs: list[_Header]) -> Iterator[Candidate]:
    text = doc.text
    if prefilter.line_search(EMAIL_BLOCK, text[:6000]) or FRUS_HEAD.match(text):
        return
    start = _zone_start(doc)
    end = min(len(text), start + ZONE_CHARS)
    if start >= len(text):
        return
    if _telegram(doc, start, end) or prefilter.line_search(CIA_CABLE, text[start:end]):
        return
    no_pages = len(doc.page_offsets) < 2
    if no_pages and _form_page(doc, start, start + 1500):
        # a routing sheet without page breaks: the CIA scans' page stamp ("14-00000") ends it;
        # without one it cannot be delimited, and its boxes are not a memo header
        page = prefilter.line_search(PAGE_STAMP, text, start, start + 6000)
        if page is None:
            return
        start = page.end()
        end = min(len(text), start + ZONE_CHARS)
        after = text[start:end]
        if (
            _form_page(doc, start, min(end, start + 1500))
            or _telegram(doc, start, end)
            or prefilter.line_search(CIA_CABLE, after)
        ):
            return
    rif_tail = start + 1000 if (no_pages and start > 0) else start
    hdr = _Header(doc, start, end)
    hdrs.append(hdr)
    stamps = [m.end() for m in prefilter.line_finditer(PAGE_STAMP, text, start, end)] if no_pages else []
    lines = hdr.lines
    seen: set[str] = set()
    stacked = False
    subject_line: int | None = None
    last_label: int | None = None
    for i in hdr.candidates:  # (no other line holds a label)
        got = hdr.label_at(i)
        if got is None:
            continue
        ln = lines[i]
        key, m, damaged = got
        if key != "ignored":
            # the first label sits near the top of the zone, or of a page the scans' stamp begins
            top = max([start] + [p for p in stamps if p <= ln.start])
            if (last_label is None and ln.start > top + FIRST_LABEL_CHARS) or (
                last_label is not None and ln.start > last_label + 1200
            ):
                continue
            last_label = ln.start
        conf = 0.93 - (0.08 if damaged else 0.0)
        if key == "memo_for" and not re.search(r"[:;]", m.group("sep")) and m.group("value").strip():
            conf = 0.76  # "MEMORANDUM FOR THE RECORD": unpunctuated, a RIF's TO entry is surer
            if len(_clean_party(m.group("value")).split()) < 2:
                continue  # "MEMORANDUM FOR TSE EECOND :": too damaged to read without a colon
        value = m.group("value")
        vstart = ln.start + m.start("value")
        caption = FORM_CAPTION.match(value)
        if caption:
            # a routing sheet's printed "SUBJECT: (Optional)": the value follows the caption
            value, vstart = value[caption.end() :], vstart + caption.end()
        first_line = i
        if not value.strip():
            j = hdr.next_value_line(i)
            if j is None:
                continue
            colon = ":" in m.group("sep")
            if (
                hdr.label_at(j) is not None
                or _form_label_start(lines[j].text)
                or stacked
                or (not colon and ln.start < rif_tail)
            ):
                if not stacked and ln.start >= rif_tail and hdr.label_at(j) is not None:
                    block = _label_block(hdr, i, seen)
                    if block is not None:
                        stacked = True
                        for c in block:
                            seen.add("subject" if c.field == "subject" else c.field)
                            if c.field == "subject":
                                subject_line = i
                            yield c
                        continue
                stacked = True
                seen.add({"re": "subject"}.get(key, key))
                seen.add(_FIELD.get(key, key))
                continue
            if key in ("subject", "re") and SUBJECT_BODY_START.match(lines[j].text):
                # an empty SUBJECT box with the body's paragraphs below ("4. UCM requests"): a later
                # "Subject:" is one the body cites, not this document's
                seen.add("subject")
                continue
            value = lines[j].text
            vstart = lines[j].start
            first_line = j
            conf -= 0.03
        value = value.rstrip()
        lead = len(value) - len(value.lstrip())
        value, vstart = value.lstrip(), vstart + lead
        if key in seen or key == "ignored":
            continue
        if key == "date":
            if BANNER_DATE.search(text[max(0, ln.start - 300) : ln.end]):
                continue
            if ln.start > start + 1500 and not seen:
                continue
            dates = find_dates(value[:40], base=vstart)
            if dates and dates[0].start - vstart <= 3:
                seen.add(key)
                d = dates[0]
                yield Candidate("document_date", d.value, d.start, d.end, conf, METHOD)
            continue
        if key in ("subject", "re", "case_title"):
            if "subject" in seen or "re" in seen:
                continue
            # a CIA information report's DATE DISTR box stands right of the subject's first line, the
            # form's other boxes (NO. PAGES, REFERENCES) below it: the subject ends before the box
            boxed = INFO_REPORT_DATE_BOX.search(value)
            if boxed:
                value = value[: boxed.start()]
            parts = [(value, vstart)]
            joined = _clean_subject(value)
            if not joined or _letters(joined) < 3 or _stop_re().fullmatch(joined.strip()):
                continue
            upper_n = sum(ch.isupper() for ch in joined)
            all_caps = upper_n >= 0.8 * _letters(joined)
            # continuation lines: all-caps subjects continue on all-caps lines (blank lines
            # between are OCR layout); mixed-case ones only on the directly following line
            k = first_line + 1
            extra = 0
            while k < len(lines) and extra < (5 if all_caps else 3):
                t = lines[k].text
                if boxed and INFO_REPORT_BOXES.match(t):
                    break
                # a line ending in a comma is visibly unfinished ("HIBBERD," / "Winthrop B.")
                # ... or in a word that cannot end a title ("Requests for" / "Additional Information")
                last = parts[-1][0].rstrip()
                pending = key != "case_title" and (
                    last.endswith(",") or last.rsplit(None, 1)[-1].lower() in _data()["unfinished_words"]
                )
                if not t.strip():
                    if all_caps or pending:
                        k += 1
                        continue
                    break
                if hdr.label_at(k) is not None or not (_is_continuation(t) or _paren_continuation(t)):
                    break
                if key == "case_title" and not parts[-1][0].rstrip().endswith((",", ";", "-")):
                    break  # a report form's title box: only a visibly unfinished line continues
                if all_caps and not pending and sum(ch.isupper() for ch in t) < 0.8 * _letters(t):
                    break
                if not all_caps and ":" in t and not pending:
                    break
                id_line = bool(re.fullmatch(r"\s{0,8}\d[\d\-/ ]{4,30}", t)) and not joined.endswith(".")
                # a line in lower case continues a line left open (no closing punctuation), as words
                lower_ok = pending or (
                    parts[-1][0].rstrip()[-1:].isalpha() and t.split()[0].isalpha() and len(t.split()) >= 3
                )
                if not all_caps and (
                    (t.strip()[0].islower() and not lower_ok) or len(t.strip()) > 70 or joined.endswith(".")
                ):
                    break
                if (_letters(t) < 2 and not id_line) or SUBJECT_BODY_START.match(t):
                    break
                tt = t.rstrip()
                lead = len(tt) - len(tt.lstrip())
                parts.append((tt.lstrip(), lines[k].start + lead))
                extra += 1
                k += 1
            value_out = " ".join(
                _clean_subject(p) + (p.rstrip()[-1] if n < len(parts) - 1 and p.rstrip()[-1] in ",;" else "")
                for n, (p, _) in enumerate(parts)
            )
            value_out = OCR_SPECKLE_TAIL.sub("", re.sub(r"\s{2,}", " ", value_out).strip())
            first_raw = parts[0][0]
            c1 = _clean_subject(first_raw)
            s0 = parts[0][1] + max(0, first_raw.find(c1[: max(1, min(len(c1), 12))]))
            last_raw, last_start = parts[-1]
            cl = _clean_subject(last_raw)
            e0 = last_start + (last_raw.find(cl) if cl in last_raw else 0) + len(cl)
            if len(value_out) > MAX_VALUE * 2:
                continue
            seen.add("subject")
            subject_line = first_line
            noisy = any(_noisy(_clean_subject(p)) for p, _ in parts)
            if key == "re" and len(value_out.split()) < 2:
                continue
            sconf = conf - (0.05 if key in ("re", "case_title") else 0.0) - (0.45 if noisy else 0.0)
            yield Candidate("subject", value_out, s0, e0, sconf, METHOD)
            continue
        field = _FIELD[key]
        if field in seen:
            continue
        seg_raw = value
        # a party right after its label starts with a capital: "toler Te Gestion ate", "ding General"
        # are the tail of a misread or cut word (a continuation line may start small: "to the DDO")
        cands = [c for c in _party_cands(field, ln, vstart, seg_raw, conf) if not c.value[:1].islower()]
        if field != "sender" and first_line == i and cands:
            # continuation lines directly below (no blank line): one more party each
            k = i + 1
            while k < len(lines) and k < i + 12:
                t = lines[k].text
                if not t.strip() or hdr.label_at(k) is not None or not _is_continuation(t):
                    break
                if len(t.strip()) > 70 or UNPUNCTUATED_LABEL.match(t):
                    break
                more = list(_party_cands(field, lines[k], lines[k].start, t, conf))
                first_word = t.split()[0]
                if cands and more and cands[-1].value.rsplit(None, 1)[-1] in ("for", "of", "and", "to"):
                    # a title broken after a word that cannot end it ("Special Assistant to DDO for"
                    # / "External Oversight") continues on the next line
                    prev = cands[-1]
                    prev.value = f"{prev.value} {more[0].value}"
                    prev.end = more[0].end
                    more = more[1:]
                elif cands and more and first_word in _join_words():
                    # "Office of Legislative Counsel" under a name describes that name
                    prev = cands[-1]
                    prev.value = f"{prev.value}, {more[0].value}"
                    prev.end = more[0].end
                    more = more[1:]
                elif t.strip()[0].islower():
                    break
                cands.extend(more)
                k += 1
        k = first_line
        while field != "sender" and cands and k + 2 < len(lines) and k < first_line + 6:
            # blank-separated layout: "Office of Legislative Counsel" / "Coordination and Review Staff"
            if lines[k + 1].text.strip():
                break
            nxt = lines[k + 2]
            words = nxt.text.split()
            if not (
                words
                and words[0] in _join_words()
                and _is_continuation(nxt.text)
                and hdr.label_at(k + 2) is None
            ):
                break
            more = list(_party_cands(field, nxt, nxt.start, nxt.text, conf))
            if not more or len(nxt.text.strip()) > 60:
                break
            prev = cands[-1]
            prev.value = f"{prev.value.rstrip('.')}, {more[0].value}"
            prev.end = more[0].end
            k += 2
        if not cands:
            if value.strip():
                seen.add(field)  # the label's value was unreadable: a later one is not the header's
            continue
        seen.add(field)
        if field == "sender":
            c = cands[0]
            nxt = lines[i + 1] if first_line == i and i + 1 < len(lines) else None
            # a title line below the sender's name; not below an OCR-damaged label (a cable form's
            # routing boxes follow "Faom: DIRECTOR"), nor a line holding a label ("coos eo: va")
            if (
                nxt is not None
                and not damaged
                and not re.search(r"[A-Za-z]{2}\s?:", nxt.text)
                and _is_continuation(nxt.text)
                and hdr.label_at(i + 1) is None
                and not UNPUNCTUATED_LABEL.match(nxt.text)
                and not CABLE_CONF_BOX.match(nxt.text)
                and not DAY_MONTH.search(nxt.text)
            ):
                more = list(_party_cands(field, nxt, nxt.start, nxt.text, conf))
                if more and len(nxt.text.strip()) <= 60:
                    c.value = f"{c.value}, {more[0].value}"
                    c.end = more[0].end
            elif _sandwiched(hdr, first_line):
                # blank-separated layout: a short line between the sender and the next label
                # ("Philip F. Fendig / SA/DO/O / SUBJECT") is the sender's title or office
                nxt = lines[first_line + 2]
                more = list(_party_cands(field, nxt, nxt.start, nxt.text, conf))
                if more:
                    c.value = f"{c.value}, {more[0].value}"
                    c.end = more[0].end
            yield c
        else:
            yield from cands
    # no FROM line: the signature block of a memo whose header was read gives the sender
    if "sender" not in seen and subject_line is not None and ("addressees" in seen or "subject" in seen):
        yield from _signature(doc, lines[subject_line].end, "copies_to" not in seen)
    # memo dateline: a full date standing alone near the top, before the body
    if "date" not in seen:
        limit = min(len(lines), 40 if subject_line is None else subject_line + 6)
        inline = list(_party_line_date(hdr, limit))
        yield from inline or _dateline(hdr, limit)


# a printed caption after a form's label, not its value ("SUBJECT: (Optional)")
FORM_CAPTION = re.compile(r"^\s{0,3}\((?:Optional|OPTIONAL)\)[\s.+:]*")
PERSON_LINE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr)\.?[ ])?[A-Z][a-z]{1,15}(?:[ ][A-Z]\.){0,2}[ ](?:Mc|Mac|O')?[A-Z][a-z]{1,20}"
    r"(?:,?[ ](?:Jr\.|Sr\.|III|II))?$"
)
COLON_LINE = re.compile(r"^\s{0,20}[:;]\s{0,20}$")
BODY_START = re.compile(r"^\s{0,8}(?:\d{1,2}\.\s|\(\w\)\s{0,2}[A-Z]|[A-Z]\.\s)")
_PARTY_KEYS = {"memo_for", "to", "from", "memo_from", "through", "info", "ignored"}


def _label_block(hdr: _Header, i: int, seen: set[str]) -> list[Candidate] | None:
    """Labels printed as a block ("FROM / SUBJECT / REFERENCE", Apple Vision OCR) with their values
    following as a column. Value lines are grouped: a line starting in lower case or with an office
    word ("Office of ...", "to the DDO ...") continues the value above, as does a title line under a
    lone personal name ("Robert W. Gambino / Director of Security"); every other line starts the next
    label's value. Read only when the groups match the labels one to one, else nothing."""
    lines = hdr.lines
    keys: list[str] = []
    j = i
    while j < len(lines) and len(keys) < 6:
        t = lines[j].text
        got = hdr.label_at(j)
        if not t.strip() or COLON_LINE.match(t):
            j += 1
            continue
        if got is None or got[1].group("value").strip() or got[2]:
            break
        keys.append(got[0])
        j += 1
    if len(keys) < 2 or len(set(keys)) < len(keys):
        return None
    groups: list[list[Line]] = []
    while j < len(lines) and j < i + 60:
        ln = lines[j]
        t = ln.text.strip()
        j += 1
        if not t:
            continue
        if hdr.label_at(j - 1) is not None or BODY_START.match(t) or len(t) > 70 or _banner(t):
            break
        if not t[0].islower() and ((t.endswith(":") and len(t.split()) <= 3) or LABEL_LIKE.match(t)):
            return None  # a label we do not know ("BUREAU FILE:"): the column cannot be counted
        body = PORTION_MARK.sub("", t)
        cont = False
        if groups:
            key = keys[len(groups) - 1]
            first = PORTION_MARK.sub("", groups[-1][0].text.strip())
            cont = t[0].islower() or t.split()[0] in _join_words()
            if key in _PARTY_KEYS and len(groups[-1]) == 1 and PERSON_LINE.match(first):
                cont = cont or not PERSON_LINE.match(body)
            if key in ("subject", "re") and len(groups) == len(keys) and len(groups[-1]) < 3:
                # the last label's all-caps subject: the FBI's name line, then the character line
                cont = cont or (first.isupper() and t.isupper() and _is_continuation(t))
                # ... or a line left visibly unfinished ("... Give Us This Day:" / "by Edward I.")
                cont = cont or (_unfinished(groups[-1][-1].text) and _is_continuation(t))
        if cont:
            groups[-1].append(ln)
        elif len(groups) == len(keys):
            break
        else:
            groups.append([ln])
    if len(groups) != len(keys):
        return None
    out: list[Candidate] = []
    for key, group in zip(keys, groups, strict=True):
        pieces = [PORTION_MARK.sub("", g.text.strip()) for g in group]
        start = group[0].start + group[0].text.find(pieces[0])
        end = group[-1].start + group[-1].text.find(pieces[-1]) + len(pieces[-1])
        if key in ("subject", "re"):
            value = _clean_subject(" ".join(pieces))
            if _letters(value) < 3 or any(_noisy(p) for p in pieces):
                return None
            out.append(Candidate("subject", value, start, end, 0.9, METHOD))
            continue
        if key == "date" and not find_dates(" ".join(pieces)):
            return None  # the DATE box's value is not a date: the column is not what it seems
        if key not in _FIELD:
            continue  # ATTENTION / REFERENCE / DATE boxes take their line but give no party
        parts = [_clean_party(p) for p in pieces]
        if any(_bad_party(p) or _noisy(p) or _stop_re().search(p) for p in parts):
            return None
        value = parts[0]
        for p in parts[1:]:
            value += (" " if p[0].islower() else ", ") + p
        field = _FIELD[key]
        if field not in seen:
            out.append(Candidate(field, value, start, end, 0.9, METHOD))
    return out


class _DispatchRes(NamedTuple):
    title: re.Pattern
    title_head: re.Pattern
    box: re.Pattern
    action: re.Pattern
    party: re.Pattern
    head: re.Pattern
    inline: re.Pattern
    refs: re.Pattern
    reach: int
    stop: frozenset[str]


@cache
def _dispatch_res() -> _DispatchRes:
    d = _data()["dispatch"]
    return _DispatchRes(
        re.compile(d["title"]),
        re.compile(d["title_head"]),
        re.compile(_alt(d["box_words"]), re.IGNORECASE),
        re.compile(d["action_box"], re.IGNORECASE),
        re.compile(d["party"]),
        re.compile(d["party_head"]),
        re.compile(d["party_inline"]),
        re.compile(d["references_box"]),
        d["references_reach"],
        frozenset(d["place_stop"]),
    )


def _dispatch_party(m: re.Match) -> str:
    """'ChloS Of Station, Parlo' -> 'Chief of Station, Parlo': the form's fixed title words."""
    place = re.sub(r"[\s.,|]+$", "", m.group("place"))
    office = m.group("office")
    if office:
        office = "Base" if office.lower() == "base" else "Station"
        return f"Chief of {office}, {place}"
    return f"Chief, {place}"


class _Party(NamedTuple):
    line: int
    value: str
    start: int
    end: int


def _strict_party(r: _DispatchRes, ln: Line, k: int) -> _Party | None:
    m = r.party.match(ln.text)
    if not m:
        return None
    return _Party(k, _dispatch_party(m), ln.start + m.start("v"), ln.start + m.end("v"))


def _tolerant_party(r: _DispatchRes, ln: Line, k: int) -> _Party | None:
    """A party with the neighbouring boxes' text run into its line: at the line's start any 'Chief, X',
    inside the line only 'Chief of Station, X'; never in an INFO list ('Chief, EE; Chief, WE'). The
    place ends at a stop word ('Attn') or where capitalised words give way to a box's capitals
    ('Chief, European Division NO INDEXING REQUIRED')."""
    if ";" in ln.text:
        return None
    m = r.head.match(ln.text) or r.inline.search(ln.text)
    if not m:
        return None
    words = m.group("place").split(" ")
    cut = len(words)
    for i, w in enumerate(words):
        caps_after_title = i > 0 and len(w) > 1 and w.isupper() and not words[i - 1].isupper()
        if w in r.stop or caps_after_title or r.box.fullmatch(w):
            cut = i
            break
    if cut == 0:
        return None
    place = " ".join(words[:cut])
    office = m.group("office")
    if office:
        value = f"Chief of {'Base' if office.lower() == 'base' else 'Station'}, {place}"
    else:
        value = f"Chief, {place}"
    s = ln.start + m.start("v")
    return _Party(k, value, s, ln.start + m.start("place") + len(place))


def _dispatch_span(r: _DispatchRes, lines: list[Line], doc: Document) -> tuple[int, int, bool] | None:
    """(line before the boxes, ACTION REQUIRED line, whether the title marks the form): the first title
    line followed within 60 lines by the ACTION REQUIRED box with the indexing boxes near it; else the
    'ACTION REQUIRED - REFERENCES' box and the lines above it. (Lines are read only when the zone
    holds the literals of the title, or of the box.)"""
    zs, ze = lines[0].start, lines[-1].end
    titled = _may_find(doc, r.title, zs, ze) or _may_find(doc, r.title_head, zs, ze)
    for t0, ln in enumerate(lines if titled else ()):
        if not (r.title.fullmatch(ln.text.strip()) or r.title_head.match(ln.text)):
            continue
        end = next((k for k in range(t0 + 1, len(lines)) if r.action.search(lines[k].text)), None)
        if end is not None and end - t0 <= 60 and any(r.box.search(x.text) for x in lines[t0 : end + 16]):
            return t0, end, True
    if not _may_find(doc, r.refs, zs, ze):
        return None
    end = next((k for k, ln in enumerate(lines) if r.refs.search(ln.text)), None)
    return None if end is None else (max(-1, end - r.reach - 1), end, False)


def _dispatch(hdr: _Header) -> Iterator[Candidate]:
    """A CIA DISPATCH form printed as a column by OCR: the TO, INFO, FROM and SUBJECT boxes' values
    come in that order above the ACTION REQUIRED box, their labels lost or out of place. The first
    'Chief, X' line is the addressee; the sender is the first 'Chief of Station, X' line after a FROM
    label, else the last such line (INFO lines name several offices, separated by ';'); the subject
    is the text after the sender, skipping the date and the indexing boxes printed beside it.
    Where OCR lost the form's title or printed it out of place, its 'ACTION REQUIRED - REFERENCES' box
    marks the form; where the boxes ran together on a line, the parties are read with the rest of
    their line (`_tolerant_party`). Either way the parties get a lower confidence and no subject."""
    r = _dispatch_res()
    lines = hdr.lines[:80]
    span = _dispatch_span(r, lines, hdr.doc)
    if span is None:
        return
    t0, end, titled = span
    from_label: int | None = None
    found: list[_Party] = []
    tolerant = not titled
    for k in range(t0 + 1, end):
        got = hdr.label_at(k)
        if got is not None and got[0] == "from" and not got[1].group("value").strip():
            from_label = k if from_label is None else from_label
        strict, loose = _strict_party(r, lines[k], k), _tolerant_party(r, lines[k], k)
        if loose is not None and (strict is None or strict.value != loose.value):
            tolerant = True
            found.append(loose)
        elif strict is not None:
            found.append(strict)
    if len(found) < 2:
        return
    to = found[0]
    after = [f for f in found[1:] if from_label is not None and f.line > from_label]
    if from_label is not None and (to.line > from_label or not after):
        return
    sender = after[0] if after else found[-1]
    conf = 0.85 if after else 0.78
    if tolerant:
        conf -= 0.06
    for field, p in (("addressees", to), ("sender", sender)):
        yield Candidate(field, p.value, p.start, p.end, conf, "rule:dispatch-form")
    if tolerant:
        return
    parts: list[Line] = []
    for k in range(sender.line + 1, end):
        t = lines[k].text.strip()
        if not t or r.box.search(t) or r.party.match(lines[k].text) or hdr.label_at(k) is not None:
            continue
        if re.fullmatch(r"S[A-Z0-9]{3,6}T", t) or (find_dates(t) and _letters(t) < 14):
            continue  # a mangled SUBJECT label ("SUFVECT"), the dispatch date
        parts.append(lines[k])
        if len(parts) == 3:
            break
    if not parts:
        return
    pieces = [_clean_subject(p.text) for p in parts]
    if any(_noisy(p) or _letters(p) < 3 for p in pieces):
        return
    s = parts[0].start + parts[0].text.find(pieces[0][:12])
    e = parts[-1].start + parts[-1].text.find(pieces[-1]) + len(pieces[-1])
    yield Candidate("subject", " ".join(pieces), s, e, conf, "rule:dispatch-form")


# The FBI's Office Memorandum form prints TO above FROM, each office with its file number:
# "Director, FBI (65-68043)" / "Legat, London (65-745) (P)", "SAC, MIAMI (105-22604) (c)".
FBI_PARTY = re.compile(
    r"^[^\w\n]{0,3}(?:\S{1,2}[ ])?(?P<v>(?:DIRECTOR|Director),[ ]?FBI|(?:SAC|ASAC|Legat|LEGAT),[ ]?"
    r"[A-Z][A-Za-z]{1,15}(?:[ ][A-Z][A-Za-z]{1,15}){0,2})[ ]{0,2}\((?:Bufile[ ])?\d{1,3}-\d{1,7}\)"
)
# one of them is in every line FBI_PARTY matches (the zone is read only when it holds one)
FBI_PARTY_WORDS = ("FBI", "SAC", "Legat", "LEGAT")


def _fbi_parties(hdr: _Header) -> Iterator[Candidate]:
    """No TO / FROM label read: two office lines with file numbers at the top of an FBI memorandum,
    within a few lines of each other, are its addressee (the first) and its sender."""
    found: list[tuple[int, re.Match]] = []
    lines = hdr.lines[:60]
    if not any(hdr.doc.text.find(w, lines[0].start, lines[-1].end) >= 0 for w in FBI_PARTY_WORDS):
        return
    for k, ln in enumerate(lines):
        m = FBI_PARTY.match(ln.text)
        if m:
            found.append((k, m))
    if len(found) < 2 or found[1][0] - found[0][0] > 6:
        return
    if _data()["fbi_hq"] not in (found[0][1].group("v").upper(), found[1][1].group("v").upper()):
        return  # one of the two is the Bureau: field office to headquarters or the reverse
    for field, (k, m) in zip(("addressees", "sender"), found[:2], strict=True):
        ln = hdr.lines[k]
        value = re.sub(r",(?=\S)", ", ", m.group("v"))
        yield Candidate(field, value, ln.start + m.start("v"), ln.start + m.end("v"), 0.86, "rule:fbi-memo")


@cache
def _agency_line_re() -> re.Pattern:
    # the first letter is often misread ("dentral Intelligence Agency")
    alt = "|".join(re.escape(a[1:]) for a in _data()["inside_address_agencies"])
    return re.compile(r"^[ \t]{0,20}(?P<v>[A-Za-z](?:" + alt + r"))[ \t.,]*$")


def _inside_address(hdr: _Header) -> Iterator[Candidate]:
    """A letter's inside address without a TO label: "Director" alone on a line, the next line an
    agency ("Central Intelligence Agency", "Federal Bureau of Investigation"), near the top."""
    zone = hdr.lines[:80]
    # (only lines holding the word are read: the line after one is the next line with text)
    for k in _holding(hdr.doc.text, zone, ("Director", "DIRECTOR")):
        ln = zone[k]
        if ln.text.strip() not in ("Director", "DIRECTOR", "The Director"):
            continue
        nxt = next((x for x in zone[k + 1 :] if x.text.strip()), None)
        if nxt is None:
            continue
        m = _agency_line_re().match(nxt.text)
        if not m:
            continue
        name = ln.text.strip()
        s = ln.start + ln.text.find(name)
        value = f"{name}, {m.group('v')}"
        yield Candidate("addressees", value, s, nxt.start + m.end("v"), 0.85, "rule:inside-address")
        return


def _place_or_day(prefix: str) -> bool:
    """Whether what precedes a dateline's date can be a place or a weekday ("WASHINGTON,", "Tuesday,",
    "Mexico City, D.F.,"): a few capitalised words without a label or a sentence's small words
    (not "REFERENCES : A. Initial Request Letter," nor "in New York City,")."""
    words = prefix.rstrip(",").split()
    return ":" not in prefix and len(words) <= 4 and all(not w[:1].islower() for w in words)


# the Office Memorandum form prints DATE on the TO line: "TO : Chief, Support Branch DATE: 7 Oct 60"
PARTY_LINE_DATE = re.compile(
    r"^\W{0,3}(?:TO|To|FROM|From)\b[^\n]{3,90}?\s(?:DATE|Date)\s?[:;]\s{0,3}(?P<d>[^\n]{6,30})"
)


def _party_line_date(hdr: _Header, limit: int) -> Iterator[Candidate]:
    """The DATE box printed on the TO (or FROM) line of a memorandum form."""
    for ln in hdr.lines[:limit]:
        m = PARTY_LINE_DATE.match(ln.text)
        if m is None:
            continue
        found = find_dates(m.group("d"), base=ln.start + m.start("d"))
        if found and found[0].start == ln.start + m.start("d") and found[0].form != "dtg":
            d = found[0]
            yield Candidate("document_date", d.value, d.start, d.end, 0.9, METHOD)
            return


def _dateline(hdr: _Header, limit: int) -> Iterator[Candidate]:
    """A date standing alone on a line near the top ("October 26, 1962", "17 September 1998",
    "WASHINGTON, May 14, 1969"): the memo's dateline."""
    for ln in _lines_holding(hdr.doc, hdr.lines[:limit], MONTH_NAME):
        t = ln.text.rstrip()
        if not MONTH_NAME.search(t):
            continue
        found = [d for d in find_dates(t, base=ln.start) if d.form in ("month_day_year", "day_month_year")]
        if not found:
            continue
        d = found[-1]
        rel_s, rel_e = d.start - ln.start, d.end - ln.start
        # after the date only OCR debris of the margin ("‘1 March 1977 :")
        if not MONTH_NAME.search(t[rel_s:rel_e]) or t[rel_e:].strip(" .,:;|_~'\"‘’"):
            continue
        prefix = t[:rel_s].strip(" \t'\"‘’“”|_~")  # quote marks and bars of the margin: debris
        if prefix and not (
            WEEKDAY_PREFIX.match(prefix)
            or prefix.endswith(",")
            or (len(re.sub(r"[^A-Z]", "", prefix)) >= 6 and prefix.upper() == prefix)
        ):
            continue
        if re.search(r"\d", prefix) or re.search(
            r"\b(?:DATE|REVIEW|DECLASS|RELEASE|APPROVED|BY)\b", prefix, re.I
        ):
            continue
        if cited(hdr.doc.text, d.start, d.end) or (prefix and not _place_or_day(prefix)):
            continue  # a reference's date ("REFERENCES : A. Letter, 19 July 1976"), a sentence's
        conf = 0.88 if not prefix else 0.8
        yield Candidate("document_date", d.value, d.start, d.end, conf, "rule:memo-dateline")
        return


SIGNATURE_NAME = re.compile(
    r"^[ \t]{0,40}(?P<name>[A-Z][a-z]{1,15}(?:[ ][A-Z]\.){0,2}[ ](?:Mc|Mac|O')?[A-Z][a-z]{1,20}"
    r"(?:,?[ ](?:Jr\.|Sr\.|III|II))?"
    # a typed name in capitals ("GERARD DROLLER"), two or three words
    r"|[A-Z]{2,15}(?:[ ][A-Z]\.){0,2}[ ](?:Mc|Mac)?[A-Z]{3,20})(?:[ ]{1,3}[\d|!]{1,2})?[ \t]*$"
)
# the line that ends a memo after its signature; OCR mangles "Attachments" ("•Attnahments: (8)",
# "stachment")
AFTER_SIGNATURE = re.compile(
    r"^[ \t•·*]{0,10}(?P<label>cc|ce|Cc|CC|Att[a-z]{2,5}ments?|[a-z]?tachments?|Enclosures?|Distribution)\b"
    r"[ \t]{0,3}[:.]?"
)
# a title or office line between the name and the end of the memo ("C/H/3/PA", "Curator",
# "Historical Intelligence Collection")
TITLE_LINE = re.compile(r"^[ \t]{0,40}[A-Z][A-Za-z/0-9 ,.&'=-]{1,48}$")


def _signature(doc: Document, after: int, want_copies: bool) -> Iterator[Candidate]:
    """Sender from a signature: a personal name on its own line, then at most two title / office
    lines, then a cc / attachment / distribution line (the end of a memo), within the first pages.
    The sender is the name with its titles ("Walter Pforzheimer, Curator, Historical Intelligence
    Collection"), as the gold writes a FROM line."""
    lines = [x for x in _zone_lines(doc, after, min(len(doc.text), after + 8000)) if x.text.strip()]
    for i, ln in enumerate(lines[:-1]):
        m = SIGNATURE_NAME.match(ln.text)
        if not m or _stop_re().search(ln.text):
            continue
        titles: list[tuple[str, int, int]] = []
        tail = None
        for nxt in lines[i + 1 : i + 4]:
            tail = AFTER_SIGNATURE.match(nxt.text)
            if tail is not None:
                break
            title = _clean_party(nxt.text)
            if (
                len(titles) == 2
                or SIGNATURE_NAME.match(nxt.text)  # the typed name under a signed one: read from there
                or not TITLE_LINE.match(nxt.text)
                or _own_label_line(nxt.text)
                or _bad_party(title)
                or _noisy(title)
                or _stop_re().search(title)
            ):
                break
            k = nxt.text.find(title)
            titles.append((title, nxt.start + k, nxt.start + k + len(title)))
        if tail is None:
            continue
        s = ln.start + m.start("name")
        value = ", ".join([m.group("name")] + [t for t, _, _ in titles])
        end = titles[-1][2] if titles else s + len(m.group("name"))
        yield Candidate("sender", value, s, end, 0.72, "rule:signature")
        if want_copies and tail.group("label").lower() in ("cc", "ce"):
            rest = nxt.text[tail.end() :]
            lead = len(rest) - len(rest.lstrip())
            yield from _party_cands("copies_to", nxt, nxt.start + tail.end() + lead, rest.strip(), 0.72)
        return


def _own_label_line(text: str) -> bool:
    """A line that is a label of its own ("Distribution:", "SUBJECT:"), not a title."""
    return bool(LABEL_LIKE.match(text)) or text.rstrip().endswith(":")
