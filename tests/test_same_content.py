"""The same seed as TXT, DOCX and PDF gives the same text (modulo line structure) and the same header."""
from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import pytest

from pipeline.lang.fold import fold
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {p.stem: p for p in (ROOT / "corpus" / "seeds").glob("*.txt")}
RENDERED = sorted(p.stem for p in (ROOT / "corpus" / "docx").glob("*.docx"))


def _words(text: str) -> list[str]:
    return [w for w in (fold(t).strip(".,;:()“”\"'!?-–+•") for t in text.split()) if w]


@pytest.mark.parametrize("stem", RENDERED)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_words(stem, fmt):
    txt = read(SEEDS[stem])
    other = read(ROOT / "corpus" / fmt / f"{stem}.{fmt}")
    a, b = _words(txt.text), _words(other.text)
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert ratio >= 0.97, f"{fmt} vs txt: {ratio:.3f}"


@pytest.mark.parametrize("stem", RENDERED)
def test_same_header(stem):
    from pipeline.extract import extract

    headers = [extract(path, segment=False).header for path in
               (SEEDS[stem], ROOT / "corpus" / "docx" / f"{stem}.docx", ROOT / "corpus" / "pdf" / f"{stem}.pdf")]
    values = [(h.doc_type, h.number, h.date, h.title) for h in headers]
    if all(v is None for row in values for v in row):
        pytest.skip("the header stage returns no values yet")
    assert values[1] == values[0] and values[2] == values[0]
