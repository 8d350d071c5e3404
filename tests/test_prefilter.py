"""The literal prefilter never says "no" where the regex would match (it may say "yes" and find nothing)."""

from __future__ import annotations

import re

import pytest
from conftest import fixture_windows

from declass.document import Document
from declass.extract import classification, dates, doctype, header, identifiers, rif, stamps, telegram
from declass.prefilter import (
    AlternativesSearch,
    LineStart,
    could_match,
    fold,
    line_finditer,
    lines_could_match,
    needles,
)


def _patterns() -> list[re.Pattern]:
    out = []
    for mod in (stamps, dates, doctype, rif, classification, telegram, header, identifiers):
        out += [v for v in vars(mod).values() if isinstance(v, re.Pattern)]
    out += [p for _, p, _ in stamps._release_patterns()]
    out += [p for _, _, p, _ in doctype._rules()[0]]
    return out


def test_needles_are_required_literals():
    assert needles(re.compile(r"APPROVED\s{1,3}FOR\s{1,3}RELEASE")) == (
        (("APPROVED",), ("RELEASE",), ("FOR",)),
        False,
    )
    # an alternation requires one of its branches' runs; an optional part requires nothing
    assert needles(re.compile(r"HEREIN\s+IS|DECLASSIFIED\s+BY")) == ((("HEREIN", "DECLASSIFIED"),), False)
    assert needles(re.compile(r"(?:NOT\s)?SECRET", re.I)) == ((("secret",),), True)
    assert needles(re.compile(r"(?:AB)?CD|XY")) == ((), False)
    # a case-sensitive group inside a case-insensitive pattern is not tested
    assert needles(re.compile(r"(?-i:ABC)\s+def", re.I)) == ((("def",),), True)


def test_fold_keeps_offsets_and_ignorecase_matches():
    text = "\u0130ncoming \u212aelvin ma\u017f\u017f \u0131d"
    assert len(fold(text)) == len(text)
    for word in ("incoming", "kelvin", "mass", "id"):
        assert re.search(word, text, re.I)
        assert could_match(re.compile(word, re.I), text)
    assert not could_match(re.compile("kelvinx", re.I), text)


def _texts() -> list[str]:
    # the texts cut into random windows: patterns near their needles' edges
    return fixture_windows(40, 400, seed=7)


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:40])
def test_could_match_is_never_wrong(pattern):
    for text in _texts():
        if pattern.search(text):
            assert could_match(pattern, text), text


def test_document_folded_is_cached():
    doc = Document.from_text("Approved For Release 2003")
    assert doc.folded == "approved for release 2003"
    assert doc.folded is doc.folded


def test_line_needles_take_two_letter_literals():
    assert needles(re.compile(r"^\s*FM\s+(?P<v>[A-Z]+)"), 2) == ((("FM",),), False)
    assert needles(re.compile(r"^\s*FM\s+(?P<v>[A-Z]+)")) == ((), False)


def test_lines_could_match_keeps_every_line_the_pattern_matches_in():
    docs = [Document.from_text(t) for t in _texts()[:60]]
    docs.append(Document.from_text("FM AMEMBASSY\fTOT: 100014Z\n\u0130tem\nstaff 1"))
    for pattern in _patterns():
        for doc in docs:
            hits = [ln.number for ln in doc.lines if pattern.search(ln.text)]
            kept = lines_could_match(doc, pattern)
            assert set(hits) <= set(kept), (pattern.pattern, doc.text[:80])
            assert kept == sorted(kept)
            assert lines_could_match(doc, pattern, 3) == [n for n in kept if n < 3]


def test_alternatives_are_cut_only_at_the_top_level():
    assert [p.pattern for p in AlternativesSearch(re.compile(r"\bAB(?:C|D)|[|x]Y|\|Z")).parts] == [
        r"\bAB(?:C|D)",
        r"[|x]Y",
        r"\|Z",
    ]
    # a word boundary before (and after) a group of alternatives goes with each alternative
    parts = AlternativesSearch(re.compile(r"\b(?:AB|CD)\b")).parts
    assert [p.pattern for p in parts] == [r"\bAB\b", r"\bCD\b"]
    # nothing to cut, or a cut that would change the meaning: searched whole
    for source in (r"(?:A|B)C", r"(?i)AB|CD", r"(A)B|\1C", r"(?P<x>A)|(?P=x)B", r"\b(?:A)B(?:C|D)\b"):
        assert AlternativesSearch(re.compile(source)).parts == []


