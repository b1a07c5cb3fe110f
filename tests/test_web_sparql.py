"""The /sparql endpoint over real HTTP: protocol shapes, formats, dataset, errors, and a
third-party client (SPARQLWrapper) talking to it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
import requests
from flask.testing import FlaskClient
from rdflib.compare import isomorphic
from rdflib.query import Result
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from geokg.config import Settings
from geokg.errors import QuerySyntaxError
from geokg.store.base import GRAPH_MEDIA_TYPES, SOLUTION_MEDIA_TYPES
from geokg.store.oxigraph import OxigraphStore
from geokg.store.remote import RemoteStore
from geokg.web import create_app
from support import G1, G2, LABELS, NT1, NT2, TEST_MAX_QUERY_LENGTH, LiveServer, parse_solutions

RDF_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt",
               "application/rdf+xml": "xml", "application/ld+json": "json-ld"}
FORMAT_PARAMS = {"json": "application/sparql-results+json",
                 "xml": "application/sparql-results+xml", "csv": "text/csv",
                 "tsv": "text/tab-separated-values", "ttl": "text/turtle",
                 "nt": "application/n-triples", "rdf": "application/rdf+xml",
                 "jsonld": "application/ld+json"}
CONSTRUCT = "CONSTRUCT WHERE { ?s ?p ?o }"


@pytest.fixture
def live(live_server: LiveServer) -> Iterator[LiveServer]:
    """The session's server with exactly the two sample article graphs in its store."""
    live_server.store.update("DROP ALL")
    live_server.store.put_graph(G1, NT1)
    live_server.store.put_graph(G2, NT2)
    yield live_server


def endpoint(live: LiveServer) -> str:
    return f"{live.url}/sparql"


def labels_of(response: requests.Response) -> set[str]:
    assert response.status_code == 200, response.text
    media_type = response.headers["Content-Type"].split(";")[0]
    return {row["label"] for row in parse_solutions(response.content, media_type)}


def test_get_defaults_to_json(live: LiveServer) -> None:
    response = requests.get(endpoint(live), params={"query": LABELS}, timeout=10)
    assert response.headers["Content-Type"] == "application/sparql-results+json"
    assert labels_of(response) == {"Russland", "Ukraine"}


def test_form_post(live: LiveServer) -> None:
    response = requests.post(endpoint(live), data={"query": LABELS}, timeout=10)
    assert labels_of(response) == {"Russland", "Ukraine"}


def test_direct_post(live: LiveServer) -> None:
    response = requests.post(endpoint(live), data=LABELS.encode(), timeout=10,
                             headers={"Content-Type": "application/sparql-query"})
    assert labels_of(response) == {"Russland", "Ukraine"}


@pytest.mark.parametrize("media_type", SOLUTION_MEDIA_TYPES)
def test_each_result_format_by_accept(live: LiveServer, media_type: str) -> None:
    response = requests.get(endpoint(live), params={"query": LABELS}, timeout=10,
                            headers={"Accept": media_type})
    assert response.headers["Content-Type"].split(";")[0] == media_type
    assert labels_of(response) == {"Russland", "Ukraine"}


def test_accept_with_qualities_picks_the_preferred(live: LiveServer) -> None:
    accept = "application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1"
    response = requests.get(endpoint(live), params={"query": LABELS}, timeout=10,
                            headers={"Accept": accept})
    assert response.headers["Content-Type"].startswith("text/csv")


def test_ask_over_http(live: LiveServer) -> None:
    response = requests.get(endpoint(live), params={"query": "ASK { ?s ?p ?o }"}, timeout=10,
                            headers={"Accept": "application/sparql-results+xml"})
    assert Result.parse(io.BytesIO(response.content), format="xml").askAnswer is True


