"""Actors: who is named as doing the work, and where the name ends.

Knowledge lives in ``data/actors.json``: the heading cues that are not part of a
name ("Đối với", "Đề nghị", "Giao"), the words that begin an organisation or an
office holder, and the lower-case words that begin the work after a subject
("Bộ Y tế chủ trì ..."). Everything here works on plain strings, word by word.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_DATA = json.loads((Path(__file__).with_name("data") / "actors.json").read_text(encoding="utf-8"))
_TIME_LABELS = json.loads((Path(__file__).with_name("data") / "time.json").read_text(encoding="utf-8"))["field_labels"]


def _phrases(key: str, data: dict = _DATA) -> list[tuple[str, ...]]:
    """Entries of a list as word tuples, longest first."""
    return sorted({tuple(entry.split()) for entry in data[key]}, key=len, reverse=True)


HEADING_CUES = _phrases("heading_cues")
NAMED_CUES = _phrases("named_cues")
DELEGATION_CUES = _phrases("delegation_cues")
DIRECTING_VERBS = _phrases("directing_verbs")
QUANTIFIERS = _phrases("quantifiers")
HEADS = _phrases("heads")
HEADS_NEED_NAME = {tuple(entry.split()) for entry in _DATA["heads_need_name"]}
HEADS_NEED_QUANTIFIER = _phrases("heads_need_quantifier")
NOT_NAMES = _phrases("not_names")
HEADS_NEED_CAPITAL = {tuple(entry.split()) for entry in _DATA["heads_need_capital"]}  # "các Vụ", not "các vụ lộ"
PREDICATES = _phrases("predicates")
DUTY_PREDICATES = _phrases("duty_predicates")
ASSIGNED_DUTY = DUTY_PREDICATES + _phrases("assigned_duty")  # after "được giao ...": "... phải trình hồ sơ"
DUTY_ENDINGS = sorted(set(DUTY_PREDICATES) | set(_phrases("duty_endings")), key=len, reverse=True)
PURPOSE_SECTIONS = _phrases("purpose_sections")
# headings of the sections whose paragraphs are demands ("III. NHIỆM VỤ, GIẢI PHÁP", "II. NỘI DUNG")
TASK_SECTIONS = _phrases("task_sections")
RULE_ARTICLES = _phrases("rule_articles")
FIELD_LABELS = {**{kind: _phrases(kind, _DATA["field_labels"]) for kind in _DATA["field_labels"]},
                "time": _phrases("completion", _TIME_LABELS) + _phrases("period", _TIME_LABELS)}
CENTRAL_VERBS = _phrases("verbs", _DATA["central_only"])
CENTRAL_OBJECTS = _phrases("objects", _DATA["central_only"])
POLICY_OBJECTS = _phrases("policy_objects", _DATA["central_only"])
LOCAL_SCOPE = _phrases("local_scope", _DATA["central_only"])
OPENERS = _phrases("openers")
CONDITIONS = _phrases("conditions")
CLOSINGS = _phrases("closings")
LIST_BEFORE_COLON = _phrases("list_before_colon")
PREDICATE_NOUNS = {tuple(k.split()): _phrases(k, _DATA["predicate_nouns"]) for k in _DATA["predicate_nouns"]}
LISTED_NOUNS = {tuple(k.split()): _phrases(k, _DATA["listed_nouns"]) for k in _DATA["listed_nouns"]}
ACKNOWLEDGEMENTS = _phrases("acknowledgements")
PAST_MARKERS = _phrases("past_markers")
REPORT_OPENERS = _phrases("report_openers")

MAX_ACTOR_WORDS = 40
# a word before a predicate that makes it a noun ("các tổ chức", "và thực hiện")
_NOUN_MAKERS = {"các", "những", "và", "của", "với", "cho", "mọi", "tổ", "việc", "công", "về", "hoặc", "cuộc", "buổi", "chương"}
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’()[]{}.,;:!?…*"


class Word:
    """A word of a text: its offsets and its bare lower-case form."""

    __slots__ = ("start", "end", "raw", "low")

    def __init__(self, match: re.Match) -> None:
        self.start, self.end, self.raw = match.start(), match.end(), match.group()
        self.low = self.raw.strip(_EDGE_PUNCT).lower()

    @property
    def capitalised(self) -> bool:
        """True when the word's first letter is upper case."""
        letters = [c for c in self.raw if c.isalpha()]
        return bool(letters) and letters[0].isupper()


