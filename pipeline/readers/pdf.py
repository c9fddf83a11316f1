"""Reader for PDF files: born-digital text layers with pypdfium2, scans through OCR.

pypdfium2 gives the characters, their boxes and fonts at ~2 ms a page, so the
layout pass is done here on its output rather than with pdfplumber (≈45×
slower). Per page:

* running headers and footers (gazette "CÔNG BÁO/Số .../Ngày ..." lines, page
  numbers, "Ký bởi:" stamps, lines repeated at the same place on most pages) go;
* ruled tables are found from the page's thin path objects (a grid of rulings)
  and their characters become one ``table_cell`` block per cell;
* the title block at the top (issuer | quốc hiệu; số | place and date), two
  borderless columns, is found as a vertical white corridor through the top
  lines, and the left column comes out before the right one;
* the other lines are re-joined into paragraphs with the rules of the text
  reader (new item markers, terminal punctuation, case and bold changes,
  vertical gaps); a line is bold when ≥80% of its characters are in a Bold font.

A page with no usable text layer but an image goes to ``pipeline.readers.ocr``.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.readers.assemble import RawBlock, TextBuilder, assemble
from pipeline.readers.text import BANNER_LINES, LOWER_START, NEW_ITEM, RULE_LINE, TERMINAL
from schemas.document import Document

# a page whose text layer, running lines removed, is shorter than this and that holds an image is a scan
SCAN_MAX_CHARS = 200
# an image covering this share of the page makes it a scan candidate
SCAN_MIN_IMAGE_AREA = 0.15
# a ruling is a path object thinner than this (points)
RULING_THICKNESS = 2.5
# running lines live in this share of the page height at the top and at the bottom
MARGIN_BAND = 0.1
# gap between two characters on one line that splits it into segments (× the line's glyph height)
SEGMENT_GAP = 1.2
# the title-block corridor: at least this wide (points), inside the middle of the page
CORRIDOR_MIN = 6.0
HEADER_ZONE = 0.45  # the title block sits in the top share of page 1

_DIGITS = re.compile(r"\d+")
_GLUED_MARKER = re.compile(r"^\s*(?:[IVXLC]{1,5}|\d{1,3}(?:\.\d{1,3})*)\.(?=[A-ZĐÀ-ỸẠ-Ỹ])")
# a leading outline marker (I. / 1.2. / a) / - / +), left out of the bold count
_MARKER = re.compile(r"^\s*(?:[IVXLC]{1,5}[.)]|\d{1,3}(?:\.\d{1,3})*[.)]?|[a-zđ][.)]|[-+•])\s*")
_HYPHEN_END = re.compile(r"\w[-–]$")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass
class _Line:
    """One line (or one segment of a line) of characters on a page, in PDF points (y grows upwards)."""

    text: str
    offsets: list[int]
    x0: float
    x1: float
    bottom: float
    top: float
    bold: bool
    page: int
    uncertain: bool = False
    segments: list[_Line] = field(default_factory=list)

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


class _PageText:
    """Characters of one page with boxes and bold flags, read once through pdfium's C API."""

    def __init__(self, textpage: object, base: int) -> None:
        import pypdfium2.raw as pdfium_c

        self.text = textpage.get_text_range()
        n = len(self.text)
        self.base = base
        self.boxes: list[tuple[float, float, float, float] | None] = [None] * n
        self.bold = [False] * n
        raw = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        last_font = b""
        last_bold = False
        for i, ch in enumerate(self.text):
            if ch.isspace():
                continue
            if pdfium_c.FPDFText_GetCharBox(raw, i, ctypes.byref(left), ctypes.byref(right),
                                             ctypes.byref(bottom), ctypes.byref(top)):
                self.boxes[i] = (left.value, right.value, bottom.value, top.value)
            pdfium_c.FPDFText_GetFontInfo(raw, i, buf, 128, ctypes.byref(flags))
            name = buf.value
            if name != last_font:
                last_font = name
                last_bold = bool(_BOLD_FONT.search(name.decode("latin-1"))) or bool(flags.value & (1 << 18))
            self.bold[i] = last_bold

    def lines(self, page_no: int) -> list[_Line]:
        """pdfium's lines (split at its line ends), each with its box and bold flag."""
        out: list[_Line] = []
        start = 0
        text = self.text
        n = len(text)
        while start < n:
            end = text.find("\n", start)
            if end < 0:
                end = n
            stop = end - 1 if end > start and text[end - 1] == "\r" else end
            line = self._make(start, stop, page_no)
            if line is not None:
                out.append(line)
            start = end + 1
        return out

    def _make(self, start: int, stop: int, page_no: int, *, indices: list[int] | None = None) -> _Line | None:
        idx = indices if indices is not None else list(range(start, stop))
        boxes = [self.boxes[i] for i in idx if self.boxes[i] is not None]
        if not boxes:
            return None
        chars: list[str] = []
        offsets: list[int] = []
        prev = None
        heights = sorted(b[3] - b[2] for b in boxes)
        space_gap = 0.35 * max(heights[len(heights) // 2], 4.0)
        for i in idx:
            box = self.boxes[i]
            if box is not None and prev is not None and not chars[-1].isspace() and self.text[i].isalnum():
                # a tab or a positioned gap without a space character (a Word number and its text)
                if box[0] - self.boxes[prev][1] > space_gap:
                    chars.append(" ")
                    offsets.append(self.base + i)
            chars.append(self.text[i])
            offsets.append(self.base + i)
            if box is not None:
                prev = i
        text = "".join(chars)
        if not text.strip():
            return None
        glued = _GLUED_MARKER.match(text)
        if glued:  # "I.MỤC ĐÍCH": a Word number whose tab collapsed to nothing
            text = text[:glued.end()] + " " + text[glued.end():]
            offsets.insert(glued.end(), offsets[glued.end()])
        marker = _MARKER.match(text)
        skip = marker.end() if marker else 0  # auto numbers are drawn non-bold
        visible = [i for k, i in enumerate(idx) if self.boxes[i] is not None and k >= skip] or \
            [i for i in idx if self.boxes[i] is not None]
        bold = sum(self.bold[i] for i in visible) >= 0.8 * len(visible)
        return _Line(text=text, offsets=offsets,
                     x0=min(b[0] for b in boxes), x1=max(b[1] for b in boxes),
                     bottom=min(b[2] for b in boxes), top=max(b[3] for b in boxes), bold=bold, page=page_no)

    def segments(self, line: _Line) -> list[_Line]:
        """Split a line at wide horizontal gaps (side-by-side columns)."""
        local = [o - self.base for o in line.offsets]
        visible = [i for i in local if self.boxes[i] is not None]
        if len(visible) < 2:
            return [line]
        heights = sorted(self.boxes[i][3] - self.boxes[i][2] for i in visible)
        gap_limit = max(SEGMENT_GAP * heights[len(heights) // 2], 8.0)
        groups: list[list[int]] = [[]]
        prev = None
        for i in local:
            box = self.boxes[i]
            if box is not None and prev is not None and box[0] - self.boxes[prev][1] > gap_limit:
                groups.append([])
            groups[-1].append(i)
            if box is not None:
                prev = i
        if len(groups) == 1:
            return [line]
        parts = [self._make(0, 0, line.page, indices=g) for g in groups]
        return [p for p in parts if p is not None]


# ---------------------------------------------------------------- tables

@dataclass
class _Table:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom (descending y)
    vertical: list[tuple[float, float, float]]  # (x, bottom, top) of the vertical rulings
    horizontal: list[tuple[float, float, float]]  # (left, right, y) of the horizontal rulings

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.xs[-1], self.ys[-1], self.ys[0]

    def _ruled_x(self, x: float, y: float) -> bool:
        return any(abs(v[0] - x) <= 2 and v[1] - 2 <= y <= v[2] + 2 for v in self.vertical)

    def _ruled_y(self, y: float, x: float) -> bool:
        return any(abs(h[2] - y) <= 2 and h[0] - 2 <= x <= h[1] + 2 for h in self.horizontal)

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, col) of the cell holding point (x, y); a merged cell answers with its top-left slot."""
        x0, x1, y0, y1 = self.box
        if not (x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1):
            return None
        col = next((k for k in range(len(self.xs) - 1) if x < self.xs[k + 1]), len(self.xs) - 2)
        row = next((k for k in range(len(self.ys) - 1) if y > self.ys[k + 1]), len(self.ys) - 2)
        while col > 0 and not self._ruled_x(self.xs[col], y):
            col -= 1  # no ruling on the left: the cell spans the column before
        while row > 0 and not self._ruled_y(self.ys[row], x):
            row -= 1  # no ruling above: the cell spans the row above
        return row, col


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _find_tables(page: object) -> list[_Table]:
    """Ruled tables of a page, from its thin path objects (a grid of horizontal and vertical rulings)."""
    import pypdfium2.raw as pdfium_c

    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count > 5000:
        return []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom),
                                              ctypes.byref(right), ctypes.byref(top)):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        if h <= RULING_THICKNESS and w > 10:
            horizontal.append((left.value, right.value, (top.value + bottom.value) / 2))
        elif w <= RULING_THICKNESS and h > 6:
            vertical.append(((left.value + right.value) / 2, bottom.value, top.value))
    if len(vertical) < 3 or len(horizontal) < 2:
        return []
    # group the verticals into tables by overlapping vertical extent
    vertical.sort(key=lambda v: -v[2])
    groups: list[list[tuple[float, float, float]]] = []
    for v in vertical:
        for g in groups:
            g_bottom = min(x[1] for x in g)
            g_top = max(x[2] for x in g)
            if v[1] <= g_top + 2 and v[2] >= g_bottom - 2:
                g.append(v)
                break
        else:
            groups.append([v])
    tables = []
    for g in groups:
        xs = _cluster([v[0] for v in g])
        if len(xs) < 2:
            continue
        g_bottom, g_top = min(v[1] for v in g), max(v[2] for v in g)
        rules = [h for h in horizontal
                 if g_bottom - 2 <= h[2] <= g_top + 2 and h[1] >= xs[0] - 2 and h[0] <= xs[-1] + 2]
        ys = sorted(_cluster([h[2] for h in rules] + [g_bottom, g_top]), reverse=True)
        if len(ys) < 2:
            continue
        tables.append(_Table(xs=xs, ys=ys, vertical=g, horizontal=rules))
    return tables


# ---------------------------------------------------------------- running lines

def _running_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split())).lower()


_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,4}\s*[-–]?\s*$")


def _is_banner(text: str, *, in_margin: bool = True) -> bool:
    """A running line (gazette header, stamp, rule); a bare number only in the top/bottom margin."""
    if _PAGE_NUMBER.match(text):
        return in_margin
    return any(p.match(text) for p in BANNER_LINES) or bool(RULE_LINE.match(text)) or not text.strip(" _-–—.")


# ---------------------------------------------------------------- paragraphs

def _starts_new(prev: _Line, line: _Line, pitch: float, *, keep_uncertain: bool = False) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (rules of the text reader plus layout)."""
    text, last = line.text.strip(), prev.text.strip()
    if keep_uncertain and (line.uncertain or prev.uncertain):
        return True  # a doubtful OCR line stays a block of its own
    lower = LOWER_START.match(text) is not None
    if _HYPHEN_END.search(last) and not NEW_ITEM.match(text):
        return False
    if NEW_ITEM.match(text):
        return True
    if TERMINAL.search(last) and not lower:
        return True
    if _is_upper(text) != _is_upper(last) and not lower:
        return True
    if line.bold != prev.bold and not lower:
        return True
    if line.page == prev.page and prev.bottom - line.top > 1.2 * pitch and not lower:
        return True
    return False


def _paragraphs(lines: list[_Line], pitch: float, *, keep_uncertain: bool = False,
                **hints: object) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    current: TextBuilder | None = None
    members: list[_Line] = []

    def flush() -> None:
        nonlocal current, members
        if current is not None and members:
            bold = sum(m.bold for m in members) * 2 > len(members)
            blocks.append(current.build(kind="paragraph", bold=bold, page=members[0].page,
                                        uncertain=any(m.uncertain for m in members), **hints))
        current, members = None, []

    prev: _Line | None = None
    for line in lines:
        text = line.text.rstrip()
        if current is None or prev is None or _starts_new(prev, line, pitch, keep_uncertain=keep_uncertain):
            flush()
            current = TextBuilder()
        elif _HYPHEN_END.search(prev.text.strip()):
            pass  # a word or number broken at a hyphen: "52-" + "CT/TW"
        else:
            current.add(" ", None)
        lead = len(text) - len(text.lstrip())
        current.chars.append(text[lead:])
        current.offsets.extend(line.offsets[lead:len(text)])
        members.append(line)
        prev = line
    flush()
    return blocks


def _line_pitch(lines: list[_Line]) -> float:
    gaps = sorted(a.bottom - b.bottom for a, b in zip(lines, lines[1:], strict=False)
                  if a.page == b.page and 0 < a.bottom - b.bottom < 3 * a.height)
    return gaps[len(gaps) // 2] if gaps else 16.0


# ---------------------------------------------------------------- title block

def _title_block(lines: list[_Line], pages: _PageText | None, page_height: float,
                 page_width: float) -> tuple[list[_Line], list[_Line], list[_Line]] | None:
    """(left column, right column, remaining lines) when the page opens with a two-column title block."""
    top_lines = sorted((ln for ln in lines if ln.top > page_height * (1 - HEADER_ZONE)), key=lambda ln: -ln.top)
    if len(top_lines) < 2:
        return None
    lo, hi = page_width * 0.2, page_width * 0.8
    free = [(lo, hi)]  # x intervals no segment has crossed yet
    zone: list[_Line] = []
    for line in top_lines:
        segs = pages.segments(line) if pages is not None else [line]  # OCR lines come split already
        trial = free
        for seg in segs:
            trial = [piece for a, b in trial for piece in _subtract(a, b, seg.x0 - 2, seg.x1 + 2)]
        trial = [(a, b) for a, b in trial if b - a >= CORRIDOR_MIN]
        if not trial:
            break
        free = trial
        line.segments = segs
        zone.append(line)
    if len(zone) < 2:
        return None
    corridor = max(free, key=lambda ab: ab[1] - ab[0])
    split = (corridor[0] + corridor[1]) / 2
    left = [s for ln in zone for s in ln.segments if s.x1 <= split]
    right = [s for ln in zone for s in ln.segments if s.x0 >= split]
    if not left or not right:
        return None
    zone_ids = {id(ln) for ln in zone}
    rest = [ln for ln in lines if id(ln) not in zone_ids]
    return sorted(left, key=lambda s: -s.top), sorted(right, key=lambda s: -s.top), rest


def _subtract(a: float, b: float, x0: float, x1: float) -> list[tuple[float, float]]:
    if x1 <= a or x0 >= b:
        return [(a, b)]
    out = []
    if x0 > a:
        out.append((a, x0))
    if x1 < b:
        out.append((x1, b))
    return out


# ---------------------------------------------------------------- reader

def _open(data: bytes) -> object:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ReadError("encrypted") from exc
        raise ReadError("corrupt", fmt="PDF", detail=message.rstrip(".")) from exc


def _image_share(page: object, width: float, height: float) -> float:
    import pypdfium2.raw as pdfium_c

    share = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        if pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom),
                                          ctypes.byref(right), ctypes.byref(top)):
            share = max(share, (right.value - left.value) * (top.value - bottom.value) / (width * height))
    return share


def read_pdf(path: Path, data: bytes, *, ocr: bool = True) -> Document:
    """Read a PDF whose bytes are ``data``; pages without a text layer go through OCR when ``ocr``."""
    pdf = _open(data)
    try:
        return _read(pdf, path, ocr=ocr)
    finally:
        pdf.close()


def _read(pdf: object, path: Path, *, ocr: bool) -> Document:
    import pypdfium2 as pdfium

    page_count = len(pdf)
    source_parts: list[str] = []
    base = 0
    per_page: list[tuple[object, _PageText, list[_Line], float, float]] = []
    for page_no in range(page_count):
        try:
            page = pdf[page_no]
            textpage = page.get_textpage()
        except pdfium.PdfiumError as exc:
            raise ReadError("corrupt", fmt="PDF", detail=f"page {page_no + 1}: {exc}") from exc
        width, height = page.get_size()
        chars = _PageText(textpage, base)
        source_parts.append(chars.text)
        base += len(chars.text) + 1
        per_page.append((page, chars, chars.lines(page_no + 1), width, height))

    # running lines: patterns, plus lines repeated in the top/bottom band of most pages
    counts: dict[str, int] = {}
    for _, _, lines, _, height in per_page:
        for key in {_running_key(ln.text) for ln in lines
                    if ln.top > height * (1 - MARGIN_BAND) or ln.bottom < height * MARGIN_BAND}:
            counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if page_count >= 3 and n >= max(2, page_count // 2)}

    raw_blocks: list[RawBlock] = []
    ocr_pages: list[int] = []
    warnings: list[str] = []
    table_no = -1
    body: list[_Line] = []
    ocr_source: list[str] = []  # OCR text goes after the text layers in source_text

    def flush_body() -> None:
        nonlocal body
        if body:
            raw_blocks.extend(_paragraphs(body, _line_pitch(body)))
        body = []

    for page_no, (page, chars, lines, width, height) in enumerate(per_page, start=1):
        def in_margin(ln: _Line | object, height: float = height) -> bool:
            return ln.top > height * (1 - MARGIN_BAND) or ln.bottom < height * MARGIN_BAND

        kept = [ln for ln in lines if not _is_banner(ln.text.strip(), in_margin=in_margin(ln))
                and not (in_margin(ln) and _running_key(ln.text) in repeated)]
        if sum(len(ln.text.strip()) for ln in kept) < SCAN_MAX_CHARS and \
                _image_share(page, width, height) >= SCAN_MIN_IMAGE_AREA:
            if not ocr:
                warnings.append(f"page {page_no}: scanned page skipped (OCR off)")
                continue
            from pipeline.readers.ocr import ocr_page

            flush_body()
            ocr_lines = []
            for ol in ocr_page(page):
                if _is_banner(ol.text.strip(), in_margin=in_margin(ol)) or (
                        in_margin(ol) and _running_key(ol.text) in repeated):
                    continue
                start = base + sum(len(x) + 1 for x in ocr_source)
                ocr_source.append(ol.text)
                line = _Line(text=ol.text, offsets=list(range(start, start + len(ol.text))), x0=ol.x0, x1=ol.x1,
                             bottom=ol.bottom, top=ol.top, bold=False, page=page_no, uncertain=ol.uncertain)
                ocr_lines.append((ol.block, line))
            ocr_pages.append(page_no)
            ocr_text = _fold(" ".join(ln.text for _, ln in ocr_lines))
            # the text layer of a scan (an e-signature block) when the image does not show it
            extra = [ln for ln in kept if _fold(ln.text) not in ocr_text]
            if not raw_blocks:
                split = _title_block([ln for _, ln in ocr_lines], None, height, width)
                if split is not None:
                    left, right, rest = split
                    for column in (left, right):
                        raw_blocks.extend(_paragraphs(column, _line_pitch(column), keep_uncertain=True))
                    rest_ids = {id(ln) for ln in rest}
                    ocr_lines = [(k, ln) for k, ln in ocr_lines if id(ln) in rest_ids]
            for group in _ocr_groups(ocr_lines):
                raw_blocks.extend(_paragraphs(group, _line_pitch(group), keep_uncertain=True))
            if extra:
                raw_blocks.extend(_paragraphs(extra, _line_pitch(extra)))
            continue
        tables = _find_tables(page)
        table_lines: dict[int, list[_Line]] = {}
        if tables:
            kept, table_lines = _split_tables(kept, chars, tables)
        if not raw_blocks and not body:
            split = _title_block(kept, chars, height, width)
            if split is not None:
                left, right, kept = split
                for column in (left, right):
                    raw_blocks.extend(_paragraphs(column, _line_pitch(column)))
        # body lines and tables in top-to-bottom order
        items: list[tuple[float, int, object]] = [(-ln.top, 0, ln) for ln in kept]
        items += [(-t.box[3], 1, k) for k, t in enumerate(tables)]
        items.sort(key=lambda it: (it[0], it[1]))
        for _, is_table, item in items:
            if not is_table:
                body.append(item)
                continue
            flush_body()
            table_no += 1
            raw_blocks.extend(_table_blocks(table_lines.get(item, []), tables[item], table_no, page_no))
    flush_body()
    source = "\n".join(source_parts + ocr_source)
    return assemble(raw_blocks, path=str(path), fmt="ocr" if ocr_pages and len(ocr_pages) == page_count else "pdf",
                    source_text=source, pages=page_count, ocr_pages=ocr_pages, warnings=warnings)


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _ocr_groups(lines: list[tuple[int, _Line]]) -> list[list[_Line]]:
    """OCR lines grouped by tesseract paragraph."""
    groups: list[list[_Line]] = []
    last = None
    for key, ln in lines:
        if not groups or key != last:
            groups.append([])
            last = key
        groups[-1].append(ln)
    return groups


def _split_tables(lines: list[_Line], chars: _PageText,
                  tables: list[_Table]) -> tuple[list[_Line], dict[int, list[tuple[int, int, _Line]]]]:
    """Take the characters inside ruled tables out of the lines: (lines outside, cell pieces per table)."""
    outside: list[_Line] = []
    inside: dict[int, list[tuple[int, int, _Line]]] = {}
    for line in lines:
        cells: dict[tuple[int, int, int], list[int]] = {}
        rest: list[int] = []
        last_cell = None
        for off in line.offsets:
            i = off - chars.base
            box = chars.boxes[i]
            if box is None:
                # spaces belong with the character before them
                (cells[last_cell] if last_cell is not None else rest).append(i)
                continue
            x, y = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
            found = None
            for k, table in enumerate(tables):
                rc = table.cell_of(x, y)
                if rc is not None:
                    found = (k, *rc)
                    break
            if found is None:
                rest.append(i)
                last_cell = None
            else:
                cells.setdefault(found, []).append(i)
                last_cell = found
        if not cells:
            outside.append(line)
            continue
        piece = chars._make(0, 0, line.page, indices=rest) if rest else None
        if piece is not None:
            outside.append(piece)
        for (k, r, c), idx in cells.items():
            part = chars._make(0, 0, line.page, indices=idx)
            if part is not None:
                inside.setdefault(k, []).append((r, c, part))
    return outside, inside


def _table_blocks(pieces: list[tuple[int, int, _Line]], table: _Table, table_no: int,
                  page_no: int) -> list[RawBlock]:
    """One table_cell block per non-empty cell, row by row, the cell's lines re-joined."""
    by_cell: dict[tuple[int, int], list[_Line]] = {}
    for r, c, piece in pieces:
        by_cell.setdefault((r, c), []).append(piece)
    blocks = []
    for (r, c) in sorted(by_cell):
        cell_lines = sorted(by_cell[(r, c)], key=lambda ln: (-ln.top, ln.x0))
        builder = TextBuilder()
        for k, ln in enumerate(cell_lines):
            text = ln.text.strip()
            if not text:
                continue
            if len(builder) and not (k and _HYPHEN_END.search(cell_lines[k - 1].text.strip())):
                builder.add(" ", None)
            lead = len(ln.text) - len(ln.text.lstrip())
            builder.chars.append(text)
            builder.offsets.extend(ln.offsets[lead:lead + len(text)])
        if len(builder):
            bold = sum(ln.bold for ln in cell_lines) * 2 > len(cell_lines)
            blocks.append(builder.build(kind="table_cell", table=table_no, row=r, col=c, page=page_no, bold=bold))
    return blocks
