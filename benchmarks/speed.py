"""Speed and memory of declass end to end on a synthetic dump, against a naive researcher's script.

Builds a dump of `--docs` text documents from the corpus and catalogued texts (each one a different
document: pages of several documents mixed, body paragraphs shuffled and cut to vary lengths, dates,
numbers and whitespace perturbed) and `--pdf-pages` pages of PDFs bound from pages of the corpus
PDFs, runs `declass extract` over them through the CLI and prints a table: docs/s (`--jobs 1` and all
cores), PDF pages/s (text layer, `--ocr never`), peak RSS of the main process and of the workers
(polled with psutil), the main process's RSS after `--small` and after `--docs` documents (flatness),
rules only vs with the NER extractor, start-up time of `declass --help`, time to the first record,
and a naive script (regex for labelled lines + dateparser.search_dates + a spaCy pipeline) on a
subset of the same documents, extrapolated to the whole dump.

    pip install -e '.[bench]'                # psutil, for per-process memory
    python benchmarks/speed.py               # 20,000 files, ~10 min on 2 cores at today's speed
    python benchmarks/speed.py --quick       # 2,000 files, ~2 min
    python benchmarks/speed.py --docs 50000 --small 5000 --pdf-pages 2000 --keep /tmp/dump

Timings on a shared or loaded machine are noisy: run it on a quiet one for figures to publish.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DECLASS_SHARED", ROOT.parent / "shared"))
PER_DIR = 100  # documents per sub-directory of the dump: the first `--small` are its first directories
_script = Path(sys.executable).with_name("declass")
DECLASS = [str(_script)] if _script.exists() else [sys.executable, "-m", "declass"]

try:
    import psutil
except ImportError:  # pragma: no cover - the bench extra installs it
    psutil = None


# --------------------------------------------------------------------------- the synthetic dump


def source_texts() -> list[str]:
    paths = sorted((SHARED / "corpus").rglob("*.txt")) + sorted((SHARED / "catalogued").rglob("*.txt"))
    if not paths:
        paths = sorted((ROOT / "fixtures" / "sample").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    # the one 900 kB document would dominate a sample: cap documents at 40 kB as real dumps' texts are
    return [t[:40000] for t in texts if t.strip()]


_YEAR = re.compile(r"\b(19[4-9]\d|20[0-2]\d)\b")
_NUMBER = re.compile(r"\b\d{3,5}\b")


def _perturb(text: str, rng: random.Random) -> str:
    """Change years a little, other numbers at random, and the whitespace, as different scans would."""
    shift = rng.choice((-2, -1, 0, 0, 1, 2))
    if shift:
        text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    text = _NUMBER.sub(
        lambda m: (
            str(rng.randint(10 ** (len(m.group()) - 1), 10 ** len(m.group()) - 1))
            if rng.random() < 0.3
            else m.group()
        ),
        text,
    )
    if rng.random() < 0.3:
        text = re.sub(r"(?m) +$", lambda m: " " * rng.randint(0, 3), text)
    if rng.random() < 0.2:
        text = re.sub(r"(?m)^(?=\S)", lambda m: " " * rng.choice((0, 0, 1, 4)), text)
    if rng.random() < 0.2:
        text = text.replace(". ", ".  ")
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return text


def make_document(texts: list[str], rng: random.Random) -> str:
    """A plausible other document: one text's first page (its header), then pages or paragraphs of
    its own body and of other texts, shuffled, cut or repeated to vary the length."""
    base = rng.choice(texts)
    pages = base.split("\f")
    head, rest = pages[0], pages[1:]
    if not rest:  # one page: its header is the part before the first wide gap, the rest is body
        head, _, body = base.partition("\n\n\n")
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)
        rest = ["\n\n".join(paragraphs[: rng.randint(0, len(paragraphs))])] if paragraphs else []
        rest = ["\n\n\n" + rest[0]] if rest else []
        sep = ""
    else:
        rng.shuffle(rest)
        rest = rest[: rng.randint(0, len(rest))]
        sep = "\f"
    roll = rng.random()
    if roll < 0.3:  # pages of other documents bound behind this one (a release of several items)
        for _ in range(rng.randint(1, 3)):
            other = rng.choice(texts).split("\f")
            rest.append(rng.choice(other)[: rng.randint(500, 8000)])
        sep = "\f"
    elif roll < 0.4:  # a short one: the header alone
        rest = []
    text = head + "".join(sep + p if sep else p for p in rest)
    if not text.strip():  # a header-only cut of a text that starts with its gap: take another
        return make_document(texts, rng)
    return _perturb(text[:40000], rng)


def build_dump(directory: Path, n: int, seed: int = 1) -> tuple[int, int]:
    """`n` text documents in sub-directories of PER_DIR; (characters, pages) written."""
    rng = random.Random(seed)
    texts = source_texts()
    chars = pages = 0
    for i in range(n):
        text = make_document(texts, rng)
        sub = directory / f"{i // PER_DIR:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:06d}.txt").write_text(text, encoding="utf-8", newline="")
        chars += len(text)
        pages += text.count("\f") + 1
    return chars, pages


def first_dirs(directory: Path, n: int) -> list[str]:
    """The sub-directories holding the first `n` documents of a dump."""
    return [str(directory / f"{i:04d}") for i in range((n + PER_DIR - 1) // PER_DIR)]


def build_pdfs(directory: Path, pages_wanted: int, seed: int = 3) -> tuple[int, int]:
    """PDFs bound from 1-3 runs of pages of the corpus PDFs (scans with a text layer); (files, pages)."""
    import pypdfium2 as pdfium

    sources = sorted((SHARED / "corpus").rglob("*.pdf")) or sorted((ROOT / "fixtures").rglob("*.pdf"))
    if not sources or pages_wanted <= 0:
        return 0, 0
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    opened = [pdfium.PdfDocument(str(p)) for p in sources]
    files = pages = 0
    try:
        while pages < pages_wanted:
            out = pdfium.PdfDocument.new()
            for _ in range(rng.randint(1, 3)):
                src = rng.choice(opened)
                start = rng.randrange(len(src))
                end = min(len(src), start + rng.randint(1, 6))
                out.import_pages(src, list(range(start, end)))
            pages += len(out)
            out.save(str(directory / f"release{files:05d}.pdf"))
            out.close()
            files += 1
    finally:
        for doc in opened:
            doc.close()
    return files, pages


# --------------------------------------------------------------------------- running and measuring


class Run:
    """A command run to its end while its memory is polled: wall time, peak RSS of the main process and
    of the largest worker (any descendant), and the main/worker RSS when the output file first held
    `checkpoints` records."""

    def __init__(self, cmd: list[str], output: Path | None = None, checkpoints: tuple[int, ...] = ()):
        self.cmd, self.output, self.checkpoints = cmd, output, checkpoints
        self.wall = 0.0
        self.main_peak = self.worker_peak = 0
        self.at: dict[int, tuple[int, int]] = {}  # records -> (main RSS, largest worker RSS)
        self.last = (0, 0, 0)  # the last sample: (records written, main RSS, largest worker RSS)
        self.lines = 0
        self.returncode = 0
        self.stderr = ""

    def __call__(self) -> Run:
        if self.output is not None:
            self.output.unlink(missing_ok=True)
        with tempfile.TemporaryFile() as err:
            self._watch(err)
        return self

    def _watch(self, err) -> None:
        start = time.perf_counter()
        proc = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=err)
        stop = threading.Event()
        watcher = threading.Thread(target=self._poll, args=(proc.pid, stop))
        watcher.start()
        proc.wait()
        self.wall = time.perf_counter() - start
        stop.set()
        watcher.join()
        self.returncode = proc.returncode
        err.seek(0)
        self.stderr = err.read().decode(errors="replace")
        if psutil is None:  # peak of all processes waited for so far: the best getrusage can say
            self.main_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    def _poll(self, pid: int, stop: threading.Event) -> None:
        """Every 0.2 s: RSS of the main process and its descendants (listed anew every second, as
        listing them scans /proc), and the whole records written so far."""
        pos, listed, children, sample = 0, 0.0, [], (0, 0)
        main = psutil.Process(pid) if psutil is not None else None
        while not stop.is_set():
            if main is not None:
                with contextlib.suppress(psutil.Error):
                    if time.monotonic() - listed > 1:
                        children, listed = main.children(recursive=True), time.monotonic()
                    sample = self._sample(main, children)
            if self.output is not None and self.output.exists():
                with open(self.output, "rb") as f:
                    f.seek(pos)
                    chunk = f.read()
                cut = chunk.rfind(b"\n") + 1  # whole lines only
                self.lines += chunk[:cut].count(b"\n")
                pos += cut
                for mark in self.checkpoints:
                    if mark not in self.at and self.lines >= mark and main is not None:
                        self.at[mark] = sample
            if sample != (0, 0):
                self.last = (self.lines, *sample)
            stop.wait(0.2)

    def _sample(self, main, children) -> tuple[int, int]:
        main_rss = main.memory_info().rss
        workers = 0
        for child in children:
            with contextlib.suppress(psutil.Error):
                workers = max(workers, child.memory_info().rss)
        self.main_peak = max(self.main_peak, main_rss)
        self.worker_peak = max(self.worker_peak, workers)
        return main_rss, workers


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n else "n/a"


def extract_cmd(paths: list[str], output: Path, jobs: int, extra: list[str] = ()) -> list[str]:
    return [
        *DECLASS,
        "extract",
        *paths,
        "--format",
        "jsonl",
        "--output",
        str(output),
        "--jobs",
        str(jobs),
        *extra,
    ]


# The CLI's extract loop through the library, for extractor lists the CLI has no flag for.
LIBRARY_RUN = textwrap.dedent(
    """
    import json, sys
    from declass.batch import collect_inputs, extract_inputs
    from declass.output import OutputTarget
    from declass.pipeline import EXTRACTORS
    out, jobs, ocr, which, *paths = sys.argv[1:]
    extractors = {"ner": EXTRACTORS + ("ner",), "none": ()}[which]
    target = OutputTarget(out, "jsonl")
    for result in extract_inputs(collect_inputs(paths), extractors=extractors, jobs=int(jobs), ocr=ocr):
        if not result.error:
            target.write_file(result.path, result.sha256, [r.to_dict() for r in result.records])
    target.close()
    """
)

# The shipped header tagger with every label switched on (its calibration switches them all off, so
# the `ner` extractor does not even load spaCy): what running the model costs, one process.
NER_FORCED = textwrap.dedent(
    """
    import sys, time, spacy
    from declass.batch import collect_inputs, extract_one
    from declass.extract import ner
    from declass.ner import LABELS, MODEL_DIR
    from declass.pipeline import EXTRACTORS
    ner.set_model(spacy.load(MODEL_DIR), {label: 0.6 for label in LABELS})
    files = collect_inputs(sys.argv[2:]).files[: int(sys.argv[1])]
    start = time.perf_counter()
    docs = sum(len(extract_one(f, EXTRACTORS + ("ner",)).records) for f in files)
    print(docs, time.perf_counter() - start)
    """
)

# declass.dask on a local cluster of `jobs` worker processes (start-up timed apart).
DASK_RUN = textwrap.dedent(
    """
    import sys, tempfile, time
    from distributed import Client, LocalCluster
    from declass.dask import extract_to_jsonl
    jobs, *paths = sys.argv[1:]
    start = time.perf_counter()
    with LocalCluster(n_workers=int(jobs), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(lambda: __import__("declass.pipeline"))
        up = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            summary = extract_to_jsonl(paths, out, client=client)
            print(up, time.perf_counter() - start, summary.records, len(summary.parts))
    """
)

NER_STATE = textwrap.dedent(
    """
    from declass.extract import ner
    print("off" if not ner.model_available() else "all-off" if ner._all_off() else "on")
    """
)

NAIVE = textwrap.dedent(
    r'''
    """What a researcher writes first: labelled lines by regex, dates by dateparser, a spaCy pipeline."""
    import json, pathlib, re, sys
    import spacy
    from dateparser.search import search_dates
    try:
        nlp = spacy.load("en_core_web_sm")
        print("en_core_web_sm", file=sys.stderr)
    except OSError:
        nlp = spacy.load(sys.argv[2])  # declass's own tok2vec + NER pipeline as the stand-in
        print("stand-in", file=sys.stderr)
    LABEL = re.compile(r"^\s*(TO|FROM|SUBJECT|SUBJ|DATE|RE)\s*:\s*(.+)$", re.M | re.I)
    CASE = re.compile(r"\b(NW\s*\d{4,6}|F-\d{4}-\d{5}|\d{3}-\d{5}-\d{5})\b")
    CLASS = re.compile(r"\b(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)\b")
    for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
        text = path.read_text(errors="replace")
        head = text[:3000]
        fields = {k.upper(): v.strip() for k, v in LABEL.findall(head)}
        dates = search_dates(head, languages=["en"]) or []
        doc = nlp(head)
        print(json.dumps({"path": str(path), **fields, "case": CASE.findall(text),
                          "classification": CLASS.findall(head)[:1],
                          "dates": [d[1].date().isoformat() for d in dates[:3]],
                          "entities": [(e.label_, e.text) for e in doc.ents][:20]}))
    '''
)


def ner_mode() -> tuple[str, list[str], list[str]]:
    """How to run with NER: ("cli", rules-only flags, with-NER flags), or ("library", [], [])."""
    text = subprocess.run([*DECLASS, "extract", "--help"], capture_output=True, text=True).stdout
    no_ner = bool(re.search(r"(?<![\w-])--no-ner\b", text))
    if re.search(r"(?<![\w-])--ner\b", text):  # both ways explicit, whatever the default
        return "cli", ["--no-ner"] if no_ner else [], ["--ner"]
    if no_ner:
        return "cli", ["--no-ner"], []
    return "library", [], []


def speed(files: int, run: Run, out: Path) -> str:
    """Files/s and records/s (a file may hold several documents: each is a record)."""
    records = count_records(out)
    return f"{files / run.wall:,.0f} files/s, {records / run.wall:,.0f} records/s ({run.wall:.1f} s)"


def count_records(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f)


# --------------------------------------------------------------------------- the table


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=20000, help="text documents in the dump (default 20000)")
    parser.add_argument("--small", type=int, default=2000, help="the subset for --jobs 1, NER, flatness")
    parser.add_argument("--pdf-pages", type=int, default=1000, help="PDF pages to bind (0: no PDF run)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="'all cores' (default: CPU count)"
    )
    parser.add_argument("--naive-docs", type=int, default=200, help="documents the naive script reads")
    parser.add_argument("--ner-docs", type=int, default=300, help="documents for the forced-on NER model run")
    parser.add_argument(
        "--no-dask", dest="dask", action="store_false", help="skip the Dask local cluster run"
    )
    parser.add_argument("--quick", action="store_true", help="--docs 2000 --small 500 --pdf-pages 200 ...")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the dump in this directory and keep it")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.small, args.pdf_pages, args.naive_docs, args.ner_docs = 2000, 500, 200, 50, 100
    args.small = min(args.small, args.docs)
    if psutil is None:
        print(
            "psutil is not installed (pip install '.[bench]'): per-process memory is not measured",
            file=sys.stderr,
        )

    rows: list[tuple[str, str]] = []
    notes: list[str] = []
    t0 = time.perf_counter()

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"  {name}: {value}", file=sys.stderr, flush=True)

    help_times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*DECLASS, "--help"], check=True, stdout=subprocess.DEVNULL)
        help_times.append(time.perf_counter() - start)
    row(
        "`declass --help` wall, best of 5 (median)",
        f"{min(help_times):.3f} s ({sorted(help_times)[2]:.3f} s)",
    )

    tmp_ctx = tempfile.TemporaryDirectory(prefix="declass-bench-")
    base = args.keep or Path(tmp_ctx.name)
    base.mkdir(parents=True, exist_ok=True)
    out = Path(tmp_ctx.name) / "out.jsonl"
    dump, pdfs = base / f"text{args.docs}", base / f"pdf{args.pdf_pages}"
    try:
        print(
            f"building {args.docs:,} text documents and {args.pdf_pages:,} PDF pages in {base} ...",
            file=sys.stderr,
        )
        meta = base / f"text{args.docs}.json"
        if not meta.exists():
            shutil.rmtree(dump, ignore_errors=True)
            chars, pages = build_dump(dump, args.docs)
            n_pdf, pdf_pages = build_pdfs(pdfs, args.pdf_pages)
            meta.write_text(json.dumps([chars, pages, n_pdf, pdf_pages]))
        chars, pages, n_pdf, pdf_pages = json.loads(meta.read_text())
        kb = chars / args.docs / 1000
        print(f"  built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        small = first_dirs(dump, args.small)
        mode, rules_flags, ner_flags = ner_mode()

        # rules only, the small subset: --jobs 1 and all cores
        rates = {}
        for jobs in sorted({1, args.jobs}):
            run = Run(extract_cmd(small, out, jobs, rules_flags), out)()
            rates[jobs] = args.small / run.wall
            row(
                f"rules, {args.small:,} text files ({kb:.1f} kB, {pages / args.docs:.1f} pages avg), "
                f"--jobs {jobs}",
                f"{speed(args.small, run, out)}; peak RSS main {mb(run.main_peak)}, "
                f"largest worker {mb(run.worker_peak)}",
            )

        # rules only, the whole dump, all cores, with RSS after `small` and after all documents
        run = Run(extract_cmd([str(dump)], out, args.jobs, rules_flags), out, (args.small,))()
        full_rate = args.docs / run.wall
        row(
            f"rules, {args.docs:,} text files, --jobs {args.jobs}",
            f"{speed(args.docs, run, out)}; peak RSS main "
            f"{mb(run.main_peak)}, largest worker {mb(run.worker_peak)}",
        )
        if args.small in run.at and run.last[0] > args.small:
            (m1, w1), (n2, m2, w2) = run.at[args.small], run.last
            row(
                f"RSS after {args.small:,} / after {n2:,} records (same run, last sample)",
                f"main {mb(m1)} / {mb(m2)}; largest worker {mb(w1)} / {mb(w2)}",
            )
        if run.returncode:
            notes.append(f"the {args.docs:,}-document run exited {run.returncode}: {run.stderr[-500:]}")

        # the floor: the same run with no extractor at all (reading, splitting, the worker pool, an
        # empty record and its JSON line), what extraction has to fit in beside
        run = Run(
            [sys.executable, "-c", LIBRARY_RUN, str(out), str(args.jobs), "never", "none", str(dump)], out
        )()
        row(
            f"no extractor at all (library run, the floor), {args.docs:,} text files, --jobs {args.jobs}",
            f"{speed(args.docs, run, out)}",
        )

        # with the NER extractor
        state = subprocess.run(
            [sys.executable, "-c", NER_STATE], capture_output=True, text=True
        ).stdout.strip()
        if mode == "cli":
            cmd = extract_cmd(small, out, args.jobs, ner_flags)
            how = "CLI " + (" ".join(ner_flags) or "(NER on by default; rules only is --no-ner)")
        else:
            cmd = [sys.executable, "-c", LIBRARY_RUN, str(out), str(args.jobs), "auto", "ner", *small]
            how = "library API, extractors=EXTRACTORS + ('ner',): the CLI has no NER flag"
        run = Run(cmd, out)()
        row(
            f"with NER, {args.small:,} text files, --jobs {args.jobs} ({how})",
            f"{speed(args.small, run, out)}; peak RSS main {mb(run.main_peak)}, "
            f"largest worker {mb(run.worker_peak)}",
        )
        if state == "all-off":
            notes.append(
                "the shipped NER calibration switches every label off, so the `ner` extractor does not load "
                "spaCy and 'with NER' costs what rules only cost; the forced-on row measures the model itself"
            )
        elif state == "off":
            notes.append("no NER model is installed: 'with NER' is rules only")
        if state != "off" and args.ner_docs:
            proc = subprocess.run(
                [sys.executable, "-c", NER_FORCED, str(args.ner_docs), *small], capture_output=True, text=True
            )
            try:
                docs, secs = proc.stdout.split()
                row(
                    f"with NER forced on (all labels), {args.ner_docs} text files, 1 process, library",
                    f"{int(docs) / float(secs):,.0f} records/s (after loading the model)",
                )
            except ValueError:
                notes.append(f"forced-on NER run failed: {proc.stderr[-300:]}")

        # PDFs, text layer only
        if n_pdf:
            run = Run(extract_cmd([str(pdfs)], out, args.jobs, [*rules_flags, "--ocr", "never"]), out)()
            row(
                f"PDF text layer, {n_pdf} PDFs, {pdf_pages:,} pages, --ocr never, --jobs {args.jobs}",
                f"{pdf_pages / run.wall:,.0f} pages/s ({run.wall:.1f} s, {count_records(out)} records); "
                f"peak RSS main {mb(run.main_peak)}, largest worker {mb(run.worker_peak)}",
            )

        # the same extraction on a local Dask cluster (declass.dask), the small subset
        if args.dask:
            proc = subprocess.run(
                [sys.executable, "-c", DASK_RUN, str(args.jobs), *small], capture_output=True, text=True
            )
            try:
                up, secs, n, parts = proc.stdout.split()[-4:]
                row(
                    f"declass.dask, local cluster of {args.jobs} worker processes, {args.small:,} text files",
                    f"{args.small / float(secs):,.0f} files/s ({float(secs):.1f} s, {n} records in {parts} "
                    f"partitions; cluster start-up {float(up):.1f} s apart)",
                )
            except ValueError:
                notes.append(f"the Dask run failed (pip install '.[dask]'?): {proc.stderr.strip()[-300:]}")

        # time to the first record of the whole dump (walking it included)
        start = time.perf_counter()
        proc = subprocess.Popen([*DECLASS, "extract", str(dump), "--format", "jsonl", *rules_flags],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
        proc.stdout.readline()
        row(f"time to the first record ({args.docs:,}-doc dump)", f"{time.perf_counter() - start:.2f} s")
        proc.kill()
        proc.wait()

        # the naive script on the first documents of the dump, extrapolated
        if args.naive_docs:
            from declass.ner import MODEL_DIR

            subset = base / f"naive{args.naive_docs}"
            if not subset.exists():
                files = sorted(dump.rglob("*.txt"))[: args.naive_docs]
                subset.mkdir()
                for f in files:
                    (subset / f.name).symlink_to(f)
            script = Path(tmp_ctx.name) / "naive.py"
            script.write_text(NAIVE)
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, str(script), str(subset), str(MODEL_DIR)], capture_output=True, text=True
            )
            naive_rate = args.naive_docs / (time.perf_counter() - start)
            pipeline = proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else "?"
            if proc.returncode:
                notes.append(f"the naive script failed: {proc.stderr.strip()[-300:]}")
            one = Run(extract_cmd([str(subset)], out, 1, rules_flags), out)()
            one_rate = args.naive_docs / one.wall
            row(
                f"naive script (regex + dateparser.search_dates + spaCy), first {args.naive_docs} files, "
                "1 process",
                f"{naive_rate:,.1f} files/s: the {args.docs:,}-file dump would take "
                f"{args.docs / naive_rate / 60:,.0f} min (extrapolated) vs declass "
                f"{run_minutes(args.docs, full_rate)}",
            )
            row(
                "declass vs naive",
                f"{one_rate / naive_rate:,.0f}x on the same {args.naive_docs} files, 1 process each "
                f"(declass {one_rate:,.0f} files/s; both with start-up); "
                f"{full_rate / naive_rate:,.0f}x end to end ({args.docs:,} files, --jobs {args.jobs})",
            )
            if pipeline != "en_core_web_sm":
                notes.append(
                    "en_core_web_sm is not installed (spaCy's models are not on PyPI), so the naive script "
                    "runs declass's own tok2vec + NER spaCy pipeline in its place; a general pipeline "
                    "(tagger, parser, NER) is slower, so the ratio is conservative"
                )
    finally:
        tmp_ctx.cleanup()

    load = os.getloadavg()
    print()
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min); "
        f"benchmark wall {time.perf_counter() - t0:.0f} s"
    )
    print()
    print("| measure | figure |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for note in notes:
        print(f"\nNote: {note}.")


def run_minutes(docs: int, rate: float) -> str:
    return f"{docs / rate / 60:,.1f} min" if docs / rate >= 60 else f"{docs / rate:,.0f} s"


if __name__ == "__main__":
    main()