def words_of(text: str) -> list[Word]:
    """The words of a text with their offsets."""
    return [Word(m) for m in _WORD.finditer(text)]


def match_phrase(words: list[Word], i: int, phrases: list[tuple[str, ...]]) -> int:
    """Length in words of the longest phrase that starts at word ``i`` (0 when none).

    A phrase may not run across punctuation that ends a word inside it, except a
    comma written in the phrase itself ("sở, ban, ngành").
    """
    for phrase in phrases:
        n = len(phrase)
        if i + n > len(words):
            continue
        ok = True
        for k in range(n):
            w = words[i + k]
            want = phrase[k]
            if want.endswith(","):
                if w.raw.lower().rstrip(_EDGE_PUNCT.replace(",", "")) != want and w.low + "," != want:
                    ok = False
                    break
                continue
            if w.low != want:
                ok = False
                break
            if k < n - 1 and w.raw.rstrip()[-1:] in ",;:.":
                ok = False
                break
        if ok:
            return n
    return 0


def delegated(text: str) -> tuple[str, str] | None:
    """(unit, work) when the text hands work to a named unit ("Giao Công an tỉnh kịp thời xử lý ..."),
    else None."""
    words = words_of(text)
    n = match_phrase(words, 0, DELEGATION_CUES)
    if not n or n >= len(words):
        return None
    return split_subject(text[words[n].start:])


def strip_cue(text: str) -> tuple[str | None, str]:
    """Split a heading cue off the front: 'Đối với Sở X' → ('Đối với', 'Sở X'); a named cue only before a
    capitalised name: 'Khuyến khích Đoàn Thanh niên ...', not 'Khuyến khích các doanh nghiệp ...'."""
    words = words_of(text)
    n = match_phrase(words, 0, HEADING_CUES)
    if not n:
        n = match_phrase(words, 0, NAMED_CUES)
        if n and n < len(words) and not words[n].raw[:1].isupper():
            n = 0
    if n and n < len(words):
        return text[:words[n - 1].end], text[words[n].start:]
    return None, text


def head_at(words: list[Word], i: int, *, capital: bool = False) -> int:
    """Words taken by a quantifier and an organisation head at word ``i`` (0 when none).

    With ``capital``, the head itself must be capitalised (or the quantifier before it):
    inside running text only a capitalised head starts a name.
    """
    q = match_phrase(words, i, QUANTIFIERS)
    if i + q >= len(words):
        return 0
    n = match_phrase(words, i + q, HEADS) or (q and match_phrase(words, i + q, HEADS_NEED_QUANTIFIER))
    if not n or match_phrase(words, i + q, NOT_NAMES):
        return 0
    if capital and not words[i].capitalised:
        return 0
    head = tuple(w.low for w in words[i + q:i + q + n])
    if head in HEADS_NEED_CAPITAL and not words[i + q].capitalised:
        return 0
    if head in HEADS_NEED_NAME and not q:
        nxt = words[i + q + n] if i + q + n < len(words) else None
        ends = words[i + q + n - 1].raw[-1:] in ",;"
        joined = nxt is not None and nxt.low == "và" and i + q + n + 1 < len(words) \
            and words[i + q + n + 1].capitalised  # "Báo và Phát thanh, Truyền hình tỉnh"
        if not ends and not joined and (nxt is None or not (nxt.capitalised or nxt.low in ("các", "ngành"))):
            return 0
    return q + n


def starts_with_actor(text: str) -> bool:
    """True when the text begins with an organisation or an office holder."""
    return head_at(words_of(text), 0) > 0


