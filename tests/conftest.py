from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "sample"
SEED = FIXTURES / "seed" / "seed_rostow_1962.txt"
# The full development corpus sits beside the project in CI; a plain clone does not have it.
CORPUS = Path(os.environ.get("DECLASS_CORPUS", ROOT.parent / "shared" / "corpus"))


def fixture_texts() -> list[str]:
    """The sample documents' texts, in path order."""
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]


def fixture_windows(per_text: int, max_len: int, seed: int) -> list[str]:
    """The sample texts, then `per_text` random windows of each (1 to `max_len` characters): for tests
    that compare a fast path with its plain pattern, matches cut at a text's edges included."""
    texts = fixture_texts()
    rng = random.Random(seed)
    for t in list(texts):
        for _ in range(per_text):
            a = rng.randrange(len(t))
            texts.append(t[a : a + rng.randrange(1, max_len)])
    return texts


def corpus_documents() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf"))


needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"development corpus not present at {CORPUS} (it is in CI)"
)
