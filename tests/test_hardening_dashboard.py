"""Issue 9, case 8: script payloads in every field are inert in every dashboard view.

Playwright drives Debian's Chromium (never a downloaded browser), with the
session's ``browser`` fixture (``tests/conftest.py``). The store holds the hand-made desk articles plus one whose title,
source, URL, text, actor and place names, evidence, quote and speaker all carry payloads
(``<script>``, ``onerror=``, ``javascript:`` URLs, attribute break-outs). Every view is
visited, hovered and clicked with a dialog listener; no dialog may open, no element from the
data may carry a handler, and no link may point at ``javascript:``.
"""

from __future__ import annotations

import os
import shutil

import pytest

pytest.importorskip("playwright")

from desk_data import all_documents, entity, event, span
from eventwire.api import create_app
from eventwire.model import Article, Quote, content_hash
from eventwire.store import Store
from hardening_support import ThreadServer

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")

if not shutil.which(CHROMIUM):
    pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)

P = {  # one payload per field, each calling alert with its own tag
    "title": '"><svg onload=alert("title")><script>alert("title2")</script>',
    "source": "<img src=x onerror=alert('source')>",
    "url": "javascript:alert('url')",
    "actor": "\"' onmouseover=alert('actor') x=\"<img src=x onerror=alert('actor2')>",
    "place": "<img src=x onerror=alert('place')>Dakar",
    "speaker": "<iframe src=javascript:alert('speaker')></iframe>",
}
TEXT = ("<script>alert('text')</script> Officials in <img src=x onerror=alert('t2')> Dakar said "
        "France accused Senegal of <a href=\"javascript:alert('t3')\">meddling</a>. "
        "\"<style>*{}</style><img src=x onerror=alert('quote')>,\" said the envoy.")


def hostile_records() -> list:
    article = Article.create(TEXT, title=P["title"], published="2024-04-02", source=P["source"],
                             url=P["url"])
    france = entity(TEXT, "France", "FRA", name=P["actor"])
    senegal = entity(TEXT, "Senegal", "SEN", name=P["actor"])
    accuse = event(article, "ACCUSE", "accused", [france], [senegal], date="2024-04-02",
                   place=("Dakar", "SEN", 14.7, -17.4), claimed_by=[france], mode="<b>mode</b>",
                   context=("<i>ctx</i>",))
    accuse.location.name = P["place"]
    start, end = span(TEXT, "<style>*{}</style><img src=x onerror=alert('quote')>,")
    speaker = entity(TEXT, "the envoy", "FRA", name=P["speaker"])
    quote = Quote(quote_id=content_hash("quote", article.article_id, start), article_id=article.article_id,
                  speaker=speaker, cue="said", text=TEXT[start:end], start=start, end=end, direct=True)
    return [article, accuse, quote]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile-dashboard") / "hostile.duckdb"
    with Store.open(path) as store:
        store.write([*all_documents(), hostile_records()])
    with ThreadServer(create_app(path)) as server:
        yield server.base


INJECTED = """() => {
  const main = document.querySelector('main') || document.body;
  const all = [...main.querySelectorAll('*')];
  return {
    handlers: all.filter(n => [...n.attributes].some(a => a.name.startsWith('on'))).map(n => n.outerHTML.slice(0, 80)),
    tags: [...main.querySelectorAll('script, iframe, img, style, object, embed, [onload]')]
      .map(n => n.outerHTML.slice(0, 80)),
    scripts: [...document.querySelectorAll('script')].map(s => s.getAttribute('src')),
    javascriptLinks: [...document.querySelectorAll('[href], [src], [xlink\\\\:href]')]
      .map(n => n.getAttribute('href') || n.getAttribute('src') || '')
      .filter(v => v.trim().toLowerCase().startsWith('javascript:')),
  };
}"""


def test_case08_payloads_are_inert_in_every_view(browser, site):
    """Case 8: every view (events table, article with spans, event detail, quotes, article
    search, dyad with hostile parameters, map, network) shows the payloads as text; no dialog
    opens, no data element carries a handler, no javascript: link exists, and the only
    scripts are the dashboard's own."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=site)
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    article_id = hostile_records()[0].article_id
    injected_names = set()

    def visit(fragment: str) -> None:
        page.goto(f"/{fragment}")
        page.wait_for_selector("body[data-ready=true]")
        page.wait_for_timeout(150)
        found = page.evaluate(INJECTED)
        assert found["handlers"] == [], (fragment, found["handlers"])
        assert found["tags"] == [], (fragment, found["tags"])
        assert found["javascriptLinks"] == [], (fragment, found["javascriptLinks"])
        assert all(src and src.startswith("/static/") for src in found["scripts"]), found["scripts"]
        injected_names.add(fragment)

    def hover_and_click_all(selector: str, limit: int = 8, click: bool = True) -> None:
        items = page.locator(selector)
        for index in range(min(items.count(), limit)):
            items.nth(index).hover()
            if click:
                items.nth(index).click()
            page.wait_for_timeout(50)

    visit("#/events?actor=FRA")
    assert P["actor"] in page.text_content("#events-table")
    hover_and_click_all("#events-table td", limit=20, click=False)
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_timeout(200)
    visit(f"#/article/{article_id}")
    assert page.text_content("#article-title") == P["title"]
    assert page.text_content("#article-text") == TEXT
    assert P["url"] in page.text_content("main")  # shown as text, not a link
    hover_and_click_all("#article-events li")
    page.wait_for_selector("#event-detail .detail")
    assert P["place"] in page.text_content("#event-detail")
    hover_and_click_all("#article-text [data-spans]", limit=20)
    visit("#/articles?q=dakar")
    assert P["title"] in page.text_content(".article-list")
    hover_and_click_all(".article-list li", click=False)
    visit("#/dyad?actor=FRA&recipient=SEN&interval=day")
    hover_and_click_all("#dyad-chart g.period")
    visit("#/dyad?" + "actor=%3Cimg%20src%3Dx%20onerror%3Dalert('dyad')%3E&recipient=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
    visit("#/events?q=%3Cscript%3Ealert('filter')%3C%2Fscript%3E&actor=%22onfocus%3Dalert(1)%20autofocus%3D%22")
    visit("#/map")
    hover_and_click_all("#world-map circle.place", limit=20)
    visit("#/network?actor=FRA")
    hover_and_click_all("#network g.node", click=False)
    visit(f"#/article/{article_id}%3Cimg%20src%3Dx%20onerror%3Dalert('id')%3E")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert len(injected_names) >= 9
    context.close()


def test_case08_responses_carry_a_script_policy_and_json_is_not_html(site):
    """Case 8, server side: every page and API answer carries the CSP and nosniff, and data
    comes back as JSON (never as text/html a browser would render)."""
    import urllib.request

    article_id = hostile_records()[0].article_id
    for path in ("/", f"/api/articles/{article_id}", "/api/events?actor=FRA", "/api/nowhere"):
        request = urllib.request.Request(f"{site}{path}")
        try:
            answer = urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:
            answer = error
        headers = answer.headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        if path != "/":
            assert headers["content-type"].startswith("application/json")
