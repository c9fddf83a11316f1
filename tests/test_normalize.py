"""Normalisation: tone placement, legacy encodings, OCR spacing, offsets, decoding."""
from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from pipeline.normalize import normalise
from pipeline.normalize.core import CHAR_MAP
from pipeline.normalize.encoding import decode_bytes
from pipeline.normalize.legacy import detect_and_convert, encoding_for_font
from pipeline.normalize.legacy_tables import (
    BREVE_OF,
    CIRCUMFLEX_OF,
    TCVN3_TO_UNICODE,
    VNI_BREVE,
    VNI_CIRCUMFLEX,
    VNI_LETTERS,
    VNI_TONES,
)
from pipeline.normalize.ocrfix import repair_spacing
from pipeline.normalize.syllables import SPLIT, TONE_MARKS, is_syllable
from pipeline.normalize.tones import fix_tone_placement

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
REALDOCS = ROOT.parent / "shared" / "realdocs"


# ---------------------------------------------------------------- encoders (inverse tables)
_TCVN3_FROM = {v: k for k, v in TCVN3_TO_UNICODE.items()}


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3 as a .VnTime user would type it (capitals with tones use the lower-case code)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TCVN3_FROM.get(ch, _TCVN3_FROM.get(ch.lower(), ch)) for ch in text)


def _inverse(table: dict) -> dict:
    out: dict = {}
    for key, value in table.items():
        out.setdefault((value, key.isupper()), key)
    return out


_VNI_TONE_FROM = _inverse(VNI_TONES)
_VNI_CIRC_FROM = _inverse(VNI_CIRCUMFLEX)
_VNI_BREVE_FROM = _inverse(VNI_BREVE)
_VNI_LETTER_FROM = {v: k for k, v in VNI_LETTERS.items()}
_PLAIN_OF_CIRC = {v: k for k, v in CIRCUMFLEX_OF.items()}
_PLAIN_OF_BREVE = {v: k for k, v in BREVE_OF.items()}


def to_vni(text: str) -> str:
    """Unicode → VNI (base letter + mark character)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _VNI_LETTER_FROM:
            out.append(_VNI_LETTER_FROM[ch])
            continue
        if ch not in SPLIT or SPLIT[ch][0].lower() not in "aăâeêoôơuưy":
            out.append(ch)
            continue
        letter, tone = SPLIT[ch]
        upper = letter.isupper()
        if letter in _PLAIN_OF_CIRC:
            out.append(_PLAIN_OF_CIRC[letter] + _VNI_CIRC_FROM[(tone, upper)])
        elif letter in _PLAIN_OF_BREVE:
            out.append(_PLAIN_OF_BREVE[letter] + _VNI_BREVE_FROM[(tone, upper)])
        else:
            out.append(_VNI_LETTER_FROM.get(letter, letter) + (_VNI_TONE_FROM[(tone, upper)] if tone else ""))
    return "".join(out)


_MARK_OF = {tone: mark for mark, tone in TONE_MARKS.items()}


def to_cp1258(text: str) -> bytes:
    """Unicode → cp1258: precomposed where the code page has the letter, else base + combining tone."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            letter, tone = SPLIT[ch]
            out += letter.encode("cp1258") + _MARK_OF[tone].encode("cp1258")
    return out


def seed_lines(limit: int = 40) -> list[str]:
    """Real sentences from the seed documents, letters and plain punctuation only."""
    lines = []
    for path in SEEDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = unicodedata.normalize("NFC", line.strip())
            if len(line) > 40 and all(ch in SPLIT or ch.isdigit() or ch in " ,.;:-()/" for ch in line):
                lines.append(line)
    return lines[:limit]


# ---------------------------------------------------------------- syllables
@pytest.mark.parametrize("word, valid", [
    ("nghiêng", True),      # longest onset and rhyme
    ("người", True),        # ươi
    ("khuya", True),        # uya
    ("quốc", True),         # qu + ôc, stop final with sắc
    ("gì", True),           # g + i exception
    ("hoà", True),          # old placement is still a syllable
    ("HÒA", True),          # capitals
    ("hoc", False),         # stop final without sắc/nặng
    ("ngiêng", False),      # ng before i must be ngh
    ("kan", False),         # k before a must be c
    ("dâ", False),          # â never ends a syllable
    ("ban2", False),        # digit
    ("UBND", False),        # acronym
    ("file", False),        # English
])
def test_is_syllable(word, valid):
    assert is_syllable(word) is valid


