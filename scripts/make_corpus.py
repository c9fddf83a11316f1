"""Render corpus seeds as DOCX, PDF and an image-only scan PDF for the reader tests.

For each chosen seed with a header, builds a DOCX with python-docx whose title
block is a real two-column table (issuer | quốc hiệu; số | place and date), as
official documents are laid out, followed by the body paragraphs (headings bold,
``I.``/``1.`` headings and ``-``/``+`` items as Word automatic numbering). Each
DOCX is converted to PDF with LibreOffice headless (one profile per call), and
page 1 of one PDF is rasterised into an image-only PDF under corpus/scan/.

Deterministic and re-runnable: ``.venv/bin/python scripts/make_corpus.py``.
The tests read the committed outputs; LibreOffice is only needed here.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
GOLD = ROOT / "corpus" / "gold"
OUT_DOCX = ROOT / "corpus" / "docx"
OUT_PDF = ROOT / "corpus" / "pdf"
OUT_SCAN = ROOT / "corpus" / "scan"

# seeds rendered (prefix of the seed file name)
CHOSEN = ("002", "004", "001")
SCAN_SEED = "004"
SCAN_DPI = 200
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip entry time, for byte-stable DOCX files

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
TYPE_LINE = re.compile(r"^(KẾ HOẠCH|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|HƯỚNG DẪN|THÔNG BÁO|BÁO CÁO|"
                       r"ĐỀ ÁN|KẾT LUẬN|Chương trình \d+)\b")
NUMBER_LINE = re.compile(r"^Số\s*:")
DATE_LINE = re.compile(r",\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}\s*$")
ROMAN = re.compile(r"^([IVXLC]{1,5})\.\s+(.*)$")
ARABIC = re.compile(r"^(\d{1,2})\.\s+(.*)$")
BULLET = re.compile(r"^([-+])\s*(\S.*)$")
CONTINUATION = re.compile(r"^[\"“‘(]?[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        v = ROMAN_VALUES[ch]
        total += -v if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > v else v
    return total


def _split_seed(text: str) -> tuple[list[str], list[str]]:
    """(header lines before the type line, body lines from the type line on)."""
    lines = [line.strip() for line in text.splitlines()]
    for i, line in enumerate(lines):
        if TYPE_LINE.match(line):
            return [x for x in lines[:i] if x], lines[i:]
    return [], lines


class _Lists:
    """Adds Word numbering definitions to a python-docx document."""

    def __init__(self, document: object) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.parse_xml, self.nsdecls = parse_xml, nsdecls
        self.numbering = document.part.numbering_part.element
        self.next_abstract = 900
        self.next_num = 900

    def abstract(self, fmt: str, text: str) -> int:
        aid = self.next_abstract
        self.next_abstract += 1
        xml = (f'<w:abstractNum {self.nsdecls("w")} w:abstractNumId="{aid}">'
               f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
               f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
               f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>')
        element = self.parse_xml(xml)
        first_num = self.numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.numbering.append(element)
        return aid

    def num(self, aid: int, *, restart: bool) -> int:
        nid = self.next_num
        self.next_num += 1
        override = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else "")
        self.numbering.append(self.parse_xml(
            f'<w:num {self.nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
        return nid

    def apply(self, paragraph: object, nid: int) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(self.parse_xml(
            f'<w:numPr {self.nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))


def build_docx(seed: Path, out: Path) -> None:
    """Write the DOCX rendering of one seed."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    header, body = _split_seed(seed.read_text(encoding="utf-8"))
    gold = json.loads((GOLD / (seed.stem + ".json")).read_text(encoding="utf-8"))
    number = next((x for x in header if NUMBER_LINE.match(x)), None)
    place_date = next((x for x in header if DATE_LINE.search(x)), None)
    issuer = [x for x in header if x not in (number, place_date)]
    if not issuer and gold["header"].get("issuer"):
        issuer = [gold["header"]["issuer"].upper()]

    document = docx.Document()
    document.core_properties.author = "vanban corpus"
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(13)
    normal.paragraph_format.space_after = Pt(6)

    def cell_lines(cell: object, lines: list[tuple[str, bool, bool]]) -> None:
        first = True
        for text, bold, italic in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.bold = bold
            run.italic = italic

    # the title block: a borderless 2-column table
    rows = 2 if (number or place_date) else 1
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(6.5), Cm(9.5))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    cell_lines(table.cell(0, 0), [(x, True, False) for x in issuer])
    cell_lines(table.cell(0, 1), [(MOTTO[0], True, False), (MOTTO[1], True, False)])
    if rows == 2:
        cell_lines(table.cell(1, 0), [(number or "", False, False)])
        cell_lines(table.cell(1, 1), [(place_date or "", False, True)])

    lists = _Lists(document)
    roman_abs = lists.abstract("upperRoman", "%1.")
    roman_num = lists.num(roman_abs, restart=False)
    arabic_abs = lists.abstract("decimal", "%1.")
    dash_num = lists.num(lists.abstract("bullet", "-"), restart=False)
    plus_num = lists.num(lists.abstract("bullet", "+"), restart=False)
    roman_next = 1
    arabic_num, arabic_next = None, 1
    in_title = True
    # a seed line that goes on in lower case continues the paragraph above it (as the text reader reads it)
    joined: list[str] = []
    for line in body:
        if line and joined and joined[-1] and CONTINUATION.match(line) and not BULLET.match(line):
            joined[-1] += " " + line
        else:
            joined.append(line)
    for line in joined:
        if not line:
            continue
        m_roman, m_arabic, m_bullet = ROMAN.match(line), ARABIC.match(line), BULLET.match(line)
        p = document.add_paragraph()
        p.paragraph_format.first_line_indent = Cm(1)
        bold = False
        text = line
        if in_title and (TYPE_LINE.match(line) or len(line) < 200
                         and not re.search(r"[.:]$", line)):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = None
            bold = True
        else:
            in_title = False
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if not in_title and m_roman and _roman_value(m_roman.group(1)) == roman_next:
            lists.apply(p, roman_num)
            roman_next += 1
            arabic_num, arabic_next = None, 1
            text, bold = m_roman.group(2), True
        elif not in_title and m_arabic and int(m_arabic.group(1)) == arabic_next and len(line) < 160:
            if arabic_num is None:
                arabic_num = lists.num(arabic_abs, restart=True)
            lists.apply(p, arabic_num)
            arabic_next += 1
            text, bold = m_arabic.group(2), True
        elif not in_title and m_bullet:
            lists.apply(p, dash_num if m_bullet.group(1) == "-" else plus_num)
            text = m_bullet.group(2)
        elif not in_title and len(line) < 80 and line.endswith(":") is False and line.isupper():
            bold = True
        # the seeds mark some numbers **bold** (Markdown): keep the words, drop the marks
        for k, part in enumerate(re.split(r"\*\*", text)):
            if part:
                run = p.add_run(part)
                run.bold = bold or k % 2 == 1
    tmp = out.with_suffix(".tmp.docx")
    document.save(tmp)
    _normalise_zip(tmp, out)
    tmp.unlink()


