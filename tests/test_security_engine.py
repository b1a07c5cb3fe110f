"""A hostile client against the real app over HTTP, on an embedded store and on the
`memory` store (each served from an engine process): no text makes the server fetch a URL
(a loopback listener must receive nothing), no text crashes the engine, no answer reaches
the wrong request, and updates stop at the timeout.

Each guard is tried both ways: through the web app (the first wall, `geokg.query.guard`)
and straight at the engine (the second wall: no network, large stacks, clean exchanges)."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from geokg.config import Settings
from geokg.errors import GeokgError, QueryTimeout, StoreError, StoreUnavailable
from geokg.pipeline import ArticleInput
from geokg.pipeline.curation import Curator
from geokg.store.engine_client import EngineStore, open_engine_store
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from geokg.web.state import PIPELINE_KEY, STORE_KEY
from hostile import (
    BAIT,
    LOOPBACK_HOSTS,
    deep_texts,
    glued_load_updates,
    glued_service_queries,
    load_updates,
    service_queries,
)
from reliability import PROBLEM, sample_texts
from support import serving

TOKEN = "w" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 3.0
ROWS = "SELECT ?n WHERE { VALUES ?n { " + " ".join(str(i) for i in range(20000)) + " } }"


@dataclass
class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    port: int
    hits: list[bytes] = field(default_factory=list)

    def target(self, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}/sparql"


@contextlib.contextmanager
def listening() -> Iterator[Listener]:
    """A listener on loopback that records every connection and hangs up unanswered."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    found = Listener(server.getsockname()[1])
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    found.hits.append(conn.recv(200))
                except OSError:
                    found.hits.append(b"")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join(5)
        server.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as found:
        yield found


@dataclass
class Site:
    url: str
    store: EngineStore


