"""The header extractor's shortcuts say "no label" only where the full label tests find none."""

from __future__ import annotations

import itertools
import random
import re

from conftest import FIXTURES

from declass.document import Document
from declass.extract import header
from declass.prefilter import fold


def _lines() -> list[str]:
    lines = [
        ln
        for p in sorted(FIXTURES.rglob("*.txt"))
        for ln in p.read_text(encoding="utf-8", errors="replace").replace("\f", "\n").split("\n")
    ]
    rng = random.Random(11)
    labels = [w for part in ("labels", "damaged") for ws in header._data()[part].values() for w in ws]
    # every spelling in upper, lower and mixed case, with the separators the pattern knows
    for w in labels:
        for form in (w, w.lower(), w.title(), w.swapcase()):
            for sep in (":", " :", ";", ",", " = ", ".", "  ", "\t", " ", "", "(S):", " - :"):
                lines.append(f"{rng.choice(['', ' ', '> ', '* ', '--'])}{form}{sep} {rng.choice(labels)} x")
    return lines


def test_lower_case_label_pattern_matches_where_the_label_pattern_does():
    pattern, lower = header._patterns()[0], header._lower_label_re()
    found = 0
    for t in _lines():
        if not t.isascii():
            continue
        m, q = pattern.match(t), lower.match(t.lower())
        assert (m is None) == (q is None), t
        if m is not None:
            found += 1
            assert m.span("value") == q.span("value") and m.span("label") == q.span("label"), t
    assert found > 500


def test_ignorecase_letters_match_where_the_folded_text_holds_them():
    # `_folded_alt`: an ASCII letter with IGNORECASE matches a character exactly where the folded text
    # holds the letter in lower case; \s, \w and \d are the same in the text and the folded text
    chars = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    folded = fold(chars)
    assert len(folded) == len(chars)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for x in (letter, letter.upper()):
            ci = [m.start() for m in re.finditer(x, chars, re.IGNORECASE)]
            assert ci == [m.start() for m in re.finditer(letter, folded)], x
    for cls in (r"\s", r"\w", r"\d", r"\n", r"\f"):
        assert [m.start() for m in re.finditer(cls, chars)] == [m.start() for m in re.finditer(cls, folded)]


def test_rif_markers_and_end_labels_on_the_folded_text():
    marker, end_label = header._rif_re()
    markers_re, end_folded = header._rif_folded_res()
    rng = random.Random(5)
    words = header._data()["rif_markers"] + header._data()["rif_end"] + ["Date", "record", "x", "AGENCY"]
    hits = [0, 0]
    for _ in range(1000):
        parts = [rng.choice(words) for _ in range(rng.randint(0, 8))]
        seps = ["\n", " ", "  ", "\n   ", "\f", ": ", "\n\n     ", "  \t"]
        text = "".join(rng.choice(seps) + (p if rng.random() < 0.5 else p.lower()) for p in parts)
        doc = Document.from_text(text * rng.randint(1, 200))
        text = doc.text
        two = len(list(itertools.islice(marker.finditer(text[:2500]), 2))) == 2
        assert header._two_markers(doc.folded, markers_re) == two
        zone = header._zone_lines(doc, 0, min(len(text), 8000))
        last = max((ln.end for ln in zone if end_label.match(ln.text)), default=0)
        assert header._last_end_label(doc, end_folded, zone[-1].end) == last
        hits[0] += two
        hits[1] += last > 0
    assert min(hits) > 200


def _agree_on_random_spans(rng, pieces, rounds: int, most: int, pattern, test) -> int:
    """Texts of up to `most` random `pieces`, each with a random span (its end may pass the text's):
    asserts `test(doc, start, end)` answers whether `pattern` finds something in that span; returns
    how many spans it does."""
    hits = 0
    for _ in range(rounds):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))
        doc = Document.from_text(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text) + 3)
        want = pattern.search(text[start:end]) is not None
        assert test(doc, start, end) == want, (text, start, end)
        hits += want
    return hits


