"""Document boundary precision and recall on real multi-document files.

Builds multi-document PDFs by concatenating the single-record PDFs of the corpus (in shuffled
orders, whole PDFs, page by page with pypdfium2) and multi-document texts by joining paged corpus
texts with form feeds, reads them back through declass's own reader (`read_documents`) and
compares the documents found with the true ones. A boundary is the page where a document starts
(page 1 of a file is not counted); precision, recall and F1 are micro-averaged over all files.

    .venv/bin/python benchmarks/boundaries.py [CORPUS] [--rounds N] [--ocr auto|never|always]

Also checks that no single corpus file is split (every false split there is a false positive).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from declass.ingest import read_documents  # noqa: E402


def concat_pdfs(paths: list[Path]) -> tuple[bytes, list[int]]:
    """One PDF holding `paths` in order, and the 0-based page where each starts."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    starts = []
    for path in paths:
        src = pdfium.PdfDocument(str(path))
        starts.append(len(out))
        out.import_pages(src)
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    return buf.getvalue(), starts


def concat_texts(paths: list[Path]) -> tuple[bytes, list[int]]:
    parts, starts, page = [], [], 0
    for path in paths:
        text = path.read_text(encoding="utf-8").strip("\f")
        starts.append(page)
        page += text.count("\f") + 1
        parts.append(text)
    return "\f".join(parts).encode("utf-8"), starts


def found_starts(path: Path, ocr: str) -> list[int]:
    return [doc.first_page - 1 for doc in read_documents(path, ocr=ocr)]


def score(true: set, found: set) -> dict:
    tp, fp, fn = len(true & found), len(found - true), len(true - found)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}


def run_set(name, files, builder, suffix, rounds, per_file, ocr, rng, tmp) -> dict:
    true_all, found_all = set(), set()
    misses: dict[str, int] = {}
    for r in range(rounds):
        order = files[:]
        rng.shuffle(order)
        for k in range(0, len(order), per_file):
            group = order[k : k + per_file]
            if len(group) < 2:
                continue
            data, starts = builder(group)
            path = Path(tmp) / f"{name}-{r}-{k}{suffix}"
            path.write_bytes(data)
            found = found_starts(path, ocr)
            true_all |= {(path.name, s) for s in starts[1:]}
            found_all |= {(path.name, s) for s in found[1:]}
            for s, src in zip(starts[1:], group[1:], strict=True):
                if s not in found:
                    misses[src.stem] = misses.get(src.stem, 0) + 1
    result = score(true_all, found_all)
    result["missed_starts"] = misses
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--per-file", type=int, default=6, help="documents bound into one file")
    ap.add_argument("--ocr", default="auto", choices=["auto", "never", "always"])
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    rng = random.Random(args.seed)
    report = {}
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))
    # texts with pages (form feeds) only: without page breaks there is nothing to split at
    texts = sorted(p for p in corpus.rglob("*.txt") if "\f" in p.read_text(encoding="utf-8").strip("\f"))
    singles = sorted(pdfs + sorted(corpus.rglob("*.txt")))
    false_splits = [str(p) for p in singles if len(found_starts(p, args.ocr)) > 1]
    report["single_files"] = {"files": len(singles), "split_wrongly": false_splits}
    with tempfile.TemporaryDirectory() as tmp:
        report["pdf"] = run_set(
            "pdf", pdfs, concat_pdfs, ".pdf", args.rounds, args.per_file, args.ocr, rng, tmp
        )
        report["pdf"]["documents"] = len(pdfs)
        report["text"] = run_set(
            "text", texts, concat_texts, ".txt", args.rounds, args.per_file, args.ocr, rng, tmp
        )
        report["text"]["documents"] = len(texts)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
