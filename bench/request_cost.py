"""Where a /sparql request's time goes, and what cheap requests cost over HTTP.

Why: the requests users send most (point lookups: an entity's Wikidata link, its labels,
its statements, an ASK) cost microseconds in the engine, so what a server adds per request
decides their throughput. Three parts, each measured in this one run:

1. layers (no HTTP): the engine in-process, the hop to the engine process, a bare Flask
   view, geokg's app, each a median over WSGI calls in one process;
2. profile (no HTTP): geokg's app under cProfile, its time per request grouped by where it
   is spent (Flask/werkzeug, request ids and logs, the guard, the engine round trip, ...);
3. http: requests per second with CLIENTS concurrent clients (`wrk` when installed, else a
   Python client), in alternating windows, for a bare Flask app running the query
   in-process with pyoxigraph under `gunicorn -w 2`, with sync and with gthread workers
   (the ceiling any Flask service reaches here is the faster of the two; the app is
   `bare_wsgi` below), geokg under its gunicorn.conf.py with 1 and 2
   workers, `geokg serve` (the README's command) and, with `--baseline TREE`, the same
   geokg targets of another source tree (e.g. `git archive main`): before and after in one
   run. Each target gets its own copy of the store.

    python bench/request_cost.py --store /tmp/scale-bench/dev --baseline /tmp/scale-bench/main
    python bench/request_cost.py --store /tmp/geokg-bench/store-1m-p-copy --parts layers \
        --queries ontology/queries/demands.rq
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import psutil
import pyoxigraph as ox
import requests
from flask import Flask, Response
from flask import request as flask_request

from common import cycling_throughput

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BIN = Path(sys.executable).parent
JSON_RESULTS = "application/sparql-results+json"
CLIENTS = 16
BASE = "http://localhost:5000/"

PREFIXES = ("PREFIX owl: <http://www.w3.org/2002/07/owl#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
#: The cheap mix: the point lookups linked-data clients and the workbench send most.
CHEAP = {
    "sameAs": PREFIXES + "SELECT ?wd WHERE { <{base}entity/vladimir-putin> owl:sameAs ?wd }",
    "labels": PREFIXES + "SELECT ?label WHERE { <{base}entity/russia> rdfs:label ?label }",
    "statements": "SELECT ?p ?o WHERE { <{base}entity/emmanuel-macron> ?p ?o } LIMIT 100",
    "ask": "ASK { <{base}entity/ukraine> a ?type }",
}


def cheap_queries(base: str = BASE) -> dict[str, str]:
    return {name: text.replace("{base}", base) for name, text in CHEAP.items()}


# --- the bare Flask ceiling ---------------------------------------------------------------

def bare_app(store: object) -> Flask:
    """The least a Flask view can do with a store: read the query, answer its JSON."""
    app = Flask("bare")

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        text = flask_request.values["query"]
        if isinstance(store, ox.Store):
            answer = store.query(text, use_default_graph_as_union=True).serialize(
                format=ox.QueryResultsFormat.JSON) or b""
        else:  # geokg's store (the layers part)
            answer = b"".join(store.query(  # type: ignore[attr-defined]
                text, serialize_as={"select": JSON_RESULTS, "ask": JSON_RESULTS})
                .serialize(JSON_RESULTS))
        return Response(answer, mimetype=JSON_RESULTS)
    return app


def bare_wsgi() -> Flask:
    """`gunicorn -w 2 'request_cost:bare_wsgi()'`: each worker opens the store read-only
    (BENCH_STORE) in-process, as a Flask service without killable queries would."""
    return bare_app(ox.Store.read_only(os.environ["BENCH_STORE"]))


# --- 1. layers ----------------------------------------------------------------------------

def median_ms(run: Callable[[], object], runs: int) -> float:
    for _ in range(20):
        run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3)


def wsgi_get(app: Flask, query: str) -> bytes:
    """GET /sparql?query= through the WSGI interface; the answer's bytes."""
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/sparql", "SERVER_NAME": "localhost",
               "SERVER_PORT": "5000", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
               "QUERY_STRING": urlencode({"query": query}), "wsgi.input": io.BytesIO(b""),
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