# ---------------------------------------------------------------- tone placement
@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"),           # oa open: tone on o
    ("hoá", "hóa"),
    ("thuỷ", "thủy"),         # uy open: tone on u
    ("Qúy", "Quý"),           # tone on the u of qu moves to y
    ("qủa", "quả"),           # same with a
    ("khoẻ", "khỏe"),         # oe open
    ("uỷ", "ủy"),             # no onset
    ("tuỳ", "tùy"),
    ("HOÀ", "HÒA"),           # case kept
    ("Hoà", "Hòa"),
    ("UỶ BAN", "ỦY BAN"),
    ("cuả", "của"),           # slip: ua open, tone on u
    ("gìa", "già"),           # gi onset: tone goes on the vowel after it
    ("hoạ sĩ", "họa sĩ"),
    ("toà án", "tòa án"),
    ("hoàn", "hoàn"),         # final consonant: tone stays on the last vowel
    ("quý", "quý"),           # qu + y: already right
    ("Quỹ", "Quỹ"),
    ("thuở", "thuở"),         # uơ: tone on ơ
    ("giữa", "giữa"),         # gi + ưa
    ("khuya", "khuya"),       # no tone
    ("người", "người"),       # ươi: tone on ơ
    ("khuỷu", "khuỷu"),       # uyu: middle vowel
    ("xoáy", "xoáy"),         # oay: middle vowel
    ("gìn giữ", "gìn giữ"),   # g + in
    ("huỳnh", "huỳnh"),       # final nh
    ("café", "café"),         # not Vietnamese: untouched
    ("Hoá học, thuỷ lợi; khoẻ.", "Hóa học, thủy lợi; khỏe."),  # punctuation around words
])
def test_tone_placement(old, new):
    assert fix_tone_placement(old) == new
    text, offsets = normalise(old)
    assert text == new
    assert offsets == list(range(len(old)))   # same length, one to one


# ---------------------------------------------------------------- legacy encodings
@pytest.mark.parametrize("legacy, unicode", [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),   # TCVN3 national motto
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),               # TCVN3 with Đ
    ("Tr\u00adêng häc vµ ng\u00adêi d©n", "Trường học và người dân"),               # soft hyphen = ư
    ("UBND TØNH Hµ NéI", "UBND TỈNH HÀ NỘI"),                                       # .VnTimeH capitals
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),  # VNI
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),           # VNI đ, ư, ự
    ("Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"),                               # VNI ươ
    ("COÄNG HOØA XAÕ HOÄI", "CỘNG HÒA XÃ HỘI"),                                       # VNI capitals
    ("naêm hoïc, ñaéc löïc", "năm học, đắc lực"),                                    # VNI breve
])
def test_legacy_samples(legacy, unicode):
    assert detect_and_convert(legacy)[0] == unicode


@pytest.mark.parametrize("line", seed_lines())
def test_tcvn3_round_trip(line):
    converted, encoding = detect_and_convert(to_tcvn3(line))
    assert encoding == "tcvn3"
    # TCVN3 has no capitals with tones: compare them case-blind
    assert converted.lower() == line.lower()


@pytest.mark.parametrize("line", seed_lines())
def test_vni_round_trip(line):
    assert detect_and_convert(to_vni(line)) == (line, "vni")


@pytest.mark.parametrize("text", [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",                    # ordinary Unicode Vietnamese
    "Hoá đơn, thuế, tôi đã ăn cơm ở Hà Nội",                 # old placement, Latin-1 letters
    "- Số lượng: 02 hội nghị/năm × 50 đại biểu/hội nghị.",   # × in Unicode text (realdocs regression)
    "The committee approved the plan on Monday.",            # English
    "Le café à côté de l'hôtel, déjà fermé.",                # French
    "Straße, Müller, Zürich, naïve, façade",                 # German
    "© 2024 ® § 12 · « citation »",                          # symbols alone
])
def test_detector_does_not_fire(text):
    assert detect_and_convert(text) == (text, None)


@pytest.mark.parametrize("font, encoding", [
    (".VnTime", "tcvn3"),      # ABC fonts
    (".VnTimeH", "tcvn3"),
    ("VNI-Times", "vni"),
    ("Times New Roman", None),
    (None, None),
])
def test_encoding_for_font(font, encoding):
    assert encoding_for_font(font) == encoding


def test_font_hint_converts_a_single_word():
    # without a hint one word is too little evidence; a .VnTime run is enough
    assert detect_and_convert("ViÖt") == ("ViÖt", None)
    assert detect_and_convert("ViÖt", font=".VnTime") == ("Việt", "tcvn3")


