"""Folding of Vietnamese text for comparison and search: lower case, no marks, đ→d.

The same function serves the scorer-compatible evaluation, the search index and
the cross-check, so that every stage compares texts the same way.
"""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w%]+")


def strip_marks(text: str) -> str:
    """Remove every combining mark and fold đ/Đ to d/D, keeping case."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def fold(text: str | None) -> str:
    """Lower case, no diacritics, đ→d, punctuation to spaces, single spaces."""
    if not text:
        return ""
    return " ".join(_NON_WORD.sub(" ", strip_marks(str(text)).lower()).split())


def fold_number(number: str | None) -> str:
    """A document number folded for comparison: '61/QĐ-CĐN' and '61/qd-cdn' are equal."""
    if not number:
        return ""
    return fold(number).replace(" ", "")


def words(text: str | None) -> set[str]:
    """The set of folded words of a text."""
    return set(fold(text).split())


def dice(a: str | None, b: str | None) -> float:
    """Word overlap: twice the shared folded words over the sum of both sizes."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))
