"""Live feeds: how fast the watcher reads a backlog, and how far behind the news it runs.

20 local news sites (one HTTP server each, on 127.0.0.1 … 127.0.0.20, so that each is a
host of its own for the per-host pace), one feed each (RSS, Atom and JSON Feed in turn),
1,000 items in all, pages of realistic size (the article among navigation, teasers, inline
scripts and a footer; about 60 KB of HTML). The texts are the sample articles, each varied
by a numbered closing line (a different text is a different article), as in bulk_ingest.py.

    python bench/feeds.py --items 1000 --feeds 20 --minutes 10 --interval 60 300

1. backlog: every item published before the watcher starts; `geokg watch --once` on a fresh
   store reads them all: items/s (from its first to its last article stored, and whole
   command wall time with start-up).
2. bulk: the same 1,000 pages saved as .html files, `geokg ingest --jobs 1` on a fresh store
   (the same extraction work, trafilatura included): items/s as the command reports it.
3. live: a fresh store; once `geokg watch` (poll interval --interval seconds; several
   intervals: a live phase each) has read every feed, still empty, the items are published
   at a steady pace over --minutes minutes (each feed lists its 50 newest); lag =
   publication → queryable (the state's figures), median, p95 and max, and poll → queryable
   (first seen → stored), which the interval does not include.

Prints one JSON object per phase. Files go to a temporary folder (or --keep DIR).

    python bench/feeds.py --items 1000 --feeds 20 --pairs 5

runs backlog and bulk in 5 alternating pairs instead (the watcher first in odd pairs): each
phase's line with the load average before and after, each pair's rates and ratio (watcher
over bulk: from first to last article stored, as `geokg ingest` reports, and by wall time
with start-up), and the median ratios. On a shared machine that is the figure to compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import html
import json
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from geokg.resources import SAMPLE_ARTICLES

NOTES = {"de": "(Meldung {n} der Beispielzeitung.)", "en": "(Report {n} of the example paper.)"}
LISTED = 50  # items a feed document lists: its newest
PAGE_BYTES = 60_000  # about the HTML of a news article page


@dataclass
class Item:
    n: int
    feed: int
    lang: str
    title: str
    text: str
    published: float  # epoch seconds; the item is listed from then on


def make_items(count: int, feeds: int) -> list[Item]:
    samples = [json.loads(line) for line in SAMPLE_ARTICLES.read_text("utf-8").splitlines()
               if line.strip()]
    items = []
    for n in range(count):
        sample = samples[n % len(samples)]
        lang = sample.get("lang") or "en"
        text = sample["text"].rstrip() + "\n\n" + NOTES.get(lang, NOTES["en"]).format(n=n)
        title = (sample.get("title") or text.split("\n", 1)[0])[:120] + f" ({n})"
        items.append(Item(n, n % feeds, lang, title, text, 0.0))
    return items


def page_html(item: Item) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in item.text.split("\n") if p.strip())
    nav = "".join(f'<li><a href="/rubrik/{k}">Rubrik {k}</a></li>' for k in range(150))
    teasers = "".join(f'<div class="teaser"><a href="/artikel/{k}"><h3>Weitere Meldung {k}</h3>'
                      f"<p>Kurzer Anreißer zu einer anderen Meldung, Nummer {k}.</p></a></div>"
                      for k in range(60))
    script = "<script>window.__state = " + json.dumps({"k": list(range(2500))}) + ";</script>"
    published = dt.datetime.fromtimestamp(item.published, dt.UTC).isoformat()
    doc = (f'<!doctype html><html lang="{item.lang}"><head><meta charset="utf-8">'
           f"<title>{html.escape(item.title)} | Beispielzeitung</title>"
           f'<meta property="article:published_time" content="{published}">'
           f"<style>{'.x{color:#333}' * 400}</style>{script}</head><body>"
           f"<header><nav><ul>{nav}</ul></nav></header><main><article>"
           f"<h1>{html.escape(item.title)}</h1>{paragraphs}</article>"
           f'<aside class="more">{teasers}</aside></main>'
           f"<footer><p>Impressum · Datenschutz · Kontakt</p></footer></body></html>")
    padding = max(0, PAGE_BYTES - len(doc.encode()))
    return doc.replace("</body>", f"<!-- {'·' * (padding // 2)} --></body>").encode()


def feed_document(site: str, index: int, items: list[Item]) -> tuple[bytes, str]:
    """RSS, Atom or JSON Feed (by the feed's number) of the newest published items."""
    kind = index % 3
    links = [(f"{site}/news/{i.n}", i) for i in items]
    if kind == 0:
        entries = "".join(f"<item><title>{html.escape(i.title)}</title><link>{url}</link>"
                          f"<pubDate>{email.utils.formatdate(i.published, usegmt=True)}</pubDate>"
                          "</item>" for url, i in links)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {index}</title>'
                f"<link>{site}/</link>{entries}</channel></rss>").encode(), "application/rss+xml"
    if kind == 1:
        entries = "".join(
            f'<entry><title>{html.escape(i.title)}</title><link href="{url}"/><id>{url}</id>'
            f"<updated>{dt.datetime.fromtimestamp(i.published, dt.UTC).isoformat()}</updated>"
            "</entry>" for url, i in links)
        return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed '
                f"{index}</title><id>{site}/</id><updated>2026-01-01T00:00:00Z</updated>"
                f"{entries}</feed>").encode(), "application/atom+xml"
    document = {"version": "https://jsonfeed.org/version/1.1", "title": f"Feed {index}",
                "items": [{"id": url, "url": url, "title": i.title, "date_published":
                           dt.datetime.fromtimestamp(i.published, dt.UTC).isoformat()}
                          for url, i in links]}
    return json.dumps(document).encode(), "application/feed+json"


