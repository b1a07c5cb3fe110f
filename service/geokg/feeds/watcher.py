"""The watcher: poll the feeds when they are due, read each new item's page, and ingest it
through the pipeline, remembering everything in the state file.

A round: the due feeds are fetched (in the fetcher threads), their entries recorded; then
the due items are read, a few pages ahead of the one being stored: threads fetch pages
and hand them to the reader process (trafilatura, `PageReader`), this thread claims texts,
writes through the pipeline (which owns writes) and records the outcome, one transaction per
step (`geokg.feeds.state`).

Failures: a feed that fails (after GEOKG_FEEDS_RETRIES quick retries) waits its interval
times 2^failures (at most GEOKG_FEEDS_MAX_BACKOFF) and is reported; a page that fails for a
reason that may pass is tried again in later rounds, up to GEOKG_FEEDS_ITEM_ATTEMPTS times;
anything else rejects the item with its reason.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from geokg.config import Settings
from geokg.errors import (
    ConfigError,
    DocumentError,
    GeokgError,
    InputError,
    ShapeViolation,
    StoreError,
)
from geokg.feeds.documents import (
    FEED_ACCEPT,
    PAGE_ACCEPT,
    FeedDocument,
    PageReader,
    read_feed,
)
from geokg.feeds.feedlist import Feed, load_feeds
from geokg.feeds.fetch import Fetched, Fetcher
from geokg.feeds.state import DUPLICATE, FeedState, Item, Listing, WatcherLock
from geokg.graph.build import ArticleOrigin
from geokg.pipeline import ArticleInput, Pipeline, parse_published
from geokg.pipeline.inputs import LANGUAGES

log = logging.getLogger("geokg.feeds")

#: Items read per round before the due feeds are looked at again.
ROUND_ITEMS = 64
#: Longest sleep of an idle watcher: it writes its heartbeat at least this often.
HEARTBEAT_SECONDS = 5.0

Say = Callable[[str], None]


@dataclass
class Summary:
    """What rounds did (`geokg watch --once` prints it)."""

    polled: int = 0
    failed_feeds: list[str] = field(default_factory=list)
    new_items: int = 0
    ingested: int = 0
    updated: int = 0
    rejected: int = 0
    duplicates: int = 0
    retried: int = 0


@dataclass(frozen=True)
class _Read:
    """A page read by a fetcher thread: the article it holds, its validators."""

    article: ArticleInput  # checked (text cleaned, within the limits)
    page: tuple[str | None, str | None]


@dataclass(frozen=True)
class _NotModified:
    page: tuple[str | None, str | None]


_Outcome = _Read | _NotModified | GeokgError


class Watcher:
    """Follows `feeds` for one pipeline; one thread calls its methods."""

    def __init__(self, settings: Settings, pipeline: Pipeline, feeds: list[Feed], state: FeedState,
                 *, on_stored: Callable[[], object] | None = None, say: Say | None = None):
        self.settings = settings
        self.pipeline = pipeline
        self.feeds = {feed.name: feed for feed in feeds}
        self.state = state
        self.on_stored = on_stored
        self.say = say or log.info
        self.fetcher = Fetcher(settings)
        self.pool = ThreadPoolExecutor(settings.feeds_fetchers, thread_name_prefix="geokg-feeds")
        self.reader = PageReader()
        self.summary = Summary()
        state.sync_feeds([(feed.name, feed.url) for feed in feeds])

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.reader.close()

    # -- the loop ----------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Rounds until `stop` is set; sleeps while nothing is due."""
        self.reader.start()  # from this thread, while the first polls go on
        while not stop.is_set():
            busy = self.round()
            self.state.heartbeat()
            if not busy:
                due = self.state.next_due(list(self.feeds))
                pause = HEARTBEAT_SECONDS if due is None else due - time.time()
                stop.wait(min(max(pause, 0.05), HEARTBEAT_SECONDS))

    def run_once(self) -> Summary:
        """Poll every feed now, then read every item that is due (for cron and tests)."""
        self.reader.start()
        self.poll(list(self.feeds.values()))
        while self.read_items(ROUND_ITEMS):
            self.state.heartbeat()
        return self.summary

    def round(self) -> bool:
        """Poll the due feeds and read a batch of due items; whether there was anything."""
        now = time.time()
        due = [feed for feed in self.feeds.values() if self.state.feed(feed.name).next_poll <= now]
        self.poll(due)
        return bool(self.read_items(ROUND_ITEMS)) or bool(due)

    # -- feeds -------------------------------------------------------------------------------
    def poll(self, feeds: list[Feed]) -> None:
        rows = {feed.name: self.state.feed(feed.name) for feed in feeds}
        futures = {feed.name: self.pool.submit(self._fetch_feed, feed, rows[feed.name].etag,
                                               rows[feed.name].last_modified) for feed in feeds}
        for feed in feeds:
            self.summary.polled += 1
            outcome = futures[feed.name].result()
            now = time.time()
            if isinstance(outcome, GeokgError):
                self._feed_failed(feed, outcome, rows[feed.name].failures, now)
            elif isinstance(outcome, Fetched):
                self.state.record_not_modified(feed.name, now=now, next_poll=now + feed.interval)
                self.say(f"{feed.name}: not modified")
            else:
                self._record_entries(feed, *outcome, now)

    def _fetch_feed(self, feed: Feed, etag: str | None, modified: str | None
                    ) -> Fetched | tuple[FeedDocument, Fetched] | GeokgError:
        """In a fetcher thread: the feed's document, read (or 304, or the failure)."""
        try:
            fetched = self.fetcher.get(feed.url, accept=FEED_ACCEPT, etag=etag,
                                       last_modified=modified)
            if fetched.not_modified:
                return fetched
            return read_feed(fetched.body, fetched.media_type, feed.url), fetched
        except GeokgError as error:
            return error
        except Exception as error:  # noqa: BLE001 - a parser's surprise fails this poll only
            log.exception("polling %s failed", feed.url)
            return DocumentError(f"{feed.url}: {error!r}", kind="unreadable")

    def _record_entries(self, feed: Feed, document: FeedDocument, fetched: Fetched,
                        now: float) -> None:
        listings = [Listing(e.url, e.published.timestamp() if e.published else None,
                            e.published.date().isoformat() if e.published else None,
                            e.title, e.stamp) for e in document.entries]
        new, revisits = self.state.record_poll(
            feed.name, listings, validators=(fetched.etag, fetched.last_modified),
            language=document.language, without_link=document.without_link,
            max_new=self.settings.feeds_max_items, now=now, next_poll=now + feed.interval)
        self.summary.new_items += new
        self.say(f"{feed.name}: {len(listings)} entries, {new} new, {revisits} changed")

    def _feed_failed(self, feed: Feed, error: GeokgError, failures: int, now: float) -> None:
        pause = min(feed.interval * 2 ** (failures + 1), self.settings.feeds_max_backoff)
        pause = max(pause, min(getattr(error, "retry_after", None) or 0,
                               self.settings.feeds_max_backoff))
        self.state.record_poll_failure(feed.name, str(error), now=now, next_poll=now + pause)
        self.summary.failed_feeds.append(feed.name)
        self.say(f"{feed.name}: poll failed ({_kind(error)}): {error}; next poll in {pause:.0f} s")

    # -- items -------------------------------------------------------------------------------
    def read_items(self, limit: int) -> int:
        """Read and store up to `limit` due items; how many were taken."""
        items = _by_turns(self.state.due_items(time.time(), limit, list(self.feeds)))
        if items:
            self.reader.start()  # from this thread (see PageReader)
        languages = {name: self.state.feed(name).language for name in self.feeds}
        ahead: collections.deque[tuple[Item, Future[_Outcome]]] = collections.deque()
        pending = iter(items)
        window = 2 * self.settings.feeds_fetchers  # pages read ahead of the one being stored
        for item in pending:
            ahead.append((item, self.pool.submit(self._read, item, languages.get(item.feed))))
            if len(ahead) >= window:
                break
        while ahead:
            item, future = ahead.popleft()
            self._store(item, future.result())
            following = next(pending, None)
            if following is not None:
                ahead.append((following, self.pool.submit(self._read, following,
                                                          languages.get(following.feed))))
        return len(items)

    def _read(self, item: Item, feed_language: str | None) -> _Outcome:
        """In a fetcher thread: the item's page, fetched and read as an article (the state
        belongs to the watcher's thread: what is needed of it comes as arguments)."""
        feed = self.feeds.get(item.feed)
        try:
            fetched = self.fetcher.get(
                item.url, accept=PAGE_ACCEPT, etag=item.page_etag if item.revisit else None,
                last_modified=item.page_last_modified if item.revisit else None)
            page_validators = (fetched.etag, fetched.last_modified)
            if fetched.not_modified:
                return _NotModified(page_validators)
            page = self.reader.read(fetched.body, fetched.media_type, item.url)
            lang = (feed.lang if feed else None) or page.lang or feed_language
            if lang is not None and lang not in LANGUAGES:
                raise DocumentError(f"{item.url} is in language {lang!r}; geokg reads "
                                    f"{' and '.join(LANGUAGES)}", kind="language")
            article = ArticleInput(text=page.text, published=_day(page.published, item.published_day),
                                   lang=lang, url=item.url, title=page.title or item.title)
            return _Read(article.checked(self.settings.max_article_chars), page_validators)
        except GeokgError as error:
            return error
        except Exception as error:  # noqa: BLE001 - one odd page must not stop the watcher
            log.exception("reading %s failed", item.url)
            return DocumentError(f"{item.url}: {error!r}", kind="unreadable")

    def _store(self, item: Item, outcome: _Outcome) -> None:
        if isinstance(outcome, _NotModified):
            self.state.record_unchanged(item.url, outcome.page)
        elif isinstance(outcome, GeokgError):
            self._failed(item, outcome)
        elif item.revisit and outcome.article.content_hash == item.content_hash:
            self.state.record_unchanged(item.url, outcome.page)
        else:
            self._ingest(item, outcome)

    def _ingest(self, item: Item, read: _Read) -> None:
        article = read.article
        claim = self.state.claim(item.url, article.content_hash)
        if claim.owner != item.url:
            self._not_new(item, "same-text", f"the same text as {claim.owner}")
            return
        revision = item.article_iri is not None and item.content_hash != article.content_hash
        version = item.version + 1 if revision else max(item.version, 1)
        replaces = [item.article_iri] if revision and item.article_iri else []
        if claim.prior and claim.prior not in (article.content_hash, item.content_hash):
            replaces.append(self._iri(claim.prior))  # written before a restart, changed since
        feed = self.feeds.get(item.feed)
        origin = ArticleOrigin(feed.url if feed else item.feed, item.feed, version,
                               item.article_iri if revision else None)
        try:
            result = self.pipeline.ingest(_with_origin(article, origin), replaces=replaces)
        except (InputError, ShapeViolation) as error:
            self._failed(item, error)
            return
        except StoreError as error:
            self._retry(item, error)
            return
        if not result.created and claim.prior != article.content_hash:
            self._not_new(item, "stored", f"the same text is stored already ({result.article_iri})")
            return
        now = time.time()
        first_version = not item.article_iri
        lag = now - item.published if item.published is not None and first_version and \
            not item.backlog else None
        self.state.record_ingested(item.url, article_iri=result.article_iri,
                                   content_hash=article.content_hash, version=version, now=now,
                                   lag=lag, page=read.page)
        if result.created and self.on_stored is not None:
            self.on_stored()
        if revision:
            self.summary.updated += 1
            self.say(f"updated {item.url}: version {version} is {result.article_iri}")
        else:
            self.summary.ingested += 1
            self.say(f"ingested {item.url} as {result.article_iri}")

    def _iri(self, content_hash: str) -> str:
        return str(self.pipeline.mint.article(content_hash.removeprefix("sha256:")[:16]))

    def _not_new(self, item: Item, kind: str, reason: str) -> None:
        if item.revisit:  # the stored version stays
            self.state.record_unchanged(item.url, (None, None), (kind, f"new version not stored: {reason}"))
            return
        self.state.record_rejected(item.url, kind, reason, status=DUPLICATE)
        self.summary.duplicates += 1
        self.say(f"duplicate {item.url}: {reason}")

    def _failed(self, item: Item, error: GeokgError) -> None:
        if getattr(error, "temporary", False):
            self._retry(item, error)
            return
        kind = _kind(error)
        if item.revisit:
            self.state.record_unchanged(item.url, (None, None), (kind, f"reading it again failed: {error}"))
            return
        self.state.record_rejected(item.url, kind, str(error))
        self.summary.rejected += 1
        self.say(f"rejected {item.url} ({kind}): {error}")

    def _retry(self, item: Item, error: GeokgError) -> None:
        attempts = item.attempts + 1
        kind = _kind(error)
        if attempts >= self.settings.feeds_item_attempts:
            message = f"gave up after {attempts} attempts: {error}"
            if item.revisit:
                self.state.record_unchanged(item.url, (None, None), (kind, message))
                return
            self.state.record_rejected(item.url, kind, message)
            self.summary.rejected += 1
            self.say(f"rejected {item.url} ({kind}): {message}")
            return
        pause = min(self.settings.feeds_retry_delay * 4 ** attempts, self.settings.feeds_max_backoff)
        pause = max(pause, min(getattr(error, "retry_after", None) or 0,
                               self.settings.feeds_max_backoff))
        self.state.record_retry(item.url, kind, str(error), next_attempt=time.time() + pause)
        self.summary.retried += 1
        self.say(f"will retry {item.url} in {pause:.0f} s ({kind}): {error}")


