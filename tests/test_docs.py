"""Docs are tested: every CLI command appears in README.md and answers --help."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]


def registered_commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_every_command_is_registered():
    assert set(registered_commands()) == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_lists_command(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"vanban {command}" in readme, f"README.md does not document `vanban {command}`"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(command):
    proc = subprocess.run([sys.executable, "-m", "pipeline", command, "--help"], capture_output=True, text=True,
                          cwd=ROOT)
    assert proc.returncode == 0 and "usage: vanban" in proc.stdout


def test_readme_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
