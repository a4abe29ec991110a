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
# libxml2 (under trafilatura) stops at 256 levels and returns nothing; refuse before that.
MAX_HTML_DEPTH = 250
# Seconds one HTML page may take to extract (in a worker process that is killed after it).
HTML_TIME_LIMIT_S = 30.0
# A WARC record that declares more than this is not read through (a decompression bomb).
MAX_WARC_RECORD_BYTES = 1024 * 1024 * 1024
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
    """Non-blank lines, read in chunks (a single huge line is never held whole)."""
    count, blank = 0, True
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                lines = chunk.split(b"\n")
                for index, part in enumerate(lines):
                    blank = blank and not part.strip()
                    if index < len(lines) - 1:  # a newline ends this line
                        count += not blank
                        blank = True
        return count + (not blank)
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
    """stdin is JSONL when its first non-blank character is ``{``, else one text article.

    At most one document's worth is read before deciding; JSONL is then read line by line,
    and a text longer than the limit is refused without reading the rest.
    """
    stream = sys.stdin.buffer
    head = stream.read(MAX_DOCUMENT_BYTES + 1)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from read_jsonl(io.BufferedReader(_Joined(head, stream)), "<stdin>", published)
    elif len(head) > MAX_DOCUMENT_BYTES:
        yield InputError("<stdin>", f"too large (over {MAX_DOCUMENT_BYTES:,} bytes; the limit is "
                                    f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MB a document)")
    else:
        yield read_text(head, "<stdin>", published)


class _Joined(io.RawIOBase):
    """Bytes already read, then the rest of a stream: a raw stream for ``io.BufferedReader``."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if len(self._head):
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


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
    """The text of ``data``: UTF-8 when the bytes are valid UTF-8 (a BOM allowed; valid
    UTF-8 outweighs a label, which is often wrong), else the declared ``charset`` when it
    decodes, else a legacy encoding that fits (see ``_decode_legacy``).

    Raises InputError for NUL bytes or mostly non-printable content ("binary file"), and for
    bytes no encoding fits without producing mojibake ("unknown character encoding").
    """
    if b"\x00" in data:
        raise InputError(source, "binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_declared(data, charset)
        if text is None:
            text = _decode_legacy(data, source, charset)
    if not _looks_like_text(text):
        raise InputError(source, "binary file")
    return text


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    if not charset or _codec(charset) == "utf-8":
        return None
    try:
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if _codec(charset) in _WESTERN and _looks_like_mojibake(text) else text


# Single-byte Western encodings: they decode any bytes, so a wrong guess is silent mojibake.
_WESTERN = {"cp1252", "latin-1", "iso8859-15", "mac-roman"}
# Share of non-ASCII letters among the letters above which Western text is not believable
# (French, German or Portuguese stay under 10%; Cyrillic read as cp1252 is nearly 100%).
MAX_NON_ASCII_LETTER_SHARE = 0.3


def _codec(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def _decode_legacy(data: bytes, source: str, declared: str | None) -> str:
    """cp1252 (or latin-1) when the result reads as Western text, else what
    charset-normalizer detects (cp1251, Shift-JIS, ...), else an InputError naming the
    problem: guessing wrong would store mojibake."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 takes all
        text = data.decode("latin-1")
    readable = _looks_like_text(text)
    if readable and not _looks_like_mojibake(text):
        return text
    detected = _detect_encoding(data)
    if detected is not None:
        return detected
    if not readable:
        raise InputError(source, "binary file")
    label = f"declared {declared!r} does not fit, " if declared else ""
    raise InputError(source, f"unknown character encoding ({label}not UTF-8, and no encoding "
                             "could be told from the bytes); re-encode it as UTF-8")


def _detect_encoding(data: bytes) -> str | None:
    """A confident charset-normalizer guess that is not itself a Western single-byte reading
    of non-Western text (short inputs give unreliable guesses: then None)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of trafilatura
        return None
    if len(data) < 32:
        return None
    best = from_bytes(data[:200_000]).best()
    if (best is None or best.encoding.startswith(("utf_16", "utf_32")) or best.chaos > 0.1
            or best.coherence <= 0):
        return None
    try:
        text = data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    if _looks_like_mojibake(text) or not _looks_like_text(text):
        return None
    return text


def _looks_like_mojibake(text: str) -> bool:
    """Mostly accented Latin letters: non-Western text read in a Western single-byte encoding."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin_accented = sum(1 for ch in letters if "\u00c0" <= ch <= "\u024f")
    return latin_accented / len(letters) > MAX_NON_ASCII_LETTER_SHARE


