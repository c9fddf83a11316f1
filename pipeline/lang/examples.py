"""Worked examples of a guidance text ("Ví dụ: Đảng bộ tỉnh A có 50 ủy viên ..."): they illustrate a rule and
set no target, time or duty. ``example_spans`` finds them in a document's text: a line that opens with an
example word runs to the end of its paragraph; a line that is only the opener ("Ví dụ 2:") takes the lines
after it up to the next marked item or heading."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "examples.json"
# a line that starts a new part: a numbered or lettered marker ("1.", "a)", "II.") or a heading in capitals
# (the bullets "-", "+" after "Ví dụ:" are the example's own lines)
_ITEM = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[IVXLC]{1,5}[.)])\s|^\s*[A-ZĐÀ-Ỹ\s,]{12,}$")


@lru_cache(maxsize=1)
def _openers() -> tuple[re.Pattern, re.Pattern]:
    words = json.loads(_DATA.read_text(encoding="utf-8"))["openers"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    opens = re.compile(rf"^\W*(?:{alt})(?:\s+\d{{1,2}})?\s*:", re.IGNORECASE)
    alone = re.compile(rf"^\W*(?:{alt})(?:\s+\d{{1,2}})?\s*:\W*$", re.IGNORECASE)
    return opens, alone


def example_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each worked example in ``text``."""
    opens, alone = _openers()
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = text.split("\n")
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    k = 0
    while k < len(lines):
        line = lines[k]
        if not opens.match(line):
            k += 1
            continue
        start, end = offsets[k], offsets[k] + len(line)
        if alone.match(line):  # "Ví dụ 2:" alone: the lines after it, to the next item or heading
            j = k + 1
            while j < len(lines) and lines[j].strip() and not _ITEM.match(lines[j]) and not opens.match(lines[j]):
                end = offsets[j] + len(lines[j])
                j += 1
            k = j
        else:
            k += 1
        spans.append((start, end))
    return spans


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
