"""Issue 9, case 7: URL ingestion never reaches inside the network.

No real network: ``httpx.MockTransport`` answers and records every request, a dictionary
stands in for DNS. ``tests/test_fetch.py`` covers the fetcher's basics; here every internal
address form, every redirect into one, and the whole ingest path (refusals recorded in the
store, the public page beside them stored).
"""

from __future__ import annotations

import httpx
import pytest

from corpus_fakes import FakePipeline
from eventwire.corpus.ingest import ingest_sources
from eventwire.errors import InputError
from eventwire.io.fetch import Fetcher
from eventwire.store import Store

PUBLIC = "93.184.216.34"
PAGE = ("<html><head><title>Talks</title></head><body><article><p>"
        + "Seoul and Washington held talks on Monday about North Korea. " * 4
        + "</p></article></body></html>")
DNS = {
    "news.example": [PUBLIC],
    "rebind.example": ["10.1.2.3"],
    "metadata.example": ["169.254.169.254"],
    "six.example": ["::1"],
    "ula.example": ["fd00::1"],
    "half.example": [PUBLIC, "192.168.0.10"],
    "localhost": ["127.0.0.1", "::1"],
}

INTERNAL_URLS = [
    "http://127.0.0.1/",
    "http://127.1.2.3:8080/admin",
    "http://[::1]/",
    "http://[::1]:8000/api/health",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://0.0.0.0/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped loopback
    "http://[::ffff:169.254.169.254]/",
    "http://[fd00::1]/",  # unique local
    "http://224.0.0.1/",  # multicast
    "http://240.0.0.1/",  # reserved
    "http://localhost/",
    "http://rebind.example/",
    "http://metadata.example/computeMetadata/v1/",
    "http://six.example/",
    "http://ula.example/",
    "http://half.example/",  # one internal answer among public ones is enough to refuse
    "file:///etc/passwd",
    "ftp://news.example/x",
    "gopher://127.0.0.1:6379/_INFO",
]


def resolver(host: str, port: int) -> list[str]:
    if host not in DNS:
        raise OSError(f"cannot resolve {host}")
    return DNS[host]


def fetcher(routes: dict, seen: list) -> Fetcher:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        route = routes.get((request.headers["host"], request.url.path))
        return route if route is not None else httpx.Response(404)

    return Fetcher(transport=httpx.MockTransport(handler), resolver=resolver)


@pytest.mark.parametrize("url", INTERNAL_URLS)
def test_case07_internal_addresses_are_refused_before_any_request(url):
    """Case 7: loopback, [::1], 169.254.169.254, private, CGNAT, unspecified, mapped, ULA,
    multicast, reserved ranges and non-http schemes: refused, no request made."""
    seen: list = []
    with pytest.raises(InputError, match="refused") as refused:
        fetcher({}, seen).fetch(url)
    assert seen == []
    assert refused.value.source == url


@pytest.mark.parametrize("target", [
    "http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/", "http://192.168.1.1/", "http://localhost:8000/", "http://rebind.example/",
    "file:///etc/passwd",
])
def test_case07_redirects_into_the_network_are_refused(target):
    """Case 7: a public page that redirects (301/302/303/307/308) to an internal address:
    the hop is refused and never requested."""
    for status in (301, 302, 303, 307, 308):
        seen: list = []
        routes = {("news.example", "/go"): httpx.Response(status, headers={"location": target})}
        with pytest.raises(InputError, match="refused"):
            fetcher(routes, seen).fetch("https://news.example/go")
        assert [r.url.host for r in seen] == [PUBLIC], status


def test_case07_a_chain_of_public_redirects_ending_inside_is_refused():
    """Case 7: the check is made at every hop, not only the first."""
    seen: list = []
    routes = {("news.example", "/1"): httpx.Response(302, headers={"location": "/2"}),
              ("news.example", "/2"): httpx.Response(302, headers={"location": "http://metadata.example/x"})}
    with pytest.raises(InputError, match="169.254.169.254"):
        fetcher(routes, seen).fetch("https://news.example/1")
    assert len(seen) == 2 and all(r.url.host == PUBLIC for r in seen)


def test_case07_ingest_of_internal_urls_records_each_refusal_and_stores_the_public_page(tmp_path):
    """Case 7 end to end: ``ingest`` over a URL list with internal URLs and one public page:
    the refusals are skipped with their reasons in ``failures``, the page is stored, and
    nothing but the public address was ever asked."""
    listing = tmp_path / "sources.urls"
    listing.write_text("\n".join(["https://news.example/a", "http://127.0.0.1/", "http://[::1]/",
                                  "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                                  "https://news.example/redirect"]) + "\n")
    seen: list = []
    routes = {("news.example", "/a"): httpx.Response(200, content=PAGE.encode(),
                                                     headers={"content-type": "text/html"}),
              ("news.example", "/redirect"): httpx.Response(302, headers={"location": "http://192.168.0.1/"})}
    with Store.open(tmp_path / "web.duckdb") as store:
        summary = ingest_sources([str(listing)], FakePipeline(), store, fetcher=fetcher(routes, seen))
        failures = store.failures()
        stored = store.counts()["articles"]
    assert stored == 1 and summary.skipped == 5
    assert {f["origin"] for f in failures} == {
        "http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/", "https://news.example/redirect"}
    assert all("refused" in f["reason"] for f in failures)
    assert {r.url.host for r in seen} == {PUBLIC}
