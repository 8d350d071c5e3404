"""Adversarial inputs against every extractor: is any pattern super-linear?

    python benchmarks/adversarial.py                 # every input at 100 KB and 1 MB, per extractor
    python benchmarks/adversarial.py --sizes 1e5 1e6 1e7 --whole
    python benchmarks/adversarial.py --only "SUBJECT" --sizes 1e4 1e5

Each input is a repeated fragment (label fragments, separators, digits, spaces, spaced-out
classification words, stamps...) grown to each size. The script prints the seconds each extractor
(and the resolver) takes on it, and the growth factor between consecutive sizes: a linear pattern
grows ~10x per 10x of input, a quadratic one ~100x. `--whole` also times `declass.extract_text`
end to end. Times are CPU seconds of this process (`time.process_time`), which a busy machine
inflates less than wall time; still, read the growth, not the third decimal.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from declass.ingest import document_from_text  # noqa: E402
from declass.pipeline import EXTRACTORS, get_extractor  # noqa: E402
from declass.resolve import resolve  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "sample" / "seed" / "seed_rostow_1962.txt"
# the realistic case: the sample documents bound page after page, as in a scanned volume's OCR
BOUND = "\f".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE.parents[1].rglob("*.txt")))

# name -> unit repeated to the wanted size
ADVERSARIAL: dict[str, str] = {
    "SUBJECT run": "SUBJECT: ",
    "SUBJECT no space": "SUBJECT:",
    "label mix one line": "TO: FROM: SUBJECT: DATE: THROUGH: CC: ",
    "labels one per line": "TO:\nFROM:\nSUBJECT:\nDATE:\n",
    "MEMORANDUM FOR run": "MEMORANDUM FOR ",
    "colons": ":",
    "dashes": "-",
    "slashes": "/",
    "double slashes": "//",
    "dots": ".",
    "separators mix": " -/:.,;()",
    "digits": "0123456789",
    "digits spaced": "1 ",
    "digits slashed": "10/",
    "digit dashes": "10-",
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "form feeds": "\f",
    "blank lines with spaces": " \n",
    "S E C R E T": "S E C R E T ",
    "S E C R E T lines": "S E C R E T\n",
    "T O P  S E C R E T": "T O P  S E C R E T  ",
    "SECRET//": "SECRET//",
    "TOP SECRET//SI//NOFORN": "TOP SECRET//SI//NOFORN//",
    "(S) markings": "(S) ",
    "(b)(3)": "(b)(3)",
    "25X1": "25X1 ",
    "NW stamp": "NW 65924 ",
    "Case# stamp": "Case#:NW 65924 Date: 10-21-2021\n",
    "Case# one line": "Case#:NW 65924 Date: 10-21-2021 ",
    "DocId stamp": "NW 65924 DocId:32105898 Page 1\n",
    "CIA-RDP stamp": "APPROVED FOR RELEASE 2003/04/18 : CIA-RDP80B01676R000100010001-0\n",
    "CIA-RDP fragments": "CIA-RDP80B01676R",
    "FOI case": "FOI CASE NO. 620289 ",
    "reviewed by": "REVIEWED BY Sh DATE 8/19/8 ",
    "DTG": "281848Z DEC 66 ",
    "dates": "October 26, 1962 ",
    "month words": "October ",
    "RIF labels": "RECORD NUMBER : ",
    "RIF form": (
        "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM\nAGENCY : CIA\nRECORD NUMBER : 104-10007-10149\n"
    ),
    "Classified by": "Classified by DAS, A/GIS, DoS on 01/29/2016 - Class: SECRET - Declassify on: ",
    "telegram header": "R 281848Z DEC 66\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 1164\n",
    "email header": "From: Sullivan, Jacob J <SullivanJJ@state.gov>\nSent: ",
    "emails": "a@b.c ",
    "at signs": "@",
    "angle brackets": "<",
    "uppercase words": "ALPHA BRAVO ",
    "uppercase letters spaced": "A B ",
    "capitalised names": "John Smith, ",
    "parens": "(",
    "letters": "a",
    "CONFIDENTIAL": "CONFIDENTIAL ",
    "labelled level one line": "CLASSIFICATION: SECRET//NOFORN ",
    "labelled level lines": "CLASSIFICATION: SECRET\n",
    "UNCLASSIFIED//FOUO": "UNCLASSIFIED//FOR OFFICIAL USE ONLY ",
    "no newline prose": "The Secretary met the Ambassador on Monday to discuss the missiles. ",
    "real document repeated": "",  # filled from the seed fixture
}


# inputs that are not one unit repeated: every repetition different
GENERATED = {
    "distinct case numbers": lambda n: "".join(
        f"Case#:NW {i % 100000:05d} Date: 10-21-2021\n" for i in range(n)
    ),
    "distinct DocId footers": lambda n: "".join(
        f"NW {i % 100000:05d} DocId:{i:08d} Page 1\f" for i in range(n)
    ),
    "distinct dates": lambda n: "".join(f"{1 + i % 28} October {1900 + i % 120}\n" for i in range(n)),
    "sample documents bound": lambda n: BOUND,
    "distinct markings": lambda n: "".join(f"({'STC'[i % 3]}) para {i}\n" for i in range(n)),
}


def build(unit, size: int) -> str:
    if callable(unit):
        text = unit(size // 10 + 1)
        return (text * (size // max(1, len(text)) + 1))[:size]
    return (unit * (size // len(unit) + 1))[:size]


def time_extractors(text: str, names: list[str]) -> dict[str, float]:
    doc = document_from_text(text)
    out: dict[str, float] = {}
    t0 = time.process_time()
    doc.lines  # noqa: B018 - the line split is shared by all extractors
    out["lines"] = time.process_time() - t0
    cands = []
    for name in names:
        t0 = time.process_time()
        cands.extend(get_extractor(name)(doc))
        out[name] = time.process_time() - t0
    t0 = time.process_time()
    resolve(doc, cands)
    out["resolve"] = time.process_time() - t0
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6])
    ap.add_argument("--only", help="only inputs whose name contains this")
    ap.add_argument("--extractors", nargs="+", default=list(EXTRACTORS))
    ap.add_argument("--whole", action="store_true", help="also time extract_text end to end")
    ap.add_argument("--limit", type=float, default=1.0, help="flag inputs slower than LIMIT s per MB")
    args = ap.parse_args()
    ADVERSARIAL["real document repeated"] = SAMPLE.read_text(encoding="utf-8") + "\n"
    ADVERSARIAL.update(GENERATED)
    sizes = [int(s) for s in args.sizes]
    names = args.extractors
    time_extractors(ADVERSARIAL["real document repeated"], names)  # imports and compiles out of the timings
    slow: list[str] = []
    tried = 0
    for label, unit in ADVERSARIAL.items():
        if args.only and args.only.lower() not in label.lower():
            continue
        prev: dict[str, float] | None = None
        for size in sizes:
            text = build(unit, size)
            times = time_extractors(text, names)
            tried += 1
            total = sum(times.values())
            worst = max(times, key=times.get)
            growth = ""
            if prev is not None:
                g = times[worst] / max(prev[worst], 1e-4)
                growth = f" growth x{g:.0f} ({worst})"
            line = (
                f"{label:28s} {size / 1e6:6.2f} MB  total {total:7.3f}s"
                f"  worst {worst}={times[worst]:.3f}s{growth}"
            )
            if args.whole:
                import declass

                t0 = time.process_time()
                declass.extract_text(text)
                line += f"  extract_text {time.process_time() - t0:.3f}s"
            print(line, flush=True)
            if total > args.limit * max(size / 1e6, 0.1):
                top = sorted(times.items(), key=lambda kv: -kv[1])[:4]
                detail = ", ".join(f"{k}={v:.2f}" for k, v in top)
                slow.append(f"{label} at {size / 1e6:.2f} MB: {total:.2f}s ({detail})")
            prev = times
    print(f"\n{tried} inputs tried; {len(slow)} slower than {args.limit} s/MB:")
    for s in slow:
        print("  " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
