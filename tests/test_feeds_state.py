"""The feed list, the watcher's state across restarts (also kill -9 in the middle of a
batch: nothing lost, nothing twice), one watcher per state, and `geokg watch`."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from feedsite import (
    STORIES,
    FeedSite,
    Route,
    Story,
    page,
    rss,
    watcher_settings,
    write_feed_list,
)
from geokg import PROJECT_ROOT
from geokg.cli import main
from geokg.errors import ConfigError, WatcherBusy
from geokg.feeds import open_watcher
from geokg.feeds.feedlist import read_feed_list
from geokg.feeds.state import FeedState, Listing, WatcherLock
from geokg.pipeline import Pipeline
from geokg.store.oxigraph import OxigraphStore

# --- the feed list -------------------------------------------------------------------------

def test_toml_and_yaml_feed_lists_say_the_same(tmp_path: Path) -> None:
    entries: list[dict[str, object]] = [
        {"url": "https://news.example/rss.xml", "name": "Example", "lang": "de", "interval": 60},
        {"url": "https://other.example/feed.json"}]
    toml = read_feed_list(write_feed_list(tmp_path, entries), 300)
    yaml = read_feed_list(write_feed_list(tmp_path, entries, yaml=True), 300)
    assert toml == yaml
    assert [(f.name, f.lang, f.interval) for f in toml] == [
        ("Example", "de", 60.0), ("other.example/feed.json", None, 300.0)]


@pytest.mark.parametrize(("entries", "message"), [
    ([{"url": "ftp://news.example/rss"}], "absolute http"),
    ([{"url": "https://a.example/", "lang": "fr"}], "de or en"),
    ([{"url": "https://a.example/", "interval": 0}], "at least 1"),
    ([{"url": "https://a.example/", "interval": "often"}], "number of seconds"),
    ([{"url": "https://a.example/", "colour": "red"}], "unknown key"),
    ([{"url": "https://a.example/", "name": "x"}, {"url": "https://b.example/", "name": "x"}],
     "same name"),
    ([{"url": "https://a.example/"}, {"url": "https://a.example/", "name": "again"}], "same url"),
    ([{"url": "https://a.example/", "name": "two\nlines"}], "one line"),
])
def test_feed_list_mistakes_are_named(tmp_path: Path, entries: list[dict[str, object]],
                                      message: str) -> None:
    for yaml in (False, True):
        with pytest.raises(ConfigError, match=message):
            read_feed_list(write_feed_list(tmp_path, entries, yaml=yaml), 300)


def test_unreadable_feed_lists_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_text("[[feeds]\nurl = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="feeds.toml"):
        read_feed_list(bad, 300)
    other = tmp_path / "feeds.txt"
    other.write_text("https://a.example/")
    with pytest.raises(ConfigError, match=".toml, .yaml"):
        read_feed_list(other, 300)
    with pytest.raises(ConfigError, match="cannot be read"):
        read_feed_list(tmp_path / "missing.toml", 300)


# --- one watcher per state -----------------------------------------------------------------

def test_a_second_watcher_on_the_same_state_is_refused(tmp_path: Path, site: FeedSite) -> None:
    site.routes["/rss.xml"] = Route(rss(site.url, []), content_type="application/rss+xml")
    settings = watcher_settings(tmp_path, site, write_feed_list(
        tmp_path, [{"url": f"{site.url}/rss.xml"}]), store="memory")
    pipeline = Pipeline(settings, OxigraphStore())
    with open_watcher(settings, pipeline) as watcher:
        watcher.run_once()
        with pytest.raises(WatcherBusy, match=f"pid {os.getpid()}"):
            with open_watcher(settings, pipeline):
                pass
        result = CliRunner().invoke(main, ["--store", f"oxigraph:{tmp_path / 'other'}", "watch",
                                           "--once"], env={"GEOKG_FEEDS": settings.feeds or "",
                                                           "GEOKG_FEEDS_STATE": settings.feeds_state or ""})
        assert result.exit_code == 1 and "another watcher" in result.output
    with open_watcher(settings, pipeline):  # released with the first
        pass


def test_the_lock_goes_with_the_process(tmp_path: Path) -> None:
    """flock: a killed watcher leaves no lock behind (no stale pid file to clean up)."""
    state = tmp_path / "state.sqlite"
    code = ("import sys, time; from pathlib import Path; from geokg.feeds.state import WatcherLock;"
            f"lock = WatcherLock(Path({str(state)!r})); print('locked', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        with pytest.raises(WatcherBusy, match=str(holder.pid)):
            WatcherLock(state)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    WatcherLock(state).release()


# --- restarts ------------------------------------------------------------------------------

def test_a_restart_between_the_store_write_and_its_record_counts_the_item_once(
        tmp_path: Path, site: FeedSite) -> None:
    """The state claims a text before the write and records it after; killed in between,
    the restart finds the article stored and records it, as ingested, once."""
    item = STORIES[0]
    site.put_story(item)
    site.routes["/rss.xml"] = Route(rss(site.url, [item]), content_type="application/rss+xml")
    settings = watcher_settings(tmp_path, site, write_feed_list(tmp_path, [{"url": f"{site.url}/rss.xml",
                                                                             "name": "n"}]))
    pipeline = Pipeline.open(settings)
    with open_watcher(settings, pipeline) as watcher:
        watcher.poll(list(watcher.feeds.values()))
        [due] = watcher.state.due_items(time.time(), 10, ["n"])
        read = watcher._read(due, None)
        # what `_ingest` does up to the write, then "killed"
        claim = watcher.state.claim(due.url, read.article.content_hash)  # type: ignore[union-attr]
        assert claim.owner == due.url and claim.prior is None
        pipeline.ingest(read.article)  # type: ignore[union-attr]
    with open_watcher(settings, pipeline) as watcher:  # the restart
        summary = watcher.run_once()
        report = watcher.state.report()["feeds"]["n"]
    assert (summary.ingested, summary.duplicates) == (1, 0)
    assert report["items"]["ingested"] == 1 and report["items"]["duplicate"] == 0  # type: ignore[index]
    pipeline.store.close()


def _stories(count: int) -> list[Story]:
    base = STORIES
    return [Story(f"{base[n % len(base)].slug}-{n}", base[n % len(base)].lang,
                  f"{base[n % len(base)].title} ({n})",
                  (*base[n % len(base)].paragraphs, f"Meldung {n} aus der Beispielzeitung."),
                  base[n % len(base)].published) for n in range(count)]


def _state_counts(path: Path) -> dict[str, int]:
    try:
        with sqlite3.connect(path) as db:
            return dict(db.execute("SELECT status, COUNT(*) FROM items GROUP BY status").fetchall())
    except sqlite3.OperationalError:  # the watcher is creating the file this instant
        return {}


@pytest.mark.slow
def test_kill_9_in_the_middle_of_a_batch_loses_nothing_and_repeats_nothing(
        tmp_path: Path, site: FeedSite) -> None:
    stories = _stories(16)
    for item in stories:
        site.routes[f"/news/{item.slug}"] = Route(page(item), delay=0.25)
    site.routes["/rss.xml"] = Route(rss(site.url, stories), content_type="application/rss+xml")
    feeds = write_feed_list(tmp_path, [{"url": f"{site.url}/rss.xml", "name": "n", "interval": 3600}])
    settings = watcher_settings(tmp_path, site, feeds, feeds_fetchers=2)
    env = {**os.environ, "GEOKG_STORE": settings.store, "GEOKG_FEEDS": str(feeds),
           "GEOKG_FEEDS_STATE": str(settings.feeds_state),
           "GEOKG_FEEDS_ALLOW_PRIVATE": settings.feeds_allow_private, "GEOKG_FEEDS_HOST_DELAY": "0",
           "GEOKG_FEEDS_FETCHERS": "2", "GEOKG_STATISTICS_DELAY": "0"}
    state = Path(str(settings.feeds_state))
    log = (tmp_path / "watch.log").open("wb")
    watcher = subprocess.Popen([sys.executable, "-m", "geokg.cli", "watch"], env=env, cwd=PROJECT_ROOT,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (state.exists() and _state_counts(state).get("ingested", 0) >= 4):
            assert watcher.poll() is None, (tmp_path / "watch.log").read_text()
            assert time.monotonic() < deadline, "the watcher ingested nothing"
            time.sleep(0.05)
        os.killpg(watcher.pid, signal.SIGKILL)
        watcher.wait(timeout=30)
    finally:
        if watcher.poll() is None:
            os.killpg(watcher.pid, signal.SIGKILL)
            watcher.wait()
        log.close()
    before = _state_counts(state)
    assert 4 <= before.get("ingested", 0) < len(stories), before  # killed mid-batch
    fetched_before = {item.slug: len(site.requests_for(f"/news/{item.slug}")) for item in stories}

    again = subprocess.run([sys.executable, "-m", "geokg.cli", "watch", "--once"], env=env,
                           cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert _state_counts(state) == {"ingested": len(stories)}
    store = OxigraphStore(settings.data_dir)
    try:
        rows = store.query("""PREFIX gk: <https://w3id.org/geokg/ontology#>
            PREFIX schema: <https://schema.org/>
            SELECT ?url (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?a a gk:Article ;
              schema:url ?url } } GROUP BY ?url""").rows()
    finally:
        store.close()
    assert sorted(str(r["url"]) for r in rows) == sorted(f"{site.url}/news/{s.slug}" for s in stories)
    assert {r["graphs"] for r in rows} == {"1"}  # nothing twice
    refetched = [slug for slug, count in fetched_before.items()
                 if count and len(site.requests_for(f"/news/{slug}")) > count]
    assert len(refetched) <= 4, refetched  # only pages in flight at the kill (2 threads, 2 ahead)
    assert all(len(site.requests_for(f"/news/{s.slug}")) <= 2 for s in stories)


# --- geokg watch ---------------------------------------------------------------------------

def test_geokg_watch_once_prints_progress_and_counts(tmp_path: Path, site: FeedSite) -> None:
    for item in STORIES[:2]:
        site.put_story(item)
    site.routes["/rss.xml"] = Route(rss(site.url, STORIES[:2]), content_type="application/rss+xml")
    settings = watcher_settings(tmp_path, site, write_feed_list(tmp_path, [
        {"url": f"{site.url}/rss.xml", "name": "ours"}, {"url": f"{site.url}/gone.xml", "name": "gone"}]))
    env = {"GEOKG_STORE": settings.store, "GEOKG_FEEDS_STATE": str(settings.feeds_state),
           "GEOKG_FEEDS_ALLOW_PRIVATE": settings.feeds_allow_private, "GEOKG_FEEDS_HOST_DELAY": "0",
           "GEOKG_FEEDS_RETRIES": "0"}
    result = CliRunner().invoke(main, ["watch", "--once", "--feeds", str(settings.feeds)], env=env)
    assert result.exit_code == 1, result.output  # the feed that is gone
    assert "ours: 2 entries, 2 new" in result.output
    assert "gone: poll failed (not-found)" in result.output
    assert "2 polls (1 failed: gone), 2 new items: 2 ingested" in result.output
    again = CliRunner().invoke(main, ["watch", "--once", "--feeds", str(settings.feeds)], env=env)
    assert "0 new items" in again.output


def test_geokg_watch_needs_a_feed_list() -> None:
    result = CliRunner().invoke(main, ["--store", "memory", "watch", "--once"], env={"GEOKG_FEEDS": ""})
    assert result.exit_code == 2 and "GEOKG_FEEDS" in result.output


def test_the_state_file_is_beside_the_store_by_default(tmp_path: Path) -> None:
    from geokg.config import Settings

    assert Settings(store=f"oxigraph:{tmp_path}/data").feeds_state_path == tmp_path / "data.feeds.sqlite"
    assert Settings(store="memory", run_dir=str(tmp_path)).feeds_state_path == tmp_path / "feeds.sqlite"
    assert Settings(store="memory").feeds_state_path is None
    with pytest.raises(ConfigError, match="GEOKG_FEEDS_STATE"):
        from geokg.feeds.watcher import state_path

        state_path(Settings(store="memory"))


def test_state_writes_are_all_or_nothing(tmp_path: Path) -> None:
    state = FeedState(tmp_path / "state.sqlite")
    state.sync_feeds([("n", "https://a.example/")])
    with pytest.raises(RuntimeError), state.transaction() as db:
        db.execute("UPDATE feeds SET failures = 9")
        raise RuntimeError("killed halfway")
    assert state.feed("n").failures == 0
    state.close()


def test_a_batch_taken_from_a_burst_of_polls_spans_the_feeds(tmp_path: Path) -> None:
    """Twenty feeds polled at once: a batch of the first feed's items alone would wait for
    that one host's pace while every other host's pages are due."""
    state = FeedState(tmp_path / "state.sqlite")
    feeds = [(f"feed-{k}", f"https://site-{k}.example/feed") for k in range(3)]
    state.sync_feeds(feeds)
    for when, (name, url) in enumerate(feeds):
        listings = [Listing(f"{url}/item-{n}", None, None, None, "s") for n in range(5)]
        state.record_poll(name, listings, validators=(None, None), language=None, without_link=0,
                          max_new=10, now=1000.0 + when, next_poll=0)
    batch = state.due_items(2000.0, 6, [name for name, _ in feeds])
    assert [item.feed for item in batch] == ["feed-0", "feed-1", "feed-2"] * 2
    assert [item.url.rsplit("-", 1)[1] for item in batch] == ["0"] * 3 + ["1"] * 3  # oldest first
    state.close()
