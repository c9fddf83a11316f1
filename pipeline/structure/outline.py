"""The body outline: headings I., 1., 1.1., a), -, + and their nesting.

Markers are recognised on block starts; nesting follows the rank of the marker
style (part > article > roman > arabic > 1.1 > letter > dash > plus).
"""
from __future__ import annotations

import re

from pipeline.lang.doctypes import type_from_words
from schemas.document import Block, OutlineNode, Span

MARKERS = [
    ("part", re.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+([IVXLC]+|\d+|THỨ\s+\w+)\b[.:]?\s*")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+)\s*[.:]\s*")),
    ("roman", re.compile(r"^([IVXLC]{1,6})\s*[.)\-–]\s*(?=\S)")),
    ("arabic2", re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=\S)")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.)]\s*(?=[^\d\s])|^(\d{1,2})\s*[.)]\s+(?=\d)")),
    ("letter", re.compile(r"^([a-zđ])\s*[).]\s*(?=\S)")),
    ("dash", re.compile(r"^([-–—])\s*(?=\S)")),
    ("plus", re.compile(r"^(\+)\s*(?=\S)")),
    ("bullet", re.compile(r"^([•·▪○●*])\s*(?=\S)")),
]
# nesting depth of each marker style: a heading contains every later heading of a deeper rank
RANK = {"part": 0, "article": 1, "roman": 2, "arabic": 3, "arabic2": 4, "letter": 5, "dash": 6, "plus": 7,
        "bullet": 7}
_RANGE_END = re.compile(r"(?:19|20)\d\d\s*[”\")]*\s*[;,.:]?\s*$")
# marker kinds that never hold a section number in the outline path
UNNUMBERED = {"dash", "plus", "bullet"}


def match_marker(text: str) -> tuple[str, str, int] | None:
    """(style, label, length of the marker) for a block that starts with an outline marker."""
    for style, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            label = next((g for g in m.groups() if g), m.group(0).strip())
            if style == "roman" and label in ("C", "L") and not text[m.end():m.end() + 1].isupper():
                continue
            if style == "dash" and _RANGE_END.match(text[m.end():]):
                return None  # "- 2025”;": the end of a wrapped range ("giai đoạn 2021\n- 2025"), no bullet
            return style, label, m.end()
    return None


def _is_type_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    upper = len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    return upper and len(text.split()) <= 5 and type_from_words(text) is not None


def build_outline(blocks: list[Block], *, body_start: int, body_end: int) -> list[OutlineNode]:
    """Outline nodes of the body blocks between ``body_start`` and ``body_end`` (text offsets)."""
    nodes: list[OutlineNode] = []
    stack: list[int] = []  # indices of open nodes
    for block in blocks:
        if block.span is None or block.span.start < body_start or block.span.start >= body_end:
            continue
        if block.kind == "table_cell":
            continue
        found = match_marker(block.text)
        if not found:
            if _is_type_line(block.text):
                stack = []  # an attached document starts its own outline
            continue
        style, label, length = found
        level = RANK[style]
        # close nodes at the same or deeper level
        while stack and nodes[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is not None and nodes[parent].style == style:
            parent = None
        path_parts = [nodes[i].label for i in stack if nodes[i].style not in UNNUMBERED]
        if style == "arabic2" and path_parts and label.startswith(path_parts[-1] + "."):
            path_parts.pop()  # "2.1" under "2." is written II.2.1, not II.2.2.1
        if style not in UNNUMBERED:
            path_parts.append(label)
        node = OutlineNode(label=label, level=level, style=style, title=block.text[length:].strip(),
                           span=Span(start=block.span.start, end=block.span.end),
                           body=Span(start=block.span.start, end=body_end),
                           path=".".join(path_parts), parent=parent)
        nodes.append(node)
        stack.append(len(nodes) - 1)
    # a node's body ends where the next node of the same or a higher level begins
    for i, node in enumerate(nodes):
        for later in nodes[i + 1:]:
            if later.level <= node.level:
                node.body = Span(start=node.span.start, end=later.span.start - 1)
                break
    return nodes
