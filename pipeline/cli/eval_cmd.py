"""``vanban eval GOLD_DIR DOCS_DIR...``: precision/recall/F1 per section against gold."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score extraction against gold annotations (spec/RECORDS.md rules)")
    p.add_argument("gold_dir", help="folder of gold records <name>.json")
    p.add_argument("docs_dirs", nargs="*", help="folders holding the documents <name>.txt|.md|.docx|.pdf")
    p.add_argument("--pred", help="score the predictions in this folder instead of extracting")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--per-doc", action="store_true", help="also show tp/fp/fn per document")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.evaluate import SECTIONS, evaluate_dirs
    from pipeline.extract import extract_file

    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        raise UsageError(f"gold folder not found: {gold_dir}")
    if not args.pred and not args.docs_dirs:
        raise UsageError("give the folders holding the documents, or --pred with predictions")

    def extract(path: Path) -> dict:
        record = extract_file(path)
        if hasattr(record, "contract"):
            return record.contract()
        print(f"warning: {record.error}", file=sys.stderr)
        return {}

    result, notes = evaluate_dirs(gold_dir, [Path(d) for d in args.docs_dirs],
                                  pred_dir=Path(args.pred) if args.pred else None, extract=extract)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        if not args.per_doc:
            result.pop("per_doc")
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"{'section':18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for section in SECTIONS:
        r = result[section]
        print(f"{section:18} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
              f"{r['tp']:4} {r['fp']:4} {r['fn']:4}")
    print("header fields:", ", ".join(f"{k} {v}" for k, v in result["header"].items() if v is not None))
    print(f"header accuracy: {result['header_accuracy']}")
    for name in ("reference_relation", "reference_date", "reference_issuer", "task_recall"):
        print(f"{name}: {result[name]}")
    if args.per_doc:
        for doc, sections in result["per_doc"].items():
            print(doc, " ".join(f"{s[:4]}={v[0]}/{v[1]}/{v[2]}" for s, v in sections.items()))
    return 0
