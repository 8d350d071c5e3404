"""The `declass` command: a thin layer over the library API (`declass.api`, `declass.batch`)."""

from __future__ import annotations

import sys

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="declass")
def main() -> None:
    """Read header metadata (case numbers, review dates, classification, parties, subject, dates)
    from declassified government records, with the evidence for every value."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["json", "jsonl", "csv", "table"]),
    help="Output format. Default: from --output's suffix, else table on a terminal, jsonl when piped.",
)  # fmt: skip
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write records to FILE instead of stdout."
)
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None, help="Drop values below this confidence."
)
def extract(
    paths: tuple[str, ...], fmt: str | None, output: str | None, min_confidence: float | None
) -> None:
    """Extract records from files, directories (recursive) and - (standard input).

    Reads .txt, .md and .pdf (text layer); other files are skipped and counted. Exit code 0 when
    every input was read, 1 when some failed (each named on stderr), 2 for usage errors.
    """
    from .batch import STDIN, collect_inputs, extract_paths
    from .output import OutputTarget, format_for_path
    from .resolve import MIN_CONFIDENCE

    if fmt is None:
        fmt = format_for_path(output) or ("table" if output is None and sys.stdout.isatty() else "jsonl")
    stdin_data = sys.stdin.buffer.read() if STDIN in paths else None
    inputs = collect_inputs(paths)
    target = OutputTarget(output, fmt)
    n_records = n_failed = 0
    ok = False
    try:
        for result in extract_paths(
            paths,
            min_confidence=MIN_CONFIDENCE if min_confidence is None else min_confidence,
            stdin_data=stdin_data,
        ):
            if result.error:
                n_failed += 1
                click.echo(f"declass: {result.path}: {result.error}", err=True)
                continue
            for record in result.records:
                target.write(record.to_dict())
                n_records += 1
        ok = True
    finally:
        target.close(keep=ok or fmt == "jsonl")
    n_read = len(inputs.files) - n_failed + len(inputs.missing) - len(inputs.missing)
    summary = f"declass: {n_records} records from {n_read} files"
    if inputs.skipped:
        summary += f", {len(inputs.skipped)} files skipped (not .txt/.md/.pdf)"
    if n_failed:
        summary += f", {n_failed} failed"
    if fmt != "table" or output:
        click.echo(summary, err=True)
    sys.exit(1 if n_failed else 0)


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
    from .api import extract_file
    from .ingest import IngestError
    from .output.show import render_show

    try:
        records = extract_file(path)
    except IngestError as exc:
        click.echo(f"declass: {path}: {exc}", err=True)
        sys.exit(1)
    from .ingest import read_documents

    for doc, record in zip(read_documents(path), records, strict=True):
        render_show(doc, record, max_lines=lines)


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


if __name__ == "__main__":
    main()
