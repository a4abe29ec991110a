"""RSS and Atom feeds (through feedparser): one article per entry.

An entry's text is its full content (``content:encoded``, Atom ``content``) or else its
summary, with markup removed. With ``fetch_page`` given, the entry's link is fetched
instead and the page's main text used, the feed's title and date filling what the page
lacks.
"""

from __future__ import annotations

import html
import re
from typing import Callable, Iterator

from ..errors import InputError
from ..model import Article

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")

PageFetcher = Callable[[str], "Article | InputError"]


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RDF root element."""
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def declares_entities(data: bytes) -> bool:
    """True when the document type declaration (before the root element) declares entities:
    the way to XML external entities (XXE) and exponential expansion ("billion laughs").
    No real feed needs one."""
    doctype = data.find(b"<!DOCTYPE")
    if doctype < 0:
        return False
    root = min((i for i in (data.find(tag, doctype) for tag in (b"<rss", b"<feed", b"<rdf:RDF", b"<RDF"))
                if i >= 0), default=len(data))
    return b"<!ENTITY" in data[doctype:root]


def read_feed(data: bytes, source: str, published: str | None = None,
              fetch_page: PageFetcher | None = None) -> Iterator[Article | InputError]:
    """One article per entry. A feed that declares XML entities is refused, unread:
    feedparser's parser leaves external entities unresolved, but entity expansion costs
    time before its amplification limit stops it, and silently dropped text is no answer."""
    import feedparser

    if declares_entities(data):
        yield InputError(source, "the feed declares XML entities (<!ENTITY in its DOCTYPE); "
                                 "refused: entities are never expanded")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if parsed.get("bozo") and problem else ""
        yield InputError(source, f"not an RSS or Atom feed, or a feed without entries{detail}")
        return
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        if fetch_page is not None and entry.get("link"):
            yield _fetched_entry(entry, where, fetch_page, feed_title, published)
        else:
            yield _entry_article(entry, where, feed_title, published)


def _entry_article(entry, where: str, feed_title: str | None, published: str | None) -> Article | InputError:
    from .readers import make_article

    text = entry_text(entry)
    return make_article(text, where, title=_clean(entry.get("title")), url=entry.get("link"),
                        source=feed_title, published=entry_date(entry) or published,
                        author=_clean(entry.get("author")))


def _fetched_entry(entry, where: str, fetch_page: PageFetcher, feed_title: str | None,
                   published: str | None) -> Article | InputError:
    page = fetch_page(entry["link"])
    if isinstance(page, InputError):
        return page
    page.title = page.title or _clean(entry.get("title"))
    page.published = page.published or entry_date(entry) or published
    page.source = page.source or feed_title
    page.author = page.author or _clean(entry.get("author"))
    page.url = page.url or entry["link"]
    return page


def entry_text(entry) -> str:
    """The longest text the entry carries: full content, else the summary, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    best = max(candidates, key=len) if candidates else ""
    return html_to_text(best)


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment: block ends become line breaks, entities decoded."""
    text = _BLOCK_END.sub("\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def entry_date(entry) -> str | None:
    """The entry's publication (else update) day as YYYY-MM-DD."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return html.unescape(value).strip() or None
