"""Is the review queue's order meaningful? Measured against gold annotations.

Builds the review queue (`declass.review`) of records of annotated documents and compares every
value of the fields the project scores with the gold (soft match, as `declass evaluate`), with
`declass.review.queue_quality`: precision of the values the queue flags vs those it does not, and
the share of errors (wrong values; gold values declass missed) in the documents at the head of the
queue, against a random order and the order by lowest confidence alone.

    .venv/bin/python benchmarks/review_queue.py ../shared/corpus [--records out.jsonl]
        [--threshold 0.8 0.9] [--top-share 0.2]

Without --records it extracts the gold folder first (--ocr never).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from declass.evaluate import gold_documents  # noqa: E402
from declass.review import DEFAULT_THRESHOLD, queue_quality  # noqa: E402


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir")
    ap.add_argument("--records", help="JSON Lines of records (default: extract the gold folder)")
    ap.add_argument("--threshold", type=float, nargs="+", default=[DEFAULT_THRESHOLD])
    ap.add_argument("--top-share", type=float, default=0.2)
    ap.add_argument("--by-field", action="store_true", help="also print precision per field")
    args = ap.parse_args()

    gold = {
        str(doc.resolve()): json.loads(g.read_text(encoding="utf-8"))
        for doc, g in gold_documents(args.gold_dir)
    }
    if args.records:
        with open(args.records, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    else:
        from declass.api import extract_file

        records = [r.to_dict() for path in gold for r in extract_file(path, ocr="never")]
    pairs = []
    for rec in records:
        key = str(Path(rec["source"]["path"] or "").resolve())
        if key in gold:
            pairs.append((rec, gold[key]))

    for threshold in args.threshold:
        q = queue_quality(pairs, threshold, args.top_share)
        print(
            f"threshold {threshold}: {q['documents']} documents, {q['documents_to_review']} with something"
            f" to review; {q['wrong']} wrong values, {q['missed']} missed gold values"
        )
        for key, v in q["values"].items():
            print(f"  {key:15} {v['n']:5} values  wrong {v['wrong']:3}  precision {fmt(v['precision'])}")
        flagged_wrong = q["values"]["flagged"]["wrong"]
        print(f"  flagged values hold {flagged_wrong} of the {q['wrong']} wrong values")
        print(f"  top {args.top_share:.0%} of the queue ({q['top_documents']} documents) holds:")
        print(
            f"    review queue:           {q['top_share_wrong']:.3f} of wrong values, "
            f"{q['top_share_missed']:.3f} of missed  (random {args.top_share:.3f})"
        )
        print(
            f"    lowest confidence only: {q['lowest_confidence_top_share_wrong']:.3f} of wrong values, "
            f"{q['lowest_confidence_top_share_missed']:.3f} of missed"
        )
        print(
            f"  mean queue position of errors (0 first, 1 last, random 0.5): wrong "
            f"{q['mean_position_wrong']:.3f}, missed {q['mean_position_missed']:.3f}; by lowest confidence"
            f" {q['lowest_confidence_mean_position_wrong']:.3f},"
            f" {q['lowest_confidence_mean_position_missed']:.3f}"
        )
        if args.by_field:
            print("  per field: flagged n, precision | unflagged n, precision")
            for path, v in q["by_field"].items():
                (fn, fp), (un, up) = v["flagged"], v["unflagged"]
                print(f"    {path:32} {fn:4} {fmt(fp)} | {un:4} {fmt(up)}")


if __name__ == "__main__":
    main()