def _normalise_zip(src: Path, dst: Path) -> None:
    """Rewrite a zip with fixed entry times and no volatile metadata, so reruns give equal bytes."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(entry, data)


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert one DOCX to PDF with LibreOffice headless, in a profile of its own."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to render the PDFs")
    with tempfile.TemporaryDirectory(prefix="vanban-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix="vanban-pdf-") as work:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", work, str(docx_path)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
        produced = Path(work) / (docx_path.stem + ".pdf")
        if not produced.is_file():
            raise SystemExit(f"LibreOffice produced no PDF for {docx_path}")
        target = out_dir / produced.name
        target.write_bytes(_strip_pdf_dates(produced.read_bytes()))
    return target


def _strip_pdf_dates(data: bytes) -> bytes:
    """Blank the creation date and document id that change on every run (same byte length)."""
    def blank(match: re.Match) -> bytes:
        return match.group(1) + b"0" * len(match.group(2)) + match.group(3)
    data = re.sub(rb"(/CreationDate\s*\(D:)([^)]*)(\))", blank, data)
    data = re.sub(rb"(/ModDate\s*\(D:)([^)]*)(\))", blank, data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>)", blank, data)
    data = re.sub(rb"(/ID\s*\[\s*<0+>\s*<)([0-9A-Fa-f]+)(>)", blank, data)
    return re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)()", blank, data)


def make_scan(pdf_path: Path, out: Path, *, page: int = 0, dpi: int = SCAN_DPI) -> None:
    """Rasterise one page of ``pdf_path`` and save it as an image-only PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    image = pdf[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    image.save(out, "PDF", resolution=dpi, creationDate=None)
    out.write_bytes(_strip_pdf_dates(out.read_bytes()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="only build the DOCX files")
    args = parser.parse_args(argv)
    for folder in (OUT_DOCX, OUT_PDF, OUT_SCAN):
        folder.mkdir(parents=True, exist_ok=True)
    for prefix in CHOSEN:
        seed = next(SEEDS.glob(f"{prefix}_*.txt"))
        out = OUT_DOCX / (seed.stem + ".docx")
        build_docx(seed, out)
        print(f"wrote {out.relative_to(ROOT)}")
        if not args.no_pdf:
            pdf = to_pdf(out, OUT_PDF)
            print(f"wrote {pdf.relative_to(ROOT)}")
    if not args.no_pdf:
        seed = next(SEEDS.glob(f"{SCAN_SEED}_*.txt"))
        scan = OUT_SCAN / (seed.stem + "_p1_scan.pdf")
        make_scan(OUT_PDF / (seed.stem + ".pdf"), scan)
        print(f"wrote {scan.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
