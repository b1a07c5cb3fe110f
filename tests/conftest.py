"""Shared fixtures: real stores, the real app, a real HTTP server, a real Oxigraph server.

Nothing is mocked: the point of these tests is that Oxigraph, Flask and the SPARQL
protocol work together as deployed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from feedsite import FeedSite, feed_site
from geokg.config import Settings
from geokg.pipeline.statistics import wait_for_refreshes
from geokg.store.base import Store
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from support import TEST_MAX_QUERY_LENGTH, LiveServer, free_port, serving
from virtuoso import WHY_MISSING, Virtuoso, running_virtuoso


@pytest.fixture(autouse=True)
def settled_statistics() -> Iterator[None]:
    """The web app recomputes the statistics graph in the background after writes: run what
    a module's fixtures asked for before each test, and what a test asked for at its end, so
    no refresh lands in the middle of another test."""
    wait_for_refreshes()
    yield
    wait_for_refreshes()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=f"oxigraph:{tmp_path / 'data'}", max_query_length=TEST_MAX_QUERY_LENGTH)


@pytest.fixture
def store(settings: Settings) -> Iterator[OxigraphStore]:
    """An on-disk Oxigraph store in the test's own folder."""
    opened = OxigraphStore(settings.data_dir)
    yield opened
    opened.close()


@pytest.fixture
def app(settings: Settings, store: Store) -> Iterator[Flask]:
    flask_app = create_app(settings, store=store)
    flask_app.config["TESTING"] = True
    yield flask_app
    wait_for_refreshes()  # while the store is still open


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    settings = Settings(store="memory", max_query_length=TEST_MAX_QUERY_LENGTH)
    live_store = OxigraphStore()
    flask_app = create_app(settings, store=live_store)
    try:
        with serving(flask_app) as url:
            yield LiveServer(url, live_store, flask_app)
    finally:
        live_store.close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The sample articles in an on-disk store, served over real HTTP; the base IRI is the
    server's own URL, so every IRI in it dereferences on it (workbench, browser tests)."""
    from geokg.errors import GeokgError
    from geokg.pipeline import read_inputs
    from geokg.resources import SAMPLE_ARTICLES

    port = free_port()
    folder = tmp_path_factory.mktemp("sample-site")
    settings = Settings(store=f"oxigraph:{folder / 'data'}", base_iri=f"http://127.0.0.1:{port}/",
                        max_query_length=TEST_MAX_QUERY_LENGTH)
    site_store = OxigraphStore(settings.data_dir)
    flask_app = create_app(settings, store=site_store)
    pipeline = flask_app.extensions["geokg.pipeline"]
    for item in read_inputs(SAMPLE_ARTICLES):
        try:
            pipeline.ingest(item)
        except GeokgError:  # a rejected sample is the pipeline tests' concern, not this site's
            continue
    try:
        with serving(flask_app, port) as url:
            yield LiveServer(url, site_store, flask_app)
    finally:
        site_store.close()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The sample articles, read by the real pipeline into an on-disk Oxigraph store, with
    the statistics graph computed after them (as `geokg ingest` does). Read-only for tests."""
    from geokg.pipeline import Pipeline, read_inputs
    from geokg.pipeline.statistics import refresh_statistics
    from geokg.resources import SAMPLE_ARTICLES

    folder = tmp_path_factory.mktemp("samples") / "data"
    pipeline = Pipeline.open(Settings(store=f"oxigraph:{folder}"))
    for item in read_inputs(SAMPLE_ARTICLES):
        pipeline.ingest(item)
    refresh_statistics(pipeline.store, pipeline.mint)
    yield pipeline.store
    pipeline.store.close()


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real `oxigraph serve` (union default graph on); /query and /update."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"oxigraph serve exited with {process.returncode}: {err}")
        try:
            with requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1) as resp:
                if resp.ok:
                    return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer at {url} within {timeout} s")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A real Virtuoso (tests/virtuoso.py): /sparql for queries, /sparql-auth (digest, dba)
    for updates."""
    from virtuoso import binary

    if binary() is None:
        pytest.skip(WHY_MISSING)
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture
def site() -> Iterator[FeedSite]:
    """A news site on loopback whose feed and pages each feeds test fills in."""
    with feed_site() as running:
        yield running
