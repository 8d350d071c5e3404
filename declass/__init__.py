"""declass: header metadata from declassified government records, with evidence for every value."""

from importlib import import_module

__version__ = "0.1.0"
__all__ = ["extract_text", "extract_file", "Document", "Record", "Field", "IngestError", "SCHEMA_VERSION"]

# the public names are imported on first use: `declass --help` (which imports `declass.cli`, and so
# this package) need not load the extractors, the pipeline and their patterns first
_HOME = {
    "extract_text": ".api",
    "extract_file": ".api",
    "Document": ".document",
    "IngestError": ".ingest",
    "SCHEMA_VERSION": ".record",
    "Record": ".record",
    "Field": ".record",
}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
