"""Cheap literal tests before costly regex scans, exact by construction.

A regex can only match a text that holds every literal run its pattern requires: `could_match` reads
those runs from the parsed pattern (top-level literals only: text inside alternatives, optional
parts, lookarounds or flag groups is not required and is never used) and tests them with `in`, which
scans a text many times faster than the regex engine does. When the test says no, the regex would have
found nothing; when it says yes, the regex runs as before. Results are therefore identical.

Case-insensitive patterns are tested against a folded text: `str.lower()` after mapping the three
characters that `re.IGNORECASE` matches to an ASCII letter but `lower()` does not lower to it
(U+0130 and U+0131 to "i", U+017F to "s"); only ASCII literal characters are ever required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

try:  # the regex parser of the standard library (private, stable since 3.11)
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python
    _c = _sre_parse = None

_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))
MIN_NEEDLE = 3
MAX_NEEDLES = 3
# a line is short: a two-letter literal ("FM", "TO") already rules out most lines of a document
MIN_LINE_NEEDLE = 2


def fold(text: str) -> str:
    """The text as case-insensitive literal tests see it (same length, same offsets)."""
    if not text.isascii():
        for char, letter in _FOLD:  # str.replace of the few present: translate() is far slower
            if char in text:
                text = text.replace(char, letter)
    return text.lower()


def _runs(items, out: list[tuple[str, ...]], min_len: int = MIN_NEEDLE) -> None:
    """Append to `out` what every match of the sequence `items` holds: each entry a tuple of literal
    runs (of `min_len` characters or more) of which at least one is in the match (one run, or one per
    branch of an alternation)."""
    run: list[str] = []

    def flush() -> None:
        if len(run) >= min_len:
            out.append(("".join(run),))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        flush()
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                _runs(sub, out, min_len)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if lo >= 1:
                _runs(sub, out, min_len)
        elif op is _c.ATOMIC_GROUP:
            _runs(av, out, min_len)
        elif op is _c.BRANCH:
            # one of the branches matches: the match holds one of their runs (one run per branch)
            either: list[str] = []
            for branch in av[1]:
                sub: list[tuple[str, ...]] = []
                _runs(branch, sub, min_len)
                single = [alts[0] for alts in sub if len(alts) == 1]
                if not single:
                    break
                either.append(max(single, key=len))
            else:
                out.append(tuple(dict.fromkeys(either)))
    flush()


# needles by pattern identity: hashing a compiled pattern hashes its whole compiled code (~5 us for a
# big alternation), which a cache keyed on the pattern would pay at every test. Each entry keeps its
# pattern alive, so no other pattern can take its id.
_NEEDLES: dict[tuple[int, int], tuple[re.Pattern, tuple[tuple[tuple[str, ...], ...], bool]]] = {}


def needles(pattern: re.Pattern, min_len: int = MIN_NEEDLE) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """(what every match contains: tuples of literal runs of `min_len` characters or more, one of each
    tuple in the match; whether the runs are to be tested case-insensitively)."""
    hit = _NEEDLES.get((id(pattern), min_len))
    if hit is not None and hit[0] is pattern:
        return hit[1]
    found = _needles(pattern, min_len)
    _NEEDLES[(id(pattern), min_len)] = (pattern, found)
    return found


def _needles(pattern: re.Pattern, min_len: int) -> tuple[tuple[tuple[str, ...], ...], bool]:
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return (), False
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a pattern the parser of this Python reads differently
        return (), False
    ci = bool(parsed.state.flags & re.IGNORECASE)
    out: list[tuple[str, ...]] = []
    _runs(list(parsed), out, min_len)
    # the most selective tests first: single long runs, then alternations
    out = sorted(set(out), key=lambda alts: (len(alts) > 1, -min(map(len, alts))))[:MAX_NEEDLES]
    if ci:
        out = [tuple(n.lower() for n in alts) for alts in out]
    return tuple(out), ci


def could_match(pattern: re.Pattern, text: str, folded: str | None = None, min_len: int = MIN_NEEDLE) -> bool:
    """False only when `pattern` surely finds nothing in `text` (`folded`: `fold(text)`, if known);
    `min_len`: the shortest literal tested (2 for one that is rare even when short, like "FM")."""
    found, ci = needles(pattern, min_len)
    if not found:
        return True
    hay = (fold(text) if folded is None else folded) if ci else text
    for alts in found:
        if len(alts) == 1:
            if alts[0] not in hay:
                return False
        elif not any(n in hay for n in alts):
            return False
    return True


def lines_could_match(doc: Document, pattern: re.Pattern, limit: int | None = None) -> list[int]:
    """Numbers of the lines of `doc` (the first `limit` only, if given) whose text `pattern` could
    match in, in order: a line holding none of the alternatives of the pattern's most selective
    required literal is left out. For a loop that runs `pattern` on every line's text, skipping only
    lines it would find nothing in, so its results are unchanged."""
    found, ci = needles(pattern, MIN_LINE_NEEDLE)
    numbers = doc.lines_with(found[0], folded=ci) if found else range(len(doc.lines))
    if limit is None:
        return list(numbers)
    return [n for n in numbers if n < limit]


def search(
    pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None, folded: str | None = None
) -> re.Match | None:
    """`pattern.search(text, pos, endpos)`, None without a scan when `could_match` rules it out (the
    test reads all of `text`: `folded` is `fold(text)`)."""
    if not could_match(pattern, text, folded):
        return None
    end = len(text) if endpos is None else max(0, min(endpos, len(text)))
    lead, ci = _lead(pattern)
    if not lead:
        return pattern.search(text, pos, end)
    # (as `finditer`: the pattern tried only where its leading literal stands)
    hay = (fold(text) if folded is None else folded) if ci else text
    i = hay.find(lead, max(0, pos), end)
    while i >= 0:
        m = pattern.match(text, i, end)
        if m is not None:
            return m
        i = hay.find(lead, i + 1, end)
    return None


def _top_level_alternatives(source: str) -> list[str]:
    """`source` cut at its top-level `|` (not inside a group, a character class or an escape); whole
    when it closes a group it did not open."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]" and source[i - 1] != "[" and source[i - 2 : i] != "[^":
                in_class = False
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:  # a group closed that `source` did not open: not one pattern, no cut
                return [source]
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