_UNUSUAL = re.compile(r"[^\t\n\r\f\x20-\x7e]")  # anything but printable ASCII and whitespace
# Not "printable" to Python, yet ordinary in news text: spaces, line separators, soft hyphens,
# zero-width joiners, direction marks, a BOM.
_ORDINARY_INVISIBLE = frozenset("\xa0\xad\u2028\u2029\u200b\u200c\u200d\u200e\u200f\u202f\ufeff")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    unprintable = sum(1 for ch in _UNUSUAL.findall(text)
                      if not ch.isprintable() and ch not in _ORDINARY_INVISIBLE)
    return 1 - unprintable / len(text) >= MIN_PRINTABLE_SHARE


def text_problem(value: str) -> str | None:
    """Why a decoded text cannot be stored as it is (NUL characters, lone surrogates,
    mostly control characters), or None."""
    if "\x00" in value:
        return "binary content (NUL characters in the text)"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"not valid Unicode (a lone surrogate at character {exc.start})"
    if not _looks_like_text(value):
        return "binary content (mostly unprintable characters)"
    return None


def make_article(text: str, where: str, line: int | None = None, **meta) -> Article | InputError:
    """An Article from decoded text and metadata, or the reason it is not one."""
    if not text.strip():
        return InputError(where, "empty document", line)
    problem = text_problem(text)
    if problem:
        return InputError(where, problem, line)
    for key, value in meta.items():
        if isinstance(value, str) and (field_problem := text_problem(value)):
            return InputError(where, f"'{key}': {field_problem}", line)
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
    """One article a line: ``{id?, text, title?, published?, source?, url?}``; blank lines skip.

    A line is read up to the size limit and no further: a longer one is refused and the rest
    of it passed over in chunks, so a huge line is never held in memory.
    """
    number = 0
    while raw := stream.readline(MAX_DOCUMENT_BYTES + 1):
        number += 1
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            yield _too_large(source, len(raw) + _pass_over_line(stream), number)
            continue
        if len(raw.rstrip(b"\r\n")) > MAX_DOCUMENT_BYTES:
            yield _too_large(source, len(raw), number)
            continue
        if not raw.strip():
            continue
        yield jsonlmake_article(raw, source, number, published)


def _pass_over_line(stream: BinaryIO, chunk: int = 1 << 20) -> int:
    """Read and drop the rest of the current line; how many bytes that was."""
    size = 0
    while part := stream.readline(chunk):
        size += len(part)
        if part.endswith(b"\n"):
            break
    return size


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
    else UTF-8, else a legacy encoding that fits. A page nested deeper than the parser can
    follow is refused with that reason (not passed on as "no text"); the extraction runs in a
    worker process and is stopped after ``HTML_TIME_LIMIT_S`` (0: in this process, no limit).
    """
    html = decode_text(data, source, charset or _meta_charset(data))
    if not html.strip():
        return InputError(source, "empty document")
    depth = html_nesting_depth(html, MAX_HTML_DEPTH)
    if depth > MAX_HTML_DEPTH:
        return InputError(source, f"HTML nested too deeply (more than {MAX_HTML_DEPTH} levels of "
                                  "elements); the parser cannot read it")
    meta = _extract(html, source)
    if isinstance(meta, InputError):
        return meta
    if meta is None:
        return InputError(source, "no article text found in the HTML")
    text = meta.get("text") or ""
    if not text.strip():
        return InputError(source, "no article text found in the HTML")
    page_date, _ = _checked_date(meta.get("date"), "date")
    return make_article(text, source, title=meta.get("title"), url=meta.get("url"),
                        source=meta.get("sitename"), published=page_date or published,
                        author=meta.get("author"))


def extract_html(html: str) -> dict | None:
    """trafilatura's main text and metadata of a page, as a plain dict (or None)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    if doc is None:
        return None
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    return {key: meta.get(key) for key in ("text", "title", "date", "url", "sitename", "author")}


# The function the worker runs ("module:function"; tests point it at a slow one).
HTML_EXTRACTOR = "eventwire.io.readers:extract_html"


