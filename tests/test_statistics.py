"""The statistics graph (`geokg.pipeline.statistics`): precomputed counts that three competency
queries read instead of scanning every event report.

Proven on real stores through the real pipeline, app and CLI: the statistics-based queries
answer exactly what their full scans (`bench/queries/*-full.rq`) answer, the graph says when
and over how many quads it was computed, and every way of writing refreshes it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from geokg import PROJECT_ROOT
from geokg.cli import main
from geokg.config import Settings
from geokg.graph.iris import Minter
from geokg.pipeline import ArticleInput, Pipeline
from geokg.pipeline.statistics import (
    DATA_SETS,
    HUB_FIGURES,
    HUB_MONTHS,
    MAP_CLAIMANTS,
    MAP_FIGURES,
    STATISTICS_DIR,
    StatisticsRefresher,
    refresh_statistics,
)
from geokg.store.base import Store
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from geokg.web.state import STATISTICS_KEY
from support import edit, serving

QUERIES = PROJECT_ROOT / "ontology" / "queries"
FULL_SCANS = PROJECT_ROOT / "bench" / "queries"
STATISTICS_QUERIES = ["events-per-type-per-year", "claims-on-foreign-territory", "most-active-actors"]
GRAPH = str(Minter(Settings().base_iri).statistics_graph)
GK = "https://w3id.org/geokg/ontology#"
PREFIXES = """PREFIX gk: <https://w3id.org/geokg/ontology#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
SCHOLZ = {"text": "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine.",
          "published": "2024-11-16", "lang": "de"}
BIDEN = {"text": "Joe Biden met Xi Jinping in Woodside, California, on 15 November 2023.",
         "published": "2023-11-16", "lang": "en"}

Rows = list[dict[str, str | None]]


def sorted_rows(rows: Rows) -> list[list[tuple[str, str]]]:
    return sorted(sorted((k, v or "") for k, v in row.items()) for row in rows)


def answers(store: Store, text: str) -> tuple[list[str], Rows]:
    result = store.query(text)
    return result.variables, result.rows()


def stamps(store: Store) -> dict[str, tuple[str, int]]:
    """Data set -> (prov:generatedAtTime, gk:sourceQuadCount)."""
    rows = store.query(PREFIXES + f"""SELECT ?dataSet ?at ?quads WHERE {{ GRAPH <{GRAPH}> {{
        ?dataSet a qb:DataSet ; prov:generatedAtTime ?at ; gk:sourceQuadCount ?quads }} }}""").rows()
    return {str(r["dataSet"]): (str(r["at"]), int(r["quads"] or 0)) for r in rows}


def events(store: Store, kind: str, year: str) -> int:
    """What events-per-type-per-year.rq answers for one type and year."""
    rows = store.query((QUERIES / "events-per-type-per-year.rq").read_text(encoding="utf-8")).rows()
    return sum(int(r["events"] or 0) for r in rows if r["type"] == GK + kind and r["year"] == year)


# -- the same answers as the full scans ----------------------------------------------------------

@pytest.mark.parametrize("name", STATISTICS_QUERIES)
def test_statistics_answer_what_the_full_scan_answers(sample_store: Store, name: str) -> None:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    full = (FULL_SCANS / f"{name}-full.rq").read_text(encoding="utf-8")
    variables, rows = answers(sample_store, text)
    assert rows, f"{name} answers nothing on the samples"
    assert (variables, sorted_rows(rows)) == (answers(sample_store, full)[0],
                                              sorted_rows(answers(sample_store, full)[1]))
    if 'VALUES ?lang { "en" }' in text:
        german = [edit(q, ('VALUES ?lang { "en" }', 'VALUES ?lang { "de" }')) for q in (text, full)]
        de_rows = answers(sample_store, german[0])[1]
        assert de_rows and sorted_rows(de_rows) == sorted_rows(answers(sample_store, german[1])[1])


def test_most_active_actors_limit_still_works(sample_store: Store) -> None:
    text = edit((QUERIES / "most-active-actors.rq").read_text(encoding="utf-8"),
                ("LIMIT 20", "LIMIT 3"))
    full = edit((FULL_SCANS / "most-active-actors-full.rq").read_text(encoding="utf-8"),
                ("LIMIT 20", "LIMIT 3"))
    rows = answers(sample_store, text)[1]
    assert len(rows) == 3 and rows == answers(sample_store, full)[1]


