"""Read news documents from files, folders and stdin into ``Article`` records.

``read_sources`` never raises for a bad document: it yields an ``InputError`` in its
place, so one unreadable file (or one malformed JSONL line) does not end a batch.
Each article carries ``origin`` ("path" or "path:line") so messages can point at it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

from ..errors import InputError
from ..model import Article
from .fetch import is_url

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
STDIN = "-"

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
URL_LIST_SUFFIXES = (".urls",)
# Formats this reader does not handle: a clear skip, not a guess.
UNSUPPORTED_SUFFIXES = (".pdf", ".docx", ".zip", ".parquet")

# A decoded document counts as text when at least this share of its characters is printable.
MIN_PRINTABLE_SHARE = 0.95


def read_sources(paths: Sequence[str], published: str | None = None, fetcher=None,
                 follow_links: bool = False) -> Iterator[Article | InputError]:
    """Articles from every source: files, folders (recursively), ``-`` for stdin, and
    ``http(s)://`` URLs or ``.urls`` files (one URL a line), fetched through ``fetcher``
    (an ``eventwire.io.fetch.Fetcher``; a default one is made when a URL needs it).

    ``published`` ("YYYY-MM-DD") is the date given to articles that carry none of their own.
    ``follow_links`` fetches each feed entry's page instead of using the feed's own text.
    """
    default_date, date_error = _checked_date(published, "--published")
    if date_error:
        yield date_error
        return
    web = _Web(fetcher)
    try:
        context = _Context(default_date, web, follow_links)
        for path in paths:
            if path == STDIN:
                yield from _read_stdin(default_date)
            elif is_url(path):
                yield from web.read_url(path, context)
            else:
                yield from _read_path(Path(path), context)
    finally:
        web.close()


class _Context:
    """What every reader needs besides the bytes: the default date and the way to the web."""

    def __init__(self, published: str | None, web: "_Web | None" = None, follow_links: bool = False):
        self.published = published
        self.web = web
        self.follow_links = follow_links


def _read_path(path: Path, context: _Context) -> Iterator[Article | InputError]:
    if path.is_dir():
        for file in iter_files(path):
            yield from read_file(file, context.published, context)
    elif path.exists():
        yield from read_file(path, context.published, context)
    else:
        yield InputError(str(path), "no such file or folder")


def estimate_documents(paths: Sequence[str]) -> int | None:
    """About how many documents ``read_sources`` will yield (for a progress bar): a file is
    one, a JSONL or URL-list file one a line. None when a source cannot be counted ahead
    (stdin, URLs, WARC files, feeds)."""
    total = 0
    for path in paths:
        if path == STDIN or is_url(path):
            return None
        root = Path(path)
        files = iter_files(root) if root.is_dir() else [root] if root.exists() else []
        for file in files:
            name = file.name.lower()
            if name.endswith((*WARC_SUFFIXES, *FEED_SUFFIXES)):
                return None
            total += _count_lines(file) if name.endswith((*JSONL_SUFFIXES, *URL_LIST_SUFFIXES)) else 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 1


def iter_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively and sorted, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_file(path: Path, published: str | None = None,
              context: _Context | None = None) -> Iterator[Article | InputError]:
    """The articles in one file, chosen by its extension."""
    context = context or _Context(published)
    name = path.name.lower()
    source = str(path)
    if name.endswith(UNSUPPORTED_SUFFIXES):
        yield InputError(source, f"unsupported file type '{path.suffix}'")
        return
    if name.endswith(WARC_SUFFIXES):
        yield from _guarded(source, lambda: read_warc(path, published))
        return
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES and not name.endswith(JSONL_SUFFIXES):
            yield _too_large(source, size)
            return
        with path.open("rb") as stream:
            if name.endswith(JSONL_SUFFIXES):
                yield from read_jsonl(stream, source, published)
                return
            data = stream.read()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if name.endswith(HTML_SUFFIXES):
        yield from _guarded(source, lambda: iter([read_html(data, source, published)]))
    elif name.endswith(FEED_SUFFIXES):
        yield from _guarded(source, lambda: _read_feed(data, source, context))
    elif name.endswith(URL_LIST_SUFFIXES):
        yield from _read_url_list(data, source, context)
    else:
        yield read_text(data, source, published)


def _read_feed(data: bytes, source: str, context: _Context) -> Iterator[Article | InputError]:
    from .feeds import read_feed

    fetch_page = context.web.read_page if context.follow_links and context.web else None
    return read_feed(data, source, context.published, fetch_page=fetch_page)


def _read_url_list(data: bytes, source: str, context: _Context) -> Iterator[Article | InputError]:
    """A file of URLs, one a line; blank lines and lines starting with # are passed over."""
    try:
        text = decode_text(data, source)
    except InputError as error:
        yield error
        return
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not is_url(url):
            yield InputError(source, f"not an http(s) URL: {url!r}", number)
            continue
        yield from context.web.read_url(url, context)