def predicate_at(words: list[Word], i: int) -> int:
    """Length of a lower-case predicate that starts at word ``i`` (0 when none)."""
    w = words[i]
    if w.capitalised:
        return 0
    if i > 0 and words[i - 1].low in _NOUN_MAKERS and words[i - 1].raw[-1:] not in ",;":
        return 0
    if any(match_phrase(words, j, HEADS) > i - j for j in range(max(0, i - 2), i)):
        return 0  # inside a head's name: "Văn phòng Ban chỉ đạo ..."
    n = match_phrase(words, i, PREDICATES)
    verb = tuple(w.low for w in words[i:i + n])
    if i + n < len(words):
        comma = words[i + n - 1].raw[-1:] in ",;"
        nouns = LISTED_NOUNS.get(verb) if comma else PREDICATE_NOUNS.get(verb)
        if nouns and match_phrase(words, i + n, nouns):
            return 0  # "tổ chức đảng", "tổ chức, cá nhân": actors in a list, not the verb "organise"
    return n


def split_subject(text: str) -> tuple[str, str] | None:
    """Split 'Bộ Y tế chủ trì, phối hợp ...' into ('Bộ Y tế', 'chủ trì, phối hợp ...').

    The text must begin with an actor; the actor ends before the first lower-case
    predicate word. None when the text does not read as 'actor + work'.
    """
    words = words_of(text)
    n = head_at(words, 0)
    if not n:
        return None
    # a gloss in brackets ("(sau đây gọi tắt là các bộ, cơ quan, địa phương)") does not count toward the length
    glossed = sum(1 for w in words[:MAX_ACTOR_WORDS * 2]
                  if text[:w.start].count("(") > text[:w.start].count(")"))
    for i in range(n, min(len(words), MAX_ACTOR_WORDS + 1 + glossed)):
        if words[i - 1].raw[-1:] == ";" and head_at(words, i, capital=True):
            continue  # "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp xã ...": units listed with ';'
        if words[i - 1].raw[-1:] in ".;" or (words[i - 1].raw[-1:] == ":"
                                               and not is_list_colon(text[:words[i - 1].end - 1])):
            return None
        before = text[:words[i].start]
        if before.count("(") > before.count(")"):
            continue  # inside a gloss of the name ("Ủy ban nhân dân xã (sau đây gọi là ...)")
        if not words[i].capitalised and match_phrase(words, i, ACKNOWLEDGEMENTS):
            return None  # "Bộ Chính trị ghi nhận và biểu dương ...": praise, no work
        if i > n and words[i].capitalised and match_phrase(words, i, OPENERS):
            return _asked(text[:words[i - 1].end].rstrip(" ,;")), text[words[i].start:].strip()  # "... Căn cứ vào ..."
        if _capital_predicate_at(words, n, i):  # "2. Bộ Giáo dục và Đào tạo Chỉ đạo các cơ sở ...": a heading run on
            return text[:words[i - 1].end].rstrip(" ,"), text[words[i].start:].strip()
        if predicate_at(words, i):
            i = _duty_after_assigned(words, n, i)
            actor = text[:words[i - 1].end].rstrip(" ,")
            return _asked(actor), text[words[i].start:].strip()
    return None


def _capital_predicate_at(words: list[Word], head: int, i: int) -> bool:
    """A capitalised predicate after a unit's full name, the work going on in lower case: a heading that
    names the unit run into its first task ("Bộ Giáo dục và Đào tạo Chỉ đạo các cơ sở ..."). Not a word
    of the name itself ("Sở Xây dựng", "Văn phòng Ban Chỉ đạo")."""
    if i < head or not words[i].capitalised or not any(w.capitalised for w in words[1:i]):
        return False
    if head_at(words, i, capital=True):
        return False  # a unit of the name: "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II"
    n = match_phrase(words, i, PREDICATES)
    if not n or i + n >= len(words) or words[i + n].capitalised:
        return False
    # not the name after a head ("Bộ trưởng Bộ Xây dựng") nor a word of a head ("Ban Chỉ đạo")
    for j in range(max(0, i - 3), i):
        m = match_phrase(words, j, HEADS)
        if words[j].capitalised and (m > i - j or m == i - j and tuple(w.low for w in words[j:i]) in HEADS_NEED_NAME):
            return False
    return True


