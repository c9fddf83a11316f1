"""Finding the superior(s) of a lower plan from its own citations.

The lower plan's references with relation ``implements`` or ``based_on`` are
looked up by number and date through an injected ``lookup(number, date)``
callable (the index, or a folder of records), so the resolver knows nothing of
storage. A citation the lookup cannot find is kept, with a message that names
it, never dropped.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.lang.fold import fold_number
from schemas.records import DirectiveRecord, Reference

Lookup = Callable[[str, "str | None"], "DirectiveRecord | None"]
SUPERIOR_RELATIONS = ("implements", "based_on")


@dataclass
class Resolution:
    """One cited superior: the reference and what the lookup found (None when unresolved)."""

    reference: Reference
    record: DirectiveRecord | None

    @property
    def message(self) -> str:
        """One line for the user."""
        r = self.reference
        name = " ".join(p for p in (r.doc_type, r.number, f"ngày {r.date}" if r.date else None) if p)
        if self.record is None:
            return f"superior not found in the index: {name} ({r.relation})"
        return f"superior found: {name} ({r.relation})"


def cited_superiors(lower: DirectiveRecord, *, relations: tuple[str, ...] = SUPERIOR_RELATIONS) -> list[Reference]:
    """The numbered references the lower plan implements or is based on, 'implements' first."""
    refs = [r for r in lower.references if r.relation in relations and r.number]
    return sorted(refs, key=lambda r: relations.index(r.relation))


def resolve_superiors(lower: DirectiveRecord, lookup: Lookup, *,
                      relations: tuple[str, ...] = SUPERIOR_RELATIONS) -> list[Resolution]:
    """Each cited superior with the record the lookup returns for its number and date."""
    return [Resolution(ref, lookup(ref.number, ref.date)) for ref in cited_superiors(lower, relations=relations)]


class RecordStore:
    """A lookup over record JSON files (a folder, a .json list or a .jsonl file): number and date must agree."""

    def __init__(self, records: list[DirectiveRecord]) -> None:
        self.records = records

    @classmethod
    def load(cls, path: str | Path) -> RecordStore:
        """Records from a folder of ``*.json``, a JSON list or a JSON-lines file."""
        path = Path(path)
        raw: list[dict] = []
        if path.is_dir():
            raw = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json"))]
        elif path.suffix == ".jsonl":
            raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
            raw = data if isinstance(data, list) else [data]
        return cls([DirectiveRecord.model_validate(_known_keys(r)) for r in raw if isinstance(r, dict)])

    def __call__(self, number: str, date: str | None) -> DirectiveRecord | None:
        """The record with this number (and this date when both are known)."""
        key = fold_number(number)
        for record in self.records:
            if fold_number(record.header.number) != key:
                continue
            if date and record.header.date and date != record.header.date:
                continue
            return record
        return None


def _known_keys(data):
    """Drop annotation-only keys ('optional', 'note') that records do not have."""
    if isinstance(data, dict):
        return {k: _known_keys(v) for k, v in data.items() if k not in ("optional", "note")}
    if isinstance(data, list):
        return [_known_keys(v) for v in data]
    return data


def index_lookup(db: str | Path) -> Lookup:
    """A lookup over the project's SQLite index, or over record files (a folder, .json or .jsonl)."""
    path = Path(db)
    if path.is_dir() or path.suffix in (".json", ".jsonl"):
        return RecordStore.load(path)
    if not path.is_file():
        from pipeline.errors import UsageError

        raise UsageError(f"{db}: no such index")
    from pipeline.index import connect, find_documents, load_record  # late: check works without the index

    conn = connect(path, create=False)

    def lookup(number: str, date: str | None) -> DirectiveRecord | None:
        records = [r for r in (load_record(conn, i) for i in find_documents(conn, number)) if r is not None]
        same_day = [r for r in records if date and r.header.date == date]
        if same_day:
            return same_day[0]
        undated = [r for r in records if not date or not r.header.date]
        return undated[0] if undated else None

    return lookup
