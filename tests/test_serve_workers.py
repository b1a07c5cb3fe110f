"""`geokg serve` serves with gunicorn's workers on one store engine: every worker answers,
and what one acknowledged writing every other reads at once (there is one store, opened
once); `--dev` is werkzeug in one process. Small answers go out whole."""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path

import psutil
import pytest
import requests
from flask.testing import FlaskClient

from geokg.store.engine_client import open_engine_store
from reliability import article_texts, command_line, geokg_serve, parent_of, wait_for

pytestmark = pytest.mark.slow

ENGINE = "geokg.store.engine_process"


def roles(pid: int) -> tuple[list[psutil.Process], list[psutil.Process]]:
    """The server's gunicorn workers, and its engine processes (supervisor and engine)."""
    children = psutil.Process(pid).children(recursive=True)
    engines = [c for c in children if ENGINE in " ".join(command_line(c))]
    workers = [c for c in children if c not in engines and parent_of(c) == pid]
    return workers, engines


def test_serve_runs_workers_and_each_reads_what_another_acknowledged(tmp_path: Path) -> None:
    articles = article_texts(6)
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", GEOKG_WORKERS="2") as server:
        wait_for(lambda: len(roles(server.process.pid)[0]) == 2, "both workers up")
        assert len(roles(server.process.pid)[1]) == 2  # one engine (and its supervisor)
        for article in articles:
            created = requests.post(f"{server.url}/articles", json=article, timeout=120,
                                    headers={"Connection": "close"})
            assert created.status_code == 201, created.text
            ask = f"ASK {{ GRAPH <{created.json()['iri']}> {{ ?s ?p ?o }} }}"
            # each read on a new connection, so both workers get to answer some of them
            for _ in range(6):
                seen = requests.get(f"{server.url}/sparql", params={"query": ask},
                                    headers={"Accept": "application/sparql-results+json",
                                             "Connection": "close"}, timeout=60)
                assert seen.json() == {"head": {}, "boolean": True}, "a write acknowledged " \
                    "by one worker is not visible to a read"


#: A query that keeps the engine busy for seconds: a count over 5000 × 5000 pairs of the
#: reference graphs' subjects.
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a WHERE { ?a ?b ?c } LIMIT 5000 } "
        "{ SELECT ?d WHERE { ?d ?e ?f } LIMIT 5000 } }")


