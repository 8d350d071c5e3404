"""Extractor: review and release stamps.

Reads the markings that reviewers put on a released copy: the JFK Act release stamp and NARA page
footers ("Case#:NW 65924 Date: 10-21-2021", "NW 65924 DocId:32105898 Page 1"), the "2023 RELEASE
UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992" header, CIA "APPROVED FOR
RELEASE", FBI "ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED ... DATE ... BY ...", State FADRC/FOI
review stamps, State FOIA reading-room banners ("Case No. F-2014-20439 Doc No. ... Date: 07/31/2015"),
"RELEASE IN FULL/PART", review-time "Classified by ... on" blocks, "Declassification Authority:" lines,
E.O. lines, "Derived From:" authorities and exemption codes.

Fields: declassification.declassified, case_numbers, review_dates, reviewers, authorities, exemptions.
The vocabulary (stamp phrasings, authority names, exemption code pattern) is in data/stamps.json.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from .. import data as data_files
from .. import prefilter
from ..dates import find_dates, iso_date, resolve_year
from ..document import Document
from ..prefilter import _c, _sre_parse, could_match, line_search  # (the regex parser, as prefilter reads it)
from .base import Candidate

F_DECL = "declassification.declassified"
F_CASE = "declassification.case_numbers"
F_DATE = "declassification.review_dates"
F_REVIEWER = "declassification.reviewers"
F_AUTH = "declassification.authorities"
F_EXEMPT = "declassification.exemptions"

# at most this many declassified votes per stamp style: one is enough, a few show the evidence
MAX_VOTES_PER_STYLE = 3


@lru_cache(maxsize=1)
def _data() -> dict:
    return data_files.load("stamps")


@lru_cache(maxsize=1)
def _release_patterns() -> list[tuple[str, re.Pattern, float]]:
    out = []
    for p in _data()["release_phrases"]:
        flags = 0 if p.get("case_sensitive") else re.IGNORECASE
        out.append((p["name"], re.compile(p["pattern"], flags), p["confidence"]))
    return out


# a numeric date as stamps print it, tolerant of OCR separators ("10:21-2021", "11-01.2021") and of a
# lost last digit ("8/19/8", "3/1?/2020")
_LOOSE_DATE = (
    r"(?P<m>[01]?\d)\s?[-/.:]\s?(?P<d>[0-3]?\d|[0-3]\?)\s?[-/.:]\s?(?P<y>(?:19|20)\d\d|\d{1,2})(?![\d/])"
)
LOOSE_DATE = re.compile(r"(?<![\d/])" + _LOOSE_DATE)


def _loose_value(m: re.Match, min_year: int = 1950) -> str | None:
    month = int(m.group("m"))
    day_s = m.group("d")
    year = resolve_year(m.group("y"))
    if year is None or not 1 <= month <= 12:
        return None
    if "X" not in year and not min_year <= int(year) <= date.today().year + 1:
        return None
    if day_s.endswith("?"):
        return f"{year}-{month:02d}-{day_s[0]}X"
    return iso_date(year, month, int(day_s))


def _date_cand(_scan: _Scan | None, m: re.Match, base: int, conf: float, method: str, min_year: int = 1950):
    value = _loose_value(m, min_year)
    if value is None:
        return None
    return Candidate(F_DATE, value, base + m.start(), base + m.end(), conf, method)


class _Scan:
    """One document's text as the patterns of this module search it, with the places of the anchors
    of those patterns (found once per document: many patterns share one) and each pattern's matches
    (several fields read the same stamp)."""

    __slots__ = ("text", "folded", "_places", "_matches")

    def __init__(self, doc: Document):
        self.text = doc.text
        self.folded = doc.folded
        self._places: dict[tuple[str, bool] | int, list[int]] = {}
        self._matches: dict[int, list[re.Match]] = {}

    def places(self, key: tuple[str, bool] | re.Pattern) -> list[int]:
        """Every offset where a literal stands in the text (literal, in the folded text), overlaps too;
        or where a (module-level) pattern's `finditer` finds a match."""
        memo = key if isinstance(key, tuple) else id(key)
        found = self._places.get(memo)
        if found is not None:
            return found
        if not isinstance(key, tuple):
            found = [m.start() for m in key.finditer(self.text)]
        else:
            needle, folded = key
            hay = self.folded if folded else self.text
            family = _family(needle)
            if family is not None and (family[0], True) != key:
                # the literal stands where the folded text holds its family's literal at its offset
                fam, at = family
                starts = hay.startswith
                found = [i - at for i in self.places((fam, True)) if i >= at and starts(needle, i - at)]
            else:
                found = []
                i = hay.find(needle)
                while i >= 0:
                    found.append(i)
                    i = hay.find(needle, i + 1)
        self._places[memo] = found
        return found


# Anchors that share a part, each found from the places of that part in the folded text (one scan of
# the text for all of them), and preferred as anchors: "RELEASE", "Released", "eleased";
# "DECLASSIFIED", "Declassification", "lassified", "UNCLASSIFIED"; "Case", "CASE"; "2107" in either
# text; "RECORDS", "Records", "rds"; "NND", "nnd"; "REVIEWED", "Review", "revie".
FAMILIES = ("elease", "lassif", "case", "2107", "rds", "nnd", "revie")
_FAMILY_OF: dict[str, tuple[str, int] | None] = {}