def test_telegram_test_finds_what_the_telegram_pattern_finds():
    telegram = re.compile(
        r"^\s{0,6}(?:FM|FROM)\s{1,3}(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL)\b"
        r"|\b[0-3]\d[0-2]\d[0-5]\dZ\s{0,2}[A-Z]{3}\b",
        re.MULTILINE,
    )
    rng = random.Random(3)
    pieces = [
        "FM AMEMBASSY PARIS",
        "FROM  SECSTATE",
        " FM USDELX",
        "FM\nUSMISSION",
        "Z",
        "ZZ",
        "a",
        " ",
        "\n",
    ]
    pieces += ["121530Z JUL", "1215302 JUL", "X121530Z JUL", "121530Z  OCTX", "401530Z JUL", "Z JUL 12", "9"]
    hits = _agree_on_random_spans(rng, pieces, 4000, 12, telegram, header._telegram)
    assert hits > 40


def test_form_page_test_finds_what_the_form_page_pattern_finds():
    rng = random.Random(4)
    pieces = [
        "ROUTING AND RECORD SHEET",
        "Routing  Slip",
        "TRANSMITTAL\nSLIP",
        "routing",
        "x",
        "\u0130",
        " ",
        "\n",
    ]
    hits = _agree_on_random_spans(rng, pieces, 3000, 10, header._form_page_re(), header._form_page)
    assert hits > 200


def test_lines_the_label_shortcut_skips_hold_no_label():
    rng = random.Random(9)
    lines = _lines()
    # margin marks, colons and MEMO at every place near the start
    for w in ("SUBJECT", "SUBJZCT", "FROM", "MEMORANDUM FOR", "MEMOWANDI FOR", "Frcm", "yrom"):
        for _ in range(60):
            lead = rng.choice(["", " ", "3 ", "a  ", "*. ", "12\t", "x", ">", "--- "])
            sep = rng.choice([":", " :", ";", "", " ", ": ", "  :"])
            lines.append(f"{lead}{w}{sep}{rng.choice(['Robert Smith', 'PHILLIPS, David', '', 'x'])}")
    skipped = 0
    for t in lines:
        head = t[:24]
        shortcut = (
            t.isascii()
            and not header._lower_label_re().match(t.lower())
            and ":" not in head
            and ";" not in head
            and "MEMO" not in t
            and not header.MARGIN_MARK.match(t)
        )
        if shortcut:
            skipped += 1
            assert header._patterns()[0].match(t) is None, t
            assert header._fuzzy_label(t) is None, t
            assert header._margin_label(t) is None, t
    assert skipped > 500


def test_email_reads_the_first_20000_characters_as_a_text_of_their_own():
    from declass.extract import email

    block = "From: Sullivan, Jacob J\nSent: Wednesday, September 12, 2012 10:16 AM\nTo: H\n"
    block += "Subject: Fw: the statement on the events of the day\n\nBody text.\n"
    found = 0
    for pad in range(email.HEAD - len(block) - 5, email.HEAD + 3):
        text = ("x" * 99 + "\n") * (pad // 100) + "y" * (pad % 100) + "\n" + block + "z\n" * 50
        full, head = Document.from_text(text), Document.from_text(text[: email.HEAD])
        got = [(c.field, c.value, c.start, c.end) for c in email.extract(full)]
        assert got == [(c.field, c.value, c.start, c.end) for c in email.extract(head)], pad
        found += bool(got)
    assert found > 20


def test_lines_the_label_gates_skip_hold_no_label():
    # the lines `_Header` reads labels on (`candidates`) hold every label `_label_at` finds
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]
    texts.append("\n".join(_lines()))
    rng = random.Random(13)
    marks = ["", " ", "3 ", "a  ", "*. ", "12\t", "\u00ae ", "> ", "--- ", "\f", "\n"]
    words = ["SUBJECT", "SUBJZCT", "FROM", "MEMORANDUM FOR", "MEMOWANDI FOR", "Frcm", "yrom", "TO", "T\u043e"]
    words += ["DAТE", "MEMORÄNDUM FOR®", "Re", "via", "x" * 30, "Chief, WH", "\u212aelvin"]
    texts.append(
        "".join(
            rng.choice(marks) + rng.choice(words) + rng.choice([":", " ", ";", "  x", "\n"])
            for _ in range(4000)
        )
    )
    found = 0
    for text in texts:
        doc = Document.from_text(text)
        hdr = header._Header(doc, 0, len(text))
        for i in range(len(hdr.lines)):
            got = hdr._label_at(i)
            if got is not None:
                found += 1
                assert i in hdr.candidates, hdr.lines[i].text
            assert hdr.label_at(i) == got or got[1].span() == hdr.label_at(i)[1].span()
    assert found > 1000
