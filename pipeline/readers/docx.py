"""Reader for Word documents (.docx) with python-docx.

Walks the body XML so tables come in place between paragraphs. Each paragraph
becomes one block with its bold/alignment hints; Word's automatic numbers and
bullets, which ``paragraph.text`` leaves out, are rebuilt from ``numPr`` and
numbering.xml and put both in ``Block.numbering`` and in front of the text.
Each table cell becomes one ``table_cell`` block (a merged cell once), so the
two-column title block (issuer | quốc hiệu; số | place and date) comes out
cell by cell, left column before right, never interleaved.
"""
from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.readers.assemble import RawBlock, TextBuilder, assemble
from schemas.document import Document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

# Word number formats → how one counter value is written
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
# Vietnamese documents letter their items with the Vietnamese alphabet (a, b, c, d, đ, e ...)
_LETTERS = "abcdđeghiklmnopqrstuvxy"
# Symbol-font bullet characters Word stores in lvlText
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf02d": "-", "\uf0fc": "✓", "o": "o", "": "•"}

ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
         "both": "justify", "distribute": "justify", "justify": "justify"}


def _roman(n: int) -> str:
    out = []
    for value, mark in _ROMAN:
        while n >= value:
            out.append(mark)
            n -= value
    return "".join(out)


def _format_number(value: int, fmt: str) -> str:
    """One counter value written in Word's number format ``fmt``."""
    if fmt in ("upperRoman",):
        return _roman(value)
    if fmt in ("lowerRoman",):
        return _roman(value).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _LETTERS[(value - 1) % len(_LETTERS)] * (1 + (value - 1) // len(_LETTERS))
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class _Numbering:
    """Counters of Word's automatic lists, rebuilt from numbering.xml."""

    def __init__(self, part: object | None) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId -> ilvl -> {fmt, text, start}
        self.counters: dict[str, dict[int, int]] = {}
        self.seen_nums: set[str] = set()
        element = getattr(part, "element", None) if part is not None else None
        if element is None:
            return
        for abstract in element.findall(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId")
            levels = {}
            for lvl in abstract.findall(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = _level(lvl)
            self.levels[aid] = levels
        for num in element.findall(f"{W}num"):
            nid = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            aid = ref.get(f"{W}val") if ref is not None else None
            overrides = {}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{W}ilvl", "0"))] = int(start.get(f"{W}val", "1"))
            self.nums[nid] = (aid, overrides)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The number or bullet of the next paragraph of list ``num_id`` at level ``ilvl``."""
        if num_id not in self.nums or num_id == "0":
            return None
        aid, overrides = self.nums[num_id]
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for lvl_no, start in overrides.items():  # a restarted list
                counters[lvl_no] = start - 1
        counters[ilvl] = counters.get(ilvl, level["start"] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the levels under it
        if level["fmt"] == "bullet":
            text = level["text"]
            return _BULLETS.get(text, text)
        label = level["text"]
        for k in range(ilvl, -1, -1):
            lk = levels.get(k, {"fmt": "decimal", "start": 1})
            value = counters.get(k, lk["start"])
            label = label.replace(f"%{k + 1}", _format_number(value, lk["fmt"]))
        return label.strip() or None


def _level(lvl: object) -> dict:
    fmt_el = lvl.find(f"{W}numFmt")
    text_el = lvl.find(f"{W}lvlText")
    start_el = lvl.find(f"{W}start")
    return {
        "fmt": fmt_el.get(f"{W}val", "decimal") if fmt_el is not None else "decimal",
        "text": text_el.get(f"{W}val", "") if text_el is not None else "",
        "start": int(start_el.get(f"{W}val", "1")) if start_el is not None else 1,
    }


def _style_chain(style: object | None):
    while style is not None:
        yield style
        style = style.base_style


def _ppr_sources(paragraph: object) -> list:
    """The paragraph properties that apply, own first, then those of its style chain."""
    ppr = paragraph._p.pPr
    sources = [ppr] if ppr is not None else []
    try:
        sources += [s.element.pPr for s in _style_chain(paragraph.style)]
    except (KeyError, ValueError, AttributeError):
        pass
    return sources


def _num_pr(paragraph: object) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph, from its own properties or its style chain."""
    sources = _ppr_sources(paragraph)
    num_id = ilvl = None
    for pr in sources:
        if pr is None:
            continue
        numpr = pr.find(f"{W}numPr")
        if numpr is None:
            continue
        nid = numpr.find(f"{W}numId")
        lvl = numpr.find(f"{W}ilvl")
        if num_id is None and nid is not None:
            num_id = nid.get(f"{W}val")
        if ilvl is None and lvl is not None:
            ilvl = int(lvl.get(f"{W}val", "0"))
    if num_id is None:
        return None
    return num_id, ilvl or 0


def _run_bold(run: object, paragraph_style: object | None) -> bool:
    """Bold of a run: its own setting, else its character style chain, else the paragraph style chain."""
    if run.bold is not None:
        return bool(run.bold)
    try:
        for style in _style_chain(run.style):
            if style.font.bold is not None:
                return bool(style.font.bold)
    except (KeyError, ValueError, AttributeError):
        pass
    for style in _style_chain(paragraph_style):
        if style.font.bold is not None:
            return bool(style.font.bold)
    return False


def _alignment(paragraph: object) -> str | None:
    sources = _ppr_sources(paragraph)
    for pr in sources:
        if pr is None:
            continue
        jc = pr.find(f"{W}jc")
        if jc is not None:
            return ALIGN.get(jc.get(f"{W}val", ""))
    return None


def _paragraph_text(paragraph: object, builder: TextBuilder, source: list[str]) -> tuple[int, int]:
    """Append the paragraph's runs to ``builder`` and ``source``; returns (bold chars, all chars)."""
    bold = total = 0
    style = None
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        pass
    for run in paragraph.runs:
        text = run.text
        # soft line breaks and tabs inside a paragraph read as spaces
        text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
        if not text:
            continue
        start = sum(len(s) for s in source)
        source.append(text)
        builder.add(text, start)
        visible = sum(1 for c in text if not c.isspace())
        total += visible
        if _run_bold(run, style):
            bold += visible
    if total == 0:
        # hyperlinks and fields keep their text outside plain runs: fall back on paragraph.text
        text = paragraph.text.replace("\n", " ").replace("\t", " ")
        if text.strip():
            start = sum(len(s) for s in source)
            source.append(text)
            builder.add(text, start)
            total = sum(1 for c in text if not c.isspace())
    return bold, total


class _Walker:
    def __init__(self, document: object) -> None:
        self.document = document
        self.numbering = _Numbering(_numbering_part(document))
        self.blocks: list[RawBlock] = []
        self.source: list[str] = []
        self.table_no = -1

    def _sep(self) -> None:
        if self.source:
            self.source.append("\n")

    def paragraph(self, paragraph: object, **hints: object) -> None:
        builder = TextBuilder()
        self._sep()
        label = None
        numpr = _num_pr(paragraph)
        if numpr is not None:
            label = self.numbering.label(*numpr)
        if label:
            builder.add(label + " ", None)
        bold, total = _paragraph_text(paragraph, builder, self.source)
        if total == 0:
            return
        kind = hints.pop("kind", "paragraph")
        style_name = ""
        try:
            style_name = paragraph.style.name or ""
        except (KeyError, ValueError, AttributeError):
            pass
        if kind == "paragraph" and (style_name.startswith("Heading") or style_name == "Title"):
            kind = "heading"
        self.blocks.append(builder.build(kind=kind, bold=bold >= 0.8 * total, align=_alignment(paragraph),
                                         numbering=label, **hints))

    def table(self, table: object) -> None:
        """Emit one block per paragraph of each cell; the title block column by column."""
        self.table_no += 1
        table_no = self.table_no
        cells: list[tuple[int, int, object]] = []
        seen: list[object] = []  # the cell elements themselves (ids of dropped proxies could be reused)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                if any(cell._tc is s for s in seen):
                    continue  # a merged cell is returned once per grid column/row it spans
                seen.append(cell._tc)
                cells.append((r, c, cell))
        if self._is_title_block(table, cells):
            # issuer | quốc hiệu; số | place and date: the left column first, then the right one
            cells.sort(key=lambda rc: (rc[1], rc[0]))
        for r, c, cell in cells:
            self._cell(cell, table_no, r, c)

    def _is_title_block(self, table: object, cells: list) -> bool:
        """A small two-column table before any body paragraph: the title block of an official document."""
        columns = {c for _, c, _ in cells}
        return self.table_no == 0 and len(columns) == 2 and len(table.rows) <= 3 and len(self.blocks) <= 3

    def _cell(self, cell: object, table_no: int, r: int, c: int) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in cell._tc.iterchildren():
            if child.tag == f"{W}p":
                self.paragraph(Paragraph(child, cell), kind="table_cell", table=table_no, row=r, col=c)
            elif child.tag == f"{W}tbl":
                self.table(Table(child, cell))

    def walk(self) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        for child in body.iterchildren():
            if child.tag == f"{W}p":
                self.paragraph(Paragraph(child, self.document))
            elif child.tag == f"{W}tbl":
                self.table(Table(child, self.document))
            elif child.tag == f"{W}sdt":  # content controls wrap paragraphs and tables
                content = child.find(f"{W}sdtContent")
                for inner in (content.iterchildren() if content is not None else []):
                    if inner.tag == f"{W}p":
                        self.paragraph(Paragraph(inner, self.document))
                    elif inner.tag == f"{W}tbl":
                        self.table(Table(inner, self.document))


def _numbering_part(document: object) -> object | None:
    try:
        return document.part.numbering_part
    except (KeyError, NotImplementedError, AttributeError):
        return None


def read_docx(path: Path, data: bytes) -> Document:
    """Read a .docx file whose bytes are ``data`` into a Document (format 'docx')."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
        if "EncryptedPackage" in names or "EncryptionInfo" in names:
            raise ReadError("corrupt", fmt="DOCX", detail="the document is password-protected")
        document = docx.Document(BytesIO(data))
    except ReadError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError("corrupt", fmt="DOCX", detail=f"not a valid ZIP package: {exc}") from exc
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ReadError("corrupt", fmt="DOCX", detail=f"{type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # lxml XMLSyntaxError and friends: a damaged part
        raise ReadError("corrupt", fmt="DOCX", detail=f"{type(exc).__name__}: {exc}") from exc
    walker = _Walker(document)
    walker.walk()
    source = "".join(walker.source)
    return assemble(walker.blocks, path=str(path), fmt="docx", source_text=source)
