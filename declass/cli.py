"""The `declass` command: a thin layer over the library API (`declass.api`, `declass.batch`)."""

from __future__ import annotations

import contextlib
import gc
import signal
import sys
import time

import click

from . import __version__
from .output import FORMATS
from .review import (
    DEFAULT_THRESHOLD,
    DEFAULT_TOP,
    QUEUE_FORMATS,
    gather_records,
    queue_format,
    review_rows,
    write_queue,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declass")
def main() -> None:
    """Read header metadata (case numbers, review dates, classification, parties, subject, dates)
    from declassified government records, with the evidence for every value."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "-f", "fmt",
    type=click.Choice(FORMATS),
    help="Output format. Default: from --output's suffix (.jsonl .json .csv .db), else table on a "
    "terminal, jsonl when piped. Catalogue formats: dc (Dublin Core XML), dc-csv, mods (MODS XML), "
    "aspace-csv (ArchivesSpace bulk import).",
)  # fmt: skip
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write records to FILE instead of stdout."
)
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None,
    help="Leave out every candidate value below this confidence (default 0.5) before each field's value "
    "is chosen: such values are dropped from the record, not marked. To list doubtful values for a "
    "person to check, use `declass review`.",
)  # fmt: skip
@click.option(
    "--include", multiple=True, metavar="GLOB", help="In directories, read only files matching GLOB."
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="In directories, skip files matching GLOB.")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes. Default: CPU count."
)
@click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="OCR (Tesseract) for images and PDF pages without a usable text layer (auto), every PDF "
    "page (always), or none.",
)  # fmt: skip
@click.option(
    "--timeout", type=click.FloatRange(min=1), default=None, metavar="SECONDS",
    help="Give up a file still being read after about SECONDS (it is reported as failed). "
    "Default: no limit.",
)  # fmt: skip
@click.option(
    "--resume", is_flag=True,
    help="Keep the records already in --output (jsonl or sqlite) and skip the inputs they hold.",
)  # fmt: skip
@click.option(
    "--ner/--no-ner", default=None,
    help="Switch the trained header tagger on or off (it only fills fields the rules left empty). "
    "Default: as its cross-validation decided (see the model card; currently off).",
)  # fmt: skip
def extract(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    min_confidence: float | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    ocr: str,
    timeout: float | None,
    resume: bool,
    ner: bool | None,
) -> None:
    """Extract records from files, directories (recursive) and - (standard input).

    Reads .txt/.md (any common encoding), .pdf (text layer, OCR where it has none) and page images
    (.tif .tiff .png .jpg, by OCR); a file holding several documents gives one record each. Other
    files are skipped and counted. Exit code 0 when every input was read, 1 when some failed (each
    named on stderr and in the summary), 2 for usage errors.
    """
    from .batch import STDIN, STDIN_NAME, collect_inputs, extract_inputs
    from .ingest import MAX_TEXT_BYTES
    from .output import OutputTarget, format_for_path
    from .pipeline import EXTRACTORS, with_ner
    from .resolve import MIN_CONFIDENCE

    if fmt is None:
        fmt = format_for_path(output) or ("table" if output is None and sys.stdout.isatty() else "jsonl")
    stop = _Interrupts()
    try:
        # standard input is read up to the text size cap (and one byte more, to know it was cut)
        stdin_data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1) if STDIN in paths else None
        inputs = collect_inputs(paths, include, exclude)
        target = OutputTarget(output, fmt, resume=resume)
    except ValueError as exc:
        stop.restore()
        raise click.UsageError(str(exc)) from exc
    except KeyboardInterrupt:
        stop.restore()
        click.echo("declass: interrupted before any file was read", err=True)
        sys.exit(128 + (stop.signum or signal.SIGINT))
    progress = _Progress(len(inputs.files) + len(inputs.missing)) if sys.stderr.isatty() else None
    n_records = n_read = n_resumed = 0
    errors: list[tuple[str, str]] = []
    ok = False
    try:
        for result in extract_inputs(
            inputs,
            extractors=with_ner(EXTRACTORS, ner),
            min_confidence=MIN_CONFIDENCE if min_confidence is None else min_confidence,
            stdin_data=stdin_data,
            ocr=ocr,
            jobs=jobs,
            done=target.is_done if resume else None,
            timeout=timeout,
        ):
            if result.error:
                errors.append((result.path, result.error))
                target.write_error(result.path, result.error)
                _say(progress, f"declass: {result.path}: {result.error}")
            elif result.skipped:
                n_resumed += 1
            else:
                path = None if result.path == STDIN_NAME else result.path
                rows = [r.to_dict() for r in result.records]
                with stop.deferred():  # a file's records are written whole or not at all
                    target.write_file(path, result.sha256, rows)
                n_records += len(result.records)
                n_read += 1
                if n_read == 1:
                    # by now the extractors have loaded their modules, patterns and vocabularies, which
                    # live as long as the run: out of the garbage collector's passes, which would walk
                    # them again and again (the workers do the same, `batch._init_worker`)
                    gc.freeze()
            if progress:
                progress.advance(len(result.records), bool(result.error))
        ok = True
    except KeyboardInterrupt:
        stop.signum = stop.signum or signal.SIGINT
    finally:
        stop.hold()  # from here on a signal is only noted: the output is closed whole
        if progress:
            progress.stop()
        target.close(keep=ok or fmt == "jsonl")
        stop.restore()
    summary = f"declass: {n_records} records from {n_read} files"
    if n_resumed:
        summary += f", {n_resumed} files already recorded (resumed)"
    if inputs.skipped:
        summary += f", {len(inputs.skipped)} files skipped (not read or excluded)"
    if errors:
        summary += f", {len(errors)} failed:"
        summary += "".join(f"\n  error: {path}: {message}" for path, message in errors)
    if fmt != "table" or output:
        click.echo(summary, err=True)
    if target.wrote_nothing:
        where = f"{output} was not written" if output not in (None, "-") else "nothing was written"
        click.echo(f"declass: no records, and a MODS collection needs at least one: {where}", err=True)
    if stop.signum is not None:
        if ok:
            kept = "the run had finished: its output is complete"
        elif fmt in ("jsonl", "sqlite") and output not in (None, "-"):
            kept = f"the records of the files finished are in {output}; --resume finishes the run"
        elif output not in (None, "-"):
            kept = f"{output} was not written (rerun, or use .jsonl/.db output to resume)"
        else:
            kept = "the records of the files finished were written"
        click.echo(f"declass: interrupted ({signal.Signals(stop.signum).name}): {kept}", err=True)
        sys.exit(128 + stop.signum)
    sys.exit(1 if errors else 0)


class _Interrupts:
    """Ctrl-C (SIGINT) and SIGTERM stop the run between files: the records already written stay,
    and a file's records being written when the signal comes are finished first."""

    def __init__(self):
        self.signum: int | None = None
        self._defer = False
        self._pending = False
        self._old = {}
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError):  # not the main thread: leave the signals alone
                self._old[sig] = signal.signal(sig, self._handle)

    def _handle(self, signum, frame) -> None:
        if self.signum is None:
            self.signum = signum
        if self._defer:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def deferred(self):
        self._defer = True
        try:
            yield
        finally:
            self._defer = False
        if self._pending:
            raise KeyboardInterrupt

    def hold(self) -> None:
        self._defer = True

    def restore(self) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)


