"""The directive index: every record of RECORDS.md in SQLite, with accent- and đ-insensitive search.

Public verbs: ``ingest(paths, *, db, workers, ...)`` and ``search(query, *, db, ...)``;
``show`` data comes from ``load_record`` and ``citations``. The database is
``$VANBAN_DB`` or ``./vanban.db`` unless given.
"""
from __future__ import annotations

from pipeline.index.batch import Event, IngestReport, collect_files, ingest
from pipeline.index.query import Hit, search
from pipeline.index.store import citations, connect, default_db, document_info, find_documents, load_record

__all__ = ["ingest", "search", "Hit", "IngestReport", "Event", "collect_files", "connect", "default_db",
           "load_record", "citations", "find_documents", "document_info"]
