"""What the bench scripts share: starting real servers, statistics, and the query files.

Why real processes: the figures must be those of the deployed endpoint (geokg under
werkzeug or gunicorn, `oxigraph serve`), including HTTP parsing and serialization.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COMPETENCY = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
HEAVY = sorted((ROOT / "bench" / "queries").glob("*.rq"))
JSON_RESULTS = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A server process and the URL its SPARQL queries go to."""

    name: str
    process: subprocess.Popen[bytes]
    query_url: str
    peak_rss_mb: float = 0.0

    def watch_rss(self, every: float = 0.5) -> None:
        """Sample `rss_mb` every `every` seconds in the background and keep the highest in
        `peak_rss_mb`: the figures at start and end miss what a heavy query held meanwhile."""
        def sample() -> None:
            while self.process.poll() is None:
                self.peak_rss_mb = max(self.peak_rss_mb, self.rss_mb())
                time.sleep(every)
        threading.Thread(target=sample, daemon=True).start()

    def rss_mb(self) -> float:
        """Resident memory of the server and its children (gunicorn workers), in MB."""
        try:
            proc = psutil.Process(self.process.pid)
            procs = [proc, *proc.children(recursive=True)]
            return round(sum(p.memory_info().rss for p in procs) / 1e6, 1)
        except psutil.NoSuchProcess:
            return 0.0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_geokg(store_dir: Path, kind: str = "werkzeug", threads: int = 16) -> Server:
    """`geokg serve --no-samples` (werkzeug, threaded), gunicorn with one gthread worker, or
    granian (`pip install granian` first: measured as an option, geokg does not ship it).

    One gunicorn worker only: RocksDB lets one process open the store for writing.
    """
    port = free_port()
    env = {**os.environ, "GEOKG_STORE": f"oxigraph:{store_dir}", "GEOKG_QUERY_TIMEOUT": "300"}
    if kind == "gunicorn":
        cmd = [str(BIN / "gunicorn"), "-w", "1", "-k", "gthread", "--threads", str(threads),
               "-b", f"127.0.0.1:{port}", "--timeout", "600", "geokg.web:create_app()"]
    elif kind == "granian":  # a Rust HTTP server for WSGI apps; not a geokg dependency
        cmd = [str(BIN / "granian"), "--interface", "wsgi", "--factory", "--port", str(port),
               "--blocking-threads", str(threads), "geokg.web:create_app"]
    else:
        cmd = [str(BIN / "geokg"), "serve", "--no-samples", "--port", str(port)]
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(f"geokg-{kind}", process, f"http://127.0.0.1:{port}/sparql")
    wait_until_up(server)
    return server


def start_oxigraph(store_dir: Path) -> Server:
    """`oxigraph serve` on a copy of the store, union default graph as geokg's."""
    binary = BIN / "oxigraph" if (BIN / "oxigraph").exists() else Path(shutil.which("oxigraph") or "")
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(store_dir), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server("oxigraph-serve", process, f"http://127.0.0.1:{port}/query")
    wait_until_up(server)
    return server


def wait_until_up(server: Server, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}")
        try:
            if requests.get(server.query_url, params={"query": "ASK {}"}, timeout=30).ok:
                return
        except (requests.ConnectionError, requests.Timeout):  # still preparing the store
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer within {timeout} s")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile; with few samples p99 is the slowest run (said in RESULTS.md)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))
    return ordered[index]


def cycling_throughput(clients: int, seconds: float,
                       worker: Callable[[], Callable[[int], None]]) -> float:
    """Requests per second of `clients` threads for `seconds`: each thread makes its own
    request function with `worker()` (a session of its own, say) and calls it with the
    numbers index, index + 1, … so the threads start at different queries of a cycle."""
    done = [0] * clients
    deadline = time.perf_counter() + seconds

    def client(index: int) -> None:
        request = worker()
        n = index
        while time.perf_counter() < deadline:
            request(n)
            done[index] += 1
            n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started)


def summary_ms(seconds: list[float]) -> dict[str, float]:
    return {"n": len(seconds), "median_ms": round(statistics.median(seconds) * 1000, 2),
            "p99_ms": round(percentile(seconds, 0.99) * 1000, 2)}
