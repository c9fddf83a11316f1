"""Extraction: records of RECORDS.md from an analysed document, one module per section.

Each section module has one public function ``extract(doc) -> ...``, pure, over the
spaCy ``Doc`` that ``pipeline.nlp.analyse`` returns (``doc._.document`` is the
Document with its header, outline and footer).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import ReadError, one_line
from pipeline.extract import header, milestones, references, responsibilities, targets
from pipeline.nlp import analyse
from pipeline.readers import read
from schemas.document import Document
from schemas.records import DirectiveRecord, ErrorRecord


def extract_document(document: Document, *, segment: bool = True) -> DirectiveRecord:
    """The full record of a Document already read."""
    doc = analyse(document, segment=segment)
    record = DirectiveRecord(
        header=header.extract(doc),
        references=references.extract(doc),
        targets=targets.extract(doc),
        milestones=milestones.extract(doc),
        responsibilities=responsibilities.extract(doc),
        source=document.path,
        sha256=document.sha256,
        warnings=list(document.warnings),
    )
    return record


def extract(path: str | Path, *, segment: bool = True) -> DirectiveRecord:
    """Read and extract one file; raises ``ReadError`` when the file cannot be read."""
    return extract_document(read(path), segment=segment)


def extract_file(path: str | Path, *, segment: bool = True) -> DirectiveRecord | ErrorRecord:
    """Like ``extract`` but never raises for a bad file: an ``ErrorRecord`` says why."""
    try:
        return extract(path, segment=segment)
    except ReadError as exc:
        return ErrorRecord(path=str(path), error=one_line(path, exc), code=exc.code)
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the cause is kept in the record
        return ErrorRecord(path=str(path), error=one_line(path, exc), code="internal")


__all__ = ["extract", "extract_document", "extract_file"]
