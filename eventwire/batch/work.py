"""The unit of work every engine runs: a list of articles through one pipeline.

Engines call the pipeline only through these two functions, so the local pool, Ray and
the in-process path produce the same records for the same input:

- ``process_articles``: the pipeline alone (the pool's workers; the processing loop
  that feeds them runs in the parent process);
- ``run_items``: the whole processing loop of ``eventwire.run`` (language check,
  skip reasons) without a store, for a Ray shard, which has no parent loop around it.
"""

from __future__ import annotations

import os
import resource
import sys
from typing import Callable, Iterable, Union

from ..model import Article
from ..pipeline import Failure

# One processed article (its records: the Article, events, quotes) or why it was skipped.
Outcome = Union[tuple[Article, list], Failure]

# Native thread pools a worker process should keep to one thread: the engine runs one
# worker per core, so more threads per worker only compete with the other workers.
THREAD_ENV_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                   "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def process_articles(pipeline, articles: Iterable[Article]) -> list[Outcome]:
    """Each article's records, or its ``Failure``, in input order."""
    outcomes: list[Outcome] = []
    for doc in pipeline.pipe(articles, on_failure=outcomes.append):
        outcomes.append((doc.article, doc.records()))
    return outcomes


def run_items(pipeline, items: Iterable, batch_size: int) -> tuple[list[list], list[dict]]:
    """Each processed article's records, and each skipped document as ``{origin, stage, reason}``.

    ``items`` are what the readers yield: articles, or ``InputError`` for unreadable documents.
    """
    from ..run import run

    processed: list[list] = []
    skipped: list[dict] = []

    def on_skip(where: str, stage: str, reason: str) -> None:
        skipped.append({"origin": where, "stage": stage, "reason": reason})

    run(items, pipeline, store=None, on_records=processed.append, batch_size=batch_size,
        on_skip=on_skip)
    return processed, skipped


def default_pipeline_factory() -> Callable[..., object]:
    from ..factory import build_pipeline

    return build_pipeline


def limit_native_threads() -> None:
    """One native thread per worker process; call before numpy/spaCy are imported."""
    for name in THREAD_ENV_VARS:
        os.environ.setdefault(name, "1")


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
