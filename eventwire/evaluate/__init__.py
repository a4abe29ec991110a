"""Evaluation against gold event data: readers, scorers and the regression gate."""

from .gold import GoldEvent, GoldSentence, read_gold, read_jsonl_gold, read_plover_gsr
from .scoring import evaluate, format_report, score

__all__ = [
    "GoldEvent",
    "GoldSentence",
    "evaluate",
    "format_report",
    "read_gold",
    "read_jsonl_gold",
    "read_plover_gsr",
    "score",
]
