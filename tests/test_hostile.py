"""Broken files in a dump, size caps, and output safety: a bad input never stops the run or loses
what was written, and each failure names the file and the problem."""

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
from conftest import FIXTURES, SEED

import declass.ingest as ingest
from declass import batch
from declass.cli import main
from declass.ingest import IngestError, read_documents

PDF = FIXTURES / "pdf" / "104-10093-10109.pdf"
CLINTON = FIXTURES / "state-foia-clinton" / "C05739545.txt"
TEXTS = sorted(FIXTURES.rglob("*.txt"))


def minimal_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF written by hand: numbered objects, a cross-reference table, a trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PAGE_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
]


def encrypted_pdf() -> bytes:
    """Standard security handler, RC4 40-bit, with a user password (the /U entry no empty password
    opens): a reader must ask for the password."""
    handler = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
    file_id = b"<0123456789abcdef0123456789abcdef>"
    return minimal_pdf(PAGE_OBJECTS + [handler], b"/Encrypt 4 0 R /ID [" + file_id + b" " + file_id + b"] ")


def blank_pdf(path: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(612, 792)
    pdf.save(str(path))
    pdf.close()
    return path


def sparse_text(path: Path, size: int) -> Path:
    """A real document followed by NUL padding up to `size` bytes (sparse: no disk used)."""
    with open(path, "wb") as f:
        f.write(SEED.read_bytes())
        f.truncate(size)
    return path


# name -> (how to make it, the problem its error message must name; None: read, with a record)
def _dump(root: Path) -> dict[str, str | None]:
    root.mkdir()
    (root / "good.txt").write_bytes(SEED.read_bytes())
    (root / "also-good.txt").write_bytes(CLINTON.read_bytes())
    (root / "good.pdf").write_bytes(PDF.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\n\t\n")
    (root / "nuls.txt").write_bytes(b"\0" * 5000)
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "cp1252.txt").write_bytes(b"NOTE: Caf\xe9 \x93talks\x94\n" + SEED.read_bytes())
    (root / "truncated.pdf").write_bytes(PDF.read_bytes()[:2000])
    (root / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    (root / "encrypted.pdf").write_bytes(encrypted_pdf())
    (root / "not-a-pdf.pdf").write_bytes(SEED.read_bytes())
    (root / "broken-link.txt").symlink_to(root / "gone.txt")
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root)  # a directory loop: walked once
    os.mkfifo(root / "fifo.txt")  # would block a reader for ever
    return {
        "good.txt": None,
        "also-good.txt": None,
        "good.pdf": None,
        "cp1252.txt": None,
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "nuls.txt": "only NUL bytes",
        "binary.txt": "binary data",
        "truncated.pdf": "not a readable PDF: cut short",
        "corrupt.pdf": "not a readable PDF",
        "encrypted.pdf": "encrypted PDF",
        "not-a-pdf.pdf": "not a PDF (no %PDF- header",
        "broken-link.txt": "broken symbolic link",
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "fifo.txt": "not a regular file",
    }


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_dump_of_broken_files_names_each_failure_and_keeps_every_good_record(tmp_path, monkeypatch):
    expected = _dump(tmp_path / "dump")
    (tmp_path / "dump" / "deleted.txt").write_bytes(SEED.read_bytes())
    expected["deleted.txt"] = "deleted while declass ran"
    sparse_text(tmp_path / "dump" / "huge.txt", 200 * 2**20)
    expected["huge.txt"] = None
    blank_pdf(tmp_path / "dump" / "pages5000.pdf", 5000)
    expected["pages5000.pdf"] = None
    collect = batch.collect_inputs

    def collect_then_delete(*args, **kwargs):
        inputs = collect(*args, **kwargs)
        os.unlink(tmp_path / "dump" / "deleted.txt")  # gone between listing and reading
        return inputs

    monkeypatch.setattr(batch, "collect_inputs", collect_then_delete)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path / "dump"), "-o", str(out), "--ocr", "never", "--jobs", "2"]
    )
    assert result.exit_code == 1, result.output
    recs = _records(out)
    by_name: dict[str, list[dict]] = {}
    for rec in recs:
        by_name.setdefault(Path(rec["source"]["path"]).name, []).append(rec)
    errors = {
        Path(line.removeprefix("declass: ").split(": ")[0]).name: line
        for line in result.stderr.splitlines()
        if line.startswith("declass: /")
    }
    for name, problem in expected.items():
        if problem is None:
            assert name in by_name, f"{name}: no record; stderr: {result.stderr}"
            assert name not in errors
        else:
            assert name not in by_name
            assert problem in errors[name], errors[name]
            assert str(tmp_path / "dump" / name) in errors[name]  # the message names the file
    # the summary at the end lists every failure again
    summary = result.stderr[result.stderr.index("failed:") :]
    assert all(f"{name}: " in summary for name, p in expected.items() if p)
    assert "not valid UTF-8" in " ".join(by_name["cp1252.txt"][0]["warnings"])
    huge = by_name["huge.txt"][0]
    assert any("only its first 10 MiB read (size cap" in w for w in huge["warnings"]), huge["warnings"]
    assert huge["subject"]["value"] == "Alliance Missiles"  # the document before the padding was read
    # the 5,000-page PDF: read up to the cap, with the reason in its record
    (blank,) = by_name["pages5000.pdf"]
    assert "PDF has 5000 pages: only its first 2000 read (size cap)" in blank["warnings"]


