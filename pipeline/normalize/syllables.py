"""Vietnamese syllables: tone marks, the syllable inventory and tone placement.

The inventory is generated at import from spelling rules (onsets x rhymes, with
the c/k/q and g/gh/ng/ngh spelling constraints) into a frozenset of toneless
spellings, about 4 000 entries; a syllable is valid when its toneless spelling
is in the set and, if it ends in a stop (c, ch, p, t), its tone is sắc or nặng.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# tone numbers: 0 ngang (none), 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng
TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_MARK_OF_TONE = {tone: mark for mark, tone in TONE_MARKS.items()}

# the twelve vowel letters (quality marks included, tone excluded)
VOWELS = "aăâeêioôơuưy"
# vowel letters that carry a quality mark: the tone goes on them
MARKED_VOWELS = "ăâêôơư"
CONSONANT_LETTERS = "bcdđghklmnpqrstvx"

# onsets (phụ âm đầu) as spelled; "" is the empty onset
ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)

# rhymes (vần) as spelled after an ordinary onset, grouped by main vowel
RHYMES = " ".join((
    "a ac ach ai am an ang anh ao ap at au ay",          # a
    "ăc ăm ăn ăng ăp ăt",                                # ă (never open)
    "âc âm ân âng âp ât âu ây",                          # â (never open)
    "e ec em en eng eo ep et",                           # e
    "ê êch êm ên ênh êp êt êu",                          # ê
    "i ia ich im in inh ip it iu",                       # i
    "iêc iêm iên iêng iêp iêt iêu",                      # iê after an onset
    "yêm yên yêng yêt yêu",                              # iê spelled yê (no onset)
    "o oc oi om on ong op ot ooc oong",                  # o
    "ô ôc ôi ôm ôn ông ôp ôt",                           # ô
    "ơ ơi ơm ơn ơp ơt",                                  # ơ
    "u ua uc ui um un ung up ut",                        # u
    "uôc uôi uôm uôn uông uôt",                          # uô
    "ư ưa ưc ưi ưng ưt ưu",                              # ư
    "ươc ươi ươm ươn ương ươp ươt ươu",                  # ươ
    "y",                                                 # y alone (ý, kỹ, lý)
    "oa oac oach oai oam oan oang oanh oap oat oay",     # medial o + a
    "oăc oăm oăn oăng oăt",                              # medial o + ă
    "oe oen oeo oet",                                    # medial o + e
    "uân uâng uât uây",                                  # medial u + â
    "uê uêch uênh",                                      # medial u + ê
    "uy uya uych uyên uyêt uyn uynh uyp uyt uyu",        # medial u + i/y
    "uơ",                                                # thuở, huơ
)).split()

# after "qu" the u is the medial: these spellings follow it (quy, quýt, quỳnh, quyết)
QU_EXTRA_RHYMES = ("ych", "ynh", "yt", "yn", "yu")
# after "gi" the i is absorbed: iê is spelled ê (giếng, giết)
GI_EXTRA_RHYMES = ("êc", "êm", "ên", "êng", "êt", "êu")
# onsets spelled with k/gh/ngh only before front vowels, c/g/ng only elsewhere
FRONT_ONLY_ONSETS = {"k", "gh", "ngh"}
NOT_FRONT_ONSETS = {"c", "g", "ng"}
FRONT_VOWELS = "eêiy"
STOP_CODAS = ("c", "ch", "p", "t")
CODA_CONSONANTS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")


def _build_inventory() -> frozenset[str]:
    """All toneless syllable spellings allowed by the onset/rhyme rules."""
    out: set[str] = set()
    for onset in ONSETS:
        if onset == "qu":
            rhymes = [r for r in RHYMES if r[0] not in "ou" and not r.startswith("yê")]
            rhymes += ["yêm", "yên", "yêt", "yêu", *QU_EXTRA_RHYMES]
        elif onset == "gi":
            rhymes = [r for r in RHYMES if r[0] not in "iy"] + list(GI_EXTRA_RHYMES)
        elif onset == "":
            rhymes = list(RHYMES)
        else:
            rhymes = [r for r in RHYMES if not r.startswith("yê")]
        for rhyme in rhymes:
            first = rhyme[0]
            if onset in FRONT_ONLY_ONSETS and first not in FRONT_VOWELS:
                continue
            if onset == "ngh" and first == "y" or onset == "gh" and first == "y":
                continue
            if onset in NOT_FRONT_ONSETS and first in FRONT_VOWELS:
                # gì, gìn, gịt: g + i is the one exception (not gi + vowel)
                if not (onset == "g" and first == "i" and rhyme not in ("ia",) and "ê" not in rhyme):
                    continue
            out.add(onset + rhyme)
    return frozenset(out)


SYLLABLES = _build_inventory()


def _build_char_tables() -> tuple[dict[str, tuple[str, int]], dict[tuple[str, int], str]]:
    """``SPLIT[ch] = (toneless letter, tone)`` and ``TONED[(letter, tone)] = ch`` for both cases."""
    split: dict[str, tuple[str, int]] = {}
    toned: dict[tuple[str, int], str] = {}
    for letter in VOWELS + VOWELS.upper():
        for tone in range(6):
            composed = letter if tone == 0 else unicodedata.normalize("NFC", letter + _MARK_OF_TONE[tone])
            split[composed] = (letter, tone)
            toned[(letter, tone)] = composed
    for letter in CONSONANT_LETTERS + CONSONANT_LETTERS.upper():
        split[letter] = (letter, 0)
    return split, toned


SPLIT, TONED = _build_char_tables()
# every precomposed character carrying a tone mark (used to build fast regexes)
TONED_CHARS = "".join(sorted(ch for ch, (_, tone) in SPLIT.items() if tone))
# every Vietnamese letter, both cases
LETTERS = "".join(sorted(SPLIT))
UPPER_LETTERS = "".join(sorted(ch for ch in SPLIT if ch.isupper()))


def split_syllable(word: str) -> tuple[str, int, int] | None:
    """``(toneless lower-case spelling, tone, index of the toned letter or -1)``; None if not all letters."""
    base: list[str] = []
    tone = 0
    where = -1
    for i, ch in enumerate(word):
        entry = SPLIT.get(ch)
        if entry is None:
            return None
        letter, t = entry
        if t:
            if tone:
                return None
            tone, where = t, i
        base.append(letter)
    return "".join(base).lower(), tone, where


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` (any case, any tone placement) spells one Vietnamese syllable."""
    parts = split_syllable(word)
    if parts is None:
        return False
    base, tone, _ = parts
    if base not in SYLLABLES:
        return False
    if base.endswith(STOP_CODAS):
        return tone in (2, 5)
    return True


