"""The Parquet dataset a distributed run writes, shard by shard, and its import into DuckDB.

Layout (Hive-style date partitions, one file per shard and date)::

    DATASET/date=2024-06-17/shard-<id>.parquet    records of that shard's articles published that day
    DATASET/date=unknown/shard-<id>.parquet       articles without a publication date
    DATASET/_shards/<id>.json                     written last: the shard is complete

A shard is a run of consecutive input items (articles, and documents the readers could not
read, which the worker reports as a local run does); its id is a hash of their ids, so the
same input cut the same way gives the same shards. A rerun skips every shard that has its
``_shards`` marker; a shard cut short before its marker is redone, overwriting its files.
Each Parquet row is one record (article, event or quote) as its JSON, with a few columns
to group and order by, so an import gets back exactly the records the pipeline made.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..errors import InputError
from ..model import Article, content_hash

MARKER_DIR = "_shards"
UNKNOWN_DATE = "unknown"
DEFAULT_SHARD_SIZE = 100
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Shard:
    shard_id: str
    items: list  # Article | InputError


@dataclass
class ShardResult:
    """What one shard yielded; the marker file holds it."""

    shard_id: str
    items: int = 0  # documents sent to the shard (articles and unreadable ones)
    processed: int = 0
    events: int = 0
    quotes: int = 0
    no_events: int = 0
    failures: list[dict] = field(default_factory=list)  # {origin, stage, reason}
    files: list[str] = field(default_factory=list)  # relative to the dataset root
    seconds: float = 0.0  # processing time, model loading excluded
    started_at: float = 0.0  # wall clock (epoch seconds), for throughput across workers
    peak_rss_mb: float = 0.0  # of the worker process that ran it

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "ShardResult":
        return cls(**json.loads(text))


# --- cutting input into shards ----------------------------------------------------------------

Item = Union[Article, InputError]  # what the readers yield: an article, or why a document was unreadable


def make_shards(items: Iterable[Item], size: int = DEFAULT_SHARD_SIZE) -> Iterator[Shard]:
    """Consecutive runs of ``size`` items; unreadable documents travel in their shard too,
    so the worker's processing loop reports them exactly as a local run does."""
    if size < 1:
        raise ValueError(f"shard size must be 1 or more, not {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield Shard(shard_id(batch), batch)


def shard_id(items: list[Item]) -> str:
    return content_hash("shard", [_item_key(item) for item in items])


def _item_key(item: Item) -> str:
    if isinstance(item, InputError):
        return f"unreadable:{item.source}:{item.line}"
    return item.article_id


def items_payload(items: list[Item]) -> str:
    """Items as JSON for shipping to a worker (keeps ``origin``, which ``to_dict`` drops)."""
    return json.dumps([_item_dict(item) for item in items], ensure_ascii=False)


def _item_dict(item: Item) -> dict:
    if isinstance(item, InputError):
        return {"unreadable": {"source": item.source, "line": item.line, "reason": item.reason}}
    return {**item.to_dict(), "origin": item.origin}


def items_from_payload(payload: str) -> list[Item]:
    return [InputError(**data["unreadable"]) if "unreadable" in data else Article.from_dict(data)
            for data in json.loads(payload)]


# --- writing a shard --------------------------------------------------------------------------

def completed_shards(dataset: Path) -> set[str]:
    """Ids of the shards whose marker exists (their files are all written)."""
    folder = Path(dataset) / MARKER_DIR
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.json")}


def write_shard(dataset: Path, shard: str, processed: list[list], skipped: list[dict],
                items: int, started_at: float, seconds: float,
                peak_rss_mb: float = 0.0) -> ShardResult:
    """Write a shard's records, one Parquet file per publication date, then its marker.

    ``processed`` holds each article's records (the Article first); ``skipped`` each
    skipped document as ``{origin, stage, reason}``.
    """
    dataset = Path(dataset)
    result = ShardResult(shard_id=shard, items=items, failures=list(skipped),
                         seconds=round(seconds, 3), started_at=started_at,
                         peak_rss_mb=round(peak_rss_mb, 1))
    rows_by_date: dict[str, list[dict]] = {}
    for records in processed:
        article = records[0]
        _count(result, records)
        rows_by_date.setdefault(partition_date(article.published), []).extend(
            record_rows(shard, article, records))
    for date, rows in sorted(rows_by_date.items()):
        result.files.append(_write_rows(dataset, f"date={date}/shard-{shard}.parquet", rows))
    _write_atomically(dataset / MARKER_DIR / f"{shard}.json", result.to_json().encode("utf-8"))
    return result


def partition_date(published: str | None) -> str:
    return published if published and _DAY.match(published) else UNKNOWN_DATE


def record_rows(shard: str, article: Article, records: list) -> list[dict]:
    rows = []
    for position, record in enumerate(records):
        data = record if isinstance(record, dict) else record.to_dict()
        rows.append({
            "shard": shard, "article_id": article.article_id, "position": position,
            "kind": data["kind"], "record_id": _record_id(data),
            "origin": article.origin if data["kind"] == "article" else None,
            "record": json.dumps(data, ensure_ascii=False),
        })
    return rows


def _record_id(data: dict) -> str:
    return data.get(f"{data['kind']}_id") or data["article_id"]


def _count(result: ShardResult, records: list) -> None:
    events = sum(1 for r in records if r.kind == "event")
    result.processed += 1
    result.events += events
    result.quotes += sum(1 for r in records if r.kind == "quote")
    result.no_events += events == 0


def record_schema():
    import pyarrow as pa

    return pa.schema([("shard", pa.string()), ("article_id", pa.string()),
                      ("position", pa.int32()), ("kind", pa.string()),
                      ("record_id", pa.string()), ("origin", pa.string()),
                      ("record", pa.string())])


def _write_rows(dataset: Path, relative: str, rows: list[dict]) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = dataset / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(pa.Table.from_pylist(rows, schema=record_schema()), partial, compression="zstd")
    os.replace(partial, path)
    return relative


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)


