"""PDF text layers through pypdfium2, one page a page; OCR for pages without a usable text layer."""

from __future__ import annotations

from ..document import PAGE_BREAK, Document


def _clean(text: str) -> str:
    # pdfium ends lines with CRLF; form feeds would break our page model
    return text.replace("\r\n", "\n").replace("\r", "\n").replace(PAGE_BREAK, " ")


def _is_scan(page, pdfium) -> bool:
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))


PAGE_IMAGE_SHARE = 0.8  # an image covering this much of the page makes it a scan (not a logo)


def _is_page_image(page) -> bool:
    """Whether an image covers the page: a scan, whose text layer (if any) is itself OCR."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= PAGE_IMAGE_SHARE * width * height:
            return True
    return False


def _reread_pages(page_images: set[int], starts: set[int]) -> list[int]:
    """The scanned pages whose text layer may be read again: the first page of each document, when
    it is one image."""
    return sorted(page_images & starts)


def read_pdf_probed(
    data, path: str, sha256: str, ocr: str = "auto", probe: bool = True, max_pages: int | None = None
) -> tuple[Document, dict[int, str]]:
    """The PDF's text, a page a page. `data`: its bytes, or a binary file open on it (read as
    needed, never loaded whole). Only the first `max_pages` pages are read, with a warning.
    `ocr`: "never" (text layer only), "auto" (OCR the pages
    without a usable text layer, and read again the first page of each document when it is a scan
    (an image covering the page) whose text layer looks garbled, adding the lines only the new
    reading has: see ocr.merge_readings) or "always" (OCR every page). With `probe`, also the OCR'd header
    strip of each scanned page after the first whose text layer shows no document start (0-based
    page index -> text): a release stamp that the scan's own text layer garbled is still read
    there. Never with ocr="never"."""
    from . import IngestError
    from . import ocr as ocr_mod

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
        head, tail = _ends(data)
        if b"%PDF-" not in head:
            raise IngestError(f"not a PDF (no %PDF- header; {message})") from exc
        if b"%%EOF" not in tail:
            raise IngestError(f"not a readable PDF: cut short (no %%EOF at its end; {message})") from exc
        raise IngestError(f"not a readable PDF ({message})") from exc
    from .split import boundaries

    pages: list[str] = []
    headers: dict[int, str] = {}
    scans: list[int] = []
    warnings: list[str] = []
    ocred: list[int] = []
    no_text: list[int] = []
    reread: list[int] = []  # scanned pages whose text layer got lines from a new reading
    page_images: set[int] = set()  # pages that are one image (a scan), not a page with a picture
    n_pages = len(pdf)
    if max_pages is not None and n_pages > max_pages:
        warnings.append(f"PDF has {n_pages} pages: only its first {max_pages} read (size cap)")
        n_pages = max_pages
    try:
        for i in range(n_pages):
            page = pdf[i]
            textpage = page.get_textpage()
            text = _clean(textpage.get_text_range())
            textpage.close()
            if ocr == "always" or (ocr == "auto" and not ocr_mod.usable_text(text)):
                reason = ocr_mod.unavailable_reason()
                if reason is None:
                    text = _clean(ocr_mod.ocr_pdf_page(page))
                    ocred.append(i)
                elif not ocr_mod.usable_text(text):
                    no_text.append(i + 1)
            elif not ocr_mod.usable_text(text):
                no_text.append(i + 1)
            pages.append(text)
            if ocr == "auto" and i not in ocred and _is_scan(page, pdfium):
                scans.append(i)
                if _is_page_image(page):
                    page_images.add(i)
            page.close()
        if scans and ocr_mod.unavailable_reason() is None:
            starts = set(boundaries(pages))
            if probe:
                for i in scans:
                    if i > 0 and i not in starts:
                        headers[i] = ocr_mod.ocr_pdf_header(pdf[i])
                starts = set(boundaries(pages, headers))
            for i in _reread_pages(page_images, starts):
                if ocr_mod.text_quality(pages[i]) < ocr_mod.LAYER_QUALITY_OK:
                    page = pdf[i]
                    fresh = _clean(ocr_mod.ocr_pdf_page(page, header_as_block=True))
                    merged, n = ocr_mod.merge_readings(pages[i], fresh)
                    page.close()
                    if n:
                        pages[i] = merged
                        reread.append(i)
    except pdfium.PdfiumError as exc:
        raise IngestError(f"PDF page {len(pages) + 1} cannot be read ({exc})") from exc
    finally:
        pdf.close()
    if not pages:
        raise IngestError("PDF has no pages")
    if ocred:
        warnings.append(f"OCR ({ocr_mod.engine_name()}) of {_pages([i + 1 for i in ocred])}")
    if reread:
        where = _pages([i + 1 for i in reread])
        warnings.append(f"OCR ({ocr_mod.engine_name()}) added lines to the text layer of {where}")
    if no_text:
        why = (
            "OCR is off (--ocr never)"
            if ocr == "never"
            else (ocr_mod.unavailable_reason() or "OCR found no text")
        )
        warnings.append(f"no usable text on {_pages(no_text)}: {why}")
    offsets, pos = [], 0
    for text in pages:
        offsets.append(pos)
        pos += len(text) + 1
    doc = Document(text=PAGE_BREAK.join(pages), path=path, sha256=sha256, page_offsets=offsets)
    doc.warnings.extend(warnings)
    return doc, headers


def _ends(data) -> tuple[bytes, bytes]:
    """The first and last KiB of a PDF given as bytes or as an open binary file."""
    if isinstance(data, bytes | bytearray):
        return bytes(data[:1024]), bytes(data[-1024:])
    try:
        data.seek(0)
        head = data.read(1024)
        data.seek(0, 2)
        data.seek(max(0, data.tell() - 1024))
        return head, data.read()
    except (OSError, ValueError):
        return b"%PDF-", b"%%EOF"  # unknown: say nothing more


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return f"{len(numbers)} pages ({', '.join(map(str, numbers[:10]))}{', ...' if len(numbers) > 10 else ''})"
