"""declass.extract.stamps finds each pattern's matches from its anchors: exactly what `finditer` finds."""

from __future__ import annotations

import re

import pytest
from conftest import fixture_windows

from declass.document import Document
from declass.extract import stamps


def _patterns() -> list[re.Pattern]:
    out = [v for v in vars(stamps).values() if isinstance(v, re.Pattern)]
    return out + [p for _, p, _ in stamps._release_patterns()]


def _texts() -> list[str]:
    # random windows: matches cut at the text's edges, anchors near its start
    texts = fixture_windows(30, 400, seed=11)
    texts += [
        "2022 RELEASE UNDER 1999 RELEASE UNDI 2023RELEASE ENDER",
        "(b)(1) (b) (3)(A) 25X1 25X1X (b)(b)(6)",
        "E.O. 12958, as amended, Sec. 3.3 EO 13526 E. O.  12356 E.B.O.: 10501 EO:12065",
        "NW 65924 DocId:32105898 Doc Id : 1 Bald: 2 66000 Date: 11-03-2021 65994 DIlate :",
        "MR 12-34-5 NLJ 88-123 MR# 1234-1 NLK-99-9",
        "HEREIN IS UNCLASSIFIED DECLASSIFIED BY 60267 UNCLASSIFIED  DECLASSIFIED  BY",
        "CIA HAS NO OBJECTION TO DECLASSIFICATION  cia historical review program release in full 1999",
        "\u0130NFORMATION \u212aENNEDY ASSASSINATION RECORDS ACT OF 1992 released under the john f",
    ]
    return texts


def test_anchors_are_literals_at_bounded_offsets():
    assert stamps._anchors(stamps.REVIEWED_BY) == ((("REVIEWED", False), 0, 0),)
    # a literal of a family (found from one scan for all its literals) before a longer one
    assert stamps._anchors(stamps.APPROVED) == ((("RELEASE", False), 13, 17),)
    assert stamps._anchors(stamps.DERIVED) == ((("From", False), 4, 9),)
    # a top-level alternation: one anchor per branch
    assert stamps._anchors(stamps.EXEMPTION_CODE) == ((("(b)", False), 0, 0), (("25X", False), 0, 0))
    # case-insensitive: the literal as the folded text holds it
    assert stamps._anchors(re.compile(r"[CG]IA\s{0,2}HISTORICAL", re.I)) == ((("historical", True), 3, 5),)
    # no literal of three characters, or none at a bounded offset: not anchored
    assert stamps._anchors(re.compile(r"[DB][oa][ceo]\s?:\s?\d")) is None
    assert stamps._anchors(re.compile(r"\d+\s?RELEASE")) is None


def test_hand_anchors_open_with_a_literal():
    # a pattern without a literal to anchor on is anchored on a pattern that `re` scans for fast
    assert stamps._anchors(stamps.DOCID_TOKEN) == ((stamps._COLON_DIGIT, 4, 8),)
    for anchors in (stamps._anchors(p) for p in _patterns()):
        for key, _, _ in anchors or ():
            assert isinstance(key, tuple) or key.pattern[0].isalpha() or key.pattern[0] == ":"


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:40])
def test_find_finds_the_matches_of_finditer(pattern):
    for text in _texts():
        scan = stamps._Scan(Document.from_text(text))
        assert [m.span() for m in stamps._find(pattern, scan)] == [m.span() for m in pattern.finditer(text)]


def test_find_with_a_limit_finds_the_first_matches_and_keeps_only_all():
    text = "DECLASSIFIED x DECLASSIFIED y DECLASSIFIED z DECLASSIFIED EO_DECLASSIFIED"
    pattern = next(
        p for name, p, _ in stamps._release_patterns() if p.pattern.startswith("(?<![A-Za-z])DECL")
    )
    scan = stamps._Scan(Document.from_text(text))
    every = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in stamps._find(pattern, scan, 3)] == every[:3]
    assert [m.span() for m in stamps._find(pattern, scan)] == every
    assert [m.span() for m in stamps._find(pattern, scan, 3)] == every[:3]
    for p in (stamps.EO_DECLASSIFIED, stamps.FBI_HEREIN):  # a window of offsets; anchors of two branches
        scan = stamps._Scan(Document.from_text(text + " E.O. 12958 DECLASSIFIED DECLASSIFIED BY"))
        every = [m.span() for m in p.finditer(scan.text)]
        assert [m.span() for m in stamps._find(p, scan, 1)] == every[:1]
        assert [m.span() for m in stamps._find(p, scan)] == every
