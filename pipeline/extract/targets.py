"""Extractor of targets (spec/RECORDS.md)."""
from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Target


def extract(doc: Doc) -> list[Target]:
    """The targets of the analysed document, in document order."""
    return []
