"""The writer every output format shares: records go in one at a time (`write`) or one input
file's at a time (`write_all`), and the writer is closed once (`close`)."""

from __future__ import annotations

from typing import IO, Any


class Writer:
    """Base writer: subclasses render records to `self.stream`."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, rec: dict[str, Any]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def write_all(self, recs: list[dict[str, Any]]) -> None:
        """Several records (one input file's), in order."""
        for rec in recs:
            self.write(rec)

    def close(self) -> None:
        self.stream.flush()
