"""Extractor of responsibilities (spec/RECORDS.md): who is given what work.

Three sources, in document order:
- actor headings ("1. Công đoàn cơ sở", "Đối với Liên đoàn Lao động tỉnh",
  "a) Sở Tài chính:", "Đề nghị Công ty X: <work>") with their bullets as tasks;
- sentences that give a named unit named work ("Bộ Y tế chủ trì, phối hợp ...",
  "A giao cho B + work" → B, "Trong quá trình triển khai, các đơn vị ... kiểm tra");
  sentences of purpose/requirement sections and conditional clauses assign nothing;
- assignment tables (one responsibility per row: the chủ trì unit, the task,
  the phối hợp units as partners, the thời hạn as deadline), from table cells or
  from a table printed as plain lines.

The body is read line by line (a marker printed alone on its line is joined to
the next line), with the usual nesting of markers (RANKS), so that
the extractor does not depend on every heading having been recognised upstream.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.extract.tables import TaskRow, cell_tables, cell_task_rows, line_table_rows
from pipeline.lang import actors
from pipeline.lang.examples import example_spans, in_spans
from pipeline.lang.orgs import starts_with_position
from schemas.document import Document, Span
from schemas.records import Responsibility

# line markers, most specific first: (style, pattern with the label in group 1 and the text in group 2)
MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("article", re.compile(r"^Điều\s+(\d+)\s*[.:]?\s*(.*)$")),
    ("roman", re.compile(r"^([IVXLC]+)\s*[.)]\s*(.*)$")),
    ("arabic2", re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.)](?!\d)\s*(.*)$")),
    ("letter", re.compile(r"^([a-zđ])\s*\)\s*(.*)$|^([a-zđ])\.\s+(.*)$")),
    ("dash", re.compile(r"^([-–—•])\s*(.*)$")),
    ("plus", re.compile(r"^(\+)\s*(.*)$")),
)
# nesting of the markers of Vietnamese administrative texts: Điều > I. > 1. > 1.1. > a) > - > +
RANKS = {"article": -1.0, "roman": 0.0, "arabic": 1.0, "arabic2": 2.0, "letter": 3.0, "dash": 4.0, "plus": 5.0}
_END_PUNCT = re.compile(r"[.;:!?…]\s*[\"”’)]*\s*$")
_LOWER_START = re.compile(r"^[\"“‘(]?[a-zàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]")
# a line that only names a time ("Tháng 8/2018:", "Từ tháng 1/2021 đến tháng 12/2022")
_TIME_LABEL = re.compile(r"^(Từ|Tháng|Quý|Năm|Giai đoạn|Đến|Trước|Sau|Trong|Hằng|Hàng)\b.{0,60}$", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)")
_TITLE_WORDS = 12  # a section title is short; a longer line ending in "." is a sentence


@dataclass
class _Item:
    """One line item of the body: a marked heading or bullet, or a plain paragraph."""

    style: str
    label: str
    text: str
    start: int
    end: int
    rank: float = 99.0
    parent: int | None = None
    children: list[int] = field(default_factory=list)


def _marker(line: str) -> tuple[str, str, str]:
    for style, pattern in MARKERS:
        m = pattern.match(line)
        if m:
            groups = [g for g in m.groups() if g is not None]
            label, text = (groups + ["", ""])[:2]
            if style == "roman" and not text and len(label) > 4:
                continue
            return style, label, text
    return "plain", "", line


def _lines(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[tuple[int, str]]:
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        s = pos + len(raw) - len(raw.lstrip())
        pos += len(raw) + 1
        if not raw.strip() or any(a <= s < b for a, b in skip):
            continue
        out.append((s, raw.strip()))
    return out


def _items(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[_Item]:
    """Line items of the body with their nesting."""
    items: list[_Item] = []
    pending: tuple[int, str, str] | None = None  # a marker alone on its line
    for s, line in _lines(text, start, end, skip):
        style, label, body = _marker(line)
        if pending is not None:
            p_start, p_style, p_label = pending
            pending = None
            if style == "plain":
                items.append(_Item(p_style, p_label, line, p_start, s + len(line)))
                continue
        if style not in ("plain", "dash", "plus") and not body:
            pending = (s, style, label)
            continue
        if style == "plain" and items and (
                _LOWER_START.match(line) or not _END_PUNCT.search(items[-1].text)) \
                and items[-1].style != "plain" and not _TIME_LABEL.match(line) \
                and not actors.starts_with_actor(line) and not _after_heading(items[-1].text, line):
            prev = items[-1]  # a line that continues the previous item
            prev.text = f"{prev.text} {line}"
            prev.end = s + len(line)
            continue
        items.append(_Item(style, label, body.strip(), s, s + len(line)))
    _nest(items)
    return items


def _after_heading(previous: str, line: str) -> bool:
    """Whether a capitalised line starts the work under an actor heading ("4. Công an tỉnh" then
    "Chỉ đạo các đơn vị trực thuộc ..."), not the rest of a wrapped name ("... Hội Liên hiệp" then
    "Phụ nữ Thành phố ...")."""
    if _LOWER_START.match(line) or previous.count("(") > previous.count(")"):
        return False  # a lower-case word or an open bracket runs on
    heading = _heading_actor(previous)
    if heading is None or heading[1] is not None:
        return False
    joined = _heading_actor(f"{previous} {line}")
    return joined is None or joined[1] is not None  # joined, it would no longer only name units


def _nest(items: list[_Item]) -> None:
    """Parent and children of every item: markers ranked as in RANKS, numbering restarts nested."""
    stack: list[int] = []
    for idx, item in enumerate(items):
        if item.style == "plain":
            if stack:
                item.parent = stack[-1]
                items[stack[-1]].children.append(idx)
            continue
        rank = RANKS[item.style]
        same = [k for k in stack if items[k].style == item.style]
        if same and item.label.isdigit():
            sibling = next((k for k in reversed(same) if items[k].label.isdigit()
                            and int(items[k].label) + 1 == int(item.label)), None)
            if sibling is not None:
                rank = items[sibling].rank
            elif item.label == "1":
                rank = items[same[-1]].rank + 0.5  # a list restarting inside a numbered item
        item.rank = rank
        while stack and items[stack[-1]].rank >= rank:
            stack.pop()
        if stack:
            item.parent = stack[-1]
            items[stack[-1]].children.append(idx)
        stack.append(idx)


def _ancestors(items: list[_Item], idx: int) -> list[_Item]:
    out = []
    k = items[idx].parent
    while k is not None:
        out.append(items[k])
        k = items[k].parent
    return out


def _in_purpose_section(items: list[_Item], idx: int) -> bool:
    return any(a.style not in ("dash", "plus", "plain") and actors.starts_with(a.text, actors.PURPOSE_SECTIONS)
               and not _is_sentence(a.text) for a in _ancestors(items, idx))


def _is_sentence(text: str) -> bool:
    """A finished sentence, not a section title: "2. Yêu cầu các sở, ngành ... đúng hạn." is a demand."""
    return text.rstrip().endswith(".") and len(text.split()) > _TITLE_WORDS


def _heading_actor(text: str, *, titled: bool = False) -> tuple[str, str | None] | None:
    """(actor, inline work) when an item's text is an actor heading, else None. With ``titled`` (the item
    heads task items of its own), a unit described by what it does ("2. Các sở, ngành chủ trì, quản lý các
    dự án thuộc Chương trình") is the heading's actor as written."""
    _, rest = actors.strip_cue(text)
    rest = rest.strip()
    if not actors.starts_with_actor(rest):
        return None
    holder = _duty_holder(rest)
    if holder is not None:
        return holder[0], None  # "12. Các tổ chức, cá nhân khai thác nước dưới đất có trách nhiệm" and its items
    inner = re.search(r":\s+", rest[:-1])
    if rest.endswith(":") and inner and not actors.is_list_colon(rest[:inner.start()]) \
            and len(actors.words_of(rest[:inner.start()])) <= 15:
        # "2. Các sở, ban, ngành: Là các đơn vị được lấy ý kiến, chịu trách nhiệm các nội dung sau:"
        return rest[:inner.start()].strip(), None
    if rest.endswith(":"):
        name = rest[:-1].strip()
        if len(actors.words_of(name)) <= actors.MAX_ACTOR_WORDS and not _SENTENCE_END.search(name):
            found = actors.split_subject(name)  # "UBND tỉnh X cần tập trung các nhiệm vụ sau:" → the unit
            return (found[0] if found else name), None
        return None
    for m in re.finditer(r":\s+", rest):
        name = rest[:m.start()].strip()
        if actors.is_list_colon(name):
            continue
        size = len(actors.words_of(name))
        if (size <= 15 or actors.split_subject(name) is None) and size <= actors.MAX_ACTOR_WORDS \
                and not _SENTENCE_END.search(name):
            work = rest[m.end():].strip()
            if starts_with_position(work) and actors.split_subject(work) is None:
                return None  # "1. Trưởng ban: Phó Thủ tướng Chính phủ Nguyễn Văn A." names a member, gives no work
            return name, work
        return None
    if not _SENTENCE_END.search(rest) and (titled or actors.split_subject(rest) is None) \
            and len(actors.words_of(rest)) <= 25:
        return rest, None
    return None


def _duty_holder(text: str) -> tuple[str, tuple[str, str] | None] | None:
    found = actors.duty_holder(text)
    if found is None or len(actors.words_of(found[0])) > actors.MAX_ACTOR_WORDS or _SENTENCE_END.search(found[0]):
        return None
    return found


def _role(task: str) -> str:
    low = task.lower()
    if low.startswith("chủ trì"):
        return "lead"
    if low.startswith("phối hợp"):
        return "support"
    return "assigned"


def _partners(task: str) -> list[str]:
    m = re.search(r"phối hợp với\s+(.+?)(?:\s+(?:để|trong|tổ chức|xây dựng|triển khai|thực hiện|theo dõi)\b|[;.]|$)",
                  task)
    return [m.group(1).strip(" ,")] if m else []


# a task's title before a colon, then its text: "b) Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã ..."
_TITLE = re.compile(r"^(?P<title>[^.:;()]{3,80}):\s+(?=\S)")


def _sentence_assignment(text: str, *, cue_only: bool = False) -> tuple[str, str] | None:
    """(actor, work) of a sentence that gives a named unit named work, else None; a task's title before a
    colon is left out when the text after it names the unit."""
    found = _assignment(text, cue_only=cue_only)
    title = _TITLE.match(text)
    if not found and title and not actors.starts_with_actor(title.group("title")) \
            and actors.field_of(text) is None:
        found = _assignment(text[title.end():], cue_only=cue_only)
    assigned = _ASSIGNED_IN_BRACKETS.search(text) if not found and not cue_only else None
    if assigned and (unit := actors.delegated(assigned.group("inner"))):
        return unit[0], text  # "Thành lập Đoàn kiểm tra ... (Giao Công an tỉnh tham mưu).": the whole task is the unit's
    return _past_condition(*found) if found else None


# an assignment in brackets at the end of a task: "... (Giao Công an tỉnh chủ trì, phối hợp với ...)."
_ASSIGNED_IN_BRACKETS = re.compile(r"\((?P<inner>(?:[Gg]iao|[Đđ]ề nghị)\s[^()]{5,300})\)\s*[.;]?\s*$")


_THEN = re.compile(r"\bthì\b\s*")


def _past_condition(actor: str, work: str) -> tuple[str, str] | None:
    """The assignment of a sentence whose subject and first words only state a condition ("Đối với địa
    phương có khó khăn ..., phải nhận bổ sung ... thì ngân sách trung ương hỗ trợ 100%"): the clause
    after "thì" is the main one, and its own subject, when it is a unit, does the work. A "thì" followed
    by the work itself ("... nếu có vướng mắc thì báo cáo ...") keeps the unit."""
    clause = re.split(r"[.;]", work, maxsplit=1)[0]
    in_actor = list(_THEN.finditer(actor))
    then = in_actor or list(_THEN.finditer(clause))
    if not then:
        return actor, work
    if in_actor and not actor[then[-1].end():].strip():  # "Đối với các địa phương chưa lập ... thì khẩn trương ..."
        return actor[:then[-1].start()].rstrip(" ,"), work
    rest = (actor[then[-1].end():] + " " + work if in_actor else work[then[-1].end():]).strip()
    words = actors.words_of(rest)
    if words and actors.predicate_at(words, 0):
        return actor, work
    return actors.split_subject(rest)


def _assignment(text: str, *, cue_only: bool = False) -> tuple[str, str] | None:
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    words = actors.words_of(first)
    direct = actors.split_subject(actors.strip_cue(text)[1])
    # in "A giao cho B + work" the cue opens A's work; a cue further on ("... khi có yêu cầu của địa
    # phương") belongs to the work itself
    reach = len(text) - len(direct[1]) if direct else len(text)
    opener = actors.match_phrase(words, 0, actors.OPENERS) if actors.starts_with(text, actors.OPENERS) else 0
    opened = words[opener - 1].end if opener else 0  # "Sau khi ...": the opener's "khi" is no condition
    for i, w in enumerate(words):
        if w.capitalised or i + 1 >= len(words) or w.start > reach:
            continue
        n = actors.match_phrase(words, i, actors.DELEGATION_CUES)
        if not n or i + n >= len(words) or w.raw[-1:] in ",;" or words[i + n - 1].raw[-1:] in ":,;":
            continue
        if actors.contains(first[opened:w.start], actors.CONDITIONS):
            return None
        found = actors.split_subject(text[words[i + n].start:])
        if found:
            return found  # "A giao cho B + work": B does the work
    if not cue_only:
        _, rest = actors.strip_cue(text)
        found = actors.split_subject(rest)
        if found:
            return found
    if cue_only or not opener:
        return None
    for m in re.finditer(r",\s+", first):
        if actors.contains(first[opened:m.start()], actors.CONDITIONS):
            return None
        found = actors.split_subject(text[m.end():])
        if found:
            return found
    return None


# a unit's share of a quota, not work: "Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân"
_QUOTA = re.compile(r"^(?:(?:không quá|tối đa|tối thiểu|ít nhất|dưới|trên)\s+)?\d+(?:[.,]\d+)*\s*(?:%|[^\W\d_])",
                    re.IGNORECASE)


def _is_task_line(item: _Item) -> bool:
    text = item.text.strip()
    if not text or _QUOTA.match(text.split(": ", 1)[-1]):  # "Ban bầu cử: 01 cá nhân/01 ban" is a share, no work
        return False
    if item.style == "plain":
        if text.endswith(":") or _TIME_LABEL.match(text) or actors.starts_with(text, actors.CLOSINGS):
            return False
        if actors.contains(_SENTENCE_END.split(text, maxsplit=1)[0][:40], actors.CONDITIONS):
            return False
    return True


def _record(actor: str, tasks: list[str], start: int, end: int, document: Document, *,
            role: str | None = None, partners: list[str] | None = None,
            deadline: str | None = None) -> Responsibility:
    tasks = [t for t in (actors.clean_task(t) for t in tasks) if t]
    return Responsibility(
        actor=actor.strip(" ,:;."), tasks=tasks, role=role or (_role(tasks[0]) if tasks else "assigned"),
        partners=partners if partners is not None else (_partners(tasks[0]) if tasks else []),
        deadline=deadline, span=Span(start=start, end=end), section=document.section_at(start))


def _from_items(items: list[_Item], document: Document) -> list[Responsibility]:
    out: list[Responsibility] = []
    owned: set[int] = set()  # items that are tasks of an actor heading
    # a decision's preamble ("Thủ tướng Chính phủ ban hành Quyết định ...,") enacts, it assigns nothing
    first_article = next((k for k, it in enumerate(items) if it.style == "article"), 0)
    for idx, item in enumerate(items):
        if idx in owned or (idx < first_article and item.style == "plain"):
            continue
        purpose = _in_purpose_section(items, idx)
        field = _field(item)
        if field is not None:  # "- Cơ quan chủ trì: ...": a field of its item, not an actor heading
            if field[0] == "lead" and not purpose:
                out += _from_fields(items, idx, field[1], document, owned)
            continue
        if item.style == "plus":  # a sub-bullet is its task's detail, unless it names its own unit
            inline = _heading_actor(item.text)
            if inline and inline[1] and not purpose and not _QUOTA.match(inline[1]):
                out.append(_record(inline[0], [inline[1]], item.start, item.end, document))
            continue
        titled = bool(item.children) and all(_is_task_line(items[k]) and actors.field_of(items[k].text) is None
                                             for k in item.children)
        heading = None if item.style == "plain" and not item.text.endswith(":") else \
            _heading_actor(item.text, titled=titled)
        if heading is not None and not purpose:
            name, inline = heading
            holder = _duty_holder(actors.strip_cue(item.text)[1].strip())
            if holder and holder[1]:  # "Giao Ban Quản lý chỉ đạo các đơn vị ... có trách nhiệm:": its own part
                director, directing = holder[1]
                out.append(_record(director, [directing], item.start, item.end, document))
            tasks, end = _child_tasks(items, idx, owned)
            tasks = ([inline] if inline and not _QUOTA.match(inline) else []) + tasks
            if tasks:
                out.append(_record(name, tasks, item.start, end, document))
            continue
        if purpose or item.style in ("roman", "article") and not item.text[:1].isupper():
            continue
        closing = item.style == "plain" and not _is_task_line(item)
        found = _sentence_assignment(item.text, cue_only=closing)
        if found:
            parts = _own_subjects(*found)
            actor, work = parts[-1]
            tasks, end = [work], item.end
            if item.text.rstrip().endswith(":"):  # "UBND các tỉnh chịu trách nhiệm ..., cụ thể:" and its bullets
                more, end = _child_tasks(items, idx, owned)
                tasks += more
            out += [_record(a, [w], item.start, item.end, document) for a, w in parts[:-1]]
            out.append(_record(actor, tasks, item.start, end, document))
    return out


def _field(item: _Item) -> tuple[str, str] | None:
    """(kind, value) of a field line ("- Cơ quan chủ trì: Sở Nội vụ"), or (kind, "") of a field label
    printed as a heading over its values ("a) Cơ quan chủ trì" and its bullets)."""
    found = actors.field_of(item.text)
    if found is None and item.children:
        kind = actors.bare_field(item.text)
        found = (kind, "") if kind else None
    return found


def _from_fields(items: list[_Item], idx: int, lead: str, document: Document,
                 owned: set[int]) -> list[Responsibility]:
    """The responsibilities of a plan item printed as labelled fields ("- Nội dung thực hiện: ...",
    "- Cơ quan chủ trì: ...", "- Cơ quan phối hợp: ...", "- Thời gian thực hiện: ..."): a lead field
    that reads as sentences ("Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp ... chủ động ...") gives each
    unit its own work; a lead field that only names units, or a unit and its role ("Sở Nội vụ chủ trì,
    phối hợp với ..."), does the item's content (its "Nội dung" field, else its heading), with the
    partners and the time of the other fields. An empty field takes the bullets under it: those of a lead
    field are its units, or fields of their own ("- Đơn vị chủ trì: ...", "- Đơn vị phối hợp: ..."); those
    of a content field are the item's tasks."""
    item = items[idx]
    if not lead and item.children and all(_field(items[k]) for k in item.children):
        return []  # "Cơ quan chủ trì, phối hợp" over "a) Cơ quan chủ trì", "b) Cơ quan phối hợp": read those
    fields: dict[str, str] = {}
    tasks: list[str] = []
    k_idx = idx
    while True:  # the fields beside the lead field; beside its parent when that is a field heading too
        here = items[k_idx]
        siblings = items[here.parent].children if here.parent is not None else \
            [k for k in range(max(0, k_idx - 4), min(len(items), k_idx + 5)) if items[k].parent is None]
        for k in siblings:
            found = _field(items[k]) if k != k_idx else None
            if found and found[1]:
                fields.setdefault(found[0], found[1])
            elif found and found[0] == "content" and not tasks:  # "a) Nhiệm vụ:" and its bullets
                tasks = [items[c].text for c in items[k].children]
                owned.update(items[k].children)
        if tasks or "content" in fields or here.parent is None or _field(items[here.parent]) is None:
            break
        k_idx = here.parent
    if "content" in fields:
        tasks = [fields["content"]]
    elif not tasks and item.parent is not None:
        tasks = [items[item.parent].text]
    if lead:
        leads = [lead]
    else:
        owned.update(item.children)
        leads = _lead_bullets([items[k].text for k in item.children], fields)
    out: list[Responsibility] = []
    for text in leads:
        found = actors.split_subject(text)
        if found and not _ROLE_ONLY.match(found[1]):
            out += [_record(a, [w], item.start, item.end, document) for a, w in _own_subjects(*found)]
            continue
        unit, partners = (found[0], _partners(found[1])) if found else (text, [])
        if tasks and actors.starts_with_actor(unit):
            support = [fields["support"].rstrip(" .;")] if "support" in fields else []
            out.append(_record(unit, tasks, item.start, item.end, document, role="lead",
                               partners=partners or support, deadline=fields.get("time", "").rstrip(" .;") or None))
    return out


def _lead_bullets(bullets: list[str], fields: dict[str, str]) -> list[str]:
    """The units under an empty lead field: its bullets, or the values of the lead fields among them
    ("- Đơn vị chủ trì: Sở Y tế."); a support field among them goes to ``fields``."""
    leads = []
    for text in bullets:
        inner = actors.field_of(text)
        if inner is None:
            leads.append(text)
        elif inner[0] == "lead" and inner[1]:
            leads.append(inner[1])
        elif inner[0] == "support" and inner[1]:
            fields.setdefault("support", inner[1])
    return leads


# a lead field's work that only states the unit's role: "chủ trì, phối hợp với các sở ..."
_ROLE_ONLY = re.compile(r"^(?:là cơ quan\s+)?chủ trì\s*(?:$|[.;]|,\s*phối hợp\b)", re.IGNORECASE)


_NEXT_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


def _outside_brackets(pieces: list[str]) -> list[str]:
    """The pieces with those split inside brackets joined back ("(Giao Công an tỉnh chủ trì, phối hợp
    với Văn phòng; Sở Tư pháp ... tham mưu)" is one aside, not a sentence of its own)."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _own_subjects(actor: str, work: str) -> list[tuple[str, str]]:
    """Split work whose later sentences or ';' clauses name their own unit ("... tiến độ. Các tỉnh ủy phối hợp ...")
    into one (actor, work) per unit."""
    parts = [(actor, [])]
    for sentence in _outside_brackets(_NEXT_SENTENCE.split(work)):
        after_semicolon = bool(parts[-1][1]) and parts[-1][1][-1].rstrip().endswith(";")
        found = actors.leading_subject(sentence, clause=after_semicolon) if parts[-1][1] else None
        if found:
            parts.append((found[0], [found[1]]))
        else:
            parts[-1][1].append(sentence)
    return [(a, " ".join(w)) for a, w in parts if w]


def _child_tasks(items: list[_Item], idx: int, owned: set[int]) -> tuple[list[str], int]:
    """The task lines under ``items[idx]`` (its children of the first marked rank and plain paragraphs,
    not other actor headings), marked as owned, with where the last one ends. An unmarked actor
    line ("Ủy ban nhân dân các tỉnh, thành phố:") has no children: the marked items that follow it
    at one rank are its tasks."""
    item = items[idx]
    # an item that hands work to another unit ("b) Giao Thanh tra tỉnh ...") or opens with a unit of its own
    # ("Cơ quan đăng ký đầu tư có trách nhiệm ..." under "h) Các đơn vị khác") is that unit's, not the heading's
    kids = [k for k in item.children if _heading_actor(items[k].text) is None and actors.delegated(items[k].text) is None
            and not _other_subject(items[k].text, item.text)]
    if item.style == "plain" and not kids:
        kids = _following(items, idx)
    marked = [items[k].rank for k in kids if items[k].style != "plain"]
    top = min(marked) if marked else None
    tasks: list[str] = []
    end = item.end
    for k in kids:
        kid = items[k]
        if kid.style != "plain" and kid.rank != top:
            continue
        owned.add(k)
        if _is_task_line(kid):
            tasks.append(kid.text)
            end = max(end, kid.end)
    return tasks, end


def _other_subject(text: str, heading: str) -> bool:
    """True when ``text`` opens with a unit and its work, and the unit is not one the heading names."""
    found = actors.leading_subject(text)
    if not found:
        return False
    return not {w.low for w in actors.words_of(found[0])} <= {w.low for w in actors.words_of(heading)}


def _following(items: list[_Item], idx: int) -> list[int]:
    """The marked items right after ``idx`` under the same parent, at the rank of the first one,
    up to the next unmarked line, section heading or actor heading."""
    out: list[int] = []
    for k in range(idx + 1, len(items)):
        kid = items[k]
        if kid.parent != items[idx].parent or kid.style in ("plain", "roman", "article") \
                or _heading_actor(kid.text) is not None:
            break  # a section heading ("I. MỤC ĐÍCH") after a closing "... như sau:" is no task of it
        if out and kid.rank != items[out[0]].rank:
            break
        out.append(k)
    return out


def _from_rows(rows: list[TaskRow], document: Document) -> list[Responsibility]:
    out = []
    for row in rows:
        if not row.lead or not row.task:
            continue
        task = f"{row.task}: {row.result}" if row.indicator and row.result else row.task  # an indicator and its level
        out.append(_record(row.lead, [task] + row.subtasks, row.start, row.end, document, role="lead",
                           partners=[row.support] if row.support else [], deadline=row.deadline))
    return out


def extract(doc: Doc) -> list[Responsibility]:
    """The responsibilities of the analysed document, in document order."""
    document: Document = doc._.document
    text = document.text
    start = document.header.body_start if document.header else 0
    end = len(text)
    skip = [(b.span.start, b.span.end) for b in document.blocks if b.kind == "table_cell" and b.span]
    if document.footer and document.footer.span:
        # only the signature block and recipients are skipped: a decision's plan can follow them
        f_start, f_end = document.footer.span.start, document.footer.span.end
        # a footer that runs over headings (the plan attached after a decision's signature) stops at them
        f_end = min([n.span.start for n in document.outline if f_start < n.span.start < f_end] + [f_end])
        skip.append((f_start, f_end))
    out: list[Responsibility] = []
    for table in cell_tables(document.blocks):
        out.extend(_from_rows(cell_task_rows(table), document))
    # tables printed as plain lines (gazette copies): read outside the cells already read as tables
    rows, table_spans = line_table_rows(document)
    out.extend(_from_rows(rows, document))
    skip.extend(table_spans)
    out.extend(_from_items(_items(text, start, end, skip), document))
    examples = example_spans(text)  # "Ví dụ: Đồng chí Nguyễn Văn A ... được giới thiệu": no duty
    out = [r for r in out if not (r.span and in_spans(r.span.start, examples))]
    out.sort(key=lambda r: r.span.start if r.span else 0)
    return out
