"""Issue 9, the server and the query paths: cases 1 (request bodies), 9, 10 and 14.

Servers run on 127.0.0.1 only: ``eventwire serve`` itself in a subprocess (the live spec
for schemathesis, request bodies through uvicorn), or in a thread where a test patches the
library (the runaway query).
"""

from __future__ import annotations

import http.client
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from desk_data import write_desk_store
from eventwire.api import create_app, queries
from eventwire.cli import main
from eventwire.store import Store
from hardening_support import (ThreadServer, get_json, post_json, start_cli_server,
                               start_fake_ingest_server, stop)

HOSTILE = ["'", "%", "\x00", ";--", "' OR 1=1 --", "_", "\\", '"', "RUS'); DROP TABLE events; --",
           "%' AND 1=1 --", "*", "a%b_c", "\u2028", "../../etc/passwd"]


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hardening-api") / "desk.duckdb"
    write_desk_store(path)
    return path


@pytest.fixture(scope="module")
def live(desk_db):
    """``eventwire serve --db desk.duckdb`` (read-only) on loopback for this module."""
    process, base = start_cli_server(desk_db, "--query-timeout", "5")
    yield base
    stop(process)


def _all_events(base: str) -> list[dict]:
    return get_json(base, "/api/events?limit=500")[1]["items"]


def _names(entities) -> str:
    return "\x1f".join(e.get("name") or e.get("text") or "" for e in entities).lower()


def _expected(events: list[dict], param: str, value: str) -> int:
    """How many events a filter must match when its value is taken literally (as data)."""
    low = value.lower()
    code = len(value) == 3 and value.isalpha() and value.isupper()
    if param in ("actor", "recipient", "claimed_by", "denied_by"):
        return sum(1 for e in events
                   if (value in {x["country"] for x in e[param]} if code else low in _names(e[param])))
    if param == "q":
        return sum(1 for e in events if low in e["evidence"]["sentence"].lower())
    if param == "place":
        return sum(1 for e in events if e["location"] and low in (e["location"]["name"] or "").lower())
    if param == "mode":
        return sum(1 for e in events if e["mode"] == value)
    if param == "context":
        return sum(1 for e in events if value in e["context"])
    if param == "article_id":
        return sum(1 for e in events if e["article_id"] == value)
    raise AssertionError(param)


EVENT_TEXT_FILTERS = ["actor", "recipient", "claimed_by", "denied_by", "q", "place", "mode",
                      "context", "article_id"]
EVENT_TYPED_FILTERS = {"type": 422, "aux_mode": 422, "from": 422, "to": 422, "claimed": 422,
                       "denied": 422, "sort": 422}


def _query(**params) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


# --- case 9: SQL metacharacters are data ------------------------------------------------------

def test_case09_sql_metacharacters_in_every_event_filter_are_data(live):
    """Case 9: every text filter of /api/events with ', %, \\x00, ;--, _ ... matches exactly
    what a literal substring/equality match gives; typed filters refuse them with 422."""
    events = _all_events(live)
    assert len(events) == 10
    for param in EVENT_TEXT_FILTERS:
        for value in HOSTILE:
            status, body = get_json(live, f"/api/events?{_query(**{param: value})}")
            assert status == 200, (param, value, body)
            assert body["total"] == _expected(events, param, value), (param, value)
    for param, status_expected in EVENT_TYPED_FILTERS.items():
        for value in HOSTILE:
            status, body = get_json(live, f"/api/events?{_query(**{param: value})}")
            assert status == status_expected and body["error"]["code"] == "invalid_request", (param, value)
    assert get_json(live, "/api/stats")[1]["counts"]["events"] == 10  # nothing dropped


@pytest.mark.parametrize("path, params", [
    ("/api/quotes", ("speaker", "q", "article_id", "country")),
    ("/api/articles", ("q",)),
    ("/api/actors", ("q",)),
    ("/api/network", ("actor", "q", "place")),
    ("/api/places", ("actor", "q", "place")),
    ("/api/events/export", ("actor", "q", "place")),
])
def test_case09_sql_metacharacters_in_every_other_route_are_data(live, path, params):
    """Case 9: quotes, article search, actors, network, places, export, dyad: hostile values
    answer 200 with nothing matched (no record holds them), never an error."""
    for param in params:
        for value in HOSTILE:
            if param == "country" and len(value) > 3:
                continue
            status, _ = (get_json(live, f"{path}?{_query(**{param: value})}") if path != "/api/events/export"
                         else (_status(live, f"{path}?{_query(**{param: value})}"), None))
            assert status == 200, (path, param, value)
    for value in HOSTILE:
        status, body = get_json(live, f"/api/dyad?{_query(actor=value, recipient=value)}")
        assert status == 200 and body["items"] == [], value
    assert get_json(live, "/api/quotes?" + _query(speaker="%"))[1]["total"] == 0
    assert get_json(live, "/api/articles?" + _query(q="_"))[1]["total"] == 0


