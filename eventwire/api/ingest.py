"""The single writer: one thread owns the store's write connection and takes articles from a queue.

Requests never write: ``POST /articles`` hands the article to ``Writer.submit`` and waits a
bounded time for the result. The pipeline runs on the writer thread too, so at most one
article is processed at a time and the spaCy model is loaded once, on the first ingest.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Callable

from ..model import Article

log = logging.getLogger(__name__)
DEFAULT_QUEUE_SIZE = 64


class QueueFull(Exception):
    def __init__(self, size: int):
        super().__init__(f"the ingest queue is full ({size} articles waiting); retry later")


class Writer:
    def __init__(self, store, make_pipeline: Callable[[], object], queue_size: int = DEFAULT_QUEUE_SIZE):
        self._store = store
        self._make_pipeline = make_pipeline
        self._pipeline = None
        self._queue: queue.Queue = queue.Queue(maxsize=queue_size)
        self._thread = threading.Thread(target=self._run, name="eventwire-writer", daemon=True)
        self._thread.start()

    def submit(self, article: Article) -> Future:
        """Queue an article; the future resolves to counts stored, or to the stage's error."""
        future: Future = Future()
        try:
            self._queue.put_nowait((article, future))
        except queue.Full:
            raise QueueFull(self._queue.maxsize) from None
        return future

    def close(self, timeout: float = 10.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            article, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._ingest(article))
            except BaseException as exc:  # the caller gets the error; the writer goes on
                log.warning("ingest of %s failed: %s", article.article_id, exc)
                future.set_exception(exc)

    def _ingest(self, article: Article) -> dict:
        if self._pipeline is None:
            self._pipeline = self._make_pipeline()
        records = self._pipeline(article).records()
        return self._store.write([records])
