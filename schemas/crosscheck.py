"""The cross-check report: the output contract of ``check`` (spec/CROSSCHECK.md).

The fields of the spec (``lower``, ``superior``, ``link``, ``items`` with
``kind``/``superior``/``status``/``matches``/``findings``, ``summary``) keep
their names and value forms; the extra fields here (``span``, ``section``,
``reason``, ``applicability``...) are this tool's own. Imports nothing from
``pipeline``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.document import Span

ItemKind = Literal["task", "target", "milestone"]
MatchKind = Literal["task", "target", "milestone", "text"]
Status = Literal["covered", "partial", "conflict", "missing", "not_applicable"]
STATUSES: tuple[str, ...] = ("covered", "partial", "conflict", "missing", "not_applicable")
FindingCode = Literal[
    "target_below_superior",
    "deadline_after_superior",
    "report_deadline_after_superior",
    "responsibility_wrong_level",
    "missing",
    "vaguer_than_superior",
]


class DocRef(BaseModel):
    """Identity of one side of the pair."""

    number: str | None = Field(default=None, description="số ký hiệu as printed")
    doc_type: str | None = Field(default=None, description="canonical document type")
    issuer: str | None = Field(default=None, description="issuing organisation")
    date: str | None = Field(default=None, description="ISO date of issue")


class Link(BaseModel):
    """How the lower document cites the superior."""

    relation: str | None = Field(default=None, description="implements / based_on / cited, or None when uncited")
    evidence: str | None = Field(default=None, description="the lower text that cites the superior")
    span: Span | None = Field(default=None, description="where the evidence stands in the lower text")


class SuperiorItem(BaseModel):
    """One demand of the superior document."""

    text: str = Field(description="the task, target or milestone text as written")
    actor: str | None = Field(default=None, description="who the superior addresses, as written")
    deadline: str | None = Field(default=None, description="ISO due date, when the item has one")
    value: float | int | None = Field(default=None, description="committed number of a target")
    unit: str | None = Field(default=None, description="unit of the value")
    comparator: str | None = Field(default=None, description="'>=', '<=' or '=' for targets")
    span: Span | None = Field(default=None, description="where the item stands in the superior text")
    section: str | None = Field(default=None, description="outline path in the superior")


class Match(BaseModel):
    """A lower-plan text offered as evidence for a superior item."""

    kind: MatchKind = Field(description="kind of lower item; 'text' for a sentence that is no record")
    text: str = Field(description="the lower text, as written")
    score: float = Field(description="similarity in [0, 1]")
    actor: str | None = Field(default=None, description="actor the lower plan gives it to")
    deadline: str | None = Field(default=None, description="ISO due date of the lower item, if any")
    value: float | int | None = Field(default=None, description="value of a lower target")
    unit: str | None = Field(default=None, description="unit of that value")
    span: Span | None = Field(default=None, description="where it stands in the lower text")
    section: str | None = Field(default=None, description="outline path in the lower text")


class Finding(BaseModel):
    """A consistency problem an inspector acts on, quoting both sides."""

    code: FindingCode = Field(description="machine-readable kind of problem")
    message: str = Field(description="one sentence that quotes both sides")
    superior: str | None = Field(default=None, description="the superior's words at stake")
    lower: str | None = Field(default=None, description="the lower plan's words at stake")


class CheckItem(BaseModel):
    """One superior item with its status and evidence."""

    kind: ItemKind = Field(description="task / target / milestone")
    superior: SuperiorItem = Field(description="the superior's demand")
    status: Status = Field(description="covered / partial / conflict / missing / not_applicable")
    matches: list[Match] = Field(default_factory=list, description="lower evidence, best first")
    findings: list[Finding] = Field(default_factory=list, description="consistency findings")
    reason: str = Field(default="", description="why this status, for the inspector")
    applicability: str | None = Field(default=None, description="why the item applies or not")
    part_of: int | None = Field(default=None, description="index of the item this is one demand of (a sentence or "
                                "';' clause of a longer item), or None for an item of its own")
    content_recall: float | None = Field(default=None,
                                         description="share of the item's weighted terms found in the evidence")


class Summary(BaseModel):
    """Counts by status and the coverage."""

    covered: int = Field(default=0, description="items covered")
    partial: int = Field(default=0, description="items taken up in part")
    conflict: int = Field(default=0, description="items contradicted")
    missing: int = Field(default=0, description="applicable items not taken up")
    not_applicable: int = Field(default=0, description="items addressed to someone else")
    coverage: float = Field(default=0.0, description="(covered + partial/2) / applicable items")


class CheckReport(BaseModel):
    """Everything ``check`` says of one pair (the shape of spec/CROSSCHECK.md)."""

    lower: DocRef = Field(default_factory=DocRef, description="the lower plan")
    superior: DocRef = Field(default_factory=DocRef, description="the superior document")
    link: Link = Field(default_factory=Link, description="how the lower cites the superior")
    items: list[CheckItem] = Field(default_factory=list, description="one per superior item, in order")
    summary: Summary = Field(default_factory=Summary, description="counts and coverage")
    matcher: str | None = Field(default=None, description="name of the matcher used")
    warnings: list[str] = Field(default_factory=list, description="non-fatal problems (no items, no link...)")

    def contract(self) -> dict:
        """The report as plain JSON data, in the shape of spec/CROSSCHECK.md (plus extra fields)."""
        return self.model_dump(mode="json")
