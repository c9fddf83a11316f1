"""Folding of Vietnamese text for comparison and search: lower case, no marks, đ→d.

The same function serves the scorer-compatible evaluation, the search index and
the cross-check, so that every stage compares texts the same way.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_NON_WORD = re.compile(r"[^\w%]+")


def strip_marks(text: str) -> str:
    """Remove every combining mark and fold đ/Đ to d/D, keeping case."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def fold(text: str | None) -> str:
    """Lower case, no diacritics, đ→d, punctuation to spaces, single spaces."""
    if not text:
        return ""
    return _fold(str(text))


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    # comparisons fold the same item and record texts many times over
    return " ".join(_NON_WORD.sub(" ", strip_marks(text).lower()).split())


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


@lru_cache(maxsize=1)
def _variants() -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads((Path(__file__).with_name("data") / "variants.json").read_text(encoding="utf-8"))
    return data["syllables"], data["words"]


def unify_variants(folded: str) -> str:
    """Folded words with spelling variants unified ('ty le' and 'ti le'; 'grdp' and 'gdp').

    Works on ``fold`` output (and on '_'-joined compounds); for matching two
    texts, never for display or scoring.
    """
    syllables, word_map = _variants()
    out = []
    for word in folded.split(" "):
        word = word_map.get(word, word)
        if "_" in word:
            word = "_".join(syllables.get(s, s) for s in word.split("_"))
        else:
            word = syllables.get(word, word)
        out.append(word)
    return " ".join(out)
