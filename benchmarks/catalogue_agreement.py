"""How often do declass's values agree with an archive's catalogue? A second opinion on unseen text.

A catalogued folder (e.g. ../shared/catalogued/jfk-tesseract-2022) holds `<id>.txt` beside
`<id>.catalog.json`: the archive's spreadsheet row for the record (Doc Date ISO, From Name, To Name,
Title, File Num, Review Date ISO, Record Num). The catalogue is no gold (names normalised, titles
abbreviated, dates sometimes missing or only a year), so the comparison is tolerant:

- dates: `agree` when equal, `partial` when one is a prefix of the other (1963 vs 1963-12-13, or a
  catalogue 01/01/YYYY placeholder whose year matches); catalogue 0000 dates count as absent;
- names (sender/From Name, addressees/To Name): token overlap after normalising case and punctuation,
  so "RANKIN, J. LEE, GEN COUNSEL" and "J. Lee Rankin" agree; a word one OCR error away counts
  (OIRECTOR), so do initials (DDA / Deputy Director for Administration) and the catalogue's HQ and MFR;
  catalogue "None"/"WITHHELD" = absent;
- subject vs Title: share of the shorter side's content tokens found in the other (prefix-tolerant, so
  "MEMO" matches "MEMORANDUM"; the catalogue's acronyms match the words they stand for), agree from 0.5;
- record_ids: the record number (RIF) and the File Num (only counted when the text shows it).

Per field the table gives how many records the catalogue has a value for, and of those how often
declass agrees / partly agrees / disagrees / is empty; `extra` is a declass value where the catalogue
has none (not an error, the catalogue is incomplete). Review dates: the catalogue holds NARA's latest
review, the text may show earlier ones, so a different review date is `other`, and `disagree` only
when it precedes the document's date. `prec~` = (agree+partial)/(agree+partial+
disagree), the best available proxy for precision on unseen text.

    .venv/bin/python benchmarks/catalogue_agreement.py ../shared/catalogued/jfk-tesseract-2022 \
        --records out.jsonl [--show sender:disagree] [--json]

Without --records it extracts the folder first (--ocr never).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "benchmarks" / "unseen"  # the blind-annotated measuring set: kept out of this table
sys.path.insert(0, str(ROOT))

FIELDS = (
    "document_date",
    "sender",
    "addressees",
    "subject",
    "review_dates",
    "record_ids:rif",
    "record_ids:file",
)
ABSENT = {"", "NONE", "WITHHELD", "[RESTRICTED]", "RESTRICTED", "UNKNOWN", "N/A", "SEE TITLE", "NOT GIVEN"}
STOP = {"THE", "OF", "AND", "FOR", "TO", "IN", "ON", "AT", "BY", "A", "AN", "MR", "MRS", "DR", "RE"}


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKD", str(s)).upper()
    return re.sub(r"[^0-9A-Z]+", " ", s).strip()


def tokens(s: str) -> set[str]:
    return {t for t in norm_text(s).split() if t not in STOP and (len(t) > 1 or t.isdigit())}


def norm_id(s: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", norm_text(s))


def present(v) -> bool:
    return v is not None and str(v).strip().upper() not in ABSENT


def cat_date(v) -> str | None:
    if not present(v) or str(v).startswith("0000"):
        return None
    return str(v)


def date_cmp(cat: str, got: list[str]) -> str:
    if cat in got:
        return "agree"
    placeholder = cat.endswith("-01-01")
    for g in got:
        if cat.startswith(g) or g.startswith(cat) or (placeholder and g[:4] == cat[:4]):
            return "partial"
    return "disagree"


def _tok_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short):
        return True  # an abbreviation: MEMO / MEMORANDUM
    # one OCR error in a longer word: OIRECTOR / DIRECTOR
    return len(short) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller token set found (prefix-tolerant) in the other."""
    if not a or not b:
        return 0.0
    small, big = sorted((a, b), key=len)
    return sum(any(_tok_match(t, u) for u in big) for t in small) / len(small)


# the catalogue's short forms of parties that the text writes out
ALIASES = {"HQ": "DIRECTOR FBI", "MFR": "MEMORANDUM FOR THE RECORD", "DIR": "DIRECTOR"}


