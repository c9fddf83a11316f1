"""Pure SQL builders of the directive index: strings in, strings (and parameters) out.

Nothing here touches a database, so every statement can be tested as a string
and, on an in-memory database, as behaviour. The full-text table is FTS5 with
external content (the ``documents`` table) kept in step by triggers.

Search never relies on SQLite to fold Vietnamese: ``remove_diacritics`` folds
tones but never đ→d. Each searchable text therefore has a folded shadow column
(``title_folded``, ``body_folded``, ``number_token``) filled by
``pipeline.index.text``; queries are folded the same way. The accented columns
are indexed too (without diacritic removal) so that an accented query gives
extra weight to exact spellings.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

SCHEMA_VERSION = 1

# FTS columns, in order; weights of bm25() follow the same order.
FTS_COLUMNS = ("title", "body", "title_folded", "body_folded", "number_token")
# title outranks body; exact (accented) columns outrank folded ones; the own number outranks all
BM25_WEIGHTS = (10.0, 2.0, 5.0, 1.0, 20.0)
FOLDED_COLUMNS = ("title_folded", "body_folded", "number_token")
ACCENTED_COLUMNS = ("title", "body")
# '_' joins the parts of a document number into one token ("57_nq_tw")
TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '_'"

DOCUMENT_COLUMNS = (
    "path", "sha256", "doc_type", "number", "number_folded", "number_token", "issuer", "issuer_folded",
    "level", "place", "date", "year", "title", "title_folded", "period_start", "period_end",
    "signer_name", "signer_position", "signer_authority", "recipients", "uncertain", "warnings",
    "body", "body_folded", "ingested_at",
)
REFERENCE_COLUMNS = ("doc_id", "ord", "doc_type", "number", "number_folded", "date", "issuer", "title",
                     "relation", "mentions", "span_start", "span_end", "section")
TARGET_COLUMNS = ("doc_id", "ord", "text", "value", "value_max", "unit", "comparator", "subject",
                  "frequency", "year", "span_start", "span_end", "section")
MILESTONE_COLUMNS = ("doc_id", "ord", "text", "kind", "start", "end", "precision", "activities",
                     "span_start", "span_end", "section")
RESPONSIBILITY_COLUMNS = ("doc_id", "ord", "actor", "tasks", "role", "partners", "deadline",
                          "span_start", "span_end", "section")
SECTION_TABLES = {
    "references": ("doc_references", REFERENCE_COLUMNS),
    "targets": ("targets", TARGET_COLUMNS),
    "milestones": ("milestones", MILESTONE_COLUMNS),
    "responsibilities": ("responsibilities", RESPONSIBILITY_COLUMNS),
}

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
)

_SPAN = "span_start INTEGER, span_end INTEGER, section TEXT"

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- ids are never reused: 'vanban show ID' stays valid
        path TEXT NOT NULL UNIQUE,          -- source file, absolute
        sha256 TEXT NOT NULL,               -- hash of the file's bytes
        doc_type TEXT, number TEXT,
        number_folded TEXT,                 -- fold_number(number): '57nqtw'
        number_token TEXT,                  -- the number as one FTS token: '57_nq_tw'
        issuer TEXT, issuer_folded TEXT,
        level TEXT,                         -- Trung ương / tỉnh / huyện / xã / cơ sở
        place TEXT, date TEXT, year INTEGER,
        title TEXT, title_folded TEXT,
        period_start TEXT, period_end TEXT,
        signer_name TEXT, signer_position TEXT, signer_authority TEXT,
        recipients TEXT NOT NULL DEFAULT '[]',   -- JSON list
        uncertain TEXT NOT NULL DEFAULT '[]',    -- JSON list
        warnings TEXT NOT NULL DEFAULT '[]',     -- JSON list
        body TEXT NOT NULL DEFAULT '',           -- Document.text
        body_folded TEXT NOT NULL DEFAULT '',
        ingested_at TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256)",
    "CREATE INDEX IF NOT EXISTS documents_number ON documents(number_folded)",
    "CREATE INDEX IF NOT EXISTS documents_year ON documents(year)",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date)",
    "CREATE INDEX IF NOT EXISTS documents_level ON documents(level)",
    f"""CREATE TABLE IF NOT EXISTS doc_references (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        doc_type TEXT, number TEXT, number_folded TEXT, date TEXT, issuer TEXT, title TEXT,
        relation TEXT NOT NULL, mentions INTEGER NOT NULL DEFAULT 1, {_SPAN}
    )""",
    "CREATE INDEX IF NOT EXISTS doc_references_doc ON doc_references(doc_id)",
    "CREATE INDEX IF NOT EXISTS doc_references_number ON doc_references(number_folded)",
    f"""CREATE TABLE IF NOT EXISTS targets (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL, value REAL, value_max REAL, unit TEXT, comparator TEXT NOT NULL,
        subject TEXT, frequency TEXT, year INTEGER, {_SPAN}
    )""",
    "CREATE INDEX IF NOT EXISTS targets_doc ON targets(doc_id)",
    f"""CREATE TABLE IF NOT EXISTS milestones (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL, kind TEXT NOT NULL, start TEXT, "end" TEXT, precision TEXT NOT NULL,
        activities TEXT NOT NULL DEFAULT '[]', {_SPAN}
    )""",
    "CREATE INDEX IF NOT EXISTS milestones_doc ON milestones(doc_id)",
    f"""CREATE TABLE IF NOT EXISTS responsibilities (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        actor TEXT NOT NULL, tasks TEXT NOT NULL DEFAULT '[]', role TEXT NOT NULL,
        partners TEXT NOT NULL DEFAULT '[]', deadline TEXT, {_SPAN}
    )""",
    "CREATE INDEX IF NOT EXISTS responsibilities_doc ON responsibilities(doc_id)",
    """CREATE TABLE IF NOT EXISTS failures (
        path TEXT PRIMARY KEY, sha256 TEXT, code TEXT NOT NULL, error TEXT NOT NULL, at TEXT
    )""",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(
        {", ".join(FTS_COLUMNS)}, content='documents', content_rowid='id', tokenize="{TOKENIZER}"
    )""",
)


