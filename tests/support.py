"""Sample data and helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import csv
import io
import json
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rdflib
import requests
from flask import Flask
from rdflib.query import Result
from werkzeug.serving import make_server

from geokg.config import Settings
from geokg.pipeline.statistics import wait_for_refreshes
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app

#: Small so the "query too long" test needs no megabyte request.
TEST_MAX_QUERY_LENGTH = 5000

EX = "http://example.org/"
G1 = f"{EX}article/1"
G2 = f"{EX}article/2"
NT1 = (
    f'<{EX}russia> <http://www.w3.org/2000/01/rdf-schema#label> "Russland"@de .\n'
    f'<{EX}russia> <{EX}population> "146"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    f"<{EX}russia> <{EX}borders> <{EX}ukraine> .\n"
)
NT2 = f'<{EX}ukraine> <http://www.w3.org/2000/01/rdf-schema#label> "Ukraine"@en .\n'
LABELS = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


@dataclass
class LiveServer:
    """The real app behind a real threaded HTTP server; `store` is its store."""

    url: str
    store: OxigraphStore
    app: Flask


def parse_solutions(data: bytes, media_type: str) -> list[dict[str, str]]:
    """Solutions as {variable: lexical form} through independent parsers (not Oxigraph)."""
    if media_type == "application/sparql-results+json":
        doc = json.loads(data)
        return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]
    if media_type == "application/sparql-results+xml":
        result = Result.parse(io.BytesIO(data), format="xml")
        return [{str(k): str(v) for k, v in row.asdict().items()} for row in result]
    if media_type == "text/csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    lines = data.decode("utf-8").splitlines()
    names = [n.lstrip("?") for n in lines[0].split("\t")]
    return [{n: rdflib.util.from_n3(v).toPython().__str__() for n, v in
             zip(names, line.split("\t"), strict=True)} for line in lines[1:]]



def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: Flask, port: int | None = None) -> Iterator[str]:
    """The app behind a real threaded HTTP server on 127.0.0.1 (on `port`, or a free one);
    yields its base URL and stops the server when the block ends."""
    server = make_server("127.0.0.1", port or free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="test-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def edit(text: str, *replacements: tuple[str, str]) -> str:
    """Edit a query's parameter lines as an analyst would; each old text must occur once."""
    for old, new in replacements:
        assert text.count(old) == 1, f"parameter text {old!r} is not in the query exactly once"
        text = text.replace(old, new)
    return text


#: The base IRI of the articles bench/generate.py writes, and its hub.
GENERATED_BASE = "http://localhost:5000/"
PUTIN = f"{GENERATED_BASE}entity/vladimir-putin"


def hub_store(articles: int, seed: int, hot_reports: int, folder: Path | None = None) -> OxigraphStore:
    """A store of generated articles in which Vladimir Putin takes part in most events and
    one event is reported by `hot_reports` articles (bench/generate.py: the real graph
    builder's entity copies), on disk in `folder` or in memory."""
    bench = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(bench))
    import generate  # bench/ is no package

    out = io.StringIO()
    generate.generate(0, out, seed=seed, articles=articles,
                      hubs=generate.Hubs(("vladimir-putin",), 0.6, hot_reports))
    store = OxigraphStore(folder) if folder else OxigraphStore()
    store.load(out.getvalue().encode("utf-8"), "nquads")
    return store


@contextmanager
def hub_site(folder: Path, **settings: Any) -> Iterator[LiveServer]:
    """The app, with `settings`, serving `hub_store(200, seed=5, hot_reports=20)` on disk in
    `folder`; the statistics are refreshed only when a test says so. The store closes after
    every refresh a write scheduled has run (one must not find the store closed)."""
    store = hub_store(200, seed=5, hot_reports=20, folder=folder)
    app = create_app(Settings(store="memory", statistics_delay=3600, **settings), store=store)
    try:
        with serving(app) as url:
            yield LiveServer(url, store, app)
    finally:
        wait_for_refreshes()
        store.close()


def select(site: LiveServer, query: str) -> list[dict[str, str]]:
    """The solutions of a SELECT asked of a served app over /sparql, as plain strings."""
    response = requests.post(f"{site.url}/sparql", data={"query": query}, timeout=60,
                             headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]
