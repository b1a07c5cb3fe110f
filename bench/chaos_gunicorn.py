"""The documented gunicorn deployment under load while it is disturbed: 16 clients for 60 s
(cheap queries that check their own answer, page views of the most-connected entity,
article ingests, Graph Store writes) while a worker is killed (SIGTERM, at 15 s), the master
is sent HUP (at 30 s), the store engine is killed (SIGKILL, at 40 s) and so is a worker's
scratch engine, which tries curation writes (at 50 s). Prints connection
errors, wrong answers, statuses, p50/p99 of the cheap queries, and whether every write that
was acknowledged is in the store afterwards.

    python chaos_gunicorn.py [--seconds 60] [--clients 16] [--articles 150]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psutil
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from common import BIN  # noqa: E402
from reliability import article_texts, gunicorn_deployment  # noqa: E402

TOKEN = "c" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HUB = "/entity/vladimir-putin"


def preload(folder: Path, articles: int) -> None:
    """The store the deployment starts on: `articles` distinct real articles."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a, ensure_ascii=False) for a in article_texts(articles)]
    (folder / "preload.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([str(BIN / "geokg"), "--store", f"oxigraph:{folder}/data", "ingest",
                    str(folder / "preload.jsonl")], check=True, stdout=subprocess.DEVNULL)


class Load:
    def __init__(self, url: str):
        self.url = url
        self.counts: Counter[str] = Counter()
        self.cheap_ms: list[float] = []
        self.written: list[str] = []  # graph IRIs whose PUT was acknowledged
        self.ingested: list[str] = []  # article IRIs whose POST was acknowledged
        self.lock = threading.Lock()

    def client(self, n: int, until: float) -> None:
        session = requests.Session()
        step = 0
        while time.monotonic() < until:
            step += 1
            kind = ("cheap", "cheap", "cheap", "page", "ingest", "write")[step % 6]
            try:
                getattr(self, kind)(session, n * 1_000_000 + step)
            except requests.RequestException as exc:
                with self.lock:
                    self.counts[f"connection error {type(exc).__name__}"] += 1

    def note(self, kind: str, status: int) -> None:
        with self.lock:
            self.counts[f"{kind} {status}"] += 1

    def cheap(self, session: requests.Session, n: int) -> None:
        started = time.perf_counter()
        answer = session.get(f"{self.url}/sparql", params={"query": f"SELECT ?n {{ BIND({n} AS ?n) }}"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=60)
        elapsed = (time.perf_counter() - started) * 1000
        self.note("cheap", answer.status_code)
        if answer.status_code == 200:
            right = answer.json()["results"]["bindings"][0]["n"]["value"] == str(n)
            with self.lock:
                self.cheap_ms.append(elapsed)
                self.counts["wrong answers"] += not right

    def page(self, session: requests.Session, n: int) -> None:
        self.note("page", session.get(f"{self.url}{HUB}", timeout=60).status_code)

    def ingest(self, session: requests.Session, n: int) -> None:
        text = f"Kanzler Scholz telefonierte am Montag mit Präsident Macron. Meldung {n}."
        answer = session.post(f"{self.url}/articles", json={"text": text, "published": "2024-05-06"},
                              headers=AUTH, timeout=60)
        self.note("ingest", answer.status_code)
        if answer.status_code == 201:
            with self.lock:
                self.ingested.append(answer.json()["iri"])

    def write(self, session: requests.Session, n: int) -> None:
        graph = f"http://example.org/chaos/{n}"
        answer = session.put(f"{self.url}/store", params={"graph": graph}, timeout=60,
                             data=f"<{graph}> <http://www.w3.org/2000/01/rdf-schema#label> \"{n}\" .",
                             headers={"Content-Type": "application/n-triples", **AUTH})
        self.note("write", answer.status_code)
        if answer.status_code in (201, 204):
            with self.lock:
                self.written.append(graph)


def disturb(deployment: object, master: int, seconds: float, log: list[str]) -> None:
    """A worker TERMed, the master HUPed, the store engine and a scratch engine KILLed."""
    plan = [(seconds / 4, "TERM a worker"), (seconds / 2, "HUP the master"),
            (seconds * 2 / 3, "KILL the store engine"), (seconds * 5 / 6, "KILL a scratch engine")]
    start = time.monotonic()
    for at, what in plan:
        time.sleep(max(0.0, start + at - time.monotonic()))
        children = psutil.Process(master).children(recursive=True)
        if what == "TERM a worker":
            workers = [p for p in children if "gunicorn" in " ".join(p.cmdline())]
            os.kill(workers[0].pid, signal.SIGTERM)
        elif what == "HUP the master":
            os.kill(master, signal.SIGHUP)
        else:  # an engine is a child of its supervisor, both "geokg.store.engine_process"
            memory = "scratch" in what
            engines = [p for p in children if "geokg.store.engine_process" in " ".join(p.cmdline())
                       and (":memory:" in p.cmdline()) == memory and p.parent() is not None
                       and "geokg.store.engine_process" in " ".join(p.parent().cmdline())]
            os.kill(engines[0].pid, signal.SIGKILL)
        log.append(f"{round(time.monotonic() - start, 1)} s: {what}")


def present(url: str, iris: list[str]) -> int:
    found = 0
    for start in range(0, len(iris), 200):
        values = " ".join(f"<{i}>" for i in iris[start:start + 200])
        query = (f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                 "GRAPH ?g { ?s ?p ?o } }")
        answer = requests.post(f"{url}/sparql", data={"query": query}, timeout=120,
                               headers={"Accept": "application/sparql-results+json"})
        found += int(answer.json()["results"]["bindings"][0]["n"]["value"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--articles", type=int, default=150)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="geokg-chaos-"))
    preload(folder, args.articles)
    with gunicorn_deployment(folder, workers=2, GEOKG_WRITE_TOKEN=TOKEN,
                             GEOKG_INGEST_REQUIRES_TOKEN="on") as deployment:
        load = Load(deployment.url)
        until = time.monotonic() + args.seconds
        clients = [threading.Thread(target=load.client, args=(n, until)) for n in range(args.clients)]
        events: list[str] = []
        chaos = threading.Thread(target=disturb, args=(deployment, deployment.master.pid,
                                                       args.seconds, events))
        for thread in [*clients, chaos]:
            thread.start()
        for thread in [*clients, chaos]:
            thread.join()
        time.sleep(2)
        stored_writes = present(deployment.url, load.written)
        stored_articles = present(deployment.url, load.ingested)
    cheap = sorted(load.cheap_ms)
    print(json.dumps({
        "seconds": args.seconds, "clients": args.clients, "disturbances": events,
        # (a request that got no HTTP answer at all: refused, reset or timed out)
        "connection errors": sum(n for k, n in load.counts.items() if k.startswith("connection error")),
        **dict(sorted(load.counts.items())),
        "cheap p50 ms": round(statistics.median(cheap), 1) if cheap else None,
        "cheap p99 ms": round(cheap[int(len(cheap) * 0.99) - 1], 1) if cheap else None,
        "acknowledged writes": len(load.written), "of them stored": stored_writes,
        "acknowledged ingests": len(load.ingested), "of them stored ": stored_articles,
    }, indent=1))


if __name__ == "__main__":
    main()
