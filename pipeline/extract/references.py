"""Extractor of references: the documents a text cites (spec/RECORDS.md, References).

A mention is either a number of one of the three styles (state ``N/TYPE-ISSUER``, legal
``N/YYYY/TYPE-ISSUER``, Party ``N-TYPE/ISSUER``, see ``pipeline.lang.numbers``) or an
unnumbered name that singles one document out ("Luật Việc làm", "Nghị quyết Đại hội XIII
Công đoàn Việt Nam", "Kế hoạch <name> của <issuer>" after a cue). After the number the
tail is read in order: date ("ngày 24/6/2021"), issuer ("của Ban Bí thư"), trích yếu
("về ...", "quy định ..." up to the clause end). Numbers chained in one list ("các Công
điện số 217/CĐ-TTg, 218/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025") share the type named
before the list and the date, issuer and title that follow it.

The relation comes from the clause cue: "Thực hiện/Triển khai/Hưởng ứng" in the opening
(before the first outline heading) or in the title → implements; "Căn cứ" in the opening →
based_on; "(Ban hành) kèm theo" → attached_to; anything else → cited. A mention inside
another reference's trích yếu is cited. Mentions of one document merge into one record
(same folded number, or the same type, digits and date for a typo such as 712-KH/TW vs
712-KH/TU); the document's own number is never a reference.

All steps are regular-expression scans over the text, linear in its length.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.lang.dates import iso
from pipeline.lang.doctypes import DOC_TYPES, type_from_code
from pipeline.lang.fold import fold
from pipeline.lang.numbers import ANY_NUMBER, clean_number, number_key, split_number
from pipeline.lang.orgs import ISSUER_CODES, issuer_from_code, sentence_case, starts_with_head
from schemas.document import Span
from schemas.records import Reference

_DATA = json.loads((Path(__file__).resolve().parents[1] / "lang" / "data" / "references.json")
                   .read_text(encoding="utf-8"))
_NAMED = _DATA["named"]

# relation strength when mentions of one document disagree
_RANK = {"implements": 3, "attached_to": 2, "based_on": 1, "cited": 0}

# "ngày 24/6/2021", "ngày 24 tháng 6 năm 2021", "ban hành ngày 24-6-2021", right after a number
_TAIL_DATE = re.compile(
    r"[\s,]*(?:ban\s+hành\s+|được\s+ban\s+hành\s+)?ngày\s*(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(\d{1,2})\s*"
    r"(?:[/.-]|\s+năm\s+)\s*(\d{4})", re.IGNORECASE)
# "(khóa XII)", "[1]": asides between the parts of a tail
_TAIL_ASIDE = re.compile(r"\s*(?:\([^()\n]{0,60}\)|\[\d{1,3}\])")
_TAIL_OF = re.compile(r"[\s,]*(?:của|do)\s+", re.IGNORECASE)
_TAIL_LEAD = re.compile(r"[\s,:]*")
_WORD = re.compile(r"[^\s]+")
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_CLAUSE_START = re.compile(r"(?:^|[;.:]\s+|\n)", re.MULTILINE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class _Mention:
    """One mention of a document, before mentions are merged."""

    start: int
    end: int
    number: str | None
    doc_type: str | None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    tail_end: int = 0
    relation: str = "cited"
    key: str = ""
    typed: bool = False            # the type was named by words before the number
    nested: bool = False
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- tables

@lru_cache(maxsize=1)
def _type_words() -> list[tuple[str, str]]:
    """(folded type words, canonical name), longest first."""
    pairs = [(fold(w), e["name"]) for e in DOC_TYPES for w in e["words"]]
    pairs += [(fold(w), name) for w, name in _DATA["type_aliases"].items()]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _fset(words) -> list[str]:
    return sorted({fold(w) for w in words}, key=len, reverse=True)


def _lset(words) -> list[str]:
    """Lower-case word lists, marks kept ('năm' must not stop 'Việt Nam')."""
    return sorted({" ".join(w.lower().split()) for w in words}, key=len, reverse=True)


def _lower(text: str) -> str:
    return " ".join(re.sub(r"[^\w/%]+", " ", text.lower()).split())


@lru_cache(maxsize=1)
def _tables() -> dict:
    cues = {rel: _fset(words) for rel, words in _DATA["relation_cues"].items()}
    return {
        "cues": cues,
        "title_starts": _fset(_DATA["title_starts"]),
        "issuer_stops": _lset(_DATA["issuer_stops"]),
        "name_stops": set(_lset(_NAMED["name_stops"])),
        "aliases": {fold(k): v for k, v in _DATA["issuer_aliases"].items()},
        "fallback": {fold(c) for c in _DATA["issuer_code_fallback"]},
        "self": set(_fset(_DATA["self_words"])),
        "scoped": _lset(_DATA["scoped_issuers"]),
        "comma_words": _lset(_NAMED["comma_words"]),
        "and_stops": _lset(_NAMED.get("and_stops", [])),
        "first_stops": set(_lset(_NAMED["first_stops"])),
        "distinct": [fold(w) for w in _NAMED.get("distinct_suffixes", [])],
    }


def _starts_with(folded: str, options: list[str]) -> str | None:
    """The first option that ``folded`` starts with as whole words."""
    for opt in options:
        if folded == opt or folded.startswith(opt + " "):
            return opt
    return None


# ---------------------------------------------------------------- tails

def _type_before(text: str, pos: int) -> tuple[str | None, int]:
    """Canonical type named right before ``pos`` ('Kế hoạch số ', 'Công điện: số ') and where it starts."""
    line_start = max(text.rfind("\n", 0, pos) + 1, pos - 80)
    before = text[line_start:pos]
    m = re.search(r"(?:\s|^)(?:số|Số|SỐ)\s*:?\s*$", before)
    if m:
        before = before[:m.start()]
    before = re.sub(r"[\s:]+$", "", before)
    folded = fold(before)
    for words, name in _type_words():
        if folded == words or folded.endswith(" " + words):
            # locate the raw start of the type words (same number of words from the end)
            n = len(words.split())
            raw = list(_WORD.finditer(before))
            start = line_start + raw[-n].start() if len(raw) >= n else pos
            return name, start
    return None, pos


def _scan_words(text: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words of one line from ``pos`` as (start, end, word)."""
    eol = text.find("\n", pos)
    eol = len(text) if eol < 0 else eol
    out = []
    for m in _WORD.finditer(text, pos, eol):
        out.append((m.start(), m.end(), m.group(0)))
        if len(out) >= limit:
            break
    return out