def test_every_data_set_has_its_query_and_structure() -> None:
    assert sorted(DATA_SETS) == sorted(p.stem for p in STATISTICS_DIR.glob("*.rq"))
    ontology = (PROJECT_ROOT / "ontology" / "geokg.ttl").read_text(encoding="utf-8")
    for name, structure in DATA_SETS.items():
        assert f"gk:{structure.removeprefix(GK)} a owl:NamedIndividual , qb:DataStructureDefinition" \
            in ontology
        assert f"<#{name}>" in (STATISTICS_DIR / f"{name}.rq").read_text(encoding="utf-8")


# -- when it was computed ------------------------------------------------------------------------

def test_the_graph_says_when_and_over_how_many_quads_it_was_computed(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "data")
    try:
        pipeline = Pipeline.open(Settings(store=f"oxigraph:{tmp_path / 'data'}"), store)
        pipeline.ingest(ArticleInput(**SCHOLZ))
        before = dt.datetime.now(dt.UTC).replace(microsecond=0)
        summary = refresh_statistics(store, pipeline.mint)
        after = dt.datetime.now(dt.UTC)
        found = stamps(store)
        assert sorted(found) == sorted(f"{GRAPH}#{name}"
                                       for name in [*DATA_SETS, HUB_FIGURES, HUB_MONTHS,
                                                        MAP_FIGURES, MAP_CLAIMANTS])
        size = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}").rows()
        for at, quads in found.values():
            assert before <= dt.datetime.fromisoformat(at) <= after
            assert quads == summary.source_quads == store.quad_count() - int(size[0]["n"] or 0)
        assert summary.observations > 0
    finally:
        store.close()


def test_a_new_store_gets_the_graph_and_an_ingest_leaves_it_alone(tmp_path: Path) -> None:
    """Pipeline computes it when missing (cheap on a new store); a single ingest does not
    recompute it (too slow on a big store): it is then stale until refreshed."""
    pipeline = Pipeline.open(Settings(store="memory"))
    assert pipeline.store.has_graph(GRAPH)
    empty = stamps(pipeline.store)
    assert events(pipeline.store, "Call", "2024") == 0
    pipeline.ingest(ArticleInput(**SCHOLZ))
    assert stamps(pipeline.store) == empty and events(pipeline.store, "Call", "2024") == 0
    Pipeline.open(Settings(store="memory"), pipeline.store)  # the graph exists: kept as it is
    assert stamps(pipeline.store) == empty
    refresh_statistics(pipeline.store, pipeline.mint)
    assert events(pipeline.store, "Call", "2024") == 1


# -- the web app refreshes it after writes ---------------------------------------------------------

TOKEN = "statistics-test-token"


@pytest.fixture
def slow_app(tmp_path: Path) -> Iterator[Flask]:
    """An app whose background refresh waits an hour, so a test sees the graph before the
    refresh and then runs it with `wait()`: deterministic, no sleeping."""
    settings = Settings(store=f"oxigraph:{tmp_path / 'data'}", statistics_delay=3600,
                        write_token=TOKEN)
    store = OxigraphStore(settings.data_dir)
    app = create_app(settings, store=store)
    yield app
    app.extensions[STATISTICS_KEY].wait()
    store.close()


def test_a_posted_article_is_counted_after_the_background_refresh(slow_app: Flask) -> None:
    store = slow_app.extensions["geokg.store"]
    assert store.has_graph(GRAPH), "the app computes a missing statistics graph at start"
    refresher: StatisticsRefresher = slow_app.extensions[STATISTICS_KEY]
    first = stamps(store)
    assert events(store, "Call", "2024") == 0
    with serving(slow_app) as url:
        assert requests.post(f"{url}/articles", json=SCHOLZ, timeout=60).status_code == 201
        assert events(store, "Call", "2024") == 0 and stamps(store) == first  # after the delay
        refresher.wait()
        assert events(store, "Call", "2024") == 1
        assert all(quads > first[ds][1] for ds, (_, quads) in stamps(store).items())
        posted = requests.post(f"{url}/articles", json=BIDEN, timeout=60).json()
        refresher.wait()
        assert events(store, "Meeting", "2023") == 1
        deleted = requests.delete(f"{url}/articles/{posted['id']}", timeout=60,
                                  headers={"Authorization": f"Bearer {TOKEN}"})
        assert deleted.status_code == 204
    refresher.wait()
    assert events(store, "Meeting", "2023") == 0 and events(store, "Call", "2024") == 1


