"""Many files at once: splitting bound documents, workers, resume after kill -9, the SQLite catalogue."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from declass.batch import collect_inputs, extract_paths
from declass.cli import main
from declass.ingest import read_documents

PAGED = sorted(p for p in FIXTURES.rglob("*.txt") if "\f" in p.read_text(encoding="utf-8").strip("\f"))
CLINTON = FIXTURES / "state-foia-clinton" / "C05739545.txt"
APPLE = FIXTURES / "jfk-applevision" / "2021__docid-32309610.txt"


def bound(tmp_path: Path, parts: list[Path], name: str = "bound.txt") -> Path:
    out = tmp_path / name
    out.write_text("\f".join(p.read_text(encoding="utf-8").strip("\f") for p in parts), encoding="utf-8")
    return out


def test_a_file_of_several_documents_gives_a_record_each(tmp_path):
    path = bound(tmp_path, [APPLE, CLINTON, APPLE])
    docs = read_documents(path)
    pages_apple = APPLE.read_text(encoding="utf-8").strip("\f").count("\f") + 1
    pages_clinton = CLINTON.read_text(encoding="utf-8").strip("\f").count("\f") + 1
    assert [d.document_index for d in docs] == [0, 1, 2]
    assert [d.first_page for d in docs] == [1, 1 + pages_apple, 1 + pages_apple + pages_clinton]
    result = CliRunner().invoke(main, ["extract", "--jobs", "1", str(path)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"]["page_start"], r["source"]["document_index"]) for r in records] == [
        (d.first_page, d.document_index) for d in docs
    ]
    for rec, doc in zip(records, docs, strict=True):
        assert rec["source"]["page_end"] == doc.first_page + doc.page_count - 1
        for field in _fields(rec):
            # offsets index the document's own text; pages are pages of the file
            assert doc.text[field["start"] : field["end"]] == field["raw"]
            assert doc.page_at(field["start"]) == field["page"]


def _fields(rec):
    from declass.output import iter_fields

    return list(iter_fields(rec))


def test_single_documents_are_not_split():
    for path in FIXTURES.rglob("*"):
        if path.suffix in (".txt", ".pdf"):
            assert len(read_documents(path, ocr="never")) == 1, path


def test_a_bound_pdf_is_split_at_the_release_stamp(tmp_path):
    import pypdfium2 as pdfium

    src = next(FIXTURES.rglob("*.pdf"))
    out = pdfium.PdfDocument.new()
    for _ in range(3):
        out.import_pages(pdfium.PdfDocument(str(src)))
    target = tmp_path / "bound.pdf"
    out.save(str(target))
    docs = read_documents(target, ocr="never")
    n = len(pdfium.PdfDocument(str(src)))
    assert [d.first_page for d in docs] == [1, 1 + n, 1 + 2 * n]


def test_include_exclude(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ("a/x.txt", "a/y.md", "z.txt"):
        (tmp_path / name).write_text("SUBJECT: x\n", encoding="utf-8")
    inputs = collect_inputs([str(tmp_path)], include=["*.txt"], exclude=["z.*"])
    assert [Path(f).name for f in inputs.files] == ["x.txt"]


def test_jobs_do_not_change_the_records():
    def run(jobs):
        out = set()
        for result in extract_paths([str(FIXTURES)], jobs=jobs, ocr="never"):
            out |= {json.dumps(r.to_dict(), sort_keys=True) for r in result.records}
        return out

    assert run(1) == run(2)


def test_a_crashing_worker_is_an_error_for_its_file_only(tmp_path, monkeypatch):
    from declass import batch

    good = tmp_path / "good.txt"
    good.write_text(CLINTON.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "crash.txt"
    bad.write_text("SUBJECT: boom\n", encoding="utf-8")
    results = {
        r.path: r for r in batch.run_files([str(bad), str(good)], 2, (("rif",), 0.0, "never", "crash.txt"))
    }
    assert results[str(bad)].error == batch.CRASH
    assert results[str(good)].error is None


def _corpus_dir(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    texts = [p for p in FIXTURES.rglob("*.txt")]
    for i in range(4):
        for p in texts:
            (src / f"{i}-{p.name}").write_bytes(p.read_bytes())
    bound(src, PAGED + PAGED[::-1], "bound.txt")
    return src


def _cli(*args):
    return [sys.executable, "-m", "declass", "extract", *args]


def test_resume_after_kill_9_gives_exactly_the_records_of_one_run(tmp_path):
    src = _corpus_dir(tmp_path)
    full = tmp_path / "full.jsonl"
    subprocess.run(_cli(str(src), "-o", str(full), "--jobs", "2", "--ocr", "never"), check=True)
    expected = sorted(full.read_text(encoding="utf-8").splitlines())
    out = tmp_path / "resumed.jsonl"
    for delay in (2.5, 4.0):
        proc = subprocess.Popen(_cli(str(src), "-o", str(out), "--jobs", "2", "--ocr", "never", "--resume"))
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    subprocess.run(_cli(str(src), "-o", str(out), "--jobs", "2", "--ocr", "never", "--resume"), check=True)
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == expected


def test_sqlite_catalogue_is_idempotent_and_searchable(tmp_path):
    src = _corpus_dir(tmp_path)
    db = tmp_path / "catalog.db"
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["extract", str(src), "-o", str(db), "--jobs", "1", "--ocr", "never"])
        assert result.exit_code == 0, result.stderr
    con = sqlite3.connect(db)
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    n_files = len(list(src.iterdir()))
    assert n_docs > n_files  # the bound file gives several
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == n_files
    hits = con.execute(
        "SELECT d.subject FROM documents_fts f JOIN documents d ON d.id = f.rowid"
        " WHERE documents_fts MATCH 'Alliance'"
    ).fetchall()
    assert hits and all("Alliance" in h[0] for h in hits)
    assert con.execute("SELECT count(*) FROM case_numbers WHERE value = '620289'").fetchone()[0] == 4
    record = json.loads(con.execute("SELECT record FROM documents LIMIT 1").fetchone()[0])
    assert record["schema"] == "declass.record/1"
    result = runner.invoke(main, ["extract", str(src), "-o", str(db), "--resume", "--ocr", "never"])
    assert "already recorded" in result.stderr
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == n_docs


@pytest.mark.skipif(os.environ.get("DECLASS_NO_OCR") == "1", reason="OCR switched off")
def test_ocr_reads_an_image(tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    draw.text((60, 60), "SUBJECT: Alliance Missiles", fill=0, font=font)
    draw.text((60, 160), "DATE: October 26, 1962", fill=0, font=font)
    path = tmp_path / "scan.png"
    image.save(path)
    [doc] = read_documents(path)
    assert "Alliance Missiles" in doc.text
    result = CliRunner().invoke(main, ["extract", str(path), "--ocr", "never"])
    assert result.exit_code == 1 and "scan.png: an image needs OCR" in result.stderr


def test_chunked_workers_and_the_in_process_run_give_the_same_records(tmp_path):
    from declass import batch

    texts = sorted(FIXTURES.rglob("*.txt"))
    files = []
    for i in range(3):
        for p in texts:
            dest = tmp_path / f"{i}-{p.name}"
            dest.write_bytes(p.read_bytes())
            files.append(str(dest))
    assert batch.chunk_size(len(files), 1) > 1  # several files per task
    chunked = list(batch.run_files(files, 1, (batch.EXTRACTORS, 0.5, "never")))
    assert sorted(r.path for r in chunked) == sorted(files)  # each file once

    def records(results):
        return {json.dumps(r.to_dict(), sort_keys=True) for res in results for r in res.records}

    # text only with one job: read in this process, no worker
    in_process = list(extract_paths([str(tmp_path)], jobs=1, ocr="never"))
    assert records(in_process) == records(chunked)
    assert records(extract_paths([str(tmp_path)], jobs=2, ocr="never")) == records(chunked)


def test_chunk_size_bounds():
    from declass.batch import MAX_CHUNK, chunk_size

    assert chunk_size(1, 2) == 1
    assert chunk_size(10, 2) == 1  # few files: one a task, so both workers get some
    assert chunk_size(10**6, 2) == MAX_CHUNK
