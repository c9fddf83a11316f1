"""Pure SQL builders of the directive index: strings in, strings (and parameters) out.

Nothing here touches a database, so every statement can be tested as a string
and, on an in-memory database, as behaviour. The full-text table is FTS5 with
external content (the ``documents`` table) kept in step by triggers.

Search never relies on SQLite to fold Vietnamese: ``remove_diacritics`` folds
tones but never đ→d. Each searchable text therefore has a folded shadow column
(``title_folded``, ``body_folded``, ``number_token``) filled by
``pipeline.index.text``; queries are folded the same way. The accented columns
are indexed too (without diacritic removal) so that an accented query can rank
exact spellings first.

The texts live in ``doc_text``, apart from the ``documents`` facts: a filter
or a sort on ``documents`` then reads small rows, never the bodies.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

SCHEMA_VERSION = 2

# FTS columns, in order; weights of bm25() follow the same order.
FTS_COLUMNS = ("title", "body", "title_folded", "body_folded", "number_token")
# title outranks body; exact (accented) columns outrank folded ones; the own number outranks all
BM25_WEIGHTS = (10.0, 2.0, 5.0, 1.0, 20.0)
FOLDED_COLUMNS = ("title_folded", "body_folded", "number_token")
ACCENTED_COLUMNS = ("title", "body")
# '_' joins the parts of a document number into one token ("57_nq_tw")
TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '_'"

DOCUMENT_COLUMNS = (
    "path", "sha256", "doc_type", "number", "number_folded", "issuer", "issuer_folded",
    "level", "place", "date", "year", "title", "period_start", "period_end",
    "signer_name", "signer_position", "signer_authority", "recipients", "uncertain", "warnings",
    "ingested_at",
)
# the searchable texts of a document (the FTS content table), keyed by the document id
TEXT_COLUMNS = ("id", *FTS_COLUMNS)
REFERENCE_COLUMNS = ("doc_id", "ord", "doc_type", "number", "number_folded", "date", "issuer", "title",
                     "relation", "mentions", "span_start", "span_end", "section", "doc_date")
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
        issuer TEXT, issuer_folded TEXT,
        level TEXT,                         -- Trung ương / tỉnh / huyện / xã / cơ sở
        place TEXT, date TEXT, year INTEGER,
        title TEXT,
        period_start TEXT, period_end TEXT,
        signer_name TEXT, signer_position TEXT, signer_authority TEXT,
        recipients TEXT NOT NULL DEFAULT '[]',   -- JSON list
        uncertain TEXT NOT NULL DEFAULT '[]',    -- JSON list
        warnings TEXT NOT NULL DEFAULT '[]',     -- JSON list
        ingested_at TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256)",
    "CREATE INDEX IF NOT EXISTS documents_number ON documents(number_folded)",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date)",
    "CREATE INDEX IF NOT EXISTS documents_year ON documents(year, date)",
    "CREATE INDEX IF NOT EXISTS documents_level ON documents(level, date)",
    "CREATE INDEX IF NOT EXISTS documents_type ON documents(doc_type, date)",
    """CREATE TABLE IF NOT EXISTS doc_text (
        id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',           -- Document.text
        title_folded TEXT NOT NULL DEFAULT '',
        body_folded TEXT NOT NULL DEFAULT '',
        number_token TEXT NOT NULL DEFAULT ''    -- the number as one FTS token: '57_nq_tw'
    )""",
    f"""CREATE TABLE IF NOT EXISTS doc_references (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        doc_type TEXT, number TEXT, number_folded TEXT, date TEXT, issuer TEXT, title TEXT,
        relation TEXT NOT NULL, mentions INTEGER NOT NULL DEFAULT 1, {_SPAN},
        doc_date TEXT                       -- the citing document's date: '--cites' lists newest first
    )""",
    "CREATE INDEX IF NOT EXISTS doc_references_doc ON doc_references(doc_id)",
    "CREATE INDEX IF NOT EXISTS doc_references_number ON doc_references(number_folded, doc_date, doc_id)",
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
        {", ".join(FTS_COLUMNS)}, content='doc_text', content_rowid='id', tokenize="{TOKENIZER}"
    )""",
)