def _family(needle: str) -> tuple[str, int] | None:
    """(the family literal the folded `needle` holds, its offset in the needle), or None."""
    try:
        return _FAMILY_OF[needle]
    except KeyError:
        low = needle.lower()
        found = _FAMILY_OF[needle] = next(((fam, low.find(fam)) for fam in FAMILIES if fam in low), None)
        return found


# An anchor of a pattern: something every match holds at a bounded offset from its start, as (what,
# least offset, greatest offset), what being a literal (literal, in the folded text) or the start of a
# match of another pattern that its `finditer` finds; a pattern's anchors are a tuple of which every
# match holds one (one per branch of a top-level alternation). `re` tries a pattern at every position
# of the text unless it opens with a case-sensitive literal, and `could_match` scans the text for up to
# three literals per pattern; `str.find` of one literal per pattern, shared by the patterns that use
# it, then `match` at the few positions it leaves is both tests at once.
MIN_ANCHOR = 3
_Anchor = tuple[tuple[str, bool] | re.Pattern, int, int]
_ANCHORS: dict[int, tuple[re.Pattern, tuple[_Anchor, ...] | None]] = {}


def _anchors(pattern: re.Pattern) -> tuple[_Anchor, ...] | None:
    hit = _ANCHORS.get(id(pattern))
    if hit is not None and hit[0] is pattern:
        return hit[1]
    found = None
    if _sre_parse is not None:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        ci = bool(parsed.state.flags & re.IGNORECASE)
        runs = _seq_anchors(list(parsed), parsed.state)
        if runs is not None:
            found = tuple(((lit.lower() if ci else lit, ci), lo, hi) for lit, lo, hi in runs)
    _ANCHORS[id(pattern)] = (pattern, found)
    return found


def _anchor_rank(run: str) -> tuple[bool, int]:
    """Literals of a family first (their places cost no scan of their own), then the longest."""
    return _family(run) is not None, len(run)


def _seq_anchors(items: list, state) -> list[tuple[str, int, int]] | None:
    """The best anchors of a sequence of parsed items: its best literal run (`_anchor_rank`) of
    MIN_ANCHOR or more ASCII characters at a bounded offset, else a branch all of whose alternatives
    have anchors."""
    best: tuple[str, int, int] | None = None
    branch: list[tuple[str, int, int]] | None = None
    lo = hi = 0
    k = 0
    while k < len(items):
        op, av = items[k]
        if op is _c.LITERAL and av < 128:
            j = k
            while j < len(items) and items[j][0] is _c.LITERAL and items[j][1] < 128:
                j += 1
            run = "".join(chr(av) for _, av in items[k:j])
            if len(run) >= MIN_ANCHOR and (best is None or _anchor_rank(run) > _anchor_rank(best[0])):
                best = (run, lo, hi)
            lo, hi, k = lo + len(run), hi + len(run), j
            continue
        if op is _c.BRANCH and branch is None:
            alts = [_seq_anchors(list(alt), state) for alt in av[1]]
            if all(alts):
                branch = [(lit, lo + a, hi + b) for alt in alts for lit, a, b in alt]
        w_lo, w_hi = _sre_parse.SubPattern(state, [items[k]]).getwidth()
        lo, hi, k = lo + w_lo, hi + w_hi, k + 1
        if hi >= _c.MAXREPEAT:  # (getwidth's bound for "unbounded") no later literal has a bounded offset
            break
    if best is not None:
        return [best]
    return branch


def _find(pattern: re.Pattern, scan: _Scan, limit: int | None = None) -> list[re.Match]:
    """`list(pattern.finditer(scan.text))` (the first `limit` matches, if given): the pattern matched
    only at the offsets its anchors allow, or (no anchor) skipped when a literal it needs is not in
    the text. Kept for the document when complete: the list is shared, not to be changed."""
    memo = scan._matches
    pid = id(pattern)
    found = memo.get(pid)
    if found is not None:
        return found if limit is None else found[:limit]
    found = memo[pid] = []
    hit = _ANCHORS.get(pid)
    anchors = hit[1] if hit is not None and hit[0] is pattern else _anchors(pattern)
    if anchors is None:
        if could_match(pattern, scan.text, scan.folded):
            found += prefilter.finditer(pattern, scan.text, scan.folded)
        return found if limit is None else found[:limit]
    if len(anchors) == 1:
        key, lo, hi = anchors[0]
        places = scan.places(key)
        if not places:
            return found
    text = scan.text
    match = pattern.match
    nxt = 0
    if len(anchors) == 1:
        if lo == hi:
            # one position per place: the match there, if it does not start inside the one before
            for i in places:
                if i - lo >= nxt and (m := match(text, i - lo)) is not None:
                    found.append(m)
                    if len(found) == limit:
                        del memo[pid]  # (not kept: there may be more)
                        return found
                    nxt = m.end()
            return found
        windows = [(i - hi, i - lo) for i in places]
    else:
        windows = sorted((i - hi, i - lo) for key, lo, hi in anchors for i in scan.places(key))
    # every match starts in a window: tried in order from the end of the match before, as finditer
    # does, each position once (windows of near places overlap)
    for a, b in windows:
        p = a if a > nxt else nxt
        while p <= b:
            m = match(text, p)
            if m is None:
                p += 1
            else:
                found.append(m)
                if len(found) == limit:
                    del memo[pid]  # (not kept: there may be more)
                    return found
                p = m.end()  # (a match holds its anchor: never empty)
        nxt = p
    return found


