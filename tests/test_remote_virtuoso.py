"""geokg in front of a real Virtuoso (GEOKG_REMOTE_DIALECT=virtuoso): the same articles read
the same as from the embedded store, and Virtuoso's own extensions (which read files and
fetch URLs) never reach it."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
import requests
from flask import Flask

from geokg.config import Settings
from geokg.errors import ExtensionRefused
from geokg.pipeline import ArticleInput
from geokg.query.guard import check_extensions, check_limits
from geokg.web import create_app
from reliability import PROBLEM, sample_texts
from support import serving
from virtuoso import PASSWORD, USER, Virtuoso


def virtuoso_settings(server: Virtuoso) -> Settings:
    return Settings(store=server.store_setting, remote_dialect="virtuoso", remote_user=USER,
                    remote_password=PASSWORD)


@pytest.fixture(scope="module")
def sites(virtuoso_server: Virtuoso, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[str, str]]:
    """The same three sample articles behind two geokg apps: one on Virtuoso, one on the
    embedded store. Yields both base URLs."""
    apps: list[Flask] = [create_app(virtuoso_settings(virtuoso_server)),
                         create_app(Settings(store=f"oxigraph:{tmp_path_factory.mktemp('e')}/d"))]
    for app in apps:
        for item in sample_texts()[:3]:
            app.extensions["geokg.pipeline"].ingest(ArticleInput.from_mapping(item))
    with serving(apps[0]) as virtuoso, serving(apps[1]) as embedded:
        yield virtuoso, embedded
    apps[1].extensions["geokg.store"].close()


def test_articles_read_the_same_from_virtuoso_and_the_embedded_store(
        sites: tuple[str, str]) -> None:
    listing = [requests.get(f"{url}/articles", timeout=60).json() for url in sites]
    assert listing[0] == listing[1]
    assert listing[0]["total"] == 3
    for article in listing[0]["articles"]:
        pages = [requests.get(f"{url}/articles/{article['id']}", timeout=60) for url in sites]
        assert [p.status_code for p in pages] == [200, 200]
        bodies = [_comparable(p.json()) for p in pages]
        assert bodies[0] == bodies[1]
        assert bodies[0]["events"], article
    query = ("PREFIX gk: <https://w3id.org/geokg/ontology#> SELECT ?type (COUNT(?e) AS ?n) "
             "WHERE { GRAPH ?g { ?e a ?type FILTER (STRSTARTS(STR(?type), STR(gk:))) } } "
             "GROUP BY ?type ORDER BY ?type")
    answers = [requests.get(f"{url}/sparql", params={"query": query, "format": "csv"},
                            timeout=60) for url in sites]
    assert answers[0].status_code == 200 and answers[0].text == answers[1].text
    ask = [requests.get(f"{url}/sparql", params={"query": "ASK { ?s a ?t }"}, timeout=60).json()
           for url in sites]
    assert ask[0] == ask[1] == {"head": {}, "boolean": True}


def _comparable(article: dict[str, object]) -> dict[str, object]:
    """An article page without its entities' `type`: one of an entity's classes picked by
    SAMPLE(), which engines pick differently (Virtuoso "Territory", Oxigraph "Place")."""
    entities = article["entities"]
    assert isinstance(entities, list)
    return {**article, "entities": [{k: v for k, v in e.items() if k != "type"} for e in entities]}


class _Hits(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the handler's name in http.server
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.end_headers()
        self.wfile.write(b"<urn:a> <urn:b> <urn:c> .")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records what was fetched from it."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hits)
    _Hits.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Hits.seen
    finally:
        server.shutdown()
        server.server_close()


def _attacks(url: str) -> list[str]:
    return [
        f"SELECT (bif:http_get('{url}/bif') AS ?x) {{}}",
        f"PREFIX b: <bif:> SELECT (b:http_get('{url}/prefix') AS ?x) {{}}",
        f"PREFIX b: <BIF:> SELECT (b:http_get('{url}/upper') AS ?x) {{}}",
        f"SELECT (<bif:http_get>('{url}/iri') AS ?x) {{}}",
        "SELECT (<\\u0062if:http_get>('" + url + "/escaped') AS ?x) {}",
        f"BASE <bif:> SELECT (<http_get>('{url}/base') AS ?x) {{}}",
        f"SELECT (sql:RDF_SPONGE_UP('{url}/sql') AS ?x) {{}}",
        f'DEFINE get:soft "replace" SELECT * FROM <{url}/define> WHERE {{ ?s ?p ?o }}',
        f"PREFIX x: <urn:x:> DEFINE get:soft \"soft\" SELECT * FROM <{url}/late> {{ ?s ?p ?o }}",
        f'SELECT * FROM <{url}/option> OPTION (get:soft "soft") WHERE {{ ?s ?p ?o }}',
        "SELECT (bif:file_to_string('virtuoso.ini') AS ?x) {}",
    ]


def test_virtuoso_fetches_urls_for_anyone_who_can_call_bif(virtuoso_server: Virtuoso,
                                                           listener: tuple[str, list[str]]) -> None:
    """Why the guard exists, seen at Virtuoso itself: its anonymous SPARQL user may call
    `bif:http_get` through a prefix, which fetches any URL (if this changes, so may the
    guard)."""
    url, seen = listener
    answer = requests.post(virtuoso_server.query_url, timeout=60, data={
        "query": f"PREFIX b: <bif:> SELECT (b:http_get('{url}/direct') AS ?x) {{}}"})
    assert answer.status_code == 200
    assert seen == ["/direct"]


def test_virtuoso_extensions_never_reach_the_store(virtuoso_server: Virtuoso,
                                                   listener: tuple[str, list[str]]) -> None:
    url, seen = listener
    with serving(create_app(virtuoso_settings(virtuoso_server))) as site:
        for attack in _attacks(url):
            for send in (requests.get, requests.post):
                key = "params" if send is requests.get else "data"
                answer = send(f"{site}/sparql", timeout=60, **{key: {"query": attack}})
                assert answer.status_code == 403, (attack, answer.text)
                assert answer.headers["Content-Type"] == PROBLEM
                assert answer.json()["type"].endswith("#extension-refused"), attack
    assert seen == []


@pytest.mark.parametrize("text", _attacks("http://127.0.0.1:9"))
def test_the_guard_refuses_virtuoso_extensions_in_queries_and_updates(text: str) -> None:
    settings = Settings(store="sparql:http://h/sparql", remote_dialect="virtuoso")
    with pytest.raises(ExtensionRefused, match="extension of the Virtuoso store"):
        check_limits(text, settings)
    with pytest.raises(ExtensionRefused, match="the update uses"):
        check_limits(text, settings, "update")
    check_limits(text, Settings(store="sparql:http://h/sparql"))  # another engine: its own words
    check_limits(text, Settings(store="memory", remote_dialect="virtuoso"))


@pytest.mark.parametrize("text", [
    'SELECT ?define ?option WHERE { ?s ?p "bif:http_get and sql:x" OPTIONAL { ?s ?p ?o } }',
    "# DEFINE get:soft, bif:http_get in a comment\nASK { ?s ?p ?o }",
    "PREFIX bifx: <http://example.org/bif:> SELECT * { ?s bifx:a ?o }",
    "SELECT * WHERE { ?s <http://example.org/sql:select> ?o }",
])
def test_the_guard_lets_plain_sparql_through(text: str) -> None:
    check_extensions(text)


def test_an_unknown_dialect_is_a_config_error() -> None:
    from geokg.errors import ConfigError

    with pytest.raises(ConfigError, match="GEOKG_REMOTE_DIALECT"):
        Settings(remote_dialect="fuseki")