# --- reading and importing --------------------------------------------------------------------

def shard_results(dataset: Path) -> list[ShardResult]:
    """The markers of every completed shard, in a stable order."""
    dataset = Path(dataset)
    folder = dataset / MARKER_DIR
    if not folder.is_dir():
        raise InputError(str(dataset), f"not an eventwire dataset (no {MARKER_DIR}/ folder)")
    results = []
    for path in sorted(folder.glob("*.json")):
        try:
            results.append(ShardResult.from_json(path.read_text("utf-8")))
        except (ValueError, TypeError) as exc:
            raise InputError(str(path), f"malformed shard marker: {exc}") from exc
    return results


def read_shard_records(dataset: Path, result: ShardResult) -> Iterator[list]:
    """Each article's records from one shard's files: the Article (with origin), events, quotes."""
    import pyarrow.parquet as pq

    for relative in result.files:
        path = Path(dataset) / relative
        try:
            table = pq.read_table(path, columns=["article_id", "position", "kind", "origin", "record"])
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"cannot read shard file: {exc}") from exc
        yield from _articles_records(table.to_pylist())  # rows are stored in article order


def _articles_records(rows: list[dict]) -> Iterator[list]:
    current: list = []
    for row in rows:
        if row["position"] == 0 and current:
            yield current
            current = []
        data = json.loads(row["record"])
        if row["kind"] == "article":
            current.append(Article.from_dict({**data, "origin": row["origin"]}))
        else:
            current.append(data)
    if current:
        yield current


@dataclass
class ImportSummary:
    shards: int = 0
    articles: int = 0
    events: int = 0
    quotes: int = 0
    failures: int = 0

    def line(self) -> str:
        return (f"imported {self.shards} shards: articles {self.articles}, events {self.events}, "
                f"quotes {self.quotes}, failures {self.failures}")


def import_dataset(dataset: str | Path, db: str | Path) -> ImportSummary:
    """Load every completed shard of ``dataset`` into the DuckDB store at ``db``.

    One transaction per shard; records already stored are replaced (ids are content
    hashes), so importing twice changes nothing.
    """
    from ..store import Store

    dataset = Path(dataset)
    results = shard_results(dataset)
    summary = ImportSummary()
    with Store.open(str(db)) as store:
        for result in results:
            _import_shard(store, dataset, result, summary)
    return summary


def _import_shard(store, dataset: Path, result: ShardResult, summary: ImportSummary) -> None:
    docs_records = list(read_shard_records(dataset, result))
    written = store.write(docs_records, extra={"failures": result.failures})
    summary.shards += 1
    summary.articles += written.get("articles", 0)
    summary.events += written.get("events", 0)
    summary.quotes += written.get("quotes", 0)
    summary.failures += len(result.failures)