# --- declassified votes -------------------------------------------------------------------------


def _declassified(scan: _Scan) -> Iterator[Candidate]:
    text = scan.text
    for name, pattern, conf in _release_patterns():
        # (all the matches of a phrase with the release year: they give review dates)
        limit = None if "year" in pattern.groupindex else MAX_VOTES_PER_STYLE
        for i, m in enumerate(_find(pattern, scan, limit)):
            if i >= MAX_VOTES_PER_STYLE:
                break
            if name == "declassified" and _in_instruction(text, m.start(), m.end()):
                continue
            yield Candidate(F_DECL, True, m.start(), m.end(), conf, f"rule:{name}")


def _in_instruction(text: str, start: int, end: int) -> bool:
    """'NOT AUTOMATICALLY DECLASSIFIED', 'will be declassified', a blank review form's checkbox."""
    before = text[max(0, start - 25) : start].upper()
    return bool(re.search(r"(?:NOT|BE|BEEN|AUTOMATICALLY|\(\s?\))\s{0,3}$", before))


# --- case numbers -------------------------------------------------------------------------------

_NARA_PREFIX = _data()["nara_case_prefixes"]
DOCID_TOKEN = re.compile(r"[DB][oa][ceo]\s?[tIl1i]?[dt]a?\s?:\s?\d")
# what precedes a footer's DocId: "NW 65924 ", "HW 50955 | ", "50955 " (prefix lost)
NARA_FOOTER_HEAD = re.compile(
    rf"(?<![A-Za-z\d])(?:(?P<pre>{_NARA_PREFIX})\W{{0,2}}\s?)?(?P<num>\d{{5}})\s{{0,3}}\|?\s{{0,2}}D?$"
)
JFK_CASE = re.compile(r"Case\s?#\s?:?")
# "66000 Date: 11-03-2021", "65994 Date: 11-01.2021": the stamp's number and date, label damaged
NUM_DATE = re.compile(r"(?<![\d-])(?P<num>\d{5})\s{0,3}D[il]{0,2}ate\s?:\s{0,4}")
STATE_BANNER = re.compile(
    r"Case\s{0,2}No\.?\s{0,2}(?P<case>[FM]-\s?\d{4}-\s?\d{4,5})"
    r"(?:\s{0,3}Doc\s{0,2}No\.?\s{0,2}\S{1,14})?\s{0,3}(?:Date\s?:\s{0,2}(?P<date>\d\d/\d\d/\d{4}))?"
)
FOI_CASE = re.compile(r"FOI\s{1,2}CASE\s{1,2}NO\.?\s{0,2}(?P<num>\d{4,8})\b")
LIBRARY_CASE = re.compile(r"\b(?P<pre>MR|NLJ|NLK|NLN|NLC)[\s#-]{1,2}(?P<num>\d{2,4}-\d{1,4}(?:-\d{1,4})?)\b")


MAX_CASE_CLUSTERS = 20


def _nara_cases(scan: _Scan) -> Iterator[Candidate]:
    """NARA JFK case numbers from stamps and page footers, OCR variants reconciled to one reading."""
    text = scan.text
    readings: list[tuple[str, int, int, float]] = []  # digits, start, end, confidence
    for t in _find(DOCID_TOKEN, scan):
        m = NARA_FOOTER_HEAD.search(text, max(0, t.start() - 20), t.start())
        if m is None:
            continue
        if not readings:
            # NARA prints the review case and DocId footer on the pages it releases under the JFK
            # Act: weaker evidence than the release stamp itself, which OCR often garbles
            yield Candidate(F_DECL, True, m.start(), t.end(), 0.6, "rule:nara-release-footer")
        readings.append((m.group("num"), m.start("pre" if m.group("pre") else "num"), m.end("num"), 0.92))
    for m in _find(JFK_CASE, scan):
        window = text[m.end() : m.end() + 40]
        n = re.match(rf"\s{{0,3}}(?:{_NARA_PREFIX})?\W{{0,2}}\s{{0,4}}(?P<num>\d{{5}})(?!\d)", window)
        if n:
            readings.append((n.group("num"), m.end() + n.start("num"), m.end() + n.end("num"), 0.93))
    # offsets inside a reading (a set, not a scan of the readings: thousands of stamps stay linear)
    covered = {i for _, s, e, _ in readings for i in range(s, e)}
    for m in _num_dates(scan):
        if m.start("num") not in covered:
            readings.append((m.group("num"), m.start("num"), m.end("num"), 0.88))
            covered.update(range(m.start("num"), m.end("num")))
    if not readings:
        return
    counts = Counter(r[0] for r in readings)
    strongest: dict[str, tuple[str, int, int, float]] = {}  # the first reading of highest confidence
    for r in readings:
        if r[0] not in strongest or r[3] > strongest[r[0]][3]:
            strongest[r[0]] = r
    # cluster readings that differ in one digit: OCR variants of one case number
    clusters: list[list[str]] = []
    for num, _ in counts.most_common():
        if len(clusters) >= MAX_CASE_CLUSTERS:  # a hostile input of thousands of distinct numbers
            clusters.append([num])
            continue
        for cl in clusters:
            if sum(a != b for a, b in zip(cl[0], num, strict=True)) <= 1:
                cl.append(num)
                break
        else:
            clusters.append([num])
    for cl in clusters:
        best = cl[0]
        support = sum(counts[n] for n in cl)
        conf_penalty = 0.0 if counts[best] >= 2 or support == 1 else 0.08
        r = strongest[best]
        yield Candidate(F_CASE, f"NW {best}", r[1], r[2], r[3] - conf_penalty, "rule:nara-case")


