"""The command line: process, events, quotes, demo; errors become messages, never tracebacks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from eventwire import cli
from eventwire.cli import main
from eventwire.pipeline import Failure
from corpus_fakes import FakeDoc
from test_store import KIM, PUTIN, make_event, make_quote

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


class FakePipeline:
    """Stands in for the real stages: 'visit' makes a CONSULT event and a quote, 'CRASH' fails."""

    def pipe(self, articles, on_failure=None):
        for article in articles:
            if "CRASH" in article.text:
                on_failure(Failure(article.origin, "events", "ValueError: boom"))
                continue
            records = [article]
            if "visit" in article.text:
                records += [make_event(article), make_quote(article)]
            yield FakeDoc(records)


@pytest.fixture(scope="module")
def real_pipeline():
    from eventwire.factory import build_pipeline

    return build_pipeline()


def run(args, pipeline=None, input=None):
    runner = CliRunner()
    return runner.invoke(main, args, obj={"pipeline": pipeline or FakePipeline()}, input=input,
                         catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "visit.txt").write_text("Putin will visit Pyongyang on Tuesday.")
    (folder / "quiet.txt").write_text("Markets were calm in Seoul.")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 40)
    (folder / "news.jsonl").write_text('{"text": "Kim will visit Moscow."}\n{oops\n{"text": "CRASH now"}\n')
    return folder


def test_process_reports_each_skip_and_a_summary(corpus):
    result = run(["process", str(corpus)])
    assert result.exit_code == 0
    stderr = result.stderr
    assert f"skipped {corpus / 'empty.txt'}: empty document" in stderr
    assert f"skipped {corpus / 'binary.txt'}: binary file" in stderr
    assert f"skipped {corpus / 'news.jsonl'}:2: malformed JSON" in stderr
    assert f"skipped {corpus / 'news.jsonl'}:3: stage 'events' failed: ValueError: boom" in stderr
    assert "processed 3, skipped 4, events 2, quotes 2, no events 1" in stderr


def test_process_jsonl_output_has_kind_on_every_record(corpus):
    result = run(["process", str(corpus), "--format", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["kind"] for r in records} == {"article", "event", "quote"}
    assert sum(r["kind"] == "article" for r in records) == 3


def test_process_defaults_to_jsonl_without_db(corpus):
    result = run(["process", str(corpus / "visit.txt"), "--published", "2024-06-17"])
    first = json.loads(result.stdout.splitlines()[0])
    assert first["kind"] == "article" and first["published"] == "2024-06-17"


def test_process_csv_and_table(corpus):
    csv_out = run(["process", str(corpus), "--format", "csv"]).stdout.splitlines()
    assert csv_out[0].startswith("event_id,date,event_type")
    assert len(csv_out) == 3
    assert "Vladimir Putin (RUS)" in csv_out[1]
    table = run(["process", str(corpus), "--format", "table"]).stdout
    assert "CONSULT" in table


def test_process_stdin(tmp_path):
    result = run(["process", "-"], input="Putin will visit Pyongyang.")
    assert result.exit_code == 0
    assert "processed 1, skipped 0, events 1" in result.stderr


def test_strict_exits_one_but_stores_the_good_ones(corpus, tmp_path):
    db = tmp_path / "strict.duckdb"
    result = run(["process", str(corpus), "--db", str(db), "--strict"])
    assert result.exit_code == 1
    assert "Error: [E007]" in result.stderr and "4 document(s) skipped" in result.stderr
    events = run(["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()
    assert len(events) == 2


def test_strict_without_skips_exits_zero(corpus):
    assert run(["process", str(corpus / "visit.txt"), "--strict"]).exit_code == 0


def test_invalid_published_is_a_usage_error(corpus):
    result = run(["process", str(corpus), "--published", "June 17"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


@pytest.fixture
def db(corpus, tmp_path):
    path = tmp_path / "events.duckdb"
    result = run(["process", str(corpus), "--db", str(path)])
    assert result.stdout == ""  # --db without --format: only the summary, on stderr
    assert "processed 3" in result.stderr
    return path


def test_process_into_db_records_failures(db):
    from eventwire.store import Store

    with Store.open(db, read_only=True) as store:
        assert store.counts() == {"articles": 3, "events": 2, "quotes": 2, "failures": 4}
        assert {f["stage"] for f in store.failures()} == {"read", "events"}


def test_reprocessing_into_the_same_db_does_not_duplicate(db, corpus):
    run(["process", str(corpus), "--db", str(db)])
    lines = run(["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()
    assert len(lines) == 2


def test_events_query_filters_and_formats(db):
    as_jsonl = run(["events", "--db", str(db), "--actor", "putin", "--format", "jsonl"]).stdout
    records = [json.loads(line) for line in as_jsonl.splitlines()]
    assert len(records) == 2 and all(r["kind"] == "event" for r in records)
    assert run(["events", "--db", str(db), "--recipient", "USA", "--format", "jsonl"]).stdout == ""
    limited = run(["events", "--db", str(db), "--type", "CONSULT", "--aux-mode", "future",
                   "--from", "2024-06-01", "--to", "2024-06-30", "--limit", "1", "--format", "jsonl"])
    assert len(limited.stdout.splitlines()) == 1
    table = run(["events", "--db", str(db)]).stdout
    assert "CONSULT" in table and "Vladimir Putin (RUS)" in table
    csv_out = run(["events", "--db", str(db), "--format", "csv"]).stdout.splitlines()
    assert len(csv_out) == 3


def test_quotes_query(db):
    out = run(["quotes", "--db", str(db), "--speaker", "kirby", "--format", "jsonl"]).stdout
    assert len(out.splitlines()) == 2
    assert run(["quotes", "--db", str(db), "--country", "RUS", "--format", "jsonl"]).stdout == ""
    assert "John Kirby (USA)" in run(["quotes", "--db", str(db)]).stdout


def test_store_errors_become_messages(tmp_path):
    result = run(["events", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E004] no database")
    bad_date = run(["events", "--db", str(tmp_path / "missing.duckdb"), "--from", "x"])
    assert bad_date.exit_code == 1


def test_bad_date_filter_is_a_message(db):
    result = run(["events", "--db", str(db), "--from", "last week"])
    assert result.exit_code == 1
    assert "Error: [E004] date_from must be a date" in result.stderr


def test_demo_processes_the_examples_folder(tmp_path, monkeypatch):
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "a.txt").write_text("Putin will visit Pyongyang.")
    monkeypatch.setattr(cli, "examples_dir", lambda: examples)
    db = tmp_path / "demo.duckdb"
    result = run(["demo", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "events per type" in result.stdout and "CONSULT" in result.stdout
    assert "RUS" in result.stdout and "PRK" in result.stdout


def test_demo_without_examples_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "examples_dir", lambda: tmp_path / "nowhere")
    result = run(["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 1
    assert "example corpus is not installed" in result.stderr


def test_real_pipeline_end_to_end(real_pipeline, tmp_path):
    fixture = SHARED / "fixtures" / "putin-pyongyang.txt"
    if not fixture.exists():
        pytest.skip("shared fixtures not available")
    db = tmp_path / "real.duckdb"
    result = run(["process", str(fixture), "--published", "2024-06-17", "--db", str(db),
                  "--format", "jsonl"], pipeline=real_pipeline)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["kind"] == "article"
    assert all("kind" in r for r in records)
    events = [r for r in records if r["kind"] == "event"]
    stored = run(["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()
    assert len(stored) == len(events)


def _documented_names() -> list[str]:
    names = []
    for name, command in main.commands.items():
        names.append(name)
        for param in command.params:
            if isinstance(param, click.Option):
                names += [opt for opt in param.opts if opt.startswith("--")]
    return names


def test_every_command_and_option_is_documented():
    readme = REPO / "README.md"
    if not readme.exists():
        pytest.skip("README.md not written yet")
    text = readme.read_text(encoding="utf-8")
    missing = [name for name in _documented_names()
               if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    assert not missing, f"undocumented in README.md: {missing}"
