"""The watcher's memory, in one SQLite file (GEOKG_FEEDS_STATE): what each feed said last
(validators, errors, back-off), every item seen and what became of it, and which text
belongs to which URL.

Why SQLite: every step is one transaction (WAL journal, synchronous=FULL), so a watcher
killed at any instant (kill -9, a power cut) finds on restart exactly what it had done.
The order of steps makes a restart neither skip nor repeat an item:

* the items of a poll are recorded in the same transaction as the feed's new validators
  (a 304 later can never hide an item that was not recorded);
* before an article is written to the store, its text is *claimed* for its URL (`claim`);
  after the write, the item is marked ingested. Killed in between, the restart reads the
  page again, finds the same text claimed by the same URL and the article stored, and marks
  it ingested then: the store is written once (it is content-addressed), the item counted once.

`WatcherLock` makes the watcher of a state file the only one: a second gets WatcherBusy.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import sqlite3
import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from geokg.errors import WatcherBusy

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
  name TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_poll REAL,
  first_read REAL,
  last_success REAL,
  last_status TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_poll REAL NOT NULL DEFAULT 0,
  polls INTEGER NOT NULL DEFAULT 0,
  poll_failures INTEGER NOT NULL DEFAULT 0,
  not_modified INTEGER NOT NULL DEFAULT 0,
  without_link INTEGER NOT NULL DEFAULT 0,
  language TEXT
);
CREATE TABLE IF NOT EXISTS items (
  url TEXT PRIMARY KEY,
  feed TEXT NOT NULL,
  first_seen REAL NOT NULL,
  published REAL,
  published_day TEXT,
  title TEXT,
  status TEXT NOT NULL,
  backlog INTEGER NOT NULL DEFAULT 0,
  revisit INTEGER NOT NULL DEFAULT 0,
  kind TEXT,
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt REAL NOT NULL DEFAULT 0,
  claimed_hash TEXT,
  content_hash TEXT,
  article_iri TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  ingested_at REAL,
  updated_at REAL,
  lag REAL,
  page_etag TEXT,
  page_last_modified TEXT
);
CREATE INDEX IF NOT EXISTS items_due ON items (status, next_attempt);
CREATE INDEX IF NOT EXISTS items_feed ON items (feed, status);
CREATE TABLE IF NOT EXISTS listings (
  url TEXT NOT NULL,
  feed TEXT NOT NULL,
  stamp TEXT NOT NULL,
  first_seen REAL NOT NULL,
  PRIMARY KEY (url, feed)
);
CREATE TABLE IF NOT EXISTS texts (
  content_hash TEXT PRIMARY KEY,
  url TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watcher (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  started REAL NOT NULL,
  heartbeat REAL NOT NULL
);
"""

PENDING, INGESTED, REJECTED, DUPLICATE = "pending", "ingested", "rejected", "duplicate"
#: How many of a feed's newest articles its lag figures are computed over.
LAG_WINDOW = 1000


@dataclass(frozen=True)
class FeedRow:
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    failures: int
    next_poll: float
    language: str | None


@dataclass(frozen=True)
class Listing:
    """An entry of a feed document as the state keeps it."""

    url: str
    published: float | None  # seconds since the epoch
    published_day: str | None  # YYYY-MM-DD in the feed's own offset
    title: str | None
    stamp: str


@dataclass(frozen=True)
class Item:
    """An item due for a (new) read of its page."""

    url: str
    feed: str
    published: float | None
    published_day: str | None
    title: str | None
    backlog: bool  # published before its feed was first read: no lag is counted for it
    revisit: bool
    attempts: int
    claimed_hash: str | None
    content_hash: str | None
    article_iri: str | None
    version: int
    page_etag: str | None
    page_last_modified: str | None


@dataclass(frozen=True)
class Claim:
    """The answer to `claim`: `owner` is the URL the text belongs to (another URL: this
    item is a duplicate); `prior` the text this item had claimed before (a restart)."""

    owner: str
    prior: str | None


