"""Claims and denials: who asserts an event, and who denies it, linked within the article."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _event(pipeline, text: str, event_type: str):
    doc = pipeline(Article.create(text, published="2024-06-17"))
    found = [e for e in doc.events() if e.event_type == event_type]
    assert found, f"no {event_type} event in {[e.event_type for e in doc.events()]}"
    return found[0]


def _countries(entities) -> set:
    return {e.country for e in entities}


@pytest.mark.parametrize("text,event_type,claimed,denied", [
    ("Ukraine accused Russia of shelling a hospital in Kharkiv. Moscow denied the accusation.",
     "ASSAULT", {"UKR"}, {"RUS"}),
    ("The United States said Iran had supplied drones to Russia. Tehran and Moscow denied any such transfers.",
     "AID", {"USA"}, {"IRN", "RUS"}),
    ("South Korea and the United States accused North Korea of supplying Russia with artillery shells. "
     "Pyongyang rejected the claims.", "AID", {"KOR", "USA"}, {"PRK"}),
])
def test_an_accused_event_is_claimed_by_the_accusers_and_denied_by_the_accused(
        pipeline, text, event_type, claimed, denied):
    event = _event(pipeline, text, event_type)
    assert _countries(event.claimed_by) == claimed
    assert _countries(event.denied_by) >= denied


@pytest.mark.parametrize("text,event_type,claimed", [
    ("According to Kyiv, Russian forces attacked a power plant overnight.", "ASSAULT", {"UKR"}),
    ("Israel said its jets struck Hezbollah targets in southern Lebanon.", "ASSAULT", {"ISR"}),
])
def test_reported_events_carry_their_reporter(pipeline, text, event_type, claimed):
    event = _event(pipeline, text, event_type)
    assert _countries(event.claimed_by) == claimed and event.denied_by == []


def test_the_article_asserting_an_event_leaves_claims_empty(pipeline):
    event = _event(pipeline, "Russian forces attacked a power plant in Kharkiv on Monday.", "ASSAULT")
    assert event.claimed_by == [] and event.denied_by == []


def test_the_accusation_and_the_denial_are_events_of_their_own(pipeline):
    text = "Ukraine accused Russia of shelling a hospital in Kharkiv. Moscow denied the accusation."
    accuse, reject = _event(pipeline, text, "ACCUSE"), _event(pipeline, text, "REJECT")
    assert _countries(accuse.actor) == {"UKR"} and _countries(accuse.recipient) == {"RUS"}
    assert _countries(reject.actor) == {"RUS"} and _countries(reject.recipient) == {"UKR"}


def test_claims_and_disputed_commands(tmp_path):
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"text": "The United States said Iran had supplied drones to Russia. "
                                          "Tehran and Moscow denied any such transfers.",
                                  "published": "2024-06-17"}) + "\n")
    db = str(tmp_path / "claims.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["process", str(source), "--db", db]).exit_code == 0

    def jsonl(*args):
        result = runner.invoke(main, [*args, "--db", db, "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines() if line.strip()]

    assert [r["event_type"] for r in jsonl("claims", "--by", "USA")] == ["AID"]
    assert [r["event_type"] for r in jsonl("claims", "--denied-by", "Iran")] == ["AID"]
    assert jsonl("claims", "--by", "RUS") == []
    disputed = jsonl("events", "--disputed")
    assert disputed and all(r["claimed_by"] or r["denied_by"] for r in disputed)
