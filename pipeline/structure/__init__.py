"""Structure stage: header block, body outline and footer of a Document."""
from __future__ import annotations

from schemas.document import Document, FooterInfo, HeaderInfo


def apply_structure(document: Document) -> Document:
    """Fill ``header``, ``outline`` and ``footer`` of the document in place and return it."""
    document.header = HeaderInfo()
    document.footer = FooterInfo()
    return document
