"""Grammar of quantities in Vietnamese administrative text: numbers, ranges, rates, percentages.

Conventions of the language:
- digits group thousands with "." and mark decimals with ",": "1.000" is 1000, "10,5%" is 10.5;
  an English decimal point is accepted only right before "%" ("95.5%");
- word numerals ("một", "hai", ... "mười") stand for digits in commitments
  ("ít nhất một hoạt động", "hai lần/năm");
- a range joins two numbers with "-", "–", "đến" or "tới" ("10,5 - 11,0%/năm", "từ 5 đến 7");
- a rate counts times per period ("01 lần/năm", "02 lần/ ngày", "mỗi năm một lần");
- a percentage may run per period ("10%/năm").

This module only reads numbers; whether a number is a target is decided by
``pipeline.extract.targets`` with the cue words of ``data/targets.json``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_TARGET_CUES = Path(__file__).with_name("data") / "targets.json"


@lru_cache(maxsize=1)
def target_cues() -> dict:
    """The cue words of ``data/targets.json`` (comparators, units, ...), read once."""
    return json.loads(_TARGET_CUES.read_text(encoding="utf-8"))

# word numerals of one to ten ("tư" and "lăm" as in "hai mươi tư" are left out: no compounds)
WORD_NUMERALS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}

# "1.000", "20.000", "1.000,5" (thousands with "."), "10,5" (decimal comma), "95.5" only before "%"
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+\.\d{1,2}(?=\s*%)|\d+(?:,\d+)?"
# a number, not a part of a date or a symbol ("12/3/2020", "45/KH"), but the count of a rate per a round
# base ("4/100.000 trẻ sinh ra còn sống")
_NUMBER_AT = re.compile(rf"(?<![\w/.,])(?<!\w-)(?:{NUMBER})(?![\w]|/(?!\s*1(?:0{{2,}}|(?:0{{0,2}}[.,]000)+)\s)|[.,]\d)")
_WORD_AT = re.compile(r"(?<!\w)(" + "|".join(WORD_NUMERALS) + r")(?!\w)", re.IGNORECASE)
# what may follow a number: a range to a second number, then "%"
_RANGE_TAIL = re.compile(rf"\s*%?\s*(?:[-–]|đến|tới)\s*({NUMBER})(?![\w/]|[.,]\d)")
_PERCENT_TAIL = re.compile(r"\s*%(?:\s*/\s*(năm|quý|tháng|tuần|ngày)(?!\w))?", re.IGNORECASE)
# "mỗi năm một lần", "hằng quý 01 lần": the period stands before the number
_RATE_LEAD = re.compile(r"(?:mỗi|hàng|hằng)\s+(năm học|học kỳ|năm|quý|tháng|tuần|ngày)\s*$", re.IGNORECASE)
_TIMES = re.compile(r"\s*lần(?!\s*thứ)(?!\w)", re.IGNORECASE)
_RATE_TAIL = re.compile(r"\s*lần\s*(?:/\s*(?:01\s+|1\s+)?|mỗi\s+|một\s+|trong\s+(?:một\s+|01\s+|1\s+)?)"
                        r"(năm học|học kỳ|năm|quý|tháng|tuần|ngày|kỳ|đợt|khóa|khoá)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """One number read in a text, with what follows it."""

    start: int  # offset of the first character (of "mỗi" for "mỗi năm một lần")
    end: int  # offset after the number, its range, "%" or rate
    value: int | float
    value_max: int | float | None  # upper end of a range
    kind: str  # "percent", "rate" or "number"
    unit: str | None  # "%", "lần/năm" ... or None for a bare number (its noun is read by the caller)
    raw: str  # the number as printed
    word: bool = False  # written as a word numeral
    per: str | None = None  # period of a percentage per period ("10%/năm" → "năm")


def parse_number(raw: str) -> int | float | None:
    """The value of a printed number: '1.000' → 1000, '10,5' → 10.5, '95.5' → 95.5, 'một' → 1."""
    raw = raw.strip()
    low = raw.lower()
    if low in WORD_NUMERALS:
        return WORD_NUMERALS[low]
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        raw = raw.replace(".", "")  # thousands dots; an English "95.5" is left as it is
    raw = raw.replace(",", ".")
    try:
        number = float(raw)
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def _tail(text: str, start: int, end: int, raw: str, *, word: bool = False) -> Quantity | None:
    value = parse_number(raw)
    if value is None:
        return None
    value_max = None
    m = _RANGE_TAIL.match(text, end)
    if m and not word:
        high = parse_number(m.group(1))
        if high is not None and high > value:
            value_max, end = high, m.end()
    m = _PERCENT_TAIL.match(text, end)
    if m:
        per = m.group(1).lower() if m.group(1) else None
        return Quantity(start, m.end(), value, value_max, "percent", "%", raw, word, per)
    m = _RATE_TAIL.match(text, end)
    if m:
        unit = "lần/" + m.group(1).lower().replace("khoá", "khóa")
        return Quantity(start, m.end(), value, value_max, "rate", unit, raw, word)
    lead = _RATE_LEAD.search(text, max(0, start - 20), start)
    m = _TIMES.match(text, end)
    if lead and m:
        return Quantity(lead.start(), m.end(), value, value_max, "rate", "lần/" + lead.group(1).lower(), raw, word)
    return Quantity(start, end, value, value_max, "number", None, raw, word)


def find_numbers(text: str, *, words: bool = True) -> list[Quantity]:
    """Every number of ``text`` in order, read with its range, '%' or rate tail.

    Word numerals are included when ``words`` is true; the caller decides whether a
    word such as "năm" (five, or year) is a number in its context.
    """
    found = []
    for m in _NUMBER_AT.finditer(text):
        q = _tail(text, m.start(), m.end(), m.group())
        if q is not None:
            found.append(q)
    if words:
        for m in _WORD_AT.finditer(text):
            q = _tail(text, m.start(), m.end(), m.group(), word=True)
            if q is not None:
                found.append(q)
    found.sort(key=lambda q: q.start)
    # a range's second number is not a number of its own
    kept: list[Quantity] = []
    for q in found:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


def normalise_rate(text: str) -> str:
    """'01 lần/ năm' → '01 lần/năm' (spaces around the slash removed)."""
    return re.sub(r"\s*/\s*", "/", " ".join(text.split()))


__all__ = ["NUMBER", "WORD_NUMERALS", "Quantity", "find_numbers", "normalise_rate", "parse_number"]
