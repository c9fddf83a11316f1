"""Evaluation of extracted records against gold annotations, by the rules of spec/RECORDS.md.

``score(gold_records, predicted_records)`` follows the reference scorer
(tools/score_records.py) exactly: greedy one-to-one matching per section,
micro-averaged precision/recall/F1, header field accuracy, and the reference
relation/date/issuer and task-recall figures.
"""
from pipeline.evaluate.records import SECTIONS, evaluate_dirs, score

__all__ = ["SECTIONS", "evaluate_dirs", "score"]
