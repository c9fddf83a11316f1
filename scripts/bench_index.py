"""Benchmark of the index: ingest rate on real documents, search latency on a large index.

    .venv/bin/python scripts/bench_index.py [--realdocs DIR] [--docs 100000] [--body-chars 3000]

1. ingests the text files of DIR, then every file of DIR, into fresh databases (wall time, files/s);
2. builds an index of --docs documents by replicating the ingested corpus under new numbers
   (bodies cut to --body-chars characters, 0 for whole bodies; the number is replaced in
   title and body), then times a fixed set of queries through ``pipeline.index.search``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.index import (  # noqa: E402
    connect,
    ingest,
    search,
    sql,  # noqa: E402
)
from pipeline.index.text import index_text, number_token  # noqa: E402
from pipeline.lang.fold import fold_number  # noqa: E402

TEXT_SUFFIXES = {".txt", ".md", ".ws"}
QUERIES = [
    dict(query="dong thap"), dict(query="Đồng Tháp"), dict(query="cong doan"), dict(query="quyet dinh"),
    dict(query="57-NQ/TW"), dict(query="chuyen doi so"), dict(query="ke hoach"), dict(query="Nghị quyết"),
    dict(query="ha tang giao thong"), dict(query="binh dang gioi"), dict(query='"kinh te so"'),
    dict(query="", cites="57-NQ/TW"), dict(query="", level="tinh", year=2025),
    dict(query="chuyen doi so", doc_type="KH", level="tinh"), dict(query="thanh toan khong dung tien mat"),
]


def bench_ingest(realdocs: Path, work: Path) -> dict:
    text_dir = work / "text"
    text_dir.mkdir()
    for f in sorted(realdocs.iterdir()):
        if f.suffix.lower() in TEXT_SUFFIXES:
            (text_dir / f.name).symlink_to(f)
    out = {}
    for name, source in (("text", text_dir), ("all", realdocs)):
        db = work / f"{name}.db"
        started = time.perf_counter()
        report = ingest([source], db=db)
        seconds = time.perf_counter() - started
        out[name] = {"files": report.files, "ingested": report.ingested, "failed": len(report.failed),
                     "seconds": round(seconds, 1), "files_per_s": round(report.files / seconds, 2)}
    return out


def build_large(source_db: Path, target_db: Path, *, docs: int, body_chars: int) -> float:
    started = time.perf_counter()
    connect(source_db).close()  # an index of an older schema is migrated on open
    src = sqlite3.connect(source_db)
    src.row_factory = sqlite3.Row
    rows = src.execute("SELECT d.*, t.body AS body FROM documents d JOIN doc_text t ON t.id = d.id "
                       "WHERE d.number IS NOT NULL").fetchall()
    refs = {r["id"]: src.execute("SELECT * FROM doc_references WHERE doc_id = ?", (r["id"],)).fetchall()
            for r in rows}
    conn = connect(target_db)
    conn.execute("PRAGMA synchronous=OFF")
    columns = [c for c in sql.DOCUMENT_COLUMNS]
    insert_doc = sql.insert_sql("documents", ["id", *columns])
    insert_text = sql.insert_sql("doc_text", sql.TEXT_COLUMNS)
    insert_ref = sql.insert_sql("doc_references", sql.REFERENCE_COLUMNS)
    prepared = []
    for r in rows:
        body = r["body"][:body_chars] if body_chars else r["body"]
        prepared.append((r, body, index_text(body), number_token(r["number"]), index_text(r["title"])))
    batch = 2000
    for start in range(0, docs, batch):
        conn.execute("BEGIN")
        doc_rows, text_rows, ref_rows = [], [], []
        for i in range(start, min(start + batch, docs)):
            r, body, folded, old_token, title_folded = prepared[i % len(prepared)]
            number = f"{100000 + i}/BENCH-{i % 97}"
            new_token = number_token(number)
            values = dict(r)
            values.update(id=i + 1, path=f"/bench/{i}", sha256=f"bench{i}", number=number,
                          number_folded=fold_number(number), number_token=new_token,
                          body=body.replace(r["number"], number), title_folded=title_folded,
                          body_folded=folded.replace(old_token, new_token) if old_token else folded)
            doc_rows.append(tuple(values[c] for c in ["id", *columns]))
            text_rows.append(tuple(values[c] for c in sql.TEXT_COLUMNS))
            for ref in refs[r["id"]]:
                ref_rows.append((i + 1, *[ref[c] for c in sql.REFERENCE_COLUMNS[1:]]))
        conn.executemany(insert_doc, doc_rows)
        conn.executemany(insert_text, text_rows)
        conn.executemany(insert_ref, ref_rows)
        conn.execute("COMMIT")
    conn.execute("INSERT INTO doc_fts(doc_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def bench_search(db: Path, *, rounds: int) -> dict:
    per_query: dict[str, list[float]] = {}
    for _ in range(rounds):
        for q in QUERIES:
            args = dict(q)
            started = time.perf_counter()
            hits = search(args.pop("query"), db=db, limit=10, **args)
            per_query.setdefault(json.dumps(q, ensure_ascii=False), []).append(
                (time.perf_counter() - started) * 1000)
            assert hits or q.get("query") == "binh dang gioi", q
    everything = sorted(t for ts in per_query.values() for t in ts)
    pct = statistics.quantiles(everything, n=100)
    return {"queries": len(everything), "p50_ms": round(pct[49], 1), "p95_ms": round(pct[94], 1),
            "max_ms": round(everything[-1], 1),
            "per_query_median_ms": {k: round(statistics.median(v), 1) for k, v in per_query.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realdocs", type=Path, default=ROOT.parent / "shared" / "realdocs")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--body-chars", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--skip-ingest", type=Path, help="reuse this index of realdocs instead of ingesting")
    parser.add_argument("--keep", type=Path, help="keep the work folder here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_index_"))
    try:
        result: dict = {}
        if args.skip_ingest:
            source = args.skip_ingest
        else:
            result["ingest"] = bench_ingest(args.realdocs, work)
            source = work / "all.db"
        large = work / "large.db"
        result["build_large"] = {"docs": args.docs, "body_chars": args.body_chars,
                                 "seconds": round(build_large(source, large, docs=args.docs,
                                                              body_chars=args.body_chars), 1),
                                 "mb": round(large.stat().st_size / 2 ** 20)}
        result["search"] = bench_search(large, rounds=args.rounds)
        print(json.dumps(result, ensure_ascii=False, indent=1))
    finally:
        if args.keep:
            shutil.move(str(work), args.keep)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
