"""Structure stage: header block, body outline and footer of a Document.

``apply_structure(document)`` fills ``document.header`` (HeaderInfo),
``document.outline`` (OutlineNode list) and ``document.footer`` (FooterInfo).
"""
from __future__ import annotations

from pipeline.structure.footer import parse_footer
from pipeline.structure.header import parse_header
from pipeline.structure.outline import build_outline, match_marker
from schemas.document import Document


def apply_structure(document: Document) -> Document:
    """Fill ``header``, ``outline`` and ``footer`` of the document in place and return it."""
    header = parse_header(document.blocks, document.text)
    footer = parse_footer(document.blocks, body_start=header.body_start)
    body_end = len(document.text)
    # the footer closes the body unless a document follows it (a decision with its attached plan)
    if footer.span is not None and footer.span.start > max(header.body_start, 0.6 * len(document.text)):
        body_end = footer.span.start
    document.header = header
    document.footer = footer
    document.outline = build_outline(document.blocks, body_start=header.body_start, body_end=body_end)
    return document


__all__ = ["apply_structure", "build_outline", "match_marker", "parse_footer", "parse_header"]
