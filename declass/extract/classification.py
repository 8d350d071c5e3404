"""Extractor: classification markings (original level, review-time level, controls, every marking).

What counts as evidence, strongest first:
- a banner line: a line that starts with a level (`SECRET`, `S E C R E T`, `C-O-N-F-I-D-E-N-T-I-A-L`,
  `TOP SECRET//SI//NOFORN`, OCR-damaged forms like `SECRE`, `5ECRET`, `FOP-SECRET`) followed by nothing,
  by controls, or by telegram/header data; not by prose ("Secret Service agents ...");
- a labelled level (`REPORT CLASS SECRET NOFORN`, `classification SECRET`, `Page Classification TOP
  SECRET//...`) and the NARA RIF cover sheet "CLASSIFICATION :" line (S/T/C/U codes or words; with
  Apple Vision OCR the value may come some lines after the label);
- prose saying "is classified secret".
Not evidence for the original level: UNCLASSIFIED release banners and stamps ("ALL INFORMATION CONTAINED
HEREIN IS UNCLASSIFIED", State's "UNCLASSIFIED U.S. Department of State Case No."), telegram
classification lines rewritten at declassification, checkbox lists of every level printed on routing
forms, and State's review-time "Classified by ... Class: SECRET" blocks (those set `current`).
The original level is the highest level the document (or its RIF) shows.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .. import data as data_files
from .. import prefilter
from ..document import Document
from ..prefilter import could_match
from .base import Candidate

WINDOW_FORM = 8  # lines around a marking searched for other levels (checkbox lists)
WINDOW_CUE = 4  # lines around a marking searched for form / release cues
RIF_SCAN_LINES = 25  # Apple Vision prints RIF labels first, values later
SLUG_WINDOW = 20  # non-empty lines around a marking where a cable slug line (RYBAT ...) is a control


@dataclass
class _Vocab:
    rank: dict[str, int]
    exact: dict[str, str]  # compact spelling -> level
    compact_levels: dict[str, str]  # canonical compact -> level
    compact_counts: dict[str, Counter]  # canonical compact -> its letters counted
    rif_codes: dict[str, str]
    controls: list[tuple[str, re.Pattern]]
    any_control: re.Pattern  # matches where one of `controls` does
    anywhere: list[tuple[str, re.Pattern]]
    anywhere_keys: tuple[str, ...]
    slug: list[str]
    slug_words: tuple[str, ...]
    short: set[str]
    portion: dict[str, str | None]
    stopwords: set[str]
    form_cues: list[str]
    release_cues: list[str]
    level_word_re: re.Pattern  # level words as written, for labelled / RIF values
    review_level_re: re.Pattern  # CONFIDENTIAL and above, as a State review block prints them
    rif_value_re: re.Pattern  # a RIF CLASSIFICATION value on its own line (the levels its codes stand for)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = data_files.load("classification")
    exact = {}
    for level, spellings in data["variants"].items():
        for s in spellings:
            exact[s.upper()] = level
    compact_levels = {re.sub(r"[^A-Z]", "", lv): lv for lv in data["levels"]}
    controls = [
        (name, re.compile(r"(?<![A-Za-z])(?:" + "|".join(pats) + r")(?![A-Za-z])", re.I))
        for name, pats in data["controls"].items()
    ]
    spellings = [p for pats in data["controls"].values() for p in pats]
    any_control = re.compile(r"(?<![A-Za-z])(?:" + "|".join(spellings) + r")(?![A-Za-z])", re.I)
    # longest names first so "COMINT CHANNELS" wins over "COMINT"
    controls.sort(key=lambda c: -len(c[0]))
    anywhere = [
        (name, re.compile(r"(?<![A-Za-z])(?:" + "|".join(data["controls"][name]) + r")(?![A-Za-z])"))
        for name in data["anywhere_controls"]
    ]
    words = sorted(
        {lv for lv in data["levels"]} | {"TOP-SECRET", "TOP SECRET"},
        key=len,
        reverse=True,
    )
    level_word_re = re.compile(
        r"(?<![A-Za-z])("
        + "|".join(re.escape(w).replace(r"\ ", r"[\s\-]{1,3}") for w in words)
        + r")(?![A-Za-z])",
        re.I,
    )
    return _Vocab(
        rank=data["levels"],
        exact=exact,
        compact_levels=compact_levels,
        compact_counts={c: Counter(c) for c in compact_levels},
        rif_codes=data["rif_codes"],
        controls=controls,
        any_control=any_control,
        anywhere=anywhere,
        anywhere_keys=tuple(data["anywhere_keys"]),
        slug=data["slug_controls"],
        slug_words=tuple(data["slug_controls"]),
        short=set(data["short_controls"]),
        portion=data["portion_controls"],
        stopwords={w.upper() for w in data["banner_stopwords"]},
        form_cues=[c.upper() for c in data["form_cues"]],
        release_cues=[c.upper() for c in data["release_cues"]],
        level_word_re=level_word_re,
        review_level_re=re.compile(
            r"(?<![A-Za-z])("
            + _words_alt(lv for lv, rank in data["levels"].items() if rank >= 3)
            + r")(?![A-Za-z])"
        ),
        rif_value_re=re.compile(
            r"[:•.\s—\-]{0,4}("
            + _words_alt(f for lv in set(data["rif_codes"].values()) for f in (lv.title(), lv))
            + ")"
        ),
    )


def _words_alt(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_NOT_UPPER = re.compile(r"[^A-Z]")


def _canon_level(word: str) -> str | None:
    """Level named by a level word as written (any case, spaces or hyphens between words)."""
    v = _vocab()
    return v.compact_levels.get(_NOT_UPPER.sub("", word.upper()))


_OCR_FIX = str.maketrans({"5": "S", "0": "O", "1": "I", "8": "B", "$": "S"})


# a misreading still keeps a piece of the word: cheap filter before the fuzzy comparison
_NOT_WORD = re.compile(r"[^A-Z0-9$]+")
# the same pieces searched in the raw text, also spaced or hyphenated ("S E C R E T", "C-O-N-F...")
_SEP = r"[ \-]{1,3}"
_CORE_TEXT = re.compile(
    r"[S5$]EC[RN]|[S5$]EGR|ECRE|ECRT|CRET|EGRE|C[O0]NF|FIDEN|ONFID|DENTI|CLASS|ASSIF|RESTRICTED|OFFICIAL|INTERNAL"
    + "".join(
        f"|{a}{_SEP}{b}{_SEP}{c}" for a, b, c in ("SEC", "ECR", "CRE", "CON", "ONF", "DEN", "TIA", "CLA")
    )
)
# the alternatives of _CORE_TEXT one by one: most start with a literal, which `re` searches fast
_CORE_PARTS = [re.compile(alt) for alt in _CORE_TEXT.pattern.split("|")]  # (it has no groups)
_CORE = re.compile(r"SEC|ECR|CRE|EGR|CONF|FID|DENT|NTIA|CLAS|SIF|RESTRICTED|OFFICIALUSE")


def _expand(part: str) -> list[str]:
    """The literals a part made of plain letters and character classes ("[S5$]EC[RN]") stands for."""
    pieces = [cls or ch for cls, ch in re.findall(r"\[([^\]]+)\]|(.)", part)]
    return ["".join(p) for p in itertools.product(*pieces)]


class _ByteScan(NamedTuple):
    """_CORE_PARTS as searches of the upper-cased text as bytes (`_ascii_upper`)."""

    # (a literal searched, None when it is itself a part, else the parts holding it with its offset in
    # each): literals sharing a piece are found in one scan of it ("ECR" for SECR, 5ECR, $ECR, ECRE,
    # ECRT), as a scan of the text costs about the same for any short literal
    literals: list[tuple[bytes, tuple[tuple[bytes, int], ...] | None]]
    # every spaced part has a letter between two separators ("S E C": the E): found as " # " in the text
    # translated by `mark` (separators to spaces, those letters to "#"); such a line is searched for
    # `spaced` (the spaced parts, one alternation)
    spaced: re.Pattern
    mark: bytes


def _byte_scan() -> _ByteScan:
    shared = ("ECR", "ECN", "EGR", "ONF")
    groups: dict[str, list[str]] = {}
    spaced = []
    for part in _CORE_PARTS:
        if "{" in part.pattern:
            spaced.append(part.pattern)
            continue
        for literal in _expand(part.pattern):
            core = next((c for c in shared if c in literal), literal)
            groups.setdefault(core, []).append(literal)
    literals = []
    for core, parts in groups.items():
        held = None if parts == [core] else tuple((lit.encode(), lit.index(core)) for lit in parts)
        literals.append((core.encode(), held))
    middles = "".join(sorted({p[p.index("}") + 1] for p in spaced}))
    mark = bytes.maketrans(b"-" + middles.encode(), b" " + b"#" * len(middles))
    return _ByteScan(literals, re.compile("|".join(spaced).encode("ascii")), mark)


_BYTE_SCAN = _byte_scan()


def _ascii_upper(text: str) -> bytes | None:
    """`text.upper()` as bytes, "?" for each non-ASCII character of it (patterns of ASCII characters
    match it where they match `text.upper()`); None when `text.upper()` is not as long as `text`."""
    up = text.upper()
    return up.encode("ascii", "replace") if len(up) == len(text) else None


_FUZZY_ACCEPT = 0.85  # the lowest ratio to a level's spelling that reads as it


@lru_cache(maxsize=65536)
def _compact_level(compact: str) -> str | None:
    """Level of a compacted token ('SECRET', 'CONFIDENFIAL', 'TOPSECRE'), exact or close misreading."""
    v = _vocab()
    if compact in v.exact:
        return v.exact[compact]
    fixed = compact.translate(_OCR_FIX)
    if fixed in v.exact:
        return v.exact[fixed]
    if len(fixed) < 5 or len(fixed) > 22 or not fixed.isalpha() or not _CORE.search(fixed):
        return None
    best, best_ratio = None, 0.0
    counts = Counter(fixed)
    for canon, level in v.compact_levels.items():
        if abs(len(canon) - len(fixed)) > 2:
            continue
        # difflib's quick_ratio (characters shared in any order) is at least the ratio: a level that
        # cannot beat the best so far, or reach the lowest ratio any level accepts, is not compared
        shared = sum(min(n, counts[ch]) for ch, n in v.compact_counts[canon].items())
        bound = 2.0 * shared / (len(fixed) + len(canon))
        if bound <= best_ratio or bound < _FUZZY_ACCEPT:
            continue
        r = difflib.SequenceMatcher(None, fixed, canon).ratio()
        if r > best_ratio:
            best, best_ratio = level, r
    # SECRET needs one edit at most (SECRETS, SECRETARY are not); longer words tolerate two
    need = 0.9 if best in ("SECRET", "RESTRICTED") else _FUZZY_ACCEPT
    return best if best_ratio >= need else None


_LEAD = re.compile(r"[\s#*_\-–—•·\"“”'`.|>~=:;,]{0,8}")
_SPACED = re.compile(r"(?:[A-Za-z0-9$][ \-]{1,3}){3,24}[A-Za-z0-9$](?![A-Za-z0-9])")
_WORDS = re.compile(r"[A-Za-z0-9$]+(?:[ \-]{1,2}[A-Za-z0-9$]+){0,3}")


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9$]")
_ALNUM_RUN = re.compile(r"[A-Za-z0-9$]+")
_GLUED = re.compile(r"([A-Z$0-9]{5,12}?)(STATE|SECTION)$")


def _ocr_tolerant(pattern: str) -> str:
    """A pattern of letters and `|` that matches a text where `pattern` matches the text translated by
    _OCR_FIX (each letter also as the characters read for it: S as [S5$])."""
    assert re.fullmatch(r"[A-Z|]+", pattern)
    read_as: dict[str, str] = {}
    for char, letter in _OCR_FIX.items():
        read_as[letter] = read_as.get(letter, letter) + re.escape(chr(char))
    return "".join(f"[{read_as[c]}]" if c in read_as else c for c in pattern)


# _CORE searched in a head before _OCR_FIX (str.translate with a table is slow)
_CORE_OCR = re.compile(_ocr_tolerant(_CORE.pattern))


def _read_level_at(s: str, pos: int) -> tuple[str, int] | None:
    """A level written at s[pos:], as (level, end); handles spaced, hyphenated and glued forms."""
    if not _CORE_OCR.search(_NOT_WORD.sub("", s[pos : pos + 64].upper())):
        return None
    m = _SPACED.match(s, pos)
    if m:
        compact = _NOT_ALNUM.sub("", m.group()).upper()
        lv = _compact_level(compact)
        if lv:
            return lv, m.end()
    m = _WORDS.match(s, pos)
    if not m:
        return None
    # longest prefix of up to four words that reads as a level
    parts = list(_ALNUM_RUN.finditer(m.group()))
    words = [p.group() for p in parts]
    for n in range(len(parts), 0, -1):
        raw_end = pos + parts[n - 1].end()
        compact = "".join(words[:n]).upper()
        lv = _compact_level(compact)
        if lv:
            return lv, raw_end
        if n == 1:
            # classification glued to the next word: "SECRETSTATE 099063"
            g = _GLUED.match(compact)
            if g and _compact_level(g.group(1)):
                return _compact_level(g.group(1)), pos + len(g.group(1))
    return None


def _mostly_upper(raw: str) -> bool:
    letters = [c for c in raw if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@dataclass
class _Mark:
    level: str
    start: int
    end: int
    line: int
    confidence: float
    kind: str  # banner, labelled, prose, rif, review
    rest: str = ""  # text after the level on its line (controls live there)
    rest_start: int = 0


_FIRST_WORD = re.compile(r"[A-Za-z]+(?: OFFICER)?")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]{2,}\b")
_WHEN = re.compile(r"\(\s*when", re.I)


def _banner(line_text: str) -> tuple[str, int, int] | None:
    """(level, start, end) of a banner at the start of a line, else None."""
    if len(line_text.strip()) > 110:
        return None
    pos = _LEAD.match(line_text).end()
    if pos >= len(line_text) or not (line_text[pos].isupper() or line_text[pos] in "0123456789$"):
        return None
    got = _read_level_at(line_text, pos)
    if not got:
        return None
    level, end = got
    raw = line_text[pos:end]
    if not _mostly_upper(raw):
        return None
    rest = line_text[end:].strip()
    if rest and not rest.startswith("/"):
        first = _FIRST_WORD.match(rest)
        if first and first.group().upper() in _vocab().stopwords:
            return None
        lower_words = _LOWER_WORD.findall(rest)
        if len(lower_words) > 2 and not _WHEN.match(rest):
            return None
        if len(rest) > 70:
            return None
    return level, pos, end


_PROSE_SHORT = {
    "IS",
    "IT",
    "AS",
    "BE",
    "THE",
    "AND",
    "NOT",
    "WAS",
    "ARE",
    "ITS",
    "HIS",
    "HER",
    "ALL",
    "ANY",
    "FOR",
    "BUT",
    "OR",
    "TO",
    "OF",
    "IN",
    "ON",
    "AN",
    "SO",
    "NO",
    "VERY",
    "MOST",
    "KEEP",
    "KEPT",
    "HELD",
    "WERE",
    "BEEN",
    "THIS",
    "THAT",
    "WITH",
    "TOP",
    "MORE",
    "LESS",
    "WILL",
    "MAY",
    "OUR",
    "YOUR",
    "THEY",
    "WE",
    "HE",
    "SHE",
}


_JUNK_TOKEN = re.compile(r"[A-Z$][A-Z$0-9\-]{4,}")
_LETTERS = re.compile(r"[A-Za-z]+")


def _junk_wrapped(line_text: str) -> tuple[str, int, int] | None:
    """A level in upper case on a short line whose other characters are OCR debris or numbers
    ("0002458 SECRET", "7 ~«e CONFIDENTIAL", "ee | SECRET + Bis", "0 ECRETSTATE 085500")."""
    if len(line_text) <= 64 and not _CORE_OCR.search(_NOT_WORD.sub("", line_text.upper())):
        # no level core in the line: none in the head of any token (`_read_level_at` reads 64 characters)
        return None
    for tok in _JUNK_TOKEN.finditer(line_text):
        got = _read_level_at(line_text, tok.start())
        if not got or got[0] in ("UNCLASSIFIED", "RESTRICTED"):
            continue
        level, end = got
        others = _LETTERS.findall(line_text[: tok.start()] + " " + line_text[end:])
        others = [o for o in others if not (o.upper().startswith("STATE") and line_text[end:].startswith(o))]
        if all(len(o) <= 4 and o.upper() not in _PROSE_SHORT for o in others):
            return level, tok.start(), end
        return None
    return None


def _line_no(doc: Document, offset: int) -> int:
    """Number of the line holding `offset`."""
    return doc.line_at(offset).number


def _hot_lines(doc: Document) -> list[int]:
    """Lines that may hold a level word (a cheap text-wide search before the per-line reading)."""
    upper = _ascii_upper(doc.text)
    if upper is None:
        return _hot_lines_unicode(doc)
    # No match spans a line: a line is hot when one part matches in it. Each literal is searched from
    # the end of the last hot line it found.
    lines = doc.lines
    hot: set[int] = set()
    scan = _BYTE_SCAN
    for core, parts in scan.literals:
        i = upper.find(core)
        while i >= 0:
            if parts is None or any(k <= i and upper.startswith(part, i - k) for part, k in parts):
                n = _line_no(doc, i)
                hot.add(n)
                i = upper.find(core, lines[n].end + 1)
            else:
                i = upper.find(core, i + 1)
    marked = upper.translate(scan.mark)
    i = marked.find(b" # ")
    while i >= 0:
        ln = lines[_line_no(doc, i)]
        if ln.number not in hot and scan.spaced.search(upper, ln.start, ln.end):
            hot.add(ln.number)
        i = marked.find(b" # ", ln.end + 1)
    return sorted(hot)


def _hot_lines_unicode(doc: Document) -> list[int]:
    """`_hot_lines` searching `doc.text.upper()` itself."""
    upper = doc.text.upper()
    if len(upper) != len(doc.text):
        # upper-casing lengthened some character ("ß" -> "SS"): offsets as they were read before
        return sorted({_line_no(doc, m.start()) for m in _CORE_TEXT.finditer(upper)})
    # Same offsets, and no match spans a line: a line is hot when one alternative matches in it.
    # Each alternative is searched alone, from the end of the last hot line it found.
    # (Plain words are found with str.find, faster still.)
    lines = doc.lines
    hot: set[int] = set()
    for part in _CORE_PARTS:
        word = part.pattern
        if word.isalpha():
            i = upper.find(word)
            while i >= 0:
                n = _line_no(doc, i)
                hot.add(n)
                i = upper.find(word, lines[n].end + 1)
            continue
        m = part.search(upper)
        while m:
            n = _line_no(doc, m.start())
            hot.add(n)
            m = part.search(upper, lines[n].end + 1)
    return sorted(hot)


MAX_REST = 200  # characters of a line read after a labelled level, for its controls (they follow it)


_LABELLED = re.compile(
    r"(?<![A-Za-z])(?:SECURITY\s{1,3})?(?:CLASS|CLASSIFICATION|Classification)(?![A-Za-z])"
    r"[ \t:•.\-—_$?\\a-z]{0,14}"
)
_REVIEW_BLOCK = re.compile(r"(?:Classified|Reclassified)\s{1,3}by\b[\s\S]{0,300}?Class:")
_PROSE = re.compile(r"\bis\s{1,3}classified\s{1,3}[\"“']?(top\s{1,2}secret|secret|confidential)\b", re.I)
_PROSE_WORD = ("classified", 3, 5)  # every match holds it (folded), 3 to 5 characters after its start


def _prose_matches(doc: Document) -> Iterator[re.Match]:
    """`_PROSE.finditer(doc.text)`, tried only 3 to 5 characters before each "classified" (`re` tries a
    case-insensitive pattern that opens with \b at every position of the text)."""
    word, near, far = _PROSE_WORD
    text, folded = doc.text, doc.folded
    pos = 0
    j = folded.find(word)
    while j >= 0:
        for start in range(max(j - far, pos), j - near + 1):
            m = _PROSE.match(text, start)
            if m:
                yield m
                pos = m.end()
                break
        j = folded.find(word, max(j + 1, pos))


_CLASSIFIED_BY = re.compile(r"(?:Classified|Reclassified)\s{1,3}by", re.I)
_LABELLED_CORES = ("CLASS", "Classification")  # every _LABELLED match has one (CLASSIFICATION holds CLASS)
_LABELLED_BEFORE = 11  # "SECURITY" and up to three spaces before it
_LABELLED_AFTER = 30  # a match ends within 28 characters of its core; one more for the look-ahead


def _labelled(text: str) -> list[re.Match]:
    """`list(_LABELLED.finditer(text))`, searched only near each "CLASS" / "Classification".

    A match starts at most 11 characters before its core and no core lies inside another match's
    "SECURITY " or tail, so the next match from `pos` is anchored at the first core `q` at or after
    `pos` when one is anchored there (a search of [q - 11, q + 30) finds it, unchanged by the
    window), else at a later core."""
    cores: set[int] = set()
    for core in _LABELLED_CORES:
        i = text.find(core)
        while i >= 0:
            cores.add(i)
            i = text.find(core, i + 1)
    out: list[re.Match] = []
    pos = 0
    for q in sorted(cores):
        if q < pos:
            continue
        m = _LABELLED.search(text, max(pos, q - _LABELLED_BEFORE), q + _LABELLED_AFTER)
        if m and m.start() <= q:
            out.append(m)
            pos = m.end()
    return out


def _finditer(pattern: re.Pattern, doc: Document) -> Iterator[re.Match]:
    """`pattern.finditer(doc.text)`, skipped when a literal the pattern needs is not in the text."""
    yield from prefilter.finditer(pattern, doc.text, doc.folded)


# A line is read alone (banner, junk-wrapped level, every level on it): the reading of a line text is
# cached, as markings repeat on every page and in many documents. Longer lines are read each time (the
# cache would keep them alive); none of these readings takes a line that long.
_LINE_CACHE_MAX = 200


def _read_line_mark(text: str) -> tuple[str, str, int, int] | None:
    """(kind, level, start, end) of a banner or a junk-wrapped level on a line, else None."""
    b = _banner(text)
    if b:
        return ("banner", *b)
    if len(text.strip()) <= 40:
        j = _junk_wrapped(text)
        if j:
            return ("junk", *j)
    return None


_line_mark_cached = lru_cache(maxsize=8192)(_read_line_mark)


def _line_mark(text: str) -> tuple[str, str, int, int] | None:
    return _line_mark_cached(text) if len(text) <= _LINE_CACHE_MAX else _read_line_mark(text)


def _scan(doc: Document, hot: list[int]) -> list[_Mark]:
    v = _vocab()
    marks: list[_Mark] = []
    for n in hot:
        ln = doc.lines[n]
        got = _line_mark(ln.text)
        if not got:
            continue
        kind, level, s, e = got
        if kind == "banner":
            marks.append(
                _Mark(level, ln.start + s, ln.start + e, ln.number, 0.9, "banner", ln.text[e:], ln.start + e)
            )
        else:
            marks.append(_Mark(level, ln.start + s, ln.start + e, ln.number, 0.72, "junk"))
    text = doc.text
    # labelled levels: "REPORT CLASS SECRET", "classification SECRET", "Page Classification TOP SECRET//"
    for m in _labelled(text):
        pre = text[max(0, m.start() - 160) : m.start()]
        got = v.level_word_re.match(text, m.end())
        if not got:
            continue
        lv = _canon_level(got.group(1))
        if not lv:
            continue
        ln = doc.lines[_line_no(doc, m.start())]
        if _CLASSIFIED_BY.search(pre):
            marks.append(_Mark(lv, got.start(1), got.end(1), ln.number, 0.92, "review"))
            continue
        # the rest of the line, for controls after the level (not past MAX_REST: a line without end
        # would make this quadratic)
        line_end = text.find("\n", got.end(1), got.end(1) + MAX_REST)
        line_end = min(len(text), got.end(1) + MAX_REST) if line_end < 0 else line_end
        marks.append(
            _Mark(
                lv,
                got.start(1),
                got.end(1),
                ln.number,
                0.88,
                "labelled",
                text[got.end(1) : line_end],
                got.end(1),
            )
        )
    # State review blocks where the level is not right after "Class:" (columns interleaved)
    reviews = {mk.start for mk in marks if mk.kind == "review"}  # (a set: thousands of blocks stay linear)
    for m in _finditer(_REVIEW_BLOCK, doc):
        got = _vocab().review_level_re.search(text[m.end() : m.end() + 200])
        if got:
            s = m.end() + got.start(1)
            if s not in reviews:
                reviews.add(s)
                marks.append(_Mark(got.group(1), s, s + len(got.group(1)), _line_no(doc, s), 0.9, "review"))
    # prose: "This LHM is classified secret"
    for m in _prose_matches(doc):
        lv = _canon_level(m.group(1))
        marks.append(_Mark(lv, m.start(1), m.end(1), _line_no(doc, m.start()), 0.8, "prose"))
    return marks


# (each alternative starts with its own word: `_search_at`)
_RIF_HEAD = re.compile(r"IDENTIFICATION\s{1,3}FORM|ASSASSINATION\s{1,3}SYSTEM", re.I)
_RIF_FOOTER = re.compile(r"Doc\s?[Il1]d|Page\s1\b")
_RIF_LABEL = re.compile(  # (every match holds "ASS")
    r"^[^A-Za-z]{0,4}(?:[a-z]{1,4}\s)?(?:ORIGINAL\s)?C[LI1]ASS[A-Z1]{6,8}ON\b\s{0,3}[:;•.]?\s{0,3}[—\-]?\s*"
)


def _search_at(
    pattern: re.Pattern, text: str, hay: str, leads: tuple[str, ...], pos: int, endpos: int
) -> re.Match | None:
    """`pattern.search(text, pos, endpos)` for a pattern each of whose alternatives starts with one of
    `leads` (as found in `hay`: `text`, or its folded form for a case-insensitive pattern), tried only
    where one stands: `re` tries a case-insensitive alternation at every position of the text."""
    found = [(i, lead) for lead in leads if (i := hay.find(lead, pos, endpos)) >= 0]
    while found:
        i, lead = min(found)
        m = pattern.match(text, i, endpos)
        if m:
            return m
        found.remove((i, lead))
        if (i := hay.find(lead, i + 1, endpos)) >= 0:
            found.append((i, lead))
    return None


def _first_line_from(doc: Document, offset: int) -> int:
    """Number of the first line starting at or after `offset` (len(doc.lines) when none does)."""
    if offset <= 0:
        return 0
    ln = doc.line_at(offset)
    return ln.number if ln.start >= offset else ln.number + 1


def _rif(doc: Document) -> _Mark | None:
    """Level from the RIF cover sheet's CLASSIFICATION line."""
    v = _vocab()
    # the form may follow an ARRB notification (its words, folded, are in the first 8000 characters
    # when the pattern matches there: most documents are not RIFs and are ruled out by two finds)
    head = _search_at(_RIF_HEAD, doc.text, doc.folded, ("identification", "assassination"), 0, 8000)
    if not head:
        return None
    footer = _search_at(_RIF_FOOTER, doc.text, doc.text, ("Doc", "Page"), head.end(), head.end() + 8000)
    limit = footer.start() if footer else head.end() + 5000
    lines = doc.lines[_first_line_from(doc, head.start() - 200) : _first_line_from(doc, limit)]
    for i, ln in enumerate(lines):
        m = _RIF_LABEL.match(ln.text) if "ASS" in ln.text else None
        if not m:
            continue
        rest = ln.text[m.end() :]
        got = v.level_word_re.match(rest)
        if got:
            lv = _canon_level(got.group(1))
            s = ln.start + m.end() + got.start(1)
            return _Mark(lv, s, s + len(got.group(1)), ln.number, 0.85, "rif")
        code = re.match(r"([STCU5])(?![A-Za-z0-9])", rest)
        if code:
            s = ln.start + m.end()
            return _Mark(v.rif_codes[code.group(1)], s, s + 1, ln.number, 0.83, "rif")
        if rest.strip():
            return None
        # the value printed further down (Apple Vision: labels first, values later)
        for j, nxt in enumerate(lines[i + 1 : i + 1 + RIF_SCAN_LINES]):
            t = nxt.text.strip()
            if not t:
                continue
            full = v.rif_value_re.fullmatch(t)
            if full:
                s = nxt.start + nxt.text.index(full.group(1))
                return _Mark(_canon_level(full.group(1)), s, s + len(full.group(1)), nxt.number, 0.8, "rif")
            code = re.fullmatch(r"[:•.\s]{0,4}(?:[^A-Za-z\s]\s)?([STCU])", t)
            if code and j <= 3:
                s = nxt.start + nxt.text.index(code.group(1))
                return _Mark(v.rif_codes[code.group(1)], s, s + 1, nxt.number, 0.75, "rif")
        return None
    return None


