"""The watcher against a news site of our own (tests/feedsite.py): RSS, Atom and JSON Feed
are followed, items land in the graph with their provenance, duplicates and updates are
recognised, and every failure of a feed or a page is retried, backed off or rejected with
its reason."""

from __future__ import annotations

import datetime as dt
import gzip
import time
from pathlib import Path

import pytest

from feedsite import (
    STORIES,
    FeedSite,
    Route,
    atom,
    first_read_ago,
    json_feed,
    page,
    published_ago,
    rss,
    story,
    watcher_settings,
    with_paragraph,
    write_feed_list,
)
from geokg.config import Settings
from geokg.feeds import Summary, open_watcher
from geokg.feeds.state import FeedState
from geokg.pipeline import Pipeline

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"
GK = "https://w3id.org/geokg/ontology#"


class Run:
    """A watcher's store and settings in one test folder; `once` runs `--once` again."""

    def __init__(self, folder: Path, site: FeedSite, feeds: list[dict[str, object]],
                 **overrides: object):
        self.settings: Settings = watcher_settings(folder, site, write_feed_list(folder, feeds),
                                                   **overrides)
        self.pipeline = Pipeline.open(self.settings)
        self.lines: list[str] = []

    def once(self) -> Summary:
        with open_watcher(self.settings, self.pipeline, say=self.lines.append) as watcher:
            return watcher.run_once()

    def report(self) -> dict[str, dict[str, object]]:
        path = self.settings.feeds_state_path
        assert path is not None
        state = FeedState(path, create=False)
        try:
            return state.report()["feeds"]  # type: ignore[return-value]
        finally:
            state.close()

    def articles(self) -> dict[str, dict[str, str | None]]:
        """Every stored article by its page URL: IRI, feed, version, title, language, day."""
        rows = self.pipeline.store.query(f"""
            PREFIX gk: <{GK}> PREFIX schema: <https://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?g ?url ?feed ?version ?title ?lang ?issued ?previous WHERE {{ GRAPH ?g {{
              ?a a gk:Article ; schema:url ?url ; dcterms:language ?lang .
              OPTIONAL {{ ?a gk:feed ?feed }} OPTIONAL {{ ?a gk:version ?version }}
              OPTIONAL {{ ?a dcterms:title ?title }} OPTIONAL {{ ?a dcterms:issued ?issued }}
              OPTIONAL {{ ?a prov:wasRevisionOf ?previous }} }} }}""").rows()
        found: dict[str, dict[str, str | None]] = {}
        for row in rows:
            assert row["url"] not in found, f"{row['url']} is stored twice"
            found[str(row["url"])] = row
        return found

    def close(self) -> None:
        self.pipeline.store.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def _serve_feed(site: FeedSite, path: str, body: bytes, media_type: str, **route: object) -> str:
    site.routes[path] = Route(body, content_type=media_type, **route)  # type: ignore[arg-type]
    return site.url + path


# --- the three formats, provenance ---------------------------------------------------------

def test_rss_atom_and_json_feed_items_are_ingested_with_their_provenance(
        folder: Path, site: FeedSite) -> None:
    for item in STORIES:
        site.put_story(item)
    feeds = [{"url": _serve_feed(site, "/rss.xml", rss(site.url, STORIES[:2]), RSS), "name": "RSS"},
             {"url": _serve_feed(site, "/atom.xml", atom(site.url, STORIES[2:4]), ATOM),
              "name": "Atom", "lang": "de"},
             {"url": _serve_feed(site, "/feed.json", json_feed(site.url, STORIES[4:]), JSON_FEED),
              "name": "JSON"}]
    run = Run(folder, site, feeds)
    summary = run.once()
    assert (summary.new_items, summary.ingested, summary.rejected) == (5, 5, 0)
    articles = run.articles()
    assert set(articles) == {f"{site.url}/news/{s.slug}" for s in STORIES}
    fischerei = articles[f"{site.url}/news/fischerei"]
    assert fischerei["feed"] == site.url + "/rss.xml" and fischerei["version"] == "1"
    assert fischerei["title"] == story("fischerei").title  # trafilatura read the page
    assert fischerei["issued"] == "2026-03-02" and fischerei["lang"] == "de"
    assert articles[f"{site.url}/news/grain"]["feed"] == site.url + "/atom.xml"
    assert articles[f"{site.url}/news/grain"]["lang"] == "de"  # the feed list's language wins
    assert articles[f"{site.url}/news/brueckenbau"]["feed"] == site.url + "/feed.json"
    report = run.report()
    assert report["RSS"]["items"] == {"seen": 2, "ingested": 2, "pending": 0, "rejected": 0,
                                      "duplicate": 0, "updated": 0}
    assert all(hit.headers["User-Agent"].startswith("geokg-feeds/") for hit in site.hits)
    run.close()