def _read_issuer(text: str, pos: int) -> tuple[str | None, int]:
    """The organisation named at ``pos`` (after 'của'), and where it ends."""
    tables = _tables()
    words = _scan_words(text, pos, 18)
    if not words or not (words[0][2][:1].isupper()):
        return None, pos
    taken: list[tuple[int, int, str]] = []
    for i, (s, _e, w) in enumerate(words):
        if w[:1] in "([“\"'":
            break
        rest = _lower(" ".join(x[2] for x in words[i:i + 3]))
        if i and w.lower() == "về" and _starts_with(_lower(" ".join(x[2] for x in taken)), tables["scoped"]):
            scoped = _scoped_issuer(text, words[0][0], s)
            if scoped:
                return scoped
        if i and w[:1].isupper() and _type_at(rest) and not starts_with_head(rest):
            break                                # "... Văn phòng Chính phủ Kết luận Phiên họp"
        if i and _starts_with(rest, tables["issuer_stops"]):
            nxt = words[i + 1][2] if i + 1 < len(words) else ""
            # "Bộ Văn hóa, Thể thao và Du lịch": 'và' + a capitalised non-type word goes on
            if not (w.lower() == "và" and nxt[:1].isupper() and not _type_at(nxt + " " + (
                    words[i + 2][2] if i + 2 < len(words) else ""))):
                break
        if i and w[:1].islower() and w.lower() != "và" and w.lower() in tables["name_stops"]:
            break
        core = re.sub(r"\[\d+\]$", "", w)
        stripped = core.rstrip(",;.:)”\"")
        if stripped:
            taken.append((s, s + len(stripped), stripped))
        if stripped != w or "[" in w:
            break
    if not taken:
        return None, pos
    return text[taken[0][0]:taken[-1][1]], taken[-1][1]


def _scoped_issuer(text: str, start: int, at: int) -> tuple[str, int] | None:
    """'Ban Chỉ đạo Trung ương về phát triển ... chuyển đổi số': a body named with its scope,
    read up to a title word that follows (None when none does)."""
    titles = _tables()["title_starts"]
    stop = _clause_end(text, at, limit=250)
    for m in _WORD.finditer(text, at + 3, stop):
        if _starts_with(fold(text[m.start():m.start() + 30]), titles) and not m.group(0).lower().startswith("về"):
            end = len(text[:m.start()].rstrip(" ,"))
            return text[start:end], end
    return None


def _type_at(text: str) -> str | None:
    """Canonical type named at the start of ``text``."""
    folded = fold(text)
    for words, name in _type_words():
        if folded == words or folded.startswith(words + " "):
            return name
    return None


def _read_title(text: str, pos: int) -> tuple[str | None, tuple[int, int] | None]:
    """The trích yếu at ``pos`` when it opens with a title word ('về', 'quy định' ...), up to the clause end."""
    m = _TAIL_LEAD.match(text, pos)
    pos = m.end()
    head = fold(text[pos:pos + 40])
    if not _starts_with(head, _tables()["title_starts"]):
        return None, None
    end = _clause_end(text, pos)
    title = text[pos:end].strip().rstrip(",;.:")
    if len(title.split()) < 2:
        return None, None
    return title, (pos, pos + len(title))


_CLAUSE_STOP = re.compile(r"\n|;|\.(?=\s|$)|\((?:sau đây|gọi tắt|sau day)|,\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])")


