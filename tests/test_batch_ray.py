"""Ray Data: the example corpus on a local two-CPU Ray cluster gives the local run's records."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.batch.dataset import MARKER_DIR
from eventwire.cli import main
from eventwire.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"
SHARD_SIZE = 6  # 22 example articles: 4 shards


@pytest.fixture(scope="module")
def ray_cluster():
    """A local Ray cluster on the loopback interface: no dashboard, no usage reporting."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning", log_to_driver=False)
    yield ray
    ray.shutdown()


def ray_process(dataset: Path, *extra: str):
    args = ["process", str(EXAMPLES), "--engine", "ray", "--dataset", str(dataset),
            "--shard-size", str(SHARD_SIZE), "--workers", "2", *extra]
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def ray_run(ray_cluster, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ray")
    result = ray_process(folder / "dataset")
    assert result.exit_code == 0, result.output
    return folder, result


@pytest.fixture(scope="module")
def local_db(pipeline, tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    result = CliRunner().invoke(main, ["process", str(EXAMPLES), "--db", str(db)],
                                obj={"pipeline": pipeline}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def stored(db: Path) -> dict:
    with Store.open(str(db), read_only=True) as store:
        failures = sorted((f["origin"], f["stage"], f["reason"]) for f in store.failures())
        origins = sorted(store.connection.execute("SELECT article_id, origin FROM articles").fetchall())
        return {"articles": store.articles(), "events": store.events(), "quotes": store.quotes(),
                "failures": failures, "origins": origins}


def test_ray_run_imported_equals_the_local_run(ray_run, local_db):
    folder, result = ray_run
    assert "4 shards written, 0 of 4 already complete" in result.stderr
    db = folder / "ray.duckdb"
    imported = CliRunner().invoke(main, ["import", str(folder / "dataset"), "--db", str(db)])
    assert imported.exit_code == 0, imported.output
    ray_records, local_records = stored(db), stored(local_db)
    assert len(ray_records["articles"]) == 22
    assert ray_records["events"], "the example corpus yields events"
    assert ray_records == local_records


def test_dataset_is_partitioned_by_publication_date(ray_run):
    folder, _ = ray_run
    days = {p.name for p in (folder / "dataset").glob("date=*")}
    assert "date=2019-10-12" in days  # turkey-syria-offensive
    assert len(list((folder / "dataset" / MARKER_DIR).glob("*.json"))) == 4


def test_rerun_skips_completed_shards(ray_run):
    folder, _ = ray_run
    dataset = folder / "dataset"
    files = sorted(dataset.rglob("*.parquet"))
    before = {p: p.stat().st_mtime_ns for p in files}
    again = ray_process(dataset)
    assert again.exit_code == 0, again.output
    assert "0 shards written, 4 of 4 already complete" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in files} == before

    markers = sorted((dataset / MARKER_DIR).glob("*.json"))
    markers[0].unlink()  # as if the run had stopped before this shard finished
    resumed = ray_process(dataset)
    assert resumed.exit_code == 0, resumed.output
    assert "1 shards written, 3 of 4 already complete" in resumed.stderr
    assert markers[0].exists()
