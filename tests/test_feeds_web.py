"""/feeds (HTML and JSON) and /feeds/metrics report what the watcher did; `geokg serve`
follows the feeds in the background, and under gunicorn with several workers exactly one
watcher runs, started by the master."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from feedsite import (
    STORIES,
    FeedSite,
    Route,
    Story,
    first_read_ago,
    published_ago,
    rss,
    watcher_settings,
    write_feed_list,
)
from geokg.config import Settings
from geokg.feeds import open_watcher
from geokg.pipeline import Pipeline
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from reliability import command_line, gunicorn_deployment, isolated_env, wait_for, wait_until_up
from support import free_port


def _followed(tmp_path: Path, site: FeedSite) -> Settings:
    """Two feeds, one working (two items published while it was followed, one of them a
    missing page), one failing."""
    recent = [published_ago(item, 3) for item in STORIES[:2]]
    site.put_story(recent[0])
    site.routes["/rss.xml"] = Route(rss(site.url, recent), content_type="application/rss+xml")
    site.routes["/broken.xml"] = Route(b"<rss><channel>", content_type="application/rss+xml")
    settings = watcher_settings(tmp_path, site, write_feed_list(tmp_path, [
        {"url": f"{site.url}/rss.xml", "name": "Beispiel \"Zeitung\""},
        {"url": f"{site.url}/broken.xml", "name": "broken"},
        {"url": f"{site.url}/later.xml", "name": "later"}]))
    first_read_ago(settings, {"Beispiel \"Zeitung\"": f"{site.url}/rss.xml"}, 10)
    return settings


def test_feeds_reports_each_feed_as_json_and_html(tmp_path: Path, site: FeedSite) -> None:
    settings = _followed(tmp_path, site)
    pipeline = Pipeline.open(settings)
    with open_watcher(settings, pipeline) as watcher:
        watcher.poll([watcher.feeds['Beispiel "Zeitung"'], watcher.feeds["broken"]])
        while watcher.read_items(10):
            pass
    client = create_app(settings, pipeline=pipeline).test_client()
    report = client.get("/feeds", headers={"Accept": "application/json"}).json
    feeds = {feed["name"]: feed for feed in report["feeds"]}
    ours = feeds['Beispiel "Zeitung"']
    assert ours["items"] == {"seen": 2, "ingested": 1, "pending": 0, "rejected": 1, "duplicate": 0,
                             "updated": 0}
    assert ours["rejected_by_kind"] == {"not-found": 1}
    assert ours["recent_rejections"][0]["url"].endswith("/news/rail-talks")
    assert ours["lag_seconds"]["count"] == 1 and ours["last_poll"] and ours["last_error"] is None
    assert "not well-formed" in feeds["broken"]["last_error"]
    assert feeds["broken"]["failures_in_a_row"] == 1
    assert feeds["later"]["last_status"] == "not polled yet"
    assert report["watcher"]["pid"] == os.getpid() and report["watcher"]["running"] is True
    html = client.get("/feeds", headers={"Accept": "text/html"})
    assert html.mimetype == "text/html"
    text = html.get_data(as_text=True)
    assert "Beispiel &#34;Zeitung&#34;" in text and "not well-formed" in text
    assert "/news/rail-talks" in text and "not polled yet" in text
    pipeline.store.close()


def test_feeds_metrics_are_prometheus_text(tmp_path: Path, site: FeedSite) -> None:
    settings = _followed(tmp_path, site)
    pipeline = Pipeline.open(settings)
    with open_watcher(settings, pipeline) as watcher:
        watcher.run_once()
    response = create_app(settings, pipeline=pipeline).test_client().get("/feeds/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    samples = {(s.name, tuple(sorted(s.labels.items()))): s.value
               for family in text_string_to_metric_families(response.get_data(as_text=True))
               for s in family.samples}
    feed = (("feed", 'Beispiel "Zeitung"'),)
    assert samples[("geokg_feed_items_seen_total", feed)] == 2
    assert samples[("geokg_feed_items_ingested_total", feed)] == 1
    assert samples[("geokg_feed_items_rejected_total", (*feed, ("reason", "not-found")))] == 1
    assert samples[("geokg_feed_poll_failures_total", (("feed", "broken"),))] == 1
    assert samples[("geokg_feed_lag_articles", feed)] == 1
    assert ("geokg_feed_lag_seconds", (*feed, ("quantile", "0.95"))) in samples
    assert samples[("geokg_feed_watcher_running", ())] == 1
    pipeline.store.close()


def test_feeds_without_a_feed_list_says_so(tmp_path: Path) -> None:
    client = create_app(Settings(store="memory"), store=OxigraphStore()).test_client()
    report = client.get("/feeds?format=json").json
    assert report["feeds"] == [] and "GEOKG_FEEDS" in report["error"]
    assert client.get("/feeds/metrics").status_code == 200


# --- geokg serve, gunicorn -----------------------------------------------------------------

def _environment(settings: Settings, **extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    return {**keep, "GEOKG_FEEDS": str(settings.feeds), "GEOKG_FEEDS_STATE": str(settings.feeds_state),
            "GEOKG_FEEDS_ALLOW_PRIVATE": settings.feeds_allow_private,
            "GEOKG_FEEDS_HOST_DELAY": "0", "GEOKG_FEEDS_INTERVAL": "1", **extra}


def _feed_of(tmp_path: Path, site: FeedSite, items: list[Story]) -> Settings:
    """Every story on the site, `items` of them in its feed "n" (polled each second), and the
    settings that follow it."""
    for item in STORIES:
        site.put_story(item)
    site.routes["/rss.xml"] = Route(rss(site.url, items), content_type="application/rss+xml")
    return watcher_settings(tmp_path, site, write_feed_list(tmp_path, [
        {"url": f"{site.url}/rss.xml", "name": "n", "interval": 1}]))


def _serve(log: Path, env: dict[str, str], *options: str) -> tuple[subprocess.Popen[bytes], str]:
    """`geokg serve` (with `options`) on a free port in a session of its own, its output in
    `log`; the caller stops it by its process group."""
    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "geokg.cli", "serve", "--no-samples", *options,
                                   "--port", str(port)],
                                  env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    return server, f"http://127.0.0.1:{port}"


def _ingested(url: str, name: str) -> int:
    answer = requests.get(f"{url}/feeds", headers={"Accept": "application/json"}, timeout=30)
    assert answer.status_code == 200, answer.text
    feeds = answer.json()
    return int({f["name"]: f for f in feeds["feeds"]}[name]["items"]["ingested"])


@pytest.mark.slow
def test_geokg_serve_follows_the_feeds_in_the_background(tmp_path: Path, site: FeedSite) -> None:
    settings = _feed_of(tmp_path, site, STORIES[:2])
    log = tmp_path / "serve.log"
    server, url = _serve(log, _environment(settings, GEOKG_STORE=f"oxigraph:{tmp_path}/data"))
    try:
        wait_until_up(url, server, log)
        wait_for(lambda: _ingested(url, "n") == 2, "the two items ingested")
        # a new item appears in the feed: followed without anyone asking
        site.routes["/rss.xml"] = Route(rss(site.url, STORIES[:3]), content_type="application/rss+xml")
        wait_for(lambda: _ingested(url, "n") == 3, "the new item ingested")
        answer = requests.get(f"{url}/articles", timeout=30).json()
        assert answer["total"] == 3
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.slow
def test_geokg_serve_dev_follows_the_feeds_in_a_thread_of_its_own_process(
        tmp_path: Path, site: FeedSite) -> None:
    """The development server (one process) runs the watcher in a thread: /feeds names the
    server's own pid, and items are ingested and queryable through it."""
    settings = _feed_of(tmp_path, site, STORIES[:2])
    log = tmp_path / "serve.log"
    env = isolated_env(tmp_path / "home", **{
        k: v for k, v in _environment(settings, GEOKG_STORE=f"oxigraph:{tmp_path}/data",
                                      GEOKG_RUN_DIR=str(tmp_path / "run")).items()
        if k.startswith("GEOKG_")})
    server, url = _serve(log, env, "--dev", "--host", "127.0.0.1")
    try:
        wait_until_up(url, server, log)
        wait_for(lambda: _ingested(url, "n") == 2, "the two items ingested")
        report = requests.get(f"{url}/feeds?format=json", timeout=30).json()
        assert report["watcher"]["pid"] == server.pid and report["watcher"]["running"]
        site.routes["/rss.xml"] = Route(rss(site.url, STORIES[:3]), content_type="application/rss+xml")
        wait_for(lambda: _ingested(url, "n") == 3, "the new item ingested")
        assert requests.get(f"{url}/articles", timeout=30).json()["total"] == 3
        answer = requests.get(f"{url}/sparql", timeout=30, headers={"Accept": "text/csv"}, params={
            "query": "PREFIX schema: <https://schema.org/> SELECT ?u WHERE { ?a schema:url ?u }"})
        assert {f"{site.url}/news/{s.slug}" for s in STORIES[:3]} <= set(answer.text.split())
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        assert server.wait(timeout=60) == 0
    assert "following the feeds" in log.read_text()


