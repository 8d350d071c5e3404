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


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Text of `data` and any warnings: BOM, then UTF-8, then UTF-16 without BOM, then cp1252."""
    from . import IngestError

    if not data.strip():
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte of ASCII text is NUL
    if len(data) >= 4 and data[1::2].count(0) > 0.4 * (len(data) // 2):
        return data.decode("utf-16-le", errors="replace"), ["decoded as UTF-16-LE without a byte-order mark"]
    if len(data) >= 4 and data[0::2].count(0) > 0.4 * (len(data) // 2):
        return data.decode("utf-16-be", errors="replace"), ["decoded as UTF-16-BE without a byte-order mark"]
    if data.count(0) > len(data) // 100:
        raise IngestError("binary data, not text")
    text = data.decode("cp1252", errors="replace")
    return text, ["not valid UTF-8: decoded as cp1252"]
