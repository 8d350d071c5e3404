"""Where the time of `declass extract` goes: per extractor, per stage, and end to end through the CLI.

In process (one core): reading files (bytes, decoding, Document), building `Document.lines`, each
extractor, the resolver, record serialisation (`to_dict`) and JSON encoding, in ms per document. Then
the CLI end to end (process start, worker pool, IPC, writing) with `--jobs 1` and `--jobs N`, and the
start-up time of `declass --help`. Timings on a shared machine are noisy: in-process figures are CPU
time (best of `--repeat`), CLI figures wall time and the CPU time of the run's processes.

    python benchmarks/stages.py [PATHS ...] [--repeat 3] [--jobs 1 2] [--cprofile EXTRACTOR] [--no-cli]

PATHS default to the corpus text files (/work/shared/corpus, or $DECLASS_SHARED/corpus).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DECLASS_SHARED", ROOT.parent / "shared"))
DECLASS = [sys.executable, "-m", "declass"]


def text_files(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths or [str(SHARED / "corpus")]:
        path = Path(p)
        if path.is_dir():
            out += sorted(str(f) for f in path.rglob("*.txt") if not f.name.startswith("."))
        else:
            out.append(str(path))
    return out


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def in_process(files: list[str], repeat: int, cprofile: str | None) -> None:
    from declass.document import Document
    from declass.ingest import read_documents
    from declass.ingest.text import decode_text
    from declass.pipeline import EXTRACTORS, get_extractor
    from declass.resolve import resolve

    datas = [Path(f).read_bytes() for f in files]
    docs = [d for f in files for d in read_documents(f, ocr="never")]
    n = len(docs)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(files)} files, {n} documents, {chars / n / 1000:.1f} kB of text per document on average")
    rows: list[tuple[str, float]] = []
    rows.append(("read file bytes", best(lambda: [Path(f).read_bytes() for f in files], repeat)))
    rows.append(("decode text", best(lambda: [decode_text(b) for b in datas], repeat)))
    texts = [decode_text(b)[0] for b in datas]
    rows.append(("Document.from_text", best(lambda: [Document.from_text(t) for t in texts], repeat)))
    read_all = best(lambda: [read_documents(f, ocr="never") for f in files], repeat)
    rows.append(("read_documents (all of the above + split)", read_all))

    def fresh() -> list:
        return [Document(d.text, d.path, d.sha256, list(d.page_offsets), d.first_page) for d in docs]

    def lines(ds) -> None:
        for d in ds:
            d.lines  # noqa: B018 - builds the cached property

    ds = fresh()
    t = time.process_time()
    lines(ds)
    rows.append(("Document.lines", time.process_time() - t))
    for name in EXTRACTORS:
        get_extractor(name)
    for d in docs:  # warm lru caches, compiled patterns
        for name in EXTRACTORS:
            list(get_extractor(name)(d))
    per: dict[str, float] = {}
    for name in EXTRACTORS:
        fn = get_extractor(name)
        per[name] = best(lambda fn=fn: [list(fn(d)) for d in docs], repeat)
    cands = [[c for name in EXTRACTORS for c in get_extractor(name)(d)] for d in docs]

    def do_resolve():
        return [resolve(d, list(c)) for d, c in zip(docs, cands, strict=True)]

    rows.append(("resolve", best(do_resolve, repeat)))
    records = do_resolve()
    rows.append(("Record.to_dict", best(lambda: [r.to_dict() for r in records], repeat)))
    dicts = [r.to_dict() for r in records]
    rows.append(("json.dumps", best(lambda: [json.dumps(r, ensure_ascii=False) for r in dicts], repeat)))

    def whole():
        from declass.pipeline import extract_document

        for f in files:
            for d in read_documents(f, ocr="never"):
                json.dumps(extract_document(d).to_dict(), ensure_ascii=False)

    total = best(whole, repeat)
    width = 44
    print(f"\n{'stage':<{width}} ms/doc")
    for name, sec in rows:
        print(f"{name:<{width}} {sec / n * 1000:7.3f}")
    print(f"\n{'extractor (lines already built)':<{width}} ms/doc")
    for name, sec in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"{name:<{width}} {sec / n * 1000:7.3f}")
    print(f"{'all extractors':<{width}} {sum(per.values()) / n * 1000:7.3f}")
    label = "in process, file to JSON line, one core"
    print(f"\n{label:<{width}} {total / n * 1000:7.3f} ms/doc = {n / total:,.0f} docs/s")
    if cprofile:
        fn = get_extractor(cprofile) if cprofile != "all" else whole
        prof = cProfile.Profile()
        prof.enable()
        if cprofile == "all":
            whole()
        else:
            for d in docs:
                list(fn(d))
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def cli(files: list[str], jobs: list[int], repeat: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    helps = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*DECLASS, "--help"], check=True, stdout=subprocess.DEVNULL, env=env)
        helps.append(time.perf_counter() - start)
    print(f"\n`declass --help` wall, best of 5: {min(helps):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        # the files, linked into one directory, as `declass extract DIR` reads them
        src = Path(tmp) / "in"
        src.mkdir()
        for i, f in enumerate(files):
            os.symlink(os.path.abspath(f), src / f"{i:06d}.txt")
        out = Path(tmp) / "out.jsonl"
        for j in jobs:
            cmd = [*DECLASS, "extract", str(src), "--ocr", "never", "-o", str(out), "--jobs", str(j)]
            runs = []
            for _ in range(repeat):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL, env=env)
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                runs.append((wall, cpu))
            wall, cpu = min(runs)
            print(
                f"CLI end to end, {len(files)} files, --jobs {j}: {wall:.2f} s wall = "
                f"{len(files) / wall:,.0f} docs/s (CPU of all processes {cpu:.2f} s)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, os.cpu_count() or 1])
    parser.add_argument("--cprofile", help="cProfile one extractor by name, or 'all' (file to JSON line)")
    parser.add_argument("--no-cli", action="store_true")
    args = parser.parse_args()
    files = text_files(args.paths)
    sys.path.insert(0, str(ROOT))
    in_process(files, args.repeat, args.cprofile)
    if not args.no_cli:
        cli(files, args.jobs, args.repeat)


if __name__ == "__main__":
    main()