def _is_form_option(doc: Document, mark: _Mark, by_line: dict[int, frozenset[str]]) -> bool:
    """A level printed in a form's checkbox list of every level (routing slips, record sheets)."""
    others = set()
    for n in range(mark.line - WINDOW_FORM, mark.line + WINDOW_FORM + 1):
        others |= by_line.get(n, set())
    others.discard(mark.level)
    if len(others) >= 2:
        return True
    # checkbox rows print the levels in ascending order: "UNCLASSIFIED / CONFIDENTIAL / SECRET"
    rank = _vocab().rank
    for n in range(mark.line - 1, max(-1, mark.line - 4), -1):
        if not doc.lines[n].text.strip():
            continue
        prev = by_line.get(n, set()) - {"INTERNAL USE ONLY"}
        if prev and len(doc.lines[n].text.strip()) <= 20 and all(rank[p] < rank[mark.level] for p in prev):
            return True
        break
    for n in range(mark.line + 1, min(len(doc.lines), mark.line + 4)):
        if not doc.lines[n].text.strip():
            continue
        nxt = by_line.get(n, set()) - {"INTERNAL USE ONLY"}
        if nxt and len(doc.lines[n].text.strip()) <= 20 and all(rank[p] > rank[mark.level] for p in nxt):
            return mark.level == "UNCLASSIFIED"
        break
    lines = doc.lines
    lo, hi = max(0, mark.line - WINDOW_CUE), min(len(lines), mark.line + WINDOW_CUE + 1)
    near = " ".join(ln.text for ln in lines[lo:hi]).upper()
    return any(cue in near for cue in _vocab().form_cues)


