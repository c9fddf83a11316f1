"""Assemble reader output into one normalised ``Document``.

Every reader yields ``RawBlock``s: text plus, per character, its offset in the
source text, and the style hints of ``schemas.Block``. ``assemble`` normalises
each block, joins the blocks with newlines and builds the source map.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.normalize import normalise
from schemas.document import Block, Document, SourceSegment, Span


@dataclass
class RawBlock:
    """A block before normalisation; ``offsets[i]`` is the source index of ``text[i]``."""

    text: str
    offsets: list[int]
    hints: dict = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, start: int = 0, **hints: object) -> RawBlock:
        return cls(text, list(range(start, start + len(text))), dict(hints))


class TextBuilder:
    """Accumulates text pieces with their source offsets."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int | None) -> None:
        """Append ``text`` whose first character stands at ``start`` in the source (None: synthetic)."""
        self.chars.append(text)
        if start is None:
            last = self.offsets[-1] if self.offsets else 0
            self.offsets.extend([last] * len(text))
        else:
            self.offsets.extend(range(start, start + len(text)))

    def __len__(self) -> int:
        return len(self.offsets)

    def build(self, **hints: object) -> RawBlock:
        return RawBlock("".join(self.chars), self.offsets, dict(hints))


def _segments(offsets: list[int], base: int) -> list[SourceSegment]:
    """Compress a per-character offset list into linear runs."""
    segments: list[SourceSegment] = []
    run_start = 0
    for i in range(1, len(offsets) + 1):
        if i == len(offsets) or offsets[i] != offsets[i - 1] + 1:
            segments.append(SourceSegment(norm=base + run_start, src=offsets[run_start], length=i - run_start))
            run_start = i
    return segments


def assemble(raw_blocks: list[RawBlock], *, path: str | None, fmt: str, source_text: str | None,
             **fields: object) -> Document:
    """Normalise and join the blocks into a Document with its source map."""
    blocks: list[Block] = []
    pieces: list[str] = []
    source_map: list[SourceSegment] = []
    pos = 0
    for raw in raw_blocks:
        normalised, local = normalise(raw.text)
        text, offsets = _fold_spaces(normalised, [raw.offsets[i] if i < len(raw.offsets) else 0 for i in local])
        if not text:
            continue
        if pieces:
            pieces.append("\n")
            pos += 1
        hints = {k: v for k, v in raw.hints.items() if k in Block.model_fields}
        blocks.append(Block(text=text, span=Span(start=pos, end=pos + len(text)), **hints))
        source_map.extend(_segments(offsets, pos))
        pieces.append(text)
        pos += len(text)
    return Document(path=path, format=fmt, text="".join(pieces), blocks=blocks, source_map=source_map,
                    source_text=source_text, **fields)


def _fold_spaces(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Collapse runs of white space to one space and trim, keeping the offsets aligned."""
    out: list[str] = []
    out_offsets: list[int] = []
    pending: int | None = None
    for ch, off in zip(text, offsets, strict=False):
        if ch.isspace():
            if out and pending is None:
                pending = off
            continue
        if pending is not None:
            out.append(" ")
            out_offsets.append(pending)
            pending = None
        out.append(ch)
        out_offsets.append(off)
    return "".join(out), out_offsets
