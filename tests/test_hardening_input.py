"""Issue 9, hostile and broken input files: cases 1-6.

Each test names the case it proves. Everything runs through the public reader
(``read_sources``) or the processing loop (``run``) with a store, so that "skipped with a
reason" means: an ``InputError`` naming the input and the reason, a row in ``failures``, and
the other documents of the same run stored.
"""

from __future__ import annotations

import gzip
import io
import json
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from corpus_fakes import FakePipeline
from eventwire.errors import InputError
from eventwire.io import readers
from eventwire.io.readers import read_sources
from eventwire.model import Article
from eventwire.run import run
from eventwire.store import Store

GOOD = "Russia visited China for talks on trade. Officials said the talks went well."
PAGE = ("<html><head><title>Talks</title></head><body><article><p>"
        + "Seoul and Washington held talks on Monday about North Korea. " * 4
        + "</p></article></body></html>")


def read(*paths) -> list:
    return list(read_sources([str(p) for p in paths]))


def reasons(items) -> list[str]:
    return [item.reason for item in items if isinstance(item, InputError)]


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def run_into_store(tmp_path, paths) -> tuple[object, list[dict], int]:
    """Run the loop over ``paths`` into a fresh store: (summary, failures, stored articles)."""
    with Store.open(tmp_path / "h.duckdb") as store:
        summary = run(read_sources([str(p) for p in paths]), FakePipeline(), store)
        return summary, store.failures(), store.counts()["articles"]


def good_file(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    return path


# --- case 1: oversized input ----------------------------------------------------------------

def test_case01_a_50mb_html_file_is_refused_unread_and_the_run_goes_on(tmp_path):
    """Case 1: a 50 MB HTML file → 'too large', named; the other file is stored."""
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50 * 1024 * 1024)
    summary, failures, stored = run_into_store(tmp_path, [big, good_file(tmp_path)])
    assert stored == 1 and summary.skipped == 1
    assert failures[0]["origin"] == str(big)
    assert failures[0]["reason"] == "too large (52,428,800 bytes; the limit is 5 MB a document)"


def test_case01_a_huge_jsonl_line_is_refused_without_reading_it_into_memory(tmp_path):
    """Case 1: a 40 MB JSONL line between two good ones: refused with its line number, memory
    stays far below the line's size, both neighbours are read."""
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(json.dumps({"text": GOOD}).encode() + b"\n")
        handle.write(b'{"text": "')
        chunk = b"x" * (1 << 20)
        for _ in range(40):
            handle.write(chunk)
        handle.write(b'"}\n')
        handle.write(json.dumps({"text": GOOD + " Again."}).encode() + b"\n")
    tracemalloc.start()
    try:
        items = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(articles(items)) == 2
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.line == 2 and error.reason.startswith("too large (41,943,053 bytes")
    assert peak < 16 * 1024 * 1024, f"peak {peak:,} bytes: the line was held in memory"
    assert readers.estimate_documents([str(path)]) == 3


def test_case01_oversized_stdin_text_is_refused(monkeypatch):
    """Case 1: stdin beyond the limit is refused after reading just past the limit."""
    class Stdin:
        buffer = io.BytesIO(b"word " * (readers.MAX_DOCUMENT_BYTES // 5 + 10))

    monkeypatch.setattr("sys.stdin", Stdin)
    (error,) = read("-")
    assert isinstance(error, InputError) and error.reason.startswith("too large")


def test_case01_jsonl_on_stdin_is_read_line_by_line(monkeypatch):
    """Case 1: JSONL on stdin streams (a huge line among good ones is refused alone)."""
    lines = [json.dumps({"text": GOOD}), '{"text": "' + "y" * (readers.MAX_DOCUMENT_BYTES + 10) + '"}',
             json.dumps({"text": GOOD + " More."})]

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO("\n".join(lines).encode()))

    monkeypatch.setattr("sys.stdin", Stdin)
    items = read("-")
    assert len(articles(items)) == 2 and reasons(items)[0].startswith("too large")


def test_case01_a_text_longer_than_the_pipeline_takes_is_skipped_before_it(tmp_path, monkeypatch):
    """Case 1: a text within the byte limit but over spaCy's 1,000,000 characters is skipped
    with its reason before the pipeline (it would fail the whole parsing batch)."""
    long_text = tmp_path / "long.txt"
    long_text.write_text("Talks. " * 150_000)  # 1,050,000 characters
    summary, failures, stored = run_into_store(tmp_path, [long_text, good_file(tmp_path)])
    assert stored == 1
    assert "text too long for the pipeline (1,050,000 characters" in failures[0]["reason"]


# --- case 2: gzip bombs and truncated WARC files ----------------------------------------------

def _warc_record(url: str, payload: bytes, content_type: str = "text/html", headers=()) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type), *headers], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                  http_headers=http))
    return stream.getvalue()


