"""Curation over real HTTP: SPARQL Update at /update, the Graph Store Protocol at /store,
DELETE /articles/{id}, and the write token, against the embedded store on disk and a real
remote Oxigraph server. A refused write must leave exactly the quads that were there."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
import requests
from flask import Flask
from rdflib.compare import isomorphic

from geokg.config import Settings
from geokg.errors import ConfigError, RefusedUpdate
from geokg.pipeline import ArticleInput
from geokg.pipeline.curation import graphs_named_in
from geokg.query.guard import check_update
from geokg.store.base import Store
from geokg.store.oxigraph import OxigraphStore
from geokg.store.remote import RemoteStore
from geokg.web import create_app
from support import serving

TOKEN = "curator-token-for-tests-0123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BASE = "http://localhost:5000/"
NOTES = "http://example.org/graph/notes"
LEGACY = "http://example.org/graph/legacy"
PREFIXES = """PREFIX gk: <https://w3id.org/geokg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
#: Two articles that report the same call (same sides, same day): one event node.
CALL_A = "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine."
CALL_B = ("Bundeskanzler Olaf Scholz hat am Freitag mit dem russischen Präsidenten Wladimir "
          "Putin telefoniert. Das Gespräch dauerte eine Stunde.")
NOTE_TTL = b'<http://example.org/note/1> <http://www.w3.org/2000/01/rdf-schema#label> "Notiz"@de .'
NOTE2_TTL = b'<http://example.org/note/2> <http://www.w3.org/2000/01/rdf-schema#label> "Zweite"@de .'
#: A state described as the shapes want it, and one that breaks them (no label).
ATLANTIS = f"""@prefix gk: <https://w3id.org/geokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{BASE}entity/atlantis> a gk:State ; rdfs:label "Atlantis"@en , "Atlantis"@de ."""
NAMELESS = f"""@prefix gk: <https://w3id.org/geokg/ontology#> .
<{BASE}entity/nameless> a gk:State ."""
RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt",
                  "application/rdf+xml": "xml", "application/ld+json": "json-ld"}


@dataclass
class Site:
    url: str
    store: Store
    article_a: str
    article_b: str
    graphs: set[str]  # the named graphs every test starts with
    articles: dict[str, str]  # article graph -> its N-Triples
    quad_count: int
    baseline: bytes  # N-Quads of the whole store, to restore from if a test broke more


@contextmanager
def opened_site(store: Store) -> Iterator[Site]:
    """The write-enabled app on `store`, with two articles that report one call."""
    app = create_app(Settings(store="memory", write_token=TOKEN), store=store)
    pipeline = app.extensions["geokg.pipeline"]
    a = pipeline.ingest(ArticleInput(CALL_A, lang="de")).article_iri
    b = pipeline.ingest(ArticleInput(CALL_B, lang="de", published="2024-11-16")).article_iri
    articles = {iri: graph_ntriples(store, iri) for iri in (a, b)}
    baseline = b"".join(store.dump("nquads"))
    with serving(app) as url:
        yield Site(url, store, a, b, set(store.graphs()), articles, store.quad_count(), baseline)
    store.close()


@pytest.fixture(scope="module")
def disk_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with opened_site(OxigraphStore(tmp_path_factory.mktemp("writes") / "data")) as site:
        yield site


@pytest.fixture(scope="module")
def remote_site(oxigraph_server: str) -> Iterator[Site]:
    store = RemoteStore(f"{oxigraph_server}/query", f"{oxigraph_server}/update")
    store.update("DROP ALL")
    with opened_site(store) as site:
        yield site


@pytest.fixture
def live(disk_site: Site) -> Site:
    """The embedded store on disk, as every test starts."""
    return restored(disk_site)


@pytest.fixture(params=["oxigraph-disk", "remote"])
def any_live(request: pytest.FixtureRequest) -> Site:
    """Each backend in turn (the tests where the backend could make a difference)."""
    return restored(request.getfixturevalue("disk_site" if request.param == "oxigraph-disk"
                                            else "remote_site"))


def restored(site: Site) -> Site:
    """The site with exactly its starting quads. Tests write only small graphs, so those are
    put back; the large reference graphs are reloaded only if the count says they changed."""
    extra = {g: None for g in site.store.graphs() if g not in site.graphs}
    site.store.replace_graphs({**extra, **site.articles})
    if site.store.quad_count() != site.quad_count:
        site.store.update("DROP ALL")
        site.store.load(site.baseline, "nquads")
    return site


