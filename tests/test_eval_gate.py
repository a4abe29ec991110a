"""The evaluation gate: the default pipeline must not fall below the pinned floors.

Floors live in ``tests/eval_baseline.json``; after a deliberate improvement re-pin
them with ``python -m eventwire.evaluate.gate --update``.
"""

import pytest

from eventwire.evaluate.gate import DEFAULT_BASELINE, DEFAULT_GOLD, EPSILON, read_baseline, run_gold

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not DEFAULT_GOLD.exists(),
        reason=f"PLOVER gold records not found at {DEFAULT_GOLD} (../shared/data/plover)",
    ),
]

BASELINE = read_baseline(DEFAULT_BASELINE)


@pytest.fixture(scope="module")
def scores():
    return run_gold(DEFAULT_GOLD)


def test_gold_is_complete(scores):
    assert scores["counts"]["gold_events"] == 322
    assert scores["counts"]["failures"] == 0


@pytest.mark.parametrize("metric", sorted(BASELINE["metrics"]))
def test_metric_at_or_above_floor(scores, metric):
    value = scores[metric] or 0.0
    floor = BASELINE["metrics"][metric]
    assert value >= floor - EPSILON, f"{metric} fell to {value:.4f} (floor {floor})"


@pytest.mark.parametrize("event_type", sorted(BASELINE["per_type_accuracy"]))
def test_type_accuracy_per_type_at_or_above_floor(scores, event_type):
    value = scores["per_type"].get(event_type, {}).get("type_accuracy") or 0.0
    floor = BASELINE["per_type_accuracy"][event_type]
    assert value >= floor - EPSILON, f"{event_type} type accuracy fell to {value:.4f} (floor {floor})"