def _clause_end(text: str, pos: int, *, limit: int = 700) -> int:
    """End of the clause that begins at ``pos``: a line end, ';', a full stop, ', <Organisation>', or
    'và <Type> số N' that starts a new reference (unless the clause itself already cites one, whose
    list it continues: 'về thực hiện Nghị quyết số 71/NQ-CP ... và Chương trình số 10-CTr/TU')."""
    stop = min(len(text), pos + limit)
    for m in _CLAUSE_STOP.finditer(text, pos, stop):
        if m.group(0).startswith(","):
            if not starts_with_head(text[m.end():m.end() + 40]):
                continue
        stop = m.start()
        break
    for m in _AND_NUMBER.finditer(text, pos, stop):
        if _type_at(m.group(1)) and not ANY_NUMBER.search(text, pos, m.start()):
            return m.start()
    return stop


# " và Chương trình (hành động) số 1563/..." : a new reference joined to the previous one
_AND_NUMBER = re.compile(r"(?:\s+(?:và|hoặc)|,)\s+((?:\w+\s+){1,3}?)(?:số\s*:?\s*)?\d+\s?[-/]", re.IGNORECASE)


def _read_tail(text: str, pos: int, mention: _Mention) -> None:
    """Fill date, issuer and title from the words after a number or name."""
    for _ in range(2):
        m = _TAIL_ASIDE.match(text, pos)
        if m:
            pos = m.end()
        if mention.date is None:
            m = _TAIL_DATE.match(text, pos)
            if m:
                mention.date = iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                pos = m.end()
                continue
        if mention.issuer is None:
            m = _TAIL_OF.match(text, pos)
            if m:
                issuer, end = _read_issuer(text, m.end())
                if issuer:
                    mention.issuer = issuer
                    pos = end
                    continue
        break
    m = _TAIL_ASIDE.match(text, pos)
    if m:
        pos = m.end()
    title, span = _read_title(text, pos)
    if title:
        mention.title, mention.title_span = title, span
        pos = span[1]
    mention.tail_end = pos


# ---------------------------------------------------------------- mentions

_LAW_BEFORE_NUMBER = re.compile(r"(?<![\wđĐ])(?P<type>Bộ luật|Luật|Pháp lệnh)\s+(?P<name>[A-ZĐÀ-Ỹ][^;:()\n]{1,90}?)"
                                r"\s+số\s*:?\s*$")
_CHAIN_GAP = re.compile(r"^[\s,;:]*(?:(?:và|hoặc|cùng)\s+)?(?:các\s+)?[\s:]*(?:số\s*:?\s*)?$", re.IGNORECASE)


def _numbered(text: str, start: int, end: int, own: str) -> list[_Mention]:
    """Mentions by number in ``text[start:end]``, chained lists resolved."""
    out: list[_Mention] = []
    prev: _Mention | None = None
    chain: list[_Mention] = []
    chains: list[list[_Mention]] = []
    for m in ANY_NUMBER.finditer(text, start, end):
        number = clean_number(m.group(0))
        parts = split_number(number)
        code_type = type_from_code(parts["type"])
        word_type, type_start = _type_before(text, m.start())
        law = _LAW_BEFORE_NUMBER.search(text, max(text.rfind("\n", 0, m.start()) + 1, m.start() - 120), m.start()) \
            if word_type is None else None
        if law:  # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": the law's name, then its number
            word_type, type_start = law.group("type"), law.start()
        if not (code_type or word_type):
            continue
        mention = _Mention(start=m.start(), end=m.end(), number=number, doc_type=word_type or code_type,
                           typed=word_type is not None, key=number_key(number))
        if law:
            mention.extra["law_name"] = f"{law.group('type')} {law.group('name')}"
        mention.extra["parts"] = parts
        gap_from = prev.tail_end if prev else -1
        gap = text[gap_from:type_start if word_type else m.start()] if prev else None
        if prev is not None and gap is not None and len(gap) < 40 and _CHAIN_GAP.match(gap):
            chain.append(mention)
            if not word_type and prev.typed:
                mention.doc_type = prev.doc_type
                mention.typed = True
        else:
            if chain:
                chains.append(chain)
            chain = [mention]
        _read_tail(text, m.end(), mention)
        if mention.title is None and mention.extra.get("law_name"):
            mention.title = mention.extra["law_name"]
        if mention.key == own:
            mention.extra["self"] = True
        out.append(mention)
        prev = mention
    if chain:
        chains.append(chain)
    for members in chains:
        _share(members)
    return out


def _share(members: list[_Mention]) -> None:
    """Members of one list take the date, issuer and title that follow a later member."""
    for i in range(len(members) - 2, -1, -1):
        cur, nxt = members[i], members[i + 1]
        if cur.title is not None:
            continue
        same_type = cur.extra["parts"].get("type") == nxt.extra["parts"].get("type")
        if cur.date is None and same_type:
            cur.date = nxt.date
        if cur.issuer is None:
            cur.issuer = nxt.issuer
        cur.title = nxt.title
        cur.title_span = None


_LAW = re.compile(
    r"(?<![\wđĐ])(?P<type>Bộ [Ll]uật|Luật|Pháp lệnh)[^\S\n]+"  # the name on the same line
    r"(?P<amend>(?i:sửa đổi,?\s*bổ sung\s+(?:một số điều\s+)?(?:của\s+)?(?:các\s+)?)(?:Bộ luật|Luật|Pháp lệnh)\s+)?")