def _initials(s: str) -> str:
    return "".join(t[0] for t in norm_text(s).split() if t not in STOP and t != "SAC")


def name_tokens(s: str) -> set[str]:
    """Tokens of a party, with the catalogue's short forms spelt out."""
    out = set()
    for t in tokens(s):
        out |= tokens(ALIASES.get(t, t))
    return out


def name_cmp(cat: str, got: list[str]) -> str:
    cats = [c for c in re.split(r";", cat) if present(c)]
    # an office written out where the catalogue gives its initials: DDA / Deputy Director for Administration
    if any(norm_id(c) and norm_id(c) == _initials(g) for c in cats for g in got):
        return "agree"
    best = max((overlap(name_tokens(c), name_tokens(g)) for c in cats for g in got), default=0.0)
    return "agree" if best >= 0.5 else "partial" if best > 0 else "disagree"


def collapse_acronyms(got: str, cat_tokens: set[str]) -> set[str]:
    """The tokens of `got` where a run of 2-6 content words whose initials are one of the catalogue's
    tokens becomes that acronym ("House Select Committee on Assassinations Request" -> HSCA, REQUEST),
    as catalogue titles abbreviate."""
    words = [t for t in norm_text(got).split() if t not in STOP and (len(t) > 1 or t.isdigit())]
    out, i = [], 0
    while i < len(words):
        for n in range(6, 1, -1):
            if i + n <= len(words) and "".join(w[0] for w in words[i : i + n]) in cat_tokens:
                out.append("".join(w[0] for w in words[i : i + n]))
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return set(out)


def subject_cmp(cat: str, got: str) -> str:
    o = max(overlap(tokens(cat), tokens(got)), overlap(tokens(cat), collapse_acronyms(got, tokens(cat))))
    return "agree" if o >= 0.5 else "partial" if o >= 0.25 else "disagree"


def val(f):
    return f.get("value") if isinstance(f, dict) else f


def method_of(rec: dict, field: str) -> str:
    """The method of declass's (first) value of a compared field."""
    path = {"review_dates": ("declassification", "review_dates")}.get(field, (field.split(":")[0],))
    f = rec
    for k in path:
        f = f.get(k) if isinstance(f, dict) else None
    if field.startswith("record_ids"):
        return "-"
    if isinstance(f, list):
        f = f[0] if f else None
    return f.get("method", "?") if isinstance(f, dict) else "-"


def compare(rec: dict, cat: dict, text: str) -> dict[str, tuple[str, str, str]]:
    """field -> (outcome, catalogue value, declass value)."""
    out = {}
    dd = val(rec.get("document_date"))
    c = cat_date(cat.get("Doc Date ISO"))
    out["document_date"] = _outcome(c, [dd] if dd else [], date_cmp)

    snd = val(rec.get("sender"))
    c = cat.get("From Name")
    out["sender"] = _outcome(c if present(c) else None, [snd] if snd else [], name_cmp)

    adds = [val(a) for a in rec.get("addressees") or [] if val(a)]
    c = cat.get("To Name")
    out["addressees"] = _outcome(c if present(c) else None, adds, name_cmp)

    subj = val(rec.get("subject"))
    c = cat.get("Title")
    out["subject"] = _outcome(
        c if present(c) else None, [subj] if subj else [], lambda a, g: subject_cmp(a, g[0])
    )

    rds = [val(r) for r in (rec.get("declassification") or {}).get("review_dates") or [] if val(r)]
    c = cat_date(cat.get("Review Date ISO"))
    out["review_dates"] = _outcome(c, rds, date_cmp)
    written = cat_date(cat.get("Doc Date ISO"))
    if out["review_dates"][0] == "disagree":
        # the catalogue gives NARA's last review; the text shows earlier reviews too: only a review
        # dated before the document itself was written is surely wrong
        early = [r for r in rds if written and r[:4].isdigit() and r[:4] < written[:4]]
        out["review_dates"] = ("disagree" if early else "other",) + out["review_dates"][1:]

    ids = [val(i) for i in rec.get("identifiers") or [] if val(i)]
    nids = {norm_id(i) for i in ids}
    rif = cat.get("Record Num")
    rifs = [i for i in ids if re.fullmatch(r"\d{3}-\d{5}-\d{5}", str(i))]
    if rif:
        if norm_id(rif) in nids:
            out["record_ids:rif"] = ("agree", rif, rif)
        elif rifs:
            out["record_ids:rif"] = ("disagree", rif, "; ".join(rifs))
        else:
            out["record_ids:rif"] = ("empty", rif, "")
    fnum = cat.get("File Num")
    if present(fnum) and norm_id(fnum) and norm_id(fnum) in norm_id(text):
        got = "; ".join(ids)
        out["record_ids:file"] = ("agree" if norm_id(fnum) in nids else "empty", fnum, got)
    return out


