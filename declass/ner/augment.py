"""OCR-damage augmentation for training examples: the text changes, the labelled spans follow it.

A text is handled as a list of (character, source offset) pairs; every operation edits that list, so
a span is wherever its source characters went. Operations imitate what the corpus shows:
- character confusions of OCR engines (O/0, l/1/I, S/5, B/8, rn/m, e/c, ./,);
- broken label spacing ("SUBJECT:" -> "SUB JECT :", "S U B J E C T", a lost colon);
- line splits (a space becomes a line break, or Apple Vision's blank line between lines);
- the form layout of Apple Vision OCR, which prints a run of "LABEL: value" lines as all the labels
  first and all the values after them.
All randomness comes from the `random.Random` passed in, so a seed fixes the output.
"""

from __future__ import annotations

import random
import re

Chars = list[tuple[str, int]]

CONFUSIONS = {
    "O": "0",
    "0": "O",
    "o": "0",
    "l": "1",
    "1": "l",
    "I": "l",
    "i": "l",
    "S": "5",
    "5": "S",
    "B": "8",
    "8": "B",
    "e": "c",
    "c": "e",
    ".": ",",
    ",": ".",
    "m": "rn",
    "h": "b",
    "u": "v",
    "E": "F",
    "G": "C",
}
LABEL_LINE = re.compile(r"^([A-Z][A-Za-z .#/]{1,28}?)\s*:\s*(\S.*)$")


def _chars(text: str) -> Chars:
    return [(ch, i) for i, ch in enumerate(text)]


def confuse(chars: Chars, rng: random.Random, rate: float = 0.02) -> Chars:
    out: Chars = []
    for ch, i in chars:
        sub = CONFUSIONS.get(ch)
        if sub is not None and rng.random() < rate:
            out.extend((c, i) for c in sub)
        else:
            out.append((ch, i))
    return out


def split_lines(chars: Chars, rng: random.Random, rate: float = 0.03) -> Chars:
    out: Chars = []
    for ch, i in chars:
        if ch == " " and rng.random() < rate:
            out.append(("\n", i))
            if rng.random() < 0.5:
                out.append(("\n", i))
        else:
            out.append((ch, i))
    return out


def break_labels(chars: Chars, rng: random.Random, rate: float = 0.3) -> Chars:
    """Damage the spacing of "LABEL:" prefixes at line starts."""
    text = "".join(c for c, _ in chars)
    edits: dict[int, str] = {}  # position -> "space" (insert before) | "drop"
    for m in re.finditer(r"(?m)^[ \t]*([A-Z][A-Z]{2,14})(\s*):", text):
        if rng.random() >= rate:
            continue
        word_start, word_end = m.start(1), m.end(1)
        style = rng.choice(("split", "spaced", "nocolon", "space_colon"))
        if style == "split":
            edits[rng.randrange(word_start + 1, word_end)] = "space"
        elif style == "spaced":
            for p in range(word_start + 1, word_end):
                edits[p] = "space"
        elif style == "nocolon":
            edits[m.end() - 1] = "drop"
        else:
            edits[m.end() - 1] = "space"
    if not edits:
        return chars
    out: Chars = []
    for k, (ch, i) in enumerate(chars):
        e = edits.get(k)
        if e == "drop":
            continue
        if e == "space":
            out.append((" ", -1))
        out.append((ch, i))
    return out


def labels_first(chars: Chars, rng: random.Random) -> Chars:
    """Rewrite a run of >= 3 "LABEL: value" lines as labels first, values after (Apple Vision forms)."""
    lines: list[Chars] = []
    cur: Chars = []
    for c in chars:
        if c[0] == "\n":
            lines.append(cur)
            cur = []
        else:
            cur.append(c)
    lines.append(cur)
    runs: list[tuple[int, int]] = []
    start = None
    for k, ln in enumerate(lines + [[]]):
        ok = bool(LABEL_LINE.match("".join(c for c, _ in ln)))
        if ok and start is None:
            start = k
        elif not ok and start is not None:
            if k - start >= 3:
                runs.append((start, k))
            start = None
    if not runs:
        return chars
    a, b = rng.choice(runs)
    labels, values = [], []
    for ln in lines[a:b]:
        m = LABEL_LINE.match("".join(c for c, _ in ln))
        labels.append(ln[: m.end(1)] + [(":", -1)])
        values.append(ln[m.start(2) :])
    block: list[Chars] = labels + [[]] + values
    new_lines = lines[:a] + block + lines[b:]
    out: Chars = []
    for k, ln in enumerate(new_lines):
        if k:
            out.append(("\n", -1))
        out.extend(ln)
    return out


def remap(chars: Chars, spans: list[list]) -> list[list]:
    """Spans [start, end, label] of the source, moved to where their characters are now."""
    pos: dict[int, list[int]] = {}
    for k, (_ch, i) in enumerate(chars):
        if i >= 0:
            pos.setdefault(i, []).append(k)
    out = []
    for s, e, label in spans:
        ks = [k for i in range(s, e) for k in pos.get(i, ())]
        if not ks:
            continue
        ns, ne = min(ks), max(ks) + 1
        if ne - ns > 3 * (e - s) + 10:  # the span was torn apart: drop it
            continue
        text = "".join(c for c, _ in chars[ns:ne])
        if text.strip() != text or not text.strip():
            continue
        out.append([ns, ne, label])
    return out


def augment(text: str, spans: list[list], rng: random.Random) -> tuple[str, list[list]]:
    """One damaged copy of (text, spans)."""
    chars = _chars(text)
    if rng.random() < 0.3:
        chars = labels_first(chars, rng)
    chars = break_labels(chars, rng)
    if rng.random() < 0.5:
        chars = split_lines(chars, rng, rate=rng.choice((0.01, 0.03)))
    chars = confuse(chars, rng, rate=rng.choice((0.005, 0.02, 0.04)))
    new_spans = remap(chars, spans)
    # drop overlaps a reordering might have produced
    kept: list[list] = []
    for sp in sorted(new_spans, key=lambda x: (x[0], -x[1])):
        if not kept or sp[0] >= kept[-1][1]:
            kept.append(sp)
    return "".join(c for c, _ in chars), kept
