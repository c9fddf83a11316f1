"""Extractor of targets (chỉ tiêu), spec/RECORDS.md "Targets".

A target is a quantified commitment: a percentage, a count or a rate that a
clause commits someone to reach. Two sources:

- prose: every line of the body is cut into sentences; each number read by
  ``pipeline.lang.quantities`` is kept when it is a level (a percentage, a rate
  that is not the frequency of another value, or a count governed by a
  comparator or standing in a CHỈ TIÊU / MỤC TIÊU section) and dropped when it
  names a part, a date, an amount of money, a duration or the scope of the
  subject ("có từ 1.000 đoàn viên trở lên"). Values of a sentence that are
  separated by "," or ";" get clauses of their own; values of one clause share
  its text ("phấn đấu 90% CĐCS có ít nhất một hoạt động ...").
- target tables (indicator | unit | value per year): one record per number of
  a value cell.

Cue words are data: ``pipeline/lang/data/targets.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.tables import TaskRow, line_table_rows
from pipeline.lang.examples import example_spans, in_spans
from pipeline.lang.quantities import Quantity, find_numbers, normalise_rate, target_cues
from schemas.document import Block, Document, Span
from schemas.records import Target

_YEAR_CUE = re.compile(r"(?:đến|tới|vào|trong|đến hết|tới hết)\s+năm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s+[\"“(\-–*]*[^\W_a-zà-ỹđ])|[.!?…]+\s*$")
_LEAD_MARK = re.compile(r"^[\s\-–+•*>·]+|^\(?[a-zđ0-9]{1,3}[.)]\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w%]+")


def fold(text: str | None) -> str:
    """Lower case, punctuation to spaces, single spaces; marks are kept ('có' is not 'cơ').

    Cue words are compared with their marks: folding them away would make "có" (has)
    stop a subject at "cơ sở", and "số" drop "sở".
    """
    if not text:
        return ""
    return " ".join(_NON_WORD.sub(" ", str(text).lower()).split())


_PERCENT_HEADING = re.compile(r"\(%\)\s*(?:[≥≤<>]=?|=)?\s*$")
_PER = {"năm": "hằng năm", "quý": "hằng quý", "tháng": "hằng tháng", "tuần": "hằng tuần", "ngày": "hằng ngày"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?|\d+(?:[.,/]\d+)*|%", re.UNICODE)


@dataclass(frozen=True)
class _Cues:
    """The folded cue tables of data/targets.json."""

    far: dict[str, str]
    near: dict[str, str]
    postfix: dict[str, str]
    symbols: dict[str, str]
    frequency: tuple[str, ...]
    scope_before: tuple[str, ...]
    scope_units: frozenset[str]
    clause_opener: re.Pattern
    baseline_before: tuple[str, ...]
    baseline_then: re.Pattern
    reference_before: frozenset[str]
    not_target_units: frozenset[str]
    enumerators: frozenset[str]
    prepositions: tuple[str, ...]
    money_after: tuple[str, ...]
    section_words: re.Pattern
    commit_verbs: tuple[str, ...]
    goal_openers: tuple[str, ...]
    goal_break: re.Pattern
    result_before: tuple[str, ...]
    result_after: tuple[str, ...]
    rubric: re.Pattern
    money_reach: tuple[str, ...]
    money_scales: frozenset[str]
    currency: re.Pattern
    change_verbs: tuple[str, ...]
    allot_verbs: tuple[str, ...]
    compounds: tuple[str, ...]
    singles: frozenset[str]
    rate_stops: frozenset[str]
    per_period: re.Pattern
    count_label: re.Pattern
    result_section_words: re.Pattern
    own_clause: re.Pattern
    share_after: re.Pattern
    pledge: tuple[str, ...]
    near_pledge: tuple[str, ...]
    present: re.Pattern
    subject_stops: tuple[str, ...]
    subject_drop: tuple[str, ...]
    subject_leads: tuple[str, ...]
    subject_lead_ends: tuple[str, ...]
    table_indicator: tuple[str, ...]
    table_unit: tuple[str, ...]
    table_value: tuple[str, ...]
    table_skip: tuple[str, ...]
    share_indicators: tuple[str, ...]


def _any_word(words) -> re.Pattern:
    """One pattern for any of the (folded) words, whole words only."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _longest_first(words))) + r")(?!\w)")


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in words}, key=lambda w: (-len(w.split()), -len(w))))


