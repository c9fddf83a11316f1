"""The document-type table, loaded once from data/doc_types.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.lang.fold import fold, strip_marks

_DATA = Path(__file__).with_name("data") / "doc_types.json"

DOC_TYPES: list[dict] = json.loads(_DATA.read_text(encoding="utf-8"))["types"]


@lru_cache(maxsize=1)
def _code_table() -> dict[str, str]:
    table = {}
    for entry in DOC_TYPES:
        for code in entry["codes"]:
            table[strip_marks(code).upper()] = entry["name"]
    return table


@lru_cache(maxsize=1)
def _word_table() -> list[tuple[str, str]]:
    pairs = [(fold(w), e["name"]) for e in DOC_TYPES for w in e["words"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def type_from_code(code: str | None) -> str | None:
    """Canonical type from the type part of a number: 'KH' → 'Kế hoạch', 'QĐ' → 'Quyết định'."""
    if not code:
        return None
    return _code_table().get(strip_marks(code).upper())


def type_from_words(text: str | None) -> str | None:
    """Canonical type named at the start of ``text``: 'KẾ HOẠCH HÀNH ĐỘNG ...' → 'Kế hoạch'."""
    folded = fold(text)
    for words, name in _word_table():
        if folded == words or folded.startswith(words + " "):
            return name
    return None


def type_words_length(text: str) -> int:
    """How many leading words of ``text`` name its type (0 when none does)."""
    folded = fold(text)
    for words, _ in _word_table():
        if folded == words or folded.startswith(words + " "):
            return len(words.split())
    return 0


def canonical_type(text: str | None) -> str | None:
    """Canonical type from either a name ('KẾ HOẠCH') or a code ('KH')."""
    if not text:
        return None
    return type_from_words(text) or type_from_code(re.sub(r"\W", "", text))
