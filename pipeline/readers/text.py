"""Reader for plain text and Markdown/web exports.

Strips what web exports and gazette copies add around the document (emphasis
marks, escaped punctuation, table pipes, site banners, running page headers and
signature stamps), splits Markdown tables into cells, and re-joins lines that
were wrapped inside a paragraph, keeping real line structure (headings, list
items, header lines) as separate blocks.
"""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.lang.fold import fold
from pipeline.normalize.encoding import decode_bytes
from pipeline.readers.assemble import RawBlock, TextBuilder, assemble
from schemas.document import Document

# lines that belong to the web page or the gazette, not to the document
BANNER_LINES = [
    re.compile(r"^\s*\*?\s*(source|nguồn)\s*:\s*\S+", re.I),
    re.compile(r"^\s*https?://\S+\s*$", re.I),
    re.compile(r"^\s*CÔNG BÁO\s*/\s*Số\s*\d+.*$", re.I),
    re.compile(r"^\s*(Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email|Signed by)\s*:.*$", re.I),
    re.compile(r"^\s*\d{1,4}\s*$"),  # page numbers
    re.compile(r"^\s*(Trang|Page)\s+\d+(\s*/\s*\d+)?\s*$", re.I),
    re.compile(r"^\s*(Bản quyền|Copyright|©).*(thuvienphapluat|luatvietnam|TVPL).*$", re.I),
    re.compile(r"^\s*(Lưu trữ|Ghi chú|Ý kiến|Facebook|Email|In|Tải về)\s*$", re.I),
]
PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
YEAR_LINE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
RUNNING_HEADER = re.compile(r"^\s*CÔNG BÁO\s*/", re.I)
# a gazette table printed as lines: its header starts with a lone "TT"/"STT"; each row with a lone
# number, each group of rows with a lone Roman numeral
LINE_TABLE_HEADER = re.compile(r"^\s*S?TT\s*$")
LONE_ROMAN = re.compile(r"^\s*[IVXL]{1,5}\s*$")
# a row's number on the line of its task: "7  Đề án về ..."
ROW_NUMBER_WITH_TEXT = re.compile(r"^\s*(\d{1,3})\s+(?=[A-ZĐÀ-Ỹ])")
ROW_LINE_MAX = 70  # a footnote ("1 Nghị quyết số ...") runs the page's width; a task cell's line is narrower
# a cell line that ends where a number must follow ("Tháng" / "3/2026", "ngày" / "07/02/2026")
WRAPPED_BEFORE_NUMBER = re.compile(r"(?<!\w)(?:tháng|quý|ngày|năm|số)\s*$", re.IGNORECASE)
# a quarter wrapped before its numeral: "Quý" / "II/2026"
QUARTER_BEFORE_NUMERAL = re.compile(r"(?<!\w)quý\s*$", re.IGNORECASE)
QUARTER_NUMERAL = re.compile(r"^[IV]{1,3}\b")
LINE_TABLE_END = re.compile(r"^\W*(?:PHỤ\s+LỤC|Phụ\s+lục|Nơi nhận|Điều\s+\d|TM\.|KT\.)")
# a group heading or a numbered sub-row on the line of its text: "III Tiếp tục ...", "2.3 Thực hiện ..."
TABLE_ROW_WITH_TEXT = re.compile(r"^\s*(?:(?P<group>[IVXL]{1,5})|\d{1,3}\.\d{1,2}\.?)\s+(?=[A-ZĐÀ-Ỹ])")
MARKER_ONLY = re.compile(r"^\s*(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*$")
RULE_LINE = re.compile(r"^\s*[-_–—=~*.]{3,}\s*$|^\s*\*\s*\*\s*$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
EMPHASIS = re.compile(r"(?<!\S)\*(?!\S)|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[-.*_\\()\[\]#+!|>])")
HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
TRAILING_RULE = re.compile(r"\s*[-_–—]{4,}\s*$")

WORD_JOINER = re.compile(r"(?<=\w)_(?=\w)")
# blocks of a legal-database web page around the document (metadata panel, login and copyright notices)
SITE_METADATA = re.compile(
    r"^#?\s*(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|"
    r"Tình trạng|Lĩnh vực)\s*:", re.I)
SITE_TAIL = re.compile(
    r"(Bản dịch này thuộc quyền sở hữu|has the copyright on this translation|Cảm ơn đã dùng|Quý Thành viên|"
    r"Đang tải văn bản|Tài khoản hiện đã đủ người|Click vào phần bôi vàng|Lưu trữ, Sử dụng Thông tin Khách hàng|"
    r"Đăng nhập|Đăng xuất|Hiệu lực:\s*(Đã biết|Còn|Hết|Không)|NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN|FILE ĐƯỢC ĐÍNH KÈM)", re.I)
SITE_LISTING = re.compile(r"\b(năm|ngày)\s+\d{4}\b.*\b(do|của)\s*$")
# a line that opens an appendix: in a lone-pipe export it stands between two tables, not in a cell
EMPTY_EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})\s+\1$")
APPENDIX_TITLE = re.compile(r"^\W*PHỤ\s+LỤC(?:\s+[\dIVXLC]+)?\W*$")
MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|dang cong san viet nam")