def _state_cases(scan: _Scan) -> Iterator[Candidate]:
    text = scan.text
    seen: set[str] = set()
    for m in _find(STATE_BANNER, scan):
        case = re.sub(r"\s", "", m.group("case"))
        if case not in seen:
            seen.add(case)
            yield Candidate(F_CASE, case, m.start("case"), m.end("case"), 0.95, "rule:state-foia-banner")
        if m.group("date"):
            d = LOOSE_DATE.match(text, m.start("date"))
            if d:
                c = _date_cand(scan, d, 0, 0.93, "rule:state-foia-banner", 1990)
                if c and c.value not in seen:
                    seen.add(c.value)
                    yield c
    for m in _find(FOI_CASE, scan):
        yield Candidate(F_CASE, m.group("num"), m.start("num"), m.end("num"), 0.93, "rule:fadrc-foi-case")
    for m in _find(LIBRARY_CASE, scan):
        yield Candidate(
            F_CASE, f"{m.group('pre')} {m.group('num')}", m.start(), m.end(), 0.85, "rule:library-case"
        )


# --- review dates and reviewers -----------------------------------------------------------------

JFK_YEAR_RELEASE = re.compile(
    r"ELEASE\s{1,3}UNDER\s{1,3}THE\s{1,3}(?P<auth>PRESI\s?DENT\s{1,5}JO"
    r"(?:HN\s{0,2}F\W{0,2}\s{0,2}KENNEDY\s{1,5}A\w{4,12}\s{1,5}RECORDS\s{1,3}ACT(?:\s{1,2}OF\s{0,2}1992)?)?)"
)
# the banner's year, its "R" sometimes split from "ELEASE" with an OCR letter ("2022 Rl\n; ELEASE UNDER")
BANNER_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)\W{0,3}(?:R[a-z]?\W{0,3})?$")
# the banner may be cut after PRESIDENT ("104-10093-10109 2025 RELEASE UNDER THE PRESIDENT"): its year is
# still the release year (the Act is not named, so no authority)
BANNER_TRUNCATED = re.compile(r"ELEASE\s{1,3}UNDER\s{1,3}THE\s{1,3}PRESI\s?DENT")
APPROVED = re.compile(
    r"APPROVED\s{1,3}FOR\s{1,3}RELEASE\s{0,3}(?::\s{0,2})?(?P<date>(?:19|20)\d\d(?:\s?/\s?\d\d\s?/\s?\d\d)?)(?![\d/])"
)
REVIEWED_BY = re.compile(
    r"REVIEWED\s{1,2}BY\s{1,2}(?P<who>[^\s]{1,20}(?:\s[^\s]{1,20})?)\s{1,3}DATE\s{0,2}:?\s{0,2}" + _LOOSE_DATE
)
DECL_DATE = re.compile(r"DECLASSIFICATION\s{1,2}DATE\s{0,2}:?\s{0,2}" + _LOOSE_DATE)
FBI_HEREIN = re.compile(r"HEREIN\s{1,3}IS\s{1,3}UNCLASSIFIED|DECLASSIFIED\s{1,2}BY")
FBI_DATE_BY = re.compile(
    r"DATE\s{0,2}:?\s{0,2}(?P<date>" + _LOOSE_DATE + r")\s{0,3}BY\s{0,2}:?\s{0,2}(?P<who>[^\n]{1,30})"
)
CLASSIFIED_ON = re.compile(
    r"lassified\s{1,2}by\s{1,2}(?P<who>[^\n]{2,50}?)\s{1,2}on\s{1,2}"
    r"(?P<date>\d\d?/\d\d?/\d{4})"
)
DECL_AUTHORITY = re.compile(r"Declassification\s{0,2}Authority\s{0,2}:\s{0,3}")
EO_DECLASSIFIED = re.compile(r"E\.?\s?O\.?\s?1\d{4}[^\n]{0,30}?DECLASSIFIED\s{1,2}(?=\S)")
# "DECLASSIFICATION AUTHORITY DERIVED FROM: FBI AUTOMATIC DECLASSIFICATION GUIDE DATE 03-18-2023"
FBI_GUIDE_DATE = re.compile(r"\s{0,4}DATE\s{0,2}:?\s{0,3}" + _LOOSE_DATE)
# ARRB "Final Determination Notification": its own date, and "Board Review Completed: 10/24/95"
ARRB_NOTICE = re.compile(r"Final\s{1,2}Determination\s{1,2}Notification")
ARRB_NOTICE_WINDOW = 600
ARRB_COMPLETED = re.compile(r"Board\s{1,2}Review\s{1,2}Completed\s{0,2}:?\s{0,3}" + _LOOSE_DATE)
# CIA release stamps with the year under the verdict: "CIA HISTORICAL REVIEW PROGRAM / RELEASE AS
# SANITIZED / 1999", "CIA SPECIAL COLLECTIONS / RELEASE IN FULL / 2000"
CIA_RELEASE_YEAR = re.compile(
    r"(?:HISTORICAL\s{1,2}REVIEW\s{1,2}PROGRAM|SPECIAL,?\s{1,2}COLLECTIONS)\W{0,6}"
    r"RELEASE\s{1,2}(?:AS\s{1,2}SANITIZED|IN\s{1,2}FULL|IN\s{1,2}PART)\W{0,6}(?P<year>(?:19|20)\d\d)(?!\d)"
)
# FBI files: "CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF CIA INFORMATION IN THIS DOCUMENT
# EXCEPT FOR BRACKETS", the reviewer's initials and date on a line below ("KP 10-10-97")
CIA_NO_OBJECTION_INFO = re.compile(r"RELEASE\s{1,3}[OC][FE][\s.]{1,3}C[IL]?A\s{1,3}INFORMATION")
# NSA's JFK release line: "Released on 03-25-2022 under the John F. Kennedy Assassination Records Act of 1992"
NSA_RELEASED_ON = re.compile(r"Released\s{1,3}on\s{1,3}" + _LOOSE_DATE + r"\s{1,3}under\s{1,3}the\b")
INITIALS_DATE = re.compile(r"(?m)^[A-Za-z]{1,8}\.?[ \t]{1,3}" + _LOOSE_DATE)
# "Declassified and Approved for Release by the Central Intelligence Agency Date: 2003" (date line garbled)
CIA_DECLASSIFIED_APPROVED = re.compile(
    r"Declassified\s{1,2}and\s{1,2}Approved\s{1,2}for\s{1,2}Release\s{1,3}by\s{1,2}the\s{1,2}Central"
    r"\s{1,2}[Ii]ntelligence\s{1,2}Agency[ \t]{0,3}\n\s{0,3}[^\n\d]{0,8}?(?P<year>(?:19|20)\d\d)[ \t]{0,3}$",
    re.MULTILINE,
)


