"""Detection and conversion of the legacy Vietnamese encodings TCVN3 and VNI.

A text typed in a legacy font reads, as Unicode, like "Céng hßa" (TCVN3) or
"Coäng hoøa" (VNI). The detector converts the words that contain characters of
an encoding and counts how many of them are valid Vietnamese syllables before
and after; it converts only when the gain is clear, so ordinary Unicode
Vietnamese, English or French text is left alone.
"""
from __future__ import annotations

import re
from collections import Counter

from pipeline.normalize.legacy_tables import (
    BREVE_OF,
    CIRCUMFLEX_OF,
    FONT_PREFIXES,
    TCVN3_SIGNS,
    TCVN3_TO_UNICODE,
    VNI_BREVE,
    VNI_CIRCUMFLEX,
    VNI_LETTERS,
    VNI_SIGNS,
    VNI_TONES,
)
from pipeline.normalize.syllables import LETTERS, TONED, is_syllable

ENCODINGS = ("tcvn3", "vni")

_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)
# a word for scoring: a run of characters that are neither white space nor punctuation
# (ASCII, and the cp1252 quotes, dashes and ellipsis that legacy fonts kept)
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022]+")
_WORD = re.compile(r"\S+")
_LEGACY_SIGN = re.compile("[" + re.escape(TCVN3_SIGNS + VNI_SIGNS) + "]")
# a word holding a letter beyond Latin-1 (ă, đ, ơ, ư, ạ ... ỹ)
_NON_LATIN1_WORD = re.compile("[" + "".join(LETTERS) + "]*[\u0100-\u1ef9][" + "".join(LETTERS) + "]*")
_TCVN3_CHARS = frozenset(TCVN3_TO_UNICODE)
_VNI_CHARS = frozenset(VNI_LETTERS) | frozenset(VNI_TONES) | frozenset(VNI_CIRCUMFLEX) | frozenset(VNI_BREVE)
_VNI_VOWELS = frozenset("aeouyơưAEOUYƠƯ")
# words scored at most, for long texts (the decision is stable long before)
_MAX_SCORED = 4000


def has_legacy_signs(text: str) -> bool:
    """Cheap test: does ``text`` contain a character typical of TCVN3 or VNI text?"""
    return _LEGACY_SIGN.search(text) is not None


def convert_tcvn3(text: str) -> str:
    """Convert TCVN3 text to Unicode (one character to one character)."""
    converted = text.translate(_TCVN3_TABLE)
    if converted == text:
        return text
    return _tcvn3_capitals(text, converted)


def _ascii_case_counts(text: str) -> tuple[int, int]:
    upper = sum(1 for ch in text if "A" <= ch <= "Z")
    lower = sum(1 for ch in text if "a" <= ch <= "z")
    return upper, lower


def _upper_same_length(text: str) -> str:
    return "".join(u if len(u := ch.upper()) == 1 else ch for ch in text)


def _tcvn3_capitals(original: str, converted: str) -> str:
    """Restore capitals drawn by the .VnTimeH fonts at lower-case code points.

    A line, or else a word, whose ASCII letters are all capitals (at least two)
    was typed in capitals: its converted letters become capitals too.
    """
    out: list[str] = []
    pos = 0
    for line in original.splitlines(keepends=True):
        end = pos + len(line)
        piece = converted[pos:end]
        if piece != line:
            upper, lower = _ascii_case_counts(line)
            if lower == 0 and upper >= 2:
                piece = _upper_same_length(piece)
            elif upper >= 2:
                chars = list(piece)
                for m in _WORD.finditer(line):
                    w_upper, w_lower = _ascii_case_counts(m.group())
                    if w_lower == 0 and w_upper >= 2:
                        chars[m.start():m.end()] = _upper_same_length(piece[m.start():m.end()])
                piece = "".join(chars)
        out.append(piece)
        pos = end
    return "".join(out)


def convert_vni_with_offsets(text: str) -> tuple[str, list[int]]:
    """Convert VNI text to Unicode; ``offsets[i]`` is the index in ``text`` of output character i.

    A letter and its mark character become one character, mapped to the letter.
    """
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        letter = VNI_LETTERS.get(ch, ch)
        nxt = text[i + 1] if i + 1 < n else ""
        composed = None
        if nxt:
            if letter in CIRCUMFLEX_OF and nxt in VNI_CIRCUMFLEX:
                composed = TONED[(CIRCUMFLEX_OF[letter], VNI_CIRCUMFLEX[nxt])]
            elif letter in BREVE_OF and nxt in VNI_BREVE:
                composed = TONED[(BREVE_OF[letter], VNI_BREVE[nxt])]
            elif letter in _VNI_VOWELS and nxt in VNI_TONES:
                composed = TONED[(letter, VNI_TONES[nxt])]
        if composed is not None:
            out.append(composed)
            offsets.append(i)
            i += 2
            continue
        out.append(letter)
        offsets.append(i)
        i += 1
    return "".join(out), offsets


