"""Issue 9, case 13: property tests. Whole records survive store → export → import, and no
byte sequence makes a reader raise (bounded Hypothesis runs; no example database).

``tests/test_exports.py::test_article_store_export_import_round_trip`` and
``tests/test_store.py::test_round_trip_property`` cover one article and one event; this one
generates whole articles with several events and quotes, every field filled.
"""

from __future__ import annotations

import io
import json
import zlib

from hypothesis import HealthCheck, given, settings, strategies as st

from eventwire.corpus.exports import export
from eventwire.errors import InputError
from eventwire.io import readers
from eventwire.io.readers import read_file
from eventwire.model import (Article, DateRef, Entity, Event, Evidence, Location, Quote, content_hash,
                             record_from_dict)
from eventwire.store import Store

SETTINGS = dict(deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

# Any Unicode a JSON article may carry and the store can hold: no lone surrogates, no NUL
# (the readers refuse both; case 3).
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_text = st.text(_chars, min_size=1, max_size=40).filter(lambda s: s.strip())
_opt = st.none() | _text
_code = st.sampled_from(["RUS", "PRK", "USA", "UKR", "FRA", None])


@st.composite
def entities(draw, article_text: str):
    start = draw(st.integers(0, len(article_text)))
    end = draw(st.integers(start, len(article_text)))
    country = draw(_code)
    return Entity(text=article_text[start:end] or "x", name=draw(_text), country=country,
                  sector=draw(st.sampled_from(["GOV", "MIL", "MED", None])),
                  code=(country or "") + "GOV", qid=draw(st.none() | st.just("Q159")),
                  start=start, end=end)


@st.composite
def documents(draw):
    text = draw(st.text(_chars, min_size=5, max_size=300).filter(lambda s: s.strip()))
    article = Article.create(text, title=draw(_opt), source=draw(_opt), url=draw(_opt),
                             published=draw(st.none() | st.dates().map(str)), author=draw(_opt))
    records: list = [article]
    for position in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text) - 1))
        date = draw(st.none() | st.builds(
            DateRef, value=st.sampled_from(["2024", "2024-06", "2024-06-18"]),
            precision=st.sampled_from(["year", "month", "day"]), text=_opt,
            start=st.none() | st.integers(0, len(text)), end=st.none() | st.integers(0, len(text))))
        location = draw(st.none() | st.builds(
            Location, name=_text, country=_code, lat=st.floats(-90, 90), lon=st.floats(-180, 180),
            geonameid=st.none() | st.integers(1, 10**7), text=_opt,
            start=st.none() | st.integers(0, len(text)), end=st.none() | st.integers(0, len(text))))
        event_type = draw(st.sampled_from(TYPES))
        records.append(Event(
            event_id=content_hash("event", article.article_id, event_type, start, position),
            article_id=article.article_id, event_type=event_type, mode=draw(_opt),
            context=draw(st.lists(_text, max_size=2)), aux_mode=draw(st.sampled_from(
                [None, "historical", "future", "hypothetical", "negated"])),
            cameo_code=draw(st.sampled_from(["042", "0211", "112", "20", "190"])),
            quad_class=draw(st.integers(1, 4)), score=draw(st.floats(-10, 10)),
            actor=draw(st.lists(entities(text), max_size=2)),
            recipient=draw(st.lists(entities(text), max_size=2)),
            claimed_by=draw(st.lists(entities(text), max_size=1)),
            denied_by=draw(st.lists(entities(text), max_size=1)),
            date=date, location=location,
            evidence=Evidence(sentence=text, start=start, end=len(text), text=text[start:]),
            confidence=draw(st.floats(0, 1)), trigger=draw(_opt)))
    for position in range(draw(st.integers(0, 2))):
        start = draw(st.integers(0, len(text) - 1))
        records.append(Quote(quote_id=content_hash("quote", article.article_id, start, position),
                             article_id=article.article_id, speaker=draw(st.none() | entities(text)),
                             cue=draw(_opt), text=text[start:], start=start, end=len(text),
                             direct=draw(st.booleans())))
    return records


