"""Organisation knowledge: issuer codes, organisation heads, positions, name casing."""
from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.lang.fold import fold, strip_marks

_DATA = json.loads((Path(__file__).with_name("data") / "orgs.json").read_text(encoding="utf-8"))

ISSUER_CODES: dict[str, str] = {strip_marks(k).upper(): v for k, v in _DATA["issuer_codes"].items()}
ORG_HEADS: list[str] = sorted(_DATA["heads"], key=len, reverse=True)
ADMIN_UNITS: list[str] = sorted(_DATA["admin_units"], key=len, reverse=True)
POSITIONS: list[str] = sorted(_DATA["positions"], key=len, reverse=True)
FOLDED_POSITIONS = [fold(p) for p in POSITIONS]  # office holders, folded
AUTHORITIES: list[str] = _DATA["authorities"]
BODY_PREFIXES: list[str] = _DATA["body_prefixes"]
MOTTOS: list[str] = [fold(m) for m in _DATA["mottos"]]

_FOLDED_HEADS = sorted({fold(h) for h in ORG_HEADS}, key=len, reverse=True)
_FOLDED_UNITS = sorted({fold(u) for u in ADMIN_UNITS}, key=len, reverse=True)
AUTHORITY_LINE = re.compile(r"^\s*(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*[./]\s*\S", re.I)


def issuer_from_code(code: str | None) -> str | None:
    """The organisation named by the issuer part of a symbol ('UBND' → 'Ủy ban nhân dân')."""
    if not code:
        return None
    return ISSUER_CODES.get(strip_marks(code).upper())


def is_motto(text: str) -> bool:
    """True for the quốc hiệu / tiêu ngữ lines and the Party motto."""
    folded = fold(text)
    return any(folded.startswith(m) or m.startswith(folded) and len(folded) > 8 for m in MOTTOS)


def before_motto(text: str) -> str:
    """The text before a motto printed on the same line ("THỦ TƯỚNG CHÍNH PHỦ ˆ CỘNG HÒA XÃ HỘI ..."
    when OCR joins the two header columns), else the text."""
    plain = strip_marks(text).lower()  # one character for one: offsets hold
    for motto in MOTTOS:
        m = re.search(r"\s+".join(map(re.escape, motto.split())), plain)
        if m and m.start() > 0:
            words = text[:m.start()].split()
            while words and not any(c.isalpha() and c.lower() != c.upper() for c in words[-1]):
                words.pop()  # the column gap OCR read as a mark ("ˆ", "|", "-")
            return " ".join(words)
    return text


def starts_with_head(text: str) -> bool:
    """True when the text begins with an organisation head word ('Sở', 'Ủy ban nhân dân', ...)."""
    folded = fold(text)
    return any(folded == h or folded.startswith(h + " ") for h in _FOLDED_HEADS)


def head_length(text: str) -> int:
    """Number of words of the organisation head that begins ``text`` (0 when none)."""
    folded = fold(text)
    for h in _FOLDED_HEADS:
        if folded == h or folded.startswith(h + " "):
            return len(h.split())
    return 0


def starts_with_admin_unit(text: str) -> bool:
    """True when the text begins with an administrative unit word ('tỉnh', 'huyện', ...)."""
    folded = fold(text)
    return any(folded == u or folded.startswith(u + " ") for u in _FOLDED_UNITS)


def starts_with_position(text: str) -> bool:
    """True when the text opens with an office holder ("BỘ TRƯỞNG BỘ ...", "Chủ tịch Ủy ban ...")."""
    folded = fold(text).strip()
    return any(folded == p or folded.startswith(p + " ") for p in FOLDED_POSITIONS)


def split_position(text: str) -> tuple[str, str | None]:
    """Split 'TM. BAN THƯỜNG VỤ CHỦ TỊCH' into ('TM. BAN THƯỜNG VỤ', 'Chủ tịch')."""
    folded_words = fold(text).split()
    raw_words = text.split()
    if len(folded_words) != len(raw_words):
        return text, None
    for pos in POSITIONS:
        pw = fold(pos).split()
        n = len(pw)
        if n <= len(folded_words) and folded_words[-n:] == pw:
            head = " ".join(raw_words[:-n]).strip()
            return head, sentence_case(" ".join(raw_words[-n:]))
    return text, None


_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ch|ng|nh|[cmnptk])?$")
_PLACE_UNITS = {"tinh", "huyen", "quan", "xa", "phuong", "tran", "tp", "thanh pho", "thi xa", "thi tran"}
_NAME_NEXT = {"bo", "so"}
_PROPER_NAMES = {"chinh phu": "Chính phủ", "viet nam": "Việt Nam", "trung uong": "Trung ương",
                 "quoc hoi": "Quốc hội", "bo chinh tri": "Bộ Chính trị", "ban bi thu": "Ban Bí thư"}


def is_acronym(word: str) -> bool:
    """True for an upper-case abbreviation that is not a Vietnamese syllable (UBND, LĐLĐ, HĐND)."""
    letters = re.sub(r"[^\w]", "", word)
    return len(letters) >= 2 and letters.isupper() and not _SYLLABLE.match(fold(letters))


def sentence_case(text: str) -> str:
    """Case an upper-case name for display: 'ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK' → 'Ủy ban nhân dân tỉnh Đắk Lắk'.

    The first word and every word of a place name (after tỉnh, huyện, thành phố ...) keep a capital,
    as does the word after Bộ/Sở; acronyms (UBND, LĐLĐ) stay upper case. Mixed-case text is
    returned as it is.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    out: list[str] = []
    place = False
    name_next = True
    prev = ""
    for word in text.split():
        folded = fold(word)
        if is_acronym(word):
            out.append(word)
        elif place or name_next:
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word.lower())
        name_next = folded in _NAME_NEXT
        place = place or folded in _PLACE_UNITS or f"{prev} {folded}" in _PLACE_UNITS
        prev = folded
    result = " ".join(out)
    for _key, proper in _PROPER_NAMES.items():
        result = re.sub(r"(?<!\w)" + r"\s+".join(proper.lower().split()) + r"(?!\w)", proper, result)
    return result[:1].upper() + result[1:]


def of_central_parent(parent: str, organ: str) -> str:
    """The organ's name under the Party's Central Committee line ("VĂN PHÒNG" → "Văn phòng Trung ương"),
    else the organ's name as it is."""
    data = _DATA["central_parent"]
    if fold(parent).strip() in data["parents"] and "trung uong" not in fold(organ):
        return f"{organ} {data['suffix']}"
    return organ
