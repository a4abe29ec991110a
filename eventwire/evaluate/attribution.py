"""Scoring quote attribution: who said what, against gold attributions.

Gold format (``tests/attribution_gold/*.jsonl``, documented in ``docs/attribution.md``):
one article a line, ``{id, text, published?, attributions: [{content, speaker,
speaker_country, direct, occurrence?}]}``; ``content`` is a substring of ``text`` (its
``occurrence``-th appearance, 0 by default).

Matching rules:

- **content**: a predicted span matches a gold span when they overlap by at least half of
  the shorter one (characters, after trimming quote marks, spaces and punctuation at both
  edges). A partial quote inside a gold indirect clause therefore matches it, and so does a
  clause that keeps or drops "that". Pairs are matched one to one, largest overlap first.
- **speaker**: correct when the predicted speaker's name or text shares a content word
  with the gold speaker's name (case-insensitive, plural "s" ignored) and, when both give
  a country, the countries agree.

Reported: content P/R/F1; speaker accuracy over matched pairs; content-and-speaker F1 (a
true positive needs both); direct-flag accuracy over matched pairs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import GoldFormatError

EDGE = " \t\n\"'“”‘’«».,;:!?—–-"
NAME_STOPWORDS = frozenset("the of and for a an its his her their foreign ministry's s".split())


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_country: str | None = None
    direct: bool | None = None


@dataclass
class GoldArticle:
    article_id: str
    text: str
    published: str | None
    attributions: list[Span]


@dataclass
class AttributionScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    direct_correct: int = 0
    misses: list[dict] = field(default_factory=list)

    def add(self, other: "AttributionScore") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_correct += other.speaker_correct
        self.direct_correct += other.direct_correct
        self.misses += other.misses

    def as_dict(self) -> dict:
        content_p = _ratio(self.matched, self.predicted)
        content_r = _ratio(self.matched, self.gold)
        joint_p = _ratio(self.speaker_correct, self.predicted)
        joint_r = _ratio(self.speaker_correct, self.gold)
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "content_precision": content_p, "content_recall": content_r,
            "content_f1": _f1(content_p, content_r),
            "speaker_accuracy": _ratio(self.speaker_correct, self.matched),
            "content_speaker_precision": joint_p, "content_speaker_recall": joint_r,
            "content_speaker_f1": _f1(joint_p, joint_r),
            "direct_accuracy": _ratio(self.direct_correct, self.matched),
        }


# -- reading gold ---------------------------------------------------------------------------
def read_attribution_gold(paths: Iterable[Path]) -> list[GoldArticle]:
    articles = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
            if line.strip():
                articles.append(_gold_article(json.loads(line), f"{path}:{number}"))
    return articles


def _gold_article(data: dict, where: str) -> GoldArticle:
    if not isinstance(data.get("text"), str) or not isinstance(data.get("attributions"), list):
        raise GoldFormatError(f"{where}: an attribution gold line needs 'text' and 'attributions'")
    text = data["text"]
    spans = [_gold_span(text, item, f"{where}: attribution {n}") for n, item in enumerate(data["attributions"])]
    return GoldArticle(str(data.get("id") or where), text, data.get("published"), spans)


def _gold_span(text: str, item: dict, where: str) -> Span:
    content = item.get("content")
    if not content or "speaker" not in item or not isinstance(item.get("direct"), bool):
        raise GoldFormatError(f"{where}: needs 'content', 'speaker' and a boolean 'direct'")
    start = -1
    for _ in range(int(item.get("occurrence", 0)) + 1):
        start = text.find(content, start + 1)
        if start < 0:
            raise GoldFormatError(f"{where}: content {content[:40]!r} is not in the text")
    return Span(start, start + len(content), item["speaker"], None, item.get("speaker_country"), item["direct"])


# -- scoring --------------------------------------------------------------------------------
def score_article(text: str, gold: list[Span], predicted: list[Span]) -> AttributionScore:
    result = AttributionScore(gold=len(gold), predicted=len(predicted))
    pairs = sorted(((_overlap(text, g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
                   reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for overlap, gi, pi in pairs:
        if overlap <= 0 or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        result.matched += 1
        gold_span, pred_span = gold[gi], predicted[pi]
        if speaker_matches(gold_span, pred_span):
            result.speaker_correct += 1
        else:
            result.misses.append({"kind": "speaker", "content": text[gold_span.start:gold_span.end],
                                  "gold": gold_span.speaker, "predicted": pred_span.speaker})
        result.direct_correct += gold_span.direct == pred_span.direct
    for gi, span in enumerate(gold):
        if gi not in used_gold:
            result.misses.append({"kind": "missed", "content": text[span.start:span.end], "gold": span.speaker})
    for pi, span in enumerate(predicted):
        if pi not in used_pred:
            result.misses.append({"kind": "spurious", "content": text[span.start:span.end],
                                  "predicted": span.speaker})
    return result


def _overlap(text: str, a: Span, b: Span) -> float:
    """Shared characters as a share of the shorter span; 0 below one half (no match)."""
    a_start, a_end = _trim(text, a.start, a.end)
    b_start, b_end = _trim(text, b.start, b.end)
    shared = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    if shared <= 0 or shorter <= 0:
        return 0.0
    share = shared / shorter
    return share + shared / 1e6 if share >= 0.5 else 0.0  # ties go to the larger overlap


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def speaker_matches(gold: Span, predicted: Span) -> bool:
    if predicted.speaker is None and predicted.speaker_text is None:
        return False
    gold_words = _name_words(gold.speaker or "")
    predicted_words = _name_words(predicted.speaker or "") | _name_words(predicted.speaker_text or "")
    if not gold_words & predicted_words:
        return False
    return not (gold.speaker_country and predicted.speaker_country and gold.speaker_country != predicted.speaker_country)


def _name_words(name: str) -> set[str]:
    words = re.findall(r"[\w-]+", name.lower().replace("’", "'").replace("'s", ""))
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in NAME_STOPWORDS}


def score(gold: list[GoldArticle], predict) -> AttributionScore:
    """``predict(article)`` gives the predicted spans of one gold article."""
    total = AttributionScore()
    for article in gold:
        part = score_article(article.text, article.attributions, predict(article))
        for miss in part.misses:
            miss["article"] = article.article_id
        total.add(part)
    return total


def quote_spans(quotes) -> list[Span]:
    """eventwire's quote records (objects or dicts) as predicted spans."""
    spans = []
    for quote in quotes:
        data = quote if isinstance(quote, dict) else quote.to_dict()
        speaker = data.get("speaker") or {}
        spans.append(Span(data["start"], data["end"], speaker.get("name"), speaker.get("text"),
                          speaker.get("country"), data.get("direct")))
    return spans


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 3) if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