def _fts_values(prefix: str) -> str:
    return ", ".join(f"{prefix}.{column}" for column in FTS_COLUMNS)


TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS doc_text_ai AFTER INSERT ON doc_text BEGIN
        INSERT INTO doc_fts(rowid, {", ".join(FTS_COLUMNS)}) VALUES (new.id, {_fts_values("new")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS doc_text_ad AFTER DELETE ON doc_text BEGIN
        INSERT INTO doc_fts(doc_fts, rowid, {", ".join(FTS_COLUMNS)})
        VALUES ('delete', old.id, {_fts_values("old")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS doc_text_au AFTER UPDATE ON doc_text BEGIN
        INSERT INTO doc_fts(doc_fts, rowid, {", ".join(FTS_COLUMNS)})
        VALUES ('delete', old.id, {_fts_values("old")});
        INSERT INTO doc_fts(rowid, {", ".join(FTS_COLUMNS)}) VALUES (new.id, {_fts_values("new")});
    END""",
)


def schema_statements() -> list[str]:
    """Every statement that creates the index (idempotent: IF NOT EXISTS)."""
    return [*SCHEMA, *TRIGGERS]


def migration_statements(version: int) -> list[str]:
    """Statements that bring an index of schema ``version`` to ``SCHEMA_VERSION`` (empty if unknown).

    1 → 2: the texts move from ``documents`` to ``doc_text`` and the FTS index is rebuilt over it;
    references keep the citing document's date.
    """
    if version != 1:
        return []
    moved = ("title_folded", "body", "body_folded", "number_token")
    return [
        *(f"DROP TRIGGER IF EXISTS documents_{t}" for t in ("ai", "ad", "au")),
        "DROP TABLE IF EXISTS doc_fts",
        "DROP INDEX IF EXISTS documents_year",
        "DROP INDEX IF EXISTS documents_level",
        "DROP INDEX IF EXISTS doc_references_number",
        "ALTER TABLE doc_references ADD COLUMN doc_date TEXT",
        "UPDATE doc_references SET doc_date = (SELECT date FROM documents WHERE id = doc_id)",
        next(s for s in SCHEMA if "doc_text (" in s),
        "INSERT INTO doc_text(id, title, body, title_folded, body_folded, number_token) "
        "SELECT id, coalesce(title, ''), body, coalesce(title_folded, ''), body_folded, "
        "coalesce(number_token, '') FROM documents",
        *(f"ALTER TABLE documents DROP COLUMN {c}" for c in moved),
        *schema_statements(),
        "INSERT INTO doc_fts(doc_fts) VALUES ('rebuild')",
    ]


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


def _columns(names: Sequence[str]) -> str:
    return "{" + " ".join(names) + "}"


def _all_of(tokens: Sequence[str]) -> str:
    return " AND ".join(quote_fts(t) for t in tokens)


def _phrase(tokens: Sequence[str]) -> str:
    return " + ".join(quote_fts(t) for t in tokens)


def match_expression(*, folded_terms: Sequence[str], phrases: Sequence[Sequence[str]] = ()) -> str:
    """The MATCH expression every hit must satisfy: each folded term, and each phrase as a phrase,
    in a folded column ('' when there is nothing to match)."""
    parts = [quote_fts(t) for t in folded_terms]
    parts += [_phrase(phrase) for phrase in phrases if phrase]
    if not parts:
        return ""
    return f"{_columns(FOLDED_COLUMNS)} : ({' AND '.join(parts)})"


def match_tiers(*, folded_terms: Sequence[str], phrases: Sequence[Sequence[str]] = (),
                accented_words: Sequence[str] = ()) -> list[str]:
    """MATCH expressions from the strictest to the plain one; search fills its hits tier by tier.

    With accents in the query, the first tier also asks for the words as
    typed in an accented column (exact spellings first); the last tier is the
    plain match, every folded term somewhere. A stricter tier implies the
    plain match, so no tier widens the result set.

    Word order is not a tier: a phrase tier would make bm25 scan the whole
    index for the phrase on every query. Quoted words are a phrase.
    """
    base = match_expression(folded_terms=folded_terms, phrases=phrases)
    if not base:
        return []
    tiers: list[str] = []
    if accented_words:
        tiers.append(f"({base}) AND ({_columns(ACCENTED_COLUMNS)} : ({_all_of(accented_words)}))")
    tiers.append(base)
    return tiers


def filter_clauses(*, doc_type: str | None = None, issuer_folded: str | None = None,
                   year: int | None = None, level: str | None = None) -> tuple[list[str], list[object]]:
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
    return where, params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


HIT_COLUMNS = ("id", "number", "doc_type", "issuer", "level", "date", "title", "path")

# how many matches of one tier bm25 ranks: the newest indexed ones when a tier has more
RANK_WINDOW = 2000


def tier_sql(match: str, *, filters: tuple[list[str], list[object]] = ([], []), cites_folded: str | None = None,
             window: int = RANK_WINDOW, limit: int = 20) -> tuple[str, list[object]]:
    """Ranked ids (and bm25 scores) of the documents of one tier, with the statement's parameters.

    bm25 runs over at most ``window`` matches (the most recently indexed that
    pass the filters), so a query whose words occur in nearly every document
    costs the same as a rare one; the best ``limit`` of them come back, ties
    newest first. ``cites_folded`` keeps the documents that reference that number.
    """
    where, params = list(filters[0]), list(filters[1])
    if cites_folded:
        where.append("d.id IN (SELECT doc_id FROM doc_references WHERE number_folded = ?)")
        params.append(cites_folded)
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    conditions = " AND ".join(["doc_fts MATCH ?", *where])
    inner = (f"SELECT d.id AS id, d.date AS date, bm25(doc_fts, {weights}) AS score "
             f"FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid "
             f"WHERE {conditions} ORDER BY doc_fts.rowid DESC LIMIT ?")
    sql = f"SELECT id, score FROM ({inner}) ORDER BY score, date DESC, id DESC LIMIT ?"
    return sql, [match, *params, int(window), int(limit)]


def listing_sql(*, filters: tuple[list[str], list[object]] = ([], []), cites_folded: str | None = None,
                limit: int = 20, offset: int = 0) -> tuple[str, list[object]]:
    """Documents passing the filters without a text query, newest first (undated last).

    With ``cites_folded`` the references to that number lead: their index is
    in the citing documents' date order, so the newest citing documents come
    without sorting every one of them.
    """
    where, params = list(filters[0]), list(filters[1])
    if cites_folded:
        sql = ("SELECT DISTINCT r.doc_id AS id, r.doc_date AS date, 0.0 AS score FROM doc_references r "
               "JOIN documents d ON d.id = r.doc_id WHERE " + " AND ".join(["r.number_folded = ?", *where]))
        sql += " ORDER BY r.doc_date DESC, r.doc_id DESC LIMIT ? OFFSET ?"
        return sql, [cites_folded, *params, int(limit), int(offset)]
    sql = "SELECT d.id AS id, 0.0 AS score FROM documents d"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.date DESC, d.id DESC LIMIT ? OFFSET ?"
    return sql, [*params, int(limit), int(offset)]


def hits_sql(count: int, *, cites: bool = False) -> str:
    """The shown columns of ``count`` documents by id (``?`` each); with ``cites`` (one more ``?``,
    the folded number) the relation and date of the first reference to it."""
    cols = ", ".join(f"d.{c}" for c in HIT_COLUMNS)
    if cites:
        extra = (", r.relation AS relation, r.date AS ref_date FROM documents d "
                 "LEFT JOIN doc_references r ON r.id = (SELECT x.id FROM doc_references x "
                 "WHERE x.doc_id = d.id AND x.number_folded = ? ORDER BY x.ord LIMIT 1)")
    else:
        extra = ", NULL AS relation, NULL AS ref_date FROM documents d"
    return f"SELECT {cols}{extra} WHERE d.id IN ({placeholders(range(count))})"


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