def graph_ntriples(store: Store, iri: str) -> str:
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    return b"".join(result.serialize("application/n-triples")).decode("utf-8")


def quads(store: Store) -> list[str]:
    """The store's quads as sorted N-Quads lines: equal lists mean the same quads."""
    return sorted(b"".join(store.dump("nquads")).decode("utf-8").splitlines())


def update(site: Site, sparql: str, **kwargs: object) -> requests.Response:
    return requests.post(f"{site.url}/update", data={"update": PREFIXES + sparql},
                         headers=AUTH, timeout=30, **kwargs)  # type: ignore[arg-type]


def store_request(site: Site, method: str, data: bytes = b"", content_type: str | None = None,
                  headers: dict[str, str] | None = None, **params: str) -> requests.Response:
    sent = {**AUTH, **({"Content-Type": content_type} if content_type else {}), **(headers or {})}
    return requests.request(method, f"{site.url}/store", params=params, data=data,
                            headers=sent, timeout=30)


def select(store: Store, sparql: str) -> list[dict[str, str | None]]:
    return store.query(PREFIXES + sparql).rows()


def problem_type(response: requests.Response) -> str:
    assert response.headers["Content-Type"] == "application/problem+json", response.text
    return str(response.json()["type"]).rsplit("#", 1)[-1]


# --- SPARQL Update --------------------------------------------------------------------------

def test_update_changes_an_article_and_says_which_graph(any_live: Site) -> None:
    a = any_live.article_a
    response = update(any_live, f"""WITH <{a}> DELETE {{ <{a}> dcterms:title ?old }}
        INSERT {{ <{a}> dcterms:title "Scholz und Putin telefonieren" }}
        WHERE {{ OPTIONAL {{ <{a}> dcterms:title ?old }} }}""")
    assert response.status_code == 200, response.text
    assert response.json() == {"created": [], "changed": [a], "removed": []}
    rows = select(any_live.store, f"SELECT ?t WHERE {{ GRAPH <{a}> {{ <{a}> dcterms:title ?t }} }}")
    assert rows == [{"t": "Scholz und Putin telefonieren"}]


def test_an_update_that_moves_a_date_moves_the_event_in_the_period_index(any_live: Site) -> None:
    b = any_live.article_b
    day = '"2024-12-03"^^xsd:date'
    response = update(any_live, f"""PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        WITH <{b}> DELETE {{ ?call sem:hasTimeStamp ?d ; sem:hasEarliestBeginTimeStamp ?f ;
                                   sem:hasLatestEndTimeStamp ?l }}
        INSERT {{ ?call sem:hasTimeStamp {day} ; sem:hasEarliestBeginTimeStamp {day} ;
                        sem:hasLatestEndTimeStamp {day} }}
        WHERE {{ ?call a gk:Call ; sem:hasTimeStamp ?d ; sem:hasEarliestBeginTimeStamp ?f ;
                       sem:hasLatestEndTimeStamp ?l }}""")
    assert response.status_code == 200, response.text
    rows = select(any_live.store, f"SELECT ?p WHERE {{ GRAPH <{b}> {{ ?c a gk:Call ; gk:inPeriod ?p }} }}")
    assert {r["p"] for r in rows} == {"2024", "2024-12"}


def test_period_index_values_a_client_writes_are_derived_again(live: Site) -> None:
    b = live.article_b
    response = update(live, f'INSERT DATA {{ GRAPH <{b}> {{ <{b}> gk:inPeriod "1999" }} }}')
    assert response.status_code == 200, response.text
    rows = select(live.store, f"SELECT ?p WHERE {{ GRAPH <{b}> {{ <{b}> gk:inPeriod ?p }} }}")
    assert {r["p"] for r in rows} == {"2024", "2024-11"}  # its dcterms:issued day


