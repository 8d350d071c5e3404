"""`declass.ner.greedy`: the shipped tagger's entities decoded without spaCy's per-token loop."""

from __future__ import annotations

import json
import random

import pytest

from declass.ner import MODEL_DIR, TRAINING_DIR


@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="model not trained")
def test_greedy_decoder_finds_what_spacy_finds():
    # the same spans as spaCy's own pipeline, on training texts (whole, and cut at random places)
    pytest.importorskip("spacy")
    from declass.extract import ner
    from declass.ner.greedy import decoder

    ner.reset()
    nlp = ner._nlp()
    fast = decoder(nlp)
    assert fast is not None
    rows = [json.loads(x) for x in (TRAINING_DIR / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(0)
    texts = [r["text"] for r in rows[::4]] + ["", "\n\n", "SECRET", "TO: Mr. Smith\n"]
    texts += [t[rnd.randrange(len(t)) :][: rnd.randrange(1, 600)] for t in texts if t]
    for text in texts:
        assert fast.spans(text) == [(e.label_, e.start_char, e.end_char) for e in nlp(text).ents], text


def test_other_pipelines_are_run_as_they_are():
    # a pipeline not of the shipped shape (here: a stub) gets no decoder: `tag` runs it itself
    from declass.ner.greedy import decoder

    assert decoder(object()) is None
