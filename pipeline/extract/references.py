"""Extractor of references (spec/RECORDS.md)."""
from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Reference


def extract(doc: Doc) -> list[Reference]:
    """The references of the analysed document, in document order."""
    return []
