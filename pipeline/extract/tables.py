"""Assignment tables: rows of STT | nhiệm vụ | chủ trì | phối hợp | kết quả | thời hạn.

Tables reach the pipeline in two shapes. Markdown, DOCX and PDF readers give
``table_cell`` blocks (table, row, col); ``cell_task_rows`` rebuilds their rows,
finds the role of each column from the header cells and re-joins a task that a
page break split over two rows. Gazette text copies give the table as plain
lines (the row number, then the cell texts one after the other, the header
repeated at each page with the wrapped rest of a cell after it);
``text_task_rows`` reads those. Both return ``TaskRow`` objects. Pure functions
over strings and blocks: no NLP.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from pipeline.lang.actors import (
    HEADS,
    QUANTIFIERS,
    head_at,
    match_phrase,
    predicate_at,
    split_subject,
    words_of,
)
from pipeline.lang.fold import fold
from pipeline.lang.orgs import starts_with_admin_unit, starts_with_head
from pipeline.lang.quantities import target_cues
from schemas.document import Block, Document

H = TypeVar("H")

# column roles from header words (folded); the first rule that matches a header cell wins
ROLE_RULES: tuple[tuple[str, str], ...] = (
    ("phoi hop", "support"),
    ("chu tri", "lead"),
    ("don vi thuc hien", "lead"),
    ("co quan thuc hien", "lead"),
    ("trach nhiem", "lead"),
    ("hoan thanh", "deadline"),
    ("thoi han", "deadline"),
    ("thoi gian", "deadline"),
    ("tien do", "deadline"),
    ("ket qua", "result"),
    ("san pham", "result"),
    ("cap trinh", "other"),
    ("thuoc nhom", "other"),
    ("nhom nhiem vu", "other"),
    ("chi tieu", "result"),
    ("nhiem vu", "task"),
    ("noi dung", "task"),
    ("giai phap", "task"),
    ("cong viec", "task"),
    ("hoat dong", "task"),
    ("stt", "index"),
    ("tt", "index"),
)
_INDICATOR_HEADER = re.compile(r"(?<!\w)chi tieu(?!\w)")  # the column of indicators (folded)
# a lead that only monitors: "chủ trì theo dõi, đánh giá" (not "chủ trì, theo dõi": leads, and monitors)
_MONITORS = re.compile(r"chủ\s*trì\s+(?:theo\s+dõi|đánh\s+giá|giám\s+sát)", re.IGNORECASE)
_INDEX = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,2})*|[IVXLC]+|[a-zđA-ZĐ])\s*[.)]?\s*$")
_ROMAN = re.compile(r"^\s*[IVXLC]+\s*\.?\s*$")
_PART = re.compile(r"^\s*([IVXLC]+|[A-ZĐ])\s*\.?\s*$")  # the index of a part heading: "I", "A."
_ROW_START = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$|^\s*(\d{1,3})(?:\.\s+|\s+(?=[A-ZĐÀ-Ỹ]))(\S.*)$")
_GROUP_START = re.compile(r"^\s*([IVXLC]+)\s*\.?\s*$|^\s*([IVXLC]+)(?:\.\s+|\s+(?=[A-ZĐÀ-Ỹ]))(\S.*)$")
_SUB_ROW = re.compile(r"^\s*\d{1,3}\.\d{1,2}\.?(?:\s+(\S.*))?$")  # "2.3 Thực hiện ...", "1.1": a row under row 2, 1
_DASH = re.compile(r"^\s*[-–—•]\s*")
TABLE_END = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục|Nơi nhận)\b")  # an appendix or the recipients: the table is over
_HEADER_WORDS = 12  # a header cell is a short label
# a time at the end of a row: the thời hạn column
DEADLINE_TAIL = re.compile(
    r"(?:Thường xuyên|Hằng năm|Hàng năm|Đã hoàn thành|Từ\s+(?:ngày|tháng|quý|năm)|Trước\s+(?:ngày|tháng|quý)|"
    r"Trong\s+(?:tháng|quý|năm)|Quý\s+[IV]+|Tháng\s+\d|Năm\s+\d{4}|\b\d{4}\s*[-–]\s*\d{4}\b|\b(?:19|20)\d\d\b)"
    r"[^\n]*$")
# words before a capitalised name that keep it inside the task ("trình Hội đồng nhân dân")
_BOUND_BEFORE = {"của", "cho", "với", "giữa", "thuộc", "trình", "về", "tại", "và", "các", "đối", "hoặc", "như",
                 "từ", "theo", "gồm", "qua", "tới", "đến", "trước", "bởi", "giúp", "là", "những"}
# a line at least this share of the width of the line above is of the same (wide) column, not a narrow chủ trì cell
_WIDE_LINE = 0.7
# office holders whose title runs into an organisation name ("Chủ tịch Ủy ban nhân dân")
_TITLE_WORDS = {"tịch", "trưởng", "đốc", "thư", "chí", "đạo", "đầu"}


@dataclass
class Cell:
    """One cell of a rebuilt table."""

    text: str
    start: int
    end: int
    col: int | None = None


@dataclass
class TaskRow:
    """One task of an assignment table with the columns that matter for responsibilities."""

    task: str
    start: int
    end: int
    lead: str | None = None
    support: str | None = None
    result: str | None = None
    deadline: str | None = None
    subtasks: list[str] = field(default_factory=list)
    indicator: bool = False  # the task is an indicator of a table of indicators, ``result`` its target level
    unit: str | None = None  # the unit the indicator or the target column names: "(%)", "(%/NĂM)"
    result_start: int | None = None  # where the target level stands in the text


# a column of items grouped under the units that carry them out: "Danh mục dự án/ Cơ quan, đơn vị, địa phương
# thực hiện" (a group row "III | THỊ XÃ AN NHƠN", then its items "1 | Trường Tiểu học ...")
_GROUPED = re.compile(r"(?:danh mục|nội dung|nhiệm vụ|dự án)[^/]*/[^/]*(?:cơ quan|đơn vị|địa phương|chủ đầu tư)")


def column_role(header: str) -> str | None:
    """The role of a column from its header text ('Cơ quan chủ trì' → 'lead')."""
    if _GROUPED.search(header.lower()):
        return "grouped"
    folded = fold(header)
    for key, role in ROLE_RULES:
        if re.search(rf"(?<!\w){key}(?!\w)", folded):
            return role
    return None


def cell_tables(blocks: list[Block]) -> list[list[list[Cell]]]:
    """Tables rebuilt from ``table_cell`` blocks: table → rows → cells in column order.

    Several blocks of one cell are joined with a space.
    """
    tables: dict[int, dict[int, dict[int, Cell]]] = {}
    for block in blocks:
        if block.kind != "table_cell" or block.table is None or block.span is None:
            continue
        row = tables.setdefault(block.table, {}).setdefault(block.row or 0, {})
        col = block.col or 0
        if col in row:
            cell = row[col]
            row[col] = Cell(f"{cell.text} {block.text}".strip(), cell.start, block.span.end, col)
        else:
            row[col] = Cell(block.text.strip(), block.span.start, block.span.end, col)
    return [[[cells[c] for c in sorted(cells)] for _, cells in sorted(rows.items())]
            for _, rows in sorted(tables.items())]


def _is_header(row: list[Cell]) -> bool:
    """A header row is short labels: a body row may name "chủ trì" and "nhiệm vụ" in its text."""
    return all(len(c.text.split()) <= _HEADER_WORDS for c in row)


def header_roles(row: list[Cell]) -> list[str | None] | None:
    """Roles of the columns when the row is the header of an assignment table, else None.

    A table of indicators with the body that carries out each ("Chỉ tiêu | Chủ trì") assigns the
    indicator as its task ("indicator"); one whose lead only monitors ("Cơ quan chủ trì theo dõi,
    đánh giá") assigns nothing."""
    if not _is_header(row):
        return None
    roles = [column_role(c.text) for c in row]
    if "lead" in roles and ("task" in roles or "support" in roles) or "grouped" in roles:
        return roles
    if "lead" in roles and "result" in roles and _INDICATOR_HEADER.search(fold(row[roles.index("result")].text)) \
            and not _MONITORS.search(row[roles.index("lead")].text):
        roles[roles.index("result")] = "indicator"
        return roles
    return None


def _lead_name(text: str) -> str:
    """The bodies a lead cell names, without the work it adds ("Sở X thúc đẩy, theo dõi, báo cáo chỉ tiêu")."""
    found = split_subject(text)
    return found[0] if found else text


def lead_column(row: list[Cell]) -> int | None:
    """The column of the lead body (chủ trì) when the row is a table's header, else None: an indicator
    table names, row by row, the body that answers for each indicator."""
    if not _is_header(row):
        return None
    return next((c.col for c in row if column_role(c.text) == "lead"), None)


def cell_task_rows(table: list[list[Cell]]) -> list[TaskRow]:
    """The task rows of a table of cells (empty when the table assigns nothing)."""
    roles: list[str | None] | None = None
    out: list[TaskRow] = []
    spanned: tuple[Cell, Cell | None] | None = None  # chủ trì and phối hợp of the last row
    group: Cell | None = None  # the unit a group row of a grouped column names ...
    opened = False  # ... whose record is still to be made
    for row in table:
        if not row:
            continue
        found = header_roles(row)
        if found is not None:
            roles = found  # first header, or a header repeated after a page break
            continue
        if roles is None:
            continue
        if "index" not in roles and _width(row) == len(roles) + 1 and _INDEX.match(row[0].text):
            roles = ["index", *roles]  # a header that leaves the STT column without a label
        cells = _aligned(row, roles, merged=spanned is not None)
        values: dict[str, Cell] = {}
        for cell, role in zip(cells, roles, strict=False):
            if role and role not in values and cell.text:
                values[role] = cell
        index = values.get("index")
        if "grouped" in values:  # a group row names the unit, the rows under it its items
            grouped = values["grouped"]
            if _ROMAN.match(index.text if index else "") and (starts_with_head(grouped.text)
                                                               or starts_with_admin_unit(grouped.text)):
                group, opened = grouped, True
            elif index and _ROW_START.match(index.text) and group is not None:
                if opened:  # the group's first item: one record for the unit, its items as its tasks
                    out.append(TaskRow(task=grouped.text, start=group.start, end=max(c.end for c in cells),
                                       lead=group.text))
                    opened = False
                else:
                    out[-1].subtasks.append(grouped.text)
                    out[-1].end = max(c.end for c in cells)
            continue
        task = values.get("task") or values.get("indicator")
        if task is None or _PART.match(index.text if index else "") and "lead" not in values:
            spanned = None  # a group heading ("I | NHÓM GIẢI PHÁP ...", "A. | BỘ ...") ends a merge
            continue
        lead = values.get("lead")
        if lead is None and out and not index and task.text[:1].islower():
            prev = out[-1]  # the rest of a task split by a page break
            prev.task = f"{prev.task} {task.text}"
            prev.end = max(prev.end, task.end)
            continue
        if lead is None and spanned is not None and not index:
            lead = spanned[0]  # the chủ trì cell spans this row too (a merged cell)
            if spanned[1] is not None:
                values.setdefault("support", spanned[1])
        if lead is None:
            continue
        spanned = (lead, values.get("support"))
        out.append(TaskRow(
            task=task.text, start=task.start, end=max(c.end for c in cells),
            lead=_lead_name(lead.text) if "indicator" in values else lead.text,
            support=values["support"].text if "support" in values else None,
            result=values["result"].text if "result" in values else None,
            deadline=values["deadline"].text if "deadline" in values else None,
        ))
    return out


def _width(row: list[Cell]) -> int:
    """The number of columns a row spans: by its column numbers when the reader gives them."""
    if row and all(c.col is not None for c in row):
        return max(c.col for c in row) + 1
    return len(row)


def _aligned(row: list[Cell], roles: list[str | None], *, merged: bool) -> list[Cell]:
    """The row's cells, one per column of the header.

    A row shorter than the header lacks its first cells: the STT a reader dropped, or,
    under a merged chủ trì cell (``merged``), every cell the merge spans; it is aligned
    to the last columns. A gap in the column numbers is an empty cell.
    """
    cells = list(row)
    if cells and all(c.col is not None for c in cells):
        width = _width(cells)
        shift = len(roles) - width if width < len(roles) and not _INDEX.match(cells[0].text) else 0
        if shift and not merged and roles[0] == "index":
            shift = 1
        by_col = {c.col + shift: c for c in cells}
        empty = cells[0].start
        return [by_col.get(k, Cell("", empty, empty, k)) for k in range(len(roles))]
    # the STT cell can be missing (a reader dropped the lone number): shift the columns
    if roles[0] == "index" and len(cells) < len(roles) and not _INDEX.match(cells[0].text):
        cells = [Cell("", cells[0].start, cells[0].start)] + cells
    return cells


@dataclass
class _Line:
    text: str
    start: int


def _lines(text: str, start: int) -> list[_Line]:
    out, pos = [], start
    for raw in text[start:].split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(raw.strip(), pos + lead))
        pos += len(raw) + 1
    return out


