#!/usr/bin/env python3
"""Time ``check`` once both records are extracted (target: ≤ 2 s per pair).

usage: bench_check.py [--shared ../shared] [--repeat 5]
Reports, for the gold pair, the first call (underthesea and scikit-learn loaded) and the mean of
the next ones; then the same for the largest real pair (a national action plan of some 500
items and appendix tables against a city resolution), extracted from ../shared/realdocs first.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.crosscheck import check  # noqa: E402
from pipeline.crosscheck.resolve import RecordStore  # noqa: E402
from pipeline.extract import extract_document  # noqa: E402
from pipeline.readers import read  # noqa: E402

SUPERIOR = "cd_223_ttg_2025_ung_pho_lu_khanhhoa_daklak_gialai"
LOWER = "kh_0129_ubnd_daklak_2025_ho_tro_nhu_yeu_pham_mua_lu_cd223"
LARGE = ("qd_2530_ttg_2025_khhd_quoc_gia_o_nhiem_khong_khi.md", "nq_57_2025_hdnd_hanoi_vung_phat_thai_thap.md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    lower = RecordStore.load(shared / "gold" / f"{LOWER}.json").records[0]
    superior = RecordStore.load(shared / "gold" / f"{SUPERIOR}.json").records[0]
    lower_doc, superior_doc = read(shared / "realdocs" / f"{LOWER}.md"), read(shared / "realdocs" / f"{SUPERIOR}.md")
    _time("gold pair", lower, superior, lower_doc, superior_doc, args.repeat)
    sup_path, low_path = (shared / "realdocs" / name for name in LARGE)
    if sup_path.is_file() and low_path.is_file():
        superior_doc, lower_doc = read(sup_path), read(low_path)
        superior, lower = extract_document(superior_doc), extract_document(lower_doc)
        _time("largest pair", lower, superior, lower_doc, superior_doc, args.repeat)
    return 0


def _time(label: str, lower, superior, lower_doc, superior_doc, repeat: int) -> None:
    start = time.perf_counter()
    report = check(lower, superior, lower_doc=lower_doc, superior_doc=superior_doc)
    first = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check(lower, superior, lower_doc=lower_doc, superior_doc=superior_doc)
        times.append(time.perf_counter() - start)
    print(f"check, {label} ({len(report.items)} items): first call {first:.2f} s, "
          f"then {sum(times) / len(times):.3f} s per pair")


if __name__ == "__main__":
    sys.exit(main())
