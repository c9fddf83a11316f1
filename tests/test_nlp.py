"""The NLP layer: underthesea words aligned to the text inside a spaCy Doc (round trip)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp import analyse_text, get_nlp
from pipeline.nlp.tokenizer import align

ROOT = Path(__file__).resolve().parents[1]

AWKWARD = [
    "Thực hiện Kế hoạch số 242/KH-LĐLĐ ngày 24/6/2021 của Ban Thường vụ",  # codes and dates
    "Qúy khách hoà  thuận\u00a0, caí   bàn",  # spellings underthesea rewrites, odd spaces
    "- 100% CĐCS;\n+ ít nhất 01 lần/ năm.\n\n",  # bullets, blank lines
    "",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_doc_text_round_trips(text):
    doc = get_nlp(True)(text)
    assert doc.text == text


def test_round_trip_on_corpus():
    nlp = get_nlp(True)
    for path in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert nlp(text).text == text, path.name


def test_words_are_segmented_and_spans_found():
    doc = analyse_text("Thực hiện Kế hoạch số 242/KH-LĐLĐ ngày 24/6/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh")
    tokens = [t.text for t in doc]
    assert "Kế hoạch" in tokens and "Liên đoàn" in tokens
    assert [s.text for s in doc.spans["dates"]] == ["24/6/2021"]
    assert any(s.text == "242/KH-LĐLĐ" for s in doc.spans["doc_numbers"])


def test_align_keeps_unplaced_words():
    assert align("hoà bình", ["hòa bình"]) == [(0, 8)]
