"""The DuckDB store: writes, replacement on re-processing, filters, locking, round trips."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from eventwire.errors import StoreError
from eventwire.model import (Article, DateRef, Entity, Event, Evidence, Location, Quote,
                             content_hash, record_from_dict)
from eventwire.store import SCHEMA_VERSION, Store

PUTIN = Entity(text="Putin", name="Vladimir Putin", country="RUS", sector="GOV", code="RUSGOV",
               qid="Q7747", start=0, end=5)
KIM = Entity(text="Kim", name="Kim Jong Un", country="PRK", sector="GOV", code="PRKGOV", start=20, end=23)
KIRBY = Entity(text="John Kirby", name="John Kirby", country="USA", sector="GOV", code="USAGOV",
               start=40, end=50)


def make_article(text: str = "Putin will visit Pyongyang. Kim welcomed him.", **meta) -> Article:
    article = Article.create(text, published=meta.pop("published", "2024-06-17"), **meta)
    article.origin = "test.txt"
    return article


def make_event(article: Article, event_type: str = "CONSULT", *, actor=(PUTIN,), recipient=(KIM,),
               date: str | None = "2024-06-18", aux_mode: str | None = "future", offset: int = 0,
               claimed_by=(), denied_by=()) -> Event:
    return Event(
        event_id=content_hash("event", article.article_id, event_type, offset),
        article_id=article.article_id, event_type=event_type, mode="visit",
        context=["diplomatic"], aux_mode=aux_mode, cameo_code="042", quad_class=1, score=4.0,
        actor=list(actor), recipient=list(recipient), claimed_by=list(claimed_by),
        denied_by=list(denied_by),
        date=DateRef(value=date, precision="day" if date and len(date) == 10 else "year",
                     text="Tuesday", start=30, end=37) if date else None,
        location=Location(name="Pyongyang", country="PRK", lat=39.03, lon=125.75, geonameid=1871859,
                          text="Pyongyang", start=17, end=26),
        evidence=Evidence(sentence="Putin will visit Pyongyang.", start=0, end=27,
                          text="Putin will visit Pyongyang."),
        confidence=0.8, trigger="visit",
    )


def make_quote(article: Article, speaker=KIRBY, text: str = "We are concerned.") -> Quote:
    return Quote(quote_id=content_hash("quote", article.article_id, text), article_id=article.article_id,
                 speaker=speaker, cue="said", text=text, start=60, end=60 + len(text), direct=True)


def doc_records(article: Article | None = None) -> list:
    article = article or make_article()
    return [article, make_event(article), make_event(article, "AGREE", offset=10, aux_mode=None),
            make_quote(article)]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "events.duckdb") as opened:
        yield opened


def test_open_creates_schema_at_current_version(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.counts() == {"articles": 0, "events": 0, "quotes": 0, "failures": 0}


def test_write_stores_every_record(store):
    written = store.write([doc_records()])
    assert written == {"articles": 1, "events": 2, "quotes": 1}
    assert store.counts()["events"] == 2
    assert store.articles()[0]["published"] == "2024-06-17"


def test_rewriting_the_same_article_replaces_rather_than_duplicates(store):
    store.write([doc_records()])
    store.write([doc_records()])
    article = make_article()
    store.write([[article, make_event(article)]])  # re-processed: now one event, no quotes
    assert store.counts() == {"articles": 1, "events": 1, "quotes": 0, "failures": 0}


def test_same_article_twice_in_one_batch_is_stored_once(store):
    store.write([doc_records(), doc_records()])
    assert store.counts()["articles"] == 1
    assert store.counts()["events"] == 2


def test_reopening_keeps_data_and_schema(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store.open(path) as first:
        first.write([doc_records()])
    with Store.open(path, read_only=True) as again:
        assert again.counts()["events"] == 2
        assert again.schema_version() == SCHEMA_VERSION


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "events.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write([doc_records()])


def test_read_only_open_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError):
        Store.open(path)


@pytest.fixture
def filled(store):
    a1 = make_article("Putin will visit Pyongyang on Tuesday.")
    a2 = make_article("Washington accused Pyongyang of supplying Moscow.", published="2024-06-10")
    washington = Entity(text="Washington", name="United States", country="USA", sector="GOV", code="USAGOV")
    pyongyang = Entity(text="Pyongyang", name="North Korea", country="PRK", sector="GOV", code="PRKGOV")
    moscow = Entity(text="Moscow", name="Russia", country="RUS", sector="GOV", code="RUSGOV")
    store.write([
        [a1, make_event(a1), make_event(a1, "AGREE", offset=9, aux_mode=None, date="2019"), make_quote(a1)],
        [a2, make_event(a2, "ACCUSE", actor=[washington], recipient=[pyongyang], aux_mode=None,
                        date="2024-06"),
         make_event(a2, "AID", actor=[pyongyang], recipient=[moscow], aux_mode=None, offset=30,
                    claimed_by=[washington], denied_by=[pyongyang, moscow], date=None),
         make_quote(a2, speaker=None, text="Unattributed words.")],
    ])
    return store


def _types(events):
    return sorted(e["event_type"] for e in events)


def test_filter_by_actor_country_code(filled):
    assert _types(filled.events(actor="RUS")) == ["AGREE", "CONSULT"]
    assert _types(filled.events(actor="rus")) == ["AGREE", "CONSULT"]


def test_filter_by_actor_name_substring_case_insensitive(filled):
    assert _types(filled.events(actor="putin")) == ["AGREE", "CONSULT"]
    assert _types(filled.events(actor="north kor")) == ["AID"]


def test_filter_by_recipient(filled):
    assert _types(filled.events(recipient="RUS")) == ["AID"]
    assert _types(filled.events(recipient="Kim")) == ["AGREE", "CONSULT"]


def test_filter_by_type_and_aux_mode(filled):
    assert _types(filled.events(event_type="consult")) == ["CONSULT"]
    assert _types(filled.events(aux_mode="future")) == ["CONSULT"]
    assert _types(filled.events(aux_mode="none")) == ["ACCUSE", "AGREE", "AID"]


def test_filter_by_date_range_overlaps_imprecise_dates(filled):
    # "2024-06" (a month) overlaps 2024-06-15..; "2019" does not; undated events never match.
    assert _types(filled.events(date_from="2024-06-15")) == ["ACCUSE", "CONSULT"]
    assert _types(filled.events(date_to="2020-01-01")) == ["AGREE"]
    assert _types(filled.events(date_from="2019-03-01", date_to="2019-03-31")) == ["AGREE"]


def test_invalid_date_filter_is_a_store_error(filled):
    with pytest.raises(StoreError, match="date_from"):
        filled.events(date_from="last week")


def test_limit(filled):
    assert len(filled.events(limit=2)) == 2
    assert filled.events(limit=0) == []


@pytest.mark.parametrize("hostile", ["' OR 1=1 --", "%", "_", "RUS'); DROP TABLE events; --", "\\", '"'])
def test_sql_metacharacters_are_data(filled, hostile):
    assert filled.events(actor=hostile) == []
    assert filled.events(event_type=hostile) == []
    assert filled.quotes(speaker=hostile) == []
    assert filled.counts()["events"] == 4


def test_names_with_quotes_are_stored_and_found(store):
    article = make_article("O'Brien met officials.")
    obrien = Entity(text="O'Brien", name="Robert O'Brien", country="USA", sector="GOV")
    store.write([[article, make_event(article, actor=[obrien])]])
    assert len(store.events(actor="o'brien")) == 1


def test_quotes_filters(filled):
    assert [q["speaker"]["name"] for q in filled.quotes(speaker="kirby")] == ["John Kirby"]
    assert len(filled.quotes(country="usa")) == 1
    assert len(filled.quotes()) == 2


def test_aggregates_for_the_demo(filled):
    assert dict(filled.event_type_counts()) == {"CONSULT": 1, "AGREE": 1, "ACCUSE": 1, "AID": 1}
    dyads = filled.top_dyads()
    assert ("RUS", "PRK", 2) in dyads


def test_record_failure(store):
    store.record_failure("bad.txt", "read", "binary file")
    assert store.failures()[0]["reason"] == "binary file"
    assert store.counts()["failures"] == 1


def test_round_trip_records_equal_model_objects(store):
    records = doc_records()
    store.write([records])
    stored = [*store.articles(), *store.events(), *store.quotes()]
    back = sorted((record_from_dict(d) for d in stored), key=lambda r: (r.kind, _id(r)))
    expected = sorted(records, key=lambda r: (r.kind, _id(r)))
    assert back == expected
    assert all(isinstance(e["cameo_code"], str) for e in store.events())


def _id(record) -> str:
    return getattr(record, "event_id", None) or getattr(record, "quote_id", None) or record.article_id


def test_a_second_writer_gets_a_clear_store_error(tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = textwrap.dedent(f"""
        import sys, time
        from eventwire.store import Store
        store = Store.open({str(path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        store.close()
    """)
    process = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="open for writing by another process") as caught:
            Store.open(path)
        assert f"pid {process.pid}" in str(caught.value)
        assert "--db" in str(caught.value)
    finally:
        process.communicate("done\n", timeout=30)


def test_closed_store_says_so(tmp_path):
    store = Store.open(tmp_path / "x.duckdb")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


from hypothesis import HealthCheck, given, settings, strategies as st

_text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_text, name=_text, title=st.none() | _text, score=st.floats(-10, 10, allow_nan=False))
def test_round_trip_property(tmp_path_factory, text, name, title, score):
    """Any text, names and titles (quotes, unicode, SQL) survive the store unchanged."""
    path = tmp_path_factory.mktemp("prop") / "p.duckdb"
    article = make_article(text, title=title)
    actor = Entity(text=name, name=name, country="RUS", sector="GOV")
    event = make_event(article, actor=[actor])
    event.score = score
    with Store.open(path) as store:
        store.write([[article, event]])
        assert [record_from_dict(d) for d in store.articles()] == [article]
        assert [record_from_dict(d) for d in store.events()] == [event]
        assert len(store.events(actor=name)) == 1