def _is_release_marking(doc: Document, mark: _Mark) -> bool:
    """An UNCLASSIFIED line that is a release banner / review stamp, not the document's own level."""
    lines = doc.lines
    lo, hi = max(0, mark.line - WINDOW_CUE), min(len(lines), mark.line + WINDOW_CUE + 1)
    near = " ".join(ln.text for ln in lines[lo:hi]).upper()
    return any(cue in near for cue in _vocab().release_cues)


_FOUR_UPPER = re.compile(r"[A-Z]{4}")
_LEVEL_RUN = re.compile(r"[A-Z$0-9][A-Z$0-9 ]{3,16}")
_LEVEL_TOKEN = re.compile(r"[A-Z$0-9]{5,14}")


def _all_level_lines(doc: Document, hot: list[int]) -> dict[int, frozenset[str]]:
    """Levels written anywhere on each line (loosely), to recognise checkbox lists."""
    out: dict[int, set[str]] = {}
    for n in hot:
        t = doc.lines[n].text
        if len(t) > 120:
            continue
        found = _line_levels(t)
        if found:
            out[n] = found
    return out


@lru_cache(maxsize=8192)
def _line_levels(t: str) -> frozenset[str]:
    """Levels written anywhere on a line of at most 120 characters (see `_all_level_lines`)."""
    if not _FOUR_UPPER.search(t):
        return frozenset()
    found = set()
    upper = t.upper()
    for w in _LEVEL_RUN.finditer(upper):
        for tok in _LEVEL_TOKEN.findall(w.group()):
            lv = _compact_level(tok)
            if lv:
                found.add(lv)
    if "INTERNAL" in upper or "USE ONLY" in upper and "BACKGROUND" not in upper:
        found.add("INTERNAL USE ONLY")
    return frozenset(found)


