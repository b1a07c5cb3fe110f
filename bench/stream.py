"""A multi-million-row SELECT streamed by geokg in every result format: memory and first byte.

Why a slow client: a server that buffers the whole result grows with it; one that streams
stays flat while the client lags behind. The client reads `--chunk` bytes, sleeps, repeats,
for at most `--seconds` per format, while the server's RSS is sampled every 0.2 s.

    python bench/stream.py --store /tmp/geokg-bench/store-1m [--seconds 20]
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from pathlib import Path

import requests

from common import Server, start_geokg

QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
FORMATS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values")


def sample_rss(server: Server, stop: threading.Event, peak: list[float]) -> None:
    while not stop.wait(0.2):
        peak[0] = max(peak[0], server.rss_mb())


def slow_read(server: Server, media_type: str, args: argparse.Namespace) -> dict[str, object]:
    stop, peak = threading.Event(), [server.rss_mb()]
    before = peak[0]
    sampler = threading.Thread(target=sample_rss, args=(server, stop, peak), daemon=True)
    sampler.start()
    started = time.perf_counter()
    first = None
    received = lines = 0
    with requests.post(server.query_url, data={"query": QUERY}, headers={"Accept": media_type},
                       stream=True, timeout=600) as response:
        response.raise_for_status()
        for chunk in response.iter_content(args.chunk):
            first = first or time.perf_counter() - started
            received += len(chunk)
            lines += chunk.count(b"\n")
            if time.perf_counter() - started > args.seconds:
                break
            time.sleep(args.pause)
    stop.set()
    sampler.join()
    return {"format": media_type, "first_byte_ms": round((first or 0) * 1000, 1),
            "mb_read": round(received / 1e6, 1), "lines_read": lines,
            "seconds": round(time.perf_counter() - started, 1), "rss_before_mb": before,
            "rss_peak_mb": peak[0], "rss_growth_mb": round(peak[0] - before, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=20.0, help="reading time per format")
    parser.add_argument("--chunk", type=int, default=65536)
    parser.add_argument("--pause", type=float, default=0.002, help="seconds between chunks")
    args = parser.parse_args(argv)
    server = start_geokg(args.store)
    try:
        for media_type in FORMATS:
            print(json.dumps(slow_read(server, media_type, args)), flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