def _goal_break(times: list[str]) -> re.Pattern:
    """Where one goal of a sentence ends and the next begins: a comma, or "và" before a new time
    ("... đạt trên 8% và năm 2026 đạt từ 10% ...")."""
    words = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in times)
    return re.compile(rf",\s+|\s+và\s+(?=(?:{words})\s+\d)", re.IGNORECASE) if words else re.compile(r",\s+")


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = target_cues()
    comp = data["comparators"]
    return _Cues(
        far={fold(k): v for k, v in comp["far"].items() if not k.startswith("_")},
        near={fold(k): v for k, v in comp["near"].items()},
        postfix={fold(k): v for k, v in comp["postfix"].items()},
        prepositions=tuple(fold(w) for w in comp["prepositions"]),
        symbols=dict(comp["symbols"]),
        frequency=tuple(data["frequency_words"]),
        scope_before=_longest_first(data["scope_before"]),
        scope_units=frozenset(fold(w) for w in data["scope_units"]),
        clause_opener=re.compile(r",\s+(?:" + "|".join(map(re.escape, data["clause_openers"])) + r")(?!\w)",
                                 re.IGNORECASE),
        baseline_before=_longest_first(data["baseline_before"]),
        baseline_then=re.compile(r"^(?:[^,;.]|\.(?=\d)){0,60}?(?<!\w)(?:" + "|".join(
            re.escape(w) for w in sorted(data["baseline_then"], key=len, reverse=True)) + r")\s+(?:mức\s+)?\d",
            re.IGNORECASE),
        reference_before=frozenset(fold(w) for w in data["reference_before"]),
        not_target_units=frozenset(fold(w) for w in data["not_target_units"]),
        enumerators=frozenset(fold(w) for w in data["enumerator_units"]),
        money_after=_longest_first(data["money_after_percent"]),
        section_words=_any_word(data["target_section_words"]),
        result_section_words=_any_word(data["result_section_words"]),
        # a clause of its own after a comma: a capitalised body that asks or assigns ("..., Chính phủ yêu cầu ...")
        own_clause=re.compile(r",\s+(?=[A-ZĐÀ-Ỹ]\S*(?:\s+\S+){0,3}\s+(?:"
                              + "|".join(map(re.escape, data["own_clause_verbs"])) + r")\s)"),
        # the share a clause reaches after a value ("... đạt tối thiểu 100%"; no comma between: one clause)
        share_after=re.compile(r"[^,;.\n]{0,80}?\s(?:" + "|".join(map(re.escape, data["share_after_verbs"]))
                               + r")\s+(?:(?:" + "|".join(map(re.escape, data["share_after_qualifiers"]))
                               + r")\s+)?\d+(?:[.,]\d+)?\s*%", re.IGNORECASE),
        pledge=_longest_first(data["pledge_words"]),
        near_pledge=tuple(fold(w) for w in data["near_pledge_words"]),
        present=re.compile(r"^\W*(?:" + "|".join(map(re.escape, _longest_first(data["present_openers"]))) + r")(?!\w)"),
        commit_verbs=_longest_first(data["commit_verbs"]),
        goal_openers=tuple(w.lower() for w in data.get("goal_openers", [])),
        goal_break=_goal_break(data.get("goal_break_times", [])),
        result_before=_longest_first(data["result_before"]),
        result_after=_longest_first(data["result_after"]),
        rubric=re.compile("|".join(f"(?:{p})" for p in data["rubric_patterns"])),
        money_reach=_longest_first(data["money_reach_before"]),
        money_scales=frozenset(fold(w) for w in data["money_scales"]),
        currency=re.compile(r"\s+(" + "|".join(map(re.escape, data["currencies"])) + r")(?!\w)", re.IGNORECASE),
        change_verbs=_longest_first(data["change_verbs"]),
        allot_verbs=_longest_first(data["allot_verbs"]),
        # an enumerated noun is read whole ("12 định hướng"), so that it is known for one
        compounds=tuple(sorted(set(data["compound_units"]) | {w for w in data["enumerator_units"] if " " in w},
                               key=lambda w: -len(w.split()))),
        singles=frozenset(w.lower() for w in data["single_units"]),
        rate_stops=frozenset(w.lower() for w in data["rate_unit_stops"]),
        count_label=re.compile(r"^\W*(?:" + "|".join(map(re.escape, data["count_labels"])) + r")\s[^:;.]{0,60}:\s*$",
                               re.IGNORECASE),
        per_period=re.compile(r"/\s*(?:" + "|".join(map(re.escape, _longest_first(data["rate_periods"]))) + r")$",
                              re.IGNORECASE),
        subject_stops=_longest_first(data["subject_stops"]),
        subject_drop=_longest_first(data["subject_drop_first"]),
        subject_leads=_longest_first(data["subject_leads"]),
        subject_lead_ends=_longest_first(data["subject_lead_ends"]),
        table_indicator=_longest_first(data["table_indicator_headers"]),
        table_unit=_longest_first(data["table_unit_headers"]),
        table_value=_longest_first(data["table_value_headers"]),
        table_skip=_longest_first(data["table_skip_headers"]),
        share_indicators=tuple(fold(w) for w in data["table_share_indicators"]),
    )


# ---------------------------------------------------------------- public


def extract(doc: Doc) -> list[Target]:
    """The targets of the analysed document, in document order."""
    document: Document = doc._.document
    if document is None or not document.text:
        return []
    cues = _cues()
    tables = _table_cells(document)
    table_targets, table_spans = [], []
    for cells in tables.values():
        found, spans = _table_targets(document, cells, cues)
        table_targets.extend(found)
        table_spans.extend(spans)
    tokens = _token_starts(doc)
    found, spans = _line_table_targets(document, cues, tokens)
    table_targets.extend(found)
    table_spans.extend(spans)
    sections = _target_sections(document, cues)
    records = list(table_targets)
    for start, end in _body_lines(document):
        if any(s <= start < e for s, e in table_spans):
            continue
        records.extend(_line_targets(document, start, end, cues, sections=sections, tokens=tokens))
    examples = example_spans(document.text)  # "Ví dụ: Đảng bộ tỉnh A có 50 ủy viên ...": no targets
    records = [_with_row(t, tables) for t in records if not _cell_frequency(t, tables, cues)
               and not (t.span and in_spans(t.span.start, examples))]
    records.sort(key=lambda t: t.span.start if t.span else 0)
    return records


def _cell_frequency(target: Target, tables: dict[int, list[Block]], cues: _Cues) -> bool:
    """Whether a target is a bare count per period in a table cell ("10 đợt/năm" against each parameter of
    a monitoring appendix): a schedule's entry, not a commitment the text states."""
    if target.comparator != "=" or not cues.per_period.search(target.unit or ""):
        return False
    return _cell_at(target, tables) is not None


def _cell_at(target: Target, tables: dict[int, list[Block]]) -> tuple[Block, list[Block]] | None:
    """The table cell a target was read from, with the cells of its table; None outside tables."""
    if target.span is None:
        return None
    for cells in tables.values():
        cell = next((c for c in cells if c.span and c.span.start <= target.span.start < c.span.end), None)
        if cell is not None:
            return cell, cells
    return None


def _with_row(target: Target, tables: dict[int, list[Block]]) -> Target:
    """A target read from a lone cell of a plain table ("02 lần/tháng") quotes its row before it (what is
    measured, and where), so that the record says what the level is of."""
    found = _cell_at(target, tables) if len(target.text.split()) <= 6 else None
    if found is None:
        return target
    cell, cells = found
    before = sorted((c for c in cells if c.row == cell.row and (c.col or 0) < (cell.col or 0) and c.span),
                    key=lambda c: c.col or 0)
    lead = " ".join(" ".join(c.text.split()) for c in before)
    return target.model_copy(update={"text": f"{lead} {target.text}".strip()}) if lead else target


# ---------------------------------------------------------------- prose


@dataclass
class _Value:
    """A number of a sentence that is kept as a level."""

    q: Quantity
    unit: str
    unit_end: int  # offset after the counted noun (or the '%' / rate)
    comparator: str
    frequency: str | None = None
    cut: int | None = None  # the clause ends here (a value that closes a flattened table row)


