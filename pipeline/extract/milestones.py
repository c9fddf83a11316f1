"""Extractor of milestones (spec/RECORDS.md, Milestones).

A milestone is a time the plan sets for its own activities. Four places give one:

1. a line that opens with a time (``"Giai đoạn 2019-2020"``, ``"Tháng 8/2018:"``,
   ``"Quý 3 năm 2024: Triển khai ..."``, ``"- Từ quý IV/2027 xây dựng ..."``): a heading
   takes the bullets under it as activities, a step the rest of its line;
2. a time inside a sentence with a cue word (``"trước ngày 03/11/2021"``,
   ``"trong quý II năm 2026"``, ``"đến năm 2030"``, ``"từ năm 2027"``, ``"(năm 2030)"``);
3. a recurring adverb (``"Hằng năm, báo cáo ..."``, ``"định kỳ báo cáo ..."``);
4. the deadline column of an assignment table, as table cells or as the plain lines of a
   gazette copy, with the task of its row as activity.

Dates of cited documents (no cue, or on "Căn cứ" lines), the title, times already past at
the date of the text and the horizon of a document to be issued are left out; so is
"Thường xuyên", which sets no time. The date grammar is ``pipeline.lang.dates``; cue words
are ``pipeline/lang/data/time.json``.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.extract.tables import TABLE_END, column_role, each_table, line_table_rows
from pipeline.lang.dates import TRAILING_ONGOING, TimeExpr, find_times, parse_time
from pipeline.lang.examples import example_spans, in_spans
from schemas.document import Document, Span
from schemas.records import Milestone

_DATA = Path(__file__).resolve().parents[1] / "lang" / "data" / "time.json"

# outline markers at the head of a line, with their rank (smaller = higher level)
_MARKER = re.compile(
    r"^[ \t]*(?:(?P<article>Điều\s+\d+\.)|(?P<roman>[IVXL]+)[.\-–](?=\s|$)|(?P<a3>\d+\.\d+\.\d+)\.?(?=\s|$)"
    r"|(?P<a2>\d+\.\d+)\.?(?=\s|$)|(?P<a1>\d{1,3})[.)](?=\s|$)|(?P<letter>[a-zđ])\)(?=\s|$)"
    r"|(?P<dash>[-–—•*](?!\d))|(?P<plus>\+))[ \t]*")
_RANK = {"article": 1, "roman": 1, "a1": 2, "a2": 3, "a3": 4, "letter": 5, "dash": 6, "plus": 7}
_PLAIN = 8          # a line without a marker
_PLAIN_HEADING = 5.5  # an unmarked time heading ("Tháng 8/2018:") rules over bullets, not over numbers
_SHORT_HEADING_WORDS = 10
_ROW_START = re.compile(r"^\s*\d{1,3}\.(?:\s|$)")
_SUB_ROW = re.compile(r"^\s*\d{1,3}\.\d{1,2}\.?\s+\S")  # "2.3 Thực hiện ...": a row under row 2
_HEADER_LINES = 10  # lines a table header printed one cell a line may take
_LONE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_NUMBER_AND_TEXT = re.compile(r"^\s*\d{1,3}\s+(?=[A-ZĐÀ-Ỹ])")  # "7  Đề án ...": a row number without its dot
_SECTION_LINE = re.compile(r"^\s*(?:[IVX]+\.|PHỤ LỤC|Nơi nhận)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;.](?=\s|$)|\n")
_WORD = re.compile(r"\w+")


@dataclass
class _Line:
    """One line of the body with its outline marker."""

    start: int
    end: int
    content_start: int
    rank: float
    text: str  # without the marker

    @property
    def marked(self) -> bool:
        return self.rank < _PLAIN


@dataclass
class _Found:
    """A milestone before it becomes a record."""

    start: int
    end: int
    text: str
    kind: str
    first: str | None
    last: str | None
    precision: str
    activities: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _cues() -> dict:
    """The cue words of time.json as compiled patterns."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    rec = data["recurring"]
    return {
        "recurring": re.compile(rf"(?<!\w)(?:{alt(rec['words'])})(?!\w)", re.IGNORECASE),
        "rate": re.compile(rf"(?<!\w)(\d{{1,2}})\s*(?:{alt(rec['rate_nouns'])})\s*/\s*(?:{alt(rec['rate_units'])})(?!\w)",
                           re.IGNORECASE),
        "rate_target": re.compile(rf"(?:{alt(rec['rate_target_words'])})\s*$", re.IGNORECASE),
        "modifier_follow": re.compile(rf"^\s*(?:$|(?:{alt(rec['modifier_followers'])})(?!\w)|[,.;)])", re.IGNORECASE),
        "report": re.compile(rf"(?<!\w)(?:{alt(rec['report_words'])})(?!\w)", re.IGNORECASE),
        "clause_end": re.compile(rf"^\s*(?:(?:(?:{alt(rec['end_followers'])})(?!\w))?\s*(?:$|[,.;])|"
                                 rf"(?:{alt(rec['then_words'])})\s+\w)", re.IGNORECASE),
        "ongoing": re.compile(rf"^\s*(?:{alt(data['ongoing']['words'])})(?!\w)", re.IGNORECASE),
        "event": re.compile(rf"(?:{alt(data['event_verbs']['words'])})(?!\w)", re.IGNORECASE),
        "deadline": re.compile(rf"(?<!\w)(?:{alt(data['deadline_cues']['words'])})\s*$", re.IGNORECASE),
        "horizon": re.compile(rf"(?<!\w)(?:{alt(data['horizon_cues']['words'])})\s*$", re.IGNORECASE),
        "within": re.compile(rf"(?<!\w)(?:{alt(data['within_cues']['words'])})\s*$", re.IGNORECASE),
        # the cue left before a time cut out of an activity ("phấn đấu đến" → "phấn đấu")
        "cue_tail": re.compile(rf"(?<!\w)(?:{alt(data['activity_cue_tail']['words'])})\s*$", re.IGNORECASE),
        "completion": re.compile(rf"(?<!\w)(?:{alt(data['within_cues']['completion'])})(?!\w)", re.IGNORECASE),
        "lead": re.compile(rf"^(?:(?:{alt(data['lead_words']['words'])})\s+)*$", re.IGNORECASE),
        "document": re.compile(rf"(?<!\w)(?:{alt(data['document_words']['words'])})(?!\w)", re.IGNORECASE),
        "time_header": re.compile(rf"(?<!\w)(?:{alt(data['table_time_headers']['words'])})(?!\w)", re.IGNORECASE),
        "skip_line": re.compile(rf"^(?:{alt(data['skip_line_starts']['words'])})(?!\w)", re.IGNORECASE),
        "report_line": re.compile(rf"^\W*(?:{alt(data['report_line_starts']['words'])})(?!\w)", re.IGNORECASE),
        "phase_word": re.compile(r"^giai\s+đoạn(?!\w)", re.IGNORECASE),
        "field_completion": re.compile(rf"^(?:{alt(data['field_labels']['completion'])})\s*:\s*$", re.IGNORECASE),
        "field_period": re.compile(rf"^(?:{alt(data['field_labels']['period'])})(?:\s+[^\W\d][^:\d]{{0,40}})?\s*:\s*$",
                                   re.IGNORECASE),  # "Thời gian thực hiện Chương trình:"
        "open_end": re.compile(rf"^\s*(?:{alt(data['field_labels']['open_end'])})(?!\w)", re.IGNORECASE),
        "schedule_part": re.compile(rf"(?<!\w)(?:{alt(data['schedule']['heads'])})\s*\([^()]{{3,80}}\)", re.IGNORECASE),
        "weekday": re.compile(rf"\s*\(\s*(?:{alt(data['scheduled_day']['weekdays'])})\s*\)", re.IGNORECASE),
    }