def _page(number: int) -> bytes:
    return (f"<html><head><title>Page {number}</title></head><body><article><p>"
            + f"Report {number}: Tokyo and Seoul agreed to hold talks. " * 3
            + "</p></article></body></html>").encode()


def _gzip_bomb(megabytes: int) -> bytes:
    """``megabytes`` MB of spaces, gzip-compressed (about 1,000:1)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (1 << 20)
    parts = [compressor.compress(b"<html><body>")]
    parts += [compressor.compress(block) for _ in range(megabytes)]
    return b"".join(parts) + compressor.flush()


def _bomb_member(url: str, megabytes: int) -> bytes:
    """A gzip member holding one WARC record whose body is ``megabytes`` MB of spaces,
    written streaming (the bomb is never built uncompressed)."""
    body_size = megabytes << 20
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n"
    header = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
              f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
              f"WARC-Date: 2024-06-17T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
              f"Content-Length: {len(http) + body_size}\r\n\r\n").encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress(header + http)]
    block = b" " * (1 << 20)
    parts += [compressor.compress(block) for _ in range(megabytes)]
    parts.append(compressor.compress(b"\r\n\r\n"))
    parts.append(compressor.flush())
    return b"".join(parts)


def test_case02_gzip_bomb_in_a_warc_payload_is_capped_and_its_neighbours_kept(tmp_path):
    """Case 2: an HTTP payload with Content-Encoding: gzip inflating to 300 MB is read only up
    to the document limit and reported; the pages before and after it are kept."""
    data = (_warc_record("https://a.example/1", _page(1))
            + _warc_record("https://a.example/bomb", _gzip_bomb(300), headers=[("Content-Encoding", "gzip")])
            + _warc_record("https://a.example/2", _page(2)))
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(data)
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    try:
        items = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.title for a in articles(items)] == ["Page 1", "Page 2"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.source.endswith("bomb.warc.gz#2") and "too large (over 5,242,880 bytes once decoded" in error.reason
    assert peak < 128 * 1024 * 1024 and time.monotonic() - started < 20


def test_case02_gzip_bomb_as_a_warc_record_is_capped(tmp_path, monkeypatch):
    """Case 2: a WARC.gz member inflating to a record larger than the record limit: the
    records before are kept and the reading stops with the reason (not minutes of inflating)."""
    monkeypatch.setattr(readers, "MAX_WARC_RECORD_BYTES", 64 * 1024 * 1024)
    path = tmp_path / "records.warc.gz"
    path.write_bytes(_warc_record("https://a.example/1", _page(1)) + _bomb_member("https://a.example/big", 100)
                     + _warc_record("https://a.example/2", _page(2)))
    items = read(path)
    assert [a.title for a in articles(items)] == ["Page 1"]
    assert "declares 104,857,644 bytes (the limit is 67,108,864); the rest of the file is not read" in reasons(items)[0]


def test_case02_oversized_record_under_the_record_limit_is_passed_over(tmp_path):
    """Case 2: a 40 MB HTML record is refused as too large and read through (bounded memory);
    the following page is kept."""
    path = tmp_path / "big.warc.gz"
    path.write_bytes(_bomb_member("https://a.example/big", 40) + _warc_record("https://a.example/2", _page(2)))
    items = read(path)
    assert [a.title for a in articles(items)] == ["Page 2"]
    assert reasons(items)[0].startswith("too large")


def test_case02_truncated_warc_gz_keeps_the_whole_records_and_reports_the_cut(tmp_path):
    """Case 2: a WARC.gz cut inside its last member: the whole records are kept, the cut is
    reported; a record cut short in an uncompressed WARC is reported too."""
    whole = b"".join(_warc_record(f"https://a.example/{i}", _page(i)) for i in range(3))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:-150])
    items = read(cut)
    assert [a.title for a in articles(items)] == ["Page 0", "Page 1"]
    assert reasons(items)[0].startswith("truncated or corrupt after byte")

    plain = gzip.decompress(_warc_record("https://a.example/p", _page(5)))
    short = tmp_path / "short.warc"
    short.write_bytes(plain[:-60])
    items = read(short)
    assert any("truncated WARC record" in r for r in reasons(items))


# --- case 3: binary garbage, empty documents, NUL bytes ---------------------------------------

@pytest.mark.parametrize("name, content, reason", [
    ("garbage.txt", bytes(range(256)) * 40, "binary file"),
    ("nul.txt", b"Russia visited China.\x00\x00 More text.", "binary file"),
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b" \n\t\r\n ", "empty document"),
    ("garbage.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary file"),
    ("empty.html", b"<html><body></body></html>", "no article text found in the HTML"),
    ("nul.jsonl", b'{"text": "Russia visited\\u0000 China."}\n', "binary content (NUL characters in the text)"),
    ("blank.jsonl", b'{"text": "   "}\n', "no non-empty 'text' field"),
    ("surrogate.jsonl", b'{"text": "Russia \\ud800 visited China."}\n', "not valid Unicode (a lone surrogate at character 7)"),
    ("control.jsonl", json.dumps({"text": "\u0001\u0002\u0003" * 50}).encode() + b"\n", "binary content (mostly unprintable characters)"),
    ("title.jsonl", json.dumps({"text": GOOD, "title": "a\u0000b"}).encode() + b"\n", "'title': binary content (NUL characters in the text)"),
    ("garbage.rss", bytes(range(256)) * 10, "not an RSS or Atom feed"),
    ("garbage.warc.gz", b"\x1f\x8b" + bytes(range(256)) * 10, "cannot parse"),
])
def test_case03_garbage_empty_and_nul_documents_are_skipped_with_a_reason(tmp_path, name, content, reason):
    """Case 3: each bad document is skipped with its reason, recorded in ``failures``, and
    the good document of the same run is stored."""
    bad = tmp_path / name
    bad.write_bytes(content)
    summary, failures, stored = run_into_store(tmp_path, [bad, good_file(tmp_path)])
    assert stored == 1 and summary.skipped == 1, failures
    assert failures[0]["origin"].startswith(str(bad))
    assert failures[0]["reason"].startswith(reason), failures[0]["reason"]


# --- case 4: character sets -------------------------------------------------------------------

RUSSIAN = "Президент России Владимир Путин посетит Пхеньян во вторник, сообщили в Кремле. " * 2
JAPANESE = "ロシアのプーチン大統領は火曜日に平壌を訪問すると発表した。北朝鮮の金正恩総書記と会談する。" * 2
LATIN = ("The délégation from Zürich met the café owners in Besançon on Monday; "
         "officials said the talks on the façade of the Hôtel de Ville went well.")


@pytest.mark.parametrize("name, data, expected", [
    ("ru.txt", RUSSIAN.encode("cp1251"), RUSSIAN),
    ("ja.txt", JAPANESE.encode("shift_jis"), JAPANESE),
    ("latin.txt", LATIN.encode("latin-1"), LATIN),
])
def test_case04_legacy_charsets_without_a_label_are_decoded_correctly(tmp_path, name, data, expected):
    """Case 4: cp1251 and Shift-JIS text files are decoded as what they are (never as
    cp1252 mojibake such as 'Ïðåçèäåíò'); Latin-1 is read as Latin-1."""
    path = tmp_path / name
    path.write_bytes(data)
    (article,) = read(path)
    assert isinstance(article, Article) and article.text == expected


def test_case04_latin1_html_mislabelled_as_utf8_is_decoded_as_latin1(tmp_path):
    """Case 4: a page that says <meta charset="utf-8"> but is Latin-1 reads correctly."""
    page = (f'<html><head><meta charset="utf-8"><title>Café talks</title></head><body><article><p>'
            f"{LATIN} {LATIN}</p></article></body></html>").encode("latin-1")
    path = tmp_path / "mislabelled.html"
    path.write_bytes(page)
    (article,) = read(path)
    assert article.title == "Café talks" and "délégation from Zürich" in article.text


def test_case04_cp1251_page_declared_in_meta_and_in_the_http_header(tmp_path):
    """Case 4: a declared cp1251 page is decoded by its label (then skipped as non-English
    by the language gate, with that reason), never stored as mojibake."""
    page = (f'<html><head><meta charset="windows-1251"><title>Визит</title></head><body><article><p>'
            f"{RUSSIAN}</p></article></body></html>").encode("cp1251")
    article = readers.read_html(page, "ru.html")
    assert article.title == "Визит" and "Путин" in article.text
    labelled = readers.read_html(page.replace(b"windows-1251", b"x"), "ru.html", charset="cp1251")
    assert labelled.text == article.text
    path = tmp_path / "ru.html"
    path.write_bytes(page)
    summary, failures, stored = run_into_store(tmp_path, [path])
    assert stored == 0 and failures[0]["reason"].startswith("language 'ru' is not supported yet")


def test_case04_bytes_no_encoding_fits_are_skipped_not_stored_as_mojibake(tmp_path):
    """Case 4: text that is neither UTF-8 nor believable in any legacy encoding → skipped
    with 'unknown character encoding', never guessed."""
    mixed = ("Привет".encode("cp1251") + "ミサイル".encode("shift_jis")) * 3 + b" ok"
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed)
    (item,) = read(path)
    assert isinstance(item, InputError)
    assert item.reason.startswith(("unknown character encoding", "binary file"))


def test_case04_no_stored_text_is_cp1252_mojibake(tmp_path):
    """Case 4, the invariant: across every legacy sample, what is stored never carries the
    telltale shape of a wrong Western decoding."""
    from eventwire.io.readers import _looks_like_mojibake

    for index, text in enumerate((RUSSIAN, JAPANESE)):
        for encoding in ("cp1251", "koi8_r") if index == 0 else ("shift_jis", "euc_jp"):
            path = tmp_path / f"{index}-{encoding}.txt"
            path.write_bytes(text.encode(encoding))
            for item in read(path):
                if isinstance(item, Article):
                    assert not _looks_like_mojibake(item.text), (encoding, item.text[:40])
                    assert item.text == text, encoding


# --- case 5: pathological HTML and the per-document time limit --------------------------------

def test_case05_100000_nested_elements_are_flagged_not_silently_empty(tmp_path):
    """Case 5: a page nested 100,000 deep is skipped as 'nested too deeply', a named reason,
    quickly; a normal page in the same run is stored."""
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + "<p>" + GOOD * 5 + "</p>"
                    + "</div>" * 100_000 + "</body></html>")
    fine = tmp_path / "fine.html"
    fine.write_text(PAGE)
    started = time.monotonic()
    summary, failures, stored = run_into_store(tmp_path, [deep, fine])
    assert time.monotonic() - started < 30
    assert stored == 1
    assert failures[0]["reason"].startswith("HTML nested too deeply (more than 250 levels")


def test_case05_nesting_depth_ignores_void_self_closed_and_script_content():
    """Case 5: the depth estimate is not fooled by SVG paths, <br>, unclosed <p> or scripts."""
    from eventwire.io.readers import html_nesting_depth

    svg = "<svg>" + "<path d='M0 0'/>" * 5000 + "</svg>"
    paragraphs = "<p>one<p>two" * 3000 + "<br>" * 3000
    script = "<script>" + "<div>" * 5000 + "</script>"
    page = f"<html><body><div>{svg}{paragraphs}{script}<!-- {'<div>' * 5000} --></div></body></html>"
    assert html_nesting_depth(page) == 4


def test_case05_an_extraction_past_the_time_limit_is_stopped_and_recorded(tmp_path, monkeypatch):
    """Case 5: the per-document time limit. HTML extraction runs in a worker process; one
    that takes too long is killed at the limit, the document is skipped and recorded with
    the reason, and the next page is extracted by a fresh worker."""
    monkeypatch.setattr(readers, "HTML_EXTRACTOR", "hardening_support:slow_on_marker_extract")
    monkeypatch.setattr(readers, "HTML_TIME_LIMIT_S", 3.0)
    slow = tmp_path / "a-slow.html"
    slow.write_text(PAGE.replace("Seoul", "SLOWMARKER Seoul", 1))
    fine = tmp_path / "b-fine.html"
    fine.write_text(PAGE)
    started = time.monotonic()
    summary, failures, stored = run_into_store(tmp_path, [slow, fine])
    assert time.monotonic() - started < 25
    assert stored == 1
    assert failures[0]["origin"] == str(slow)
    assert failures[0]["reason"] == ("HTML extraction took longer than 3 s and was stopped "
                                     "(the per-document time limit)")


# --- case 6: XML entities in feeds ------------------------------------------------------------

BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']><rss version="2.0"><channel><title>W</title><item><title>T</title>'
                    "<description>Hi &lol9; there, Russia visited China.</description></item></channel></rss>")


def _xxe_feed(secret: Path) -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>W</title><item><title>T &xxe;</title>'
            "<description>Russia visited China. &xxe;</description></item></channel></rss>")


def test_case06_feed_with_an_external_entity_is_refused_and_nothing_is_read(tmp_path):
    """Case 6: XXE: a feed declaring an entity that points at a local file is refused;
    the file's content appears nowhere."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE")
    feed = tmp_path / "xxe.rss"
    feed.write_text(_xxe_feed(secret))
    (item,) = read(feed)
    assert isinstance(item, InputError) and "declares XML entities" in item.reason
    assert "TOPSECRET" not in repr(item)