class Site:
    """One news site: its feed lists the items published by now (the newest LISTED)."""

    def __init__(self, index: int, items: list[Item]):
        self.index = index
        self.items = items
        self.pages = {f"/news/{i.n}": i for i in items}
        self.made: dict[str, bytes] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.answer(self)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer((f"127.0.0.{index + 1}", 0), Handler)
        self.server.daemon_threads = True
        self.host_port = f"127.0.0.{index + 1}:{self.server.server_address[1]}"
        self.url = f"http://{self.host_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        now = time.time()
        if handler.path == "/feed":
            listed = sorted((i for i in self.items if i.published <= now),
                            key=lambda i: -i.published)[:LISTED]
            etag = f'"{len(listed)}-{listed[0].n if listed else 0}"'
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            body, media_type = feed_document(self.url, self.index, listed)
            headers = {"Content-Type": media_type, "ETag": etag}
        elif handler.path in self.pages:
            body, headers = self.page(handler.path), {"Content-Type": "text/html; charset=utf-8"}
        else:
            body, headers = b"not here", {"Content-Type": "text/plain"}
            handler.send_response(404)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            return
        handler.send_response(200)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def page(self, path: str) -> bytes:
        """The page, made once (as a site serves it from its cache: the bench's own CPU
        time then competes less with what it measures)."""
        with self.lock:
            if path not in self.made:
                self.made[path] = page_html(self.pages[path])
            return self.made[path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def environment(folder: Path, sites: list[Site], interval: float, host_delay: float) -> dict[str, str]:
    lines = []
    for site in sites:
        lines += ["[[feeds]]", f'url = "{site.url}/feed"', f'name = "feed-{site.index:02d}"',
                  f"interval = {interval}"]
    (folder / "feeds.toml").write_text("\n".join(lines) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env.update(GEOKG_STORE=f"oxigraph:{folder / 'data'}", GEOKG_FEEDS=str(folder / "feeds.toml"),
               GEOKG_FEEDS_STATE=str(folder / "state.sqlite"),
               GEOKG_FEEDS_ALLOW_PRIVATE=",".join(site.host_port for site in sites),
               GEOKG_FEEDS_HOST_DELAY=str(host_delay))
    return env


def state_rows(folder: Path) -> list[tuple[float, float, float | None]]:
    """(first seen, stored, lag) of every ingested item."""
    with sqlite3.connect(folder / "state.sqlite") as db:
        return [(a, b, c) for a, b, c in db.execute(
            "SELECT first_seen, ingested_at, lag FROM items WHERE status = 'ingested'")]


def first_read(folder: Path, feeds: int) -> bool:
    """Whether the watcher has read every feed once (items published before count in no lag)."""
    if not (folder / "state.sqlite").exists():
        return False
    try:
        with sqlite3.connect(folder / "state.sqlite") as db:
            read = db.execute("SELECT COUNT(*) FROM feeds WHERE first_read IS NOT NULL").fetchone()[0]
    except sqlite3.Error:  # created this instant
        return False
    return int(read) >= feeds


def figures(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"median": None, "p95": None, "max": None}
    ordered = sorted(values)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"median": round(statistics.median(ordered), 1), "p95": round(p95, 1),
            "max": round(ordered[-1], 1)}


def geokg() -> str:
    return str(Path(sys.executable).with_name("geokg"))


def backlog(folder: Path, items: list[Item], feeds: int, host_delay: float) -> dict[str, object]:
    for item in items:
        item.published = time.time() - 3600
    sites = [Site(k, [i for i in items if i.feed == k]) for k in range(feeds)]
    try:
        env = environment(folder, sites, 60, host_delay)
        started = time.monotonic()
        done = subprocess.run([geokg(), "watch", "--once"], env=env, capture_output=True, text=True)
        wall = time.monotonic() - started
    finally:
        for site in sites:
            site.close()
    if done.returncode != 0:
        raise SystemExit(f"geokg watch --once failed:\n{done.stderr[-3000:]}")
    rows = state_rows(folder)
    stored = sorted(r[1] for r in rows)
    span = stored[-1] - stored[0] if len(stored) > 1 else 0.0
    return {"phase": "backlog", "command": "geokg watch --once", "items": len(items),
            "ingested": len(rows), "host_delay_s": host_delay, "wall_s": round(wall, 1),
            "items_per_s": round((len(rows) - 1) / span, 1) if span else None,
            "items_per_s_wall": round(len(rows) / wall, 1), "summary": done.stdout.strip(),
            "load_avg_1min": round(os.getloadavg()[0], 2)}


def bulk(folder: Path, items: list[Item]) -> dict[str, object]:
    pages = folder / "pages"
    pages.mkdir()
    for item in items:
        item.published = time.time() - 3600
        (pages / f"{item.n:05d}.html").write_bytes(page_html(item))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = f"oxigraph:{folder / 'bulk-data'}"
    started = time.monotonic()
    done = subprocess.run([geokg(), "ingest", str(pages), "--jobs", "1"], env=env,
                          capture_output=True, text=True)
    wall = time.monotonic() - started
    reported = re.search(r"(\d+) articles in ([\d.]+) s \(([\d.]+)/s", done.stderr)
    return {"phase": "bulk", "command": "geokg ingest PAGES/ --jobs 1", "items": len(items),
            "summary": done.stdout.strip(), "wall_s": round(wall, 1),
            "items_per_s": float(reported.group(3)) if reported else None,
            "items_per_s_wall": round(len(items) / wall, 1),
            "load_avg_1min": round(os.getloadavg()[0], 2)}


def live(folder: Path, items: list[Item], feeds: int, minutes: float, interval: float,
         host_delay: float) -> dict[str, object]:
    for item in items:  # nothing is published until the watcher has read every feed once
        item.published = float("inf")
    sites = [Site(k, [i for i in items if i.feed == k]) for k in range(feeds)]
    env = environment(folder, sites, interval, host_delay)
    log = (folder / "watch.log").open("wb")
    watcher = subprocess.Popen([geokg(), "watch"], env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        while not first_read(folder, feeds):
            if watcher.poll() is not None:
                raise SystemExit(f"geokg watch ended: {(folder / 'watch.log').read_text()[-3000:]}")
            time.sleep(0.5)
        start = time.time() + 2
        for item in items:  # a steady pace over the run, feeds taking turns
            item.published = start + item.n * minutes * 60 / len(items)
        deadline = start + minutes * 60 + interval + 600
        while time.time() < deadline:
            if watcher.poll() is not None:
                raise SystemExit(f"geokg watch ended: {(folder / 'watch.log').read_text()[-3000:]}")
            if (folder / "state.sqlite").exists() and time.time() > start + minutes * 60 and \
                    len(state_rows(folder)) >= len(items):
                break
            time.sleep(2)
    finally:
        os.killpg(watcher.pid, signal.SIGTERM)
        watcher.wait(timeout=60)
        log.close()
        for site in sites:
            site.close()
    rows = state_rows(folder)
    return {"phase": "live", "items": len(items), "ingested": len(rows), "feeds": feeds,
            "minutes": minutes, "poll_interval_s": interval, "host_delay_s": host_delay,
            "lag_articles": len([r for r in rows if r[2] is not None]),
            "lag_publication_to_queryable_s": figures([r[2] for r in rows if r[2] is not None]),
            "poll_to_queryable_s": figures([r[1] - r[0] for r in rows]),
            "load_avg_1min": round(os.getloadavg()[0], 2)}


def pairs(root: Path, count: int, feeds: int, runs: int, host_delay: float) -> None:
    """`runs` pairs of backlog and bulk on the same corpus, alternating which goes first:
    on a shared machine the load moves, so the two rates are compared pair by pair."""
    ratios: list[float] = []
    wall_ratios: list[float] = []
    for run in range(runs):
        results = {}
        for phase in (["backlog", "bulk"] if run % 2 == 0 else ["bulk", "backlog"]):
            folder = root / f"pair-{run + 1}" / phase
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            load_before = os.getloadavg()
            items = make_items(count, feeds)
            result = backlog(folder, items, feeds, host_delay) if phase == "backlog" \
                else bulk(folder, items)
            results[phase] = {**result, "load_avg_before": [round(x, 2) for x in load_before],
                              "load_avg_after": [round(x, 2) for x in os.getloadavg()]}
            print(json.dumps({"pair": run + 1, **results[phase]}), flush=True)
        watcher, bulk_run = results["backlog"], results["bulk"]
        ratio = float(watcher["items_per_s"]) / float(bulk_run["items_per_s"])  # type: ignore[arg-type]
        wall = float(watcher["items_per_s_wall"]) / float(bulk_run["items_per_s_wall"])  # type: ignore[arg-type]
        ratios.append(ratio)
        wall_ratios.append(wall)
        print(json.dumps({"pair": run + 1, "first": "watcher" if run % 2 == 0 else "bulk",
                          "watcher_items_per_s": watcher["items_per_s"],
                          "bulk_items_per_s": bulk_run["items_per_s"], "ratio": round(ratio, 3),
                          "watcher_items_per_s_wall": watcher["items_per_s_wall"],
                          "bulk_items_per_s_wall": bulk_run["items_per_s_wall"],
                          "ratio_wall": round(wall, 3)}), flush=True)
    print(json.dumps({"pairs": runs, "items": count, "median_ratio": round(statistics.median(ratios), 3),
                      "median_ratio_wall": round(statistics.median(wall_ratios), 3),
                      "ratios": [round(r, 3) for r in ratios],
                      "ratios_wall": [round(r, 3) for r in wall_ratios]}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=10, help="Live phase: publishing time.")
    parser.add_argument("--interval", type=float, nargs="+", default=[60],
                        help="Live phase: poll interval (s); several: a live phase for each.")
    parser.add_argument("--host-delay", type=float, default=1.0,
                        help="GEOKG_FEEDS_HOST_DELAY of the live phase (default 1, the default).")
    parser.add_argument("--backlog-host-delay", type=float, default=0.0,
                        help="GEOKG_FEEDS_HOST_DELAY of the backlog phase (default 0: the "
                             "watcher's own speed, not the sites' pace).")
    parser.add_argument("--phases", nargs="+", default=["backlog", "bulk", "live"])
    parser.add_argument("--pairs", type=int, default=0,
                        help="Instead of --phases: this many pairs of backlog and bulk, "
                             "alternating, each pair's ratio and the median ratio.")
    parser.add_argument("--keep", type=Path, help="Write stores and files here (kept).")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="geokg-feeds-"))
    try:
        if args.pairs:
            pairs(root, args.items, args.feeds, args.pairs, args.backlog_host_delay)
            return
        for phase in args.phases:
            for interval in args.interval if phase == "live" else [None]:
                folder = root / (phase if interval is None else f"{phase}-{interval:g}")
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                items = make_items(args.items, args.feeds)
                if phase == "backlog":
                    result = backlog(folder, items, args.feeds, args.backlog_host_delay)
                elif phase == "bulk":
                    result = bulk(folder, items)
                else:
                    result = live(folder, items, args.feeds, args.minutes, interval or 60,
                                  args.host_delay)
                print(json.dumps({"cpus": os.cpu_count(), **result}), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
