"""Character-level normalisation with an offset map back to the input."""
from __future__ import annotations

import unicodedata

# artefacts of extractors, mapped one character to one character (FIELD-NOTES)
CHAR_MAP = {
    "\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\u00d0": "Đ", "\u0110": "Đ", "\u00a0": " ",
    "\u2007": " ", "\u202f": " ", "\u200b": "", "\ufeff": "", "\x02": "-", "\u00ad": "",
    "\r": "", "\t": " ", "\u2010": "-", "\u2011": "-",
}


def _nfc_with_offsets(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """NFC that keeps, for each output character, the input index of its base character."""
    if unicodedata.is_normalized("NFC", text):
        return text, offsets
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
        out_offsets.extend([offsets[i]] * len(composed))
        i = j
    return "".join(out), out_offsets


def normalise(raw: str) -> tuple[str, list[int]]:
    """Normalise ``raw`` and return the text with, per character, its index in ``raw``."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(raw):
        mapped = CHAR_MAP.get(c, c)
        for m in mapped:
            chars.append(m)
            offsets.append(i)
    text, offsets = _nfc_with_offsets("".join(chars), offsets)
    return text, offsets
