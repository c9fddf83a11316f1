"""Extractor of the header: type, number, issuer, place, date, title, period, signer, recipients."""
from __future__ import annotations

from spacy.tokens import Doc

from schemas.records import Header, Signer


def extract(doc: Doc) -> Header:
    """The header record from the structure stage's header and footer."""
    document = doc._.document
    info = document.header
    footer = document.footer
    header = Header()
    if info is not None:
        header.doc_type = info.doc_type
        header.number = info.number
        header.place = info.place
        header.date = info.date
        header.title = info.title
    if footer is not None:
        header.signer = Signer(name=footer.signer, position=footer.position, authority=footer.authority)
        header.recipients = list(footer.recipients)
    return header
