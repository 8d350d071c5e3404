"""`declass show`: the header region with every extracted field highlighted where it was found."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..document import Document
from ..record import Record

# one colour per field family, so a reader sees at a glance which span fed which field
STYLES = {
    "document_date": "bold magenta",
    "sender": "bold green",
    "addressees": "bold cyan",
    "through": "cyan",
    "copies_to": "cyan",
    "subject": "bold yellow",
    "document_type": "white",
    "classification": "bold red",
    "declassification": "bold blue",
    "identifiers": "bold white",
}


def _style(path: str) -> str:
    return STYLES.get(path, STYLES.get(path.split(".")[0], "bold"))


def header_end(doc: Document, record: Record, max_lines: int) -> int:
    """End offset of the region to show: the first `max_lines` non-blank lines, stretched to
    cover every field found on the first page."""
    lines = [ln for ln in doc.lines if ln.text.strip()][:max_lines]
    end = lines[-1].end if lines else len(doc.text)
    first_page_end = doc.page_span(doc.first_page)[1]
    for _, f in record.fields():
        if f.end <= first_page_end:
            end = max(end, f.end)
    return min(end, len(doc.text))


def render_show(doc: Document, record: Record, max_lines: int = 60, console: Console | None = None) -> None:
    console = console or Console()
    end = header_end(doc, record, max_lines)
    text = Text(doc.text[:end].replace("\f", "\n"))
    for path, f in record.fields():
        if path == "classification.markings" or f.start >= end:
            continue
        text.stylize(f"{_style(path)} underline", f.start, min(f.end, end))
    title = doc.path or "<text>"
    console.rule(f"[bold]{title}[/] pages {record.source.page_start}-{record.source.page_end}")
    console.print(text)
    console.rule("fields")
    table = Table(header_style="bold")
    for header in ("field", "value", "as written", "page", "conf.", "method"):
        table.add_column(header, overflow="fold")
    for path, f in record.fields():
        if path == "classification.markings":
            continue
        kind = f.extra.get("kind")
        label = f"{path} ({kind})" if kind else path
        table.add_row(
            Text(label, style=_style(path)),
            str(f.value),
            repr(f.raw),
            str(f.page),
            f"{f.confidence:.2f}",
            f.method,
        )
    table.add_row("declassified", str(record.declassification.declassified), "", "", "", "")
    console.print(table)
    markings = record.classification.markings
    if markings:
        console.print("markings: " + ", ".join(f"{m.value} (p. {m.page})" for m in markings), highlight=False)
    for warning in record.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
