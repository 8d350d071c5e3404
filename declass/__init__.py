"""declass: header metadata from declassified government records, with evidence for every value."""

from .api import extract_file, extract_text
from .document import Document
from .ingest import IngestError
from .record import SCHEMA_VERSION, Field, Record

__version__ = "0.1.0"
__all__ = ["extract_text", "extract_file", "Document", "Record", "Field", "IngestError", "SCHEMA_VERSION"]
