"""Scoring declass against hand-made gold annotations (`<id>.gold.json` beside `<id>.txt`/`.pdf`).

The measure is the project's own (GROBID's scheme): per field, strict (normalized exact) and soft
(normalized similarity >= 0.8) precision, recall and F1, micro-averaged over all fields. The gold
format is described in the README ("Measuring declass on your own documents").
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# gold key -> (path into the record dict, how values compare)
FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "document_date": (("document_date",), "date"),
    "sender": (("sender",), "text"),
    "addressees": (("addressees",), "text"),
    "subject": (("subject",), "text"),
    "classification_original": (("classification", "original"), "label"),
    "classification_current": (("classification", "current"), "label"),
    "controls": (("classification", "controls"), "label"),
    "declassified": (("declassification", "declassified"), "bool"),
    "case_numbers": (("declassification", "case_numbers"), "id"),
    "review_dates": (("declassification", "review_dates"), "date"),
    "declassification_authority": (("declassification", "authorities"), "text"),
    "record_ids": (("identifiers",), "id"),
}
SOFT_THRESHOLD = 0.8
DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf")


def _norm(s: Any) -> str:
    s = unicodedata.normalize("NFKD", str(s)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())


def _norm_id(s: Any) -> str:
    return re.sub(r"[^0-9a-z]", "", _norm(s))


def same(kind: str, gold: Any, pred: Any, soft: bool) -> bool:
    if kind == "date":
        return str(gold).strip() == str(pred).strip()
    if kind == "id":
        return _norm_id(gold) != "" and _norm_id(gold) == _norm_id(pred)
    if kind in ("label", "bool"):
        return _norm(gold) == _norm(pred)
    a, b = _norm(gold), _norm(pred)
    if not a or not b:
        return False
    return a == b or (soft and difflib.SequenceMatcher(None, a, b).ratio() >= SOFT_THRESHOLD)


def _values(v: Any) -> list[Any]:
    def unwrap(x):
        return x.get("value") if isinstance(x, dict) else x

    items = v if isinstance(v, list) else [v]
    return [unwrap(x) for x in items if unwrap(x) not in (None, "")]


def count(kind: str, gold: Any, pred: Any, soft: bool) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of one field of one document."""
    g, p = _values(gold), _values(pred)
    if kind == "bool":
        g_val = bool(g[0]) if g else None
        p_val = bool(p[0]) if p else False  # a missing boolean counts as false
        if g_val is None:
            return 0, 0, 0
        return (1, 0, 0) if g_val == p_val else (0, 1, 1)
    used: set[int] = set()
    tp = 0
    for x in g:
        for j, y in enumerate(p):
            if j not in used and same(kind, x, y, soft):
                used.add(j)
                tp += 1
                break
    return tp, len(p) - tp, len(g) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _get(rec: dict, path: tuple[str, ...]) -> Any:
    cur: Any = rec
    for key in path:
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


@dataclass
class DocumentScore:
    path: str
    source: str  # folder of the document relative to the gold dir
    counts: dict[str, tuple[int, int, int]]  # soft counts per field
    gold: dict[str, Any]
    predicted: dict[str, Any]