def test_alternatives_search_finds_the_span_the_whole_pattern_finds():
    texts = _texts() + ["MEMORANDUM FOR THE DIRECTOR\nOffice Memorandum", "xx Memorandum for the\nMEMORANDUM"]
    patterns = _patterns() + [re.compile(r"AB|A|ABC"), re.compile(r"\bDIR\b|DIRECTOR|^\s*OR$", re.M | re.I)]
    for pattern in patterns:
        search = AlternativesSearch(pattern)
        for text in texts:
            whole, parts = pattern.search(text), search.search(text, fold(text))
            assert (whole and whole.span()) == (parts and parts.span()), (pattern.pattern, text[:80])


def test_line_start_patterns_jump_from_newline_to_newline_only_when_that_is_exact():
    assert LineStart(re.compile(r"(?m)^[ \t]{0,4}(?P<v>F\d{6})")).jump is not None
    assert LineStart(re.compile(r"^\s*FM\s+[A-Z]", re.M)).jump is not None
    # `^` of a first alternative only, no multi-line mode, a match that may be empty: as they are
    for pattern in (re.compile(r"(?m)^AB|CD"), re.compile(r"^AB"), re.compile(r"(?m)^\s*")):
        assert LineStart(pattern).jump is None


def test_line_start_matches_are_the_pattern_matches():
    texts = _texts() + ["", "\n", "F123456\n\nF654321\n  F111111", "x\nF123456-\nF1234567\n"]
    line_patterns = [p for p in _patterns() if LineStart(p).jump is not None] + [
        re.compile(r"(?m)^[ \t]{0,4}(?P<v>F\d{6})\s*"),  # a match that runs on over newlines
        re.compile(r"^\s{0,3}[A-Z]{2,}$", re.M),
    ]
    assert len(line_patterns) > 10
    for pattern in line_patterns:
        for text in texts:
            whole = [m.span() for m in line_finditer(pattern, text)]
            assert whole == [m.span() for m in pattern.finditer(text)]
            window = [m.span() for m in line_finditer(pattern, text, 3, 200)]
            assert window == [m.span() for m in pattern.finditer(text, 3, 200)]


def test_patterns_tried_where_their_leading_literal_stands():
    from declass.prefilter import _lead, finditer, search

    assert _lead(re.compile(r"SC\s{0,2}2107", re.I)) == ("sc", True)
    assert _lead(re.compile(r"SC\s{0,2}2107")) == ("", False)  # case-sensitive: re finds the literal itself
    assert _lead(re.compile(r"(?:SC|XY)\s2107", re.I)) == ("", True)
    assert _lead(re.compile(r"\b(?<!-)is\s+classified", re.I)) == ("is", True)
    # behind an assertion re tries a case-sensitive pattern at every position: the literal leads
    assert _lead(re.compile(r"\bCITE\s")) == ("CITE", False)
    assert _lead(re.compile(r"(?m)^(?<![\d/])DATE:")) == ("DATE:", False)
    patterns = [p for p in _patterns() if _lead(p)[0]] + [re.compile(r"kelvin\s?m", re.I)]
    assert len(patterns) > 10
    assert any(not _lead(p)[1] for p in patterns)
    texts = _texts()[:120] + ["\u212aelvin M, KELVIN m", "İdentification form", "XCITE CITE\nCITE 12"]
    for pattern in patterns:
        for text in texts:
            folded = fold(text)
            assert [m.span() for m in finditer(pattern, text, folded)] == [
                m.span() for m in pattern.finditer(text)
            ]
            for pos, endpos in ((0, None), (5, 300), (40, 41)):
                mine = search(pattern, text, pos, endpos, folded)
                theirs = pattern.search(text, pos, len(text) if endpos is None else endpos)
                assert (mine and mine.span()) == (theirs and theirs.span())


def test_alternatives_finditer_finds_the_matches_of_the_whole_pattern():
    patterns = [p for p in _patterns() if AlternativesSearch(p).parts]
    patterns += [header._rif_re()[0], re.compile(r"\bDIR\b|DIRECTOR|OR", re.I)]
    for pattern in patterns:
        each = AlternativesSearch(pattern)
        for text in _texts()[:80] + ["the director, DIR or"]:
            found = [m.span() for m in each.finditer(text, fold(text))]
            assert found == [m.span() for m in pattern.finditer(text)], (pattern.pattern, text[:80])