def convert_vni(text: str) -> str:
    """Convert VNI text to Unicode."""
    return convert_vni_with_offsets(text)[0]


def convert(text: str, encoding: str) -> tuple[str, list[int]]:
    """Convert ``text`` from ``encoding`` ('tcvn3' or 'vni') with the offset map back to ``text``."""
    if encoding == "tcvn3":
        return convert_tcvn3(text), list(range(len(text)))
    if encoding == "vni":
        return convert_vni_with_offsets(text)
    raise ValueError(f"unknown legacy encoding: {encoding!r}")


def _candidates(text: str, signs: frozenset[str], *, min_len: int) -> Counter[str]:
    """Words of ``text`` that contain at least one character of an encoding, with counts."""
    words: Counter[str] = Counter()
    seen = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        if len(word) >= min_len and any(ch in signs for ch in word) and not any(ch.isdigit() for ch in word):
            words[word] += 1
            seen += 1
            if seen >= _MAX_SCORED:
                break
    return words


def score(text: str, encoding: str, *, min_len: int = 2) -> tuple[int, int, int]:
    """``(candidate words, valid before, valid after conversion)`` for ``encoding``.

    Words shorter than ``min_len`` are not counted: a lone "×" or "§" says little.
    """
    signs = _TCVN3_CHARS if encoding == "tcvn3" else _VNI_CHARS
    conv = convert_tcvn3 if encoding == "tcvn3" else convert_vni
    total = before = after = 0
    for word, count in _candidates(text, signs, min_len=min_len).items():
        total += count
        if is_syllable(word):
            before += count
        if is_syllable(conv(word)):
            after += count
    return total, before, after


def _unicode_vietnamese(text: str, limit: int) -> int:
    """Valid syllables written with letters beyond Latin-1 (ạ, ư, đ ...), counted up to ``limit``."""
    found = 0
    for m in _NON_LATIN1_WORD.finditer(text):
        if is_syllable(m.group()):
            found += 1
            if found >= limit:
                break
    return found


def detect(text: str, *, hint: str | None = None) -> str | None:
    """The legacy encoding ``text`` is written in, or None.

    Without a hint an encoding must make clearly more words valid syllables: a
    gain of at least two words and a third of its candidate words, at least half
    of them valid after, and more than the syllables already written in Unicode
    letters beyond Latin-1 (which legacy text cannot contain). With ``hint`` (from
    a font name) it must not make things worse.
    """
    best: str | None = None
    best_after = -1
    for encoding in ENCODINGS:
        if encoding == hint:
            total, before, after = score(text, encoding, min_len=1)
            ok = total > 0 and after >= before and after > 0
        else:
            total, before, after = score(text, encoding)
            gain = after - before
            ok = (gain >= max(2, total / 3) and after >= total / 2
                  and _unicode_vietnamese(text, gain) < gain)
        if ok and after > best_after:
            best, best_after = encoding, after
    return best


def encoding_for_font(font_name: str | None) -> str | None:
    """'tcvn3' or 'vni' when ``font_name`` is a legacy font (".VnTime", "VNI-Times"), else None."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    for prefix, encoding in FONT_PREFIXES.items():
        if name.startswith(prefix):
            return encoding
    return None


def detect_and_convert(text: str, *, font: str | None = None) -> tuple[str, str | None]:
    """Convert ``text`` if it is TCVN3 or VNI; returns the text and the encoding (None: unchanged).

    ``font`` is the font name of the run, when the reader knows it: a legacy font
    lowers the bar for its own encoding.
    """
    converted, _, encoding = detect_and_convert_with_offsets(text, font=font)
    return converted, encoding


def detect_and_convert_with_offsets(text: str, *, font: str | None = None
                                    ) -> tuple[str, list[int] | None, str | None]:
    """Like ``detect_and_convert`` plus the offset map (None when unchanged)."""
    hint = encoding_for_font(font)
    if hint is None and not has_legacy_signs(text):
        return text, None, None
    encoding = detect(text, hint=hint)
    if encoding is None:
        return text, None, None
    converted, offsets = convert(text, encoding)
    return converted, offsets, encoding