def test_case06_billion_laughs_is_refused_quickly(tmp_path):
    """Case 6: exponential entity expansion is refused before parsing; expanding it would run
    for hours, so a bound of seconds (loose for a loaded machine) tells the two apart."""
    feed = tmp_path / "lol.xml"
    feed.write_text(BILLION_LAUGHS)
    started = time.monotonic()
    (item,) = read(feed)
    assert time.monotonic() - started < 10
    assert isinstance(item, InputError) and "entities are never expanded" in item.reason


def test_case06_feedparser_itself_never_expands_them_either(tmp_path):
    """Case 6, defence in depth: were the refusal bypassed, feedparser (expat) would neither
    read the external file nor expand the laughs."""
    import feedparser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE")
    parsed = feedparser.parse(_xxe_feed(secret).encode())
    assert "TOPSECRET" not in json.dumps(parsed.entries, default=str)
    laughs = feedparser.parse(BILLION_LAUGHS.encode())
    assert all(len(e.get("summary", "")) < 1000 for e in laughs.entries)


def test_case06_html_with_an_external_entity_does_not_read_the_file(tmp_path):
    """Case 6: the same trick in an HTML page: lxml does not resolve it."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-VALUE")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            f"<html><body><article><p>{GOOD} &xxe; {GOOD} {GOOD}</p></article></body></html>")
    path = tmp_path / "xxe.html"
    path.write_text(page)
    for item in read(path):
        assert "TOPSECRET" not in (item.text if isinstance(item, Article) else item.reason)
