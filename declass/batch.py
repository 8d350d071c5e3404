"""Running extraction over many inputs: files, directories, standard input.

A bad input yields an error result naming the file and the problem; the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import IngestError, is_supported
from .pipeline import EXTRACTORS, extract_document
from .record import Record
from .resolve import MIN_CONFIDENCE

STDIN = "-"


@dataclass
class Result:
    """What one input gave: its records, or the error that stopped it."""

    path: str
    records: list[Record] = field(default_factory=list)
    error: str | None = None


@dataclass
class Inputs:
    files: list[str]
    skipped: list[str]  # files of a kind declass does not read
    missing: list[str]  # paths that do not exist


def collect_inputs(paths: Iterable[str]) -> Inputs:
    """Expand directories recursively (sorted, symlinked directories not followed twice)."""
    files: list[str] = []
    skipped: list[str] = []
    missing: list[str] = []
    for raw in paths:
        if raw == STDIN:
            files.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, names in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    full = os.path.join(root, name)
                    (files if is_supported(Path(full)) else skipped).append(full)
        elif path.exists() or path.is_symlink():
            files.append(raw)
        else:
            missing.append(raw)
    return Inputs(files, skipped, missing)


def extract_paths(
    paths: Sequence[str],
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    stdin_data: bytes | None = None,
) -> Iterator[Result]:
    """Records of every input, one Result per file, in input order."""
    from .api import extract_file
    from .ingest import read_stdin

    inputs = collect_inputs(paths)
    for path in inputs.missing:
        yield Result(path, error="no such file or directory")
    for path in inputs.files:
        if path == STDIN:
            try:
                doc = read_stdin(stdin_data or b"")
            except IngestError as exc:
                yield Result("<stdin>", error=str(exc))
                continue
            yield Result("<stdin>", [extract_document(doc, extractors, min_confidence)])
            continue
        try:
            yield Result(path, extract_file(path, extractors=extractors, min_confidence=min_confidence))
        except IngestError as exc:
            yield Result(path, error=str(exc))
