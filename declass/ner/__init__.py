"""The trained header tagger (issue 4): alignment of gold values to text, augmentation, training,
cross-validation. Nothing here imports spaCy at import time; `declass.extract.ner` uses the model."""

from __future__ import annotations

from pathlib import Path

# Only the header zone is tagged: the first ZONE_CHARS characters, cut at a line end.
ZONE_CHARS = 2000
LABELS = (
    "SENDER",
    "ADDRESSEE",
    "COPY_TO",
    "SUBJECT",
    "DOC_DATE",
    "REVIEW_DATE",
    "CASE_NUMBER",
    "CLASSIFICATION",
    "CONTROL",
    "AUTHORITY",
    "RECORD_ID",
)
PACKAGE_DIR = Path(__file__).resolve().parent
TRAINING_DIR = PACKAGE_DIR / "training"
MODEL_DIR = PACKAGE_DIR.parent / "models" / "header_ner"


def header_zone(text: str, limit: int = ZONE_CHARS) -> str:
    """The first `limit` characters of `text`, ending at a line end when there is one."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > limit // 2 else limit]
