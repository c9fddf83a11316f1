"""``vanban extract FILE [--json]``: the record of one document."""
from __future__ import annotations

import argparse
import json
import sys

from pipeline.errors import ReadError, one_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract the record of one document (header, references, targets, "
                                       "milestones, responsibilities)")
    p.add_argument("file", help="a .txt, .md, .docx or .pdf file")
    p.add_argument("--json", action="store_true", help="print the record as JSON (spec/RECORDS.md)")
    p.add_argument("--no-segment", action="store_true", help="skip word segmentation (faster)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.extract import extract

    try:
        record = extract(args.file, segment=not args.no_segment)
    except ReadError as exc:
        print(one_line(args.file, exc), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(record.contract(), ensure_ascii=False, indent=1))
        return 0
    from pipeline.cli.render import summary

    print(summary(record))
    return 0