def _say(progress, message: str) -> None:
    if progress:
        progress.progress.console.print(message, markup=False, highlight=False)
    else:
        click.echo(message, err=True)


class _Progress:
    """A progress bar on the terminal: files, documents, docs/s, ETA, errors."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.start = time.monotonic()
        self.progress = Progress(
            TextColumn("files"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[docs]} docs, {task.fields[rate]:.1f} docs/s"),
            TimeRemainingColumn(), TextColumn("{task.fields[errors]} errors"),
            console=Console(stderr=True),
        )  # fmt: skip
        self.task = self.progress.add_task("extract", total=total, docs=0, rate=0.0, errors=0)
        self.docs = self.errors = 0
        self.progress.start()

    def advance(self, docs: int, error: bool) -> None:
        self.docs += docs
        self.errors += error
        rate = self.docs / max(time.monotonic() - self.start, 1e-6)
        self.progress.update(self.task, advance=1, docs=self.docs, rate=rate, errors=self.errors)

    def stop(self) -> None:
        self.progress.stop()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--min-confidence", "threshold", type=click.FloatRange(0, 1), default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Mark fields below this confidence for review.",
)  # fmt: skip
@click.option(
    "--format", "-f", "fmt", type=click.Choice(QUEUE_FORMATS),
    help="Output format. Default: from --output's suffix (.csv .jsonl), else table on a terminal, csv "
    "when piped.",
)  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the queue to FILE.")
@click.option(
    "--top", type=click.IntRange(min=0), default=DEFAULT_TOP, show_default=True,
    help="table: show the first N documents (0: all). csv and jsonl list every document.",
)  # fmt: skip
@click.option("--all", "include_all", is_flag=True, help="Also list the documents with nothing to review.")
@click.option(
    "--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
    help="OCR for documents that are extracted (as in `declass extract`).",
)  # fmt: skip
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes for extraction."
)
def review(
    paths: tuple[str, ...],
    threshold: float,
    fmt: str | None,
    output: str | None,
    top: int,
    include_all: bool,
    ocr: str,
    jobs: int | None,
) -> None:
    """List the documents whose fields most need a human look, most-needing first.

    PATHS are records written by `declass extract` (.jsonl .ndjson .json, or a SQLite .db/.sqlite),
    - for JSON Lines records on standard input, or documents and directories, which are extracted
    first. A document's priority adds up its fields below --min-confidence, its conflicting
    readings and its empty date, sender, subject or classification, weighted by how much each field
    matters (README, "Review queue"). Records are not changed. Exit code 1 when some input failed.
    """
    if fmt is None:
        fmt = queue_format(output, sys.stdout.isatty())
    records, errors = gather_records(paths, ocr=ocr, jobs=jobs)
    for error in errors:
        click.echo(f"declass: {error}", err=True)
    rows = review_rows(records, threshold, include_all=include_all)
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        write_queue(rows, stream, fmt, top=top, threshold=threshold, total=len(records))
    finally:
        if output:
            stream.close()
    if fmt != "table" or output:
        n_review = sum(1 for r in rows if r.priority > 0)
        click.echo(f"declass: {n_review} of {len(records)} documents to review (below {threshold})", err=True)
    sys.exit(1 if errors else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    from .schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--lines", default=60, show_default=True, help="How many lines of the header region to show.")
def show(path: str, lines: int) -> None:
    """Show a document's header with every extracted field highlighted in place."""
    from .ingest import IngestError, read_documents
    from .output.show import render_show
    from .pipeline import extract_document

    try:
        docs = read_documents(path)
    except IngestError as exc:
        click.echo(f"declass: {path}: {exc}", err=True)
        sys.exit(1)
    for doc in docs:
        render_show(doc, extract_document(doc), max_lines=lines)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--worst", default=3, show_default=True, help="How many worst documents to list per field.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_dir: str, worst: int, as_json: bool) -> None:
    """Score declass on a folder of documents with .gold.json annotations.

    Prints per-field precision, recall and F1 (strict and soft) and the worst documents per field.
    """
    from .evaluate import evaluate_dir, render_report

    report = evaluate_dir(gold_dir)
    if as_json:
        import json

        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        render_report(report, worst=worst)
    sys.exit(1 if report.failures else 0)


@main.command()
@click.option(
    "--training",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of corpus/catalogued JSONL (default: the packaged training data).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Where to write the model (default: the packaged model folder).",
)
@click.option("--seed", type=int, default=None, help="Random seed (default: the recipe's).")
@click.option(
    "--epochs", type=click.IntRange(min=1), default=None, help="Training epochs (default: the recipe's)."
)
@click.option("--no-weak", is_flag=True, help="Leave out the catalogue-aligned (weakly labelled) documents.")
def train(training: str | None, out: str | None, seed: int | None, epochs: int | None, no_weak: bool) -> None:
    """Retrain the header tagger (spaCy, CPU only, deterministic) and write it with its model card.

    Same as `python -m declass.train`. Cross-validation, which decides
    whether the tagger is on by default, is `python -m declass.ner.cv`.
    """
    from .ner.train import retrain

    options = {"seed": seed, "epochs": epochs, "training": training, "out": out}
    retrain(weak=not no_weak, **{k: v for k, v in options.items() if v is not None})


if __name__ == "__main__":
    main()