def test_update_as_a_direct_post(live: Site) -> None:
    response = requests.post(
        f"{live.url}/update", timeout=30,
        data=f'INSERT DATA {{ GRAPH <{NOTES}> {{ {NOTE_TTL.decode()} }} }}'.encode(),
        headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert response.status_code == 200, response.text
    assert response.json()["created"] == [NOTES]
    assert live.store.has_graph(NOTES)


def test_update_reaching_graphs_by_variable_changes_each(any_live: Site) -> None:
    response = update(any_live, """INSERT { GRAPH ?g { ?a rdfs:comment "geprüft"@de } }
        WHERE { GRAPH ?g { ?a a gk:Article } }""")
    assert response.status_code == 200, response.text
    assert response.json()["changed"] == sorted([any_live.article_a, any_live.article_b])
    rows = select(any_live.store, 'SELECT ?g WHERE { GRAPH ?g { ?a rdfs:comment "geprüft"@de } }')
    assert sorted(r["g"] or "" for r in rows) == sorted([any_live.article_a, any_live.article_b])


def test_update_syntax_error_is_400_with_the_parsers_message(live: Site) -> None:
    before = quads(live.store)
    response = update(live, "INSERT DAT { <http://a> <http://b> <http://c> }")
    assert response.status_code == 400
    assert problem_type(response) == "query-syntax"
    assert "error at" in response.json()["detail"]
    assert quads(live.store) == before


def test_update_breaking_the_shapes_is_422_and_changes_nothing(any_live: Site) -> None:
    a = any_live.article_a
    before = quads(any_live.store)
    response = update(any_live, f"WITH <{a}> DELETE {{ <{a}> dcterms:language ?l }} "
                            f"WHERE {{ <{a}> dcterms:language ?l }}")
    assert response.status_code == 422, response.text
    assert problem_type(response) == "shape-violation"
    results = response.json()["results"]
    assert {(r["graph"], r["focus"], r["path"]) for r in results} == {
        (a, a, "http://purl.org/dc/terms/language")}
    assert quads(any_live.store) == before


def test_update_of_two_graphs_is_all_or_nothing(any_live: Site) -> None:
    a = any_live.article_a
    before = quads(any_live.store)
    response = update(any_live, f"""INSERT DATA {{ GRAPH <{NOTES}> {{ {NOTE_TTL.decode()} }} }} ;
        WITH <{a}> DELETE {{ <{a}> dcterms:language ?l }} WHERE {{ <{a}> dcterms:language ?l }}""")
    assert response.status_code == 422, response.text
    assert quads(any_live.store) == before
    assert not any_live.store.has_graph(NOTES)


def test_update_into_the_default_graph_is_refused(live: Site) -> None:
    before = quads(live.store)
    response = update(live, "INSERT DATA { <http://example.org/x> rdfs:label 'x' }")
    assert response.status_code == 422
    assert problem_type(response) == "default-graph-read-only"
    assert quads(live.store) == before


@pytest.mark.parametrize("operation", [
    "LOAD <http://127.0.0.1:{port}/data.ttl> INTO GRAPH <http://example.org/g>",
    "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } "
    "WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
])
def test_update_that_would_fetch_a_url_is_refused_and_fetches_nothing(live: Site,
                                                                      operation: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.3)
        port = listener.getsockname()[1]
        response = update(live, operation.replace("{port}", str(port)))
        with pytest.raises(TimeoutError):
            listener.accept()
    assert response.status_code == 403
    assert problem_type(response) == "update-refused"


def test_update_that_cannot_be_applied_is_400(live: Site) -> None:
    response = update(live, "DROP GRAPH <http://example.org/graph/missing>")
    assert response.status_code == 400
    assert "does not exist" in response.json()["detail"]


def test_existing_violations_do_not_block_a_write_but_new_ones_do(live: Site) -> None:
    """A graph stored before a shape existed can be curated; the write may add no violation."""
    live.store.put_graph(LEGACY, f"<{BASE}entity/nameless> "
                                 "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                 "<https://w3id.org/geokg/ontology#State> .\n")
    fine = update(live, f"INSERT DATA {{ GRAPH <{LEGACY}> {{ {NOTE_TTL.decode()} }} }}")
    assert fine.status_code == 200, fine.text
    worse = update(live, f"INSERT DATA {{ GRAPH <{LEGACY}> {{ <{BASE}entity/ghost> a gk:State }} }}")
    assert worse.status_code == 422
    assert {r["focus"] for r in worse.json()["results"]} == {f"{BASE}entity/ghost"}


def test_the_reference_graphs_are_curated_and_validated_like_any_other(live: Site) -> None:
    ontology = f"{BASE}graph/ontology"
    fine = update(live, f"INSERT DATA {{ GRAPH <{ontology}> {{ gk:Call rdfs:comment "
                        '"a phone or video call"@en } }')
    assert fine.status_code == 200, fine.text
    assert fine.json()["changed"] == [ontology]
    worse = update(live, f"INSERT DATA {{ GRAPH <{ontology}> {{ <{BASE}entity/ghost> a gk:State }} }}")
    assert worse.status_code == 422


@pytest.mark.parametrize(("method", "content_type", "body", "status"), [
    ("PUT", None, None, 405),
    ("POST", "text/plain", "INSERT DATA {}", 415),
    ("POST", "application/x-www-form-urlencoded", "nothing=here", 400),
    ("POST", "application/x-www-form-urlencoded", "query=ASK%20%7B%7D", 400),
    ("POST", "application/x-www-form-urlencoded; charset=ISO-8859-1", "update=CLEAR%20ALL", 415),
    ("POST", "application/sparql-update; charset=UTF-16", "CLEAR ALL".encode("utf-16"), 415),
    ("POST", "application/sparql-update", "   ", 400),
])
def test_update_request_shapes(live: Site, method: str, content_type: str | None,
                               body: str | None, status: int) -> None:
    headers = {**AUTH, **({"Content-Type": content_type} if content_type else {})}
    response = requests.request(method, f"{live.url}/update", data=body, headers=headers,
                                timeout=30)
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"


# --- Graph Store Protocol: reads ------------------------------------------------------------

@pytest.mark.parametrize("media_type", list(RDFLIB_FORMATS))
def test_get_a_graph_in_each_format(live: Site, media_type: str) -> None:
    response = store_request(live, "GET", headers={"Accept": media_type}, graph=live.article_a)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].split(";")[0] == media_type
    graph = rdflib.Graph().parse(data=response.content, format=RDFLIB_FORMATS[media_type])
    count = select(live.store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{live.article_a}> "
                               "{ ?s ?p ?o } }")[0]["n"]
    assert len(graph) == int(count or 0) > 0
    assert (rdflib.URIRef(live.article_a), rdflib.RDF.type,
            rdflib.URIRef("https://w3id.org/geokg/ontology#Article")) in graph


def test_get_default_is_the_union_of_all_graphs(any_live: Site) -> None:
    response = store_request(any_live, "GET", headers={"Accept": "application/n-triples"},
                             default="")
    assert response.status_code == 200
    union = rdflib.Graph().parse(data=response.content, format="nt")
    distinct = select(any_live.store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                  "WHERE { GRAPH ?g { ?s ?p ?o } } }")[0]["n"]
    assert len(union) == int(distinct or 0)


def test_head_and_missing_graphs(live: Site) -> None:
    head = store_request(live, "HEAD", graph=live.article_a)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["Content-Type"].startswith("text/turtle")
    for method in ("GET", "HEAD", "DELETE"):
        missing = store_request(live, method, graph="http://example.org/graph/missing")
        assert missing.status_code == 404, method


def test_read_requests_that_cannot_be_served(live: Site) -> None:
    assert store_request(live, "GET").status_code == 400  # no graph named
    assert store_request(live, "GET", graph="notes").status_code == 400  # not absolute
    unacceptable = store_request(live, "GET", headers={"Accept": "image/png"}, default="")
    assert unacceptable.status_code == 406


# --- Graph Store Protocol: writes -----------------------------------------------------------

def test_put_creates_then_replaces(any_live: Site) -> None:
    created = store_request(any_live, "PUT", NOTE_TTL, "text/turtle", graph=NOTES)
    assert created.status_code == 201, created.text
    assert created.json()["iri"] == NOTES
    replaced = store_request(any_live, "PUT", NOTE2_TTL, "text/turtle", graph=NOTES)
    assert replaced.status_code == 204, replaced.text
    back = store_request(any_live, "GET", headers={"Accept": "application/n-triples"}, graph=NOTES)
    assert back.text.strip() == NOTE2_TTL.decode()


@pytest.mark.parametrize("media_type", list(RDFLIB_FORMATS))
def test_put_in_each_format(live: Site, media_type: str) -> None:
    sent = rdflib.Graph().parse(data=ATLANTIS, format="turtle")
    body = sent.serialize(format=RDFLIB_FORMATS[media_type]).encode()
    graph = f"{BASE}graph/atlantis"
    response = store_request(live, "PUT", body, media_type, graph=graph)
    assert response.status_code == 201, response.text
    back = store_request(live, "GET", headers={"Accept": "text/turtle"}, graph=graph)
    assert isomorphic(rdflib.Graph().parse(data=back.content, format="turtle"), sent)


def test_put_unreadable_data_is_400_with_the_parsers_message(live: Site) -> None:
    before = quads(live.store)
    response = store_request(live, "PUT", NOTE_TTL[:-1] + b" <oops", "text/turtle",
                             graph=live.article_a)
    assert response.status_code == 400
    assert "line 1" in response.json()["detail"]
    assert quads(live.store) == before


def test_put_media_types_geokg_does_not_read_here_are_415(live: Site) -> None:
    unknown = store_request(live, "PUT", b"x", "text/csv", graph=NOTES)
    assert unknown.status_code == 415
    assert "text/turtle" in unknown.json()["detail"]
    for method in ("PUT", "POST"):
        dataset = store_request(live, method, b"", "application/n-quads", graph=NOTES)
        assert dataset.status_code == 415
        assert "without ?graph" in dataset.json()["detail"]


def test_put_breaking_the_shapes_is_422_and_changes_nothing(any_live: Site) -> None:
    before = quads(any_live.store)
    response = store_request(any_live, "PUT", NAMELESS.encode(), "text/turtle",
                             graph=f"{BASE}graph/nameless")
    assert response.status_code == 422
    assert {r["focus"] for r in response.json()["results"]} == {f"{BASE}entity/nameless"}
    assert quads(any_live.store) == before


def test_post_merges_into_a_graph(live: Site) -> None:
    assert store_request(live, "POST", NOTE_TTL, "text/turtle", graph=NOTES).status_code == 201
    assert store_request(live, "POST", NOTE2_TTL, "text/turtle", graph=NOTES).status_code == 204
    back = store_request(live, "GET", headers={"Accept": "application/n-triples"}, graph=NOTES)
    assert sorted(back.text.strip().splitlines()) == sorted([NOTE_TTL.decode(),
                                                             NOTE2_TTL.decode()])


def test_post_to_the_store_makes_a_new_graph(live: Site) -> None:
    response = store_request(live, "POST", NOTE_TTL, "text/turtle")
    assert response.status_code == 201, response.text
    iri = response.headers["Location"]
    assert iri.startswith(f"{BASE}graph/") and response.json()["iri"] == iri
    assert store_request(live, "GET", graph=iri).status_code == 200


def test_post_a_dataset_writes_each_named_graph(any_live: Site) -> None:
    trig = (f"<{NOTES}> {{ {NOTE_TTL.decode()} }}\n"
            f"<{LEGACY}> {{ {NOTE2_TTL.decode()} }}\n").encode()
    response = store_request(any_live, "POST", trig, "application/trig")
    assert response.status_code == 200, response.text
    assert response.json()["created"] == sorted([NOTES, LEGACY])
    before = quads(any_live.store)
    with_default = store_request(any_live, "POST", NOTE2_TTL, "application/n-quads")
    assert with_default.status_code == 422
    assert problem_type(with_default) == "default-graph-read-only"
    assert quads(any_live.store) == before


def test_a_dataset_graph_must_be_named_by_an_iri(live: Site) -> None:
    response = store_request(live, "POST", b"_:g { " + NOTE_TTL + b" }", "application/trig")
    assert response.status_code == 400
    assert "blank node" in response.json()["detail"]
    assert live.store.graphs() == sorted(live.graphs)


def test_delete_a_graph(any_live: Site) -> None:
    store_request(any_live, "PUT", NOTE_TTL, "text/turtle", graph=NOTES)
    assert store_request(any_live, "DELETE", graph=NOTES).status_code == 204
    assert store_request(any_live, "GET", graph=NOTES).status_code == 404
    again = store_request(any_live, "DELETE", graph=NOTES)
    assert again.status_code == 404
    assert problem_type(again) == "graph-not-found"


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_the_default_graph_cannot_be_written(live: Site, method: str) -> None:
    response = store_request(live, method, NOTE_TTL, "text/turtle", default="")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


# --- articles -------------------------------------------------------------------------------

def test_deleting_an_article_keeps_the_event_another_article_reports(any_live: Site) -> None:
    a, b = any_live.article_a, any_live.article_b
    shared = f"""SELECT ?event ?source WHERE {{
        GRAPH <{a}> {{ ?event a gk:Call }} GRAPH <{b}> {{ ?event a gk:Call }}
        ?event prov:wasDerivedFrom ?source }}"""
    before = select(any_live.store, shared)
    assert {r["source"] for r in before} == {a, b}, "both articles must report one call"
    event = before[0]["event"]
    graph_a = select(any_live.store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{a}> {{ ?s ?p ?o }} }}")

    response = requests.delete(f"{any_live.url}/articles/{b.rsplit('/', 1)[1]}", headers=AUTH,
                               timeout=30)
    assert response.status_code == 204, response.text
    assert requests.get(f"{any_live.url}/articles/{b.rsplit('/', 1)[1]}", timeout=30).status_code == 404
    assert not any_live.store.has_graph(b)
    after = select(any_live.store, f"SELECT ?source WHERE {{ <{event}> a gk:Call ; "
                               "prov:wasDerivedFrom ?source }")
    assert after == [{"source": a}]
    assert select(any_live.store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{a}> {{ ?s ?p ?o }} }}") == graph_a