@dataclass
class _Header:
    lines: int  # lines the header takes
    kind: str  # "task": an assignment table; "indicator": a table of indicators and their target levels
    unit: str | None = None  # the unit the header of the target column names
    deadline_first: bool = False  # the time column stands before the chủ trì column


def _header_at(lines: list[_Line], i: int) -> _Header | None:
    """The table header starting at line ``i``, or None."""
    if fold(lines[i].text) not in ("stt", "tt") and not fold(lines[i].text).startswith(("stt ", "tt ")):
        return None
    seen: set[str] = set()
    k = i
    upper = True
    while k < len(lines) and k - i < 14:
        if k > i and (_ROW_START.match(lines[k].text) or _GROUP_START.match(lines[k].text)):
            break
        if k > i + 1 and upper and "lead" in seen and not _is_caps(lines[k].text):
            break  # a header in capitals is over at the first line that is not: a row without a number
        upper = upper and _is_caps(lines[k].text)
        joined = fold(" ".join(line.text for line in lines[i:k + 1]))  # a label wrapped: "CƠ QUAN CHỦ" / "TRÌ"
        seen.update(role for key, role in ROLE_RULES if re.search(rf"(?<!\w){key}(?!\w)", joined))
        k += 1
        if "lead" in seen and ("support" in seen or "deadline" in seen) and k - i >= 2 and len(lines[k - 1].text) > 40:
            break
    if "lead" not in seen:
        return None
    if "task" in seen:
        lead = re.search(r"(?<!\w)chu tri(?!\w)", joined)  # (the header's lines, i to k)
        time = re.search(r"(?<!\w)(?:thoi han|thoi gian|tien do)(?!\w)", joined)
        return _Header(k - i, "task", deadline_first=bool(lead and time and time.start() < lead.start()))
    header = " ".join(line.text for line in lines[i:k])
    if _MONITORS.search(header):
        return None
    unit = next((u for u in (unit_of(line.text) for line in lines[i:k]) if u), None)
    if _INDICATOR_HEADER.search(fold(header)) or unit or _YEARS.search(header):
        return _Header(k - i, "indicator", unit)  # "CHỈ TIÊU | MỤC TIÊU 2026 - 2030 | CƠ QUAN CHỦ TRÌ ..."
    return None


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_HEADER_TAIL = re.compile(r"(?i)(thời gian hoàn thành|thời hạn hoàn thành|hoàn thành|thời hạn|thời gian|tiến độ)")


