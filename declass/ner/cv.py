"""k-fold cross-validation of the header tagger over the corpus, by document.

    python -m declass.ner.cv                 # all folds, then score
    python -m declass.ner.cv fold -i 0       # train on the other folds, tag fold 0 (parallel runs)
    python -m declass.ner.cv score           # score saved fold tags: rules / NER / combined

Each fold's model trains exactly as `python -m declass.train` does, on the gold-aligned documents of
the other folds (plus the catalogue-aligned ones, never in the corpus), and tags the held-out
documents' header zones; the tags are saved in `declass/ner/cv/fold<i>.json`. Scoring runs the rule
extractors on every corpus document and writes three JSON Lines files (rules only, NER only, rules +
NER) scored with `../shared/eval/score.py`. It also derives the per-label confidences
(`calibration.json` beside the model): the label's held-out precision scaled into 0.5..0.85, and 0
(off) for a label whose candidates lower the precision or F1 of its field when added to the rules.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import LABELS, MODEL_DIR, PACKAGE_DIR
from .train import SEED, WEAK_DOCS, load_rows, train

K = 3
CV_DIR = PACKAGE_DIR / "cv"
SCORE = Path("../shared/eval/score.py")
CORPUS = Path("../shared/corpus")


def folds(rows: list[dict], k: int = K, seed: int = SEED) -> list[int]:
    """Fold of every row: a seeded shuffle of the documents, dealt round-robin."""
    order = sorted(range(len(rows)), key=lambda i: rows[i]["source"])
    random.Random(seed).shuffle(order)
    out = [0] * len(rows)
    for n, i in enumerate(order):
        out[i] = n % k
    return out


def run_fold(i: int, k: int = K) -> Path:
    from ..extract.ner import tag

    corpus, weak = load_rows()
    assign = folds(corpus, k)
    train_rows = [r for r, f in zip(corpus, assign, strict=True) if f != i]
    held = [r for r, f in zip(corpus, assign, strict=True) if f == i]
    t0 = time.time()
    nlp = train(train_rows, weak[:WEAK_DOCS])
    seconds = time.time() - t0
    out = {"fold": i, "k": k, "train_seconds": round(seconds, 1), "docs": {}}
    for r in held:
        out["docs"][r["source"]] = {"pred": tag(nlp, r["text"]), "gold": r["spans"]}
    CV_DIR.mkdir(exist_ok=True)
    path = CV_DIR / f"fold{i}.json"
    path.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"fold {i}: trained in {seconds:.0f}s, tagged {len(held)} documents -> {path}")
    return path


def _span_scores(fold_files: list[dict]) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 per label against the aligned gold spans."""
    tp = dict.fromkeys(LABELS, 0)
    npred = dict.fromkeys(LABELS, 0)
    ngold = dict.fromkeys(LABELS, 0)
    for f in fold_files:
        for d in f["docs"].values():
            gold = {(s, e, lab) for s, e, lab in d["gold"]}
            for lab, s, e in d["pred"]:
                npred[lab] += 1
                tp[lab] += (s, e, lab) in gold
            for _s, _e, lab in gold:
                ngold[lab] += 1
    out = {}
    for lab in LABELS:
        p = tp[lab] / npred[lab] if npred[lab] else 0.0
        r = tp[lab] / ngold[lab] if ngold[lab] else 0.0
        out[lab] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3)}
        out[lab]["support"] = ngold[lab]
    return out


