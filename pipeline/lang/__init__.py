"""Vietnamese language knowledge, as data, in one place.

- ``doc_types``: the document-type table (KH → Kế hoạch ...), from data/doc_types.json;
- ``numbers``: grammars of document numbers (state, legal, Party styles);
- ``dates``: date and time grammar (ngày ... tháng ... năm ..., quarters, Roman numerals);
- ``fold``: diacritic folding shared by evaluation, index and cross-check.
"""
from pipeline.lang.doctypes import DOC_TYPES, canonical_type, type_from_code, type_from_words
from pipeline.lang.fold import dice, fold, fold_number, strip_marks, words

__all__ = ["DOC_TYPES", "canonical_type", "type_from_code", "type_from_words",
           "dice", "fold", "fold_number", "strip_marks", "words"]
