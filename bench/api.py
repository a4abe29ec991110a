"""API latency: p50 / p95 of the events and dyad endpoints on a store of 1 million events.

    .venv/bin/python bench/api.py                       # 1,000,000 events, 200 requests a scenario
    .venv/bin/python bench/api.py --events 100000 --requests 50 --concurrency 2

Builds a synthetic store with DuckDB SQL (records in the fixed schema, 10 events an article,
40 countries, dates over ten years, a third of events placed), starts ``eventwire serve`` on it
in a separate process bound to 127.0.0.1, and sends a bounded number of requests from a small
thread pool over loopback (each with a timeout; the whole run stops at ``--deadline``).
Prints a table and writes ``bench/results/api.json``. Not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "api.json"
COUNTRIES = ["USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "IND", "PAK", "IRN", "ISR", "PSE",
             "GBR", "FRA", "DEU", "TUR", "SYR", "IRQ", "SAU", "EGY", "ETH", "SDN", "NGA", "ZAF",
             "BRA", "VEN", "COL", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "AFG",
             "MLI", "NER", "POL", "HUN"]
TYPES = [("AGREE", 1, "030", 3.0), ("CONSULT", 1, "040", 1.0), ("SUPPORT", 1, "051", 3.5),
         ("CONCEDE", 2, "080", 5.0), ("COOPERATE", 2, "060", 6.0), ("AID", 2, "070", 7.0),
         ("RETREAT", 2, "084", 6.5), ("REQUEST", 3, "100", -1.0), ("ACCUSE", 3, "112", -3.0),
         ("REJECT", 3, "120", -4.0), ("THREATEN", 3, "130", -6.0), ("PROTEST", 3, "140", -6.5),
         ("SANCTION", 4, "160", -7.0), ("MOBILIZE", 4, "150", -7.5), ("COERCE", 4, "170", -8.0),
         ("ASSAULT", 4, "180", -10.0)]


def _sql_list(values) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def build_store(path: Path, events: int) -> float:
    """Fill a fresh store with ``events`` synthetic events; returns seconds taken."""
    from eventwire.store import Store

    started = time.perf_counter()
    countries, n = _sql_list(COUNTRIES), len(COUNTRIES)
    types = _sql_list(t[0] for t in TYPES)
    quads = "[" + ", ".join(str(t[1]) for t in TYPES) + "]"
    cameos = _sql_list(t[2] for t in TYPES)
    scores = "[" + ", ".join(str(t[3]) for t in TYPES) + "]"
    with Store.open(path) as store:
        con = store.connection
        con.execute(f"""
            CREATE TEMP TABLE synthetic AS
            SELECT i,
                   printf('%016x', hash(i, 'event')) AS event_id,
                   printf('%016x', hash(i // 10, 'article')) AS article_id,
                   {countries}[1 + CAST(hash(i, 'a') % {n} AS INTEGER)] AS a,
                   {countries}[1 + CAST(hash(i, 'r') % {n} AS INTEGER)] AS r,
                   1 + CAST(hash(i, 't') % 16 AS INTEGER) AS k,
                   DATE '2015-01-01' + CAST(hash(i, 'd') % 3650 AS INTEGER) AS day,
                   hash(i, 'p') % 3 = 0 AS placed,
                   hash(i, 'c') % 5 = 0 AS is_claimed
            FROM range({events}) t(i)""")
        con.execute(f"""
            INSERT INTO events (event_id, article_id, event_type, mode, aux_mode, cameo_code,
                quad_class, score, date_value, date_precision, date_start, date_end, location_name,
                location_country, lat, lon, confidence, evidence_text, evidence_start,
                actor_countries, recipient_countries, actor_names, recipient_names, claimed, denied,
                record)
            SELECT event_id, article_id, {types}[k], NULL, NULL, {cameos}[k], {quads}[k], {scores}[k],
                   strftime(day, '%Y-%m-%d'), 'day', day, day,
                   CASE WHEN placed THEN 'Capital of ' || r END, CASE WHEN placed THEN r END,
                   CASE WHEN placed THEN (hash(i, 'lat') % 120)::DOUBLE - 60 END,
                   CASE WHEN placed THEN (hash(i, 'lon') % 340)::DOUBLE - 170 END,
                   0.7, 'acted', 10, [a], [r], ['Government of ' || a], ['Government of ' || r],
                   is_claimed, false,
                   json_object(
                     'kind', 'event', 'event_id', event_id, 'article_id', article_id,
                     'event_type', {types}[k], 'mode', NULL, 'context', ['diplomatic'],
                     'aux_mode', NULL, 'cameo_code', {cameos}[k], 'quad_class', {quads}[k],
                     'score', {scores}[k],
                     'actor', [json_object('text', a, 'name', 'Government of ' || a, 'country', a,
                               'sector', 'GOV', 'code', a || 'GOV', 'qid', NULL, 'start', 0, 'end', 3)],
                     'recipient', [json_object('text', r, 'name', 'Government of ' || r, 'country', r,
                                   'sector', 'GOV', 'code', r || 'GOV', 'qid', NULL, 'start', 10, 'end', 13)],
                     'claimed_by', CASE WHEN is_claimed THEN [json_object('text', 'officials', 'name',
                                   'officials', 'country', r, 'sector', 'GOV', 'code', r || 'GOV',
                                   'qid', NULL, 'start', 20, 'end', 29)] ELSE [] END,
                     'denied_by', [],
                     'date', json_object('value', strftime(day, '%Y-%m-%d'), 'precision', 'day',
                                         'text', NULL, 'start', NULL, 'end', NULL),
                     'location', CASE WHEN placed THEN json_object('name', 'Capital of ' || r,
                                 'country', r, 'lat', (hash(i, 'lat') % 120)::DOUBLE - 60,
                                 'lon', (hash(i, 'lon') % 340)::DOUBLE - 170, 'geonameid', NULL,
                                 'text', NULL, 'start', NULL, 'end', NULL) END,
                     'evidence', json_object('sentence', a || ' acted towards ' || r || '.',
                                             'start', 3, 'end', 8, 'text', 'acted'),
                     'confidence', 0.7)
            FROM synthetic""")
        con.execute("""
            INSERT INTO articles (article_id, title, published, language, record)
            SELECT article_id, 'Synthetic report ' || article_id, strftime(min(day), '%Y-%m-%d'), 'en',
                   json_object('kind', 'article', 'article_id', article_id, 'url', NULL, 'source', NULL,
                               'title', 'Synthetic report ' || article_id,
                               'published', strftime(min(day), '%Y-%m-%d'), 'language', 'en',
                               'text', string_agg(a || ' acted towards ' || r || '.', ' '))
            FROM synthetic GROUP BY article_id""")
        con.execute("CHECKPOINT")
    return time.perf_counter() - started


def scenarios(rng: random.Random) -> dict:
    """Name -> a function making one request's (path, params)."""
    pair = lambda: rng.sample(COUNTRIES[:12], 2)  # noqa: E731 (busy pairs, as an analyst picks)
    return {
        "events: first page, no filter": lambda: ("/api/events", {"limit": 50}),
        "events: actor": lambda: ("/api/events", {"actor": rng.choice(COUNTRIES), "limit": 50}),
        "events: actor+recipient+type": lambda: ("/api/events", dict(zip(("actor", "recipient"), pair()),
                                                   type=rng.choice(TYPES)[0], limit=50)),
        "events: date range, sort by score": lambda: ("/api/events", {
            "from": f"20{rng.randint(15, 23)}-0{rng.randint(1, 9)}-01",
            "to": f"20{rng.randint(15, 23)}-12-31", "sort": "score", "desc": "true", "limit": 50}),
        "events: page at offset 10,000": lambda: ("/api/events", {"offset": 10_000, "limit": 50}),
        "dyad: by month": lambda: ("/api/dyad", dict(zip(("actor", "recipient"), pair()), interval="month",
                                                     limit=500)),
        "dyad: by week": lambda: ("/api/dyad", dict(zip(("actor", "recipient"), pair()), interval="week",
                                                    limit=500)),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    import httpx

    command = [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.exit(main())",
               "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
               "--query-timeout", "30"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"the server did not start: {server.stderr.read().decode()[-2000:]}")


def measure(base: str, make_request, requests: int, concurrency: int, deadline: float) -> dict:
    import httpx

    def one(client: httpx.Client) -> float | None:
        if time.monotonic() > deadline:
            return None
        path, params = make_request()
        started = time.perf_counter()
        response = client.get(base + path, params=params, timeout=60)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"{path} {params}: {response.status_code} {response.text[:300]}")
        return elapsed

    with httpx.Client() as client:
        for _ in range(3):  # warm-up, not counted
            one(client)
        with ThreadPoolExecutor(concurrency) as pool:
            latencies = [t for t in pool.map(lambda _: one(client), range(requests)) if t is not None]
    latencies.sort()
    return {"requests": len(latencies), "p50_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * latencies[max(0, int(0.95 * len(latencies)) - 1)], 1),
            "max_ms": round(1000 * latencies[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="per scenario")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--deadline", type=float, default=900, help="seconds for all requests")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench-api.duckdb"
        build_seconds = build_store(db, args.events)
        print(f"built {args.events:,} events in {build_seconds:.1f} s ({db.stat().st_size / 2**20:.0f} MiB)")
        port = _free_port()
        server = start_server(db, port)
        try:
            deadline = time.monotonic() + args.deadline
            rng = random.Random(args.seed)
            results = {name: measure(f"http://127.0.0.1:{port}", make, args.requests, args.concurrency, deadline)
                       for name, make in scenarios(rng).items()}
        finally:
            server.terminate()
            server.wait(10)

    print(f"\n{'scenario':40} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, row in results.items():
        print(f"{name:40} {row['requests']:>8} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "events": args.events, "concurrency": args.concurrency, "build_seconds": round(build_seconds, 1),
        "machine": f"{_cpus()} CPUs", "scenarios": results}, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