def _body_lines(document: Document):
    # the footer is not cut off: a decision's signature block may stand before the plan it
    # issues, and the lines of a signature block or a recipients list carry no levels
    text = document.text
    start = document.header.body_start if document.header else 0
    end = len(text)
    pos = start
    while pos < end:
        nl = text.find("\n", pos)
        if nl < 0 or nl > end:
            nl = end
        if nl > pos:
            yield pos, nl
        pos = nl + 1


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() > pos:
            yield pos, m.end()
        pos = m.end()
    if pos < end and text[pos:end].strip():
        yield pos, end


def _line_targets(document: Document, start: int, end: int, cues: _Cues, *,
                  sections: list[tuple[int, int, int | None, str]], tokens: dict[int, str]) -> list[Target]:
    text = document.text
    out = []
    in_section, section_year, reported = _section_context(sections, start)
    for s_start, s_end in _sentences(text, start, end):
        values = _sentence_values(text, s_start, s_end, cues, in_section=in_section, tokens=tokens)
        if reported or cues.present.match(fold(text[s_start:s_end])):
            # a section of results, a sentence on the present: only a value its clause pledges
            values = [v for v in values if _has_word(text, _clause_start(text, s_start, v.q.start), v.q.start,
                                                     cues.pledge)]
        if values:
            out.extend(_records(document, s_start, s_end, values, cues, section_year=section_year))
    return out


def _words_before(text: str, pos: int, floor: int, n: int = 3) -> str:
    """The last ``n`` words before ``pos`` (not before ``floor``), folded."""
    chunk = text[max(floor, pos - 60):pos]
    return " ".join(fold(chunk).split()[-n:])


def _ends_with(folded: str, phrase: str) -> bool:
    return folded == phrase or folded.endswith(" " + phrase)


RUBRIC_REACH = 60  # characters after a value where a rubric's points stand, over a wrapped line


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the ';'-clause holding ``pos`` (``limit`` at most)."""
    semi = text.find(";", pos, limit)
    return semi if semi >= 0 else min(limit, len(text))


def _clause_start(text: str, s_start: int, pos: int) -> int:
    """Start of the ';'-clause holding ``pos``."""
    semi = text.rfind(";", s_start, pos)
    return semi + 1 if semi >= 0 else s_start


def _sentence_values(text: str, s_start: int, s_end: int, cues: _Cues, *,
                     in_section: bool, tokens: dict[int, str]) -> list[_Value]:
    sentence = text[s_start:s_end]
    found = find_numbers(sentence)
    values: list[_Value] = []
    for q in found:
        q = replace(q, start=q.start + s_start, end=q.end + s_start)
        before = _words_before(text, q.start, s_start, 4)
        clause_from = _clause_start(text, s_start, q.start)
        comparator, explicit, comparator_is_near = _comparator(text, clause_from, q, cues)
        if q.word and q.kind != "rate" and not _word_numeral_ok(text, clause_from, q, s_end, cues):
            continue  # "một số", "năm 2025": a word numeral counts right after a comparator, before a unit
        if _is_reference(text, s_start, q, before, cues):
            continue
        if cues.rubric.search(text[clause_from:_clause_end(text, q.end, q.end + RUBRIC_REACH)].lower()):
            continue  # "Đơn vị đạt tỷ lệ 100% cộng 05 điểm": a scoring rubric grades, it commits no one
        if any(_ends_with(before, w) for w in cues.baseline_before) and cues.baseline_then.match(text[q.end:s_end]):
            continue  # "giảm từ 23 ca sinh xuống 18 ca sinh": the starting level
        if cues.share_after.match(text, q.end, s_end):
            continue  # "truy cập với tốc độ 01 Gb/s đạt 100%": the value bounds the subject of a later level
        if q.kind == "percent":
            after = " ".join(fold(text[q.end:min(s_end, q.end + 40)]).split()[:4])
            pledged = _pledged(text, clause_from, q, cues)
            if (any(after == w or after.startswith(w + " ") for w in cues.result_after) and not pledged) \
                    or _has_word(text, clause_from, q.start, cues.result_before):
                continue  # "ước đạt 8% so cùng kỳ", "đạt 100% kế hoạch": a reported result
            if _money_after(text, q.end, s_end, cues) and not _has_word(text, clause_from, q.start, cues.change_verbs) \
                    and not (explicit and _has_word(text, clause_from, q.start, cues.allot_verbs)):
                continue  # "hỗ trợ 50% kinh phí": a share of a cost ("bố trí ít nhất 15% ngân sách" is a level)
            if values and _is_scope(before, cues) and not explicit:
                continue
            values.append(_Value(q, "%", q.end, comparator, frequency=_PER.get(q.per or "")))
        elif q.kind == "rate":
            if values and values[-1].q.kind != "rate" and ";" not in text[values[-1].q.end:q.start]:
                values[-1].frequency = _frequency_phrase(text, clause_from, q)
                continue  # the frequency of the value before it
            values.append(_Value(q, q.unit or "", q.end, comparator))
        elif _PERCENT_HEADING.search(text, clause_from, q.start):
            # a flattened table row: "Tỉ lệ đô thị hóa (%) > 50 Bộ Xây dựng ..."
            values.append(_Value(q, "%", q.end, comparator, cut=q.end))
        else:
            unit, unit_end = _count_unit(text, q.end, s_end, cues, tokens)
            if not unit:
                continue
            folded_unit = fold(unit)
            money = _money_level(text, clause_from, q, unit_end, s_end, before, cues) \
                if folded_unit in cues.money_scales else None
            if money:  # "đạt 400 triệu USD": a level of value to reach
                values.append(_Value(q, text[q.end:money].strip(), money, comparator))
                continue
            if folded_unit in cues.not_target_units or folded_unit in cues.scope_units:
                continue
            if folded_unit in cues.enumerators and not comparator_is_near and values \
                    and not _separated(text, values[-1].q.end, q.start):
                explicit = False  # "tối đa không quá 07 đơn vị ... tương ứng với 07 lĩnh vực": the first count's bound
            if q.value_max is None and _is_year(q):
                continue
            if values and _is_scope(before, cues) and not _separated(text, values[-1].q.end, q.start):
                continue
            if _postfix(text, unit_end, s_end, cues) and values and not _separated(text, values[-1].q.end, q.start):
                continue  # "... có 15 tiêu chí trở lên": a bound of the subject
            per_period = cues.per_period.search(unit) is not None
            if per_period and fold(unit.split("/")[0]) in cues.not_target_units:
                continue  # "1.364.329.243 đồng/năm": a yearly cost
            labelled = cues.count_label.match(text[clause_from:q.start]) is not None \
                or _names_its_unit(text[clause_from:q.start], unit) \
                or _breaks_down(text, values, q.start, folded_unit)  # "Số điểm quan trắc: 08 điểm"
            if not explicit and not per_period and not labelled:  # a count per period ("240 mẫu/năm") commits
                if not in_section or folded_unit in cues.enumerators:
                    continue
            elif comparator_is_near and not in_section and not _committed(text, clause_from, q.start, cues):
                continue  # "Giao thông có trên 40 điểm ngập": a count that describes, not a commitment
            values.append(_Value(q, unit, unit_end, comparator))
    return values


def _pledged(text: str, clause_from: int, q: Quantity, cues: _Cues) -> bool:
    """Whether the clause pledges the value: "phấn đấu" anywhere before it ("phấn đấu đạt 100% kế hoạch"),
    "bảo đảm" right before its verb ("bảo đảm giải ngân 100% kế hoạch vốn")."""
    near = f" {_words_before(text, q.start, clause_from, 4)} "
    return _has_word(text, clause_from, q.start, cues.pledge) or any(f" {w} " in near for w in cues.near_pledge)


def _names_its_unit(label: str, unit: str) -> bool:
    """A short label before a colon that names what the count counts: "Lắp đặt mới trạm 3G/4G: 58 trạm"."""
    head = unit.split()[0] if unit.split() else ""
    return bool(head) and len(label) <= _LABEL_CHARS and re.search(
        rf"^\W*[^:;.]*(?<!\w){re.escape(head)}(?!\w)[^:;.]{{0,30}}:\s*$", label, re.IGNORECASE) is not None


_LABEL_CHARS = 80


def _breaks_down(text: str, values: list[_Value], at: int, folded_unit: str) -> bool:
    """A count of the same unit after "trong đó" breaks down a count before it: "58 trạm (Trong đó: VNPT:
    25 trạm, Viettel: 33 trạm)"."""
    for value in values:
        if fold(value.unit) == folded_unit and _BREAKDOWN.search(text, value.q.end, at):
            return True
    return False


