"""Extraction past one machine, on Dask: the CLI's records, computed by the workers of a cluster.

Needs the optional extra: `pip install 'declass[dask]'` (dask[bag] and distributed).

The inputs are listed where this code runs, as `declass extract` lists them (`batch.collect_inputs`:
directories walked recursively in sorted order, `include`/`exclude` globs, unsupported files skipped);
each worker reads its files with `batch.extract_one`, the function the CLI's worker processes call,
and records are serialised as the CLI serialises them (`Record.to_dict`, and for JSON Lines the CLI's
own `OutputTarget`), so the records are the CLI's, byte for byte, `source.path` included: the path as
listed, so workers must see the files under the same path (shared storage mounted alike everywhere).

    from distributed import Client
    from declass.dask import extract_to_jsonl, records_bag

    client = Client("tcp://scheduler:8786")
    summary = extract_to_jsonl("/data/releases", "/data/records", client=client)  # part-00000.jsonl ...
    bag = records_bag("/data/releases/**/*.pdf", ocr="never")  # a dask.bag of record dicts
    bag.filter(lambda r: r["declassification"]["declassified"]).count().compute()
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import dask
import dask.bag as db

from .batch import STDIN, collect_inputs, extract_one
from .ingest import OCR_MODES
from .pipeline import EXTRACTORS
from .resolve import MIN_CONFIDENCE

FILES_PER_PARTITION = 100  # at most; fewer when there are under 64 partitions' worth of files
_GLOB = re.compile(r"[*?[]")


def list_inputs(
    paths: str | Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    """(files to read, paths that do not exist), as `declass extract PATHS...` lists them.

    `paths` is one path or several; a path with glob characters (`*?[`) that is not itself a file or
    directory is expanded (sorted; `**` matches across directories)."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    expanded: list[str] = []
    for raw in map(str, paths):
        if raw == STDIN:
            raise ValueError("standard input cannot be read on a cluster: give files or directories")
        if _GLOB.search(raw) and not os.path.lexists(raw):
            expanded.extend(sorted(glob.glob(raw, recursive=True)) or [raw])
        else:
            expanded.append(raw)
    inputs = collect_inputs(expanded, include, exclude)
    return inputs.files, inputs.missing


def _check(ocr: str) -> None:
    if ocr not in OCR_MODES:  # here, not as an error for every file on the workers
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")


