"""Golden files: the record of every corpus document is compared with corpus/golden/.

Regenerate on purpose with `pytest tests/test_golden.py --update-golden` (refused when CI is
set); a missing golden file fails.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.extract import extract

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLDEN = CORPUS / "golden"
DOCUMENTS = sorted(p for p in CORPUS.rglob("*")
                   if p.is_file() and p.suffix in (".txt", ".md", ".docx", ".pdf") and GOLDEN not in p.parents)


def golden_path(doc: Path) -> Path:
    rel = doc.relative_to(CORPUS)
    return GOLDEN / ("__".join(rel.with_suffix("").parts) + rel.suffix + ".json")


def _comparable(record: dict) -> dict:
    """The record without fields that depend on where the corpus is checked out."""
    record = dict(record)
    record.pop("source", None)
    return record


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_golden(doc, request):
    record = _comparable(extract(doc).contract())
    path = golden_path(doc)
    if request.config.getoption("--update-golden"):
        if os.environ.get("CI"):
            pytest.fail("--update-golden is refused under CI: golden files change only on purpose")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path.relative_to(ROOT)}; create it with --update-golden"
    expected = json.loads(path.read_text(encoding="utf-8"))
    for key in ("header", "references", "targets", "milestones", "responsibilities"):
        assert record[key] == expected[key], f"{key} of {doc.name} differs from its golden file"