def test_deleting_a_missing_article_is_404(live: Site) -> None:
    response = requests.delete(f"{live.url}/articles/0123456789abcdef", headers=AUTH, timeout=30)
    assert response.status_code == 404


# --- the write token ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def open_site() -> Iterator[str]:
    """A server with no write token configured: it must refuse every curation write."""
    with serving(create_app(Settings(store="memory"), store=OxigraphStore())) as url:
        yield url


WRITES = [("POST", "/update", {"update": "CLEAR ALL"}), ("PUT", f"/store?graph={NOTES}", None),
          ("POST", f"/store?graph={NOTES}", None), ("DELETE", f"/store?graph={NOTES}", None),
          ("DELETE", "/articles/0123456789abcdef", None)]


@pytest.mark.parametrize(("method", "path", "form"), WRITES)
def test_without_a_configured_token_writes_are_disabled(open_site: str, method: str, path: str,
                                                        form: dict[str, str] | None) -> None:
    response = requests.request(method, open_site + path, data=form or NOTE_TTL, timeout=30,
                                headers={**AUTH, **({} if form else {"Content-Type": "text/turtle"})})
    assert response.status_code == 403
    assert problem_type(response) == "writes-disabled"
    assert "GEOKG_WRITE_TOKEN" in response.json()["detail"]


