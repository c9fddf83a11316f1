"""Extractor of milestones (spec/RECORDS.md)."""
from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Milestone


def extract(doc: Doc) -> list[Milestone]:
    """The milestones of the analysed document, in document order."""
    return []
