"""Extraction results as RDF: one node per real event across articles, typed entities."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from geokg.cli import main
from geokg.config import Settings
from geokg.graph.build import calendar_periods, index_periods, with_period_index
from geokg.pipeline import ArticleInput, Pipeline
from geokg.vocab import DCTERMS, GK, PROV, XSD

GERMAN = ("Macron telefoniert mit Putin\n\nPARIS (AFP) – Der französische Präsident Emmanuel Macron "
          "hat am Dienstag mit Kremlchef Wladimir Putin telefoniert.")
ENGLISH = ("Macron and Putin speak by phone\n\nPARIS (Reuters) - French President Emmanuel Macron "
           "spoke by phone with Russian President Vladimir Putin on Tuesday, the Elysee said.")
PREFIXES = f"PREFIX gk: <{GK}> PREFIX prov: <http://www.w3.org/ns/prov#> "


@pytest.fixture()
def pipeline() -> Pipeline:
    return Pipeline.open(Settings(store="memory"))


def test_the_same_call_reported_twice_is_one_event_with_two_sources(pipeline: Pipeline) -> None:
    pipeline.ingest(ArticleInput(GERMAN, published="2025-07-02", lang="de"))
    pipeline.ingest(ArticleInput(ENGLISH, published="2025-07-02", lang="en"))
    rows = pipeline.store.query(PREFIXES + """
        SELECT ?call (COUNT(DISTINCT ?article) AS ?sources) WHERE {
          ?call a gk:Call ; prov:wasDerivedFrom ?article } GROUP BY ?call""").rows()
    assert len(rows) == 1
    assert rows[0]["sources"] == "2"


SCHOLZ_CALL = "Bundeskanzler Scholz hat am Mittwoch mit Selenskyj telefoniert."
STEINMEIER_CALL = ("Am Mittwoch gab es auch ein Telefonat zwischen Bundespräsident Steinmeier und "
                   "Selenskyj.")


def _calls(pipeline: Pipeline) -> list[list[str]]:
    rows = pipeline.store.query(PREFIXES + """
        SELECT ?call ?who WHERE { ?call a gk:Call ; gk:participant ?who }""").rows()
    calls: dict[str, set[str]] = {}
    for row in rows:
        calls.setdefault(row["call"], set()).add(row["who"].rsplit("/", 1)[-1])
    return sorted(map(sorted, calls.values()))


def test_two_leaders_of_one_state_calling_the_same_day_are_two_calls(pipeline: Pipeline) -> None:
    pipeline.ingest(ArticleInput(f"{SCHOLZ_CALL} {STEINMEIER_CALL}", published="2022-05-11", lang="de"))
    pipeline.ingest(ArticleInput(  # one of the calls again, told with the states only
        "Germany and Ukraine spoke by phone on Wednesday.", published="2022-05-11", lang="en"))
    calls = _calls(pipeline)
    assert len(calls) == 2, calls
    assert not any("olaf-scholz" in c and "frank-walter-steinmeier" in c for c in calls), calls


def test_which_call_keeps_the_shared_node_does_not_depend_on_the_order_told(
        pipeline: Pipeline) -> None:
    pipeline.ingest(ArticleInput(f"{SCHOLZ_CALL} {STEINMEIER_CALL}", published="2022-05-11", lang="de"))
    pipeline.ingest(ArticleInput(f"{STEINMEIER_CALL} {SCHOLZ_CALL}", published="2022-05-11", lang="de"))
    calls = _calls(pipeline)
    assert len(calls) == 2, calls
    assert not any("olaf-scholz" in c and "frank-walter-steinmeier" in c for c in calls), calls


def test_deleting_one_source_keeps_the_event_of_the_other(pipeline: Pipeline) -> None:
    first = pipeline.ingest(ArticleInput(GERMAN, published="2025-07-02", lang="de"))
    pipeline.ingest(ArticleInput(ENGLISH, published="2025-07-02", lang="en"))
    pipeline.store.remove_graph(first.article_iri)
    rows = pipeline.store.query(PREFIXES + """
        SELECT ?call ?article WHERE { ?call a gk:Call ; prov:wasDerivedFrom ?article }""").rows()
    assert [r["article"] for r in rows] == [pipeline.ingest(ArticleInput(ENGLISH)).article_iri]


def test_entities_carry_their_superclasses_for_queries_without_reasoning(pipeline: Pipeline) -> None:
    result = pipeline.ingest(ArticleInput(GERMAN, published="2025-07-02", lang="de"))
    ask = PREFIXES + f"""ASK {{ GRAPH <{result.article_iri}> {{
        ?putin <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q7747> ;
               a gk:Leader , gk:StateActor , gk:Actor }} }}"""
    assert pipeline.store.query(ask).boolean


def test_dates_carry_precision_and_bounds_for_range_filters(pipeline: Pipeline) -> None:
    pipeline.ingest(ArticleInput(
        "Anfang 2025 unterzeichneten Russland und Iran ein Partnerschaftsabkommen.",
        published="2025-07-01", lang="de"))
    rows = pipeline.store.query(PREFIXES + """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        SELECT ?stamp ?precision ?from ?to WHERE { ?e a gk:Agreement ; sem:hasTimeStamp ?stamp ;
          gk:datePrecision ?precision ; sem:hasEarliestBeginTimeStamp ?from ;
          sem:hasLatestEndTimeStamp ?to }""").rows()
    assert rows == [{"stamp": "2025", "precision": str(GK.Year), "from": "2025-01-01",
                     "to": "2025-12-31"}]


def test_an_article_graph_read_back_from_the_store_still_conforms(pipeline: Pipeline) -> None:
    """Oxigraph normalises literal datatypes (e.g. derived integers); what it gives back must
    pass the same shapes, or curating a stored article (GET, edit, PUT) would be refused."""
    from rdflib import Graph

    from geokg.graph.validate import validate

    result = pipeline.ingest(ArticleInput(GERMAN, published="2025-07-02", lang="de"))
    turtle = b"".join(pipeline.store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{result.article_iri}> {{ ?s ?p ?o }} }}"
    ).serialize("text/turtle"))
    report = validate(Graph().parse(data=turtle, format="turtle"))
    assert report.conforms, report.report_text


def test_the_gazetteer_graph_conforms_to_the_shapes() -> None:
    """Every gazetteer row (names, Wikidata IDs, office terms with their roles and dates) must
    pass the same shapes as article graphs, since articles copy from it."""
    from geokg.extract.gazetteer import load_gazetteer
    from geokg.graph.build import gazetteer_graph
    from geokg.graph.iris import Minter
    from geokg.graph.validate import validate

    report = validate(gazetteer_graph(load_gazetteer(), Minter("http://localhost:5000/")))
    assert report.conforms, report.results[:3]


def _periods(pipeline: Pipeline, node_pattern: str) -> set[tuple[str, str]]:
    rows = pipeline.store.query(PREFIXES + f"""
        SELECT ?node ?period WHERE {{ {node_pattern} ?node gk:inPeriod ?period }}""").rows()
    return {(r["node"] or "", r["period"] or "") for r in rows}


def test_period_index_puts_a_year_dated_event_in_its_year_only(pipeline: Pipeline) -> None:
    result = pipeline.ingest(ArticleInput(
        "Anfang 2025 unterzeichneten Russland und Iran ein Partnerschaftsabkommen.",
        published="2025-07-01", lang="de"))
    assert {p for _, p in _periods(pipeline, "?node a gk:Agreement .")} == {"2025"}
    assert _periods(pipeline, "?node a gk:Article .") == {
        (result.article_iri, "2025"), (result.article_iri, "2025-07")}


def test_period_index_puts_a_day_dated_event_in_its_month_and_year(pipeline: Pipeline) -> None:
    pipeline.ingest(ArticleInput(GERMAN, published="2025-07-02", lang="de"))  # "am Dienstag": 1 July 2025
    assert {p for _, p in _periods(pipeline, "?node a gk:Call .")} == {"2025", "2025-07"}


def test_period_index_places_an_undated_event_on_its_article_day(pipeline: Pipeline) -> None:
    pipeline.ingest(ArticleInput("Iran unterstützt Russland mit Drohnen.", published="2024-11-16", lang="de"))
    assert {p for _, p in _periods(pipeline, "?node a gk:Support .")} == {"2024", "2024-11"}


@pytest.mark.parametrize("first, last, expected", [
    ("2025-03-01", "2025-03-31", ["2025", "2025-03"]),
    ("2025-01-01", "2025-03-31", ["2025"]),  # "early 2025": a year, no single month
    ("2024-12-30", "2025-01-02", []),  # across a new year: in no calendar period
])
def test_calendar_periods_contain_the_whole_span(first: str, last: str, expected: list[str]) -> None:
    periods = calendar_periods(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert [str(p) for p in periods] == expected
    assert {p.datatype for p in periods} <= {XSD.gYear, XSD.gYearMonth}


# -- stores written before the period index ----------------------------------------------------

ONTOLOGY_HASH = ("<http://localhost:5000/graph/ontology> "
                 "<https://w3id.org/geokg/ontology#contentHash> ?h")


def _older_store(folder: Path) -> str:
    """An on-disk store as an older geokg left it: articles without gk:inPeriod, and the
    ontology graph of another version (its content hash differs)."""
    pipeline = Pipeline.open(Settings(store=f"oxigraph:{folder}"))
    pipeline.ingest(ArticleInput(GERMAN, published="2025-07-02", lang="de"))
    pipeline.store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s <{GK.inPeriod}> ?p }} }}")
    pipeline.store.update(f"DELETE WHERE {{ GRAPH <http://localhost:5000/graph/ontology> "
                          f"{{ {ONTOLOGY_HASH} }} }}")
    pipeline.store.close()
    return f"oxigraph:{folder}"


def _indexed(pipeline: Pipeline) -> set[str]:
    return {p for _, p in _periods(pipeline, "?node a gk:Call .")}


def test_a_new_version_names_the_graphs_its_period_index_misses(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    upgraded = Pipeline.open(Settings(store=_older_store(tmp_path / "data")))
    upgraded.store.close()
    assert "1 article graphs lack the period index" in caplog.text
    assert "geokg reindex" in caplog.text


def test_the_period_index_keeps_every_other_triple_as_written() -> None:
    article = "<http://localhost:5000/article/a>"
    text = (f'{article} <{GK.inPeriod}> "1999"^^<{XSD.gYear}> .\n'
            f'{article} <http://purl.org/dc/terms/issued> "2024-11-16"^^<{XSD.date}> .\n'
            f'{article} <http://example.org/count> "007"^^<{XSD.integer}> .\n')
    lines = set(with_period_index(text).splitlines())
    assert f'{article} <http://example.org/count> "007"^^<{XSD.integer}> .' in lines
    assert f'{article} <{GK.inPeriod}> "2024-11"^^<{XSD.gYearMonth}> .' in lines
    assert not any('"1999"' in line for line in lines)


def test_an_undated_event_of_two_reports_is_placed_at_the_first(pipeline: Pipeline) -> None:
    """Two article graphs merged into one (a curator's write): the event gets one year and
    month, those of its first report, so the shapes still hold."""
    graph = rdflib.Graph()
    for key, day in (("a", "2025-03-05"), ("b", "2025-02-10")):
        article = rdflib.URIRef(f"http://localhost:5000/article/{key}")
        graph.add((article, DCTERMS.issued, rdflib.Literal(day, datatype=XSD.date)))
        graph.add((rdflib.URIRef("http://localhost:5000/event/e"), PROV.wasDerivedFrom, article))
    index_periods(graph)
    event = rdflib.URIRef("http://localhost:5000/event/e")
    assert {str(p) for p in graph.objects(event, GK.inPeriod)} == {"2025", "2025-02"}


def test_reindex_and_load_complete_the_period_index(tmp_path: Path) -> None:
    store = _older_store(tmp_path / "data")
    runner = CliRunner()
    result = runner.invoke(main, ["--store", store, "reindex"])
    assert result.exit_code == 0, result.output
    assert "period index: 1 article graph completed" in result.stderr
    reopened = Pipeline.open(Settings(store=store))
    assert _indexed(reopened) == {"2025", "2025-07"}
    # an older dump (no gk:inPeriod) loaded into a new store gets the index as well
    reopened.store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s <{GK.inPeriod}> ?p }} }}")
    (tmp_path / "old.nq").write_bytes(b"".join(reopened.store.dump("nquads")))
    reopened.store.close()
    copy = f"oxigraph:{tmp_path / 'copy'}"
    loaded = runner.invoke(main, ["--store", copy, "load", str(tmp_path / "old.nq")])
    assert loaded.exit_code == 0, loaded.output
    assert "period index: 1 article graph completed" in loaded.stderr
    restored = Pipeline.open(Settings(store=copy))
    assert _indexed(restored) == {"2025", "2025-07"}
    restored.store.close()


def test_an_article_mentions_the_states_it_names_not_those_only_in_an_adjective(
        pipeline: Pipeline) -> None:
    result = pipeline.ingest(ArticleInput(
        "Der französische Präsident Macron traf am Montag Bundeskanzler Scholz in Berlin. "
        "Auch Polen war Thema.", published="2024-05-06", lang="de"))
    rows = pipeline.store.query(PREFIXES + f"""
        SELECT ?entity WHERE {{ <{result.article_iri}> gk:mentions ?entity }}""").rows()
    mentioned = {r["entity"].rsplit("/", 1)[-1] for r in rows}
    assert {"emmanuel-macron", "olaf-scholz", "poland"} <= mentioned
    assert "france" not in mentioned  # only "französische": an adjective of a title
