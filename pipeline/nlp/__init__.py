"""The NLP stage: one spaCy ``Doc`` carrying every annotation of a document.

``analyse(document)`` runs the structure stage if needed, tokenises the
normalised text with underthesea words aligned to it, and adds span groups:
- ``doc.spans["dates"]``, ``doc.spans["doc_numbers"]``: regex grammars of ``pipeline.lang``;
- ``doc.spans["cues"]``, ``doc.spans["orgs"]``: ``SpanRuler`` patterns from ``lang/data``.
``doc._.document`` is the ``Document`` (header, outline, footer, blocks).
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.components import add_components
from pipeline.nlp.tokenizer import SegmentingTokenizer
from schemas.document import Document

if not Doc.has_extension("document"):
    Doc.set_extension("document", default=None)


@spacy.registry.tokenizers("vanban.SegmentingTokenizer.v1")
def create_tokenizer(segment: bool = True):
    def make(nlp: Language) -> SegmentingTokenizer:
        return SegmentingTokenizer(nlp.vocab, segment=segment)

    return make


@lru_cache(maxsize=2)
def get_nlp(segment: bool = True) -> Language:
    """The shared pipeline, built once per process."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vanban.SegmentingTokenizer.v1",
                                                          "segment": segment}}})
    add_components(nlp)
    return nlp


def analyse(document: Document, *, segment: bool = True) -> Doc:
    """The annotated spaCy Doc of a Document (structure is applied first when missing)."""
    from pipeline.structure import apply_structure

    if document.header is None:
        apply_structure(document)
    nlp = get_nlp(segment)
    doc = nlp(document.text)
    doc._.document = document
    return doc


def analyse_text(text: str, *, segment: bool = True) -> Doc:
    """Read a string as a document and analyse it: the entry point of extractor tests."""
    from pipeline.readers import read_string

    return analyse(read_string(text), segment=segment)


__all__ = ["analyse", "analyse_text", "get_nlp"]