# the next law in the list an amending law's name runs over, a few words of the last name on
# a scheme named in quotes after a cue: "thực hiện Đề án “Nâng cao nhận thức cộng đồng ...”"
_QUOTED = re.compile(
    r"(?<![\wđĐ])(?:[Tt]heo|[Tt]hực hiện|[Tt]riển khai|[Cc]ăn cứ|[Hh]ưởng ứng)\s+"
    r"(?P<type>(?i:kế hoạch|chương trình|đề án|chiến lược|quy hoạch|phương án))\s+[“\"](?P<name>[^”\"\n]{8,250})[”\"]")
_NEXT_LAW = re.compile(r"(?:\s+[^\s,;.:()]+){0,8}?\s*(?:,|\svà)\s*(?:Bộ luật|Luật|Pháp lệnh)\s+")
_PERIOD = (r"(?:(?:thời\s+kỳ|giai\s+đoạn)\s+\d{4}\s*[-–]\s*\d{4}|\d+\s+năm\s+\d{4}\s*[-–]\s*\d{4}|đến\s+năm\s+\d{4})"
           r"(?:,?\s*tầm\s+nhìn\s+(?:đến\s+)?(?:năm\s+)?\d{4})?")


@lru_cache(maxsize=1)
def _period_named() -> tuple[re.Pattern, re.Pattern]:
    """(where a period-named document may start, the whole name): a plan, strategy or scheme that its name
    and period single out ("Quy hoạch tổng thể quốc gia thời kỳ 2021-2030, tầm nhìn đến năm 2050") is a
    capitalised type word, words of a name, the period."""
    named = _DATA["named"]
    types = "|".join(map(re.escape, named["period_types"]))
    return (re.compile(rf"(?<![\wđĐ])(?:{types})\s"),
            re.compile(rf"(?<![\wđĐ])(?P<type>{types})\s+(?P<name>(?:[^\s\d;.:()“”\"]+\s+){{1,{named['period_name_words']}}}?)"
                       rf"(?P<period>{_PERIOD})"))


_PLENUM = re.compile(r"(?<![\wđĐ])(?P<type>Nghị quyết|Chỉ thị|Kết luận)\s+(?:Hội nghị\s+)?Trung\s+ương\s+(?P<n>\d{1,2})\s+"
                     r"(?:khóa|khoá)\s+(?P<k>[IVXLC]+)\b")
_CONGRESS = re.compile(r"(?<![\wđĐ])(?P<type>Nghị quyết|Chỉ thị|Kết luận)\s+(?P<w>Đại hội|Hội nghị)\s+")
_GENERIC = re.compile(
    r"(?<![\wđĐ])(?:[Tt]heo|[Tt]hực hiện|[Tt]riển khai|[Cc]ăn cứ|[Hh]ưởng ứng)\s+"
    r"(?P<type>Kế hoạch|Chương trình|Đề án|Chiến lược|Quy hoạch|Phương án|Hướng dẫn)\s+")


def _name_words(text: str, pos: int, *, limit: int = 12) -> tuple[int, list[str]]:
    """Words of a name from ``pos`` up to a stop word, a number or punctuation; returns (end, words).

    A comma goes on when a pair word follows ('Luật Phòng, chống tham nhũng'); 'và' goes on when
    a plain word follows ('Luật Khoa học, công nghệ và đổi mới sáng tạo'), not a type or a stop word.
    """
    tables = _tables()
    stops = tables["name_stops"]
    words = _scan_words(text, pos, limit)
    taken: list[str] = []
    end = pos
    for i, (s, e, w) in enumerate(words):
        core = w.rstrip(",;.:)”\"")
        low = core.lower()
        nxt = words[i + 1][2] if i + 1 < len(words) else ""
        if low == "và" and taken and nxt[:1].islower() and nxt.lower() not in stops \
                and not _type_at(nxt) and not _starts_with(_lower(text[e:e + 20]), tables["and_stops"]):
            taken.append(core)
            continue
        if not core or core[0] in "([“\"'" or low in stops or any(c.isdigit() for c in core):
            break
        if not taken and (fold(core) == "su" or low in tables["first_stops"]):
            return pos, []                       # "Luật sư" is a lawyer; "Luật có quy định" no name
        taken.append(core)
        end = s + len(core)
        if core != w:
            after = _lower(text[e:e + 20])
            if not (w.endswith(",") and (_starts_with(after, tables["comma_words"]) or _listed_name(words, i))):
                break
    return end, taken


def _listed_name(words: list[tuple[int, int, str]], i: int) -> bool:
    """A comma inside a name that lists its fields: lower-case words follow and "và" joins the last one
    within a few words ("Luật Khoa học, công nghệ và đổi mới sáng tạo")."""
    ahead = words[i + 1:i + 1 + LIST_NAME_REACH]
    for k, (_s, _e, w) in enumerate(ahead):
        if not w[:1].islower() or any(c in w for c in ",;.:()"):
            return False
        if w == "và":
            return k > 0 and k + 1 < len(ahead) and ahead[k + 1][2][:1].islower()
    return False


