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
    on = [k for k, v in cv["calibration"].items() if v > 0]
    gain = cv["combined"]["micro_f1_soft"] - cv["rules"]["micro_f1_soft"]
    if not on:
        return (
            "**Verdict: the tagger does not help yet.** Added to the rules, every label alone lowered its "
            "field's soft precision and F1 on the held-out folds (`each_label_alone_with_rules` in "
            "`cv_results.json`), so every label's confidence is 0 and the `ner` extractor proposes "
            "nothing: combined = rules. Retrain and re-run CV when data or recipe change."
        )
    return f"Labels on: {', '.join(on)}; combined - rules soft micro F1 = {gain:+.3f}."


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
        "candidates (`method: ner:<LABEL>`) for the same resolver as the rules.",
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
        "python -m declass.train            # writes declass/models/header_ner + this card",
        "python -m declass.ner.cv           # k-fold CV; writes cv_results.json, calibration.json, this card",
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
            "Per-label confidence (`calibration.json`; 0 = label switched off because it cost its field "
            "precision or F1 next to the rules in CV; chosen on the same CV folds):",
            "",
            ", ".join(f"`{k}` {v}" for k, v in cv["calibration"].items()),
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
