"""Text preparation for the index: folded shadow texts, number tokens, query parsing, snippets.

Folding is ``pipeline.lang.fold.fold`` (lower case, no marks, đ→d), the same
function every other stage compares texts with. A document number becomes one
token by joining its parts with ``_`` before folding: "12-NQ/TW" → "12_nq_tw",
"45/KH-LĐLĐ" → "45_kh_ldld"; the FTS tokenizer keeps ``_`` inside tokens.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.lang.fold import fold, fold_number, strip_marks
from pipeline.lang.numbers import PARTY_NUMBER, STATE_NUMBER, clean_number

# a number anywhere in a text: Party style first (its dash would otherwise split it)
_NUMBER = re.compile(f"(?:{PARTY_NUMBER.pattern})|(?:{STATE_NUMBER.pattern})")
_WORD = re.compile(r"\w+")
_PHRASE = re.compile(r'"([^"]*)"')
_NUMBER_SEPARATORS = re.compile(r"[-–/]")

SNIPPET_CHARS = 220
MARK_OPEN, MARK_CLOSE = "[", "]"


def number_token(number: str | None) -> str:
    """The document number as one folded FTS token: '12-NQ/TW' → '12_nq_tw' ('' when None)."""
    if not number:
        return ""
    return fold(_NUMBER_SEPARATORS.sub("_", clean_number(number)))


def _join_numbers(text: str) -> str:
    return _NUMBER.sub(lambda m: " " + _NUMBER_SEPARATORS.sub("_", clean_number(m.group(0))) + " ", text)


def index_text(text: str | None) -> str:
    """The folded shadow of a title or body: numbers joined into tokens, then ``fold``."""
    if not text:
        return ""
    # '_' of word-segmented files ("Kế_hoạch") separates words; only numbers may hold it
    return fold(_join_numbers(unicodedata.normalize("NFC", text).replace("_", " ")))


def has_marks(text: str) -> bool:
    """Whether the text carries any Vietnamese mark or đ (an 'accented' query)."""
    return strip_marks(text) != text


@dataclass
class ParsedQuery:
    """A user query split into FTS terms (all folded) and the accented words, if any."""

    folded_terms: list[str] = field(default_factory=list)  # numbers as tokens, then words
    phrases: list[list[str]] = field(default_factory=list)  # "quoted" parts, folded
    accented_terms: list[str] = field(default_factory=list)  # the words as typed (lower case), if accented
    numbers: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """No term at all (a filter-only search)."""
        return not (self.folded_terms or self.phrases)

    def all_folded(self) -> list[str]:
        """Every folded term, phrase words included (for snippets)."""
        return self.folded_terms + [w for p in self.phrases for w in p]


def parse_query(query: str) -> ParsedQuery:
    """Split a free-text query: numbers become one token each, "quoted text" a phrase.

    Nothing of the user's text reaches FTS5 unquoted, so its syntax (AND, NEAR,
    ``*``, ``:``) is always taken literally.
    """
    parsed = ParsedQuery()
    query = unicodedata.normalize("NFC", query or "")

    def take_numbers(text: str) -> str:
        def keep(m: re.Match) -> str:
            parsed.numbers.append(clean_number(m.group(0)))
            return " "
        return _NUMBER.sub(keep, text)

    for raw in _PHRASE.findall(query):
        words = index_text(take_numbers(raw)).split()
        if len(words) > 1:
            parsed.phrases.append(words)
        else:
            parsed.folded_terms += words
    rest = take_numbers(_PHRASE.sub(" ", query))
    parsed.folded_terms += [number_token(n) for n in parsed.numbers]
    parsed.folded_terms += index_text(rest).split()
    accented = " ".join([rest, *(take_numbers(p) for p in _PHRASE.findall(query))]).replace("_", " ")
    if has_marks(accented):
        parsed.accented_terms = list(dict.fromkeys(w.lower() for w in _WORD.findall(accented)))
    parsed.folded_terms = list(dict.fromkeys(parsed.folded_terms))
    return parsed


# ------------------------------------------------------------------ snippets

@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Per-character folding that keeps offsets: 'Đ' → 'd', 'ế' → 'e' (one char each)."""
    table: dict[int, str] = {}
    for code in list(range(0x80, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = strip_marks(char).lower()
        if len(folded) == 1 and folded != char:
            table[code] = folded
    return table


def fold_keep_offsets(text: str) -> str:
    """``text`` lower-cased and without marks, with exactly the same length and offsets."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_fold_table())


def _term_pattern(term: str) -> str:
    parts = term.split("_")
    if len(parts) > 1:  # a number token: its printed form may carry spaces and any separator
        return r"\s?[-–/_]\s?".join(re.escape(p) for p in parts)
    return re.escape(term)


def snippet(text: str, terms: list[str], *, width: int = SNIPPET_CHARS) -> str:
    """The passage of ``text`` holding most query terms, matches in [brackets], on one line."""
    if not text:
        return ""
    terms = [t for t in dict.fromkeys(terms) if t]
    if not terms:
        return " ".join(text[:width].split())
    folded = fold_keep_offsets(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_term_pattern(t) for t in
                                                 sorted(terms, key=len, reverse=True)) + r")(?!\w)")
    matches = list(pattern.finditer(folded))
    if not matches:
        return " ".join(text[:width].split()) + ("…" if len(text) > width else "")
    best, best_count = 0, -1
    for i, m in enumerate(matches):
        window = {folded[x.start():x.end()] for x in matches[i:] if x.start() < m.start() + width}
        if len(window) > best_count:
            best, best_count = i, len(window)
            if best_count == len(terms):
                break
    start = max(0, matches[best].start() - width // 4)
    # start on a word boundary
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and text[end].isalnum():
        end += 1
    pieces, cursor = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        pieces += [text[cursor:m.start()], MARK_OPEN, text[m.start():m.end()], MARK_CLOSE]
        cursor = m.end()
    pieces.append(text[cursor:end])
    out = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + out + ("…" if end < len(text) else "")


__all__ = ["fold_number", "index_text", "number_token", "parse_query", "snippet", "fold_keep_offsets",
           "ParsedQuery", "has_marks"]