def _onset_length(base: str) -> int:
    """Length of the onset of a toneless lower-case syllable (qu and gi before a vowel count)."""
    if base.startswith("qu") and len(base) > 2:
        return 2
    if base.startswith("gi") and len(base) > 2 and base[2] in VOWELS:
        return 2
    n = 0
    while n < len(base) and base[n] not in VOWELS:
        n += 1
    return n


def tone_position(base: str) -> int:
    """Index in ``base`` (toneless, lower case) of the letter that carries the tone.

    The placement used in the output is the one of current official texts:
    hòa, khỏe, thủy, quý (oa/oe/uy without final consonant: first vowel).
    """
    start = _onset_length(base)
    end = start
    while end < len(base) and base[end] in VOWELS:
        end += 1
    nucleus = base[start:end]
    if not nucleus:
        return -1
    marked = [i for i, ch in enumerate(nucleus) if ch in MARKED_VOWELS]
    if marked:
        return start + marked[-1]
    if end < len(base):           # a final consonant: the last vowel (hoàn, toán, huỳnh)
        return end - 1
    if len(nucleus) == 3:         # oai, uyu, oeo, oay: the middle one
        return start + 1
    return start                  # hòa, của, mía, tủy


@lru_cache(maxsize=65536)
def place_tone(word: str) -> str:
    """``word`` with its tone mark moved to the modern position; unchanged if not a valid syllable."""
    parts = split_syllable(word)
    if parts is None:
        return word
    base, tone, where = parts
    if not tone or base not in SYLLABLES:
        return word
    target = tone_position(base)
    if target < 0 or target == where:
        return word
    chars = list(word)
    old_letter = SPLIT[chars[where]][0]
    chars[where] = old_letter
    new_letter = SPLIT[chars[target]][0]
    chars[target] = TONED[(new_letter, tone)]
    return "".join(chars)
