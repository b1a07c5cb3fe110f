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

Besides the data sets of `ontology/statistics/`, a refresh keeps the figures of the pages of
hubs (`hub_figures`: entities in at least GEOKG_HUB_EVENTS events), which a page would
otherwise count over every copy of the hub. They carry the store's revision token as read
before counting (`geokg.pipeline.revision`), and pages use them only while it is the
store's: exact figures, never stale ones. The figures of the map (`map_figures`: events and
claims per place and type, and who claims each place) are kept the same way: the map counts
every event of the archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from geokg.config import Settings
from geokg.errors import PreconditionFailed
from geokg.graph.iris import Minter
from geokg.pipeline import revision
from geokg.resources import STATISTICS_DIR
from geokg.store import Store
from geokg.store.base import sparql_iri
from geokg.vocab import GK, PROV, QB, RDF, SEM, XSD

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


def refresh_statistics(store: Store, mint: Minter,
                       hub_events: int = Settings.hub_events) -> StatisticsSummary:
    """Recompute every data set and replace the statistics graph in one transaction.

    The result is not run through the SHACL shapes: it is computed by our own queries from
    graphs that passed them, and checking thousands of observations would cost more than
    computing them on a small store.
    """
    started = time.perf_counter()
    token = revision.current(store, mint)  # before counting: a write after it changes it
    first = token is None  # no write of this version yet (a bulk load): the refresh stamps one
    token = token or revision.new_token()
    graph = str(mint.statistics_graph)
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0)
    source_quads = store.quad_count() - _graph_size(store, graph)
    parts = []
    for name, structure in DATA_SETS.items():
        parts.append(_data_set_description(URIRef(f"{graph}#{name}"), structure, generated,
                                           source_quads))
        parts.append(_observations(store, graph, name))
    parts.append(hub_figures(store, mint, hub_events, token, generated, source_quads))
    parts.append(map_figures(store, mint, token, generated, source_quads))
    ntriples = "".join(parts)
    _put(store, mint, ntriples, token if first else None)
    observations = ntriples.count(f" <{RDF.type}> <{QB.Observation}> .")
    return StatisticsSummary(graph, observations, source_quads, generated,
                             time.perf_counter() - started)


def _put(store: Store, mint: Minter, ntriples: str, first_token: str | None) -> None:
    """Replace the statistics graph; with `first_token`, also give the store that token,
    unless a write gave it one meanwhile (then the figures keep a token the store does not
    hold, and wait for the next refresh)."""
    graph, tokens = str(mint.statistics_graph), str(mint.revision_graph)
    if first_token is None:
        store.put_graph(graph, ntriples)
        return
    try:
        store.replace_graphs({graph: ntriples, tokens: revision.token_triples(mint, first_token)},
                             expect={tokens: None})
    except PreconditionFailed:
        store.put_graph(graph, ntriples)


def refresh_statistics_of(store: Store, settings: Settings) -> StatisticsSummary:
    """`refresh_statistics` for the store of `settings` (the CLI's commands that open a store
    without a pipeline)."""
    return refresh_statistics(store, Minter(settings.base_iri), settings.hub_events)


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


#: How an entity takes part in an event (as `geokg.web.describe.ROLES`: an entity's page
#: lists the events it takes part in through any of them).
ROLES = (GK.participant, GK.addressee, GK.territory, GK.treaty, SEM.hasPlace)
#: The data sets of the hubs' figures, in the statistics graph.
HUB_FIGURES, HUB_MONTHS = "hub-figures", "hub-events-per-month"


