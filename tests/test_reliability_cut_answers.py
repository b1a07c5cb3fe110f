"""A cut answer never looks whole. A query stopped by a remote engine's own limit
(`oxigraph serve --timeout-s`, which still answers 200; Virtuoso's anytime queries), by
geokg's deadline on a remote store, or by the embedded store's engine deadline is a 503
problem naming the limit when nothing was sent yet, and a broken transfer once the answer
had started: requests raises ChunkedEncodingError, http.client IncompleteRead. An HTTP/1.0
client (no chunks to break) gets the 503. Real servers, real HTTP on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import http.client
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
import requests

from conftest import _oxigraph_binary, _wait_until_up
from geokg.config import Settings
from geokg.store import open_store
from geokg.store.remote import RemoteStore
from geokg.web import create_app
from reliability import gunicorn_deployment
from support import free_port, serving
from virtuoso import PASSWORD, USER, Virtuoso

#: 3000 triples in one graph, loaded into every store these tests query.
DATA = "urn:x:data"
TRIPLES = "".join(f'<urn:x:s{i}> <urn:x:p> "{i}" .\n' for i in range(3000))
#: Counts a cross product: an engine that stops it has written at most the result's head.
CUT_EARLY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DATA}> {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} }}"
#: One combination in a thousand of a cross product that never ends: some hundred KB in
#: the first seconds, then cut (`oxigraph serve` checks its limit often enough here; it
#: wrote 400 MB of an unfiltered product before it stopped, and over the gazetteer too a
#: COUNT ran past 30 s).
CUT_LATE = (f"SELECT ?a WHERE {{ GRAPH <{DATA}> {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} "
            'FILTER (STRENDS(CONCAT(STR(?c), STR(?f), STR(?i)), "777")) }')
#: One combination in ten: the first rows come at once even on a busy machine, well within
#: geokg's own deadline, so that the deadline falls inside the answer (CUT_LATE's first
#: rows can come after it there: a clean 503, not the broken transfer under test).
CUT_SOON = CUT_LATE.replace('"777"', '"7"')
#: oxigraph serve's own limit in these tests.
ENGINE_LIMIT_S = 2


def fetch(url: str, query: str, *, version: str = "HTTP/1.1") -> tuple[int, bytes, str | None]:
    """GET /sparql with http.client: the status, the body, and how the transfer ended (None
    when whole, else the error http.client raised)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=120)
    if version == "HTTP/1.0":
        connection._http_vsn, connection._http_vsn_str = 10, "HTTP/1.0"  # type: ignore[attr-defined]
    try:
        connection.request("GET", "/sparql?" + urlencode({"query": query}),
                           headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        try:
            return response.status, response.read(), None
        except http.client.IncompleteRead as exc:
            return response.status, exc.partial, repr(exc)
    finally:
        connection.close()


def fetch_streaming(url: str, query: str) -> tuple[int, int, str | None]:
    """The same with requests, reading as a streaming client does: status, bytes received,
    and the error that ended the transfer (None when it ended cleanly)."""
    with requests.get(f"{url}/sparql", params={"query": query}, stream=True, timeout=120,
                      headers={"Accept": "application/sparql-results+json"}) as response:
        received = 0
        try:
            for chunk in response.iter_content(64 * 1024):
                received += len(chunk)
        except requests.exceptions.ChunkedEncodingError as exc:
            return response.status_code, received, repr(exc)
        return response.status_code, received, None


def assert_problem(status: int, body: bytes, *words: str) -> dict[str, Any]:
    import json

    assert status == 503, body[:500]
    problem = json.loads(body)
    assert problem["type"].endswith("#query-timeout"), problem
    for word in words:
        assert word in problem["detail"], problem["detail"]
    return dict(problem)


def assert_broken(url: str, query: str = CUT_SOON) -> None:
    """Both clients see the answer start (200, data) and break, never end cleanly."""
    status, received, error = fetch_streaming(url, query)
    assert (status, error is not None) == (200, True), (status, received, error)
    assert received > 4096
    status, body, error = fetch(url, query)
    assert status == 200 and error is not None and "IncompleteRead" in error, (status, error)
    assert len(body) > 4096


@pytest.fixture(scope="module")
def timed_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve --timeout-s 2`: it stops a query at 2 s and still answers 200."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path_factory.mktemp("timed-oxigraph")),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s",
         str(ENGINE_LIMIT_S)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        requests.put(f"{url}/store", params={"graph": DATA}, data=TRIPLES.encode(),
                     headers={"Content-Type": "application/n-triples"}, timeout=60
                     ).raise_for_status()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr is not None:
            process.stderr.close()


def remote_site(url: str, query_timeout: float) -> Any:
    return serving(create_app(Settings(store=f"sparql:{url}/query,{url}/update",
                                       query_timeout=query_timeout)))


def test_oxigraph_serve_answers_a_stopped_query_with_200_and_a_cut_body(
        timed_oxigraph: str) -> None:
    """What geokg guards against, seen at the engine itself (if this changes, so can the
    guard)."""
    answer = requests.post(f"{timed_oxigraph}/query", data={"query": CUT_EARLY}, timeout=60,
                           headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200
    assert answer.content.endswith(b"The SPARQL operation has been cancelled")


def test_a_remote_engines_cut_answer_is_503_before_and_broken_after_it_started(
        timed_oxigraph: str) -> None:
    with remote_site(timed_oxigraph, query_timeout=30) as url:
        status, body, error = fetch(url, CUT_EARLY)
        assert error is None
        assert_problem(status, body, "cancelled", "GEOKG_QUERY_TIMEOUT=30")
        assert_broken(url, CUT_LATE)
        status, body, error = fetch(url, CUT_LATE, version="HTTP/1.0")
        assert_problem(status, body, "cancelled")
        small = requests.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert (small.status_code, small.json()["boolean"]) == (200, True)


def test_geokgs_own_deadline_on_a_remote_store_breaks_the_answer_off(
        timed_oxigraph: str) -> None:
    """GEOKG_QUERY_TIMEOUT=1 s, below the engine's own 2 s."""
    with remote_site(timed_oxigraph, query_timeout=1) as url:
        status, body, error = fetch(url, CUT_EARLY)
        assert_problem(status, body, "GEOKG_QUERY_TIMEOUT=1")
        assert_broken(url, CUT_SOON)


def test_the_remote_store_raises_for_a_cut_answer_in_every_format(timed_oxigraph: str) -> None:
    """The store itself, as the CLI and the pipeline use it: no cut answer reads as whole."""
    from geokg.errors import QueryTimeout

    store = RemoteStore(f"{timed_oxigraph}/query", f"{timed_oxigraph}/update")
    for media_type in ("application/sparql-results+json", "text/csv",
                       "application/sparql-results+xml"):
        with pytest.raises(QueryTimeout, match="cancelled"):
            b"".join(store.query(CUT_LATE).serialize(media_type))
    with pytest.raises(QueryTimeout, match="cancelled"):
        store.query(CUT_EARLY).rows()
    graph = f"CONSTRUCT {{ ?a ?b ?i }} WHERE {{ GRAPH <{DATA}> {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} }}"
    with pytest.raises(QueryTimeout, match="cancelled"):
        b"".join(store.query(graph).serialize("text/turtle"))


@pytest.fixture(scope="module")
def engine_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The embedded store behind its engine process, killed at 1.5 s."""
    folder: Path = tmp_path_factory.mktemp("cut-engine")
    app = create_app(Settings(store=f"oxigraph:{folder}/data", query_timeout=1.5))
    app.extensions["geokg.store"].put_graph(DATA, TRIPLES)
    try:
        with serving(app) as url:
            yield url
    finally:
        app.extensions["geokg.store"].close()


def test_the_engines_deadline_breaks_a_started_answer_off(engine_site: str) -> None:
    status, body, error = fetch(engine_site, CUT_EARLY)
    assert_problem(status, body, "GEOKG_QUERY_TIMEOUT=1.5")
    assert_broken(engine_site)
    status, body, error = fetch(engine_site, CUT_LATE, version="HTTP/1.0")
    assert (error, assert_problem(status, body, "GEOKG_QUERY_TIMEOUT=1.5")["status"]) == (None, 503)


def test_a_whole_answer_still_ends_cleanly(engine_site: str, timed_oxigraph: str) -> None:
    """The guards cost nothing to an answer that is whole, in either HTTP version."""
    query = "SELECT ?s ?o WHERE { ?s ?p ?o } LIMIT 5000"
    with remote_site(timed_oxigraph, query_timeout=30) as remote:
        for url in (engine_site, remote):
            for version in ("HTTP/1.1", "HTTP/1.0"):
                status, body, error = fetch(url, query, version=version)
                assert (status, error) == (200, None)
                assert body.rstrip().endswith(b"}") and len(body) > 4096
            assert fetch_streaming(url, query)[::2] == (200, None)


def test_virtuosos_partial_answers_are_503(virtuoso_server: Virtuoso) -> None:
    """geokg tells Virtuoso the deadline (its `timeout` parameter); Virtuoso then stops and
    answers partial results with 200 and `X-SQL-State: S1TAT`, or a 500 naming the
    timeout: both are 503 query-timeout, whole answers still 200."""
    settings = Settings(store=virtuoso_server.store_setting, remote_dialect="virtuoso",
                        remote_user=USER, remote_password=PASSWORD, query_timeout=1)
    # The app's preparation (reference graphs) runs under a patient deadline: on a busy
    # machine it can take longer than the 1 s under test.
    store = open_store(dataclasses.replace(settings, query_timeout=60))
    app = create_app(settings, store=store)
    store.put_graph(DATA, TRIPLES)
    assert isinstance(store, RemoteStore)
    store.timeout = 1
    with serving(app) as url:
        for query in (CUT_EARLY, CUT_LATE):
            status, body, error = fetch(url, query)
            assert error is None
            assert_problem(status, body, "GEOKG_QUERY_TIMEOUT=1")
        status, body, error = fetch(url, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10")
        assert (status, error) == (200, None)


@pytest.mark.slow
def test_under_gunicorn_a_broken_off_answer_is_a_broken_transfer(tmp_path: Path) -> None:
    from geokg.store.oxigraph import OxigraphStore

    store = OxigraphStore(tmp_path / "data")
    store.put_graph(DATA, TRIPLES)
    store.close()
    with gunicorn_deployment(tmp_path, workers=1, GEOKG_QUERY_TIMEOUT="2") as deployment:
        status, body, error = fetch(deployment.url, CUT_EARLY)
        assert_problem(status, body, "GEOKG_QUERY_TIMEOUT=2")
        assert_broken(deployment.url)
        status, body, error = fetch(deployment.url, CUT_LATE, version="HTTP/1.0")
        assert (error, assert_problem(status, body)["status"]) == (None, 503)
        assert fetch(deployment.url, "ASK { ?s ?p ?o }")[::2] == (200, None)
