"""The index store and search over hand-made records (independent of the extractors)."""
from __future__ import annotations

import pytest

from pipeline.errors import UsageError
from pipeline.index import citations, connect, find_documents, load_record, search
from pipeline.index.store import count_documents, write_document
from schemas.document import Span
from schemas.records import (
    DirectiveRecord,
    Header,
    Milestone,
    Period,
    Reference,
    Responsibility,
    Signer,
    Target,
)


def _record(number, *, doc_type="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Đồng Tháp", date="2025-11-19",
            title="", references=()):
    return DirectiveRecord(header=Header(doc_type=doc_type, number=number, issuer=issuer, date=date, title=title),
                           references=list(references))


def _add(conn, path, record, body):
    return write_document(conn, record, path=path, sha256=f"sha-{path}", body=body)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "index.db"
    conn = connect(path)
    nq57 = _record("57-NQ/TW", doc_type="Nghị quyết", issuer="Bộ Chính trị", date="2024-12-22",
                   title="Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")
    _add(conn, "/c/nq57.md", nq57, "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học công nghệ.")
    _add(conn, "/c/kh552.md", _record("552/KH-UBND", title="Lộ trình đổi mới công nghệ tỉnh Đồng Tháp", references=[
        Reference(doc_type="Nghị quyết", number="57-NQ/TW", date="2024-12-22", relation="implements")]),
        "Ủy ban nhân dân tỉnh Đồng Tháp ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024.")
    _add(conn, "/c/kh9.md", _record("9/KH-LĐLĐ", issuer="Liên đoàn Lao động huyện Dương Minh Châu",
                                    date="2021-06-24", title="Nâng cao chất lượng công đoàn cơ sở", references=[
        Reference(doc_type="Nghị quyết", number="57-NQ/TW", relation="cited")]),
        "Công đoàn cơ sở quán triệt nghị quyết 57-NQ/TW; quyet dinh khong dau.")
    # the 21/CT-TTg trap: two documents share a number, told apart by date
    _add(conn, "/c/ct21_2026.txt", _record("21/CT-TTg", doc_type="Chỉ thị", issuer="Thủ tướng Chính phủ",
                                           date="2026-05-20", title="Sắp xếp thôn, tổ dân phố"),
         "Chỉ thị về sắp xếp thôn, tổ dân phố. Quyết định số 1 được ban hành.")
    _add(conn, "/c/kh157.md", _record("157/KH-UBND", issuer="UBND thành phố Cần Thơ", date="2025-03-01",
                                      title="Thanh toán không dùng tiền mặt", references=[
        Reference(doc_type="Chỉ thị", number="21/CT-TTg", date="2022-11-25", relation="implements")]),
        "Thực hiện Chỉ thị số 21/CT-TTg ngày 25/11/2022 về thanh toán không dùng tiền mặt.")
    conn.close()
    return path


def test_round_trip_keeps_every_field(tmp_path):
    record = DirectiveRecord(
        header=Header(doc_type="Kế hoạch", number="106/KH-LĐLĐ", issuer="Liên đoàn Lao động huyện X",
                      place="X", date="2021-06-24", title="Thực hiện chủ đề năm 2021",
                      period=Period(start="2021-01-01", end="2021-12-31"),
                      signer=Signer(name="Nguyễn Văn A", position="Chủ tịch", authority="TM. BAN THƯỜNG VỤ"),
                      recipients=["Công đoàn cơ sở", "Lưu: VP"], uncertain=["date"]),
        references=[Reference(doc_type="Kế hoạch", number="242/KH-LĐLĐ", date="2021-06-24", issuer="LĐLĐ tỉnh",
                              title="về ...", relation="implements", mentions=2,
                              span=Span(start=10, end=30), section="I")],
        targets=[Target(text="100% CĐCS", value=100, value_max=None, unit="%", comparator=">=",
                        subject="CĐCS", frequency="hàng năm", year=2021),
                 Target(text="10,5 - 11%", value=10.5, value_max=11, unit="%")],
        milestones=[Milestone(text="trước ngày 03/11/2021", kind="deadline", end="2021-11-03", precision="day",
                              activities=["Báo cáo kết quả"], section="III.2")],
        responsibilities=[Responsibility(actor="Công đoàn cơ sở", tasks=["a", "b"], role="lead",
                                         partners=["Đoàn Thanh niên"], deadline="Quý III")],
        source="/x/a.txt", sha256="abc", warnings=["w"])
    conn = connect(tmp_path / "i.db")
    doc_id = write_document(conn, record, path="/x/a.txt", sha256="abc", body="text")
    assert load_record(conn, doc_id) == record