def _money_level(text: str, clause_from: int, q: Quantity, unit_end: int, s_end: int, before: str,
                 cues: _Cues) -> int | None:
    """The end of an amount of money the clause commits to reach ("đạt 400 triệu USD"), else None: the
    amount stands right after a reach word, its scale has a currency, and it is no reported result
    (a result word before it, "ước đạt", or a share of the plan or of last year after it, "đạt 100%
    kế hoạch")."""
    currency = cues.currency.match(text, unit_end)
    if not currency or not any(_ends_with(before, w) for w in cues.money_reach) \
            or _has_word(text, clause_from, q.start, cues.result_before):
        return None
    for later in find_numbers(text[currency.end():s_end], words=False):
        if later.kind == "percent":
            after = fold(text[currency.end() + later.end:min(s_end, currency.end() + later.end + 40)])
            if any(after == w or after.startswith(w + " ") for w in cues.result_after):
                return None
    return currency.end()


def _is_year(q: Quantity) -> bool:
    return isinstance(q.value, int) and 1900 <= q.value <= 2100 and "." not in q.raw and len(q.raw) == 4


def _is_reference(text: str, s_start: int, q: Quantity, before: str, cues: _Cues) -> bool:
    words = before.split()
    for n in (1, 2, 3):
        if len(words) >= n and " ".join(words[-n:]) in cues.reference_before:
            return True
    # a section number at the start of the sentence: "2.", "3)"
    lead = text[s_start:q.start]
    if not lead.strip(" -–+*•(") and re.match(r"\s*[.)]", text[q.end:q.end + 2]):
        return True
    # a date or a document number: "12/3/2020", "45/KH-UBND", "9h00"; not a rate per a round base
    # ("4/100.000 trẻ sinh ra còn sống")
    if re.match(r"/\s*10{2,}\s|/\s*1(?:0{0,2}[.,]000)+\s+[^\W\d_]", text[q.end:q.end + 16]):
        return False
    return bool(re.match(r"[/\-–]\d", text[q.end:q.end + 2])) and q.kind == "number"


def _is_scope(before: str, cues: _Cues) -> bool:
    return any(_ends_with(before, w) for w in cues.scope_before)


def _separated(text: str, a: int, b: int) -> bool:
    """A ',' or ';' stands between two offsets (outside parentheses)."""
    depth = 0
    for ch in text[a:b]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            return True
    return False


def _money_after(text: str, pos: int, end: int, cues: _Cues) -> bool:
    after = " ".join(fold(text[pos:min(end, pos + 60)]).split()[:4])
    return any(after.startswith(w + " ") or after == w for w in cues.money_after)


def _postfix(text: str, pos: int, end: int, cues: _Cues) -> str | None:
    after = " ".join(fold(text[pos:min(end, pos + 30)]).split()[:2])
    for word, comp in cues.postfix.items():
        if after.startswith(word):
            return comp
    return None