class _Web:
    """Fetched sources: one fetcher, made on first use, closed at the end of the read."""

    def __init__(self, fetcher=None):
        self._fetcher = fetcher
        self._owned = False

    @property
    def fetcher(self):
        if self._fetcher is None:
            from .fetch import Fetcher

            self._fetcher = Fetcher()
            self._owned = True
        return self._fetcher

    def close(self) -> None:
        if self._owned:
            self._fetcher.close()

    def read_url(self, url: str, context: _Context) -> Iterator[Article | InputError]:
        """Articles from a URL: an HTML page is one, a feed gives one per entry."""
        try:
            fetched = self.fetcher.fetch(url)
        except InputError as error:
            yield error
            return
        from .feeds import looks_like_feed

        kind = fetched.content_type.lower()
        if any(t in kind for t in ("rss", "atom", "xml")) or looks_like_feed(fetched.data):
            yield from _guarded(url, lambda: _read_feed(fetched.data, url, context))
        elif "html" in kind or not kind:
            yield from _guarded(url, lambda: iter([_page(fetched, context.published)]))
        elif kind.startswith("text/"):
            yield read_text(fetched.data, url, context.published)
        else:
            yield InputError(url, f"unsupported content type {fetched.content_type!r}")

    def read_page(self, url: str) -> Article | InputError:
        """One fetched HTML page (for feed entries whose link is followed)."""
        try:
            return _page(self.fetcher.fetch(url), None)
        except InputError as error:
            return error
        except Exception as exc:  # a parser failure on one page must not end the feed
            return InputError(url, f"cannot parse: {type(exc).__name__}: {exc}")


def _page(fetched, published: str | None) -> Article | InputError:
    article = read_html(fetched.data, fetched.url, published, charset=_charset(fetched.content_type))
    if isinstance(article, Article) and not article.url:
        article.url = fetched.final_url
    return article


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"\' ')
    return None


def _read_stdin(published: str | None) -> Iterator[Article | InputError]:
    """stdin is JSONL when its first non-blank character is ``{``, else one text article."""
    data = sys.stdin.buffer.read()
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from read_jsonl(io.BytesIO(data), "<stdin>", published)
    else:
        yield read_text(data, "<stdin>", published)


def _guarded(source: str, produce) -> Iterator[Article | InputError]:
    """Run a parser; anything it raises becomes an InputError for this source."""
    try:
        yield from produce()
    except InputError as error:
        yield error
    except Exception as exc:  # trafilatura/warcio raise many kinds on corrupt input
        yield InputError(source, f"cannot parse: {type(exc).__name__}: {exc}")


# --- plain text ----------------------------------------------------------------------------

def read_text(data: bytes, source: str, published: str | None = None) -> Article | InputError:
    """One article from the bytes of a text file; the whole text, no title."""
    if len(data) > MAX_DOCUMENT_BYTES:
        return _too_large(source, len(data))
    try:
        text = decode_text(data, source)
    except InputError as error:
        return error
    return make_article(text, source, published=published)


def decode_text(data: bytes, source: str, charset: str | None = None) -> str:
    """The declared ``charset`` when it decodes, else UTF-8 (a BOM allowed), else
    cp1252/latin-1 when the bytes look like text.

    Raises InputError("binary file") for NUL bytes or mostly non-printable content.
    """
    if b"\x00" in data:
        raise InputError(source, "binary file")
    text = _decode_declared(data, charset)
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if not _looks_like_text(text):
        raise InputError(source, "binary file")
    return text


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 takes all
        return data.decode("latin-1")


_UNUSUAL = re.compile(r"[^\t\n\r\f\x20-\x7e]")  # anything but printable ASCII and whitespace


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    unprintable = sum(1 for ch in _UNUSUAL.findall(text) if not ch.isprintable())
    return 1 - unprintable / len(text) >= MIN_PRINTABLE_SHARE


def make_article(text: str, where: str, line: int | None = None, **meta) -> Article | InputError:
    """An Article from decoded text and metadata, or the reason it is not one."""
    if not text.strip():
        return InputError(where, "empty document", line)
    size = len(text.encode("utf-8"))
    if size > MAX_DOCUMENT_BYTES:
        return _too_large(where, size, line)
    meta = {k: v for k, v in meta.items() if v is not None}
    article = Article.create(text, **meta)
    article.origin = f"{where}:{line}" if line is not None else where
    return article