def extract(doc: Doc) -> list[Milestone]:
    """The milestones of the analysed document, in document order."""
    document: Document = doc._.document
    return _extract_document(document)


def _extract_document(document: Document) -> list[Milestone]:
    text = document.text
    header = document.header
    body_start = header.body_start if header else 0
    doc_date = header.date if header else None
    year = int(doc_date[:4]) if doc_date else None
    times = [t for t in find_times(text, year=year, today=doc_date) if t.start >= body_start]
    headers = _indicator_headers(document)
    times = [t for t in times if not in_spans(t.start, headers)]
    lines = _lines(text, body_start)
    found: list[_Found] = []
    used: set[int] = set()  # starts of time expressions already turned into a milestone
    found += _from_cell_tables(document, times, used)
    cells = {b.span.start for b in document.blocks if b.kind == "table_cell" and b.span is not None}
    found += _from_line_tables(text, lines, times, used, cells)
    found += _from_lines(text, lines, times, used, cells)
    found += _recurring(text, lines, cells)
    found += _from_issuing(text, lines, doc_date, times, used)
    out = []
    seen = set()
    examples = example_spans(text)  # "Ví dụ: ... nhiệm kỳ 2025-2030": an illustration sets no time
    for item in sorted(found, key=lambda f: (f.start, f.end)):
        if _past(item, doc_date) or (item.start, item.first, item.last, item.kind) in seen \
                or in_spans(item.start, examples):
            continue
        seen.add((item.start, item.first, item.last, item.kind))
        out.append(Milestone(text=item.text, kind=item.kind, start=item.first, end=item.last,
                             precision=item.precision, activities=[a for a in item.activities if a],
                             span=Span(start=item.start, end=item.end), section=document.section_at(item.start)))
    return out


def _indicator_headers(document: Document) -> list[tuple[int, int]]:
    """The stretches of a table of indicators printed as lines that lie outside its rows: its headers
    ("MỤC TIÊU" / "2026 - 2030", printed again at each page) and group titles, whose times are the
    columns' horizon, no milestone."""
    rows, spans = line_table_rows(document)
    indicator = [(r.start, r.end) for r in rows if r.indicator]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        inside = sorted((s, e) for s, e in indicator if a <= s < b)
        if not inside:
            continue
        pos = a
        for s, e in inside:
            if s > pos:
                out.append((pos, s))
            pos = max(pos, e)
    return out


