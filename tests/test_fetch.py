"""The guarded fetcher and the web readers (feeds, URL lists), with no network at all:
httpx.MockTransport answers, a dictionary stands in for DNS."""

from __future__ import annotations

import httpx
import pytest

from eventwire.errors import InputError
from eventwire.io.fetch import Fetcher, refusal_reason
from eventwire.io.readers import read_sources
from eventwire.model import Article

PAGE = ("<html><head><title>Talks in Seoul</title><meta name='author' content='Jane Doe'></head>"
        "<body><article><p>" + "Seoul and Washington held talks on Monday about North Korea. " * 4
        + "</p></article></body></html>")
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks</title><link>https://news.example/talks</link>
<pubDate>Mon, 17 Jun 2024 08:00:00 GMT</pubDate><description>Short summary.</description></item>
</channel></rss>"""
DNS = {"news.example": ["93.184.216.34"], "inside.example": ["10.0.0.5"],
       "mixed.example": ["93.184.216.34", "127.0.0.1"], "meta.example": ["169.254.169.254"]}


def resolver(host: str, port: int) -> list[str]:
    if host not in DNS:
        raise OSError(f"cannot resolve {host}")
    return DNS[host]


def make_fetcher(routes: dict, seen: list | None = None, **limits) -> Fetcher:
    """Routes by (Host header, path) → response; every request is noted in ``seen``."""
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        route = routes.get((request.headers["host"], request.url.path))
        if route is None:
            return httpx.Response(404)
        return route() if callable(route) else route

    return Fetcher(transport=httpx.MockTransport(handler), resolver=resolver, **limits)


def html(body: str = PAGE, **headers) -> httpx.Response:
    return httpx.Response(200, content=body.encode(), headers={"content-type": "text/html", **headers})


def test_fetch_goes_to_the_checked_address_with_the_original_host():
    seen = []
    fetched = make_fetcher({("news.example", "/a"): html()}, seen).fetch("https://news.example/a")
    assert fetched.data.startswith(b"<html>")
    assert seen[0].url.host == "93.184.216.34"  # pinned: no second DNS answer is used
    assert seen[0].headers["host"] == "news.example"
    assert seen[0].extensions["sni_hostname"] == "news.example"


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1/admin", "loopback"),
    ("http://[::1]/", "loopback"),
    ("http://inside.example/", "private"),
    ("http://meta.example/latest/meta-data", "link-local"),
    ("http://mixed.example/", "loopback"),
    ("http://[::ffff:10.0.0.1]/", "private"),
    ("file:///etc/passwd", "only http and https"),
    ("http://unknown.example/", "cannot resolve"),
])
def test_internal_and_odd_urls_are_refused(url, reason):
    seen = []
    with pytest.raises(InputError, match=reason):
        make_fetcher({}, seen).fetch(url)
    assert seen == []  # refused before any request


def test_a_redirect_into_the_network_is_refused():
    routes = {("news.example", "/a"): httpx.Response(302, headers={"location": "http://inside.example/x"})}
    with pytest.raises(InputError, match="inside.example resolves to a private address"):
        make_fetcher(routes).fetch("https://news.example/a")


def test_redirects_are_followed_and_limited():
    routes = {("news.example", "/a"): httpx.Response(301, headers={"location": "/b"}),
              ("news.example", "/b"): html()}
    fetched = make_fetcher(routes).fetch("https://news.example/a")
    assert fetched.final_url == "https://news.example/b"
    loop = {("news.example", "/a"): httpx.Response(302, headers={"location": "/a"})}
    with pytest.raises(InputError, match="more than 2 redirects"):
        make_fetcher(loop, max_redirects=2).fetch("https://news.example/a")


def test_size_cap_declared_and_streamed():
    big = {("news.example", "/a"): html("x" * 2000)}
    with pytest.raises(InputError, match="too large"):
        make_fetcher(big, max_bytes=1000).fetch("https://news.example/a")

    def undeclared():
        return httpx.Response(200, content=iter([b"y" * 600, b"y" * 600]),
                              headers={"content-type": "text/html"})

    with pytest.raises(InputError, match="too large"):
        make_fetcher({("news.example", "/s"): undeclared}, max_bytes=1000).fetch("https://news.example/s")


def test_timeouts_and_http_errors_are_input_errors():
    def slow():
        raise httpx.ReadTimeout("timed out")

    with pytest.raises(InputError, match="ReadTimeout"):
        make_fetcher({("news.example", "/a"): slow}).fetch("https://news.example/a")
    with pytest.raises(InputError, match="HTTP 404"):
        make_fetcher({}).fetch("https://news.example/missing")


def test_refusal_reason_for_public_and_special_addresses():
    assert refusal_reason("93.184.216.34") is None
    assert "private" in refusal_reason("192.168.1.1")
    assert "link-local" in refusal_reason("fe80::1")
    assert refusal_reason("100.64.0.1") is not None  # carrier-grade NAT is not public


def test_url_list_file_reads_each_page_and_reports_refusals(tmp_path):
    listing = tmp_path / "sources.urls"
    listing.write_text("# today's pages\nhttps://news.example/a\n\nhttp://inside.example/x\nnot a url\n")
    fetcher = make_fetcher({("news.example", "/a"): html()})
    items = list(read_sources([str(listing)], fetcher=fetcher))
    article, refused, bad = items
    assert isinstance(article, Article)
    assert article.title == "Talks in Seoul" and article.author == "Jane Doe"
    assert article.url == "https://news.example/a"
    assert isinstance(refused, InputError) and "private" in refused.reason
    assert isinstance(bad, InputError) and bad.line == 5


def test_feed_url_with_links_followed(tmp_path):
    routes = {("news.example", "/feed"): httpx.Response(200, content=FEED.encode(),
                                                        headers={"content-type": "application/rss+xml"}),
              ("news.example", "/talks"): html()}
    fetcher = make_fetcher(routes)
    summary_only = list(read_sources(["https://news.example/feed"], fetcher=fetcher))
    assert summary_only[0].text == "Short summary." and summary_only[0].published == "2024-06-17"
    followed = list(read_sources(["https://news.example/feed"], fetcher=fetcher, follow_links=True))
    assert "held talks on Monday" in followed[0].text
    assert followed[0].published == "2024-06-17" and followed[0].source == "Wire"
