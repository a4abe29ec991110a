"""Readers: every format, and every kind of bad input becomes an InputError, not a crash."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.io import readers
from eventwire.io.readers import read_sources
from eventwire.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEXT = "Russian President Vladimir Putin will visit Pyongyang on Tuesday, officials said.\n"


def read(*paths, published=None) -> list:
    return list(read_sources([str(p) for p in paths], published=published))


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_text_file_is_one_article_with_the_text_whole(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Headline\n" + TEXT, encoding="utf-8")
    article = only(read(path, published="2024-06-17"))
    assert isinstance(article, Article)
    assert article.text == "Headline\n" + TEXT
    assert article.title is None
    assert article.published == "2024-06-17"
    assert article.origin == str(path)
    assert article.article_id == Article.create(article.text).article_id


def test_text_with_utf8_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffSeoul protested.".encode("utf-8"))
    assert only(read(path)).text == "Seoul protested."


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre a déclaré à Paris qu'il était prêt.".encode("latin-1"))
    assert only(read(path)).text == "Le ministre a déclaré à Paris qu'il était prêt."


def test_cp1252_quotes_are_decoded(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("He said \u201cno\u201d.".encode("cp1252"))
    assert only(read(path)).text == "He said \u201cno\u201d."


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    errors = read(tmp_path)
    assert [e.reason for e in errors] == ["empty document", "empty document"]
    assert all(isinstance(e, InputError) for e in errors)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    error = only(read(path))
    assert isinstance(error, InputError)
    assert error.reason == "binary file"
    assert str(path) in str(error)


def test_mostly_unprintable_bytes_without_nul_are_binary(tmp_path):
    path = tmp_path / "noise.dat"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x81, 0x8d]) * 50)
    assert only(read(path)).reason == "binary file"


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    assert only(read(path)).reason.startswith("too large")


def test_missing_path(tmp_path):
    error = only(read(tmp_path / "nope.txt"))
    assert error.reason == "no such file or folder"


def test_folder_is_read_recursively_sorted_skipping_hidden(tmp_path):
    (tmp_path / "b.txt").write_text("Bravo text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Alpha text.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("Hidden too.")
    assert [a.text for a in read(tmp_path)] == ["Bravo text.", "Alpha text."]


def test_jsonl_articles_with_metadata(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        {"id": "a", "text": TEXT, "title": "Putin to visit", "published": "2024-06-17T09:30:00Z",
         "source": "Wire", "url": "https://example.org/a"},
        {"text": "Second article."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = read(path, published="2024-01-01")
    assert (first.title, first.published, first.source, first.url) == (
        "Putin to visit", "2024-06-17", "Wire", "https://example.org/a")
    assert first.origin == f"{path}:1"
    assert second.published == "2024-01-01"  # the --published default fills the gap
    assert second.origin == f"{path}:2"


def test_malformed_jsonl_line_names_the_line_and_the_batch_goes_on(tmp_path):
    path = tmp_path / "news.ndjson"
    path.write_text('{"text": "Good one."}\n{"text": "broken\n{"title": "no text"}\n'
                    '{"text": "   "}\n[1, 2]\n{"text": "Bad date.", "published": "June 17"}\n'
                    '{"text": "Good two."}\n')
    items = read(path)
    assert [a.text for a in items if isinstance(a, Article)] == ["Good one.", "Good two."]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6]
    assert "malformed JSON" in errors[0].reason
    assert f"{path}:2" in str(errors[0])
    assert "text" in errors[1].reason and "text" in errors[2].reason
    assert "JSON object" in errors[3].reason
    assert "invalid date" in errors[4].reason


def test_reference_fixture_jsonl():
    fixture = SHARED / "fixtures" / "putin-pyongyang.jsonl"
    if not fixture.exists():
        pytest.skip("shared fixtures not available")
    article = only(read(fixture))
    assert article.published and len(article.published) == 10
    assert "Pyongyang" in article.text


def test_html_is_extracted(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["Russia and North Korea signed a partnership agreement in Pyongyang."] * 3)
    path.write_text(
        "<html><head><title>Summit in Pyongyang</title>"
        '<meta property="article:published_time" content="2024-06-19T08:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Summit in Pyongyang</h1><p>{body}</p>"
        "<p>Officials said the deal covers trade and security.</p></article></body></html>"
    )
    article = only(read(path))
    assert isinstance(article, Article)
    assert "partnership agreement" in article.text
    assert "Home | World" not in article.text
    assert article.title == "Summit in Pyongyang"
    assert article.published == "2024-06-19"


def test_html_without_text(tmp_path):
    path = tmp_path / "blank.htm"
    path.write_text("<html><body></body></html>")
    assert isinstance(only(read(path)), InputError)


def _warc_response(url: str, html: str, content_type: str = "text/html; charset=utf-8") -> bytes:
    """One response record, gzipped on its own as WARC files are."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                  http_headers=headers))
    return stream.getvalue()