# ------------------------------------------------------------------------------ lines

def _lines(text: str, body_start: int) -> list[_Line]:
    """Body lines with their markers; a line that is only a marker ("1.") joins the next."""
    out: list[_Line] = []
    pending: tuple[int, float] | None = None
    pos = body_start
    for raw in text[body_start:].split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        m = _MARKER.match(raw)
        rank = _RANK[m.lastgroup] if m and m.lastgroup else _PLAIN
        content_start = start + (m.end() if m else 0)
        content = text[content_start:end].strip()
        if not content:
            if m and rank < _PLAIN:
                pending = (start, rank)
            continue
        if pending is not None:
            start, rank = pending[0], pending[1] if rank == _PLAIN else rank
            pending = None
        content_start += len(text[content_start:end]) - len(text[content_start:end].lstrip())
        out.append(_Line(start, end, content_start, rank, content))
    return out


def _line_index(lines: list[_Line], offset: int) -> int | None:
    lo, hi = 0, len(lines) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if lines[mid].end < offset:
            lo = mid + 1
        elif lines[mid].start > offset:
            hi = mid - 1
        else:
            return mid
    return None


def _clean(text: str) -> str:
    """An activity as written: no marker, no leading comma, no trailing ':' or ';'."""
    text = " ".join(text.split())
    text = text.lstrip(" ,:;-–—")
    return text.rstrip(" :;,")


def _clause(text: str, start: int, end: int, line: _Line) -> tuple[int, int]:
    """The sentence (between ';' / '.' / line ends) around ``start``..``end``."""
    left = line.content_start
    for m in _CLAUSE_END.finditer(text, line.content_start, start):
        left = m.end()
    m = _CLAUSE_END.search(text, end, line.end + 1)
    right = m.start() if m else line.end
    return left, max(right, end)


# ------------------------------------------------------------------------------ headings and steps

def _from_lines(text: str, lines: list[_Line], times: list[TimeExpr], used: set[int],
                cells: set[int]) -> list[_Found]:
    cues = _cues()
    by_line: dict[int, list[TimeExpr]] = {}
    for t in times:
        i = _line_index(lines, t.start)
        if i is not None:
            by_line.setdefault(i, []).append(t)
    heads: dict[int, tuple[TimeExpr | None, str]] = {}
    for i, line in enumerate(lines):
        if _cites(line.text):
            continue
        lead = _leading(text, line, by_line.get(i, []), used)
        if lead is not None and line.start in cells and not text[lead[0].end:line.end].strip(" :"):
            lead = None  # a lone time in a table cell is a column value (read by the table pass), not a heading
        if lead is not None:
            heads[i] = lead
        elif cues["phase_word"].match(line.text) and _heading_like(line.text) and line.start not in cells:
            heads[i] = (None, "phase")  # in a table cell "Giai đoạn 2026 - 2030" is the row's time, no heading
    out: list[_Found] = []
    for i, line in enumerate(lines):
        if _cites(line.text):
            continue
        if i in heads:
            out.append(_heading_item(text, lines, i, heads))
        lead_t = heads.get(i, (None, ""))[0]
        for t in by_line.get(i, []):
            if t is lead_t or t.start in used:
                continue
            item = _labelled(text, lines, i, t) or _inline(text, line, t, by_line.get(i, []))
            if item is not None:
                used.add(t.start)
                out.append(item)
    return out


def _cites(line: str) -> bool:
    """Whether a line cites documents ("Căn cứ Nghị định số ..."): its dates are never milestones; "Căn cứ
    Kế hoạch này, ..." refers to the text itself and goes on with its own work. A line that reports what
    was observed or forecast ("Theo dự báo ...") holds no milestone either."""
    cues = _cues()
    if cues["report_line"].match(line):
        return True
    return cues["skip_line"].match(line) is not None and \
        re.match(r"\W*\w+\s+\w+\s+(?:vào\s+)?(?:\S+\s+){1,3}này\b", line) is None


def _heading_like(content: str) -> bool:
    """'Giai đoạn 48-72 giờ:' or a short line without a final period."""
    head = content.split(":", 1)[0]
    if ":" in content and len(_WORD.findall(head)) <= 8:
        return True
    return len(_WORD.findall(content)) <= 8 and not content.rstrip().endswith(".")


def _leading(text: str, line: _Line, line_times: list[TimeExpr], used: set[int]) -> tuple[TimeExpr, str] | None:
    """The time that opens the line, with the kind its lead words give, if any."""
    cues = _cues()
    for t in line_times:
        if t.start in used or t.start < line.content_start:
            continue
        gap = text[line.content_start:t.start]
        if not cues["lead"].match(gap) or t.first is None:
            return None
        rest = text[t.end:line.end]
        if t.bare and not rest.lstrip().startswith(":"):
            return None
        if t.kind == "phase":
            kind = "phase"
        elif re.search(r"(?:đến|tới|trước|chậm\s+nhất)\s*$", gap, re.IGNORECASE):
            kind = "deadline"
        elif re.match(r"^\s*(?:giai\s+đoạn)", gap, re.IGNORECASE):
            kind = "phase"
        else:
            kind = "period"
        return t, kind
    return None


