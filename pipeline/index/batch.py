"""``ingest``: many files into the index, in parallel, each under a time and memory limit.

The parent process walks the paths, hashes each file and skips what the index
already holds (same content hash). Workers of a ``ProcessPoolExecutor`` read
and extract; the parent alone writes, one transaction per document, so a batch
killed at any moment leaves a consistent index and a re-run finishes the job.

Limits, per file: in the worker an interval timer raises after ``timeout``
seconds and ``RLIMIT_AS`` caps its memory; a parser stuck in C code, which no
signal interrupts, is caught by the parent a few seconds later, which kills
the pool and starts a new one. A file that crashes its worker is retried once,
alone, before it is reported. A bad file becomes a failed entry and the batch
goes on.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ReadError, one_line
from pipeline.index.store import connect, known_hashes, write_document, write_failure
from pipeline.index.text import index_text
from pipeline.readers import MAX_BYTES, SUPPORTED
from schemas.records import DirectiveRecord, ErrorRecord

DEFAULT_TIMEOUT = 180.0     # seconds per file (a long scanned PDF goes through OCR)
DEFAULT_MEMORY_MB = 2048    # address space per worker; a loaded worker uses about 350 MB
KILL_GRACE = 10.0           # extra seconds before the parent kills a worker that ignores its timer
# extensions picked up when walking a folder; a file named explicitly is always tried
FOLDER_SUFFIXES = frozenset(s for s in SUPPORTED if s)


@dataclass
class Extracted:
    """What a worker returns for a readable file: the record and the normalised text."""

    record: DirectiveRecord
    text: str
    folded: str | None = None  # index_text(text), computed in the worker to spare the writer


Work = Callable[[str, bool], "Extracted | ErrorRecord"]


@dataclass
class IngestReport:
    """The outcome of a batch: counts and one error record per failed file."""

    ingested: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: list[ErrorRecord] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    def summary(self) -> dict:
        """The JSON summary of ``vanban ingest --json``."""
        return {"ingested": self.ingested, "skipped": self.skipped,
                "failed": [{"path": e.path, "error": e.error} for e in self.failed]}


@dataclass
class Event:
    """A progress event: ``start`` (``total`` files to extract) or one file ``done``."""

    kind: str
    total: int = 0
    path: str | None = None
    status: str | None = None  # ingested / replaced / skipped / failed


# ------------------------------------------------------------------ worker side

def extract_with_text(path: str, segment: bool) -> Extracted | ErrorRecord:
    """Read and extract one file, keeping the text for the full-text index; never raises."""
    from pipeline.extract import extract_document
    from pipeline.readers import read

    try:
        document = read(path)
        record = extract_document(document, segment=segment)
    except ReadError as exc:
        return ErrorRecord(path=path, error=one_line(path, exc), code=exc.code)
    except MemoryError:
        return _memory_error(path)
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the cause is kept in the record
        return ErrorRecord(path=path, error=one_line(path, ReadError("internal", detail=f"{type(exc).__name__}: {exc}")),
                           code="internal")
    return Extracted(record=record, text=document.text, folded=index_text(document.text))


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _Timeout


def _init_worker(memory_mb: int | None) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract: one thread per worker (FIELD-NOTES)
    if memory_mb and sys.platform.startswith("linux"):
        import resource

        limit = int(memory_mb) * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles ^C and stops the pool


def _run_limited(work: Work, path: str, segment: bool, timeout: float, memory_mb: int | None):
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return work(path, segment)
    except _Timeout:
        return ErrorRecord(path=path, error=one_line(path, ReadError("timeout", seconds=_fmt(timeout))),
                           code="timeout")
    except MemoryError:
        return _memory_error(path, memory_mb)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _memory_error(path: str, memory_mb: int | None = None) -> ErrorRecord:
    limit = f" (limit {memory_mb} MB)" if memory_mb else ""
    return ErrorRecord(path=path, error=one_line(path, ReadError("internal", detail=f"out of memory{limit}")),
                       code="internal")


def _fmt(seconds: float) -> str:
    return f"{seconds:g}"


# ------------------------------------------------------------------ parent side

def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and supported files under folders (recursive, hidden entries skipped), sorted."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if child.is_file() and child.suffix.lower() in FOLDER_SUFFIXES:
                    found[child.resolve()] = None
        else:
            found[path.resolve() if path.exists() else path.absolute()] = None
    return list(found)


def file_hash(path: Path) -> str:
    """sha256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _precheck(path: Path) -> ErrorRecord | str:
    """The file's hash, or the error that makes extraction pointless."""
    try:
        size = path.stat().st_size
    except OSError:
        return ErrorRecord(path=str(path), error=one_line(path, ReadError("not_found")), code="not_found")
    if not path.is_file():
        return ErrorRecord(path=str(path), error=one_line(path, ReadError("not_found")), code="not_found")
    if size > MAX_BYTES:
        return ErrorRecord(path=str(path), error=one_line(path, ReadError("too_large", limit=MAX_BYTES >> 20)),
                           code="too_large")
    try:
        return file_hash(path)
    except OSError as exc:
        return ErrorRecord(path=str(path), error=one_line(path, exc), code="internal")


