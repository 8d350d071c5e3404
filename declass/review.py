"""The review queue: which documents most need a cataloguer's look, most-needing first.

declass never changes a record to mark it for review (the record contract, `declass.record/1`, stays
as it is). The queue is computed from records, fresh ones or ones an earlier run wrote to JSON
Lines, JSON or a SQLite catalogue, and says per document which fields to check and why:

- **low confidence**: a field whose confidence is below the review threshold (default 0.9);
- **conflict**: the resolver chose this value over a different reading with confidence >= 0.7
  (its `warnings` say "<field>: chose X over Y");
- **missing**: an important field (date, sender, subject, original classification) is empty.

Each reason earns points, weighted by how much the field matters to a catalogue record
(`FIELD_WEIGHTS`); a document's priority is the sum over its fields (a list field counts once, at
its worst item), plus one point for each warning not tied to a field (pages without text, OCR, a
review stamp dated before the document). Documents are sorted by priority, then by their lowest
confidence. See the README section "Review queue" for the figures measured on the corpus.

    rows = review_rows(records, threshold=0.9)      # records: record dicts
    write_csv(rows, sys.stdout)
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .output import format_for_path

DEFAULT_THRESHOLD = 0.9
DEFAULT_TOP = 50
REVIEW_SCHEMA = "declass.review/1"

# How much a wrong or missing value of each field costs a catalogue record. Date, classification,
# sender, subject, addressees and case numbers are what a catalogue files and searches under.
FIELD_WEIGHTS: dict[str, float] = {
    "document_date": 3.0,
    "classification.original": 3.0,
    "sender": 2.0,
    "subject": 2.0,
    "addressees": 2.0,
    "classification.current": 2.0,
    "declassification.case_numbers": 2.0,
    "declassification.review_dates": 1.0,
    "declassification.authorities": 1.0,
    "classification.controls": 1.0,
    "identifiers": 1.0,
    "document_type": 1.0,
    "through": 1.0,
    "copies_to": 1.0,
    "declassification.reviewers": 0.5,
    "declassification.exemptions": 0.5,
    "classification.markings": 0.5,
}
# Important fields whose absence is worth a look, as a share of the field's weight. The share is
# how often the development corpus's gold has a value where declass left the field empty (measured
# by benchmarks/review_queue.py): 17 of 29 empty dates, 28 of 57 senders, 29 of 87 subjects, but 9
# of 62 original classifications (emails, FRUS documents and many releases bear none).
EXPECTED_FIELDS: dict[str, float] = {
    "document_date": 0.6,
    "sender": 0.5,
    "subject": 0.3,
    "classification.original": 0.15,
}
CONFLICT_POINTS = 1.0  # per conflicting field, times its weight
WARNING_POINTS = 1.0  # per warning not tied to a field

LOW, CONFLICT, MISSING = "low confidence", "conflict", "missing"
QUEUE_FORMATS = ("csv", "table", "jsonl")
_CONFLICT = re.compile(r"^([a-z_.]+): chose ")


@dataclass
class ReviewItem:
    """One field of a document to check, and why."""

    field: str  # record path: "document_date", "addressees", "declassification.case_numbers"
    reason: str  # LOW, CONFLICT or MISSING
    points: float
    value: Any = None
    raw: str | None = None
    confidence: float | None = None
    method: str | None = None
    page: int | None = None
    note: str | None = None  # the conflict warning

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "reason": self.reason,
            "points": round(self.points, 3),
            "value": self.value,
            "raw": self.raw,
            "confidence": self.confidence,
            "method": self.method,
            "page": self.page,
            "note": self.note,
        }

    def describe(self) -> str:
        """One line: `field: value [raw "...", p.1, 0.72, method] reason`."""
        if self.reason == MISSING:
            return f"{self.field}: (empty) missing"
        raw = " ".join(str(self.raw).split())
        raw = raw if len(raw) <= 80 else raw[:77] + "..."
        evidence = f'raw "{raw}", p.{self.page}, {self.confidence:.2f}, {self.method}'
        return f"{self.field}: {self.value} [{evidence}] {self.reason}"


@dataclass
class ReviewRow:
    """One document of the queue: where it is, how much it needs a look, and what to check."""

    path: str | None
    document_index: int | None
    page_start: int | None
    page_end: int | None
    priority: float
    lowest_confidence: float | None  # over all of the record's fields
    items: list[ReviewItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rank: int = 0

    @property
    def fields(self) -> list[str]:
        """The fields to check, most points first, each named once."""
        return list(dict.fromkeys(i.field for i in self.items))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REVIEW_SCHEMA,
            "rank": self.rank,
            "priority": round(self.priority, 3),
            "source": {
                "path": self.path,
                "document_index": self.document_index,
                "page_start": self.page_start,
                "page_end": self.page_end,
            },
            "lowest_confidence": self.lowest_confidence,
            "review": [i.to_dict() for i in self.items],
            "warnings": list(self.warnings),
        }


def _get(rec: dict, path: str) -> Any:
    cur: Any = rec
    for key in path.split("."):
        cur = cur.get(key) if isinstance(cur, dict) else None
    return cur


def _items(rec: dict, path: str) -> list[dict]:
    value = _get(rec, path)
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return [value] if isinstance(value, dict) else []


def review_record(rec: dict[str, Any], threshold: float = DEFAULT_THRESHOLD) -> ReviewRow:
    """The review row of one record dict: its fields below `threshold`, its conflicting and missing
    fields, and its priority (0 when nothing needs a look)."""
    conflicts: dict[str, str] = {}
    other_warnings = 0
    for warning in rec.get("warnings") or []:
        m = _CONFLICT.match(warning)
        if m and m.group(1) in FIELD_WEIGHTS:
            conflicts.setdefault(m.group(1), warning)
        else:
            other_warnings += 1

    items: list[ReviewItem] = []
    priority = WARNING_POINTS * other_warnings
    confidences: list[float] = []
    for path, weight in FIELD_WEIGHTS.items():
        fields = _items(rec, path)
        confidences += [f["confidence"] for f in fields if isinstance(f.get("confidence"), int | float)]
        worst = 0.0
        for f in fields:
            conf = f.get("confidence")
            if isinstance(conf, int | float) and conf < threshold:
                # one point for being below the threshold, up to one more the further below it is
                points = weight * (1 + (threshold - conf) / threshold) if threshold > 0 else weight
                items.append(_item(path, LOW, points, f))
                worst = max(worst, points)
        priority += worst
        if path in conflicts and fields:
            points = weight * CONFLICT_POINTS
            items.append(_item(path, CONFLICT, points, fields[0], note=conflicts[path]))
            priority += points
        if not fields and path in EXPECTED_FIELDS:
            points = weight * EXPECTED_FIELDS[path]
            items.append(ReviewItem(path, MISSING, points))
            priority += points

    items.sort(key=lambda i: (-i.points, i.confidence if i.confidence is not None else 1.0))
    src = rec.get("source") or {}
    return ReviewRow(
        path=src.get("path"),
        document_index=src.get("document_index"),
        page_start=src.get("page_start"),
        page_end=src.get("page_end"),
        priority=round(priority, 3),
        lowest_confidence=min(confidences) if confidences else None,
        items=items,
        warnings=list(rec.get("warnings") or []),
    )


def _item(path: str, reason: str, points: float, f: dict, note: str | None = None) -> ReviewItem:
    return ReviewItem(
        field=path,
        reason=reason,
        points=points,
        value=f.get("value"),
        raw=f.get("raw"),
        confidence=f.get("confidence"),
        method=f.get("method"),
        page=f.get("page"),
        note=note,
    )


def review_rows(
    records: Iterable[dict[str, Any]], threshold: float = DEFAULT_THRESHOLD, include_all: bool = False
) -> list[ReviewRow]:
    """The review queue of `records` (record dicts), most-needing first, ranked from 1.

    Order: priority (descending), then lowest confidence (ascending), then path and document index.
    Documents with nothing to review are left out unless `include_all`."""
    rows = [review_record(rec, threshold) for rec in records]
    if not include_all:
        rows = [r for r in rows if r.priority > 0]
    rows.sort(key=_queue_order)
    for rank, row in enumerate(rows, 1):
        row.rank = rank
    return rows


def _queue_order(row: ReviewRow) -> tuple:
    return (
        -row.priority,
        row.lowest_confidence if row.lowest_confidence is not None else 1.0,
        row.path or "",
        row.document_index if row.document_index is not None else -1,
    )


# -- reading records written by `declass extract` ----------------------------------------------


def is_record_file(path: str) -> bool:
    """Whether `path` names records written by `declass extract` (JSON Lines, JSON, SQLite) rather
    than a document to read."""
    return format_for_path(path) in ("jsonl", "json", "sqlite")


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """The record dicts of an `extract` output: .jsonl/.ndjson (one per line), .json (an array or
    one record) or a SQLite catalogue (.db/.sqlite/.sqlite3, in the order written).

    Raises ValueError naming the file and line when it holds something that is not a record."""
    fmt = format_for_path(path)
    if fmt == "sqlite":
        yield from _read_sqlite(path)
        return
    with open(path, encoding="utf-8") as f:
        if fmt == "json":
            try:
                data = json.load(f)
            except ValueError as exc:
                raise ValueError(f"{path}: not JSON: {exc}") from exc
            for i, rec in enumerate(data if isinstance(data, list) else [data]):
                yield _check(rec, f"{path}: item {i}")
            return
        yield from read_jsonl(f, path)


def read_jsonl(stream: IO[str], name: str = "<stdin>") -> Iterator[dict[str, Any]]:
    """Record dicts from JSON Lines (blank lines skipped)."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{name}: line {n}: not JSON: {exc}") from exc
        yield _check(rec, f"{name}: line {n}")


