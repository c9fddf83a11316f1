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
_WORD = "[" + LETTERS + "]"
_CANDIDATE = re.compile(f"{_WORD}*(?:{_SUSPECT}){_WORD}*")


def fix_tone_placement(text: str) -> str:
    """Move tone marks to the modern position in every word that needs it (same length)."""
    return _CANDIDATE.sub(lambda m: place_tone(m.group()), text)