def test_same_path_replaces_old_version(tmp_path):
    conn = connect(tmp_path / "i.db")
    first = write_document(conn, _record("1/KH-UBND", references=[Reference(number="2/KH-UBND")]),
                           path="/a", sha256="h1", body="cũ")
    write_document(conn, _record("1/KH-UBND"), path="/a", sha256="h2", body="mới")
    assert count_documents(conn) == 1
    assert conn.execute("SELECT count(*) FROM doc_references").fetchone()[0] == 0
    assert load_record(conn, first) is None
    conn.execute("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize("query", ["dong thap", "Đồng Tháp", "DONG THAP"])
def test_search_folds_accents_and_d(db, query):
    hits = search(query, db=db)
    assert [h.number for h in hits] == ["552/KH-UBND"]
    assert "[Đồng] [Tháp]" in hits[0].snippet


def test_search_cong_doan(db):
    assert [h.number for h in search("cong doan", db=db)] == ["9/KH-LĐLĐ"]


def test_accented_query_ranks_exact_accents_first(db):
    hits = search("Quyết định", db=db)
    assert [h.number for h in hits] == ["21/CT-TTg", "9/KH-LĐLĐ"]
    assert [h.number for h in search("quyet dinh", db=db)][:2] != []


def test_number_is_one_searchable_token(db):
    hits = search("57-NQ/TW", db=db)
    assert hits[0].number == "57-NQ/TW"  # its own number outranks mentions
    assert {h.number for h in hits} == {"57-NQ/TW", "552/KH-UBND", "9/KH-LĐLĐ"}
    assert search("9/KH-LDLD", db=db)[0].number == "9/KH-LĐLĐ"


def test_filters(db):
    # Cần Thơ is a centrally-run city: provincial level
    assert {h.number for h in search("", db=db, level="tinh")} == {"552/KH-UBND", "157/KH-UBND"}
    assert {h.number for h in search("", db=db, level="huyện")} == {"9/KH-LĐLĐ"}
    assert {h.number for h in search("", db=db, level="TW")} == {"57-NQ/TW", "21/CT-TTg"}
    assert {h.number for h in search("", db=db, doc_type="CT")} == {"21/CT-TTg"}
    assert {h.number for h in search("", db=db, year=2024)} == {"57-NQ/TW"}
    assert {h.number for h in search("", db=db, issuer="chinh phu")} == {"21/CT-TTg"}
    assert [h.number for h in search("", db=db, doc_type="ke hoach", limit=1)] == ["552/KH-UBND"]  # newest first


def test_cites_with_relation(db):
    hits = search("", db=db, cites="57-nq/tw")
    assert {(h.number, h.relation) for h in hits} == {("552/KH-UBND", "implements"), ("9/KH-LĐLĐ", "cited")}
    assert "[57-NQ/TW]" in hits[0].snippet


def test_cites_resolved_by_number_and_date(db):
    conn = connect(db)
    [ct21] = find_documents(conn, "21/ct-ttg")
    [kh157] = find_documents(conn, "157/KH-UBND")
    [nq57] = find_documents(conn, "57-NQ/TW")
    [kh552] = find_documents(conn, "552/KH-UBND")
    # kh157 cites the 21/CT-TTg of 2022, not the indexed one of 2026
    assert citations(conn, kh157)["cites"][0]["id"] is None
    assert citations(conn, ct21)["cited_by"] == []
    # dated and undated references to a unique number resolve
    assert citations(conn, kh552)["cites"][0]["id"] == nq57
    assert {c["number"] for c in citations(conn, nq57)["cited_by"]} == {"552/KH-UBND", "9/KH-LĐLĐ"}


def test_search_errors(db, tmp_path):
    with pytest.raises(UsageError):
        search("", db=db)
    with pytest.raises(UsageError):
        search("x", db=db, level="galaxy")
    with pytest.raises(UsageError):
        search("x", db=tmp_path / "missing.db")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UsageError):
        connect(bad)
