"""The attribution scorer's rules, and a floor on our own attribution gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import GoldFormatError
from eventwire.evaluate.attribution import Span, quote_spans, read_attribution_gold, score, score_article
from eventwire.model import Article

GOLD_FILES = sorted((Path(__file__).parent / "attribution_gold").glob("*.jsonl"))
# Floors a little under the measured numbers (docs/attribution.md): a regression fails.
FLOORS = {"content_f1": 0.93, "speaker_accuracy": 0.88, "content_speaker_f1": 0.86}

TEXT = 'Lavrov said the talks had failed and called them "a waste of time".'


def _span(words: str, speaker=None, country=None, direct=False) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), speaker, None, country, direct)


def test_a_partial_quote_inside_the_gold_clause_matches_it():
    gold = [_span('the talks had failed and called them "a waste of time"', "Sergei Lavrov", "RUS")]
    result = score_article(TEXT, gold, [_span("a waste of time", "Sergei Lavrov", "RUS", True)]).as_dict()
    assert result["matched"] == 1 and result["content_speaker_f1"] == 1.0
    assert result["direct_accuracy"] == 0.0


def test_a_small_overlap_is_no_match():
    gold = [_span("the talks had failed and called them", "Lavrov")]
    result = score_article(TEXT, gold, [_span("Lavrov said the", "Lavrov")]).as_dict()
    assert result["matched"] == 0 and result["content_precision"] == 0.0


def test_speaker_needs_a_shared_name_word_and_no_country_conflict():
    gold = [_span("the talks had failed", "Sergei Lavrov", "RUS")]
    assert score_article(TEXT, gold, [_span("the talks had failed", "Lavrov", "RUS")]).speaker_correct == 1
    assert score_article(TEXT, gold, [_span("the talks had failed", "Lavrov", "USA")]).speaker_correct == 0
    assert score_article(TEXT, gold, [_span("the talks had failed", "Kirby", "RUS")]).speaker_correct == 0


def test_matching_is_one_to_one():
    gold = [_span("the talks had failed", "Lavrov")]
    predicted = [_span("the talks had failed", "Lavrov"), _span("talks had failed", "Lavrov")]
    assert score_article(TEXT, gold, predicted).as_dict()["content_precision"] == 0.5


def test_gold_content_must_be_in_the_text(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "Lavrov spoke.", "attributions": [
        {"content": "not there", "speaker": "Lavrov", "speaker_country": "RUS", "direct": True}]}))
    with pytest.raises(GoldFormatError):
        read_attribution_gold([path])


def test_our_gold_set_is_large_enough():
    gold = read_attribution_gold(GOLD_FILES)
    assert len(gold) >= 20 and sum(len(a.attributions) for a in gold) >= 100


def test_attribution_floor_on_our_gold_set(pipeline):
    gold = read_attribution_gold(GOLD_FILES)
    docs = pipeline.pipe([Article.create(a.text, published=a.published) for a in gold])
    predicted = {article.article_id: quote_spans(doc.quotes) for article, doc in zip(gold, docs)}
    result = score(gold, lambda article: predicted[article.article_id]).as_dict()
    for name, floor in FLOORS.items():
        assert result[name] >= floor, (name, result)
