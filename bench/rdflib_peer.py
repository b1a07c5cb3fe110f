"""The peer a Python user would pick: rdflib's in-memory Dataset and `Graph.query`.

Why its own process: loading 1M quads into rdflib takes minutes and gigabytes, and rdflib
evaluates SPARQL in Python, so a query may run for minutes; a SIGALRM timeout bounds each
one. The same queries run on the embedded Oxigraph store (read-only) in this same process,
so the ratio is taken under the same load on this shared machine.

    python bench/rdflib_peer.py /tmp/geokg-bench/1m.nq --store /tmp/geokg-bench/store-1m
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import signal
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from common import COMPETENCY, HEAVY


class Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Timeout


def rdflib_seconds(dataset: rdflib.Dataset, query: str, limit: int) -> tuple[float | None, int]:
    """Seconds and row count of one rdflib evaluation, or (None, -1) past `limit` seconds."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(limit)
    started = time.perf_counter()
    try:
        rows = len(list(dataset.query(query)))
        return time.perf_counter() - started, rows
    except Timeout:
        return None, -1
    except Exception as exc:  # rdflib's evaluator fails on some valid queries; say which
        print(json.dumps({"rdflib_error": f"{type(exc).__name__}: {exc}"[:200]}), flush=True)
        return None, -2
    finally:
        signal.alarm(0)


def oxigraph_seconds(store: ox.Store, query: str) -> tuple[float, int]:
    started = time.perf_counter()
    result = store.query(query, use_default_graph_as_union=True)
    out = io.BytesIO()
    result.serialize(out, format=ox.QueryResultsFormat.JSON)
    seconds = time.perf_counter() - started
    return seconds, len(json.loads(out.getvalue())["results"]["bindings"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--store", type=Path, required=True, help="the same data in Oxigraph")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per rdflib query")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(args.nquads, format="nquads")
    print(json.dumps({"rdflib_load_s": round(time.perf_counter() - started, 1),
                      "quads": len(dataset), "peak_rss_mb":
                      round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}), flush=True)
    store = ox.Store.read_only(str(args.store))
    for path in COMPETENCY + HEAVY:
        text = path.read_text(encoding="utf-8")
        ox_s, ox_rows = oxigraph_seconds(store, text)
        rd_s, rd_rows = rdflib_seconds(dataset, text, args.timeout)
        print(json.dumps({"query": path.stem, "oxigraph_ms": round(ox_s * 1000, 1), "rows": ox_rows,
                          "rdflib_ms": None if rd_s is None else round(rd_s * 1000, 1),
                          "rdflib_rows": rd_rows,
                          "ratio": None if rd_s is None else round(rd_s / ox_s, 1)}), flush=True)


if __name__ == "__main__":
    main()