class FeedState:
    """One connection to the state file; used by one thread."""

    def __init__(self, path: Path, *, create: bool = True):
        self.path = path
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}" + ("" if create else "?mode=rw")
        self.db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA busy_timeout = 30000")
        self.db.execute("PRAGMA synchronous = FULL")
        if create:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)  # each statement IF NOT EXISTS

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: all of it is written, or (an error, a kill) none."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- feeds -------------------------------------------------------------------------------
    def sync_feeds(self, feeds: Sequence[tuple[str, str]]) -> None:
        """Know every (name, url) of the feed list; a feed whose URL changed starts anew
        (its validators belong to the old URL)."""
        with self.transaction() as db:
            for name, url in feeds:
                db.execute("INSERT INTO feeds (name, url) VALUES (?, ?) ON CONFLICT (name) DO "
                           "UPDATE SET url = excluded.url, etag = NULL, last_modified = NULL, "
                           "first_read = NULL, next_poll = 0, failures = 0 "
                           "WHERE url != excluded.url", (name, url))

    def feed(self, name: str) -> FeedRow:
        row = self.db.execute("SELECT name, url, etag, last_modified, failures, next_poll, "
                              "language FROM feeds WHERE name = ?", (name,)).fetchone()
        return FeedRow(**dict(row))

    def record_poll(self, name: str, entries: Sequence[Listing], *,
                    validators: tuple[str | None, str | None], language: str | None,
                    without_link: int, max_new: int, now: float, next_poll: float
                    ) -> tuple[int, int]:
        """A feed document read, in one transaction: its entries, and the validators that
        let the next poll be a conditional GET. At most `max_new` new items are taken; then
        the validators are dropped, so that the next poll reads the document again and takes
        the others. Returns (new items, items to read again because the feed says they
        changed).

        An item published before the feed was first read is backlog: how long it waited
        for us says nothing of how closely the feed is followed, so it counts in no lag."""
        new = revisits = 0
        with self.transaction() as db:
            db.execute("UPDATE feeds SET first_read = COALESCE(first_read, ?) WHERE name = ?",
                       (now, name))
            first_read = db.execute("SELECT first_read FROM feeds WHERE name = ?",
                                    (name,)).fetchone()[0]
            for entry in entries:
                listed = db.execute("SELECT stamp FROM listings WHERE url = ? AND feed = ?",
                                    (entry.url, name)).fetchone()
                if listed is not None:
                    if listed["stamp"] != entry.stamp:
                        db.execute("UPDATE listings SET stamp = ? WHERE url = ? AND feed = ?",
                                   (entry.stamp, entry.url, name))
                        revisits += db.execute(
                            "UPDATE items SET status = 'pending', revisit = 1, attempts = 0, "
                            "next_attempt = 0 WHERE url = ? AND status = 'ingested'",
                            (entry.url,)).rowcount
                    continue
                if new >= max_new:
                    validators = (None, None)
                    continue
                db.execute("INSERT INTO listings (url, feed, stamp, first_seen) VALUES (?, ?, ?, ?)",
                           (entry.url, name, entry.stamp, now))
                new += db.execute(
                    "INSERT INTO items (url, feed, first_seen, published, published_day, title, "
                    "status, backlog) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) "
                    "ON CONFLICT (url) DO NOTHING",
                    (entry.url, name, now, entry.published, entry.published_day, entry.title,
                     entry.published is not None and entry.published < first_read)).rowcount
            db.execute("UPDATE feeds SET last_poll = ?, last_success = ?, last_status = 'read', "
                       "last_error = NULL, failures = 0, next_poll = ?, polls = polls + 1, "
                       "without_link = ?, language = ?, etag = ?, last_modified = ? "
                       "WHERE name = ?", (now, now, next_poll, without_link, language,
                                          *validators, name))
        return new, revisits

    def record_not_modified(self, name: str, *, now: float, next_poll: float) -> None:
        with self.transaction() as db:
            db.execute("UPDATE feeds SET last_poll = ?, last_success = ?, last_status = "
                       "'not modified', last_error = NULL, failures = 0, next_poll = ?, "
                       "polls = polls + 1, not_modified = not_modified + 1 WHERE name = ?",
                       (now, now, next_poll, name))

    def record_poll_failure(self, name: str, error: str, *, now: float, next_poll: float) -> int:
        """A poll that failed; returns how many polls in a row failed now."""
        with self.transaction() as db:
            db.execute("UPDATE feeds SET last_poll = ?, last_status = 'failed', last_error = ?, "
                       "failures = failures + 1, next_poll = ?, polls = polls + 1, "
                       "poll_failures = poll_failures + 1 WHERE name = ?",
                       (now, error, next_poll, name))
            return int(db.execute("SELECT failures FROM feeds WHERE name = ?", (name,)).fetchone()[0])

    def next_due(self, feeds: Sequence[str]) -> float | None:
        """When the next poll or item read of `feeds` is due (wall clock), or None."""
        marks = ", ".join("?" * len(feeds))
        row = self.db.execute(
            f"SELECT MIN(t) FROM (SELECT MIN(next_poll) AS t FROM feeds WHERE name IN ({marks}) "
            f"UNION ALL SELECT MIN(next_attempt) FROM items WHERE status = 'pending' AND feed IN "
            f"({marks}))", (*feeds, *feeds)).fetchone()
        return None if row[0] is None else float(row[0])

    # -- items -------------------------------------------------------------------------------
    def due_items(self, now: float, limit: int, feeds: Sequence[str]) -> list[Item]:
        """Pending items of `feeds` (a feed taken off the list leaves its items waiting),
        the feeds taking turns, each oldest first: a batch taken from a burst of polls
        spans many feeds (and so hosts, each fetched at its own pace), not the first two."""
        marks = ", ".join("?" * len(feeds))
        rows = self.db.execute(
            "SELECT url, feed, published, published_day, title, backlog, revisit, attempts, "
            "claimed_hash, content_hash, article_iri, version, page_etag, page_last_modified "
            "FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY feed ORDER BY first_seen, url) "
            "AS turn FROM items WHERE status = 'pending' AND next_attempt <= ? AND feed IN "
            f"({marks})) ORDER BY turn, first_seen, url LIMIT ?", (now, *feeds, limit))
        return [Item(**{**dict(row), "revisit": bool(row["revisit"]), "backlog": bool(row["backlog"])})
                for row in rows]

    def claim(self, url: str, content_hash: str) -> Claim:
        """Claim a text for a URL before it is written (see the module doc)."""
        with self.transaction() as db:
            db.execute("INSERT INTO texts (content_hash, url) VALUES (?, ?) "
                       "ON CONFLICT (content_hash) DO NOTHING", (content_hash, url))
            owner = str(db.execute("SELECT url FROM texts WHERE content_hash = ?",
                                   (content_hash,)).fetchone()[0])
            prior = db.execute("SELECT claimed_hash FROM items WHERE url = ?", (url,)).fetchone()[0]
            if owner == url:
                db.execute("UPDATE items SET claimed_hash = ? WHERE url = ?", (content_hash, url))
        return Claim(owner, prior)

    def record_ingested(self, url: str, *, article_iri: str, content_hash: str, version: int,
                        now: float, lag: float | None, page: tuple[str | None, str | None]) -> None:
        with self.transaction() as db:
            db.execute("UPDATE items SET status = 'ingested', revisit = 0, kind = NULL, "
                       "reason = NULL, attempts = 0, claimed_hash = NULL, content_hash = ?, "
                       "article_iri = ?, version = ?, ingested_at = COALESCE(ingested_at, ?), "
                       "updated_at = ?, lag = COALESCE(lag, ?), page_etag = ?, "
                       "page_last_modified = ? WHERE url = ?",
                       (content_hash, article_iri, version, now, now, lag, *page, url))

    def record_unchanged(self, url: str, page: tuple[str | None, str | None],
                         note: tuple[str, str] | None = None) -> None:
        """A page read again whose text did not change (or could not be read again: `note`
        says why; the stored version stays)."""
        kind, reason = note or (None, None)
        with self.transaction() as db:
            db.execute("UPDATE items SET status = 'ingested', revisit = 0, attempts = 0, "
                       "claimed_hash = NULL, kind = ?, reason = ?, page_etag = COALESCE(?, "
                       "page_etag), page_last_modified = COALESCE(?, page_last_modified) "
                       "WHERE url = ?", (kind, reason, *page, url))

    def record_rejected(self, url: str, kind: str, reason: str, *,
                        status: str = REJECTED) -> None:
        """An item not stored; a text it had claimed is free again (nothing holds it)."""
        with self.transaction() as db:
            db.execute("DELETE FROM texts WHERE url = ? AND content_hash = (SELECT claimed_hash "
                       "FROM items WHERE url = ?)", (url, url))
            db.execute("UPDATE items SET status = ?, revisit = 0, kind = ?, reason = ?, "
                       "claimed_hash = NULL WHERE url = ?", (status, kind, reason, url))

    def record_retry(self, url: str, kind: str, reason: str, *, next_attempt: float) -> None:
        with self.transaction() as db:
            db.execute("UPDATE items SET attempts = attempts + 1, kind = ?, reason = ?, "
                       "next_attempt = ? WHERE url = ?", (kind, reason, next_attempt, url))

    # -- the watcher -------------------------------------------------------------------------
    def heartbeat(self, *, started: float | None = None) -> None:
        now = time.time()
        with self.transaction() as db:
            if started is not None:
                db.execute("INSERT OR REPLACE INTO watcher (id, pid, host, started, heartbeat) "
                           "VALUES (1, ?, ?, ?, ?)", (os.getpid(), socket.gethostname(), started, now))
            else:
                db.execute("UPDATE watcher SET heartbeat = ? WHERE id = 1", (now,))

    # -- reports -----------------------------------------------------------------------------
    def report(self) -> dict[str, object]:
        """Everything /feeds shows, per feed: the last poll, counts, rejections, lags."""
        watcher = self.db.execute("SELECT pid, host, started, heartbeat FROM watcher").fetchone()
        feeds = {row["name"]: _feed_report(self.db, row) for row in
                 self.db.execute("SELECT * FROM feeds ORDER BY name")}
        return {"watcher": dict(watcher) if watcher else None, "feeds": feeds}