def _review_dates(scan: _Scan) -> Iterator[Candidate]:
    text = scan.text
    seen_years: set[str] = set()
    for m in _find(JFK_YEAR_RELEASE, scan):
        y = BANNER_YEAR.search(text, max(0, m.start() - 9), m.start())
        year = y.group("year") if y else None
        if year and year not in seen_years and 1992 <= int(year) <= date.today().year + 1:
            seen_years.add(year)
            yield Candidate(F_DATE, year, y.start("year"), y.end("year"), 0.93, "rule:jfk-act-release-year")
    for m in _find(BANNER_TRUNCATED, scan):
        y = BANNER_YEAR.search(text, max(0, m.start() - 12), m.start())
        year = y.group("year") if y else None
        if year and year not in seen_years and 1992 <= int(year) <= date.today().year + 1:
            seen_years.add(year)
            yield Candidate(F_DATE, year, y.start("year"), y.end("year"), 0.9, "rule:jfk-act-release-year")
    # the release phrases that hold the release year themselves (a `year` group): the banner cut or
    # misread right after RELEASE ("2022 RELEASE UNI PRESIDENT", "(2022 RELEASE UNDI", "2022 RELEASE ENDER")
    for name, pattern, conf in _release_patterns():
        if "year" not in pattern.groupindex:
            continue
        for m in _find(pattern, scan):
            year = m.group("year")
            if year not in seen_years and 1992 <= int(year) <= date.today().year + 1:
                seen_years.add(year)
                yield Candidate(F_DATE, year, m.start("year"), m.end("year"), conf, f"rule:{name}")
    for m in _find(NSA_RELEASED_ON, scan):
        value = _loose_value(m, 1992)
        if value:
            yield Candidate(F_DATE, value, m.start("m"), m.end("y"), 0.9, "rule:jfk-act-release")
    # JFK Act stamp date: after "Case#:" (number and date may be on the next line) or "<5 digits> Date:"
    starts: set[int] = set()
    for m in _find(JFK_CASE, scan):
        dm = re.compile(r"D[il]{0,2}ate\s?:\s{0,4}").search(text, m.end(), m.end() + 60)
        if dm:
            starts.add(dm.end())
    starts.update(m.end() for m in _num_dates(scan))
    for m in _find(USC_NOTE, scan):
        # the stamp's "Case#:" label lost: its date still follows "(44 USC 2107 Note)"
        dm = re.compile(r"D[il]{0,2}ate\s?:\s{0,4}").search(text, m.end(), m.end() + 60)
        if dm:
            starts.add(dm.end())
    seen: set[str] = set()
    for s in sorted(starts):
        d = LOOSE_DATE.match(text, s)
        c = _date_cand(scan, d, 0, 0.93, "rule:jfk-release-stamp", 1992) if d else None
        if c and c.value not in seen:
            seen.add(c.value)
            yield c
    for m in _find(APPROVED, scan):
        raw = m.group("date")
        parts = re.findall(r"\d+", raw)
        year = parts[0]
        if not 1970 <= int(year) <= date.today().year:
            continue
        value = year if len(parts) == 1 else f"{year}-{int(parts[1]):02d}-{int(parts[2]):02d}"
        if len(parts) == 3 and not (1 <= int(parts[1]) <= 12 and 1 <= int(parts[2]) <= 31):
            continue
        yield Candidate(F_DATE, value, m.start("date"), m.end("date"), 0.94, "rule:cia-approved-release")
    for m in _find(REVIEWED_BY, scan):
        c = _date_cand(scan, m, 0, 0.9, "rule:fadrc-reviewed-by")
        if c:
            c.start, c.end = m.start("m"), m.end("y")
            yield c
        yield Candidate(
            F_REVIEWER, m.group("who"), m.start("who"), m.end("who"), 0.85, "rule:fadrc-reviewed-by"
        )
    for m in _find(DECL_DATE, scan):
        # a "DECLASSIFICATION DATE" on a review form; the resolver drops it when it predates the document
        c = _date_cand(scan, m, 0, 0.6, "rule:declassification-date", 1900)
        if c:
            c.start, c.end = m.start("m"), m.end("y")
            yield c
    for m in _find(FBI_HEREIN, scan):
        window = text[m.end() : m.end() + 250]
        d = FBI_DATE_BY.search(window)
        if not d:
            continue
        base = m.end()
        dd = LOOSE_DATE.match(window, d.start("date"))
        c = _date_cand(scan, dd, base, 0.9, "rule:fbi-unclassified-stamp", 1970) if dd else None
        if c:
            yield c
            who = d.group("who").strip()
            yield Candidate(
                F_REVIEWER,
                who,
                base + d.start("who"),
                base + d.start("who") + len(who),
                0.8,
                "rule:fbi-unclassified-stamp",
            )
    for m in _find(CLASSIFIED_ON, scan):
        d = LOOSE_DATE.match(text, m.start("date"))
        c = _date_cand(scan, d, 0, 0.92, "rule:state-review-classified-by", 1990) if d else None
        if c:
            yield c
            who = m.group("who").strip()
            yield Candidate(
                F_REVIEWER,
                who,
                m.start("who"),
                m.start("who") + len(who),
                0.85,
                "rule:state-review-classified-by",
            )
    for m in _find(EO_DECLASSIFIED, scan):
        for dm in find_dates(text[m.end() : m.end() + 25], base=m.end())[:1]:
            if dm.start == m.end() and len(dm.value) == 10:
                yield Candidate(F_DATE, dm.value, dm.start, dm.end, 0.93, "rule:eo-declassified")
    yield from _more_review_stamps(scan)


