"""SQL builders of the index, as strings and as behaviour on a real SQLite database."""
from __future__ import annotations

import re
import sqlite3

from pipeline.index import sql


def test_quote_fts_doubles_quotes():
    assert sql.quote_fts('a"b') == '"a""b"'


def test_match_expression_single_term():
    assert sql.match_expression(folded_terms=["dong"]) == '{title_folded body_folded number_token} : ("dong")'


def test_match_expression_terms_all_required():
    expr = sql.match_expression(folded_terms=["dong", "thap"])
    assert expr == '{title_folded body_folded number_token} : ("dong" AND "thap")'


def test_match_tiers_strictest_first():
    tiers = sql.match_tiers(folded_terms=["dong", "thap"], accented_words=["đồng", "tháp"])
    base = '{title_folded body_folded number_token} : ("dong" AND "thap")'
    assert tiers == [f'({base}) AND ({{title body}} : ("đồng" AND "tháp"))', base]


def test_match_tiers_single_folded_word_is_one_tier():
    assert sql.match_tiers(folded_terms=["dong"]) == [sql.match_expression(folded_terms=["dong"])]
    assert sql.match_tiers(folded_terms=[]) == []


def test_match_expression_phrase():
    expr = sql.match_expression(folded_terms=[], phrases=[["cong", "doan"]])
    assert expr == '{title_folded body_folded number_token} : ("cong" + "doan")'


def test_match_expression_empty():
    assert sql.match_expression(folded_terms=[]) == ""


def test_filter_clauses():
    where, params = sql.filter_clauses(doc_type="Kế hoạch", issuer_folded="dong_thap", year=2025, level="tỉnh")
    assert where == ["d.doc_type = ?", "d.issuer_folded LIKE ? ESCAPE '\\'", "d.year = ?", "d.level = ?"]
    assert params == ["Kế hoạch", "%dong\\_thap%", 2025, "tỉnh"]


def test_tier_sql_ranks_a_window_of_matches():
    statement, params = sql.tier_sql("M", filters=(["d.year = ?"], [2025]), cites_folded="57nqtw",
                                     window=100, limit=5)
    assert "FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid" in statement
    assert ("WHERE doc_fts MATCH ? AND d.year = ? AND d.id IN (SELECT doc_id FROM doc_references "
            "WHERE number_folded = ?) ORDER BY doc_fts.rowid DESC LIMIT ?") in statement
    assert "bm25(doc_fts, 10.0, 2.0, 5.0, 1.0, 20.0)" in statement
    assert statement.endswith("ORDER BY score, date DESC, id DESC LIMIT ?")
    assert params == ["M", 2025, "57nqtw", 100, 5]


def test_listing_sql_with_cites_leads_with_the_references():
    statement, params = sql.listing_sql(filters=(["d.level = ?"], ["tỉnh"]), cites_folded="57nqtw", limit=3)
    assert statement.startswith("SELECT DISTINCT r.doc_id AS id")
    assert "WHERE r.number_folded = ? AND d.level = ? ORDER BY r.doc_date DESC" in statement
    assert params == ["57nqtw", "tỉnh", 3, 0]


def test_listing_sql_filters_only():
    statement, params = sql.listing_sql(filters=(["d.level = ?"], ["tỉnh"]), limit=3)
    assert "doc_fts" not in statement
    assert statement.endswith("WHERE d.level = ? ORDER BY d.date DESC, d.id DESC LIMIT ? OFFSET ?")
    assert params == ["tỉnh", 3, 0]


def test_hits_sql_with_cites_takes_the_first_reference():
    statement = sql.hits_sql(2, cites=True)
    assert statement.endswith("WHERE d.id IN (?, ?)")
    assert "x.number_folded = ? ORDER BY x.ord LIMIT 1" in statement


def test_insert_sql_quotes_reserved_names():
    assert sql.insert_sql("milestones", ("start", "end")) == 'INSERT INTO milestones (start, "end") VALUES (?, ?)'


# ---------------------------------------------------------------- behaviour

def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys=ON")
    for statement in sql.schema_statements():
        conn.execute(statement)
    return conn