def _outcome(cat, got: list, cmp) -> tuple[str, str, str]:
    shown = "; ".join(str(g) for g in got)
    if cat is None:
        return ("extra" if got else "none", "", shown)
    if not got:
        return ("empty", cat, "")
    return (cmp(cat, got), cat, shown)


def load_records(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--records", help="JSON Lines of records (default: extract the folder, --ocr never)")
    ap.add_argument("--show", action="append", default=[], help="FIELD:OUTCOME, print those cases")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    ap.add_argument("--by-method", action="store_true", help="also break the outcomes down by method")
    ap.add_argument(
        "--include-unseen",
        action="store_true",
        help="also count the records of benchmarks/unseen/ (left out by default: that set measures, and a "
        "rule written from this table would be written from them too)",
    )
    args = ap.parse_args()
    sealed = set() if args.include_unseen else {p.stem for p in UNSEEN.glob("*.txt")}

    folder = Path(args.folder)
    if args.records:
        records = load_records(args.records)
    else:
        from declass.api import extract_file

        records = [r.to_dict() for p in sorted(folder.glob("*.txt")) for r in extract_file(p, ocr="never")]
    by_stem = defaultdict(list)
    for r in records:
        by_stem[Path(r["source"]["path"] or "").name.removesuffix(".txt")].append(r)

    counts: dict[str, Counter] = defaultdict(Counter)
    by_method: dict[tuple[str, str], Counter] = defaultdict(Counter)
    show = {tuple(s.split(":", 1)) if s.count(":") == 1 else tuple(s.rsplit(":", 1)) for s in args.show}
    for cat_path in sorted(folder.glob("*.catalog.json")):
        stem = cat_path.name.removesuffix(".catalog.json")
        if stem in sealed:
            continue
        recs = by_stem.get(stem)
        if not recs:
            counts["(no record)"]["n"] += 1
            continue
        cat = json.loads(cat_path.read_text(encoding="utf-8"))
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8", errors="replace")
        for field, (outcome, c, g) in compare(recs[0], cat, text).items():
            counts[field][outcome] += 1
            by_method[field, method_of(recs[0], field)][outcome] += 1
            if (field, outcome) in show:
                print(f"{stem}\t{field}\t{outcome}\tcat={c!r}\tdeclass={g!r}")

    if args.json:
        print(json.dumps({k: dict(v) for k, v in counts.items()}, indent=1, sort_keys=True))
        return
    cols = ("agree", "partial", "disagree", "empty", "extra", "other")
    print(f"{'field':16} {'cat has':>7} " + " ".join(f"{c:>8}" for c in cols) + f" {'prec~':>6} {'found':>6}")
    for field in FIELDS:
        c = counts[field]
        has = sum(c[k] for k in ("agree", "partial", "disagree", "empty", "other"))
        ok = c["agree"] + c["partial"]
        prec = ok / (ok + c["disagree"]) if ok + c["disagree"] else float("nan")
        found = ok / has if has else float("nan")
        print(f"{field:16} {has:7d} " + " ".join(f"{c[k]:8d}" for k in cols) + f" {prec:6.3f} {found:6.3f}")
    if args.by_method:
        print()
        print(f"{'field':16} {'method':34} " + " ".join(f"{c:>8}" for c in cols))
        for (field, method), c in sorted(by_method.items()):
            if method != "-":
                print(f"{field:16} {method:34} " + " ".join(f"{c[k]:8d}" for k in cols))
    if counts.get("(no record)"):
        print(f"catalogue rows without a record: {counts['(no record)']['n']}")


if __name__ == "__main__":
    main()