@pytest.mark.slow
def test_gunicorn_with_two_workers_runs_exactly_one_watcher(tmp_path: Path, site: FeedSite) -> None:
    settings = _feed_of(tmp_path, site, STORIES)
    env = {k: v for k, v in _environment(settings).items() if k.startswith("GEOKG_")}
    with gunicorn_deployment(tmp_path, workers=2, **env) as deployment:
        wait_for(lambda: _ingested(deployment.url, "n") == len(STORIES), "every item ingested")
        watchers = [p for p in deployment.processes() if "geokg.feeds.service" in " ".join(command_line(p))]
        assert len(watchers) == 1 and watchers[0] in deployment.direct_children()
        watcher = watchers[0].pid
        # every worker answers /feeds with the one watcher
        for _ in range(6):
            report = requests.get(f"{deployment.url}/feeds?format=json", timeout=30).json()
            assert report["watcher"]["pid"] == watcher and report["watcher"]["running"]
        # polls went on (interval 1 s) and no page was read twice: one watcher, not one per worker
        wait_for(lambda: len(site.requests_for("/rss.xml")) >= 3, "a few polls")
        assert all(len(site.requests_for(f"/news/{s.slug}")) == 1 for s in STORIES)
        # a reload replaces every worker and keeps the watcher
        old = deployment.workers()
        deployment.master.send_signal(signal.SIGHUP)
        wait_for(lambda: not old & deployment.workers() and len(deployment.workers()) == 2,
                 "every worker replaced")
        assert [p.pid for p in deployment.processes()
                if "geokg.feeds.service" in " ".join(p.cmdline())] == [watcher]
        # a second watcher on the same state is refused, whoever starts it
        busy = subprocess.run([sys.executable, "-m", "geokg.cli", "--store", "memory", "watch",
                               "--once"], env={**os.environ, **env}, capture_output=True,
                              text=True, timeout=120)
        assert busy.returncode == 1 and f"pid {watcher}" in busy.stderr
        deployment.master.send_signal(signal.SIGTERM)
        assert deployment.master.wait(timeout=120) == 0
    assert not psutil.pid_exists(watcher) or psutil.Process(watcher).status() == psutil.STATUS_ZOMBIE
