"""Repair of spaces that OCR puts inside words, only where it is safe.

* Upper-case header lines: "ỦY B AN NHÂN D Â N" → "ỦY BAN NHÂN DÂN". A group of
  neighbouring fragments is joined when the result is a valid syllable, at least
  one part is not, and no two valid syllables would touch: "Y TẾ" stays.
* Dates: "tháng 0 6 năm 2 018" → "tháng 06 năm 2018" when the joined number is
  a possible day, month or year and the next date word follows.

Only spaces are removed, so the result maps back to the input by the kept indices.
"""
from __future__ import annotations

import re

from pipeline.normalize.syllables import LETTERS, UPPER_LETTERS, is_syllable

# words after which a single capital letter is a label, not a fragment ("PHỤ LỤC B", "MỤC A")
LABEL_WORDS = frozenset({"LỤC", "MỤC", "PHẦN", "ĐIỂM", "KHOẢN", "LOẠI", "NHÓM", "HẠNG", "MẪU", "BIỂU", "KHỐI",
                         "TIỂU", "CẤP", "VITAMIN", "CỘT", "DÒNG", "BẢNG", "HÌNH", "SỐ"})
MAX_GROUP = 4          # parts joined at most
MAX_SYLLABLE = 7       # letters in the longest syllable (nghiêng)
MAX_FRAGMENT = 4       # letters in a part that is not a syllable
MAX_LOWER_SHARE = 0.15  # a header line is (nearly) all capitals

# two capitals with white space between them: the cheap test that a join is possible
_UPPER_PAIR = re.compile(f"[{UPPER_LETTERS}][ \\t]+[{UPPER_LETTERS}]")
_UPPER_FRAGMENT = re.compile(f"(?<![^\\s(])[{UPPER_LETTERS}]{{1,{MAX_FRAGMENT}}}(?=[\\s,.;:)]|$)")
_TOKEN = re.compile(r"\S+")
_CORE = re.compile(f"^([(\u201c\"]?)([{LETTERS}]+)([,.;:)\u201d\"]?)$")

# date words followed by a number split by OCR; the look-ahead is the next date word
_DAY = re.compile(r"(?i)\b(?:ngày)\s+([0-9]) ([0-9])(?=\s+tháng\b)")
_MONTH = re.compile(r"(?i)\b(?:tháng)\s+([0-9]) ([0-9])(?=\s*(?:năm\b|[/.,-]))")
_YEAR = re.compile(r"(?i)\b(?:năm)\s+([0-9]{1,3}(?: [0-9]{1,3}){1,3})(?![ ]?[0-9])")
_DIGIT_PAIR = re.compile(r"[0-9] [0-9]")
_DATE_HINT = re.compile(r"(?i)(?:ngày|tháng|năm)\s+[0-9]{1,3} [0-9]")


def repair_spacing(text: str) -> tuple[str, list[int] | None]:
    """Remove OCR spaces; returns the text and, per output character, its index in ``text``.

    The index list is None when nothing changed.
    """
    drop: set[int] = set()
    if _UPPER_PAIR.search(text):
        _header_joins(text, drop)
    if _DIGIT_PAIR.search(text) and _DATE_HINT.search(text):
        _date_joins(text, drop)
    if not drop:
        return text, None
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), kept


def _is_header_line(line: str) -> bool:
    letters = sum(map(str.isalpha, line))
    return letters >= 2 and sum(map(str.islower, line)) <= MAX_LOWER_SHARE * letters


def _header_joins(text: str, drop: set[int]) -> None:
    pos = 0
    for line in text.split("\n"):
        if _UPPER_PAIR.search(line) and _UPPER_FRAGMENT.search(line) and _is_header_line(line):
            _join_line(line, pos, drop)
        pos += len(line) + 1


def _join_line(line: str, base: int, drop: set[int]) -> None:
    tokens = []   # (start, end, core, lead, trail) ; core None when not a word in capitals
    for m in _TOKEN.finditer(line):
        c = _CORE.match(m.group())
        core = c.group(2) if c and c.group(2).isupper() else None
        tokens.append((m.start(), m.end(), core, bool(c and c.group(1)), bool(c and c.group(3))))
    valid = [core is not None and is_syllable(core) for _, _, core, _, _ in tokens]
    i = 0
    while i < len(tokens):
        core = tokens[i][2]
        if core is None or valid[i] or len(core) > MAX_FRAGMENT:
            i += 1
            continue
        group = _find_group(tokens, valid, i)
        if group is None:
            i += 1
            continue
        s, e = group
        for k in range(s, e - 1):
            drop.update(range(base + tokens[k][1], base + tokens[k + 1][0]))
        i = e


def _find_group(tokens: list, valid: list[bool], i: int) -> tuple[int, int] | None:
    """The longest run of tokens around ``i`` that joins into one syllable, as (start, end)."""
    for size in range(MAX_GROUP, 1, -1):
        for s in range(max(0, i - size + 1), i + 1):
            e = s + size
            if e > len(tokens):
                continue
            parts = tokens[s:e]
            if any(core is None for _, _, core, _, _ in parts):
                continue
            if any(lead for _, _, _, lead, _ in parts[1:]) or any(trail for _, _, _, _, trail in parts[:-1]):
                continue
            if any(valid[k] and valid[k + 1] for k in range(s, e - 1)):
                continue
            if any(not valid[k] and len(tokens[k][2]) > MAX_FRAGMENT for k in range(s, e)):
                continue
            if s > 0 and len(parts[0][2]) == 1 and tokens[s - 1][2] in LABEL_WORDS:
                continue
            joined = "".join(core for _, _, core, _, _ in parts)
            if len(joined) <= MAX_SYLLABLE and is_syllable(joined):
                return s, e
    return None


def _date_joins(text: str, drop: set[int]) -> None:
    for m in _DAY.finditer(text):
        if 1 <= int(m.group(1) + m.group(2)) <= 31:
            drop.add(m.end(1))
    for m in _MONTH.finditer(text):
        if 1 <= int(m.group(1) + m.group(2)) <= 12:
            drop.add(m.end(1))
    for m in _YEAR.finditer(text):
        digits = m.group(1)
        joined = digits.replace(" ", "")
        if len(joined) == 4 and 1900 <= int(joined) <= 2099:
            start = m.start(1)
            drop.update(start + k for k, ch in enumerate(digits) if ch == " ")
