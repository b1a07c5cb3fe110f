"""SPARQL 1.1 Protocol behaviour the W3C protocol tests check, in cases of our own: the
service base for relative IRIs, UTF-8 only, the update dataset from using-graph-uri /
using-named-graph-uri (honoured, or 400 on a conflict, never ignored), the query dataset
from default-graph-uri / named-graph-uri, and a service description naming both endpoints.
Real app over HTTP on an embedded store on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
import requests

from geokg.config import Settings
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from support import serving

TOKEN = "p" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EX = "http://example.org/protocol/"
DOC = "http://xmlns.com/foaf/0.1/Document"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("protocol")
    store = OxigraphStore(folder / "data")
    app = create_app(Settings(store="memory", write_token=TOKEN), store=store)
    with serving(app) as url:
        for n in (1, 2, 3):
            graph = f"{EX}data{n}"
            triple = f"<{graph}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DOC}> ."
            answered = requests.put(f"{url}/store", params={"graph": graph}, data=triple.encode(),
                                    headers={"Content-Type": "application/n-triples", **AUTH},
                                    timeout=30)
            assert answered.status_code in (201, 204), answered.text
        yield url
    store.close()


def ask(url: str, query: str, **params: str) -> bool:
    answered = requests.post(f"{url}/sparql", params=params, data=query.encode(), timeout=30,
                             headers={"Content-Type": "application/sparql-query",
                                      "Accept": "application/sparql-results+json"})
    assert answered.status_code == 200, answered.text
    return bool(answered.json()["boolean"])


def direct_update(url: str, update: str, **params: str) -> requests.Response:
    return requests.post(f"{url}/update", params=params, data=update.encode(), timeout=30,
                         headers={"Content-Type": "application/sparql-update", **AUTH})


# --- the service base ------------------------------------------------------------------------

def test_relative_iris_in_a_query_resolve_against_the_service(site: str) -> None:
    answered = requests.post(f"{site}/sparql", data=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                             headers={"Content-Type": "application/sparql-query",
                                      "Accept": "application/n-triples"}, timeout=30)
    assert answered.status_code == 200, answered.text
    assert answered.text.startswith(f"<{site}/s> <{site}/p> ")


def test_relative_iris_in_an_update_resolve_against_the_service(site: str) -> None:
    graph = f"{EX}base-test"
    answered = direct_update(site, f"INSERT DATA {{ GRAPH <{graph}> {{ <{EX}s> <{EX}p> <test> }} }}")
    assert answered.status_code == 200, answered.text
    assert ask(site, f"ASK {{ GRAPH <{graph}> {{ <{EX}s> <{EX}p> <{site}/test> }} }}")


def test_a_configured_base_iri_is_the_base(tmp_path: Path) -> None:
    store = OxigraphStore()
    app = create_app(Settings(store="memory", base_iri="https://kg.example.org/"), store=store)
    with serving(app) as url:
        answered = requests.get(f"{url}/sparql", params={"query": "SELECT ?x { BIND(<a/b> AS ?x) }"},
                                headers={"Accept": "text/csv"}, timeout=30)
    store.close()
    assert answered.text.splitlines()[1] == "https://kg.example.org/a/b"


# --- UTF-8 only ------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "content_type", "body"), [
    ("/sparql", "application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16")),
    ("/sparql", "application/sparql-query; charset=ISO-8859-1", "ASK { FILTER(\"é\") }".encode("latin-1")),
    ("/sparql", "application/x-www-form-urlencoded; charset=UTF-16", b"query=ASK%20%7B%7D"),
    ("/update", "application/sparql-update; charset=UTF-16", "CLEAR ALL".encode("utf-16")),
])
def test_sparql_in_another_charset_is_refused_and_not_run(site: str, path: str, content_type: str,
                                                          body: bytes) -> None:
    answered = requests.post(f"{site}{path}", data=body, timeout=30,
                             headers={"Content-Type": content_type, **AUTH})
    assert answered.status_code == 415, answered.text
    assert "UTF-8" in answered.json()["detail"]
    assert ask(site, f"ASK {{ GRAPH <{EX}data1> {{ ?s ?p ?o }} }}")  # CLEAR ALL never ran


def test_utf8_declared_or_not_is_read(site: str) -> None:
    for content_type in ("application/sparql-query", "application/sparql-query; charset=utf-8"):
        answered = requests.post(f"{site}/sparql", data='ASK { FILTER("é" = "é") }'.encode(),
                                 headers={"Content-Type": content_type,
                                          "Accept": "application/sparql-results+json"}, timeout=30)
        assert answered.json()["boolean"] is True


# --- the update dataset -----------------------------------------------------------------------

TAG = ("INSERT { GRAPH <{out}> { ?s <http://example.org/in> ?in } } WHERE { "
       "{ GRAPH ?g { ?s a <http://xmlns.com/foaf/0.1/Document> } BIND(?g AS ?in) } UNION "
       "{ ?s a <http://xmlns.com/foaf/0.1/Document> BIND(\"default\" AS ?in) } }")


def _tagged(site: str, out: str) -> set[tuple[str, str]]:
    answered = requests.post(f"{site}/sparql", timeout=30,
                             data={"query": f"SELECT ?s ?in WHERE {{ GRAPH <{out}> {{ ?s "
                                            "<http://example.org/in> ?in } }"},
                             headers={"Accept": "application/sparql-results+json"})
    rows = answered.json()["results"]["bindings"]
    return {(r["s"]["value"].rsplit("/", 1)[1], r["in"]["value"].rsplit("/", 1)[-1]) for r in rows}


@pytest.mark.parametrize("shape", ["direct", "form"])
def test_using_graph_uri_is_the_update_dataset(site: str, shape: str) -> None:
    """data1 as default graph, data2 as named: the WHERE sees exactly those (an update that
    ignored the parameters tagged every graph of the store)."""
    out = f"{EX}tagged-{shape}"
    params = {"using-graph-uri": f"{EX}data1", "using-named-graph-uri": f"{EX}data2"}
    update = TAG.replace("{out}", out)
    if shape == "direct":
        answered = direct_update(site, update, **params)
    else:
        answered = requests.post(f"{site}/update", data={"update": update, **params},
                                 headers=AUTH, timeout=30)
    assert answered.status_code == 200, answered.text
    assert _tagged(site, out) == {("data1", "default"), ("data2", "data2")}


def test_using_graph_uri_alone_leaves_no_named_graphs(site: str) -> None:
    out = f"{EX}tagged-default-only"
    answered = direct_update(site, TAG.replace("{out}", out), **{"using-graph-uri": f"{EX}data3"})
    assert answered.status_code == 200, answered.text
    assert _tagged(site, out) == {("data3", "default")}


@pytest.mark.parametrize("update", [
    f"INSERT {{ GRAPH <{EX}x> {{ ?s ?p ?o }} }} USING <{EX}data1> WHERE {{ ?s ?p ?o }}",
    f"WITH <{EX}data1> INSERT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    f"INSERT {{ GRAPH <{EX}x> {{ ?s ?p ?o }} }} USING NAMED <{EX}data1> WHERE {{ ?s ?p ?o }}",
])
def test_a_dataset_given_twice_is_a_conflict(site: str, update: str) -> None:
    answered = direct_update(site, update, **{"using-graph-uri": f"{EX}data2"})
    assert answered.status_code == 400, answered.text
    assert "using-graph-uri" in answered.json()["detail"]
    assert not ask(site, f"ASK {{ GRAPH <{EX}x> {{ ?s ?p ?o }} }}")


@pytest.mark.parametrize("in_url", ["update", "using-graph-uri", "using-named-graph-uri"])
def test_a_form_post_with_parameters_in_the_url_is_refused(site: str, in_url: str) -> None:
    form = {"update": f"INSERT DATA {{ GRAPH <{EX}y> {{ <{EX}a> <{EX}b> 1 }} }}"}
    url_params = {in_url: form["update"] if in_url == "update" else f"{EX}data1"}
    answered = requests.post(f"{site}/update", params=url_params, timeout=30,
                             data={"other": "x"} if in_url == "update" else form, headers=AUTH)
    assert answered.status_code == 400, answered.text
    assert not ask(site, f"ASK {{ GRAPH <{EX}y> {{ ?s ?p ?o }} }}")


DW = "http://example.org/protocol/dw"


@pytest.mark.parametrize(("shape", "parameter"), [
    ("direct", "using-named-graph-uri"), ("form", "using-named-graph-uri"),
    ("direct", "using-graph-uri"), ("form", "using-graph-uri")])
def test_delete_where_with_a_protocol_dataset_is_refused_and_changes_nothing(
        site: str, shape: str, parameter: str) -> None:
    """DELETE WHERE has no USING, so the parameters cannot be its dataset: an update that
    ignored them emptied every graph the pattern matched, not just the one named."""
    graphs = [f"{EX}{shape}-{parameter}-g{n}" for n in (1, 2)]
    insert = " ".join(f"GRAPH <{g}> {{ <{g}> <{DW}> {n} }}" for n, g in enumerate(graphs))
    assert direct_update(site, f"INSERT DATA {{ {insert} }}").status_code == 200
    update = f"DELETE WHERE {{ GRAPH ?g {{ ?s <{DW}> ?o }} }}"
    params = {parameter: graphs[0]}
    if shape == "direct":
        answered = direct_update(site, update, **params)
    else:
        answered = requests.post(f"{site}/update", data={"update": update, **params},
                                 headers=AUTH, timeout=30)
    assert answered.status_code == 400, answered.text
    assert "DELETE WHERE" in answered.json()["detail"]
    for graph in graphs:
        assert ask(site, f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{DW}> ?o }} }}"), graph


def test_delete_where_without_a_protocol_dataset_still_runs(site: str) -> None:
    graph = f"{EX}dw-plain"
    assert direct_update(site, f"INSERT DATA {{ GRAPH <{graph}> {{ <{graph}> <{DW}> 1 }} }}"
                         ).status_code == 200
    answered = direct_update(site, f"DELETE WHERE {{ GRAPH <{graph}> {{ ?s <{DW}> ?o }} }}")
    assert answered.status_code == 200, answered.text
    assert not ask(site, f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")


def test_an_update_sent_by_get_is_refused_and_not_run(site: str) -> None:
    """SPARQL 1.1 Protocol §2.2: an update is sent by POST only (W3C test bad_update_get)."""
    graph = f"{EX}by-get"
    update = f"INSERT DATA {{ GRAPH <{graph}> {{ <{graph}> <{DW}> 1 }} }}"
    answered = requests.get(f"{site}/update", params={"update": update}, headers=AUTH, timeout=30)
    assert 400 <= answered.status_code < 500, answered.text
    assert "POST" in answered.json()["detail"]
    assert not ask(site, f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")


# --- the query dataset ------------------------------------------------------------------------

def test_default_and_named_graph_uri_define_the_query_dataset(site: str) -> None:
    """A W3C evaluation test loads its data into named graphs and names them this way."""
    query = ("SELECT ?g ?s WHERE { { ?s a <http://xmlns.com/foaf/0.1/Document> } UNION "
             "{ GRAPH ?g { ?s a <http://xmlns.com/foaf/0.1/Document> } } }")
    answered = requests.post(f"{site}/sparql", data=query.encode(), timeout=30,
                             params=[("default-graph-uri", f"{EX}data1"),
                                     ("default-graph-uri", f"{EX}data2"),
                                     ("named-graph-uri", f"{EX}data3")],
                             headers={"Content-Type": "application/sparql-query",
                                      "Accept": "application/sparql-results+json"})
    rows = {(r.get("g", {}).get("value", ""), r["s"]["value"])
            for r in answered.json()["results"]["bindings"]}
    assert rows == {("", f"{EX}data1"), ("", f"{EX}data2"), (f"{EX}data3", f"{EX}data3")}


# --- the service description ------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/sparql", "/update"])
def test_the_service_description_names_both_endpoints_where_the_server_is(site: str,
                                                                          path: str) -> None:
    answered = requests.get(f"{site}{path}", headers={"Accept": "text/turtle"}, timeout=30)
    assert answered.status_code == 200, answered.text
    graph = rdflib.Graph().parse(data=answered.text, format="turtle")
    languages = {str(endpoint): {str(lang) for lang in graph.objects(service, SD.supportedLanguage)}
                 for service, endpoint in graph.subject_objects(SD.endpoint)}
    assert languages[f"{site}/sparql"] >= {str(SD.SPARQL11Query)}
    assert languages[f"{site}/update"] >= {str(SD.SPARQL11Update)}
