"""The regression suite of hard constructions: our own labelled sentences in
tests/gold/eventwire-dev.jsonl (passive, negation, control, reported speech, ...).

Every sentence must yield its gold events (type, the stated actor/recipient countries,
mode, aux mode, claimant) and none of its ``must_not`` events. The same file feeds the
evaluation gate as our own gold set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import Article

GOLD = Path(__file__).parent / "gold" / "eventwire-dev.jsonl"
CASES = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def _countries(entities) -> set:
    return {e.country or ("IGO" if e.sector == "IGO" else None) for e in entities} - {None}


def _matches(event, want: dict) -> bool:
    if event.event_type != want["event_type"]:
        return False
    if "actor_countries" in want and not set(want["actor_countries"]) <= _countries(event.actor):
        return False
    if want.get("recipient_empty") and event.recipient:
        return False
    if "recipient_countries" in want and not set(want["recipient_countries"]) <= _countries(event.recipient):
        return False
    if "claimed_by_countries" in want and not set(want["claimed_by_countries"]) <= _countries(event.claimed_by):
        return False
    if "mode" in want and event.mode != want["mode"]:
        return False
    return "aux_mode" not in want or event.aux_mode == want["aux_mode"]


@pytest.fixture(scope="module")
def events_by_case(pipeline):
    docs = pipeline.pipe([Article.create(c["text"], published=c["published"]) for c in CASES])
    return {case["id"]: doc.events() for case, doc in zip(CASES, docs)}


def test_every_construction_has_several_sentences():
    counts: dict[str, int] = {}
    for case in CASES:
        counts[case["construction"]] = counts.get(case["construction"], 0) + 1
    assert len(counts) >= 9 and min(counts.values()) >= 2
    assert len({case["id"] for case in CASES}) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_construction(events_by_case, case):
    events = events_by_case[case["id"]]
    shown = [(e.event_type, _countries(e.actor), _countries(e.recipient), e.aux_mode) for e in events]
    if not case["events"]:
        assert not events, f"{case['text']!r} should yield no event: {shown}"
    for want in case["events"]:
        assert any(_matches(e, want) for e in events), f"{case['text']!r}: want {want}, got {shown}"
    for unwanted in case["must_not"]:
        assert not any(_matches(e, unwanted) for e in events), f"{case['text']!r} must not yield {unwanted}"
