"""Incremental, resumable ingest of a corpus into a store.

The *ledger* (table ``ingest_ledger``) holds one row per document ever ingested, keyed by
its article id (a hash of its text), with what became of it: ``processed``, ``duplicate``
(of ``original_id``), ``skipped`` or ``failed``. A processed article's ledger row is
committed in the same transaction as its records, so after a crash (even SIGKILL) a rerun
finds exactly the articles whose records are in the store and processes the rest: nothing
committed is lost, nothing is stored twice.

Near-duplicates (``minhash``) are not run through the pipeline: they are linked to their
original in ``article_duplicates`` and counted in the event clusters. So is an identical
text that arrives under another URL (a wire copy), under a copy id of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

from ..model import Article, content_hash
from ..run import DEFAULT_BATCH_SIZE, RunSummary, Verdict, run
from .minhash import NearDuplicateIndex, signature, signature_bytes, signature_from_bytes


@dataclass
class _Admitted:
    """An article let through to the pipeline, waiting for its batch to be committed."""

    article: Article
    signature: bytes


@dataclass
class IngestGate:
    """The ingest's ``run`` gate: ledger look-ups, near-duplicate links, rows to commit."""

    # article_id → (URL, original_id if a near-duplicate), for everything already ingested
    ledger: dict[str, tuple[str | None, str | None]]
    copies: set[str]  # ids of wire copies already recorded
    index: NearDuplicateIndex
    admitted: dict[str, _Admitted] = field(default_factory=dict)
    admitted_by_origin: dict[str, str] = field(default_factory=dict)
    pending: dict[str, list[dict]] = field(default_factory=lambda: _empty_rows())

    @classmethod
    def load(cls, store, threshold: float | None = None) -> "IngestGate":
        index = NearDuplicateIndex() if threshold is None else NearDuplicateIndex(threshold)
        for article_id, data in store.minhash_signatures():
            index.add(article_id, signature_from_bytes(data))
        return cls(ledger=store.ledger_entries(), copies=store.duplicate_ids(), index=index)

    # --- run's Gate protocol ---------------------------------------------------------------

    def check(self, article: Article) -> Verdict | None:
        minhash = signature(article.text)
        match = self.index.match(minhash)
        if match is not None:
            self._note_duplicate(article, article.article_id, match.original_id, match.similarity)
            self.ledger[article.article_id] = (article.url, match.original_id)
            self.pending["ingest_ledger"].append(
                _ledger_row(article, "duplicate", original_id=match.original_id,
                            similarity=match.similarity))
            return Verdict("duplicate", f"near-duplicate of {match.original_id}")
        self.index.add(article.article_id, minhash)
        self.ledger[article.article_id] = (article.url, None)
        self.admitted[article.article_id] = _Admitted(article, signature_bytes(minhash))
        self.admitted_by_origin[article.origin or article.article_id] = article.article_id
        return None

    def on_failure(self, where: str, article_id: str | None, stage: str, reason: str) -> None:
        article_id = article_id or self.admitted_by_origin.pop(where, None)
        if article_id is None:
            return  # unreadable input: nothing to remember, it is reported again next time
        admitted = self.admitted.pop(article_id, None)
        if admitted is not None:  # failed in the pipeline: an original that yields nothing
            self._ledger_admitted(admitted, "failed", reason)
            return
        article_like = Article(article_id=article_id, text="", origin=where)
        self.ledger.setdefault(article_id, (None, None))
        self.pending["ingest_ledger"].append(_ledger_row(article_like, "skipped", reason=reason))

    def take_rows(self, docs_records: list[list]) -> Mapping[str, list[dict]]:
        for records in docs_records:
            article = records[0]
            admitted = self.admitted.pop(article.article_id, None)
            if admitted is not None:
                self.admitted_by_origin.pop(article.origin or article.article_id, None)
                self._ledger_admitted(admitted, "processed")
        rows, self.pending = self.pending, _empty_rows()
        return rows

    def known(self, article: Article) -> Verdict | None:
        """Already in the ledger: seen before, or the same text under another URL (a copy)."""
        if article.article_id not in self.ledger:
            return None
        known_url, original_id = self.ledger[article.article_id]
        if not article.url or article.url == known_url:
            return Verdict("seen", "already ingested")
        copy_id = content_hash("copy", article.article_id, article.url)
        if copy_id in self.copies:
            return Verdict("seen", "already ingested")
        # the same text as a near-duplicate is a copy of that one's original
        original_id = original_id or article.article_id
        self._note_duplicate(article, copy_id, original_id, 1.0)
        self.copies.add(copy_id)
        return Verdict("duplicate", f"copy of {original_id}")

    # --- helpers -------------------------------------------------------------------------

    def _note_duplicate(self, article: Article, duplicate_id: str, original_id: str,
                        similarity: float) -> None:
        record = article.to_dict()
        self.pending["article_duplicates"].append({
            "article_id": duplicate_id, "original_id": original_id, "similarity": similarity,
            "url": article.url, "source": article.source, "title": article.title,
            "published": article.published, "origin": article.origin,
            "record": _json(record),
        })

    def _ledger_admitted(self, admitted: _Admitted, status: str, reason: str | None = None) -> None:
        self.pending["ingest_ledger"].append(_ledger_row(admitted.article, status, reason=reason))
        self.pending["article_minhash"].append(
            {"article_id": admitted.article.article_id, "signature": admitted.signature})


def _empty_rows() -> dict[str, list[dict]]:
    return {"ingest_ledger": [], "article_minhash": [], "article_duplicates": []}


def _ledger_row(article: Article, status: str, reason: str | None = None,
                original_id: str | None = None, similarity: float | None = None) -> dict:
    return {"article_id": article.article_id, "url": article.url, "origin": article.origin,
            "status": status, "reason": reason, "original_id": original_id,
            "similarity": similarity, "ingested_at": _now()}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _json(data: dict) -> str:
    import json

    return json.dumps(data, ensure_ascii=False)


def ingest(
    items: Iterable,
    pipeline,
    store,
    batch_size: int = DEFAULT_BATCH_SIZE,
    *,
    on_skip: Callable[[str, str, str], None] | None = None,
    on_progress: Callable[[RunSummary], None] | None = None,
    summary: RunSummary | None = None,
    threshold: float | None = None,
) -> RunSummary:
    """Ingest what the readers yield into ``store``, then rebuild clusters and stories.

    Documents already in the ledger are passed over; near-duplicates are linked, not
    processed. Each batch (records, ledger rows, duplicate links) is one transaction.
    """
    from .clusters import rebuild_event_clusters
    from .stories import rebuild_stories

    gate = IngestGate.load(store, threshold)
    summary = run(items, pipeline, store, batch_size=batch_size, on_skip=on_skip,
                  on_progress=on_progress, gate=gate, summary=summary)
    rebuild_event_clusters(store)
    rebuild_stories(store)
    return summary


def ingest_sources(sources: Sequence[str], pipeline, store, published: str | None = None,
                   fetcher=None, follow_links: bool = False, **options) -> RunSummary:
    """``ingest`` over files, folders, URLs and URL lists (see ``read_sources``)."""
    from ..io.readers import read_sources

    items = read_sources(sources, published, fetcher=fetcher, follow_links=follow_links)
    return ingest(items, pipeline, store, **options)