def _heading_item(text: str, lines: list[_Line], i: int, heads: dict) -> _Found:
    line = lines[i]
    t, kind = heads[i]
    if t is None:  # "Giai đoạn khẩn cấp (0-48 giờ): ..." — a named stage without dates
        head, _, rest = line.text.partition(":")
        acts = [_clean(rest)] if rest.strip() else []
        acts += _block(lines, i, heads)
        return _Found(line.content_start, line.end, _clean(head), "phase", None, None, "none", acts)
    first = None if kind == "deadline" else t.first
    rest = text[t.end:line.end]
    stripped = rest.strip()
    heading = (not stripped or stripped == ":" or re.fullmatch(r"\([^)]*\)\s*:?", stripped) is not None)
    if heading:
        label = _clean(text[line.content_start:line.end])
        acts = _block(lines, i, heads)
    elif stripped.startswith(":"):
        label = _clean(text[line.content_start:line.end])
        acts = [_clean(stripped[1:])]
    else:
        label = _clean(text[line.content_start:line.end])
        acts = [_clean(rest)]
    return _Found(line.content_start, line.end, label, kind, first, t.last, t.precision, acts)


def _block(lines: list[_Line], i: int, heads: dict) -> list[str]:
    """The lines under heading ``i``: its top-level bullets (children of a short lead-in instead)."""
    rank = lines[i].rank if lines[i].marked else _PLAIN_HEADING
    head_starts = {lines[k].start for k in heads}
    block: list[_Line] = []
    for k in range(i + 1, len(lines)):
        line = lines[k]
        if line.rank <= rank or line.rank <= 5 and rank > 5 or _SECTION_LINE.match(line.text) and line.rank <= 2:
            break
        if line.start in head_starts:
            break
        block.append(line)
    if not block:
        return []
    top = min(line.rank for line in block)
    if top < _PLAIN:
        block = _promote_paragraphs(block, top)
    acts: list[str] = []
    for k, line in enumerate(block):
        if line.rank != top:
            continue
        children = []
        for nxt in block[k + 1:]:
            if nxt.rank <= top:
                break
            children.append(nxt)
        short = len(_WORD.findall(line.text)) <= _SHORT_HEADING_WORDS and not line.text.rstrip().endswith((".", ":", ";"))
        if children and short:
            child_top = min(c.rank for c in children)
            acts += [_clean(c.text) for c in children if c.rank == child_top]
        else:
            acts.append(_clean(line.text))
    return acts


def _promote_paragraphs(block: list[_Line], top: float) -> list[_Line]:
    """An unmarked paragraph between bullets that opens a new sentence (capital letter after a
    finished one) is a bullet whose dash was lost (a page break of a web export), not a child."""
    out: list[_Line] = []
    for line in block:
        if line.rank == _PLAIN and out and line.text[:1].isupper() and out[-1].text.rstrip().endswith("."):
            line = _Line(line.start, line.end, line.content_start, top, line.text)
        out.append(line)
    return out


# ------------------------------------------------------------------------------ inline cues

def _labelled(text: str, lines: list[_Line], i: int, t: TimeExpr) -> _Found | None:
    """The time of a plan item's time field ("Thời gian hoàn thành: Tháng 12/2025"), with the item's
    previous line (its task) as activity: a deadline window for a completion label, unless it runs
    from a start; a period for the others ("Năm 2025 và các năm tiếp theo": open end)."""
    cues = _cues()
    line = lines[i]
    label = text[line.content_start:t.start]
    completion = cues["field_completion"].match(label)
    if not (completion or cues["field_period"].match(label)) or t.first is None:
        return None
    first, last = t.first, t.last
    tail = text[t.end:line.end]
    if cues["open_end"].match(tail):
        last = None
    from_start = t.since or text[t.start:t.start + 2].lower() == "từ"  # "Từ ngày ... đến ngày ...": a span
    kind = "deadline" if completion and last and not from_start else "period"
    task = lines[i - 1].text if i > 0 and lines[i - 1].rank < _PLAIN else ""
    return _Found(line.content_start, line.end, _clean(text[line.content_start:line.end]).rstrip("."), kind,
                  first, last, t.precision, [_clean(task)] if task else [])


