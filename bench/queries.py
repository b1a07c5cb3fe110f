"""Query latency and throughput: geokg's /sparql vs the bare engine vs `oxigraph serve`.

Why interleaved: the machine is shared and noisy, so for every query each target runs
in turn (in-process, geokg, oxigraph serve, ...) and only ratios from the same rounds are
compared. The in-process floor is pyoxigraph's own Store.query plus JSON serialization of
the result into memory: the same bytes the endpoint sends, without HTTP. Every target's
row count is compared, so a target that answers differently is reported, not timed.

    python bench/queries.py --store /tmp/geokg-bench/store-1m --ox-store /tmp/geokg-bench/store-1m-ox
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import statistics
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from common import (
    COMPETENCY,
    HEAVY,
    JSON_RESULTS,
    Server,
    cycling_throughput,
    start_geokg,
    start_oxigraph,
    summary_ms,
)

Runner = Callable[[str], int]  # runs a query, returns its number of solutions


def in_process(store: ox.Store, twice: bool = False) -> Runner:
    """The engine alone; `twice` runs Store.query once more first, as geokg's OxigraphResult
    does (it calls the query to learn its kind, then again in the serializer thread)."""
    def run(query: str) -> int:
        out = io.BytesIO()
        if twice:
            store.query(query, use_default_graph_as_union=True)
        result = store.query(query, use_default_graph_as_union=True)
        result.serialize(out, format=ox.QueryResultsFormat.JSON)
        return len(out.getvalue())
    return run


def over_http(url: str) -> Runner:
    """POST the query as a form on one kept-alive connection per client thread.

    Why http.client and not requests: the endpoint's latency is measured, not the client's.
    requests spends about 1 ms of its own per request on a 23 KB answer (demands.rq at 1M
    through `oxigraph serve`: 6.2 ms with requests, 5.1 ms with http.client, 4.95 ms in
    process), the same for every target but large next to a 5 ms query. Each query's body
    is encoded once, as a client that repeats a query would.
    """
    parts = urllib.parse.urlsplit(url)
    local = threading.local()
    bodies: dict[str, bytes] = {}

    def post(query: str) -> tuple[int, bytes]:
        body = bodies.get(query)
        if body is None:
            body = bodies[query] = urllib.parse.urlencode({"query": query}).encode()
        for attempt in (1, 2):
            if getattr(local, "conn", None) is None:
                local.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
            try:
                local.conn.request("POST", parts.path, body, FORM_HEADERS)
                response = local.conn.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                local.conn.close()  # the server closed the kept-alive connection: reconnect
                local.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def run(query: str) -> int:
        status, data = post(query)
        if status != 200:
            raise RuntimeError(f"{url}: {status} {data[:300]!r}")
        return len(data)
    return run


def answer(url: str, query: str) -> bytes:
    """One untimed request on a connection of its own (the row-count check)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    try:
        conn.request("POST", parts.path, urllib.parse.urlencode({"query": query}).encode(),
                     FORM_HEADERS)
        return conn.getresponse().read()
    finally:
        conn.close()


FORM_HEADERS = {"Accept": JSON_RESULTS, "Content-Type": "application/x-www-form-urlencoded"}


#: The article entities-in-article.rq names by default: the seed, which a synthetic store lacks.
SEED_ARTICLE = "<http://localhost:5000/article/e3f5d917494aff75>"


def with_a_stored_article(text: str, store: ox.Store) -> str:
    """Point a query that names the seed article at an article the store holds, as an analyst
    edits the parameter: a query about an absent article measures only the request."""
    if SEED_ARTICLE not in text:
        return text
    seed = ox.NamedNode(SEED_ARTICLE.strip("<>"))
    if any(True for _ in store.quads_for_pattern(None, None, None, seed)):
        return text
    first = next(iter(store.query("SELECT ?a WHERE { GRAPH ?a { ?a a "
                                  "<https://w3id.org/geokg/ontology#Article> } } LIMIT 1")))
    return text.replace(SEED_ARTICLE, str(first["a"]))


def solutions(query: str, url: str | None, store: ox.Store) -> int:
    """Row count a target answers (untimed check that all targets agree)."""
    if url is None:
        out = io.BytesIO()
        store.query(query, use_default_graph_as_union=True).serialize(
            out, format=ox.QueryResultsFormat.JSON)
        body = out.getvalue()
    else:
        body = answer(url, query)
    return len(json.loads(body)["results"]["bindings"])


