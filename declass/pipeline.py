"""Compose extractors and the resolver: Document in, Record out.

Extractors are named in `EXTRACTORS` (module `declass.extract.<name>`, function `extract(doc)`),
so a pipeline is configured by a list of names, as spaCy composes components.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence

from .document import Document
from .extract.base import Candidate
from .record import Record
from .resolve import MIN_CONFIDENCE, resolve

Extractor = Callable[[Document], Iterable[Candidate]]

# Order does not matter to the result (the resolver decides); it is the order of `show` listings.
EXTRACTORS: tuple[str, ...] = (
    "rif",
    "classification",
    "stamps",
    "header",
    "telegram",
    "frus",
    "email",
    "dates",
    "identifiers",
    "doctype",
)

_loaded: dict[str, Extractor] = {}


def get_extractor(name: str) -> Extractor:
    if name not in _loaded:
        try:
            module = importlib.import_module(f"declass.extract.{name}")
        except ModuleNotFoundError as exc:
            raise ValueError(f"unknown extractor {name!r}") from exc
        _loaded[name] = module.extract
    return _loaded[name]


def candidates(doc: Document, extractors: Sequence[str] = EXTRACTORS) -> list[Candidate]:
    out: list[Candidate] = []
    for name in extractors:
        out.extend(get_extractor(name)(doc))
    return out


def extract_document(
    doc: Document, extractors: Sequence[str] = EXTRACTORS, min_confidence: float = MIN_CONFIDENCE
) -> Record:
    return resolve(doc, candidates(doc, extractors), min_confidence=min_confidence)