def _inline(text: str, line: _Line, t: TimeExpr, line_times: list[TimeExpr]) -> _Found | None:
    """A time inside a sentence that a cue word makes a milestone."""
    cues = _cues()
    before = text[max(line.content_start, t.start - 40):t.start]
    c_start, c_end = _clause(text, t.start, t.end, line)
    clause_before = text[c_start:t.start]
    after = text[t.end:t.end + 2]
    kind = None
    first, last = t.first, t.last
    if t.first is None and t.last is None:
        return None
    if t.kind == "phase":
        return None  # "giai đoạn 2019 - 2023" inside a sentence names a horizon, not a step
    if t.since or (t.kind == "range" and re.match(r"(?:kể\s+|bắt\s+đầu\s+)?từ\s", text[t.start:t.end], re.IGNORECASE)):
        if _names_document(clause_before):
            return None
        kind = "period"  # "Từ quý II/2027", "tập huấn từ ngày 06/9 đến ngày 18/9/2024": a span from its start
    elif cues["deadline"].search(before):
        kind, first = "deadline", None
    elif (_within(before, t) or _event_in_year(text[line.content_start:t.start], before, t)) \
            and not cues["within"].search(before):  # "quan trắc vào tháng 4", "Tổng kết ... vào năm 2015"
        if t.bare:
            return None
        kind = "deadline" if cues["completion"].search(clause_before) else "period"
    elif cues["horizon"].search(before) and t.kind in ("year", "quarter", "month", "half", "day"):
        if t.bare or _names_document(clause_before):
            return None
        kind, first = "deadline", None
    elif cues["within"].search(before) or _listed_within(text, t, line_times):
        if t.bare:
            return None
        kind = "deadline" if cues["completion"].search(clause_before) else "period"
    elif t.start > 0 and text[t.start - 1] == "(" and after[:1] == ")" and not t.bare:
        kind = "period"
    elif t.kind == "day" and t.first and (cues["weekday"].match(text, t.end)
                                          or re.search(r":\s*$", clause_before)):
        kind = "period"  # "tựu trường ngày 19/8/2024 (thứ Hai)", "Khai giảng: Ngày 05/9/2024": a scheduled day
    if kind is None:
        return None
    clause = text[c_start:c_end]
    head = cues["cue_tail"].sub("", text[c_start:t.start].rstrip(" (")).rstrip(" (")
    tail = cues["weekday"].sub("", text[t.end:c_end], count=1) if cues["weekday"].match(text, t.end) else text[t.end:c_end]
    activity = _clean((head + " " + tail.lstrip(" )")).strip().rstrip(":"))
    return _Found(c_start, c_end, _clean(clause), kind, first, last, t.precision, [_clean(activity)])


def _listed_within(text: str, t: TimeExpr, line_times: list[TimeExpr]) -> bool:
    """The second school year of "trong các năm học 2018 - 2019, 2019 - 2020", and the later months of
    "vào tháng 3, 6 và 9 năm 2026": a time listed after one placed by a 'within' cue."""
    if t.kind not in ("school_year", "month", "quarter"):
        return False
    prev = [p for p in line_times if p.end <= t.start]
    current = t
    while prev and prev[-1].kind == t.kind and re.fullmatch(r"\s*(?:,|và)\s*", text[prev[-1].end:current.start]):
        current = prev.pop()  # back along the list to its first time
        if _within(text[max(0, current.start - 20):current.start], current):
            return True
    return False


def _within(before: str, t: TimeExpr) -> bool:
    """A 'within' cue before a time ("trong quý II"), or "vào" before a month or quarter ("vào tháng 4"),
    which places the work inside it; "vào năm 2030" is a horizon."""
    cues = _cues()
    return cues["within"].search(before) is not None or (
        t.kind in ("month", "quarter") and re.search(r"(?<!\w)vào\s*$", before, re.IGNORECASE) is not None)


def _event_in_year(line_before: str, before: str, t: TimeExpr) -> bool:
    """"vào năm Y" in a line that opens with the verb of an event held then ("Tổng kết giai đoạn 2013-2015
    vào năm 2015; giai đoạn 2016-2020 vào năm 2020")."""
    return t.kind == "year" and re.search(r"(?<!\w)vào\s*(?:năm\s*)?$", before, re.IGNORECASE) is not None \
        and _cues()["event"].match(line_before.strip()) is not None


def _names_document(clause_before: str) -> bool:
    """A document type word stands in the clause before a horizon: the horizon is that document's."""
    cues = _cues()
    last = None
    for m in cues["document"].finditer(clause_before):
        last = m
    if last is None:
        return False
    between = clause_before[last.end():]
    return not re.search(r"(?<!\w)(?:đạt|phấn đấu|hoàn thành|để)(?!\w)", between, re.IGNORECASE)


# "từ ngày ban hành Kế hoạch đến khi ...": a span that runs from the day the text was signed
_FROM_ISSUING = re.compile(r"(?:kể\s+)?từ\s+ngày\s+(?:ký\s+)?ban\s+hành(?:\s+(?:kế\s+hoạch|quyết\s+định|chỉ\s+thị|"
                           r"nghị\s+quyết|chương\s+trình|văn\s+bản))?(?:\s+này)?", re.IGNORECASE)
_IN_FORCE = re.compile(r"\bhiệu\s+lực\b", re.IGNORECASE)


