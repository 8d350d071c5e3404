"""Align gold (and catalogue) values to character spans of a document's header zone.

The gold says what a reader understood ("W. W. Rostow", "1962-10-26", "NW 65924"); training needs
where it is printed. Each value kind has its own search: dates are read with `declass.dates` and
matched by value, identifiers match whatever separators the OCR put between their characters,
classification levels and controls match spaced or hyphenated banners, and free text (names,
subjects, authorities) is found exactly after normalization, else fuzzily over token windows with the
scorer's own soft threshold (similarity >= 0.8). Every occurrence in the zone is labelled, so the
same string is never both an entity and not one.

`python -m declass.ner.align [--corpus DIR] [--catalogued DIR]` rebuilds
`declass/ner/training/{corpus,catalogued}.jsonl` and writes `unaligned.tsv` beside them: every gold
value that could not be found, so the alignment can be audited.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..dates import find_dates
from . import TRAINING_DIR, header_zone

SOFT = 0.8  # the scorer's soft-match threshold
WEAK_SOFT = 0.88  # catalogue values are normalized by cataloguers: demand a closer match

# gold key -> (label, kind)
GOLD_FIELDS = {
    "sender": ("SENDER", "text"),
    "addressees": ("ADDRESSEE", "text"),
    "copies_to": ("COPY_TO", "text"),
    "subject": ("SUBJECT", "text"),
    "document_date": ("DOC_DATE", "date"),
    "review_dates": ("REVIEW_DATE", "date"),
    "case_numbers": ("CASE_NUMBER", "id"),
    "classification_original": ("CLASSIFICATION", "level"),
    "controls": ("CONTROL", "level"),
    "declassification_authority": ("AUTHORITY", "text"),
    "record_ids": ("RECORD_ID", "id"),
}
# catalogue key -> (label, kind)
CATALOG_FIELDS = {
    "From Name": ("SENDER", "text"),
    "To Name": ("ADDRESSEE", "text"),
    "Title": ("SUBJECT", "text"),
    "Doc Date ISO": ("DOC_DATE", "date"),
    "Review Date ISO": ("REVIEW_DATE", "date"),
    "Record Num": ("RECORD_ID", "id"),
    "File Num": ("RECORD_ID", "id"),
}
# which labels win when two aligned spans overlap (more specific first)
PRIORITY = (
    "CASE_NUMBER",
    "RECORD_ID",
    "REVIEW_DATE",
    "DOC_DATE",
    "CLASSIFICATION",
    "CONTROL",
    "AUTHORITY",
    "SENDER",
    "ADDRESSEE",
    "COPY_TO",
    "SUBJECT",
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def _normalized(text: str) -> tuple[str, list[int]]:
    """Casefolded alphanumerics with single spaces, and the source offset of every output char."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch.isalnum():
            out.append(ch.casefold())
            where.append(i)
            space = False
        elif not space:
            out.append(" ")
            where.append(i)
            space = True
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold()) for m in re.finditer(r"[^\W_]+", text)]


def find_text(zone: str, value: str, threshold: float = SOFT) -> list[tuple[int, int]]:
    """Spans of `zone` that read as `value`: exact after normalization, else the best fuzzy windows."""
    nval, _ = _normalized(value)
    if not nval:
        return []
    nzone, where = _normalized(zone)
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        i = nzone.find(nval, pos)
        if i < 0:
            break
        before = nzone[i - 1] if i > 0 else " "
        after = nzone[i + len(nval)] if i + len(nval) < len(nzone) else " "
        if before == " " and after == " ":
            found.append((where[i], where[i + len(nval) - 1] + 1))
        pos = i + 1
    if found or len(nval) < 8:
        return found
    toks = _tokens(zone)
    vtoks = nval.split()
    n = len(vtoks)
    best: list[tuple[float, int, int]] = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(nval)
    for i in range(len(toks)):
        for size in range(max(1, n - 2), n + 3):
            j = i + size
            if j > len(toks):
                break
            cand = " ".join(t[2] for t in toks[i:j])
            matcher.set_seq1(cand)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            r = matcher.ratio()
            if r >= threshold:
                best.append((r, toks[i][0], toks[j - 1][1]))
    # keep the best non-overlapping windows
    best.sort(key=lambda x: (-x[0], x[1]))
    for _r, s, e in best:
        if all(e <= fs or s >= fe for fs, fe in found):
            found.append((s, e))
    return sorted(found)


def find_date(zone: str, value: str) -> list[tuple[int, int]]:
    if not value:
        return []
    return [(d.start, d.end) for d in find_dates(zone) if d.value == value]


