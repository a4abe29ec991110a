"""Ray Data adapter: shards of articles through an actor pool, each actor one pipeline.

``process_to_dataset`` cuts the articles into shards, skips the shards the dataset
already holds, and runs the rest with ``Dataset.map_batches`` over ``ShardWorker``
actors. Each actor builds the pipeline once, then runs whole shards through the shared
processing loop and writes each shard's Parquet files and marker (``dataset.write_shard``).
Only each shard's small ``ShardResult`` travels back to the driver.

Without ``address`` a local Ray cluster is started on the loopback interface; with one,
the driver joins that cluster, whose nodes must have eventwire installed and see the
dataset path (a shared filesystem).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..errors import EngineError
from .dataset import (DEFAULT_SHARD_SIZE, Item, Shard, ShardResult, completed_shards,
                      items_from_payload, items_payload, make_shards, write_shard)
from .work import default_pipeline_factory, peak_rss_mb, run_items

DEFAULT_BATCH_SIZE = 32


@dataclass
class DatasetRun:
    """What a run did: shards written now, shards found complete, and their results."""

    dataset: Path
    shards: int = 0
    resumed: int = 0
    results: list[ShardResult] = field(default_factory=list)

    @property
    def written(self) -> int:
        return len(self.results)

    def line(self) -> str:
        return (f"dataset {self.dataset}: {self.written} shards written, "
                f"{self.resumed} of {self.shards} already complete")


class ShardWorker:
    """A Ray Data actor: one pipeline, built once; each call processes and writes whole shards."""

    def __init__(self, dataset: str, batch_size: int = DEFAULT_BATCH_SIZE):
        self.dataset = Path(dataset)
        self.batch_size = batch_size
        self.pipeline = default_pipeline_factory()(batch_size=batch_size)

    def __call__(self, batch):
        import pyarrow as pa

        results = [self._shard(shard_id, payload).to_json()
                   for shard_id, payload in zip(batch["shard_id"].to_pylist(),
                                                batch["items"].to_pylist())]
        return pa.table({"result": pa.array(results, pa.string())})

    def _shard(self, shard_id: str, payload: str) -> ShardResult:
        items = items_from_payload(payload)
        started_at, clock = time.time(), time.perf_counter()
        processed, skipped = run_items(self.pipeline, items, self.batch_size)
        return write_shard(self.dataset, shard_id, processed, skipped, len(items),
                           started_at, time.perf_counter() - clock, peak_rss_mb())


def process_to_dataset(items: Iterable[Item], dataset: str | Path, *,
                       address: str | None = None, workers: int | None = None,
                       batch_size: int = DEFAULT_BATCH_SIZE,
                       shard_size: int = DEFAULT_SHARD_SIZE,
                       on_shard: Callable[[ShardResult], None] | None = None) -> DatasetRun:
    """Process ``items`` (what the readers yield) on Ray into the Parquet dataset at ``dataset``.

    Resumable: shards whose marker the dataset already holds are not run again.

    ``workers`` is the number of actors (default: one per CPU of the cluster).
    ``on_shard`` hears about each shard as it completes.
    """
    dataset = Path(dataset).resolve()
    shards = list(make_shards(items, shard_size))
    done = completed_shards(dataset)
    pending = [s for s in shards if s.shard_id not in done]
    run = DatasetRun(dataset=dataset, shards=len(shards), resumed=len(shards) - len(pending))
    if not pending:
        return run
    with ray_session(address, workers) as ray:
        for result in _run_shards(ray, pending, dataset, workers, batch_size):
            run.results.append(result)
            if on_shard is not None:
                on_shard(result)
    return run


def _run_shards(ray, shards: list[Shard], dataset: Path, workers: int | None, batch_size: int):
    rows = [{"shard_id": s.shard_id, "items": items_payload(s.items)} for s in shards]
    actors = min(workers or _cluster_cpus(ray), len(shards))
    results = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
        ShardWorker,
        batch_size=1,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,
        fn_constructor_kwargs={"dataset": str(dataset), "batch_size": batch_size},
    )
    try:
        for row in results.iter_rows():
            yield ShardResult.from_json(row["result"])
    except ray.exceptions.RayError as exc:
        raise EngineError(f"the Ray run failed: {exc}; completed shards are kept, "
                          "run again to resume") from exc


def _cluster_cpus(ray) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class ray_session:
    """Ray, connected: joins ``address``, reuses a running session, or starts a local cluster.

    A cluster started here is shut down on exit; one found running is left running.
    """

    def __init__(self, address: str | None = None, num_cpus: int | None = None):
        self.address = address
        self.num_cpus = num_cpus
        self.started = False

    def __enter__(self):
        _quiet_offline_ray_settings(local=self.address is None)
        try:
            import ray
        except ImportError:
            raise EngineError("Ray is not installed: pip install 'eventwire[ray]'") from None
        if not ray.is_initialized():
            self._start(ray)
        ray.data.DataContext.get_current().enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)  # per-run INFO lines on stderr
        return ray

    def _start(self, ray) -> None:
        try:
            ray.init(address=self.address, num_cpus=None if self.address else self.num_cpus,
                     include_dashboard=False, logging_level="warning", log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = f"the Ray cluster at {self.address}" if self.address else "a local Ray cluster"
            raise EngineError(f"cannot start or join {where}: {exc}") from exc
        self.started = True

    def __exit__(self, *exc) -> None:
        if self.started:
            import ray

            ray.shutdown()


def _quiet_offline_ray_settings(local: bool) -> None:
    """No usage reporting, and a local cluster that listens on the loopback interface only.

    Ray reads these when it is first imported. Ray otherwise binds a local cluster to the
    machine's outward address; ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0`` is the switch that
    makes it use 127.0.0.1 (on any platform, despite its name).
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if local:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
