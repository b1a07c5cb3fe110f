"""The statistics graph: counts over every event report, precomputed as W3C RDF Data Cube
observations in the named graph `{base}graph/statistics`.

Why: a few competency questions (events per type and year, the most active actors, claims on
foreign territory) aggregate over every event report; at 10M triples that takes 0.27–1.8 s
per query, and no rewriting makes a full scan fast. The same answers read from a few thousand
precomputed observations take milliseconds. Each data set is one SPARQL CONSTRUCT in
`ontology/statistics/`, run in the store's own engine (never evaluated in Python); the
observations, plus a description of each data set saying when it was computed and over how
many quads, replace the graph in one transaction, so readers see the old counts or the new
ones, never a mix.

Who keeps it fresh (the staleness contract, also in the README and in the ontology's
gk:StatisticsDataSet): `geokg ingest` and `geokg load` at the end of their run, `geokg
statistics` by hand, the web app in the background after the writes it accepts
(`StatisticsRefresher`), and `Pipeline.prepare` when the store has no statistics graph yet.
`Pipeline.ingest` does not: a refresh reads every event report (about 5.5 s at 10M triples),
far too slow to pay per article.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from geokg.graph.iris import Minter
from geokg.resources import STATISTICS_DIR
from geokg.store import Store
from geokg.vocab import GK, PROV, QB, RDF

log = logging.getLogger(__name__)

#: Data set name -> its structure in the ontology: `ontology/statistics/{name}.rq` computes
#: the observations of the data set `{statistics graph}#{name}`.
DATA_SETS: dict[str, URIRef] = {
    "events-per-type-per-year": GK.EventsPerTypePerYear,
    "events-per-actor": GK.EventsPerActor,
    "claims-on-foreign-territory": GK.ClaimsOnForeignTerritory,
    "articles-per-month": GK.ArticlesPerMonth,
}


@dataclass(frozen=True)
class StatisticsSummary:
    """What one refresh wrote."""

    graph: str
    observations: int
    source_quads: int  # quads outside the statistics graph when it was computed
    generated_at: dt.datetime
    seconds: float


def refresh_statistics(store: Store, mint: Minter) -> StatisticsSummary:
    """Recompute every data set and replace the statistics graph in one transaction.

    The result is not run through the SHACL shapes: it is computed by our own queries from
    graphs that passed them, and checking thousands of observations would cost more than
    computing them on a small store.
    """
    started = time.perf_counter()
    graph = str(mint.statistics_graph)
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0)
    source_quads = store.quad_count() - _graph_size(store, graph)
    parts = []
    for name, structure in DATA_SETS.items():
        parts.append(_data_set_description(URIRef(f"{graph}#{name}"), structure, generated,
                                           source_quads))
        parts.append(_observations(store, graph, name))
    ntriples = "".join(parts)
    store.put_graph(graph, ntriples)
    observations = ntriples.count(f" <{RDF.type}> <{QB.Observation}> .")
    return StatisticsSummary(graph, observations, source_quads, generated,
                             time.perf_counter() - started)


def refresh_statistics_of(store: Store, base_iri: str) -> StatisticsSummary:
    """`refresh_statistics` for a store whose IRIs are minted under `base_iri` (the CLI's
    commands that open a store without a pipeline)."""
    return refresh_statistics(store, Minter(base_iri))


def _observations(store: Store, graph: str, name: str) -> str:
    """N-Triples of one data set's observations, from its CONSTRUCT run in the store.

    The file's relative IRIs resolve against the statistics graph (`<#name>` is the data
    set), so the same file serves every GEOKG_BASE_IRI.
    """
    text = (STATISTICS_DIR / f"{name}.rq").read_text(encoding="utf-8")
    out = io.BytesIO()
    store.query(f"BASE <{graph}>\n{text}").write(out, "application/n-triples")  # evaluated once
    return out.getvalue().decode("utf-8")


def _data_set_description(data_set: URIRef, structure: URIRef, generated: dt.datetime,
                          source_quads: int) -> str:
    """The data set's type, structure, and when and over how many quads it was computed."""
    facts = [(RDF.type, QB.DataSet), (RDF.type, GK.StatisticsDataSet), (QB.structure, structure),
             (PROV.generatedAtTime, Literal(generated)), (GK.sourceQuadCount, Literal(source_quads))]
    return "".join(f"{data_set.n3()} {p.n3()} {o.n3()} .\n" for p, o in facts)


def _graph_size(store: Store, graph: str) -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows()
    return int(rows[0]["n"] or 0)


#: Every refresher of this process, so that tests can wait for all of them.
_refreshers: weakref.WeakSet[StatisticsRefresher] = weakref.WeakSet()


class StatisticsRefresher:
    """Runs a refresh in a background thread `delay` seconds after the first write it is told
    of (`schedule`); the writes that arrive meanwhile are counted by that same refresh.

    Why a thread and a delay: a refresh reads every event report, so a write request must
    not wait for it, and a burst of ingests must cost one refresh, not one each. One refresh
    runs at a time; writes that arrive during one schedule the next. A failing refresh is
    logged and the old counts stay; it never reaches a request.
    """

    def __init__(self, refresh: Callable[[], object], delay: float):
        self._refresh = refresh
        self._delay = delay
        self._lock = threading.Lock()  # guards _pending and _timer
        self._running = threading.Lock()  # one refresh at a time
        self._pending = False
        self._timer: threading.Timer | None = None
        _refreshers.add(self)

    def schedule(self) -> None:
        """Ask for a refresh: one starts `delay` seconds from now, or the one already asked
        for (and not yet started) will count this write too."""
        with self._lock:
            self._pending = True
            if self._timer is None:
                self._timer = threading.Timer(self._delay, self._run)
                self._timer.daemon = True  # a pending refresh must not hold up shutdown
                self._timer.start()

    def wait(self) -> None:
        """Run a refresh asked for now instead of after the delay; return when none is pending
        or running. Tests call it to see the refreshed graph deterministically."""
        with self._lock:
            timer = self._timer
        if timer is not None:
            timer.cancel()
            timer.join()  # returns at once if cancelled, after its refresh if it had started
        self._run()

    def _run(self) -> None:
        with self._running:
            with self._lock:
                self._timer = None
                if not self._pending:
                    return
                self._pending = False
            try:
                self._refresh()
            except Exception:  # logged, never raised: the old counts stay until the next write
                log.exception("refreshing the statistics graph failed")


def wait_for_refreshes() -> None:
    """`StatisticsRefresher.wait` for every refresher in this process (tests: what one test
    scheduled must not land in the next one)."""
    for refresher in list(_refreshers):
        refresher.wait()