def _split_header_line(text: str, template: str | None) -> tuple[str, str]:
    """A header line and the wrapped rest of a cell printed after it."""
    if template and text.startswith(template):
        return template, text[len(template):].strip()
    last = None
    for m in _HEADER_TAIL.finditer(text):
        last = m
        break
    if last is None:
        return text, ""
    return text[:last.end()], text[last.end():].strip()


def _lead_start(lines: list[str]) -> tuple[int, int] | None:
    """(line, char) where the chủ trì column begins in the lines of a flattened row."""
    for j in range(1, len(lines)):
        above = words_of(lines[j - 1])
        if above and above[-1].low in _BOUND_BEFORE and (
                len(lines[j]) >= _WIDE_LINE * len(lines[j - 1])
                or above[-1].low == "của" and j + 1 < len(lines) and head_at(words_of(lines[j + 1]), 0, capital=True)):
            # the task goes on: a wide line ("Nghị định của" / "Chính phủ quy định về ..."), or the issuer of a cited
            # text right before the chủ trì cell ("theo Nghị quyết số 72-NQ/TW của" / "Bộ Chính trị" / "Bộ Y tế")
            continue
        before = " ".join(lines[:j])
        if before.count("(") > before.count(")"):
            continue  # inside the brackets of the task: "(Luật" / "Bảo hiểm xã hội, Bộ luật Lao động...)"
        words = words_of(" ".join(lines[j:j + 3]))  # a narrow cell prints a word a line: "Bộ" / "Nội vụ,"
        if words and head_at(words, 0, capital=True):
            return j, 0
    joined = " ".join(lines)
    words = words_of(joined)
    for i in range(2, len(words)):
        prev = words[i - 1]
        if prev.low in _BOUND_BEFORE or prev.low in _TITLE_WORDS or prev.capitalised:
            continue
        if head_at(words, i, capital=True):
            return -1, words[i].start
    return None


