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
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    # UTF-16 without a BOM: every other byte of ASCII text is NUL
    if len(data) >= 4 and data[1::2].count(0) > 0.4 * (len(data) // 2):
        return data.decode("utf-16-le", errors="replace"), ["decoded as UTF-16-LE without a byte-order mark"]
    if len(data) >= 4 and data[0::2].count(0) > 0.4 * (len(data) // 2):
        return data.decode("utf-16-be", errors="replace"), ["decoded as UTF-16-BE without a byte-order mark"]
    if _looks_binary(data):
        raise IngestError("binary data, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return text, ["not valid UTF-8: decoded as cp1252"]
