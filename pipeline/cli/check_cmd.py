"""``vanban check LOWER [--against SUPERIOR | --db FILE] [--json] [--report OUT]``: cross-check a plan.

LOWER and SUPERIOR are documents (.txt, .md, .docx, .pdf) or record JSON files
(the output of ``vanban extract --json``). With ``--db`` the superiors are the
documents LOWER implements or is based on, found in the index by number and
date; each one found is checked in turn, each one missing is named.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="cross-check a lower plan against the superior document it implements")
    p.add_argument("lower", help="the lower plan: a document or a record JSON")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--against", metavar="SUPERIOR", help="the superior: a document or a record JSON")
    group.add_argument("--db", metavar="FILE",
                       help="an index (or a folder / JSON-lines file of records) to find the superiors in")
    p.add_argument("--json", action="store_true", help="print the report as JSON (spec/CROSSCHECK.md)")
    p.add_argument("--report", metavar="OUT", help="write a report: OUT.md, OUT.html or OUT.docx")
    p.add_argument("--matcher", choices=("tfidf", "fuzz"), default="tfidf", help="similarity (default tfidf)")
    p.add_argument("--no-segment", action="store_true", help="skip word segmentation (faster, less precise)")
    p.set_defaults(func=run)


def _load(path: str, *, segment: bool):
    """(record, document or None) of a document file or a record JSON."""
    from pipeline.readers import read

    file = Path(path)
    if file.suffix.lower() == ".json":
        from pipeline.crosscheck.resolve import RecordStore

        store = RecordStore.load(file)
        if not store.records:
            raise UsageError(f"{path}: no record in this JSON file")
        record = store.records[0]
        document = read(record.source) if record.source and Path(record.source).is_file() else None
        return record, document
    from pipeline.extract import extract_document

    document = read(file)
    return extract_document(document, segment=segment), document


def run(args: argparse.Namespace) -> int:
    from pipeline.crosscheck import check, get_matcher
    from pipeline.crosscheck.resolve import index_lookup, resolve_superiors

    segment = not args.no_segment
    lower, lower_doc = _load(args.lower, segment=segment)
    superiors = []
    if args.against:
        superiors.append(_load(args.against, segment=segment))
    else:
        resolutions = resolve_superiors(lower, index_lookup(args.db))
        if not resolutions:
            print(f"vanban check: {args.lower} cites no document it implements or is based on", file=sys.stderr)
            return 1
        for res in resolutions:
            print(res.message, file=sys.stderr)
            if res.record is not None:
                source = res.record.source
                document = None
                if source and Path(source).is_file():
                    from pipeline.readers import read

                    document = read(source)
                superiors.append((res.record, document))
        if not superiors:
            return 1
    options = {"segment": segment} if args.matcher == "tfidf" else {}
    reports = [check(lower, sup, lower_doc=lower_doc, superior_doc=sup_doc,
                     matcher=get_matcher(args.matcher, **options), segment=segment)
               for sup, sup_doc in superiors]
    if args.report:
        from pipeline.crosscheck.report import write_report

        out = Path(args.report)
        for n, report in enumerate(reports):
            target = out if len(reports) == 1 else out.with_name(f"{out.stem}_{n + 1}{out.suffix}")
            write_report(report, target)
            print(f"report written: {target}", file=sys.stderr)
    if args.json:
        if len(reports) == 1:
            print(json.dumps(reports[0].contract(), ensure_ascii=False, indent=1))
        else:  # one report per line, each in the shape of spec/CROSSCHECK.md
            for report in reports:
                print(json.dumps(report.contract(), ensure_ascii=False))
    elif not args.report:
        for report in reports:
            print(_text(report))
    return 0


def _text(report) -> str:
    s = report.summary
    lines = [f"{report.lower.number or '?'} against {report.superior.number or '?'} "
             f"(link: {report.link.relation or 'not cited'})",
             f"  coverage {s.coverage:.1%}: covered {s.covered}, partial {s.partial}, conflict {s.conflict}, "
             f"missing {s.missing}, not applicable {s.not_applicable}"]
    for item in report.items:
        indent = "      - " if item.part_of is not None else "  "
        lines.append(f"{indent}[{item.status}] {item.superior.text[:90]}")
        for f in item.findings:
            lines.append(f"      {f.code}: {f.message}")
    return "\n".join(lines)
