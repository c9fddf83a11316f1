"""``search``: full-text and filtered queries over the index, ranked by bm25, with snippets."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from pipeline.errors import UsageError
from pipeline.index import sql
from pipeline.index.levels import canonical_level, level_names
from pipeline.index.store import connect
from pipeline.index.text import number_token, parse_query, snippet
from pipeline.lang.doctypes import canonical_type
from pipeline.lang.fold import fold, fold_number


class Hit(BaseModel):
    """One document found by ``search``."""

    id: int = Field(description="row id in the index (for 'vanban show')")
    number: str | None = Field(default=None, description="số ký hiệu")
    doc_type: str | None = Field(default=None, description="canonical document type")
    issuer: str | None = Field(default=None, description="issuing organisation")
    level: str | None = Field(default=None, description="Trung ương / tỉnh / huyện / xã / cơ sở")
    date: str | None = Field(default=None, description="ISO date of issue")
    title: str | None = Field(default=None, description="trích yếu")
    path: str = Field(description="source file")
    snippet: str = Field(default="", description="passage with the matches in [brackets]")
    score: float = Field(default=0.0, description="bm25 score (lower is better; 0 without a query)")
    relation: str | None = Field(default=None, description="with --cites: how this document cites the number")
    ref_date: str | None = Field(default=None, description="with --cites: the date it gives the cited number")


def search(query: str, *, db: str | Path | None = None, doc_type: str | None = None,
           issuer: str | None = None, year: int | None = None, level: str | None = None,
           cites: str | None = None, limit: int = 20) -> list[Hit]:
    """Documents matching a free-text query and the filters, best first.

    The query is folded (accents, đ→d) so "dong thap" finds "Đồng Tháp"; an
    accented query ranks exact spellings first; a document number is one
    token. ``cites`` keeps the documents that reference that number. An empty
    query with filters lists the matching documents, newest first.
    """
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    parsed = parse_query(query)
    type_name = None
    if doc_type:
        type_name = canonical_type(doc_type)
        if type_name is None:
            raise UsageError(f"unknown document type {doc_type!r}")
    level_name = None
    if level:
        level_name = canonical_level(level)
        if level_name is None:
            raise UsageError(f"unknown level {level!r} (one of: {', '.join(level_names())})")
    cites_folded = fold_number(cites) if cites else None
    if parsed.empty and not (type_name or issuer or year or level_name or cites_folded):
        raise UsageError("give a query or at least one filter")
    match = None
    if not parsed.empty:
        match = sql.match_expression(folded_terms=parsed.folded_terms, accented_terms=parsed.accented_terms,
                                     phrases=parsed.phrases)
    filters = sql.filter_clauses(doc_type=type_name, issuer_folded=fold(issuer) if issuer else None,
                                 year=year, level=level_name, cites_folded=cites_folded)
    statement, params = sql.search_sql(match=match, filters=filters, cites=bool(cites_folded), limit=limit)
    conn = connect(db, create=False)
    try:
        rows = conn.execute(statement, params).fetchall()
        hits = []
        # without a query, a --cites search shows where the number is cited
        terms = parsed.all_folded() or ([number_token(cites)] if cites_folded else [])
        for row in rows:
            text = ""
            if terms:
                body = conn.execute("SELECT body FROM documents WHERE id = ?", (row["id"],)).fetchone()[0]
                text = snippet(body, terms)
            hits.append(Hit(**{c: row[c] for c in sql.HIT_COLUMNS}, snippet=text, score=row["score"] or 0.0,
                            relation=row["relation"], ref_date=row["ref_date"]))
        return hits
    finally:
        conn.close()