def _per_partition(n_files: int, files_per_partition: int | None) -> int:
    """Files per partition: as asked, else up to FILES_PER_PARTITION with at least 64 partitions
    when there are enough files (so a small dump still spreads over a cluster)."""
    if files_per_partition is not None:
        return max(1, files_per_partition)
    return max(1, min(FILES_PER_PARTITION, -(-n_files // 64)))


def _partitions(files: Sequence[str], files_per_partition: int | None) -> list[list[str]]:
    n = _per_partition(len(files), files_per_partition)
    return [list(files[i : i + n]) for i in range(0, len(files), n)]


def _extract_file(path: str, extractors: tuple[str, ...], min_confidence: float, ocr: str) -> dict[str, Any]:
    """One input file's result as plain data: path, sha256, record dicts, error."""
    result = extract_one(path, extractors, min_confidence, ocr)
    return {
        "path": result.path,
        "sha256": result.sha256,
        "records": [r.to_dict() for r in result.records],
        "error": result.error,
    }


def results_bag(
    paths: str | Sequence[str],
    *,
    ocr: str = "auto",
    min_confidence: float = MIN_CONFIDENCE,
    extractors: Sequence[str] = EXTRACTORS,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    files_per_partition: int | None = None,
) -> db.Bag:
    """A bag with one item per input file: `{"path", "sha256", "records": [record dicts], "error"}`.

    `error` is None when the file was read (as the CLI, a file that cannot be read gives an error, not
    an exception); a path that does not exist gives the error "no such file or directory"."""
    _check(ocr)
    files, missing = list_inputs(paths, include, exclude)
    bags = []
    if files:
        size = _per_partition(len(files), files_per_partition)
        read = db.from_sequence(files, partition_size=size)
        bags.append(read.map(_extract_file, tuple(extractors), min_confidence, ocr))
    if missing:
        gone = [
            {"path": p, "sha256": None, "records": [], "error": "no such file or directory"} for p in missing
        ]
        bags.append(db.from_sequence(gone, npartitions=1))
    if not bags:
        return db.from_sequence([], npartitions=1)
    return bags[0] if len(bags) == 1 else db.concat(bags)


def records_bag(
    paths: str | Sequence[str],
    *,
    ocr: str = "auto",
    min_confidence: float = MIN_CONFIDENCE,
    extractors: Sequence[str] = EXTRACTORS,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    files_per_partition: int | None = None,
) -> db.Bag:
    """A bag of record dicts (schema `declass.record/1`), one per document, in input order.

    `paths`: files, directories (recursive) or globs, as for `declass extract`. Files that cannot be
    read give no record: use `results_bag` to see their errors, or `extract_to_jsonl`, which counts them."""
    return (
        results_bag(
            paths,
            ocr=ocr,
            min_confidence=min_confidence,
            extractors=extractors,
            include=include,
            exclude=exclude,
            files_per_partition=files_per_partition,
        )
        .pluck("records")
        .flatten()
    )


@dataclass
class Summary:
    """What `extract_to_jsonl` wrote: the partition files, records and files read, and failures."""

    parts: list[str] = field(default_factory=list)
    records: int = 0
    files: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _write_part(
    files: list[str], target: str, extractors: tuple[str, ...], min_confidence: float, ocr: str
) -> dict[str, Any]:
    """Extract `files` in order and write their records to `target` through the CLI's JSONL writer
    (to a temporary name, renamed when complete: a part either exists whole or not at all)."""
    from .output import OutputTarget

    tmp = f"{target}.tmp-{os.getpid()}"
    out = OutputTarget(tmp, "jsonl")
    records, read, errors = 0, 0, []
    try:
        for path in files:
            result = extract_one(path, extractors, min_confidence, ocr)
            if result.error:
                errors.append((result.path, result.error))
                continue
            out.write_file(result.path, result.sha256, [r.to_dict() for r in result.records])
            records += len(result.records)
            read += 1
    finally:
        out.close()
    os.replace(tmp, target)
    return {"part": target, "records": records, "files": read, "errors": errors}


def extract_to_jsonl(
    paths: str | Sequence[str],
    output: str | os.PathLike,
    *,
    client: Any = None,
    ocr: str = "auto",
    min_confidence: float = MIN_CONFIDENCE,
    extractors: Sequence[str] = EXTRACTORS,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    files_per_partition: int | None = None,
) -> Summary:
    """Extract every input on the cluster and write JSON Lines partitions `output/part-00000.jsonl`, ...

    Each partition holds the records of `files_per_partition` consecutive input files (default: up to
    100, fewer so that there are at least 64 partitions when the files allow), written by the
    worker that read them (so `output` must be on storage the workers share, under the same path);
    concatenated in name order the parts hold exactly the lines `declass extract --format jsonl` writes,
    in input order (the CLI writes them in the order files finish). `client`: a `distributed.Client`
    (default: the current one, else Dask's default scheduler, threads, which the GIL holds to about one
    core: start a `distributed.LocalCluster` to use a machine's cores). Returns a Summary; files that
    could not be read are in `summary.errors`, as the CLI lists them."""
    _check(ocr)
    files, missing = list_inputs(paths, include, exclude)
    output = os.fspath(output)
    os.makedirs(output, exist_ok=True)
    args = (tuple(extractors), min_confidence, ocr)
    tasks = [
        dask.delayed(_write_part, pure=False)(part, os.path.join(output, f"part-{i:05d}.jsonl"), *args)
        for i, part in enumerate(_partitions(files, files_per_partition))
    ]
    done = client.gather(client.compute(tasks)) if client is not None else dask.compute(*tasks)
    summary = Summary(errors=[(p, "no such file or directory") for p in missing])
    written = set()
    for part in done:
        written.add(os.path.basename(part["part"]))
        summary.parts.append(part["part"])
        summary.records += part["records"]
        summary.files += part["files"]
        summary.errors.extend(tuple(e) for e in part["errors"])
    for stale in glob.glob(os.path.join(glob.escape(output), "part-*.jsonl")):
        if os.path.basename(stale) not in written:  # left by an earlier run over more files
            os.unlink(stale)
    return summary


def read_jsonl(parts: Iterable[str]) -> db.Bag:
    """The record dicts of JSONL partitions (e.g. `summary.parts`, or a glob of them) as a bag."""
    parts = list(parts) if not isinstance(parts, str) else parts
    return db.read_text(parts).map(json.loads)
