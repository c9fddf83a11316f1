"""The index database: connection, schema, one transaction per document, records back out.

The database is SQLite in WAL mode. Every write of a document (delete of its
old version, insert of the new one with its sections) is one transaction, so a
process killed at any moment leaves the index consistent: a document is either
fully there or not at all.
"""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.index import sql
from pipeline.index.levels import level_of
from pipeline.index.text import index_text, number_token
from pipeline.lang.fold import fold, fold_number
from schemas.document import Span
from schemas.records import (
    DirectiveRecord,
    Header,
    Milestone,
    Period,
    Reference,
    Responsibility,
    Signer,
    Target,
)

DEFAULT_DB = "vanban.db"
ENV_DB = "VANBAN_DB"


def default_db() -> Path:
    """The database used when none is given: ``$VANBAN_DB``, else ``./vanban.db``."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


def connect(db: str | Path | None = None, *, create: bool = True) -> sqlite3.Connection:
    """Open (and with ``create`` make) the index; raises ``UsageError`` if it is unusable."""
    path = Path(db) if db is not None else default_db()
    if not create and not path.is_file():
        raise UsageError(f"no index at {path} (run 'vanban ingest' first, or give --db)")
    if create and path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        for pragma in sql.PRAGMAS:
            conn.execute(pragma)
        if create:
            _ensure_schema(conn)
        else:
            conn.execute("SELECT 1 FROM documents LIMIT 1").fetchall()
            _ensure_schema(conn)  # an index of an older schema is migrated
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{path}: not a usable index ({exc})") from exc
    return conn


def _ensure_schema(conn: sqlite3.Connection) -> None:
    row = conn.execute("SELECT name FROM sqlite_master WHERE name = 'meta'").fetchone()
    if row is not None:
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version is not None and int(version[0]) != sql.SCHEMA_VERSION:
            _migrate(conn, int(version[0]))
            return
        if version is not None:
            return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in sql.schema_statements():
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                     (str(sql.SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    statements = sql.migration_statements(version)
    if not statements:
        raise UsageError(f"index schema {version} is not {sql.SCHEMA_VERSION}: rebuild the index")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(sql.SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _year(header: Header) -> int | None:
    if header.date and header.date[:4].isdigit():
        return int(header.date[:4])
    return None


def _span(item) -> tuple[int | None, int | None, str | None]:
    span = item.span
    return (span.start if span else None, span.end if span else None, item.section)


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def document_row(record: DirectiveRecord, *, path: str, sha256: str) -> tuple:
    """The ``documents`` row of a record, in ``sql.DOCUMENT_COLUMNS`` order."""
    h = record.header
    period = h.period or Period()
    values = {
        "path": path, "sha256": sha256, "doc_type": h.doc_type, "number": h.number,
        "number_folded": fold_number(h.number) or None,
        "issuer": h.issuer, "issuer_folded": fold(h.issuer) or None,
        "level": level_of(h.issuer, number=h.number), "place": h.place, "date": h.date, "year": _year(h),
        "title": h.title or "",
        "period_start": period.start, "period_end": period.end,
        "signer_name": h.signer.name, "signer_position": h.signer.position,
        "signer_authority": h.signer.authority,
        "recipients": _j(h.recipients), "uncertain": _j(h.uncertain), "warnings": _j(record.warnings),
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return tuple(values[c] for c in sql.DOCUMENT_COLUMNS)


def text_row(record: DirectiveRecord, doc_id: int, *, body: str, body_folded: str | None = None) -> tuple:
    """The ``doc_text`` row (the searchable texts) of a record, in ``sql.TEXT_COLUMNS`` order."""
    h = record.header
    values = {"id": doc_id, "title": h.title or "", "body": body, "title_folded": index_text(h.title),
              "body_folded": index_text(body) if body_folded is None else body_folded,
              "number_token": number_token(h.number)}
    return tuple(values[c] for c in sql.TEXT_COLUMNS)


def section_rows(record: DirectiveRecord, doc_id: int) -> dict[str, list[tuple]]:
    """Rows of the four section tables, keyed by section name."""
    rows: dict[str, list[tuple]] = {name: [] for name in sql.SECTION_TABLES}
    for i, r in enumerate(record.references):
        rows["references"].append((doc_id, i, r.doc_type, r.number, fold_number(r.number) or None, r.date,
                                   r.issuer, r.title, r.relation, r.mentions, *_span(r), record.header.date))
    for i, t in enumerate(record.targets):
        rows["targets"].append((doc_id, i, t.text, t.value, t.value_max, t.unit, t.comparator, t.subject,
                                t.frequency, t.year, *_span(t)))
    for i, m in enumerate(record.milestones):
        rows["milestones"].append((doc_id, i, m.text, m.kind, m.start, m.end, m.precision,
                                   _j(m.activities), *_span(m)))
    for i, p in enumerate(record.responsibilities):
        rows["responsibilities"].append((doc_id, i, p.actor, _j(p.tasks), p.role, _j(p.partners),
                                         p.deadline, *_span(p)))
    return rows


def write_document(conn: sqlite3.Connection, record: DirectiveRecord, *, path: str | Path, sha256: str,
                   body: str, body_folded: str | None = None) -> int:
    """Store one record (replacing any older version at the same path) in one transaction; its id.

    ``body_folded`` is ``index_text(body)`` when the caller has it already.
    """
    path = str(path)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(sql.delete_document_sql(), (path,))
        cursor = conn.execute(sql.insert_sql("documents", sql.DOCUMENT_COLUMNS),
                              document_row(record, path=path, sha256=sha256))
        doc_id = int(cursor.lastrowid)
        conn.execute(sql.insert_sql("doc_text", sql.TEXT_COLUMNS),
                     text_row(record, doc_id, body=body, body_folded=body_folded))
        for name, rows in section_rows(record, doc_id).items():
            if rows:
                table, columns = sql.SECTION_TABLES[name]
                conn.executemany(sql.insert_sql(table, columns), rows)
        conn.execute("DELETE FROM failures WHERE path = ?", (path,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return doc_id


def write_failure(conn: sqlite3.Connection, *, path: str | Path, sha256: str | None, code: str,
                  error: str) -> None:
    """Remember that a file could not be read (shown by ``ingest``; retried on the next run)."""
    conn.execute("INSERT OR REPLACE INTO failures(path, sha256, code, error, at) VALUES (?, ?, ?, ?, ?)",
                 (str(path), sha256, code, error, datetime.now(timezone.utc).isoformat(timespec="seconds")))


def known_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    """sha256 → path of every indexed document."""
    return {row[0]: row[1] for row in conn.execute("SELECT sha256, path FROM documents")}


def count_documents(conn: sqlite3.Connection) -> int:
    """How many documents the index holds."""
    return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


# ------------------------------------------------------------------ reading back

def _located(row: sqlite3.Row) -> dict:
    span = Span(start=row["span_start"], end=row["span_end"]) if row["span_start"] is not None else None
    return {"span": span, "section": row["section"]}


def load_record(conn: sqlite3.Connection, doc_id: int) -> DirectiveRecord | None:
    """The stored record of one document, as ``extract`` gave it (None if no such id)."""
    d = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if d is None:
        return None
    period = Period(start=d["period_start"], end=d["period_end"]) \
        if d["period_start"] or d["period_end"] else None
    header = Header(doc_type=d["doc_type"], number=d["number"], issuer=d["issuer"], place=d["place"],
                    date=d["date"], title=d["title"] or None, period=period,
                    signer=Signer(name=d["signer_name"], position=d["signer_position"],
                                  authority=d["signer_authority"]),
                    recipients=json.loads(d["recipients"]), uncertain=json.loads(d["uncertain"]))

    def rows(name: str) -> list[sqlite3.Row]:
        table, columns = sql.SECTION_TABLES[name]
        return conn.execute(sql.select_section_sql(table, columns),
                            (doc_id,)).fetchall()

    references = [Reference(doc_type=r["doc_type"], number=r["number"], date=r["date"], issuer=r["issuer"],
                            title=r["title"], relation=r["relation"], mentions=r["mentions"], **_located(r))
                  for r in rows("references")]
    targets = [Target(text=r["text"], value=_num(r["value"]), value_max=_num(r["value_max"]), unit=r["unit"],
                      comparator=r["comparator"], subject=r["subject"], frequency=r["frequency"],
                      year=r["year"], **_located(r)) for r in rows("targets")]
    milestones = [Milestone(text=r["text"], kind=r["kind"], start=r["start"], end=r["end"],
                            precision=r["precision"], activities=json.loads(r["activities"]), **_located(r))
                  for r in rows("milestones")]
    responsibilities = [Responsibility(actor=r["actor"], tasks=json.loads(r["tasks"]), role=r["role"],
                                       partners=json.loads(r["partners"]), deadline=r["deadline"],
                                       **_located(r)) for r in rows("responsibilities")]
    return DirectiveRecord(header=header, references=references, targets=targets, milestones=milestones,
                           responsibilities=responsibilities, source=d["path"], sha256=d["sha256"],
                           warnings=json.loads(d["warnings"]))


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def find_documents(conn: sqlite3.Connection, key: str) -> list[int]:
    """Ids of the documents an identifier names: an id, or a number compared folded."""
    key = key.strip()
    if key.isdigit():
        row = conn.execute("SELECT id FROM documents WHERE id = ?", (int(key),)).fetchone()
        if row is not None:
            return [int(row[0])]
    return [int(r[0]) for r in conn.execute(
        "SELECT id FROM documents WHERE number_folded = ? ORDER BY date, id", (fold_number(key),))]


def citations(conn: sqlite3.Connection, doc_id: int) -> dict[str, list[dict]]:
    """What a document cites (each reference with the indexed document it resolves to) and who cites it."""
    cites = []
    for r in conn.execute(sql.cites_sql(), (doc_id,)):
        item = {k: r[k] for k in ("number", "doc_type", "date", "issuer", "title", "relation", "mentions")}
        item["id"] = r["target_id"]
        if r["target_id"] is not None:
            t = conn.execute("SELECT path, title FROM documents WHERE id = ?", (r["target_id"],)).fetchone()
            item["path"] = t["path"]
        cites.append(item)
    cited_by = [{k: r[k] for k in r.keys()} for r in conn.execute(sql.cited_by_sql(), (doc_id,))]
    return {"cites": cites, "cited_by": cited_by}


def document_info(conn: sqlite3.Connection, doc_id: int) -> dict:
    """The index's own facts of a document: id, path, hash, level, ingestion time."""
    row = conn.execute("SELECT id, path, sha256, level, ingested_at FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    return dict(row) if row is not None else {}
