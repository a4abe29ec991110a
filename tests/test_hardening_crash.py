"""Issue 9, crashes and concurrent writers: cases 11 and 12.

Case 11 (SIGKILL) has three parts: during ``ingest`` (``tests/test_ingest.py::
test_sigkill_mid_ingest_then_rerun_equals_a_clean_run``, which kills a real ingest and
compares the rerun with a clean run), during ``import`` and during an API write (here).
Every wait is bounded; every process is killed by its own pid.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from batch_fakes import articles as fake_articles, make_fake_pipeline
from eventwire.batch.dataset import import_dataset, write_shard
from eventwire.batch.work import process_articles
from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.pipeline import Failure
from eventwire.store import Store
from hardening_support import TESTS, get_json, post_json, start_fake_ingest_server, stop

SHARDS = 12
PER_SHARD = 5


def _dataset(folder: Path) -> Path:
    """A Ray-style dataset of ``SHARDS`` completed shards, written by the fake pipeline."""
    for shard in range(SHARDS):
        texts = [f"Leader {shard}-{i} will visit Hanoi in week {i}." if i % 2 == 0
                 else f"Markets {shard}-{i} were calm." for i in range(PER_SHARD)]
        items = fake_articles(texts)
        for number, item in enumerate(items, start=1):
            item.origin = f"s{shard}.jsonl:{number}"
        outcomes = process_articles(make_fake_pipeline(), items)
        processed = [o[1] for o in outcomes if not isinstance(o, Failure)]
        write_shard(folder, f"shard{shard:02d}", processed, [], len(items), 0.0, 0.1)
    return folder


def _snapshot(db: Path) -> str:
    with Store.open(db, read_only=True) as store:
        con = store.connection
        rows = [con.execute("SELECT * EXCLUDE (processed_at) FROM articles ORDER BY article_id").fetchall(),
                con.execute("SELECT event_id, record FROM events ORDER BY event_id").fetchall(),
                con.execute("SELECT count(*) FROM failures").fetchall()]
    return json.dumps(rows, default=str)


_SLOW_IMPORT = """
import sys, time
from eventwire.store import duckdb_store
original = duckdb_store.Store.write
def slow_write(self, docs_records, extra=None):
    written = original(self, docs_records, extra)
    with open(sys.argv[3], "a") as marker:
        marker.write("committed\\n")
    time.sleep(0.25)
    return written
