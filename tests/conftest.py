from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "sample"
SEED = FIXTURES / "seed" / "seed_rostow_1962.txt"
# The full development corpus sits beside the project in CI; a plain clone does not have it.
CORPUS = Path(os.environ.get("DECLASS_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_documents() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf"))


needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"development corpus not present at {CORPUS} (it is in CI)"
)