def latency(targets: dict[str, Runner], query: str, budget: float, min_runs: int,
            max_runs: int) -> dict[str, dict[str, float]]:
    """Round-robin timed runs of one query on every target until the budget is spent."""
    times: dict[str, list[float]] = {name: [] for name in targets}
    started = time.perf_counter()
    for round_ in range(max_runs):
        for name, run in targets.items():
            t0 = time.perf_counter()
            run(query)
            times[name].append(time.perf_counter() - t0)
        if round_ + 1 >= min_runs and time.perf_counter() - started > budget:
            break
    return {name: summary_ms(values) for name, values in times.items()}


def throughput(run: Runner, queries: list[str], clients: int, seconds: float) -> float:
    """Queries per second with `clients` threads each cycling through `queries`."""
    return round(cycling_throughput(clients, seconds, lambda: lambda n: run(queries[n % len(queries)])), 2)


def start_servers(args: argparse.Namespace) -> list[Server]:
    servers = [start_geokg(args.store, args.geokg)]
    try:
        if args.ox_store:
            servers.append(start_oxigraph(args.ox_store))
    except RuntimeError:
        servers[0].stop()
        raise
    return servers


def measure(args: argparse.Namespace, servers: list[Server]) -> dict[str, object]:
    store = ox.Store.read_only(str(args.store))
    targets: dict[str, Runner] = {}
    urls: dict[str, str | None] = {}
    if not args.http_only:
        targets = {"in-process": in_process(store), "in-process-twice": in_process(store, twice=True)}
        urls = {"in-process": None, "in-process-twice": None}
    for server in servers:
        targets[server.name] = over_http(server.query_url)
        urls[server.name] = server.query_url
    report: dict[str, object] = {"rss_idle_mb": {s.name: s.rss_mb() for s in servers}}
    for server in servers:
        server.watch_rss()
    latencies, interactive = {}, []
    for path in args.queries:
        text = with_a_stored_article(path.read_text(encoding="utf-8"), store)
        rows = {name: solutions(text, urls[name], store) for name in targets}
        stats = latency(targets, text, args.budget, args.min_runs, args.max_runs)
        floor = stats["in-process" if "in-process" in stats else servers[0].name]["median_ms"]
        for name in stats:
            stats[name]["ratio"] = round(stats[name]["median_ms"] / max(floor, 0.01), 2)
        latencies[path.stem] = {"rows": rows, **stats}
        print(json.dumps({"query": path.stem, "rows": rows, **stats}), flush=True)
        if floor <= args.interactive_ms:
            interactive.append(text)
    report["latency"] = latencies
    report["throughput"] = {s.name: {c: throughput(targets[s.name], interactive, c, args.seconds)
                                     for c in args.clients} for s in servers} if interactive else {}
    report["throughput_queries"] = len(interactive)
    report["rss_after_mb"] = {s.name: s.rss_mb() for s in servers}
    report["rss_peak_mb"] = {s.name: s.peak_rss_mb for s in servers}
    print(json.dumps({k: v for k, v in report.items() if k != "latency"}), flush=True)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="store geokg serves")
    parser.add_argument("--ox-store", type=Path, help="copy of it for `oxigraph serve` (load.py --copy)")
    parser.add_argument("--geokg", default="werkzeug", choices=["werkzeug", "gunicorn", "granian"],
                        help="`geokg serve`, gunicorn or granian (one worker: the store has one "
                             "writer)")
    parser.add_argument("--queries", type=Path, nargs="*", default=COMPETENCY + HEAVY)
    parser.add_argument("--budget", type=float, default=3.0, help="seconds per query (all targets)")
    parser.add_argument("--min-runs", type=int, default=3)
    parser.add_argument("--max-runs", type=int, default=50)
    parser.add_argument("--clients", type=int, nargs="*", default=[1, 4, 16])
    parser.add_argument("--seconds", type=float, default=8.0, help="per throughput measurement")
    parser.add_argument("--interactive-ms", type=float, default=1000.0,
                        help="queries slower than this in-process stay out of the "
                             "throughput mix (one slow query would dominate it)")
    parser.add_argument("--json", type=Path, help="also write the whole report here")
    parser.add_argument("--http-only", action="store_true",
                        help="time the servers only, not the engine in-process (at 100M the "
                             "in-process runs would triple the bench's time); ratios are then "
                             "to the first server, and the throughput mix is the queries under "
                             "--interactive-ms over HTTP")
    args = parser.parse_args(argv)
    servers = start_servers(args)
    try:
        report = measure(args, servers)
    finally:
        for server in servers:
            server.stop()
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    summary = {name: statistics.median(q[name]["ratio"] for q in report["latency"].values())
               for name in next(iter(report["latency"].values())) if name != "rows"}
    print(json.dumps({"median_ratio_to_in_process": summary}))


if __name__ == "__main__":
    main()
