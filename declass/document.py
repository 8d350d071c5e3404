"""The one data object that flows through declass: a document's text with its pages and lines."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

PAGE_BREAK = "\f"


class Line(NamedTuple):
    """One line of the text: `text == document.text[start:end]` (no newline).

    A named tuple, not a dataclass: a document has thousands of lines, and a tuple is built four
    times faster than a frozen dataclass."""

    number: int  # 0-based index in the document
    start: int
    end: int
    text: str
    page: int  # 1-based


@dataclass
class Document:
    """Text of one document as declass read it, with page boundaries.

    `page_offsets[i]` is the character offset where page `i + 1` starts. Pages come from form feeds
    in text input and from the PDF's own pages; offsets always index into `text`.
    """

    text: str
    path: str | None = None
    sha256: str | None = None
    page_offsets: list[int] = field(default_factory=lambda: [0])
    first_page: int = 1  # page number of page_offsets[0] within the source file
    document_index: int | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, path: str | None = None, sha256: str | None = None) -> Document:
        offsets = [0]
        ff = text.find(PAGE_BREAK)
        while ff >= 0:
            offsets.append(ff + 1)
            ff = text.find(PAGE_BREAK, ff + 1)
        return cls(text=text, path=path, sha256=sha256, page_offsets=offsets)

    @property
    def page_count(self) -> int:
        return len(self.page_offsets)

    def page_at(self, offset: int) -> int:
        """1-based page (within the source file) holding character `offset`."""
        return self.first_page + bisect.bisect_right(self.page_offsets, offset) - 1

    def page_span(self, page: int) -> tuple[int, int]:
        """(start, end) offsets of a 1-based page number of this document."""
        i = page - self.first_page
        end = self.page_offsets[i + 1] if i + 1 < len(self.page_offsets) else len(self.text)
        return self.page_offsets[i], end

    @cached_property
    def lines(self) -> list[Line]:
        """The lines of the text, split at newlines and at form feeds (a form feed starts a page)."""
        out: list[Line] = []
        append = out.append
        new = tuple.__new__
        offsets = self.page_offsets
        n_offsets = len(offsets)
        before = self.first_page - 1
        seen = 0  # how many page offsets are <= the line's start: its page is before + seen
        pos = 0
        number = 0
        for piece in self.text.split("\n"):
            for segment in piece.split(PAGE_BREAK) if PAGE_BREAK in piece else (piece,):
                while seen < n_offsets and offsets[seen] <= pos:
                    seen += 1
                end = pos + len(segment)
                append(new(Line, (number, pos, end, segment, before + seen)))
                number += 1
                pos = end + 1
        return out

    @cached_property
    def folded(self) -> str:
        """The text case-folded for literal tests before case-insensitive patterns (`declass.prefilter`)."""
        from .prefilter import fold

        return fold(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [ln.start for ln in self.lines]

    def lines_with(self, words: tuple[str, ...], folded: bool = False) -> list[int]:
        """Numbers of the lines holding one of `words` (no newlines in them), in order; with `folded`,
        searched case-insensitively (`words` in lower case, matched in `self.folded`)."""
        hay = self.folded if folded else self.text
        starts = self._line_starts
        found: set[int] = set()
        for word in words:
            i = hay.find(word)
            while i >= 0:
                found.add(bisect.bisect_right(starts, i) - 1)
                i = hay.find(word, i + 1)
        return sorted(found)

    def line_at(self, offset: int) -> Line:
        """The line holding character `offset`."""
        return self.lines[max(0, bisect.bisect_right(self._line_starts, offset) - 1)]
