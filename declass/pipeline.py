"""Compose extractors and the resolver: Document in, Record out.

Extractors are named in `EXTRACTORS` (module `declass.extract.<name>`, function `extract(doc)`),
so a pipeline is configured by a list of names, as spaCy composes components. Names in `FILLERS`
are gap fillers (module function `fill(doc, record)`): they run after the rules' candidates are
resolved, see that record, and propose values only for fields it left empty; the resolver then runs
once more over the rules' candidates plus theirs. The trained header tagger (`ner`) is one: it never
competes with a rule's value. Last, the record's parties get their name / title / office parts
(`authority.annotate_parties`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence

from .authority import annotate_parties
from .document import Document
from .extract.base import Candidate
from .record import Record
from .resolve import MIN_CONFIDENCE, resolve

Extractor = Callable[[Document], Iterable[Candidate]]
Filler = Callable[[Document, Record], list[Candidate]]


def _ner_default() -> bool:
    from .extract.ner import default_on

    return default_on()


RULES: tuple[str, ...] = (
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
FILLERS: tuple[str, ...] = ("ner",)
# The header tagger is in the default pipeline when its cross-validation says it helps
# (`calibration.json` beside the model, written by `python -m declass.ner.cv`); read without spaCy.
NER_DEFAULT: bool = _ner_default()
# Order of the rules does not matter to the result (the resolver decides); it is the order of `show`
# listings. Fillers run after all rules, in this order.
EXTRACTORS: tuple[str, ...] = RULES + (("ner",) if NER_DEFAULT else ())

_loaded: dict[str, Extractor] = {}
_fillers: dict[str, Filler] = {}


def _module(name: str):
    try:
        return importlib.import_module(f"declass.extract.{name}")
    except ModuleNotFoundError as exc:
        raise ValueError(f"unknown extractor {name!r}") from exc


def get_extractor(name: str) -> Extractor:
    if name not in _loaded:
        _loaded[name] = _module(name).extract
    return _loaded[name]


def get_filler(name: str) -> Filler:
    if name not in _fillers:
        _fillers[name] = _module(name).fill
    return _fillers[name]


def with_ner(extractors: Sequence[str], ner: bool | None) -> tuple[str, ...]:
    """`extractors` with the header tagger switched on (True), off (False) or as given (None)."""
    if ner is None:
        return tuple(extractors)
    names = tuple(n for n in extractors if n != "ner")
    return names + ("ner",) if ner else names


def candidates(doc: Document, extractors: Sequence[str] = EXTRACTORS) -> list[Candidate]:
    """The candidates of the rule extractors in `extractors` (fillers need a record: not run here)."""
    out: list[Candidate] = []
    for name in extractors:
        if name not in FILLERS:
            out.extend(get_extractor(name)(doc))
    return out


def extract_document(
    doc: Document, extractors: Sequence[str] = EXTRACTORS, min_confidence: float = MIN_CONFIDENCE
) -> Record:
    found = candidates(doc, extractors)
    fillers = [n for n in extractors if n in FILLERS]
    record = resolve(doc, found, min_confidence=min_confidence)
    for name in fillers:
        extra = get_filler(name)(doc, record)
        if extra:
            found = found + extra
            record = resolve(doc, found, min_confidence=min_confidence)
    annotate_parties(record)  # name / title / office parts of the parties, values untouched
    return record
