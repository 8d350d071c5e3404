"""Formatters: every output format is rendered from the same record dict.

A writer takes records one at a time (`write`) and is closed once (`close`). JSON Lines goes out a
whole line at a time; JSON and CSV files are written to a temporary file and renamed into place,
so an interrupted run never leaves a torn file where a good one was.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

FORMATS = ("json", "jsonl", "csv", "table")

CSV_COLUMNS = (
    "path",
    "document_index",
    "document_type",
    "document_date",
    "sender",
    "addressees",
    "through",
    "copies_to",
    "subject",
    "classification_original",
    "classification_current",
    "controls",
    "declassified",
    "case_numbers",
    "review_dates",
    "reviewers",
    "authorities",
    "exemptions",
    "identifiers",
    "min_confidence",
    "warnings",
)


def _value(field: dict | None) -> str:
    return "" if field is None else str(field["value"])


def _values(fields: list[dict]) -> str:
    return "; ".join(str(f["value"]) for f in fields)


def flat_row(rec: dict[str, Any]) -> dict[str, str]:
    """One CSV/table row: main fields as text, lists joined with '; '."""
    c, d = rec["classification"], rec["declassification"]
    confidences = [f["confidence"] for f in iter_fields(rec)]
    return {
        "path": rec["source"]["path"] or "",
        "document_index": ""
        if rec["source"]["document_index"] is None
        else str(rec["source"]["document_index"]),
        "document_type": _value(rec["document_type"]),
        "document_date": _value(rec["document_date"]),
        "sender": _value(rec["sender"]),
        "addressees": _values(rec["addressees"]),
        "through": _values(rec["through"]),
        "copies_to": _values(rec["copies_to"]),
        "subject": _value(rec["subject"]),
        "classification_original": _value(c["original"]),
        "classification_current": _value(c["current"]),
        "controls": _values(c["controls"]),
        "declassified": "true" if d["declassified"] else "false",
        "case_numbers": _values(d["case_numbers"]),
        "review_dates": _values(d["review_dates"]),
        "reviewers": _values(d["reviewers"]),
        "authorities": _values(d["authorities"]),
        "exemptions": _values(d["exemptions"]),
        "identifiers": "; ".join(f"{f.get('kind', 'id')}:{f['value']}" for f in rec["identifiers"]),
        "min_confidence": f"{min(confidences):.2f}" if confidences else "",
        "warnings": " | ".join(rec["warnings"]),
    }


def iter_fields(rec: dict[str, Any]):
    """Every field dict of a record dict, lists flattened."""
    for key in ("document_type", "document_date", "sender", "subject"):
        if rec[key]:
            yield rec[key]
    for key in ("addressees", "through", "copies_to", "identifiers"):
        yield from rec[key]
    c, d = rec["classification"], rec["declassification"]
    for f in (c["original"], c["current"]):
        if f:
            yield f
    yield from c["controls"]
    yield from c["markings"]
    for key in ("case_numbers", "review_dates", "reviewers", "authorities", "exemptions"):
        yield from d[key]


class Writer:
    """Base writer: subclasses render records to `self.stream`."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, rec: dict[str, Any]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class JsonlWriter(Writer):
    def write(self, rec):
        # one write call per record: a reader (or a killed run) never sees half a line
        self.stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.stream.flush()


class JsonWriter(Writer):
    def __init__(self, stream):
        super().__init__(stream)
        self.records: list[dict] = []

    def write(self, rec):
        self.records.append(rec)

    def close(self):
        json.dump(self.records, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
        super().close()


class CsvWriter(Writer):
    def __init__(self, stream):
        super().__init__(stream)
        self.csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        self.csv.writeheader()

    def write(self, rec):
        self.csv.writerow(flat_row(rec))


class TableWriter(Writer):
    """A rich table, one row per document: for a person at a terminal."""

    COLUMNS = ("path", "document_date", "document_type", "sender", "addressees", "subject",
               "classification_original", "declassified", "case_numbers", "review_dates")  # fmt: skip
    HEADERS = ("file", "date", "type", "from", "to", "subject", "class.", "declass.", "case", "reviewed")

    def __init__(self, stream):
        super().__init__(stream)
        self.rows: list[dict[str, str]] = []

    def write(self, rec):
        self.rows.append(flat_row(rec))

    def close(self):
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False, header_style="bold")
        for header in self.HEADERS:
            table.add_column(header, overflow="fold")
        for row in self.rows:
            values = [row[c] for c in self.COLUMNS]
            values[0] = Path(values[0]).name if values[0] else "-"
            table.add_row(*values)
        Console(file=self.stream, width=None if self.stream.isatty() else 200).print(table)
        super().close()


WRITERS = {"json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter, "table": TableWriter}


def format_for_path(path: str | None) -> str | None:
    if not path:
        return None
    suffix = Path(path).suffix.lower()
    return {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(suffix)


class OutputTarget:
    """Where records go: standard output, or a file replaced atomically when the run ends.

    JSONL is appended in place line by line (a killed run keeps every whole record written);
    other formats go to a temporary file beside the target and are renamed over it on close.
    """

    def __init__(self, path: str | None, fmt: str):
        self.path = path
        self.fmt = fmt
        self._tmp: str | None = None
        if path is None or path == "-":
            self.stream: IO[str] = sys.stdout
            self._owned = False
        elif fmt == "jsonl":
            self.stream = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()
            self._owned = True
        else:
            directory = os.path.dirname(os.path.abspath(path))
            fd, self._tmp = tempfile.mkstemp(prefix=".declass-", suffix=".tmp", dir=directory)
            newline = "" if fmt == "csv" else "\n"
            self.stream = open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115 - closed in close()
            self._owned = True
        self.writer = WRITERS[fmt](self.stream)

    def write(self, rec: dict[str, Any]) -> None:
        self.writer.write(rec)

    def close(self, keep: bool = True) -> None:
        self.writer.close()
        if self._owned:
            self.stream.close()
        if self._tmp:
            if keep:
                os.replace(self._tmp, self.path)
            else:
                os.unlink(self._tmp)