def _from_issuing(text: str, lines: list[_Line], doc_date: str | None, times: list[TimeExpr],
                  used: set[int]) -> list[_Found]:
    """A span that runs from the day the text was signed ("Đợt thi đua được triển khai thực hiện từ ngày ban
    hành Kế hoạch đến khi tổ chức thành công Đại hội ..."), to the time that follows "đến" or open; not a
    text's entry into force ("có hiệu lực kể từ ngày ban hành")."""
    if not doc_date:
        return []
    out = []
    for line in lines:
        for m in _FROM_ISSUING.finditer(text, line.content_start, line.end):
            c_start, c_end = _clause(text, m.start(), m.end(), line)
            if _IN_FORCE.search(text, c_start, m.start()):
                continue
            until = next((t for t in times if m.end() <= t.start <= m.end() + 12 and t.last
                          and re.fullmatch(r"\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?", text[m.end():t.start])), None)
            if until is not None:
                used.add(until.start)
            activity = _clean(text[c_start:m.start()])
            out.append(_Found(c_start, c_end, _clean(text[c_start:c_end]), "period", doc_date,
                              until.last if until else None, "range" if until else "day", [activity]))
    return out


# ------------------------------------------------------------------------------ recurring

def _recurring(text: str, lines: list[_Line], cells: set[int] = frozenset()) -> list[_Found]:
    """Recurring adverbs and rates: one milestone per sentence that has one; a bare rate in a table cell
    (``cells``: where cells start) is a schedule's entry ("3 đợt/năm" against each parameter), not one."""
    cues = _cues()
    out: list[_Found] = []
    for line in lines:
        done: set[int] = set()
        for m in cues["recurring"].finditer(text, line.content_start, line.end):
            if not _adverbial(text, line, m):
                continue
            c_start, c_end = _clause(text, m.start(), m.end(), line)
            if c_start in done:
                continue
            done.add(c_start)
            out.extend(_schedule(text, c_start, c_end) or [_recurring_item(text, c_start, c_end, m.start(), m.end())])
        for m in cues["rate"].finditer(text, line.content_start, line.end) if line.start not in cells else ():
            if cues["rate_target"].search(text[max(line.content_start, m.start() - 20):m.start()]):
                continue  # "ít nhất 01 lần/năm" is a target
            c_start, c_end = _clause(text, m.start(), m.end(), line)
            if c_start in done:
                continue
            done.add(c_start)
            out.append(_recurring_item(text, c_start, c_end, c_start, c_start))
    return out


def _schedule(text: str, c_start: int, c_end: int) -> list[_Found]:
    """One recurring milestone per period of a schedule the clause lists ("định kỳ hàng tháng (trước ngày
    16 hàng tháng), 6 tháng (trước ngày 16/6), tổng kết năm (...)"), the rest of the clause as their
    activity; empty when the clause lists fewer than two."""
    parts = list(_cues()["schedule_part"].finditer(text, c_start, c_end))
    listed = [parts[0]] if parts else []
    for prev, part in zip(parts, parts[1:], strict=False):
        if re.fullmatch(r"\s*,\s*", text[prev.end():part.start()]) and prev in listed:
            listed.append(part)
    if len(listed) < 2:
        return []
    activity = _clean(text[c_start:listed[0].start()] + " " + text[listed[-1].end():c_end])
    activity = _clean(re.sub(r"^định\s+kỳ\s+|\s*hoặc\s+khi\s+có\s+yêu\s+cầu(?:\s+đột\s+xuất)?(?=\s|$)", " ", activity,
                             flags=re.IGNORECASE))  # the schedule's other words
    return [_Found(p.start(), p.end(), _clean(p.group(0)), "recurring", None, None, "none", [activity]) for p in listed]


def _recurring_item(text: str, c_start: int, c_end: int, cue_start: int, cue_end: int) -> _Found:
    clause = _clean(text[c_start:c_end])
    activity = _clean(text[c_start:cue_start] + " " + text[cue_end:c_end]) if cue_end > cue_start else clause
    return _Found(c_start, c_end, clause, "recurring", None, None, "none", [activity])


