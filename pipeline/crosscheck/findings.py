"""Consistency findings between a superior item and its lower evidence, each quoting both sides.

- ``target_below_superior``: the same unit with a weaker value (80% where 100% is demanded);
- ``deadline_after_superior`` / ``report_deadline_after_superior``: a later due date
  (the latter when the superior item asks for a report);
- ``responsibility_wrong_level``: the superior gives the work to the lower
  issuer's own level and the lower plan passes all of it further down.

A target the lower sets for another date is no contradiction: a lower level at an
earlier date is a step on the way, a higher level at a later date a further
milestone. ``falls_short`` tells the status that such evidence does not cover it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from pipeline.crosscheck.applicability import actor_tiers
from pipeline.crosscheck.items import Unit
from pipeline.crosscheck.text import REPORT, STOPWORDS, content_terms, numbers_in, word_tokens
from pipeline.lang.fold import fold
from schemas.crosscheck import Finding

_DIGIT = re.compile(r"\d")
# only evidence this close to the superior item can contradict it
CONFLICT_SIM = 0.3
# ... and, for a value, only one that names the same indicator (share of content syllables)
SAME_INDICATOR = 0.5
# personal-responsibility words: the work may not be handed down
PERSONAL = ("chịu trách nhiệm", "trực tiếp chỉ đạo", "trực tiếp chủ trì", "không được giao", "người đứng đầu")


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


def _same_unit(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    return fa == fb or fa.startswith(fb) or fb.startswith(fa)


@lru_cache(maxsize=1)
def _level_words() -> re.Pattern:
    words = json.loads(STOPWORDS.read_text(encoding="utf-8"))["level_words"]
    return re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)")


def _indicator_words(text: str) -> set[str]:
    """Content syllables of a value clause, without its numbers and the words that state the level."""
    text = _level_words().sub(" ", text.lower())
    return {t for t in content_terms(word_tokens(text, segment=False)) if "_" not in t and not _DIGIT.search(t)}


def same_indicator(a: str, b: str) -> bool:
    """Whether two value clauses measure the same thing: most content syllables shared (Dice)."""
    wa, wb = _indicator_words(a), _indicator_words(b)
    return bool(wa and wb) and 2 * len(wa & wb) / (len(wa) + len(wb)) >= SAME_INDICATOR


def _weaker(lower: float, superior: float, comparator: str | None) -> bool:
    if comparator == "<=":
        return lower > superior
    return lower < superior


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def target_findings(item: Unit, evidence: list[tuple[Unit, float]]) -> list[Finding]:
    """A weaker value for the same unit in close evidence, unless another close text sets the
    superior's level (the weaker one is then another case: the next row of a table of rates)."""
    if item.value is None or not item.unit:
        return []
    weaker: list[tuple[Unit, float, str]] = []
    for cand, sim in evidence:
        if sim < CONFLICT_SIM or not same_indicator(item.text, cand.text):
            continue
        if item.deadline and cand.deadline and cand.deadline < item.deadline:
            continue  # a lower value at an earlier date is a step on the way, not a weaker target
        for value, unit in _values(cand):
            if value is None or not _same_unit(unit, item.unit):
                continue
            if not _weaker(float(value), float(item.value), item.comparator):
                return []  # the lower meets the level
            weaker.append((cand, value, unit))
    return [Finding(code="target_below_superior",
                    message=(f"The superior demands {_fmt(item.value)} {item.unit} ({_quote(item.text)}); "
                             f"the lower plan sets {_fmt(value)} {unit} ({_quote(cand.text)})."),
                    superior=item.text, lower=cand.text) for cand, value, unit in weaker[:1]]


def _values(cand: Unit) -> list[tuple]:
    return [(cand.value, cand.unit)] if cand.value is not None else numbers_in(cand.text)


def _levels(item: Unit, cands: list[Unit]) -> list[tuple[float, str | None]]:
    """The values of the item's unit that texts naming the same indicator set, with their dates."""
    return [(float(v), cand.deadline) for cand in cands if same_indicator(item.text, cand.text)
            for v, u in _values(cand) if v is not None and _same_unit(u, item.unit)]


def _reaches_later(item: Unit, cand: Unit) -> bool:
    """Whether the lower sets the superior's level (or a weaker one) for its later date: only then
    is its date a delay. A lower text with no value of the target's unit sets no level at all."""
    return any(v == float(item.value) or _weaker(v, float(item.value), item.comparator)
               for v, _ in _levels(item, [cand]))


def names_level(item: Unit, evidence: list[tuple[Unit, float]]) -> bool:
    """Whether some evidence sets a level of the item's unit for the same indicator."""
    return bool(_levels(item, [cand for cand, _ in evidence]))


def falls_short(item: Unit, evidence: list[tuple[Unit, float]]) -> bool:
    """Whether the evidence names the item's indicator only at a weaker level or a later date
    (a step on the way, or a further milestone): taken up, but not covered."""
    if item.value is None or not item.unit:
        return False
    levels = _levels(item, [cand for cand, _ in evidence])
    return bool(levels) and not any(not _weaker(v, float(item.value), item.comparator)
                                    and (not item.deadline or not due or due <= item.deadline)
                                    for v, due in levels)


def deadline_findings(item: Unit, evidence: list[tuple[Unit, float]]) -> list[Finding]:
    """A later due date in close evidence."""
    if not item.deadline:
        return []
    code = "report_deadline_after_superior" if REPORT.search(item.body) else "deadline_after_superior"
    for cand, sim in evidence:
        if sim < CONFLICT_SIM or not cand.deadline:
            continue
        # a target's year is its horizon: a later one contradicts only for the same indicator, at a
        # level no higher than the superior's (a higher level later is a further milestone)
        if "target" in (item.kind, cand.kind) and not same_indicator(item.body, cand.text):
            continue
        if item.kind == "target" and item.value is not None and not _reaches_later(item, cand):
            continue
        if cand.deadline > item.deadline:
            return [Finding(
                code=code,
                message=(f"The superior sets {item.deadline} ({_quote(item.text)}); the lower plan sets "
                         f"{cand.deadline}, later ({_quote(cand.text)})."),
                superior=item.text, lower=cand.text)]
    return []


def level_findings(item: Unit, evidence: list[tuple[Unit, float]], *, lower_tier: int | None) -> list[Finding]:
    """Work the superior gives personally to the lower's level, handed wholly to a level below it."""
    if lower_tier is None or not item.actor or lower_tier not in actor_tiers(item.actor):
        return []
    if not any(word in item.text.lower() for word in PERSONAL):
        return []
    close = [(c, s) for c, s in evidence if s >= CONFLICT_SIM]
    if not close or not all(c.actor for c, _ in close):
        return []
    tiers = [actor_tiers(c.actor) for c, _ in close]
    if all(t and min(t) > lower_tier for t in tiers):
        cand = close[0][0]
        return [Finding(
            code="responsibility_wrong_level",
            message=(f"The superior gives this to {item.actor} ({_quote(item.text)}); the lower plan gives it "
                     f"to {cand.actor} ({_quote(cand.text)})."),
            superior=item.text, lower=cand.text)]
    return []


def find_all(item: Unit, evidence: list[tuple[Unit, float]], *, lower_tier: int | None) -> list[Finding]:
    """Every finding of one item, in a stable order."""
    return (target_findings(item, evidence) + deadline_findings(item, evidence)
            + level_findings(item, evidence, lower_tier=lower_tier))
