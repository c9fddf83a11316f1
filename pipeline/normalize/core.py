"""Normalisation of one block of text with an offset map back to the input.

Steps, each skipped when a cheap test shows it has nothing to do:

1. legacy TCVN3/VNI text converted to Unicode (``legacy``);
2. extractor artefacts mapped (``CHAR_MAP``) and NFC;
3. old tone placement made modern (``tones``), same length;
4. OCR spaces inside header words and split date numbers removed (``ocrfix``).

``offsets[i]`` is the index in ``raw`` of output character i; it never decreases.
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.normalize.legacy import detect_and_convert_with_offsets, has_legacy_signs
from pipeline.normalize.ocrfix import repair_spacing
from pipeline.normalize.tones import fix_tone_placement

# artefacts of extractors, mapped one character to one character or deleted (FIELD-NOTES)
CHAR_MAP = {
    "\uf0b7": "•",   # Word Symbol-font bullet
    "\uf0a7": "•",   # Word Wingdings bullet
    "\uf0d8": "•",   # Word arrow bullet
    "\u00d0": "Đ",   # Ð (eth) read by OCR for Đ
    "\u0110": "Đ",
    "\u00a0": " ",   # no-break space
    "\u2007": " ",   # figure space
    "\u202f": " ",   # narrow no-break space
    "\u200b": "",    # zero-width space
    "\ufeff": "",    # byte-order mark / zero-width no-break space
    "\x02": "-",     # pypdfium2 line-end hyphen
    "\u00ad": "",    # soft hyphen
    "\r": "",
    "\t": " ",
    "\u2010": "-",   # hyphen
    "\u2011": "-",   # non-breaking hyphen
}
_CHAR_MAP_RE = re.compile("[" + re.escape("".join(CHAR_MAP)) + "]")
_DELETED_RE = re.compile("[" + re.escape("".join(k for k, v in CHAR_MAP.items() if not v)) + "]+")
_TRANSLATE = str.maketrans({k: (v or None) for k, v in CHAR_MAP.items()})


def _map_chars(text: str) -> tuple[str, list[int] | None]:
    """Apply CHAR_MAP; the index list is None when no character was deleted."""
    if not _CHAR_MAP_RE.search(text):
        return text, None
    mapped = text.translate(_TRANSLATE)
    if len(mapped) == len(text):
        return mapped, None
    offsets: list[int] = []
    start = 0
    for m in _DELETED_RE.finditer(text):
        offsets.extend(range(start, m.start()))
        start = m.end()
    offsets.extend(range(start, len(text)))
    return mapped, offsets


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC that keeps, for each output character, the index of its base character."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    out_offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        out.append(composed)
        out_offsets.extend([i] * len(composed))
        i = j
    return "".join(out), out_offsets


def _compose(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """Offsets of a later step (``inner``, into the previous text) mapped through ``outer``."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    return [outer[i] for i in inner]


def normalise(raw: str) -> tuple[str, list[int]]:
    """Normalise ``raw`` and return the text with, per character, its index in ``raw``."""
    text = raw
    offsets: list[int] | None = None
    ascii_only = raw.isascii()
    if not ascii_only and has_legacy_signs(text):
        converted, step, encoding = detect_and_convert_with_offsets(text)
        if encoding is not None:
            text, offsets = converted, step
    text, step = _map_chars(text)
    offsets = _compose(offsets, step)
    if not ascii_only:
        text, step = _nfc(text)
        offsets = _compose(offsets, step)
        text = fix_tone_placement(text)
    text, step = repair_spacing(text)
    offsets = _compose(offsets, step)
    if offsets is None:
        offsets = list(range(len(text)))
    return text, offsets
