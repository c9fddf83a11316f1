"""``check(lower, superior)``: does the lower plan carry out the superior's demands?

Works from the two records alone; the documents' texts, when given, add the
lower plan's sentences that no record holds as candidate evidence, and spans.
Every covered, partial and conflicting item quotes its evidence; an applicable
item with no evidence is ``missing``, never dropped.
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from pipeline.crosscheck.applicability import (
    Applicability,
    addressed_bodies,
    applies,
    central_only,
    elsewhere,
    executes_superior,
    given_to,
    governs_country,
    is_government,
    issuer_level_only,
    issuer_tier,
    keeps_superior_deadline,
    names_body,
    party_internal,
    place_of,
    sector_body,
)
from pipeline.crosscheck.findings import falls_short, find_all, names_level
from pipeline.crosscheck.items import Unit, lower_candidates, superior_items, with_parts
from pipeline.crosscheck.match import Matcher, TfidfMatcher
from pipeline.crosscheck.status import (
    DEFAULT,
    GENERAL_DEMAND,
    Measures,
    Thresholds,
    decide,
    narrow_plan,
    narrowed,
)
from pipeline.crosscheck.text import (
    content_terms,
    deadline_in,
    general_share,
    locate,
    numbers_in,
    word_tokens,
)
from pipeline.lang.fold import fold, fold_number
from schemas.crosscheck import CheckItem, CheckReport, DocRef, Link, Match, Summary, SuperiorItem
from schemas.document import Document, Span
from schemas.records import DirectiveRecord

# where an item splits into separate demands: ';', sentence ends, "đồng thời", "nhất là"
_CLAUSE_SPLIT = re.compile(r";|\.\s+(?=[A-ZĐ])|,\s*(?:đồng thời|nhất là)\b")
MIN_CLAUSE_TERMS = 4


def check(lower: DirectiveRecord, superior: DirectiveRecord, *, lower_doc: Document | None = None,
          superior_doc: Document | None = None, matcher: Matcher | None = None,
          thresholds: Thresholds = DEFAULT, segment: bool = True) -> CheckReport:
    """The cross-check report of ``lower`` against ``superior`` (spec/CROSSCHECK.md)."""
    matcher = matcher or TfidfMatcher(segment=segment)
    report = CheckReport(lower=_ref(lower), superior=_ref(superior), link=find_link(lower, superior, lower_doc),
                         matcher=matcher.name)
    if report.link.relation is None:
        report.warnings.append("the lower document does not cite the superior one")
    items = superior_items(superior, document=superior_doc)
    if not items:
        report.warnings.append("the superior record has no task, target or milestone")
    items, part_of = with_parts(items)
    candidates = lower_candidates(lower, document=lower_doc)
    lower_issuer = lower.header.issuer
    lower_tier = issuer_tier(lower_issuer)
    # a central body's "Hà Nội, ngày ..." is where it signs, not a place it stands for
    lower_place = place_of(lower_issuer, lower.header.place) if lower_tier != 0 else None
    superior_tier = issuer_tier(superior.header.issuer)
    # a Government body that follows up its own document stands for the central bodies it addresses again
    follow_up = is_government(lower_issuer) and fold(lower_issuer or "") == fold(superior.header.issuer or "")
    addressees = lower_doc.header.addressees if lower_doc is not None and lower_doc.header is not None else []
    addressed = addressed_bodies([*addressees, *(r.actor for r in lower.responsibilities if r.actor)]) \
        if follow_up else None
    verdicts = [_applies(u, lower_issuer=lower_issuer, lower_place=lower_place, lower_tier=lower_tier,
                         superior_issuer=superior.header.issuer, superior_tier=superior_tier,
                         addressed=addressed) for u in items]

    clauses = [_clauses(u.body, segment=segment) if v.applies else [] for u, v in zip(items, verdicts, strict=False)]
    flat = [c for cs in clauses for c in cs]
    sims = matcher.similarity([u.body for u in items] + flat, [c.text for c in candidates])
    item_sims, clause_sims = sims[:len(items)], sims[len(items):]

    cand_tokens = [set(word_tokens(c.text, segment=segment)) for c in candidates]
    lower_vocab = set().union(*cand_tokens) if cand_tokens else set()
    idf = _idf(cand_tokens)

    applicable = item_sims[[k for k, v in enumerate(verdicts) if v.applies]]  # rows of the items that apply
    pos = 0
    for k, (unit, verdict) in enumerate(zip(items, verdicts, strict=False)):
        n_clauses = len(clauses[k])
        rows = clause_sims[pos:pos + n_clauses]
        pos += n_clauses
        if not verdict.applies:
            report.items.append(CheckItem(kind=unit.kind, superior=_superior(unit), status="not_applicable",
                                          reason=f"not applicable: {verdict.reason}",
                                          applicability=verdict.reason))
            continue
        item = _judge(unit, verdict.reason, item_sims[k], rows, clauses[k], candidates, cand_tokens,
                      lower_vocab, idf, lower_tier=lower_tier, thresholds=thresholds, segment=segment,
                      applicable=applicable, superior_type=superior.header.doc_type)
        report.items.append(item)
    for item, parent in zip(report.items, part_of, strict=False):
        item.part_of = parent
    restated = _restated_tasks(report.items)
    for k, item in enumerate(report.items):
        source = report.items[item.part_of] if item.part_of is not None else restated.get(k)
        if source is not None:
            _shares_deadline_conflict(item, source)
    # a general demand is taken up in part by any plan on its subject: it tells nothing of the plan's breadth
    if narrow_plan([i.status for i in report.items if not i.reason.startswith(GENERAL_DEMAND)], thresholds=thresholds):
        for item in report.items:
            _narrow(item, thresholds)
    if sector_body(lower_issuer) and any(names_body(u.actor, lower_issuer) for u in items):
        for item in report.items:  # the superior gives the ministry a share of its own
            _sector_share(item, lower_issuer)
    if report.link.relation and report.link.evidence:
        for item in report.items:
            _own_execution(item, report.link)
    report.summary = summarize([i for i in report.items if i.part_of is None])
    return report


def _restated_tasks(items: list[CheckItem]) -> dict[int, CheckItem]:
    """For each milestone item that restates a task at the same place (the due date of "Các tỉnh ủy ...
    khẩn trương sắp xếp ..., hoàn thành trước ngày 31/12/2025" is a milestone of that sentence), that task."""
    tasks = [(fold(t.superior.text), t.superior.span, t) for t in items if t.kind == "task" and t.superior.span]
    found: dict[int, CheckItem] = {}
    for k, item in enumerate(items):
        span = item.superior.span
        if item.kind != "milestone" or span is None:
            continue
        mine = fold(item.superior.text)
        task = next((t for theirs, at, t in tasks if at.start < span.end and span.start < at.end
                     and (theirs in mine or mine in theirs)), None)
        if task is not None:
            found[k] = task
    return found


def _shares_deadline_conflict(part: CheckItem, parent: CheckItem) -> None:
    """A part of an item, or a milestone that restates a task, that states the item's due date and quotes
    the lower text that sets a later one shares the item's deadline finding (its evidence may be a little
    less close than the item's), in place."""
    if part.status != "partial" or parent.status != "conflict" or not parent.superior.deadline \
            or deadline_in(part.superior.text) != parent.superior.deadline:
        return
    quoted = {m.text for m in part.matches}
    shared = [f for f in parent.findings if f.code.endswith("deadline_after_superior") and f.lower in quoted]
    if shared:
        part.status, part.findings = "conflict", shared
        part.reason = "the lower plan takes it up but sets a later date than the one it states (see findings)"


def _narrow(item: CheckItem, thresholds: Thresholds) -> None:
    """Re-judge an item of a narrow plan (``status.narrowed``), in place."""
    if item.status not in ("covered", "partial") or not item.matches or item.reason.startswith(GENERAL_DEMAND):
        return  # a general demand is only ever taken up in part
    best = max(m.score for m in item.matches)
    status = narrowed(item.status, best, item.content_recall or 0.0, thresholds=thresholds)
    if status == "partial":
        item.reason = (f"taken up in part: the lower plan takes up few of the superior's demands, and no text of "
                       f"it restates this one closely (closest similarity {best:.2f})")
    elif status == "missing":
        item.matches = []
        item.reason = (f"the lower plan takes up few of the superior's demands, and no text of it takes up this one "
                       f"(closest similarity {best:.2f}, {item.content_recall or 0.0:.0%} of its content words)")
    if status:
        item.status = status


def _sector_share(item: CheckItem, lower_issuer: str) -> None:
    """When the superior gives a ministry tasks of its own, a demand that names no actor and that the
    ministry's document does not take up is another body's share of the work, not one the ministry
    failed (in place)."""
    if item.status == "missing" and not item.superior.actor:
        item.status = "not_applicable"
        item.applicability = (f"names no actor, and {lower_issuer} answers for its own sector: a demand its "
                              f"document does not take up is another body's share")
        item.reason = f"not applicable: {item.applicability}"


def _own_execution(item: CheckItem, link: Link) -> None:
    """A demand to execute the superior document itself ("... chịu trách nhiệm thi hành Quyết định
    này") is taken up in part by a lower document that cites the superior: the lower document is part
    of that execution, and its citation is the evidence (in place)."""
    if item.status != "missing" or not executes_superior(item.superior.text):
        return
    item.status = "partial"
    item.matches = [Match(kind="text", text=link.evidence, score=1.0, span=link.span)]
    item.reason = ("taken up in part: it asks to execute the superior document, and the lower document, "
                   "which cites it, is part of that execution")


def _applies(unit: Unit, *, lower_issuer: str | None, lower_place: str | None, lower_tier: int | None,
             superior_issuer: str | None, superior_tier: int | None = None,
             addressed: frozenset[str] | None = None) -> Applicability:
    verdict = applies(unit.actor, lower_issuer=lower_issuer, lower_place=lower_place,
                      superior_issuer=superior_issuer, text=unit.text)
    if verdict.applies and given_to(unit.actor, addressed) is False:
        return Applicability(False, f"addressed to {unit.actor}, a body the lower document gives no work to",
                             verdict.actor_tiers)
    if verdict.applies and not unit.actor and lower_issuer:
        why = party_internal(unit.text, lower_issuer, superior_issuer=superior_issuer)
        if not why and not governs_country(lower_issuer):
            why = central_only(unit.text) or (elsewhere(unit.text, lower_place) if lower_tier else None)
        why = why or issuer_level_only(unit.text, lower_tier=lower_tier, superior_tier=superior_tier)
        if why:
            return Applicability(False, f"names no actor, but {why}")
    return verdict


def _judge(unit: Unit, why: str, row: np.ndarray, clause_rows: np.ndarray, clauses: list[str],
           candidates: list[Unit], cand_tokens: list[set[str]], lower_vocab: set[str], idf: dict[str, float], *,
           lower_tier: int | None, thresholds: Thresholds, segment: bool, applicable: np.ndarray,
           superior_type: str | None = None) -> CheckItem:
    t = thresholds
    chosen = _evidence(row, t)
    for crow in clause_rows:
        for j in _evidence(crow, t)[:2]:
            if j not in chosen:
                chosen.append(j)
    score = {j: float(max([row[j], *(crow[j] for crow in clause_rows)])) for j in chosen}
    chosen = sorted(chosen, key=lambda j: -score[j])[:t.max_matches]
    tokens = word_tokens(unit.body, segment=segment)
    terms = set(content_terms(tokens))
    found = set().union(*(cand_tokens[j] for j in chosen)) if chosen else set()
    clause_recalls = []
    for clause in clauses:
        cterms = set(content_terms(word_tokens(clause, segment=segment)))
        if len(cterms) >= MIN_CLAUSE_TERMS:
            clause_recalls.append(_share(cterms, found, idf))
    measures = Measures(
        best=float(row.max()) if row.size else 0.0,
        clause_best=float(clause_rows.max()) if clause_rows.size else 0.0,
        recall=_share(terms, found, idf),
        doc_recall=_share(terms, lower_vocab, {}),  # unweighted: a word the plan uses often shows the topic too
        clause_recalls=clause_recalls,
        needs_number=unit.value is not None or any(u == "%" for _, u in numbers_in(unit.text)),
        has_number=any(candidates[j].value is not None or numbers_in(candidates[j].text) for j in chosen),
        is_target=unit.kind == "target" and unit.value is not None,
    )
    measures.catch_all = unit.kind == "task" and general_share(tokens) >= t.catch_all_share
    if measures.catch_all and not chosen and row.size:  # its closest lower text is what takes it up in part
        chosen = [int(row.argmax())]
        score = {chosen[0]: float(row.max())}
    evidence = [(candidates[j], score[j]) for j in chosen]
    if chosen:  # how many other applicable items its best evidence is closer to
        measures.claim_rank = int(min((applicable[:, j] > row[j]).sum() for j in chosen))
    if unit.deadline and unit.kind != "target":
        measures.undated = not any(c.deadline and c.deadline <= unit.deadline for c, _ in evidence) \
            and not any(keeps_superior_deadline(c.text, doc_type=superior_type) for c, _ in evidence)
    if unit.kind == "target" and unit.value is not None and unit.unit:  # a level of its own indicator, in time
        measures.has_number = names_level(unit, evidence)
        measures.falls_short = falls_short(unit, evidence)
    findings = find_all(unit, evidence, lower_tier=lower_tier)
    status, reason = decide(measures, conflict=bool(findings), thresholds=t)
    matches = [] if status == "missing" else [_match(c, s) for c, s in evidence]
    return CheckItem(kind=unit.kind, superior=_superior(unit), status=status, matches=matches,
                     findings=findings if status == "conflict" else [], reason=reason, applicability=why,
                     content_recall=round(measures.recall, 3))


def _evidence(row: np.ndarray, t: Thresholds) -> list[int]:
    if not row.size:
        return []
    best = float(row.max())
    order = np.argsort(-row)[:t.max_matches]
    return [int(j) for j in order if row[j] >= t.evidence_sim and row[j] >= t.evidence_relative * best]


def _clauses(text: str, *, segment: bool) -> list[str]:
    parts = [p.strip(" ,.;:") for p in _CLAUSE_SPLIT.split(text)]
    parts = [p for p in parts if len(content_terms(word_tokens(p, segment=segment))) >= MIN_CLAUSE_TERMS]
    return parts if len(parts) > 1 else []


def _idf(token_sets: list[set[str]]) -> dict[str, float]:
    """IDF over the lower candidates: words the lower plan rarely uses weigh most; unseen words weigh most of all."""
    df = Counter()
    for tokens in token_sets:
        df.update(tokens)
    n = len(token_sets)
    return {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()} | {"": math.log(n + 1) + 1}


def _share(terms: set[str], found: set[str], idf: dict[str, float]) -> float:
    if not terms:
        return 0.0
    default = idf.get("", 1.0)
    total = sum(idf.get(w, default) for w in terms)
    return sum(idf.get(w, default) for w in terms if w in found) / total


def _superior(unit: Unit) -> SuperiorItem:
    return SuperiorItem(text=unit.quote or unit.text, actor=unit.actor, deadline=unit.deadline, value=unit.value,
                        unit=unit.unit, comparator=unit.comparator, section=unit.section,
                        span=Span(start=unit.span[0], end=unit.span[1]) if unit.span else None)


def _match(cand: Unit, score: float) -> Match:
    return Match(kind=cand.kind if cand.kind in ("task", "target", "milestone") else "text", text=cand.text,
                 score=round(score, 3), actor=cand.actor, deadline=cand.deadline, value=cand.value, unit=cand.unit,
                 section=cand.section, span=Span(start=cand.span[0], end=cand.span[1]) if cand.span else None)


def _ref(record: DirectiveRecord) -> DocRef:
    h = record.header
    return DocRef(number=h.number, doc_type=h.doc_type, issuer=h.issuer, date=h.date)


def find_link(lower: DirectiveRecord, superior: DirectiveRecord, lower_doc: Document | None = None) -> Link:
    """How the lower cites the superior: its reference by number (and date when both have one)."""
    number = fold_number(superior.header.number)
    if not number:
        return Link()
    relation = None
    for ref in lower.references:
        if fold_number(ref.number) != number:
            continue
        if ref.date and superior.header.date and ref.date != superior.header.date:
            continue
        relation = ref.relation
        break
    evidence, span = None, None
    if lower_doc is not None and superior.header.number:
        for line in lower_doc.text.split("\n"):
            if number in fold_number(line) or fold(superior.header.number) in fold(line):
                evidence = _sentence_with(line, superior.header.number)
                where = locate(evidence, lower_doc.text)
                span = Span(start=where[0], end=where[1]) if where else None
                break
        if relation is None and evidence:
            relation = "cited"
    if evidence is None and relation is not None:
        h = superior.header
        evidence = " ".join(p for p in (h.doc_type, h.number, f"ngày {h.date}" if h.date else None) if p)
    return Link(relation=relation, evidence=evidence, span=span)


def _sentence_with(line: str, number: str) -> str:
    """The clause of ``line`` (between ';') that holds ``number``."""
    key = fold_number(number)
    for part in line.split(";"):
        if key in fold_number(part):
            return part.strip()
    return line.strip()


def summarize(items: list[CheckItem]) -> Summary:
    """Counts by status and coverage = (covered + partial/2) / applicable items."""
    counts = Counter(item.status for item in items)
    applicable = sum(v for k, v in counts.items() if k != "not_applicable")
    coverage = (counts["covered"] + counts["partial"] / 2) / applicable if applicable else 0.0
    return Summary(covered=counts["covered"], partial=counts["partial"], conflict=counts["conflict"],
                   missing=counts["missing"], not_applicable=counts["not_applicable"], coverage=round(coverage, 3))