def _check(rec: Any, where: str) -> dict[str, Any]:
    if not isinstance(rec, dict) or not str(rec.get("schema", "")).startswith("declass.record/"):
        raise ValueError(f"{where}: not a declass record")
    return rec


def _read_sqlite(path: str) -> Iterator[dict[str, Any]]:
    if not Path(path).is_file():
        raise ValueError(f"{path}: no such file")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT record FROM documents ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{path}: not a declass SQLite catalogue: {exc}") from exc
    finally:
        db.close()
    for (text,) in rows:
        yield _check(json.loads(text), path)


def gather_records(
    paths: Iterable[str], stdin: IO[str] | None = None, *, ocr: str = "auto", jobs: int | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """(record dicts, errors) of the inputs of `declass review`: record files written by `declass
    extract` (`is_record_file`), - for JSON Lines records on `stdin` (default: standard input), and
    documents or directories, which are extracted (`ocr`, `jobs` as for
    `declass.batch.extract_inputs`). An input that cannot be read is named in `errors`; the others'
    records are kept."""
    from .batch import collect_inputs, extract_inputs

    records: list[dict[str, Any]] = []
    errors: list[str] = []
    documents = []
    for path in paths:
        try:
            if path == "-":
                records += list(read_jsonl(stdin or sys.stdin, "<stdin>"))
            elif is_record_file(path):
                records += list(read_records(path))
            else:
                documents.append(path)
        except (OSError, ValueError) as exc:
            errors.append(f"{path}: {exc}" if path not in str(exc) else str(exc))
    if documents:
        for result in extract_inputs(collect_inputs(documents), ocr=ocr, jobs=jobs):
            if result.error:
                errors.append(f"{result.path}: {result.error}")
            else:
                records += [r.to_dict() for r in result.records]
    return records, errors


# -- writing the queue ---------------------------------------------------------------------------

CSV_COLUMNS = (
    "rank",
    "priority",
    "path",
    "document_index",
    "page_start",
    "page_end",
    "lowest_confidence",
    "fields",
    "review",
    "warnings",
)


def _text(x: Any) -> str:
    return "" if x is None else str(x)


def csv_row(row: ReviewRow) -> dict[str, str]:
    """One CSV row: `fields` names the fields to check, `review` gives each with value, raw text,
    page, confidence, method and reason (' | ' between items)."""
    return {
        "rank": str(row.rank),
        "priority": f"{row.priority:.2f}",
        "path": _text(row.path),
        "document_index": _text(row.document_index),
        "page_start": _text(row.page_start),
        "page_end": _text(row.page_end),
        "lowest_confidence": "" if row.lowest_confidence is None else f"{row.lowest_confidence:.2f}",
        "fields": "; ".join(row.fields),
        "review": " | ".join(i.describe() for i in row.items),
        "warnings": " | ".join(row.warnings),
    }


def write_csv(rows: Iterable[ReviewRow], stream: IO[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_row(row))


def write_jsonl(rows: Iterable[ReviewRow], stream: IO[str]) -> None:
    for row in rows:
        stream.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")


def confidence_style(confidence: float | None, threshold: float = DEFAULT_THRESHOLD) -> str:
    """Rich style of a value by its confidence: red far below the threshold, yellow below it."""
    if confidence is None:
        return "magenta"
    if confidence < threshold - 0.15:
        return "red"
    if confidence < threshold:
        return "yellow"
    return "green"


def render_table(
    rows: list[ReviewRow],
    stream: IO[str],
    top: int = DEFAULT_TOP,
    threshold: float = DEFAULT_THRESHOLD,
    total: int | None = None,
) -> None:
    """The first `top` rows (0: all) as a rich table, each field coloured by its confidence."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    shown = rows[:top] if top else rows
    title = f"review queue: {len(rows)} documents to check"
    if total is not None:
        title += f" of {total}"
    if len(shown) < len(rows):
        title += f", top {len(shown)} shown"
    table = Table(title=title, header_style="bold", show_lines=True)
    for header, justify in (("#", "right"), ("priority", "right"), ("document", "left"),
                            ("fields to check", "left"), ("warnings", "left")):  # fmt: skip
        table.add_column(header, justify=justify, overflow="fold")
    for row in shown:
        doc = Path(row.path).name if row.path else "<stdin>"
        if row.document_index is not None:
            doc += f" #{row.document_index}"
        if row.page_start is not None:
            pages = row.page_start if row.page_start == row.page_end else f"{row.page_start}-{row.page_end}"
            doc += f"\np. {pages}"
        checks = Text()
        for item in row.items:
            if checks:
                checks.append("\n")
            checks.append(f"{item.field}: ", style="bold")
            if item.reason == MISSING:
                checks.append("(empty)", style="magenta")
            else:
                value = str(item.value)
                checks.append(value if len(value) <= 60 else value[:57] + "...")
                checks.append(f" {item.confidence:.2f}", style=confidence_style(item.confidence, threshold))
            checks.append(f" {item.reason}", style="dim")
        warnings = Text("\n".join(row.warnings), style="dim")
        table.add_row(str(row.rank), f"{row.priority:.2f}", doc, checks, warnings)
    width = None if stream.isatty() else 160
    Console(file=stream, width=width, highlight=False).print(table)


def queue_format(output: str | None, terminal: bool) -> str:
    """The queue's format when none is asked: from `output`'s suffix (.csv, .jsonl/.ndjson), else
    a table on a terminal (`terminal`: standard output is one, no `output`), csv when piped."""
    fmt = format_for_path(output)
    if fmt in ("csv", "jsonl"):
        return fmt
    return "table" if output is None and terminal else "csv"


def write_queue(
    rows: list[ReviewRow],
    stream: IO[str],
    fmt: str,
    *,
    top: int = DEFAULT_TOP,
    threshold: float = DEFAULT_THRESHOLD,
    total: int | None = None,
) -> None:
    """`rows` in one of `QUEUE_FORMATS`: csv and jsonl list every row, table the first `top`."""
    if fmt == "csv":
        write_csv(rows, stream)
    elif fmt == "jsonl":
        write_jsonl(rows, stream)
    else:
        render_table(rows, stream, top=top, threshold=threshold, total=total)


# -- is the order meaningful? (measured against gold annotations) ---------------------------------


def value_outcomes(rec: dict[str, Any], gold: dict[str, Any]) -> tuple[list[tuple[str, dict, bool]], int]:
    """Every predicted value of the fields the project scores, as (record path, field dict, right?)
    by `declass.evaluate`'s soft comparison, and how many gold values have no matching prediction."""
    from .evaluate import FIELDS, same

    out: list[tuple[str, dict, bool]] = []
    missed = 0
    for key, (path, kind) in FIELDS.items():
        if key not in gold or kind == "bool":
            continue
        preds = _items(rec, ".".join(path))
        golds = [
            g for g in (gold[key] if isinstance(gold[key], list) else [gold[key]]) if g not in (None, "")
        ]
        used: set[int] = set()
        for g in golds:
            for j, f in enumerate(preds):
                if j not in used and same(kind, g, f.get("value"), soft=True):
                    used.add(j)
                    break
        missed += len(golds) - len(used)
        out += [(".".join(path), f, j in used) for j, f in enumerate(preds)]
    return out, missed


def queue_quality(
    pairs: list[tuple[dict[str, Any], dict[str, Any]]],
    threshold: float = DEFAULT_THRESHOLD,
    top_share: float = 0.2,
) -> dict[str, Any]:
    """How well the queue of the records in `pairs` ((record, gold) dicts) points at their errors.

    - `flagged` / `unflagged`: values of scored fields the queue marks (low confidence or conflict)
      or not, and the precision of each (soft);
    - `top_share_wrong` / `top_share_missed`: the share of wrong values / missed gold values in the
      documents ranked in the first `top_share` of the queue (a random order gives `top_share`);
    - `mean_position_wrong` / `_missed`: mean queue position of the errors (0 first, 1 last;
      random 0.5); `lowest_confidence_*`: the same for the order by lowest confidence alone.
    """
    stats = {k: [0, 0] for k in ("flagged", "low confidence", "conflict", "unflagged")}
    by_field: dict[str, list[int]] = {}
    errors: list[tuple[int, int]] = []
    rows: list[ReviewRow] = []
    for rec, gold in pairs:
        row = review_record(rec, threshold)
        rows.append(row)
        reasons: dict[tuple, set[str]] = {}
        for i in row.items:
            reasons.setdefault((i.field, i.raw, i.confidence), set()).add(i.reason)
        outcomes, missed = value_outcomes(rec, gold)
        for path, f, ok in outcomes:
            why = reasons.get((path, f.get("raw"), f.get("confidence")), set())
            keys = ["flagged", LOW if LOW in why else "conflict"] if why else ["unflagged"]
            for k in keys:
                stats[k][0] += 1
                stats[k][1] += ok
            counts = by_field.setdefault(path, [0, 0, 0, 0])
            counts[0 if why else 2] += 1
            counts[1 if why else 3] += ok
        errors.append((sum(not ok for _, _, ok in outcomes), missed))

    def ranked(key) -> list[int]:
        return sorted(range(len(rows)), key=key)

    queue = ranked(lambda i: (_queue_order(rows[i]), i))
    lowest = ranked(
        lambda i: (rows[i].lowest_confidence if rows[i].lowest_confidence is not None else 1.0, i)
    )
    n_top = max(1, round(len(rows) * top_share))
    totals = [sum(e[k] for e in errors) for k in (0, 1)]

    def top(order: list[int], k: int) -> float:
        return sum(errors[i][k] for i in order[:n_top]) / totals[k] if totals[k] else 0.0

    def position(order: list[int], k: int) -> float:
        n = max(len(order) - 1, 1)
        return sum(pos / n * errors[i][k] for pos, i in enumerate(order)) / totals[k] if totals[k] else 0.0

    def precision(n_ok: list[int]) -> float | None:
        return n_ok[1] / n_ok[0] if n_ok[0] else None

    return {
        "documents": len(rows),
        "threshold": threshold,
        "documents_to_review": sum(1 for r in rows if r.priority > 0),
        "values": {k: {"n": v[0], "wrong": v[0] - v[1], "precision": precision(v)} for k, v in stats.items()},
        "by_field": {
            path: {"flagged": [c[0], precision(c[:2])], "unflagged": [c[2], precision(c[2:])]}
            for path, c in sorted(by_field.items())
        },
        "wrong": totals[0],
        "missed": totals[1],
        "top_documents": n_top,
        "top_share_wrong": top(queue, 0),
        "top_share_missed": top(queue, 1),
        "mean_position_wrong": position(queue, 0),
        "mean_position_missed": position(queue, 1),
        "lowest_confidence_top_share_wrong": top(lowest, 0),
        "lowest_confidence_top_share_missed": top(lowest, 1),
        "lowest_confidence_mean_position_wrong": position(lowest, 0),
        "lowest_confidence_mean_position_missed": position(lowest, 1),
    }
