"""Reading inputs: encodings, pages, PDFs, and clear errors for what cannot be read."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEED

from declass.document import Document
from declass.ingest import IngestError, read_documents

MEMO = "SUBJECT: Réunion à Genève\nDATE: 3 September 1963\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_text_in_common_encodings(tmp_path, encoding):
    path = tmp_path / "memo.txt"
    path.write_bytes(MEMO.encode(encoding))
    [doc] = read_documents(path)
    assert doc.text == MEMO


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_bytes(MEMO.encode("utf-16-le"))
    [doc] = read_documents(path)
    assert doc.text == MEMO
    assert doc.warnings


def test_binary_and_empty_files_are_refused_with_a_reason(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="binary"):
        read_documents(binary)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(IngestError, match="empty"):
        read_documents(empty)


def test_form_feeds_are_pages():
    doc = Document.from_text("page one\fpage two\nstill two\fthree")
    assert doc.page_count == 3
    assert [ln.page for ln in doc.lines] == [1, 2, 2, 3]
    assert doc.page_at(doc.text.index("three")) == 3
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text


def test_seed_is_one_page_document():
    [doc] = read_documents(SEED)
    assert doc.page_count == 1
    assert doc.text.startswith("\n\nF780011-0573")


def test_pdf_text_layer_keeps_pages():
    pdf = next(FIXTURES.rglob("*.pdf"))
    [doc] = read_documents(pdf)
    assert doc.page_count > 1
    assert "104-10093-10109 2025 RELEASE UNDER THE PRESIDENT" in doc.text
    start, end = doc.page_span(2)
    assert doc.page_at(start) == 2 and doc.page_at(end - 1) == 2


def test_encrypted_or_corrupt_pdf_is_named(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n%garbage")
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_documents(bad)
