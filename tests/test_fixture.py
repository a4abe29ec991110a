"""The reference article yields what an analyst expects (its must items), and nothing it must not."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate.expectations import check_expectations
from eventwire.model import Article

from conftest import read_jsonl, records_of

PUBLISHED = "2024-06-17"  # the fixture's "about" says this date is assumed


@pytest.fixture(scope="module")
def fixture_records(pipeline, shared_dir):
    line = read_jsonl(shared_dir / "fixtures" / "putin-pyongyang.jsonl")[0]
    article = Article.create(line["text"], title=line.get("title"), published=line.get("published") or PUBLISHED,
                             source=line.get("source"), url=line.get("url"))
    return records_of(pipeline(article))


@pytest.fixture(scope="module")
def report(fixture_records, shared_dir):
    expected = json.loads((shared_dir / "fixtures" / "putin-pyongyang.expected.json").read_text("utf-8"))
    return check_expectations(fixture_records, expected)


def test_every_must_item_is_met(report):
    assert report.unmet("must") == []


def test_no_must_not_item_is_violated(report):
    assert report.violations == []


def test_should_items_do_not_regress(report):
    """Met 'should' items are pinned here; a new one met is welcome (add it), a lost one fails."""
    pinned = {"events:vow-support", "events:criticize-us", "events:us-concern", "events:nk-seeks-assistance",
              "events:xi-2019-visit",
              "quotes:kremlin-friendly-visit", "quotes:nilsson-wright", "actors:Xi Jinping", "actors:Nilsson-Wright"}
    assert pinned <= set(report.met("should"))


def test_alleged_supply_is_claimed_and_denied(fixture_records):
    aid = [r for r in fixture_records if r.get("event_type") == "AID"]
    assert aid, "no AID event"
    assert {e["country"] for e in aid[0]["claimed_by"]} >= {"USA", "KOR"}
    assert {e["country"] for e in aid[0]["denied_by"]} >= {"PRK", "RUS"}


def test_offsets_point_at_the_words(fixture_records):
    text = fixture_records[0]["text"]
    for record in fixture_records[1:]:
        if record["kind"] == "event":
            evidence = record["evidence"]
            assert text[evidence["start"]:evidence["end"]] == evidence["text"]
            for entity in record["actor"] + record["recipient"] + record["claimed_by"] + record["denied_by"]:
                assert text[entity["start"]:entity["end"]] == entity["text"]
        else:
            assert text[record["start"]:record["end"]] == record["text"]


def test_reprocessing_gives_the_same_ids(pipeline, fixture_records, shared_dir):
    line = read_jsonl(shared_dir / "fixtures" / "putin-pyongyang.jsonl")[0]
    again = records_of(pipeline(Article.create(line["text"], published=PUBLISHED)))
    ids = lambda records: [r.get("event_id") or r.get("quote_id") or r.get("article_id") for r in records]  # noqa: E731
    assert ids(again) == ids(fixture_records)


def _events(records, event_type, evidence):
    return [r for r in records if r.get("event_type") == event_type and evidence in r["evidence"]["text"]]


def test_planned_visit_is_dated_and_placed(fixture_records):
    visit = [r for r in _events(fixture_records, "CONSULT", "visit") if r["aux_mode"] == "future"
             and any(e["country"] == "PRK" for e in r["recipient"])][0]
    assert visit["date"]["value"] == "2024-06-18" and visit["date"]["precision"] == "day"
    location = visit["location"]
    assert location["country"] == "PRK" and "Pyongyang" in location["name"]
    assert abs(location["lat"] - 39.0) < 0.3 and abs(location["lon"] - 125.75) < 0.3


def test_xi_visit_is_dated_2019_and_historical(fixture_records):
    xi = _events(fixture_records, "CONSULT", "2019 state visit")[0]
    assert xi["date"]["value"] == "2019" and xi["date"]["precision"] == "year"
    assert xi["aux_mode"] == "historical"
    assert any(e["country"] == "CHN" for e in xi["actor"])


def test_vietnam_trip_is_placed_in_vietnam(fixture_records):
    trip = [r for r in _events(fixture_records, "CONSULT", "Vietnam") if r["location"]]
    assert trip and trip[0]["location"]["country"] == "VNM" and trip[0]["aux_mode"] == "future"