def test_without_a_configured_token_reads_and_ingest_stay_open(open_site: str) -> None:
    assert requests.get(f"{open_site}/store", params={"default": ""}, timeout=30).status_code == 200
    ingested = requests.post(f"{open_site}/articles", json={"text": CALL_A}, timeout=60)
    assert ingested.status_code == 201, ingested.text


@pytest.mark.parametrize("authorization", [None, f"Basic {TOKEN}", "Bearer", "Bearer    ", TOKEN])
@pytest.mark.parametrize(("method", "path", "form"), WRITES[:1])
def test_a_missing_or_malformed_token_is_401_with_a_challenge(
        live: Site, authorization: str | None, method: str, path: str,
        form: dict[str, str] | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = requests.request(method, live.url + path, data=form or NOTE_TTL, headers=headers,
                                timeout=30)
    assert response.status_code == 401
    assert problem_type(response) == "token-missing"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("token", ["wrong-token-of-some-length", TOKEN + "x", TOKEN[:-1],
                                   TOKEN.upper()])
def test_a_wrong_token_is_403(live: Site, token: str) -> None:
    before = quads(live.store)
    response = requests.delete(f"{live.url}/articles/{live.article_a.rsplit('/', 1)[1]}",
                               headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code == 403
    assert problem_type(response) == "token-wrong"
    assert "WWW-Authenticate" not in response.headers
    assert quads(live.store) == before


def test_the_scheme_name_is_case_insensitive(live: Site) -> None:
    response = requests.put(f"{live.url}/store", params={"graph": NOTES}, data=NOTE_TTL,
                            headers={"Authorization": f"bearer {TOKEN}",
                                     "Content-Type": "text/turtle"}, timeout=30)
    assert response.status_code == 201


def test_ingest_can_be_made_to_require_the_token() -> None:
    settings = Settings(store="memory", write_token=TOKEN, ingest_requires_token=True)
    with serving(create_app(settings, store=OxigraphStore())) as url:
        refused = requests.post(f"{url}/articles", json={"text": CALL_A}, timeout=60)
        accepted = requests.post(f"{url}/articles", json={"text": CALL_A}, headers=AUTH,
                                 timeout=60)
    assert refused.status_code == 401
    assert accepted.status_code == 201, accepted.text


def test_token_settings_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="at least 16"):
        Settings(write_token="short")
    with pytest.raises(ConfigError, match="GEOKG_WRITE_TOKEN is not set"):
        Settings(ingest_requires_token=True)
    monkeypatch.setenv("GEOKG_WRITE_TOKEN", TOKEN)
    monkeypatch.setenv("GEOKG_INGEST_REQUIRES_TOKEN", "on")
    settings = Settings.from_env()
    assert (settings.write_token, settings.ingest_requires_token) == (TOKEN, True)
    assert TOKEN not in repr(settings)


# --- which graphs an update can reach -------------------------------------------------------

def test_the_update_scan_finds_every_graph_written_out() -> None:
    named = graphs_named_in("""PREFIX ex: <http://example.org/> # GRAPH ?ignored
        WITH ex:a DELETE { ?s ?p "GRAPH ?x, ALL" } INSERT { GRAPH <http://example.org/b> {
        ?s ?p ?o } } USING NAMED ex:c WHERE { ?s ?p ?o GRAPH ex:d { ?s ?p ?o } }""")
    assert named is not None
    assert {f"http://example.org/{x}" for x in "abcd"} <= named


@pytest.mark.parametrize("sparql", [
    "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }", "DROP ALL",
    "CLEAR NAMED", "BASE <http://example.org/> DROP GRAPH <a>", "DROP GRAPH <a>",
])
def test_the_update_scan_stages_everything_when_it_cannot_tell(sparql: str) -> None:
    assert graphs_named_in(sparql) is None


def test_the_update_scan_reads_iris_as_the_engine_does() -> None:
    """Escapes decoded, relative IRIs resolved against the request's base: the graph the
    engine will drop is the one staged (else the DROP would silently do nothing)."""
    assert graphs_named_in(r"DROP GRAPH <http://example.org/\u0061>") == {"http://example.org/a"}
    assert graphs_named_in(r"PREFIX e: <http://example.org/> DROP GRAPH e:a\#b") >= {
        "http://example.org/a#b"}
    assert graphs_named_in("DROP GRAPH <a>", "http://example.org/x/") == {"http://example.org/x/a"}


def test_only_real_load_and_service_keywords_refuse_an_update() -> None:
    settings = Settings(store="memory")
    for update in ("load <http://example.org/x>", r"\u004cOAD <http://example.org/x>",
                   "INSERT { GRAPH <http://e/g> { ?s ?p ?o } } WHERE { SERVICE <http://e/> "
                   "{ ?s ?p ?o } }"):
        with pytest.raises(RefusedUpdate):
            check_update(update, settings)
    innocent = ('INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/load> '
                '"SERVICE LOAD" } }')
    check_update(innocent, settings)
    assert graphs_named_in(innocent) == {"http://e/g", "http://e/s", "http://e/load"}


def test_protocol_media_types_are_documented() -> None:
    """The README names every upload media type the store endpoint reads."""
    from geokg.store.base import DATASET_UPLOAD_MEDIA_TYPES, GRAPH_UPLOAD_MEDIA_TYPES

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for media_type in {*GRAPH_UPLOAD_MEDIA_TYPES.values(), *DATASET_UPLOAD_MEDIA_TYPES.values()}:
        assert media_type in readme, media_type


def test_every_route_that_takes_a_body_says_whether_it_writes(app: Flask) -> None:
    """Writes are marked on the view (`geokg.web.hooks.writes`), not guessed from names: a
    POST, PUT or DELETE route is a write, a read by POST, or a read known here."""
    from geokg.web.hooks import READS_BY_POST, WRITES

    reads = {"reconcile.reconcile"}  # OpenRefine reconciles by POST, batch after batch
    for rule in app.url_map.iter_rules():
        if not (rule.methods or set()) - {"GET", "HEAD", "OPTIONS"}:
            continue
        view = app.view_functions[rule.endpoint]
        marked = hasattr(view, WRITES) or hasattr(view, READS_BY_POST)
        assert marked != (rule.endpoint in reads), rule.endpoint
