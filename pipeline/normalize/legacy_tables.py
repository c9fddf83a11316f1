"""Conversion tables of the legacy Vietnamese 8-bit encodings, as Unicode code points.

Legacy fonts stored Vietnamese letters at code points of the Latin-1 range, so a
file decoded as cp1252 (or a Word run typed in such a font and saved as
Unicode) shows them as Western letters: "ViÖt Nam" (TCVN3), "Vieät Nam" (VNI).
"""
from __future__ import annotations

# TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime, .VnArial ...). One byte per
# letter. The upper-case fonts (.VnTimeH) draw capitals at the lower-case code
# points, so only Ă Â Ê Ô Ơ Ư Đ have capitals of their own. Within each vowel
# the order is huyền, hỏi, ngã, sắc, nặng.
TCVN3_TO_UNICODE = {
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
    "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư", "\u00ae": "đ",
    # a
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    # ă
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    # â
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    # e
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    # ê
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    # i
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    # o
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    # ô
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    # ơ
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    # u
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    # ư
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    # y
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}

# VNI (VNI-Times, VNI-Helve ...): a base letter followed by a mark character.
# Letters that are one character of their own:
VNI_LETTERS = {
    "\u00f4": "ơ", "\u00d4": "Ơ",        # ô → ơ
    "\u00f6": "ư", "\u00d6": "Ư",        # ö → ư
    "\u00f1": "đ", "\u00d1": "Đ",        # ñ → đ
    "\u00ec": "ì", "\u00cc": "Ì",        # i with tones
    "\u00ed": "í", "\u00cd": "Í",
    "\u00e6": "ỉ", "\u00c6": "Ỉ",
    "\u00f3": "ĩ", "\u00d3": "Ĩ",
    "\u00f2": "ị", "\u00d2": "Ị",
    "\u00ee": "ỵ", "\u00ce": "Ỵ",        # î → ỵ
}
# tone marks following any vowel (a e o u y ơ ư): tone number as in syllables.TONE_MARKS order
# 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng
VNI_TONES = {
    "\u00f8": 1, "\u00d8": 1,            # ø
    "\u00f9": 2, "\u00d9": 2,            # ù
    "\u00fb": 3, "\u00db": 3,            # û
    "\u00f5": 4, "\u00d5": 4,            # õ
    "\u00ef": 5, "\u00cf": 5,            # ï
}
# circumflex (alone or with a tone) following a, e, o: (quality mark, tone)
VNI_CIRCUMFLEX = {
    "\u00e2": 0, "\u00c2": 0,            # â
    "\u00e0": 1, "\u00c0": 1,            # à
    "\u00e1": 2, "\u00c1": 2,            # á
    "\u00e5": 3, "\u00c5": 3,            # å
    "\u00e3": 4, "\u00c3": 4,            # ã
    "\u00e4": 5, "\u00c4": 5,            # ä
}
# breve (alone or with a tone) following a
VNI_BREVE = {
    "\u00ea": 0, "\u00ca": 0,            # ê
    "\u00e8": 1, "\u00c8": 1,            # è
    "\u00e9": 2, "\u00c9": 2,            # é
    "\u00fa": 3, "\u00da": 3,            # ú
    "\u00fc": 4, "\u00dc": 4,            # ü
    "\u00eb": 5, "\u00cb": 5,            # ë
}
# the vowel a base letter becomes under a circumflex / a breve
CIRCUMFLEX_OF = {"a": "â", "e": "ê", "o": "ô", "A": "Â", "E": "Ê", "O": "Ô"}
BREVE_OF = {"a": "ă", "A": "Ă"}

# Latin-1 characters that never occur in Unicode Vietnamese: their presence
# is what makes a text worth testing for a legacy encoding.
TCVN3_SIGNS = "".join(ch for ch in TCVN3_TO_UNICODE if ch not in "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
VNI_SIGNS = "øûïåäüëöñæîØÛÏÅÄÜËÖÑÆÎ"

# font names that announce a legacy encoding (lower case, matched as prefixes)
FONT_PREFIXES = {
    ".vn": "tcvn3",        # .VnTime, .VnTimeH, .VnArial
    "vni-": "vni",         # VNI-Times, VNI-Helve
    "vni ": "vni",
}