@contextmanager
def geokg_app(store_dir: Path) -> Iterator[Flask]:
    from geokg.config import Settings
    from geokg.web import create_app
    from geokg.web.state import STORE_KEY

    app = create_app(Settings(store=f"oxigraph:{store_dir}", statistics_delay=3600))
    try:
        yield app
    finally:
        app.extensions[STORE_KEY].close()


def layers(app: Flask, engine: ox.Store, queries: dict[str, str], runs: int) -> None:
    from geokg.web.state import STORE_KEY

    store = app.extensions[STORE_KEY]
    bare = bare_app(store)
    for name, query in queries.items():
        def in_process(q: str = query) -> bytes:
            return engine.query(q, use_default_graph_as_union=True).serialize(
                format=ox.QueryResultsFormat.JSON) or b""

        def hop(q: str = query) -> bytes:
            return b"".join(store.query(q, serialize_as={"select": JSON_RESULTS,
                                                         "ask": JSON_RESULTS})
                            .serialize(JSON_RESULTS))

        row = {"engine_in_process_ms": median_ms(in_process, runs),
               "engine_process_hop_ms": median_ms(hop, runs),
               "bare_flask_view_ms": median_ms(lambda q=query: wsgi_get(bare, q), runs),
               "geokg_app_ms": median_ms(lambda q=query: wsgi_get(app, q), runs),
               "answer_bytes": len(in_process())}
        print(json.dumps({"part": "layers", "query": name, **row}), flush=True)


# --- 2. profile ---------------------------------------------------------------------------

#: Where a function's own time is counted: the first pattern its file matches.
AREAS = [
    ("engine round trip (socket, frames, JSON)", r"geokg/store/|socket|json/|selectors"),
    ("SPARQL guard and federation check", r"geokg/query/"),
    ("request ids, security headers, access log", r"geokg/web/security|logging/"),
    ("CORS and write hooks", r"geokg/web/hooks"),
    ("the /sparql view (formats, streaming)", r"geokg/web/(sparql|streaming|state)"),
    ("other geokg", r"geokg/"),
    ("werkzeug (request, headers, routing)", r"werkzeug/"),
    ("flask (context, dispatch)", r"flask/"),
    ("rdflib (parsing)", r"rdflib/|pyparsing/"),
]


def profile(app: Flask, queries: dict[str, str], runs: int) -> None:
    """cProfile the WSGI calls; own time per request by area (profiling inflates all
    Python time alike, so read the shares, not the absolute figures)."""
    texts = list(queries.values())
    for text in texts:
        wsgi_get(app, text)
    profiler = cProfile.Profile()
    profiler.enable()
    for index in range(runs):
        wsgi_get(app, texts[index % len(texts)])
    profiler.disable()
    stats = pstats.Stats(profiler)
    areas: dict[str, float] = {}
    top: list[tuple[float, str]] = []
    for (file, line, function), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = next((name for name, pattern in AREAS if re.search(pattern, file)),
                     "builtins and C calls" if file == "~" else "other Python")
        areas[where] = areas.get(where, 0.0) + own
        top.append((own, f"{Path(file).name}:{line}:{function}"))
    total = sum(areas.values())
    print(json.dumps({"part": "profile", "requests": runs,
                      "ms_per_request_profiled": round(total / runs * 1000, 3),
                      "share": {k: round(v / total, 3) for k, v in
                                sorted(areas.items(), key=lambda kv: -kv[1])},
                      "top_functions_ms_per_request": {
                          name: round(own / runs * 1000, 4)
                          for own, name in sorted(top, reverse=True)[:12]}}), flush=True)