def test_broken_files_through_the_library(tmp_path):
    expected = _dump(tmp_path / "dump")
    results = {
        Path(r.path).name: r
        for r in batch.extract_paths(
            [str(tmp_path / "dump"), str(tmp_path / "missing.txt")], ocr="never", jobs=2
        )
    }
    assert results["missing.txt"].error == "no such file or directory"
    for name, problem in expected.items():
        r = results[name]
        if problem is None:
            assert r.error is None and r.records, name
        else:
            assert r.error and problem in r.error, (name, r.error)
    # the directory loop was walked once: every file once
    assert sum(1 for r in results.values() if Path(r.path).name == "good.txt") == 1


def test_permission_denied_is_named(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_bytes(SEED.read_bytes())

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # simulated: tests run as root in CI, and chmod 000 does not stop root
    monkeypatch.setattr(ingest, "open", denied, raising=False)
    result = batch.extract_one(str(path), ocr="never")
    assert result.error == "permission denied" and not result.records


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file (the simulated test covers it)")
def test_permission_denied_for_real(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    locked = tmp_path / "locked.txt"
    locked.write_bytes(SEED.read_bytes())
    locked.chmod(0)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert f"{locked}: permission denied" in result.stderr
    assert [Path(r["source"]["path"]).name for r in _records(out)] == ["good.txt"]


def test_the_text_size_cap_reads_a_prefix_at_a_line_end_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_TEXT_BYTES", 4096)
    text = SEED.read_text(encoding="utf-8")
    body = "é" + text * (20000 // len(text) + 1)
    path = tmp_path / "big.txt"
    path.write_text(body, encoding="utf-8")
    (doc,) = read_documents(path, split=False)
    assert len(doc.text.encode("utf-8")) <= 4096
    assert body.startswith(doc.text) and doc.text.endswith("\n")  # whole lines, no torn character
    assert doc.sha256 == batch.file_sha256(str(path))  # the hash still covers the whole file
    assert any(w.endswith("read (size cap 4096 bytes)") for w in doc.warnings), doc.warnings
    small = tmp_path / "small.txt"
    small.write_text(text, encoding="utf-8")
    assert not any("size cap" in w for w in read_documents(small, split=False)[0].warnings)


def test_the_pdf_page_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_PDF_PAGES", 3)
    path = blank_pdf(tmp_path / "five.pdf", 5)
    (doc,) = read_documents(path, ocr="never", split=False)
    assert doc.page_count == 3
    assert "PDF has 5 pages: only its first 3 read (size cap)" in doc.warnings


def test_nul_padding_keeps_utf16_text_whole():
    from declass.ingest.text import decode_text

    data = "SUBJECT: Talks\n".encode("utf-16-le") + b"\0" * 101
    text, _ = decode_text(data)
    assert text == "SUBJECT: Talks\n"
    assert decode_text(b"SUBJECT: Talks\n" + b"\0" * 100)[0] == "SUBJECT: Talks\n"
    with pytest.raises(IngestError, match="only NUL bytes"):
        decode_text(b"\0" * 10)


# --- output safety -----------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, tuple[int, float]]:
    return {str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime) for p in root.rglob("*")}


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".db"])
def test_nothing_is_written_into_the_input_tree(tmp_path, suffix):
    src = tmp_path / "in"
    src.mkdir()
    for p in TEXTS[:3]:
        (src / p.name).write_bytes(p.read_bytes())
    before = _tree(src)
    out = tmp_path / "out" / f"records{suffix}"
    out.parent.mkdir()
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--ocr", "never", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert _tree(src) == before
    assert sorted(p.name for p in out.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [out.name]


def _interrupt_after(n: int, monkeypatch):
    """extract_inputs that raises KeyboardInterrupt (as Ctrl-C would) after `n` results."""
    real = batch.extract_inputs

    def interrupted(*args, **kwargs):
        for i, result in enumerate(real(*args, **kwargs)):
            if i == n:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(batch, "extract_inputs", interrupted)


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_an_interrupted_run_leaves_the_old_json_or_csv_whole(tmp_path, monkeypatch, suffix):
    src = tmp_path / "in"
    src.mkdir()
    for p in TEXTS:
        (src / p.name).write_bytes(p.read_bytes())
    out = tmp_path / f"records{suffix}"
    out.write_text("the previous run's output\n", encoding="utf-8")
    _interrupt_after(2, monkeypatch)
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--ocr", "never", "--jobs", "1"])
    assert result.exit_code == 130
    assert "interrupted (SIGINT)" in result.stderr and "was not written" in result.stderr
    assert out.read_text(encoding="utf-8") == "the previous run's output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".declass-")] == []


# copies of the sample texts in a dump to interrupt: enough that a run lasts several seconds at
# today's speed (at 12 copies the run ended before the signal and the tests skipped)
INTERRUPT_COPIES = 60


def _dump_for_interrupt(tmp_path: Path, copies: int) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(copies):
        for p in TEXTS:
            (src / f"{i:03d}-{p.name}").write_bytes(p.read_bytes())
    return src


def _sigint_when(proc: subprocess.Popen, ready, timeout: float = 120) -> bool:
    """Send SIGINT once `ready()`; False when the run ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if ready():
            proc.send_signal(signal.SIGINT)
            return True
        time.sleep(0.05)
    return False


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "declass", "extract", *args, "--ocr", "never", "--jobs", "1"]


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_ctrl_c_keeps_whole_jsonl_lines_and_resume_finishes(tmp_path):
    src = _dump_for_interrupt(tmp_path, INTERRUPT_COPIES)
    n_files = len(list(src.iterdir()))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_cli(str(src), "-o", str(out)), stderr=subprocess.PIPE, text=True)
    sent = _sigint_when(proc, lambda: _lines(out) >= 3)
    _, stderr = proc.communicate(timeout=120)
    if not sent:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 130, stderr
    assert "interrupted (SIGINT)" in stderr and "--resume" in stderr
    data = out.read_bytes()
    assert data.endswith(b"\n")
    done = [json.loads(line) for line in data.splitlines()]  # every line whole
    assert 3 <= len(done) < n_files
    resumed = subprocess.run(_cli(str(src), "-o", str(out), "--resume"), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    recs = _records(out)
    assert sorted(r["source"]["path"] for r in recs) == sorted(str(p) for p in src.iterdir())


def test_ctrl_c_leaves_a_sqlite_catalogue_that_opens_and_resumes(tmp_path):
    src = _dump_for_interrupt(tmp_path, INTERRUPT_COPIES)
    db = tmp_path / "out.db"

    def some_rows():
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
            return con.execute("SELECT count(*) FROM files").fetchone()[0] >= 3
        except sqlite3.Error:
            return False

    proc = subprocess.Popen(_cli(str(src), "-o", str(db)), stderr=subprocess.PIPE, text=True)
    sent = _sigint_when(proc, some_rows)
    _, stderr = proc.communicate(timeout=120)
    if not sent:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 130, stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert n == con.execute("SELECT sum(documents) FROM files").fetchone()[0]  # files whole or absent
    con.close()
    resumed = subprocess.run(_cli(str(src), "-o", str(db), "--resume"), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == len(list(src.iterdir()))


def test_ctrl_c_leaves_no_torn_json(tmp_path):
    src = _dump_for_interrupt(tmp_path, INTERRUPT_COPIES)
    out = tmp_path / "out.json"

    def tmp_files():
        return [p for p in tmp_path.iterdir() if p.name.startswith(".declass-")]

    proc = subprocess.Popen(_cli(str(src), "-o", str(out)), stderr=subprocess.PIPE, text=True)
    started = _sigint_when(proc, lambda: bool(tmp_files()) and (time.sleep(1.0) or True))
    _, stderr = proc.communicate(timeout=120)
    if not started or proc.returncode == 0:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 130, stderr
    assert "out.json was not written" in stderr
    assert not out.exists() and tmp_files() == []


def test_json_output_is_streamed_as_the_same_text_json_dump_gives():
    import io

    from declass.output import JsonWriter

    recs = [
        {"a": 1, "b": ["x", {"c": "é\n"}], "d": {}},
        {"e": [], "f": None},
        declass_record(),
    ]
    for n in (0, 1, 3):
        buf = io.StringIO()
        writer = JsonWriter(buf)
        for rec in recs[:n]:
            writer.write(rec)
        writer.close()
        assert buf.getvalue() == json.dumps(recs[:n], ensure_ascii=False, indent=2) + "\n"


def declass_record() -> dict:
    import declass

    return declass.extract_text(SEED.read_text(encoding="utf-8")).to_dict()


def test_standard_input_is_read_up_to_the_cap(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_TEXT_BYTES", 2048)
    text = SEED.read_text(encoding="utf-8")
    data = (text * (8192 // len(text) + 2)).encode("utf-8")
    doc = ingest.read_stdin(data[: 2048 + 1])
    assert text.startswith(doc.text[:100]) and len(doc.text.encode("utf-8")) <= 2048
    assert any("standard input is over 2048 bytes" in w for w in doc.warnings)
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=data)
    assert result.exit_code == 0, result.stderr
    (rec,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert any("size cap" in w for w in rec["warnings"])
    assert rec["subject"]["value"] == "Alliance Missiles"


def test_a_file_that_never_finishes_is_given_up_and_the_others_are_read(tmp_path):
    names = ["a.txt", "hang.txt", "b.txt", "c.txt"]
    for name in names:
        (tmp_path / name).write_bytes(CLINTON.read_bytes())
    paths = [str(tmp_path / n) for n in names]
    args = (("stamps",), 0.0, "never", None, "hang.txt")
    results = {Path(r.path).name: r for r in batch.run_files(paths, 2, args, timeout=2)}
    assert sorted(results) == sorted(names)
    assert "stopped after 2 s (--timeout)" in results["hang.txt"].error
    assert all(results[n].error is None and results[n].records for n in names if n != "hang.txt")
    # the same through the isolated retry path (a file left over after a crash)
    (again,) = batch._run_isolated([str(tmp_path / "hang.txt")], args, timeout=1)
    assert "stopped after 1 s" in again.error


def test_timeout_option_reads_a_dump_normally(tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["extract", str(SEED), str(CLINTON), "--timeout", "600", "-o", str(out), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.stderr
    assert len(_records(out)) == 2