def _status(base: str, path: str) -> int:
    import urllib.request

    with urllib.request.urlopen(f"{base}{path}", timeout=30) as answer:
        answer.read()
        return answer.status


def test_case09_search_operators_from_users_are_literal(tmp_path):
    """Case 9: %, _, *, quotes, OR, NOT and minus signs in article search are matched as the
    characters they are (no LIKE wildcards, no full-text operators)."""
    from eventwire.model import Article

    texts = {"pct": "Inflation hit 100% in the capital.", "under": "The file was named snake_case.",
             "plain": "Talks resumed in Geneva on Monday.", "star": "A *starred* note was read.",
             "quoted": 'He said "no deal" twice.'}
    path = tmp_path / "search.duckdb"
    with Store.open(path) as store:
        store.write([[Article.create(text, title=key)] for key, text in texts.items()])
    with ThreadServer(create_app(path)) as server:
        def found(q: str) -> set[str]:
            return {i["title"] for i in get_json(server.base, "/api/articles?" + _query(q=q))[1]["items"]}

        assert found("%") == {"pct"}
        assert found("_") == {"under"}
        assert found("*") == {"star"}
        assert found('"no') == {"quoted"}
        assert found("100%") == {"pct"}
        assert found("geneva OR nowhere") == {"plain"}  # OR is a word like any other: 'or' is in none
        assert found("-geneva") == set()
        assert found("'; DROP TABLE articles; --") == set()
        assert get_json(server.base, "/api/stats")[1]["counts"]["articles"] == 5


@pytest.mark.parametrize("command", [
    ["events", "--actor"], ["events", "--recipient"], ["events", "--type"], ["events", "--aux-mode"],
    ["quotes", "--speaker"], ["quotes", "--country"], ["claims", "--by"], ["claims", "--denied-by"],
])
def test_case09_sql_metacharacters_in_every_cli_filter_are_data(desk_db, command):
    """Case 9: every CLI query filter takes hostile values as data: exit 0, nothing found,
    the database unchanged."""
    runner = CliRunner()
    for value in HOSTILE:
        if value == "\x00":
            continue  # a command-line argument cannot carry NUL (the OS refuses it)
        result = runner.invoke(main, [command[0], "--db", str(desk_db), command[1], value, "--format", "jsonl"])
        assert result.exit_code == 0, (command, value, result.output)
        assert result.stdout.strip() == "", (command, value)
    for option in ("--from", "--to"):
        result = runner.invoke(main, ["events", "--db", str(desk_db), option, "'; DROP TABLE events; --"])
        assert result.exit_code == 1 and "[E004]" in result.output and "must be a date" in result.output
    with Store.open(desk_db, read_only=True) as store:
        assert store.counts()["events"] == 10