LIST_NAME_REACH = 5


def _named(text: str, start: int, end: int) -> list[_Mention]:
    """Unnumbered documents that a name singles out, in ``text[start:end]``."""
    out: list[_Mention] = []
    taken_to = start
    for m in _LAW.finditer(text, start, end):
        if m.start() < taken_to:
            continue                               # a law named inside an amending law's name
        name_end, words = _name_words(text, m.end())
        if not words:
            continue
        while m.group("amend"):                    # "Luật sửa đổi, bổ sung ... của Luật A, Luật B và Luật C"
            more = _NEXT_LAW.match(text, name_end)
            more_end, more_words = _name_words(text, more.end()) if more else (name_end, [])
            if not more_words:
                break
            name_end = more_end
        taken_to = name_end
        title = text[m.start():name_end]
        mention = _Mention(start=m.start(), end=name_end, number=None, doc_type=_type_at(m.group("type")),
                           title=title)
        _read_tail(text, name_end, mention)
        mention.title = title                      # a law's name is its title; what follows is not
        if re.match(r"[\s,]*(?:số\s*:?\s*)?\d", text[name_end:name_end + 12]):
            continue                               # numbered: the number mention stands for it
        mention.key = "law:" + fold(title)
        out.append(mention)
    for m in _PLENUM.finditer(text, start, end):  # "Nghị quyết Trung ương 4 khóa XII"
        mention = _Mention(start=m.start(), end=m.end(), number=None, doc_type=_type_at(m.group("type")),
                           title=" ".join(m.group(0).split()))
        mention.key = f"congress:{fold(m.group('type'))}:trung uong:{m.group('n')}-{m.group('k').upper()}"
        mention.tail_end = m.end()
        out.append(mention)
    for m in _CONGRESS.finditer(text, start, end):
        name_end, words = _name_words(text, m.end(), limit=16)
        cut = re.search(r"\s(?:nhiệm kỳ|khóa|khoá|lần thứ)(?:\s|$)", text[m.end() - 1:name_end])
        if cut:
            name_end = m.end() - 1 + cut.start()
        # "lần thứ XV", "nhiệm kỳ 2023 – 2028" belong to the name
        tail = re.match(r"\s*(?:lần thứ\s+\w+|khóa\s+\w+|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})", text[name_end:name_end + 40])
        while tail:
            name_end += tail.end()
            more_end, more = _name_words(text, name_end, limit=8)
            if more and not fold(more[0]).startswith("ve"):
                name_end = more_end
            tail = re.match(r"\s*(?:lần thứ\s+\w+|khóa\s+\w+|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})",
                            text[name_end:name_end + 40])
        name = text[m.end():name_end]
        ordinals = [w for w in re.findall(r"[\w]+", name) if _ROMAN.match(w) or (w.isdigit() and not _YEAR.match(w))]
        if not ordinals:
            continue
        org = re.sub(r"\b(?:lần thứ\s+\w+|khóa\s+\w+|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})", " ", name)
        org = " ".join(w for w in org.split() if not _ROMAN.match(w) and not w.isdigit())
        mention = _Mention(start=m.start(), end=name_end, number=None, doc_type=_type_at(m.group("type")),
                           title=text[m.start():name_end].strip(), issuer=org if starts_with_head(org) else None)
        mention.key = f"congress:{fold(m.group('type'))}:{fold(m.group('w'))}:{'-'.join(ordinals)}"
        mention.tail_end = name_end
        out.append(mention)
    for m in _GENERIC.finditer(text, start, end):
        stop = _clause_end(text, m.end(), limit=250)
        clause = text[m.end():stop]
        of = re.search(r"\s(?:của)\s+", clause)
        if not of:
            continue
        name = clause[:of.start()].strip()
        fname = fold(name)
        if (not name or any(c.isdigit() for c in re.sub(r"\b(?:19|20)\d\d\b", "", name))
                or set(fname.split()) & _tables()["self"] or _type_at(name) or len(fname.split()) < 2
                or fname.split()[0] in ("hanh", "lien", "so", "nay", "tren", "cua")):
            continue
        issuer, _ = _read_issuer(text, m.end() + of.end())
        if not issuer or not starts_with_head(issuer):
            continue
        title = f"{m.group('type')} {name}"
        mention = _Mention(start=m.start("type"), end=m.end() + of.start(), number=None,
                           doc_type=_type_at(m.group("type")), title=title, issuer=issuer)
        mention.key = "named:" + fold(title)
        mention.tail_end = stop
        out.append(mention)
    period_start, period_named = _period_named()
    for m in period_start.finditer(text, start, end):  # each type word: names may nest ("Kế hoạch thực hiện Quy hoạch ...")
        found = period_named.match(text, m.start(), end)
        if not found or set(fold(found.group("name")).split()) & _tables()["self"]:
            continue  # "Kế hoạch này ..." is the text itself
        title = " ".join(text[found.start():found.end()].split())
        mention = _Mention(start=found.start(), end=found.end(), number=None, doc_type=_type_at(found.group("type")),
                           title=title)
        mention.key = "period:" + fold(title)
        mention.tail_end = found.end()
        out.append(mention)
    for m in _QUOTED.finditer(text, start, end):
        kind = m.group("type")
        title = f"{kind[0].upper()}{kind[1:].lower()} “{' '.join(m.group('name').split())}”"
        mention = _Mention(start=m.start("type"), end=m.end(), number=None, doc_type=_type_at(m.group("type")),
                           title=title)
        mention.key = "named:" + fold(title)
        out.append(mention)
    return out


