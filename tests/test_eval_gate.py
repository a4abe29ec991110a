"""The evaluation gate: the default pipeline must not fall below the pinned floors.

Floors live in ``tests/eval_baseline.json``; after a deliberate change re-pin them with
``python -m eventwire.evaluate.gate --update``. The PLOVER gold set lives in ../shared and
is skipped when absent; our own labelled sets live in tests/gold.
"""

import pytest

from eventwire.evaluate.gate import DEFAULT_BASELINE, EPSILON, GOLD_SETS, pinned_values, read_baseline, run_gold

pytestmark = pytest.mark.slow

BASELINE = read_baseline(DEFAULT_BASELINE)["sets"]
PINNED = [(s, group, name) for s in GOLD_SETS for group, numbers in BASELINE.get(s.name, {}).items()
          for name in numbers]


@pytest.fixture(scope="module")
def scores(pipeline):
    cache = {}

    def scores_of(gold_set):
        if not gold_set.path.exists():
            pytest.skip(f"gold set {gold_set.name} not found at {gold_set.path}")
        if gold_set.name not in cache:
            cache[gold_set.name] = run_gold(gold_set, pipeline)
        return cache[gold_set.name]

    return scores_of


def test_every_gold_set_is_pinned():
    assert {s.name for s in GOLD_SETS if s.path.exists()} <= set(BASELINE)


@pytest.mark.parametrize("gold_set", GOLD_SETS, ids=[s.name for s in GOLD_SETS])
def test_no_document_fails(scores, gold_set):
    assert scores(gold_set)["counts"]["failures"] == 0


@pytest.mark.parametrize("gold_set,group,name", PINNED, ids=[f"{s.name}-{g}-{n}" for s, g, n in PINNED])
def test_at_or_above_floor(scores, gold_set, group, name):
    value = pinned_values(scores(gold_set)).get(group, {}).get(name, 0.0)
    floor = BASELINE[gold_set.name][group][name]
    assert value >= floor - EPSILON, f"{gold_set.name} {group}.{name} fell to {value:.4f} (floor {floor})"
