"""Speed and memory of declass end to end, against a naive script of the kind a researcher writes.

Builds a synthetic dump from the corpus and catalogued texts (each document varied: paragraphs of its
body shuffled, lines dropped, numbers changed), runs `declass extract` over it through the CLI, and
prints a table: docs/s, peak RSS, start-up time, time to the first record.

    python benchmarks/speed.py [--docs 20000] [--jobs 1 2] [--naive-docs 300]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DECLASS_SHARED", ROOT.parent / "shared"))
DECLASS = [sys.executable, "-m", "declass"]


def source_texts() -> list[str]:
    paths = sorted((SHARED / "corpus").rglob("*.txt")) + sorted((SHARED / "catalogued").rglob("*.txt"))
    if not paths:
        paths = sorted((ROOT / "fixtures").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    # the one 900 kB document would dominate a sample: cap documents at 40 kB as real dumps' texts are
    return [t[:40000] for t in texts if t.strip()]


def vary(text: str, rng: random.Random) -> str:
    """A plausible other document: same header, body paragraphs shuffled, some numbers changed."""
    head, _, body = text.partition("\n\n\n")
    paragraphs = body.split("\n\n")
    rng.shuffle(paragraphs)
    paragraphs = [p for p in paragraphs if rng.random() > 0.15]
    body = "\n\n".join(paragraphs)
    body = re.sub(r"\b\d{3}\b", lambda m: str(rng.randint(100, 999)), body)
    return head + "\n\n\n" + body


def build_dump(directory: Path, n: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    texts = source_texts()
    total = 0
    for i in range(n):
        text = vary(rng.choice(texts), rng)
        sub = directory / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (kB) of a command and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(before, after)


def peak_rss(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS via GNU time when present (per run, not cumulative)."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    if not Path(gnu_time).exists():
        return run(cmd)
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        start = time.perf_counter()
        subprocess.run(
            [gnu_time, "-f", "%M", "-o", report.name, *cmd],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - start
        text = report.read().strip().splitlines()
    return wall, int(text[-1]) if text and text[-1].isdigit() else 0


def time_to_first_record(dump: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([*DECLASS, "extract", str(dump), "--format", "jsonl"], stdout=subprocess.PIPE)
    proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    return elapsed


NAIVE = r"""
import re, sys, json, pathlib, dateparser.search, spacy
nlp = spacy.blank("en")
LABEL = re.compile(r"^\s*(TO|FROM|SUBJECT|DATE)\s*:\s*(.+)$", re.M)
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(errors="replace")
    fields = {k: v.strip() for k, v in LABEL.findall(text)}
    dates = dateparser.search.search_dates(text[:3000], languages=["en"]) or []
    doc = nlp(text[:3000])
    print(json.dumps({"path": str(path), **fields, "dates": [str(d[1]) for d in dates[:3]],
                      "tokens": len(doc)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--small", type=int, default=2000, help="a smaller dump, to show memory stays flat")
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, os.cpu_count() or 1])
    parser.add_argument("--naive-docs", type=int, default=300)
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
    help_times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*DECLASS, "--help"], check=True, stdout=subprocess.DEVNULL)
        help_times.append(time.perf_counter() - start)
    rows.append(("`declass --help` wall (best of 5)", f"{min(help_times):.3f} s"))

    supports_jobs = (
        "--jobs" in subprocess.run([*DECLASS, "extract", "--help"], capture_output=True, text=True).stdout
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.docs):
            dump = Path(tmp) / f"dump{n}"
            dump.mkdir()
            chars = build_dump(dump, n)
            for jobs in args.jobs if supports_jobs else [1]:
                cmd = [
                    *DECLASS,
                    "extract",
                    str(dump),
                    "--format",
                    "jsonl",
                    "--output",
                    str(Path(tmp) / "o.jsonl"),
                ]
                if supports_jobs:
                    cmd += ["--jobs", str(jobs)]
                wall, rss = peak_rss(cmd)
                rows.append(
                    (
                        f"rules, {n:,} text docs ({chars / n / 1000:.1f} kB avg), --jobs {jobs}",
                        f"{n / wall:,.0f} docs/s, peak RSS {rss / 1024:.0f} MB",
                    )
                )
        dump = Path(tmp) / f"dump{args.docs}"
        rows.append(("time to first record", f"{time_to_first_record(dump):.2f} s"))

        naive_dir = Path(tmp) / "naive"
        naive_dir.mkdir()
        build_dump(naive_dir, args.naive_docs, seed=2)
        script = Path(tmp) / "naive.py"
        script.write_text(NAIVE)
        wall, _ = run([sys.executable, str(script), str(naive_dir)])
        naive_rate = args.naive_docs / wall
        wall, _ = run(
            [*DECLASS, "extract", str(naive_dir), "--format", "jsonl", "--output", str(Path(tmp) / "n.jsonl")]
        )
        rows.append(
            (
                f"naive regex + dateparser.search_dates + spaCy script, {args.naive_docs} docs",
                f"{naive_rate:,.1f} docs/s; declass on the same: {args.naive_docs / wall:,.0f} docs/s "
                f"({args.naive_docs / wall / naive_rate:,.0f}x)",
            )
        )

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
