"""Extractor: telegram (first cut pending)."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from .base import Candidate


def extract(doc: Document) -> Iterator[Candidate]:
    return iter(())