def _adverbial(text: str, line: _Line, m: re.Match) -> bool:
    """'Hằng năm, báo cáo ...', '... định kỳ kiểm tra ...', '... trước ngày 30/11 hằng năm', not 'kế hoạch hằng năm'."""
    cues = _cues()
    before = text[line.content_start:m.start()]
    after = text[m.end():line.end]
    if not before.strip() or re.search(r"[,;.:(]\s*$", before):
        # "Hằng năm hoặc đột xuất báo cáo ..." opens a sentence; ", hàng năm hoặc ..." is one of a list of nouns
        linked = r"của|theo|được|đã" if re.search(r"(?:^|[.;:])\s*$", before) else r"của|và|hoặc|theo|được|đã"
        if re.match(rf"^\s*(?:(?:{linked})(?!\w)|[;.)])", after, re.IGNORECASE):
            return False  # "kế hoạch hoạt động toàn khóa, hàng năm của đơn vị"
        return not cues["ongoing"].match(after) or bool(re.match(r"^\s*,", after))
    clause = re.split(r"[,;.:]", before)[-1]
    if cues["report"].search(clause) and cues["clause_end"].match(after):
        return True  # "báo cáo Chủ tịch kết quả thực hiện hằng năm theo quy định": the reporting recurs
    word = m.group(0).lower()
    if word.startswith("định"):
        return not cues["modifier_follow"].match(after)
    # "trước ngày 30/11 hằng năm": a day without a year repeats every year
    # "trước 19h00’ hằng ngày": so does a time of day
    # "ngày mồng 3 hằng tháng": so does a day of the month
    if word.endswith("tháng") and re.search(r"ngày\s+(?:mồng\s+|mùng\s+)?\d{1,2}\s*$", before, re.IGNORECASE):
        return True
    # "Từ tháng 3 đến tháng 11 hằng năm": so do months of the year
    if word.endswith("năm") and re.search(r"tháng\s+\d{1,2}\s*$", before, re.IGNORECASE):
        return True
    return re.search(r"(?:ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}|\d{1,2}\s*(?:h|giờ)\s*\d{0,2}\W?)\s*$",
                     before, re.IGNORECASE) is not None


# ------------------------------------------------------------------------------ tables

def _row_item(start: int, end: int, cell: str, t: TimeExpr | None, task: str) -> _Found | None:
    """The milestone of one assignment-table row from its deadline cell."""
    if t is None:
        if re.match(r"^\s*(?:hằng|hàng)\s+(?:năm|quý|tháng)", cell, re.IGNORECASE):
            return _Found(start, end, _clean(cell), "recurring", None, None, "none", [_clean(task)])
        return None
    kind = "period" if t.first and (t.since or t.precision in ("range", "year")) else "deadline"
    return _Found(start, end, _clean(cell), kind, t.first, t.last, t.precision, [_clean(task)])


def _from_cell_tables(document: Document, times: list[TimeExpr], used: set[int]) -> list[_Found]:
    """Assignment tables read as cells: the deadline column of each row."""
    cues = _cues()
    tables: dict[int, dict[int, list]] = {}
    for block in document.blocks:
        if block.kind == "table_cell" and block.table is not None and block.span is not None:
            tables.setdefault(block.table, {}).setdefault(block.row or 0, []).append(block)
    out: list[_Found] = []
    for rows in tables.values():
        time_col = None
        task_cols: list[int] = []
        width = 0  # the header's cells
        for r in sorted(rows):
            cells = sorted(rows[r], key=lambda b: b.col or 0)
            if time_col is None:
                for k, c in enumerate(cells):
                    if cues["time_header"].search(c.text) and len(_WORD.findall(c.text)) <= 6:
                        time_col, width = k, len(cells)
                if time_col is not None:
                    task_cols = [k for k, c in enumerate(cells) if column_role(c.text) == "task"]
                    continue
            if time_col is None:
                continue
            picked = None
            for c in cells:
                t = parse_time(c.text)
                recurring = re.match(r"^\s*(?:hằng|hàng)\s+(?:năm|quý|tháng)", c.text, re.IGNORECASE)
                if (t is not None and t.first is not None) or recurring:
                    picked = (c, t)
            if picked is None:
                picked = _time_cell(cells, time_col, width, times)
            if picked is None:
                continue
            cell, t = picked
            task = _task_cell(cells, task_cols, width) \
                or next((c.text for c in cells if c is not cell and len(_WORD.findall(c.text)) >= 3), "")
            item = _row_item(cell.span.start, cell.span.end, cell.text, t, task)
            if item is not None:
                out.append(item)
            for x in times:
                if cell.span.start <= x.start < cell.span.end:
                    used.add(x.start)
    return out


def _column_cell(cells: list, col: int, width: int):
    """The row's cell under the header's column ``col`` (of ``width``), or None: a row of another width than
    the header (merged cells on its left, a cell split in blocks) aligns right."""
    k = col - (width - len(cells))
    return cells[k] if 0 <= k < len(cells) else None


def _task_cell(cells: list, task_cols: list[int], width: int) -> str | None:
    """The text of the row's first task column (the header's "Nhiệm vụ", "Nội dung")."""
    for col in task_cols:
        cell = _column_cell(cells, col, width)
        if cell is not None and cell.text.strip():
            return cell.text
    return None


def _time_cell(cells: list, time_col: int, width: int, times: list[TimeExpr]) -> tuple | None:
    """(cell, its first time) of the time column when the cell says more than the time ("Hoàn thành trong giai
    đoạn 2026 - 2027")."""
    cell = _column_cell(cells, time_col, width)
    if cell is None:
        return None
    found = [t for t in times if cell.span.start <= t.start < cell.span.end and t.first]
    if not found:
        return None
    t = found[0]
    if _cues()["deadline"].search(cell.text[:t.start - cell.span.start]):
        t = replace(t, first=None)  # "Trước ngày 30/11/2025": a due date, start null
    return cell, t


