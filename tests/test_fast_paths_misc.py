"""The fast paths of the telegram, identifiers, rif and doctype extractors find what the patterns they
stand for find: the same matches (spans), in the same order, on the sample texts, random windows of them
and texts made to sit on their edges."""

from __future__ import annotations

import random
import re

from conftest import fixture_windows

from declass.document import Document
from declass.extract import doctype, identifiers, rif, telegram
from declass.prefilter import finditer, fold, line_finditer

EDGES = [
    "CITE WAVE 8295\nxCITE DIR 1234 CITE (MADRID) 40791\nCITE PANAMA CITY 27332\nCITECITE WAVE 12",
    "SUBJ\nSUBJECT ARREST OF DEPUTY DOI 12\n SUBJ A FINE TITLE HERE DATE DISTR\nSUBJECT\n",
    "1104-10059-10206-10059-10206 104-10059-10206104-10059-10206 204-12345-12345- 0104-12345-67890",
    "DocId:12345678 xDocId:12345678 Docld ; 12345678;Dactd:  87654321 DDocId:12345678 Date:12345678",
    "NW 50953 DocId:32337761 Page 1\nDoc1d: 1234567 Page 2 Bo1:123456789012",
    "ESBA-12659\n  UFGA-7171 X\nCIRA-0432-74\nAGC(IL)-213-08\n\fOGC-97-50971\nREC-1234\n",
    "SF 105-3689\nDL 92-34\n SF 105-3689 \nCR 1-2\nF123456-1234\n  F123456-1234  \n",
    "PRIORITY\n\nIN 14274\nDOHB 70-1-1\nDOHB\n70-1-1\n861.00/1401\nFile No. 500.A15 a 1/457: Telegram\n",
    "PAGE 01 STATE 099063 150020Z\nSTATE 085500 081655Z  \nUNCLASSIFIED TEHRAN 1164\n",
]


def _texts() -> list[str]:
    return fixture_windows(30, 600, seed=11) + EDGES


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_telegram_matches_from_a_lead_are_finditer():
    for text in _texts():
        fast = finditer(telegram._CITE, text)
        assert _spans(fast) == _spans(telegram._CITE.finditer(text))
        whole, found = telegram._INFO_REPORT_SUBJ.search(text), telegram._info_report_search(text)
        assert (whole and whole.span()) == (found and found.span())
        if telegram._CITE_OR.search(text):
            assert telegram._CITE_OR_CORE.search(text)


def test_telegram_line_cores_hold_every_line_the_patterns_match():
    for text in _texts():
        doc = Document.from_text(text)
        folded = doc.folded
        for ln in doc.lines:
            if telegram._FORM_DISTR_SUBJ.match(ln.text):
                assert telegram._FORM_DISTR_FOLDED.search(folded, ln.start, ln.end)
            if telegram._FORM_ACTION.match(ln.text):
                assert telegram._FORM_ACTION_CORE.search(folded, ln.start, ln.end)
            if telegram._FORM_CONF.match(ln.text):
                assert telegram._FORM_CONF_CORE.search(ln.text)


def _identifier_cases() -> list[tuple[re.Pattern, object]]:
    ids = identifiers
    cases = [(ids._RECNUM, ids._recnum_finditer), (ids._DOCID, ids._docid_finditer)]
    for name, how in (
        ("CONTROL", ids._single_line_matches),
        ("FBI_OFFICE_FILE", ids._single_line_matches),
        ("FADRC", ids._gated),
        ("IN_NUMBER", ids._gated),
        ("RUNNING_NUMBER", ids._gated),
        ("FRUS_FILE", ids._gated),
    ):
        pattern, core = getattr(ids, f"_{name}"), getattr(ids, f"_{name}_CORE")
        cases.append((pattern, lambda t, p=pattern, c=core, how=how: how(c, p, t)))
    printout = ids._cable_patterns()[1]
    cases.append((printout, lambda t: ids._gated(ids._CABLE_CORES[1], printout, t)))
    return cases


def test_identifiers_fast_paths_are_finditer():
    cases = _identifier_cases()
    for text in _texts():
        for pattern, fast in cases:
            assert _spans(fast(text)) == _spans(pattern.finditer(text)), (pattern.pattern[:40], text[:80])
            assert _spans(line_finditer(pattern, text)) == _spans(pattern.finditer(text))


def test_doctype_fast_paths_find_what_the_patterns_find():
    rules, _ = doctype._rules()
    searchers = doctype._searchers()
    for text in _texts():
        for pos in (0, 7, 300):
            whole = doctype._FOOTER.search(text, pos)
            fast = doctype._footer_search(text, pos)
            assert (whole and whole.span()) == (fast and fast.span())
        head = text[:3000]
        folded = fold(head)
        for _name, _type, rx, _conf in rules:
            whole = searchers[id(rx)].search(head, folded)
            fast = doctype._rule_search(rx, head, folded)
            assert (whole and whole.span()) == (fast and fast.span()), (rx.pattern[:40], head[:80])
        assert doctype._body_start(text, fold(text)) == doctype._body_start(text)


def test_rif_noise_and_trim_answer_as_the_patterns_do():
    noise = rif._data()["noise_re"]
    assert rif._noise_parts() is not None
    lines = {ln.strip() for text in _texts() for ln in text.split("\n")}
    lines |= {
        "Page 1",
        "JFK Assassination System",
        "ORIGINAL",
        "12-04-1963",
        "  ---  ",
        "DocId: 1",
        "ıtem is",
    }
    for line in lines:
        assert rif._is_noise(line) == (noise.search(line) is not None), line
    rng = random.Random(3)
    chars = "ab1 \t:;•=—|©°'\"_-.,\u00a0\u2003\x1c\n"
    for _ in range(20000):
        t = "".join(rng.choice(chars) for _ in range(rng.randrange(15)))
        a = rif.VALUE_LEAD.match(t).end()
        tail = rif.VALUE_TAIL.search(t, a)
        b = tail.start() if tail else len(t)
        assert rif._trim(t, 0) == (a, b, t[a:b]), repr(t)


def test_rif_lines_with_a_bound_are_those_of_the_document_that_end_before_it():
    words = (*rif._strong_words(), "a", "the")
    for text in _texts()[:80]:
        doc = Document.from_text(text)
        for ln in doc.lines[:: max(1, len(doc.lines) // 5)] + doc.lines[-1:]:
            expected = [n for n in doc.lines_with(words) if doc.lines[n].end <= ln.end]
            assert rif._lines_with(doc, words, ln.end) == expected
