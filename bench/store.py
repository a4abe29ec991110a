"""Store: a dyad-by-week aggregation over millions of stored events in DuckDB.

    .venv/bin/python bench/store.py [--events 2000000] [--days 365] [--repeats 5] [--keep FILE]

Synthetic events (skewed country pairs, ``--days`` of dates, PLOVER types and scores) are
generated as Arrow arrays and bulk-inserted into a fresh database created by
``eventwire.store.Store`` (the real schema). The query counts events per actor country,
recipient country and ISO week, with their summed score and the conflict share — the
table behind a GDELT-style dyad time series — over the whole table, every dyad, and for one
dyad. Its cost follows the number of (actor, recipient, week) groups: 2 million events over
one year give about 200,000; over five years (``--days 1825``) about a million.
Prints a table and writes bench/results/store.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from eventwire.ontology import EVENT_TYPES  # noqa: E402
from eventwire.store import Store  # noqa: E402
from eventwire.store.duckdb_store import EVENT_COLUMNS, arrow_types  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "store.json"
TARGET_SECONDS = 0.2
COUNTRIES = 200  # distinct country codes, drawn with a Zipf-like skew (a few dominate)
FIRST_DAY = 19723  # 2024-01-01, in days since 1970-01-01
DAYS = 365  # 2 million events a year: ~5,500 a day, ~900 articles a day
SECOND_ACTOR_SHARE = 0.1  # events with two actor countries ("Washington and Seoul ...")

DYAD_BY_WEEK = """
SELECT a.actor, r.recipient, date_trunc('week', e.date_start) AS week,
       count(*) AS events, sum(e.score) AS score,
       avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END) AS conflict_share
FROM events AS e,
     unnest(e.actor_countries) AS a(actor),
     unnest(e.recipient_countries) AS r(recipient)