def _has_word(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """One of the folded ``words`` stands between ``start`` and ``end`` as whole words."""
    chunk = fold(text[start:end])
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", chunk) for w in words)


def _committed(text: str, clause_from: int, pos: int, cues: _Cues) -> bool:
    """A verb of commitment stands in the clause before ``pos`` ('hỗ trợ hơn 20.000 hộ')."""
    return _has_word(text, clause_from, pos, cues.commit_verbs)


def _word_numeral_ok(text: str, clause_from: int, q: Quantity, s_end: int, cues: _Cues) -> bool:
    """'ít nhất một hoạt động': a word numeral right after a comparator word, before a known unit."""
    near = _words_before(text, q.start, clause_from, 3)
    words = list(cues.far) + list(cues.near)
    if any(_ends_with(near, p) for p in cues.prepositions):
        return False
    if not any(_ends_with(near, w) or _ends_with(near, "có " + w) for w in words):
        return False
    rest = text[q.end:min(s_end, q.end + 40)].lower().lstrip()
    if any(rest.startswith(c) and not rest[len(c):len(c) + 1].isalpha() for c in cues.compounds):
        return True
    head = re.match(r"[^\W\d_]+", rest)
    return bool(head) and head.group() in cues.singles


def _comparator(text: str, clause_from: int, q: Quantity, cues: _Cues) -> tuple[str, bool, bool]:
    """The comparator of a value, whether a comparator word was found, and whether it was a near one."""
    near = _words_before(text, q.start, clause_from, 3)
    sym = text[max(clause_from, q.start - 3):q.start].strip()
    for s, comp in cues.symbols.items():
        if sym.endswith(s):
            return comp, True, False
    preposition = any(_ends_with(near, p) for p in cues.prepositions)  # "dựa trên ba trụ cột"
    for word, comp in sorted(cues.near.items(), key=lambda kv: -len(kv[0])) if not preposition else ():
        if _ends_with(near, word) or _ends_with(near, "đạt " + word):
            if word == "từ" and q.value_max is not None:
                break  # "từ 5 đến 7" is a range
            return comp, True, True
    clause = fold(text[clause_from:q.start])
    best, best_pos = None, -1
    for word, comp in cues.far.items():
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", clause):
            if m.start() > best_pos:
                best, best_pos = comp, m.start()
    if best:
        return best, True, False
    if q.kind == "percent":
        post = _postfix(text, q.end, len(text), cues)
        if post:
            return post, True, True
    return "=", False, False


_RATE = re.compile(r"(?P<noun>(?:\s+[^\W\d_]+[23²³]?){0,5}?)\s*/\s*(?P<base>(?:\d[\d.,]*\s+)?[^\W\d_]+(?:(?<=m)[23²³](?!\w))?(?:\s+[^\W\d_]+){0,6})")


def _rate_unit(text: str, pos: int, end: int, cues: _Cues) -> tuple[str | None, int]:
    """A rate's unit right after a number ("12 bác sĩ/vạn dân", "4/100.000 trẻ sinh ra còn sống"): the
    counted noun, '/', the base and its noun up to a stop word; (None, pos) when there is none."""
    m = _RATE.match(text, pos, end)
    if not m or (not m.group("noun") and not re.match(r"\d", m.group("base"))):
        return None, pos
    words = list(re.finditer(r"\S+", m.group("base")))
    keep = 1 + int(words[0].group().replace(".", "").replace(",", "").isdigit())
    for w in words[keep:]:
        if w.group().lower() in cues.rate_stops:
            break
        keep += 1
    stop = m.start("base") + words[min(keep, len(words)) - 1].end()
    return " ".join(text[pos:stop].split()), stop


# a unit of measure with its power: "30 m2", "20 km²", "500 m3"
_MEASURE_UNIT = re.compile(r"[^\W\d_]{1,3}[23²³](?![\w])")


def _count_unit(text: str, pos: int, end: int, cues: _Cues, tokens: dict[int, str]) -> tuple[str | None, int]:
    """The counted noun right after a number, and the offset after it; nouns counted together
    ("04 tin, bài", "01 doanh nghiệp, hợp tác xã") are one unit."""
    rate, rate_end = _rate_unit(text, pos, end, cues)
    if rate:
        return rate, rate_end
    m = re.match(r"\s+", text[pos:end])
    if not m:
        return None, pos
    start = pos + m.end()
    known = _known_unit(text, start, end, cues)
    if known:
        unit_end = known
        while (more := re.match(r",\s*(?=[^\W\d_])", text[unit_end:end])) \
                and text[unit_end + more.end()].islower() and (nxt := _known_unit(text, unit_end + more.end(), end, cues)):
            unit_end = nxt  # not "200 công trình, Thành phố Hồ Chí Minh ...": a capital opens the next clause
        return text[start:unit_end], unit_end
    rest = text[start:min(end, start + 40)]
    word = _MEASURE_UNIT.match(rest) or re.match(r"[^\W\d_]+", rest)
    if not word:
        return None, pos
    token = tokens.get(start)
    if token and " " in token and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)+", token):
        return token, start + len(token)
    return word.group(), start + word.end()


def _known_unit(text: str, start: int, end: int, cues: _Cues) -> int | None:
    """The end of a known counted noun (``compound_units``, ``single_units``) at ``start``, else None."""
    rest = text[start:min(end, start + 40)]
    low = rest.lower()
    for compound in cues.compounds:
        if low.startswith(compound) and not re.match(r"\w", low[len(compound):len(compound) + 1]):
            return start + len(compound)
    word = re.match(r"[^\W\d_]+", rest)
    if word and word.group().lower() in cues.singles:
        power = _MEASURE_UNIT.match(rest)
        return start + (power.end() if power and power.end() == word.end() + 1 else word.end())
    return None


def _frequency_phrase(text: str, clause_from: int, q: Quantity) -> str:
    before = text[clause_from:q.start]
    lead = re.search(r"(ít nhất|tối thiểu|tối đa|không quá)\s*$", before, re.IGNORECASE)
    phrase = text[q.start:q.end]
    if lead:
        phrase = lead.group(1) + " " + phrase
    return normalise_rate(phrase)


