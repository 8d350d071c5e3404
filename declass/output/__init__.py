"""Formatters: every output format is rendered from the same record dict.

Every writer (`base.Writer`, catalogue formats included) takes records one at a time (`write`) or
one input file's together (`write_all`) and is closed once (`close`). JSON Lines goes out a whole
file's lines in one write; JSON and CSV files are written to a temporary file and renamed into place,
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

from .base import Writer

# catalogue formats (Dublin Core XML and CSV, MODS, ArchivesSpace CSV)
from .catalog import WRITERS as CATALOG_WRITERS

CATALOG_FORMATS = tuple(CATALOG_WRITERS)
FORMATS = ("json", "jsonl", "csv", "table", "sqlite", *CATALOG_FORMATS)
RESUMABLE = ("jsonl", "sqlite")

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


class JsonlWriter(Writer):
    def write(self, rec):
        self.write_all([rec])

    def write_all(self, recs: list[dict[str, Any]]) -> None:
        # one write call for them all: a reader (or a killed run) never sees half a line
        self.stream.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        self.stream.flush()


class JsonWriter(Writer):
    """One JSON array, streamed a record at a time (the same text as `json.dump(records, indent=2)`),
    so a dump of any size needs no more memory than one record."""

    def __init__(self, stream):
        super().__init__(stream)
        self.n = 0

    def write(self, rec):
        body = json.dumps(rec, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.stream.write(("[\n  " if self.n == 0 else ",\n  ") + body)
        self.n += 1

    def close(self):
        self.stream.write("[]\n" if self.n == 0 else "\n]\n")
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


WRITERS = {
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "table": TableWriter,
    **CATALOG_WRITERS,
}


def format_for_path(path: str | None) -> str | None:
    if not path:
        return None
    suffix = Path(path).suffix.lower()
    return {
        ".json": "json",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".db": "sqlite",
        ".sqlite": "sqlite",
        ".sqlite3": "sqlite",
    }.get(suffix)


def jsonl_recorded(path: str) -> tuple[int, set[tuple[str, str]]]:
    """For resuming a JSON Lines file: the length of its part to keep, and the (path, sha256) of
    the input files wholly recorded in it.

    A run writes each input file's records together, so only the last file's group can be cut
    short by a kill, and only the last line can be torn: both are dropped (that file is redone).
    """
    keep = 0
    groups: list[tuple[tuple[str, str] | None, int]] = []  # (key, offset where the group starts)
    with open(path, "rb") as f:
        pos = 0
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                src = json.loads(line)["source"]
                key = (src["path"], src["sha256"])
            except (ValueError, KeyError, TypeError):
                break
            if not groups or groups[-1][0] != key:
                groups.append((key, pos))
            pos += len(line)
            keep = pos
    if groups:
        keep = groups[-1][1]
        groups.pop()
    return keep, {k for k, _ in groups if k and k[0] is not None}


class OutputTarget:
    """Where records go: standard output, or a file replaced atomically when the run ends.

    JSONL is appended in place line by line (a killed run keeps every whole record written);
    other formats go to a temporary file beside the target and are renamed over it on close.
    """

    def __init__(self, path: str | None, fmt: str, resume: bool = False):
        self.path = path
        self.fmt = fmt
        self._tmp: str | None = None
        self.catalog = None
        self._done: set[tuple[str, str]] = set()
        if resume and (fmt not in RESUMABLE or path in (None, "-")):
            raise ValueError("--resume needs --output FILE in jsonl or sqlite format")
        if fmt == "sqlite":
            if path in (None, "-"):
                raise ValueError("--format sqlite needs --output FILE")
            from .sqlite import SqliteCatalog

            self.catalog = SqliteCatalog(path)
            self.stream, self._owned, self.writer = sys.stdout, False, None
            return
        if path is None or path == "-":
            self.stream: IO[str] = sys.stdout
            self._owned = False
        elif fmt == "jsonl":
            mode = "w"
            if resume and os.path.exists(path):
                keep, self._done = jsonl_recorded(path)
                with open(path, "r+b") as f:
                    f.truncate(keep)
                mode = "a"
            self.stream = open(path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()
            self._owned = True
        else:
            directory = os.path.dirname(os.path.abspath(path))
            fd, self._tmp = tempfile.mkstemp(prefix=".declass-", suffix=".tmp", dir=directory)
            newline = "" if fmt in ("csv", "dc-csv", "aspace-csv") else "\n"
            self.stream = open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115 - closed in close()
            self._owned = True
        self.writer = WRITERS[fmt](self.stream)

    def is_done(self, path: str, sha256: str) -> bool:
        """Whether an earlier run (resumed) already recorded this input file with this content."""
        if self.catalog is not None:
            return self.catalog.is_done(path, sha256)
        return (path, sha256) in self._done

    def write_file(self, path: str | None, sha256: str | None, records: list[dict[str, Any]]) -> None:
        """All records of one input file, written together (JSONL: one write; SQLite: one transaction)."""
        if self.catalog is not None:
            self.catalog.write_file(path, sha256, records)
        else:
            self.writer.write_all(records)

    def write_error(self, path: str, error: str) -> None:
        if self.catalog is not None:
            self.catalog.write_error(path, error)

    @property
    def wrote_nothing(self) -> bool:
        """The format has no valid empty document (MODS) and the run had no records: nothing was written."""
        return getattr(self.writer, "wrote_nothing", False)

    def close(self, keep: bool = True) -> None:
        if self.catalog is not None:
            self.catalog.close()
            return
        self.writer.close()
        if self._owned:
            self.stream.close()
        if self._tmp:
            if keep and not self.wrote_nothing:
                os.replace(self._tmp, self.path)
            else:
                os.unlink(self._tmp)
