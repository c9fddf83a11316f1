"""Administrative level of an issuer (Trung ương / tỉnh / huyện / xã / cơ sở), rules kept as data.

The rules live in ``levels.json`` beside this module: regexes over the folded
issuer name, tried from the most local level up, and issuer codes of document
numbers as a fallback when the name is unknown.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.lang.fold import fold
from pipeline.lang.numbers import split_number

_DATA = Path(__file__).with_name("levels.json")


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, list[re.Pattern], list[re.Pattern], set[str]]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    rules = []
    for entry in data["levels"]:
        rules.append((
            entry["name"],
            [re.compile(p) for p in entry["issuer_patterns"]],
            [re.compile(p) for p in entry["number_codes"]],
            {fold(a) for a in [entry["name"], *entry["aliases"]]},
        ))
    return rules


def level_names() -> list[str]:
    """The level names, most local first."""
    return [name for name, *_ in _rules()]


def level_of(issuer: str | None, *, number: str | None = None) -> str | None:
    """The level of an issuer name ('Ủy ban nhân dân tỉnh Đồng Tháp' → 'tỉnh'), else from the number."""
    folded = fold(issuer)
    if folded:
        for name, patterns, _, _ in _rules():
            if any(p.search(folded) for p in patterns):
                return name
    code = fold((split_number(number)["issuer"] or "") if number else "").replace(" ", "")
    if code:
        for name, _, codes, _ in _rules():
            if any(c.fullmatch(code) for c in codes):
                return name
    return None


def canonical_level(text: str | None) -> str | None:
    """The level name a user meant ('tinh', 'Tỉnh', 'TW', 'trung ương'), or None if unknown."""
    folded = fold(text)
    for name, _, _, aliases in _rules():
        if folded in aliases:
            return name
    return None
