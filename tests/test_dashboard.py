"""The dashboard in a real browser: Playwright driving Debian's Chromium (never a downloaded one).

The store holds the example corpus, processed by the real pipeline, plus hand-made articles
(emoji before every span; script payloads in title and text). A uvicorn server on 127.0.0.1
serves it for the session. Screenshots of each view go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("playwright")
pytest.importorskip("uvicorn")

from desk_data import EMOJI_TEXT, VISIT_TEXT, XSS_TITLE, all_documents
from eventwire.model import Article

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000

if not shutil.which(CHROMIUM):
    pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory, pipeline):
    from eventwire.io.readers import read_sources
    from eventwire.store import Store

    path = tmp_path_factory.mktemp("dashboard") / "desk.duckdb"
    articles = [a for a in read_sources([str(ROOT / "examples" / "articles.jsonl")])
                if isinstance(a, Article)]
    assert len(articles) >= 20
    with Store.open(path) as store:
        store.write([doc.records() for doc in pipeline.pipe(articles)])
        store.write(all_documents())
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(dashboard_db):
    import uvicorn

    from eventwire.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(dashboard_db), host="127.0.0.1", port=port,
                            log_level="warning", limit_concurrency=32)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("console", lambda message: problems.append(f"console: {message.text}")
              if message.type == "error" else None)
    opened.problems = problems
    yield opened
    context.close()


def visit(page, fragment: str = "") -> None:
    page.goto(f"/{fragment}")
    page.wait_for_selector("body[data-ready=true]")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def event_count(page) -> int:
    return int(page.text_content("#event-count").split()[0])


def test_dashboard_loads_the_example_corpus(page):
    visit(page)
    assert "articles" in page.text_content("#stats")
    assert event_count(page) > 100
    assert page.locator("tr.event-row").count() == 50
    assert page.problems == []
    screenshot(page, "events")


def test_filtering_by_actor_narrows_the_table(page):
    visit(page)
    everything = event_count(page)
    page.fill("#filters input[name=actor]", "RUS")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('actor=RUS')")
    page.wait_for_selector("body[data-ready=true]")
    narrowed = event_count(page)
    assert 0 < narrowed < everything
    actors = page.locator("#events-table td.actor-cell").evaluate_all(
        "cells => cells.map(c => c.title + ' ' + c.textContent)")
    assert actors and all("RUS" in actor or "rus" in actor.lower() for actor in actors)
    csv_link = page.get_attribute("#export-csv", "href")
    assert "actor=RUS" in csv_link
    exported = page.request.get(csv_link)
    assert exported.status == 200 and len(exported.text().strip().splitlines()) == narrowed + 1
    screenshot(page, "events-filtered")


# Read each highlighted span back from the page: the text of its segments, and how many
# code points of the article text come before its first segment.
READ_SPAN = """([container, key]) => {
  const root = document.querySelector(container);
  const parts = [...root.querySelectorAll('[data-spans]')]
    .filter(node => node.dataset.spans.split(' ').includes(key));
  if (!parts.length) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = '';
  for (let node = walker.nextNode(); node && !parts[0].contains(node); node = walker.nextNode()) {
    before += node.data;
  }
  return {text: parts.map(p => p.textContent).join(''), start: Array.from(before).length};
}"""


def expected_spans(records: list[dict]) -> dict[str, tuple[int, int]]:
    """kind-start-end keys (as the dashboard names them) for every span in the records."""
    spans = {}
    for record in records:
        if record["kind"] == "event":
            for role in ("actor", "recipient", "claimed_by", "denied_by"):
                for entity in record[role]:
                    spans[f"actor-{entity['start']}-{entity['end']}"] = (entity["start"], entity["end"])
            evidence = record["evidence"]
            spans[f"trigger-{evidence['start']}-{evidence['end']}"] = (evidence["start"], evidence["end"])
            for kind, part in (("date", record["date"]), ("place", record["location"])):
                if part and part.get("start") is not None and part["end"] > part["start"]:
                    spans[f"{kind}-{part['start']}-{part['end']}"] = (part["start"], part["end"])
        elif record["kind"] == "quote":
            spans[f"quote-{record['start']}-{record['end']}"] = (record["start"], record["end"])
    return spans


def assert_highlights_exact(page, text: str, records: list[dict]) -> int:
    spans = expected_spans(records)
    assert spans
    for key, (start, end) in spans.items():
        found = page.evaluate(READ_SPAN, ["#article-text", key])
        assert found is not None, f"no highlight {key}"
        assert found == {"text": text[start:end], "start": start}, key
    return len(spans)


def test_highlights_sit_on_exact_characters_after_emoji(page):
    records = [r.to_dict() for r in all_documents()[1]]
    article = records[0]
    assert len(EMOJI_TEXT.encode("utf-16-le")) // 2 > len(EMOJI_TEXT)  # non-BMP characters present
    visit(page, f"#/article/{article['article_id']}")
    assert page.text_content("#article-text") == EMOJI_TEXT
    checked = assert_highlights_exact(page, EMOJI_TEXT, records)
    assert checked >= 6  # actors, triggers, date, place
    page.click("#article-events li >> nth=0")
    detail = page.text_content("#event-detail")
    assert "3 May 2024" in detail and "Kharkiv" in detail
    assert page.locator("#article-text .hl.focus").count() >= 4
    screenshot(page, "article-emoji")


def test_highlights_of_a_processed_example_article(page, server):
    visit(page, "#/articles?q=pyongyang")
    page.click(".article-list a.article-link >> nth=0")
    page.wait_for_selector("#article-text")
    page.wait_for_selector("body[data-ready=true]")
    article_id = page.evaluate("decodeURIComponent(location.hash.split('/')[2].split('?')[0])")
    article = page.request.get(f"{server}/api/articles/{article_id}").json()
    events = page.request.get(f"{server}/api/events?article_id={article_id}&limit=500").json()["items"]
    quotes = page.request.get(f"{server}/api/quotes?article_id={article_id}&limit=500").json()["items"]
    assert events
    assert assert_highlights_exact(page, article["text"], events + quotes) >= len(events)


def test_clicking_an_event_shows_evidence_claims_and_reasoning(page):
    article_id = Article.create(VISIT_TEXT).article_id
    visit(page, f"#/article/{article_id}")
    page.click("#article-events li:has-text('AID')")
    detail = page.text_content("#event-detail")
    assert "supplying Moscow with artillery" in detail
    assert "Claimed byUnited States (USAGOV); South Korea (KORGOV)" in detail
    assert "Denied byNorth Korea (PRKGOV); Russia (RUSGOV)" in detail
    assert "publication date stands in" in detail
    page.click("#article-events li:has-text('CONSULT')")
    detail = page.text_content("#event-detail")
    assert "from the words “June 18”" in detail and "Pyongyang, PRK at 39.03, 125.75" in detail
    assert "future" in detail
    screenshot(page, "article-event")


def test_script_payloads_are_shown_as_text_and_never_run(page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    xss = [r.to_dict() for r in all_documents()[2]]
    visit(page, f"#/article/{xss[0]['article_id']}")
    page.click("#article-events li >> nth=0")
    page.wait_for_selector("#event-detail .detail")
    assert page.text_content("#article-title") == XSS_TITLE
    assert "<script>alert(2)</script>" in page.text_content("#article-text")
    assert "<b onmouseover=alert(3)>Mali</b>" in page.text_content("#event-detail")
    injected = page.evaluate(
        "document.querySelectorAll('main script, main img, main b, main [onerror], main [onmouseover]').length")
    assert injected == 0
    screenshot(page, "article-script-payloads")
    page.hover("#article-text")
    visit(page, "#/events?actor=FRA")
    page.hover("#events-table tbody tr")
    visit(page, "#/articles?q=bamako")
    assert XSS_TITLE in page.text_content(".article-list")
    page.wait_for_timeout(300)
    assert dialogs == []


def test_dyad_view_draws_the_timeline_and_lists_a_periods_events(page):
    visit(page, "#/dyad?actor=RUS&recipient=UKR&interval=month")
    periods = page.locator("#dyad-chart g.period")
    assert periods.count() >= 4
    january = page.locator("#dyad-chart g.period[data-period='2024-01-01']")
    january.click()
    page.wait_for_selector("#dyad-events table")
    assert page.text_content("#dyad-events h3") == "2024-01-01 – 2024-01-31: 2 events"
    assert page.locator("#dyad-events tr.event-row").count() == 2
    screenshot(page, "dyad")


def test_map_shows_the_outline_and_places_by_quad_class(page):
    visit(page, "#/map")
    assert page.locator("#world-map path.land").count() > 150
    places = page.locator("#world-map circle.place")
    assert places.count() >= 5
    assert len(set(places.evaluate_all("nodes => nodes.map(n => n.dataset.quad)"))) >= 2
    places.last.click()  # drawn last, so never under another circle
    page.wait_for_selector("#map-events table")
    screenshot(page, "map")


def test_network_follows_the_filter(page):
    visit(page, "#/network")
    everyone = page.locator("#network g.node").count()
    assert everyone > 5 and page.locator("#network line.edge").count() > 5
    screenshot(page, "network")
    visit(page, "#/network?type=ASSAULT")
    assert 0 < page.locator("#network g.node").count() < everyone
    page.click("#network g.node[data-actor=RUS]")
    page.wait_for_function("location.hash.startsWith('#/events') && location.hash.includes('actor=RUS')")
    page.wait_for_selector("body[data-ready=true]")
    assert event_count(page) > 0


def test_articles_search_view(page):
    visit(page, "#/articles?q=sanctions")
    assert page.locator(".article-list li").count() > 0
    assert page.problems == []
    screenshot(page, "articles")
