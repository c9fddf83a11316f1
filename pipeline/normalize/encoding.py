"""Decoding of text files: Unicode first, then legacy Vietnamese byte encodings."""
from __future__ import annotations


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; returns the text and the legacy encoding that was converted (None for Unicode)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "cp1258"