def _records(document: Document, s_start: int, s_end: int, values: list[_Value], cues: _Cues, *,
             section_year: int | None) -> list[Target]:
    text = document.text
    # values with no ',' or ';' between them share one clause
    groups: list[list[_Value]] = []
    for v in values:
        if groups and not _separated(text, groups[-1][-1].q.end, v.q.start) \
                and _and_next(text, groups[-1][-1].q.end, v.q.start, cues) is None \
                and not _BREAKDOWN.search(text, groups[-1][-1].q.end, v.q.start):
            groups[-1].append(v)
        else:
            groups.append([v])
    out = []
    for gi, group in enumerate(groups):
        first = group[0].q
        if gi == 0:
            g_start = _clause_start(text, s_start, first.start)
            openers = list(cues.clause_opener.finditer(text, g_start, first.start))
            if openers:  # "..., đảm bảo cắt giảm tối thiểu 30% ...": the value's own clause
                g_start = openers[-1].start() + 1
            bracket = _open_bracket(text, g_start, first.start)
            if bracket is not None:  # "... khen thưởng (tỷ lệ không quá 10% tập thể": the bracket's clause
                g_start = bracket + 1
        else:  # after the value before: its own ';' clause when one begins between them, else the last ',',
            # else the "và" that joins it ("tại 100% nhà trường và trên 70% người lao động")
            prev_end = groups[gi - 1][-1].q.end
            semi = text.rfind(";", prev_end, first.start)
            joined = _and_next(text, prev_end, first.start, cues)
            breakdown = _BREAKDOWN.search(text, prev_end, first.start)
            g_start = semi + 1 if semi >= 0 else joined[1] if joined else \
                breakdown.start() if breakdown else _last_separator(text, prev_end, first.start) + 1
        if group[-1].cut is not None:
            g_end = group[-1].cut
        elif gi + 1 < len(groups):  # at the ';' that ends its clause, else the last ',', else the joining "và"
            nxt = groups[gi + 1][0].q.start
            semi = text.find(";", group[-1].q.end, nxt)
            joined = _and_next(text, group[-1].q.end, nxt, cues)
            breakdown = _BREAKDOWN.search(text, group[-1].q.end, nxt)
            g_end = semi if semi >= 0 else joined[0] if joined else \
                breakdown.start() if breakdown else _last_separator(text, group[-1].q.end, nxt)
        else:  # the value's ';' clause: what follows is another demand, or its breakdown ("..., trong đó: ..."),
            # or a clause of its own after a comma ("... từ 10% trở lên, Chính phủ yêu cầu ...")
            semi = text.find(";", group[-1].q.end, s_end)
            g_end = semi if semi >= 0 else s_end
            own = cues.own_clause.search(text, group[-1].q.end, g_end)
            g_end = own.start() if own else g_end
            breakdown = _BREAKDOWN.search(text, group[-1].q.end, g_end)
            g_end = breakdown.start() if breakdown else g_end
        clause = _clean(text, g_start, g_end)
        if clause is None:
            continue
        c_start, c_end = clause
        frequency = _frequency_word(text, s_start, first.start, cues)
        year = _year(text, s_start, first.start) or section_year
        for v in group:
            subject = _subject(text, v, s_start, c_end, cues)
            out.append(Target(
                text=text[c_start:c_end], value=v.q.value, value_max=v.q.value_max, unit=v.unit,
                comparator=v.comparator, subject=subject,
                frequency=v.frequency or (frequency if v.q.kind != "rate" else None), year=year,
                span=Span(start=c_start, end=c_end), section=document.section_at(v.q.start)))
    return out


_BREAKDOWN = re.compile(r",?\s*(?:trong đó|bao gồm|gồm)\s*:", re.IGNORECASE)


def _open_bracket(text: str, a: int, b: int) -> int | None:
    """Offset of the '(' between ``a`` and ``b`` that is still open at ``b``, else None."""
    opened: list[int] = []
    for i in range(a, b):
        if text[i] == "(":
            opened.append(i)
        elif text[i] == ")" and opened:
            opened.pop()
    return opened[0] if opened else None


def _and_next(text: str, a: int, b: int, cues: _Cues) -> tuple[int, int] | None:
    """(where "và" stands, where the next value's clause begins) when the next value at ``b`` follows
    "và" and a comparator word right before it ("100% nhà trường và trên 70% người lao động"): a
    second target of its own; else None."""
    if _separated(text, a, b):
        return None
    timed = _AND_TIME.search(text, a, b)  # "đạt trên 8% và năm 2026 đạt từ 10%": the goal of another time
    if timed:
        return timed.start(1), timed.end()
    m = re.search(r"\s(và)\s+(?=\S+(?:\s+\S+)?\s*$)", text[a:b])
    if not m:
        return None
    lead = fold(text[a + m.end():b])
    if lead and (lead in cues.near or lead in cues.far):
        return a + m.start(1), a + m.end()
    return None


_AND_TIME = re.compile(r"\s(và)\s+(?=(?:đến\s+)?(?:hết\s+)?(?:năm|giai\s+đoạn)\s+\d{4})", re.IGNORECASE)


