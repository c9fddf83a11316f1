#!/usr/bin/env python3
"""Score ``check`` on gold pairs, counted as spec/CROSSCHECK.md and the shared scorer count.

usage: eval_check.py [--shared ../shared] [--json]

For each ``gold/pairs/<superior>__<lower>.json`` the records are the gold
records (``gold/<name>.json``) and the texts the real documents
(``realdocs/<name>.*``); prints one line of scores per pair.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.crosscheck import check  # noqa: E402
from pipeline.crosscheck.evaluate import score_pair  # noqa: E402
from pipeline.crosscheck.resolve import RecordStore  # noqa: E402
from pipeline.readers import read  # noqa: E402


def _find(folder: Path, prefix: str, suffixes: tuple[str, ...]) -> Path | None:
    for path in sorted(folder.glob(f"{prefix}*")):
        if path.suffix in suffixes:
            return path
    return None


def evaluate_pair(pair_file: Path, shared: Path) -> dict:
    """The scores of one gold pair file."""
    sup_key, low_key = pair_file.stem.split("__")
    records, docs = {}, {}
    for key in (sup_key, low_key):
        record_file = _find(shared / "gold", key + "_", (".json",))
        if record_file is None:
            raise SystemExit(f"no gold record for {key}")
        records[key] = RecordStore.load(record_file).records[0]
        text_file = _find(shared / "realdocs", key + "_", (".md", ".txt"))
        docs[key] = read(text_file) if text_file else None
    report = check(records[low_key], records[sup_key], lower_doc=docs[low_key], superior_doc=docs[sup_key])
    return score_pair(json.loads(pair_file.read_text(encoding="utf-8")), report.contract())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    results = {p.stem: evaluate_pair(p, shared) for p in sorted((shared / "gold" / "pairs").glob("*.json"))}
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for name, r in results.items():
            print(f"{name}: accuracy {r['status_accuracy']}  missing F1 {r['missing']['f1']}  conflict F1 "
                  f"{r['conflict']['f1']}  coverage {r['coverage_predicted']} (gold {r['coverage_gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