def test_the_lag_runs_from_publication_to_queryable(folder: Path, site: FeedSite) -> None:
    fresh = [published_ago(s, 3) for s in STORIES[:2]]
    for item in [*fresh, STORIES[2]]:
        site.put_story(item)
    url = _serve_feed(site, "/rss.xml", rss(site.url, [*fresh, STORIES[2]]), RSS)
    run = Run(folder, site, [{"url": url, "name": "fresh"}])
    first_read_ago(run.settings, {"fresh": url}, 10)  # followed for ten minutes
    summary = run.once()
    assert summary.ingested == 3
    lag = run.report()["fresh"]["lag_seconds"]
    # the two items published while the feed was followed; not the one published months
    # before it was first read (the backlog): its wait says nothing of how closely it is followed
    assert lag["count"] == 2  # type: ignore[index]
    assert 180 <= lag["median"] <= lag["p95"] < 3600  # type: ignore[index, operator]
    run.close()


def test_the_items_of_a_first_read_count_in_no_lag(folder: Path, site: FeedSite) -> None:
    """Starting to follow a feed finds items published hours or months ago: reading them is
    catching up, and a lag of months would hide for weeks how fresh the graph really is."""
    for item in STORIES[:2]:
        site.put_story(item)
    run = Run(folder, site, [{"url": _serve_feed(site, "/rss.xml", rss(site.url, STORIES[:2]), RSS),
                              "name": "n"}])
    assert run.once().ingested == 2
    assert run.report()["n"]["lag_seconds"]["count"] == 0  # type: ignore[index]
    newer = published_ago(STORIES[2], -1 / 60)  # after the first read (a feed's dates have whole seconds)
    site.put_story(newer)
    _serve_feed(site, "/rss.xml", rss(site.url, [newer, *STORIES[:2]]), RSS)
    assert run.once().ingested == 1
    lag = run.report()["n"]["lag_seconds"]
    assert lag["count"] == 1 and lag["p95"] < 3600  # type: ignore[index, operator]
    run.close()


# --- duplicates and updates ----------------------------------------------------------------

def test_the_same_url_in_several_feeds_is_ingested_once(folder: Path, site: FeedSite) -> None:
    for item in STORIES[:3]:
        site.put_story(item)
    tracked = "/news/{slug}?utm_source=feed&utm_medium=rss"
    feeds = [{"url": _serve_feed(site, "/a.xml", rss(site.url, STORIES[:2]), RSS), "name": "a"},
             {"url": _serve_feed(site, "/b.xml", atom(site.url, STORIES[1:3], path=tracked), ATOM),
              "name": "b"}]
    run = Run(folder, site, feeds)
    summary = run.once()
    assert summary.ingested == 3
    assert len(site.requests_for("/news/rail-talks")) == 1
    report = run.report()
    assert report["b"]["items"]["seen"] == 2 and report["b"]["items"]["duplicate"] == 1  # type: ignore[index]
    assert report["a"]["items"]["ingested"] == 2  # type: ignore[index]
    run.close()