duckdb_store.Store.write = slow_write
from eventwire.cli import main
main(["import", sys.argv[1], "--db", sys.argv[2]])
"""


def test_case11_sigkill_during_import_then_rerun_equals_a_clean_import(tmp_path):
    """Case 11 (import): ``eventwire import`` killed with SIGKILL after some shards are
    committed: the store opens cleanly, the committed shards are whole (every article with
    all its events), and importing again leaves exactly what one clean import leaves."""
    dataset = _dataset(tmp_path / "ds")
    clean = tmp_path / "clean.duckdb"
    import_dataset(dataset, clean)

    killed = tmp_path / "killed.duckdb"
    marker = tmp_path / "committed.txt"
    marker.touch()
    process = subprocess.Popen([sys.executable, "-c", _SLOW_IMPORT, str(dataset), str(killed), str(marker)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(marker.read_text().splitlines()) < 4:
            assert process.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    with Store.open(killed, read_only=True) as store:
        stored = store.counts()["articles"]
        per_article = dict(store.connection.execute(
            "SELECT a.article_id, count(e.event_id) FROM articles a LEFT JOIN events e "
            "USING (article_id) GROUP BY 1").fetchall())
        visits = {r[0] for r in store.connection.execute(
            "SELECT article_id FROM articles WHERE record->>'$.text' LIKE '%visit%'").fetchall()}
    assert 0 < stored < SHARDS * PER_SHARD and stored % PER_SHARD == 0, stored  # whole shards only
    assert all(per_article[a] == (1 if a in visits else 0) for a in per_article)

    again = CliRunner().invoke(main, ["import", str(dataset), "--db", str(killed)])
    assert again.exit_code == 0, again.output
    assert _snapshot(killed) == _snapshot(clean)


TEXTS = [f"Russia visited China for talks in round {i}. France met Japan in Paris on day {i}."
         for i in range(60)]


def _post_all(base: str, texts: list[str], workers: int = 4) -> list[tuple[int, dict]]:
    def post(text):
        try:
            return post_json(base, "/api/articles", {"text": text, "published": "2024-06-17"}, timeout=60)
        except OSError as exc:  # the server was killed under this request
            return 0, {"error": str(exc)}

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(post, texts))


def test_case11_sigkill_during_api_writes_then_reposting_stores_each_article_once(tmp_path):
    """Case 11 (API write): a server ingesting with ``--ingest`` is killed with SIGKILL while
    requests are in flight. Every article answered 201 is in the store whole; the store opens
    cleanly; posting everything again (a new server) leaves each article exactly once, with
    the same records as a server that was never killed."""
    killed = tmp_path / "killed.duckdb"
    Store.open(killed).close()
    process, base = start_fake_ingest_server(killed, delay_s=0.05)
    stored_ids: list[str] = []
    try:
        with ThreadPoolExecutor(1) as background:
            flight = background.submit(_post_all, base, TEXTS)
            deadline = time.monotonic() + 60
            while get_json(base, "/api/stats")[1]["counts"]["articles"] < 15:
                assert time.monotonic() < deadline, "no progress"
                time.sleep(0.05)
            os.kill(process.pid, signal.SIGKILL)
            answers = flight.result(timeout=120)
    finally:
        stop(process)
    stored_ids = [body["article_id"] for status, body in answers if status == 201]
    assert 0 < len(stored_ids) < len(TEXTS)
    assert any(status != 201 for status, _ in answers)

    with Store.open(killed, read_only=True) as store:
        present = {r[0] for r in store.connection.execute("SELECT article_id FROM articles").fetchall()}
        events = dict(store.connection.execute(
            "SELECT article_id, count(*) FROM events GROUP BY 1").fetchall())
    assert set(stored_ids) <= present
    assert all(events.get(a) == 2 for a in present)  # whole: both events of every stored article

    process, base = start_fake_ingest_server(killed)
    try:
        again = _post_all(base, TEXTS)
    finally:
        stop(process)
    assert all(status == 201 for status, _ in again)

    clean = tmp_path / "clean.duckdb"
    Store.open(clean).close()
    process, base = start_fake_ingest_server(clean)
    try:
        _post_all(base, TEXTS)
    finally:
        stop(process)
    with Store.open(killed, read_only=True) as store:
        assert store.counts()["articles"] == len(TEXTS)
    assert _snapshot(killed) == _snapshot(clean)


# --- case 12: a second writer ---------------------------------------------------------------

def test_case12_a_second_writer_process_gets_a_clear_error_and_the_file_stays_whole(tmp_path):
    """Case 12: while ``serve --ingest`` holds a file for writing, ``ingest``, ``process
    --db``, ``import``, ``events`` and a library ``Store.open`` each fail at once with
    [E004] naming the holder's pid; the server keeps writing; afterwards the file opens and
    holds exactly what the server stored."""
    db = tmp_path / "held.duckdb"
    Store.open(db).close()
    corpus = tmp_path / "a.txt"
    corpus.write_text("Russia visited China for talks.")
    dataset = _dataset(tmp_path / "ds")
    process, base = start_fake_ingest_server(db)
    try:
        assert post_json(base, "/api/articles", {"text": "Russia visited China, day one."})[0] == 201
        for args in (["ingest", str(corpus)], ["process", str(corpus)], ["import", str(dataset)],
                     ["events"]):
            started = time.monotonic()
            result = subprocess.run([sys.executable, "-c", "from eventwire.cli import main; main()",
                                     *args, "--db", str(db)], capture_output=True, text=True, timeout=120)
            assert result.returncode == 1, (args, result.stderr)
            assert "[E004]" in result.stderr and f"pid {process.pid}" in result.stderr, result.stderr
            assert "Traceback" not in result.stderr
            assert time.monotonic() - started < 60  # an error, not a wait
        with pytest.raises(StoreError, match="open for writing by another process"):
            Store.open(db)
        assert post_json(base, "/api/articles", {"text": "Russia visited China, day two."})[0] == 201
    finally:
        stop(process)
    with Store.open(db) as store:  # opens for writing: not corrupted, lock released
        assert store.counts()["articles"] == 2
        assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_case12_two_ingests_started_together_one_wins_one_is_refused(tmp_path):
    """Case 12: two ``ingest`` processes on one file at the same moment: one finishes, the
    other exits with [E004]; the file equals what one clean ingest makes."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS[:20]))
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(TESTS)!r})
        from corpus_fakes import FakePipeline
        from eventwire.cli import main
        main(sys.argv[1:], obj={{"pipeline": FakePipeline(delay_s=0.15)}})
    """)
    db = tmp_path / "race.duckdb"
    runs = [subprocess.Popen([sys.executable, "-c", script, "ingest", str(corpus), "--db", str(db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outcomes = []
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        outcomes.append((run.returncode, stderr))
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 1], outcomes
    loser = next(stderr for code, stderr in outcomes if code == 1)
    assert "[E004]" in loser and "open for writing by another process" in loser
    clean = tmp_path / "clean.duckdb"
    result = subprocess.run([sys.executable, "-c", script, "ingest", str(corpus), "--db", str(clean)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert _snapshot(db) == _snapshot(clean)