def _controls_in(rest: str, base: int, after_level: bool) -> Iterator[tuple[str, int, int]]:
    for name, s, e in _controls_at(rest, after_level):
        yield name, base + s, base + e


@lru_cache(maxsize=4096)
def _controls_at(rest: str, after_level: bool) -> tuple[tuple[str, int, int], ...]:
    """The controls in `rest`, offsets relative to it. Cached: a marking repeated on every page (or
    thousands of times in a hostile file) carries the same rest, and every control pattern is tried
    on it."""
    return tuple(_find_controls(rest, after_level))


_SLASH_BEFORE = re.compile(r"/\s*$")
_SLASH_AFTER = re.compile(r"\s*/")


def _find_controls(rest: str, after_level: bool) -> Iterator[tuple[str, int, int]]:
    v = _vocab()
    if not v.any_control.search(rest):
        return  # (most text holds none: one search rather than one per control)
    taken: list[tuple[int, int]] = []
    for name, pat in v.controls:
        for m in pat.finditer(rest):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if name in v.short:
                # short codes (SI, TK) only as // segments; codewords also right after the level
                seg = _SLASH_BEFORE.search(rest[: m.start()]) or _SLASH_AFTER.match(rest[m.end() :])
                if not seg and not (
                    after_level and name not in ("SI", "TK", "HCS") and not rest[: m.start()].strip()
                ):
                    continue
            if not _mostly_upper(m.group()) and "/" not in rest:
                continue
            taken.append((m.start(), m.end()))
            yield name, m.start(), m.end()