# ---------------------------------------------------------------- relations

def _cue_at(folded: str) -> str | None:
    """The relation whose cue opens ``folded``."""
    best = None
    for rel, cues in _tables()["cues"].items():
        cue = _starts_with(folded, cues)
        if cue and (best is None or len(cue) > len(best[1])):
            best = (rel, cue)
    return best[0] if best else None


def _relation(text: str, pos: int, *, opening: bool) -> str:
    """Relation given by the clause cues before ``pos`` in its paragraph."""
    line_start = _paragraph_start(text, pos)
    before = text[max(line_start, pos - 120):pos]
    if re.search(r"kèm\s+theo\s+[^\n;]{0,40}$", before, re.IGNORECASE) and \
            re.search(r"kèm\s+theo\s*$", re.sub(r"(?:\S+\s+){0,4}(?:số\s*:?\s*)?$", "", before).rstrip(),
                      re.IGNORECASE):
        return "attached_to"
    if not opening:
        return "cited"
    relation = "cited"
    for m in _CLAUSE_START.finditer(text, line_start, pos):
        cue = _cue_at(fold(text[m.end():m.end() + 40]))
        if cue and cue != "attached_to":
            relation = cue
    return relation


MAX_PARAGRAPH = 800  # characters looked back over the lines of a hard-wrapped paragraph