def _org_run(text: str) -> int:
    """Length of the organisation list at the start of ``text`` (the chủ trì cell)."""
    words = words_of(text)
    i = head_at(words, 0) or 1
    while i < len(words):
        prev = words[i - 1]
        n = head_at(words, i, capital=True)
        if n:
            if prev.raw[-1:] in ",;" or prev.low in ("và", "hoặc") or prev.low in _TITLE_WORDS \
                    or (prev.capitalised and prev.raw[-1:] not in "." and not match_phrase(words, i, QUANTIFIERS)):
                i += n
                continue
            return words[i].start
        if predicate_at(words, i) and words[i].low in ("trình", "chủ", "phối"):
            return words[i].start
        i += 1
    return len(text)


def _split_row(lines: list[str], continuation: str, subtasks: list[str], *,
               deadline_first: bool = False) -> TaskRow | None:
    where = _lead_start(lines)
    if where is None:
        return None
    j, char = where
    early = None  # the time cell between the task and the chủ trì cell ("NHIỆM VỤ | THỜI HẠN | CHỦ TRÌ")
    if deadline_first and j > 1 and DEADLINE_TAIL.match(lines[j - 1]):
        early, j, lines = lines[j - 1], j - 1, lines[:j - 1] + lines[j:]
    if j >= 0:
        task = " ".join(lines[:j])
        rest = " ".join(lines[j:])
    else:
        joined = " ".join(lines)
        task, rest = joined[:char], joined[char:]
    if continuation:
        # the wrapped rest of the task: its sentences up to one that starts in lower case (another cell)
        kept = []
        for k, sentence in enumerate(re.split(r"(?<=[.:])\s+", continuation)):
            if k > 0 and sentence[:1].islower():
                break
            kept.append(sentence)
        task = f"{task.rstrip()} {' '.join(kept)}"
    if j >= 0:
        # the chủ trì cell ends with its line, unless the line stops where a name goes on ("Bộ Công" / "Thương")
        end = j + 1
        while end < len(lines) and (_open_end(lines[end - 1]) or not _head_line(lines[end])
                                    and not DEADLINE_TAIL.match(lines[end]) and not _value_line(lines[end])):
            end += 1
        cell = " ".join(lines[j:end])
        lead_end = _org_run(cell)
        lead = cell[:lead_end].strip(" ,.;")
        after = f"{cell[lead_end:]} {' '.join(lines[end:])}".strip()
    else:
        lead_end = _org_run(rest)
        lead = rest[:lead_end].strip(" ,.;")
        after = rest[lead_end:].strip()
    deadline = early
    m = DEADLINE_TAIL.search(after) if early is None else None
    if m:
        deadline = m.group().strip()
        after = after[:m.start()].strip()
    support = after[:_org_run(after)].strip(" ,.;") if after and head_at(words_of(after), 0) else None
    return TaskRow(task=task.strip(), start=0, end=0, lead=lead or None, support=support or None,
                   deadline=deadline, subtasks=subtasks)