_WORD3 = re.compile(r"[A-Za-z]{3,}")
_UPPER_RUN = re.compile(r"[A-Z]+")


def _controls(doc: Document, kept: list[_Mark]) -> Iterator[tuple[str, int, int, float]]:
    v = _vocab()
    text = doc.text
    banner_lines = {m.line for m in kept}
    for m in kept:
        if m.kind in ("banner", "labelled") and m.rest:
            for name, s, e in _controls_in(m.rest, m.rest_start, True):
                yield name, s, e, 0.85
    # lines next to a banner made only of control phrases ("NO FOREIGN DISSEM", "WNINTEL RYBAT")
    for n in sorted(banner_lines):
        for k in (n - 2, n - 1, n + 1, n + 2):
            if k < 0 or k >= len(doc.lines) or k in banner_lines:
                continue
            ln = doc.lines[k]
            t = ln.text.strip()
            if not t or len(t) > 80:
                continue
            found = list(_controls_in(ln.text, ln.start, False))
            leftover = ln.text
            for _, s, e in found:
                leftover = leftover[: s - ln.start] + " " * (e - s) + leftover[e - ln.start :]
            if found and not _WORD3.search(leftover):
                for name, s, e in found:
                    yield name, s, e, 0.8
    # distinctive control words anywhere, as printed (upper case)
    # (the lines holding a key: where one of `anywhere_keys` matches, as no key spans a line)
    key_lines = doc.lines_with(v.anywhere_keys)
    # a phrase may wrap onto the next lines ("WARNING NOTICE" / "SENSITIVE ... INVOLVED"); a control is
    # searched only in the windows holding the literals it needs (a test of a short window)
    windows = []
    for n in key_lines:
        start = doc.lines[n].start
        end = max(doc.lines[min(n + 2, len(doc.lines) - 1)].end, doc.lines[n].end)
        windows.append((start, end, text[start:end]))
    for name, pat in v.anywhere if windows else ():
        for start, end, window in windows:
            m = could_match(pat, window) and pat.search(text, start, end)
            if m:
                yield name, m.start(), m.end(), 0.78
                break
    # cable slug lines near a marking: "RYBAT TYPIC AMCROAK", "WNINTEL RYBAT" (in notes they are content)
    # (only a line holding a slug word can yield one: most texts have none, and no window is built)
    slug_lines = doc.lines_with(v.slug_words) if banner_lines else []
    filled = [ln.number for ln in doc.lines if ln.text.strip()] if slug_lines else []
    pos = {n: i for i, n in enumerate(filled)}
    near = set()
    for n in banner_lines:
        if n in pos:
            i = pos[n]
            near.update(filled[max(0, i - SLUG_WINDOW) : i + SLUG_WINDOW + 1])
    for n in sorted(near.intersection(slug_lines)):
        ln = doc.lines[n]
        toks = ln.text.split()
        if 1 <= len(toks) <= 5 and any(t in v.slug for t in toks) and all(_mostly_upper(t) for t in toks):
            for t in toks:
                if t in v.slug:
                    s = ln.start + ln.text.index(t)
                    yield t, s, s + len(t), 0.75
    # a CIA cable slug line anywhere: a slug control, maybe OCR-damaged, before the TYPIC cryptonym
    # ("RYBAT TYPIC ANECRU", "RYBaq TYPIG ALECRU", "R¥fat TYP AMERD"): TYPIC stands only in slugs
    # and subject lines, and the damaged word is read only right before it
    for n in doc.lines_with(("typ",), folded=True):
        got = _damaged_slug(doc.lines[n].text)
        if got:
            name, s, e = got
            yield name, doc.lines[n].start + s, doc.lines[n].start + e, 0.72
    # portion marks with controls: "(TS//SI//NF)"
    for m in _PORTION.finditer(text) if "//" in text else ():
        for seg in _UPPER_RUN.finditer(m.group(1)):
            name = v.portion.get(seg.group())
            if name:
                s = m.start(1) + seg.start()
                yield name, s, s + len(seg.group()), 0.75


