"""The HTTP API through the ASGI client: every route, pagination, limits, and one error shape."""

from __future__ import annotations

import json
import threading
import time

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api import queries
from eventwire.api.limits import QueryTimeout, time_limit
from eventwire.errors import StoreError
from eventwire.model import Article

from corpus_fakes import FakeDoc
from desk_data import EMOJI_TEXT, write_desk_store

ERROR_KEYS = {"status", "code", "message", "details"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "desk.duckdb"
    write_desk_store(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == ERROR_KEYS
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], list)
    if code is not None:
        assert error["code"] == code
    return error


def events(client, **params) -> dict:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


# --- routes that answer --------------------------------------------------------------------

def test_health_says_read_only_and_limits(client):
    body = client.get("/api/health").json()
    assert body == {"status": "ok", "ingest": False, "limits": {"query_timeout_s": 5.0}}


def test_stats_count_everything(client):
    body = client.get("/api/stats").json()
    assert body["counts"] == {"articles": 7, "events": 10, "quotes": 1, "failures": 0}
    assert body["quad_classes"]["4"] == 3  # three ASSAULTs
    assert body["date_range"] == {"first": "2024-01-05", "last": "2024-06-18"}


def test_events_paginate_with_total_and_next_offset(client):
    first = events(client, limit=4)
    assert first["total"] == 10 and len(first["items"]) == 4 and first["next_offset"] == 4
    rest = events(client, limit=4, offset=8)
    assert len(rest["items"]) == 2 and rest["next_offset"] is None
    ids = [e["event_id"] for offset in (0, 4, 8) for e in events(client, limit=4, offset=offset)["items"]]
    assert len(set(ids)) == 10


@pytest.mark.parametrize("params, expected", [
    ({"actor": "RUS"}, 6),
    ({"actor": "putin"}, 1),
    ({"recipient": "PRK"}, 2),
    ({"actor": "RUS", "recipient": "UKR"}, 4),
    ({"actor": "UKR", "recipient": "RUS", "undirected": "true"}, 5),
    ({"type": "ASSAULT"}, 3),
    ({"mode": "visit"}, 1),
    ({"context": "military"}, 2),
    ({"aux_mode": "future"}, 1),
    ({"aux_mode": "none"}, 9),
    ({"claimed_by": "KOR"}, 1),
    ({"claimed_by": "russia"}, 1),
    ({"denied_by": "RUS"}, 1),
    ({"claimed": "true"}, 3),
    ({"denied": "false"}, 9),
    ({"from": "2024-02-01", "to": "2024-03-31"}, 3),
    ({"place": "UKR"}, 5),
    ({"place": "pyong"}, 1),
    ({"q": "artillery"}, 2),
])
def test_every_event_filter(client, params, expected):
    assert events(client, **params)["total"] == expected


def test_event_filters_combine_with_article(client):
    emoji_article = Article.create(EMOJI_TEXT).article_id
    body = events(client, article_id=emoji_article, type="ACCUSE")
    assert [e["event_type"] for e in body["items"]] == ["ACCUSE"]


def test_events_sort_by_score_both_ways(client):
    ascending = [e["score"] for e in events(client, sort="score")["items"]]
    descending = [e["score"] for e in events(client, sort="score", desc="true")["items"]]
    assert ascending == sorted(ascending) and descending == sorted(descending, reverse=True)


def test_one_event_by_id(client):
    event = events(client, limit=1)["items"][0]
    assert client.get(f"/api/events/{event['event_id']}").json() == event