def line_table_rows(document: Document) -> tuple[list[TaskRow], list[tuple[int, int]]]:
    """``text_task_rows`` of a document's body, outside the cells its reader already gave as tables.
    Several extractors ask for them: read once per text (the rows returned are shared, not to be changed)."""
    cells = tuple((b.span.start, b.span.end) for b in document.blocks if b.kind == "table_cell" and b.span)
    return _line_table_rows(document.text, document.header.body_start if document.header else 0, cells)


@lru_cache(maxsize=4)
def _line_table_rows(text: str, start: int, cells: tuple[tuple[int, int], ...]):
    if cells:
        chars = list(text)
        for a, b in cells:
            chars[a:b] = " " * (b - a)  # blanked, so that offsets still hold
        text = "".join(chars)
    return text_task_rows(text, start=start)


def text_task_rows(text: str, *, start: int = 0) -> tuple[list[TaskRow], list[tuple[int, int]]]:
    """Task rows of the tables printed as plain lines after ``start``, and the extent of each table.

    A table runs from its header to an appendix title or the recipients; a table of indicators
    gives one row per indicator and lead (``TaskRow.indicator``), with its target level as ``result``.
    """
    lines = _lines(text, start)
    rows: list[TaskRow] = []
    spans: list[tuple[int, int]] = []

    def read(i: int, header: _Header) -> int:
        found, end = _table_rows(lines, i, header)
        rows.extend(found)
        last = lines[end - 1]
        spans.append((lines[i].start, max((r.end for r in found), default=last.start + len(last.text))))
        return end

    each_table(len(lines), lambda i: _header_at(lines, i), read)
    return rows, spans