def _score(records: list[dict], corpus: Path, score_py: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
        name = fh.name
    res = subprocess.run(
        [sys.executable, str(score_py), str(corpus), name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(name).unlink()
    return json.loads(res.stdout)


FIELD_OF_GOLD = {
    "SENDER": "sender",
    "ADDRESSEE": "addressees",
    "COPY_TO": "copies_to",
    "SUBJECT": "subject",
    "DOC_DATE": "document_date",
    "REVIEW_DATE": "review_dates",
    "CASE_NUMBER": "case_numbers",
    "CLASSIFICATION": "classification_original",
    "CONTROL": "controls",
    "AUTHORITY": "declassification_authority",
    "RECORD_ID": "record_ids",
}


def score(corpus: Path = CORPUS, score_py: Path = SCORE, k: int = K) -> dict:
    from ..extract.ner import DEFAULT_CONFIDENCE, candidates_from_spans
    from ..ingest import read_documents
    from ..pipeline import EXTRACTORS, candidates
    from ..resolve import resolve

    fold_files = [json.loads((CV_DIR / f"fold{i}.json").read_text(encoding="utf-8")) for i in range(k)]
    tags = {src: d["pred"] for f in fold_files for src, d in f["docs"].items()}
    docs = []
    for src in sorted(tags):
        doc = read_documents(corpus / src)[0]
        docs.append((doc, candidates(doc, EXTRACTORS), tags[src]))

    def run(mode: str, calibration: dict[str, float]) -> dict:
        recs = []
        for doc, rule_cands, spans in docs:
            cands = [] if mode == "ner" else copy.deepcopy(rule_cands)
            if mode != "rules":
                cands += list(candidates_from_spans(doc, spans, calibration))
            recs.append(resolve(doc, cands).to_dict())
        return _score(recs, corpus, score_py)

    flat = dict.fromkeys(LABELS, DEFAULT_CONFIDENCE)
    rules = run("rules", flat)
    ner = run("ner", flat)
    # confidence of a label: its field's held-out precision as the only extractor, scaled below 0.9
    # (copies_to is not scored by score.py: its exact-span precision stands in, and it must reach 0.6)
    spans = _span_scores(fold_files)
    calibration = {}
    for lab in LABELS:
        field = FIELD_OF_GOLD[lab]
        p = ner["fields"][field]["p"] if field in ner["fields"] else spans[lab]["p"]
        ok = field in ner["fields"] or p >= 0.6
        calibration[lab] = round(min(0.85, 0.5 + 0.35 * p), 3) if ok else 0.0

    # keep a label only if, added alone to the rules, it raises its field's F1 and costs no precision
    def helps(lab: str, res: dict) -> bool:
        field = FIELD_OF_GOLD[lab]
        if field not in rules["fields"]:
            return False
        got, base = res["fields"][field], rules["fields"][field]
        return got["p"] >= base["p"] and got["f1"] > base["f1"]

    alone = {}
    for lab in LABELS:
        if calibration[lab] > 0:
            alone[lab] = run("combined", {x: (calibration[x] if x == lab else 0.0) for x in LABELS})
    for lab in LABELS:
        if lab not in alone or not helps(lab, alone[lab]):
            calibration[lab] = 0.0
    combined = run("combined", calibration)
    result_alone = {lab: res["fields"][FIELD_OF_GOLD[lab]] for lab, res in alone.items()}
    result = {
        "k": k,
        "documents": rules["documents"],
        "train_seconds_per_fold": [f["train_seconds"] for f in fold_files],
        "rules": rules,
        "ner": ner,
        "combined": combined,
        "calibration": calibration,
        "each_label_alone_with_rules": result_alone,
        "span_scores": spans,
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / "calibration.json").write_text(json.dumps(calibration, indent=1) + "\n", encoding="utf-8")
    (MODEL_DIR / "cv_results.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    from .card import write_card

    write_card(MODEL_DIR)
    print(table(result))
    return result


def table(result: dict) -> str:
    lines = [
        "| field | rules P | rules R | rules F1 | NER P | NER R | NER F1 "
        "| combined P | combined R | combined F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f in result["rules"]["fields"]:
        cells = [f]
        for mode in ("rules", "ner", "combined"):
            v = result[mode]["fields"][f]
            cells += [f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(
        "| **micro (soft F1)** | | | "
        + " | | | ".join(f"**{result[m]['micro_f1_soft']:.3f}**" for m in ("rules", "ner", "combined"))
        + " |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m declass.ner.cv")
    ap.add_argument("command", nargs="?", default="all", choices=("all", "fold", "score"))
    ap.add_argument("-i", type=int, default=0, help="fold to hold out (command fold)")
    ap.add_argument("-k", type=int, default=K)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--score-py", type=Path, default=SCORE)
    args = ap.parse_args(argv)
    if args.command in ("all", "fold"):
        for i in range(args.k) if args.command == "all" else [args.i]:
            run_fold(i, args.k)
    if args.command in ("all", "score"):
        score(args.corpus, args.score_py, args.k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
