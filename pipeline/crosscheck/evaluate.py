"""The score of a cross-check report against a gold pair, counted as the shared scorer counts it.

Gold and predicted items pair one to one, greedily by word Dice of their
superior texts (≥ 0.5, optional gold items paired first-class but not
counted); scored: status accuracy, precision/recall/F1 of ``missing`` and
``conflict``, coverage error (spec/CROSSCHECK.md, "Gold files and scoring").
"""
from __future__ import annotations

from pipeline.lang.fold import dice
from schemas.crosscheck import STATUSES

PAIR_MIN = 0.5


def _text(item: dict) -> str | None:
    sup = item.get("superior") or {}
    return sup.get("text") if isinstance(sup, dict) else sup


def pair_items(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Gold index → predicted index, greedy by overlap, counted items before optional ones on ties."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            d = dice(_text(g), _text(p))
            if d >= PAIR_MIN:
                candidates.append((d, not g.get("optional"), -gi, -pi))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    pairs: dict[int, int] = {}
    for _, _, ngi, npi in candidates:
        gi, pi = -ngi, -npi
        if gi in pairs or pi in used_p:
            continue
        pairs[gi] = pi
        used_p.add(pi)
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    if tp + fp + fn == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def coverage(items: list[dict]) -> float:
    """(covered + partial/2) / applicable items."""
    counts = {s: 0 for s in STATUSES}
    for item in items:
        counts[item.get("status")] = counts.get(item.get("status"), 0) + 1
    applicable = sum(v for k, v in counts.items() if k != "not_applicable")
    return (counts["covered"] + counts["partial"] / 2) / applicable if applicable else 0.0


def score_pair(gold: dict, pred: dict) -> dict:
    """The scorer's numbers for one pair (both as JSON data in the CROSSCHECK.md shape)."""
    all_gold = gold.get("items", [])
    pred_items = list(pred.get("items") or [])
    paired_all = pair_items(all_gold, pred_items)
    on_optional = {pi for gi, pi in paired_all.items() if all_gold[gi].get("optional")}
    kept = [gi for gi, g in enumerate(all_gold) if not g.get("optional")]
    index = {gi: k for k, gi in enumerate(kept)}
    gold_items = [all_gold[gi] for gi in kept]
    pairs = {index[gi]: pi for gi, pi in paired_all.items() if gi in index}
    pred_items = [p if pi not in on_optional else {**p, "status": None} for pi, p in enumerate(pred_items)]
    right = sum(1 for gi, pi in pairs.items() if gold_items[gi].get("status") == pred_items[pi].get("status"))
    result = {"gold_items": len(gold_items), "predicted_items": len(pred_items), "paired": len(pairs),
              "status_accuracy": round(right / len(gold_items), 3) if gold_items else None}
    for status in ("missing", "conflict"):
        tp = sum(1 for gi, pi in pairs.items()
                 if gold_items[gi].get("status") == status and pred_items[pi].get("status") == status)
        gold_n = sum(1 for g in gold_items if g.get("status") == status)
        pred_n = sum(1 for p in pred_items if p.get("status") == status)
        result[status] = _prf(tp, pred_n - tp, gold_n - tp)
    summary = pred.get("summary") or {}
    predicted = summary.get("coverage", coverage(pred_items))
    result["coverage_gold"] = round(coverage(gold_items), 3)
    result["coverage_predicted"] = round(float(predicted or 0.0), 3)
    result["coverage_error"] = round(abs(result["coverage_gold"] - result["coverage_predicted"]), 3)
    return result