def each_table(count: int, header_at: Callable[[int], H | None], read: Callable[[int, H], int]) -> None:
    """Read every table of ``count`` lines: ``header_at(i)`` finds a header at line ``i`` (or None), and
    ``read(i, header)`` reads the table there and returns the line after it."""
    i = 0
    while i < count:
        header = header_at(i)
        i = i + 1 if header is None else read(i, header)


def _table_rows(lines: list[_Line], i: int, header: _Header) -> tuple[list[TaskRow], int]:
    """The rows of the table whose header starts at line ``i``, and the line after the table."""
    begin = i
    template: str | None = None
    rows: list[TaskRow] = []
    current: dict | None = None
    expected = 1
    after_group = False
    group_lead: list[_Line] = []  # a group row of an indicator table that names the lead of its rows

    def close() -> None:
        nonlocal current
        if current and current["lines"]:
            if header.kind == "indicator":
                rows.extend(_indicator_rows(current["lines"], header.unit, group_lead))
            else:
                row = _split_row([line.text for line in current["lines"]], current["cont"], current["subtasks"],
                                 deadline_first=header.deadline_first)
                if row is not None:
                    row.start, row.end = current["start"], current["end"]
                    rows.append(row)
        current = None

    def open_row(line: _Line, first: str | None) -> None:
        nonlocal current
        close()
        current = {"lines": [_Line(first, line.start + len(line.text) - len(first))] if first else [], "cont": "",
                   "subtasks": [], "start": line.start, "end": line.start + len(line.text)}

    while i < len(lines):
        line = lines[i]
        again = _header_at(lines, i) if fold(line.text) in ("stt", "tt") else None
        if again is not None:  # the header printed again at a page break
            if i > begin and again.kind != header.kind:
                break  # another table
            last = lines[i + again.lines - 1].text
            head, rest = _split_header_line(last, template)
            if template is None:
                template = head
            if rest and current is not None:
                current["cont"] = f"{current['cont']} {rest}".strip()
            i += again.lines
            continue
        if TABLE_END.match(line.text):
            break  # an appendix or the recipients: the table is over
        group = _GROUP_START.match(line.text)
        row = _ROW_START.match(line.text)
        if group and not row:
            close()
            after_group = True
            i += 1
            if header.kind == "indicator":
                while i < len(lines) and _is_caps(lines[i].text) and not _ROW_START.match(lines[i].text):
                    i += 1  # the group's title
                group_lead, i = _group_lead(lines, i)
            continue
        sub = _SUB_ROW.match(line.text) if current is not None else None
        if sub:
            open_row(line, sub.group(1))
            i += 1
            continue
        if row and header.kind == "indicator" and row.group(3) and _head_line(line.text):
            row = None  # "2. Các bộ, cơ quan ...": one of the numbered leads of a row, not a row
        if row:
            number = int(row.group(1) or row.group(2))
            # row numbers run on, or restart under a group heading; other numbers are page numbers
            if number == expected or (after_group and number == 1):
                expected, after_group = number + 1, False
                open_row(line, row.group(3))
                i += 1
                continue
        if current is None and header.kind == "indicator" and i + 1 < len(lines) and _value_line(lines[i + 1].text) \
                and not _value_line(line.text) and not _ROW_START.match(lines[i + 1].text):
            open_row(line, None)  # a row without a number ("Cả nước" / "≥ 10,0")
        if current is not None:
            if header.kind == "task" and _DASH.match(line.text) and current["lines"]:
                current["subtasks"].append(_DASH.sub("", line.text).rstrip(";").strip())
            elif header.kind == "indicator" or not current["subtasks"]:
                current["lines"].append(line)
            current["end"] = line.start + len(line.text)
        i += 1
    close()
    return rows, i


