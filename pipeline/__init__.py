"""vanban: a document-processing pipeline for Vietnamese official texts.

The public verbs mirror the stages: ``read`` (any format → Document),
``analyse`` (structure + NLP → spaCy Doc), ``extract`` (→ DirectiveRecord),
``ingest``/``search`` (the directive index) and ``check`` (cross-check).
"""
from __future__ import annotations

__version__ = "0.1.0"


def read(path, **options):
    """Read a file of any supported format into a normalised Document."""
    from pipeline.readers import read as _read

    return _read(path, **options)


def analyse(document, **options):
    """Structure and NLP annotations of a Document, as a spaCy Doc."""
    from pipeline.nlp import analyse as _analyse

    return _analyse(document, **options)


def extract(path, **options):
    """The DirectiveRecord of a file (raises ReadError for unreadable files)."""
    from pipeline.extract import extract as _extract

    return _extract(path, **options)
