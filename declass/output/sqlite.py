"""The SQLite catalogue: one row per record, list fields in their own tables, full-text search.

    declass extract releases/ --format sqlite --output catalog.db
    sqlite3 catalog.db "SELECT path, document_date, subject FROM documents
                        WHERE rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'missile')"

Each input file is written in one transaction (its old rows replaced), so re-runs are idempotent
and a killed run leaves every file either wholly recorded or not at all (`files` says which).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..authority import parties

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT, documents INTEGER, error TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT, sha256 TEXT, document_index INTEGER, page_start INTEGER, page_end INTEGER,
    document_type TEXT, document_date TEXT, sender TEXT, subject TEXT,
    classification_original TEXT, classification_current TEXT, declassified INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_date ON documents(document_date);
CREATE TABLE IF NOT EXISTS addressees (document_id INTEGER, value TEXT, page INTEGER);
CREATE TABLE IF NOT EXISTS case_numbers (document_id INTEGER, value TEXT, page INTEGER);
CREATE TABLE IF NOT EXISTS identifiers (
    document_id INTEGER REFERENCES documents(id), kind TEXT, value TEXT, page INTEGER
);
CREATE TABLE IF NOT EXISTS markings (document_id INTEGER, value TEXT, page INTEGER);
CREATE INDEX IF NOT EXISTS case_numbers_value ON case_numbers(value);
CREATE INDEX IF NOT EXISTS identifiers_value ON identifiers(value);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(subject, parties);
"""

LIST_TABLES = {
    "addressees": lambda r: r["addressees"],
    "case_numbers": lambda r: r["declassification"]["case_numbers"],
    "markings": lambda r: r["classification"]["markings"],
}


def _v(field: dict | None) -> Any:
    return None if field is None else field["value"]


class SqliteCatalog:
    def __init__(self, path: str):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def is_done(self, path: str, sha256: str) -> bool:
        row = self.db.execute("SELECT sha256, error FROM files WHERE path = ?", (path,)).fetchone()
        return row is not None and row[0] == sha256 and row[1] is None

    def _delete(self, path: str) -> None:
        ids = "SELECT id FROM documents WHERE path = ?"
        for table in (*LIST_TABLES, "identifiers"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id IN ({ids})", (path,))
        self.db.execute(f"DELETE FROM documents_fts WHERE rowid IN ({ids})", (path,))
        self.db.execute("DELETE FROM documents WHERE path = ?", (path,))

    def write_file(self, path: str | None, sha256: str | None, records: list[dict]) -> None:
        """Replace the rows of one input file by `records`, in one transaction."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if path is not None:
                self._delete(path)
            for rec in records:
                src, c = rec["source"], rec["classification"]
                cur = db.execute(
                    "INSERT INTO documents (path, sha256, document_index, page_start, page_end,"
                    " document_type,"
                    " document_date, sender, subject, classification_original, classification_current,"
                    " declassified, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        src["path"], src["sha256"], src["document_index"], src["page_start"], src["page_end"],
                        _v(rec["document_type"]), _v(rec["document_date"]), _v(rec["sender"]),
                        _v(rec["subject"]), _v(c["original"]), _v(c["current"]),
                        int(rec["declassification"]["declassified"]), json.dumps(rec, ensure_ascii=False),
                    ),
                )  # fmt: skip
                doc_id = cur.lastrowid
                for table, get in LIST_TABLES.items():
                    db.executemany(
                        f"INSERT INTO {table} (document_id, value, page) VALUES (?,?,?)",
                        [(doc_id, str(f["value"]), f["page"]) for f in get(rec)],
                    )
                db.executemany(
                    "INSERT INTO identifiers (document_id, kind, value, page) VALUES (?,?,?,?)",
                    [(doc_id, f.get("kind"), str(f["value"]), f["page"]) for f in rec["identifiers"]],
                )
                db.execute(
                    "INSERT INTO documents_fts (rowid, subject, parties) VALUES (?,?,?)",
                    (doc_id, _v(rec["subject"]) or "", "; ".join(str(f["value"]) for _, f in parties(rec))),
                )
            if path is not None:
                db.execute(
                    "INSERT OR REPLACE INTO files (path, sha256, documents, error) VALUES (?,?,?,NULL)",
                    (path, sha256, len(records)),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def write_error(self, path: str, error: str) -> None:
        """Record a file that failed (its earlier rows, if any, stay)."""
        self.db.execute(
            "INSERT INTO files (path, sha256, documents, error) VALUES (?, NULL, 0, ?)"
            " ON CONFLICT(path) DO UPDATE SET error = excluded.error, sha256 = NULL",
            (path, error),
        )

    def close(self) -> None:
        self.db.close()
