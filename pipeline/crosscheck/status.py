"""The status of an applicable item from its evidence (spec/CROSSCHECK.md, "Status").

Three similarities, all in [0, 1]:
- ``best``: similarity of the closest lower text to the whole item, or to one
  of its clauses (a clause is a part between ';' or a sentence);
- ``recall``: the share of the item's content words (IDF-weighted, so the
  words the lower plan rarely uses weigh most) found in its evidence;
- ``doc_recall``: the share of its content words found anywhere in the lower plan
  (unweighted): is the topic there at all?

and ``claim_rank``: how many other superior items the item's best evidence is
closer to (a lower text carries out the demand it is closest to; a narrow plan
shares the superior's words without carrying out most of its demands).

``covered`` needs most of the content in close evidence, every clause taken
up and, when the superior states a number, a number in the evidence (for a
target, its level by its date: no weaker, no later; for a dated task or
milestone, a date in the evidence no later than the superior's);
``missing`` needs the topic to be absent, or no close text and a thin topic
or thin evidence, or only texts that carry out other demands more closely
(for a target: no close text at all, as the words of an indicator are common);
anything between is ``partial``. A finding of contradiction makes ``conflict``. In a narrow plan
(``narrow_plan``: most applicable items missing) ``covered`` also needs a lower text that restates
the item closely (a looser one is a narrower take on it, ``partial``), and ``partial`` a text a
little closer than elsewhere (what such a plan shares with a demand of another topic is its words).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """The cut points of the status decision (tuned on the gold pair, kept round)."""

    evidence_sim: float = 0.2       # a lower text closer than this may be evidence
    evidence_relative: float = 0.6  # ... and at least this share of the best similarity
    max_matches: int = 5            # evidence texts kept per item
    covered_recall: float = 0.5     # content share in evidence for 'covered'
    covered_sim: float = 0.3        # best similarity for 'covered'
    clause_recall: float = 0.2      # a clause below this share is not taken up: at most 'partial'
    missing_doc_recall: float = 0.3  # topic share in the whole plan below this: 'missing'
    weak_doc_recall: float = 0.5    # ... or below this with no close text
    weak_sim: float = 0.22          # 'no close text' for the whole item
    weak_clause_sim: float = 0.28   # 'no close text' for its best clause
    target_weak_sim: float = 0.3    # a target with no lower text this close: its indicator is absent
    thin_sim: float = 0.25          # no lower text this close to the item or a clause ...
    thin_recall: float = 0.4        # ... and less than this share of its content in the evidence: 'missing'
    claimed_rank: int = 3           # evidence closer to this many other items carries out those ...
    claimed_sim: float = 0.33       # ... and, when no text is this close, the item is 'missing'
    narrow_share: float = 0.35      # a plan that leaves more than this share of applicable items missing is narrow:
    narrow_sim: float = 0.5         # ... there an item no lower text restates this closely is 'partial', not 'covered',
    narrow_thin_sim: float = 0.28   # ... and one with no lower text this close and less than
    narrow_thin_recall: float = 0.4  # this share of its content in the evidence is 'missing'
    catch_all_share: float = 0.5    # a task whose words are at least this share general directive words
    catch_all_sim: float = 0.15     # ... is taken up in part by a lower text at least this close


DEFAULT = Thresholds()
GENERAL_DEMAND = "a general demand"  # how the reason of a catch-all demand taken up in part begins


@dataclass
class Measures:
    """What the decision looks at, kept for the report."""

    best: float
    clause_best: float
    recall: float
    doc_recall: float
    clause_recalls: list[float]
    needs_number: bool
    has_number: bool
    is_target: bool = False
    falls_short: bool = False  # the evidence sets the indicator only weaker or later
    undated: bool = False      # the superior sets a date and no evidence sets one as early
    claim_rank: int = 0        # how many other items its best evidence is closer to (the least over it)
    catch_all: bool = False    # a demand made of general directive words ("tập trung, quyết liệt ... mọi biện pháp")


def decide(m: Measures, *, conflict: bool, thresholds: Thresholds = DEFAULT) -> tuple[str, str]:
    """(status, reason) for an applicable item."""
    t = thresholds
    if m.catch_all and not conflict and max(m.best, m.clause_best) >= t.catch_all_sim:
        return "partial", (f"{GENERAL_DEMAND} (mostly general directive words): the lower plan's measures on "
                           f"its subject take it up in part (closest similarity {max(m.best, m.clause_best):.2f})")
    if m.doc_recall < t.missing_doc_recall:
        return "missing", (f"the lower plan hardly speaks of it: {m.doc_recall:.0%} of its content words "
                           "appear anywhere in the plan")
    if m.best < t.weak_sim and m.clause_best < t.weak_clause_sim and m.doc_recall < t.weak_doc_recall:
        return "missing", (f"no lower text takes it up (closest similarity {max(m.best, m.clause_best):.2f}) "
                           f"and only {m.doc_recall:.0%} of its content words appear in the plan")
    if max(m.best, m.clause_best) < t.thin_sim and m.recall < t.thin_recall and not conflict:
        return "missing", (f"no lower text takes it up (closest similarity {max(m.best, m.clause_best):.2f}); "
                           f"the closest texts share only {m.recall:.0%} of its content words")
    if m.is_target and max(m.best, m.clause_best) < t.target_weak_sim and not conflict:
        return "missing", (f"no lower text names this indicator (closest similarity "
                           f"{max(m.best, m.clause_best):.2f}); shared words alone do not carry a target")
    if conflict:
        return "conflict", "the lower plan takes it up but contradicts it (see findings)"
    untaken = [r for r in m.clause_recalls if r < t.clause_recall]
    if m.recall >= t.covered_recall and max(m.best, m.clause_best) >= t.covered_sim and not untaken:
        if m.needs_number and not m.has_number:
            return "partial", "taken up, but without the number the superior sets (vaguer wording)"
        if m.undated:
            return "partial", "taken up, but without the date the superior sets (or only a later one)"
        if m.falls_short:
            return "partial", "taken up, but the lower plan sets this indicator at a lower level or a later date"
        return "covered", f"the evidence carries {m.recall:.0%} of its content words"
    if m.claim_rank >= t.claimed_rank and max(m.best, m.clause_best) < t.claimed_sim:
        return "missing", (f"the closest lower texts (similarity {max(m.best, m.clause_best):.2f}) carry out "
                           f"{m.claim_rank} other demands more closely than this one")
    if untaken and len(m.clause_recalls) > 1:
        return "partial", (f"taken up in part: {len(untaken)} of its {len(m.clause_recalls)} demands find no "
                           f"lower text ({m.recall:.0%} of its content words in the evidence)")
    return "partial", f"taken up in part: the evidence carries {m.recall:.0%} of its content words"


def narrow_plan(statuses: list[str], *, thresholds: Thresholds = DEFAULT) -> bool:
    """Whether the lower plan takes up only a narrow part of the superior: more than ``narrow_share``
    of the applicable items find nothing in it. Such a plan carries the superior's demands out for
    its own sector or topic, so what it shares with a general demand is a narrower take on it."""
    applicable = [s for s in statuses if s != "not_applicable"]
    return bool(applicable) and sum(s == "missing" for s in applicable) / len(applicable) > thresholds.narrow_share


def narrowed(status: str, best: float, recall: float, *, thresholds: Thresholds = DEFAULT) -> str | None:
    """The status an item takes in a narrow plan, with ``best`` the similarity of its closest evidence
    and ``recall`` the share of its content in the evidence; None when it keeps its own."""
    t = thresholds
    if status == "covered" and best < t.narrow_sim:
        return "partial"
    if status == "partial" and best < t.narrow_thin_sim and recall < t.narrow_thin_recall:
        return "missing"
    return None
