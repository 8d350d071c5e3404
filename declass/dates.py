"""Reading dates as they are printed in government records, fast paths first.

Returns ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or EDTF with `X` for unreadable digits
(`198X-08-19`). dateparser is the fallback for forms the fast paths do not know, imported lazily
because it costs a large share of start-up time.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime

from .prefilter import fold

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "febr": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH_ALT = (
    r"(?:jan(?:uary)?|feb(?:r(?:uary)?|ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # OCR misreads the capital of a long month name ("23 Necember 1966", "6 lovember 1953"): the rest of
    # the full name must be intact
    r"|[a-z](?:ecember|ovember|ctober|eptember|anuary|ebruary))"
)
# full month names by their tail, for the OCR-damaged capitals above
_MONTH_TAILS = {"ecember": 12, "ovember": 11, "ctober": 10, "eptember": 9, "anuary": 1, "ebruary": 2}
# OCR reads digits as letters: l962, O5, I9 (S for 5 is too ambiguous to take). The letter classes are
# case-sensitive even inside IGNORECASE patterns ("(?-i:...)"), and a day or year needs at least one real
# digit, so "April 1997" is not read as day "il" of April.
_DAY = r"(?-i:\d[0-9lIO]?|[lIO]\d)"
_YEAR4 = r"(?-i:[1lI][6-9lIO]\d[0-9lIO]|[1lI][6-9]\d[0-9lIO]|20\d{2})"
_YEAR2 = r"(?-i:\d[0-9lIO]|[lIO]\d)"
# (the letters are mapped to digits when read)
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})

# the end of a year: a word boundary, or a time of day glued to a four-digit year by a text layer that
# lost the space ("September 20, 201112:07 AM" is 2011 at 12:07)
_YEAR_END = r"(?:\b|(?<=\d{4})(?=[0-2]?\d:[0-5]\d))"
# "October 26, 1962", "Oct. 26 1962", "October 26,1962"
MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s{{0,3}}(?P<day>{_DAY})(?![0-9])(?:st|nd|rd|th)?\s{{0,2}},?\s{{0,3}}(?P<year>{_YEAR4}|{_YEAR2}){_YEAR_END}",
    re.IGNORECASE,
)
# "26 October 1962", "26 Oct 62", "26OCT62"
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>{_DAY})\s{{0,2}}(?P<month>{_MONTH_ALT})\.?,?\s{{0,2}}(?P<year>{_YEAR4}|{_YEAR2}){_YEAR_END}",
    re.IGNORECASE,
)
# "October 1962"
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_ALT})\.?,?\s{{1,3}}(?P<year>{_YEAR4})\b", re.IGNORECASE)
# "10/26/62", "10-21-2021", "8/19/8" (truncated year), "10.26.1962"
NUMERIC_MDY = re.compile(
    rf"(?<![\w/.-])(?P<month>{_DAY})(?P<sep>[/.-])(?P<day>{_DAY})(?P=sep)(?P<year>{_YEAR4}|{_YEAR2}|\d)(?![\w/]|-\d|\.\d)"
)
# "2003/04/18", "1962-10-26"
NUMERIC_YMD = re.compile(
    rf"(?<![\w/.-])(?P<year>(?:1[89]|20)\d{{2}})(?P<sep>[/-])(?P<month>{_DAY})(?P=sep)(?P<day>{_DAY})(?![\w/]|-\d)"
)
# telegram date-time group: "281848Z DEC 66", "281848Z Dec 1966"
DTG = re.compile(
    rf"\b(?P<day>[0-3]\d)(?P<time>[0-2]\d[0-5]\d)\s?Z\s{{0,2}}(?P<month>{_MONTH_ALT})\s{{0,2}}(?P<year>\d{{4}}|\d{{2}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: str  # ISO / EDTF
    form: str  # which pattern read it


def _num(s: str) -> int:
    return int(s.translate(_OCR_DIGITS))


# this year, and the time (`time.time()`) its local new year's day ends it at
_YEAR_NOW = [0, float("-inf")]


def _this_year() -> int:
    """`date.today().year`, asked of the C library again only once the year is over: `date.today()` reads
    the local time zone at every call (4 us, several times a document)."""
    if time.time() >= _YEAR_NOW[1]:
        year = date.today().year
        _YEAR_NOW[:] = [year, datetime(year + 1, 1, 1).timestamp()]
    return _YEAR_NOW[0]


def resolve_year(year: str, era: int | None = None) -> str | None:
    """Four-character year (maybe with X) from a printed year of 1, 2 or 4 digits.

    Two-digit years go to the century that puts them nearest `era` (a year the context suggests,
    such as the document's own), never into the future; with no era, 19xx unless 20xx is at
    most this year and 19xx would be before 1931. A one-digit year is a two-digit year whose last
    digit is lost ("8/19/8"): 19dX.
    """
    y = year.translate(_OCR_DIGITS)
    if not y.isdigit():
        return None
    if len(y) == 4:
        return y if 1700 <= int(y) <= _this_year() + 1 else None
    if len(y) == 2:
        yy = int(y)
        this_year = _this_year()
        options = [c + yy for c in (1900, 2000) if c + yy <= this_year]
        if era is not None:
            return str(min(options, key=lambda full: abs(full - era)))
        return str(2000 + yy if 2000 + yy <= this_year and yy <= 30 else 1900 + yy)
    if len(y) == 1:
        return f"19{y}X"
    return None


def iso_date(year: str | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO/EDTF text of a year (maybe with X), month and day, or None when they are no date."""
    if year is None:
        return None
    if month is None:
        return year
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    if "X" not in year:
        try:
            date(int(year), month, day)
        except ValueError:
            return None
    return f"{year}-{month:02d}-{day:02d}"


def _from_match(m: re.Match, form: str, era: int | None, base: int = 0) -> DateMatch | None:
    gd = m.groupdict()
    month_s = gd.get("month")
    if month_s is None:
        return None
    if form in ("month_day_year", "day_month_year", "month_year", "dtg"):
        month = MONTHS.get(month_s.lower().rstrip("."))
        if month is None:
            month = MONTHS.get(month_s.lower()[:3]) or _MONTH_TAILS.get(month_s.lower()[1:])
    else:
        month = _num(month_s)
    year = resolve_year(gd["year"], era)
    day = _num(gd["day"]) if gd.get("day") else None
    value = iso_date(year, month, day)
    if value is None:
        return None
    return DateMatch(m.start() + base, m.end() + base, value, form)


FORMS = (
    ("dtg", DTG),
    ("month_day_year", MONTH_DAY_YEAR),
    ("day_month_year", DAY_MONTH_YEAR),
    ("numeric_ymd", NUMERIC_YMD),
    ("numeric_mdy", NUMERIC_MDY),
    ("month_year", MONTH_YEAR),
)


# Every form needs a decimal digit (a day, a year or a month number). The numeric forms need a separator.
_DIGIT = re.compile(r"\d")
# Where a month name of `_MONTH_ALT` can start, in the folded text (`prefilter.fold`: the same offsets,
# and each letter the case-insensitive patterns match is its lower-case ASCII letter there): at its first
# three letters, or one character before the tail of a long name whose capital OCR misread. The
# month-name forms are matched only there, at the offset their month takes from their start: `re`
# tried those case-insensitive patterns at every position of the text.
_MONTH_PIECE = re.compile(
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ecember|ovember|ctober|eptember|anuary|ebruary"
)
# how far before its month a match of each month-name form starts: "October 26, 1962" and "October 1962"
# there; a day of 1-2 characters and 0-2 spaces before "26 October 1962"; six digits, an optional space,
# "Z" and 0-2 spaces before "281848Z DEC 66"
_MONTH_OFFSETS = {
    "month_day_year": (0,),
    "month_year": (0,),
    "day_month_year": (4, 3, 2, 1),
    "dtg": (10, 9, 8, 7),
}


# A numeric date's first separator, with the first character of the number after it (a month or a day:
# `_DAY`). The numeric forms open with a lookbehind, which keeps `re` from skipping ahead to a likely
# start: they are matched only one or two characters before such a separator (the month of "10/26/62")
# or four (the year of "1962-10-26").
_NUMERIC_SEP = re.compile(r"[/.-][\dlIO]")


def _month_starts(folded: str) -> list[int]:
    """Offsets where a month name can start in `folded`, in order (unique or not)."""
    starts = []
    search = _MONTH_PIECE.search
    m = search(folded)
    while m is not None:
        i = m.start()
        starts.append(i if m.end() - i == 3 else i - 1)  # (a first three letters, or a tail)
        m = search(folded, i + 1)  # (pieces overlap: "january" holds "jan" and "anuary")
    return starts


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """`pattern.finditer(text)` when every match starts at one of `starts` (sorted): each
    search from the end of the match before finds the first of them where the pattern matches (a
    match from an offset sees the text before it, for lookbehinds and \\b, as a search does)."""
    found = []
    pos = 0
    match = pattern.match
    for start in starts:
        if start >= pos:
            m = match(text, start)
            if m is not None:
                found.append(m)
                pos = m.end()
    return found


def find_dates(text: str, era: int | None = None, base: int = 0) -> list[DateMatch]:
    """Every date in `text` the fast paths can read, left to right, without overlaps."""
    found: list[DateMatch] = []
    if not _DIGIT.search(text):
        return found
    folded = fold(text)
    months = _month_starts(folded)
    seps = (
        [m.start() for m in _NUMERIC_SEP.finditer(text)] if "/" in text or "-" in text or "." in text else ()
    )
    taken: list[tuple[int, int]] = []  # spans an earlier form already read a date in
    for form, pattern in FORMS:
        if form in _MONTH_OFFSETS:
            if not months or (form == "dtg" and "z" not in folded):
                continue
            offsets = _MONTH_OFFSETS[form]
            starts = months if offsets == (0,) else sorted({q - k for q in months for k in offsets if q >= k})
            matches = _matches_at(pattern, text, starts)
        elif not seps:
            continue
        elif form == "numeric_ymd":
            matches = _matches_at(pattern, text, [i - 4 for i in seps if i >= 4 and text[i] != "."])
        else:
            matches = _matches_at(pattern, text, sorted({i - k for i in seps for k in (2, 1) if i >= k}))
        for m in matches:
            start, end = m.span()
            if taken and any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            dm = _from_match(m, form, era, base)
            if dm is not None:
                found.append(dm)
                taken.append((start, end))
    if len(found) > 1:
        found.sort(key=lambda d: d.start)
    return found


def parse_date(raw: str, era: int | None = None) -> str | None:
    """Read one date string: the fast paths, then dateparser for what they do not know."""
    raw = raw.strip()
    found = find_dates(raw, era)
    if found:
        return found[0].value
    if not raw or len(raw) > 40 or not re.search(r"\d", raw):
        return None
    import dateparser  # lazy: heavy import

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "DATE_ORDER": "MDY"}
    parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    if parsed is None or not 1700 <= parsed.year <= date.today().year + 1:
        return None
    return parsed.date().isoformat()


