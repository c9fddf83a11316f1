"""OCR of scanned pages: key words read, doubtful number/date lines flagged, missing tesseract reported."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import ReadError
from pipeline.readers import read
from pipeline.readers.ocr import _doubtful

ROOT = Path(__file__).resolve().parents[1]
SCAN = next((ROOT / "corpus" / "scan").glob("*.pdf"))
REALDOCS = ROOT.parent / "shared" / "realdocs"
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
needs_realdocs = pytest.mark.skipif(not REALDOCS.is_dir(), reason="shared/realdocs is absent")


@needs_tesseract
def test_corpus_scan_reads_key_words():
    d = read(SCAN)
    assert d.format == "ocr" and d.ocr_pages == [1]
    for words in ["KẾ HOẠCH", "Số: 106/KH-LĐLĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ngày 24 tháng 6 năm 2021",
                  "MỤC ĐÍCH, YÊU CẦU", "chủ tịch công đoàn cơ sở"]:
        assert words in d.text
    # the title block comes out column by column
    texts = [b.text for b in d.blocks[:5]]
    assert texts.index("Số: 106/KH-LĐLĐ") < texts.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


@needs_tesseract
@needs_realdocs
def test_real_scan_handwritten_fields_uncertain():
    d = read(REALDOCS / "nq_115_cp_2026_SCAN_no_text_layer.pdf")
    assert 1 in d.ocr_pages
    for words in ["NGHỊ QUYẾT", "CHÍNH PHỦ", "/NQ-CP", "năm 2026", "Vườn quốc gia Ba Vì"]:
        assert words in d.text
    number = next(b for b in d.blocks if b.text.startswith("Số:"))
    assert number.uncertain and "/NQ-CP" in number.text
    date = next(b for b in d.blocks if "ngày" in b.text and b.text.startswith("Hà Nội"))
    assert date.uncertain
    assert "CÔNG BÁO" not in d.text


@pytest.mark.parametrize(("text", "words", "expected"), [
    # handwritten number read with low confidence
    ("Số: 445 /NQ-CP", [("Số:", 95), ("445", 60), ("/NQ-CP", 90)], True),
    # number missing altogether
    ("Số: /NQ-CP", [("Số:", 95), ("/NQ-CP", 90)], True),
    # garbage day
    ("Hà Nội, ngày @3 tháng !Ƒ năm 2026", [("Hà", 96), ("Nội,", 96), ("ngày", 96), ("@3", 90), ("tháng", 96),
                                             ("!Ƒ", 90), ("năm", 96), ("2026", 96)], True),
    # printed and read well
    ("Số: 106/KH-LĐLĐ", [("Số:", 95), ("106/KH-LĐLĐ", 93)], False),
    ("Căn cứ Luật Tổ chức", [("Căn", 95), ("cứ", 95), ("Luật", 95), ("Tổ", 90), ("chức", 92)], False),
    # low confidence overall
    ("ab cd", [("ab", 30), ("cd", 40)], True),
])
def test_doubtful_lines(text, words, expected):
    assert _doubtful(text, words) is expected


def test_missing_tesseract_is_a_read_error(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ReadError) as err:
        read(SCAN)
    assert err.value.code == "no_text" and "tesseract" in str(err.value)


def test_ocr_off_gives_no_text():
    with pytest.raises(ReadError) as err:
        read(SCAN, ocr=False)
    assert err.value.code == "no_text"