def hub_figures(store: Store, mint: Minter, hub_events: int, token: str,
                generated: dt.datetime, source_quads: int) -> str:
    """N-Triples of the figures of every hub's page, counted as its page would count them:
    distinct events in any role, distinct statements with it as subject and as object (in
    every graph but the statistics graph, whose own statements a page counts live), and its
    dated events by the month of their latest start (the timeline's order). `token`: the
    revision the counts are of."""
    graph = str(mint.statistics_graph)
    figures, months = URIRef(f"{graph}#{HUB_FIGURES}"), URIRef(f"{graph}#{HUB_MONTHS}")
    lines = [_data_set_description(figures, GK.HubFigures, generated, source_quads),
             _data_set_description(months, GK.HubEventsPerMonth, generated, source_quads),
             f"{figures.n3()} {GK.revision.n3()} {Literal(token).n3()} .\n"]
    for hub, events in _hubs(store, mint, hub_events):
        outgoing, incoming = _statement_counts(store, graph, hub)
        node = _observation(figures, hub)
        lines.append(_facts(node, figures, hub, [(GK.eventCount, Literal(events)),
                                                 (GK.outgoingStatementCount, Literal(outgoing)),
                                                 (GK.incomingStatementCount, Literal(incoming))]))
        for month, count in _events_per_month(store, hub):
            lines.append(_facts(_observation(months, hub, month), months, hub,
                                [(GK.month, Literal(month, datatype=XSD.gYearMonth)),
                                 (GK.eventCount, Literal(count))]))
    return "".join(lines)


def _hubs(store: Store, mint: Minter, hub_events: int) -> list[tuple[str, int]]:
    roles = " ".join(r.n3() for r in ROLES)
    rows = store.query(f"""SELECT ?hub (COUNT(DISTINCT ?event) AS ?events) WHERE {{
        VALUES ?role {{ {roles} }} ?event ?role ?hub
        FILTER(isIRI(?hub) && STRSTARTS(STR(?hub), "{mint.base}entity/")) }}
        GROUP BY ?hub HAVING (COUNT(DISTINCT ?event) >= {int(hub_events)})""").rows()
    return sorted((r["hub"] or "", int(r["events"] or 0)) for r in rows)


def _statement_counts(store: Store, statistics: str, hub: str) -> tuple[int, int]:
    x, s = sparql_iri(hub), sparql_iri(statistics)
    row = store.query(f"""SELECT ?outgoing ?incoming WHERE {{
        {{ SELECT (COUNT(*) AS ?outgoing) WHERE {{ SELECT DISTINCT ?p ?n WHERE {{
             GRAPH ?g {{ {x} ?p ?n }} FILTER(?g != {s}) }} }} }}
        {{ SELECT (COUNT(*) AS ?incoming) WHERE {{ SELECT DISTINCT ?m ?q WHERE {{
             GRAPH ?g {{ ?m ?q {x} }} FILTER(?g != {s}) }} }} }} }}""").rows()[0]
    return int(row["outgoing"] or 0), int(row["incoming"] or 0)


def _events_per_month(store: Store, hub: str) -> list[tuple[str, int]]:
    roles = " ".join(r.n3() for r in ROLES)
    rows = store.query(f"""SELECT ?month (COUNT(*) AS ?events) WHERE {{
        {{ SELECT ?event (MAX(?start) AS ?latest) WHERE {{
            {{ SELECT DISTINCT ?event WHERE {{ VALUES ?role {{ {roles} }} ?event ?role {sparql_iri(hub)} }} }}
            ?event <{SEM.hasEarliestBeginTimeStamp}> ?start }} GROUP BY ?event }}
        BIND(SUBSTR(STR(?latest), 1, 7) AS ?month) }} GROUP BY ?month""").rows()
    # A start that is no date counts in no month: a page that reaches it counts live.
    return [(r["month"] or "", int(r["events"] or 0)) for r in rows
            if re.fullmatch(r"\d{4}-\d{2}", r["month"] or "")]


#: The data sets of the map's figures, in the statistics graph.
MAP_FIGURES, MAP_CLAIMANTS = "map-figures", "map-claimants"
#: The types of events the map counts (`geokg.web.pictures` draws them).
EVENT_TYPES = ("Call", "Meeting", "Demand", "TerritorialClaim", "Agreement", "Support")


