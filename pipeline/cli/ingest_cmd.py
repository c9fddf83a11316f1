"""``vanban ingest PATH... [--db FILE] [--workers N] [--json]``: index files and folders."""
from __future__ import annotations

import argparse
import json
import os
import sys

DB_HELP = "index database (default: $VANBAN_DB, else ./vanban.db)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="index files and folders (.txt .md .docx .pdf .ws), in parallel; "
                       "already indexed content is skipped",
        description="Read, extract and index documents. Folders are walked recursively. A file already "
                    "indexed (same content hash) is skipped; a changed file replaces its old version. "
                    "Bad files are reported and the batch goes on. Exit code 0 unless nothing could be read "
                    "or the database is unusable.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: number of cores)")
    p.add_argument("--timeout", type=float, default=None, help="seconds allowed per file (default 180)")
    p.add_argument("--memory", type=int, default=None, metavar="MB", help="memory per worker (default 2048)")
    p.add_argument("--segment", action="store_true",
                   help="word-segment the text before extraction (about twice slower; off by default)")
    p.add_argument("--no-segment", dest="segment", action="store_false", help=argparse.SUPPRESS)
    p.add_argument("--force", action="store_true", help="re-extract files even when already indexed")
    p.add_argument("--json", action="store_true",
                   help='print {"ingested": n, "skipped": n, "failed": [{"path", "error"}]}')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.errors import UsageError
    from pipeline.index import ingest
    from pipeline.index.batch import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    options = dict(db=args.db, workers=args.workers, segment=args.segment, force=args.force,
                   timeout=args.timeout or DEFAULT_TIMEOUT, memory_mb=args.memory or DEFAULT_MEMORY_MB)
    if sys.stderr.isatty() and not os.environ.get("CI"):
        report = _with_progress(args.paths, options)
    else:
        report = ingest(args.paths, **options)
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False, indent=1))
    else:
        _print_summary(report)
    if report.files == 0:
        print("vanban ingest: no supported file found", file=sys.stderr)
        return 1
    if report.ingested == 0 and report.skipped == 0:
        return 1  # nothing could be read
    return 0


def _with_progress(paths, options):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.index import ingest

    console = Console(stderr=True)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[last]}", style="dim"), console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, last="")

        def progress(event):
            if event.kind == "start":
                bar.update(task, total=event.total)
            else:
                name = os.path.basename(event.path or "")
                bar.update(task, advance=1, last=f"{event.status}: {name[:50]}")

        return ingest(paths, progress=progress, **options)


def _print_summary(report) -> None:
    replaced = f" ({report.replaced} replaced)" if report.replaced else ""
    print(f"{report.files} files in {report.seconds:.1f} s: {report.ingested} ingested{replaced}, "
          f"{report.skipped} skipped, {len(report.failed)} failed")
    for error in report.failed:
        print(f"  failed: {error.error}")