# ---------------------------------------------------------------- tables of indicators

# a unit in brackets at the end of an indicator or a target column's header: "(%)", "(USD)", "(%/NĂM)",
# "(triệu lượt)"; not the abbreviation of the indicator's name ("(IIP)", "(HDI)")
_UNIT_PARENS = re.compile(r"\(([^()]{1,30})\)\s*$")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d)")
_NUMBERED_LEAD = re.compile(r"^\d{1,2}\.\s+(?=\S)")  # "1. Bộ Tài chính ...": one of several leads
_SUB_LABEL = re.compile(r":\s*$")  # "Trong đó:" over the sub-rows of an indicator
_BRACKETS = re.compile(r"^\s*\([^()]*\)\s*$")  # "(%)" wrapped onto a line of its own


@lru_cache(maxsize=1)
def _level_start() -> re.Pattern:
    """How a target level opens: a digit or a comparator sign ("10,0", "≥ 10,0"), or a comparator or change
    word before one or at the line's end ("Phấn đấu ≥", "Không quá 60", "Giảm 1 - 1,5")."""
    data = target_cues()
    comparators = data["comparators"]
    words = {w.lower() for w in [*comparators["far"], *comparators["near"], *data["change_verbs"]]
             if not w.startswith("_")}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:[\d≥≤<>~=]|(?:{alternatives})\s*(?:[\d≥≤<>]|$))")


def unit_of(text: str) -> str | None:
    """The unit an indicator or a column header names in brackets at its end ("... GDP (%)" → "%")."""
    m = _UNIT_PARENS.search(text.strip())
    if not m:
        return None
    inner = " ".join(m.group(1).split())
    if "%" in inner:
        return inner.lower().replace(" ", "")
    if inner in target_cues()["currencies"] or inner[:1].islower() and len(inner.split()) <= 3:
        return inner
    return None


def _value_line(text: str) -> bool:
    """Whether a line of a flattened row is (the start of) a target level: "10,0", "≥ 10,0", "Phấn đấu ≥"."""
    low = text.strip().lower()
    if _NUMBERED_LEAD.match(low) and not re.match(r"\d{1,2}\.\d", low):
        return False
    return bool(_level_start().match(low))


def _head_line(text: str) -> bool:
    """Whether a line opens a cell of bodies ("Bộ Công Thương", "1. Bộ Tài chính đầu mối ...")."""
    bare = _NUMBERED_LEAD.sub("", text.strip())
    return bool(head_at(words_of(bare), 0, capital=True))


def _open_end(text: str) -> bool:
    """Whether a line of a cell of bodies stops where the cell goes on ("Bộ Nông nghiệp và", "Bộ Tài chính, Bộ")."""
    words = words_of(text)
    if not words:
        return False
    return text.rstrip()[-1:] in ",;" or words[-1].low in _BOUND_BEFORE \
        or words[-1].capitalised and bool(match_phrase(words, len(words) - 1, HEADS))  # "Bộ" / "Công an"


