#!/usr/bin/env python3
"""Time ``check`` on the gold pair once both records are extracted (target: ≤ 2 s per pair).

usage: bench_check.py [--shared ../shared] [--repeat 5]
Reports the first call (underthesea and scikit-learn loaded) and the mean of the next ones.
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
from pipeline.readers import read  # noqa: E402

SUPERIOR = "cd_223_ttg_2025_ung_pho_lu_khanhhoa_daklak_gialai"
LOWER = "kh_0129_ubnd_daklak_2025_ho_tro_nhu_yeu_pham_mua_lu_cd223"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    lower = RecordStore.load(shared / "gold" / f"{LOWER}.json").records[0]
    superior = RecordStore.load(shared / "gold" / f"{SUPERIOR}.json").records[0]
    lower_doc, superior_doc = read(shared / "realdocs" / f"{LOWER}.md"), read(shared / "realdocs" / f"{SUPERIOR}.md")
    start = time.perf_counter()
    check(lower, superior, lower_doc=lower_doc, superior_doc=superior_doc)
    first = time.perf_counter() - start
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        check(lower, superior, lower_doc=lower_doc, superior_doc=superior_doc)
        times.append(time.perf_counter() - start)
    print(f"check: first call {first:.2f} s (models loaded), then {sum(times) / len(times):.3f} s per pair")
    return 0


if __name__ == "__main__":
    sys.exit(main())
