"""`vanban eval` scores by the rules of RECORDS.md and agrees with the reference scorer."""
from __future__ import annotations

import json
import subprocess
import sys

from pipeline.evaluate import score
from pipeline.evaluate.records import header_hits, match, same_org


def test_same_org_rules():
    assert same_org("Ban Thường vụ Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh")
    assert not same_org("Công đoàn cơ sở", "Công đoàn cấp trên trực tiếp cơ sở")


def test_optional_items_count_neither_way():
    gold = [{"value": 100, "unit": "%", "text": "100% đơn vị có quy chế"},
            {"value": 1, "unit": "lần/năm", "text": "ít nhất 01 lần/năm", "optional": True}]
    _, tp, fp, fn = match("targets", gold, [{"value": 100, "unit": "%", "text": "100% đơn vị có quy chế dân chủ"}])
    assert (tp, fp, fn) == (1, 0, 0)


def test_header_numbers_fold_diacritics():
    assert header_hits({"number": "348/QĐ-CĐN"}, {"number": "348/qd-cdn"}) == {"number": True}


def test_agrees_with_reference_scorer(tmp_path, shared_dir):
    """Same gold and predictions: the project's scores equal tools/score_records.py's."""
    gold_dir = shared_dir / "gold"
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    # predictions: each gold with items dropped and perturbed, so every count is non-trivial
    triples = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = {k: (v[::2] if isinstance(v, list) else v) for k, v in gold.items()}
        pred["targets"] = [dict(t, value=(t.get("value") or 0) + 1) if i % 3 == 0 else t
                           for i, t in enumerate(pred.get("targets", []))]
        (pred_dir / path.name).write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
        triples.append((path.stem, gold, pred))
    ours = score(triples)
    ours.pop("per_doc")
    scorer = shared_dir / "tools" / "score_records.py"
    out = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out)
    assert ours == theirs