# --- 3. http ------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Target:
    name: str
    command: list[str]
    env: dict[str, str]
    cwd: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path) -> None:
        with log.open("ab") as out:
            self.process = subprocess.Popen(self.command, env=self.env, cwd=self.cwd,
                                            stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {log}")
            try:
                if requests.get(f"{self.url}/sparql", params={"query": "ASK {}"},
                                headers={"Accept": JSON_RESULTS}, timeout=30).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer; see {log}")

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) so far of the server's processes: all, and the store
        engine's (supervisor and engine) apart."""
        assert self.process is not None
        totals = {"all": 0.0, "engine": 0.0}
        root = psutil.Process(self.process.pid)
        for proc in [root, *root.children(recursive=True)]:
            try:
                times = proc.cpu_times()
                engine = "geokg.store.engine_process" in " ".join(proc.cmdline())
            except psutil.NoSuchProcess:
                continue
            used = times.user + times.system
            totals["all"] += used
            if engine:
                totals["engine"] += used
        return totals

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def targets(store: Path, work: Path, baseline: Path | None, chosen: list[str]) -> list[Target]:
    """Every server of the comparison, each on its own copy of the store and run folder."""
    gunicorn = str(BIN / "gunicorn")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("GEOKG_", "WEB_CONCURRENCY", "PYTHONPATH"))}
    made: list[Target] = []

    def add(name: str, command: list[str], cwd: Path, tree: Path | None = None,
            **env: str) -> None:
        if name not in chosen and name.removeprefix("before:") not in chosen:
            return
        copy = work / name.replace(":", "-")
        shutil.copytree(store, copy / "data")
        port = free_port()
        environment = {**clean, "GEOKG_STORE": f"oxigraph:{copy / 'data'}",
                       "GEOKG_PORT": str(port), "GEOKG_QUERY_TIMEOUT": "30",
                       "BENCH_STORE": str(copy / "data"), **env}
        if tree is not None:
            environment["PYTHONPATH"] = str(tree / "service")
        made.append(Target(name, [c.replace("{port}", str(port)) for c in command],
                           environment, cwd, port))

    bind = ["-b", "127.0.0.1:{port}"]
    bare = ["--no-control-socket", "--chdir", str(BENCH), "request_cost:bare_wsgi()"]
    add("bare-flask-w2", [gunicorn, "-w", "2", *bind, *bare], BENCH)
    add("bare-flask-w2-gthread", [gunicorn, "-w", "2", "-k", "gthread", "--threads", "8",
                                  *bind, *bare], BENCH)
    for prefix, tree in [("", ROOT)] + ([("before:", baseline)] if baseline else []):
        for workers in (1, 2):
            add(f"{prefix}geokg-gunicorn-w{workers}",
                [gunicorn, "geokg.web:create_app()", "-w", str(workers), *bind], tree,
                tree if prefix else None)
        add(f"{prefix}geokg-serve", [sys.executable, "-m", "geokg.cli", "serve",
                                     "--no-samples", "--port", "{port}"], tree,
            tree if prefix else None)
    return made


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "%s"})
end
"""


def load_wrk(url: str, paths: list[str], seconds: float, script: Path) -> float:
    script.write_text(WRK_SCRIPT % (", ".join(json.dumps(p) for p in paths), JSON_RESULTS))
    done = subprocess.run(["wrk", "-t1", f"-c{CLIENTS}", f"-d{seconds:g}s", "-s", str(script),
                           url], capture_output=True, text=True, timeout=seconds + 60)
    if "Non-2xx" in done.stdout or "Socket errors" in done.stdout:
        raise RuntimeError(f"failed requests against {url}:\n{done.stdout}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", done.stdout)
    if not found:
        raise RuntimeError(done.stdout + done.stderr)
    return float(found.group(1))


def load_python(url: str, paths: list[str], seconds: float, script: Path) -> float:
    """CLIENTS threads, each on a keep-alive connection (slower than wrk: it shares the
    GIL, so it is a lower bound for every target alike)."""
    def worker() -> Callable[[int], None]:
        session = requests.Session()

        def request(n: int) -> None:
            response = session.get(url + paths[n % len(paths)], headers={"Accept": JSON_RESULTS}, timeout=60)
            if response.status_code != 200:
                raise RuntimeError(f"{response.status_code} from {url}")
        return request

    return cycling_throughput(CLIENTS, seconds, worker)


def http(servers: list[Target], queries: dict[str, str], rounds: int, seconds: float,
         work: Path) -> dict[str, float]:
    paths = ["/sparql?query=" + quote(text, safe="") for text in queries.values()]
    load = load_wrk if shutil.which("wrk") else load_python
    rates: dict[str, list[float]] = {s.name: [] for s in servers}
    cpu: dict[str, list[float]] = {s.name: [] for s in servers}
    engine_cpu: dict[str, list[float]] = {s.name: [] for s in servers}
    for round_ in range(rounds):
        for server in servers:
            before = server.cpu_seconds()
            rate = load(server.url, paths, seconds, work / "mix.lua")
            after = server.cpu_seconds()
            served = rate * seconds
            rates[server.name].append(rate)
            cpu[server.name].append((after["all"] - before["all"]) / served * 1000)
            engine_cpu[server.name].append((after["engine"] - before["engine"]) / served * 1000)
            print(json.dumps({"part": "http", "round": round_ + 1, "target": server.name,
                              "requests_per_s": round(rate, 1),
                              "cpu_ms_per_request": round(cpu[server.name][-1], 3),
                              "engine_cpu_ms_per_request": round(engine_cpu[server.name][-1], 3)}),
                  flush=True)
    medians = {name: statistics.median(values) for name, values in rates.items()}
    # the ceiling: the faster of the two bare Flask servers (sync workers, as `gunicorn -w 2`
    # runs by default, or gthread with keep-alive, as geokg's workers)
    ceiling = max((v for k, v in medians.items() if k.startswith("bare-flask")), default=None)
    cpu_ceiling = min((statistics.median(v) for k, v in cpu.items()
                       if k.startswith("bare-flask")), default=None)
    summary = {name: {"requests_per_s": round(value, 1),
                      "spread": round((max(rates[name]) - min(rates[name])) / value, 2),
                      "of_bare_flask_ceiling": round(value / ceiling, 2) if ceiling else None,
                      "cpu_ms_per_request": round(statistics.median(cpu[name]), 3),
                      "engine_cpu_ms_per_request": round(statistics.median(engine_cpu[name]), 3),
                      "bare_flask_cpu_over_this": round(cpu_ceiling / statistics.median(cpu[name]),
                                                        2) if cpu_ceiling else None}
               for name, value in medians.items()}
    for prefix in ("", "before:"):
        one, two = medians.get(f"{prefix}geokg-gunicorn-w1"), medians.get(f"{prefix}geokg-gunicorn-w2")
        if one and two:
            summary[f"{prefix}scaling_w2_over_2xw1"] = round(two / (2 * one), 2)  # type: ignore[assignment]
    print(json.dumps({"part": "http-summary", "load": load.__name__, "clients": CLIENTS,
                      "rounds": rounds, "window_s": seconds,
                      "load_average": [round(x, 2) for x in os.getloadavg()],
                      **summary}), flush=True)
    return medians


# --- main ---------------------------------------------------------------------------------

ALL_TARGETS = ["bare-flask-w2", "bare-flask-w2-gthread", "geokg-gunicorn-w1",
               "geokg-gunicorn-w2", "geokg-serve"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True,
                        help="an embedded store nothing else has open (it is copied per target)")
    parser.add_argument("--parts", nargs="*", default=["layers", "profile", "http"],
                        choices=["layers", "profile", "http"])
    parser.add_argument("--queries", type=Path, nargs="*", default=[],
                        help="more .rq files for the layers part (default: the cheap mix only)")
    parser.add_argument("--runs", type=int, default=300, help="WSGI calls per layer figure")
    parser.add_argument("--targets", nargs="*", default=ALL_TARGETS, choices=ALL_TARGETS)
    parser.add_argument("--baseline", type=Path,
                        help="another source tree (with service/ and gunicorn.conf.py) whose "
                             "geokg targets run too, as before:NAME")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one window")
    args = parser.parse_args(argv)
    queries = cheap_queries()
    layer_queries = queries | {p.stem: p.read_text(encoding="utf-8") for p in args.queries}
    if not args.store.exists():  # a new store: geokg makes it (the reference graphs only)
        with geokg_app(args.store):
            pass
    with tempfile.TemporaryDirectory(prefix="geokg-request-cost-") as folder:
        work = Path(folder)
        if {"layers", "profile"} & set(args.parts):
            copy = work / "in-process"
            shutil.copytree(args.store, copy)
            engine = ox.Store.read_only(str(args.store))
            with geokg_app(copy) as app:
                if "layers" in args.parts:
                    layers(app, engine, layer_queries, args.runs)
                if "profile" in args.parts:
                    profile(app, queries, args.runs * 4)
        if "http" in args.parts:
            servers = targets(args.store, work, args.baseline, args.targets)
            try:
                for server in servers:
                    server.start(work / "servers.log")
                http(servers, queries, args.rounds, args.seconds, work)
            except BaseException:
                log = work / "servers.log"
                if log.exists():
                    sys.stderr.write(log.read_text(errors="replace")[-4000:])
                raise
            finally:
                for server in servers:
                    server.stop()


if __name__ == "__main__":
    main()
