"""GEOKG_QUERY_TIMEOUT stops the work: a runaway query gets 503 query-timeout within the
limit + 1 s, the engine process that ran it is gone (CPU back to idle), and other clients
are answered normally meanwhile. Real store on disk, real app, real HTTP on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import requests

from geokg.config import Settings
from geokg.pipeline import ArticleInput
from geokg.resources import SAMPLE_ARTICLES
from geokg.store.engine_client import EngineStore
from geokg.web import create_app
from geokg.web.state import PIPELINE_KEY, STORE_KEY
from reliability import PROBLEM
from support import serving

LIMIT = 1.5
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# The closure of every edge joined with itself: quadratic in the closure, far beyond any
# limit on a store with the gazetteer loaded (the closure alone can finish in a second).
_ANY = "(<http://www.w3.org/2000/01/rdf-schema#label>|!<http://www.w3.org/2000/01/rdf-schema#label>)*"
RUNAWAY_PATH = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {_ANY} ?b . ?c {_ANY} ?d }}"
SMALL = ("PREFIX gk: <https://w3id.org/geokg/ontology#> "
         "SELECT ?a WHERE { ?a a gk:Article } LIMIT 5")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, EngineStore]]:
    folder: Path = tmp_path_factory.mktemp("timeout")
    app = create_app(Settings(store=f"oxigraph:{folder}/data", query_timeout=LIMIT))
    store = app.extensions[STORE_KEY]
    assert isinstance(store, EngineStore)
    pipeline = app.extensions[PIPELINE_KEY]
    from reliability import sample_texts

    for item in sample_texts()[:3]:
        pipeline.ingest(ArticleInput.from_mapping(item))
    assert SAMPLE_ARTICLES.exists()
    try:
        with serving(app) as url:
            yield url, store
    finally:
        store.close()


def engine_pid(store: EngineStore) -> int:
    return store.ping(5)


def busy_descendants(root: psutil.Process, seconds: float = 0.5) -> list[tuple[int, float]]:
    """Processes under `root` (the supervisor) that use more than 30 % of a CPU."""
    procs = [root, *root.children(recursive=True)]
    for proc in procs:
        proc.cpu_percent(None)
    time.sleep(seconds)
    busy = []
    for proc in procs:
        try:
            load = proc.cpu_percent(None)
        except psutil.NoSuchProcess:
            continue
        if load > 30:
            busy.append((proc.pid, load))
    return busy


@pytest.mark.parametrize("query", [CROSS_PRODUCT, RUNAWAY_PATH], ids=["cross-product", "path"])
def test_runaway_query_is_stopped_and_others_are_served(site: tuple[str, EngineStore],
                                                        query: str) -> None:
    url, store = site
    before = engine_pid(store)
    supervisor = psutil.Process(before).parent()
    assert supervisor is not None
    served: list[int] = []
    stop = threading.Event()

    def small_queries() -> None:
        while not stop.is_set():
            response = requests.get(f"{url}/sparql", params={"query": SMALL}, timeout=10)
            served.append(response.status_code)

    others = [threading.Thread(target=small_queries) for _ in range(3)]
    for thread in others:
        thread.start()
    started = time.monotonic()
    response = requests.post(f"{url}/sparql", data={"query": query}, timeout=30)
    elapsed = time.monotonic() - started
    time.sleep(0.3)
    stop.set()
    for thread in others:
        thread.join()

    assert response.status_code == 503, response.text
    assert response.headers["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["type"].endswith("#query-timeout")
    assert "GEOKG_QUERY_TIMEOUT=1.5" in problem["detail"]
    assert LIMIT <= elapsed <= LIMIT + 1, elapsed
    assert not psutil.pid_exists(before) or psutil.Process(before).status() == psutil.STATUS_ZOMBIE
    after = engine_pid(store)
    assert after != before
    assert busy_descendants(supervisor) == []
    assert served and set(served) == {200}, sorted(set(served))


def test_a_query_under_the_limit_keeps_its_engine(site: tuple[str, EngineStore]) -> None:
    url, store = site
    before = engine_pid(store)
    response = requests.get(f"{url}/sparql", params={"query": SMALL, "format": "csv"}, timeout=10)
    assert response.status_code == 200
    assert response.text.startswith("a\r\n")
    assert engine_pid(store) == before