def earlier(a: str, b: str) -> bool:
    """True when date `a` is surely before date `b` (both ISO/EDTF, any precision)."""
    pa, pb = a.split("-"), b.split("-")
    for x, y in zip(pa, pb, strict=False):
        if "X" in x or "X" in y:
            # compare the known prefix of a year only
            k = min(x.find("X") if "X" in x else len(x), y.find("X") if "X" in y else len(y))
            if x[:k] != y[:k]:
                return x[:k] < y[:k]
            return False
        if x != y:
            return int(x) < int(y)
    return False


# a weekday before a dateline, with the dash or comma that joins them: "Friday - 9 December 1977"
# (the Office of Legislative Counsel's journal), "Tuesday, 13 June 1978"
WEEKDAY_PREFIX = re.compile(
    r"^\W{0,3}(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s{0,2}[-–—~,.]?\s{0,2}$", re.IGNORECASE
)


# A date cited in running text or in a list of references is the date of something else (another
# document, an event), never the dateline of the document at hand: "dated 24 April 1978", "dtd 28 Nov
# 78", "On February 25, 1969, source ...", "UFGA-26168, 20 October 1966", "B. BARR-1607, dated ...",
# "(see CSCI-316/01239-64, 12 October 1964)".
_CITING_WORD = re.compile(
    r"(?:\b(?:dated|dtd|of|on|in|since|until|from|by|before|after)|\d\)?,)[\s.,;:]{0,3}$", re.IGNORECASE
)
# the line before ends with the citing word when the date starts the next line ("REQUEST OF\n1 MARCH")
_CITING_LINE_END = re.compile(r"\b(?:dated|dtd|of)[\s.,;:]{0,3}$", re.IGNORECASE)
# an item of a list of references or sub-paragraphs: "B. COSMA 28328, 24 JAN 73", "(B). MEXI 5507",
# "b. WAVE 7523 (IN ) 15 Nov 63"
_LIST_ITEM = re.compile(r"^\W{0,3}(?:\([A-Ha-h]\)|[A-Ha-h][.,])\.?\s")
# a references label before the date on its line ("REFERENCES : A. Initial Request Letter, 19 July 1976")
_REF_LABEL = re.compile(r"\bREF(?:ERENCE)?S?\b", re.IGNORECASE)


# a line that opens a list of references: the next line continues it
_REF_LINE = re.compile(r"^\W{0,3}REF(?:ERENCE)?S?\b\s{0,3}[:;.]?", re.IGNORECASE)


def cited(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is cited (in a sentence, a reference) rather than standing as
    the document's own date: judged on its line and the end of the line before."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    if _CITING_WORD.search(before) or _LIST_ITEM.match(before) or _REF_LABEL.search(before):
        return True
    if after.lstrip(" ").startswith(")"):
        return True  # "(see CSCI-316/01239-64, 12 October 1964)"
    prev = text[max(0, line_start - 300) : line_start].rstrip()
    prev_line = prev[prev.rfind("\n") + 1 :]
    if _REF_LINE.match(prev_line):
        return True  # the line under "REFERENCES : A. Memo ... dtd" / "REFERENCES CSCI-3{773 , 366"
    if not before.strip(" \t.,;:'\"‘’“”-_|"):
        return bool(_CITING_LINE_END.search(prev))
    return False
