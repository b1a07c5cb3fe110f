"""Linked data over real HTTP: dereferencing, content negotiation, resource pages, the
service description, VoID, dumps, the JSON-LD context and CORS.

The server runs with a public base IRI that is not its own address
(`https://kg.example.org/`), as behind a proxy: `/entity/russia` must describe
`https://kg.example.org/entity/russia`. What the pages must show is asked of the store
over /sparql, never written into the test, so the tests follow the extractor's answers.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest
import rdflib
import requests
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from geokg import PROJECT_ROOT
from geokg.config import Settings
from geokg.store.oxigraph import OxigraphStore
from geokg.vocab import GK, OWL, RDF, RDFS, XSD
from geokg.web import create_app
from support import LiveServer, serving

BASE = "https://kg.example.org/"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
RDFXML = "application/rdf+xml"
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt",
             "application/ld+json": "json-ld", "application/rdf+xml": "xml"}
EXTENSIONS = {"ttl": "text/turtle", "nt": "application/n-triples",
              "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
ARTICLES = [
    {"text": "Macron und Putin: Telefonat nach drei Jahren\n\nDer französische Präsident "
             "Emmanuel Macron hat am Dienstag mit Kremlchef Wladimir Putin telefoniert. Macron "
             "forderte eine sofortige Waffenruhe in der Ukraine.",
     "published": "2025-07-02", "title": "Macron telefoniert mit Putin",
     "url": "https://example.org/news/macron-putin"},
    {"text": "Scholz telefonierte am Freitag mit Putin.", "published": "2024-11-16"},
]
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
STAMP = "<http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp>"
DATASET = URIRef(f"{BASE}.well-known/void#dataset")
TOKEN = "linked-data-test-token"
RUSSIA = f"{BASE}entity/russia"
PUTIN = f"{BASE}entity/vladimir-putin"


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    """The real app behind a real HTTP server, with two articles ingested over HTTP."""
    store = OxigraphStore()
    app = create_app(Settings(store="memory", base_iri=BASE, write_token=TOKEN), store=store)
    try:
        with serving(app) as url:
            live = LiveServer(url, store, app)
            for article in ARTICLES:
                response = requests.post(f"{live.url}/articles", json=article, timeout=60)
                assert response.status_code == 201, response.text
            yield live
    finally:
        store.close()


def get(live: LiveServer, path: str, accept: str | None = None, **kwargs: object
        ) -> requests.Response:
    headers = {"Accept": accept} if accept else {}
    return requests.get(f"{live.url}{path}", headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


def select(live: LiveServer, query: str) -> list[dict[str, str]]:
    response = requests.post(f"{live.url}/sparql", data={"query": query}, timeout=30,
                             headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def parse(response: requests.Response) -> Graph:
    media_type = response.headers["Content-Type"].split(";")[0]
    return Graph().parse(data=response.content, format=RDF_TYPES[media_type])


def media_type(response: requests.Response) -> str:
    return response.headers["Content-Type"].split(";")[0].strip()


# --- dereferencing and negotiation ----------------------------------------------------

COMPACTED = 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"'
ALIASES = {"application/json": "application/ld+json", "application/x-turtle": "text/turtle",
           COMPACTED: "application/ld+json", "text/turtle;q=0.5, application/rdf+xml": RDFXML}


@pytest.mark.parametrize("accept", [*RDF_TYPES, *ALIASES])
def test_each_rdf_format_by_accept(server: LiveServer, accept: str) -> None:
    response = get(server, "/entity/russia", accept)
    assert response.status_code == 200
    wanted = ALIASES.get(accept, accept)
    assert media_type(response) == wanted
    assert "Accept" in response.headers["Vary"]
    assert response.headers["Content-Location"].startswith("/entity/russia.")
    graph = parse(response)
    assert (URIRef(RUSSIA), RDFS.label, Literal("Russia", lang="en")) in graph
    assert (URIRef(RUSSIA), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q159")) in graph


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_extension_overrides_accept(server: LiveServer, ext: str) -> None:
    response = get(server, f"/entity/russia.{ext}", BROWSER)
    assert response.status_code == 200 and media_type(response) == EXTENSIONS[ext]
    assert (URIRef(RUSSIA), RDF.type, GK.State) in parse(response)


def test_turtle_says_charset_and_html_page_for_the_html_extension(server: LiveServer) -> None:
    assert get(server, "/entity/russia.ttl").headers["Content-Type"] == "text/turtle; charset=utf-8"
    page = get(server, "/entity/russia.html", "text/turtle")
    assert page.headers["Content-Type"] == "text/html; charset=utf-8" and "<h1>Russia</h1>" in page.text


def test_any_client_gets_turtle_and_browsers_get_html(server: LiveServer) -> None:
    assert media_type(get(server, "/entity/russia", "*/*")) == "text/turtle"
    assert media_type(requests.get(f"{server.url}/entity/russia", timeout=30,
                                   headers={"Accept": ""})) == "text/turtle"
    page = get(server, "/entity/russia", BROWSER)
    assert media_type(page) == "text/html" and page.headers["Vary"] == "Accept, Accept-Language"


def test_description_has_incoming_statements_and_neighbour_names(server: LiveServer) -> None:
    graph = parse(get(server, "/entity/vladimir-putin.nt"))
    events = {row["e"] for row in select(server, f"SELECT ?e WHERE {{ ?e <{GK.participant}> <{PUTIN}> }}")}
    assert events and events == {str(s) for s in graph.subjects(GK.participant, URIRef(PUTIN))}
    offices = select(server, f"SELECT ?t ?l WHERE {{ <{PUTIN}> <{GK.holdsOffice}> ?t . "
                             f"?t <{RDFS.label}> ?l }}")
    assert offices and all((URIRef(o["t"]), RDFS.label, Literal(o["l"], lang="en")) in graph
                           or (URIRef(o["t"]), RDFS.label, Literal(o["l"], lang="de")) in graph
                           for o in offices)


def test_jsonld_is_compacted_with_our_context(server: LiveServer) -> None:
    response = get(server, "/entity/russia", "application/ld+json")
    document = response.json()
    context_terms = json.loads((PROJECT_ROOT / "ontology" / "context.jsonld").read_text())["@context"]
    assert document["@context"]["participant"] == context_terms["participant"]
    russia = next(n for n in document["@graph"] if n.get("id") == RUSSIA)
    types = russia["type"] if isinstance(russia["type"], list) else [russia["type"]]
    assert russia["label"]["en"] == "Russia" and "State" in types
    assert isomorphic(parse(response), parse(get(server, "/entity/russia.nt")))


def test_event_and_article_iris_dereference(server: LiveServer) -> None:
    rows = select(server, f"SELECT ?e ?a WHERE {{ ?e <{GK.participant}> <{PUTIN}> ; "
                          "<http://www.w3.org/ns/prov#wasDerivedFrom> ?a }")
    event, article = rows[0]["e"], rows[0]["a"]
    for iri in (event, article):
        path = "/" + iri.removeprefix(BASE)
        graph = parse(get(server, path, "text/turtle"))
        assert (URIRef(iri), RDF.type, None) in graph
    # the JSON API at /articles/{id} is still there beside the article's IRI
    assert get(server, "/articles/" + article.rsplit("/", 1)[1]).json()["iri"] == article


def test_office_and_named_graph_iris_dereference(server: LiveServer) -> None:
    term = select(server, f"SELECT ?t WHERE {{ <{PUTIN}> <{GK.holdsOffice}> ?t }} LIMIT 1")[0]["t"]
    office = parse(get(server, "/" + term.removeprefix(BASE) + ".ttl"))
    assert (URIRef(term), RDF.type, GK.OfficeTerm) in office
    gazetteer = parse(get(server, "/graph/gazetteer.nt"))
    count = select(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/gazetteer> "
                           "{ ?s ?p ?o } }")
    assert len(gazetteer) == int(count[0]["n"])
    assert "triples" in get(server, "/graph/gazetteer", BROWSER).text


def test_unknown_iri_is_404_problem_or_page(server: LiveServer) -> None:
    response = get(server, "/entity/atlantis", "text/turtle")
    assert response.status_code == 404 and media_type(response) == "application/problem+json"
    assert f"{BASE}entity/atlantis" in response.json()["detail"]
    page = get(server, "/entity/atlantis", BROWSER)
    assert page.status_code == 404 and media_type(page) == "text/html"
    assert get(server, "/event/0000", "text/turtle").status_code == 404
    assert get(server, "/graph/nothing", "text/turtle").status_code == 404
    assert get(server, "/entity/%3Cscript%3E", "text/turtle").status_code == 404


def test_accept_we_cannot_write_is_406(server: LiveServer) -> None:
    response = get(server, "/entity/russia", "image/png")
    assert response.status_code == 406 and media_type(response) == "application/problem+json"
    assert "text/turtle" in response.json()["detail"] and response.headers["Vary"] == "Accept"


# --- HTML pages -----------------------------------------------------------------------

def test_entity_page_shows_labels_wikidata_and_timeline(server: LiveServer) -> None:
    page = get(server, "/entity/vladimir-putin", BROWSER).text
    assert "Vladimir Putin" in page and "Wladimir Putin" in page
    assert 'href="http://www.wikidata.org/entity/Q7747"' in page
    rows = select(server, f"""SELECT ?date ?text ?a WHERE {{
        ?e <{GK.participant}> <{PUTIN}> ; {STAMP} ?date ; <{GK.evidence}> ?s .
        ?s <{NIF}anchorOf> ?text ; <{NIF}referenceContext> ?a }}""")
    assert rows, "the ingested articles should have given Putin at least one dated event"
    timeline = page[page.index('class="timeline"'):]
    for row in rows:
        assert f"<time>{row['date']}</time>" in timeline
        assert row["text"] in timeline
        assert f'href="/{row["a"].removeprefix(BASE)}"' in timeline  # the article's page
    dates = {row["date"] for row in rows}
    positions = sorted((timeline.index(f"<time>{d}</time>"), d) for d in dates)
    assert [d for _, d in positions] == sorted(dates)  # oldest first


def test_event_page_shows_sides_date_and_evidence(server: LiveServer) -> None:
    row = select(server, f"""SELECT ?e ?date ?text WHERE {{ ?e a <{GK.Call}> ;
        <{GK.participant}> <{PUTIN}> ; {STAMP} ?date ; <{GK.evidence}>/<{NIF}anchorOf> ?text }}
        LIMIT 1""")[0]
    page = get(server, "/" + row["e"].removeprefix(BASE), BROWSER).text
    assert f"<time>{row['date']}</time>" in page and row["text"] in page
    assert 'href="/entity/vladimir-putin"' in page and 'href="/ontology#Call"' in page


def test_article_page_shows_metadata_text_and_events(server: LiveServer) -> None:
    row = select(server, f"SELECT ?a ?title WHERE {{ ?a a <{GK.Article}> ; "
                         "<http://purl.org/dc/terms/title> ?title }")[0]
    page = get(server, "/" + row["a"].removeprefix(BASE), BROWSER).text
    assert f"<h1>{row['title']}</h1>" in page
    assert 'href="https://example.org/news/macron-putin"' in page
    assert "sofortige Waffenruhe" in page and "<mark id=\"char=" in page
    assert "2025-07-01" in page  # the call's date, read relative to the published date


def test_hostile_labels_and_iris_stay_inert(server: LiveServer) -> None:
    evil = f"{BASE}entity/evil"
    server.store.put_graph(f"{BASE}graph/hostile", (
        f'<{evil}> <{RDFS.label}> "<script>alert(1)</script>"@en .\n'
        f'<{evil}> <{OWL.sameAs}> <javascript:alert(1)> .\n'
        f"<{evil}> <{RDFS.seeAlso}> <https://example.org/ok> .\n"))
    try:
        page = get(server, "/entity/evil", BROWSER).text
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert 'href="javascript:' not in page.lower() and "javascript:alert(1)" in page
        assert 'href="https://example.org/ok"' in page
    finally:
        server.store.remove_graph(f"{BASE}graph/hostile")


# --- the ontology ---------------------------------------------------------------------

def test_ontology_page_documents_every_term_and_shape(server: LiveServer) -> None:
    ontology = Graph().parse(PROJECT_ROOT / "ontology" / "geokg.ttl")
    page = get(server, "/ontology", BROWSER).text
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef) and cls.startswith(str(GK)):
            assert f'id="{cls.removeprefix(str(GK))}"' in page
            for label in ontology.objects(cls, RDFS.label):
                assert str(label) in page
    assert 'id="CallShape"' in page and "A call needs at least two gk:participant" in page


def test_ontology_rdf_and_terms(server: LiveServer) -> None:
    graph = parse(get(server, "/ontology", "text/turtle"))
    assert (GK.Call, RDFS.subClassOf, GK.Event) in graph
    term = parse(get(server, "/ontology/Call.ttl"))
    assert (GK.Call, RDFS.label, Literal("Telefonat", lang="de")) in term
    assert not list(term.subjects(RDF.type, GK.Call))  # a term, not its instances
    redirect = get(server, "/ontology/Call", BROWSER, allow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["Location"].endswith("/ontology#Call")
    assert get(server, "/ontology/NoSuchTerm", "text/turtle").status_code == 404


# --- service description and VoID ----------------------------------------------------

def test_sparql_without_query_is_a_service_description(server: LiveServer) -> None:
    response = get(server, "/sparql")
    assert response.status_code == 200 and media_type(response) == "text/turtle"
    graph = parse(response)
    service = graph.value(None, RDF.type, SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef(f"{BASE}sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert len(list(graph.objects(service, SD.resultFormat))) == 8
    default = graph.value(graph.value(service, SD.defaultDataset), SD.defaultGraph)
    count = select(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    assert graph.value(default, VOID.triples) == Literal(int(count), datatype=XSD.integer)
    assert media_type(get(server, "/sparql", "application/ld+json")) == "application/ld+json"
    assert response.headers["Content-Location"] == "/sparql?format=ttl"
    assert media_type(get(server, "/sparql?format=nt", BROWSER)) == "application/n-triples"
    assert get(server, "/sparql?format=xlsx").status_code == 400
    assert requests.head(f"{server.url}/sparql", timeout=30).status_code == 200
    assert media_type(get(server, "/sparql", BROWSER)) == "text/html"
    assert requests.post(f"{server.url}/sparql", data={"x": "1"}, timeout=30).status_code == 400


def void_figure(graph: Graph, subject: object, prop: URIRef) -> int:
    value = graph.value(subject, prop)  # type: ignore[arg-type]
    assert value is not None, prop
    return int(value)


def partition(graph: Graph, kind: URIRef, key: URIRef, iri: URIRef) -> object:
    return next(p for p in graph.objects(DATASET, kind) if graph.value(p, key) == iri)


def test_void_counts_equal_the_endpoints_counts(server: LiveServer) -> None:
    graph = parse(get(server, "/.well-known/void", "text/turtle"))
    ds = DATASET
    totals = select(server, "SELECT (COUNT(*) AS ?t) (COUNT(DISTINCT ?s) AS ?s) WHERE { ?s ?p ?o }")[0]
    assert void_figure(graph, ds, VOID.triples) == int(totals["t"])
    assert void_figure(graph, ds, VOID.distinctSubjects) == int(totals["s"])
    states = select(server, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{GK.State}> }}")[0]["n"]
    assert void_figure(graph, partition(graph, VOID.classPartition, VOID["class"], GK.State),
                       VOID.entities) == int(states)
    labels = select(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{RDFS.label}> ?o }}")[0]["n"]
    assert void_figure(graph, partition(graph, VOID.propertyPartition, VOID.property, RDFS.label),
                       VOID.triples) == int(labels)
    assert graph.value(ds, VOID.sparqlEndpoint) == URIRef(f"{BASE}sparql")
    assert set(graph.objects(ds, VOID.dataDump)) == {URIRef(f"{BASE}dump.nq.gz"),
                                                     URIRef(f"{BASE}dump.trig.gz")}
    assert graph.value(ds, VOID.uriSpace) == Literal(BASE)
    assert URIRef(str(GK)) in set(graph.objects(ds, VOID.vocabulary))
    assert graph.value(ds, rdflib.DCTERMS.license) is not None
    # The last ingest: the articles' times (the statistics graph's data sets have a
    # prov:generatedAtTime too, a second later when the background refresh crosses a second).
    latest = select(server, f"SELECT (MAX(?t) AS ?m) WHERE {{ ?a a <{GK.Article}> ; "
                            "<http://www.w3.org/ns/prov#generatedAtTime> ?t }")
    modified = graph.value(ds, rdflib.DCTERMS.modified)
    assert isinstance(modified, Literal) and modified.datatype == XSD.dateTime
    assert modified.toPython() == Literal(latest[0]["m"], datatype=XSD.dateTime).toPython()


def test_void_follows_the_store(server: LiveServer) -> None:
    def triples() -> int:
        graph = parse(get(server, "/.well-known/void.ttl"))
        return void_figure(graph, DATASET, VOID.triples)

    before = triples()
    graph = f"{BASE}graph/extra"
    server.store.put_graph(graph, f'<{BASE}entity/x> <{RDFS.label}> "x" .\n')
    try:
        assert triples() == before + 1
    finally:
        server.store.remove_graph(graph)
    assert triples() == before
    # a curation write inside an existing graph changes neither the graphs nor their hashes
    triple = f'<{BASE}entity/x> <{RDFS.label}> "x" .'
    for verb, expected in (("INSERT", before + 1), ("DELETE", before)):
        response = requests.post(f"{server.url}/update", timeout=30,
                                 headers={"Authorization": f"Bearer {TOKEN}"},
                                 data={"update": f"{verb} DATA {{ GRAPH <{BASE}graph/gazetteer> "
                                                 f"{{ {triple} }} }}"})
        assert response.status_code == 200, response.text
        assert triples() == expected


# --- dumps, context, CORS -------------------------------------------------------------

@pytest.mark.parametrize(("kind", "rdflib_format"), [("nq", "nquads"), ("trig", "trig")])
def test_dump_round_trips_to_the_stores_quads(server: LiveServer, kind: str, rdflib_format: str) -> None:
    response = get(server, f"/dump.{kind}.gz")
    assert response.status_code == 200 and media_type(response) == "application/gzip"
    assert f'filename="geokg.{kind}.gz"' in response.headers["Content-Disposition"]
    assert "Content-Encoding" not in response.headers
    dataset = Dataset()
    dataset.parse(data=gzip.decompress(response.content), format=rdflib_format)
    graphs = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert set(graphs) == set(server.store.graphs())
    assert sum(len(g) for g in graphs.values()) == server.store.quad_count()
    for name, graph in graphs.items():
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        stored = requests.post(f"{server.url}/sparql", data={"query": query}, timeout=30,
                               headers={"Accept": "application/n-triples"})
        assert isomorphic(graph, Graph().parse(data=stored.content, format="nt")), name


def test_jsonld_context_is_served(server: LiveServer) -> None:
    response = get(server, "/context.jsonld")
    assert media_type(response) == "application/ld+json"
    assert response.json() == json.loads((PROJECT_ROOT / "ontology" / "context.jsonld").read_text())


@pytest.mark.parametrize("path", ["/entity/russia", "/.well-known/void", "/dump.nq.gz",
                                  "/context.jsonld", "/ontology", "/sparql?query=ASK%7B%7D"])
def test_reads_allow_any_origin(server: LiveServer, path: str) -> None:
    response = requests.get(f"{server.url}{path}", headers={"Origin": "https://elsewhere.example"},
                            timeout=30)
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"


def test_sparql_post_and_preflight_allow_any_origin(server: LiveServer) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    posted = requests.post(f"{server.url}/sparql", data="ASK {}", timeout=30,
                           headers={**origin, "Content-Type": "application/sparql-query"})
    assert posted.status_code == 200 and posted.headers["Access-Control-Allow-Origin"] == "*"
    preflight = requests.options(f"{server.url}/sparql", timeout=30, headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()


def test_writes_get_no_cors(server: LiveServer) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    preflight = requests.options(f"{server.url}/articles", timeout=30, headers={
        **origin, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers
    posted = requests.post(f"{server.url}/articles", json=ARTICLES[1], headers=origin, timeout=30)
    assert posted.status_code == 200 and "Access-Control-Allow-Origin" not in posted.headers
