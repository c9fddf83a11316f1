"""The real scan with handwritten number and day: printed facts read, handwritten ones uncertain."""
from __future__ import annotations

import shutil

import pytest

from pipeline.extract import extract


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_scanned_resolution_header(realdocs):
    header = extract(realdocs / "nq_115_cp_2026_SCAN_no_text_layer.pdf").header
    assert header.doc_type == "Nghị quyết"
    assert header.issuer == "Chính phủ"
    assert header.year == 2026
    assert header.number is not None and header.number.endswith("/NQ-CP")
    assert "Vườn quốc gia" in (header.title or "")
    # the handwritten figures are not invented: reported as uncertain instead
    assert "number" in header.uncertain and header.number.startswith("…")
    assert header.date is None and "date" in header.uncertain