def test_warc_html_responses_become_articles(tmp_path):
    page = ("<html><head><title>Talks</title></head><body><article><p>"
            + "Seoul and Washington held talks on Monday about North Korea. " * 3
            + "</p></article></body></html>")
    data = (_warc_response("https://example.org/talks", page)
            + _warc_response("https://example.org/logo.png", "PNG", content_type="image/png"))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    article = only(read(path))
    assert isinstance(article, Article)
    assert "held talks" in article.text
    assert article.url == "https://example.org/talks"


def test_corrupt_warc_is_an_input_error(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_text("this is not a warc file\n")
    assert isinstance(only(read(path)), InputError)


def test_warc_without_html_says_so(tmp_path):
    path = tmp_path / "images.warc.gz"
    path.write_bytes(_warc_response("https://example.org/a.png", "PNG", content_type="image/png"))
    assert "no HTML responses" in only(read(path)).reason


def test_unsupported_type(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert "unsupported file type" in only(read(path)).reason


@pytest.mark.parametrize("value, expected", [
    ("2024-06-17", "2024-06-17"), ("2024-06-17T10:00:00+02:00", "2024-06-17"),
    ("2024-06-17 10:00", "2024-06-17"), ("2024-13-01", None), ("17/06/2024", None),
    ("2024-06-17garbage", None), ("", None),
])
def test_normalise_date(value, expected):
    assert readers.normalise_date(value) == expected


def test_invalid_published_option_is_an_input_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    error = only(read(path, published="yesterday"))
    assert isinstance(error, InputError) and "invalid date" in error.reason


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(TEXT.encode()))
    article = only(list(read_sources(["-"], published="2024-06-17")))
    assert article.text == TEXT and article.origin == "<stdin>"


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(b'{"text": "One."}\n{"text": "Two."}\nnot json\n'))
    items = list(read_sources(["-"]))
    assert [a.text for a in items[:2]] == ["One.", "Two."]
    assert items[2].line == 3 and items[2].source == "<stdin>"


# --- corpus formats: feeds, pages without a charset, gzip WARC, authors, languages -------------

