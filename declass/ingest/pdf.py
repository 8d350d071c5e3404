"""PDF text layers through pypdfium2, one page a page."""

from __future__ import annotations

from ..document import PAGE_BREAK, Document


def read_pdf(data: bytes, path: str, sha256: str) -> Document:
    from . import IngestError

    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - a dependency
        raise IngestError("PDF support needs pypdfium2") from exc
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise IngestError("encrypted PDF (password required)") from exc
        raise IngestError(f"not a readable PDF ({message})") from exc
    pages: list[str] = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            # pdfium ends lines with CRLF; form feeds would break our page model
            text = (
                textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").replace(PAGE_BREAK, " ")
            )
            pages.append(text)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if not pages:
        raise IngestError("PDF has no pages")
    offsets, pos = [], 0
    for text in pages:
        offsets.append(pos)
        pos += len(text) + 1
    doc = Document(text=PAGE_BREAK.join(pages), path=path, sha256=sha256, page_offsets=offsets)
    if not any(t.strip() for t in pages):
        doc.warnings.append("PDF has no text layer: OCR is not available, so nothing was read")
    return doc
