"""The ``vanban`` command line: a thin layer over the library verbs.

Each command lives in its own module exposing ``register(subparsers)``, which
adds a sub-parser whose ``func(args) -> int`` runs the command. Errors reach
the user as one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from pipeline.errors import VanbanError

COMMANDS = ("extract", "eval", "ingest", "search", "show", "check")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vanban", description="Read, extract, index and cross-check Vietnamese official documents.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"pipeline.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name != f"pipeline.cli.{name}_cmd":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except VanbanError as exc:
        print(f"vanban {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("vanban: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the user sees one line; VANBAN_DEBUG=1 shows the traceback
        if os.environ.get("VANBAN_DEBUG"):
            raise
        print(f"vanban {args.command}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