def _insert(conn, doc_id: int, *, title: str, body: str, title_f: str, body_f: str, token: str = "") -> None:
    conn.execute("INSERT INTO documents(id, path, sha256, title) VALUES (?, ?, ?, ?)",
                 (doc_id, f"/d{doc_id}", f"h{doc_id}", title))
    conn.execute("INSERT INTO doc_text(id, title, body, title_folded, body_folded, number_token) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (doc_id, title, body, title_f, body_f, token))


def _ids(conn, match: str, *, window: int = 100) -> list[int]:
    statement, params = sql.tier_sql(match, window=window, limit=10)
    return [row[0] for row in conn.execute(statement, params)]


def test_schema_is_idempotent():
    conn = _db()
    for statement in sql.schema_statements():
        conn.execute(statement)


def test_triggers_keep_fts_in_step():
    conn = _db()
    _insert(conn, 1, title="A", body="Đồng Tháp", title_f="a", body_f="dong thap")
    match = sql.match_expression(folded_terms=["thap"])
    assert _ids(conn, match) == [1]
    conn.execute("UPDATE doc_text SET body = 'x', body_folded = 'x' WHERE id = 1")
    assert _ids(conn, match) == []
    conn.execute("UPDATE doc_text SET body = 'Tháp', body_folded = 'thap' WHERE id = 1")
    assert _ids(conn, match) == [1]
    conn.execute("DELETE FROM documents WHERE id = 1")  # the texts go by cascade, the FTS rows by trigger
    assert conn.execute("SELECT count(*) FROM doc_text").fetchone()[0] == 0
    assert _ids(conn, match) == []
    conn.execute("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')")


def test_accented_tier_is_exact_and_never_wider():
    conn = _db()
    _insert(conn, 1, title="", body="quyet dinh so 5", title_f="", body_f="quyet dinh so 5")
    _insert(conn, 2, title="", body="Quyết định số 5", title_f="", body_f="quyet dinh so 5")
    _insert(conn, 3, title="", body="Quyết tâm", title_f="", body_f="quyet tam")
    tiers = sql.match_tiers(folded_terms=["quyet", "dinh"], accented_words=["quyết", "định"])
    assert [_ids(conn, t) for t in tiers] == [[2], [2, 1]]


def test_rank_window_bounds_the_ranked_matches():
    conn = _db()
    for i in range(1, 6):
        _insert(conn, i, title="", body="x", title_f="", body_f="cong doan " * i)
    match = sql.match_expression(folded_terms=["cong"])
    assert sorted(_ids(conn, match, window=2)) == [4, 5]  # only the newest two are ranked
    assert len(_ids(conn, match)) == 5


def test_number_token_is_one_token():
    conn = _db()
    _insert(conn, 1, title="", body="57-NQ/TW", title_f="", body_f="57_nq_tw")
    _insert(conn, 2, title="", body="57 NQ TW", title_f="", body_f="57 nq tw")
    assert _ids(conn, sql.match_expression(folded_terms=["57_nq_tw"])) == [1]


# an index written by schema 1 (texts inside 'documents'), as the first release made it
_V1_DOCUMENTS = """CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
    doc_type TEXT, number TEXT, number_folded TEXT, number_token TEXT, issuer TEXT, issuer_folded TEXT,
    level TEXT, place TEXT, date TEXT, year INTEGER, title TEXT, title_folded TEXT,
    period_start TEXT, period_end TEXT, signer_name TEXT, signer_position TEXT, signer_authority TEXT,
    recipients TEXT NOT NULL DEFAULT '[]', uncertain TEXT NOT NULL DEFAULT '[]',
    warnings TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL DEFAULT '', body_folded TEXT NOT NULL DEFAULT '',
    ingested_at TEXT)"""


def test_schema_1_index_is_migrated_on_open(tmp_path):
    from pipeline.index import search
    from pipeline.index.store import connect

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute(_V1_DOCUMENTS)
    for statement in sql.SCHEMA[3:]:
        if not any(k in statement for k in ("doc_text", "ON documents(", "doc_fts", "TABLE IF NOT EXISTS documents",
                                            "doc_references_number")):
            conn.execute(re.sub(r",\s*doc_date TEXT[^\n]*", "", statement))
    conn.execute("CREATE INDEX documents_year ON documents(year)")
    conn.execute("CREATE INDEX doc_references_number ON doc_references(number_folded)")
    conn.execute("CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, title_folded, body_folded, number_token, "
                 f"content='documents', content_rowid='id', tokenize=\"{sql.TOKENIZER}\")")
    conn.execute("CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN INSERT INTO doc_fts(rowid, title, "
                 "body, title_folded, body_folded, number_token) VALUES (new.id, new.title, new.body, "
                 "new.title_folded, new.body_folded, new.number_token); END")
    conn.execute("INSERT INTO documents(path, sha256, number, number_folded, number_token, title, title_folded, "
                 "body, body_folded, year, date) VALUES ('/x.txt', 'h', '12/KH-UBND', '12khubnd', '12_kh_ubnd', "
                 "'Kế hoạch', 'ke hoach', 'Tỉnh Đồng Tháp', 'tinh dong thap', 2025, '2025-01-02')")
    conn.execute("INSERT INTO doc_references(doc_id, ord, number, number_folded, relation) "
                 "VALUES (1, 0, '57-NQ/TW', '57nqtw', 'based_on')")
    conn.commit()
    conn.close()

    conn = connect(db, create=False)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(sql.SCHEMA_VERSION)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    assert "body" not in columns and "number_folded" in columns
    conn.close()
    hits = search("dong thap", db=db)
    assert [h.number for h in hits] == ["12/KH-UBND"]
    assert "[Đồng] [Tháp]" in hits[0].snippet
    assert [h.number for h in search("12/KH-UBND", db=db)] == ["12/KH-UBND"]
    assert [(h.number, h.relation) for h in search("", cites="57-NQ/TW", db=db)] == [("12/KH-UBND", "based_on")]