class AlternativesSearch:
    """`pattern.search(text)` for a pattern that is an alternation `A1|A2|...`, found one alternative
    at a time, each skipped when `could_match` rules it out.

    `re` tries every alternative at every position of the text (a leading `\\b` or `^` keeps it from
    skipping ahead), where one pattern per alternative is scanned fast or not at all. The result has
    the same span: the combined search returns the leftmost position where some alternative
    matches, and there the first alternative (in order) that does; that alternative's own leftmost
    match starts there too, and matching it alone at that position runs the same way. (The match
    object is the alternative's: use its span, not its group numbers.)"""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.parts: list[re.Pattern] = []
        source = pattern.pattern
        # cut only what surely means the same alone: no global inline flags (they would stay with the
        # first alternative), no back-references (their group numbers would change), no verbose mode;
        # a cut inside a group or a character class would leave a piece that does not compile
        if (
            not isinstance(source, str)
            or re.match(r"\(\?[aiLmsux]", source)
            or re.search(r"\\[1-9]|\(\?P=", source)
            or pattern.flags & re.VERBOSE
        ):
            return
        parts = _top_level_alternatives(source)
        if len(parts) == 1 and source.startswith("\\b(?:") and source.endswith((")", ")\\b")):
            # \b(?:A|B|...)\b is \bA\b|\bB\b|...: a word boundary matches one way only, so the
            # alternatives are tried in the same order (a cut that leaves the group open fails below)
            tail = "\\b" if source.endswith(")\\b") else ""
            inner = source[5 : len(source) - 1 - len(tail)]
            parts = ["\\b" + alt + tail for alt in _top_level_alternatives(inner)]
        if len(parts) < 2:
            return
        try:
            self.parts = [re.compile(p, pattern.flags) for p in parts]
        except re.error:
            self.parts = []

    def search(self, text: str, folded: str | None = None, pos: int = 0) -> re.Match | None:
        if not self.parts:
            return line_search(self.pattern, text, pos, folded=folded)
        best = None
        for part in self.parts:
            m = line_search(part, text, pos, folded=folded)  # (one anchored at line starts: `LineStart`)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match]:
        """The matches `pattern.finditer(text)` finds (their spans), each searched from the end of
        the one before, as `finditer` does (for patterns whose matches are never empty)."""
        pos = 0
        while (m := self.search(text, folded, pos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1


class LineStart:
    """`finditer` / `search` of a pattern anchored at line starts (`(?m)^...`), found from newline to
    newline.

    `re` has no fast way to a line start: it tries the pattern at every position of the text, where
    a pattern that starts with a literal newline is searched for that character alone (6x faster).
    For `^R`, a match at a position after `pos` starts just after a newline that `\\nR` finds, and
    matching `^R` there runs as `R` did, so the matches (and their order) are those of the pattern;
    a position that is itself a line start is tried first. Patterns this does not hold for (`^`
    only in a first alternative, a match that may be empty) are searched as they are."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.jump: re.Pattern | None = None
        source = pattern.pattern
        if not isinstance(source, str) or not pattern.flags & re.MULTILINE or _sre_parse is None:
            return
        rest = source[5:] if source.startswith("(?m)^") else source[1:] if source.startswith("^") else None
        if rest is None or len(_top_level_alternatives(rest)) != 1:
            return
        try:
            if _sre_parse.parse(source, pattern.flags).getwidth()[0] < 1:
                return  # an empty match: finditer's rules for those are not reproduced here
            self.jump = re.compile("\n" + rest, pattern.flags)
        except re.error:  # pragma: no cover - a rest that needs its anchor
            self.jump = None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        end = len(text) if endpos is None else min(endpos, len(text))
        if self.jump is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        match, jump = self.pattern.match, self.jump.search
        while pos <= end:
            m = match(text, pos, end) if pos == 0 or text[pos - 1] == "\n" else None
            if m is None:
                q = jump(text, pos, end)
                if q is None:
                    return
                m = match(text, q.start() + 1, end)
            yield m
            pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)


_LINE_STARTS: dict[int, LineStart] = {}


def line_finditer(
    pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None, folded: str | None = None
) -> Iterator[re.Match]:
    """`pattern.finditer(text, pos, endpos)` for a pattern anchored at line starts (`LineStart`),
    with no scan at all when `could_match` rules every match out (another pattern: as `finditer`)."""
    if not could_match(pattern, text, folded):
        return iter(())
    finder = _line_start(pattern)
    if finder.jump is None and pos == 0 and endpos is None:
        return finditer(pattern, text, folded)
    return finder.finditer(text, pos, endpos)


def _line_start(pattern: re.Pattern) -> LineStart:
    finder = _LINE_STARTS.get(id(pattern))
    if finder is None or finder.pattern is not pattern:
        finder = _LINE_STARTS[id(pattern)] = LineStart(pattern)
    return finder


def line_search(
    pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None, folded: str | None = None
) -> re.Match | None:
    """`pattern.search(text, pos, endpos)` for a pattern anchored at line starts (see `line_finditer`;
    another pattern: as `search`)."""
    if _line_start(pattern).jump is None:
        return search(pattern, text, pos, endpos, folded)
    return next(line_finditer(pattern, text, pos, endpos, folded), None)


# Patterns that open with a literal `re` cannot skip ahead to: a case-insensitive one, or a
# case-sensitive one behind a zero-width assertion (`\b`, `^`, a lookaround), which `re` tries at every
# position of the text, where `str.find` finds each place the literal could stand (in the folded text
# for a case-insensitive pattern, as for `could_match`). Every match starts at such a place, and the
# pattern is matched there as its search would (`match` at a position reads the characters before it,
# so the assertions hold as they do in a search). A case-sensitive pattern that opens with the literal
# itself is left to `re`, which finds its prefix fast on its own.
MIN_LEAD = 2
_LEADS: dict[int, tuple[re.Pattern, str, bool]] = {}


def _lead(pattern: re.Pattern) -> tuple[str, bool]:
    """(the literal every match of `pattern` starts with, or ""; whether it is folded, to be found in
    the folded text)."""
    hit = _LEADS.get(id(pattern))
    if hit is not None and hit[0] is pattern:
        return hit[1], hit[2]
    lead, ci = "", bool(pattern.flags & re.IGNORECASE)
    if _sre_parse is not None and isinstance(pattern.pattern, str):
        try:
            parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        except Exception:  # pragma: no cover - a pattern the parser of this Python reads differently
            parsed = []
        if parsed:
            ci = bool(parsed.state.flags & re.IGNORECASE)
            chars: list[str] = []
            asserted = False
            for op, av in parsed:
                if not chars and op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
                    asserted = True  # (takes no characters: the literal starts a match)
                    continue
                if op is not _c.LITERAL or av >= 128:
                    break
                chars.append(chr(av))
            if len(chars) >= MIN_LEAD and (ci or asserted):
                lead = "".join(chars).lower() if ci else "".join(chars)
    _LEADS[id(pattern)] = (pattern, lead, ci)
    return lead, ci


def _finditer_from_lead(pattern: re.Pattern, text: str, hay: str, lead: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, trying the pattern only where its leading literal stands in `hay` (the
    text, or the folded text for a case-insensitive pattern)."""
    match = pattern.match
    pos = 0
    i = hay.find(lead)
    while i >= 0:
        m = match(text, i)
        if m is not None:
            yield m
            pos = m.end() if m.end() > i else i + 1  # (a match holds the lead: never empty)
        else:
            pos = i + 1
        i = hay.find(lead, pos)


def finditer(pattern: re.Pattern, text: str, folded: str | None = None) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, with no scan at all when `could_match` rules every match out, and a
    case-insensitive pattern that opens with a literal tried only where that literal stands
    (`folded`: `fold(text)`, if known)."""
    if not could_match(pattern, text, folded):
        return iter(())
    lead, ci = _lead(pattern)
    if lead:
        hay = (fold(text) if folded is None else folded) if ci else text
        return _finditer_from_lead(pattern, text, hay, lead)
    return pattern.finditer(text)
