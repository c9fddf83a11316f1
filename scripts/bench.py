"""Benchmarks of the pipeline's stages on this machine: ``.venv/bin/python scripts/bench.py``.

Each section is a function ``bench_<name>() -> list[str]`` returning report lines;
``main()`` runs every section present. Sections that need the real documents
(``../shared/realdocs``) skip them when the folder is absent.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REALDOCS = ROOT.parent / "shared" / "realdocs"
BORN_DIGITAL = ("qd_844_ttg_2026_khhd_thuc_hien_ct52_bhyt.pdf", "nq_105_cp_2026_ctrhd_thuc_hien_kl210.pdf")
SCAN = "nq_115_cp_2026_SCAN_no_text_layer.pdf"


def _cpu() -> float:
    return time.process_time()


def bench_readers() -> list[str]:
    """PDF pages/s (wall and per core), text reader docs/s, OCR s/page."""
    from pipeline.readers import read

    lines = [f"cores: {os.cpu_count()}"]
    pdfs = [REALDOCS / n for n in BORN_DIGITAL if (REALDOCS / n).is_file()] or \
        sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    for path in pdfs:
        read(path)  # warm-up: imports, caches
        wall, cpu = time.perf_counter(), _cpu()
        rounds = 3
        for _ in range(rounds):
            doc = read(path)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        pages = (doc.pages or 1) * rounds
        lines.append(f"pdf  {path.name}: {doc.pages} pages, {pages / wall:.1f} pages/s wall, "
                     f"{pages / max(cpu, 1e-9):.1f} pages/s per core")
    texts = sorted(p for p in REALDOCS.glob("*") if p.suffix in (".md", ".txt")) if REALDOCS.is_dir() else []
    texts = texts or sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    wall, cpu = time.perf_counter(), _cpu()
    size = 0
    for path in texts:
        size += len(read(path).text)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    lines.append(f"text {len(texts)} files ({size / 1e6:.1f} M chars): {len(texts) / wall:.1f} docs/s wall, "
                 f"{len(texts) / max(cpu, 1e-9):.1f} docs/s per core")
    lines.extend(_bench_ocr())
    return lines


def _bench_ocr() -> list[str]:
    import shutil

    import pypdfium2 as pdfium

    from pipeline.readers.ocr import DPI, ocr_page

    if shutil.which("tesseract") is None:
        return ["ocr  skipped: tesseract is not installed"]
    scan = REALDOCS / SCAN
    if not scan.is_file():
        scan = next((ROOT / "corpus" / "scan").glob("*.pdf"))
    pdf = pdfium.PdfDocument(str(scan))
    wall = time.perf_counter()
    lines = ocr_page(pdf[0])
    wall = time.perf_counter() - wall
    pdf.close()
    return [f"ocr  {scan.name} page 1 at {DPI} dpi: {wall:.2f} s/page ({len(lines)} lines, one thread)"]


def main() -> int:
    sections = [(name[len("bench_"):], fn) for name, fn in sorted(globals().items())
                if name.startswith("bench_") and callable(fn)]
    for name, fn in sections:
        print(f"== {name}")
        for line in fn():
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