def _asked(actor: str) -> str:
    """The unit asked to do the work when a subject asks another ("Ủy ban thường vụ Quốc hội yêu cầu
    Chính phủ, Thủ tướng Chính phủ" → "Chính phủ, Thủ tướng Chính phủ"), else the subject itself."""
    words = words_of(actor)
    for k in range(1, len(words)):
        n = match_phrase(words, k, DIRECTING_VERBS)
        if n and not words[k].capitalised and k + n < len(words) and head_at(words, k + n, capital=True):
            return actor[words[k + n].start:]
    return actor


def _duty_after_assigned(words: list[Word], head: int, i: int) -> int:
    """Where the work starts when the actor is described by what it was given ("Các cơ quan, đơn vị được
    giao chủ trì có trách nhiệm ...", "Các cơ quan được phân công chủ trì thực hiện ... có trách nhiệm
    ..."): at the duty predicate that follows in the clause, else at ``i``."""
    if not any(w.low == "được" for w in words[head:i + 1]):
        return i
    for j in range(i + 1, min(len(words), i + MAX_ACTOR_WORDS)):
        if words[j - 1].raw[-1:] in ".;:":
            break
        if not words[j].capitalised and match_phrase(words, j, ASSIGNED_DUTY):
            return j
    return i


def before_duty(text: str) -> str | None:
    """The actor of a heading that ends with its duty and no work ("Các đơn vị cấp nước trên địa bàn có
    trách nhiệm"): the words before the duty predicate, else None."""
    words = words_of(text.rstrip(" :"))
    for k in range(1, len(words)):
        if not words[k].capitalised and match_phrase(words, k, DUTY_ENDINGS) == len(words) - k:
            return text[:words[k - 1].end].rstrip(" ,")
    return None


def duty_holder(text: str) -> tuple[str, tuple[str, str] | None] | None:
    """Who holds the duty of a heading that ends with it ("Các đơn vị cấp nước có trách nhiệm"), and the
    unit that passes it down when the heading says so ("Ban Quản lý chỉ đạo các đơn vị hạ tầng có trách
    nhiệm" → the units, and (Ban Quản lý, "chỉ đạo các đơn vị hạ tầng")); None for any other text."""
    owner = before_duty(text)
    if owner is None:
        return None
    found = split_subject(owner)
    if found:
        words = words_of(found[1])
        n = match_phrase(words, 0, DIRECTING_VERBS)
        if n and n < len(words) and starts_with_actor(found[1][words[n].start:]):
            return found[1][words[n].start:], found
    return owner, None


def field_of(text: str) -> tuple[str, str] | None:
    """(kind, value) of a labelled field line ("Cơ quan chủ trì: Sở Nội vụ" → ("lead", "Sở Nội vụ")):
    kinds lead, support, content, time (``field_labels``); None for any other line."""
    words = words_of(text)
    for kind, labels in FIELD_LABELS.items():
        n = match_phrase(words, 0, labels)
        rest = text[words[n - 1].end:].lstrip() if n else ""
        if n and (words[n - 1].raw.endswith(":") or rest.startswith(":")):
            return kind, rest.removeprefix(":").strip()
    return None


def bare_field(text: str) -> str | None:
    """The kind of a field label printed as a heading of its own, with its values on the lines below
    ("a) Cơ quan chủ trì", "1. Nội dung, biện pháp", "2. Cơ quan chủ trì, phối hợp"): the label alone,
    or with a word or two after a comma or "và". None for any other line."""
    words = words_of(text.rstrip(" .:;"))
    for kind, labels in FIELD_LABELS.items():
        n = match_phrase(words, 0, labels)
        if not n or match_phrase(words, 0, BARE_FIELD_NOT):
            continue
        rest = words[n:]
        if not rest or (len(rest) <= BARE_FIELD_TAIL and (words[n - 1].raw.endswith(",") or rest[0].low == "và")):
            return kind
    return None


