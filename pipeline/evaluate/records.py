"""Scoring of directive records (the rules of spec/RECORDS.md, as the reference scorer applies them)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from pathlib import Path

from pipeline.lang.fold import dice, fold, fold_number, words

SECTIONS = ("references", "targets", "milestones", "responsibilities")
HEADER_FIELDS = ("doc_type", "number", "issuer", "date", "title", "signer")
DOC_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".ws")


def same_org(gold: str | None, pred: str | None) -> bool:
    """Organisation names match by words (containment covering 60%) or a fuzzy ratio of 0.85."""
    if not gold or not pred:
        return False
    wg, wp = words(gold), words(pred)
    small, large = sorted((wg, wp), key=len)
    if small <= large and len(small) >= 0.6 * len(large):
        return True
    return SequenceMatcher(None, fold(gold), fold(pred)).ratio() >= 0.85


def _num(value: object) -> float | None:
    try:
        return float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None


def _unit(unit: str | None) -> str:
    return fold(unit).replace(" ", "")


def _ref_match(g: dict, p: dict) -> bool:
    if g.get("number"):
        return fold_number(g["number"]) == fold_number(p.get("number"))
    return (not p.get("number") and fold(g.get("doc_type")) == fold(p.get("doc_type"))
            and dice(g.get("title"), p.get("title")) >= 0.5)


def _target_match(g: dict, p: dict) -> bool:
    return (_num(g.get("value")) == _num(p.get("value")) and _unit(g.get("unit")) == _unit(p.get("unit"))
            and dice(g.get("text"), p.get("text")) >= 0.5)


def _milestone_match(g: dict, p: dict) -> bool:
    if (g.get("start") or None) != (p.get("start") or None) or (g.get("end") or None) != (p.get("end") or None):
        return False
    if g.get("start") or g.get("end"):
        return True
    return max(dice(g.get("text"), p.get("text")),
               dice(" ".join(g.get("activities") or []), " ".join(p.get("activities") or []))) >= 0.3


def _resp_match(g: dict, p: dict) -> bool:
    return same_org(g.get("actor"), p.get("actor"))


def _tasks_text(item: dict) -> str:
    return " ".join([item.get("actor") or ""] + list(item.get("tasks") or []))


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "references": _ref_match, "targets": _target_match, "milestones": _milestone_match,
    "responsibilities": _resp_match}
TIEBREAK: dict[str, Callable[[dict], str | None]] = {
    "references": lambda i: i.get("title"), "targets": lambda i: i.get("text"),
    "milestones": lambda i: i.get("text"), "responsibilities": _tasks_text}


def match(section: str, gold_items: list[dict], pred_items: list[dict]):
    """Greedy one-to-one matching, best overlap first; returns (pairs, tp, fp, fn)."""
    ok, key = MATCHERS[section], TIEBREAK[section]
    candidates = []
    for gi, g in enumerate(gold_items):
        for pi, p in enumerate(pred_items):
            if ok(g, p):
                candidates.append((dice(key(g), key(p)), not g.get("optional"), -gi, -pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, ngi, npi in candidates:
        gi, pi = -ngi, -npi
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold_items[gi], pred_items[pi]))
    tp = sum(1 for g, _ in pairs if not g.get("optional"))
    fn = sum(1 for gi, g in enumerate(gold_items) if gi not in used_g and not g.get("optional"))
    fp = sum(1 for pi in range(len(pred_items)) if pi not in used_p)
    return pairs, tp, fp, fn


def header_hits(gold: dict, pred: dict) -> dict[str, bool]:
    """Which header fields of the gold are predicted right."""
    hits = {}
    for field in HEADER_FIELDS:
        g, p = gold.get(field), pred.get(field)
        if field == "signer":
            g = (g or {}).get("name")
            p = (p or {}).get("name") if isinstance(p, dict) else p
        if g is None:
            continue
        if field == "number":
            hit = fold_number(g) == fold_number(p)
        elif field == "issuer":
            hit = same_org(g, p)
        elif field == "title":
            hit = dice(g, p) >= 0.8
        else:
            hit = fold(g) == fold(p)
        hits[field] = hit
    return hits


def score(pairs: Iterable[tuple[str, dict, dict]]) -> dict:
    """Scores of (name, gold record, predicted record) triples, micro-averaged over documents."""
    totals = {s: [0, 0, 0] for s in SECTIONS}
    extra = {"reference_relation": [0, 0], "reference_date": [0, 0], "reference_issuer": [0, 0],
             "task_recall": [0, 0]}
    header = {f: [0, 0] for f in HEADER_FIELDS}
    per_doc: dict[str, dict] = {}
    for name, gold, pred in pairs:
        doc: dict[str, tuple[int, int, int]] = {}
        for field, hit in header_hits(gold.get("header", {}), pred.get("header") or {}).items():
            header[field][0] += hit
            header[field][1] += 1
        for section in SECTIONS:
            gold_items = gold.get(section, [])
            matched, tp, fp, fn = match(section, gold_items, pred.get(section) or [])
            for i, v in enumerate((tp, fp, fn)):
                totals[section][i] += v
            doc[section] = (tp, fp, fn)
            for g, p in matched:
                if g.get("optional"):
                    continue
                if section == "references":
                    extra["reference_relation"][0] += g.get("relation") == p.get("relation")
                    extra["reference_relation"][1] += 1
                    if g.get("date"):
                        extra["reference_date"][0] += g.get("date") == p.get("date")
                        extra["reference_date"][1] += 1
                    if g.get("issuer"):
                        extra["reference_issuer"][0] += same_org(g.get("issuer"), p.get("issuer"))
                        extra["reference_issuer"][1] += 1
                if section == "responsibilities":
                    for task in g.get("tasks", []):
                        extra["task_recall"][0] += any(dice(task, t) >= 0.5 for t in p.get("tasks") or [])
                        extra["task_recall"][1] += 1
            if section == "responsibilities":
                unmatched = [g for g in gold_items if not g.get("optional") and all(g is not pg for pg, _ in matched)]
                extra["task_recall"][1] += sum(len(g.get("tasks", [])) for g in unmatched)
        per_doc[name] = doc
    result: dict = {}
    for section, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[section] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                           "tp": tp, "fp": fp, "fn": fn}
    for key, (hit, n) in extra.items():
        result[key] = round(hit / n, 3) if n else None
    result["header"] = {f: round(h / n, 3) if n else None for f, (h, n) in header.items()}
    hits = sum(h for h, _ in header.values())
    n = sum(n for _, n in header.values())
    result["header_accuracy"] = round(hits / n, 3) if n else None
    result["per_doc"] = per_doc
    return result


def find_document(stem: str, doc_dirs: list[Path]) -> Path | None:
    """The document whose file name (without extension) is ``stem`` in one of the folders."""
    for folder in doc_dirs:
        for suffix in DOC_SUFFIXES:
            candidate = folder / f"{stem}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def evaluate_dirs(gold_dir: Path, doc_dirs: list[Path], *, pred_dir: Path | None = None,
                  extract: Callable[[Path], dict] | None = None) -> tuple[dict, list[str]]:
    """Score every gold file of ``gold_dir`` against its document's extraction.

    Predictions are read from ``pred_dir`` when given (as the reference scorer does), else
    made by ``extract`` on the document found in ``doc_dirs``. A gold file without a
    document counts as an empty prediction, as in the reference scorer; its name is returned
    in the list of notes.
    """
    notes: list[str] = []

    def triples():
        for gold_path in sorted(Path(gold_dir).glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pred: dict = {}
            if pred_dir is not None:
                p = Path(pred_dir) / gold_path.name
                pred = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
            else:
                doc = find_document(gold_path.stem, doc_dirs)
                if doc is None:
                    notes.append(f"{gold_path.stem}: no document found; counted as an empty prediction")
                elif extract is not None:
                    pred = extract(doc)
            yield gold_path.stem, gold, pred

    return score(triples()), notes
