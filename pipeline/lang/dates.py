"""Date grammar of Vietnamese official texts.

Full dates: "ngày 24 tháng 6 năm 2021", "24/6/2021", "24-6-2021", "24.6.2021".
The time grammar of milestones (quarters, months, phases, school years...)
builds on these constants.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}

# "ngày 24 tháng 6 năm 2021" (OCR may put spaces inside the digits: "0 6")
DATE_WORDS = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
# "24/6/2021", "24-06-2021", "24.6.2021"
DATE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])")
# "Hà Nội, ngày 13 tháng 8 năm 2018" — the place-and-date line of the header
PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^\d,]{2,60}?)\s*,\s*ngày\s+(?P<d>[\d\s.…_]{0,6}?)\s*tháng\s+(?P<m>[\d\s.…_]{0,6}?)\s*năm\s+(?P<y>\d{4})",
    re.IGNORECASE)


def iso(year: int, month: int, day: int) -> str | None:
    """ISO date, or None when the parts do not make a real day."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_end(year: int, month: int) -> str:
    """ISO last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO, in words or digits."""
    found = find_dates(text)
    return found[0][2] if found else None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date of ``text`` as (start, end, ISO), in order."""
    out = []
    for m in DATE_WORDS.finditer(text):
        value = iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if value:
            out.append((m.start(), m.end(), value))
    for m in DATE_NUMERIC.finditer(text):
        value = iso(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if value and 1900 <= int(m.group(4)) <= 2100:
            out.append((m.start(), m.end(), value))
    return sorted(out)