class _Pool:
    """A process pool that can be killed and replaced when a worker hangs or dies."""

    def __init__(self, workers: int, memory_mb: int | None) -> None:
        self.workers = workers
        self.memory_mb = memory_mb
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        methods = multiprocessing.get_all_start_methods()
        # forkserver: workers do not inherit the parent's threads (progress bar) nor its database handle
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                   initializer=_init_worker, initargs=(self.memory_mb,))

    def submit(self, *args) -> Future:
        return self.executor.submit(_run_limited, *args)

    def kill(self) -> None:
        # ProcessPoolExecutor cannot cancel a running task: end our own workers by their pid
        for process in list(getattr(self.executor, "_processes", {}).values()):
            if process.is_alive():
                process.kill()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def restart(self) -> None:
        self.kill()
        self.executor = self._new()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Job:
    path: Path
    sha256: str
    replaces: bool
    size: int = 0
    attempts: int = 0
    started: float = 0.0


def ingest(paths: Iterable[str | Path], *, db: str | Path | None = None, workers: int | None = None,
           timeout: float = DEFAULT_TIMEOUT, memory_mb: int | None = DEFAULT_MEMORY_MB,
           segment: bool = False, force: bool = False, progress: Callable[[Event], None] | None = None,
           work: Work = extract_with_text) -> IngestReport:
    """Index files and folders; returns counts and the failed files (the batch never stops for one).

    A file whose content hash is already indexed is skipped (unless ``force``);
    a file whose path is indexed with another hash replaces its old version.
    Word segmentation is off by default (``segment``): it doubles the time of a
    batch and the index does not use it.
    ``work`` is the per-file function run in the workers (a picklable,
    module-level function; the default reads and extracts).
    """
    started = time.monotonic()
    report = IngestReport()
    notify = progress or (lambda event: None)
    files = collect_files(paths)
    report.files = len(files)
    conn = connect(db)
    try:
        hashes = known_hashes(conn)
        indexed_paths = set(hashes.values())
        seen: set[str] = set()
        queue: deque[_Job] = deque()
        early: list[tuple[Path, str]] = []
        for path in files:
            checked = _precheck(path)
            if isinstance(checked, ErrorRecord):
                _fail(conn, report, checked, None)
                early.append((path, "failed"))
                continue
            if checked in seen or (checked in hashes and not force):
                report.skipped += 1
                early.append((path, "skipped"))
                continue
            seen.add(checked)
            queue.append(_Job(path, checked, replaces=str(path) in indexed_paths, size=path.stat().st_size))
        notify(Event("start", total=len(files)))
        for path, status in early:
            notify(Event("done", path=str(path), status=status))
        # largest first: a big file started last would leave the other workers idle at the end
        queue = deque(sorted(queue, key=lambda job: -job.size))
        if queue:
            _run_batch(conn, queue, report, notify, work=work, workers=workers or os.cpu_count() or 1,
                       timeout=timeout, memory_mb=memory_mb, segment=segment)
            conn.execute("PRAGMA optimize")  # fresh statistics for the query planner
    finally:
        conn.close()
    report.seconds = time.monotonic() - started
    return report


def _fail(conn, report: IngestReport, error: ErrorRecord, sha256: str | None) -> None:
    report.failed.append(error)
    write_failure(conn, path=error.path, sha256=sha256, code=error.code, error=error.error)


def _run_batch(conn, queue: deque[_Job], report: IngestReport, notify, *, work: Work, workers: int,
               timeout: float, memory_mb: int | None, segment: bool) -> None:
    pool = _Pool(min(workers, len(queue)), memory_mb)
    inflight: dict[Future, _Job] = {}
    try:
        while queue or inflight:
            # a file retried after a crash runs alone, so that a second crash is surely its own
            while queue and len(inflight) < pool.workers:
                if inflight and (queue[0].attempts or any(j.attempts for j in inflight.values())):
                    break
                job = queue.popleft()
                job.started = time.monotonic()
                inflight[pool.submit(work, str(job.path), segment, timeout, memory_mb)] = job
                if job.attempts:
                    break
            done, _ = wait(list(inflight), timeout=0.5, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                _store(conn, inflight.pop(future), outcome, report, notify)
            now = time.monotonic()
            overdue = [f for f, j in inflight.items() if now - j.started > timeout + KILL_GRACE]
            if not (overdue or broken):
                continue
            for future in overdue:
                job = inflight.pop(future)
                error = ReadError("timeout", seconds=_fmt(timeout))
                _fail(conn, report, ErrorRecord(path=str(job.path), error=one_line(job.path, error),
                                                code="timeout"), job.sha256)
                notify(Event("done", path=str(job.path), status="failed"))
            for job in inflight.values():
                if broken:  # any of them may have crashed the pool: each runs again, alone
                    job.attempts += 1
                if job.attempts >= 2:
                    error = ReadError("internal", detail="the reader crashed its worker process")
                    _fail(conn, report, ErrorRecord(path=str(job.path), error=one_line(job.path, error),
                                                    code="internal"), job.sha256)
                    notify(Event("done", path=str(job.path), status="failed"))
                else:
                    queue.appendleft(job)
            inflight.clear()
            pool.restart()
    except BaseException:
        pool.kill()
        raise
    else:
        pool.close()


def _store(conn, job: _Job, outcome: Extracted | ErrorRecord, report: IngestReport, notify) -> None:
    if isinstance(outcome, ErrorRecord):
        outcome.path = str(job.path)
        _fail(conn, report, outcome, job.sha256)
        notify(Event("done", path=str(job.path), status="failed"))
        return
    sha = outcome.record.sha256 or job.sha256
    write_document(conn, outcome.record, path=job.path, sha256=sha, body=outcome.text,
                   body_folded=outcome.folded)
    if job.replaces:
        report.replaced += 1
    report.ingested += 1
    notify(Event("done", path=str(job.path), status="replaced" if job.replaces else "ingested"))
