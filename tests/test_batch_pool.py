"""The local process pool: same outcomes, in input order, as the pipeline in one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from batch_fakes import articles, make_fake_pipeline
from eventwire.batch.pool import PoolPipeline, map_records
from eventwire.batch.work import process_articles
from eventwire.cli import main
from eventwire.pipeline import Failure

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"
TEXTS = ["Putin will visit Pyongyang.", "Markets were calm.", "CRASH here", "Kim will visit Moscow.",
         "Rain in Seoul.", "Xi to visit Hanoi.", "CRASH again", "Quiet day."]


def outcome_dicts(outcomes) -> list:
    return [("failure", o.origin, o.stage, o.reason) if isinstance(o, Failure)
            else ("records", [r.to_dict() for r in o[1]]) for o in outcomes]


def test_map_records_gives_the_in_process_outcomes_in_input_order():
    items = articles(TEXTS)
    expected = outcome_dicts(process_articles(make_fake_pipeline(), items))
    pooled = outcome_dicts(map_records(iter(items), workers=2, batch_size=2,
                                       make_pipeline=make_fake_pipeline))
    assert pooled == expected
    assert [kind for kind, *_ in pooled].count("failure") == 2


def test_pool_pipeline_reports_failures_through_on_failure():
    failures = []
    docs = list(PoolPipeline(2, batch_size=3, make_pipeline=make_fake_pipeline)
                .pipe(articles(TEXTS), on_failure=failures.append))
    assert len(docs) == 6
    assert [f.origin for f in failures] == ["fake.jsonl:3", "fake.jsonl:7"]
    assert docs[0].article.origin == "fake.jsonl:1"


def test_map_records_rejects_zero_workers():
    with pytest.raises(ValueError):
        list(map_records(articles(TEXTS), workers=0))


def test_cli_workers_write_the_same_records_as_one_process(tmp_path, pipeline):
    subset = tmp_path / "subset.jsonl"
    subset.write_text("".join(EXAMPLES.read_text("utf-8").splitlines(keepends=True)[:6]), "utf-8")
    runner = CliRunner()
    one = runner.invoke(main, ["process", str(subset)], obj={"pipeline": pipeline},
                        catch_exceptions=False)
    pooled = runner.invoke(main, ["process", str(subset), "--workers", "2", "--batch-size", "2"],
                           catch_exceptions=False)
    assert one.exit_code == pooled.exit_code == 0
    assert [json.loads(line) for line in pooled.stdout.splitlines()] == \
        [json.loads(line) for line in one.stdout.splitlines()]
    assert "processed 6, skipped 0" in pooled.stderr


def test_ray_options_without_ray_engine_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["process", str(EXAMPLES), "--dataset", str(tmp_path / "d")])
    assert result.exit_code == 2
    assert "--engine ray" in result.output


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path, pipeline):
    from eventwire.store import Store

    subset = tmp_path / "subset.jsonl"
    subset.write_text("".join(EXAMPLES.read_text("utf-8").splitlines(keepends=True)[:4]), "utf-8")
    runner = CliRunner()
    stored = []
    for name, args, obj in (("one", [], {"pipeline": pipeline}), ("two", ["--workers", "2"], None)):
        db = tmp_path / f"{name}.duckdb"
        result = runner.invoke(main, ["ingest", str(subset), "--db", str(db), *args], obj=obj,
                               catch_exceptions=False)
        assert result.exit_code == 0, result.output
        with Store.open(str(db), read_only=True) as store:
            stored.append((store.articles(), store.events(), store.quotes()))
    assert stored[0] == stored[1]
    assert stored[0][1], "the subset yields events"
