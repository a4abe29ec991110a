"""The processing loop every entry point shares: read items → gate → pipeline → store.

``run`` takes what the readers yield (articles, or ``InputError`` in place of a bad
document), runs the pipeline over the articles, stores each batch of records in one
transaction, and reports every skipped document with its reason. ``process``,
``ingest``, the HTTP API and the batch layer all call it, so a skip means the same thing
everywhere.

A *gate* (optional) decides before the pipeline whether an article is worth processing
(the corpus ingest uses one for its ledger and near-duplicates) and hands over rows that
must be committed in the same transaction as the batch they belong to.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping, Protocol

from .errors import InputError
from .io.language import detect_language, is_supported_language
from .model import Article

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32
# spaCy refuses texts over 1,000,000 characters (its max_length), and it parses a batch at
# once: a longer text would fail the whole batch. It is skipped here, before the pipeline.
MAX_TEXT_CHARS = 1_000_000


@dataclass
class RunSummary:
    """What a run did, for the closing line and for callers that report elsewhere."""

    processed: int = 0
    skipped: int = 0
    duplicates: int = 0
    already_ingested: int = 0
    events: int = 0
    quotes: int = 0
    no_events: int = 0
    skip_reasons: Counter = field(default_factory=Counter)

    @property
    def seen(self) -> int:
        """Input items handled so far, whatever became of them."""
        return self.processed + self.skipped + self.duplicates + self.already_ingested

    def line(self) -> str:
        return (f"processed {self.processed}, skipped {self.skipped}, events {self.events}, "
                f"quotes {self.quotes}, no events {self.no_events}")

    def count(self, records: list) -> None:
        events = sum(1 for r in records if r.kind == "event")
        self.processed += 1
        self.events += events
        self.quotes += sum(1 for r in records if r.kind == "quote")
        self.no_events += events == 0

    def count_skip(self, reason: str) -> None:
        self.skipped += 1
        self.skip_reasons[reason_kind(reason)] += 1


def reason_kind(reason: str) -> str:
    """The reason without the per-document detail, for grouping in a summary."""
    if reason.startswith("stage '"):
        return reason.split(":", 1)[0]
    for separator in (" (", ": "):
        if separator in reason:
            return reason.split(separator, 1)[0]
    return reason


@dataclass
class Verdict:
    """Why a gate holds an article back: ``status`` is 'duplicate', 'seen' or 'skipped'."""

    status: str
    reason: str
    stage: str = "gate"


class Gate(Protocol):
    def known(self, article: Article) -> Verdict | None:
        """A verdict for an article handled before (asked first), else None."""

    def check(self, article: Article) -> Verdict | None:
        """None to process the article; otherwise why not (asked after the language check)."""

    def on_failure(self, where: str, article_id: str | None, stage: str, reason: str) -> None:
        """A document the pipeline or reader could not handle (to remember it)."""

    def take_rows(self, docs_records: list[list]) -> Mapping[str, list[dict]]:
        """Rows to commit together with this batch of processed documents."""


SkipHandler = Callable[[str, str, str], None]  # (where, stage, reason)


def run(
    items: Iterable[Article | InputError],
    pipeline,
    store=None,
    on_records: Callable[[list], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    *,
    on_skip: SkipHandler | None = None,
    on_progress: Callable[[RunSummary], None] | None = None,
    gate: Gate | None = None,
    summary: RunSummary | None = None,
) -> RunSummary:
    """Process every article in ``items``; store each batch in one transaction.

    ``on_records`` gets each processed article's records (Article, events, quotes) after
    its batch is committed. ``on_skip`` hears about every skipped document. ``summary``
    may be passed in so a caller can still print it when the run is interrupted.
    """
    summary = summary if summary is not None else RunSummary()
    loop = _Loop(pipeline, store, on_records, on_skip, on_progress, gate, summary, batch_size)
    loop.run(read_ahead(items))
    return summary


READ_AHEAD = 64  # documents read (and HTML extracted) while the pipeline works on earlier ones


def read_ahead(items: Iterable, depth: int = READ_AHEAD) -> Iterator:
    """Iterate ``items`` in a background thread, ``depth`` ahead, in order.

    Reading waits on files, the network and the HTML-extraction worker process; done ahead,
    that waiting overlaps with the NLP pipeline instead of adding to it. An exception
    raised while reading is raised here, where the item would have been.
    """
    if isinstance(items, (list, tuple)):
        yield from items
        return
    buffer: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        buffer.put(("item", item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            buffer.put(("end", None))
        except BaseException as exc:  # handed to the consumer, which raises it
            buffer.put(("error", exc))

    reader = threading.Thread(target=produce, name="eventwire-reader", daemon=True)
    reader.start()
    try:
        while True:
            kind, value = buffer.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()


class _Loop:
    def __init__(self, pipeline, store, on_records, on_skip, on_progress, gate, summary, batch_size):
        self.pipeline = pipeline
        self.store = store
        self.on_records = on_records
        self.on_skip = on_skip
        self.on_progress = on_progress
        self.gate = gate
        self.summary = summary
        self.batch_size = batch_size
        self.failure_rows: list[dict] = []

    def run(self, items: Iterable[Article | InputError]) -> None:
        batch: list[list] = []
        for doc in self.pipeline.pipe(self._admitted(items), on_failure=self._stage_failed):
            batch.append(doc.records())
            if len(batch) >= self.batch_size:
                self._commit(batch)
                batch = []
        self._commit(batch)

    def _admitted(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                where = f"{item.source}:{item.line}" if item.line is not None else item.source
                self._skip(where, None, "read", item.reason)
                continue
            verdict = self._verdict(item)
            if verdict is None:
                yield item
                continue
            self._held_back(item, verdict)

    def _verdict(self, article: Article) -> Verdict | None:
        if self.gate is not None:
            known = self.gate.known(article)
            if known is not None:
                return known
        if len(article.text) > MAX_TEXT_CHARS:
            return Verdict("skipped", f"text too long for the pipeline ({len(article.text):,} "
                                      f"characters; the limit is {MAX_TEXT_CHARS:,})", stage="read")
        language = detect_language(article.text)
        if language and not is_supported_language(language):
            return Verdict("skipped", f"language '{language}' is not supported yet (English only)",
                           stage="language")
        if self.gate is not None:
            return self.gate.check(article)
        return None

    def _held_back(self, article: Article, verdict: Verdict) -> None:
        if verdict.status == "duplicate":
            self.summary.duplicates += 1
        elif verdict.status == "seen":
            self.summary.already_ingested += 1
        else:
            self._skip(article.origin or article.article_id, article.article_id,
                       verdict.stage, verdict.reason)
            return
        self._progressed()

    def _stage_failed(self, failure) -> None:
        reason = f"stage '{failure.stage}' failed: {failure.reason}"
        self._skip(failure.origin, None, failure.stage, reason)

    def _skip(self, where: str, article_id: str | None, stage: str, reason: str) -> None:
        self.summary.count_skip(reason)
        if self.on_skip is not None:
            self.on_skip(where, stage, reason)
        if self.gate is not None:
            self.gate.on_failure(where, article_id, stage, reason)
        self.failure_rows.append({"origin": where, "stage": stage, "reason": reason})
        self._progressed()

    def _commit(self, batch: list[list]) -> None:
        if self.store is not None:
            extra = dict(self.gate.take_rows(batch)) if self.gate is not None else {}
            if self.failure_rows:
                extra["failures"] = self.failure_rows
            self.store.write(batch, extra=extra)
        self.failure_rows = []
        for records in batch:
            self.summary.count(records)
            if self.on_records is not None:
                self.on_records(records)
            self._progressed()

    def _progressed(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.summary)
