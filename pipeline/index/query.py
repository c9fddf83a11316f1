"""``search``: full-text and filtered queries over the index, ranked by bm25, with snippets."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from pipeline.errors import UsageError
from pipeline.index import sql
from pipeline.index.levels import canonical_level, level_names
from pipeline.index.store import connect
from pipeline.index.text import ParsedQuery, number_token, parse_query, snippet
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

    Hits come tier by tier (``sql.match_tiers``): exact accents first, then
    the folded words anywhere; within a tier by bm25, computed over the
    ``sql.RANK_WINDOW`` most recently indexed matches, so that a query of
    words found in nearly every document stays fast.
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
    filters = sql.filter_clauses(doc_type=type_name, issuer_folded=fold(issuer) if issuer else None,
                                 year=year, level=level_name)
    conn = connect(db, create=False)
    try:
        if parsed.empty:
            listing = sql.listing_sql(filters=filters, cites_folded=cites_folded, limit=limit)
            ranked = [(row["id"], 0.0) for row in conn.execute(*listing)]
        else:
            ranked = _ranked_ids(conn, parsed, filters, cites_folded, limit)
        if not ranked:
            return []
        params: list[object] = [cites_folded] if cites_folded else []
        rows = {row["id"]: row for row in conn.execute(sql.hits_sql(len(ranked), cites=bool(cites_folded)),
                                                       [*params, *(i for i, _ in ranked)])}
        # without a query, a --cites search shows where the number is cited
        terms = parsed.all_folded() or ([number_token(cites)] if cites_folded else [])
        bodies: dict[int, str] = {}
        if terms:
            ids = [i for i, _ in ranked]
            bodies = dict(conn.execute(f"SELECT id, body FROM doc_text WHERE id IN ({sql.placeholders(ids)})", ids))
        hits = []
        for doc_id, score in ranked:
            row = rows[doc_id]
            text = snippet(bodies.get(doc_id, ""), terms) if terms else ""
            hits.append(Hit(**{c: row[c] for c in sql.HIT_COLUMNS}, snippet=text, score=score,
                            relation=row["relation"], ref_date=row["ref_date"]))
        return hits
    finally:
        conn.close()


def _ranked_ids(conn, parsed: ParsedQuery, filters: tuple[list[str], list[object]], cites_folded: str | None,
                limit: int) -> list[tuple[int, float]]:
    """Ids and bm25 scores of the best ``limit`` matches, filled tier by tier (``sql.match_tiers``)."""
    tiers = sql.match_tiers(folded_terms=parsed.folded_terms, phrases=parsed.phrases,
                            accented_words=parsed.accented_terms)
    found: dict[int, float] = {}
    for match in tiers:
        statement, params = sql.tier_sql(match, filters=filters, cites_folded=cites_folded,
                                         limit=limit + len(found))
        for doc_id, score in conn.execute(statement, params):
            if doc_id not in found and len(found) < limit:
                found[doc_id] = score or 0.0
        if len(found) >= limit:
            break
    return list(found.items())