def _more_review_stamps(scan: _Scan) -> Iterator[Candidate]:
    """Dated review stamps of the FBI, the ARRB and the CIA that name no date label of their own."""
    text = scan.text
    for m in _find(FBI_GUIDE, scan):
        d = FBI_GUIDE_DATE.match(text, m.end())
        c = _date_cand(None, d, 0, 0.9, "rule:fbi-declassification-guide", 1995) if d else None
        if c:
            c.start = d.start("m")
            yield c
    for m in _find(ARRB_NOTICE, scan):
        # the notice's own date is the first full date under its title
        window = text[m.end() : m.end() + ARRB_NOTICE_WINDOW]
        for dm in find_dates(window, base=m.end())[:1]:
            if len(dm.value) == 10 and dm.value[:4].isdigit() and int(dm.value[:4]) >= 1992:
                yield Candidate(F_DATE, dm.value, dm.start, dm.end, 0.88, "rule:arrb-determination")
    for m in _find(ARRB_COMPLETED, scan):
        c = _date_cand(None, m, 0, 0.9, "rule:arrb-determination", 1992)
        if c:
            c.start = m.start("m")
            yield c
    for m in _find(CIA_RELEASE_YEAR, scan):
        if 1970 <= int(m.group("year")) <= date.today().year:
            yield Candidate(
                F_DATE, m.group("year"), m.start("year"), m.end("year"), 0.9, "rule:cia-release-stamp"
            )
    for m in _find(CIA_NO_OBJECTION_INFO, scan):
        d = line_search(INITIALS_DATE, text, m.end(), m.end() + 200)
        c = _date_cand(None, d, 0, 0.85, "rule:cia-no-objection-stamp", 1970) if d else None
        if c:
            c.start = d.start("m")
            yield c
    for m in _find(CIA_DECLASSIFIED_APPROVED, scan):
        if 1970 <= int(m.group("year")) <= date.today().year:
            yield Candidate(
                F_DATE,
                m.group("year"),
                m.start("year"),
                m.end("year"),
                0.88,
                "rule:cia-declassified-approved",
            )


# --- authorities --------------------------------------------------------------------------------

