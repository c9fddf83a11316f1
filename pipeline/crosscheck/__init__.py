"""The cross-check stage: does a lower plan carry out its superior's demands? (spec/CROSSCHECK.md)

- ``items``: superior items and lower candidates;
- ``applicability``: who an item is addressed to, by actor and level (``data/levels.json``);
- ``match``: swappable similarity matchers (char n-gram + word TF-IDF by default);
- ``status`` and ``findings``: the status of each item and the contradictions found;
- ``check``: the public ``check(lower, superior) -> CheckReport``;
- ``resolve``: finding the superior of a lower plan from its citations in an index;
- ``report``: Markdown, HTML and DOCX reports with a coverage chart;
- ``evaluate``: the score of a report against a gold pair, as the shared scorer counts it.
"""
from pipeline.crosscheck.check import check, find_link, summarize
from pipeline.crosscheck.match import FuzzMatcher, Matcher, TfidfMatcher, get_matcher

__all__ = ["check", "find_link", "summarize", "Matcher", "TfidfMatcher", "FuzzMatcher", "get_matcher"]