_PORTION = re.compile(r"\((?:TS|S|C)//([A-Z]{1,6}(?:/{1,2}[A-Z]{1,6}){0,3})\)")
_SLUG_OCR = str.maketrans({"¥": "Y", "8": "B", "5": "S", "0": "O", "1": "I", "$": "S"})
_SLUG_TYPIC = re.compile(r"TYP[A-Z]{0,2}\W?", re.I)


_NOT_SPACE_RUN = re.compile(r"\S+")
_LETTER = re.compile(r"[A-Za-z]")


def _damaged_slug(line: str) -> tuple[str, int, int] | None:
    """(slug control, start, end) of a slug line `<control> TYPIC ...` of at most five words, the control
    word as OCR may damage it (one letter in five wrong)."""
    if len(line.split(None, 6)) > 6:
        return None  # seven words or more: six after a dropped mark at most (split() splits as \S+ finds)
    toks = list(_NOT_SPACE_RUN.finditer(line))
    if toks and not _LETTER.search(toks[0].group()):
        toks = toks[1:]  # a mark before the slug (": RYBAT TYPIC")
    if not 2 <= len(toks) <= 5 or not _SLUG_TYPIC.fullmatch(toks[1].group()):
        return None
    word = _NOT_UPPER.sub("", toks[0].group().upper().translate(_SLUG_OCR))
    for name in _vocab().slug:
        if len(word) == len(name) and difflib.SequenceMatcher(None, word, name).ratio() >= 0.8:
            return name, toks[0].start(), toks[0].end()
    return None


