"""What the watcher reads: feed documents (RSS and Atom by feedparser, JSON Feed by the json
module) as entries, and an entry's page as an article (main text and metadata by trafilatura,
in a process of its own: `PageReader`).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import multiprocessing
import os
import threading
import time
import urllib.parse
import xml.sax
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from geokg.errors import DocumentError, FetchError
from geokg.pipeline.bulk import end_with_parent

#: Media types of pages that are read; anything else (PDF, images) is not an article page.
PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: What a feed request accepts.
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9"
#: Query parameters that only say who sent a reader (the same article in several feeds
#: often differs by them alone); dropped from item URLs.
TRACKING = ("utm_", "at_", "wt_", "mc_")


@dataclass(frozen=True)
class Entry:
    """One item of a feed."""

    url: str
    title: str | None
    published: dt.datetime | None  # aware; in the offset the feed gave
    stamp: str  # changes when the feed says the item changed (dates, title)


@dataclass(frozen=True)
class FeedDocument:
    entries: list[Entry]
    language: str | None
    without_link: int  # entries with no http(s) link, which cannot be followed


def read_feed(body: bytes, media_type: str, url: str) -> FeedDocument:
    """The entries of an RSS, Atom or JSON Feed document (DocumentError otherwise)."""
    if media_type in ("application/feed+json", "application/json") or body.lstrip()[:1] == b"{":
        return _json_feed(body, url)
    return _xml_feed(body, media_type, url)


def _xml_feed(body: bytes, media_type: str, url: str) -> FeedDocument:
    import feedparser

    # A stream, never bytes or str: feedparser opens a string that names a file or URL itself.
    parsed: Any = feedparser.parse(io.BytesIO(body), response_headers={
        "content-location": url, "content-type": media_type or "application/xml"})
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXException):
        raise DocumentError(f"{url} is not well-formed XML: {error}", kind="malformed")
    if not parsed.get("version"):
        raise DocumentError(f"{url} is no RSS, Atom or JSON Feed document", kind="malformed")
    entries: list[Entry] = []
    without_link = 0
    for item in parsed.entries:
        link = _item_url(item.get("link"), url)
        if link is None:
            without_link += 1
            continue
        # dict.get: feedparser's own get maps a missing `updated` to `published`, with a warning
        published, updated = dict.get(item, "published"), dict.get(item, "updated")
        when = _when(published) or _when(updated) or _utc(
            dict.get(item, "published_parsed") or dict.get(item, "updated_parsed"))
        title = item.get("title") or None
        stamp = "|".join([updated or "", published or "", title or ""])
        entries.append(Entry(link, title, when, stamp))
    return FeedDocument(entries, _language(parsed.feed.get("language")), without_link)


def _json_feed(body: bytes, url: str) -> FeedDocument:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{url} is not valid JSON: {exc}", kind="malformed") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
            "https://jsonfeed.org/version/") or not isinstance(data.get("items"), list):
        raise DocumentError(f"{url} is no JSON Feed (a version of https://jsonfeed.org/version/… "
                            "and a list of items)", kind="malformed")
    entries: list[Entry] = []
    without_link = 0
    for item in data["items"]:
        if not isinstance(item, dict):
            without_link += 1
            continue
        link = _item_url(item.get("url") or item.get("external_url"), url)
        if link is None:
            without_link += 1
            continue
        title = item.get("title") if isinstance(item.get("title"), str) else None
        published = _when(item.get("date_published")) or _when(item.get("date_modified"))
        stamp = "|".join(str(item.get(k) or "") for k in ("date_modified", "date_published", "title"))
        entries.append(Entry(link, title or None, published, stamp))
    return FeedDocument(entries, _language(data.get("language")), without_link)


def _item_url(link: object, base: str) -> str | None:
    """An item's page as an absolute http(s) URL without fragment and tracking parameters,
    so that one article listed by several feeds is one item; None if it is none."""
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(base, link.strip()))
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING)]
    url = urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                                   urllib.parse.urlencode(query), ""))
    return url if url.isprintable() and " " not in url else None


def _when(text: object) -> dt.datetime | None:
    """An RFC 3339 (Atom, JSON Feed) or RFC 822 (RSS) date-time, in its own offset."""
    if not isinstance(text, str) or not text.strip():
        return None
    value: dt.datetime | None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        try:
            value = email.utils.parsedate_to_datetime(text.strip())
        except (TypeError, ValueError, IndexError):
            return None
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _utc(parsed: object) -> dt.datetime | None:
    """feedparser's own reading of a date it could parse (a UTC time tuple)."""
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return dt.datetime(*parsed[:6], tzinfo=dt.UTC)
    except ValueError:
        return None


