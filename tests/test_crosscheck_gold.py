"""The gold pair (Công điện 223/CĐ-TTg → Kế hoạch 0129/KH-UBND) as a regression test.

Read from ../shared when present, skipped otherwise. Records are the gold
records (the extractors are measured elsewhere); the documents' texts add the
lower plan's sentences that no record holds.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.crosscheck import check
from pipeline.crosscheck.evaluate import score_pair
from pipeline.crosscheck.resolve import RecordStore, resolve_superiors

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAIR = SHARED / "gold" / "pairs" / "cd_223__kh_0129.json"
SUPERIOR = "cd_223_ttg_2025_ung_pho_lu_khanhhoa_daklak_gialai"
LOWER = "kh_0129_ubnd_daklak_2025_ho_tro_nhu_yeu_pham_mua_lu_cd223"
SCORER = SHARED / "tools" / "score_crosscheck.py"

pytestmark = pytest.mark.skipif(not PAIR.is_file(), reason="../shared gold pair not present")


@pytest.fixture(scope="module")
def pair():
    from pipeline.readers import read

    store = RecordStore.load(SHARED / "gold" / f"{LOWER}.json")
    lower = store.records[0]
    superior = RecordStore.load(SHARED / "gold" / f"{SUPERIOR}.json").records[0]
    return (lower, superior, read(SHARED / "realdocs" / f"{LOWER}.md"),
            read(SHARED / "realdocs" / f"{SUPERIOR}.md"))


@pytest.fixture(scope="module")
def report(pair):
    lower, superior, lower_doc, superior_doc = pair
    return check(lower, superior, lower_doc=lower_doc, superior_doc=superior_doc)


def test_gold_pair_meets_the_bar(report):
    result = score_pair(json.loads(PAIR.read_text(encoding="utf-8")), report.contract())
    assert result["status_accuracy"] >= 0.75
    assert result["missing"]["f1"] >= 0.7
    assert result["coverage_error"] <= 0.15


def test_gold_pair_not_applicable_are_the_ministries(report):
    for item in report.items:
        ministries = item.superior.actor and item.superior.actor.startswith(("Bộ", "Các Bộ"))
        assert (item.status == "not_applicable") == bool(ministries), item.superior.actor


def test_gold_pair_link_and_evidence_spans(report):
    assert report.link.relation == "based_on" and "223/CĐ-TTg" in report.link.evidence
    for item in report.items:
        if item.status in ("covered", "partial", "conflict"):
            assert item.matches and all(m.span is not None for m in item.matches)


@pytest.mark.skipif(not SCORER.is_file(), reason="shared scorer not present")
def test_project_score_agrees_with_the_shared_scorer(report, tmp_path):
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(report.contract(), ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(PAIR), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == score_pair(json.loads(PAIR.read_text(encoding="utf-8")), report.contract())


def test_superior_found_from_an_index_holding_both(pair):
    lower, superior, _, _ = pair
    store = RecordStore([lower, superior])
    found = [r for r in resolve_superiors(lower, store) if r.record is not None]
    assert [r.record.header.number for r in found] == ["223/CĐ-TTg"]


def test_cli_db_finds_the_superior(tmp_path):
    for name in (LOWER, SUPERIOR):
        data = json.loads((SHARED / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        data["source"] = str(SHARED / "realdocs" / f"{name}.md")
        (tmp_path / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    from pipeline.cli import main

    out = tmp_path / "report.json"
    import contextlib
    import io

    buf, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
        code = main(["check", str(tmp_path / f"{LOWER}.json"), "--db", str(tmp_path), "--json"])
    assert code == 0
    assert "superior found: Công điện 223/CĐ-TTg" in err.getvalue()
    assert "superior not found in the index: Nghị định 200/2023/NĐ-CP" in err.getvalue()
    out.write_text(buf.getvalue(), encoding="utf-8")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["superior"]["number"] == "223/CĐ-TTg"


def test_ingest_then_check_against_the_index_meets_the_bar(tmp_path):
    """The whole loop from the raw texts: ingest both, check the lower with --db, score."""
    import contextlib
    import io

    from pipeline.cli import main
    from pipeline.index import ingest

    db = tmp_path / "vanban.db"
    for name in (SUPERIOR, LOWER):
        (tmp_path / f"{name}.md").symlink_to(SHARED / "realdocs" / f"{name}.md")
    report = ingest([tmp_path], db=db, workers=1)
    assert report.ingested == 2 and not report.failed
    buf, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
        code = main(["check", str(tmp_path / f"{LOWER}.md"), "--db", str(db), "--json"])
    assert code == 0, err.getvalue()
    assert "superior found: Công điện 223/CĐ-TTg" in err.getvalue()
    predicted = json.loads(buf.getvalue())
    assert predicted["superior"]["number"] == "223/CĐ-TTg"
    scores = score_pair(json.loads(PAIR.read_text(encoding="utf-8")), predicted)
    assert scores["status_accuracy"] >= 0.75
    assert scores["missing"]["f1"] >= 0.7
    assert scores["coverage_error"] <= 0.15


def test_superior_found_in_the_sqlite_index(pair, tmp_path):
    store = pytest.importorskip("pipeline.index.store")
    from pipeline.crosscheck.resolve import index_lookup

    lower, superior, lower_doc, superior_doc = pair
    conn = store.connect(tmp_path / "vanban.db")
    for record, doc, name in ((superior, superior_doc, SUPERIOR), (lower, lower_doc, LOWER)):
        path = SHARED / "realdocs" / f"{name}.md"
        store.write_document(conn, record, path=path, sha256=name, body=doc.text)
    found = [r for r in resolve_superiors(lower, index_lookup(tmp_path / "vanban.db")) if r.record is not None]
    assert [r.record.header.number for r in found] == ["223/CĐ-TTg"]
    assert found[0].record.source.endswith(f"{SUPERIOR}.md")
