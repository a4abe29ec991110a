"""The regression suite of hard constructions (tests/constructions.py)."""

from __future__ import annotations

import pytest

from eventwire.model import Article

from constructions import CASES

PARAMS = [(name, n) for name, cases in CASES.items() for n in range(len(cases))]


def _countries(entities) -> set:
    return {e.country or ("IGO" if e.sector == "IGO" else None) for e in entities} - {None}


def _matches(event, want: dict) -> bool:
    if event.event_type != want["event_type"]:
        return False
    checks = [("actor", event.actor), ("recipient", event.recipient), ("claimed_by", event.claimed_by)]
    for key, entities in checks:
        if key in want:
            expected = want[key]
            if expected is None:
                if entities:
                    return False
            elif not expected <= _countries(entities):
                return False
    return "aux_mode" not in want or event.aux_mode == want["aux_mode"]


@pytest.fixture(scope="module")
def events_by_case(pipeline):
    flat = [(name, n, case) for name, cases in CASES.items() for n, case in enumerate(cases)]
    docs = pipeline.pipe([Article.create(case[0], published=case[1]) for _, _, case in flat])
    return {(name, n): doc.events() for (name, n, _), doc in zip(flat, docs)}


@pytest.mark.parametrize("construction,index", PARAMS)
def test_construction(events_by_case, construction, index):
    sentence, _, want, *others = CASES[construction][index]
    events = events_by_case[(construction, index)]
    if want["event_type"] is None:
        assert not events, f"{sentence!r} should yield no event"
    else:
        assert any(_matches(e, want) for e in events), f"{sentence!r}: {[(e.event_type, _countries(e.actor), _countries(e.recipient), e.aux_mode) for e in events]}"
    for other in others:
        found = any(_matches(e, other) for e in events)
        if other.get("want"):
            assert found, f"{sentence!r} should also yield {other}"
        else:
            assert not found, f"{sentence!r} must not yield {other}"
