"""MODEL_CARD.md of the header tagger, from `training_info.json` and `cv_results.json` beside it."""

from __future__ import annotations

import json
from pathlib import Path

from . import LABELS, ZONE_CHARS
from .train import BATCH, CHUNK_CHARS, DEPTH, LEARN_RATE, WIDTH


def _load(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _size_mb(model_dir: Path) -> float:
    return sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file()) / 1e6


def _verdict(cv: dict) -> str:
    cal = cv["calibration"]
    rules, combined = cv["rules"]["micro_f1_soft"], cv["combined"]["micro_f1_soft"]
    forced = cv.get("ner_forced_on", {}).get("micro_f1_soft")
    if cal.get("default_on"):
        on = [k for k, v in cal["gate"].items() if v]
        return (
            f"**Verdict: on by default** (`--no-ner` turns it off). Labels that passed the gate: "
            f"{', '.join(on)}; soft micro-F1 rules {rules:.3f} -> combined {combined:.3f}."
        )
    on = [k for k, v in cal["confidence"].items() if v > 0]
    return (
        "**Verdict: off by default** (`declass extract --ner` or `extract_text(..., ner=True)` turns it "
        "on). Filling only the fields the rules left empty, no label raised its field's soft F1 without "
        "lowering its precision on the folds it was chosen on, so the gated combination is the rules "
        f"alone ({combined:.3f} = {rules:.3f}). Switched on by hand, the tagger fills gaps with the labels "
        f"that filled at least one right in CV ({', '.join(on) or 'none'}): soft micro-F1 "
        f"{forced if forced is not None else float('nan'):.3f} on the held-out folds (table row "
        "`--ner`), lower than the rules alone."
    )


