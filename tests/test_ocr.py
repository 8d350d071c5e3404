"""OCR of scanned PDFs: which text layers are read again, and how a fresh reading is merged in.

The snippets are verbatim from NARA JFK 2025 scans in the corpus: the PDF's own (Tesseract 4.1) text
layer, and a fresh reading of the same page image by declass's OCR.
"""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

from declass.ingest import read_documents
from declass.ingest.ocr import LAYER_QUALITY_OK, merge_readings, text_quality

# 176-10036-10149: the layer prints the identification form's labels without their values (pdfium
# ends each line with a space)
RIF_LAYER = "".join(
    line + " \n"
    for line in [
        " 176-10036-10149 | 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS"
        " ACT OF 1992",
        "JFK ASSASSINATION SYSTEM",
        "IDENTIFICATION FORM",
        "TITLE :",
        "DATE :",
        "PAGES :",
    ]
)
RIF_FRESH = """| 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992
JFK ASSASSINATION SYSTEM
IDENTIFICATION FORM
TITLE : CIA information Report |
DATE : 10/2/1963 =
PAGES : 6
"""
# 104-10290-10046: the layer lost the release banner; the fresh reading has it, and speckle
CABLE_LAYER = " \na ts ot | \n~? we 5 Aken CLACURIED ? FESR aSD: me, Marten Endaracn a2 enema o nn Lh \n"
CABLE_FRESH = """a@ 2025 RELEASE UNDER THE PRESIDENT JOH

a a ee
C 22 £438.
"""
# 104-10073-10074: the layer joins two printed lines into one
JOINED_LAYER = (
    "the Embassy in Havana, and AL Eeee 1 haS made, use,of it to send letter for posting in Havana to "
    "AMCUTLER-2 The twof ABEL Mj brothers are \n"
)
JOINED_FRESH = """the Embassy in Havana, and AMCUTLER-1 has made.use,of it to send letter
for posting in Havana to AMCUTLER-2. The twofA3ELENJ brothers are
"""


def test_merge_adds_the_lines_only_the_fresh_reading_has_after_the_layer():
    text, added = merge_readings(RIF_LAYER, RIF_FRESH)
    assert added == 3
    # the layer's own text is kept as it was, the new lines follow in the fresh reading's order
    assert text == RIF_LAYER + "TITLE : CIA information Report |\nDATE : 10/2/1963 =\nPAGES : 6\n"


def test_merge_brings_back_a_lost_banner_and_drops_speckle():
    text, added = merge_readings(CABLE_LAYER, CABLE_FRESH)
    assert (text, added) == (CABLE_LAYER + "a@ 2025 RELEASE UNDER THE PRESIDENT JOH\n", 1)


def test_merge_matches_a_layer_line_that_joins_two_printed_lines():
    assert merge_readings(JOINED_LAYER, JOINED_FRESH) == (JOINED_LAYER, 0)


def test_text_quality_tells_garbled_layers_from_clean_text():
    clean = (FIXTURES / "frus").glob("*.txt")
    for path in clean:
        assert text_quality(path.read_text(encoding="utf-8")) >= 0.9, path
    assert text_quality(CABLE_LAYER) < 0.9 < LAYER_QUALITY_OK
    assert text_quality(JOINED_LAYER) < LAYER_QUALITY_OK
    assert text_quality("") == 0.0


@pytest.mark.skipif(os.environ.get("DECLASS_NO_OCR") == "1", reason="OCR switched off")
def test_auto_reads_a_garbled_scan_again_and_never_does_not():
    pdf = FIXTURES / "pdf" / "104-10093-10109.pdf"
    [layer_only] = read_documents(pdf, ocr="never")
    [merged] = read_documents(pdf, ocr="auto")
    assert not any("added lines" in w for w in layer_only.warnings)
    assert any("added lines to the text layer of page 1" in w for w in merged.warnings)
    assert merged.page_count == layer_only.page_count
    # the layer's text stays, page by page; new lines only add to the first page
    first = layer_only.text[slice(*layer_only.page_span(1))]
    assert len(merged.text[slice(*merged.page_span(1))]) > len(first)
    for page in range(2, layer_only.page_count + 1):
        assert (
            merged.text[slice(*merged.page_span(page))] == layer_only.text[slice(*layer_only.page_span(page))]
        )


def test_merge_leaves_out_a_second_reading_of_a_layer_number():
    # 104-10075-10225: the fresh reading takes the record number's last 5 for a 6
    layer = "\u2018oa. 10075- 10225 \n4 \n| 2025 RELEASE UNDER THE PRESIDENT \n"
    assert merge_readings(layer, "1a 104-10075-10226\n") == (layer, 0)
    # 176-10036-10149: a number the layer reads the same way is no conflict; the line is new
    layer = " 176-10036-10149 | 2025 RELEASE UNDER THE PRESIDENT \nRECORD NUMBER \n"
    text, added = merge_readings(layer, "RECORD NUMBER : 176-10036-10149\n")
    assert added == 1 and text.endswith("RECORD NUMBER : 176-10036-10149\n")


@pytest.mark.parametrize(("size", "scan"), [((600, 800), True), ((120, 60), False)])
def test_a_page_is_a_scan_when_one_image_covers_it(size, scan):
    import pypdfium2 as pdfium
    from PIL import Image

    from declass.ingest.pdf import _is_page_image

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(600, 800)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("L", (60, 80), 255)))
    image.set_matrix(pdfium.PdfMatrix().scale(*size))
    page.insert_obj(image)
    page.gen_content()
    assert _is_page_image(page) is scan  # a letterhead's logo does not make a born-digital page a scan
    fixture = pdfium.PdfDocument(str(FIXTURES / "pdf" / "104-10093-10109.pdf"))
    assert _is_page_image(fixture[0])


@pytest.mark.skipif(os.environ.get("DECLASS_NO_OCR") == "1", reason="OCR switched off")
def test_a_cable_forms_header_read_as_one_block_keeps_its_cite_line_whole():
    import pypdfium2

    from declass.ingest.ocr import ocr_pdf_page

    pdf = pypdfium2.PdfDocument(FIXTURES / "pdf" / "104-10093-10109.pdf")
    try:
        page = pdf[0]
        layout_only = ocr_pdf_page(page)
        with_block = ocr_pdf_page(page, header_as_block=True)
    finally:
        pdf.close()
    # the layout analysis reads the routing line's CITE as `CME ME XI 6628`; the block reading keeps it
    assert "CITE MEXI 6620" not in layout_only
    assert "CITE MEXI 6620" in with_block
    # the block reading only adds lines: the layout reading is still all there, in its order
    assert set(layout_only.splitlines()) <= set(with_block.splitlines())
