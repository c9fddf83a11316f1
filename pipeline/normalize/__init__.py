"""Normalisation of text for every reader.

``normalise(raw) -> (text, offsets)``: legacy TCVN3/VNI text decoded; NFC;
Word/OCR artefacts mapped (U+F0B7 → •, Ð → Đ, NBSP → space, \\x02 → -); old tone
placement made modern (hoà → hòa, Qúy → Quý); spacing artefacts of OCR'd headers
and dates repaired where safe. ``offsets[i]`` is the index in ``raw`` of output
character i.

``detect_and_convert(text, font=...)`` is for readers that see runs in legacy
fonts (DOCX, PDF); ``decode_bytes(data)`` for text files.
"""
from pipeline.normalize.core import normalise
from pipeline.normalize.encoding import decode_bytes
from pipeline.normalize.legacy import detect_and_convert, encoding_for_font

__all__ = ["decode_bytes", "detect_and_convert", "encoding_for_font", "normalise"]
