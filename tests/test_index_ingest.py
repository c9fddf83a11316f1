"""Batch ingestion: idempotence, replacement, bad files, limits, kill-and-resume, the CLI."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pipeline.index import batch, ingest, search
from pipeline.index.batch import Extracted, collect_files, extract_with_text
from schemas.records import DirectiveRecord, Header

ROOT = Path(__file__).resolve().parents[1]
VANBAN = Path(sys.executable).parent / "vanban"

PLAN = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: {n}/KH-UBND
{province}, ngày {day} tháng 11 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số năm 2026 số {n}

I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.
2. Phấn đấu 100% cơ quan hành chính của tỉnh {province} sử dụng văn bản điện tử, đợt {n}.
"""


def _plans(folder: Path, count: int, *, province: str = "Đồng Tháp") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        path = folder / f"kh_{n:03d}.txt"
        path.write_text(PLAN.format(n=n, province=province, day=(n % 28) + 1), encoding="utf-8")
        paths.append(path)
    return paths


def _count(db: Path, table: str = "documents") -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


# ----------------------------------------------- work functions run in the workers (module level)

def fake_work(path: str, segment: bool) -> Extracted:
    text = Path(path).read_text(encoding="utf-8")
    return Extracted(record=DirectiveRecord(header=Header(title=text.splitlines()[0])), text=text)


def hanging_work(path: str, segment: bool):
    if Path(path).stem == "hang":
        time.sleep(3600)
    return fake_work(path, segment)


def deaf_hanging_work(path: str, segment: bool):
    if Path(path).stem == "hang":  # like a parser stuck in C code: the timer signal never gets through
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return fake_work(path, segment)


def greedy_work(path: str, segment: bool):
    if Path(path).stem == "greedy":
        blob = bytearray(3 * 1024 * 1024 * 1024)
        return blob
    return fake_work(path, segment)


def crashing_work(path: str, segment: bool):
    if Path(path).stem == "crash":
        os._exit(3)
    return fake_work(path, segment)


# ------------------------------------------------------------------ tests