def test_reads_and_refused_writes_schedule_no_refresh(slow_app: Flask) -> None:
    refreshes: list[int] = []
    slow_app.extensions[STATISTICS_KEY] = counting = StatisticsRefresher(
        lambda: refreshes.append(1), delay=3600)
    client = slow_app.test_client()
    client.get("/sparql", query_string={"query": "ASK {}"})
    client.post("/sparql", data={"query": "ASK {}"})
    client.post("/reconcile", data={"queries": '{"q0": {"query": "Putin"}}'})
    assert client.post("/articles", json={"text": ""}).status_code == 400
    counting.wait()
    assert refreshes == []
    assert client.post("/articles", json=SCHOLZ).status_code == 201
    counting.wait()
    assert refreshes == [1]
    assert client.post("/articles", json=SCHOLZ).status_code == 200  # stored already
    counting.wait()
    assert refreshes == [1]


def test_a_burst_of_writes_costs_one_refresh() -> None:
    refreshes: list[int] = []
    refresher = StatisticsRefresher(lambda: refreshes.append(1), delay=3600)
    for _ in range(5):
        refresher.schedule()
    refresher.wait()
    assert refreshes == [1]
    refresher.wait()  # nothing asked for: nothing runs
    assert refreshes == [1]


def test_without_delay_the_refresh_follows_the_write() -> None:
    done = threading.Event()
    refresher = StatisticsRefresher(done.set, delay=0)
    refresher.schedule()
    assert done.wait(timeout=30)
    refresher.wait()


def test_a_failing_refresh_is_logged_and_the_next_one_runs(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def refresh() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("store gone")

    refresher = StatisticsRefresher(refresh, delay=3600)
    refresher.schedule()
    with caplog.at_level(logging.ERROR, logger="geokg.pipeline.statistics"):
        refresher.wait()
    assert "refreshing the statistics graph failed" in caplog.text and "store gone" in caplog.text
    refresher.schedule()
    refresher.wait()
    assert len(calls) == 2


def test_the_client_fixture_app_refreshes_too(app: Flask, client: FlaskClient) -> None:
    """The default delay (GEOKG_STATISTICS_DELAY); `wait()` runs the refresh at once."""
    assert client.post("/articles", json=SCHOLZ).status_code == 201
    app.extensions[STATISTICS_KEY].wait()
    assert events(app.extensions["geokg.store"], "Call", "2024") == 1


# -- the CLI ---------------------------------------------------------------------------------------

def test_geokg_statistics_ingest_and_load_refresh_it(tmp_path: Path) -> None:
    runner = CliRunner()
    store = f"oxigraph:{tmp_path / 'data'}"
    article = tmp_path / "scholz.json"
    article.write_text(json.dumps(SCHOLZ), encoding="utf-8")
    ingested = runner.invoke(main, ["--store", store, "ingest", str(article)])
    assert ingested.exit_code == 0, ingested.output
    assert "1 ingested" in ingested.stdout and "statistics: " in ingested.stderr
    refreshed = runner.invoke(main, ["--store", store, "statistics"])
    assert refreshed.exit_code == 0, refreshed.output
    assert "observations over " in refreshed.stderr and GRAPH in refreshed.stderr
    dumped = runner.invoke(main, ["--store", store, "dump", str(tmp_path / "backup.nq")])
    assert dumped.exit_code == 0, dumped.output
    other = tmp_path / "other"
    loaded = runner.invoke(main, ["--store", f"oxigraph:{other}", "load", str(tmp_path / "backup.nq")])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded " in loaded.stderr and "statistics: " in loaded.stderr
    copy = OxigraphStore(other)
    try:
        assert events(copy, "Call", "2024") == 1
    finally:
        copy.close()