def _day(*candidates: str | None) -> dt.date | None:
    """The first publication day that reads as one: the page's (trafilatura), then the feed's."""
    for candidate in candidates:
        try:
            day = parse_published(candidate)
        except InputError:
            continue
        if day is not None:
            return day
    return None


def _with_origin(article: ArticleInput, origin: ArticleOrigin) -> ArticleInput:
    return replace(article, origin=origin)


def _kind(error: BaseException) -> str:
    """A short name of why, for /feeds and the metrics' labels."""
    if isinstance(error, ShapeViolation):
        return "shapes"
    if isinstance(error, InputError):
        return "input"
    if isinstance(error, StoreError):
        return "store"
    return str(getattr(error, "kind", None) or "error")


def _by_turns(items: list[Item]) -> list[Item]:
    """Items ordered so that hosts take turns: the fetcher threads then wait for no one
    host's pace while others' pages are due."""
    from urllib.parse import urlsplit

    queues: dict[str, collections.deque[Item]] = {}
    for item in items:
        queues.setdefault(urlsplit(item.url).hostname or "", collections.deque()).append(item)
    ordered: list[Item] = []
    while queues:
        for host in list(queues):
            ordered.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return ordered


# --- running one --------------------------------------------------------------------------

def state_path(settings: Settings) -> Path:
    path = settings.feeds_state_path
    if path is None:
        raise ConfigError("the watcher needs a state file: set GEOKG_FEEDS_STATE (or use an "
                          "embedded store, or GEOKG_RUN_DIR, beside which it is kept)")
    return path


@contextlib.contextmanager
def open_watcher(settings: Settings, pipeline: Pipeline, *,
                 on_stored: Callable[[], object] | None = None,
                 say: Say | None = None) -> Iterator[Watcher]:
    """The watcher of the feeds GEOKG_FEEDS names: takes the lock of the state file
    (WatcherBusy when another watcher holds it), opens the state, and lets both go at the end."""
    feeds = load_feeds(settings)
    if not feeds:
        raise ConfigError("no feeds to follow: GEOKG_FEEDS names no feed list, or an empty one")
    path = state_path(settings)
    lock = WatcherLock(path)
    try:
        state = FeedState(path)
        try:
            watcher = Watcher(settings, pipeline, feeds, state, on_stored=on_stored, say=say)
            state.heartbeat(started=time.time())  # /feeds names the process that holds the lock
            try:
                yield watcher
            finally:
                watcher.close()
        finally:
            state.close()
    finally:
        lock.release()
