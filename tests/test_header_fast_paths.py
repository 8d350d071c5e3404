"""The header extractor's shortcuts say "no label" only where the full label tests find none."""

from __future__ import annotations

import random

from conftest import FIXTURES

from declass.extract import header


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