USC_NOTE = re.compile(r"SC\s{0,2}2107\s{0,2}Note")
USC_HEAD = re.compile(r"(?:44\s{0,2})?[UI]$")
USC_SECTION = re.compile(r"44\s{0,2}USC\s{0,2}2107\s{0,2}(?:\(\w{1,3}\)\s?){1,6}")
JFK_ACT_SECTION = re.compile(r"JFK[ ]{1,2}Act[ ]{1,2}\d[ ]?(?:\(\w{1,3}\)[ ]?){1,5}")
JFK_ACT_1992 = re.compile(r"KENNEDY\s{1,3}ASSASSINATION\s{1,3}RECORDS\s{1,3}ACT\s{1,3}OF\s{1,2}1992")
RIF_RESTRICTIONS = re.compile(r"RESTRICTIONS\s{0,2}:")
FBI_GUIDE = re.compile(r"[EF]BI\s{1,2}AUTO[A-Z]{3,6}\s{1,3}[A-Z]{2,4}LASS[A-Z]{2,12}\s{1,2}[CG]U[A-Z]{1,4}")
NND = re.compile(r"\bNND\s{0,2}(?P<num>\d{5,6})\b")
EO = re.compile(r"(?<![A-Za-z])E\.?\s?B?\.?\s?O\.?\s?:?\s{0,20}(?P<num>1\d{4})(?!\d)")
DERIVED = re.compile(r"(?:Derived|Drv)\s{1,2}From\s?:\s{0,3}(?P<v>[A-Za-z][^\n,]{1,38})")


def _known_eo(num: str) -> str | None:
    known = _data()["executive_orders"]
    if num in known:
        return num
    pairs = {frozenset(p) for p in _data()["ocr_confusable_digits"]}

    def ocr_variant(k: str) -> bool:
        diff = [(x, y) for x, y in zip(k, num, strict=True) if x != y]
        return len(diff) == 1 and frozenset(diff[0]) in pairs

    near = [k for k in known if len(k) == len(num) and ocr_variant(k)]
    return near[0] if len(near) == 1 else None


def _authorities(scan: _Scan) -> Iterator[Candidate]:
    text = scan.text
    data = _data()
    taken: list[tuple[int, int]] = []
    for m in _find(JFK_YEAR_RELEASE, scan):
        # the banner's wording is fixed: a truncated "RELEASE UNDER THE PRESIDENT JO" still names the Act
        conf = 0.93 if "KENNEDY" in m.group("auth").upper() else 0.85
        taken.append((m.start(), m.end()))
        yield Candidate(
            F_AUTH,
            data["authority_jfk_act_1992"],
            m.start("auth"),
            m.end("auth"),
            conf,
            "rule:jfk-act-release-year",
        )
    for m in _find(JFK_ACT_1992, scan):
        if not any(s <= m.start() < e for s, e in taken):
            yield Candidate(
                F_AUTH, data["authority_jfk_act_1992"], m.start(), m.end(), 0.88, "rule:jfk-act-release-year"
            )
    for m in _find(USC_NOTE, scan):
        head = USC_HEAD.search(text, max(0, m.start() - 6), m.start())
        start = head.start() if head else m.start()
        yield Candidate(F_AUTH, data["authority_44usc_note"], start, m.end(), 0.95, "rule:jfk-release-stamp")
    for pattern in (USC_SECTION, JFK_ACT_SECTION):
        for m in _find(pattern, scan):
            if pattern is JFK_ACT_SECTION and RIF_RESTRICTIONS.search(
                text, max(0, m.start() - 120), m.start()
            ):
                continue  # postponement grounds listed on the RIF cover sheet, not a release authority
            raw = m.group().rstrip()
            yield Candidate(
                F_AUTH, re.sub(r"\s+", " ", raw), m.start(), m.start() + len(raw), 0.9, "rule:jfk-act-section"
            )
    for m in _find(FBI_GUIDE, scan):
        yield Candidate(
            F_AUTH, data["authority_fbi_guide"], m.start(), m.end(), 0.9, "rule:fbi-declassification-guide"
        )
    for m in _find(NND, scan):
        yield Candidate(F_AUTH, f"NND {m.group('num')}", m.start(), m.end(), 0.93, "rule:nara-nnd")
    for m in _find(EO, scan):
        num = _known_eo(m.group("num"))
        if num is None:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        after = text[m.end() : m.end() + 16]
        stamp_like = (
            not before.strip(" \t|.•'‘`-*")
            or re.match(r"\s?:|,?\s{1,2}as\s{1,2}amended", after)
            or re.search(_data()["eo_context_before"], before)
        )
        if not stamp_like:
            continue  # "Under E.O. 12958, information that..." is prose, not a marking
        conf = 0.9 if num == m.group("num") else 0.78
        yield Candidate(F_AUTH, f"E.O. {num}", m.start(), m.end(), conf, "rule:executive-order")
    for m in _find(DERIVED, scan):
        raw = m.group("v").rstrip(" .;:")
        yield Candidate(F_AUTH, raw, m.start("v"), m.start("v") + len(raw), 0.88, "rule:derived-from")
    for m in _find(DECL_AUTHORITY, scan):
        yield from _decl_authority_line(text, m.end())