def _sub_row_at(lines: list[_Line], k: int) -> bool:
    """Whether line ``k`` opens a sub-row: an indicator whose own level follows ("Nhóm ..." / "10 - 12",
    "Trong đó:" / "- Công nghiệp" / "11,8")."""
    if _value_line(lines[k].text) or k > 0 and _open_end(lines[k - 1].text) or _BRACKETS.match(lines[k].text):
        return False
    if k + 1 < len(lines) and _value_line(lines[k + 1].text):
        return True
    return bool(_SUB_LABEL.search(lines[k].text)) and k + 2 < len(lines) and _value_line(lines[k + 2].text) \
        and not _value_line(lines[k + 1].text)


def _group_lead(lines: list[_Line], k: int) -> tuple[list[_Line], int]:
    """The lead a group row of an indicator table names for the rows under it ("II" / "THEO TỈNH, THÀNH PHỐ" /
    "Các tỉnh, thành phố" / "Các bộ, cơ quan ..."): its first cell of bodies after the title; and the line
    where its rows begin."""
    if k >= len(lines) or not _head_line(lines[k].text) or k + 1 < len(lines) and _value_line(lines[k + 1].text):
        return [], k
    end = k + 1
    while end < len(lines) and _open_end(lines[end - 1].text):
        end += 1
    lead = lines[k:end]
    while end < len(lines) and not _ROW_START.match(lines[end].text) and not _GROUP_START.match(lines[end].text) \
            and not TABLE_END.match(lines[end].text):
        end += 1  # the phối hợp cell
    return lead, end


def _indicator_rows(lines: list[_Line], unit: str | None, group_lead: list[_Line]) -> list[TaskRow]:
    """The rows of one numbered row of a table of indicators: the indicator, its target level, then the
    cells of bodies (chủ trì, numbered when several, then phối hợp); sub-rows with levels of their own
    follow. One TaskRow per indicator and lead; an indicator without a lead keeps ``lead`` None."""
    out: list[TaskRow] = []
    n = len(lines)
    i = 0
    while i < n:
        # the indicator: its first line, and what follows up to the level or the unit in brackets
        j = i + 1
        while j < n and (_BRACKETS.match(lines[j].text) or not _value_line(lines[j].text)
                         and not _head_line(lines[j].text) and not _UNIT_PARENS.search(lines[j - 1].text)):
            j += 1
        indicator = " ".join(_DASH.sub("", line.text) for line in lines[i:j]).strip()
        # the level: lines up to the one with its number ("Phấn đấu ≥" / "10,0")
        k, numbered = j, False
        while k < n and not _head_line(lines[k].text) and not (k > j and _sub_row_at(lines, k)) and not numbered:
            numbered = bool(re.search(r"\d", lines[k].text))
            k += 1
        level = " ".join(line.text for line in lines[j:k]).strip() or None
        # the cells of bodies
        leads: list[list[_Line]] = []
        m = k
        if m < n and _head_line(lines[m].text):
            several = bool(_NUMBERED_LEAD.match(lines[m].text))
            leads.append([lines[m]])
            m += 1
            while m < n and not _sub_row_at(lines, m):
                text = lines[m].text
                if several and _NUMBERED_LEAD.match(text):
                    leads.append([lines[m]])
                elif _open_end(lines[m - 1].text) or not _head_line(text):
                    leads[-1].append(lines[m])
                else:
                    break  # the phối hợp cell
                m += 1
        while m < n and not _sub_row_at(lines, m):
            m += 1  # the phối hợp cell
        end = lines[m - 1].start + len(lines[m - 1].text)
        names = [_lead_name(_NUMBERED_LEAD.sub("", " ".join(line.text for line in lead)).strip(" .;,"))
                 for lead in leads] or [_lead_name(" ".join(line.text for line in group_lead).strip(" .;,"))
                                        if group_lead else None]
        row_unit = unit_of(indicator) or (out[0].unit if out else unit)  # a sub-row in its indicator's unit
        for name in names:
            out.append(TaskRow(task=indicator, start=lines[i].start, end=end, lead=name or None, result=level,
                               indicator=True, unit=row_unit,
                               result_start=lines[j].start if level and j < n else None))
        i = max(m, i + 1)
    return out


__all__ = ["TABLE_END", "Cell", "TaskRow", "column_role", "cell_tables", "header_roles", "cell_task_rows",
           "each_table", "line_table_rows", "text_task_rows", "unit_of"]
