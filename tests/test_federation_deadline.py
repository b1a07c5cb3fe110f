"""One deadline per request for SERVICE: local evaluation and every SERVICE batch share
GEOKG_QUERY_TIMEOUT, against a real, slow SPARQL listener on 127.0.0.1 (admitted by the
allowlist and the tests-only loopback opt-in, as in `test_federation`)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from geokg.config import Settings
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from support import serving

#: Each remote answer takes this long; the request's limit is TIMEOUT. 350 local values
#: are 4 batches of 100 (2.8 s of remote time): only a deadline per batch lets them all run.
REMOTE_DELAY = 0.7
TIMEOUT = 1.0
LOCAL_VALUES = 350


@dataclass
class SlowRemote:
    url: str
    requests: list[float] = field(default_factory=list)  # when each request arrived


@pytest.fixture
def slow_remote() -> Iterator[SlowRemote]:
    """A SPARQL endpoint that answers every query with one empty solution, slowly."""
    remote = SlowRemote("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            remote.requests.append(time.monotonic())
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(REMOTE_DELAY)
            body = json.dumps({"head": {"vars": ["o"]}, "results": {"bindings": [{}]}}).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up at its deadline

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    remote.url = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        yield remote
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def site(tmp_path: Path, slow_remote: SlowRemote) -> Iterator[str]:
    store = OxigraphStore(tmp_path / "data")
    settings = Settings(store="memory", query_timeout=TIMEOUT, federation=True,
                        federation_endpoints=slow_remote.url, federation_allow_loopback=True)
    try:
        with serving(create_app(settings, store=store)) as url:
            yield url
    finally:
        store.close()


def test_all_service_batches_share_the_request_deadline(site: str, slow_remote: SlowRemote) -> None:
    values = " ".join(str(n) for n in range(LOCAL_VALUES))
    query = (f"SELECT * WHERE {{ VALUES ?n {{ {values} }} "
             f"SERVICE <{slow_remote.url}> {{ ?n ?p ?o }} }}")
    started = time.monotonic()
    answered = requests.post(f"{site}/sparql", data={"query": query}, timeout=30,
                             headers={"Accept": "application/sparql-results+json"})
    took = time.monotonic() - started
    assert answered.status_code in (503, 504), (answered.status_code, answered.text[:300])
    assert "GEOKG_QUERY_TIMEOUT" in answered.json()["detail"]
    # the deadline is 1.0 s; four batches would be 2.8 s (wide margins for a busy machine)
    assert took < TIMEOUT + 1.2, took
    assert len(slow_remote.requests) <= 2, slow_remote.requests


def test_a_federated_query_within_the_deadline_answers(site: str, slow_remote: SlowRemote) -> None:
    query = f"SELECT * WHERE {{ VALUES ?n {{ 1 2 }} SERVICE <{slow_remote.url}> {{ ?n ?p ?o }} }}"
    answered = requests.post(f"{site}/sparql", data={"query": query}, timeout=30,
                             headers={"Accept": "application/sparql-results+json"})
    assert answered.status_code == 200, answered.text
    assert len(answered.json()["results"]["bindings"]) == 2
    assert len(slow_remote.requests) == 1