def _feed_report(db: sqlite3.Connection, feed: sqlite3.Row) -> dict[str, object]:
    name = feed["name"]
    counts = {row[0]: row[1] for row in db.execute(
        "SELECT status, COUNT(*) FROM items WHERE feed = ? GROUP BY status", (name,))}
    seen = db.execute("SELECT COUNT(*) FROM listings WHERE feed = ?", (name,)).fetchone()[0]
    elsewhere = db.execute("SELECT COUNT(*) FROM listings l JOIN items i ON i.url = l.url "
                           "WHERE l.feed = ? AND i.feed != ?", (name, name)).fetchone()[0]
    reasons = {row[0]: row[1] for row in db.execute(
        "SELECT kind, COUNT(*) FROM items WHERE feed = ? AND status = 'rejected' GROUP BY kind",
        (name,))}
    recent = [dict(row) for row in db.execute(
        "SELECT url, kind, reason FROM items WHERE feed = ? AND status IN ('rejected', 'duplicate') "
        "ORDER BY first_seen DESC LIMIT 20", (name,))]
    lags = [max(0.0, row[0]) for row in db.execute(
        "SELECT lag FROM items WHERE feed = ? AND lag IS NOT NULL ORDER BY ingested_at DESC "
        "LIMIT ?", (name, LAG_WINDOW))]
    versions = db.execute("SELECT COALESCE(SUM(version - 1), 0) FROM items WHERE feed = ? AND "
                          "version > 1", (name,)).fetchone()[0]
    return {
        "url": feed["url"], "last_poll": feed["last_poll"], "last_success": feed["last_success"],
        "last_status": feed["last_status"], "last_error": feed["last_error"],
        "failures_in_a_row": feed["failures"], "next_poll": feed["next_poll"],
        "polls": feed["polls"], "poll_failures": feed["poll_failures"],
        "not_modified": feed["not_modified"], "entries_without_link": feed["without_link"],
        "items": {"seen": seen, "ingested": counts.get(INGESTED, 0),
                  "pending": counts.get(PENDING, 0), "rejected": counts.get(REJECTED, 0),
                  "duplicate": counts.get(DUPLICATE, 0) + elsewhere, "updated": versions},
        "rejected_by_kind": reasons, "recent_rejections": recent,
        "lag_seconds": _lag_figures(lags),
    }


