"""Exports: each format loads in DuckDB; the JSONL export round-trips every record."""

from __future__ import annotations

import io
import json

import duckdb
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from eventwire.cli import main
from eventwire.corpus.clusters import rebuild_event_clusters
from eventwire.corpus.exports import CSV_COLUMNS, GDELT_COLUMNS, export, iso3_to_fips
from eventwire.corpus.stories import rebuild_stories
from eventwire.errors import StoreError
from eventwire.model import Entity, record_from_dict
from eventwire.store import Store
from test_store import doc_records, make_article, make_event


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "export.duckdb"
    with Store.open(path) as store:
        first = make_article(source="Wire One", url="https://one.example/a")
        second = make_article("Putin arrived in Pyongyang. Kim greeted him at the airport.",
                              source="Wire Two", url="https://two.example/b")
        undated = make_article("Seoul protested.", published="2024-06-19")
        store.write([doc_records(first), [second, make_event(second)],
                     [undated, make_event(undated, "PROTEST", date=None, aux_mode=None)]])
        rebuild_event_clusters(store)
        rebuild_stories(store)
    return path


def _export(db, fmt, output=None) -> str:
    buffer = io.StringIO()
    with Store.open(db, read_only=True) as store:
        export(store, fmt, buffer, output)
    return buffer.getvalue()


def test_gdelt_table_has_61_columns_and_string_cameo_codes(db, tmp_path):
    path = tmp_path / "events.gdelt.tsv"
    with Store.open(db, read_only=True) as store:
        assert export(store, "gdelt", output=path) == 3
    assert len(GDELT_COLUMNS) == 61
    con = duckdb.connect()
    rows = con.execute(f"SELECT * FROM read_csv('{path}', delim='\t', header=true, "
                       "types={'EventCode': 'VARCHAR', 'EventBaseCode': 'VARCHAR', "
                       "'EventRootCode': 'VARCHAR'})").fetchall()
    columns = [d[0] for d in con.description]
    assert columns == list(GDELT_COLUMNS)
    assert {r[columns.index("EventCode")] for r in rows} == {"042"}  # a string: "042", not 42
    reported_twice = [dict(zip(columns, r)) for r in rows if r[columns.index("NumArticles")] == 2]
    assert len(reported_twice) == 1  # the visit both wires report: one row, two articles
    row = reported_twice[0]
    assert (row["NumArticles"], row["NumSources"], row["NumMentions"]) == (2, 2, 2)
    assert row["EventRootCode"] == "04" and row["Actor1Code"] == "RUSGOV"
    assert row["Actor1CountryCode"] == "RUS"  # actors: CAMEO (ISO 3166 alpha-3) codes
    assert row["ActionGeo_CountryCode"] == "KN"  # places: FIPS 10-4, as GDELT
    assert str(row["SQLDATE"]) == "20240618"


def test_csv_export_loads_in_duckdb(db, tmp_path):
    path = tmp_path / "events.csv"
    with Store.open(db, read_only=True) as store:
        export(store, "csv", output=path)
    con = duckdb.connect()
    rows = con.execute(f"SELECT * FROM read_csv('{path}', header=true, "
                       "types={'cameo_code': 'VARCHAR'})").fetchall()
    assert [d[0] for d in con.description] == list(CSV_COLUMNS)
    assert len(rows) == 4
    assert {r[CSV_COLUMNS.index("cameo_code")] for r in rows} == {"042"}


def test_parquet_export_is_a_folder_partitioned_by_event_date(db, tmp_path):
    folder = tmp_path / "parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet",
                                       "--output", str(folder)])
    assert result.exit_code == 0, result.stderr
    partitions = sorted(p.relative_to(folder / "events").as_posix()
                        for p in (folder / "events").glob("*/*"))
    assert partitions == ["year=2024/month=6", "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__"]
    con = duckdb.connect()
    events = con.execute(f"SELECT event_id, cameo_code, year, month, cluster_id, record FROM read_parquet("
                         f"'{folder}/events/**/*.parquet', hive_partitioning=true)").fetchall()
    assert len(events) == 4 and all(isinstance(e[1], str) for e in events)
    assert all(e[4] for e in events)
    for name in ("articles", "quotes", "event_clusters", "stories"):
        assert con.execute(f"SELECT count(*) FROM read_parquet('{folder}/{name}.parquet')").fetchone()[0] > 0


def test_parquet_needs_an_output_folder(db):
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 1 and "Error: [E004]" in result.stderr and "--output" in result.stderr


def test_plover_jsonl_export_to_stdout(db):
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "plover-jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kind"] for r in records].count("article") == 3
    assert "exported 8 records" in result.stderr


def test_fips_table_covers_the_odd_ones():
    fips = iso3_to_fips()
    assert (fips["PRK"], fips["DEU"], fips["GBR"], fips["CHN"]) == ("KN", "GM", "UK", "CH")


_text = st.text(min_size=1, max_size=60).filter(lambda s: s.strip())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_text, name=_text, title=st.none() | _text, author=st.none() | _text,
       cameo=st.sampled_from(["042", "0211", "112", "20"]), date=st.none() | st.dates().map(str))
def test_article_store_export_import_round_trip(tmp_path_factory, text, name, title, author, cameo, date):
    """article → store → export (PLOVER JSONL) → import gives the same records."""
    folder = tmp_path_factory.mktemp("roundtrip")
    article = make_article(text, title=title, author=author)
    event = make_event(article, actor=[Entity(text=name, name=name, country="RUS", sector="GOV")],
                       date=date)
    event.cameo_code = cameo
    records = [article, event]
    with Store.open(folder / "a.duckdb") as store:
        store.write([records])
        exported = io.StringIO()
        export(store, "plover-jsonl", exported)
    lines = exported.getvalue().split("\n")[:-1]  # JSONL ends lines with \n only (not U+2028)
    imported = [record_from_dict(json.loads(line)) for line in lines]
    assert imported == records
    with Store.open(folder / "b.duckdb") as again:  # and importing it gives the same export
        again.write([imported])
        second = io.StringIO()
        export(again, "plover-jsonl", second)
    assert second.getvalue() == exported.getvalue()


def test_unknown_format_is_a_store_error(db):
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="unknown export format"):
        export(store, "xml", io.StringIO())
