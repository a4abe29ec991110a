"""Local parallelism: worker processes on this machine, each loading the pipeline once.

``map_records`` sends batches of articles to the workers and yields, in input order,
each article's records or the ``Failure`` that skipped it. ``PoolPipeline`` has the
``pipe(articles, on_failure)`` shape of ``Pipeline``, so the processing loop that drives a
pipeline (storing, counting, reporting skips) drives the pool unchanged.

Workers are started with ``spawn``: the parent may hold a DuckDB connection and threads,
which a forked child must not inherit, and spawn behaves the same on Linux and macOS.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..model import Article
from ..pipeline import Failure
from .work import Outcome, default_pipeline_factory, limit_native_threads, peak_rss_mb, process_articles

DEFAULT_BATCH_SIZE = 32
# Batches queued per worker: enough that a worker never waits, few enough to bound memory.
BATCHES_IN_FLIGHT_PER_WORKER = 2

# The pipeline of this worker process, built once by ``_start_worker``.
_worker_pipeline = None


def _start_worker(make_pipeline: Callable, batch_size: int) -> None:
    global _worker_pipeline
    limit_native_threads()
    _worker_pipeline = make_pipeline(batch_size=batch_size)


def _process_batch(articles: list[Article]) -> list[Outcome]:
    return process_articles(_worker_pipeline, articles)


def _worker_peak_rss_mb() -> float:
    return peak_rss_mb()


class WorkerPool:
    """``workers`` processes, each holding one pipeline; use as a context manager."""

    def __init__(self, workers: int, batch_size: int = DEFAULT_BATCH_SIZE,
                 make_pipeline: Callable | None = None):
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        self.workers = workers
        self.batch_size = batch_size
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(make_pipeline or default_pipeline_factory(), batch_size),
        )

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def map_records(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Outcomes in input order; input is read lazily, a bounded number of batches ahead."""
        in_flight: deque[Future] = deque()
        limit = BATCHES_IN_FLIGHT_PER_WORKER * self.workers
        for batch in _batches(articles, self.batch_size):
            in_flight.append(self._executor.submit(_process_batch, batch))
            if len(in_flight) >= limit:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()

    def peak_rss_mb(self) -> float:
        """The largest peak RSS among the workers that answer (each is asked once per worker)."""
        futures = [self._executor.submit(_worker_peak_rss_mb) for _ in range(self.workers)]
        return max(f.result() for f in futures)


def map_records(articles: Iterable[Article], workers: int, batch_size: int = DEFAULT_BATCH_SIZE,
                make_pipeline: Callable | None = None) -> Iterator[Outcome]:
    """Process ``articles`` on ``workers`` processes: ``(article, records)`` or ``Failure``, in order."""
    with WorkerPool(workers, batch_size, make_pipeline) as pool:
        yield from pool.map_records(articles)


class ProcessedDoc:
    """What the processing loop needs of a ``Doc``: its article and its records."""

    def __init__(self, article: Article, records: list):
        self.article = article
        self._records = records

    def records(self) -> list:
        return list(self._records)


class PoolPipeline:
    """A ``Pipeline`` stand-in that runs the real pipeline on ``workers`` processes."""

    def __init__(self, workers: int, batch_size: int = DEFAULT_BATCH_SIZE,
                 make_pipeline: Callable | None = None):
        self.workers = workers
        self.batch_size = batch_size
        self.make_pipeline = make_pipeline

    def pipe(self, articles: Iterable[Article],
             on_failure: Callable[[Failure], None] | None = None) -> Iterator[ProcessedDoc]:
        for outcome in map_records(articles, self.workers, self.batch_size, self.make_pipeline):
            if isinstance(outcome, Failure):
                if on_failure is not None:
                    on_failure(outcome)
                continue
            article, records = outcome
            yield ProcessedDoc(article, records)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
