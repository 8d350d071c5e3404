"""k-fold cross-validation of the header tagger over the corpus, by document.

    python -m declass.ner.cv                 # all folds, then score
    python -m declass.ner.cv fold -i 0       # train on the other folds, tag fold 0 (parallel runs)
    python -m declass.ner.cv score           # score saved fold tags: rules / NER / combined

Each fold's model trains exactly as `declass train` does, on the gold-aligned documents of the other
folds (plus the catalogue-aligned ones, never in the corpus), and tags the held-out documents' header
zones; the tags are saved in `declass/ner/cv/fold<i>.json`. Scoring runs the rule extractors on every
corpus document and scores, with `../shared/eval/score.py`, rules only, NER only, and combined: the
rules resolved first, then the tagger filling only the fields they left empty (as
`declass.pipeline.extract_document` does). A label is switched on for test fold i only if, on the other
folds' documents (their own held-out tags), filling the rules' gaps raised its field's soft F1 and kept
its precision >= the rules': the test fold never chooses. The same gate on all folds writes
`calibration.json` beside the model: `default_on` (some label passed: the tagger joins the default
pipeline), per-label `confidence` (from the precision of its fills, in the heuristic band 0.6-0.79) and
`gate`.

Every span passes the validators of `declass.extract.ner` before it becomes a candidate; the results
say, per validator, which fills it removes (`validator_fills`: right / wrong with no validator, each
alone, all) and how many aligned gold spans of the training corpus it would reject
(`validator_gold_cost`).

Confidence from the model's own scores was tried and dropped: beam search (`ner.beam_parse` /
`scored_ents`) over the greedily trained parser gives probability ~1.0 to spans that are wrong (subjects
running into the body), so it does not rank fills.
"""

from __future__ import annotations

import argparse
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


def _score_module(score_py: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("declass_cv_score", score_py)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def label_confidence(p: float) -> float:
    """A label's confidence from the precision of its fills in CV: inside the heuristic band 0.6-0.79
    (below every labelled rule value; it only fills empty fields anyway)."""
    return round(0.6 + 0.19 * max(0.0, min(1.0, p)), 3)


def gate(counts: dict[str, dict], docs: list[str]) -> tuple[dict[str, float], dict[str, dict]]:
    """Per-label confidence and gate decided on `docs` only.

    Confidence: from the precision of the label's fills (fields the rules left empty) on `docs`, 0
    when none of them was right. Gate: the label, filling the rules' gaps, raises its field's soft F1
    and keeps its precision >= the rules'. Returns ({label: confidence if gated else 0}, detail).
    """

    def prf(mode: str, field: str) -> tuple[float, float, float, list[int]]:
        t = [0, 0, 0]
        for src in docs:
            c = counts[src][mode].get(field)
            if c:
                t = [a + b for a, b in zip(t, c, strict=True)]
        tp, fp, fn = t
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0), t

    gated, detail = {}, {}
    for lab in LABELS:
        field = FIELD_OF_GOLD[lab]
        if lab not in counts[docs[0]]:  # no scored field (copies_to): never on
            gated[lab] = 0.0
            detail[lab] = {"confidence": 0.0, "gate": False}
            continue
        rp, _rr, rf, rt = prf("rules", field)
        p, _r, f, t = prf(lab, field)
        right, wrong = t[0] - rt[0], t[1] - rt[1]
        conf = label_confidence(right / (right + wrong)) if right else 0.0
        on = bool(conf) and p >= rp and f > rf
        gated[lab] = conf if on else 0.0
        detail[lab] = {"confidence": conf, "gate": on, "fills_right": right, "fills_wrong": wrong}
        detail[lab] |= {
            "rules_p": round(rp, 4),
            "rules_f1": round(rf, 4),
            "p": round(p, 4),
            "f1": round(f, 4),
        }
    return gated, detail