def _export(store) -> str:
    buffer = io.StringIO()
    export(store, "plover-jsonl", buffer)
    return buffer.getvalue()


@settings(max_examples=25, **SETTINGS)
@given(docs=st.lists(documents(), min_size=1, max_size=4,
                     unique_by=lambda d: d[0].article_id))
def test_case13_records_store_export_import_round_trip(tmp_path_factory, docs):
    """Case 13: whole documents (article, events, quotes; every field, any Unicode) →
    store → PLOVER JSONL export → records → a second store → the same export."""
    folder = tmp_path_factory.mktemp("fuzz-roundtrip")
    with Store.open(folder / "a.duckdb") as store:
        store.write(docs)
        exported = _export(store)
    lines = exported.split("\n")[:-1]
    back = [record_from_dict(json.loads(line)) for line in lines]
    expected = sorted((r for d in docs for r in d), key=_key)
    assert sorted(back, key=_key) == expected
    by_article: dict[str, list] = {}
    for record in back:
        by_article.setdefault(record.article_id, []).append(record)
    with Store.open(folder / "b.duckdb") as again:
        again.write([sorted(rs, key=lambda r: r.kind != "article") for rs in by_article.values()])
        assert _export(again) == exported


def _key(record) -> tuple:
    return (record.kind, getattr(record, "event_id", None) or getattr(record, "quote_id", None)
            or record.article_id)


# --- readers under fuzz ------------------------------------------------------------------------

SUFFIXES = [".txt", ".jsonl", ".html", ".rss", ".xml", ".urls", ".warc", ".warc.gz", ".htm", ".atom"]
_seeds = st.sampled_from([
    b"", b"\x00", b"<html><body><p>Russia visited China.</p></body></html>",
    b'{"text": "Russia visited China."}\n{"text": 1}\n[]\n', b"\xef\xbb\xbf{\"text\": \"x\"}",
    b'<?xml version="1.0"?><rss><channel><item><description>x</description></item></channel></rss>',
    b"<!DOCTYPE x [<!ENTITY a 'b'>]><rss>&a;</rss>", b"WARC/1.0\r\nContent-Length: 99999999\r\n\r\n",
    zlib.compress(b"WARC/1.0\r\n"), b"\x1f\x8b\x08\x00" + bytes(20), "Привет мир".encode("cp1251"),
    b"<div>" * 300, b"https://127.0.0.1/\nftp://x\n",
])


@st.composite
def hostile_bytes(draw):
    seed = draw(_seeds)
    noise = draw(st.binary(max_size=400))
    cut = draw(st.integers(0, len(seed)))
    return draw(st.sampled_from([seed, noise, seed[:cut] + noise, noise + seed, seed + noise + seed]))


@settings(max_examples=120, **SETTINGS)
@given(data=hostile_bytes(), suffix=st.sampled_from(SUFFIXES))
def test_case13_readers_never_raise_on_any_bytes(tmp_path_factory, data, suffix):
    """Case 13: any bytes under any supported file name → Articles or InputErrors, never an
    exception; every Article has storable text (non-empty, no NUL, valid Unicode)."""
    path = tmp_path_factory.mktemp("fuzz-readers") / f"input{suffix}"
    path.write_bytes(data)
    for item in read_file(path, context=readers._Context(None, readers._Web(_NoFetcher()))):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert item.text.strip() and readers.text_problem(item.text) is None
            item.text.encode("utf-8")
        else:
            assert item.reason


class _NoFetcher:
    """URL lists in the fuzz run must not reach the network: every fetch is refused."""

    def fetch(self, url: str):
        raise InputError(url, "refused: no network in tests")

    def close(self) -> None:
        pass


@settings(max_examples=60, **SETTINGS)
@given(line=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_case13_jsonl_lines_never_raise(line):
    """Case 13: any JSONL bytes (or text with lone surrogates) → Articles or InputErrors
    naming a line that exists, never an exception."""
    items = list(readers.read_jsonl(io.BytesIO(line), "fuzz.jsonl"))
    lines = line.count(b"\n") + 1
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert 1 <= item.line <= lines
        else:
            assert readers.text_problem(item.text) is None