@pytest.fixture(scope="module", params=["embedded", "memory"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app as `geokg serve` makes it (GEOKG_STORE=oxigraph:PATH or memory), with the
    triples the glued forms' patterns match, so that a SERVICE that got through would run."""
    folder: Path = tmp_path_factory.mktemp("hostile")
    spec = f"oxigraph:{folder}/data" if request.param == "embedded" else "memory"
    app = create_app(Settings(store=spec, query_timeout=LIMIT, write_token=TOKEN))
    store = app.extensions[STORE_KEY]
    assert isinstance(store, EngineStore), f"the {request.param} store is served in-process"
    for item in sample_texts()[:2]:
        app.extensions[PIPELINE_KEY].ingest(ArticleInput.from_mapping(item))
    store.load_graph("urn:ex:bait", BAIT.encode(), "text/turtle")
    try:
        with serving(app) as url:
            yield Site(url, store)
    finally:
        store.close()


def _post(url: str, path: str, data: dict[str, str], **headers: str) -> requests.Response:
    return requests.post(f"{url}{path}", data=data, timeout=60,
                         headers={"Accept": "application/sparql-results+json", **headers})


# --- no request forgery -------------------------------------------------------------------

def _sample(texts: Iterator[str], step: int) -> list[str]:
    return list(itertools.islice(texts, 0, None, step))


def test_no_hidden_service_reaches_the_network(site: Site, listener: Listener) -> None:
    """Every family of obfuscation (escapes, comments, unicode escapes, nesting, BASE and
    prefix tricks, numeric hosts), without a token and with federation off."""
    engine = site.store.ping(5)
    texts = [*service_queries(listener.target(), keywords=2),
             *(q for host in LOOPBACK_HOSTS[1:] for q in _sample(service_queries(listener.target(host)), 97))]
    statuses = {_post(site.url, "/sparql", {"query": q}).status_code for q in texts}
    assert statuses <= {400, 403}, statuses
    assert listener.hits == []
    assert site.store.ping(5) == engine  # nothing crashed it


def test_no_hidden_load_reaches_the_network_or_the_store(site: Site, listener: Listener) -> None:
    before = site.store.quad_count()
    texts = [*load_updates(listener.target()),
             *(u for host in LOOPBACK_HOSTS[1:] for u in _sample(load_updates(listener.target(host)), 41))]
    for text in texts:
        answered = _post(site.url, "/update", {"update": text}, **AUTH)
        assert answered.status_code in (400, 403), (text, answered.text[:300])
        assert answered.headers["Content-Type"] == PROBLEM
    assert listener.hits == []
    assert site.store.quad_count() == before


def test_glued_keywords_never_reach_the_network(site: Site, listener: Listener) -> None:
    """SERVICE and LOAD glued to their neighbours (`1SERVICE`, `SERVICESILENT<…>`,
    `LOADSILENT<…>`), which a scanner for the word missed, at every spelling of loopback:
    refused, nothing fetched, nothing stored, the engine alive."""
    engine = site.store.ping(5)
    before = site.store.quad_count()
    for host in LOOPBACK_HOSTS:
        for query in glued_service_queries(listener.target(host)):
            answered = _post(site.url, "/sparql", {"query": query})
            assert answered.status_code in (400, 403), (query, answered.text[:300])
        for update in glued_load_updates(listener.target(host)):
            answered = _post(site.url, "/update", {"update": update}, **AUTH)
            assert answered.status_code in (400, 403), (update, answered.text[:300])
    assert listener.hits == []
    assert site.store.quad_count() == before
    assert site.store.ping(5) == engine


def test_the_glued_forms_are_service_and_load_to_oxigraph() -> None:
    """The corpus is hostile for real: a bare pyoxigraph store (no guard, no sandbox) calls
    a listener of this test's own for every glued form."""
    with listening() as oracle:
        missed = []
        for text in [*glued_service_queries(oracle.target()), *glued_load_updates(oracle.target())]:
            store = ox.Store()
            store.load(BAIT, format=ox.RdfFormat.TURTLE)
            calls = len(oracle.hits)
            try:
                if "INSERT" in text or "LOAD" in text.upper():
                    store.update(text)
                else:
                    result = store.query(text)
                    bool(result) if text.startswith("ASK") else list(result)  # type: ignore[arg-type]
            except OSError:
                pass  # the listener hangs up without an answer
            if not _wait(lambda before=calls: len(oracle.hits) > before):
                missed.append(text)
    assert missed == []


def _wait(condition: Callable[[], bool], seconds: float = 5) -> bool:
    """Whether `condition` holds within `seconds` (the listener records on its own thread)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_remote_body_is_never_repeated_in_an_error() -> None:
    """Oxigraph's message for a failed SERVICE carries the remote's whole answer; the
    error a client sees never does (the in-process store, as the CLI and tests use it)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    secret = b"root:x:0:0:SECRET-REMOTE-BODY"
    done = threading.Event()

    def answer() -> None:  # every call: the store runs the query again to stream it
        while not done.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(1000)
                conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: %d\r\n\r\n%s"
                             % (len(secret), secret))

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    store = OxigraphStore()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{server.getsockname()[1]}/> {{ ?s ?p ?o }} }}"
    try:
        with pytest.raises(StoreError) as failure:
            b"".join(store.query(query).serialize("application/sparql-results+json"))
    finally:
        done.set()
        thread.join(10)
        server.close()
        store.close()
    assert "SECRET-REMOTE-BODY" not in str(failure.value)
    assert "500" in str(failure.value)


def test_the_engine_itself_cannot_reach_the_network(site: Site, listener: Listener) -> None:
    """The second wall: a SERVICE or LOAD handed straight to the engine, past every check,
    still fetches nothing (seccomp: the engine may open Unix sockets only)."""
    assert site.store.sandboxed()
    query = f"SELECT * WHERE {{ SERVICE <{listener.target()}> {{ ?s ?p ?o }} }}"
    with pytest.raises(StoreError):
        b"".join(site.store.query(query).serialize("application/sparql-results+json"))
    with pytest.raises(GeokgError):
        site.store.update(f"LOAD <{listener.target()}> INTO GRAPH <urn:ex:loaded>")
    assert listener.hits == []
    assert not site.store.has_graph("urn:ex:loaded")


# --- no crash --------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(deep_texts(1000)))
def test_deep_texts_are_refused_with_the_setting_named(site: Site, kind: str) -> None:
    """Also long object lists (`1,1,…`) and predicate lists (`;`): 12,000 commas (24 KB)
    passed the guard and killed a web worker serving the memory store (SIGSEGV)."""
    engine = site.store.ping(5)
    text = deep_texts(60000)[kind]
    answered = _post(site.url, "/sparql", {"query": text})
    assert answered.status_code == 400, answered.text[:300]
    assert "GEOKG_MAX_QUERY_" in answered.json()["detail"]
    assert site.store.ping(5) == engine