@dataclass
class Report:
    strict: dict[str, list[int]]
    soft: dict[str, list[int]]
    by_source: dict[str, dict[str, list[int]]]
    documents: list[DocumentScore]
    failures: list[tuple[str, str]] = field(default_factory=list)

    @staticmethod
    def micro(counts: dict[str, list[int]]) -> tuple[float, float, float]:
        return prf(*(sum(v[i] for v in counts.values()) for i in range(3)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "failures": [{"path": p, "error": e} for p, e in self.failures],
            "micro_f1_soft": round(self.micro(self.soft)[2], 4),
            "micro_f1_strict": round(self.micro(self.strict)[2], 4),
            "fields": {
                f: {
                    "soft": dict(
                        zip(("p", "r", "f1"), (round(x, 4) for x in prf(*self.soft[f])), strict=True)
                    ),
                    "strict_f1": round(prf(*self.strict[f])[2], 4),
                }
                for f in FIELDS
            },
            "by_source_soft_f1": {s: round(self.micro(c)[2], 4) for s, c in sorted(self.by_source.items())},
        }

    def worst(self, gold_key: str, n: int) -> list[DocumentScore]:
        def errors(d: DocumentScore) -> int:
            tp, fp, fn = d.counts.get(gold_key, (0, 0, 0))
            return fp + fn

        bad = [d for d in self.documents if errors(d) > 0]
        return sorted(bad, key=lambda d: (-errors(d), d.path))[:n]


def gold_documents(gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs under `gold_dir`, for every gold file with its document."""
    pairs = []
    for gold_path in sorted(Path(gold_dir).rglob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        for suffix in DOCUMENT_SUFFIXES:
            doc = gold_path.with_name(stem + suffix)
            if doc.exists():
                pairs.append((doc, gold_path))
                break
    return pairs


def score_records(pairs: list[tuple[Path, dict, dict | None]], gold_dir: Path) -> Report:
    """Score predicted record dicts (None when extraction failed) against gold dicts."""
    strict = {f: [0, 0, 0] for f in FIELDS}
    soft = {f: [0, 0, 0] for f in FIELDS}
    by_source: dict[str, dict[str, list[int]]] = defaultdict(lambda: {f: [0, 0, 0] for f in FIELDS})
    documents = []
    for doc_path, gold, rec in pairs:
        rec = rec or {}
        source = str(doc_path.parent.relative_to(gold_dir))
        counts = {}
        predicted = {}
        for key, (path, kind) in FIELDS.items():
            if key not in gold:
                continue
            pred = _get(rec, path)
            predicted[key] = _values(pred)
            for table, is_soft in ((strict, False), (soft, True)):
                c = count(kind, gold[key], pred, is_soft)
                for i in range(3):
                    table[key][i] += c[i]
                if is_soft:
                    counts[key] = c
                    for i in range(3):
                        by_source[source][key][i] += c[i]
        documents.append(DocumentScore(str(doc_path), source, counts, gold, predicted))
    return Report(strict, soft, dict(by_source), documents)


def evaluate_dir(gold_dir: str | Path, **extract_options: Any) -> Report:
    """Run declass over every annotated document under `gold_dir` and score it."""
    from .api import extract_file
    from .ingest import IngestError

    gold_dir = Path(gold_dir)
    pairs: list[tuple[Path, dict, dict | None]] = []
    failures = []
    for doc_path, gold_path in gold_documents(gold_dir):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            failures.append((str(gold_path), f"unreadable gold file: {exc}"))
            continue
        try:
            records = extract_file(doc_path, **extract_options)
            rec = records[0].to_dict() if records else None
        except IngestError as exc:
            failures.append((str(doc_path), str(exc)))
            rec = None
        pairs.append((doc_path, gold, rec))
    report = score_records(pairs, gold_dir)
    report.failures = failures
    return report


def render_report(report: Report, worst: int = 3, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title=f"declass on {len(report.documents)} annotated documents", header_style="bold")
    for header in ("field", "P (soft)", "R (soft)", "F1 (soft)", "F1 (strict)", "gold values"):
        table.add_column(header, justify="right" if header != "field" else "left")
    for key in FIELDS:
        p, r, f1 = prf(*report.soft[key])
        tp, fp, fn = report.soft[key]
        table.add_row(
            key, f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", f"{prf(*report.strict[key])[2]:.3f}", str(tp + fn)
        )
    sp, sr, sf = report.micro(report.soft)
    table.add_row("micro", f"{sp:.3f}", f"{sr:.3f}", f"{sf:.3f}", f"{report.micro(report.strict)[2]:.3f}", "")
    console.print(table)
    for source, counts in sorted(report.by_source.items()):
        console.print(f"  {source:30} soft micro F1 {report.micro(counts)[2]:.3f}", highlight=False)
    if worst:
        console.rule("worst documents per field (soft)")
        for key in FIELDS:
            for d in report.worst(key, worst):
                gold = d.gold.get(key)
                console.print(
                    f"[bold]{key}[/] {Path(d.path).name}: gold {gold!r} got {d.predicted.get(key)!r}",
                    highlight=False,
                )
    for path, error in report.failures:
        console.print(f"[red]failed:[/] {path}: {error}", highlight=False)
