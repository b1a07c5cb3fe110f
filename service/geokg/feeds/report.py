"""What /feeds and /feeds/metrics show: the feed list joined with the watcher's state.

Read by the web processes (any of gunicorn's workers) from the state file the watcher
writes; a feed the watcher has not polled yet is listed with zero counts.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector, CollectorRegistry

from geokg.config import Settings
from geokg.errors import ConfigError
from geokg.feeds.feedlist import load_feeds
from geokg.feeds.state import FeedState
from geokg.feeds.watcher import HEARTBEAT_SECONDS

#: A watcher whose heartbeat is older than this many heartbeats is reported as not running.
SILENT_HEARTBEATS = 6

_EMPTY_ITEMS = {"seen": 0, "ingested": 0, "pending": 0, "rejected": 0, "duplicate": 0, "updated": 0}


def feeds_report(settings: Settings) -> dict[str, Any]:
    """The feeds followed, each with its last poll, counts, rejections and lag figures, and
    the watcher's process; `error` says why there is nothing to show."""
    try:
        feeds = load_feeds(settings)
    except ConfigError as exc:
        return {"feeds": [], "watcher": None, "error": str(exc)}
    path = settings.feeds_state_path
    stored: dict[str, Any] = {"watcher": None, "feeds": {}}
    problem = None
    if path is not None and path.exists():
        try:
            state = FeedState(path, create=False)
            try:
                stored = state.report()
            finally:
                state.close()
        except sqlite3.Error as exc:  # a watcher creating it this instant, or a broken file
            problem = f"the watcher's state {path} cannot be read yet: {exc}"
    rows = []
    for feed in feeds:
        known = stored["feeds"].get(feed.name)
        if known is not None and known["url"] != feed.url:
            known = None  # the list now names another URL: what was said of the old one is moot
        row: dict[str, Any] = {"name": feed.name, "url": feed.url, "lang": feed.lang,
                               "interval": feed.interval}
        row.update(known or {"last_status": "not polled yet", "items": dict(_EMPTY_ITEMS),
                             "rejected_by_kind": {}, "recent_rejections": [],
                             "lag_seconds": {"count": 0, "median": None, "p95": None, "sum": 0.0}})
        row["last_status"] = row.get("last_status") or "not polled yet"
        for moment in ("last_poll", "last_success", "next_poll"):
            row[moment] = _iso(row.get(moment))
        rows.append(row)
    error = problem if feeds else "no feeds are followed: GEOKG_FEEDS names no feed list, or an empty one"
    return {"feeds": rows, "watcher": _watcher(stored["watcher"]), "error": error}


def _watcher(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    running = time.time() - row["heartbeat"] < SILENT_HEARTBEATS * HEARTBEAT_SECONDS
    return {"pid": row["pid"], "host": row["host"], "started": _iso(row["started"]),
            "heartbeat": _iso(row["heartbeat"]), "running": running}


def _iso(moment: object) -> str | None:
    if not isinstance(moment, int | float) or not moment:
        return None
    return dt.datetime.fromtimestamp(moment, dt.UTC).isoformat(timespec="seconds")


# --- metrics --------------------------------------------------------------------------------

def metrics_text(settings: Settings) -> bytes:
    """The report in the Prometheus text format (written by prometheus_client)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_ReportCollector(feeds_report(settings)))
    return generate_latest(registry)


class _ReportCollector(Collector):
    def __init__(self, report: dict[str, Any]):
        self.report = report

    def collect(self) -> Iterator[Metric]:
        feeds = self.report["feeds"]
        counters = {"seen": "Items the feed listed (each URL once per feed).",
                    "ingested": "Items whose article was stored.",
                    "duplicate": "Items whose URL another feed listed first, or whose text "
                                 "another URL has.",
                    "updated": "New versions of stored articles (same URL, changed text)."}
        for key, doc in counters.items():
            family = CounterMetricFamily(f"geokg_feed_items_{key}", doc, labels=["feed"])
            for feed in feeds:
                family.add_metric([feed["name"]], feed["items"][key])
            yield family
        rejected = CounterMetricFamily("geokg_feed_items_rejected", "Items rejected, by reason.",
                                       labels=["feed", "reason"])
        pending = GaugeMetricFamily("geokg_feed_items_pending", "Items waiting to be read.",
                                    labels=["feed"])
        for feed in feeds:
            for reason, count in sorted(feed["rejected_by_kind"].items()):
                rejected.add_metric([feed["name"], reason or "error"], count)
            pending.add_metric([feed["name"]], feed["items"]["pending"])
        yield rejected
        yield pending
        yield from self._polls(feeds)
        yield from self._lags(feeds)
        watcher = self.report["watcher"]
        up = GaugeMetricFamily("geokg_feed_watcher_running",
                               "1 while the watcher's heartbeat is recent.")
        up.add_metric([], 1 if watcher and watcher["running"] else 0)
        yield up

    def _polls(self, feeds: list[dict[str, Any]]) -> Iterator[Metric]:
        polls = CounterMetricFamily("geokg_feed_polls", "Polls of the feed.", labels=["feed"])
        failed = CounterMetricFamily("geokg_feed_poll_failures", "Polls that failed.",
                                     labels=["feed"])
        in_a_row = GaugeMetricFamily("geokg_feed_failures_in_a_row",
                                     "Polls that failed since the last one that worked.",
                                     labels=["feed"])
        last = GaugeMetricFamily("geokg_feed_last_poll_timestamp_seconds",
                                 "When the feed was last polled.", labels=["feed"])
        for feed in feeds:
            polls.add_metric([feed["name"]], feed.get("polls", 0))
            failed.add_metric([feed["name"]], feed.get("poll_failures", 0))
            in_a_row.add_metric([feed["name"]], feed.get("failures_in_a_row", 0))
            if feed.get("last_poll"):
                last.add_metric([feed["name"]],
                                dt.datetime.fromisoformat(feed["last_poll"]).timestamp())
        yield from (polls, failed, in_a_row, last)

    def _lags(self, feeds: list[dict[str, Any]]) -> Iterator[Metric]:
        lag = GaugeMetricFamily("geokg_feed_lag_seconds", "Seconds from an item's publication "
                                "to its article being queryable, over the newest articles.",
                                labels=["feed", "quantile"])
        counted = GaugeMetricFamily("geokg_feed_lag_articles",
                                    "Articles the lag figures are computed over.", labels=["feed"])
        for feed in feeds:
            figures = feed["lag_seconds"]
            counted.add_metric([feed["name"]], figures["count"])
            for quantile, key in (("0.5", "median"), ("0.95", "p95")):
                if figures[key] is not None:
                    lag.add_metric([feed["name"], quantile], figures[key])
        yield lag
        yield counted
