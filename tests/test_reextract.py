"""`geokg reextract`: stored articles read again by the current extractor, through the real
command (click's runner) on a real store on disk; curation through the real Curator; the
new events read back over the SPARQL endpoint of the real app."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef

from geokg.cli import main
from geokg.config import Settings
from geokg.errors import ShapeViolation
from geokg.extract import read_article
from geokg.graph.build import ArticleOrigin, article_graph
from geokg.graph.iris import Minter
from geokg.graph.provenance import Extractor, current_extractor, reading_node
from geokg.graph.validate import check
from geokg.pipeline import ArticleInput, Pipeline, read_inputs
from geokg.pipeline.curation import Curator
from geokg.pipeline.reextract import reextract
from geokg.resources import SAMPLE_ARTICLES
from geokg.store.base import graph_content
from geokg.store.oxigraph import OxigraphStore
from geokg.vocab import DCTERMS, GK, PROV, RDFS, SCHEMA, XSD
from geokg.web import create_app

CALL = "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine."
MEETING = "Joe Biden met Xi Jinping in Woodside, California, on 15 November 2023."
DEMAND = ("Der französische Präsident Emmanuel Macron hat am Dienstag mit Kremlchef Wladimir "
          "Putin telefoniert. Macron forderte eine sofortige Waffenruhe in der Ukraine.")
#: The extractor of an earlier release: another version, other lexicons.
OLD = Extractor("0.0.9", "sha256:" + "0" * 64)
#: When the articles of these tests were first read.
INGESTED = dt.datetime(2024, 11, 16, 8, 0, tzinfo=dt.UTC)
FEED = ArticleOrigin("https://news.example/feed.xml", "Beispiel-Nachrichten", version=2,
                     revision_of="http://localhost:5000/article/00000000000000aa")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@contextmanager
def opened(data: Path) -> Iterator[Pipeline]:
    pipeline = Pipeline.open(Settings(store=f"oxigraph:{data}"), OxigraphStore(data))
    try:
        yield pipeline
    finally:
        pipeline.store.close()


def put_reading(pipeline: Pipeline, item: ArticleInput, extractor: Extractor = OLD, *,
                events: bool = False) -> str:
    """Store the article as `extractor` read it at INGESTED; `events=False`: it found none
    (an older extractor that missed them)."""
    item = item.checked()
    article = read_article(item.text, published=item.published, lang=item.lang, url=item.url,
                           title=item.title, gazetteer=pipeline.gazetteer)
    if not events:
        article.events = []
    graph = article_graph(article, pipeline.gazetteer, pipeline.mint, INGESTED,
                          content_hash=item.content_hash, origin=item.origin, extractor=extractor)
    check(graph)
    iri = pipeline.iri_of(item)
    pipeline.store.put_graph(iri, graph.serialize(format="nt"))
    return iri


def run(data: Path, *args: str) -> tuple[Result, dict[str, object]]:
    """`geokg --store oxigraph:DATA reextract ARGS` and its JSON summary."""
    result = CliRunner().invoke(main, ["--store", f"oxigraph:{data}", "reextract", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result, json.loads(result.stdout)


def stored(data: Path, iri: str) -> Graph:
    store = OxigraphStore(data)
    try:
        text = b"".join(graph_content(store, iri, "application/n-triples")).decode("utf-8")
    finally:
        store.close()
    return Graph().parse(data=text, format="nt")


def extractor_of(graph: Graph, iri: str) -> object:
    return graph.value(reading_node(URIRef(iri)), PROV.wasAssociatedWith)


def events_of(graph: Graph, iri: str) -> set[object]:
    return set(graph.subjects(PROV.wasDerivedFrom, URIRef(iri)))


def current_iri() -> URIRef:
    return current_extractor().iri(Minter(Settings().base_iri))


# --- what is read again ---------------------------------------------------------------------

def test_an_article_an_older_extractor_read_gets_the_current_reading_and_its_events(
        data: Path) -> None:
    with opened(data) as pipeline:
        old = put_reading(pipeline, ArticleInput(CALL, lang="de"))
        current = pipeline.ingest(ArticleInput(MEETING, lang="en")).article_iri
    before_current = stored(data, current)
    assert events_of(stored(data, old), old) == set()

    result, summary = run(data)

    assert result.exit_code == 0, result.output
    assert summary | {"seconds": 0, "articles_per_s": 0} == {
        "articles": 2, "stale": 1, "checked": 1, "reread": 1, "changed": 1, "events_before": 0,
        "events_after": 1, "unstamped": 0, "skipped_curated": 0, "failed": 0, "skipped": [],
        "failures": [], "dry_run": False, "seconds": 0, "articles_per_s": 0}
    graph = stored(data, old)
    assert extractor_of(graph, old) == current_iri()
    (event,) = events_of(graph, old)
    assert (event, GK.participant, URIRef("http://localhost:5000/entity/olaf-scholz")) in graph
    # the article the current extractor read is left as it was
    assert stored(data, current).isomorphic(before_current)
    assert "statistics: " in result.stderr


def test_all_reads_the_current_articles_too(data: Path) -> None:
    with opened(data) as pipeline:
        iri = put_reading(pipeline, ArticleInput(MEETING, lang="en"), current_extractor(),
                          events=True)
    _, summary = run(data)
    assert (summary["stale"], summary["reread"]) == (0, 0)
    assert stored(data, iri).value(reading_node(URIRef(iri)), PROV.endedAtTime) == \
        Literal(INGESTED.isoformat(), datatype=XSD.dateTime)

    result, summary = run(data, "--all")

    assert result.exit_code == 0, result.output
    assert (summary["stale"], summary["checked"], summary["reread"], summary["changed"]) == \
        (0, 1, 1, 0)
    read_at = stored(data, iri).value(reading_node(URIRef(iri)), PROV.endedAtTime)
    assert isinstance(read_at, Literal) and read_at.toPython() > INGESTED


def test_a_graph_that_records_no_reading_counts_as_stale(data: Path) -> None:
    """Graphs written before readings were recorded (every store of an earlier release)."""
    with opened(data) as pipeline:
        iri = put_reading(pipeline, ArticleInput(CALL, lang="de"))
        reading = reading_node(URIRef(iri))
        pipeline.store.update(f"DELETE WHERE {{ GRAPH <{iri}> {{ <{iri}> <{PROV.wasGeneratedBy}> ?r "
                              f". ?r ?p ?o }} }}; DELETE WHERE {{ GRAPH <{iri}> {{ ?agent a "
                              f"<{PROV.SoftwareAgent}> ; ?q ?v }} }}")
    assert stored(data, iri).value(URIRef(iri), PROV.wasGeneratedBy) is None

    result, summary = run(data)

    assert result.exit_code == 0, result.output
    assert (summary["reread"], summary["unstamped"], summary["events_after"]) == (1, 1, 1)
    assert stored(data, iri).value(URIRef(iri), PROV.wasGeneratedBy) == reading


def test_feed_origin_metadata_and_ingest_time_survive_reading_again(data: Path) -> None:
    item = ArticleInput(DEMAND, lang="de", published="2025-07-01", title="Macron ruft Putin an",
                        url="https://news.example/macron-putin", origin=FEED)
    with opened(data) as pipeline:
        iri = put_reading(pipeline, item)
    before = stored(data, iri)

    result, summary = run(data)

    assert result.exit_code == 0, result.output
    assert summary["reread"] == 1 and summary["events_after"] >= 2  # the call, the demand
    after, node, feed = stored(data, iri), URIRef(iri), URIRef(FEED.feed_url)
    for predicate in (PROV.generatedAtTime, GK.contentHash, DCTERMS.title, DCTERMS.issued,
                      DCTERMS.language, SCHEMA.url, GK.feed, GK.version, PROV.wasRevisionOf):
        assert after.value(node, predicate) is not None, predicate
        assert after.value(node, predicate) == before.value(node, predicate), predicate
    assert after.value(node, PROV.generatedAtTime) == \
        Literal(INGESTED.isoformat(), datatype=XSD.dateTime)
    assert after.value(node, GK.version) == Literal(2, datatype=XSD.integer)
    assert after.value(feed, RDFS.label) == Literal("Beispiel-Nachrichten")
    assert extractor_of(after, iri) == current_iri()


def test_limit_reads_that_many_and_the_next_run_goes_on(data: Path) -> None:
    with opened(data) as pipeline:
        for text in (CALL, MEETING, DEMAND):
            put_reading(pipeline, ArticleInput(text))
    _, first = run(data, "--limit", "2", "--every", "1")
    _, second = run(data, "--limit", "2")
    _, third = run(data)
    assert (first["stale"], first["reread"]) == (3, 2)
    assert (second["stale"], second["reread"]) == (1, 1)
    assert (third["stale"], third["reread"]) == (0, 0)


def test_progress_lines_count_and_rate_on_stderr(data: Path) -> None:
    with opened(data) as pipeline:
        for text in (CALL, MEETING, DEMAND):
            put_reading(pipeline, ArticleInput(text))
    result, _ = run(data, "--every", "2")
    lines = [line for line in result.stderr.splitlines() if line.startswith("reextract: ")]
    assert [line.split(" articles")[0] for line in lines] == ["reextract: 2/3", "reextract: 3/3"]
    assert all(line.endswith("/s)") for line in lines)


# --- what must not be lost ------------------------------------------------------------------

def test_dry_run_writes_nothing_and_says_what_would_change(data: Path) -> None:
    with opened(data) as pipeline:
        put_reading(pipeline, ArticleInput(CALL, lang="de"))
        before = sorted(b"".join(pipeline.store.dump("nquads")).decode("utf-8").splitlines())

    result, summary = run(data, "--dry-run")

    assert result.exit_code == 0, result.output
    assert (summary["dry_run"], summary["reread"], summary["changed"], summary["events_after"]) \
        == (True, 1, 1, 1)
    with opened(data) as pipeline:
        after = sorted(b"".join(pipeline.store.dump("nquads")).decode("utf-8").splitlines())
    assert after == before
    _, again = run(data)
    assert again["reread"] == 1, "the dry run left it stale"


CURATIONS = {
    "a triple added": "INSERT DATA {{ GRAPH <{g}> {{ <{g}> <http://www.w3.org/2000/01/"
                      "rdf-schema#comment> \"checked by hand\" }} }}",
    "an event removed": "DELETE WHERE {{ GRAPH <{g}> {{ ?e <http://www.w3.org/ns/prov#"
                        "wasDerivedFrom> <{g}> ; ?p ?o }} }}",
    "the title changed": "DELETE {{ GRAPH <{g}> {{ <{g}> <http://purl.org/dc/terms/title> ?t }} }} "
                         "INSERT {{ GRAPH <{g}> {{ <{g}> <http://purl.org/dc/terms/title> "
                         "\"Macron und Putin\" }} }} WHERE {{ GRAPH <{g}> {{ <{g}> "
                         "<http://purl.org/dc/terms/title> ?t }} }}",
    "the digest forged": "DELETE {{ GRAPH <{g}> {{ ?r <" + str(GK.graphDigest) + "> ?d }} }} "
                         "INSERT {{ GRAPH <{g}> {{ ?r <" + str(GK.graphDigest) + "> \"sha256:"
                         + "ab" * 32 + "\" }} }} WHERE {{ GRAPH <{g}> {{ ?r <"
                         + str(GK.graphDigest) + "> ?d }} }}",
}


@pytest.mark.parametrize("curation", CURATIONS.values(), ids=list(CURATIONS))
def test_a_curated_graph_is_skipped_unless_forced(data: Path, curation: str) -> None:
    with opened(data) as pipeline:
        iri = put_reading(pipeline, ArticleInput(DEMAND, lang="de", title="Macron ruft Putin an"),
                          events=True)
        as_read = Graph().parse(data=b"".join(graph_content(pipeline.store, iri, "application/"
                                                          "n-triples")).decode(), format="nt")
        Curator(pipeline.store, pipeline.settings).update(curation.format(g=iri))
    curated = stored(data, iri)
    assert not curated.isomorphic(as_read), "the curation changed nothing"

    result, summary = run(data)

    assert result.exit_code == 0, result.output
    assert (summary["reread"], summary["skipped_curated"]) == (0, 1)
    assert summary["skipped"] == [{"article": iri, "reason": summary["skipped"][0]["reason"]}]  # type: ignore[index]
    assert f"{iri}: skipped: changed (by curation) since it was read; --force" in result.stderr
    assert stored(data, iri).isomorphic(curated)

    result, summary = run(data, "--force")

    assert result.exit_code == 0, result.output
    assert (summary["reread"], summary["skipped_curated"]) == (1, 0)
    assert extractor_of(stored(data, iri), iri) == current_iri()


def test_curation_of_the_period_index_alone_is_no_curation(data: Path) -> None:
    """gk:inPeriod is the service's index (`geokg reindex` rewrites it), not a curator's."""
    with opened(data) as pipeline:
        iri = put_reading(pipeline, ArticleInput(CALL, lang="de", published="2024-11-16"))
        pipeline.store.update(f"DELETE WHERE {{ GRAPH <{iri}> {{ ?s <{GK.inPeriod}> ?p }} }}")
    _, summary = run(data)
    assert (summary["reread"], summary["skipped_curated"]) == (1, 0)


def test_a_graph_that_fails_validation_keeps_its_old_version_and_is_named(
        data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with opened(data) as pipeline:
        broken = put_reading(pipeline, ArticleInput(CALL, lang="de"))
        fine = put_reading(pipeline, ArticleInput(MEETING, lang="en"))
    before = stored(data, broken)

    def failing_check(graph: Graph) -> None:  # the one mock: a new graph the shapes refuse
        if (URIRef(broken), None, None) in graph:
            raise ShapeViolation("1 shape violation: a call needs two sides", "report", [])
        check(graph)

    monkeypatch.setattr("geokg.pipeline.reextract.check", failing_check)
    result, summary = run(data)

    assert result.exit_code == 1
    assert (summary["reread"], summary["failed"]) == (1, 1)
    assert summary["failures"] == [{"article": broken,
                                    "reason": "1 shape violation: a call needs two sides"}]
    assert f"{broken}: failed, its old graph is kept: 1 shape violation" in result.stderr
    assert stored(data, broken).isomorphic(before)
    assert extractor_of(stored(data, fine), fine) == current_iri()


def test_a_text_changed_after_reading_is_not_read_into_its_old_graph(data: Path) -> None:
    """An article graph that records no reading (so curation cannot be told) whose text was
    edited: the new text names another article, so its graph is not rewritten under the old
    name; the run fails for it and the graph stays."""
    with opened(data) as pipeline:
        iri = put_reading(pipeline, ArticleInput(CALL, lang="de"))
        pipeline.store.update(
            f"DELETE WHERE {{ GRAPH <{iri}> {{ <{iri}> <{PROV.wasGeneratedBy}> ?r . ?r ?p ?o }} }};"
            f"DELETE {{ GRAPH <{iri}> {{ <{iri}> <http://persistence.uni-leipzig.org/nlp2rdf/"
            f"ontologies/nif-core#isString> ?t }} }} INSERT {{ GRAPH <{iri}> {{ <{iri}> "
            f"<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> "
            f"\"{MEETING}\" }} }} WHERE {{ GRAPH <{iri}> {{ <{iri}> <http://persistence.uni-"
            f"leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }} }}")
    before = stored(data, iri)
    result, summary = run(data)
    assert result.exit_code == 1
    assert summary["failures"][0]["article"] == iri  # type: ignore[index]
    assert "no longer names its graph" in result.stderr
    assert stored(data, iri).isomorphic(before)


def test_sample_articles_read_again_are_not_taken_for_curated(data: Path) -> None:
    """The digest of a graph as ingest wrote it equals the digest of it as the store gives
    it back (literals, language tags, escapes), for every sample article."""
    with opened(data) as pipeline:
        for item in read_inputs(SAMPLE_ARTICLES):
            pipeline.ingest(item)
        summary = reextract(pipeline, everything=True)
    assert summary.curated == [] and summary.failed == []
    assert summary.reread == summary.articles >= 15
    assert summary.changed == 0 and summary.events_before == summary.events_after


# --- readers --------------------------------------------------------------------------------

def test_the_sparql_endpoint_serves_the_events_read_again(data: Path) -> None:
    with opened(data) as pipeline:
        iri = put_reading(pipeline, ArticleInput(CALL, lang="de"))
    ask = (f"ASK {{ ?event a <{GK.Call}> ; <{PROV.wasDerivedFrom}> <{iri}> ; "
           f"<{GK.participant}> <http://localhost:5000/entity/vladimir-putin> }}")

    def answer() -> bool:
        store = OxigraphStore(data)
        try:
            app = create_app(Settings(store=f"oxigraph:{data}"), store=store)
            response = app.test_client().get(
                "/sparql", query_string={"query": ask},
                headers={"Accept": "application/sparql-results+json"})
            assert response.status_code == 200, response.data
            return bool(response.json["boolean"])  # type: ignore[index]
        finally:
            store.close()

    assert answer() is False
    result, _ = run(data)
    assert result.exit_code == 0, result.output
    assert answer() is True


def test_the_extractor_iri_dereferences_to_its_description(client: FlaskClient) -> None:
    """The IRI an article's reading names (`{base}extractor/…`) is served like every IRI the
    service mints: its version and digest."""
    created = client.post("/articles", json={"text": CALL, "lang": "de"})
    assert created.status_code == 201, created.json
    agent = current_iri()
    response = client.get(agent.removeprefix("http://localhost:5000"),
                          headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.data
    graph = Graph().parse(data=response.data, format="turtle")
    assert graph.value(agent, SCHEMA.softwareVersion) == Literal(current_extractor().version)
    assert graph.value(agent, GK.extractorDigest) == Literal(current_extractor().digest)


@pytest.mark.parametrize("path", [
    "/extractor/0.0.0/0000000000000000",           # an extractor that never read anything
    "/extractor/..%2F..%2Fsparql",                   # an escaped path out of the namespace
    "/extractor/" + "a" * 5000,                      # an overlong name
    "/extractor/0.1.0/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
])
def test_an_extractor_iri_nobody_minted_is_not_found_and_echoes_no_markup(client: FlaskClient,
                                                                        path: str) -> None:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code in (404, 414), response.status_code
    assert b"<script>alert(1)" not in response.data