def extract(doc: Document) -> Iterator[Candidate]:
    v = _vocab()
    hot = _hot_lines(doc)
    marks = _scan(doc, hot)
    rif = _rif(doc)
    rif_span = (rif.start, rif.end) if rif else None
    by_line = _all_level_lines(doc, hot)

    review_spans = [(m.start, m.end) for m in marks if m.kind == "review"]
    rif_line = _line_no(doc, rif_span[0]) if rif_span else -1
    kept: list[_Mark] = []
    for m in marks:
        if m.kind != "review" and any(s < m.end and m.start < e for s, e in review_spans):
            continue
        if m.line == rif_line and m.kind != "review":
            continue
        if m.kind == "banner" and _is_form_option(doc, m, by_line):
            continue
        if m.level == "UNCLASSIFIED" and m.kind in ("banner", "labelled") and _is_release_marking(doc, m):
            continue
        kept.append(m)
    if rif:
        kept.append(rif)

    for m in sorted(kept, key=lambda m: m.start):
        yield Candidate(
            "classification.markings", m.level, m.start, m.end, m.confidence, f"rule:class-{m.kind}"
        )

    review = [m for m in kept if m.kind == "review"]
    if review:
        top = max(review, key=lambda m: (v.rank[m.level], -m.start))
        yield Candidate(
            "classification.current", top.level, top.start, top.end, 0.92, "rule:class-review-block"
        )

    own = [m for m in kept if m.kind != "review"]
    if own:
        top_rank = max(v.rank[m.level] for m in own)
        best = [m for m in own if v.rank[m.level] == top_rank]
        pick = max(best, key=lambda m: (m.confidence, -m.start))
        conf = pick.confidence
        if pick.level == "UNCLASSIFIED" and pick.kind != "rif":
            conf = min(conf, 0.7)
        elif pick.kind != "rif":
            # the document's own marking outranks the RIF cover sheet (GUIDELINE)
            conf = max(conf, 0.88)
        if len({m.kind for m in best}) > 1 or len(best) > 1:
            conf = min(0.97, conf + 0.03)
        yield Candidate(
            "classification.original", pick.level, pick.start, pick.end, conf, f"rule:class-{pick.kind}"
        )

    seen: set[str] = set()
    for name, s, e, conf in _controls(doc, [m for m in kept if m.kind != "rif"]):
        if name in seen:
            continue
        seen.add(name)
        yield Candidate("classification.controls", name, s, e, conf, "rule:class-control")
