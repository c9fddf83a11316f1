"""spaCy components of the pipeline: regex grammars as spans, and SpanRulers from data files."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.lang.dates import find_dates
from pipeline.lang.numbers import PARTY_NUMBER, STATE_NUMBER

DATA = Path(__file__).resolve().parent.parent / "lang" / "data"


def _char_spans(doc: Doc, matches, label: str) -> list[Span]:
    spans = []
    for start, end in matches:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


@Language.component("vanban_regex_spans")
def regex_spans(doc: Doc) -> Doc:
    """Dates and document numbers found by the grammars of pipeline.lang, as span groups."""
    text = doc.text
    doc.spans["dates"] = _char_spans(doc, [(s, e) for s, e, _ in find_dates(text)], "DATE")
    numbers = [(m.start(), m.end()) for m in PARTY_NUMBER.finditer(text)]
    numbers += [(m.start(), m.end()) for m in STATE_NUMBER.finditer(text)
                if not any(s <= m.start() < e for s, e in numbers)]
    doc.spans["doc_numbers"] = _char_spans(doc, sorted(numbers), "DOC_NUMBER")
    return doc


def _load_patterns(name: str) -> list[dict]:
    path = DATA / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("//")]


def add_components(nlp: Language) -> None:
    """Add the regex component and the SpanRulers whose patterns live in lang/data/*.jsonl."""
    nlp.add_pipe("vanban_regex_spans")
    for group, filename in (("cues", "cue_patterns.jsonl"), ("orgs", "org_patterns.jsonl")):
        patterns = _load_patterns(filename)
        ruler = nlp.add_pipe("span_ruler", name=f"{group}_ruler",
                             config={"spans_key": group, "phrase_matcher_attr": "LOWER", "overwrite": False})
        if patterns:
            ruler.add_patterns(patterns)
