"""How far rules could go on a folder of scans: the gold values declass misses, split into those the
OCR text still holds legibly and those it does not, and the soft micro-F1 if every legible one were
read (precision as it is now). It answers "better rules or better OCR?" for a folder.

    python benchmarks/ocr_ceiling.py [GOLD_DIR] [--ocr auto]

GOLD_DIR defaults to the corpus's `pdf/` folder. A value is legible when the text, letters and digits
only, holds it or a stretch of the same length at difflib similarity >= 0.8 (the scorer's soft
threshold); a date is looked for in the printed forms cables and memos use (`27 NOV 63`,
`27 November 1963`, `11/27/63`, ...). `declassified` (a yes/no, not a string) is left out.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DECLASS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from declass.evaluate import FIELDS, SOFT_THRESHOLD, _get, _values, gold_documents, prf, same  # noqa: E402
from declass.ingest import read_documents  # noqa: E402
from declass.pipeline import EXTRACTORS, extract_document  # noqa: E402


def _letters(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def printed_forms(value: str, kind: str) -> list[str]:
    if kind == "date" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        d = datetime.date.fromisoformat(value)
        return [
            f"{d.day} {d:%b %y}",
            f"{d.day} {d:%b %Y}",
            f"{d.day} {d:%B %Y}",
            f"{d:%B} {d.day}, {d.year}",
            f"{d.month}/{d.day}/{d:%y}",
            f"{d.month}/{d.day}/{d.year}",
        ]
    return [value]


def legible(value: str, kind: str, text: str) -> bool:
    for form in printed_forms(value, kind):
        want = _letters(form)
        if not want:
            continue
        if want in text:
            return True
        if len(want) < 4:  # a short value similar to some stretch of noise means nothing
            continue
        step = max(1, len(want) // 4)
        for i in range(0, max(1, len(text) - len(want) + 1), step):
            if difflib.SequenceMatcher(None, text[i : i + len(want)], want).ratio() >= SOFT_THRESHOLD:
                return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", default=str(SHARED / "corpus" / "pdf"))
    ap.add_argument("--ocr", default="auto", choices=["auto", "always", "never"])
    args = ap.parse_args()

    tp = fp = fn = readable = 0
    rows = []
    for doc_path, gold_path in gold_documents(args.gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        # the gold describes the file's first document, as `declass evaluate` scores it
        doc = read_documents(doc_path, ocr=args.ocr)[0]
        rec = extract_document(doc, EXTRACTORS).to_dict()
        text = _letters(doc.text)
        for key, (path, kind) in FIELDS.items():
            if kind == "bool":
                continue
            wanted, got = _values(gold.get(key)), _values(_get(rec, path))
            fp += sum(not any(same(kind, g, p, True) for g in wanted) for p in got)
            for value in wanted:
                if any(same(kind, value, p, True) for p in got):
                    tp += 1
                    continue
                fn += 1
                if legible(str(value), kind, text):
                    readable += 1
                    rows.append((doc_path.name, key, str(value)))

    p, r, f1 = prf(tp, fp, fn)
    best = prf(tp + readable, fp, fn - readable)
    print(f"{args.gold_dir}: {tp + fn} gold values (declassified left out)")
    print(f"  found by declass         {tp}  (soft P {p:.3f} R {r:.3f} F1 {f1:.3f})")
    print(f"  missed, legible in text  {readable}")
    print(f"  missed, not in the text  {fn - readable}")
    print(f"  soft F1 if every legible miss were read: {best[2]:.3f}")
    for name, key, value in rows:
        print(f"    legible miss  {name}  {key}: {value[:70]}")


if __name__ == "__main__":
    main()
