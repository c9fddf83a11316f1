"""Text helpers of the cross-check: folded words, content terms, numbers, dates, locating texts.

Words are underthesea segments (syllables of one word joined by '_'), folded
(lower case, no marks, đ→d) so that spelling variants compare equal. When
underthesea is not wanted (``segment=False``) adjacent syllable pairs stand in
for the compounds.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.lang.dates import find_dates, find_times
from pipeline.lang.fold import fold, unify_variants

STOPWORDS = Path(__file__).with_name("data") / "stopwords.json"

# a deadline cue before a date: "trước ngày 30/6/2025", "chậm nhất ngày ...", "hoàn thành trong tháng ..."
DEADLINE_CUE = re.compile(r"(trước|chậm nhất|hoàn thành|xong|hạn|đến|kết thúc)\W{0,3}(ngày\s*)?$", re.IGNORECASE)
# numbers with a unit: "100%", "02 lần/ngày", "20.000 hộ"
NUMBER = re.compile(r"(?<![\w/.,])(\d{1,3}(?:[.\s]\d{3})+|\d+(?:,\d+)?)\s*(%|[^\W\d][\w/]*)?")
# a report to a superior body: the reporting-deadline finding looks for it
REPORT = re.compile(r"\bbáo cáo\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def stopwords() -> tuple[frozenset[str], frozenset[str]]:
    """(function words, generic directive words), folded."""
    data = json.loads(STOPWORDS.read_text(encoding="utf-8"))
    return frozenset(data["function"]), frozenset(data["generic_words"])


@lru_cache(maxsize=4096)
def _segmented(text: str) -> tuple[str, ...]:
    from underthesea import word_tokenize

    return tuple(word_tokenize(text))


def word_tokens(text: str, *, segment: bool = True) -> list[str]:
    """Folded words of ``text`` (compounds joined by '_'); punctuation dropped."""
    if segment:
        try:
            raw = _segmented(text)
        except ImportError:  # underthesea missing: fall back to syllable pairs
            raw = None
        if raw is not None:
            out = []
            for word in raw:
                folded = fold(word)
                if folded:
                    out.append(unify_variants(folded.replace(" ", "_")))
            return out
    syllables = unify_variants(fold(text)).split()
    return syllables + [f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False)]


def content_terms(tokens: list[str]) -> list[str]:
    """The tokens that carry a demand: no function or generic words, no bare numbers."""
    function, generic = stopwords()
    return [t for t in tokens if t not in function and t not in generic and not t.isdigit() and len(t) > 1]


def general_share(tokens: list[str]) -> float:
    """The share of general directive words ("tập trung", "khẩn trương", "hiệu quả") among the words of a
    text that are not function words: near 1 for a catch-all demand, low for a concrete one."""
    function, generic = stopwords()
    words = [t for t in tokens if t not in function and not t.isdigit() and len(t) > 1]
    return sum(t in generic for t in words) / len(words) if words else 0.0


def parse_number(raw: str) -> float | None:
    """'20.000' → 20000, '2,5' → 2.5, '02' → 2."""
    raw = raw.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def numbers_in(text: str) -> list[tuple[float, str | None]]:
    """(value, unit) pairs of the quantities written in ``text``, dates and document numbers left out."""
    dates = [(s, e) for s, e, _ in find_dates(text)]
    out = []
    for m in NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in dates):
            continue
        value = parse_number(m.group(1))
        if value is None:
            continue
        out.append((value, m.group(2)))
    return out


def deadline_in(text: str) -> str | None:
    """The ISO due date of a text: the first date that a deadline cue ('trước ngày ...') introduces."""
    for start, _end, value in find_dates(text):
        if DEADLINE_CUE.search(text[max(0, start - 25):start]):
            return value
    return None


def due_date(cell: str | None) -> str | None:
    """The ISO due date of a deadline (thời hạn) value: an ISO date as it is, else the end of
    the first time it states ("Quý III/2026" → 2026-09-30); None for "Thường xuyên"."""
    if not cell:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        return cell
    return next((t.last for t in find_times(cell) if t.last), None)


def locate(needle: str, haystack: str | None) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``haystack``: exact, else whitespace-insensitive, else by its opening words."""
    if not needle or not haystack:
        return None
    pos = haystack.find(needle)
    if pos >= 0:
        return pos, pos + len(needle)
    words = needle.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, haystack)
    if m:
        return m.start(), m.end()
    head = r"\s+".join(re.escape(w) for w in words[:8])
    m = re.search(head, haystack)
    if m:
        return m.start(), min(len(haystack), m.start() + len(needle))
    return None
