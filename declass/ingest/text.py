"""Decoding text files whose encoding nobody wrote down."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _looks_binary(data: bytes) -> bool:
    """Text has few control characters; OCR output has none but tabs, newlines and form feeds."""
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 0.05 * len(sample)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Text of `data` and any warnings: BOM, UTF-16 without BOM, UTF-8, then cp1252 (never fails)."""
    from . import IngestError

    if not data.strip():
        raise IngestError("empty file")
    # NUL padding after the text (a preallocated or half-copied file) is dropped, in whole two-byte
    # units so that UTF-16 text keeps its last character
    end = len(data.rstrip(b"\0"))
    wide = data  # (the UTF-16 reading)
    if len(data) - end > 1:
        wide, data = data[: end + end % 2], data[:end]
        if not data.strip(b"\0 \t\r\n\f"):
            raise IngestError("empty file (only NUL bytes)")
    for bom, encoding in _BOMS:
        if wide.startswith(bom):
            return wide.decode(encoding, errors="replace"), []
    # UTF-16 without a BOM: every other byte of ASCII text is NUL
    if len(wide) >= 4 and wide[1::2].count(0) > 0.4 * (len(wide) // 2):
        return wide.decode("utf-16-le", errors="replace"), ["decoded as UTF-16-LE without a byte-order mark"]
    if len(wide) >= 4 and wide[0::2].count(0) > 0.4 * (len(wide) // 2):
        return wide.decode("utf-16-be", errors="replace"), ["decoded as UTF-16-BE without a byte-order mark"]
    if _looks_binary(data):
        raise IngestError("binary data, not text")
    try:
        return data.decode("utf-8").rstrip("\0"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace").rstrip("\0")
    return text, ["not valid UTF-8: decoded as cp1252"]
