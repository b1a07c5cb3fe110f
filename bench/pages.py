"""Latency of the pages that list things, for the most-connected entity, over HTTP (issue 14).

Why: with 600 stored articles the page of Vladimir Putin took 30 s and timed out, because
its queries grew with the copies of every event in every article graph. This measures the
pages of the hardest cases of a store: the entity in the most events (its HTML page, its
description in Turtle and JSON-LD, a page deep into its timeline, its contact network and
timeline pictures), the event with the most reports (HTML and Turtle), an article reporting
it, `/articles` (first and last page), the map and the first page of the events export.
Each is requested `--runs` times, round-robin, on a kept-alive connection; the figures are
median and p99 per page (with fewer than 100 runs, p99 is the slowest run). Then
`--load-clients` clients request the hub's page at once for `--load-seconds` (the issue's
16-client run), counting the answers by status.

    # 100k articles around two hubs (about 10.4M triples); generated and loaded when --store
    # does not exist yet, into --data (the N-Quads file) and --store
    python bench/pages.py --store /tmp/geokg-bench/store-hubs-100k --articles 100000 --runs 30
    # any other store, e.g. the plain 10M one of generate.py (its own most-connected entity)
    python bench/pages.py --store /tmp/geokg-bench/store-10m --runs 30

The server is `geokg serve` (werkzeug) or gunicorn (`--server gunicorn`, one worker) on the
store itself: it recomputes the statistics graph when the store comes from an older geokg.
Prints one JSON object per line: the build steps (when it builds), the server's memory (RSS
of its process tree: web processes and store engine) idle, the picks, one line per page, the
memory after the pages, the load run and the memory after it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from common import JSON_RESULTS, ROOT, Server, start_geokg, summary_ms

HUBS = "vladimir-putin,russia"
HTML = "text/html"
GK = "https://w3id.org/geokg/ontology#"


def build(articles: int, data: Path, store: Path, hub_share: float, hot_reports: int) -> None:
    """generate.py then load.py, as the README of bench/ describes them; prints their figures."""
    bench = ROOT / "bench"
    started = time.perf_counter()
    subprocess.run([sys.executable, str(bench / "generate.py"), "--articles", str(articles),
                    "--hubs", HUBS, "--hub-share", str(hub_share), "--hot-event-reports",
                    str(hot_reports), "--out", str(data), "--check", "5"], check=True, cwd=bench)
    print(json.dumps({"step": "generate", "seconds": round(time.perf_counter() - started, 1)}),
          flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, str(bench / "load.py"), str(data), "--store", str(store)],
                   check=True, cwd=bench)
    print(json.dumps({"step": "load", "seconds": round(time.perf_counter() - started, 1)}),
          flush=True)


class Client:
    """GET on one kept-alive connection, redirects not followed (a 303 is a page's answer)."""

    def __init__(self, base: str):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.conn: http.client.HTTPConnection | None = None

    def get(self, path: str, accept: str) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
            try:
                self.conn.request("GET", path, headers={"Accept": accept})
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def select(self, query: str) -> list[dict[str, str]]:
        status, body = self.get("/sparql?" + urllib.parse.urlencode({"query": query}),
                                JSON_RESULTS)
        if status != 200:
            raise RuntimeError(f"pick query failed: {status} {body[:300]!r}")
        return [{k: v["value"] for k, v in b.items()}
                for b in json.loads(body)["results"]["bindings"]]


def picks(client: Client, base: str) -> dict[str, str]:
    """The hardest resources of the store, found with SPARQL (not timed)."""
    top = client.select(f"""PREFIX gk: <{GK}> SELECT ?actor ?n WHERE {{
        GRAPH <{base}graph/statistics> {{ ?o gk:actor ?actor ; gk:eventCount ?n }} }}
        ORDER BY DESC(?n) LIMIT 1""")[0]
    hot = client.select(f"""PREFIX gk: <{GK}> SELECT ?event (COUNT(?s) AS ?n) WHERE {{
        ?event gk:evidence ?s }} GROUP BY ?event ORDER BY DESC(?n) LIMIT 1""")[0]
    event = hot["event"]
    article = client.select(f"""SELECT ?a WHERE {{ <{event}>
        <http://www.w3.org/ns/prov#wasDerivedFrom> ?a }} LIMIT 1""")[0]["a"]
    total = int(client.select(f"""PREFIX gk: <{GK}> SELECT (COUNT(*) AS ?n) WHERE {{
        ?a a gk:Article }}""")[0]["n"])
    return {"entity": top["actor"], "entity_events": top["n"], "event": event,
            "event_reports": hot["n"], "article": article, "articles": str(total)}


def pages(found: dict[str, str], base: str) -> list[tuple[str, str, str]]:
    """(name, path, Accept) of every page measured."""
    def path(iri: str) -> str:
        return "/" + iri.removeprefix(base)

    entity, event, article = path(found["entity"]), path(found["event"]), path(found["article"])
    iri = urllib.parse.quote(found["entity"], safe="")
    last = max(0, int(found["articles"]) - 100)
    # The timeline's pages (GEOKG_PAGE_SIZE 50) by the statistics graph's count of the hub's
    # events as participant or addressee (the timeline counts its other roles too).
    deepest = max(1, -(-int(found["entity_events"]) // 50))
    return [("entity html", entity, HTML), ("entity html page 2", f"{entity}?page=2", HTML),
            ("entity html middle page", f"{entity}?page={max(1, deepest // 2)}", HTML),
            ("entity html last page", f"{entity}?page={deepest}", HTML),
            ("entity ttl (303)", f"{entity}.ttl", "*/*"),
            ("entity ttl page 1", f"{entity}.ttl?page=1", "*/*"),
            ("entity jsonld page 1", f"{entity}.jsonld?page=1", "*/*"),
            ("entity network svg", f"/pictures/network?iri={iri}", HTML),
            ("entity timeline svg", f"/pictures/timeline?iri={iri}", HTML),
            ("event html", event, HTML),
            *([("event html page 2", f"{event}?page=2", HTML)]
              if int(found["event_reports"]) > 50 else []),
            ("event ttl", f"{event}.ttl", "*/*"),
            ("article html", article, HTML), ("article ttl", f"{article}.ttl", "*/*"),
            ("articles", "/articles", "application/json"),
            ("map", "/map", HTML),
            ("events export page 1", "/export/events.jsonld", "application/ld+json"),
            ("articles last page", f"/articles?offset={last}&limit=100", "application/json")]


def measure(client: Client, targets: list[tuple[str, str, str]], runs: int) -> None:
    """Each page `runs` times, round-robin (the machine is shared: every page sees the same
    noise); one line per page."""
    times: dict[str, list[float]] = {name: [] for name, _, _ in targets}
    answers: dict[str, tuple[int, int]] = {}
    for name, path, accept in targets:  # warm-up, and the status each must keep
        status, body = client.get(path, accept)
        if status not in (200, 303):
            raise RuntimeError(f"{name}: {path} answered {status}: {body[:300]!r}")
        answers[name] = (status, len(body))
    for _ in range(runs):
        for name, path, accept in targets:
            started = time.perf_counter()
            status, _ = client.get(path, accept)
            times[name].append(time.perf_counter() - started)
            if status != answers[name][0]:
                raise RuntimeError(f"{name}: {path} answered {status}, first {answers[name][0]}")
    for name, path, _ in targets:
        status, size = answers[name]
        print(json.dumps({"page": name, "path": path, "status": status, "bytes": size,
                          **summary_ms(times[name])}), flush=True)


def under_load(base: str, path: str, clients: int, seconds: float) -> None:
    """`clients` threads requesting one page (the hub's HTML page) for `seconds`, as in the
    report of issue 14 (16 clients: 32 of 88 answers were 503, each timeout restarting the
    store engine): how many answers of each status, and their latency."""
    statuses: dict[int, int] = {}
    times: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        own = Client(base)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _ = own.get(path, HTML)
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"load": path, "clients": clients, "seconds": seconds,
                      "statuses": {str(k): v for k, v in sorted(statuses.items())},
                      **summary_ms(times)}), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="on-disk store to serve")
    parser.add_argument("--articles", type=int, default=0,
                        help="build the store with this many articles when it does not exist")
    parser.add_argument("--data", type=Path, help="N-Quads file a build writes "
                        "(default: beside the store, hubs-ARTICLES.nq)")
    parser.add_argument("--hub-share", type=float, default=0.4)
    parser.add_argument("--hot-event-reports", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--server", choices=["werkzeug", "gunicorn"], default="werkzeug")
    parser.add_argument("--base", default="http://localhost:5000/", help="the store's base IRI")
    parser.add_argument("--load-clients", type=int, default=16,
                        help="then this many clients on the hub's page at once (0: none)")
    parser.add_argument("--load-seconds", type=float, default=30.0)
    parser.add_argument("--only", default="", help="measure only the pages whose name starts "
                        "with this (e.g. `entity`: the hub's pages and pictures)")
    args = parser.parse_args(argv)
    if not args.store.exists():
        if not args.articles:
            raise SystemExit(f"{args.store} does not exist; give --articles N to build it")
        data = args.data or args.store.parent / f"hubs-{args.articles}.nq"
        build(args.articles, data, args.store, args.hub_share, args.hot_event_reports)
    server: Server = start_geokg(args.store, args.server)
    try:
        base = server.query_url.removesuffix("/sparql")
        client = Client(base)
        print(json.dumps({"rss_mb": server.rss_mb(), "at": "idle"}), flush=True)
        server.watch_rss()
        found = picks(client, args.base)
        print(json.dumps({"picks": found}), flush=True)
        measure(client, [p for p in pages(found, args.base) if p[0].startswith(args.only)],
                args.runs)
        print(json.dumps({"rss_mb": server.rss_mb(), "at": "after the pages"}), flush=True)
        if args.load_clients:
            under_load(base, "/" + found["entity"].removeprefix(args.base), args.load_clients,
                       args.load_seconds)
            print(json.dumps({"rss_mb": server.rss_mb(), "at": "after the load"}), flush=True)
        print(json.dumps({"peak_rss_mb": server.peak_rss_mb, "every_s": 0.5}), flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
