"""Grammars of Vietnamese document numbers (số ký hiệu).

Three styles:
- state ``N/TYPE-ISSUER``: 45/KH-LĐLĐ, 0301/KH-UBND, 17/CĐ-TTg;
- legal ``N/YYYY/TYPE-ISSUER``: 30/2020/NĐ-CP, 57/2025/NQ-HĐND, 66.2/2025/NQ-CP;
- Party ``N-TYPE/ISSUER``: 12-KL/TW, 36-NQ/TW, 712-KH/TU.
Printed numbers carry stray spaces ("09 /KH-CĐ", "10- CTr/TU") which are removed.
"""
from __future__ import annotations

import re

# one upper-case "word" of a symbol: letters (with Vietnamese capitals) and digits
_SYM = r"[A-ZĐĂÂÊÔƠƯÁÀẢÃẠa-zđ0-9]*[A-ZĐ][A-ZĐĂÂÊÔƠƯa-zđ0-9]*"
# words joined by "-" (and "&" between two units of one issuer: "BNV-CTTN&BĐG")
_SYMS = rf"{_SYM}(?:\s?[-–]\s?{_SYM}|&{_SYM})*"
# a sub-number of a series issued the same day: "66.2/2025/NQ-CP"
_SUB = r"(?:\.\d{1,2}(?=\s?/))?"

STATE_NUMBER = re.compile(rf"(?<![\w/.])(\d{{1,6}}{_SUB}[a-z]?)\s?/\s?(?:(\d{{4}})\s?/\s?)?({_SYMS})(?![\w])")
PARTY_NUMBER = re.compile(rf"(?<![\w/])(\d{{1,6}})\s?[-–]\s?({_SYM})\s?/\s?({_SYMS})(?![\w])")
# "Số:  /NQ-CP" (blank number of a draft or a handwritten number OCR could not read)
BLANK_NUMBER = re.compile(rf"[Ss]ố\s*:?\s*(?:[\.…_]+\s*)?/\s?({_SYMS})")


def clean_number(raw: str) -> str:
    """The number as printed with spaces removed and dashes normalised."""
    return re.sub(r"\s+", "", raw).replace("–", "-")


def split_number(number: str) -> dict:
    """Split a number into its parts: digits, year, type code, issuer code, style."""
    number = clean_number(number)
    m = PARTY_NUMBER.fullmatch(number)
    if m:
        return {"digits": m.group(1), "year": None, "type": m.group(2), "issuer": m.group(3), "style": "party"}
    m = STATE_NUMBER.fullmatch(number)
    if m:
        codes = m.group(3).split("-", 1)
        return {"digits": m.group(1), "year": m.group(2), "type": codes[0],
                "issuer": codes[1] if len(codes) > 1 else None,
                "style": "legal" if m.group(2) else "state"}
    return {"digits": None, "year": None, "type": None, "issuer": None, "style": None}


# Any of the three styles, Party style first (its "N-TYPE" part would otherwise be lost).
ANY_NUMBER = re.compile(
    rf"(?<![\w/.])(?:(?P<p_digits>\d{{1,6}})\s?[-–]\s?(?P<p_type>{_SYM})\s?/\s?(?P<p_issuer>{_SYMS})"
    rf"|(?P<s_digits>\d{{1,6}}{_SUB}[a-z]?)\s?/\s?(?:(?P<s_year>\d{{4}})\s?/\s?)?(?P<s_codes>{_SYMS}))(?![\w])")


def find_numbers(text: str, *, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Every document number of ``text[start:end]`` as (start, end, cleaned number), in order.

    Only the shape is checked here; whether the type code is a known one is the caller's
    business (``split_number`` gives the parts).
    """
    end = len(text) if end is None else end
    return [(m.start(), m.end(), clean_number(m.group(0))) for m in ANY_NUMBER.finditer(text, start, end)]


def number_key(number: str) -> str:
    """Comparison key of a number: folded, no spaces ('61/QĐ-CĐN' and '61/qd-cdn' are equal)."""
    from pipeline.lang.fold import fold_number

    return fold_number(clean_number(number))