def test_case09_names_with_quotes_are_found_through_the_cli(desk_db):
    """Case 9: a real value still matches through the same filter (it is not merely broken)."""
    result = CliRunner().invoke(main, ["claims", "--db", str(desk_db), "--by", "korea", "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1


# --- case 10: a runaway query ----------------------------------------------------------------

def test_case10_a_runaway_query_is_interrupted_and_the_server_keeps_serving(desk_db, monkeypatch):
    """Case 10: a query that would run for hours is interrupted at the configured limit
    (0.5 s here) with 503 query_timeout, while other requests are answered during it and
    after it, and several at once do not take the server down."""
    def runaway(cursor):
        cursor.execute("SELECT sum(hash(i)) FROM range(1000000000000) t(i)").fetchall()
        return {}

    monkeypatch.setattr(queries, "stats", runaway)
    with ThreadServer(create_app(desk_db, query_timeout=0.5)) as server:
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            slow = [pool.submit(get_json, server.base, "/api/stats") for _ in range(3)]
            time.sleep(0.1)
            during = get_json(server.base, "/api/events?limit=1")
            answers = [f.result(timeout=30) for f in slow]
        elapsed = time.monotonic() - started
        for status, body in answers:
            assert status == 503 and body["error"]["code"] == "query_timeout"
            assert "0.5 s" in body["error"]["message"]
        assert during[0] == 200 and during[1]["total"] == 10
        assert elapsed < 10
        assert get_json(server.base, "/api/events?limit=1")[1]["total"] == 10
        assert get_json(server.base, "/api/health")[0] == 200


def test_case10_the_live_server_reports_its_limit(live):
    """Case 10: the limit in force is visible (health) and documented (spec)."""
    assert get_json(live, "/api/health")[1]["limits"] == {"query_timeout_s": 5.0}
    spec = get_json(live, "/openapi.json")[1]
    assert "stopped after 5 s" in spec["info"]["description"]


# --- case 1 (request bodies) through uvicorn --------------------------------------------------

@pytest.fixture(scope="module")
def ingesting(tmp_path_factory):
    path = tmp_path_factory.mktemp("hardening-ingest") / "ingest.duckdb"
    write_desk_store(path)
    process, base = start_fake_ingest_server(path)
    yield base
    stop(process)


def _raw_post(base: str, body, chunked: bool = False) -> tuple[int, dict]:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        headers = {"content-type": "application/json"}
        connection.request("POST", "/api/articles", body=body, headers=headers,
                           encode_chunked=chunked)
        answer = connection.getresponse()
        return answer.status, json.loads(answer.read() or b"{}")
    finally:
        connection.close()


def test_case01_oversized_post_bodies_get_413_and_nothing_else_changes(ingesting):
    """Case 1: a 5 MB body (declared length, and chunked without one) → 413
    payload_too_large before parsing; nothing stored; the server goes on ingesting."""
    before = get_json(ingesting, "/api/stats")[1]["counts"]["articles"]
    big = json.dumps({"text": "Russia visited China. " * 250_000}).encode()
    status, body = _raw_post(ingesting, big)
    assert status == 413 and body["error"]["code"] == "payload_too_large"
    assert "1000000 bytes" in body["error"]["message"]
    status, body = _raw_post(ingesting, iter([big[i:i + 65536] for i in range(0, len(big), 65536)]),
                             chunked=True)
    assert status == 413
    assert get_json(ingesting, "/api/stats")[1]["counts"]["articles"] == before
    status, body = post_json(ingesting, "/api/articles", {"text": "Russia visited China for talks."})
    assert status == 201 and body["status"] == "stored"
    assert get_json(ingesting, "/api/stats")[1]["counts"]["articles"] == before + 1


@pytest.mark.parametrize("body, reason", [
    ({"text": "Russia visited\u0000 China."}, "'text': binary content (NUL characters in the text)"),
    ({"text": "ok text here", "title": "bad\u0000"}, "'title': binary content"),
    ({"text": "   \n "}, "empty document"),
    ({"text": "\u0001\u0002" * 100}, "'text': binary content (mostly unprintable characters)"),
])
def test_case03_bad_text_posted_to_the_api_is_refused_with_a_reason(ingesting, body, reason):
    """Case 3 through the API: NUL, blank or binary text → 400 E001 naming the field."""
    status, answer = post_json(ingesting, "/api/articles", body)
    assert status == 400 and answer["error"]["code"] == "E001", answer
    assert answer["error"]["message"].startswith(reason)


def test_case03_lone_surrogates_posted_to_the_api_are_refused(ingesting):
    """Case 3: a JSON string with a lone surrogate (valid JSON, invalid Unicode) → 400/422,
    never a 500 from the store."""
    raw = b'{"text": "Russia \\ud800 visited China."}'
    status, answer = _raw_post(ingesting, raw)
    assert status in (400, 422), answer
    assert get_json(ingesting, "/api/health")[0] == 200


# --- case 14: schemathesis against the live OpenAPI spec --------------------------------------

def _run_schemathesis(schema, examples: int, only: str | None = None) -> int:
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if only and operation.path != only:
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            nonlocal calls
            calls += 1
            case.call_and_validate(checks=[not_a_server_error], timeout=30)

        check()
    return calls


@pytest.mark.slow
def test_case14_schemathesis_against_the_live_spec_finds_no_500(live, ingesting):
    """Case 14: schemathesis reads /openapi.json from a running ``eventwire serve`` and sends
    generated requests to every operation; no answer is a server error. POST /api/articles
    is also run against an ingesting server (fake fast pipeline)."""
    schemathesis = pytest.importorskip("schemathesis")
    read_only = schemathesis.openapi.from_url(f"{live}/openapi.json")
    calls = _run_schemathesis(read_only, examples=12)
    writing = schemathesis.openapi.from_url(f"{ingesting}/openapi.json")
    calls += _run_schemathesis(writing, examples=25, only="/api/articles")
    assert calls > 150
    assert get_json(live, "/api/health")[0] == 200
