"""A long fuzz run of declass with hypothesis: arbitrary text, mutated real documents, random and
mutated file bytes through the file path.

    python benchmarks/fuzz.py --minutes 15          # split evenly over the targets
    python benchmarks/fuzz.py --minutes 2 --target bytes_as_pdf

Every input must give a record (or, through the file path, a clean `IngestError`) without any other
exception; every field must satisfy `text[start:end] == raw`; every record must validate against
the JSON Schema; and no input may take longer than `--slow` seconds (hostile inputs here are at
most a few hundred KB, so a slow one means a super-linear pattern). Prints how many inputs each
target tried and every failure (hypothesis shrinks it to a minimal example first).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jsonschema  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import InvalidArgument  # noqa: E402

import declass  # noqa: E402
from declass.ingest import IngestError, read_documents  # noqa: E402
from declass.pipeline import extract_document  # noqa: E402
from declass.schema import record_schema  # noqa: E402

FIXTURES = ROOT / "fixtures" / "sample"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
PDFS = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.pdf"))]
VALIDATOR = jsonschema.Draft202012Validator(record_schema())
STAMPS = [
    "Case#:NW 65924 Date: 10-21-2021",
    "NW 65924 DocId:32105898 Page 1",
    "APPROVED FOR RELEASE 2003/04/18 : CIA-RDP80B01676R000100010001-0",
    "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739545 Date: 06/30/2015",
    "DECLASSIFIED Authority NND 963016 By NARA Date 6/1/99",
    "REVIEWED BY Sh DATE 8/19/8",
    "FOI CASE NO. 620289",
    "TOP SECRET//SI//NOFORN",
    "S E C R E T",
    "(b)(3) (b)(6) 25X1",
    "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM",
    "Classified by DAS, A/GIS, DoS on 01/29/2016 - Class: SECRET - Declassify on: 10/12/2027",
    "281848Z DEC 66",
]
LABELS = ["TO:", "FROM:", "SUBJECT:", "DATE:", "THROUGH:", "CC:", "MEMORANDUM FOR", "RECORD NUMBER :",
          "AGENCY :", "Sent:", "REF:", "DOC_NBR:", "FM", "E.O. 12958:", "TAGS:", "DATE DISTR"]  # fmt: skip
VALUES = ["The Secretary", "S/P - W. W. Rostow", "Alliance Missiles", "10/26/62", "October 26, 1962",
          "AMEMBASSY TEHRAN", "104-10007-10149", "CIA", "SECSTATE WASHDC 1164"]  # fmt: skip

SLOW = 10.0  # seconds (set from --slow)


class Slow(AssertionError):
    pass


def check_record(text: str, rec) -> None:
    errors = list(VALIDATOR.iter_errors(rec.to_dict()))
    assert not errors, errors[0].message
    for path, field in rec.fields():
        assert text[field.start : field.end] == field.raw, (path, field.raw, text[field.start : field.end])


def timed(fn, size: int):
    t0 = time.process_time()
    out = fn()
    dt = time.process_time() - t0
    if dt > SLOW:
        raise Slow(f"{dt:.1f} s for an input of {size} characters")
    return out


def check_text(text: str) -> None:
    rec = timed(lambda: declass.extract_text(text), len(text))
    check_record(text, rec)


def check_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            docs = timed(lambda: read_documents(path, ocr="never"), len(data))
        except IngestError:
            return
        for doc in docs:
            check_record(doc.text, timed(lambda d=doc: extract_document(d), len(doc.text)))


# --- mutations of real documents -----------------------------------------------------------------


@st.composite
def mutated_document(draw) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 12))):
        op = draw(
            st.sampled_from(["swap", "dup", "drop", "stamp", "stamp_flood", "label", "value", "junk", "join"])
        )
        i = rnd.randrange(max(1, len(lines)))
        if not lines:
            lines = [""]
        if op == "swap" and len(lines[i]) > 1:
            chars = list(lines[i])
            a, b = rnd.randrange(len(chars)), rnd.randrange(len(chars))
            chars[a], chars[b] = chars[b], chars[a]
            lines[i] = "".join(chars)
        elif op == "dup":
            lines[i:i] = [lines[i]] * draw(st.integers(1, 50))
        elif op == "drop":
            del lines[i]
        elif op == "stamp":
            lines.insert(i, draw(st.sampled_from(STAMPS)))
        elif op == "stamp_flood":  # a stamp repeated thousands of times
            sep = draw(st.sampled_from(["\n", " ", "\f", ""]))
            lines.insert(i, sep.join([draw(st.sampled_from(STAMPS))] * draw(st.integers(100, 5000))))
        elif op == "label":  # labels without values
            lines[i:i] = [draw(st.sampled_from(LABELS)) for _ in range(draw(st.integers(1, 300)))]
        elif op == "value":  # values without labels
            lines[i:i] = [draw(st.sampled_from(VALUES)) for _ in range(draw(st.integers(1, 300)))]
        elif op == "junk":
            lines.insert(i, draw(st.text(max_size=200)))
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + draw(st.sampled_from(["", " ", "\f", "\r"])) + lines[i + 1]]
    return "\n".join(lines)


def mutate_bytes(data: bytes, seed: int, n: int, truncate: bool) -> bytes:
    rnd = random.Random(seed)
    buf = bytearray(data)
    for _ in range(n):
        kind = rnd.randrange(3)
        pos = rnd.randrange(len(buf)) if buf else 0
        if kind == 0 and buf:
            buf[pos] = rnd.randrange(256)
        elif kind == 1:
            buf[pos:pos] = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 16)))
        elif buf:
            del buf[pos : pos + rnd.randrange(1, 64)]
    if truncate and buf:
        del buf[rnd.randrange(len(buf)) :]
    return bytes(buf)


# --- targets ---------------------------------------------------------------------------------------


def t_unicode(text):
    check_text(text)


def t_fragments(parts):
    check_text("".join(parts))


def t_mutated(text):
    check_text(text)


def t_bytes_as_text(data, suffix):
    check_file(data, suffix)


def t_mutated_text_bytes(i, seed, n, truncate, encoding):
    data = TEXTS[i % len(TEXTS)].encode(encoding, errors="replace")
    check_file(mutate_bytes(data, seed, n, truncate), ".txt")


def t_bytes_as_pdf(data):
    check_file(b"%PDF-1.4\n" + data, ".pdf")


def t_mutated_pdf(i, seed, n, truncate):
    check_file(mutate_bytes(PDFS[i % len(PDFS)], seed, n, truncate), ".pdf")


FRAGMENTS = STAMPS + LABELS + VALUES + ["\n", "\n\n", "\f", " ", ":", "-", "/", "0", "l", "//", "(S)"]
TARGETS = {
    "unicode": (t_unicode, (st.text(max_size=5000),)),
    "fragments": (t_fragments, (st.lists(st.sampled_from(FRAGMENTS), max_size=400),)),
    "mutated_documents": (t_mutated, (mutated_document(),)),
    "bytes_as_text": (t_bytes_as_text, (st.binary(max_size=20000), st.sampled_from([".txt", ".md"]))),
    "mutated_text_bytes": (
        t_mutated_text_bytes,
        (
            st.integers(0, 100),
            st.integers(0, 2**32),
            st.integers(1, 40),
            st.booleans(),
            st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"]),
        ),
    ),  # fmt: skip
    "bytes_as_pdf": (t_bytes_as_pdf, (st.binary(max_size=5000),)),
    "mutated_pdf": (
        t_mutated_pdf,
        (st.integers(0, 100), st.integers(0, 2**32), st.integers(1, 30), st.booleans()),
    ),
}


def run_target(name: str, seconds: float, chunk: int) -> tuple[int, list[str]]:
    fn, strategies = TARGETS[name]
    tried = 0
    failures: list[str] = []
    deadline = time.monotonic() + seconds
    seed = 0

    def counted(args):
        nonlocal tried
        tried += 1
        fn(*args)

    while time.monotonic() < deadline:
        seed += 1
        test = settings(
            max_examples=chunk,
            deadline=None,
            database=None,
            derandomize=False,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            print_blob=True,
        )(given(st.tuples(*strategies))(counted))
        try:
            test()
        except InvalidArgument:
            raise  # the harness is wrong, not declass
        except Exception as exc:  # hypothesis re-raises the shrunk failure
            msg = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            notes = "\n".join(getattr(exc, "__notes__", []))
            failures.append(f"{name}: {msg}\n{notes}")
            print(f"FAILURE in {name}:\n{msg}\n{notes}", flush=True)
    return tried, failures


def main() -> int:
    global SLOW
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0, help="total budget, split over the targets")
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="only these targets")
    ap.add_argument("--chunk", type=int, default=200, help="examples per hypothesis run")
    ap.add_argument("--slow", type=float, default=SLOW, help="CPU seconds above which an input fails")
    args = ap.parse_args()
    SLOW = args.slow
    names = args.target or list(TARGETS)
    per = args.minutes * 60 / len(names)
    total = 0
    all_failures: list[str] = []
    t0 = time.monotonic()
    for name in names:
        tried, failures = run_target(name, per, args.chunk)
        total += tried
        all_failures += failures
        print(f"{name:20s} {tried:7d} inputs  {len(failures)} failures", flush=True)
    print(f"\n{total} inputs in {(time.monotonic() - t0) / 60:.1f} min, {len(all_failures)} failures")
    return 1 if all_failures else 0


if __name__ == "__main__":
    sys.exit(main())