def test_collect_files_walks_folders_for_supported_formats(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ("a/x.txt", "a/y.md", "a/z.json", "a/.hidden.txt", "w.ws", "d.docx", "p.PDF", "n.csv"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "h.txt").write_text("x")
    names = sorted(p.name for p in collect_files([tmp_path, tmp_path / "n.csv"]))
    assert names == ["d.docx", "n.csv", "p.PDF", "w.ws", "x.txt", "y.md"]


def test_ingest_is_idempotent_and_replaces_changed_files(tmp_path):
    files = _plans(tmp_path / "docs", 3)
    db = tmp_path / "i.db"
    first = ingest([tmp_path / "docs"], db=db, workers=2, segment=False)
    assert (first.ingested, first.skipped, first.failed) == (3, 0, [])
    second = ingest([tmp_path / "docs"], db=db, workers=2, segment=False)
    assert (second.ingested, second.skipped, second.failed) == (0, 3, [])
    files[0].write_text(PLAN.format(n=99, province="Cần Thơ", day=3), encoding="utf-8")
    third = ingest([tmp_path / "docs"], db=db, workers=2, segment=False)
    assert (third.ingested, third.replaced, third.skipped) == (1, 1, 2)
    assert _count(db) == 3
    assert [h.path for h in search("can tho", db=db)] == [str(files[0])]
    # same content under another name is skipped
    (tmp_path / "docs" / "copy.txt").write_text(files[1].read_text(encoding="utf-8"), encoding="utf-8")
    fourth = ingest([tmp_path / "docs"], db=db, workers=1, segment=False)
    assert (fourth.ingested, fourth.skipped) == (0, 4)


def test_default_worker_reads_and_keeps_text(tmp_path):
    [path] = _plans(tmp_path, 1)
    outcome = extract_with_text(str(path), False)
    assert isinstance(outcome, Extracted)
    assert "Đồng Tháp" in outcome.text and outcome.record.sha256


def _minimal_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>"]
    stream = b"BT /F1 12 Tf 20 100 Td (Ke hoach so 1) Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_bad_files_fail_with_a_clear_error_and_the_batch_goes_on(tmp_path):
    docs = tmp_path / "docs"
    _plans(docs, 2)
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "random.docx").write_bytes(os.urandom(4096))
    (docs / "truncated.pdf").write_bytes(_minimal_pdf()[:150])
    (docs / "text_named.docx").write_text("Kế hoạch số 1", encoding="utf-8")
    (docs / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    report = ingest([docs], db=tmp_path / "i.db", workers=2, segment=False)
    failed = {Path(e.path).name: e for e in report.failed}
    assert report.ingested == 2
    assert set(failed) == {"empty.pdf", "random.docx", "truncated.pdf", "text_named.docx", "garbage.txt"}
    assert failed["empty.pdf"].code == "empty"
    for error in failed.values():
        assert error.error.startswith(error.path + ": ") and "\n" not in error.error
    assert _count(tmp_path / "i.db", "failures") == 5


def test_timeout_in_worker(tmp_path):
    docs = tmp_path / "docs"
    _plans(docs, 2)
    (docs / "hang.txt").write_text("x", encoding="utf-8")
    report = ingest([docs], db=tmp_path / "i.db", workers=2, timeout=1, work=hanging_work)
    assert report.ingested == 2
    [error] = report.failed
    assert error.code == "timeout" and "longer than 1 s" in error.error


def test_parent_kills_a_worker_deaf_to_its_timer(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "KILL_GRACE", 1.0)
    docs = tmp_path / "docs"
    _plans(docs, 3)
    (docs / "hang.txt").write_text("x", encoding="utf-8")
    started = time.monotonic()
    report = ingest([docs], db=tmp_path / "i.db", workers=2, timeout=1, work=deaf_hanging_work)
    assert time.monotonic() - started < 30
    assert report.ingested == 3
    assert [e.code for e in report.failed] == ["timeout"]


def test_memory_limit(tmp_path):
    docs = tmp_path / "docs"
    _plans(docs, 1)
    (docs / "greedy.txt").write_text("x", encoding="utf-8")
    report = ingest([docs], db=tmp_path / "i.db", workers=1, memory_mb=1024, work=greedy_work)
    assert report.ingested == 1
    [error] = report.failed
    assert "out of memory (limit 1024 MB)" in error.error


def test_a_crashing_reader_is_retried_alone_then_reported(tmp_path):
    docs = tmp_path / "docs"
    _plans(docs, 4)
    (docs / "crash.txt").write_text("x", encoding="utf-8")
    report = ingest([docs], db=tmp_path / "i.db", workers=2, work=crashing_work)
    assert report.ingested == 4
    [error] = report.failed
    assert "crashed" in error.error
    assert _count(tmp_path / "i.db") == 4


def _vanban(*args: str) -> list[str]:
    if VANBAN.exists():
        return [str(VANBAN), *args]
    return [sys.executable, "-m", "pipeline", *args]


def test_kill_and_resume(tmp_path):
    docs = tmp_path / "docs"
    _plans(docs, 20)
    db = tmp_path / "i.db"
    cmd = _vanban("ingest", str(docs), "--db", str(db), "--workers", "1", "--no-segment", "--json")
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _count(db) < 1 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the batch, its workers and forkserver: all ours
        process.wait()
    done_before = _count(db)
    assert 1 <= done_before <= 20
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["skipped"] == done_before
    assert summary["ingested"] == 20 - done_before and summary["failed"] == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT path), count(DISTINCT sha256) FROM documents"
                        ).fetchone() == (20, 20, 20)
    conn.execute("INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_json_and_exit_codes(tmp_path):
    docs = tmp_path / "docs"
    _plans(docs, 2)
    (docs / "empty.pdf").write_bytes(b"")
    db = tmp_path / "i.db"
    run = subprocess.run(_vanban("ingest", str(docs), "--db", str(db), "--json", "--no-segment"),
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["ingested"] == 2 and summary["skipped"] == 0
    assert [Path(f["path"]).name for f in summary["failed"]] == ["empty.pdf"]
    # nothing readable: exit 1
    only_bad = subprocess.run(_vanban("ingest", str(docs / "empty.pdf"), "--db", str(db)),
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert only_bad.returncode == 1
    # unusable database: exit 2, one line
    bad_db = tmp_path / "bad.db"
    bad_db.write_bytes(b"garbage" * 1000)
    broken = subprocess.run(_vanban("ingest", str(docs), "--db", str(bad_db)),
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert broken.returncode == 2 and len(broken.stderr.strip().splitlines()) == 1
    # search and show over the CLI
    found = subprocess.run(_vanban("search", "dong thap", "--db", str(db), "--json"),
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    hits = json.loads(found.stdout)
    assert len(hits) == 2
    assert set(hits[0]) >= {"number", "doc_type", "issuer", "date", "title", "path", "snippet"}
    shown = subprocess.run(_vanban("show", str(hits[0]["id"]), "--db", str(db), "--json"),
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    record = json.loads(shown.stdout)
    assert record["index"]["path"] == hits[0]["path"] and "cites" in record and "cited_by" in record
