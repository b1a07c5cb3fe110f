"""The statistics graph at scale: refresh time, the latency of the queries that read it, and
whether they answer what their full scans answer.

Why on a checkpoint: the store under test is opened read-only and copied with a RocksDB
checkpoint (hard links when /tmp is on the same disk: instant, no extra space), so the
refresh writes its graph into the copy through the real code
(`geokg.pipeline.statistics.refresh_statistics`) and the original stays untouched. Each query runs
in-process (pyoxigraph's Store.query plus JSON serialization, as `queries.py` measures);
the full scans (`bench/queries/*-full.rq`) run once, for the rows.

    python bench/statistics_graph.py --store /tmp/geokg-bench/store-10m [--runs 30]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from common import ROOT, summary_ms
from geokg.config import Settings
from geokg.graph.iris import Minter
from geokg.pipeline.statistics import refresh_statistics
from geokg.store.oxigraph import OxigraphStore

QUERIES = ["events-per-type-per-year", "claims-on-foreign-territory", "most-active-actors"]


def rows(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    """Solutions as sorted tuples of (variable, N-Triples term) strings."""
    result = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return sorted(tuple(f"{n}={s[n]}" for n in names) for s in result)


def timed(store: ox.Store, text: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        out = io.BytesIO()
        store.query(text, use_default_graph_as_union=True).serialize(
            out, format=ox.QueryResultsFormat.JSON)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="on-disk store (read only)")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query")
    parser.add_argument("--base-iri", default=Settings().base_iri)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "store"
        ox.Store.read_only(str(args.store)).backup(str(copy))
        store = OxigraphStore(copy)
        summary = refresh_statistics(store, Minter(args.base_iri))
        report: dict[str, object] = {
            "store": str(args.store), "quads": summary.source_quads,
            "observations": summary.observations, "refresh_s": round(summary.seconds, 2),
            "load_average": os.getloadavg()[0]}
        for name in QUERIES:
            text = (ROOT / "ontology" / "queries" / f"{name}.rq").read_text(encoding="utf-8")
            full = (ROOT / "bench" / "queries" / f"{name}-full.rq").read_text(encoding="utf-8")
            times = timed(store.native, text, args.runs)
            answer = rows(store.native, text)
            started = time.perf_counter()
            scanned = rows(store.native, full)
            report[name] = {**summary_ms(times), "max_ms": round(max(times) * 1000, 2),
                            "rows": len(answer), "same_rows_as_full_scan": answer == scanned,
                            "full_scan_s": round(time.perf_counter() - started, 2)}
        report["load_average_after"] = os.getloadavg()[0]
        store.close()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
