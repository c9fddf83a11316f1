"""PDF reader: title-block columns, bold lines, paragraphs, running lines, ruled tables, speed."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
PDFS = sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
REALDOCS = ROOT.parent / "shared" / "realdocs"
needs_realdocs = pytest.mark.skipif(not REALDOCS.is_dir(), reason="shared/realdocs is absent")


def _doc(name: str):
    return read(next(p for p in PDFS if p.name.startswith(name)))


def test_title_block_columns_not_interleaved():
    d = _doc("004")
    texts = [b.text for b in d.blocks[:6]]
    assert texts[:5] == ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU", "Số: 106/KH-LĐLĐ",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Huyện Dương Minh Châu, ngày 24 tháng 6 năm 2021"]
    assert texts[5] == "KẾ HOẠCH"


def test_bold_headings_and_numbers_with_space():
    d = _doc("002")
    by_text = {b.text: b for b in d.blocks}
    assert by_text["KẾ HOẠCH TRIỂN KHAI"].bold
    # Word's auto number is drawn non-bold and separated by a tab: still a bold heading "I. ..."
    assert by_text["I. MỤC ĐÍCH, YÊU CẦU"].bold
    assert not by_text["Số: 07 /KH-CDN"].bold
    assert any(b.text.startswith("- Giúp cán bộ công đoàn") and not b.bold for b in d.blocks)


def test_wrapped_lines_rejoined_across_lines_and_pages():
    d = _doc("002")
    long_blocks = [b for b in d.blocks if len(b.text) > 300]
    assert long_blocks, "wrapped paragraph lines should be joined into one block"
    assert all("\n" not in b.text for b in d.blocks)
    assert d.pages and d.pages > 1
    src = d.source_offset(long_blocks[0].span.start)
    assert d.source_text[src:src + 15] == long_blocks[0].text[:15]


@needs_realdocs
def test_gazette_running_lines_removed_and_header_split():
    d = read(REALDOCS / "qd_844_ttg_2026_khhd_thuc_hien_ct52_bhyt.pdf")
    assert "CÔNG BÁO" not in d.text
    assert [b.text for b in d.blocks[:2]] == ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 844/QĐ-TTg"]
    assert d.blocks[4].text == "Hà Nội, ngày 13 tháng 5 năm 2026"
    assert "Chỉ thị số 52-CT/TW" in d.text
    assert all(not b.text.strip().isdigit() for b in d.blocks)  # page numbers gone


@needs_realdocs
def test_ruled_task_table_cells():
    d = read(REALDOCS / "nq_105_cp_2026_ctrhd_thuc_hien_kl210.pdf")
    cells = [b for b in d.blocks if b.kind == "table_cell"]
    assert len(cells) > 100
    first = [b for b in cells if b.table == 0 and b.row == 0]
    assert [b.text for b in first] == ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                       "Cấp trình", "Sản phẩm", "Thời hạn hoàn thành"]
    assert all(b.bold for b in first)
    # a row-spanning section title is one cell, not cut at the column rulings it does not have
    assert any(b.col == 1 and b.text.startswith("Thực hiện hiệu quả công tác giáo dục chính trị, tư tưởng")
               for b in cells)
    assert any(b.text == "Quý III/2026" for b in cells)


@needs_realdocs
@pytest.mark.parametrize("name", ["qd_844_ttg_2026_khhd_thuc_hien_ct52_bhyt.pdf",
                                  "nq_105_cp_2026_ctrhd_thuc_hien_kl210.pdf"])
def test_speed_born_digital(name):
    path = REALDOCS / name
    read(path)  # warm up imports
    start = time.process_time()
    d = read(path)
    rate = d.pages / max(time.process_time() - start, 1e-6)
    assert rate >= 20, f"{rate:.1f} pages/s per core"
