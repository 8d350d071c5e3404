"""How often does declass agree with the FRUS TEI on FRUS documents it was not written on?

benchmarks/frus/ holds FRUS documents converted from the public HistoryAtState/frus TEI by
benchmarks/frus_tei.py (text as the corpus's FRUS folder has it, plus a weak-label `<id>.catalog.json`).
None of them is one of the corpus's 28 FRUS documents. This script runs declass over the folder
(`--ocr never`) or reads a records file, and prints per field how many documents agree / disagree /
have a declass value where the label is empty (`extra`) / have the label but no declass value
(`declass-empty`) / have neither (`both-empty`), then lists every disagreement and empty.

How a label is compared:

- document_date: the day of the TEI `<date @when>` in the document's own dateline == declass's date.
- sender / addressees: the TEI tags only part of the head (`persName`/`gloss` type from|to: often just the
  surname, "Francis", or "Secretary of State"), while declass (and the gold guideline) gives the whole
  head party, "The Ambassador in Russia (Francis)". A label value agrees when, case- and
  punctuation-folded, it is contained in the declass value. Addressees agree when every label entry is
  contained in some declass entry AND every declass entry contains some label entry (so an extra or a
  missing addressee is a disagreement). Memoranda have no tagged party: their label is empty.
- record_ids: the decimal file number from the TEI source note ("861.00/1401", "500.A15 a 1/457") is
  among declass's identifiers (compared without spaces, case-folded).
- document_type: a weak label from TEI structure alone (frus_tei.type_hint: ': Telegram' source note,
  [Telegram]/[Paraphrase] → telegram; 'Memorandum' head → memorandum; 'No. N' opener → dispatch;
  'My Dear' salutation → letter; embassy/ministry heads, 'Excellency'/'Mr. Minister'/'Mr. Ambassador'
  salutations and 'Accept [etc.]' closings → note), empty where the structure says nothing. The
  declass rules for notes and memoranda were written from the same documents, so this row checks
  that they fire as intended, not their accuracy on unseen text.
- classification: FRUS prints no security markings, so the label is always empty and any declass value
  counts as `extra` (a false positive).

    .venv/bin/python benchmarks/frus_agreement.py [--records out.jsonl] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "benchmarks" / "frus"
FIELDS = ("document_date", "sender", "addressees", "record_ids", "document_type", "classification")
OUTCOMES = ("agree", "disagree", "extra", "declass-empty", "both-empty")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", " ", s).strip()


def contained(label: str, value: str) -> bool:
    return f" {fold(label)} " in f" {fold(value)} "


def load_records(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[Path(rec["source"]["path"]).name.removesuffix(".txt")] = rec
    return out


def extract(folder: Path) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "frus.jsonl"
        cmd = [sys.executable, "-m", "declass.cli", "extract", str(folder), "--ocr", "never", "-o", str(out)]
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        return load_records(out)


def _val(field) -> str | None:
    return field.get("value") if isinstance(field, dict) else None


def compare(cat: dict, rec: dict) -> dict[str, tuple[str, object, object]]:
    """field -> (outcome, label, declass value)."""
    res = {}

    def put(name, label, got, agree):
        if label in (None, [], "") and got in (None, [], ""):
            res[name] = ("both-empty", label, got)
        elif label in (None, [], ""):
            res[name] = ("extra", label, got)
        elif got in (None, [], ""):
            res[name] = ("declass-empty", label, got)
        else:
            res[name] = ("agree" if agree() else "disagree", label, got)

    label_date = (cat.get("doc_date") or "")[:10] or None
    got_date = _val(rec.get("document_date"))
    put("document_date", label_date, got_date, lambda: got_date == label_date)

    sender = cat.get("sender")
    got_sender = _val(rec.get("sender"))
    put("sender", sender, got_sender, lambda: contained(sender, got_sender))

    addr = cat.get("addressees") or []
    got_addr = [a["value"] for a in rec.get("addressees") or []]
    put(
        "addressees",
        addr,
        got_addr,
        lambda: (
            all(any(contained(a, g) for g in got_addr) for a in addr)
            and all(any(contained(a, g) for a in addr) for g in got_addr)
        ),
    )

    fn = (cat.get("doc_ids") or {}).get("state_decimal_file")
    got_ids = [i["value"] for i in rec.get("identifiers") or []]

    def same_id(a: str, b: str) -> bool:
        return re.sub(r"\s", "", a).lower() == re.sub(r"\s", "", b).lower()

    put("record_ids", fn, got_ids, lambda: any(same_id(g, fn) for g in got_ids))

    hint = (cat.get("extra") or {}).get("document_type_hint")
    got_type = _val(rec.get("document_type"))
    put("document_type", hint, got_type, lambda: got_type == hint)

    got_cls = (rec.get("classification") or {}).get("original")
    got_cls = got_cls.get("value") if isinstance(got_cls, dict) else got_cls
    put("classification", None, got_cls, lambda: False)
    return res


def table(results: dict[str, dict]) -> tuple[str, dict]:
    counts = {f: Counter(r[f][0] for r in results.values()) for f in FIELDS}
    head = f"| field | {' | '.join(OUTCOMES)} |"
    lines = [head, "|" + "---|" * (len(OUTCOMES) + 1)]
    for f in FIELDS:
        lines.append(f"| {f} | " + " | ".join(str(counts[f][o]) for o in OUTCOMES) + " |")
    return "\n".join(lines), {f: dict(c) for f, c in counts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=FOLDER)
    ap.add_argument("--records", type=Path, help="declass JSONL over the folder (default: extract now)")
    ap.add_argument("--quiet", action="store_true", help="only the table")
    ap.add_argument("--json", action="store_true", help="counts as JSON")
    args = ap.parse_args(argv)

    records = load_records(args.records) if args.records else extract(args.folder)
    results = {}
    for cat_path in sorted(args.folder.glob("*.catalog.json")):
        doc = cat_path.name.removesuffix(".catalog.json")
        cat = json.loads(cat_path.read_text(encoding="utf-8"))
        results[doc] = compare(cat, records.get(doc, {}))
    text, counts = table(results)
    if args.json:
        print(json.dumps({"documents": len(results), "counts": counts}, indent=1))
        return 0
    vols = Counter(d.split("_")[0] for d in results)
    per_volume = ", ".join(f"{v} {n}" for v, n in sorted(vols.items()))
    print(f"{len(results)} FRUS documents from {len(vols)} volumes: {per_volume}")
    print(text)
    if not args.quiet:
        for f in FIELDS:
            shown = ("disagree", "extra", "declass-empty")
            rows = [(d, r[f]) for d, r in results.items() if r[f][0] in shown]
            if rows:
                print(f"\n## {f}")
                for d, (outcome, label, got) in rows:
                    print(f"  {outcome:13} {d}: label={label!r} declass={got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
