"""Old to modern tone placement: hoà → hòa, thuỷ → thủy, Qúy → Quý, cuả → của.

Only words where a misplaced tone is possible are looked at (a regex over the
text finds them), and a word changes only when it is a valid syllable; the
change moves one mark inside the word, so the length never changes.
"""
from __future__ import annotations

import re

from pipeline.normalize.syllables import LETTERS, SPLIT, TONED_CHARS, place_tone

VOWEL_CHARS = "".join(ch for ch in SPLIT if SPLIT[ch][0].lower() in "aăâeêioôơuưy")


def _toned(letters: str) -> str:
    """All toned forms (both cases) of the given lower-case toneless vowels."""
    return "".join(ch for ch in TONED_CHARS if SPLIT[ch][0].lower() in letters)


# places where the old placement (or a common slip) puts the tone
_SUSPECT = "|".join((
    "[oO][" + _toned("ae") + "]",                  # hoà, khoẻ, hoá
    "[uU][" + _toned("y") + "]",                   # thuỷ, tuỳ, uỷ
    "[qQ][" + _toned("u") + "]",                   # Qúy, qủa
    "[gG][" + _toned("i") + "][" + VOWEL_CHARS + "]",  # gìa
    "[uUiIưƯ][" + _toned("a") + "]",               # cuả, mià, chưá
))
_SUSPECT_RE = re.compile(_SUSPECT)
_LETTER_SET = frozenset(LETTERS)


def fix_tone_placement(text: str) -> str:
    """Move tone marks to the modern position in every word that needs it (same length)."""
    chars: list[str] | None = None
    n = len(text)
    last_end = -1
    for m in _SUSPECT_RE.finditer(text):
        start, end = m.start(), m.end()
        if start < last_end:
            continue
        while start > 0 and text[start - 1] in _LETTER_SET:
            start -= 1
        while end < n and text[end] in _LETTER_SET:
            end += 1
        last_end = end
        word = text[start:end]
        fixed = place_tone(word)
        if fixed != word:
            if chars is None:
                chars = list(text)
            chars[start:end] = fixed
    return text if chars is None else "".join(chars)
