"""Corpus ingest: ledger, reruns add nothing, near-duplicates, clusters, stories, SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_fakes import FakePipeline
from eventwire.cli import main
from eventwire.corpus.exports import export
from eventwire.corpus.ingest import ingest
from eventwire.io.readers import read_sources
from eventwire.store import Store

TESTS = Path(__file__).resolve().parent
WORDS = ("officials ministers observers diplomats analysts said expected warned noted week month "
         "region border trade grain energy port talks statement council parliament envoy summit "
         "agreement pipeline harbour railway market budget election court delegation").split()


def cli(args, pipeline=None):
    return CliRunner().invoke(main, args, obj={"pipeline": pipeline or FakePipeline()},
                              catch_exceptions=False)


def report(index: int, body: str) -> str:
    """``body`` followed by 40 words of filler that differ from one index to the next."""
    import random

    rng = random.Random(index)
    filler = " ".join(rng.choice(WORDS) for _ in range(40))
    return f"{body} The {filler} in report {index}."


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    visit = report(1, "Russia visited Korea for talks on trade.")
    write_jsonl(folder / "wire.jsonl", [
        {"text": visit, "url": "https://one.example/a", "source": "One", "published": "2024-06-17"},
        {"text": visit, "url": "https://two.example/a", "source": "Two", "published": "2024-06-17"},
        {"text": visit.replace("for talks", "for long talks") + " Updated.",
         "url": "https://three.example/a", "source": "Three", "published": "2024-06-17"},
        {"text": report(2, "America accused China of hacking the grid."), "source": "One",
         "published": "2024-06-18"},
        {"text": "Le ministre a déclaré à Paris que la France est prête pour les négociations "
                 "avec les partenaires de la région et du monde entier cette semaine."},
        {"text": "CRASH " + report(3, "Nothing here.")},
    ])
    (folder / "empty.txt").write_text("")
    (folder / "other.txt").write_text(report(4, "Japan met India in Delhi."))
    return folder


def counts(db: Path) -> dict:
    with Store.open(db, read_only=True) as store:
        return store.corpus_counts()


def test_ingest_links_copies_and_near_duplicates_and_counts_reports(corpus, tmp_path):
    db = tmp_path / "corpus.duckdb"
    result = cli(["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "processed 3, duplicates 2, already ingested 0, skipped 3, events 3" in result.stderr
    assert "language 'fr' is not supported yet" in result.stderr
    assert "stage 'events' failed" in result.stderr
    assert "skipped 1: empty document" in result.stderr
    with Store.open(db, read_only=True) as store:
        assert store.corpus_counts() == {"articles": 3, "article_duplicates": 2, "events": 3,
                                         "event_clusters": 3, "stories": 3}
        visit = store.connection.execute(
            "SELECT num_articles, num_sources, num_events, label FROM event_clusters "
            "WHERE event_type = 'CONSULT' AND actor_key = 'RUSGOV'").fetchone()
        assert visit[:3] == (3, 3, 1)
        assert visit[3] == "Russia CONSULT → Korea, 2024-06-17"
        kinds = dict(store.connection.execute(
            "SELECT status, count(*) FROM ingest_ledger GROUP BY status").fetchall())
        assert kinds == {"processed": 3, "duplicate": 1, "skipped": 1, "failed": 1}


def test_ingesting_twice_adds_nothing(corpus, tmp_path):
    db = tmp_path / "twice.duckdb"
    cli(["ingest", str(corpus), "--db", str(db)])
    before = counts(db), _exported(db)
    again = cli(["ingest", str(corpus), "--db", str(db)])
    assert "processed 0, duplicates 0, already ingested 7, skipped 1, events 0" in again.stderr
    assert (counts(db), _exported(db)) == before
    with Store.open(db, read_only=True) as store:
        assert store.counts()["failures"] == 3  # the same failures are not logged twice


def test_new_documents_on_a_later_run_join_clusters_and_stories(corpus, tmp_path):
    db = tmp_path / "later.duckdb"
    cli(["ingest", str(corpus), "--db", str(db)])
    later = tmp_path / "later"
    later.mkdir()
    write_jsonl(later / "more.jsonl", [
        {"text": report(9, "Russia visited Korea again, the ministry said."), "source": "Four",
         "published": "2024-06-17"},
    ])
    result = cli(["ingest", str(later), "--db", str(db)])
    assert "processed 1, duplicates 0" in result.stderr
    with Store.open(db, read_only=True) as store:
        row = store.connection.execute(
            "SELECT num_articles, num_sources FROM event_clusters WHERE actor_key = 'RUSGOV'").fetchone()
        assert row == (4, 4)
        stories = store.connection.execute(
            "SELECT num_articles, label FROM stories ORDER BY num_articles DESC").fetchall()
        assert stories[0][0] == 4


def test_ingest_library_call_without_cli(tmp_path, corpus):
    with Store.open(tmp_path / "lib.duckdb") as store:
        summary = ingest(read_sources([str(corpus)]), FakePipeline(), store, batch_size=2)
    assert (summary.processed, summary.duplicates, summary.skipped) == (3, 2, 3)
    assert summary.skip_reasons["empty document"] == 1


def _exported(db: Path) -> str:
    import io

    buffer = io.StringIO()
    with Store.open(db, read_only=True) as store:
        export(store, "plover-jsonl", buffer)
        derived = store.connection.execute(
            "SELECT * FROM event_clusters ORDER BY cluster_id").fetchall()
        stories = store.connection.execute(
            "SELECT * FROM stories ORDER BY story_id").fetchall()
        links = store.connection.execute(
            "SELECT article_id, original_id, similarity FROM article_duplicates ORDER BY 1").fetchall()
        ledger = store.connection.execute(
            "SELECT article_id, status, original_id FROM ingest_ledger ORDER BY 1").fetchall()
    return json.dumps([buffer.getvalue(), derived, stories, links, ledger], default=str)


# --- SIGKILL -----------------------------------------------------------------------------------

_KILLABLE = """
import sys
sys.path.insert(0, {tests!r})
from corpus_fakes import FakePipeline
from eventwire.cli import main
main(sys.argv[1:], obj={{"pipeline": FakePipeline(delay_s=float(sys.argv.pop()), marker=sys.argv.pop())}})
"""


def _big_corpus(folder: Path, count: int = 48) -> Path:
    folder.mkdir()
    countries = ["Russia", "Korea", "China", "America", "France", "Japan"]
    rows = []
    for i in range(count):
        a, b = countries[i % 6], countries[(i + 1 + i // 6) % 6]
        if a == b:
            b = "Brazil"
        rows.append({"text": report(i, f"{a} visited {b} in week {i}."), "source": f"S{i % 5}",
                     "published": f"2024-06-{1 + i % 20:02d}"})
        if i % 8 == 3:  # a wire copy under another URL, and an edited version
            rows.append({**rows[-1], "url": f"https://copy.example/{i}"})
            rows.append({**rows[-1], "text": rows[-1]["text"] + " Updated later.",
                         "url": f"https://upd.example/{i}"})
    write_jsonl(folder / "big.jsonl", rows)
    return folder


def test_sigkill_mid_ingest_then_rerun_equals_a_clean_run(tmp_path):
    """Issue 9, case 11 (ingest): SIGKILL mid-ingest, then a rerun equals one clean run."""
    corpus = _big_corpus(tmp_path / "big")
    clean = tmp_path / "clean.duckdb"
    assert cli(["ingest", str(corpus), "--db", str(clean), "--batch-size", "4"]).exit_code == 0

    killed = tmp_path / "killed.duckdb"
    marker = tmp_path / "processed.txt"
    marker.touch()
    script = _KILLABLE.format(tests=str(TESTS))
    process = subprocess.Popen(
        [sys.executable, "-c", script, "ingest", str(corpus), "--db", str(killed),
         "--batch-size", "4", str(marker), "0.05"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(marker.read_text().splitlines()) < 14 and time.monotonic() < deadline:
            assert process.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    with Store.open(killed, read_only=True) as store:
        partial = store.counts()["articles"]
    assert 0 < partial < counts(clean)["articles"], "the kill should land mid-run"

    rerun = cli(["ingest", str(corpus), "--db", str(killed), "--batch-size", "4"])
    assert rerun.exit_code == 0, rerun.stderr
    assert f"already ingested" in rerun.stderr
    assert _exported(killed) == _exported(clean)


def test_real_pipeline_ingest_counts_the_copy_in_the_cluster(pipeline, tmp_path):
    text = ("Russian President Vladimir Putin will visit Pyongyang on Tuesday, the Kremlin said. "
            "North Korean leader Kim Jong Un invited him last year.")
    corpus = write_jsonl(tmp_path / "two.jsonl", [
        {"text": text, "url": "https://one.example/p", "source": "One", "published": "2024-06-17"},
        {"text": text + " Updated.", "url": "https://two.example/p", "source": "Two",
         "published": "2024-06-17"},
    ])
    db = tmp_path / "real.duckdb"
    result = cli(["ingest", str(corpus), "--db", str(db)], pipeline=pipeline)
    assert result.exit_code == 0, result.stderr
    assert "processed 1, duplicates 1" in result.stderr
    with Store.open(db, read_only=True) as store:
        clusters = store.connection.execute(
            "SELECT event_type, num_articles, num_sources FROM event_clusters").fetchall()
    assert ("CONSULT", 2, 2) in clusters
