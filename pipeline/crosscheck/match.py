"""Swappable matchers: the similarity of every superior item to every lower candidate.

A matcher has a ``name`` and ``similarity(queries, candidates) -> matrix`` with
one row per query and values in [0, 1]. The default, ``TfidfMatcher``, averages
the cosine of TF-IDF vectors of character n-grams (2-4, ``char_wb``) of folded
text (FIELD-NOTES "Similarity": 97% right on perturbed task sentences) and of
folded word-segmented words with word bigrams, fitted on both sides of the pair.
``FuzzMatcher`` (rapidfuzz token-set ratio on folded text) is the alternative.
"""
from __future__ import annotations

from typing import Protocol

import numpy as np

from pipeline.crosscheck.text import content_terms, word_tokens
from pipeline.lang.fold import fold, unify_variants


class Matcher(Protocol):
    """What ``check`` needs of a matcher."""

    name: str

    def similarity(self, queries: list[str], candidates: list[str]) -> np.ndarray:
        """An array of shape (len(queries), len(candidates)) of similarities in [0, 1]."""
        ...


class TfidfMatcher:
    """Character n-gram TF-IDF on folded text, averaged with word TF-IDF on segmented words."""

    name = "tfidf-char2-4+words"

    def __init__(self, *, char_weight: float = 0.5, segment: bool = True) -> None:
        self.char_weight = char_weight
        self.segment = segment

    def similarity(self, queries: list[str], candidates: list[str]) -> np.ndarray:
        """Cosine similarities, fitted on the queries and candidates together."""
        if not queries or not candidates:
            return np.zeros((len(queries), len(candidates)))
        from sklearn.feature_extraction.text import TfidfVectorizer

        folded = [unify_variants(fold(t)) for t in queries + candidates]
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit_transform(folded)
        words = [" ".join(content_terms(word_tokens(t, segment=self.segment))) for t in queries + candidates]
        word = TfidfVectorizer(analyzer=_word_ngrams, sublinear_tf=True).fit_transform(words)
        n = len(queries)
        sim_char = (char[:n] @ char[n:].T).toarray()
        sim_word = (word[:n] @ word[n:].T).toarray()
        return self.char_weight * sim_char + (1 - self.char_weight) * sim_word


def _word_ngrams(text: str) -> list[str]:
    tokens = text.split()
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


class FuzzMatcher:
    """rapidfuzz token-set ratio on folded text (no fitting, robust to word order)."""

    name = "rapidfuzz-token-set"

    def similarity(self, queries: list[str], candidates: list[str]) -> np.ndarray:
        """Ratios scaled to [0, 1]."""
        from rapidfuzz import fuzz, process

        if not queries or not candidates:
            return np.zeros((len(queries), len(candidates)))
        return process.cdist([fold(q) for q in queries], [fold(c) for c in candidates],
                             scorer=fuzz.token_set_ratio) / 100.0


MATCHERS = {"tfidf": TfidfMatcher, "fuzz": FuzzMatcher}


def get_matcher(name: str = "tfidf", **options) -> Matcher:
    """A matcher by name ('tfidf' or 'fuzz')."""
    return MATCHERS[name](**options)