def find_id(zone: str, value: str) -> list[tuple[int, int]]:
    chars = re.sub(r"[^0-9A-Za-z]", "", value)
    if len(chars) < 3:
        return []
    pattern = r"[\s\-.:/]{0,2}".join(re.escape(c) for c in chars)
    rx = re.compile(rf"(?<![0-9A-Za-z]){pattern}(?![0-9A-Za-z])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in rx.finditer(zone)]


def find_level(zone: str, value: str) -> list[tuple[int, int]]:
    """A marking (level or control) as printed: any case on a short line, else upper case, maybe spaced."""
    words = value.split()
    if not words:
        return []
    parts = [r"[ \-]{0,2}".join(re.escape(c) for c in w) for w in words]
    rx = re.compile(r"(?<![0-9A-Za-z])" + r"[\s\-/]{1,3}".join(parts) + r"(?![0-9A-Za-z])", re.IGNORECASE)
    out = []
    for m in rx.finditer(zone):
        raw = m.group()
        line_start = zone.rfind("\n", 0, m.start()) + 1
        line_end = zone.find("\n", m.end())
        line = zone[line_start : line_end if line_end >= 0 else len(zone)]
        if raw.isupper() or len(line.strip()) <= 40:
            out.append((m.start(), m.end()))
    return out


FINDERS = {"date": find_date, "id": find_id, "level": find_level}


def align_values(
    zone: str, values: list[tuple[str, str, str, str]], threshold: float = SOFT
) -> tuple[list[Span], list[tuple[str, str]]]:
    """Spans for (key, label, kind, value) items; returns the spans and the (key, value) not found."""
    spans: list[Span] = []
    missed: list[tuple[str, str]] = []
    for key, label, kind, value in values:
        hits = find_text(zone, value, threshold) if kind == "text" else FINDERS[kind](zone, value)
        if not hits:
            missed.append((key, value))
        spans.extend(Span(s, e, label) for s, e in hits)
    return resolve_overlaps(spans), missed


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    rank = {label: i for i, label in enumerate(PRIORITY)}
    kept: list[Span] = []
    for sp in sorted(spans, key=lambda s: (rank.get(s.label, 99), -(s.end - s.start), s.start)):
        if all(sp.end <= k.start or sp.start >= k.end for k in kept):
            kept.append(sp)
    return sorted(kept, key=lambda s: s.start)


def gold_values(gold: dict) -> list[tuple[str, str, str, str]]:
    out = []
    for key, (label, kind) in GOLD_FIELDS.items():
        v = gold.get(key)
        vals = v if isinstance(v, list) else ([] if v in (None, "") else [v])
        out.extend((key, label, kind, str(x)) for x in vals if x not in (None, ""))
    return out


def catalog_values(cat: dict) -> list[tuple[str, str, str, str]]:
    out = []
    for key, (label, kind) in CATALOG_FIELDS.items():
        v = cat.get(key)
        if not v or not str(v).strip():
            continue
        out.append((key, label, kind, str(v).strip()))
    return out


def _document_text(path: Path) -> str:
    from ..ingest import read_documents

    docs = read_documents(path)
    return docs[0].text if docs else ""


def _source_files(root: Path, suffix: str) -> list[Path]:
    out = []
    for meta in sorted(root.rglob(f"*{suffix}")):
        stem = meta.name[: -len(suffix)]
        for ext in (".txt", ".md", ".pdf"):
            p = meta.with_name(stem + ext)
            if p.exists():
                out.append(p)
                break
    return out


def build(corpus: Path | None, catalogued: Path | None, out_dir: Path = TRAINING_DIR) -> dict[str, Counter]:
    """Write the training JSONL files and the unaligned report; return per-label counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stats: dict[str, Counter] = {"aligned": Counter(), "missed": Counter(), "spans": Counter()}
    if corpus:
        rows, report = [], ["source\tkey\tvalue"]
        for path in _source_files(corpus, ".gold.json"):
            gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
            zone = header_zone(_document_text(path))
            values = gold_values(gold)
            spans, missed = align_values(zone, values)
            rel = str(path.relative_to(corpus))
            for key, value in missed:
                stats["missed"][key] += 1
                report.append(f"{rel}\t{key}\t{value}")
            missed_set = Counter(missed)
            for key, _l, _k, value in values:
                if missed_set[(key, value)]:
                    missed_set[(key, value)] -= 1
                else:
                    stats["aligned"][key] += 1
            stats["spans"].update(s.label for s in spans)
            rows.append(_row(rel, zone, spans, weak=False))
        _write_jsonl(out_dir / "corpus.jsonl", rows)
        (out_dir / "unaligned.tsv").write_text("\n".join(report) + "\n", encoding="utf-8")
    if catalogued:
        rows = []
        for path in _source_files(catalogued, ".catalog.json"):
            cat = json.loads(path.with_name(path.stem + ".catalog.json").read_text(encoding="utf-8"))
            zone = header_zone(_document_text(path))
            spans, missed = align_values(zone, catalog_values(cat), threshold=WEAK_SOFT)
            stats["spans"].update("weak:" + s.label for s in spans)
            if spans:
                rows.append(_row(str(path.relative_to(catalogued)), zone, spans, weak=True))
        _write_jsonl(out_dir / "catalogued.jsonl", rows)
    return stats


def _row(source: str, zone: str, spans: list[Span], weak: bool) -> dict:
    return {"source": source, "weak": weak, "text": zone, "spans": [[s.start, s.end, s.label] for s in spans]}


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m declass.ner.align", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--catalogued", type=Path, default=Path("../shared/catalogued"))
    ap.add_argument("--out", type=Path, default=TRAINING_DIR)
    args = ap.parse_args(argv)
    stats = build(args.corpus, args.catalogued, args.out)
    total_a, total_m = sum(stats["aligned"].values()), sum(stats["missed"].values())
    print(f"gold values aligned {total_a} / {total_a + total_m}")
    for key in GOLD_FIELDS:
        a, m = stats["aligned"][key], stats["missed"][key]
        print(f"  {key:28} {a:4d} / {a + m:4d}")
    print("spans:", dict(sorted(stats["spans"].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
