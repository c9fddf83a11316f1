"""The directive record: the output contract of ``extract`` (spec/RECORDS.md).

Field names and value forms of the spec are fixed; the extra fields here
(``span``, ``section``, ``precision``, ``uncertain``...) are this tool's own.
Absent values are ``None``, never invented. Dates are ISO ``YYYY-MM-DD``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.document import Span

Relation = Literal["implements", "based_on", "attached_to", "cited"]
Comparator = Literal[">=", "<=", "="]
MilestoneKind = Literal["phase", "period", "deadline", "recurring"]
Precision = Literal["day", "month", "quarter", "half", "year", "school_year", "range", "none"]


class Located(BaseModel):
    """Where an item came from: offsets into the normalised text and the section number."""

    span: Span | None = Field(default=None, description="offsets into Document.text")
    section: str | None = Field(default=None, description="outline path such as 'III.1'")


class Period(BaseModel):
    """A horizon resolved to whole days."""

    start: str | None = Field(default=None, description="ISO first day")
    end: str | None = Field(default=None, description="ISO last day")


class Signer(BaseModel):
    """The person who signs, from the signature block."""

    name: str | None = Field(default=None, description="signer's full name")
    position: str | None = Field(default=None, description="position, e.g. 'Chủ tịch'")
    authority: str | None = Field(default=None, description="TM./KT./TL. line, e.g. 'TM. BAN THƯỜNG VỤ'")


class Header(BaseModel):
    """The title-block facts of the document."""

    doc_type: str | None = Field(default=None, description="canonical type name, e.g. 'Kế hoạch'")
    number: str | None = Field(default=None, description="số ký hiệu as printed, spaces removed")
    issuer: str | None = Field(default=None, description="issuing organisation, full name where given")
    place: str | None = Field(default=None, description="place of the place-and-date line")
    date: str | None = Field(default=None, description="ISO date of issue")
    year: int | None = Field(default=None, description="year of issue, kept when the day or month is unreadable")
    title: str | None = Field(default=None, description="trích yếu in one line")
    period: Period | None = Field(default=None, description="horizon the plan covers, when stated")
    signer: Signer = Field(default_factory=Signer, description="signature block")
    recipients: list[str] = Field(default_factory=list, description="Nơi nhận items")
    uncertain: list[str] = Field(default_factory=list,
                                 description="fields that were found but could not be read reliably (OCR)")


class Reference(Located):
    """A document that the text cites, one record per distinct document."""

    doc_type: str | None = Field(default=None, description="canonical type of the cited document")
    number: str | None = Field(default=None, description="số ký hiệu, spaces removed; None when unnumbered")
    date: str | None = Field(default=None, description="ISO date of the cited document")
    issuer: str | None = Field(default=None, description="issuer named after the number ('của ...')")
    title: str | None = Field(default=None, description="trích yếu or name that follows")
    relation: Relation = Field(default="cited", description="implements / based_on / attached_to / cited")
    mentions: int = Field(default=1, description="how many times the text mentions it")


class Target(Located):
    """A quantified commitment (chỉ tiêu)."""

    text: str = Field(description="the clause that carries the value, with its lead-in")
    value: float | int | None = Field(default=None, description="the committed number")
    value_max: float | int | None = Field(default=None, description="upper end of a range ('10,5 - 11,0%')")
    unit: str | None = Field(default=None, description="'%', or the counted noun / rate in short form")
    comparator: Comparator = Field(default="=", description="'>=', '<=' or '='")
    subject: str | None = Field(default=None, description="the counted noun phrase, without 'số'")
    frequency: str | None = Field(default=None, description="'hàng năm', '01 lần/năm' ... or None")
    year: int | None = Field(default=None, description="year the value is due, from a target table or 'đến năm'")


class Milestone(Located):
    """A time the plan sets for its own activities."""

    text: str = Field(description="the phrase or line that states the time")
    kind: MilestoneKind = Field(description="phase / period / deadline / recurring")
    start: str | None = Field(default=None, description="ISO first day, None for deadlines and recurring")
    end: str | None = Field(default=None, description="ISO last day")
    precision: Precision = Field(default="none", description="granularity of the stated time")
    activities: list[str] = Field(default_factory=list, description="texts scheduled at that time")


class Responsibility(Located):
    """Tasks assigned to an actor."""

    actor: str = Field(description="the unit as written, without 'Đối với', 'Giao', 'Đề nghị'")
    tasks: list[str] = Field(default_factory=list, description="one string per bullet or clause")
    role: Literal["lead", "support", "assigned"] = Field(
        default="assigned", description="chủ trì (lead), phối hợp (support), or a plain assignment")
    partners: list[str] = Field(default_factory=list, description="cơ quan phối hợp, from tables or 'phối hợp với'")
    deadline: str | None = Field(default=None, description="thời hạn as written, from an assignment table")


class DirectiveRecord(BaseModel):
    """Everything ``extract`` says of one document (the five keys of RECORDS.md)."""

    header: Header = Field(default_factory=Header, description="title-block facts")
    references: list[Reference] = Field(default_factory=list, description="cited documents")
    targets: list[Target] = Field(default_factory=list, description="quantified commitments")
    milestones: list[Milestone] = Field(default_factory=list, description="times set for activities")
    responsibilities: list[Responsibility] = Field(default_factory=list, description="who must do what")
    source: str | None = Field(default=None, description="path of the file it came from")
    sha256: str | None = Field(default=None, description="hash of the file's bytes")
    warnings: list[str] = Field(default_factory=list, description="non-fatal problems")

    def contract(self) -> dict:
        """The record as plain JSON data, in the shape of spec/RECORDS.md (plus extra fields)."""
        return self.model_dump(mode="json")


class ErrorRecord(BaseModel):
    """One file that could not be read: the batch keeps going."""

    path: str = Field(description="the file")
    error: str = Field(description="one clear line: the cause")
    code: Literal["empty", "corrupt", "encrypted", "unsupported", "too_large", "timeout", "not_found",
                  "no_text", "internal"] = Field(description="machine-readable cause")
