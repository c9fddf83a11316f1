"""Pydantic records of the vanban pipeline.

This package imports nothing from ``pipeline``: it is the contract between the
stages (``document``), the output of ``extract`` (``records``, the shape of
``spec/RECORDS.md``) and of ``check`` (``crosscheck``).
"""
from schemas.document import Block, Document, FooterInfo, HeaderInfo, OutlineNode, SourceSegment, Span
from schemas.records import (
    DirectiveRecord,
    ErrorRecord,
    Header,
    Milestone,
    Period,
    Reference,
    Responsibility,
    Signer,
    Target,
)

__all__ = [
    "Block", "Document", "FooterInfo", "HeaderInfo", "OutlineNode", "SourceSegment", "Span",
    "DirectiveRecord", "ErrorRecord", "Header", "Milestone", "Period", "Reference",
    "Responsibility", "Signer", "Target",
]