@pytest.mark.slow
def test_the_engine_survives_the_deepest_text_the_length_limit_allows(tmp_path: Path) -> None:
    """The second wall: with the guard out of the way, 100,000-character texts of every
    deep kind either answer or time out; none crashes the engine (8 MB stacks did)."""
    store = open_engine_store(tmp_path / "store", query_timeout=10)
    try:
        engine = store.ping(5)
        for kind, text in deep_texts(Settings().max_query_length).items():
            try:
                b"".join(store.query(text).serialize("application/sparql-results+json"))
            except QueryTimeout:
                engine = store.ping(5)  # stopped on purpose: a new engine, not a crash
            except GeokgError as exc:
                assert not isinstance(exc, StoreUnavailable), (kind, exc)
            assert store.ping(5) == engine, kind
    finally:
        store.close()


def test_a_call_the_engine_crashed_under_is_not_repeated(tmp_path: Path) -> None:
    """A query in flight when its engine dies of a signal other than our timeout kill gets
    503 at once, not a second run (which would crash the next engine too); one in flight
    when another query's timeout killed the engine is run again on the new engine."""
    store = open_engine_store(tmp_path / "store", query_timeout=4)
    values = " ".join(map(str, range(2000)))
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { "  # 8e9 rows: hours, far past the limit
            + " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abc") + " }")
    try:
        for signal_name, repeated in (("SIGSEGV", False), ("SIGKILL", True)):
            engine = store.ping(5)
            with ThreadPoolExecutor(1) as pool:
                running = pool.submit(lambda: b"".join(
                    store.query(slow).serialize("application/sparql-results+json")))
                time.sleep(0.5)
                os.kill(engine, getattr(signal, signal_name))
                failure = running.exception(timeout=30)
            # Repeated: the second run reaches the timeout; not repeated: it fails at once.
            expected = QueryTimeout if repeated else StoreUnavailable
            assert isinstance(failure, expected), (signal_name, failure)
    finally:
        store.close()


# --- no answer to the wrong request -----------------------------------------------------------

def _answer(store: EngineStore, n: int) -> int:
    raw = b"".join(store.query(f"SELECT ?n WHERE {{ BIND({n} AS ?n) }}")
                   .serialize("application/sparql-results+json"))
    return int(json.loads(raw)["results"]["bindings"][0]["n"]["value"])


def _answers_stay_right(store: EngineStore) -> None:
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda n: _answer(store, n), range(100, 160)))
    assert got == list(range(100, 160))


def test_a_failure_mid_stream_never_shifts_later_answers(site: Site, listener: Listener) -> None:
    """Rows first, then an error inside the engine (a SERVICE it cannot call): every
    later query on the pooled connections gets its own answer."""
    failing = (f"SELECT ?n WHERE {{ {{ {ROWS.partition('WHERE ')[2]} }} UNION "
               f"{{ SERVICE <{listener.target()}> {{ ?n ?p ?o }} }} }}")
    for _ in range(3):
        with pytest.raises(StoreError):
            b"".join(site.store.query(failing).serialize("application/sparql-results+json"))
        _answers_stay_right(site.store)
    assert listener.hits == []


def test_a_reader_leaving_mid_stream_never_shifts_later_answers(site: Site) -> None:
    for media_type in ("application/sparql-results+json", "text/csv"):
        chunks = site.store.query(ROWS).serialize(media_type)
        next(chunks)
        chunks.close()  # the client went away after the first chunk
        _answers_stay_right(site.store)


def test_a_deadline_mid_stream_never_shifts_later_answers(site: Site) -> None:
    """Rows stream at once, then the query passes its deadline: the engine is killed, the
    reader gets the timeout, and the next queries (on a new engine) get their own answers."""
    values = " ".join(map(str, range(2000)))
    endless = "SELECT * WHERE { " + " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abc") + " }"
    streamed = 0
    with pytest.raises(QueryTimeout):
        for chunk in site.store.query(endless).serialize("text/csv"):
            streamed += len(chunk)
    assert streamed > 0
    _answers_stay_right(site.store)


def test_answers_stay_right_over_http_after_failures(site: Site, listener: Listener) -> None:
    """The reported case: after a refused or failed request, 30 of 30 later answers were
    the previous request's. Each later answer must be its own."""
    for text in ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
                 "SELECT * WHERE { ?s ?p }", deep_texts(20000)["nested groups"]):
        assert _post(site.url, "/sparql", {"query": text}).status_code in (400, 403)
        for n in range(100, 130):
            body = _post(site.url, "/sparql", {"query": f"SELECT ?n WHERE {{ BIND({n} AS ?n) }}"})
            assert body.json()["results"]["bindings"][0]["n"]["value"] == str(n)