def _extract(html: str, source: str) -> dict | None | InputError:
    if not HTML_TIME_LIMIT_S:
        module, _, name = HTML_EXTRACTOR.partition(":")
        import importlib

        return getattr(importlib.import_module(module), name)(html)
    from .isolation import CallTimedOut, WorkerFailed, shared_worker

    try:
        return shared_worker().call(HTML_EXTRACTOR, [html], HTML_TIME_LIMIT_S)
    except CallTimedOut as exc:
        return InputError(source, f"HTML extraction {exc} (the per-document time limit)")
    except WorkerFailed as exc:
        return InputError(source, f"cannot parse: {exc}")


# Elements a parser closes by itself (void, or ended by the next sibling): they add no depth.
_NO_DEPTH = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rp rt".split())
_RAW_TEXT = ("script", "style", "textarea", "title")
_TAG_START = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)|<!--")


def html_nesting_depth(html: str, stop_above: int | None = None) -> int:
    """How deep elements nest (an estimate in one linear pass: comments, script and style
    bodies, void and self-closed elements skipped); stops counting above ``stop_above``."""
    lowered = html.lower()
    depth = deepest = position = 0
    while match := _TAG_START.search(lowered, position):
        if match.group(0) == "<!--":
            end = lowered.find("-->", match.end())
            position = len(lowered) if end < 0 else end + 3
            continue
        closing, name = match.group(1), match.group(2)
        end = lowered.find(">", match.end())
        if end < 0:
            break
        position = end + 1
        if closing:
            depth = max(0, depth - 1) if name not in _NO_DEPTH else depth
            continue
        if name in _RAW_TEXT:
            close = lowered.find(f"</{name}", position)
            position = len(lowered) if close < 0 else close
            continue
        if name in _NO_DEPTH or lowered[end - 1] == "/":
            continue
        depth += 1
        deepest = max(deepest, depth)
        if stop_above is not None and deepest > stop_above:
            break
    return deepest


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


# --- WARC ----------------------------------------------------------------------------------

def read_warc(path: Path, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from the HTML responses in a WARC file (other records are passed over).

    Each record is read through its raw bytes (an HTML page only up to the size limit), so a
    compressed payload is never inflated beyond that. A record that declares more than
    ``MAX_WARC_RECORD_BYTES`` ends the reading of the file (a gzip bomb would take minutes to
    pass over); a record cut short, or bytes after the last whole record (a truncated
    WARC.gz), are reported; every whole record before is kept.
    """
    from warcio.archiveiterator import ArchiveIterator

    records = pages = 0
    size = path.stat().st_size
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for number, record in enumerate(iterator, start=1):
            records += 1
            where = f"{path}#{number}"
            declared = _declared_length(record)
            if declared > MAX_WARC_RECORD_BYTES:
                yield InputError(where, f"WARC record declares {declared:,} bytes (the limit is "
                                        f"{MAX_WARC_RECORD_BYTES:,}); the rest of the file is not read")
                return
            if _is_html_response(record):
                pages += 1
                yield _warc_page(record, where, published)
            missing = _drain(record)
            if missing:
                yield InputError(where, f"truncated WARC record ({missing:,} of {declared:,} bytes missing)")
        end = iterator.offset
    if records and end < size:
        yield InputError(str(path), f"truncated or corrupt after byte {end:,} of {size:,}: "
                                    f"the {records} whole records before were read")
    if records == 0:
        yield InputError(str(path), "not a WARC file (no records found)")
    elif pages == 0:
        yield InputError(str(path), f"no HTML responses among {records} WARC records")


def _declared_length(record) -> int:
    value = record.rec_headers.get_header("Content-Length") or "0"
    return int(value) if value.strip().isdigit() else 0


def _drain(record, chunk: int = 1 << 20) -> int:
    """Read the rest of a record's raw bytes (never inflating a compressed payload); how many
    of its declared bytes were missing."""
    raw = record.raw_stream
    while raw.read(chunk):
        pass
    return max(0, getattr(raw, "limit", 0))


def _warc_page(record, where: str, published: str | None) -> Article | InputError:
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        return InputError(where, f"too large (over {MAX_DOCUMENT_BYTES:,} bytes once decoded; the "
                                 f"limit is {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB a document)")
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