# ---------------------------------------------------------------- OCR spacing
@pytest.mark.parametrize("raw, fixed", [
    ("ỦY B AN NHÂN D Â N", "ỦY BAN NHÂN DÂN"),                    # fragments joined
    ("CỘNG H ÒA XÃ HỘI", "CỘNG HÒA XÃ HỘI"),                     # consonant + rhyme
    ("TRƯ ỜNG ĐẠI HỌC", "TRƯỜNG ĐẠI HỌC"),                       # valid + invalid
    ("ĐẢNG CỘNG SẢN VIỆT N AM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("C ÔNG TY", "CÔNG TY"),
    ("ngày 26 tháng 0 6 năm 2018", "ngày 26 tháng 06 năm 2018"),  # month digits
    ("năm 2 018", "năm 2018"),                                    # year digits
    ("ngày 2 6 tháng 1 2 năm 20 19", "ngày 26 tháng 12 năm 2019"),
    ("NGÀY 0 5 THÁNG 7 NĂM 2 024", "NGÀY 05 THÁNG 7 NĂM 2024"),  # capitals
])
def test_ocr_repairs(raw, fixed):
    assert normalise(raw)[0] == fixed


@pytest.mark.parametrize("raw", [
    "SỞ Y TẾ",                          # two valid syllables are never joined
    "CỘNG HÒ A",                        # HÒ and A are both valid: left alone
    "PHỤ LỤC B AN TOÀN",                # a label letter after LỤC
    "| S TT | Danh mục",                # acronym in a table, lower-case line
    "Ủy b an nhân dân",                 # not a header line
    "I. MỤC ĐÍCH, YÊU CẦU",             # Roman numeral
    "năm 2 000 000 đồng",               # an amount, not a year
    "trong 5 năm 2 0 người",            # not four digits
    "ngày 4 5 người",                   # no 'tháng' after the day
])
def test_ocr_non_repairs(raw):
    assert repair_spacing(raw) == (raw, None)
    assert normalise(raw)[0] == raw


# ---------------------------------------------------------------- offsets
def _fold(ch: str) -> str:
    ch = ch.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()


def _related(out: str, raw: str) -> bool:
    """``out`` can come from ``raw``: same letter up to marks, or a table maps one to the other."""
    sources = [raw, TCVN3_TO_UNICODE.get(raw, raw), VNI_LETTERS.get(raw, raw), CHAR_MAP.get(raw, raw)]
    return any(s and _fold(s)[:1] == _fold(out)[:1] for s in sources) or out == CHAR_MAP.get(raw)


@pytest.mark.parametrize("raw", [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",           # identity
    "Ho\u0300a bi\u0300nh",                          # NFD
    "hoà\u00a0bình\r\nthuỷ\u200b lợi\x02",           # char map with deletions
    "Céng hßa x· héi chñ nghÜa ViÖt Nam",            # TCVN3
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",      # VNI: two characters into one
    "ỦY B AN NHÂN D Â N",                            # joins
    "ngày 2 6 tháng 0 6 năm 2 018",                  # date digits
    "\uf0b7 Ð\u00d0ẢNG",                             # bullet, Ð
    "",                                              # empty
    "plain ascii\ttext",                             # fast path
])
def test_offsets_invariants(raw):
    text, offsets = normalise(raw)
    assert len(text) == len(offsets)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(raw) for o in offsets)
    for ch, o in zip(text, offsets, strict=True):
        assert _related(ch, raw[o]), (ch, raw[o])


def test_vni_offsets_point_at_the_letter():
    # one word alone is too little evidence without a font, so two words
    text, offsets = normalise("Vieät Nam, Haø Noäi")
    assert text == "Việt Nam, Hà Nội"
    assert offsets == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18]


# ---------------------------------------------------------------- decoding bytes
SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Ủy ban nhân dân tỉnh"


@pytest.mark.parametrize("data, text, encoding", [
    (SENTENCE.encode("utf-8"), SENTENCE, None),                          # UTF-8
    (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE, None),        # UTF-8 with BOM
    (SENTENCE.encode("utf-16"), SENTENCE, None),                         # UTF-16 with BOM
    (SENTENCE.encode("utf-16-le"), SENTENCE, None),                      # UTF-16 without BOM
    (to_cp1258(SENTENCE), SENTENCE, "cp1258"),                           # Windows Vietnamese
    (to_tcvn3(SENTENCE).encode("latin-1"), SENTENCE.replace("Ủy", "ủy"), "tcvn3"),  # TCVN3 bytes
    (to_vni(SENTENCE).encode("latin-1"), SENTENCE, "vni"),               # VNI bytes
    (to_tcvn3(SENTENCE).encode("utf-8"), SENTENCE.replace("Ủy", "ủy"), "tcvn3"),  # TCVN3 saved as Unicode
    ("Straße café “quoted” – naïve".encode("cp1252"), "Straße café “quoted” – naïve", "cp1252"),  # Western
])
def test_decode_bytes(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


# ---------------------------------------------------------------- speed
@pytest.mark.skipif(not REALDOCS.is_dir(), reason="shared realdocs absent")
def test_speed_on_realdocs():
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted(REALDOCS.iterdir()) if p.suffix in (".md", ".txt")]
    blocks = [b for t in texts for b in t.split("\n\n")]
    start = time.perf_counter()
    for block in blocks:
        normalise(block)
    assert time.perf_counter() - start < 2.0