def forced_table(cv: dict) -> str:
    forced = cv.get("ner_forced_on")
    if not forced:
        return ""
    lines = [
        "| field | rules P | rules R | rules F1 | `--ner` P | `--ner` R | `--ner` F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for f, v in forced["fields"].items():
        r = cv["rules"]["fields"][f]
        lines.append(
            f"| {f} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} "
            f"| {v['p']:.3f} | {v['r']:.3f} | {v['f1']:.3f} |"
        )
    lines.append(
        f"| **micro (soft F1)** | | | **{cv['rules']['micro_f1_soft']:.3f}** | | "
        f"| **{forced['micro_f1_soft']:.3f}** |"
    )
    return "\n".join(lines)


def validator_table(cv: dict) -> str:
    """Fills right/wrong per label with no validator, each alone, and all; and what each costs on the
    aligned gold spans of the training corpus."""
    fills = cv.get("validator_fills")
    if not fills:
        return ""
    labels = [lab for lab in fills["none"] if any(fills[row][lab] != [0, 0] for row in fills)]
    cost = cv.get("validator_gold_cost", {})
    lines = [
        "| validators | " + " | ".join(labels) + " | gold spans rejected (training corpus) |",
        "|---|" + "---|" * (len(labels) + 1),
    ]
    for row, per_label in fills.items():
        cells = [f"{per_label[lab][0]} / {per_label[lab][1]}" for lab in labels]
        gold = ", ".join(f"{lab} {n}/{m}" for lab, (n, m) in cost.get(row, {}).items()) or "-"
        name = {"none": "none", "all": "**all**"}.get(row, f"`{row}` alone")
        gold = "" if row in ("none", "all") else gold
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {gold} |")
    return "\n".join(lines)


def write_card(model_dir: Path) -> Path:
    from .cv import table  # noqa: PLC0415

    info = _load(model_dir / "training_info.json") or {}
    cv = _load(model_dir / "cv_results.json")
    out = [
        "# declass header tagger (`declass/models/header_ner`)",
        "",
        'A small spaCy pipeline (`spacy.blank("en")` + hash-embedding CNN `tok2vec` + transition-based '
        "`ner`, CPU only) that tags spans of the header zone (first "
        f"{ZONE_CHARS} characters) of declassified records. `declass.extract.ner` turns its spans into "
        "candidates (`method: ner:<LABEL>`) for the same resolver as the rules, but only for fields the "
        "rules left empty: it runs after the rules are resolved and never competes with a rule's value.",
        "",
        "## Labels",
        ", ".join(f"`{x}`" for x in LABELS),
        "",
        "## Data",
        f"- {info.get('gold_documents', '?')} corpus documents (`../shared/corpus`) whose gold values were "
        "aligned to their header zone (`python -m declass.ner.align`; unaligned values are listed in "
        "`declass/ner/training/unaligned.tsv`), stored in `declass/ner/training/corpus.jsonl`.",
        f"- {info.get('weak_documents', '?')} NARA JFK 2022 records (`../shared/catalogued`) whose catalogue "
        "values (From/To Name, Title, Doc/Review Date, Record/File Num) align to the text: weak labels, "
        "everything else left unannotated (`declass/ner/training/catalogued.jsonl`).",
        f"- {info.get('aug_copies', '?')} OCR-damaged copy of every corpus document per epoch "
        "(`declass.ner.augment`: character confusions, broken label spacing, line splits, labels-first form "
        "layout).",
        "",
        "All public-domain U.S. government records. The training files live in the repository, so a clone "
        "retrains without `../shared`.",
        "",
        "## Training",
        f"seed {info.get('seed')}, {info.get('epochs')} epochs, batch {BATCH}, lr {LEARN_RATE}, "
        f"{CHUNK_CHARS}-character pieces, tok2vec width {WIDTH} depth {DEPTH}; "
        f"trained in {info.get('train_seconds')} s on a shared 2-core machine; "
        f"model size {_size_mb(model_dir):.1f} MB.",
        "",
        "## How to retrain",
        "```",
        "python -m declass.ner.align --corpus ../shared/corpus --catalogued ../shared/catalogued  # only if "
        "the corpus changed",
        "declass train                      # or python -m declass.train: the model + this card",
        "python -m declass.ner.cv           # k-fold CV; writes cv_results.json, calibration.json, this card",
        "python -m declass.ner.cv score     # re-score saved fold tags only (after a change to the filler)",
        "```",
        "",
    ]
    if cv:
        out += [
            f"## Cross-validation ({cv['k']}-fold by document, {cv['documents']} documents, soft P/R/F1 of "
            "`../shared/eval/score.py` on the held-out folds)",
            "",
            table(cv),
            "",
            _verdict(cv),
            "",
            "How the columns are made: *rules* = the rule extractors; *NER* = the tagger's spans alone "
            "(every label, cleaned, normalised and validated as in `declass.extract.ner`); *combined* = "
            "rules, then the tagger fills only the fields the rules left empty, with the labels gated on for"
            " that test fold (chosen on the other two folds' documents, from their own held-out tags: never "
            "on the test fold's documents; cross-fitted rather than nested, as those tags come from models "
            "that saw the test fold in training). A label passes the gate when its fills raise its field's "
            "soft F1 and keep the field's precision >= the rules'. Labels' confidences come from the "
            "precision of their fills in CV; confidence from the model's own scores was tried (beam search "
            "over the greedy parser) and dropped: it gives ~1.0 to wrong spans.",
            "",
            "Gap filling with every label that filled at least one gap right on the other folds (what "
            "`--ner` does while no label passes the gate):",
            "",
            forced_table(cv),
            "",
            "Per label on all folds (`gate_all_folds` in `cv_results.json`): fills right / wrong when the "
            "label alone fills the rules' gaps, and the confidence it gets (`calibration.json`):",
            "",
            "| label | fills right | fills wrong | field P (rules -> filled) | field F1 (rules -> filled) "
            "| confidence | gate |",
            "|---|---|---|---|---|---|---|",
            *[
                f"| {lab} | {d.get('fills_right', '-')} | {d.get('fills_wrong', '-')} | "
                + (
                    f"{d['rules_p']:.3f} -> {d['p']:.3f} | {d['rules_f1']:.3f} -> {d['f1']:.3f}"
                    if "p" in d
                    else "- | -"
                )
                + f" | {d['confidence']} | {'on' if d['gate'] else 'off'} |"
                for lab, d in cv.get("gate_all_folds", {}).items()
            ],
            "",
            "Span validators (`declass.extract.ner.VALIDATORS`): before a span becomes a candidate it must "
            "read as its field's value by the project's own vocabularies: a party cut at a blank line "
            "(`blank_line`), no line that is only a field label at its end (`trailing_label`), no other "
            "field's label before it on its line (`other_label`), a party shaped as an office, title or name "
            "(`party_shape`), a subject after a subject-like label (`subject_slot`), a record id with "
            "digits (`identifier`). Fills right / wrong on all folds (each label alone filling the rules' "
            "gaps) with no validator, each validator alone, and all of them; and how many of the aligned "
            "gold spans of the training corpus each validator rejects (its cost on true values):",
            "",
            validator_table(cv),
            "",
            "Per-label exact-span scores against the aligned gold spans (held-out folds):",
            "",
            "| label | P | R | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for lab, v in cv["span_scores"].items():
            out.append(f"| {lab} | {v['p']:.3f} | {v['r']:.3f} | {v['f1']:.3f} | {v['support']} |")
        out.append("")
    path = model_dir / "MODEL_CARD.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path
