"""A spaCy tokenizer built from underthesea word segmentation, aligned to the text.

underthesea rewrites some spellings and joins syllables of a word with one
space, so its words are not always substrings of the input: each word is
located in the original text by its syllables, and anything it cannot place
falls back to whitespace tokens. ``doc.text == text`` always holds.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SPACE = re.compile(r"\s+")


def _segment(text: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(text)


def align(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``words`` in ``text``; unplaced stretches become plain tokens."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for word in words:
        sylls = word.split()
        if not sylls:
            continue
        while pos < n and text[pos].isspace():
            pos += 1
        start = pos
        ok = True
        for k, syl in enumerate(sylls):
            if k:
                while pos < n and text[pos].isspace():
                    pos += 1
            if text.startswith(syl, pos):
                pos += len(syl)
            else:
                ok = False
                break
        if ok:
            spans.append((start, pos))
            continue
        # underthesea changed the spelling: look for the next syllable boundary nearby
        pos = start
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        end = m.end()
        for _ in sylls[1:]:
            nxt = re.compile(r"\s*(\w+|[^\w\s])").match(text, end)
            if nxt is None:
                break
            end = nxt.end()
        spans.append((start, end))
        pos = end
    # anything left after the last word
    while pos < n:
        m = _TOKEN.search(text, pos)
        if m is None:
            break
        spans.append((m.start(), m.end()))
        pos = m.end()
    return spans


class SegmentingTokenizer:
    """spaCy tokenizer: underthesea words (or syllables with ``segment=False``) aligned to the text."""

    def __init__(self, vocab: Vocab, *, segment: bool = True) -> None:
        self.vocab = vocab
        self.segment = segment

    def __call__(self, text: str) -> Doc:
        spans: list[tuple[int, int]] = []
        for para in _paragraphs(text):
            p_start, p_text = para
            if self.segment:
                local = align(p_text, _segment(p_text))
            else:
                local = [(m.start(), m.end()) for m in _TOKEN.finditer(p_text)]
            spans.extend((p_start + s, p_start + e) for s, e in local)
        words, spaces = [], []
        for i, (s, e) in enumerate(spans):
            words.append(text[s:e])
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            gap = text[e:nxt]
            spaces.append(gap == " ")
            if gap and gap != " ":
                # keep every character: unusual gaps become whitespace tokens
                if gap.startswith(" "):
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
        if spans and spans[0][0] > 0:
            words.insert(0, text[: spans[0][0]])
            spaces.insert(0, False)
        if not spans and text:
            words, spaces = [text], [False]
        return Doc(self.vocab, words=words, spaces=spaces)


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1
