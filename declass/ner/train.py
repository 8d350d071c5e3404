"""Train the header tagger: `python -m declass.train` (or `python -m declass.ner.train`).

Reads the aligned examples in `declass/ner/training/` (rebuild them with `python -m declass.ner.align`
when the corpus changes), adds OCR-damaged copies (`declass.ner.augment`), trains a small CPU
pipeline (`spacy.blank("en")` + hash-embedding CNN tok2vec + transition NER) with a fixed seed, and
writes it to `declass/models/header_ner/` with its model card. Same seed, same data, same output.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

from . import LABELS, MODEL_DIR, TRAINING_DIR

SEED = 1962
EPOCHS = 4
AUG_COPIES = 1  # damaged copies of every gold-aligned document per epoch
WIDTH = 64
DEPTH = 4
EMBED_ROWS = 2000
HIDDEN = 48
DROPOUT = 0.15
WEAK_DOCS = 60  # catalogue-aligned documents used (the first, in file order): time budget
BATCH = 4
LEARN_RATE = 0.002
CHUNK_CHARS = 500
# extra token boundaries for OCR text: "Docld:32112895", "FILE#62-1", "TO|DIRECTOR"
EXTRA_INFIXES = (r"[:#|=;]", r"(?<=[A-Za-z])(?=\d{3})", r"(?<=\d)(?=[A-Za-z]{2})")


def load_rows(directory: Path = TRAINING_DIR) -> tuple[list[dict], list[dict]]:
    """(gold-aligned rows, catalogue-aligned rows) from the training JSONL files."""

    def read(name: str) -> list[dict]:
        path = directory / name
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    return read("corpus.jsonl"), read("catalogued.jsonl")


def make_nlp():
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes) + list(EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe(
        "tok2vec",
        config={
            "model": {
                "@architectures": "spacy.HashEmbedCNN.v2",
                "width": WIDTH,
                "depth": DEPTH,
                "embed_size": EMBED_ROWS,
                "window_size": 1,
                "maxout_pieces": 3,
                "subword_features": True,
                "pretrained_vectors": None,
            }
        },
    )
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": HIDDEN,
                "maxout_pieces": 2,
                "use_upper": True,
                "nO": None,
                "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": WIDTH, "upstream": "*"},
            }
        },
    )
    for label in LABELS:
        nlp.get_pipe("ner").add_label(label)
    return nlp


def to_example(nlp, text: str, spans: list[list], weak: bool = False):
    """An Example of `text` with `spans`; weak (catalogue) rows leave the rest unannotated, not 'O'."""
    from spacy.training import Example

    pred = nlp.make_doc(text)
    ref = nlp.make_doc(text)
    ents = []
    taken: set[int] = set()
    for s, e, label in sorted(spans):
        sp = ref.char_span(s, e, label=label, alignment_mode="contract")
        if sp is None or not sp.text.strip() or any(t.i in taken for t in sp):
            continue
        # an entity must not start or end on whitespace tokens
        while len(sp) and sp[0].is_space:
            sp = ref[sp.start + 1 : sp.end]
        while len(sp) and sp[-1].is_space:
            sp = ref[sp.start : sp.end - 1]
        if not len(sp):
            continue
        sp = ref[sp.start : sp.end]
        sp.label_ = label
        taken.update(t.i for t in sp)
        ents.append(sp)
    ref.set_ents(ents, default="missing" if weak else "outside")
    return Example(pred, ref)


def chunks(text: str, spans: list[list], size: int = CHUNK_CHARS) -> list[tuple[str, list[list]]]:
    """Split a zone into pieces of about `size` characters at line ends, never inside a span.

    The tagger sees only a few tokens either side, so short pieces lose nothing and give many more,
    smaller updates per epoch than whole zones.
    """
    out = []
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", min(n, start + size))
        end = n if end < 0 else end + 1
        for s, e, _label in spans:  # extend the piece past a span it would cut
            if s < end < e:
                nl = text.find("\n", e)
                end = n if nl < 0 else nl + 1
        piece = [[s - start, e - start, lab] for s, e, lab in spans if start <= s and e <= end]
        out.append((text[start:end], piece))
        start = end
    return out


def build_examples(nlp, corpus: list[dict], weak: list[dict], rng: random.Random, aug_copies: int):
    from .augment import augment

    def add(text: str, spans: list[list], is_weak: bool) -> None:
        for piece, piece_spans in chunks(text, spans):
            if piece.strip() and (piece_spans or not is_weak):
                out.append(to_example(nlp, piece, piece_spans, weak=is_weak))

    out: list = []
    for r in corpus:
        add(r["text"], r["spans"], False)
    for r in weak:
        add(r["text"], r["spans"], True)
    for _ in range(aug_copies):
        for r in corpus:
            add(*augment(r["text"], r["spans"], rng), False)
    return out


def _augmented(nlp, corpus: list[dict], rng: random.Random, copies: int) -> list:
    from .augment import augment

    out: list = []
    for _ in range(copies):
        for r in corpus:
            text, spans = augment(r["text"], r["spans"], rng)
            out += build_examples(nlp, [{"text": text, "spans": spans}], [], rng, 0)
    return out


def train(
    corpus: list[dict],
    weak: list[dict],
    *,
    seed: int = SEED,
    epochs: int = EPOCHS,
    aug_copies: int = AUG_COPIES,
    log=None,
):
    """A trained pipeline; identical inputs and seed give an identical pipeline."""
    from spacy.training import Example  # noqa: F401  (spaCy must be importable)
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = make_nlp()
    base = build_examples(nlp, corpus, weak, rng, 0)
    optimizer = nlp.initialize(lambda: base)
    optimizer.learn_rate = LEARN_RATE
    for epoch in range(epochs):
        # fresh damage every epoch: more variety for the same time
        examples = base + build_examples(nlp, [], [], rng, 0) + _augmented(nlp, corpus, rng, aug_copies)
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=BATCH):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
        if log:
            log(f"epoch {epoch + 1}/{epochs} examples {len(examples)} loss {losses.get('ner', 0.0):.1f}")
    return nlp


def write_model(nlp, out: Path, info: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "declass_header_ner"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "declass header tagger (issue 4): header-zone spans of declassified records"
    nlp.to_disk(out)
    (out / "training_info.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")


def retrain(
    training: str | Path = TRAINING_DIR,
    out: str | Path = MODEL_DIR,
    *,
    seed: int = SEED,
    epochs: int = EPOCHS,
    aug_copies: int = AUG_COPIES,
    weak: bool = True,
    threads: int = 2,
    log=print,
) -> dict:
    """Train the header tagger on the aligned examples in `training` and write it to `out` with its
    `training_info.json` and model card (what `declass train` does). Returns the training info.
    `weak`: also train on the first WEAK_DOCS catalogue-aligned documents."""
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    corpus, weak_rows = load_rows(Path(training))
    weak_rows = weak_rows[:WEAK_DOCS] if weak else []
    t0 = time.time()
    nlp = train(corpus, weak_rows, seed=seed, epochs=epochs, aug_copies=aug_copies, log=log)
    seconds = round(time.time() - t0, 1)
    info = {
        "seed": seed,
        "epochs": epochs,
        "aug_copies": aug_copies,
        "gold_documents": len(corpus),
        "weak_documents": len(weak_rows),
        "train_seconds": seconds,
        "labels": list(LABELS),
    }
    write_model(nlp, Path(out), info)
    from .card import write_card

    write_card(Path(out))
    log(f"trained in {seconds}s -> {out}")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m declass.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--training", type=Path, default=TRAINING_DIR, help="folder of corpus/catalogued JSONL")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--aug", type=int, default=AUG_COPIES, help="damaged copies per document per epoch")
    ap.add_argument("--no-weak", action="store_true", help="leave out the catalogue-aligned documents")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    retrain(
        args.training,
        args.out,
        seed=args.seed,
        epochs=args.epochs,
        aug_copies=args.aug,
        weak=not args.no_weak,
        threads=args.threads,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