def _too_large(source: str, size: int, line: int | None = None) -> InputError:
    limit_mb = MAX_DOCUMENT_BYTES // (1024 * 1024)
    return InputError(source, f"too large ({size:,} bytes; the limit is {limit_mb} MB a document)", line)


# --- JSONL ---------------------------------------------------------------------------------

JSONL_FIELDS = ("id", "text", "title", "published", "source", "url")


def read_jsonl(stream: BinaryIO, source: str, published: str | None = None) -> Iterator[Article | InputError]:
    """One article a line: ``{id?, text, title?, published?, source?, url?}``; blank lines skip."""
    for number, raw in enumerate(stream, start=1):
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield _too_large(source, len(raw), number)
            continue
        if not raw.strip():
            continue
        yield jsonlmake_article(raw, source, number, published)


def jsonlmake_article(raw: bytes, source: str, line: int, published: str | None = None) -> Article | InputError:
    """The article on one JSONL line, or the reason it is not one."""
    try:
        obj = json.loads(raw.decode("utf-8-sig" if line == 1 else "utf-8"))
    except UnicodeDecodeError:
        return InputError(source, "line is not valid UTF-8", line)
    except json.JSONDecodeError as exc:
        return InputError(source, f"malformed JSON: {exc.msg} (column {exc.colno})", line)
    if not isinstance(obj, dict):
        return InputError(source, f"expected a JSON object, got {type(obj).__name__}", line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(source, "no non-empty 'text' field", line)
    for key in ("title", "source", "url", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return InputError(source, f"'{key}' must be a string", line)
    date, error = _checked_date(obj.get("published"), "'published'", source, line)
    if error:
        return error
    # The caller's "id" is not the article id (that is a content hash, see DESIGN.md).
    return make_article(text, source, line, title=obj.get("title"), source=obj.get("source"),
                    url=obj.get("url"), published=date or published)


# --- HTML ----------------------------------------------------------------------------------

def read_html(data: bytes, source: str, published: str | None = None,
              charset: str | None = None) -> Article | InputError:
    """Main text, title, date and author of an HTML page, through trafilatura.

    The charset is the one given (an HTTP header), else the page's own ``<meta charset>``,
    else UTF-8, else cp1252/latin-1.
    """
    import trafilatura

    html = decode_text(data, source, charset or _meta_charset(data))
    if not html.strip():
        return InputError(source, "empty document")
    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    if doc is None:
        return InputError(source, "no article text found in the HTML")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if not text.strip():
        return InputError(source, "no article text found in the HTML")
    page_date, _ = _checked_date(meta.get("date"), "date")
    return make_article(text, source, title=meta.get("title"), url=meta.get("url"),
                        source=meta.get("sitename"), published=page_date or published,
                        author=meta.get("author"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


# --- WARC ----------------------------------------------------------------------------------

def read_warc(path: Path, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from the HTML responses in a WARC file (other records are passed over)."""
    from warcio.archiveiterator import ArchiveIterator

    records = pages = 0
    with path.open("rb") as stream:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            records += 1
            if _is_html_response(record):
                pages += 1
                yield _warc_page(record, f"{path}#{number}", published)
    if records == 0:
        yield InputError(str(path), "not a WARC file (no records found)")
    elif pages == 0:
        yield InputError(str(path), f"no HTML responses among {records} WARC records")


def _warc_page(record, where: str, published: str | None) -> Article | InputError:
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        return _too_large(where, len(data))
    article = next(_guarded(where, lambda: iter([read_html(data, where, published)])))
    url = record.rec_headers.get_header("WARC-Target-URI")
    if isinstance(article, Article) and url and not article.url:
        article.url = url
    return article


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()


# --- dates ---------------------------------------------------------------------------------

def normalise_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from a date or a full ISO datetime; None when it is neither."""
    value = value.strip()
    head = value[:10]
    if len(value) > 10 and value[10] not in "T ":
        return None
    try:
        return dt.date.fromisoformat(head).isoformat() if len(head) == 10 else None
    except ValueError:
        return None


def _checked_date(value, label: str, source: str = "--published",
                  line: int | None = None) -> tuple[str | None, InputError | None]:
    if value is None or value == "":
        return None, None
    date = normalise_date(str(value))
    if date is None:
        return None, InputError(source, f"invalid date {value!r} for {label}: expected YYYY-MM-DD", line)
    return date, None


def articles_only(items: Iterable[Article | InputError]) -> Iterator[Article]:
    """Drop the errors from a ``read_sources`` stream (for callers that log them elsewhere)."""
    return (item for item in items if isinstance(item, Article))