def test_the_same_text_under_two_urls_is_stored_once(folder: Path, site: FeedSite) -> None:
    item = story("wasser")
    site.routes["/news/wasser"] = Route(page(item))
    site.routes["/print/wasser"] = Route(page(item))  # another URL, the same article
    both = rss(site.url, [item]).replace(b"</item>", b"</item><item><title>Druckfassung</title>"
                                         b"<link>" + site.url.encode() + b"/print/wasser</link>"
                                         b"</item>", 1)
    run = Run(folder, site, [{"url": _serve_feed(site, "/rss.xml", both, RSS), "name": "n"}])
    summary = run.once()
    assert (summary.ingested, summary.duplicates) == (1, 1)
    assert list(run.articles()) == [f"{site.url}/news/wasser"]
    [rejection] = run.report()["n"]["recent_rejections"]  # type: ignore[misc]
    assert rejection["kind"] == "same-text" and "/news/wasser" in rejection["reason"]
    run.close()


def test_an_updated_article_replaces_its_graph_and_says_which_version(
        folder: Path, site: FeedSite) -> None:
    first = story("grain")
    site.put_story(first)
    _serve_feed(site, "/atom.xml", atom(site.url, [first]), ATOM)
    run = Run(folder, site, [{"url": site.url + "/atom.xml", "name": "atom"}])
    run.once()
    before = run.articles()[f"{site.url}/news/grain"]

    changed = with_paragraph(first, "Update: the agreement was ratified on Tuesday evening.")
    site.put_story(changed)
    later = first.published + dt.timedelta(hours=5)
    _serve_feed(site, "/atom.xml", atom(site.url, [first], updated={"grain": later}), ATOM)
    time.sleep(1.1)  # the first version's time is a second behind
    before_read = time.time()
    summary = run.once()
    assert summary.updated == 1
    after = run.articles()
    assert list(after) == [f"{site.url}/news/grain"]  # one graph for the URL: the old one is gone
    now = after[f"{site.url}/news/grain"]
    assert now["g"] != before["g"] and now["version"] == "2" and now["previous"] == before["g"]
    assert not run.pipeline.store.has_graph(str(before["g"]))
    # and when: the new version was generated by this second read (whole seconds)
    assert int(before_read) <= _generated_at(run, str(now["g"])) <= time.time()
    assert run.report()["atom"]["items"]["updated"] == 1  # type: ignore[index]
    run.close()


def _generated_at(run: Run, graph: str) -> float:
    """The article's prov:generatedAtTime in `graph`, as seconds since the epoch."""
    [row] = run.pipeline.store.query(f"""
        PREFIX gk: <{GK}> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?when WHERE {{ GRAPH <{graph}> {{ ?a a gk:Article ; prov:generatedAtTime ?when }} }}
        """).rows()
    return dt.datetime.fromisoformat(str(row["when"])).timestamp()


def test_an_update_whose_page_did_not_change_is_not_read_again(folder: Path, site: FeedSite) -> None:
    item = story("grain")
    site.put_story(item, etag='"page-1"')
    _serve_feed(site, "/atom.xml", atom(site.url, [item]), ATOM)
    run = Run(folder, site, [{"url": site.url + "/atom.xml", "name": "atom"}])
    run.once()
    _serve_feed(site, "/atom.xml", atom(site.url, [item], updated={
        "grain": item.published + dt.timedelta(hours=1)}), ATOM)
    summary = run.once()
    hits = site.requests_for("/news/grain")
    assert [hit.status for hit in hits] == [200, 304]
    assert hits[1].headers["If-None-Match"] == '"page-1"'
    assert summary.updated == 0 and len(run.articles()) == 1
    run.close()


# --- conditional GET -----------------------------------------------------------------------

