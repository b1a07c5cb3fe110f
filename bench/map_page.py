"""The map (`/map`) before and after its figures were kept in the statistics graph (issue 14
audit), on one store in one run.

Why: the map counts every event and claim of the archive per place and type, the one page
that grew with the archive (p99 1.1 s at 100k articles in `pages.py`). Now a refresh of the
statistics graph keeps those counts (`geokg.pipeline.statistics.map_figures`) and the page
reads them while the store's revision token is theirs.

Two parts, both on `--store`:
1. in process, on the store's engine: the map's points counted live (what the page did
   before) and read from the kept figures, `--runs` each, alternating; the two must be
   equal. Also the time the refresh spends on the map's figures.
2. over HTTP (`geokg serve`, werkzeug), `--rounds` rounds of: the code of `--old-code`
   (a `service/` folder exported from the commit before, e.g. `git archive f802fee service
   | tar -x -C /tmp/old`) serving `/map` `--runs` times, then this code. Each server opens
   the store as its version left it: a changed ontology makes it recompute the statistics
   graph on start (the old code's without the map's figures, this code's with them).

    python bench/map_page.py --store /tmp/h14b/map/store-50k --old-code /tmp/h14b/old/service

Prints one JSON object per line: the in-process figures, each HTTP phase (median, p99 =
slowest of fewer than 100 runs, load averages before and after), and the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
from pathlib import Path

import requests

from common import start_geokg, summary_ms
from geokg.config import Settings
from geokg.graph.iris import Minter
from geokg.pipeline import revision
from geokg.pipeline.statistics import map_figures
from geokg.store import open_store
from geokg.web.pictures import kept_map_figures, map_points

HERE = Path(__file__).resolve().parent.parent / "service"


def in_process(store_dir: Path, base: str, runs: int) -> dict[str, object]:
    settings = Settings(store=f"oxigraph:{store_dir}", base_iri=base, query_timeout=300)
    mint = Minter(base)
    names, stats, rev = (str(mint.gazetteer_graph), str(mint.statistics_graph),
                         str(mint.revision_graph))
    store = open_store(settings)
    try:
        started = time.perf_counter()
        map_figures(store, mint, revision.current(store, mint) or "", dt.datetime.now(dt.UTC), 0)
        refresh_part = time.perf_counter() - started
        if kept_map_figures(store, stats, rev) == (None, None):
            raise SystemExit("the store keeps no map figures of its revision: serve it once "
                             "with this code (it recomputes the statistics graph) and rerun")
        live_times: list[float] = []
        kept_times: list[float] = []
        for _ in range(runs):
            started = time.perf_counter()
            live = map_points(store, names)
            live_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            kept = map_points(store, names, stats, rev)
            kept_times.append(time.perf_counter() - started)
            assert [p.to_json() for p in live] == [p.to_json() for p in kept], "figures differ"
        return {"part": "in process", "points": len(live),
                "events": sum(p.events for p in live), "claims": sum(p.claims for p in live),
                "live (before)": summary_ms(live_times), "kept (after)": summary_ms(kept_times),
                "ratio of medians": round(statistics.median(live_times)
                                          / statistics.median(kept_times), 1),
                "refresh: map figures s": round(refresh_part, 2)}
    finally:
        store.close()


def over_http(store_dir: Path, code: Path, name: str, runs: int) -> dict[str, object]:
    os.environ["PYTHONPATH"] = str(code)
    before = os.getloadavg()
    server = start_geokg(store_dir)
    try:
        url = server.query_url.removesuffix("/sparql")
        with requests.Session() as session:
            session.get(f"{url}/map", timeout=300).raise_for_status()  # warm-up
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                answer = session.get(f"{url}/map", timeout=300)
                times.append(time.perf_counter() - started)
                answer.raise_for_status()
    finally:
        server.stop()
    return {"part": f"HTTP /map, {name}", "code": str(code), **summary_ms(times),
            "load before": [round(x, 2) for x in before],
            "load after": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--old-code", type=Path, help="service/ folder of the code before")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--base", default="http://localhost:5000/", help="the store's base IRI")
    args = parser.parse_args()
    phases = []
    for _ in range(args.rounds):
        for name, code in (("old code", args.old_code), ("this code", HERE)):
            if code is not None:
                phases.append(over_http(args.store, code, name, args.runs))
                print(json.dumps(phases[-1]), flush=True)
    print(json.dumps(in_process(args.store, args.base, args.runs)), flush=True)
    medians = {name: [p["median_ms"] for p in phases if p["part"].endswith(name)]
               for name in ("old code", "this code")}
    if all(medians.values()):
        p99 = {name: [p["p99_ms"] for p in phases if p["part"].endswith(name)]
               for name in ("old code", "this code")}
        print(json.dumps({"part": "HTTP ratios (old / this)",
                          "medians": [round(o / n, 2) for o, n in zip(*medians.values(), strict=True)],
                          "p99s": [round(o / n, 2) for o, n in zip(*p99.values(), strict=True)]}))


if __name__ == "__main__":
    main()