def _from_line_tables(text: str, lines: list[_Line], times: list[TimeExpr], used: set[int],
                      cells: set[int]) -> list[_Found]:
    """Assignment tables flattened into lines (gazette copies): the time that ends a row's line. A table
    whose header is in cells the reader gave (``cells``) is read by the cell pass."""
    rows: list[list[_Line]] = []

    def read(_: int, last: int) -> int:
        found: list[list[_Line]] = []
        end = _flattened_rows(text, lines, last + 1, found)
        if lines[last].start not in cells:
            rows.extend(found)
        return end

    each_table(len(lines), lambda i: _time_table_header(lines, i), read)  # every such table: one an appendix
    out: list[_Found] = []
    starts = [t.start for t in times]
    for row in rows:
        if not row:
            continue
        r_start, r_end = row[0].start, row[-1].end
        best = None
        for t in times[bisect_left(starts, r_start):bisect_left(starts, r_end)]:
            if t.first is None:
                continue
            line_end = text.find("\n", t.end)
            tail = text[t.end:line_end if line_end >= 0 else len(text)]
            if not TRAILING_ONGOING.match(tail):
                continue
            i = _line_index(lines, t.start)
            if i is not None and lines[i].rank in (_RANK["dash"], _RANK["plus"]):
                continue  # a bullet inside the task cell: the line pass reads it
            first_char = text[t.start]
            line_start = text.rfind("\n", 0, t.start) + 1
            cue = _cues()["deadline"].search(text[line_start:t.start]) if line_start < t.start else None
            if cue and cue.start() == 0:  # a cell "Trước ngày 01/3/2027": a due date, start null
                best, source = replace(t, start=line_start, first=None), t
            elif first_char.isupper() or (first_char.isdigit() and text[t.start - 1] == "\n"):
                best = source = t
        task = row[0].text
        if best is not None:
            task_text = text[row[0].content_start:best.start] if best.start < row[0].end else task
            task_text = _NUMBER_AND_TEXT.sub("", task_text, count=1)  # "7  Đề án ...": the row's number
            cell = text[best.start:best.end] + TRAILING_ONGOING.match(text[best.end:text.find("\n", best.end)]).group(0)
            item = _row_item(best.start, best.end, cell, best, task_text)
            if item is not None:
                out.append(item)
                used.update((best.start, source.start))
            continue
        for line in row:
            m = re.search(r"(?<![\w])(?:Hằng|Hàng) năm(?: và từng giai đoạn|, thường xuyên)?\s*$", line.text)
            if m:
                start = line.content_start + m.start()
                out.append(_Found(start, line.end, _clean(m.group(0)), "recurring", None, None, "none",
                                  [_clean(_row_task(row))]))
    return out


def _time_table_header(lines: list[_Line], i: int) -> int | None:
    """The last line of an assignment table's header with a time column that starts at line ``i``: on
    the line of "STT" or the next, or one cell a line ("TT" / "Tên nhiệm vụ" / "Cơ quan chủ trì" / ... /
    "Thời gian hoàn thành"); None when no such header starts there."""
    if not re.search(r"\bS?TT\b", lines[i].text):
        return None
    cues = _cues()
    for k in range(i, min(len(lines), i + _HEADER_LINES)):
        header = " ".join(x.text for x in lines[i:k + 1])
        if re.search(r"(?<!\w)chủ\s+trì(?!\w)", header, re.IGNORECASE) and cues["time_header"].search(header):
            return k
    return None


_HEADER_WORDS = re.compile(r"^(?:S?TT$|STT|Tên nhiệm vụ|Nội dung công việc)", re.IGNORECASE)


def _flattened_rows(text: str, lines: list[_Line], i: int, rows: list[list[_Line]]) -> int:
    """Append the rows of a flattened table whose body starts at line ``i``; the line where it ends."""
    while i < len(lines):
        line = lines[i]
        raw = text[line.start:line.end]
        if TABLE_END.match(raw):
            break  # the table is over
        if (_ROW_START.match(raw) and line.rank == 2) or _SUB_ROW.match(raw) or _NUMBER_AND_TEXT.match(raw):
            rows.append([line])
        elif _LONE_NUMBER.match(raw):
            rows.append([])  # the row's number stands alone: its cells follow
        elif re.match(r"^\s*[IVX]+(?:\.\s|\s*$|\s+(?=[A-ZĐÀ-Ỹ]))", raw):
            rows.append([])
        elif rows and not _HEADER_WORDS.match(line.text):
            rows[-1].append(line)
        i += 1
    return i


def _row_task(row: list[_Line]) -> str:
    """The task cell of a flattened row: the first line after the row number that says something."""
    for line in row:
        if len(_WORD.findall(line.text)) >= 3:
            return line.text
    return row[0].text


def _past(item: _Found, doc_date: str | None) -> bool:
    """A time over before the text was signed is background, not a milestone."""
    if not doc_date:
        return False
    if item.last:
        return item.last < doc_date
    if item.first:
        return item.first[:4] < doc_date[:4]
    return False
