"""The units the cross-check compares: superior items and lower candidates.

Superior items (spec/CROSSCHECK.md, "Items") are every task of every
responsibility (with its actor), every target and every milestone of the
superior record, and, when the superior's text is given, every paragraph or
bullet of its task sections ("NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG", "TỔ CHỨC THỰC
HIỆN") that no responsibility holds (a resolution's solutions name no actor but
are demands), the clauses of a decision's titled articles ("Điều 3. Mức hỗ trợ"), and each clause of a
dated goal. A target or goal takes the unit it names as its subject as its actor. Milestones of the preamble are
left out; a target stops at the clause of its value; an item that names no
actor takes the actors of the assigned tasks (an appendix table) that repeat it. Lower candidates are the lower
plan's tasks, targets and milestone activities, plus, when the lower document's text is given, the
sentences and bullets of its body that no record holds (an objective in the
Mục tiêu section carries out a demand as well as a task does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.crosscheck.applicability import administration_wide
from pipeline.crosscheck.text import deadline_in, due_date, locate
from pipeline.extract.tables import cell_tables, lead_column
from pipeline.extract.targets import goal_clause
from pipeline.lang import actors
from pipeline.lang.fold import fold
from pipeline.structure import match_marker
from schemas.document import Document, OutlineNode
from schemas.records import DirectiveRecord

# lines of the lower text that are no commitment: legal bases, headings, signature and recipients
_SKIP_LINE = re.compile(r"^\s*(căn cứ|nơi nhận|kính gửi|số\s*:|tm\.|kt\.|tl\.|q\.|lưu\s*:)", re.IGNORECASE)
_END_OF_BODY = re.compile(r"^\s*(nơi nhận|tm\.\s|kt\.\s)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-–•+*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])")
_BODY_OPENING = re.compile(r"^\s*(căn cứ|thực hiện|triển khai)\b", re.IGNORECASE | re.MULTILINE)
MIN_SENTENCE = 30  # characters: shorter lines are headings or labels


@dataclass
class Unit:
    """One comparable text with what the record says of it."""

    kind: str
    text: str
    actor: str | None = None
    deadline: str | None = None
    value: float | int | None = None
    unit: str | None = None
    comparator: str | None = None
    span: tuple[int, int] | None = None
    section: str | None = None
    details: list[str] = field(default_factory=list)
    source: str = "record"
    quote: str | None = None  # the text shown when it differs from the compared one (a short task with its subject)

    @property
    def body(self) -> str:
        """The text compared: the item with its details (a phase with its activities)."""
        return " ".join([self.text, *self.details]) if self.details else self.text


def _span(item, text: str, doc_text: str | None) -> tuple[int, int] | None:
    span = getattr(item, "span", None)
    if span is not None:
        return span.start, span.end
    return locate(text, doc_text)


def superior_items(record: DirectiveRecord, *, document: Document | None = None) -> list[Unit]:
    """Every task, target and milestone of the superior record, in record order."""
    doc_text = document.text if document else None
    units: list[Unit] = []
    for resp in record.responsibilities:
        for task in resp.tasks:
            if not task.strip():
                continue
            quote, span = _with_subject(task, resp.actor, locate(task, doc_text), doc_text)
            units.append(Unit(kind="task", text=task, actor=resp.actor,
                              deadline=deadline_in(task) or due_date(resp.deadline),
                              span=span, section=resp.section, quote=quote))
    for target in record.targets:
        deadline = f"{target.year}-12-31" if target.year else deadline_in(target.text)
        units.append(Unit(kind="target", text=_valued_clause(target.text, target.value), actor=None,
                          deadline=deadline, value=target.value, unit=target.unit, comparator=target.comparator,
                          span=_span(target, target.text, doc_text), section=target.section))
    _table_leads(units, document)
    for unit in units:
        if unit.kind == "target" and not unit.actor:
            unit.actor = own_subject(unit.text)
    targets = [fold(u.text) for u in units if u.kind == "target"]
    opening = _preamble_end(document)
    clauses: list[Unit] = []
    for milestone in record.milestones:
        span = _span(milestone, milestone.text, doc_text)
        if span is not None and span[0] < opening:
            continue  # the preamble states the situation and the nation's goals; demands come in the sections
        units.append(Unit(kind="milestone", text=milestone.text, deadline=milestone.end,
                          actor=own_subject(milestone.text), details=[a for a in milestone.activities if fold(a) != fold(milestone.text)],
                          span=span, section=milestone.section))
        clauses += _goal_clauses(milestone, targets, doc_text)  # and a dated goal clause by clause
    units += clauses
    if document is not None:
        units += section_tasks(document, [u for u in units if u.kind == "task"])
    return _dedupe(_assigned(units))


SHORT_TASK = 10  # words: shorter work reads only with its subject ("... chịu trách nhiệm thi hành Quyết định này")


def _with_subject(task: str, actor: str | None, span: tuple[int, int] | None,
                  doc_text: str | None) -> tuple[str | None, tuple[int, int] | None]:
    """The quote of a short task with the subject its sentence opens with, as written, and its span
    (None and the task's span for others: the task is quoted as it is)."""
    if not actor or span is None or doc_text is None or len(task.split()) >= SHORT_TASK:
        return None, span
    start = span[0] - len(actor) - 1
    if start >= 0 and doc_text[start:span[0]].strip() == actor.strip():
        return doc_text[start:span[1]], (start, span[1])
    return None, span


MAX_OPENING = 160  # characters of adverbial openings before a subject ("Trong năm 2013, ...")


def own_subject(text: str) -> str | None:
    """The unit a demand names as its subject, at its start ("Các tỉnh, thành phố ... sử dụng ...") or
    after an opening phrase of time or purpose ("Trong năm 2013, Ủy ban nhân dân các tỉnh ... phải ...",
    "Trên cơ sở ..., các địa phương ..."), else None."""
    found = actors.leading_subject(text)
    if found:
        return found[0]
    if not (actors.starts_with(text, actors.OPENERS) or due_date(text.split(",", 1)[0])):
        return None  # "Thu hút 3 tổ chức, doanh nghiệp ...": a list in the object, no opening phrase
    for m in re.finditer(r",\s+", text[:MAX_OPENING]):
        rest = text[m.end():]
        if actors.starts_with_actor(rest) and (found := actors.split_subject(rest)):
            return found[0]
    return None


def _table_leads(units: list[Unit], document: Document | None) -> None:
    """Give a target read from a table row the body its lead column names ("Cơ quan chủ trì theo
    dõi, đánh giá"): an indicator table assigns each indicator to a body, in place. An indicator of the
    administration's own work ("Tỉ lệ hồ sơ thủ tục hành chính ...") keeps no actor: every administration
    meets it, whoever monitors it."""
    if document is None:
        return
    rows: list[tuple[int, int, str]] = []  # (start, end, lead) of the rows of tables with a lead column
    for table in cell_tables(document.blocks):
        col = lead_column(table[0]) if table else None
        if col is None:
            continue
        for row in table[1:]:
            lead = next((c.text for c in row if c.col == col and c.text.strip()), None)
            if lead:
                rows.append((row[0].start, row[-1].end, lead))
    if not rows:
        return
    for unit in units:
        if unit.kind == "target" and not unit.actor and unit.span and not administration_wide(unit.text):
            unit.actor = next((lead for start, end, lead in rows if start <= unit.span[0] < end), None)


ASSIGNED_OVERLAP = 0.6  # share of the shorter text's word pairs that the assigned task repeats
MIN_ASSIGNED_WORDS = 5


def _assigned(units: list[Unit]) -> list[Unit]:
    """Give an item that names no actor the actors of the assigned tasks that repeat it.

    Plans state their solutions in the body and assign them in a table or a list
    ("Phụ lục: Bộ X chủ trì ..."): the body bullet is the same demand, for the same actor.
    A text that names its actor ("Bộ X chủ trì ...") keeps it; a text that an
    assigned task holds whole (a dated clause of it) is that task's alone.
    """
    assigned = [(_bigrams(u.text), fold(u.text), u) for u in units if u.kind == "task" and u.actor]
    if not assigned:
        return units
    for unit in units:
        if unit.actor or unit.kind == "target":
            continue
        own = actors.leading_subject(unit.text)
        if own:  # "Bộ X chủ trì ...": the text names its actor
            unit.actor = own[0]
            continue
        folded = fold(unit.text)
        holder = next((task for _, theirs, task in assigned if folded in theirs), None)
        if holder is not None:  # a clause of an assigned task (a dated goal in it): that task's actor alone
            unit.actor = holder.actor
            continue
        mine = _bigrams(unit.text)
        if len(mine) < MIN_ASSIGNED_WORDS:
            continue
        owners: list[str] = []
        for theirs, _, task in assigned:
            shorter = min(len(mine), len(theirs))
            if shorter >= MIN_ASSIGNED_WORDS and len(mine & theirs) / shorter >= ASSIGNED_OVERLAP \
                    and task.actor not in owners:
                owners.append(task.actor)
        if owners:
            unit.actor = "; ".join(owners)  # every row that repeats it: a ministry's and the provinces' share
    return units


def _bigrams(text: str) -> set[tuple[str, str]]:
    """Adjacent folded word pairs: shared pairs mark a restated demand, shared words only a shared topic."""
    tokens = fold(text).split()
    return set(zip(tokens, tokens[1:], strict=False))


def _valued_clause(text: str, value) -> str:
    """A target's text up to the ';' clause that holds its value: what follows is another demand
    of the same sentence ("... đạt 40% GDP; trở thành trung tâm của vùng ..."), an item of its own;
    a goal an opener leads inside a longer sentence is quoted alone (``goal_clause``)."""
    if value is None:
        return text
    number = f"{value:g}" if isinstance(value, float) else str(value)
    forms = {number, number.replace(".", ",")}
    pieces = text.split("; ")
    for i, piece in enumerate(pieces):
        found = next((m for f in forms for m in [re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d])", piece)] if m), None)
        if found:
            begin, stop = goal_clause(piece, found.start(), found.end())
            if begin > 0 or stop < len(piece):  # a goal an opener leads inside a longer sentence
                return piece[begin:stop].strip()
            return "; ".join(pieces[:i + 1])
    return text


def _preamble_end(document: Document | None) -> int:
    """Where the first numbered top-level heading of the body starts (0 when there is none)."""
    if document is None:
        return 0
    tops = [n.span.start for n in document.outline if n.parent is None and n.style not in ("dash", "plus", "bullet")]
    return min(tops) if tops else 0


_CLAUSE = re.compile(r";\s+|" + _SENTENCE_END.pattern)
MIN_GOAL_WORDS = 4


def _goal_clauses(milestone, targets: list[str], doc_text: str | None) -> list[Unit]:
    """Each sentence or ';' clause of a dated goal ("Đến năm 2030: ... ; ...") that no target holds,
    as a milestone item of its own: an inspector checks them one by one."""
    out: list[Unit] = []
    for activity in milestone.activities:
        if fold(activity) == fold(milestone.text):
            continue
        for piece in (part for clause in _CLAUSE.split(activity) for part in _valued_parts(clause)):
            piece = actors.clean_task(_BULLET.sub("", piece.strip(), count=1)).rstrip(".")
            if len(piece.split()) < MIN_GOAL_WORDS or piece.isupper() or match_marker(piece) or _no_goal(piece):
                continue
            if _held(piece, targets, dice_min=0.6, min_len=1):
                continue
            out.append(Unit(kind="milestone", text=piece, deadline=milestone.end, span=locate(piece, doc_text),
                            section=milestone.section, source="text"))
    return out


# a count or a level ("nhóm 3 nước", "50%"), not a date or a year ("ngày 30/6/2026", "năm 2030")
_COUNT = re.compile(r"(?<!ngày )(?<!tháng )(?<!quý )(?<![\d/.,])\d{1,3}(?![\d/])", re.IGNORECASE)


def _valued_parts(clause: str) -> list[str]:
    """A clause cut at the commas between numbered goals ("nhóm 3 nước dẫn đầu khu vực, nhóm 50 nước
    đứng đầu thế giới về ..."): each number is a goal an inspector checks on its own."""
    parts: list[str] = []
    for piece in clause.split(", "):
        if parts and _COUNT.search(parts[-1]) and _COUNT.search(piece):
            parts.append(piece)
        elif parts:
            parts[-1] += ", " + piece
        else:
            parts.append(piece)
    return parts


_REFERENCE = re.compile(r"^(khoản|điều|điểm|mục|phụ lục)\s+\w+\b", re.IGNORECASE)


def _no_goal(piece: str) -> bool:
    """A cell of an assignment row that states no goal: a unit's name ("Bộ Xây dựng và các bộ, ngành liên
    quan"), a legal reference ("khoản 8 Điều 64 Luật ...") or a list of names ("Đắk Lắk, Khánh Hòa và Gia Lai:")."""
    return bool(_REFERENCE.match(piece)) or _names_only(piece) \
        or (actors.starts_with_actor(piece) and actors.split_subject(piece) is None)


_LIST_JOINERS = frozenset({"và", "hoặc"})


def _names_only(piece: str) -> bool:
    """Whether the piece is a list ("A, B và C") of capitalised words only: a list of proper names."""
    words = re.findall(r"[^\W\d_]+", piece)
    listed = "," in piece or any(w in _LIST_JOINERS for w in words)
    return bool(words) and listed and all(w[0].isupper() or w in _LIST_JOINERS for w in words)


MIN_TASK = 40  # characters: a shorter paragraph of a task section is a label, not a demand ...
MIN_SENTENCE_WORDS = 6  # ... unless it is a finished sentence of this many words


ARTICLE_TITLE = 12  # words: an article's title; a longer first line is the article's own sentence


def _task_sections(document: Document) -> list[OutlineNode]:
    """The outermost outline nodes whose heading names tasks or solutions, and the titled articles of
    a decision written as articles ("Điều 3. Mức hỗ trợ", "Điều 6. Phương thức thực hiện"): each of
    its clauses is a demand, except in an article that sets rules (scope, who is eligible, entry into
    force) or holds a task section of its own."""
    found: list[OutlineNode] = []
    for node in document.outline:
        if node.style in ("dash", "plus", "bullet", "letter"):
            continue
        if any(f.body.start <= node.span.start < f.body.end for f in found):
            continue
        if actors.starts_with(node.title, actors.TASK_SECTIONS):
            found.append(node)
    parents = {n.parent for n in document.outline}
    for k, node in enumerate(document.outline):
        if node.style != "article" or node.parent is not None or k not in parents \
                or len(node.title.split()) > ARTICLE_TITLE:  # a title over its clauses, not a one-sentence article
            continue
        if not actors.starts_with(node.title, actors.RULE_ARTICLES) \
                and not any(node.body.start <= f.span.start < node.body.end for f in found):
            found.append(node)
    return sorted(found, key=lambda n: n.span.start)


def section_tasks(document: Document, known: list[Unit]) -> list[Unit]:
    """Paragraphs and bullets of the task sections as task items, unless a responsibility holds them.

    A heading with text under it is a title, not a demand; a paragraph that
    runs on from an unfinished one (starts in lower case) joins it.
    """
    sections = _task_sections(document)
    if not sections:
        return []
    headings = {document.outline[m.parent].span.start for m in document.outline if m.parent is not None}
    # a numbered heading followed by plain paragraphs is a title too
    numbered = {n.span.start: n for n in document.outline if n.style not in ("dash", "plus", "bullet")}
    known_folded = [fold(u.text) for u in known]
    paragraphs: list[list] = []  # [start, text]
    for section in sections:
        blocks = [b for b in document.blocks if b.span is not None and b.kind != "table_cell"
                  and section.body.start <= b.span.start < section.body.end]
        for i, block in enumerate(blocks):
            if block.span.start == section.span.start or block.span.start in headings:
                continue
            node = numbered.get(block.span.start)
            if node is not None and i + 1 < len(blocks) and blocks[i + 1].span.start < node.body.end \
                    and len(block.text) < 300:
                continue
            text = block.text.strip()
            if paragraphs and text[:1].islower() and not paragraphs[-1][1].rstrip().endswith((".", ":", ";")):
                paragraphs[-1][1] = paragraphs[-1][1].rstrip() + " " + text
                continue
            paragraphs.append([block.span.start, text])
    out: list[Unit] = []
    for start, text in paragraphs:
        body = actors.clean_task(_BULLET.sub("", text, count=1))
        short = len(body) < MIN_TASK and not (body.endswith(".") and len(body.split()) >= MIN_SENTENCE_WORDS)
        # a paragraph that holds a known task as a small part of it ("Căn cứ số vốn ..., Ủy ban nhân dân
        # cấp tỉnh phân bổ cho cấp huyện") quotes the demand whole: an item of its own
        if short or _held(body, known_folded, dice_min=0.8, min_share=0.5):
            continue
        offset = start + text.find(body[:20]) if body[:20] in text else start
        out.append(Unit(kind="task", text=body, deadline=deadline_in(body), span=(offset, offset + len(body)),
                        section=document.section_at(start), source="text"))
    return out


def _held(text: str, known_folded: list[str], *, dice_min: float, min_len: int = 20, min_share: float = 0.0) -> bool:
    """Whether one of the known (folded) texts already holds ``text``: contains it, is contained
    in it (when at least ``min_len`` characters and ``min_share`` of its length), or shares ``dice_min``
    of its words (Dice)."""
    folded = fold(text)
    least = max(min_len, min_share * len(folded))
    if any((len(k) >= least and k in folded) or (len(k) >= min_len and folded in k) for k in known_folded):
        return True
    mine = _word_set(folded)
    return bool(mine) and any(
        (theirs := _word_set(k)) and 2 * len(mine & theirs) / (len(mine) + len(theirs)) >= dice_min
        for k in known_folded)


@lru_cache(maxsize=16384)
def _word_set(folded: str) -> frozenset[str]:
    return frozenset(folded.split())


def _dedupe(units: list[Unit]) -> list[Unit]:
    """Drop repeats of the same kind and wording (a task listed under two headings)."""
    out: list[Unit] = []
    seen: set[tuple] = set()
    for unit in units:
        key = (unit.kind, fold(unit.text), unit.actor)
        if key not in seen:
            seen.add(key)
            out.append(unit)
    return out


def lower_candidates(record: DirectiveRecord, *, document: Document | None = None,
                     use_text: bool = True) -> list[Unit]:
    """The lower plan's items, then the body sentences that no item holds."""
    doc_text = document.text if document else None
    units: list[Unit] = []
    for resp in record.responsibilities:
        for task in resp.tasks:
            if task.strip():
                units.append(Unit(kind="task", text=task, actor=resp.actor,
                                  deadline=deadline_in(task) or due_date(resp.deadline),
                                  span=locate(task, doc_text), section=resp.section))
    for target in record.targets:
        units.append(Unit(kind="target", text=target.text, actor=target.subject,
                          deadline=f"{target.year}-12-31" if target.year else deadline_in(target.text),
                          value=target.value, unit=target.unit, comparator=target.comparator,
                          span=_span(target, target.text, doc_text), section=target.section))
    for milestone in record.milestones:
        activities = milestone.activities or [milestone.text]
        for activity in activities:
            units.append(Unit(kind="milestone", text=activity, deadline=milestone.end or deadline_in(activity),
                              span=locate(activity, doc_text), section=milestone.section or milestone.text))
    units = _dedupe_candidates(units)
    if document is not None and use_text:
        units += _text_candidates(document, units)
    return units


def _dedupe_candidates(units: list[Unit]) -> list[Unit]:
    """One candidate per text; a text that is both a task and a target (an indicator table that assigns
    each indicator) is the target, with the task's body, so that its level and date count."""
    out: list[Unit] = []
    for unit in units:
        k = next((k for k, u in enumerate(out) if fold(u.text) == fold(unit.text)), None)
        if k is None:
            out.append(unit)
            continue
        same = out[k]
        if unit.kind == "target" and same.kind != "target":
            unit.actor = same.actor or unit.actor  # the body the task names
            out[k] = unit
        elif not same.actor and unit.actor:
            same.actor = unit.actor
    return out


def _text_candidates(document: Document, known: list[Unit]) -> list[Unit]:
    """Body sentences of the lower text that hold no record item (objectives, notes, scope), with the
    plan a decision attaches after its signature; no cell that only names units, no report of the past."""
    text = document.text
    known_folded = [fold(u.text) for u in known]
    out: list[Unit] = []
    pos = _body_start(document)
    footer = document.footer.span if document.footer and document.footer.span else None
    for line in text[pos:].split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if footer is not None and footer.start <= start < footer.end:
            continue  # the signature and the recipients: a plan attached to a decision may follow them
        if _END_OF_BODY.match(stripped):
            if footer is not None and start < footer.start:
                continue
            break
        if len(stripped) < MIN_SENTENCE or stripped.isupper() or _SKIP_LINE.match(stripped):
            continue
        offset = start + (len(line) - len(line.lstrip()))
        body = _BULLET.sub("", stripped)
        offset += len(stripped) - len(body)
        for sentence, s_start in _sentences(body):
            if len(sentence) < MIN_SENTENCE or _no_goal(sentence) or _held(sentence, known_folded, dice_min=0.8) \
                    or actors.reports_past(sentence):
                continue  # a unit's name, an item already held, or what has happened (no commitment)
            out.append(Unit(kind="text", text=sentence, span=(offset + s_start, offset + s_start + len(sentence)),
                            section=document.section_at(offset + s_start), source="text",
                            deadline=deadline_in(sentence)))
    return out


def _body_start(document: Document) -> int:
    """Where the body begins: the structure stage's mark, else the first legal-basis line, else 0."""
    if document.header is not None and document.header.body_start:
        return document.header.body_start
    m = _BODY_OPENING.search(document.text)
    return m.start() if m and m.start() < len(document.text) // 2 else 0


def _sentences(line: str) -> list[tuple[str, int]]:
    """Sentences of one line with their offsets (a bullet is usually one sentence)."""
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        out.append((line[start:m.start()].strip(), start))
        start = m.end()
    out.append((line[start:].strip(), start))
    return [(s, o) for s, o in out if s]


MIN_PART_WORDS = 5


def with_parts(units: list[Unit]) -> tuple[list[Unit], list[int | None]]:
    """The items, each task followed by its separate demands when it has several, and for each
    the index of the item it is a part of (None for an item of its own).

    A resolution's paragraph holds many demands ("Thống nhất quản lý ... . Sáp nhập, giải thể ...");
    judged whole it is at best 'partial'. Its parts are judged as items of their own; the summary
    counts the items only. A part another item already states is left out. A part takes the actor its
    own words name, else the item's (not when that was only the first sentence's subject).
    """
    known = [fold(u.text) for u in units]
    out: list[Unit] = []
    part_of: list[int | None] = []
    for k, unit in enumerate(units):
        out.append(unit)
        part_of.append(None)
        pieces = _parts(unit)
        if not pieces:
            continue
        parent = len(out) - 1
        others = known[:k] + known[k + 1:]
        # an actor read off the first sentence's own subject ("Người đứng đầu phải ...", kept as the
        # predicate "phải ...") is not the later sentences'
        own = actors.leading_subject(unit.text)
        first_only = unit.text[:1].islower() or (own is not None and own[0] == unit.actor)
        for n, piece in enumerate(pieces):
            if _held(piece, others, dice_min=0.8):
                continue
            start = unit.text.find(piece)
            span = (unit.span[0] + start, unit.span[0] + start + len(piece)) if unit.span and start >= 0 else None
            subject = actors.leading_subject(piece)
            actor = subject[0] if subject else (None if first_only and n > 0 else unit.actor)
            out.append(Unit(kind=unit.kind, text=piece, actor=actor, deadline=deadline_in(piece) or unit.deadline,
                            span=span, section=unit.section, source="part"))
            part_of.append(parent)
    return out, part_of


def _parts(unit: Unit) -> list[str]:
    """A task's sentences (and, in a task section's paragraph, its ';' clauses) when it has several,
    each long enough to be a demand."""
    if unit.kind != "task":
        return []
    # sentence ends, and ';' in a task section's paragraph (an assigned bullet's ';' joins parts of one assignment)
    split = _CLAUSE if unit.source == "text" else _SENTENCE_END
    pieces = [p.strip().rstrip(";").strip() for p in split.split(unit.text)]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or any(len(p.split()) < MIN_PART_WORDS for p in pieces):
        return []
    return pieces