def _decl_authority_line(text: str, start: int) -> Iterator[Candidate]:
    """'Declassification Authority: Geoffrey W. Chapman, Senior Reviewer, A/GIS/IPS 1/9/2020' (may wrap)."""
    window = text[start : start + 160]
    d = LOOSE_DATE.search(window)
    stop = d.start() if d else window.find("\n")
    if stop <= 0:
        return
    raw = window[:stop].rstrip()
    if "\n" in raw.strip():
        # at most one wrapped line
        first, _, rest = raw.partition("\n")
        if "\n" in rest.strip():
            raw = first.rstrip()
    if len(raw) < 3:
        return
    value = re.sub(r"\s+", " ", raw).strip()
    if len(re.findall(r"[a-z][A-Z]", value)) >= 2:
        # text layer with the spaces lost: "GeoffreyW. Chapman, SeniorReviewer,A/GIS/IPS"
        value = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value)
        value = re.sub(r",(?=\S)", ", ", value)
    yield Candidate(F_AUTH, value, start, start + len(raw), 0.9, "rule:declassification-authority")
    if d:
        c = _date_cand(None, d, start, 0.9, "rule:declassification-authority", 1990)
        if c:
            yield c


# --- exemptions ---------------------------------------------------------------------------------

RELEASE_IN_PART = re.compile(r"RELEASE\s{1,3}IN\s{1,3}PART")
REASON = re.compile(
    r"Reasons?\s?:?\s{0,2}(?P<codes>(?:1\.[45]\s?\(\s?[A-Ha-h]\s?\)[,\s]{0,3}(?:and\s{1,2})?){1,6})"
)


@lru_cache(maxsize=1)
def _exemption_code() -> re.Pattern:
    return re.compile(_data()["exemption_code"])


def _norm_code(raw: str) -> str:
    return (
        re.sub(r"\s", "", raw).upper().replace("(B)(", "(b)(")
        if raw.startswith("(")
        else re.sub(r"\s", "", raw).upper()
    )


def _exemptions(scan: _Scan) -> Iterator[Candidate]:
    text = scan.text
    code = _exemption_code()
    seen: set[str] = set()

    def emit(m: re.Match, base: int, conf: float, method: str):
        value = _norm_code(m.group())
        if value.startswith("1.4(") or value.startswith("1.5("):
            value = value[:4] + value[4:].upper()
        if value in seen:
            return None
        seen.add(value)
        return Candidate(F_EXEMPT, value, base + m.start(), base + m.end(), conf, method)

    for m in _find(RELEASE_IN_PART, scan):
        # codes printed on the stamp's own line or the next two
        line_end = text.find("\n", m.end())
        for _ in range(2):
            if line_end < 0:
                break
            nxt = text.find("\n", line_end + 1)
            line_end = nxt if nxt >= 0 else len(text)
        seg = text[m.end() : line_end if line_end >= 0 else len(text)]
        for c in code.finditer(seg):
            cand = emit(c, m.end(), 0.9, "rule:state-release-in-part")
            if cand:
                yield cand
    for m in _find(EXEMPTION_CODE, scan):
        cand = emit(m, 0, 0.85, "rule:exemption-code")
        if cand:
            yield cand


EXEMPTION_CODE = re.compile(r"\(b\)\s?\(\d\)(?:\s?\([A-Fa-f]\))?|\b25X\d\b")


def _num_dates(scan: _Scan) -> list[re.Match]:
    """`list(NUM_DATE.finditer(scan.text))`."""
    return _find(NUM_DATE, scan)


# Anchors of patterns without a literal run of MIN_ANCHOR characters at a bounded offset: a pattern
# (that opens with a literal, which `re` scans for fast) whose finditer finds the place of each match
# of the pattern anchored: it matches what the anchored pattern's match holds from there on, and no
# match of it can start inside another, so none hides a place.
# "66000 Date:": "ate:" 6 to 11 characters after the start of a NUM_DATE match
_ATE = re.compile(r"ate\s?:")
# DOCID_TOKEN's ":" and digit, 4 to 8 characters after its start
_COLON_DIGIT = re.compile(r":\s?\d")
# the "O" of E.O. and the order's number, 1 to 5 characters after the start of an EO match
_EO_TAIL = re.compile(r"O\.?\s?:?\s{0,20}1\d{4}")
# the library case's prefix and number, as two patterns that each start with a literal, which `re`
# scans for 3x faster than for the two-way start "(?:MR|NL[JKNC])"
_LIBRARY_MR = re.compile(r"MR[\s#-]{1,2}\d{2,4}-")
_LIBRARY_NL = re.compile(r"NL[JKNC][\s#-]{1,2}\d{2,4}-")
for _pattern, _found in (
    (NUM_DATE, ((_ATE, 6, 11),)),
    (DOCID_TOKEN, ((_COLON_DIGIT, 4, 8),)),
    (EO, ((_EO_TAIL, 1, 5),)),
    (LIBRARY_CASE, ((_LIBRARY_MR, 0, 0), (_LIBRARY_NL, 0, 0))),
):
    _ANCHORS[id(_pattern)] = (_pattern, _found)
del _pattern, _found


def extract(doc: Document) -> Iterator[Candidate]:
    scan = _Scan(doc)
    yield from _declassified(scan)
    yield from _nara_cases(scan)
    yield from _state_cases(scan)
    yield from _review_dates(scan)
    yield from _authorities(scan)
    yield from _exemptions(scan)
