"""``vanban show ID|NUMBER [--json]``: one stored record with its citations resolved."""
from __future__ import annotations

import argparse
import json
import sys

from pipeline.cli.ingest_cmd import DB_HELP


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="print a stored record with what it cites and what cites it",
                       description="Show a document of the index by its id (from 'vanban search') or its "
                                   "number; citations are resolved to indexed documents by number and date.")
    p.add_argument("key", metavar="ID|NUMBER", help="index id, or a number such as 12-NQ/TW")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--json", action="store_true", help="print the record as JSON with 'index' and citations")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.index import citations, connect, document_info, find_documents, load_record

    conn = connect(args.db, create=False)
    try:
        ids = find_documents(conn, args.key)
        if not ids:
            print(f"vanban show: no document {args.key!r} in the index", file=sys.stderr)
            return 1
        items = []
        for doc_id in ids:
            data = load_record(conn, doc_id).contract()
            data["index"] = document_info(conn, doc_id)
            data.update(citations(conn, doc_id))
            items.append(data)
    finally:
        conn.close()
    if args.json:
        print(json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=1))
        return 0
    from pipeline.cli.render import summary
    from schemas.records import DirectiveRecord

    for data in items:
        info = data["index"]
        print(f"#{info['id']}  {info['path']}  (level: {info.get('level') or '?'})")
        record = DirectiveRecord.model_validate({k: v for k, v in data.items()
                                                 if k in DirectiveRecord.model_fields})
        print(summary(record))
        print("cites:")
        for c in data["cites"] or []:
            where = f"→ #{c['id']}" if c.get("id") else "(not indexed)"
            print(f"  {c['relation']:<11} {c.get('number') or c.get('title') or '?'}"
                  f"{' of ' + c['date'] if c.get('date') else ''} {where}")
        print("cited by:")
        for c in data["cited_by"] or []:
            print(f"  #{c['id']} {c.get('number') or '?'} {c['relation']}{' ' + c['date'] if c.get('date') else ''}")
        if len(items) > 1:
            print()
    return 0
