"""Running extraction over many inputs: files, directories, standard input.

Each file is read and extracted in a worker process (`concurrent.futures.ProcessPoolExecutor`),
so a PDF library that crashes takes down one worker, not the run (text files with one job are read
in the calling process: no such library touches them): the pool is rebuilt, the files
that were in flight are retried one at a time, and the one that crashes again gets an error
result. A bad input yields an error result naming the file and the problem; the run goes on.
Results come back as files finish (completion order); the set of records does not depend on `jobs`.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import hashlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import IMAGE_SUFFIXES, PDF_SUFFIXES, IngestError, is_supported
from .pipeline import EXTRACTORS, extract_document
from .record import Record
from .resolve import MIN_CONFIDENCE

STDIN = "-"  # the input argument that means standard input
STDIN_NAME = "<stdin>"  # what results and messages call it


@dataclass
class Result:
    """What one input gave: its records, or the error that stopped it (or `skipped` on resume)."""

    path: str
    records: list[Record] = field(default_factory=list)
    error: str | None = None
    sha256: str | None = None
    skipped: bool = False


@dataclass
class Inputs:
    files: list[str]
    skipped: list[str]  # files of a kind declass does not read, or left out by --include/--exclude
    missing: list[str]  # paths that do not exist


def _matches(path: str, root: str, patterns: Sequence[str]) -> bool:
    rel = os.path.relpath(path, root)
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def collect_inputs(paths: Iterable[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Inputs:
    """Expand directories recursively (sorted, symlinked directories not followed twice).

    In directories, `include` globs (matched against the path relative to the directory, or the
    file name) keep only the files that match one; `exclude` globs drop files. Files named on the
    command line are always read.
    """
    files: list[str] = []
    skipped: list[str] = []
    missing: list[str] = []
    for raw in paths:
        if raw == STDIN:
            files.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, names in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    full = os.path.join(root, name)
                    wanted = (not include or _matches(full, raw, include)) and not _matches(
                        full, raw, exclude
                    )
                    (files if wanted and is_supported(Path(full)) else skipped).append(full)
        elif path.exists() or path.is_symlink():
            files.append(raw)
        else:
            missing.append(raw)
    return Inputs(files, skipped, missing)


def file_sha256(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def extract_one(
    path: str,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    ocr: str = "auto",
    crash_on: str | None = None,
    hang_on: str | None = None,
) -> Result:
    """Records of one file, or the error that stopped it (never raises).

    `crash_on`, `hang_on` (tests only): a file name for which the worker dies as a faulting library
    would, or never returns as a library caught in a loop would."""
    if crash_on and os.path.basename(path) == crash_on:
        os.kill(os.getpid(), 9)
    if hang_on and os.path.basename(path) == hang_on:
        time.sleep(10**6)
    from .ingest import read_documents

    try:
        docs = read_documents(path, ocr=ocr)
        return Result(
            path, [extract_document(d, extractors, min_confidence) for d in docs], sha256=docs[0].sha256
        )
    except IngestError as exc:
        return Result(path, error=str(exc))
    except Exception as exc:  # a bug or a library failure on this file: report it, go on
        return Result(path, error=f"internal error: {type(exc).__name__}: {exc}")


def extract_chunk(paths: Sequence[str], *args) -> list[Result]:
    """`extract_one(path, *args)` for several files: one task, one round trip to the worker."""
    out = [extract_one(path, *args) for path in paths]
    global _warm
    if not _warm:
        # the vocabularies and patterns the extractors load on first use live as long as the worker
        # too: out of the garbage collector's passes, like the modules `_init_worker` froze
        gc.freeze()
        _warm = True
    return out


_warm = False  # (in a worker: whether its first chunk has run)


def _init_worker() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    # Ctrl-C reaches the whole process group: the parent decides what stops (and stops the workers)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the modules, patterns and vocabularies loaded so far live as long as the worker: keep them out
    # of the garbage collector's full passes, which would otherwise walk them again and again
    gc.freeze()


# imported once by the fork server, so that every worker starts with the extractors loaded
PRELOAD = ["declass.batch", "declass.ingest", "declass.ingest.split", "declass.pipeline"] + [
    f"declass.extract.{name}" for name in EXTRACTORS
]


def _stop(pool: ProcessPoolExecutor, interrupted: bool) -> None:
    """Shut the pool down; on an interrupt, end its workers now rather than after their files.
    Always waits for the pool's manager thread: left running, it can meet the interpreter's exit
    half-way ("Exception ignored in threading._shutdown ... Bad file descriptor")."""
    if interrupted:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError, ValueError, AttributeError):  # already gone
                proc.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _executor(jobs: int) -> ProcessPoolExecutor:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker)


# files per task: enough that a task's round trip (pickling, a pipe, a wake-up) is small beside its
# work, few enough that results still stream and the workers share the tail of the run evenly
MAX_CHUNK = 16


def chunk_size(n_files: int, jobs: int) -> int:
    return max(1, min(MAX_CHUNK, n_files // (jobs * 8)))


CRASH = "the worker process reading this file crashed (a fault in a PDF or OCR library?)"


def _timed_out(timeout: float) -> str:
    return f"stopped after {timeout:g} s (--timeout): the file took too long to read"


def run_files(files: Sequence[str], jobs: int, args: tuple, timeout: float | None = None) -> Iterator[Result]:
    """`extract_one(path, *args)` for every file in worker processes, results as they finish.

    Files go to the workers in chunks (`chunk_size`); when a worker dies, every file of the chunks in
    flight is a suspect and is retried alone. With `timeout`, files go one a task, and a file still
    being read after that many seconds (counted from when the pool took it: a rough limit) gets an
    error result and the workers are restarted; the files that were in flight with it are read
    again, one at a time."""
    size = 1 if timeout else chunk_size(len(files), jobs)
    pending = deque(list(files[i : i + size]) for i in range(0, len(files), size))
    suspects: list[str] = []
    pool = _executor(jobs)
    inflight: dict[Future, list[str]] = {}
    started: dict[Future, float] = {}
    interrupted = False
    try:
        while pending or inflight:
            while pending and len(inflight) < 2 * jobs:
                chunk = pending.popleft()
                try:
                    inflight[pool.submit(extract_chunk, chunk, *args)] = chunk
                except BrokenProcessPool:
                    pending.appendleft(chunk)
                    break
            done, _ = wait(list(inflight), timeout=1.0 if timeout else None, return_when=FIRST_COMPLETED)
            broken = False
            if timeout and not done:
                now = time.monotonic()
                for fut in inflight:
                    if fut not in started and fut.running():
                        started[fut] = now
                late = [f for f, t in started.items() if f in inflight and now - t > timeout]
                if late:
                    for fut in late:
                        yield Result(inflight.pop(fut)[0], error=_timed_out(timeout))
                    _stop(pool, True)
                    # the files in flight with it went down with the pool: read them again, alone
                    yield from _salvage(inflight, suspects)
                    started.clear()
                    yield from _run_isolated(suspects, args, timeout)
                    suspects = []
                    pool = _executor(jobs)
                    continue
            for fut in done:
                chunk = inflight.pop(fut)
                try:
                    yield from fut.result()
                except BrokenProcessPool:
                    suspects.extend(chunk)
                    broken = True
            if broken:
                # every file in flight may be the culprit: retry each alone
                yield from _salvage(inflight, suspects)
                started.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _run_isolated(suspects, args, timeout)
                suspects = []
                pool = _executor(jobs)
    except BaseException:  # KeyboardInterrupt, SystemExit, or the consumer closed us (GeneratorExit)
        interrupted = True
        raise
    finally:
        _stop(pool, interrupted)


def _salvage(inflight: dict[Future, list[str]], suspects: list[str]) -> Iterator[Result]:
    """The results of the chunks in flight that finished; the files of the others join `suspects`
    (to be read again, one at a time). Empties `inflight`."""
    for fut, chunk in inflight.items():
        if fut.done() and not fut.cancelled() and fut.exception() is None:
            yield from fut.result()
        else:
            suspects.extend(chunk)
    inflight.clear()


def _run_isolated(files: Sequence[str], args: tuple, timeout: float | None = None) -> Iterator[Result]:
    pool = _executor(1)
    interrupted = False
    try:
        for path in files:
            try:
                yield pool.submit(extract_one, path, *args).result(timeout=timeout)
            except BrokenProcessPool:
                yield Result(path, error=CRASH)
                pool.shutdown(wait=False)
                pool = _executor(1)
            except FutureTimeout:
                yield Result(path, error=_timed_out(timeout or 0))
                _stop(pool, True)
                pool = _executor(1)
    except BaseException:
        interrupted = True
        raise
    finally:
        _stop(pool, interrupted)


def extract_inputs(
    inputs: Inputs,
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    stdin_data: bytes | None = None,
    ocr: str = "auto",
    jobs: int | None = None,
    done: Callable[[str, str], bool] | None = None,
    timeout: float | None = None,
) -> Iterator[Result]:
    """Records of every collected input, one Result per file, as each file is finished.

    `done(path, sha256)` tells which files an earlier run already recorded: they give a Result
    with `skipped=True` and are not read again. `jobs`: worker processes (default: CPU count).
    `timeout`: seconds after which a file still being read is given up (see `run_files`).
    """
    from .ingest import read_stdin

    for path in inputs.missing:
        yield Result(path, error="no such file or directory")
    files = []
    for path in inputs.files:
        if path == STDIN:
            try:
                doc = read_stdin(stdin_data or b"")
            except IngestError as exc:
                yield Result(STDIN_NAME, error=str(exc))
                continue
            yield Result(STDIN_NAME, [extract_document(doc, extractors, min_confidence)], sha256=doc.sha256)
            continue
        if done is not None:
            sha = file_sha256(path)
            if sha is not None and done(path, sha):
                yield Result(path, sha256=sha, skipped=True)
                continue
        files.append(path)
    if not files:
        return
    jobs = jobs or os.cpu_count() or 1
    args = (tuple(extractors), min_confidence, ocr)
    text_only = not any(Path(f).suffix.lower() in PDF_SUFFIXES | IMAGE_SUFFIXES for f in files)
    if jobs == 1 and text_only and not timeout:
        # text only, one job: no PDF or OCR library runs, so no crash to isolate; a worker process
        # would only add its start-up (a fresh interpreter) and a round trip per file (and with
        # --timeout, only a worker can be stopped)
        for path in files:
            yield extract_one(path, *args)
        return
    yield from run_files(files, jobs, args, timeout=timeout)


def extract_paths(
    paths: Sequence[str],
    *,
    extractors: Sequence[str] = EXTRACTORS,
    min_confidence: float = MIN_CONFIDENCE,
    stdin_data: bytes | None = None,
    ocr: str = "auto",
    jobs: int | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[Result]:
    """Records of every input (files, directories, "-"), one Result per file, as each finishes."""
    yield from extract_inputs(
        collect_inputs(paths, include, exclude),
        extractors=extractors,
        min_confidence=min_confidence,
        stdin_data=stdin_data,
        ocr=ocr,
        jobs=jobs,
    )
