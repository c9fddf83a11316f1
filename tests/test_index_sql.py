"""SQL builders of the index, as strings and as behaviour on a real SQLite database."""
from __future__ import annotations

import sqlite3

from pipeline.index import sql


def test_quote_fts_doubles_quotes():
    assert sql.quote_fts('a"b') == '"a""b"'


def test_match_expression_single_term():
    assert sql.match_expression(folded_terms=["dong"]) == '{title_folded body_folded number_token} : ("dong")'


def test_match_expression_terms_and_phrase_boost():
    expr = sql.match_expression(folded_terms=["dong", "thap"])
    assert expr == ('({title_folded body_folded number_token} : ("dong" AND "thap")) OR '
                    '({title_folded body_folded number_token} : ("dong" + "thap"))')


def test_match_expression_accented_boost():
    expr = sql.match_expression(folded_terms=["dong"], accented_terms=["đồng"])
    assert expr.endswith('OR ({title body} : ("đồng"))')


def test_match_expression_phrase():
    expr = sql.match_expression(folded_terms=[], phrases=[["cong", "doan"]])
    assert expr == '{title_folded body_folded number_token} : ("cong" + "doan")'


def test_match_expression_empty():
    assert sql.match_expression(folded_terms=[]) == ""


def test_filter_clauses():
    where, params = sql.filter_clauses(doc_type="Kế hoạch", issuer_folded="dong_thap", year=2025,
                                       level="tỉnh", cites_folded="57nqtw")
    assert where == ["d.doc_type = ?", "d.issuer_folded LIKE ? ESCAPE '\\'", "d.year = ?", "d.level = ?",
                     "r.number_folded = ?"]
    assert params == ["Kế hoạch", "%dong\\_thap%", 2025, "tỉnh", "57nqtw"]


def test_search_sql_with_match_and_cites():
    statement, params = sql.search_sql(match="M", filters=(["d.year = ?"], [2025]), cites=True, limit=5)
    assert "FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid JOIN doc_references r" in statement
    assert "WHERE doc_fts MATCH ? AND d.year = ?" in statement
    assert "bm25(doc_fts, 10.0, 2.0, 5.0, 1.0, 20.0)" in statement
    assert statement.endswith("GROUP BY d.id ORDER BY score, d.date DESC, d.id LIMIT ? OFFSET ?")
    assert params == ["M", 2025, 5, 0]


def test_search_sql_filters_only():
    statement, params = sql.search_sql(match=None, filters=(["d.level = ?"], ["tỉnh"]), limit=3)
    assert "doc_fts" not in statement
    assert statement.endswith("WHERE d.level = ? ORDER BY d.date DESC, d.id LIMIT ? OFFSET ?")
    assert params == ["tỉnh", 3, 0]


def test_insert_sql_quotes_reserved_names():
    assert sql.insert_sql("milestones", ("start", "end")) == 'INSERT INTO milestones (start, "end") VALUES (?, ?)'


# ---------------------------------------------------------------- behaviour

def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    for statement in sql.schema_statements():
        conn.execute(statement)
    return conn


def _insert(conn, doc_id: int, *, title: str, body: str, title_f: str, body_f: str, token: str = "") -> None:
    conn.execute("INSERT INTO documents(id, path, sha256, title, body, title_folded, body_folded, number_token) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (doc_id, f"/d{doc_id}", f"h{doc_id}", title, body,
                                                     title_f, body_f, token))


def _ids(conn, match: str) -> list[int]:
    statement, params = sql.search_sql(match=match, limit=10)
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
    conn.execute("UPDATE documents SET body = 'x', body_folded = 'x' WHERE id = 1")
    assert _ids(conn, match) == []
    conn.execute("UPDATE documents SET body = 'Tháp', body_folded = 'thap' WHERE id = 1")
    assert _ids(conn, match) == [1]
    conn.execute("DELETE FROM documents WHERE id = 1")
    assert _ids(conn, match) == []
    conn.execute("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')")


def test_accented_boost_does_not_widen_results_and_ranks_exact_first():
    conn = _db()
    _insert(conn, 1, title="", body="quyet dinh so 5", title_f="", body_f="quyet dinh so 5")
    _insert(conn, 2, title="", body="Quyết định số 5", title_f="", body_f="quyet dinh so 5")
    _insert(conn, 3, title="", body="Quyết tâm", title_f="", body_f="quyet tam")
    match = sql.match_expression(folded_terms=["quyet", "dinh"], accented_terms=["quyết", "định"])
    assert _ids(conn, match) == [2, 1]


def test_number_token_is_one_token():
    conn = _db()
    _insert(conn, 1, title="", body="57-NQ/TW", title_f="", body_f="57_nq_tw")
    _insert(conn, 2, title="", body="57 NQ TW", title_f="", body_f="57 nq tw")
    assert _ids(conn, sql.match_expression(folded_terms=["57_nq_tw"])) == [1]