WHERE e.date_start IS NOT NULL
GROUP BY ALL
"""
# What the store keeps up to date on every write (Store.write): the same aggregation, precomputed.
FROM_ROLLUP = ("SELECT actor, recipient, week, events, score, conflict_events / events AS conflict_share "
               "FROM dyad_weeks")
ONE_DYAD_BY_WEEK = """
SELECT date_trunc('week', date_start) AS week, count(*) AS events, sum(score) AS score
FROM events
WHERE list_contains(actor_countries, 'C000') AND list_contains(recipient_countries, 'C001')
GROUP BY week ORDER BY week
"""


def synthetic_events(n: int, days: int = DAYS, seed: int = 7):
    """An Arrow table of ``n`` events with every stored column (``record`` left null)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng(seed)
    types = arrow_types()
    ids = pa.array(np.arange(n, dtype=np.int64))
    codes = pa.array([f"C{i:03d}" for i in range(COUNTRIES)])
    weights = 1.0 / np.arange(1, COUNTRIES + 1)
    weights /= weights.sum()

    def country_lists(extra_share: float):
        sizes = 1 + (rng.random(n) < extra_share)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int32)
        values = codes.take(pa.array(rng.choice(COUNTRIES, size=int(offsets[-1]), p=weights)))
        return pa.ListArray.from_arrays(pa.array(offsets), values)

    event_type = pa.array(EVENT_TYPES).take(pa.array(rng.integers(0, len(EVENT_TYPES), n)))
    day = pa.array(rng.integers(0, days, n) + FIRST_DAY, pa.int32()).cast(pa.date32())
    columns = {
        "event_id": pc.cast(ids, pa.string()),
        "article_id": pc.cast(pa.array(np.arange(n, dtype=np.int64) // 5), pa.string()),
        "event_type": event_type,
        "quad_class": pa.array(rng.integers(1, 5, n), pa.int32()),
        "score": pa.array(rng.integers(-10, 11, n).astype(np.float64)),
        "date_start": day, "date_end": day,
        "confidence": pa.array(rng.random(n)),
        "actor_countries": country_lists(SECOND_ACTOR_SHARE),
        "recipient_countries": country_lists(0.0),
    }
    arrays = [columns[c] if c in columns else pa.nulls(n, types[c]) for c in EVENT_COLUMNS]
    return pa.Table.from_arrays(arrays, schema=pa.schema([(c, types[c]) for c in EVENT_COLUMNS]))


def load(path: Path, table) -> float:
    start = time.perf_counter()
    with Store.open(str(path)) as store:
        con = store.connection
        con.register("synthetic_events", table)
        con.execute(f"INSERT INTO events SELECT {', '.join(EVENT_COLUMNS)} FROM synthetic_events")
        con.unregister("synthetic_events")
    return time.perf_counter() - start


def build_rollup(path: Path) -> float:
    """The bulk load bypassed Store.write, so the maintained rollup is rebuilt once here."""
    start = time.perf_counter()
    with Store.open(str(path)) as store:
        store.rebuild_dyad_weeks()
    return time.perf_counter() - start


def time_query(path: Path, sql: str, repeats: int) -> dict:
    """Seconds to run ``sql`` and fetch every row as Arrow: the first run after opening, then warm."""
    with Store.open(str(path), read_only=True) as store:
        con = store.connection
        runs, rows = [], 0
        for _ in range(repeats + 1):
            start = time.perf_counter()
            rows = con.cursor().sql(sql).to_arrow_table().num_rows
            runs.append(time.perf_counter() - start)
    return {"first_seconds": runs[0], "warm_median_seconds": statistics.median(runs[1:]),
            "warm_seconds": runs[1:], "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--days", type=int, default=DAYS, help="days the event dates span")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the database here and keep it")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    import duckdb

    start = time.perf_counter()
    table = synthetic_events(args.events, args.days)
    generate_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="eventwire-store-bench-") as tmp:
        path = args.keep or Path(tmp) / "events.duckdb"
        load_seconds = load(path, table)
        size_mb = path.stat().st_size / 2**20
        dyads = time_query(path, DYAD_BY_WEEK, args.repeats)
        one_dyad = time_query(path, ONE_DYAD_BY_WEEK, args.repeats)
        rollup_seconds = build_rollup(path)
        rollup = time_query(path, FROM_ROLLUP, args.repeats)
    result = {
        "events": args.events, "days": args.days, "generate_seconds": generate_seconds,
        "load_seconds": load_seconds, "database_mb": size_mb,
        "dyad_by_week": dyads, "one_dyad_by_week": one_dyad,
        "rollup_build_seconds": rollup_seconds, "dyad_by_week_from_rollup": rollup,
        "target_seconds": TARGET_SECONDS,
        "meets_target_direct": dyads["first_seconds"] <= TARGET_SECONDS,
        "meets_target": rollup["first_seconds"] <= TARGET_SECONDS,
        "environment": {"duckdb": duckdb.__version__, "cpus": os.cpu_count(),
                        "load_average": os.getloadavg()},
    }
    print(f"{args.events:,} synthetic events over {args.days} days: generated in {generate_seconds:.2f} s, "
          f"loaded in {load_seconds:.2f} s, database {size_mb:.0f} MiB")
    for label, timing in (("all dyads by week", dyads), ("one dyad by week", one_dyad),
                          ("store's dyad_weeks", rollup)):
        print(f"{label:<20} first {timing['first_seconds']:.3f} s   warm median "
              f"{timing['warm_median_seconds']:.3f} s   rows {timing['rows']:,}")
    print(f"(rebuilding the store's rollup from scratch took {rollup_seconds:.2f} s; Store.write keeps it "
          f"current batch by batch)")
    print(f"target: all dyads by week <= {TARGET_SECONDS} s (first run), from the store's rollup: "
          f"{'met' if result['meets_target'] else 'NOT met'}; aggregating the events directly: "
          f"{'met' if result['meets_target_direct'] else 'NOT met'}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