def test_export_csv_is_the_current_view(client):
    response = client.get("/api/events/export", params={"format": "csv", "actor": "RUS"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("article_id,event_id,")
    assert len(lines) == 1 + 6


def test_export_jsonl_keeps_whole_records(client):
    response = client.get("/api/events/export", params={"format": "jsonl", "type": "AID"})
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [r["event_type"] for r in records] == ["AID"]
    assert {e["country"] for e in records[0]["denied_by"]} == {"PRK", "RUS"}


def test_quotes_by_speaker_country_and_words(client):
    for params in ({"speaker": "kirby"}, {"country": "usa"}, {"q": "concerned"}):
        body = client.get("/api/quotes", params=params).json()
        assert body["total"] == 1 and body["items"][0]["speaker"]["name"] == "John Kirby"
    assert client.get("/api/quotes", params={"speaker": "nobody"}).json()["total"] == 0


def test_article_search_ranks_title_hits_first(client):
    body = client.get("/api/articles", params={"q": "pyongyang"}).json()
    assert body["items"][0]["title"] == "Putin to visit Pyongyang"
    assert body["items"][0]["relevance"] > 0 and body["items"][0]["events"] == 3
    ranked = client.get("/api/articles", params={"q": "russia ukraine"}).json()["items"]
    relevances = [item["relevance"] for item in ranked]
    assert relevances == sorted(relevances, reverse=True)
    assert client.get("/api/articles", params={"q": "zzzz"}).json()["total"] == 0


def test_articles_without_query_are_paginated_newest_first(client):
    body = client.get("/api/articles", params={"limit": 2}).json()
    assert body["total"] == 7 and body["next_offset"] == 2
    assert body["items"][0]["published"] == "2024-06-17"


def test_one_article_keeps_its_text_exactly(client):
    article_id = Article.create(EMOJI_TEXT).article_id
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["text"] == EMOJI_TEXT


def test_dyad_series_by_month_week_and_day(client):
    month = client.get("/api/dyad", params={"actor": "RUS", "recipient": "UKR"}).json()
    # either way round by default: Ukraine's accusation in May counts too
    assert [p["period"] for p in month["items"]] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-05-01"]
    january = month["items"][0]
    assert january["events"] == 2 and january["quad_classes"] == {"1": 0, "2": 0, "3": 1, "4": 1}
    assert january["period_end"] == "2024-01-31"
    assert january["mean_score"] == pytest.approx((-10 + -3) / 2, abs=5)  # ASSAULT and ACCUSE
    week = client.get("/api/dyad", params={"actor": "RUS", "recipient": "UKR", "interval": "week"}).json()
    assert week["items"][0]["period"] == "2024-01-01" and week["items"][0]["period_end"] == "2024-01-07"
    directed = client.get("/api/dyad", params={"actor": "UKR", "recipient": "RUS", "directed": "true"}).json()
    assert [p["period"] for p in directed["items"]] == ["2024-05-01"]


def test_network_edges_are_weighted_by_quad_class(client):
    body = client.get("/api/network").json()
    edge = next(e for e in body["items"] if (e["source"], e["target"]) == ("RUS", "UKR"))
    assert edge["events"] == 4 and edge["quad_classes"]["4"] == 2
    assert {"id": "RUS", "events": next(n["events"] for n in body["nodes"] if n["id"] == "RUS")} in body["nodes"]
    narrowed = client.get("/api/network", params={"type": "AID"}).json()
    assert [(e["source"], e["target"]) for e in narrowed["items"]] == [("PRK", "RUS")]


def test_places_for_the_map(client):
    body = client.get("/api/places").json()
    ukraine = next(p for p in body["items"] if p["name"] == "Ukraine")
    assert ukraine["events"] == 4 and ukraine["lat"] == 49.0
    assert client.get("/api/places", params={"type": "CONSULT"}).json()["items"][0]["name"] == "Pyongyang"


def test_actors_for_pickers(client):
    body = client.get("/api/actors", params={"limit": 2}).json()
    assert body["items"][0]["code"] == "RUS" and body["next_offset"] == 2
    assert [a["code"] for a in client.get("/api/actors", params={"q": "pr"}).json()["items"]] == ["PRK"]


def test_openapi_spec_documents_the_error_shape_everywhere(client):
    spec = client.get("/openapi.json").json()
    assert "ErrorBody" in spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status in ("404", "422", "500", "503"):
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema["$ref"].endswith("/ErrorBody"), (method, path, status)


def test_dashboard_page_scripts_and_outline_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and 'src="/static/js/app.js"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/js/app.js").headers["content-type"].startswith("text/javascript")
    outline = client.get("/outline.json").json()
    assert len(outline["countries"]) > 150


# --- errors: one shape for all -----------------------------------------------------------

@pytest.mark.parametrize("method, url, status, code", [
    ("GET", "/api/nowhere", 404, "not_found"),
    ("GET", "/nowhere", 404, "not_found"),
    ("GET", "/static/missing.js", 404, "not_found"),
    ("GET", "/api/events/0000000000000000", 404, "not_found"),
    ("GET", "/api/articles/0000000000000000", 404, "not_found"),
    ("GET", "/api/events/bad%20id", 422, "invalid_request"),
    ("DELETE", "/api/events", 405, "method_not_allowed"),
    ("GET", "/api/events?type=BOGUS", 422, "invalid_request"),
    ("GET", "/api/events?limit=0", 422, "invalid_request"),
    ("GET", "/api/events?limit=501", 422, "invalid_request"),
    ("GET", "/api/events?offset=-1", 422, "invalid_request"),
    ("GET", "/api/events?from=yesterday", 422, "invalid_request"),
    ("GET", "/api/events?sort=evil;drop", 422, "invalid_request"),
    ("GET", "/api/events?aux_mode=maybe", 422, "invalid_request"),
    ("GET", "/api/events/export?format=xml", 422, "invalid_request"),
    ("GET", "/api/dyad?actor=RUS", 422, "invalid_request"),
    ("GET", "/api/dyad?actor=RUS&recipient=UKR&interval=year", 422, "invalid_request"),
    ("GET", f"/api/quotes?speaker={'x' * 201}", 422, "invalid_request"),
    ("POST", "/api/articles", 422, "invalid_request"),
])
def test_every_error_has_one_shape(client, method, url, status, code):
    assert_error(client.request(method, url), status, code)


def test_validation_errors_name_the_parameter(client):
    error = assert_error(client.get("/api/events", params={"limit": "many"}), 422)
    assert error["message"].startswith("limit:")
    assert error["details"][0]["location"] == ["query", "limit"]


def test_read_only_server_refuses_to_ingest(client):
    assert_error(client.post("/api/articles", json={"text": "Russia visited China."}), 403, "read_only")


def test_body_over_the_limit_is_refused_before_parsing(db):
    with TestClient(create_app(db, max_body_bytes=2048)) as small:
        declared = small.post("/api/articles", content=b"x" * 4096,
                              headers={"content-type": "application/json"})
        assert_error(declared, 413, "payload_too_large")
        chunked = small.post("/api/articles", content=iter([b"x" * 1500, b"x" * 1500]),
                             headers={"content-type": "application/json"})
        assert_error(chunked, 413, "payload_too_large")


def test_query_timeout_answers_503(client, monkeypatch):
    def slow(*args, **kwargs):
        raise QueryTimeout(5.0)

    monkeypatch.setattr(queries, "events_page", slow)
    error = assert_error(client.get("/api/events"), 503, "query_timeout")
    assert "5 s" in error["message"]


def test_store_error_keeps_its_code(client, monkeypatch):
    def broken(*args, **kwargs):
        raise StoreError("the store is closed")

    monkeypatch.setattr(queries, "stats", broken)
    assert_error(client.get("/api/stats"), 503, "E004")


def test_unexpected_error_is_500_in_the_same_shape(client, monkeypatch):
    def bug(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(queries, "network", bug)
    error = assert_error(client.get("/api/network"), 500, "internal_error")
    assert "boom" not in error["message"]  # internals stay in the server log


def test_missing_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.duckdb")


def test_time_limit_interrupts_a_running_query():
    import duckdb

    cursor = duckdb.connect().cursor()
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        with time_limit(cursor, 0.2):
            cursor.execute("SELECT sum(hash(i)) FROM range(1000000000000) t(i)").fetchall()
    assert time.monotonic() - started < 5


# --- ingestion: one writer thread ---------------------------------------------------------

class FakePipeline:
    """Makes no events; 'CRASH' fails like a stage would; 'SLOW' waits until ``release`` is set."""

    def __init__(self):
        self.threads = set()
        self.release = threading.Event()

    def pipe(self, articles, on_failure=None):
        return (self(a) for a in articles)

    def __call__(self, article):
        from eventwire.errors import StageError

        self.threads.add(threading.current_thread().name)
        if "CRASH" in article.text:
            raise StageError(f"{article.article_id}: stage 'events' failed: ValueError: boom")
        if "SLOW" in article.text:
            self.release.wait(30)
        return FakeDoc([article])


def _ingesting_client(tmp_path, ingest_wait):
    path = tmp_path / "ingest.duckdb"
    write_desk_store(path)
    pipeline = FakePipeline()
    app = create_app(path, ingest=True, pipeline=pipeline, ingest_wait=ingest_wait, ingest_queue_size=1)
    return TestClient(app, raise_server_exceptions=False), pipeline


@pytest.fixture
def ingesting(tmp_path):
    # A wait far longer than any store write, so a loaded machine still answers 201.
    client, pipeline = _ingesting_client(tmp_path, ingest_wait=30.0)
    with client as test_client:
        yield test_client, pipeline


@pytest.fixture
def ingesting_briefly(tmp_path):
    client, pipeline = _ingesting_client(tmp_path, ingest_wait=0.2)
    with client as test_client:
        yield test_client, pipeline
        pipeline.release.set()


def test_ingest_stores_through_the_writer_thread(ingesting):
    client, pipeline = ingesting
    response = client.post("/api/articles", json={"text": "A new report.", "title": "New",
                                                   "published": "2024-07-01"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "stored" and body["events"] == 0
    assert pipeline.threads == {"eventwire-writer"}
    assert client.get(f"/api/articles/{body['article_id']}").json()["published"] == "2024-07-01"
    assert client.get("/api/health").json()["ingest"] is True


def test_ingest_failure_and_slow_articles(ingesting_briefly):
    client, _ = ingesting_briefly
    assert_error(client.post("/api/articles", json={"text": "CRASH"}), 422, "E003")
    assert_error(client.post("/api/articles", json={"text": ""}), 422, "invalid_request")
    assert_error(client.post("/api/articles", json={"text": "x", "extra": 1}), 422, "invalid_request")
    slow = client.post("/api/articles", json={"text": "SLOW one"})
    assert slow.status_code == 202 and slow.json()["status"] == "queued"
