"""Provenance of articles read from feeds: the feed and the page's version are in the
article's graph, which the shapes check, and a later version replaces the earlier graph in
one transaction, through the pipeline."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from geokg.config import Settings
from geokg.errors import InputError
from geokg.graph.build import ArticleOrigin
from geokg.graph.validate import ONTOLOGY_DIR
from geokg.pipeline import ArticleInput, Pipeline
from geokg.store.oxigraph import OxigraphStore
from geokg.vocab import GK, SCHEMA
from geokg.web import create_app

FEED = "https://news.example/feed.xml"
PAGE = "https://news.example/2026/rat-beschliesst-haushalt"
FIRST = ("Rat beschließt Haushalt\n\nDer Rat von Beispielstadt hat am Montag den Haushalt für "
         "das kommende Jahr beschlossen. Frankreich und Spanien begrüßten die Einigung.")
SECOND = FIRST + "\n\nAktualisiert: Die Sitzung dauerte vier Stunden."


def _graph(store: OxigraphStore, iri: str) -> Graph:
    data = b"".join(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
                    .serialize("application/n-triples"))
    return Graph().parse(data=data, format="nt")


@pytest.fixture
def pipeline() -> Pipeline:
    return Pipeline.open(Settings(store="memory"), OxigraphStore())


def test_an_article_from_a_feed_names_the_feed_its_page_and_version(pipeline: Pipeline) -> None:
    origin = ArticleOrigin(FEED, "Beispielstadt-Nachrichten")
    result = pipeline.ingest(ArticleInput(FIRST, lang="de", url=PAGE, origin=origin))
    graph = _graph(pipeline.store, result.article_iri)  # stored: it passed the shapes
    article = URIRef(result.article_iri)
    assert graph.value(article, GK.feed) == URIRef(FEED)
    assert (URIRef(FEED), RDF.type, GK.Feed) in graph
    assert graph.value(URIRef(FEED), RDFS.label) == Literal("Beispielstadt-Nachrichten")
    assert graph.value(article, SCHEMA.url) == URIRef(PAGE)
    assert graph.value(article, GK.version) == Literal(1, datatype=XSD.integer)
    assert graph.value(article, PROV.wasRevisionOf) is None


def test_a_new_version_replaces_the_earlier_graph_and_names_it(pipeline: Pipeline) -> None:
    first = pipeline.ingest(ArticleInput(FIRST, lang="de", url=PAGE, origin=ArticleOrigin(FEED)))
    origin = ArticleOrigin(FEED, version=2, revision_of=first.article_iri)
    second = pipeline.ingest(ArticleInput(SECOND, lang="de", url=PAGE, origin=origin),
                             replaces=[first.article_iri])
    assert second.created and second.article_iri != first.article_iri
    assert not pipeline.store.has_graph(first.article_iri)
    graph = _graph(pipeline.store, second.article_iri)
    article = URIRef(second.article_iri)
    assert graph.value(article, GK.version) == Literal(2, datatype=XSD.integer)
    assert graph.value(article, PROV.wasRevisionOf) == URIRef(first.article_iri)
    # again (a watcher restarted after the write): nothing changes
    again = pipeline.ingest(ArticleInput(SECOND, lang="de", url=PAGE, origin=origin),
                            replaces=[first.article_iri])
    assert not again.created and pipeline.store.has_graph(second.article_iri)


def test_a_replacement_that_fails_the_checks_leaves_the_earlier_version(pipeline: Pipeline) -> None:
    first = pipeline.ingest(ArticleInput(FIRST, lang="de", url=PAGE, origin=ArticleOrigin(FEED)))
    impossible = ArticleOrigin(FEED, version=1, revision_of=first.article_iri)
    with pytest.raises(InputError, match="version 1"):
        pipeline.ingest(ArticleInput(SECOND, lang="de", url=PAGE, origin=impossible),
                        replaces=[first.article_iri])
    with pytest.raises(InputError, match="url"):
        pipeline.ingest(ArticleInput(SECOND, lang="de", origin=ArticleOrigin("file:///etc/feed")),
                        replaces=[first.article_iri])
    assert pipeline.store.has_graph(first.article_iri)


def test_a_client_of_post_articles_cannot_claim_a_feed() -> None:
    store = OxigraphStore()
    client = create_app(Settings(store="memory"), store=store).test_client()
    answer = client.post("/articles", json={"text": FIRST, "lang": "de", "origin": FEED,
                                            "feed": FEED, "version": 7})
    assert answer.status_code == 201, answer.json
    graph = _graph(store, answer.json["iri"])
    assert graph.value(URIRef(answer.json["iri"]), GK.feed) is None
    assert graph.value(URIRef(answer.json["iri"]), GK.version) is None
    store.close()


def test_the_json_ld_context_names_the_feed_terms() -> None:
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))
    doc = {**context, "@graph": [{"id": "http://localhost:5000/article/2", "type": "Article",
                                  "feed": FEED, "version": "2",
                                  "revisionOf": "http://localhost:5000/article/1"},
                                 {"id": FEED, "type": "Feed"}]}
    graph = Graph().parse(data=json.dumps(doc), format="json-ld")
    article = URIRef("http://localhost:5000/article/2")
    assert graph.value(article, GK.feed) == URIRef(FEED)
    assert graph.value(article, GK.version) == Literal(2, datatype=XSD.integer)
    assert graph.value(article, PROV.wasRevisionOf) == URIRef("http://localhost:5000/article/1")
    assert (URIRef(FEED), RDF.type, GK.Feed) in graph