# a line that starts a new paragraph whatever precedes it
NEW_ITEM = re.compile(
    r"^\s*(?:[-–+•*·▪○●]\s|[-–+•]\S|\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]\s?(?!\d)|[a-zđ][.)]\s|\(?[IVXLC]{1,5}[.)\-]\s|"
    r"(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|Điều|ĐIỀU)\s+[\dIVXLC]+\b|Căn cứ\b|Theo đề nghị\b|Nơi nhận\b|Kính gửi\b|"
    r"Số\s*[:.]?\s*\d|Số\s*:|CỘNG HÒA XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]|TM\.|KT\.|TL\.|TUQ\.|Q\.\s|\((?:Ban hành\s+)?[Kk]èm theo|[^\d,.;:]{2,40},\s*ngày\s+\d)")
TERMINAL = re.compile(r"[.:;!?]\s*[\"”’)]*\s*$|\./\.\s*$")
# a count wrapped after its label's colon ("VNPT:" / "25 trạm, ..."): the line runs on
COUNT_START = re.compile(r"^\d[\d.,]*\s+[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
# words a Roman numeral follows as a name's number ("khóa XVII", "Đại hội XIV"): a numeral wrapped onto the
# next line is no heading
ROMAN_AFTER = re.compile(r"(?<!\w)(?:khóa|khoá|đại hội|hội nghị trung ương)\s*$", re.IGNORECASE)
LOWER_START = re.compile(r"^\s*[\"“‘(]?[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _clean_line(line: str, start: int) -> TextBuilder:
    """Remove Markdown marks from one line, keeping offsets."""
    builder = TextBuilder()
    m = HEADING_MARK.match(line)
    pos = m.end() if m else 0
    for em in EMPHASIS.finditer(line, pos):
        if em.start() > pos:
            builder.add(line[pos:em.start()], start + pos)
        pos = em.end()
    builder.add(line[pos:], start + pos)
    return builder


def _split_cells(line: str, start: int) -> list[tuple[str, int]]:
    """The cells of a Markdown table row, with their offsets."""
    cells = []
    pos = 0
    parts = line.split("|")
    for i, part in enumerate(parts):
        if (i == 0 or i == len(parts) - 1) and not part.strip():
            pos += len(part) + 1
            continue
        cells.append((part, start + pos))
        pos += len(part) + 1
    return cells


def split_blocks(text: str) -> list[RawBlock]:
    """Turn the text of a TXT/Markdown export into raw blocks (paragraphs, lines, table cells)."""
    blocks: list[RawBlock] = []
    current: TextBuilder | None = None
    current_upper = False
    last_line = ""
    table_no = -1
    row_no = 0
    col_no = 0
    in_table = False
    seen_content = False
    blank_seen = False
    prev_bold_closed = False

    # a table printed as lines (gazette copies): its row numbers stand alone, like page numbers
    line_table = False
    next_row = 1
    after_group = False
    after_running_header = False

    # tables exported as cells between lone "|" lines: "|" closes a cell, "|" "|" closes a row
    pipe_mode = False
    prev_pipe = False
    cell = {"kind": "paragraph"}

    def flush() -> None:
        nonlocal current
        if current is not None and "".join(current.chars).strip():
            blocks.append(current.build(**cell))
        current = None

    offset = 0
    raw_lines = text.splitlines(keepends=True)
    for idx, raw_line in enumerate(raw_lines):
        start = offset
        offset += len(raw_line)
        line = raw_line.rstrip("\r\n")
        stripped = line.strip()
        if not seen_content and (stripped.startswith("# ") or HEADING_MARK.match(line)) and not blocks:
            continue  # a title line added by the website above the document itself
        if line_table and not after_running_header and not pipe_mode:
            # inside a table printed as lines, a lone number that continues the rows starts a row (a page
            # number follows the running header), and a lone Roman numeral starts a group of rows
            expected = (next_row, 1) if after_group else (next_row,)
            row_number = PAGE_NUMBER.match(line) and int(stripped) in expected
            row_with_text = ROW_NUMBER_WITH_TEXT.match(line)
            if row_with_text and int(row_with_text.group(1)) in expected and len(stripped) <= ROW_LINE_MAX:
                next_row, after_group = int(row_with_text.group(1)) + 1, False
                flush()  # "7  Đề án về ...": the row's number and the first line of its task
            elif row_number or LONE_ROMAN.match(line):
                flush()
                current = _clean_line(line, start)
                flush()
                if row_number:
                    next_row, after_group = int(stripped) + 1, False
                else:
                    after_group = True
                last_line, blank_seen = stripped, False
                continue
        # a lone number in a row that is no row number and no page number (which follows the running header,
        # or a page break before the header printed again) is a cell: the row's value ("28")
        value_cell = line_table and not pipe_mode and not after_running_header and PAGE_NUMBER.match(line) \
            and not _before_header(raw_lines, idx)
        table_row = TABLE_ROW_WITH_TEXT.match(line) if line_table and not pipe_mode else None
        table_break = table_row is not None
        if table_row:
            after_group = after_group or table_row.group("group") is not None
        if stripped:
            after_running_header = bool(RUNNING_HEADER.match(line))
        if any(p.match(line) for p in BANNER_LINES) and not (pipe_mode and PAGE_NUMBER.match(line)) \
                and not (line_table and YEAR_LINE.match(line)) and not value_cell:  # a year alone: the deadline
            continue
        if EMPTY_EMPHASIS.match(stripped):
            continue  # "** **": an empty bold run of the export, no content (and no end of a cell run)
        if stripped == "|":
            flush()
            if not pipe_mode:
                pipe_mode = True
                table_no += 1
                row_no, col_no = 0, 0
            elif prev_pipe:
                row_no, col_no = row_no + 1, 0
            else:
                col_no += 1
            cell = {"kind": "table_cell", "table": table_no, "row": row_no, "col": col_no}
            prev_pipe = True
            blank_seen = False
            continue
        if not stripped and pipe_mode and prev_pipe:
            pipe_mode = False
            cell = {"kind": "paragraph"}
        if pipe_mode and prev_pipe and APPENDIX_TITLE.match(stripped):
            flush()  # the table before ended; the appendix title and its lines stand outside any table
            pipe_mode = False
            cell = {"kind": "paragraph"}
        if stripped:
            prev_pipe = False
        if not stripped:
            # a blank line ends a paragraph, unless the next line continues it in lower case
            blank_seen = current is not None
            continue
        if TABLE_SEPARATOR.match(line) and "-" in line:
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            flush()
            if not in_table:
                table_no += 1
                row_no = 0
                in_table = True
            for col, (cell_text_raw, cell_start) in enumerate(_split_cells(line, start)):
                builder = _clean_line(cell_text_raw.replace("<br>", "  "), cell_start)
                cell_text = "".join(builder.chars)
                if cell_text.strip():
                    blocks.append(builder.build(kind="table_cell", table=table_no, row=row_no, col=col))
            row_no += 1
            seen_content = True
            blank_seen = False
            continue
        in_table = False
        if RULE_LINE.match(line):
            flush()
            blank_seen = False
            continue
        cleaned = _clean_line(TRAILING_RULE.sub("", line), start)
        ctext = "".join(cleaned.chars).strip()
        if not ctext:
            continue
        seen_content = True
        table_end = line_table and LINE_TABLE_END.match(ctext) is not None
        if table_end:
            line_table = False
        if LINE_TABLE_HEADER.match(ctext) and not pipe_mode:  # (a table of "|" lines has cells of its own)
            # a header (first or repeated at a page) may be followed by a new table's first row
            line_table, next_row, after_group = True, next_row if line_table else 1, True
        upper = _is_upper(ctext)
        bold_start = stripped.startswith("**")
        starts_new = (
            current is None
            or bold_start
            or prev_bold_closed
            or NEW_ITEM.match(ctext) is not None
            or (TERMINAL.search(last_line) is not None and not LOWER_START.match(ctext)
                and not (last_line.endswith(":") and COUNT_START.match(ctext)))
            or (upper != current_upper and not LOWER_START.match(ctext))
            or (blank_seen and not LOWER_START.match(ctext))
            or MOTTO.search(fold(last_line)) is not None
            or table_break
            or table_end
            # in a table printed as lines a cell starts in capitals; its wrapped lines run on in lower case
            or (line_table and not pipe_mode and not LOWER_START.match(ctext)
                and not (ctext[:1].isdigit() and WRAPPED_BEFORE_NUMBER.search(last_line)))
        )
        if current is not None and re.search(r"\w[-–]$", last_line) and not NEW_ITEM.match(ctext):
            starts_new = False  # a word or number broken at a hyphen: "52-" + "CT/TW"
            glue = ""
        else:
            glue = " "
        if current is not None and ROMAN_AFTER.search(last_line) and re.match(r"[IVXLC]{1,6}\b", ctext):
            starts_new = False  # "... Quốc hội khóa" / "XVII. Đồng chí ...": the numeral of a term, not a heading
        if current is not None and QUARTER_BEFORE_NUMERAL.search(last_line) and QUARTER_NUMERAL.match(ctext):
            starts_new = False  # "Quý" / "II/2026": a quarter wrapped before its numeral
            glue = " "
        if current is not None and MARKER_ONLY.match("".join(current.chars)):
            starts_new = False  # "III." alone on its line: the heading text is on the next line
            glue = " "
        if starts_new:
            flush()
            current = TextBuilder()
            current_upper = upper
        elif glue:
            current.add(glue, None)
        current.chars.extend(cleaned.chars)
        current.offsets.extend(cleaned.offsets)
        last_line = ctext
        blank_seen = False
        # a line wholly in bold (or closing a bold run) is a heading: what follows starts anew
        prev_bold_closed = stripped.endswith("**") and (bold_start or "**" not in stripped[:-2])
    flush()
    return blocks



def _before_header(lines: list[str], idx: int) -> bool:
    """Whether the next line with text after ``idx`` is a table header's first line ("TT") or a running header."""
    for line in lines[idx + 1:]:
        if line.strip():
            return bool(LINE_TABLE_HEADER.match(line) or RUNNING_HEADER.match(line))
    return True


CELL_MAX_CHARS = 2500  # a "cell" longer than this is body text that followed a table without a blank line
CELL_MAX_BLOCKS = 15


def demote_runaway_cells(blocks: list[RawBlock]) -> list[RawBlock]:
    """Turn cells that cannot be table cells (the whole body after a table) back into paragraphs."""
    sizes: dict[tuple, list[int]] = {}
    for b in blocks:
        if b.hints.get("kind") == "table_cell":
            key = (b.hints.get("table"), b.hints.get("row"), b.hints.get("col"))
            entry = sizes.setdefault(key, [0, 0])
            entry[0] += len(b.text)
            entry[1] += 1
    bad = {k for k, (chars, count) in sizes.items() if chars > CELL_MAX_CHARS or count > CELL_MAX_BLOCKS}
    if not bad:
        return blocks
    for b in blocks:
        key = (b.hints.get("table"), b.hints.get("row"), b.hints.get("col"))
        if b.hints.get("kind") == "table_cell" and key in bad:
            b.hints = {"kind": "paragraph"}
    return blocks


def crop_site_banners(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop a web page's panels before the document's title block and its notices after the document."""
    motto = next((i for i, b in enumerate(blocks) if MOTTO.search(fold(b.text))), None)
    if motto is None:
        return blocks
    before = blocks[:motto]
    if any(SITE_METADATA.match(b.text.strip()) or SITE_TAIL.search(b.text) for b in before):
        start = motto
        while start > 0 and motto - start < 3 and _is_upper(blocks[start - 1].text) \
                and len(blocks[start - 1].text) < 90 and not SITE_TAIL.search(blocks[start - 1].text):
            start -= 1
        blocks = blocks[start:]
        motto -= start
    for i in range(motto + 1, len(blocks)):
        if SITE_TAIL.search(blocks[i].text) or SITE_METADATA.match(blocks[i].text.strip()):
            if i > motto + 1 and SITE_LISTING.search(blocks[i - 1].text):
                i -= 1  # the title of a related document listed by the site
            return blocks[:i]
    return blocks


def read_text(path: Path, data: bytes) -> Document:
    """Read a TXT or Markdown file whose bytes are ``data``."""
    text, encoding = decode_bytes(data)
    if path.suffix.lower() == ".ws":
        # word-segmented corpus files join the syllables of a word with "_": give them back their spaces
        text = WORD_JOINER.sub(" ", text)
    blocks = crop_site_banners(demote_runaway_cells(split_blocks(text)))
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    return assemble(blocks, path=str(path), fmt=fmt, source_text=text, encoding=encoding)


def read_string(text: str) -> Document:
    """Read a document given as a string (tests, the library API)."""
    return assemble(crop_site_banners(demote_runaway_cells(split_blocks(text))), path=None, fmt="string", source_text=text)