def test_a_304_means_no_page_is_fetched_again(folder: Path, site: FeedSite) -> None:
    for item in STORIES[:2]:
        site.put_story(item)
    modified = "Mon, 02 Mar 2026 08:00:00 GMT"
    _serve_feed(site, "/rss.xml", rss(site.url, STORIES[:2]), RSS, etag='"feed-7"',
                last_modified=modified)
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss"}])
    run.once()
    pages = len([h for h in site.hits if h.path.startswith("/news/")])
    run.once()
    second = site.requests_for("/rss.xml")[1]
    assert second.headers["If-None-Match"] == '"feed-7"'
    assert second.headers["If-Modified-Since"] == modified and second.status == 304
    assert len([h for h in site.hits if h.path.startswith("/news/")]) == pages == 2
    assert run.report()["rss"]["not_modified"] == 1
    run.close()


def test_items_beyond_the_limit_of_a_poll_are_taken_by_the_next_polls(
        folder: Path, site: FeedSite) -> None:
    for item in STORIES:
        site.put_story(item)
    _serve_feed(site, "/rss.xml", rss(site.url, STORIES), RSS, etag='"all"')
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss"}], feeds_max_items=2)
    assert [run.once().new_items for _ in range(4)] == [2, 2, 1, 0]
    assert [hit.status for hit in site.requests_for("/rss.xml")] == [200, 200, 200, 304]
    assert len(run.articles()) == len(STORIES)
    run.close()


# --- failing feeds -------------------------------------------------------------------------

def test_a_malformed_feed_fails_its_poll_and_is_backed_off(folder: Path, site: FeedSite) -> None:
    site.put_story(story("wasser"))
    broken = rss(site.url, [story("wasser")]).replace(b"</channel>", b"<item><title>a & b</title>")
    _serve_feed(site, "/rss.xml", broken, RSS)
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss", "interval": 60}])
    started = time.time()
    summary = run.once()
    assert summary.failed_feeds == ["rss"] and summary.ingested == 0
    feed = run.report()["rss"]
    assert "not well-formed" in str(feed["last_error"]) and feed["failures_in_a_row"] == 1
    assert feed["next_poll"] >= started + 2 * 60  # type: ignore[operator]
    assert site.requests_for("/news/wasser") == []
    assert run.articles() == {}
    run.close()


@pytest.mark.parametrize(("status", "attempts"), [(404, 1), (410, 1), (500, 2), (503, 2)])
def test_feed_errors_are_retried_only_when_they_may_pass(folder: Path, site: FeedSite,
                                                         status: int, attempts: int) -> None:
    _serve_feed(site, "/rss.xml", b"broken", "text/plain", status=status)
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss", "interval": 10}])
    assert run.once().failed_feeds == ["rss"]
    assert len(site.requests_for("/rss.xml")) == attempts  # GEOKG_FEEDS_RETRIES=1 here
    assert str(status) in str(run.report()["rss"]["last_error"])
    run.close()


def test_a_feed_that_keeps_failing_waits_longer_each_time(folder: Path, site: FeedSite) -> None:
    _serve_feed(site, "/rss.xml", b"", "text/plain", status=500)
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss", "interval": 10}],
              feeds_max_backoff=35)
    waits = []
    for _ in range(3):
        polled = time.time()
        run.once()
        waits.append(run.report()["rss"]["next_poll"] - polled)  # type: ignore[operator]
    assert 20 <= waits[0] < 25 and 40 > waits[1] >= 35 - 1 and waits[2] < 40  # capped at 35
    assert run.report()["rss"]["failures_in_a_row"] == 3
    assert run.report()["rss"]["poll_failures"] == 3
    run.close()


def test_a_slow_feed_times_out(folder: Path, site: FeedSite) -> None:
    _serve_feed(site, "/rss.xml", rss(site.url, []), RSS, delay=3)
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss"}], feeds_timeout=0.5,
              feeds_retries=0)
    assert run.once().failed_feeds == ["rss"]
    assert "timed out" in str(run.report()["rss"]["last_error"]) or \
        "GEOKG_FEEDS_TIMEOUT" in str(run.report()["rss"]["last_error"])
    run.close()


# --- failing pages -------------------------------------------------------------------------