BARE_FIELD_NOT = _phrases("bare_field_not")
BARE_FIELD_TAIL = 2  # words after a label's comma: "Nội dung, biện pháp", "Cơ quan chủ trì, phối hợp"


def leading_subject(text: str, *, clause: bool = False) -> tuple[str, str] | None:
    """(unit, work) when a sentence opens with a capitalised unit and its predicate
    ("Bộ Y tế chủ trì ..."), else None. A ``clause`` after a ';' may also open with a quantified unit
    in lower case ("...; các bộ, cơ quan ngang bộ rà soát ...")."""
    opens = text[:1].isupper() or (clause and match_phrase(words_of(text), 0, QUANTIFIERS) > 0)
    if not opens or not starts_with_actor(text):
        return None
    return split_subject(text)


def is_list_colon(before: str) -> bool:
    """True when a colon after ``before`` opens a list inside a name ('các tỉnh: Khánh Hòa')."""
    words = words_of(before)
    for k in range(1, 4):
        if len(words) >= k and tuple(w.low for w in words[-k:]) in set(LIST_BEFORE_COLON):
            return True
    return False


def starts_with(text: str, phrases: list[tuple[str, ...]]) -> bool:
    """True when the text begins with one of the phrases (whole words, any case)."""
    return match_phrase(words_of(text), 0, phrases) > 0


def contains(text: str, phrases: list[tuple[str, ...]]) -> bool:
    """True when one of the phrases occurs in the text as whole words."""
    words = words_of(text)
    return any(match_phrase(words, i, phrases) for i in range(len(words)))


def is_lawmaking(text: str, *, reach: int = 12) -> bool:
    """True when the text opens with making law or policy: a law-making verb among its first words (after
    an adverb such as "Khẩn trương") and, within ``reach`` words, a law; or a rule, a mechanism or a policy
    when the text names no local scope ("Rà soát, sửa đổi quy định về quản lý chợ trên địa bàn" is a
    province's own)."""
    words = words_of(text)
    verb = next((i for i in range(min(len(words), 4)) if match_phrase(words, i, CENTRAL_VERBS)), None)
    if verb is None:
        return False
    window = range(verb + 1, min(len(words), verb + reach))
    if any(match_phrase(words, i, CENTRAL_OBJECTS) for i in window):
        return True
    return any(match_phrase(words, i, POLICY_OBJECTS) for i in window) \
        and not any(match_phrase(words, i, LOCAL_SCOPE) for i in range(len(words)))


def clean_task(text: str) -> str:
    """A task as written, without a trailing ':' or ';', the end mark './.' and outer spaces."""
    text = re.sub(r"\./\.?\s*$", ".", text.strip())  # the end mark of a document ("... địa phương./.")
    return text.rstrip(":;").strip()


def reports_past(text: str) -> bool:
    """Whether a sentence reports what has happened, not what is to be done: its subject's verb is
    past ("Các địa phương đã khẩn trương tổ chức sơ tán ..."), or it opens on a cause or a past period
    and its verb is past early on ("do mưa, lũ lớn ... đã xảy ra ...")."""
    split = split_subject(text)
    if split and starts_with(split[1], PAST_MARKERS):
        return True
    words = words_of(text[:_DATA["report_reach"]])
    return bool(words) and match_phrase(words, 0, REPORT_OPENERS) > 0 \
        and any(match_phrase(words, i, PAST_MARKERS) for i in range(1, len(words)))


__all__ = ["FIELD_LABELS", "field_of", "HEADING_CUES", "PURPOSE_SECTIONS", "TASK_SECTIONS", "RULE_ARTICLES", "is_lawmaking", "OPENERS", "CONDITIONS", "CLOSINGS", "Word", "words_of",
           "match_phrase", "strip_cue", "head_at", "starts_with_actor", "predicate_at", "split_subject",
           "is_list_colon", "starts_with", "contains", "clean_task", "DELEGATION_CUES", "delegated", "before_duty",
           "duty_holder", "leading_subject", "reports_past"]