def _last_separator(text: str, a: int, b: int) -> int:
    """Offset of the last ',' or ';' between ``a`` and ``b`` (outside parentheses)."""
    depth, found = 0, a
    for i in range(a, b):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            found = i
    return found


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim markers, spaces and a trailing ',', ';', ':' from a clause."""
    chunk = text[start:end]
    m = _LEAD_MARK.match(chunk)
    if m:
        start += m.end()
    while start < end and text[start] in " \t*_":
        start += 1
    while end > start and text[end - 1] in " \t,;:*_(":
        end -= 1
    if text[end - 1:end] == ")" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1  # the close of a bracket the clause does not open: "Viettel: 33 trạm)"
    return (start, end) if end > start else None


def _frequency_word(text: str, s_start: int, pos: int, cues: _Cues) -> str | None:
    before = text[s_start:pos].lower()
    best, best_pos = None, -1
    for word in cues.frequency:
        i = before.rfind(word)
        if i >= 0 and i > best_pos and (i == 0 or not before[i - 1].isalnum()):
            best, best_pos = word, i
    return best


def _year(text: str, s_start: int, pos: int) -> int | None:
    found = None
    for m in _YEAR_CUE.finditer(text, s_start, pos):
        found = int(m.group(1))
    return found


def _subject(text: str, v: _Value, s_start: int, c_end: int, cues: _Cues) -> str | None:
    """The counted noun phrase of a value, without 'số'."""
    if v.q.kind == "rate":
        return None
    if v.cut is not None:  # "Tỉ lệ đô thị hóa (%) > 50": the indicator before "(%)"
        head = text[_clause_start(text, s_start, v.q.start):v.q.start]
        return head[:head.rfind("(%)")].strip(" ,;:") or None
    after = text[v.q.end:c_end]
    words = []
    for m in _WORD.finditer(after):
        gap = after[words[-1][1]:m.start()] if words else after[:m.start()]
        if re.search(r"[,;:(.]", gap):
            break
        words.append((m.group(), m.end()))
        if len(words) > 14:
            break
    phrase = _cut_at_stop([w for w, _ in words], cues)
    if v.q.kind == "percent" and not phrase:
        return _lead_subject(text, v, s_start, cues)
    if v.q.kind == "percent" and phrase and fold(phrase.split()[0]) in ("dân", "grdp", "gdp", "tổng"):
        return _lead_subject(text, v, s_start, cues) or phrase
    return phrase or None


def _cut_at_stop(words: list[str], cues: _Cues) -> str:
    folded = [fold(w) for w in words]
    cut = len(words)
    for i in range(1, len(words)):
        for stop in cues.subject_stops:
            n = len(stop.split())
            if " ".join(folded[i:i + n]) == stop:
                cut = i
                break
        if cut != len(words):
            break
    kept = words[:cut]
    while kept:
        head = fold(kept[0])
        two = " ".join(fold(w) for w in kept[:2])
        if two in cues.subject_drop:
            kept = kept[2:]
        elif head in cues.subject_drop:
            kept = kept[1:]
        else:
            break
    return " ".join(kept)


def _lead_subject(text: str, v: _Value, s_start: int, cues: _Cues) -> str | None:
    """'tỷ lệ bao phủ bảo hiểm y tế đạt trên 95,5%' → 'tỷ lệ bao phủ bảo hiểm y tế'."""
    before = text[_clause_start(text, s_start, v.q.start):v.q.start]
    words = [m.group() for m in _WORD.finditer(before)]
    fwords = [fold(w) for w in words]
    idx = -1
    for i in range(len(fwords)):
        for lead in cues.subject_leads:
            n = len(lead.split())
            if " ".join(fwords[i:i + n]) == lead:
                idx = i
    if idx < 0:
        return None
    for i in range(idx + 1, len(fwords)):
        rest = " ".join(fwords[i:])
        if any(rest == end or rest.startswith(end + " ") for end in cues.subject_lead_ends):
            return " ".join(words[idx:i]) or None
    return " ".join(words[idx:]) or None


# ---------------------------------------------------------------- sections


def _target_sections(document: Document, cues: _Cues) -> list[tuple[int, int, int | None, str]]:
    """(start, end, year, role) of the titled outline sections, innermost last.

    role is "target" when the title names targets ("CHỈ TIÊU", "Mục tiêu cụ thể"),
    "pass" for a short heading that only names a horizon or a field ("Đến năm 2030",
    "Thủy sản"), and "other" for any other heading.
    """
    out = []
    for node in document.outline:
        if node.style in ("dash", "plus", "bullet"):
            continue
        title = fold(node.title)
        m = _YEAR_CUE.search(node.title)
        year = int(m.group(1)) if m else None
        if cues.section_words.search(title):
            role = "target"
        elif cues.result_section_words.search(title):
            role = "result"
        elif len(title.split()) <= 8 and ":" not in node.title:
            role = "pass"
        else:
            role = "other"
        out.append((node.body.start, node.body.end, year, role))
    return out


def _section_context(sections, pos: int) -> tuple[bool, int | None, bool]:
    """Whether ``pos`` stands in a target section (through short headings only), its year, and whether it
    stands in a section that reports results (at any depth)."""
    holding = [(start, end, y, role) for start, end, y, role in sections if start <= pos < end]
    holding.sort(key=lambda s: (s[0], -s[1]))
    in_section, year = False, None
    for _start, _end, y, role in reversed(holding):  # innermost first
        year = year or y
        if role == "target":
            in_section = True
            break
        if role in ("other", "result"):
            break
    for _start, _end, y, _role in holding:
        year = year or y
    reported = any(role == "result" for _s, _e, _y, role in holding) and not in_section
    return in_section, year, reported


def _token_starts(doc: Doc) -> dict[int, str]:
    """Token text by start offset, for words of several syllables (segmented docs)."""
    return {t.idx: t.text for t in doc if " " in t.text}


# ---------------------------------------------------------------- tables


def _table_cells(document: Document) -> dict[int, list[Block]]:
    tables: dict[int, list[Block]] = {}
    for block in document.blocks:
        if block.kind == "table_cell" and block.table is not None and block.span is not None:
            tables.setdefault(block.table, []).append(block)
    return tables


def _header_role(text: str, cues: _Cues) -> str | None:
    folded = fold(text)
    if not folded:
        return None
    if _YEAR.search(folded) and len(folded.split()) <= 4:
        return "value"
    for role, words in (("skip", cues.table_skip), ("unit", cues.table_unit),
                        ("indicator", cues.table_indicator), ("value", cues.table_value)):
        if any(folded == w or folded.startswith(w + " ") for w in words):
            return role
    return None


def _table_targets(document: Document, cells: list[Block], cues: _Cues) -> tuple[list[Target], list[tuple[int, int]]]:
    """Records of a target table, and the spans of its cells (empty when it is no target table)."""
    rows: dict[int, dict[int, Block]] = {}
    for c in cells:
        rows.setdefault(c.row or 0, {})[c.col or 0] = c
    if not rows:
        return [], []
    order = sorted(rows)
    header = rows[order[0]]
    if _year_grid(header, rows[order[1]] if len(order) > 1 else {}):
        return [], [(c.span.start, c.span.end) for c in cells]
    roles = {col: _header_role(b.text, cues) for col, b in header.items()}
    indicator = [c for c, r in roles.items() if r == "indicator"]
    value_cols = [c for c, r in roles.items() if r == "value" and c not in indicator[:1]]
    unit_cols = [c for c, r in roles.items() if r == "unit"]
    if not indicator or not value_cols or not unit_cols and not any(
            _YEAR.search(header[c].text) for c in value_cols):
        return [], []
    ind_col = indicator[0]
    value_cols = [c for c in value_cols if c != ind_col]
    out: list[Target] = []
    year_ctx = None
    for r in order[1:]:
        row = rows[r]
        name = row.get(ind_col)
        if name is None or not name.text.strip():
            continue
        filled = [c for c in value_cols if c in row and row[c].text.strip()]
        unit_text = row[unit_cols[0]].text.strip() if unit_cols and unit_cols[0] in row else ""
        if not filled and not unit_text:
            m = _YEAR.search(name.text)
            if m:
                year_ctx = int(m.group(1))
            continue
        for c in filled:
            cell = row[c]
            col_year = _YEAR.search(header[c].text) if c in header else None
            year = int(col_year.group(1)) if col_year else year_ctx
            for value, value_max, comp, unit in _cell_values(cell.text, unit_text, cues):
                subject = " ".join(name.text.split())
                if subject and fold(subject.split()[0]) in cues.subject_drop:
                    subject = " ".join(subject.split()[1:])
                out.append(Target(
                    text=f"{name.text.strip()}: {cell.text.strip()}", value=value, value_max=value_max,
                    unit=unit, comparator=comp, subject=subject or None, frequency=None, year=year,
                    span=Span(start=cell.span.start, end=cell.span.end),
                    section=document.section_at(cell.span.start)))
    return out, [(c.span.start, c.span.end) for c in cells]


def _line_table_targets(document: Document, cues: _Cues,
                        tokens: dict[int, str]) -> tuple[list[Target], list[tuple[int, int]]]:
    """Records of the tables of indicators printed as plain lines (gazette copies: "Tốc độ tăng trưởng
    GDP bình quân/năm (%)" / "Phấn đấu ≥" / "10,0" / "Bộ Tài chính ..."), and the spans of their rows."""
    rows, _ = line_table_rows(document)
    out: list[Target] = []
    spans: list[tuple[int, int]] = []
    seen: set[int] = set()
    for row in rows:
        if not row.indicator:
            continue
        spans.append((row.start, row.end))
        if row.start in seen:
            continue  # the same indicator again for its next lead
        seen.add(row.start)
        out.extend(_indicator_targets(document, row, cues, tokens))
    return out, spans


def _indicator_targets(document: Document, row: TaskRow, cues: _Cues, tokens: dict[int, str]) -> list[Target]:
    """The target of one indicator row: its level read as a value cell, in the unit the indicator or the
    column names ("(%)", "(%/NĂM)"), else the unit its name implies ("Tỉ lệ ..." → %, "Số doanh nghiệp ..."
    → doanh nghiệp); a level run into the indicator's line ("... hằng năm 100%") is read there."""
    level = row.result or row.task
    text = f"{row.task}: {row.result}" if row.result else row.task
    subject = re.sub(r"\s*\([^()]*\)\s*$", "", row.task).strip() or None
    at = row.result_start if row.result and row.result_start is not None else row.start
    out = []
    unit_text = row.unit or _implied_unit(document.text, row.start, row.task, cues, tokens) or ""
    for value, value_max, comp, unit in _cell_values(level if row.result else level[-RUN_IN_LEVEL:], unit_text, cues,
                                                     bare=bool(row.result and _NUMERIC_LEVEL.match(row.result))):
        if row.unit and row.unit.startswith("%") and unit == "%" and "%" not in level:
            unit = row.unit  # "(%/NĂM)" over the column: a rate per year
        out.append(Target(text=text, value=value, value_max=value_max, unit=unit, comparator=comp,
                          subject=subject, frequency=None, span=Span(start=at, end=row.end),
                          section=document.section_at(at)))
    return out


RUN_IN_LEVEL = 40  # characters at the end of an indicator's line where a level run into it stands
_NUMERIC_LEVEL = re.compile(r"^[\d\s.,\-–≥≤<>~=]+$")  # a level of numbers only: "4,5 - 4,8", "≥ 0,8"


def _implied_unit(text: str, start: int, indicator: str, cues: _Cues, tokens: dict[int, str]) -> str | None:
    """The unit an indicator's name implies: a share is in % ("Tỉ trọng thu nội địa ..."), a count in its
    noun ("Số đặc khu kinh tế ..." → the word after "Số")."""
    folded = fold(indicator)
    if any(folded.startswith(w + " ") for w in cues.share_indicators):
        return "%"
    m = re.match(r"Số\s+(\w+)", indicator)
    if m and text.startswith(indicator[:m.end()], start):
        word = tokens.get(start + m.start(1), m.group(1))
        return word if fold(word) not in cues.not_target_units else None
    return None


YEAR_GRID = 3  # year columns from which a table is a projection grid


def _year_grid(header: dict[int, Block], second: dict[int, Block]) -> bool:
    """Whether a table lays its figures out year by year (a header of a period, "GIAI ĐOẠN 2026 - 2030",
    or of several years, on its first or second row): a projection grid whose cells are no clauses
    that commit anyone, so no targets."""
    period = any(re.search(r"giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}", b.text, re.IGNORECASE) for b in header.values())
    years = [b for b in header.values() if _YEAR.search(fold(b.text)) and len(b.text.split()) <= 4]
    below = [b for b in second.values() if b.text.strip()]
    all_years = len(below) >= YEAR_GRID and all(re.fullmatch(r"(?:năm\s+)?\d{4}", b.text.strip(), re.IGNORECASE)
                                                 for b in below)
    return period or len(years) >= YEAR_GRID or all_years


def _cell_values(text: str, unit_text: str, cues: _Cues, *, bare: bool = False):
    """(value, value_max, comparator, unit) of every number of a value cell; with ``bare``, also of a
    number in no unit (an index: "Hệ số ICOR" / "4,5 - 4,8")."""
    unit = "%" if unit_text.startswith("%") else (
        unit_text if unit_text.isupper() else unit_text[:1].lower() + unit_text[1:]) if unit_text else None
    for part in re.split(r"[;\n]", text):
        part = part.strip()
        if not part:
            continue
        for q in find_numbers(part, words=False):
            if _is_year(q) and unit != "năm":
                continue
            comp = "="
            lead = part[:q.start].strip()
            for s, c in cues.symbols.items():
                if lead.endswith(s):
                    comp = c
                    break
            else:
                folded = fold(lead)
                for word, c in list(cues.near.items()) + list(cues.far.items()):
                    if _ends_with(folded, word):
                        comp = c
                        break
            q_unit = "%" if q.kind == "percent" else (q.unit if q.kind == "rate" else unit)
            if q_unit is None and not bare:
                continue
            yield q.value, q.value_max, comp, q_unit
            break  # one value per part: "≤ 3 Đông Nam Á; ≤ 50 Thế giới" gives two


_ANY_NUMBER = re.compile(r"\d")


def goal_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` that states the goal whose value stands at ``start:end`` when a goal
    opener ("phấn đấu") leads it inside a longer sentence ("Để khắc phục ..., phấn đấu tăng trưởng
    đạt trên 8% và năm 2026 đạt từ 10% trở lên, Chính phủ yêu cầu ..."): from the opener, or from the
    break after an earlier goal's value, to the next break. The whole text when no opener leads it."""
    cues = _cues()
    head = text[:start].lower()
    openers = [m.start() for o in cues.goal_openers for m in re.finditer(rf"(?<!\w){re.escape(o)}(?!\w)", head)]
    if not openers:
        return 0, len(text)
    begin = max(openers)
    for brk in cues.goal_break.finditer(text, begin, start):
        if _ANY_NUMBER.search(text, begin, brk.start()):
            begin = brk.end()  # an earlier goal's value stands before this break
    stop = cues.goal_break.search(text, end)
    return begin, stop.start() if stop else len(text)


__all__ = ["extract", "goal_clause"]