def _paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` starts: its line, and the lines before it that run on into
    it (a hard-wrapped paragraph: "Để tiếp tục thực hiện nghiêm\nChỉ thị số 05/CT-TTg ...")."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0 and pos - start < MAX_PARAGRAPH:
        prev_start = text.rfind("\n", 0, start - 1) + 1
        prev = text[prev_start:start - 1].rstrip()
        if not prev or prev[-1] in ".;:!?":
            break
        start = prev_start
    return start


def _cased(title: str) -> str:
    """A title printed in capitals as running text ("TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM" → "triển khai thi
    hành Luật Việc làm"), so that a law's name in it reads as one; other titles as they are."""
    if not title.isupper():
        return title
    types = "|".join(re.escape(t.lower()) for t in sorted(_NAMED["law_types"], key=len, reverse=True))
    return re.sub(rf"(?<!\w)({types})\s+(\w)", lambda m: f"{m.group(1).capitalize()} {m.group(2).upper()}",
                  title.lower())


def _title_relation(title: str, pos: int) -> str:
    """Relation of a mention inside the document's own title: implements after a cue word."""
    before = fold(title[:pos])
    for cue in _tables()["cues"]["implements"]:
        if re.search(rf"(?:^| ){re.escape(cue)}(?: |$)", before):
            return "implements"
    return "cited"


# ---------------------------------------------------------------- merge

def _full_issuer(issuer: str | None) -> str | None:
    """Expand a leading acronym ('UBND tỉnh X' → 'Ủy ban nhân dân tỉnh X') and known short names."""
    if not issuer:
        return None
    issuer = issuer.strip()
    alias = _tables()["aliases"].get(fold(issuer))
    if alias:
        return alias
    first, _, rest = issuer.partition(" ")
    expanded = ISSUER_CODES.get(re.sub(r"\W", "", fold(first)).upper()) if first.isupper() else None
    if expanded and len(first) >= 2:
        return f"{expanded} {rest}".strip()
    return issuer


def _home_province(header) -> tuple[str, str] | None:
    """('tỉnh', 'Đắk Lắk') from an issuer line such as 'TỈNH ĐẮK LẮK' of the document's own header."""
    for line in (header.issuer_lines if header else []):
        m = re.match(r"\s*(tỉnh|thành phố)\s+(\S.*)$", sentence_case(line).strip(), re.IGNORECASE)
        if m:
            return m.group(1).lower(), m.group(2).strip()
    return None


def _with_province(issuer: str | None, home: tuple[str, str] | None) -> str | None:
    """Name the province a provincial body leaves implicit: 'UBND tỉnh' → 'Ủy ban nhân dân tỉnh Đắk Lắk',
    'Sở Công Thương' → 'Sở Công Thương tỉnh Đắk Lắk' (only from the document's own province)."""
    if not issuer or not home:
        return issuer
    unit, name = home
    folded = fold(issuer)
    if re.search(r"(?:^| )(?:tinh|thanh pho)$", folded):
        return re.sub(r"(?i)\s*(?:tỉnh|thành phố)$", "", issuer) + f" {unit} {name}"
    if re.search(r"(?:^| )(?:tinh uy|thanh uy)$", folded):
        return f"{issuer} {name}"
    if folded.startswith("so ") and not re.search(r" (?:tinh|thanh pho|huyen|quan|xa|phuong) ", f" {folded} "):
        return f"{issuer} {unit} {name}"
    return issuer


def _merge(mentions: list[_Mention], *, home: tuple[str, str] | None = None) -> list[Reference]:
    groups: dict[str, list[_Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.key, []).append(mention)
    _merge_footnote_marks(groups)
    _merge_named_laws(groups)
    _merge_typos(groups)
    _merge_law_names(groups)
    _merge_law_forms(groups)
    _merge_undated_laws(groups)
    out = []
    for members in groups.values():
        if any(m.extra.get("self") for m in members):
            continue
        if members[0].key.startswith("period:") and all(m.nested for m in members):
            continue  # a scheme a cited decision approves stays inside its title
        first = min(members, key=lambda m: m.start)
        numbers = Counter(m.number for m in members if m.number)
        number = _best_number(members, numbers) if numbers else None
        dates = Counter(m.date for m in members if m.date)
        issuers = Counter(_with_province(_full_issuer(m.issuer), home) for m in members if m.issuer)
        issuer = max(issuers, key=lambda s: (issuers[s], len(s.split()))) if issuers else None
        if issuer is None and number:
            code = split_number(number)["issuer"]
            if code and fold(code) in _tables()["fallback"]:
                issuer = issuer_from_code(code)
        if number:
            titles = [m.title for m in sorted(members, key=lambda m: (m.nested, m.start)) if m.title]
            title = titles[0] if titles else None
        else:  # the name most often written, the longest on a tie
            names = Counter(m.title for m in members if m.title)
            title = max(names, key=lambda t: (names[t], len(t.split())), default=None)
        typed = [m.doc_type for m in members if m.typed] or [m.doc_type for m in members]
        relation = max((m.relation for m in members), key=lambda r: _RANK[r])
        out.append(Reference(doc_type=Counter(typed).most_common(1)[0][0], number=number,
                             date=dates.most_common(1)[0][0] if dates else None, issuer=issuer, title=title,
                             relation=relation, mentions=len(members),
                             span=Span(start=first.start, end=first.end), section=first.extra.get("section")))
    out.sort(key=lambda r: r.span.start if r.span else 0)
    return out


def _best_number(members: list[_Mention], numbers: Counter) -> str:
    """The most frequent spelling; on a tie the one whose issuer code agrees with the named issuer."""
    issuers = " ".join(fold(m.issuer) for m in members if m.issuer)

    def score(number: str) -> tuple[int, int]:
        expanded = fold(issuer_from_code(split_number(number)["issuer"]) or "")
        return numbers[number], int(bool(expanded) and expanded in issuers)

    return max(numbers, key=score)


def _merge_named_laws(groups: dict[str, list[_Mention]]) -> None:
    """Join the mentions of a law by its name alone ("Luật Thủ đô") to the law cited by name and number
    ("Luật Thủ đô số 39/2024/QH15")."""
    numbered = {}
    for key, members in groups.items():
        for m in members:
            if m.extra.get("law_name"):
                numbered.setdefault("law:" + fold(m.extra["law_name"]), key)
    for key in [k for k in groups if k.startswith("law:")]:
        target = numbered.get(key)
        if target is not None and target in groups:
            groups[target].extend(groups.pop(key))


_FOOTNOTE_MARK = re.compile(r"(?<=[a-zđ])(\d{1,2})$")


def _merge_footnote_marks(groups: dict[str, list[_Mention]]) -> None:
    """Join a number that a footnote mark runs into ("Nghị quyết số 66-NQ/TW1", the text layer of a
    superscript) to the same number cited without it; a symbol that ends in digits of its own
    ("252/KH-BCĐQG1237") is never cited without them."""
    for key in list(groups):
        m = _FOOTNOTE_MARK.search(key)
        if m and key[:m.start()] in groups:
            marked = groups.pop(key)
            for mention in marked:
                if mention.number and mention.number.endswith(m.group(1)):
                    mention.number = mention.number[:-len(m.group(1))]
            groups[key[:m.start()]].extend(marked)


def _merge_typos(groups: dict[str, list[_Mention]]) -> None:
    """Join numbers that differ only in the issuer code but share type, digits and date (712-KH/TW, 712-KH/TU)."""
    index: dict[tuple, str] = {}
    for key in list(groups):
        members = groups[key]
        parts = members[0].extra.get("parts")
        dates = {m.date for m in members if m.date}
        if not parts or len(dates) != 1:
            continue
        sig = (parts["digits"], fold(parts["type"] or ""), parts["year"], dates.pop())
        if sig in index and index[sig] in groups:
            groups[index[sig]].extend(groups.pop(key))
        else:
            index[sig] = key


def _merge_law_names(groups: dict[str, list[_Mention]]) -> None:
    """Join the mentions of a law whose name ran on into the words after it ("Luật Việc làm bảo đảm
    kịp thời") to the mentions of its bare name ("Luật Việc làm"); not an amended law ("... sửa đổi")."""
    laws = sorted((k for k in groups if k.startswith("law:")), key=len)
    distinct = _tables()["distinct"]
    for k, key in enumerate(laws):
        shorter = next((s for s in laws[:k] if s in groups and key.startswith(s + " ")
                        and not any(key[len(s) + 1:].startswith(d) for d in distinct)), None)
        if shorter is not None:
            groups[shorter].extend(groups.pop(key))


def _merge_law_forms(groups: dict[str, list[_Mention]]) -> None:
    """Join the mentions of one law written in other forms: "Bộ luật Hình sự năm 2015" and "Luật hình sự",
    "Luật Bảo vệ bí mật nhà nước" and "Luật Bảo vệ BMNN" (an abbreviation of its words)."""
    laws = [k for k in groups if k.startswith("law:")]
    forms = {k: _law_words(groups[k][0].title or "") for k in laws}
    for k in sorted(laws, key=lambda key: len(forms[key])):
        other = next((o for o in laws if o != k and o in groups and k in groups
                      and _same_law(forms[k], forms[o])), None)
        if other is not None:  # into the fuller form ("Bộ Luật hình sự năm 2015")
            short, full = sorted((k, other), key=lambda key: len(groups[key][0].title or ""))
            groups[full].extend(groups.pop(short))


def _law_words(title: str) -> list[str]:
    """A law's name as words: no "Bộ" before "luật", no "năm N" after it; abbreviations kept upper-case."""
    words = [w if w.isupper() and len(w) >= 3 else fold(w) for w in re.findall(r"[^\W_]+", title)]
    if words[:1] == ["bo"]:
        words = words[1:]
    while len(words) >= 2 and words[-2] == "nam" and words[-1].isdigit():
        words = words[:-2]
    return words


def _same_law(short: list[str], long: list[str]) -> bool:
    """Whether two law names are one, an upper-case word of ``short`` standing for as many words of ``long``
    with those initials."""
    i = j = 0
    while i < len(short) and j < len(long):
        w = short[i]
        if w.isupper() and fold(w) != long[j] and [x[:1] for x in long[j:j + len(w)]] == list(fold(w)):
            i, j = i + 1, j + len(w)
        elif fold(w) == long[j]:
            i, j = i + 1, j + 1
        else:
            return False
    return i == len(short) and j == len(long)


def _merge_undated_laws(groups: dict[str, list[_Mention]]) -> None:
    """Split laws of one name by date; an undated mention joins the only dated one of its name."""
    for key in [k for k in groups if k.startswith("law:")]:
        members = groups.pop(key)
        by_date: dict[str | None, list[_Mention]] = {}
        for m in members:
            by_date.setdefault(m.date, []).append(m)
        dated = [d for d in by_date if d]
        if None in by_date and len(dated) == 1:
            by_date[dated[0]].extend(by_date.pop(None))
        for date, ms in by_date.items():
            groups[f"{key}@{date}"] = ms


# ---------------------------------------------------------------- entry point

SAME_NAME = 0.6  # word overlap (Dice) from which a name is the text's own title


def _same_name(name: str, title: str) -> bool:
    """Whether a plan named in the body is the text's own (its words mostly those of the title)."""
    a, b = set(fold(name).split()[2:]), set(fold(title).split())  # the name without its type word
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= SAME_NAME


def _mentions_in(text: str, start: int, end: int, own: str) -> list[_Mention]:
    mentions = _numbered(text, start, end, own) + _named(text, start, end)
    mentions.sort(key=lambda m: m.start)
    spans = [m.title_span for m in mentions if m.title_span]
    for m in mentions:
        m.nested = any(s <= m.start < e for s, e in spans)
    return mentions


def extract(doc: Doc) -> list[Reference]:
    """The references of the analysed document, one per distinct document, in document order."""
    document = doc._.document
    text = doc.text
    header = document.header
    own = number_key(header.number) if header and header.number else ""
    body_start = header.body_start if header else 0
    header_span = header.span if header and header.span else Span(start=0, end=body_start)
    mentions: list[_Mention] = []
    if header and header.title:
        title = _cased(header.title)
        for m in _mentions_in(title, 0, len(title), own):
            m.relation = "cited" if m.nested else _title_relation(title, m.start)
            m.start, m.end = header_span.start, header_span.end
            mentions.append(m)
    if header and header.attached_to:
        for m in _mentions_in(header.attached_to, 0, len(header.attached_to), own):
            m.relation = "cited" if m.nested else "attached_to"
            m.start, m.end = header_span.start, header_span.end
            mentions.append(m)
    # the opening ends at the first section heading (a wrapped "- 2025”;" is no heading)
    headings = [n.span.start for n in document.outline
                if n.span.start >= body_start and n.style not in ("dash", "plus", "bullet")]
    opening_end = min(headings) if headings else min(len(text), body_start + 3000)
    for m in _mentions_in(text, body_start, len(text), own):
        if m.key.startswith("period:") and header and header.title and _same_name(m.title or "", header.title):
            continue  # the text's own plan, named with its period ("ban hành Kế hoạch ... đến năm 2035 như sau")
        relation = _relation(text, m.start, opening=m.start < opening_end)
        m.relation = "cited" if m.nested and relation != "attached_to" else relation
        m.extra["section"] = document.section_at(m.start)
        mentions.append(m)
    return _merge(mentions, home=_home_province(header))