@pytest.mark.parametrize("media_type", GRAPH_MEDIA_TYPES)
def test_each_graph_format_by_accept(live: LiveServer, media_type: str) -> None:
    response = requests.get(endpoint(live), params={"query": CONSTRUCT}, timeout=10,
                            headers={"Accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].split(";")[0] == media_type
    graph = rdflib.Graph().parse(data=response.content, format=RDF_FORMATS[media_type])
    assert isomorphic(graph, rdflib.Graph().parse(data=NT1 + NT2, format="nt"))


def test_graph_default_is_turtle(live: LiveServer) -> None:
    response = requests.get(endpoint(live), params={"query": CONSTRUCT}, timeout=10)
    assert response.headers["Content-Type"].startswith("text/turtle")


@pytest.mark.parametrize(("name", "media_type"), FORMAT_PARAMS.items())
def test_format_parameter_overrides_accept(live: LiveServer, name: str, media_type: str) -> None:
    query = CONSTRUCT if media_type in GRAPH_MEDIA_TYPES else LABELS
    response = requests.get(endpoint(live), params={"query": query, "format": name},
                            headers={"Accept": "text/html"}, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].split(";")[0] == media_type


def test_format_parameter_not_fitting_the_result_is_400(live: LiveServer) -> None:
    response = requests.get(endpoint(live), params={"query": LABELS, "format": "ttl"},
                            timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"


def test_default_graph_uri_restricts_the_default_graph(live: LiveServer) -> None:
    response = requests.get(endpoint(live), timeout=10,
                            params={"query": LABELS, "default-graph-uri": G2})
    assert labels_of(response) == {"Ukraine"}


def test_default_graph_uri_is_repeatable(live: LiveServer) -> None:
    response = requests.post(endpoint(live), timeout=10,
                             data=[("query", LABELS), ("default-graph-uri", G1),
                                   ("default-graph-uri", G2)])
    assert labels_of(response) == {"Russland", "Ukraine"}


def test_named_graph_uri_restricts_graph_patterns(live: LiveServer) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = requests.post(endpoint(live), data=query.encode(), timeout=10,
                             params={"named-graph-uri": G1},
                             headers={"Content-Type": "application/sparql-query"})
    assert response.json()["results"]["bindings"] == [{"g": {"type": "uri", "value": G1}}]


def problem_of(response: requests.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    assert body["status"] == status and "Traceback" not in response.text
    return body


def test_syntax_error_is_400_with_the_parsers_message(live: LiveServer) -> None:
    bad = "SELECT ?s WHERE { ?s ?p }"
    with pytest.raises(QuerySyntaxError) as raised:
        live.store.query(bad)
    response = requests.get(endpoint(live), params={"query": bad}, timeout=10)
    assert str(raised.value) in str(problem_of(response, 400)["detail"])


def test_missing_query_is_400(live: LiveServer) -> None:
    # (a GET with no query at all is the service description, see test_web_linked_data.py)
    problem_of(requests.get(endpoint(live), params={"query": ""}, timeout=10), 400)
    problem_of(requests.post(endpoint(live), data={"nothing": "x"}, timeout=10), 400)


def test_unsupported_content_type_is_415(live: LiveServer) -> None:
    response = requests.post(endpoint(live), data=LABELS.encode(), timeout=10,
                             headers={"Content-Type": "text/plain"})
    problem_of(response, 415)


def test_unsatisfiable_accept_is_406(live: LiveServer) -> None:
    response = requests.get(endpoint(live), params={"query": LABELS}, timeout=10,
                            headers={"Accept": "image/png"})
    problem_of(response, 406)


def test_accept_fitting_only_the_other_kind_is_406(live: LiveServer) -> None:
    response = requests.get(endpoint(live), params={"query": LABELS}, timeout=10,
                            headers={"Accept": "text/turtle"})
    problem_of(response, 406)


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(live: LiveServer, method: str) -> None:
    response = requests.request(method, endpoint(live), timeout=10)
    problem_of(response, 405)
    assert "POST" in response.headers["Allow"]


def test_too_long_query_is_400_naming_the_setting(live: LiveServer) -> None:
    query = LABELS + "#" + "x" * TEST_MAX_QUERY_LENGTH
    response = requests.post(endpoint(live), data=query.encode(), timeout=10,
                             headers={"Content-Type": "application/sparql-query"})
    assert "GEOKG_MAX_QUERY_LENGTH" in str(problem_of(response, 400)["detail"])


def test_large_result_is_streamed_whole(live: LiveServer) -> None:
    triples = "".join(f'<http://example.org/s{i}> <http://example.org/p> "{i}" .\n'
                      for i in range(20_000))
    live.store.put_graph("http://example.org/big", triples)
    query = "SELECT ?s ?o WHERE { GRAPH <http://example.org/big> { ?s ?p ?o } }"
    with requests.get(endpoint(live), params={"query": query}, timeout=30, stream=True,
                      headers={"Accept": "text/csv"}) as response:
        assert "Content-Length" not in response.headers
        lines = b"".join(response.iter_content(65536)).decode().splitlines()
    assert len(lines) == 20_001


def test_sparqlwrapper_select_and_ask(live: LiveServer) -> None:
    client = SPARQLWrapper(endpoint(live))
    client.setReturnFormat(JSON)
    client.setQuery(LABELS)
    bindings = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert {b["label"]["value"] for b in bindings} == {"Russland", "Ukraine"}
    client.setQuery("ASK { ?s ?p ?o }")
    assert client.queryAndConvert()["boolean"] is True  # type: ignore[index]


def test_sparqlwrapper_construct(live: LiveServer) -> None:
    client = SPARQLWrapper(endpoint(live))
    client.setReturnFormat(TURTLE)
    client.setQuery(CONSTRUCT)
    data = client.query().response.read()
    graph = rdflib.Graph().parse(data=data, format="turtle")
    assert isomorphic(graph, rdflib.Graph().parse(data=NT1 + NT2, format="nt"))


def test_test_client_reaches_the_same_endpoint(client: FlaskClient) -> None:
    """The in-process `client` fixture (on-disk store) answers like the live server."""
    query = "ASK { <http://example.org/nowhere> ?p ?o }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    assert response.json == {"head": {}, "boolean": False}


def test_body_larger_than_the_limit_is_413(settings: Settings, store: OxigraphStore) -> None:
    small = replace(settings, max_body_bytes=1000)
    client = create_app(small, store=store).test_client()
    response = client.post("/sparql", data="ASK {}" + " " * 2000,
                           content_type="application/sparql-query")
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_endpoint_over_a_remote_store(settings: Settings, oxigraph_server: str) -> None:
    """The same endpoint in front of a remote Oxigraph: default formats pass through."""
    remote = RemoteStore(f"{oxigraph_server}/query", f"{oxigraph_server}/update")
    client = create_app(settings, store=remote).test_client()
    remote.update("DROP ALL")  # after create_app, which may load reference graphs
    remote.put_graph(G1, NT1)
    remote.put_graph(G2, NT2)
    response = client.get("/sparql", query_string={"query": LABELS})
    assert {b["label"]["value"] for b in response.json["results"]["bindings"]} == {
        "Russland", "Ukraine"}
    response = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "nt"})
    graph = rdflib.Graph().parse(data=response.data, format="nt")
    assert isomorphic(graph, rdflib.Graph().parse(data=NT1 + NT2, format="nt"))
    response = client.get("/sparql", query_string={"query": "SELEC"})
    assert response.status_code == 400 and "error at 1:" in response.json["detail"]


def test_the_engine_store_writes_each_kind_in_the_negotiated_format(tmp_path: Path) -> None:
    """The web server's own store (queries in the engine process, which writes the answer
    in the media type chosen before the query ran)."""
    from geokg.store.engine_client import EngineStore
    from geokg.web.state import STORE_KEY

    app = create_app(Settings(store=f"oxigraph:{tmp_path / 'data'}",
                              max_query_length=TEST_MAX_QUERY_LENGTH))
    store = app.extensions[STORE_KEY]
    assert isinstance(store, EngineStore)
    try:
        store.put_graph(G1, NT1)
        store.put_graph(G2, NT2)
        client = app.test_client()
        csv = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": "text/csv"})
        assert csv.status_code == 200 and csv.mimetype == "text/csv"
        assert {row["label"] for row in parse_solutions(csv.data, "text/csv")} >= {"Russland"}
        graph = client.post("/sparql", data={"query": CONSTRUCT},
                            headers={"Accept": "application/n-triples"})
        assert graph.mimetype == "application/n-triples"
        assert len(rdflib.Graph().parse(data=graph.data, format="nt")) > 0
        ask = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert Result.parse(io.BytesIO(ask.data), format="json").askAnswer is True
        wrong = client.get("/sparql", query_string={"query": LABELS, "format": "ttl"})
        assert wrong.status_code == 400 and "does not fit a select result" in wrong.json["detail"]
        unacceptable = client.get("/sparql", query_string={"query": LABELS},
                                  headers={"Accept": "text/turtle"})
        assert unacceptable.status_code == 406
        again = client.get("/sparql", query_string={"query": LABELS},
                           headers={"Accept": "application/sparql-results+json"})
        assert again.status_code == 200 and again.json["results"]["bindings"]
    finally:
        store.close()