def map_counts(store: Store) -> list[dict[str, str | None]]:
    """Rows (?place ?type ?how ?n): distinct events of each type that happened at a place
    (`sem:hasPlace`, ?how "event") or claim it (`gk:territory`, ?how "claim").

    Every event and claim counts, so each side is DISTINCT on its own and joined by hash:
    joined as they stand, the copies of every event in every article graph reporting it
    multiplied (at 100k articles the map ran past GEOKG_QUERY_TIMEOUT)."""
    types = " ".join(f"<{GK}{t}>" for t in EVENT_TYPES)
    return store.query(f"""SELECT ?place ?type ?how (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?ev ?place ?how WHERE {{
      {{ ?ev <{SEM.hasPlace}> ?place BIND("event" AS ?how) }}
      UNION {{ ?ev <{GK.territory}> ?place BIND("claim" AS ?how) }} }} }}
  {{ SELECT DISTINCT ?ev ?type WHERE {{ VALUES ?type {{ {types} }} ?ev a ?type }} }}
  FILTER(isIRI(?place))
}} GROUP BY ?place ?type ?how""").rows()


def map_claimants(store: Store) -> list[dict[str, str | None]]:
    """Rows (?place ?claimant ?n): who takes part in claims on each place, in how many."""
    return store.query(f"""SELECT ?place ?claimant (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?ev ?place WHERE {{ ?ev <{GK.territory}> ?place }} }}
  ?ev <{GK.participant}> ?claimant FILTER(isIRI(?place) && isIRI(?claimant))
}} GROUP BY ?place ?claimant""").rows()  # gk:territory is a claim's (its domain): no type


def map_figures(store: Store, mint: Minter, token: str, generated: dt.datetime,
                source_quads: int) -> str:
    """N-Triples of the map's figures, counted as the map would count them (`map_counts`,
    `map_claimants`): one observation per place and event type with its events there and
    its claims on it, and one per claimed place and claimant. `token`: the revision the
    counts are of; the map reads them only while it is the store's."""
    graph = str(mint.statistics_graph)
    figures, claimants = URIRef(f"{graph}#{MAP_FIGURES}"), URIRef(f"{graph}#{MAP_CLAIMANTS}")
    lines = [_data_set_description(figures, GK.MapFigures, generated, source_quads),
             _data_set_description(claimants, GK.MapClaimants, generated, source_quads),
             f"{figures.n3()} {GK.revision.n3()} {Literal(token).n3()} .\n",
             f"{claimants.n3()} {GK.revision.n3()} {Literal(token).n3()} .\n"]
    cells: dict[tuple[str, str], dict[str, int]] = {}
    for row in map_counts(store):
        if row["place"] and row["type"] and row["how"] in ("event", "claim"):
            cells.setdefault((row["place"], row["type"]), {})[row["how"] or ""] = int(row["n"] or 0)
    for (place, kind), counts in sorted(cells.items()):
        measures = [(GK.eventCount, Literal(counts["event"])) if "event" in counts else None,
                    (GK.claimCount, Literal(counts["claim"])) if "claim" in counts else None]
        lines.append(_cells(_observation(figures, place, kind), figures,
                            [(GK.place, URIRef(place)), (GK.eventType, URIRef(kind)),
                             *(m for m in measures if m)]))
    for row in map_claimants(store):
        if row["place"] and row["claimant"]:
            lines.append(_cells(_observation(claimants, row["place"], row["claimant"]), claimants,
                                [(GK.claimedTerritory, URIRef(row["place"])),
                                 (GK.actor, URIRef(row["claimant"])),
                                 (GK.claimCount, Literal(int(row["n"] or 0)))]))
    return "".join(lines)


def _cells(node: URIRef, data_set: URIRef, facts: list[tuple[URIRef, URIRef | Literal]]) -> str:
    every = [(RDF.type, QB.Observation), (QB.dataSet, data_set), *facts]
    return "".join(f"{node.n3()} {p.n3()} {o.n3()} .\n" for p, o in every)


def _observation(data_set: URIRef, *dimensions: str) -> URIRef:
    key = hashlib.sha256(" ".join(dimensions).encode()).hexdigest()[:16]
    return URIRef(f"{data_set}/{key}")


def _facts(node: URIRef, data_set: URIRef, hub: str, measures: list[tuple[URIRef, Literal]]
           ) -> str:
    facts = [(RDF.type, QB.Observation), (QB.dataSet, data_set), (GK.actor, URIRef(hub)),
             *measures]
    return "".join(f"{node.n3()} {p.n3()} {o.n3()} .\n" for p, o in facts)


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
