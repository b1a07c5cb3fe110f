"""Where a /sparql request's time goes, layer by layer, without HTTP.

Why: the HTTP median ratio at 1M is a fixed cost per request on top of a few-ms query; this
splits it into the engine alone, the hop to the engine process, a bare Flask view and
geokg's own request handling, each measured in one process on the same store (WSGI calls,
no sockets but the engine's). HTTP servers are compared by `queries.py --geokg …`.

    python bench/request_cost.py --store /tmp/geokg-bench/store-1m-p-copy --runs 300

The store is opened by geokg's engine process, so give a copy that nothing else has open.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Flask, Response
from flask import request as flask_request

from common import COMPETENCY, JSON_RESULTS

TRIVIAL = "SELECT * WHERE { ?s ?p ?o } LIMIT 3"


def median_ms(run: Callable[[], object], runs: int) -> float:
    for _ in range(20):
        run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3)


def wsgi_post(app: Flask, query: str) -> bytes:
    """POST the query as a form to /sparql through the WSGI interface; the answer's bytes."""
    body = urlencode({"query": query}).encode()
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/sparql", "SERVER_NAME": "bench",
               "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
               "CONTENT_TYPE": "application/x-www-form-urlencoded",
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body),
               "wsgi.errors": sys.stderr, "HTTP_ACCEPT": JSON_RESULTS, "REMOTE_ADDR": "127.0.0.1"}
    statuses: list[str] = []
    answer = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        data = b"".join(answer)
    finally:
        getattr(answer, "close", lambda: None)()
    if not statuses[0].startswith("200"):
        raise RuntimeError(f"{statuses[0]}: {data[:300]!r}")
    return data


def bare_app(store: object) -> Flask:
    """The least a Flask view can do with the same store: read the form, stream the answer."""
    app = Flask("bare")

    @app.post("/sparql")
    def sparql() -> Response:
        result = store.query(flask_request.form["query"],  # type: ignore[attr-defined]
                             serialize_as={"select": JSON_RESULTS})
        return Response(result.serialize(JSON_RESULTS), mimetype=JSON_RESULTS)
    return app


def measure(store_dir: Path, queries: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    from geokg.config import Settings
    from geokg.web import create_app
    from geokg.web.state import STORE_KEY

    app = create_app(Settings(store=f"oxigraph:{store_dir}", statistics_delay=3600))
    store = app.extensions[STORE_KEY]
    bare = bare_app(store)
    engine = ox.Store.read_only(str(store_dir))  # a second, read-only opening, as queries.py
    report = {}
    for name, query in queries.items():
        def in_process(q: str = query, e: ox.Store = engine) -> bytes:
            return e.query(q, use_default_graph_as_union=True).serialize(
                format=ox.QueryResultsFormat.JSON) or b""

        def hop(q: str = query) -> bytes:
            return b"".join(store.query(q, serialize_as={"select": JSON_RESULTS})
                            .serialize(JSON_RESULTS))

        report[name] = {
            "engine_in_process_ms": median_ms(in_process, runs),
            "engine_process_hop_ms": median_ms(hop, runs),
            "bare_flask_view_ms": median_ms(lambda q=query: wsgi_post(bare, q), runs),
            "geokg_app_ms": median_ms(lambda q=query: wsgi_post(app, q), runs),
            "answer_bytes": len(in_process()),
        }
        print(json.dumps({"query": name, **report[name]}), flush=True)
    store.close()
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--queries", type=Path, nargs="*",
                        default=[q for q in COMPETENCY if q.stem == "demands"])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)
    queries = {"trivial": TRIVIAL} | {p.stem: p.read_text(encoding="utf-8") for p in args.queries}
    measure(args.store, queries, args.runs)


if __name__ == "__main__":
    main()