def _one_item_run(folder: Path, site: FeedSite, **overrides: object) -> Run:
    _serve_feed(site, "/rss.xml", rss(site.url, [story("grain")]), RSS)
    return Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss"}], **overrides)


def _rejection(run: Run) -> dict[str, str]:
    [rejection] = run.report()["rss"]["recent_rejections"]  # type: ignore[misc]
    return rejection  # type: ignore[no-any-return]


def test_a_missing_page_is_rejected_with_its_reason(folder: Path, site: FeedSite) -> None:
    run = _one_item_run(folder, site)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == "not-found" and "404" in _rejection(run)["reason"]
    assert run.report()["rss"]["rejected_by_kind"] == {"not-found": 1}
    run.close()


def test_a_page_that_keeps_failing_is_retried_in_later_rounds_then_rejected(
        folder: Path, site: FeedSite) -> None:
    site.put_story(story("grain"), status=500)
    run = _one_item_run(folder, site, feeds_item_attempts=2, feeds_retry_delay=0.01)
    assert run.once().retried == 1
    assert run.report()["rss"]["items"]["pending"] == 1  # type: ignore[index]
    time.sleep(0.3)  # the item's back-off: 0.01 s * 4
    assert run.once().rejected == 1
    assert "gave up after 2 attempts" in _rejection(run)["reason"]
    assert len(site.requests_for("/news/grain")) == 4  # two rounds of one try and one retry
    run.close()


def test_a_page_that_comes_back_is_ingested_in_a_later_round(folder: Path, site: FeedSite) -> None:
    site.put_story(story("grain"), status=503)
    run = _one_item_run(folder, site, feeds_retry_delay=0.01)
    run.once()
    site.put_story(story("grain"))
    time.sleep(0.3)
    assert run.once().ingested == 1
    run.close()


def test_a_page_answering_429_is_not_asked_again_before_its_retry_after(
        folder: Path, site: FeedSite) -> None:
    """Retry-After: 2 on a page; the watcher's own retry delay is 0.05 s: the next request
    waits for the server's time, and then the item is ingested."""
    answers = iter([Route(b"slow down", status=429, content_type="text/plain",
                          headers={"Retry-After": "2"})])
    site.routes["/news/grain"] = lambda: next(answers, Route(page(story("grain"))))
    run = _one_item_run(folder, site)
    deadline = time.monotonic() + 30
    while run.once().ingested == 0:
        assert time.monotonic() < deadline, "never ingested"
        time.sleep(0.5)
    first, second = site.requests_for("/news/grain")
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 2.0
    assert list(run.articles()) == [f"{site.url}/news/grain"]
    run.close()


def test_a_feed_answering_429_is_not_polled_again_before_its_retry_after(
        folder: Path, site: FeedSite) -> None:
    _serve_feed(site, "/rss.xml", b"slow down", "text/plain", status=429,
                headers={"Retry-After": "120"})
    run = Run(folder, site, [{"url": site.url + "/rss.xml", "name": "rss", "interval": 1}])
    started = time.time()
    assert run.once().failed_feeds == ["rss"]
    assert len(site.requests_for("/rss.xml")) == 1  # no quick retry inside the 120 s
    assert run.report()["rss"]["next_poll"] >= started + 120  # type: ignore[operator]
    run.close()


def test_a_host_gets_one_request_per_host_delay_whatever_the_fetcher_threads(
        folder: Path, site: FeedSite) -> None:
    """Four threads would read the four pages at once; the site sees them one a second."""
    for item in STORIES[:4]:
        site.put_story(item)
    run = Run(folder, site, [{"url": _serve_feed(site, "/rss.xml", rss(site.url, STORIES[:4]), RSS),
                              "name": "n"}], feeds_host_delay=1.0, feeds_fetchers=4)
    assert run.once().ingested == 4
    arrivals = sorted(hit.at for hit in site.hits)
    assert len(arrivals) == 6  # robots.txt, the feed, four pages
    # at least the delay between two starts; half of it here, as connections arrive unevenly
    assert min(b - a for a, b in zip(arrivals, arrivals[1:], strict=False)) >= 0.5
    run.close()