def _fts_values(prefix: str) -> str:
    return ", ".join(f"{prefix}.{column}" for column in FTS_COLUMNS)


TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO doc_fts(rowid, {", ".join(FTS_COLUMNS)}) VALUES (new.id, {_fts_values("new")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO doc_fts(doc_fts, rowid, {", ".join(FTS_COLUMNS)})
        VALUES ('delete', old.id, {_fts_values("old")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO doc_fts(doc_fts, rowid, {", ".join(FTS_COLUMNS)})
        VALUES ('delete', old.id, {_fts_values("old")});
        INSERT INTO doc_fts(rowid, {", ".join(FTS_COLUMNS)}) VALUES (new.id, {_fts_values("new")});
    END""",
)


def schema_statements() -> list[str]:
    """Every statement that creates the index (idempotent: IF NOT EXISTS)."""
    return [*SCHEMA, *TRIGGERS]


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """``INSERT INTO table (cols) VALUES (?, ...)`` with one placeholder per column."""
    names = ", ".join(_quote_name(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


def select_section_sql(table: str, columns: Sequence[str]) -> str:
    """The rows of one section table for one document, in document order."""
    names = ", ".join(_quote_name(c) for c in columns)
    return f"SELECT {names} FROM {table} WHERE doc_id = ? ORDER BY ord"


def _quote_name(name: str) -> str:
    return f'"{name}"' if name in ("end",) else name


# ---------------------------------------------------------------- FTS queries

def quote_fts(token: str) -> str:
    """One FTS5 string literal: the token in double quotes, inner quotes doubled."""
    return '"' + token.replace('"', '""') + '"'


def match_expression(*, folded_terms: Sequence[str], accented_terms: Sequence[str] = (),
                     phrases: Sequence[Sequence[str]] = ()) -> str:
    """The MATCH expression of a query already folded into terms.

    Every folded term must occur in a folded column (AND). Phrases (lists of
    folded words) must occur as phrases. When the query had accents,
    ``accented_terms`` are OR-ed in against the accented columns: they never
    widen the result set (an accented match implies the folded one) but add to
    bm25, so exact spellings rank first.
    """
    folded_cols = "{" + " ".join(FOLDED_COLUMNS) + "}"
    parts = [quote_fts(t) for t in folded_terms]
    parts += [" + ".join(quote_fts(w) for w in phrase) for phrase in phrases if phrase]
    if not parts:
        return ""
    required = f"{folded_cols} : ({' AND '.join(parts)})"
    boosts = []
    if len(folded_terms) > 1:
        boosts.append(f"{folded_cols} : ({' + '.join(quote_fts(t) for t in folded_terms)})")
    if accented_terms:
        accented_cols = "{" + " ".join(ACCENTED_COLUMNS) + "}"
        boosts.append(f"{accented_cols} : ({' AND '.join(quote_fts(t) for t in accented_terms)})")
    if not boosts:
        return required
    return "(" + required + ") OR " + " OR ".join(f"({b})" for b in boosts)


def filter_clauses(*, doc_type: str | None = None, issuer_folded: str | None = None,
                   year: int | None = None, level: str | None = None,
                   cites_folded: str | None = None) -> tuple[list[str], list[object]]:
    """WHERE conditions on ``documents d`` (and the parameters) for the search filters."""
    where: list[str] = []
    params: list[object] = []
    if doc_type is not None:
        where.append("d.doc_type = ?")
        params.append(doc_type)
    if issuer_folded:
        where.append("d.issuer_folded LIKE ? ESCAPE '\\'")
        params.append("%" + _escape_like(issuer_folded) + "%")
    if year is not None:
        where.append("d.year = ?")
        params.append(year)
    if level is not None:
        where.append("d.level = ?")
        params.append(level)
    if cites_folded:
        where.append("r.number_folded = ?")
        params.append(cites_folded)
    return where, params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


HIT_COLUMNS = ("id", "number", "doc_type", "issuer", "level", "date", "title", "path")


def search_sql(*, match: str | None, filters: tuple[list[str], list[object]] = ([], []),
               cites: bool = False, limit: int = 20, offset: int = 0) -> tuple[str, list[object]]:
    """The search statement: FTS match (ranked by bm25) and/or filters, with its parameters.

    Without a match expression the hits come newest first. With ``cites`` each
    hit carries the relation and date of its reference to the cited number.
    """
    where, params = list(filters[0]), list(filters[1])
    cols = ", ".join(f"d.{c}" for c in HIT_COLUMNS)
    extra = ", r.relation AS relation, r.date AS ref_date" if cites else ", NULL AS relation, NULL AS ref_date"
    joins = ""
    if cites:
        joins += " JOIN doc_references r ON r.doc_id = d.id"
    if match:
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        sql = (f"SELECT {cols}, bm25(doc_fts, {weights}) AS score{extra} "
               f"FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid{joins} "
               f"WHERE doc_fts MATCH ?")
        params.insert(0, match)
        if where:
            sql += " AND " + " AND ".join(where)
        order = "score, d.date DESC, d.id"
    else:
        sql = f"SELECT {cols}, 0.0 AS score{extra} FROM documents d{joins}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        order = "d.date DESC, d.id"  # SQLite sorts NULL lowest: undated documents come last
    if cites:
        # one row per citing document even when it cites the number twice (two dates)
        sql += " GROUP BY d.id"
    sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
    params += [int(limit), int(offset)]
    return sql, params


# --------------------------------------------------------- citation resolution

def cites_sql() -> str:
    """References of one document (``?`` = its id), each with the indexed document it resolves to.

    A dated reference resolves to the document of the same folded number AND
    date; an undated one to the document of that number only when exactly one
    is indexed. Unresolved references keep ``target_id`` NULL.
    """
    return """
        SELECT r.ord, r.doc_type, r.number, r.date, r.issuer, r.title, r.relation, r.mentions,
               (SELECT t.id FROM documents t
                 WHERE r.number_folded IS NOT NULL AND t.number_folded = r.number_folded
                   AND (t.date = r.date OR (r.date IS NULL AND
                        (SELECT count(*) FROM documents u WHERE u.number_folded = r.number_folded) = 1))
                 ORDER BY t.id LIMIT 1) AS target_id
          FROM doc_references r WHERE r.doc_id = ? ORDER BY r.ord"""


def cited_by_sql() -> str:
    """Documents that cite one document (``?`` = its id), by the same rule as ``cites_sql``."""
    return """
        SELECT DISTINCT s.id, s.number, s.doc_type, s.issuer, s.date, s.title, r.relation, r.date AS ref_date
          FROM documents t
          JOIN doc_references r ON r.number_folded = t.number_folded AND r.doc_id != t.id
          JOIN documents s ON s.id = r.doc_id
         WHERE t.id = ? AND t.number_folded IS NOT NULL AND t.number_folded != ''
           AND (r.date = t.date OR (r.date IS NULL AND
                (SELECT count(*) FROM documents u WHERE u.number_folded = t.number_folded) = 1))
         ORDER BY s.date, s.id"""


def delete_document_sql() -> str:
    """Delete one document by path; sections go by ON DELETE CASCADE and FTS by trigger."""
    return "DELETE FROM documents WHERE path = ?"


def placeholders(values: Iterable[object]) -> str:
    """'?, ?, ?' for an IN list."""
    return ", ".join("?" for _ in values)
