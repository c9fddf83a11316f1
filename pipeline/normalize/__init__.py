"""Normalisation of text for every reader.

``normalise(raw) -> (text, offsets)``: NFC; Word/OCR artefacts mapped (U+F0B7 → •,
Ð → Đ, NBSP → space, \\x02 → -); old tone placement to new (hoà → hòa, Qúy → Quý);
legacy TCVN3/VNI byte encodings decoded; spacing artefacts of OCR'd headers
repaired where safe. ``offsets[i]`` is the index in ``raw`` of output character i.
"""
from pipeline.normalize.core import normalise

__all__ = ["normalise"]
