"""The format-neutral document that every reader produces and every stage reads.

A reader turns a file into ``Block`` objects (one paragraph, heading, table cell
or line, with its style hints). Normalisation joins them into ``Document.text``
(NFC, modern tone placement, legacy encodings decoded) and keeps a piecewise map
from each normalised offset back to the source text. The structure stage fills
``header``, ``outline`` and ``footer``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SourceFormat = Literal["txt", "md", "docx", "pdf", "ocr", "string"]
Align = Literal["left", "center", "right", "justify"]


class Span(BaseModel):
    """Character offsets ``[start, end)`` into ``Document.text``."""

    start: int = Field(description="first character, inclusive")
    end: int = Field(description="last character, exclusive")


class Block(BaseModel):
    """One unit of text as the reader saw it, with style hints."""

    text: str = Field(description="normalised text of the block (no newline inside for paragraphs)")
    span: Span | None = Field(default=None, description="where the block stands in Document.text")
    kind: Literal["paragraph", "heading", "table_cell", "line"] = Field(
        default="paragraph", description="what the reader took the block to be")
    bold: bool = Field(default=False, description="most characters are bold")
    italic: bool = Field(default=False, description="most characters are italic")
    align: Align | None = Field(default=None, description="paragraph alignment when the format has it")
    page: int | None = Field(default=None, description="1-based page for paged formats")
    table: int | None = Field(default=None, description="index of the table the cell belongs to")
    row: int | None = Field(default=None, description="row of the cell in its table")
    col: int | None = Field(default=None, description="column of the cell in its table")
    numbering: str | None = Field(default=None, description="automatic number/bullet rebuilt by the reader")
    uncertain: bool = Field(default=False, description="OCR confidence too low to trust the text")


class SourceSegment(BaseModel):
    """A run where normalised text maps linearly onto the source text."""

    norm: int = Field(description="start offset in Document.text")
    src: int = Field(description="matching offset in the source text")
    length: int = Field(description="length of the run in the normalised text")


class HeaderInfo(BaseModel):
    """The title block of an official document (structure stage)."""

    issuer_lines: list[str] = Field(default_factory=list, description="issuing body, upper lines first")
    motto: bool = Field(default=False, description="the quốc hiệu / Party motto was found")
    number: str | None = Field(default=None, description="số ký hiệu as printed, spaces removed")
    number_uncertain: bool = Field(default=False, description="the number line was found but unreadable")
    place: str | None = Field(default=None, description="place of the place-and-date line")
    date: str | None = Field(default=None, description="ISO date of the place-and-date line")
    date_uncertain: bool = Field(default=False, description="the date line was found but unreadable")
    date_year: int | None = Field(default=None, description="year of the date line when the day is unreadable")
    type_line: str | None = Field(default=None, description="the type name line as printed (KẾ HOẠCH ...)")
    doc_type: str | None = Field(default=None, description="canonical document type")
    title: str | None = Field(default=None, description="trích yếu joined into one line")
    attached_to: str | None = Field(default=None, description="the 'Ban hành kèm theo ...' line if any")
    addressees: list[str] = Field(default_factory=list,
                                  description="those a telegram or letter is addressed to ('... điện:', 'Kính gửi:')")
    span: Span | None = Field(default=None, description="extent of the header block")
    body_start: int = Field(default=0, description="offset where the body text begins")


class OutlineNode(BaseModel):
    """A heading of the body outline (I., 1., a), -, +) with its extent."""

    label: str = Field(description="the marker as printed: 'II', '3', 'a', '-', '+'")
    level: int = Field(description="nesting depth, 0 for the outermost")
    style: Literal["part", "roman", "arabic", "arabic2", "letter", "dash", "plus", "article", "bullet"] = Field(
        description="kind of marker")
    title: str = Field(description="heading text without the marker")
    span: Span = Field(description="the heading line")
    body: Span = Field(description="the heading with everything under it")
    path: str = Field(description="section number such as 'III.1'")
    parent: int | None = Field(default=None, description="index of the parent node in Document.outline")


class FooterInfo(BaseModel):
    """The signature block and the recipients list."""

    authority: str | None = Field(default=None, description="TM./KT./TL./Q./TUQ. line")
    position: str | None = Field(default=None, description="signer's position, e.g. Chủ tịch")
    signer: str | None = Field(default=None, description="signer's name")
    recipients: list[str] = Field(default_factory=list, description="Nơi nhận items")
    span: Span | None = Field(default=None, description="extent of the footer")


class Document(BaseModel):
    """One document, normalised, as it passes from stage to stage."""

    path: str | None = Field(default=None, description="source file path when read from disk")
    format: SourceFormat = Field(default="string", description="reader that produced it")
    text: str = Field(default="", description="normalised text (NFC), blocks joined by newlines")
    blocks: list[Block] = Field(default_factory=list, description="blocks in reading order")
    source_map: list[SourceSegment] = Field(default_factory=list, description="normalised → source offsets")
    source_text: str | None = Field(default=None, description="the raw text the reader extracted")
    pages: int | None = Field(default=None, description="page count for paged formats")
    ocr_pages: list[int] = Field(default_factory=list, description="pages that went through OCR")
    warnings: list[str] = Field(default_factory=list, description="non-fatal problems met while reading")
    encoding: str | None = Field(default=None, description="legacy encoding that was decoded, if any")
    sha256: str | None = Field(default=None, description="hash of the file's bytes")
    header: HeaderInfo | None = Field(default=None, description="filled by the structure stage")
    outline: list[OutlineNode] = Field(default_factory=list, description="filled by the structure stage")
    footer: FooterInfo | None = Field(default=None, description="filled by the structure stage")

    def source_offset(self, offset: int) -> int | None:
        """Map an offset of ``text`` back to the source text (None when unmapped)."""
        lo, hi = 0, len(self.source_map) - 1
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.source_map[mid].norm <= offset:
                best = self.source_map[mid]
                lo = mid + 1
            else:
                hi = mid - 1
        if best is None:
            return None
        return best.src + min(offset - best.norm, best.length)

    def section_at(self, offset: int) -> str | None:
        """The outline path (such as 'III.1') of the innermost section holding ``offset``."""
        found = None
        for node in self.outline:
            if node.body.start <= offset < node.body.end and node.style not in ("dash", "plus", "bullet"):
                found = node.path
        return found