def score(corpus: Path = CORPUS, score_py: Path = SCORE, k: int = K, cv_dir: Path = CV_DIR) -> dict:
    """Rules only, NER only and combined (NER fills the fields the rules left empty) on the held-out
    folds. The labels switched on for fold i are chosen on the other folds' documents only (their
    own held-out tags), never on fold i; the shipped calibration is chosen on all folds."""
    from ..extract.ner import DEFAULT_CONFIDENCE, VALIDATORS, candidates_from_spans, empty_labels
    from ..ingest import read_documents
    from ..pipeline import RULES, candidates
    from ..resolve import resolve

    sm = _score_module(score_py)
    gold = sm.load_gold(str(corpus))
    fold_files = [json.loads((cv_dir / f"fold{i}.json").read_text(encoding="utf-8")) for i in range(k)]
    fold_of = {src: f["fold"] for f in fold_files for src in f["docs"]}
    tags = {src: d["pred"] for f in fold_files for src, d in f["docs"].items()}
    docs = {}
    for src in sorted(tags):
        doc = read_documents(corpus / src)[0]
        docs[src] = (doc, candidates(doc, RULES))

    rule_records = {src: resolve(doc, rc) for src, (doc, rc) in docs.items()}

    def record(src: str, calibration: dict[str, float] | None, validators=VALIDATORS) -> dict:
        """Rules only (None), or rules then NER filling the empty fields of the switched-on labels."""
        doc, rule_cands = docs[src]
        rec = rule_records[src]
        if calibration is None:
            return rec.to_dict()
        labels = empty_labels(rec, calibration)
        extra = list(candidates_from_spans(doc, tags[src], calibration, labels, validators)) if labels else []
        return resolve(doc, rule_cands + extra).to_dict() if extra else rec.to_dict()

    def counts_of(src: str, rec: dict) -> dict[str, tuple]:
        _folder, g = gold[sm.doc_key(src)]
        return {
            f: sm.count(kind, g.get(f), sm.get(rec, path), True)
            for f, (path, kind) in sm.FIELDS.items()
            if f in g
        }

    # per document: counts of the rules alone and of each label alone filling the rules' gaps
    counts: dict[str, dict] = {}
    for src in docs:
        counts[src] = {"rules": counts_of(src, record(src, None))}
        for lab in LABELS:
            if FIELD_OF_GOLD[lab] in sm.FIELDS:
                counts[src][lab] = counts_of(src, record(src, {lab: DEFAULT_CONFIDENCE}))

    validator_fills = _validator_fills(docs, counts, record, counts_of)
    per_fold, opt_in = {}, {}
    for i in range(k):
        train_docs = [s for s in docs if fold_of[s] != i]
        per_fold[i], detail = gate(counts, train_docs)
        opt_in[i] = {lab: d["confidence"] for lab, d in detail.items()}
    gated, gate_detail = gate(counts, list(docs))
    default_on = any(v > 0 for v in gated.values())
    # on by default: the gated labels; switched on by hand (--ner) when none passed: every label that
    # filled a gap right in CV, at its measured confidence
    calibration = {
        "default_on": default_on,
        "confidence": gated if default_on else {lab: d["confidence"] for lab, d in gate_detail.items()},
        "gate": {lab: d["gate"] for lab, d in gate_detail.items()},
    }

    def ner_only(src: str) -> dict:
        doc, _ = docs[src]
        flat = dict.fromkeys(LABELS, DEFAULT_CONFIDENCE)
        return resolve(doc, list(candidates_from_spans(doc, tags[src], flat))).to_dict()

    rules = _score([record(s, None) for s in docs], corpus, score_py)
    ner = _score([ner_only(s) for s in docs], corpus, score_py)
    combined = _score([record(s, per_fold[fold_of[s]]) for s in docs], corpus, score_py)
    forced = _score([record(s, opt_in[fold_of[s]]) for s in docs], corpus, score_py)
    spans = _span_scores(fold_files)
    result = {
        "k": k,
        "documents": rules["documents"],
        "train_seconds_per_fold": [f["train_seconds"] for f in fold_files],
        "rules": rules,
        "ner": ner,
        "combined": combined,
        "ner_forced_on": forced,
        "calibration": calibration,
        "gated_per_fold": {str(i): c for i, c in per_fold.items()},
        "forced_per_fold": {str(i): c for i, c in opt_in.items()},
        "gate_all_folds": gate_detail,
        "span_scores": spans,
        "validator_fills": validator_fills,
        "validator_gold_cost": validator_gold_cost(),
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / "calibration.json").write_text(json.dumps(calibration, indent=1) + "\n", encoding="utf-8")
    (MODEL_DIR / "cv_results.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    from .card import write_card

    write_card(MODEL_DIR)
    print(table(result))
    print("labels on per test fold:", {i: [x for x, v in c.items() if v > 0] for i, c in per_fold.items()})
    print("forced on (--ner) per test fold:", opt_in)
    print("ner forced on: micro soft F1", forced["micro_f1_soft"])
    print("shipped calibration:", calibration)
    return result


def _fills(counts: dict, src: str, lab: str) -> tuple[int, int]:
    """(right, wrong) fills of `lab` in one document: its field's true and false positives beyond the
    rules'."""
    field = FIELD_OF_GOLD[lab]
    rules, filled = counts[src]["rules"].get(field), counts[src][lab].get(field)
    if not rules or not filled:
        return 0, 0
    return filled[0] - rules[0], filled[1] - rules[1]


def _validator_fills(docs: dict, counts: dict, record, counts_of) -> dict[str, dict[str, list[int]]]:
    """Fills right/wrong per label (all folds, each label alone filling the rules' gaps) with no
    validator, each validator alone, and all of them (`counts`): what each validator removes."""
    from ..extract.ner import DEFAULT_CONFIDENCE, VALIDATORS

    labels = [lab for lab in LABELS if lab in counts[next(iter(docs))]]  # the scored fields' labels
    out: dict[str, dict[str, list[int]]] = {}
    for name, validators in [("none", ())] + [(v, (v,)) for v in VALIDATORS]:
        row: dict[str, list[int]] = {}
        for lab in labels:
            t = [0, 0]
            for src in docs:
                c = {"rules": counts[src]["rules"]}
                c[lab] = counts_of(src, record(src, {lab: DEFAULT_CONFIDENCE}, validators))
                right, wrong = _fills({src: c}, src, lab)
                t = [t[0] + right, t[1] + wrong]
            row[lab] = t
        out[name] = row
    out["all"] = {lab: [sum(_fills(counts, s, lab)[i] for s in docs) for i in (0, 1)] for lab in labels}
    return out


def validator_gold_cost() -> dict[str, dict[str, list[int]]]:
    """Per validator and label: [aligned gold spans it rejects (or cuts, `blank_line`), gold spans]
    over the training corpus (`corpus.jsonl`): what a validator costs on the header's true values."""
    from ..extract.ner import VALIDATORS, check, cut_span, normalize

    corpus, _weak = load_rows()
    out: dict[str, dict[str, list[int]]] = {v: {} for v in VALIDATORS}
    for r in corpus:
        text = r["text"]
        for s, e, lab in r["spans"]:
            s2, e2 = cut_span(text, lab, s, e)
            norm = normalize(lab, text[s2:e2])
            for v in VALIDATORS:
                cell = out[v].setdefault(lab, [0, 0])
                cell[1] += 1
                if v == "blank_line":
                    cell[0] += (s2, e2) != (s, e)
                elif norm is not None and check(text, lab, s2, e2, norm[0], (v,)):
                    cell[0] += 1
    return {v: {lab: c for lab, c in row.items() if c[0]} for v, row in out.items()}


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
    ap.add_argument("--cv-dir", type=Path, default=CV_DIR, help="folder of the fold tags (command score)")
    args = ap.parse_args(argv)
    if args.command in ("all", "fold"):
        for i in range(args.k) if args.command == "all" else [args.i]:
            run_fold(i, args.k)
    if args.command in ("all", "score"):
        score(args.corpus, args.score_py, args.k, args.cv_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