# --- updates stop at the timeout ---------------------------------------------------------------

def test_a_runaway_update_is_stopped_and_changes_nothing(site: Site) -> None:
    before = site.store.quad_count()
    values = " ".join(map(str, range(2000)))  # 8e9 rows whatever the store holds
    runaway = ("INSERT { GRAPH <http://example.org/g> { <http://example.org/s> "
               "<http://example.org/n> ?n } } WHERE { SELECT (COUNT(*) AS ?n) WHERE { "
               + " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abc") + " } }")
    answered = _post(site.url, "/update", {"update": runaway}, **AUTH)
    assert answered.status_code == 503, answered.text[:300]  # run to its end, it would take hours
    assert "GEOKG_QUERY_TIMEOUT" in answered.json()["detail"]
    assert site.store.quad_count() == before
    # The write lock is free again: a Graph Store write goes through at once.
    put = requests.put(f"{site.url}/store", params={"graph": "http://example.org/after"},
                       data=b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .",
                       headers={"Content-Type": "application/n-triples", **AUTH}, timeout=30)
    assert put.status_code == 201, put.text[:300]


# --- term sizes ------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "setting"), [
    ("<http://example.org/{long}> <http://example.org/p> <http://example.org/o> .",
     "GEOKG_MAX_IRI_LENGTH"),
    ('<http://example.org/s> <http://example.org/p> "{long}" .', "GEOKG_MAX_LITERAL_LENGTH"),
])
def test_huge_terms_are_refused_before_anything_slow(site: Site, body: str, setting: str) -> None:
    """One triple with a 1 MB IRI took minutes (rdflib's N-Triples reader) under the write
    lock; now it is a 400 naming the limit, and nothing is stored."""
    before = site.store.quad_count()
    data = body.replace("{long}", "a" * 1_000_000).encode()
    for method, params in (("PUT", {"graph": "http://example.org/huge"}), ("POST", {})):
        answered = requests.request(method, f"{site.url}/store", params=params, data=data,
                                    headers={"Content-Type": "application/n-triples", **AUTH},
                                    timeout=60)
        assert answered.status_code == 400, answered.text[:300]
        assert setting in answered.json()["detail"]
    assert site.store.quad_count() == before


def test_a_huge_iri_in_an_update_is_refused(site: Site) -> None:
    before = site.store.quad_count()
    update = (f"INSERT DATA {{ GRAPH <http://example.org/huge> {{ <http://example.org/"
              f"{'a' * 50_000}> <http://example.org/p> 1 }} }}")
    answered = _post(site.url, "/update", {"update": update}, **AUTH)
    assert answered.status_code == 400, answered.text[:300]
    assert "GEOKG_MAX_IRI_LENGTH" in answered.json()["detail"]
    assert site.store.quad_count() == before


def test_a_write_whose_trial_engine_died_is_refused_not_lost(tmp_path: Path) -> None:
    """A Graph Store PUT is tried in the in-memory scratch engine first. Under chaos load
    that engine was killed mid-write and a new, empty one answered the rest: the PUT was
    acknowledged (204) and the graph never stored. Now the write is refused with 503 and
    the store is unchanged, so the client knows to send it again."""
    settings = Settings(store=f"oxigraph:{tmp_path}/data", run_dir=str(tmp_path / "run"))
    store = open_engine_store(tmp_path / "data", query_timeout=10)
    curator = Curator(store, settings)
    graph = "http://example.org/chaos/1"
    try:
        stage = curator._stage([graph])
        stage.scratch.load_graph(graph, b'<http://example.org/a> <http://example.org/b> "1" .',
                                 "application/n-triples")
        os.kill(stage.scratch.engine_pid, signal.SIGKILL)
        with pytest.raises(StoreUnavailable, match="try again"):
            curator._commit(stage)
        assert not store.has_graph(graph)
        # The next write goes through on the new scratch engine.
        assert curator.replace_graph(graph, b'<http://example.org/a> <http://example.org/b> "2" .',
                                     "application/n-triples").created == [graph]
    finally:
        store.close()
