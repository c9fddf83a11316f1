"""``vanban search QUERY [filters] [--json]``: full-text search of the index."""
from __future__ import annotations

import argparse
import json

from pipeline.cli.ingest_cmd import DB_HELP


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search", help="search the index (accents and đ optional; filters by type, issuer, year, level, cites)",
        description='Full-text search over titles and bodies. "dong thap" finds "Đồng Tháp"; an accented '
                    'query ranks exact spellings first; a document number such as 12-NQ/TW is one term; '
                    '"quoted words" must appear together. QUERY may be empty when a filter is given.')
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="words, numbers, \"phrases\"")
    p.add_argument("--type", dest="doc_type", metavar="T", help="document type: 'Kế hoạch', 'ke hoach' or 'KH'")
    p.add_argument("--issuer", metavar="I", help="words of the issuer's name (accents optional)")
    p.add_argument("--year", type=int, metavar="Y", help="year of issue")
    p.add_argument("--level", metavar="L", help="Trung ương / tỉnh / huyện / xã / cơ sở (accents optional)")
    p.add_argument("--cites", metavar="NUMBER", help="only documents that reference this number")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    p.add_argument("--json", action="store_true",
                   help="print a list of hits: number, doc_type, issuer, date, title, path, snippet")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.index import search

    hits = search(args.query, db=args.db, doc_type=args.doc_type, issuer=args.issuer, year=args.year,
                  level=args.level, cites=args.cites, limit=args.limit)
    if args.json:
        print(json.dumps([h.model_dump() for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("no document found")
        return 0
    for hit in hits:
        head = " · ".join(x for x in (hit.number, hit.doc_type, hit.issuer, hit.date) if x)
        print(f"#{hit.id}  {head or '(no header)'}")
        if hit.title:
            print(f"    {hit.title}")
        if hit.relation:
            print(f"    cites it: {hit.relation}" + (f" (dated {hit.ref_date})" if hit.ref_date else ""))
        if hit.snippet:
            print(f"    {hit.snippet}")
        print(f"    {hit.path}")
    return 0
