"""Extra cost per document of the header tagger (`--ner`), in process, one core.

Reads the corpus's .txt documents once, then times `extract_document` over all of them with the rules
only and with the tagger switched on (it runs only on documents where the rules left a switched-on
field empty), after loading spaCy and the model once (load time printed apart). Timings on a shared
machine are noisy: read them as orders of magnitude.

    python benchmarks/ner_cost.py [--corpus ../shared/corpus] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DECLASS_SHARED", ROOT.parent / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from declass.extract import ner
    from declass.ingest import read_documents
    from declass.ner import header_zone
    from declass.pipeline import RULES, extract_document

    docs = [d for p in sorted(args.corpus.rglob("*.txt")) for d in read_documents(p)]
    t0 = time.perf_counter()
    nlp = ner._nlp()
    load = time.perf_counter() - t0
    if nlp is None:
        print("no model")
        return 1

    def run(names) -> tuple[float, float]:
        """(wall, CPU) seconds of the fastest of `repeat` passes over all documents."""
        best = (float("inf"), float("inf"))
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            for d in docs:
                extract_document(d, names)
            best = min(best, (time.perf_counter() - t, time.process_time() - c))
        return best

    rules = run(RULES)
    with_ner = run(RULES + ("ner",))
    t, c = time.perf_counter(), time.process_time()
    for d in docs:
        ner.tag(nlp, header_zone(d.text))
    tag_all = (time.perf_counter() - t, time.process_time() - c)
    n = len(docs)

    def ms(x: float) -> str:
        return f"{x / n * 1000:.1f}"

    print(f"documents: {n}; spaCy + model load: {load * 1000:.0f} ms wall (once per process)")
    print("                            wall ms/doc   CPU ms/doc")
    print(f"rules only                  {ms(rules[0]):>11}  {ms(rules[1]):>11}")
    print(f"rules + ner filler          {ms(with_ner[0]):>11}  {ms(with_ner[1]):>11}")
    print(f"  extra of the filler       {ms(with_ner[0] - rules[0]):>11}  {ms(with_ner[1] - rules[1]):>11}")
    print(f"tagging every header zone   {ms(tag_all[0]):>11}  {ms(tag_all[1]):>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