RSS_WITH_ESCAPES = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World &amp; Wire</title>
<item><title>Seoul &amp; Washington: &#8220;talks&#8221; &lt;resume&gt;</title>
<link>https://news.example/talks</link><author>desk@news.example (Jane Doe)</author>
<pubDate>Mon, 17 Jun 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Seoul and Washington held talks on Monday.&lt;/p&gt;&lt;p&gt;More soon &amp;amp; later.&lt;/p&gt;</description>
</item>
<item><title>Second</title><link>https://news.example/two</link>
<description>Tokyo protested.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title type="html">Kim &amp;amp; Putin</title><link href="https://news.example/atom1"/>
<updated>2024-06-19T10:00:00Z</updated>
<content type="html">&lt;p&gt;Kim Jong Un met Vladimir Putin in Pyongyang.&lt;/p&gt;</content>
<summary>Short.</summary></entry></feed>"""


def test_rss_feed_with_entity_escaped_title(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS_WITH_ESCAPES, encoding="utf-8")
    first, second = read(path)
    assert first.title == "Seoul & Washington: \u201ctalks\u201d <resume>"
    assert first.text == "Seoul and Washington held talks on Monday.\nMore soon & later."
    assert (first.url, first.published, first.source) == (
        "https://news.example/talks", "2024-06-17", "World & Wire")
    assert "Jane Doe" in first.author
    assert first.origin == f"{path}#1"
    assert second.text == "Tokyo protested." and second.published is None


def test_atom_feed_uses_full_content(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    entry = only(read(path))
    assert entry.text == "Kim Jong Un met Vladimir Putin in Pyongyang."
    assert entry.title == "Kim & Putin" and entry.published == "2024-06-19"


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book/></catalog>")
    assert "not an RSS or Atom feed" in only(read(path)).reason


def test_latin1_page_without_a_charset(tmp_path):
    path = tmp_path / "page.html"
    body = "Le président a déclaré à Séoul qu'il était prêt à négocier. " * 3
    path.write_bytes(("<html><head><title>Déclaration à Séoul</title></head><body><article><p>"
                      + body + "</p></article></body></html>").encode("latin-1"))
    article = only(read(path))
    assert article.title == "Déclaration à Séoul"
    assert "président a déclaré à Séoul" in article.text


def test_page_with_a_meta_charset(tmp_path):
    path = tmp_path / "koi.html"
    body = "Президент заявил о переговорах в Пхеньяне. " * 3
    path.write_bytes(("<html><head><meta charset='koi8-r'><title>Переговоры</title></head><body>"
                      "<article><p>" + body + "</p></article></body></html>").encode("koi8-r"))
    assert "Президент заявил" in only(read(path)).text


def test_html_author_is_kept_and_in_the_record(tmp_path):
    path = tmp_path / "byline.html"
    path.write_text("<html><head><title>T</title><meta name='author' content='Jane Doe'></head><body>"
                    "<article><p>" + "Seoul protested against the missile launch on Monday. " * 3
                    + "</p></article></body></html>")
    article = only(read(path))
    assert article.author == "Jane Doe"
    assert article.to_dict()["author"] == "Jane Doe"
    assert "author" not in Article.create("x").to_dict()  # absent when unknown: schema unchanged


def test_gzip_warc_with_several_pages_and_a_redirect(tmp_path):
    pages = [("https://news.example/%d" % i,
              "<html><head><title>Page %d</title></head><body><article><p>%s</p></article></body></html>"
              % (i, ("Report %d: Tokyo and Seoul agreed to hold talks. " % i) * 3)) for i in range(3)]
    data = b"".join(_warc_response(url, page) for url, page in pages)
    data += _warc_response("https://news.example/old", "", content_type="text/plain")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    assert path.read_bytes()[:2] == b"\x1f\x8b"  # really gzip
    articles = read(path)
    assert [a.title for a in articles] == ["Page 0", "Page 1", "Page 2"]
    assert [a.url for a in articles] == [url for url, _ in pages]


@pytest.mark.parametrize("text, expected", [
    ("The minister said on Monday that the talks with the neighbours would resume in the spring, "
     "and that the army had been told to stand down.", "en"),
    ("Le ministre a déclaré lundi que les discussions avec les voisins reprendraient au printemps "
     "et que l'armée avait reçu l'ordre de se retirer.", "fr"),
    ("Der Minister sagte am Montag, dass die Gespräche mit den Nachbarn im Frühjahr wieder "
     "aufgenommen werden und die Armee sich zurückziehen soll.", "de"),
    ("El ministro dijo el lunes que las conversaciones con los vecinos se reanudarán en la "
     "primavera y que el ejército se retirará de la frontera.", "es"),
    ("Министр заявил в понедельник, что переговоры с соседями возобновятся весной.", "ru"),
    ("Putin visits Pyongyang.", None),  # too short to tell: not skipped
])
def test_language_detection(text, expected):
    from eventwire.io.language import detect_language

    assert detect_language(text) == expected
