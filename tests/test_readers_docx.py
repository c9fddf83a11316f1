"""DOCX reader: body order, header table cells, bold, numbering, soft breaks, bad files."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pipeline.errors import ReadError
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
DOCX = sorted((ROOT / "corpus" / "docx").glob("*.docx"))


def _doc(name: str):
    return read(next(p for p in DOCX if p.name.startswith(name)))


def test_corpus_renderings_exist():
    assert len(DOCX) >= 3


def test_header_table_left_column_before_right():
    d = _doc("004")
    cells = [b for b in d.blocks if b.kind == "table_cell"]
    texts = [b.text for b in cells]
    assert texts[0].startswith("LIÊN ĐOÀN LAO ĐỘNG")
    assert texts[1] == "Số: 106/KH-LĐLĐ"
    assert texts[2] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert texts[-1].startswith("Huyện Dương Minh Châu, ngày 24")
    assert [b.col for b in cells] == [0, 0, 1, 1, 1]
    # each cell paragraph is its own block: nothing of the right column leaks into the left one
    assert not any("CỘNG HÒA" in t and "Số:" in t for t in texts)


def test_numbering_rebuilt_and_bold():
    d = _doc("002")
    by_text = {b.text: b for b in d.blocks}
    heading = by_text["I. MỤC ĐÍCH, YÊU CẦU"]
    assert heading.numbering == "I." and heading.bold
    assert by_text["II. NỘI DUNG VÀ TIẾN ĐỘ TRIỂN KHAI"].numbering == "II."
    sub = [b for b in d.blocks if b.numbering == "1."]
    assert len(sub) >= 2  # "1." restarts under each roman heading
    dashes = [b for b in d.blocks if b.numbering == "-"]
    assert dashes and all(b.text.startswith("- ") and not b.bold for b in dashes)
    assert any(b.numbering == "+" and b.text.startswith("+ ") for b in d.blocks)
    assert "\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Giúp" in d.text


def test_type_line_bold_centered_and_source_map():
    d = _doc("004")
    kh = next(b for b in d.blocks if b.text == "KẾ HOẠCH")
    assert kh.bold and kh.align == "center" and kh.kind == "paragraph"
    body = next(b for b in d.blocks if b.text.startswith("Thực hiện Kế hoạch số 242"))
    src = d.source_offset(body.span.start)
    assert d.source_text[src:src + 20] == body.text[:20]


def test_tables_in_place_soft_breaks_and_style_bold(tmp_path):
    document = docx.Document()
    document.add_paragraph("Đoạn mở đầu.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp hai ô"
    table.cell(0, 2).text = "Ô ba"
    table.cell(1, 0).text = "a"
    table.cell(1, 1).text = "b"
    table.cell(1, 2).text = "c"
    p = document.add_paragraph()
    p.add_run("dòng một")
    p.add_run().add_break()
    p.add_run("dòng hai")
    document.add_paragraph("Tiêu đề", style="Heading 1")  # bold from the style chain (run.bold is None)
    for i in range(6):  # keep the table from looking like a title block
        document.add_paragraph(f"Đoạn {i}.")
    path = tmp_path / "t.docx"
    document.save(path)
    d = read(path)
    kinds = [(b.kind, b.text) for b in d.blocks]
    assert kinds[0] == ("paragraph", "Đoạn mở đầu.")
    cells = [(b.row, b.col, b.text) for b in d.blocks if b.kind == "table_cell"]
    assert cells == [(0, 0, "Gộp hai ô"), (0, 2, "Ô ba"), (1, 0, "a"), (1, 1, "b"), (1, 2, "c")]
    assert kinds[6] == ("paragraph", "dòng một dòng hai")
    heading = d.blocks[7]
    assert heading.text == "Tiêu đề" and heading.bold and heading.kind == "heading"


@pytest.mark.parametrize("content", [b"PK\x03\x04garbage" * 10, b"\x00\x01\x02" * 100])
def test_corrupt_docx(tmp_path, content):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "corrupt" and "DOCX" in str(err.value)


def test_damaged_docx_part(tmp_path):
    import zipfile

    src = DOCX[0]
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(info.filename, data)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "corrupt"
