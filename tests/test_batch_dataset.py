"""The Parquet dataset of a distributed run: shards, markers, date partitions, import."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from batch_fakes import articles, make_fake_pipeline
from eventwire.batch.dataset import (MARKER_DIR, completed_shards, import_dataset, items_from_payload,
                                     items_payload, make_shards, partition_date, shard_results,
                                     write_shard)
from eventwire.batch.work import process_articles
from eventwire.cli import main
from eventwire.errors import InputError
from eventwire.pipeline import Failure
from eventwire.store import Store

TEXTS = ["Putin will visit Pyongyang.", "Markets were calm.", "CRASH here", "Kim will visit Moscow."]


def write_fake_shard(dataset, items, shard_id="s1"):
    outcomes = process_articles(make_fake_pipeline(), items)
    processed = [records for o in outcomes if not isinstance(o, Failure) for records in [o[1]]]
    skipped = [{"origin": o.origin, "stage": o.stage, "reason": f"stage '{o.stage}' failed: {o.reason}"}
               for o in outcomes if isinstance(o, Failure)]
    return write_shard(dataset, shard_id, processed, skipped, len(items), 0.0, 0.1)


def test_shards_are_consecutive_runs_with_stable_ids():
    items = articles(TEXTS + ["Xi to visit Hanoi."])
    first = list(make_shards(items, size=2))
    again = list(make_shards(articles(TEXTS + ["Xi to visit Hanoi."]), size=2))
    assert [len(s.items) for s in first] == [2, 2, 1]
    assert [s.shard_id for s in first] == [s.shard_id for s in again]
    assert len({s.shard_id for s in first}) == 3


def test_unreadable_documents_travel_in_their_shard():
    items = [*articles(TEXTS[:1]), InputError("bad.jsonl", "malformed JSON", line=2)]
    back = items_from_payload(items_payload(items))
    assert back[0] == items[0] and back[0].origin == "fake.jsonl:1"
    assert isinstance(back[1], InputError)
    assert (back[1].source, back[1].line, back[1].reason) == ("bad.jsonl", 2, "malformed JSON")


def test_partition_date_is_the_publication_day_or_unknown():
    assert partition_date("2024-06-17") == "2024-06-17"
    assert partition_date(None) == partition_date("June 2024") == "unknown"


def test_a_shard_writes_one_file_per_day_then_its_marker(tmp_path):
    items = articles(TEXTS[:2]) + articles(TEXTS[2:], published=None)
    result = write_fake_shard(tmp_path, items)
    assert sorted(result.files) == ["date=2024-06-17/shard-s1.parquet", "date=unknown/shard-s1.parquet"]
    assert (result.processed, result.events, result.no_events) == (3, 2, 1)
    assert result.failures == [{"origin": "fake.jsonl:1", "stage": "events",
                                "reason": "stage 'events' failed: ValueError: boom"}]
    assert completed_shards(tmp_path) == {"s1"}
    assert [r.shard_id for r in shard_results(tmp_path)] == ["s1"]


def test_import_loads_completed_shards_only_and_twice_changes_nothing(tmp_path):
    dataset = tmp_path / "ds"
    items = articles(TEXTS)
    write_fake_shard(dataset, items)
    write_fake_shard(dataset, articles(["Unfinished visit."]), shard_id="s2")
    (dataset / MARKER_DIR / "s2.json").unlink()  # cut short before its marker
    db = tmp_path / "events.duckdb"
    first = import_dataset(dataset, db)
    second = import_dataset(dataset, db)
    assert (first.shards, first.articles, first.events, first.failures) == (1, 3, 2, 1)
    assert second.line() == first.line()
    with Store.open(str(db), read_only=True) as store:
        counts = store.counts()
        assert [counts[t] for t in ("articles", "events", "quotes", "failures")] == [3, 2, 0, 1]
        stored = {a["article_id"] for a in store.articles()}
        origins = dict(store.connection.execute("SELECT article_id, origin FROM articles").fetchall())
    assert stored == {a.article_id for a in items if "CRASH" not in a.text}
    assert origins[items[0].article_id] == "fake.jsonl:1"


def test_import_of_a_folder_that_is_no_dataset_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["import", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "[E001]" in result.output and "not an eventwire dataset" in result.output


def test_import_command_reports_what_it_loaded(tmp_path):
    write_fake_shard(tmp_path / "ds", articles(TEXTS))
    result = CliRunner().invoke(main, ["import", str(tmp_path / "ds"), "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 0, result.output
    assert "imported 1 shards: articles 3, events 2, quotes 0, failures 1" in result.stderr


def test_ray_engine_without_ray_installed_is_a_clear_error(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    source = tmp_path / "a.txt"
    source.write_text("Putin will visit Pyongyang.")
    result = CliRunner().invoke(main, ["process", str(source), "--engine", "ray",
                                       "--dataset", str(tmp_path / "ds")])
    assert result.exit_code == 1
    assert "[E008] Ray is not installed" in result.output
