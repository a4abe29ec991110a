"""Soak: articles ingested through the API while queries run, over loopback (issue 9, case 15).

    .venv/bin/python bench/soak.py                         # 10,000 articles, the real pipeline
    .venv/bin/python bench/soak.py --fake --articles 2000  # the fast stand-in pipeline

Starts a server that ingests (``eventwire serve --ingest`` on 127.0.0.1 and a free port; with
``--fake``, the same app with the fast stand-in pipeline of ``tests/corpus_fakes.py``), posts
``--articles`` distinct articles from ``--writers`` threads while ``--readers`` threads query
events, stats, article search, dyads and the network without pause, and samples the server's
resident memory every second. Bounded: a fixed number of articles, every request with a
timeout, and the whole run stops at ``--deadline`` seconds whatever happened.

It passes when: no request failed (every POST 201, every query 200), the store's counts are
exact (articles = posted, events = the sum the POST answers reported), and memory is flat
(resident memory at the end within ``--max-growth-mb`` of what it was once 20% of the
articles were in). Prints a summary and writes ``bench/results/soak.json``.
``tests/test_hardening_soak.py`` runs it reduced (300 short articles, fake pipeline).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
RESULTS = ROOT / "bench" / "results" / "soak.json"
COUNTRIES = ["Russia", "Korea", "China", "America", "France", "Japan", "India", "Brazil"]
VERBS = ["visited", "accused", "aided", "threatened", "met"]
QUERIES = ["/api/events?limit=50", "/api/events?actor=RUS&limit=20", "/api/stats",
           "/api/articles?q=talks&limit=10", "/api/dyad?actor=RUS&recipient=CHN",
           "/api/network", "/api/places", "/api/events?q=week&sort=score&desc=true",
           "/api/quotes?speaker=minister"]


def article_text(index: int) -> str:
    rng = random.Random(index)
    a, b = rng.sample(COUNTRIES, 2)
    c, d = rng.sample(COUNTRIES, 2)
    return (f"{a} {rng.choice(VERBS)} {b} during talks in week {index}. "
            f"Officials said {c} {rng.choice(VERBS)} {d} on day {index % 28 + 1}, "
            f"according to report number {index}.")


def _request(base: str, path: str, body: dict | None = None, timeout: float = 60) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base}{path}", data=data, method="POST" if data else "GET",
                                     headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except OSError as error:
        return 0, {"error": f"{type(error).__name__}: {error}"}


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, fake: bool) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    if fake:
        command = [sys.executable, str(TESTS / "hardening_support.py"), "fake-ingest-server",
                   str(db), str(port), "0", "", "5"]
    else:
        command = [sys.executable, "-c", "from eventwire.cli import main; main()", "serve",
                   "--db", str(db), "--ingest", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while _request(base, "/api/health", timeout=2)[0] != 200:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the server did not start")
        time.sleep(0.1)
    return process, base


def run_soak(db: Path, articles: int, fake: bool, writers: int = 4, readers: int = 2,
             deadline_s: float = 3600, max_growth_mb: float = 64) -> dict:
    """Run the soak against a fresh store at ``db``; the result says what held."""
    from eventwire.store import Store

    Store.open(db).close()
    process, base = start_server(db, fake)
    stop = threading.Event()
    ends = time.monotonic() + deadline_s
    lock = threading.Lock()
    result = {"articles": articles, "fake_pipeline": fake, "posted": 0, "post_errors": [],
              "queries": 0, "query_errors": [], "events_reported": 0, "rss_mb": []}

    def post(index: int) -> None:
        if time.monotonic() > ends:
            return
        status, body = _request(base, "/api/articles", {"text": article_text(index),
                                                         "title": f"Report {index}",
                                                         "published": "2024-06-17"})
        with lock:
            if status == 201:
                result["posted"] += 1
                result["events_reported"] += body.get("events") or 0
            else:
                result["post_errors"].append((index, status, body))

    def query(worker: int) -> None:
        rng = random.Random(worker)
        while not stop.is_set() and time.monotonic() < ends:
            status, body = _request(base, rng.choice(QUERIES), timeout=30)
            with lock:
                result["queries"] += 1
                if status != 200:
                    result["query_errors"].append((status, body))

    def sample() -> None:
        while not stop.is_set() and time.monotonic() < ends:
            with lock:
                result["rss_mb"].append((result["posted"], round(_rss_mb(process.pid), 1)))
            stop.wait(1.0)

    started = time.monotonic()
    try:
        background = [threading.Thread(target=query, args=(i,), daemon=True) for i in range(readers)]
        background.append(threading.Thread(target=sample, daemon=True))
        for thread in background:
            thread.start()
        with ThreadPoolExecutor(writers) as pool:
            list(pool.map(post, range(articles)))
        stop.set()
        for thread in background:
            thread.join(60)
        result["rss_mb"].append((result["posted"], round(_rss_mb(process.pid), 1)))
        result["seconds"] = round(time.monotonic() - started, 1)
        result["final_stats"] = _request(base, "/api/stats")[1]
    finally:
        stop.set()
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(30)
    return _judge(result, db, max_growth_mb)


def _judge(result: dict, db: Path, max_growth_mb: float) -> dict:
    from eventwire.store import Store

    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        distinct = store.connection.execute("SELECT count(DISTINCT article_id) FROM articles").fetchone()[0]
    samples = result["rss_mb"]
    warm = next((mb for posted, mb in samples if posted >= result["articles"] // 5), samples[0][1])
    result.update({
        "stored_articles": counts["articles"], "distinct_articles": distinct,
        "stored_events": counts["events"], "rss_after_warmup_mb": warm,
        "rss_end_mb": samples[-1][1], "rss_growth_mb": round(samples[-1][1] - warm, 1),
        "articles_per_s": round(result["posted"] / max(result.get("seconds", 1), 0.001), 1),
    })
    result["checks"] = {
        "no_errors": not result["post_errors"] and not result["query_errors"],
        "counts_exact": (counts["articles"] == distinct == result["articles"] == result["posted"]
                         and counts["events"] == result["events_reported"]),
        "memory_flat": result["rss_growth_mb"] <= max_growth_mb,
    }
    result["ok"] = all(result["checks"].values())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--fake", action="store_true", help="the fast stand-in pipeline")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--deadline", type=float, default=3 * 3600, help="seconds; the run stops then")
    parser.add_argument("--max-growth-mb", type=float, default=64)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        result = run_soak(Path(folder) / "soak.duckdb", args.articles, args.fake, args.writers,
                          args.readers, args.deadline, args.max_growth_mb)
    summary = {k: v for k, v in result.items() if k not in ("rss_mb", "final_stats")}
    summary["rss_samples"] = result["rss_mb"][:: max(1, len(result["rss_mb"]) // 50)]
    RESULTS.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(json.dumps({k: summary[k] for k in ("ok", "checks", "posted", "queries", "seconds",
                                                "articles_per_s", "rss_after_warmup_mb",
                                                "rss_end_mb")}, indent=2))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