def _lag_figures(lags: list[float]) -> dict[str, float | int | None]:
    """Median and 95th percentile of publication → queryable, over the newest articles."""
    if not lags:
        return {"count": 0, "median": None, "p95": None, "sum": 0.0}
    ordered = sorted(lags)
    p95 = ordered[0] if len(ordered) == 1 else statistics.quantiles(ordered, n=20,
                                                                    method="inclusive")[18]
    return {"count": len(ordered), "median": round(statistics.median(ordered), 3),
            "p95": round(p95, 3), "sum": round(sum(ordered), 3)}


class WatcherLock:
    """An exclusive lock beside the state file, held while a watcher runs (flock: the
    kernel drops it when the process ends, even by kill -9)."""

    def __init__(self, state_path: Path):
        self.path = state_path.with_name(state_path.name + ".lock")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "a+")  # noqa: SIM115 - held for the watcher's life
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.seek(0)
            holder = self._file.read().strip() or "?"
            self._file.close()
            raise WatcherBusy(f"another watcher (pid {holder}) follows the feeds of "
                              f"{state_path}; one per state file (GEOKG_FEEDS_STATE)") from None
        self._file.seek(0)
        self._file.truncate()
        self._file.write(str(os.getpid()))
        self._file.flush()

    def release(self) -> None:
        if not self._file.closed:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