def _language(tag: object) -> str | None:
    """`de-DE`, `en_GB`, `DE` -> the primary language in lower case; None if there is none."""
    if not isinstance(tag, str) or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower() or None


# --- pages ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """An item's page as trafilatura reads it."""

    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD
    lang: str | None  # as the page declares it


def read_page(body: bytes, media_type: str, url: str) -> Page:
    """Main text and metadata of an article page; DocumentError when it is no HTML page or
    holds no article text."""
    from geokg.errors import InputError
    from geokg.extract.html import read_html

    if media_type and media_type not in PAGE_TYPES:
        raise DocumentError(f"{url} is {media_type}, not an HTML page", kind="not-a-page")
    try:
        found = read_html(body)
    except InputError as exc:
        raise DocumentError(f"{url}: {exc}", kind="no-text") from None
    return Page(text=found["text"] or "", title=found.get("title"),
                published=found.get("published"), lang=_declared_language(body))


def _declared_language(body: bytes) -> str | None:
    """The language a page declares: `<html lang>`, else its Content-Language meta or
    og:locale (read from the tree trafilatura builds, never by pattern matching)."""
    from trafilatura import load_html

    tree: Any = load_html(body)
    if tree is None:
        return None
    for query in ("/html/@lang", "/html/@xml:lang",
                  "//meta[translate(@http-equiv,'CONTENTLANGUAGE','contentlanguage')"
                  "='content-language']/@content", "//meta[@property='og:locale']/@content"):
        for value in tree.xpath(query):
            language = _language(str(value))
            if language:
                return language
    return None


class PageReader:
    """`read_page` in a process of its own, shared by the watcher's fetcher threads.

    Why: trafilatura costs about a third of the CPU time of an article (17 of 55 ms on the
    bench's 60 KB pages). In the fetcher threads it took turns for the interpreter lock with
    the watcher's thread, which extracts, validates and stores: the watcher then ran a little
    slower than `geokg ingest --jobs 1`, which does the same work in one thread. In a process
    of its own it runs beside them, on another core.

    The process is started by `start` (call it from the watcher's own thread: it ends when
    that thread does, and when the watcher's process is killed, as bulk ingest's workers do);
    one that dies (a page that exhausts memory) fails its page for this round, and the next
    page starts a new one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")  # never fork a threaded process
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=end_with_parent,
                                                 initargs=(os.getpid(),))
                self._pool.submit(_warm_up)  # the process starts now, from this thread
            return self._pool

    def read(self, body: bytes, media_type: str, url: str) -> Page:
        """`read_page`, in the reader process (DocumentError as there)."""
        pool = self.start()
        try:
            outcome = pool.submit(_read_page_outcome, body, media_type, url).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            raise FetchError(f"{url}: the page reader process died reading it", kind="unreadable",
                             temporary=True) from None  # tried again in a later round
        if isinstance(outcome, Page):
            return outcome
        raise DocumentError(*outcome)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _warm_up() -> None:
    import trafilatura  # noqa: F401 - its import (a third of a second) before the first page


def _read_page_outcome(body: bytes, media_type: str, url: str) -> Page | tuple[str, str]:
    """In the reader process: the page, or (message, kind) of its DocumentError (which
    does not survive pickling: its `kind` is a required argument)."""
    try:
        return read_page(body, media_type, url)
    except DocumentError as exc:
        return str(exc), exc.kind
