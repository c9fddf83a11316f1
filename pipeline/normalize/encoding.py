"""Decoding of text files: Unicode first, then legacy Vietnamese byte encodings.

Order: a BOM decides (UTF-8, UTF-16); then strict UTF-8; then UTF-16 without a
BOM when every other byte is NUL. Other bytes are decoded as cp1258 (Windows
Vietnamese) and as cp1252 read through the TCVN3 and VNI tables; the reading
with the most valid Vietnamese syllables wins. UTF-8 text can still be TCVN3
or VNI typed in a legacy font and saved as Unicode: that is converted too.
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.normalize.legacy import convert, detect, detect_and_convert
from pipeline.normalize.syllables import is_syllable

# a word holding a non-ASCII letter
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f\W]\w*")
_SAMPLE = 200_000  # characters scored when comparing readings of the same bytes


# Latin-1 maps 0x80-0x9f to C1 controls; cp1252 puts quotes, dashes ... there
_CP1252_FIX = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _valid_words(text: str) -> int:
    """Valid syllables among the words with non-ASCII letters (sampled)."""
    return sum(1 for m in _NON_ASCII_WORD.finditer(text[:_SAMPLE]) if is_syllable(m.group()))


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 text without a BOM."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; returns the text and the legacy encoding that was converted (None for Unicode).

    The encoding is one of 'tcvn3', 'vni', 'cp1258', 'cp1252' or None.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return detect_and_convert(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return detect_and_convert(data.decode("utf-16", errors="replace"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return detect_and_convert(text)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return detect_and_convert(data.decode(utf16, errors="replace"))
    return _best_legacy_reading(data)


def _best_legacy_reading(data: bytes) -> tuple[str, str | None]:
    """The reading of non-Unicode bytes with the most valid Vietnamese syllables."""
    western = data.decode("latin-1").translate(_CP1252_FIX)
    readings: list[tuple[str, str]] = [
        ("cp1258", unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))),
    ]
    legacy = detect(western[:_SAMPLE])
    if legacy is not None:
        readings.append((legacy, convert(western, legacy)[0]))
    best_name, best_text = "cp1252", western   # no Vietnamese at all: a Western text
    best_score = 0
    for name, text in readings:
        value = _valid_words(text)
        if value > best_score:
            best_name, best_text, best_score = name, text, value
    return best_text, best_name