def test_ctrl_c_lets_a_running_request_finish(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the whole process group: master, workers and engine) stops `geokg
    serve` gracefully, as SIGTERM does: a request in flight is answered. (gunicorn's quick
    stop would drop it, and can deadlock a gthread worker that gets its SIGQUIT while
    handing a request to its threads.)"""
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", GEOKG_WORKERS="1") as server:
        _, engines = roles(server.process.pid)
        idle = sum(sum(p.cpu_times()[:2]) for p in engines)
        answers: list[requests.Response] = []
        client = threading.Thread(target=lambda: answers.append(requests.get(
            f"{server.url}/sparql", params={"query": SLOW}, timeout=120,
            headers={"Accept": "application/sparql-results+json"})))
        client.start()
        wait_for(lambda: sum(sum(p.cpu_times()[:2]) for p in engines) > idle + 0.3,
                 "the engine busy with the query")
        # as a terminal's Ctrl-C does: to the whole process group (the server's own session)
        os.killpg(server.process.pid, signal.SIGINT)
        client.join(timeout=120)
        assert answers and answers[0].status_code == 200, "the request in flight was dropped"
        assert answers[0].json()["results"]["bindings"][0]["n"]["value"] == "25000000"
        assert server.process.wait(timeout=60) == 0


def test_serve_dev_is_one_process_beside_the_engine(tmp_path: Path) -> None:
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", "--dev") as server:
        workers, engines = roles(server.process.pid)
        assert workers == [] and len(engines) == 2
        answer = requests.get(f"{server.url}/sparql", params={"query": "ASK {}"}, timeout=30,
                              headers={"X-Request-Id": "dev-42"})
        assert answer.json() == {"head": {}, "boolean": True}
        # SIGTERM ends it cleanly: exit status 0, the store closed and its engine gone
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=60) == 0
        wait_for(lambda: not any(p.is_running() and p.status() != "zombie" for p in engines),
                 "the engine stopped with the server")
    # logs are JSON lines, and a request's carry its id
    logged = [json.loads(line) for line in (tmp_path / "serve.log").read_text().splitlines()
              if line.startswith("{")]
    assert {"logger": "geokg.access", "request_id": "dev-42", "status": 200}.items() <= next(
        line for line in logged if line.get("request_id") == "dev-42").items()


def test_a_forked_worker_never_reads_on_the_masters_engine_connections(tmp_path: Path) -> None:
    """gunicorn forks its workers from the master, which holds the store with pooled
    connections: a worker that took one would read the master's answers (and the master
    its). After the fork the child's pool is empty; the master's still serves."""
    store = open_engine_store(tmp_path / "data", 30)
    try:
        assert store.query("ASK {}").boolean
        assert store._pool, "an ASK gives its connection back to the pool"
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports by exit status only
            os._exit(0 if not store._pool else 1)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0, "the child kept the master's connections"
        assert store.query("ASK {}").boolean
    finally:
        store.close()


def test_small_answers_have_a_length_and_large_ones_stream(client: FlaskClient) -> None:
    small = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { BIND(1 AS ?x) }"},
                       headers={"Accept": "application/sparql-results+json"})
    assert small.status_code == 200
    assert small.headers["Content-Length"] == str(len(small.data))
    assert not small.is_streamed
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 200"  # the reference graphs: kilobytes
    large = client.get("/sparql", query_string={"query": query},
                       headers={"Accept": "application/sparql-results+json"})
    assert large.status_code == 200 and large.is_streamed
    assert "Content-Length" not in large.headers
    assert len(large.json["results"]["bindings"]) == 200


def test_result_formats_follow_each_requests_accept_header(client: FlaskClient) -> None:
    """The formats are kept per Accept header: alternating headers get their own."""
    query = {"query": "SELECT ?x WHERE { BIND(1 AS ?x) }"}
    cases = [("application/sparql-results+xml", "application/sparql-results+xml"),
             ("text/csv", "text/csv"),
             ("application/json", "application/sparql-results+json"),
             ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values")]
    for _ in range(2):
        for accept, media_type in cases:
            answer = client.get("/sparql", query_string=query, headers={"Accept": accept})
            assert answer.mimetype == media_type, accept
        assert client.get("/sparql", query_string=query, headers={"Accept": "image/png"}).status_code == 406


def test_a_get_query_of_several_kilobytes_is_answered(tmp_path: Path) -> None:
    """A GET query travels in the request line; gunicorn's default limit (4094 bytes) would
    refuse queries werkzeug answered."""
    query = "ASK {}  # " + "x" * 6000
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", GEOKG_WORKERS="1") as server:
        answer = requests.get(f"{server.url}/sparql", params={"query": query}, timeout=30,
                              headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        # past gunicorn's bound a request line is refused, and the server goes on answering
        refused = requests.get(f"{server.url}/sparql", params={"query": "ASK {} #" + "x" * 9000},
                               timeout=30)
        assert refused.status_code == 414  # URI Too Long
        assert requests.get(f"{server.url}/sparql", params={"query": "ASK {}"}, timeout=30,
                            headers={"Accept": "application/sparql-results+json"}).ok


def test_a_request_refused_before_its_body_was_read_leaves_its_connection_usable(
        tmp_path: Path) -> None:
    """The answer to a request refused without reading its body (405, a bad graph name, no
    token) says keep-alive; gunicorn closes a connection with over 64 KB of body unread, so
    the client's next request on it failed (found by bench/fuzz_hostile.py)."""
    body = ('<http://e/s> <http://e/p> "' + "x" * 300_000 + '" .').encode()
    refusals = [("POST", "/store?default", {}), ("PUT", "/store?graph=x", {}),
                ("PUT", "/store?graph=http://example.org/g", {"Authorization": "Bearer wrong"})]
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", GEOKG_WORKERS="1",
                     GEOKG_WRITE_TOKEN="t" * 24) as server, requests.Session() as session:
        for method, path, headers in refusals * 2:
            refused = session.request(method, f"{server.url}{path}", data=body, timeout=60,
                                      headers={"Content-Type": "application/n-triples", **headers})
            assert refused.status_code in (400, 401, 403, 405), (path, refused.status_code)
            assert session.get(f"{server.url}/healthz", timeout=30).ok  # the same connection
