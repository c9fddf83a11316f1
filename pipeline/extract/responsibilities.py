"""Extractor of responsibilities (spec/RECORDS.md)."""
from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Responsibility


def extract(doc: Doc) -> list[Responsibility]:
    """The responsibilities of the analysed document, in document order."""
    return []
