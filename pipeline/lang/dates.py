"""Date grammar of Vietnamese official texts.

Full dates: "ngày 24 tháng 6 năm 2021", "24/6/2021", "24-6-2021", "24.6.2021".
The time grammar of milestones (quarters, months, phases, school years...)
builds on these constants.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

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


# --------------------------------------------------------------------------------------------
# Time grammar of milestones: quarters, months, halves, school years, phases, years and ranges.
# Every expression keeps its precision (STYLE.md: "năm 2025" is not 2025-01-01) and is
# resolved to whole days: year Y → Y-01-01..Y-12-31, "Quý 3 năm 2024" → 2024-07-01..09-30,
# "năm học 2019 - 2020" → 2019-09-01..2020-08-31 (RECORDS.md, Milestones).
# --------------------------------------------------------------------------------------------

_TIME_DATA = Path(__file__).with_name("data") / "time.json"
_YEAR = r"(?:19|20)\d{2}"
# a year after a quarter or month: "II/2026", "II năm 2026", "8-2018", "12.2025"
def _year_after(name: str) -> str:
    """A year after a quarter or month, captured as ``name``."""
    return rf"(?:\s*[/.\-]\s*|\s+năm\s+)(?P<{name}>{_YEAR})"
_DASH = r"[-–—]"

# one alternative per atom, leftmost match wins, earlier alternatives win at the same place
TIME_ATOM = re.compile(
    "|".join([
        # "Tết Nguyên đán năm 2026", "Tết Nguyên đán Bính Ngọ 2026": the first day of the lunar year
        rf"(?P<tet>tết\s+(?:nguyên\s+đán\s+)?(?:(?:giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)\s+\w+\s+)?"
        rf"(?:năm\s+)?(?P<ty>{_YEAR}))(?![\d/])",
        # "năm học 2019 - 2020"
        rf"(?P<school>năm\s+học\s+(?P<s1>{_YEAR})\s*{_DASH}\s*(?P<s2>{_YEAR}))",
        # "giai đoạn 2019 – 2020", "giai đoạn từ 2018 - 2020", "nhiệm kỳ 2018 - 2023"
        rf"(?P<phase>(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?(?P<p1>{_YEAR})\s*"
        rf"(?:{_DASH}|đến\s+(?:năm\s+)?)\s*(?P<p2>{_YEAR}))(?![\d/])",
        # "Quý II/2026", "quý II năm 2026", "Quý 3 năm 2024", "Quí IV-2025", "quý IV" (year borrowed from a range)
        rf"(?P<quarter>qu[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?![\w])(?:{_year_after('qy')})?)",
        # "6 tháng đầu năm 2026", "sáu tháng cuối năm"
        rf"(?P<half>(?:6|sáu)\s+tháng\s+(?P<hw>đầu|cuối)\s+năm(?:\s+(?P<hy>{_YEAR}))?)",
        # "ngày 24 tháng 6 năm 2021", "ngày 03/11/2021", "03/11/2021", "ngày 20/11" (no year: needs "ngày")
        rf"(?P<day>(?:(?P<dn>ngày)\s+)?(?<![\d/])(?P<d>[0-3]?\d)\s*(?:tháng\s*|/\s*|-\s*|\.\s*)(?P<dm>[01]?\d)"
        rf"(?:\s*(?:năm\s*|/\s*|-\s*|\.\s*)(?P<dy>{_YEAR}))?(?![\d/]))",
        # "Tháng 11 - 12/2025", "tháng 10 đến tháng 12 năm 2025": months of one year
        rf"(?P<months>(?<!\d\s)(?<!\d)tháng\s+(?P<ma>1[0-2]|0?[1-9])\s*(?:{_DASH}|đến)\s*(?:tháng\s+)?"
        rf"(?P<mb>1[0-2]|0?[1-9])(?!\d){_year_after('mmy')}(?![\d/]))",
        # "tháng 8/2018", "Tháng 12 năm 2025", "tháng 9" (year borrowed); not "6 tháng"
        rf"(?P<month>(?<!\d\s)(?<!\d)tháng\s+(?P<m>1[0-2]|0?[1-9])(?!\d)(?:{_year_after('my')})?(?![\d/]))",
        # "năm 2026-2030", "2025 - 2035"
        rf"(?P<years>(?<![\w/.\-])(?:năm\s+)?(?P<r1>{_YEAR})\s*{_DASH}\s*(?P<r2>{_YEAR})(?![\d/]))",
        # "năm 2026", "2026" (a bare year: only in cells, ranges or after a cue)
        rf"(?P<year>(?<![\w/.\-])(?P<yn>năm\s+)?(?P<y>{_YEAR})(?![\d/\-]|\s*/))",
    ]),
    re.IGNORECASE)

# months listed before one year: "Tháng 11, 12/2013", "tháng 3, 4 và 5 năm 2026"
MONTH_LIST = re.compile(
    rf"(?<!\d\s)(?<!\d)tháng\s+(?P<first>1[0-2]|0?[1-9])(?P<rest>(?:\s*(?:,|và)\s*(?:tháng\s+)?(?:1[0-2]|0?[1-9])(?!\d))+)"
    rf"{_year_after('ly')}(?![\d/])", re.IGNORECASE)
_MONTH_NUMBER = re.compile(r"(?:tháng\s+)?(1[0-2]|0?[1-9])", re.IGNORECASE)


def _month_lists(text: str) -> list[TimeExpr]:
    """The months of each list of months before one year: consecutive months make one span
    ("Tháng 11, 12/2013" → 2013-11-01..2013-12-31), others one month each."""
    out: list[TimeExpr] = []
    for m in MONTH_LIST.finditer(text):
        year = int(m.group("ly"))
        numbers = [(int(m.group("first")), m.start(), m.end("first"))] + [
            (int(x.group(1)), m.start("rest") + x.start(), m.start("rest") + x.end())
            for x in _MONTH_NUMBER.finditer(m.group("rest"))]
        months = [n for n, _, _ in numbers]
        if any(not 1 <= n <= 12 for n in months):
            continue
        if all(b == a + 1 for a, b in zip(months, months[1:], strict=False)):
            out.append(TimeExpr(m.start(), m.end(), iso(year, months[0], 1), month_end(year, months[-1]),
                                "month", "months"))
            continue
        for k, (n, s, e) in enumerate(numbers):
            out.append(TimeExpr(s, m.end() if k == len(numbers) - 1 else e, iso(year, n, 1), month_end(year, n),
                                "month", "month", day_month=(0, n)))
    return out


# words between two atoms that make one range: "Từ tháng 9 đến hết tháng 12/2018", "quý IV/2026 - 2029"
RANGE_GAP = re.compile(rf"\s*(?:{_DASH}|đến|tới|cho\s+đến)\s*(?:hết\s+)?(?:ngày\s+)?", re.IGNORECASE)
# words that close a span a "từ" start opened, after ';' or ',': "Bắt đầu từ ngày 06/9/2024; kết thúc trước
# ngày 18/01/2025" is one span
CLOSE_GAP = re.compile(r"\s*[;,]\s*kết\s+thúc\s+(?:trước\s+|vào\s+)?(?:ngày\s+)?", re.IGNORECASE)
# "từ" before an expression opens it: "Từ quý II/2027" → start 2027-04-01, no end
SINCE_BEFORE = re.compile(r"(?:kể\s+từ|bắt\s+đầu\s+từ|từ)\s+$", re.IGNORECASE)
# "trở đi" after an expression opens it too: "(2026 trở đi)" → start 2026-01-01, no end; so do the years
# after it: "2025 và những năm tiếp theo", "năm 2026 và các năm tiếp theo"
ONWARD_AFTER = re.compile(r"\s*(?:trở\s+đi\b|và\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)\b)", re.IGNORECASE)
# "từ nay đến (hết) ..." before an expression: a range from the day the text was signed
FROM_NOW_BEFORE = re.compile(r"(?:kể\s+)?từ\s+nay\s+(?:đến|tới|cho\s+đến)\s+(?:hết\s+)?$", re.IGNORECASE)
# list of school years: "các năm học 2018 - 2019, 2019 - 2020"
LIST_GAP = re.compile(r"\s*(?:,|và)\s*", re.IGNORECASE)

Precision = str  # "day", "month", "quarter", "half", "year", "school_year", "range", "none"


@dataclass
class TimeExpr:
    """One time expression of a text, resolved to whole days.

    ``first``/``last`` are ISO days (None when open or unknown); ``precision`` is the
    granularity as written; ``kind`` names the atom ('phase' for "giai đoạn 2019-2020");
    ``since`` says the text opened it with "từ"; ``bare`` marks a year written without
    "năm"; ``has_year`` is False for "ngày 20/11" or "quý II" with no year anywhere.
    """

    start: int
    end: int
    first: str | None
    last: str | None
    precision: Precision
    kind: str
    since: bool = False
    bare: bool = False
    has_year: bool = True
    day_month: tuple[int, int] | None = None

    def text(self, source: str) -> str:
        """The expression as written in ``source``."""
        return source[self.start:self.end]


def _quarter(value: str) -> int:
    return ROMAN.get(value.upper()) or int(value)


def _atom(m: re.Match) -> TimeExpr | None:
    """Resolve one match of TIME_ATOM (year may be missing: ``has_year`` False)."""
    g = m.group
    s, e = m.start(), m.end()
    if g("tet"):
        day = _lunar_new_year().get(g("ty"))
        return TimeExpr(s, e, day, day, "day", "day") if day else None
    if g("school"):
        y1, y2 = int(g("s1")), int(g("s2"))
        if y2 != y1 + 1:
            return None
        return TimeExpr(s, e, iso(y1, 9, 1), iso(y2, 8, 31), "school_year", "school_year")
    if g("phase"):
        y1, y2 = int(g("p1")), int(g("p2"))
        if y2 < y1:
            return None
        return TimeExpr(s, e, iso(y1, 1, 1), iso(y2, 12, 31), "range", "phase")
    if g("quarter"):
        q = _quarter(g("q"))
        if not 1 <= q <= 4:
            return None
        if not g("qy"):
            return TimeExpr(s, e, None, None, "quarter", "quarter", has_year=False, day_month=(q, 0))
        y = int(g("qy"))
        return TimeExpr(s, e, iso(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter", "quarter")
    if g("half"):
        first = g("hw").lower() == "đầu"
        if not g("hy"):
            return TimeExpr(s, e, None, None, "half", "half", has_year=False, day_month=(1 if first else 2, 0))
        y = int(g("hy"))
        return TimeExpr(s, e, iso(y, 1 if first else 7, 1), month_end(y, 6 if first else 12), "half", "half")
    if g("day"):
        d, mo = int(g("d")), int(g("dm"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        if not g("dy"):
            if not g("dn"):
                return None
            return TimeExpr(s, e, None, None, "day", "day", has_year=False, day_month=(d, mo))
        value = iso(int(g("dy")), mo, d)
        if value is None:
            return None
        return TimeExpr(s, e, value, value, "day", "day", day_month=(d, mo))
    if g("months"):
        y, a, b = int(g("mmy")), int(g("ma")), int(g("mb"))
        if b <= a:
            return None
        return TimeExpr(s, e, iso(y, a, 1), month_end(y, b), "range", "range")
    if g("month"):
        mo = int(g("m"))
        if not g("my"):
            return TimeExpr(s, e, None, None, "month", "month", has_year=False, day_month=(0, mo))
        y = int(g("my"))
        return TimeExpr(s, e, iso(y, mo, 1), month_end(y, mo), "month", "month")
    if g("years"):
        y1, y2 = int(g("r1")), int(g("r2"))
        if y2 <= y1 or y2 - y1 > 30:
            return None
        return TimeExpr(s, e, iso(y1, 1, 1), iso(y2, 12, 31), "range", "years")
    if g("year"):
        y = int(g("y"))
        return TimeExpr(s, e, iso(y, 1, 1), iso(y, 12, 31), "year", "year", bare=not g("yn"))
    return None


@lru_cache(maxsize=1)
def _lunar_new_year() -> dict[str, str]:
    return json.loads(_TIME_DATA.read_text(encoding="utf-8"))["lunar_new_year"]["days"]


def _with_year(t: TimeExpr, year: int) -> TimeExpr:
    """A year-less atom completed with the year of its range partner."""
    a, b = t.day_month or (0, 0)
    if t.kind == "quarter":
        first, last = iso(year, 3 * a - 2, 1), month_end(year, 3 * a)
    elif t.kind == "half":
        first, last = iso(year, 1 if a == 1 else 7, 1), month_end(year, 6 if a == 1 else 12)
    elif t.kind == "month":
        first, last = iso(year, b, 1), month_end(year, b)
    elif t.kind == "day":
        first = last = iso(year, b, a)
    else:
        return t
    return TimeExpr(t.start, t.end, first, last, t.precision, t.kind, bare=t.bare, day_month=t.day_month)


# a bare day that opens a range of days of one month: "từ ngày 08 đến ngày 10 tháng 12 năm 2025"
DAY_OPENER = re.compile(rf"(?<![\d/])ngày\s+(?P<d>[0-3]?\d)(?![\d/])(?={RANGE_GAP.pattern}$)", re.IGNORECASE)


def _with_day_openers(text: str, atoms: list[TimeExpr]) -> list[TimeExpr]:
    """The atoms with the bare first day of a range of days, which takes the month and year of the
    day that closes it ("ngày 08 đến ngày 10 tháng 12 năm 2025" → 2025-12-08)."""
    out: list[TimeExpr] = []
    for t in atoms:
        if t.kind == "day" and t.day_month:
            floor = out[-1].end if out else 0
            m = DAY_OPENER.search(text, max(floor, t.start - 30), t.start)
            d = int(m.group("d")) if m else 0
            if m and 1 <= d < t.day_month[0]:
                day_month = (d, t.day_month[1])
                value = iso(int(t.first[:4]), day_month[1], d) if t.first else None
                out.append(TimeExpr(m.start(), m.end("d"), value, value, "day", "day", has_year=t.has_year,
                                    day_month=day_month))
        out.append(t)
    return out


def _year_of(t: TimeExpr) -> int | None:
    return int(t.last[:4]) if t.last else None


def _recurs(text: str, t: TimeExpr, recurring: re.Pattern) -> bool:
    """Whether a year-less date recurs: a recurring word right after it ("trước ngày 30/11 hằng năm")
    or earlier in its clause ("định kỳ báo cáo ... trước ngày 20/11")."""
    before = re.split(r"[.;\n]", text[max(0, t.start - 100):t.start])[-1]
    after = re.sub(r"^\s*(?:của\s+)?", "", text[t.end:t.end + 30])
    return bool(recurring.search(before) or recurring.match(after))


@lru_cache(maxsize=1)
def _recurring() -> re.Pattern:
    """The recurring cue words of time.json ("định kỳ", "hằng năm", ...), as whole words."""
    words = json.loads(_TIME_DATA.read_text(encoding="utf-8"))["recurring"]["words"]
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def find_times(text: str, *, year: int | None = None, today: str | None = None) -> list[TimeExpr]:
    """Every time expression of ``text``, ranges joined, in order.

    "Từ tháng 9 đến hết tháng 12/2018" is one expression 2018-09-01..2018-12-31;
    "Từ quý II/2027" is open (``last`` None, ``since`` True); a year-less atom outside a
    range keeps ``first``/``last`` None and ``has_year`` False, unless ``year`` (the year of the
    text: "từ ngày 15/11 đến ngày 15/12" in a plan of 2025) completes it and no recurring word
    (the cue words of time.json) makes it a date of every year. With ``today`` (the day the text was
    signed), "từ nay đến năm 2030" is the range from that day to the end of 2030.
    """
    atoms = [t for t in (_atom(m) for m in TIME_ATOM.finditer(text)) if t is not None]
    listed = _month_lists(text)
    if listed:
        atoms = sorted([t for t in atoms if not any(x.start <= t.start < x.end or t.start <= x.start < t.end
                                                    for x in listed)] + listed, key=lambda t: t.start)
    atoms = _with_day_openers(text, atoms)
    # "tháng 4 và tháng 8 năm 2026": a year-less month or day listed before one with a year takes that year
    for k in range(len(atoms) - 2, -1, -1):
        t, nxt = atoms[k], atoms[k + 1]
        if not t.has_year and nxt.has_year and nxt.first and nxt.kind == t.kind \
                and LIST_GAP.fullmatch(text, t.end, nxt.start):
            atoms[k] = _with_year(t, int(nxt.first[:4]))
    if year is not None:  # a year-less day ("ngày 25/11") or month of a dated text is of that year,
        # unless it recurs ("trước ngày 30/11 hằng năm"), or its range partner does ("Từ tháng 3 đến tháng 11
        # hằng năm"); one whose range partner names its year takes that one ("từ ngày 15/11 đến ngày 20/11/2024")
        recurring = _recurring()

        def partner(k: int) -> TimeExpr | None:
            nxt = atoms[k + 1] if k + 1 < len(atoms) else None
            return nxt if nxt is not None and RANGE_GAP.fullmatch(text, atoms[k].end, nxt.start) else None

        atoms = [_with_year(t, year) if not t.has_year and t.kind in ("day", "month")
                 and not _recurs(text, t, recurring)
                 and not ((p := partner(k)) is not None and (p.has_year or _recurs(text, p, recurring)))
                 else t for k, t in enumerate(atoms)]
    out: list[TimeExpr] = []
    i = 0
    while i < len(atoms):
        left = atoms[i]
        right = atoms[i + 1] if i + 1 < len(atoms) else None
        closed = right is not None and CLOSE_GAP.fullmatch(text, left.end, right.start) is not None \
            and SINCE_BEFORE.search(text, max(0, left.start - 20), left.start) is not None
        if right is not None and (RANGE_GAP.fullmatch(text, left.end, right.start) or closed) and right.has_year \
                and left.kind not in ("phase", "years", "school_year") and not right.since:
            if not left.has_year:
                left = _with_year(left, int(right.first[:4]) if right.kind != "school_year" else _year_of(right))
            if left.first and right.last and left.first <= right.last:
                joined = TimeExpr(left.start, right.end, left.first, right.last, "range", "range")
                joined = _opened(text, joined)
                joined.since = False
                out.append(joined)
                i += 2
                continue
        if out and left.kind == "years" and out[-1].kind == "school_year" \
                and LIST_GAP.fullmatch(text, out[-1].end, left.start):
            y1 = int(left.first[:4])
            if int(left.last[:4]) == y1 + 1:
                left = TimeExpr(left.start, left.end, iso(y1, 9, 1), iso(y1 + 1, 8, 31), "school_year", "school_year")
        now = FROM_NOW_BEFORE.search(text, max(0, left.start - 30), left.start) if today else None
        if now and now.end() == left.start and left.last and today <= left.last:
            left = TimeExpr(now.start(), left.end, today, left.last, "range", "range", since=True)
        out.append(_opened(text, left))
        i += 1
    return out


def _opened(text: str, t: TimeExpr) -> TimeExpr:
    """Mark an expression preceded by "từ" or followed by "trở đi" ("(2026 trở đi)") as open-ended and
    take the cue into its extent."""
    since = SINCE_BEFORE.search(text, max(0, t.start - 20), t.start)
    since = since if since and since.end() == t.start else None
    onward = ONWARD_AFTER.match(text, t.end)
    if since or onward:
        t.since = True
        t.start = since.start() if since else t.start
        t.end = onward.end() if onward else t.end
        if t.kind not in ("range", "years", "phase", "school_year"):  # "Từ năm 2026 - 2030" keeps its end
            t.last = None
    return t


def parse_time(text: str) -> TimeExpr | None:
    """The time that ``text`` is made of ("Quý IV/2025", "Năm 2026-2030", "Từ quý I/2027"), else None.

    Allows a trailing ", thường xuyên" and final punctuation; anything else around the
    expression makes the text something other than a time.
    """
    bare = _BARE_MONTH.fullmatch(text)
    if bare:  # a cell of only "6/2025": a month of a year (in running text it could be a ratio or a number)
        found = [replace(t, start=bare.start(1), end=bare.end(1)) for t in find_times("tháng " + bare.group(1))]
    else:
        found = find_times(text)
    if len(found) != 1:
        return None
    t = found[0]
    head = text[:t.start].strip()
    tail = TRAILING_ONGOING.sub("", text[t.end:]).strip()
    if head or tail:
        return None
    return t


_BARE_MONTH = re.compile(r"\s*((?:1[0-2]|0?[1-9])\s*/\s*(?:19|20)\d\d)\s*\.?\s*")
# "Từ tháng 5/2026, thường xuyên" in a deadline cell: the ongoing part adds no date
TRAILING_ONGOING = re.compile(r"^\s*[,;]?\s*(?:và\s+)?(?:thường\s+xuyên|liên\s+tục|hằng\s+năm|hàng\s+năm)?\s*[.;,]?\s*$",
                              re.IGNORECASE)
