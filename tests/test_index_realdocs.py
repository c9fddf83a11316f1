"""Search quality on a few real documents (skipped when ../shared/realdocs is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.index import citations, connect, find_documents, ingest, search

REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs"
FILES = [
    "kh_552_ubnd_dongthap_2025_lo_trinh_doi_moi_cong_nghe_nq57.md",
    "kh_597_ubnd_dongthap_2025_cds_ha_tang_giao_thong.md",
    "kh_310_ubnd_hanoi_2025_ha_tang_5g_iot_nq57.md",
    "kh_144_ubnd_bacninh_2025_kinh_te_so_xa_hoi_so_2026_2030.md",
    "nq_57_tw_2024_dot_pha_khcn_dmst_cds.md",
    "ct_21_ttg_2026_sap_xep_thon_to_dan_pho.txt",
    "kh_157_ubnd_cantho_2025_thi_dua_chi_tra_khong_tien_mat.md",
]

pytestmark = pytest.mark.skipif(not all((REALDOCS / f).is_file() for f in FILES), reason="realdocs absent")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("realdocs") / "index.db"
    report = ingest([REALDOCS / f for f in FILES], db=path, workers=2, segment=False)
    assert report.failed == [] and report.ingested == len(FILES)
    return path


def _names(hits) -> list[str]:
    return [Path(h.path).name for h in hits]


@pytest.mark.parametrize("query", ["dong thap", "Đồng Tháp"])
def test_dong_thap_finds_the_dong_thap_plans_first(db, query):
    names = _names(search(query, db=db, limit=3))
    assert set(names[:2]) == {FILES[0], FILES[1]}


def test_cong_doan_without_accents_equals_with_accents(db):
    assert set(_names(search("cong doan", db=db))) == set(_names(search("công đoàn", db=db)))


def test_number_query_ranks_the_document_itself_first(db):
    hits = search("57-NQ/TW", db=db)
    assert _names(hits)[0] == "nq_57_tw_2024_dot_pha_khcn_dmst_cds.md"
    assert len(hits) >= 4


def test_cites_57(db):
    hits = search("", db=db, cites="57-NQ/TW")
    if not hits:
        pytest.skip("the references extractor finds no reference yet")
    assert {FILES[0], FILES[1], FILES[2], FILES[3]} <= set(_names(hits))


def test_21_ct_ttg_trap_is_told_apart_by_date(db):
    conn = connect(db)
    [kh157] = find_documents(conn, "157/KH-UBND")
    [ct21] = find_documents(conn, "21/CT-TTg")
    refs = [c for c in citations(conn, kh157)["cites"] if c["number"] == "21/CT-TTg"]
    if not refs:
        pytest.skip("the references extractor does not find 21/CT-TTg yet")
    assert all(c["id"] != ct21 for c in refs)
    assert all(c["number"] != "157/KH-UBND" for c in citations(conn, ct21)["cited_by"])