def test_robots_txt_is_obeyed(folder: Path, site: FeedSite) -> None:
    site.put_story(story("grain"))
    site.routes["/robots.txt"] = Route(b"User-agent: geokg-feeds\nDisallow: /news/\n",
                                       content_type="text/plain")
    run = _one_item_run(folder, site)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == "robots"
    assert site.requests_for("/news/grain") == []
    run.close()


def test_other_agents_rules_do_not_apply(folder: Path, site: FeedSite) -> None:
    site.put_story(story("grain"))
    site.routes["/robots.txt"] = Route(b"User-agent: otherbot\nDisallow: /\n",
                                       content_type="text/plain")
    run = _one_item_run(folder, site)
    assert run.once().ingested == 1
    run.close()


def test_a_huge_page_is_refused_without_being_read_whole(folder: Path, site: FeedSite) -> None:
    site.routes["/news/grain"] = Route(page(story("grain"), extra="<p>" + "x" * 3_000_000 + "</p>"))
    run = _one_item_run(folder, site, feeds_max_bytes=1_000_000)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == "too-large"
    run.close()


def test_a_huge_page_without_a_length_is_cut_at_the_limit(folder: Path, site: FeedSite) -> None:
    huge = page(story("grain"), extra="<p>" + "y" * 3_000_000 + "</p>")
    site.routes["/news/grain"] = Route(huge, headers={"Content-Length": "", "Connection": "close"})
    run = _one_item_run(folder, site, feeds_max_bytes=1_000_000)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == "too-large"
    run.close()


def test_a_gzip_bomb_is_refused(folder: Path, site: FeedSite) -> None:
    bomb = gzip.compress(page(story("grain"), extra="<p>" + "z" * 20_000_000 + "</p>"))
    assert len(bomb) < 100_000
    site.routes["/news/grain"] = Route(bomb, headers={"Content-Encoding": "gzip"})
    run = _one_item_run(folder, site, feeds_max_bytes=1_000_000)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == "too-large"
    run.close()


def test_a_gzipped_page_is_read(folder: Path, site: FeedSite) -> None:
    site.routes["/news/grain"] = Route(gzip.compress(page(story("grain"))),
                                       headers={"Content-Encoding": "gzip"})
    run = _one_item_run(folder, site)
    assert run.once().ingested == 1
    run.close()


def test_a_page_trickled_byte_by_byte_times_out(folder: Path, site: FeedSite) -> None:
    """Each byte comes well within the socket timeout; the whole fetch does not."""
    site.routes["/news/grain"] = Route(page(story("grain")), trickle=0.05)
    run = _one_item_run(folder, site, feeds_timeout=1.0, feeds_retries=0, feeds_item_attempts=1)
    started = time.monotonic()
    assert run.once().rejected == 1
    assert time.monotonic() - started < 30  # not the ~70 s the whole body would take
    assert _rejection(run)["kind"] == "timeout"
    run.close()


@pytest.mark.parametrize(("route", "kind"), [
    (Route(b"%PDF-1.4 ...", content_type="application/pdf"), "not-a-page"),
    (Route(b"<html><body><img src='/logo.png'></body></html>"), "no-text"),
])
def test_pages_without_an_article_are_rejected(folder: Path, site: FeedSite, route: Route,
                                                kind: str) -> None:
    site.routes["/news/grain"] = route
    run = _one_item_run(folder, site)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == kind
    run.close()


def test_a_page_in_another_language_is_refused_not_misread(folder: Path, site: FeedSite) -> None:
    site.routes["/news/grain"] = Route(page(story("grain"), lang="fr-FR"))
    run = _one_item_run(folder, site)
    assert run.once().rejected == 1
    assert _rejection(run)["kind"] == "language" and "'fr'" in _rejection(run)["reason"]
    run.close()
