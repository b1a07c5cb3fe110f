"""Load an N-Quads file into an embedded on-disk store: wall time, throughput, peak memory.

Why a separate process per size: `ru_maxrss` is a per-process high-water mark, so each
load must run in its own process to report its own peak. After the bulk load the pipeline
is opened once on the store, so the ontology and gazetteer graphs carry the content hash
`geokg serve` looks for (it then starts without rewriting them), and `--copy DIR` makes a
RocksDB backup for `oxigraph serve` to open while geokg holds the original.

    python bench/load.py /tmp/geokg-bench/10m.nq --store /tmp/geokg-bench/store-10m \
        [--copy /tmp/geokg-bench/store-10m-ox] [--method bulk|transaction]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from geokg.config import Settings
from geokg.pipeline import Pipeline
from geokg.store.oxigraph import OxigraphStore


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


class Progress:
    """Prints the step, elapsed time and store size to stderr every `every` seconds.

    Why: at 100M triples a load runs for many minutes with no output of its own."""

    def __init__(self, store_dir: Path, every: float):
        self.store_dir, self.every, self.step = store_dir, every, "bulk_load"
        self.started, self.done = time.perf_counter(), threading.Event()
        if every > 0:
            threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self.done.wait(self.every):
            try:
                size = folder_mb(self.store_dir)
            except OSError:  # a file vanished while RocksDB compacted
                size = -1.0
            print(f"  {time.perf_counter() - self.started:7.0f} s  {self.step}  store {size:,.0f} MB"
                  f"  peak rss {peak_rss_mb():,.0f} MB", file=sys.stderr, flush=True)


def load(source: Path, store_dir: Path, method: str, every: float = 0.0) -> dict[str, object]:
    """Load `source` into a fresh store at `store_dir` and return the figures."""
    if store_dir.exists():
        shutil.rmtree(store_dir)
    store = OxigraphStore(store_dir)
    progress = Progress(store_dir, every)
    started = time.perf_counter()
    if method == "bulk":
        store.native.bulk_load(path=str(source), format=ox.RdfFormat.N_QUADS)
    else:  # one transaction through Store.load: the path POST /admin-style loads take
        with source.open("rb") as data:
            store.native.load(data, format=ox.RdfFormat.N_QUADS)
    store.native.flush()
    seconds = time.perf_counter() - started
    settle, progress.step = time.perf_counter(), "reference_graphs"
    Pipeline.open(Settings(store=f"oxigraph:{store_dir}"), store)  # stamps the reference graphs
    settled = time.perf_counter() - settle
    # A bulk load leaves RocksDB uncompacted; a server compacts it in the background in its
    # first minutes, which made every query of the first 10M run about 3× slower in a
    # reader opened meanwhile. Compacting here makes the measured state the settled one.
    compact, progress.step = time.perf_counter(), "optimize"
    store.native.optimize()
    quads = store.quad_count()
    figures = {
        "source": str(source), "method": method, "quads": quads,
        "load_s": round(seconds, 1), "quads_per_s": round(quads / seconds),
        "reference_graphs_s": round(settled, 2),
        "optimize_s": round(time.perf_counter() - compact, 1),
        "total_s": round(time.perf_counter() - started, 1),
        "peak_rss_mb": peak_rss_mb(), "store_mb": None,
    }
    progress.done.set()
    store.close()
    figures["store_mb"] = folder_mb(store_dir)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="N-Quads file from bench/generate.py")
    parser.add_argument("--store", type=Path, required=True, help="store folder (replaced)")
    parser.add_argument("--method", choices=["bulk", "transaction"], default="bulk")
    parser.add_argument("--copy", type=Path, help="also write a backup of the store here")
    parser.add_argument("--progress", type=float, default=0.0,
                        help="print progress to stderr every this many seconds (0: never)")
    args = parser.parse_args(argv)
    figures = load(args.source, args.store, args.method, args.progress)
    if args.copy:
        if args.copy.exists():
            shutil.rmtree(args.copy)
        started = time.perf_counter()
        ox.Store(str(args.store)).backup(str(args.copy))
        figures["copy_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
