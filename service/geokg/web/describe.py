"""What the linked-data pages say about a resource, asked of the store in SPARQL.

Every function here pushes its work into the store's engine (CONSTRUCT, SELECT with
aggregates) and only shapes the small answers in Python; nothing walks the store triple by
triple. No Flask here: `linked_data.py` negotiates and renders, this module knows the graph.

IRIs spliced into queries are either minted from the configured base plus a percent-encoded
path (see `linked_data.iri_for`) or come out of the store itself, so they cannot close the
`<…>` they are written in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.namespace import Namespace

from geokg.pipeline.statistics import HUB_FIGURES, HUB_MONTHS
from geokg.store import Store
from geokg.store.base import sparql_iri
from geokg.vocab import DCTERMS, GK, NIF, OWL, PREFIXES, PROV, RDF, RDFS, SEM, SKOS, WD, XSD
from geokg.web.paging import months_of_page

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")

#: Evidence sentences an event shows in a list (an entity's timeline, an article's events);
#: the event's own page lists every one of them, page by page.
EVIDENCE_IN_LISTS = 3
#: Properties that say what a linked node is called or is, copied into a description so a
#: client (and the HTML page) can name the neighbours without a request per link.
NAMING_PROPERTIES = (RDF.type, RDFS.label, SKOS.prefLabel, DCTERMS.title, NIF.anchorOf,
                     SEM.hasTimeStamp)
#: A graph no store holds: reading a node's statements in it finds nothing, at once.
NO_GRAPH = "urn:geokg:no-graph"
#: What the head of a resource's HTML page shows, whichever page of its statements it lists.
HEADER_PROPERTIES = (RDF.type, RDFS.label, SKOS.prefLabel, DCTERMS.title, OWL.sameAs)
#: How an entity takes part in an event, in the order a timeline lists the sides.
ROLES = (GK.participant, GK.addressee, GK.territory, GK.treaty, SEM.hasPlace)

_PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


def _values(iris: Iterable[str]) -> str:
    return " ".join(sparql_iri(i) for i in iris)


def _iri_list(iris: Iterable[object]) -> str:
    return ", ".join(f"<{i}>" for i in iris)


# --- resource descriptions ------------------------------------------------------------
# Why the queries below look as they do: the default graph is the union of the article
# graphs, and every article graph repeats the descriptions of the entities it mentions and
# of the events it reports. A hub such as a head of state is described once per article
# naming him (tens of thousands of copies), an event once per article reporting it. A
# pattern matched in the union returns one row per copy, so joining several patterns on the
# same node multiplies the copies (k^5 rows for an event reported k times, in the timeline
# query before issue 14), and naming a hub as a neighbour read all its copies. So: every
# list is DISTINCT first and joined after; names come from one graph (the gazetteer, for what
# it describes); lists are cut into pages in the engine (OFFSET/LIMIT), and only dates are
# sorted (Oxigraph compares dates inline but fetches the text of every IRI it compares: 18k
# IRIs take 1.5 s to sort at 10M triples, so statements are paged in the store's own order).


@dataclass(frozen=True)
class DescriptionSize:
    """Distinct statements with the resource as subject (outgoing) and as object (incoming)."""

    outgoing: int
    incoming: int

    @property
    def total(self) -> int:
        return self.outgoing + self.incoming


def description_size(store: Store, iri: str, graphs: list[str] | None = None) -> DescriptionSize:
    x = sparql_iri(iri)
    row = store.query(f"""SELECT ?outgoing ?incoming WHERE {{
        {{ SELECT (COUNT(*) AS ?outgoing) WHERE {{ SELECT DISTINCT ?p ?n WHERE {{ {x} ?p ?n }} }} }}
        {{ SELECT (COUNT(*) AS ?incoming) WHERE {{ SELECT DISTINCT ?m ?q WHERE {{ ?m ?q {x} }} }} }}
        }}""", default_graphs=graphs).rows()[0]
    return DescriptionSize(int(row["outgoing"] or 0), int(row["incoming"] or 0))


@dataclass(frozen=True)
class HubFigures:
    """What a hub's page counts, as the statistics graph keeps it (`hub_figures`)."""

    events: int
    size: DescriptionSize
    months: list[tuple[str, int]]  # ("2025-06", its dated events), newest first


def hub_figures(store: Store, iri: str, statistics: str, revision: str) -> HubFigures | None:
    """The figures of the entity's page, when the statistics graph keeps them (a hub) and
    they are of the store as it is now: the token they were counted at is the store's
    (`geokg.pipeline.revision`). None otherwise: the page counts live.

    The statements in the statistics graph itself (its observations of the entity) are
    counted here, live: the refresh that wrote them could not count them."""
    x, s, r = sparql_iri(iri), sparql_iri(statistics), sparql_iri(revision)
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?events ?outgoing ?incoming ?ownOut ?ownIn WHERE {{
          GRAPH {s} {{ <{statistics}#{HUB_FIGURES}> gk:revision ?token .
            ?o qb:dataSet <{statistics}#{HUB_FIGURES}> ; gk:actor {x} ; gk:eventCount ?events ;
               gk:outgoingStatementCount ?outgoing ; gk:incomingStatementCount ?incoming }}
          GRAPH {r} {{ {r} gk:revision ?token }}
          {{ SELECT (COUNT(*) AS ?ownOut) WHERE {{ SELECT DISTINCT ?p ?n WHERE {{
               GRAPH {s} {{ {x} ?p ?n }} }} }} }}
          {{ SELECT (COUNT(*) AS ?ownIn) WHERE {{ SELECT DISTINCT ?m ?q WHERE {{
               GRAPH {s} {{ ?m ?q {x} }} }} }} }}
        }}""").rows()
    if len(rows) != 1:
        return None
    row = {k: int(v or 0) for k, v in rows[0].items()}
    months = store.query(f"""{_PREFIX_LINES} SELECT ?month ?events WHERE {{ GRAPH {s} {{
        ?o qb:dataSet <{statistics}#{HUB_MONTHS}> ; gk:actor {x} ; gk:month ?month ;
           gk:eventCount ?events }} }}""").rows()
    return HubFigures(row["events"], DescriptionSize(row["outgoing"] + row["ownOut"],
                                                     row["incoming"] + row["ownIn"]),
                      sorted(((m["month"] or "", int(m["events"] or 0)) for m in months
                              if re.fullmatch(r"\d{4}-\d{2}", m["month"] or "")), reverse=True))


def description_query(iri: str, size: DescriptionSize, offset: int, limit: int,
                      names_graph: str | None) -> str:
    """A CONSTRUCT for one page of a Concise-Bounded-Description-like view of a resource.

    The resource's distinct statements, outgoing then incoming, are one list; the page holds
    `limit` of them from `offset` on (in the store's own order, stable while the store does
    not change), the names and types of the nodes on their other side, and the full
    descriptions of the nodes that belong to this one: blank nodes and IRIs below it
    (`…/geometry`, `…#char=1,9`). Names are read in `names_graph` for what it describes (the
    gazetteer: one copy instead of one per article), elsewhere in every graph; without
    `names_graph` (a query on chosen default graphs) in the default graph. Each branch is
    DISTINCT before CONSTRUCT writes it, so the copies of a neighbour's names (one per
    article graph reporting an event) are not written, and parsed, once each.
    """
    x = sparql_iri(iri)
    take_out = max(0, min(limit, size.outgoing - offset))
    skip_in = max(0, offset - size.outgoing)
    take_in = max(0, min(limit - take_out, size.incoming - skip_in))
    branches = []
    if take_out:
        branches.append(f"""{{ SELECT DISTINCT ?p ?n ?np ?no ?npp ?npo WHERE {{
             {{ SELECT DISTINCT ?p ?n WHERE {{ {x} ?p ?n }} OFFSET {offset} LIMIT {take_out} }}
             {_names_of("n", iri, names_graph)} }} }}""")
    if take_in:
        branches.append(f"""{{ SELECT DISTINCT ?m ?q ?mp ?mo ?mpp ?mpo WHERE {{
             {{ SELECT DISTINCT ?m ?q WHERE {{ ?m ?q {x} }} OFFSET {skip_in} LIMIT {take_in} }}
             {_names_of("m", iri, names_graph)} }} }}""")
    where = "\n  UNION\n  ".join(branches) or "FILTER(false)"
    return f"""CONSTRUCT {{ {x} ?p ?n . ?m ?q {x} . ?n ?np ?no . ?m ?mp ?mo .
            ?n ?npp ?npo . ?m ?mpp ?mpo . }}
WHERE {{
  {where}
}}"""


def _names_of(var: str, iri: str, names_graph: str | None) -> str:
    """Patterns adding the names and types (?{var}p ?{var}o) of the node in `?{var}`, bound by
    the pattern before it, and every statement (?{var}pp ?{var}po) of the resource's own
    parts: blank nodes and IRIs below it.

    Each reads only what it needs: names by their properties (an event every outlet reports
    has thousands of copies of all its other statements), parts through a graph variable
    bound to a graph that does not exist for every node that is no part (a FILTER after the
    pattern would read all the node's statements first: 0.32 s instead of 0.05 s for an
    article reporting such an event at 100k articles)."""
    node = f"?{var}"
    props = " ".join(f"<{p}>" for p in NAMING_PROPERTIES)
    own = (f'isBlank({node}) || STRSTARTS(STR({node}), "{iri}/") || '
           f'STRSTARTS(STR({node}), "{iri}#")')
    # ?anyGraph is never bound: IF(…, ?anyGraph, …) leaves the graph variable unbound, so
    # GRAPH reads every graph for that node.
    parts = f"""BIND(IF({own}, ?anyGraph, <{NO_GRAPH}>) AS ?{var}Parts)
           OPTIONAL {{ GRAPH ?{var}Parts {{ {node} ?{var}pp ?{var}po }} }}"""
    if names_graph is None:
        return f"""OPTIONAL {{ VALUES ?{var}p {{ {props} }} {node} ?{var}p ?{var}o }}
           OPTIONAL {{ FILTER({own}) {node} ?{var}pp ?{var}po }}"""
    g = sparql_iri(names_graph)
    return f"""BIND(IF(isIRI({node}) && EXISTS {{ GRAPH {g} {{ {node} ?{var}Any ?{var}Thing }} }},
                   {g}, ?anyGraph) AS ?{var}Names)
           OPTIONAL {{ VALUES ?{var}p {{ {props} }} GRAPH ?{var}Names {{ {node} ?{var}p ?{var}o }} }}
           {parts}"""


def describe(store: Store, iri: str, size: DescriptionSize, offset: int, limit: int, *,
             names_graph: str | None = None, graphs: list[str] | None = None) -> bytes:
    """One page of the description of `iri` as N-Triples (see `description_query`).

    `graphs` limits it to those graphs (an ontology term is described by the ontology, not
    by the thousands of events typed with it); names are then read there too.
    """
    query = description_query(iri, size, offset, limit, None if graphs else names_graph)
    result = store.query(query, default_graphs=graphs)
    return b"".join(result.serialize("application/n-triples"))


def header(store: Store, iri: str, names_graph: str) -> bytes:
    """Labels, types and Wikidata links of a resource (N-Triples), for the head of its HTML
    page whichever page of statements it shows; from `names_graph` alone when that
    describes it (a hub's copies in every article graph would be read otherwise)."""
    x, g = sparql_iri(iri), sparql_iri(names_graph)
    properties = f"VALUES ?p {{ {' '.join(f'<{p}>' for p in HEADER_PROPERTIES)} }}"
    known = store.query(f"ASK {{ GRAPH {g} {{ {x} ?p ?o }} }}").boolean
    pattern = f"GRAPH {g} {{ {x} ?p ?o }}" if known else f"{x} ?p ?o"
    result = store.query(f"CONSTRUCT {{ {x} ?p ?o }} WHERE {{ {properties} {pattern} }}")
    return b"".join(result.serialize("application/n-triples"))


def graph_summary(store: Store, graph_iri: str) -> tuple[int, list[tuple[str, int]]]:
    """Triples in a named graph and its subjects per class (for the graph's HTML page)."""
    g = sparql_iri(graph_iri)
    total = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}").rows()
    classes = store.query(f"""SELECT ?class (COUNT(DISTINCT ?s) AS ?n)
        WHERE {{ GRAPH {g} {{ ?s a ?class }} }} GROUP BY ?class ORDER BY DESC(?n) ?class""").rows()
    return (int(total[0]["n"] or 0),
            [(r["class"] or "", int(r["n"] or 0)) for r in classes])


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("sd", SD)
    graph.bind("void", VOID)
    graph.bind("formats", FORMATS)
    return graph


def parse_ntriples(data: bytes) -> Graph:
    graph = new_graph()
    graph.parse(data=data, format="nt")
    return graph


def article_graph_part(store: Store, article: str) -> bytes:
    """The article's own statements and its sentences' (text, metadata, offsets), read in its
    graph alone: what its page shows however many statements point to it."""
    a = sparql_iri(article)
    result = store.query(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {a} {{ ?s ?p ?o
        FILTER(?s = {a} || STRSTARTS(STR(?s), "{article}#")) }} }}""")
    return b"".join(result.serialize("application/n-triples"))


# --- events: timelines, event pages, an article's events ------------------------------

@dataclass
class Evidence:
    sentence: str
    text: str
    article: str
    title: str | None
    issued: str | None
    trigger: str | None
    confidence: str | None


@dataclass
class Side:
    iri: str
    label_en: str | None
    label_de: str | None

    def label(self, lang: str) -> str | None:
        first, second = (self.label_de, self.label_en) if lang == "de" else (
            self.label_en, self.label_de)
        return first or second


@dataclass
class EventSummary:
    iri: str
    type: str
    stamp: str | None
    start: str | None
    precision: str | None
    sides: dict[str, list[Side]] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    reports: int = 0  # evidence sentences in all (a list shows a few of them)


def _role_selector(entity: str) -> str:
    roles = " ".join(f"<{r}>" for r in ROLES)
    return f"VALUES ?role {{ {roles} }} ?event ?role {sparql_iri(entity)} ."


def count_events_involving(store: Store, entity: str) -> int:
    """How many events the entity takes part in, in any role.

    The role properties are event properties (their domains are gk:Event or sem:Event), so
    no type is looked up: that would read every copy of every event's type.
    """
    rows = store.query(f"""SELECT (COUNT(DISTINCT ?event) AS ?n)
        WHERE {{ {_role_selector(entity)} }}""").rows()
    return int(rows[0]["n"] or 0)


#: Up to this many events, a timeline looks up each event's date (5,000 lookups take about
#: 50 ms); a hub's dates are joined by hash instead (see `events_involving`).
LOOKUP_LIMIT = 5000
#: Pages of a hub's timeline within its this many most recent events look in the newest year
#: first; deeper pages would only pay for that look (0.14 s) before reading every year.
NEWEST_YEAR_REACH = 1000


def events_involving(store: Store, entity: str, names: str, offset: int, limit: int, *,
                     total: int, statistics: str, figures: HubFigures | None = None
                     ) -> list[EventSummary]:
    """A page of the `total` events an entity takes part in (any role): the most recent
    first, from `offset` on, then shown oldest first. `names` is the graph whose labels name
    the sides (the gazetteer); see `labels_of`. Undated events come after every dated one.

    Only dates are sorted: events of the same day keep the store's order, which is stable
    while the store does not change (sorting by IRI too would fetch the text of every IRI
    compared: 0.4 s more for a hub). A hub's dates are joined by hash (each side a
    sub-SELECT: Oxigraph scans the dates once instead of looking up every copy of every
    event's date: 0.32 s instead of 0.81 s for 35,678 events at 100k articles), and first
    only those of the newest year the statistics graph knows (0.13 s): when that year holds
    the whole page, no older event can belong on it; otherwise every date is joined.
    """
    if figures is not None:
        found = _hub_timeline(store, entity, figures, offset, limit, names)
        if found is not None:
            return found
    events = f"{{ SELECT DISTINCT ?event WHERE {{ {_role_selector(entity)} }} }}"
    if total <= LOOKUP_LIMIT:
        return _timeline(store, f"{events} OPTIONAL {{ ?event sem:hasEarliestBeginTimeStamp ?start }}",
                         offset, limit, names)
    newest = _newest_year(store, statistics) if offset + limit <= NEWEST_YEAR_REACH else None
    if newest is not None:
        found = _timeline(store, f"""{events} {{ SELECT ?event ?start WHERE {{
            ?event sem:hasEarliestBeginTimeStamp ?start
            FILTER(?start >= "{newest:04d}-01-01"^^xsd:date) }} }}""", offset, limit, names)
        if len(found) == limit:
            return found
    return _timeline(store, f"""{events} OPTIONAL {{ SELECT ?event ?start WHERE {{
        ?event sem:hasEarliestBeginTimeStamp ?start }} }}""", offset, limit, names)


def _timeline(store: Store, pattern: str, offset: int, limit: int, names: str
              ) -> list[EventSummary]:
    """Events (?event, with its ?start) matched by `pattern`, latest first, one page."""
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?event WHERE {{ {{ SELECT DISTINCT ?event ?start WHERE {{ {pattern} }} }} }}
        ORDER BY DESC(?start) OFFSET {offset} LIMIT {limit}""").rows()
    return _summaries(store, list(dict.fromkeys(r["event"] or "" for r in rows)), names)


def _hub_timeline(store: Store, entity: str, figures: HubFigures, offset: int, limit: int,
                  names: str) -> list[EventSummary] | None:
    """A page of a hub's timeline read in the months it falls in, as the hub's figures count
    them; None when the page cannot be read so (it reaches the undated events, or the
    months do not hold what the figures say: then `events_involving` reads every event).

    The months' events are found through the period index (gk:inPeriod: every event dated
    to a day or a month of that month) and, in a January, the events dated to that year
    alone (sem:hasTimeStamp, their start is the 1st of January), each then checked for the
    hub: the cost follows the month's events, not the hub's. Events of the same day are in
    the order of their IRIs."""
    chosen, skip, covered = months_of_page(figures.months, offset, limit)
    dated = sum(count for _, count in figures.months)
    if not chosen or (covered < skip + limit and dated < figures.events):
        return None
    periods = " ".join(f'"{m}"^^xsd:gYearMonth' for m in chosen)
    years = " ".join(f'"{m[:4]}"^^xsd:gYear' for m in chosen if m.endswith("-01"))
    roles = ", ".join(f"<{r}>" for r in ROLES)
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?event (MAX(?start) AS ?latest) WHERE {{
          {{ SELECT DISTINCT ?event WHERE {{
              {{ VALUES ?period {{ {periods} }} ?event gk:inPeriod ?period }}
              UNION {{ VALUES ?stamp {{ {years} }} ?event sem:hasTimeStamp ?stamp }} }} }}
          FILTER EXISTS {{ ?event ?role {sparql_iri(entity)} FILTER(?role IN ({roles})) }}
          ?event sem:hasEarliestBeginTimeStamp ?start }} GROUP BY ?event""").rows()
    found = sorted((r["event"] or "", r["latest"] or "") for r in rows
                   if (r["latest"] or "")[:7] in chosen)
    if len(found) != covered:  # an event the period index misses, or a changed date
        return None
    found.sort(key=lambda pair: pair[1], reverse=True)  # stable: same day, IRI order
    page = [event for event, _ in found[skip:skip + limit]]
    return _summaries(store, page, names)


def _newest_year(store: Store, statistics: str) -> int | None:
    """The latest year with events, as of the statistics graph's last refresh (a hint only:
    `events_involving` checks that the year holds its page)."""
    rows = store.query(f"""SELECT (MAX(?year) AS ?newest) WHERE {{
        GRAPH {sparql_iri(statistics)} {{ ?observation <{GK.year}> ?year }} }}""").rows()
    value = rows[0]["newest"] if rows else None
    return int(value) if value and value.isdigit() else None


def count_events_of_article(store: Store, article: str) -> int:
    rows = store.query(f"""SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {{
        ?event <{PROV.wasDerivedFrom}> {sparql_iri(article)} }}""").rows()
    return int(rows[0]["n"] or 0)


def events_of_article(store: Store, article: str, names: str, offset: int, limit: int
                      ) -> list[EventSummary]:
    """A page of the events read from one article, oldest first; each with the evidence
    sentences of this article."""
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?event WHERE {{
          {{ SELECT ?event (MIN(?b) AS ?start) WHERE {{
              {{ SELECT DISTINCT ?event WHERE {{ ?event prov:wasDerivedFrom {sparql_iri(article)} }} }}
              OPTIONAL {{ ?event sem:hasEarliestBeginTimeStamp ?b }} }} GROUP BY ?event }}
        }} ORDER BY ?start ?event OFFSET {offset} LIMIT {limit}""").rows()
    return _summaries(store, [r["event"] or "" for r in rows], names, article)


def event_summary(store: Store, event: str, names: str) -> EventSummary | None:
    """One event with its sides and how many reports it has (its evidence: `evidence_page`)."""
    found = _summaries(store, [event], names, samples=0)
    return found[0] if found else None


def _summaries(store: Store, iris: list[str], names: str, article: str | None = None,
               samples: int = EVIDENCE_IN_LISTS) -> list[EventSummary]:
    """The events `iris` (those the store knows) with type, dates, sides, their number of
    reports and `samples` evidence sentences each (of `article` only, when given).

    Several small queries, each DISTINCT on one event's copies, not one join: a join of
    sides × sentences × dates would multiply the copies of every fact."""
    if not iris:
        return []
    events = _event_facts(store, iris)
    if events:
        _add_sides(store, events, names)
        _add_report_counts(store, events)
        if samples:
            _add_evidence(store, events, _evidence_samples(store, list(events), samples, article))
    # Oldest first; undated events (no start) last.
    return sorted(events.values(), key=lambda e: (e.start is None, e.start or "", e.iri))


def _event_facts(store: Store, iris: list[str]) -> dict[str, EventSummary]:
    facts = (RDF.type, SEM.hasTimeStamp, SEM.hasEarliestBeginTimeStamp, GK.datePrecision)
    rows = store.query(f"""SELECT DISTINCT ?event ?p ?o WHERE {{
        VALUES ?event {{ {_values(iris)} }} ?event ?p ?o FILTER(?p IN ({_iri_list(facts)})) }}
        """).rows()
    kinds = event_types(store)
    found: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        found.setdefault(row["event"] or "", {}).setdefault(row["p"] or "", []).append(row["o"] or "")
    events = {}
    for iri in iris:
        if iri not in found:
            continue
        values = found[iri]
        types = sorted(t for t in values.get(str(RDF.type), []) if t in kinds)
        starts = values.get(str(SEM.hasEarliestBeginTimeStamp), [])
        events[iri] = EventSummary(iri, types[0] if types else "",
                                   min(values.get(str(SEM.hasTimeStamp), []), default=None),
                                   min(starts, default=None),
                                   min(values.get(str(GK.datePrecision), []), default=None))
    return events


def event_types(store: Store) -> set[str]:
    """The classes of events (every subclass of gk:Event), as the ontology graph says."""
    rows = store.query(f"""SELECT DISTINCT ?t WHERE {{
        ?t <{RDFS.subClassOf}>+ <{GK.Event}> }}""").rows()
    return {r["t"] or "" for r in rows}


def _add_sides(store: Store, events: dict[str, EventSummary], label_graph: str) -> None:
    # FILTER IN, not VALUES ?role: with two VALUES blocks Oxigraph scans every triple
    # (2.1 s instead of 0.014 s for 200 events at 1M triples). No ORDER BY: it sorts every
    # copy of every side before DISTINCT (0.25 s for 23 events reported 40 times each).
    roles = ", ".join(f"<{r}>" for r in (*ROLES, GK.topic))
    rows = store.query(f"""SELECT DISTINCT ?event ?role ?node WHERE {{
          VALUES ?event {{ {_values(events)} }} ?event ?role ?node FILTER(?role IN ({roles}))
        }}""").rows()
    sides = {r["node"] or "" for r in rows if r["role"] != str(GK.topic)}
    names = labels_of(store, sides, label_graph)
    for row in rows:
        event, node = events[row["event"] or ""], row["node"] or ""
        if row["role"] == str(GK.topic):
            event.topics.append(node)
        else:
            label = names.get(node, {})
            event.sides.setdefault(row["role"] or "", []).append(
                Side(node, label.get("en"), label.get("de")))
    for event in events.values():
        event.topics.sort()
        for listed in event.sides.values():
            listed.sort(key=lambda s: ((s.label("en") or s.iri).casefold(), s.iri))


def labels_of(store: Store, iris: Iterable[str], graph: str) -> dict[str, dict[str, str]]:
    """rdfs:label per language of each IRI as stated in `graph`, in one query.

    One graph, because an entity's labels are copied into every article graph that
    mentions it: read from the union, the copies multiply the rows (0.29 s instead of
    0.05 s for 200 entities at 1M triples).
    """
    wanted = sorted(i for i in iris if i)
    if not wanted:
        return {}
    rows = store.query(f"""SELECT DISTINCT ?node ?label (LANG(?label) AS ?lang) WHERE {{
        GRAPH {sparql_iri(graph)} {{ ?node <{RDFS.label}> ?label }}
        FILTER(?node IN ({", ".join(sparql_iri(i) for i in wanted)})) }}""").rows()
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        found.setdefault(row["node"] or "", {}).setdefault(row["lang"] or "", row["label"] or "")
    return found


def _add_report_counts(store: Store, events: dict[str, EventSummary]) -> None:
    rows = store.query(f"""SELECT ?event (COUNT(DISTINCT ?sentence) AS ?n) WHERE {{
        VALUES ?event {{ {_values(events)} }} ?event <{GK.evidence}> ?sentence }}
        GROUP BY ?event""").rows()
    for row in rows:
        events[row["event"] or ""].reports = int(row["n"] or 0)


#: How evidence sentences are ordered: by the day their article was published, then by IRI
#: (the article's date is nested: side by side in one OPTIONAL, Oxigraph would read every
#: article's date first).
_BY_PUBLICATION = """OPTIONAL { ?sentence nif:referenceContext ?inArticle
                                OPTIONAL { ?inArticle dcterms:issued ?published } }"""


def _evidence_samples(store: Store, events: list[str], samples: int,
                      article: str | None) -> list[tuple[str, str]]:
    """(event, sentence) for the first `samples` reports of each event, by publication."""
    within = f"?sentence nif:referenceContext {sparql_iri(article)} ." if article else ""
    branches = [f"""{{ SELECT ({sparql_iri(e)} AS ?event) ?sentence WHERE {{
            {sparql_iri(e)} gk:evidence ?sentence . {within} {_BY_PUBLICATION} }}
          ORDER BY ?published ?sentence LIMIT {samples} }}""" for e in events]
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?event ?sentence WHERE {{ {" UNION ".join(branches)} }}""").rows()
    return [(r["event"] or "", r["sentence"] or "") for r in rows]


def count_evidence(store: Store, event: str) -> int:
    rows = store.query(f"""SELECT (COUNT(DISTINCT ?sentence) AS ?n) WHERE {{
        {sparql_iri(event)} <{GK.evidence}> ?sentence }}""").rows()
    return int(rows[0]["n"] or 0)


def evidence_page(store: Store, event: str, offset: int, limit: int) -> list[Evidence]:
    """A page of an event's evidence sentences, in the order their articles were published."""
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?sentence WHERE {{
          {{ SELECT DISTINCT ?sentence WHERE {{ {sparql_iri(event)} gk:evidence ?sentence }} }}
          {_BY_PUBLICATION} }}
        ORDER BY ?published ?sentence OFFSET {offset} LIMIT {limit}""").rows()
    sentences = [r["sentence"] or "" for r in rows]
    details = _evidence_details(store, sentences)
    return [details[s] for s in sentences if s in details]


def _add_evidence(store: Store, events: dict[str, EventSummary],
                  chosen: list[tuple[str, str]]) -> None:
    details = _evidence_details(store, [sentence for _, sentence in chosen])
    for event, sentence in chosen:
        if sentence in details:
            events[event].evidence.append(details[sentence])


def _evidence_details(store: Store, sentences: list[str]) -> dict[str, Evidence]:
    """Text, article, title, date, trigger and confidence of each sentence (each sentence is
    described in its article's graph only, so this reads one copy)."""
    if not sentences:
        return {}
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?sentence ?text ?article ?title ?issued ?trigger ?confidence
        WHERE {{ VALUES ?sentence {{ {_values(dict.fromkeys(sentences))} }}
          ?sentence nif:anchorOf ?text .
          OPTIONAL {{ ?sentence nif:referenceContext ?article .
                     OPTIONAL {{ ?article dcterms:title ?title }}
                     OPTIONAL {{ ?article dcterms:issued ?issued }} }}
          OPTIONAL {{ ?sentence gk:trigger ?trigger }}
          OPTIONAL {{ ?sentence gk:confidence ?confidence }}
        }}""").rows()
    found: dict[str, Evidence] = {}
    for row in rows:
        sentence = row["sentence"] or ""
        if sentence not in found:  # a second title or trigger of the same sentence
            found[sentence] = Evidence(sentence, row["text"] or "", row["article"] or "",
                                       row["title"], row["issued"], row["trigger"],
                                       row["confidence"])
    return found


# --- VoID and the SPARQL service description ------------------------------------------

@dataclass
class DatasetStats:
    """Figures of the whole dataset, counted the way the endpoint counts.

    The default graph is the union of the named graphs as a multiset: a triple that
    several article graphs state (the copied entity descriptions) counts once per graph,
    exactly as `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }` on /sparql answers.
    """

    triples: int
    distinct_subjects: int
    distinct_objects: int
    entities: int
    graphs: int
    articles: int
    modified: str | None
    classes: list[tuple[str, int]]
    properties: list[tuple[str, int]]
    wikidata_links: int
    graph_triples: dict[str, int]


def dataset_stats(store: Store, base: str, reference_graphs: Iterable[str]) -> DatasetStats:
    """Count everything VoID publishes, each figure one aggregate query in the store."""
    totals = store.query("""SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
        (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }""").rows()[0]
    entities = store.query(f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o
        FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{base}")) }}""").rows()[0]
    graphs = store.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
                         ).rows()[0]
    articles = store.query(f"""{_PREFIX_LINES} SELECT (COUNT(DISTINCT ?a) AS ?n)
        (MAX(?at) AS ?modified) WHERE {{ ?a a gk:Article . OPTIONAL {{ ?a prov:generatedAtTime ?at }} }}
        """).rows()[0]
    classes = store.query("""SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
        GROUP BY ?class ORDER BY ?class""").rows()
    properties = store.query("""SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o }
        GROUP BY ?p ORDER BY ?p""").rows()
    links = store.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{OWL.sameAs}> ?o
        FILTER(STRSTARTS(STR(?o), "{WD}")) }}""").rows()[0]
    per_graph = {g: int(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {sparql_iri(g)} "
                                    "{ ?s ?p ?o } }").rows()[0]["n"] or 0)
                 for g in reference_graphs}
    return DatasetStats(
        triples=_int(totals["triples"]), distinct_subjects=_int(totals["subjects"]),
        distinct_objects=_int(totals["objects"]), entities=_int(entities["n"]),
        graphs=_int(graphs["n"]), articles=_int(articles["n"]), modified=articles["modified"],
        classes=[(r["class"] or "", _int(r["n"])) for r in classes if r["class"]],
        properties=[(r["p"] or "", _int(r["n"])) for r in properties if r["p"]],
        wikidata_links=_int(links["n"]), graph_triples=per_graph)


def _int(value: str | None) -> int:
    return int(value or 0)


@dataclass(frozen=True)
class DatasetLinks:
    """Where the dataset's parts live on this server (all under the public base IRI)."""

    base: str
    license: str | None

    @property
    def void(self) -> URIRef:
        return URIRef(f"{self.base}.well-known/void")

    @property
    def dataset(self) -> URIRef:
        return URIRef(f"{self.base}.well-known/void#dataset")

    @property
    def endpoint(self) -> URIRef:
        return URIRef(f"{self.base}sparql")

    @property
    def update_endpoint(self) -> URIRef:
        return URIRef(f"{self.base}update")

    def dump(self, suffix: str) -> URIRef:
        return URIRef(f"{self.base}dump.{suffix}")


def void_graph(stats: DatasetStats, links: DatasetLinks) -> Graph:
    """The VoID description: sizes, partitions, access points, vocabularies, Wikidata links."""
    g = new_graph()
    ds = links.dataset
    g.add((links.void, RDF.type, VOID.DatasetDescription))
    g.add((links.void, DCTERMS.title, Literal("VoID description of the geokg dataset", lang="en")))
    g.add((links.void, URIRef("http://xmlns.com/foaf/0.1/primaryTopic"), ds))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal("geokg knowledge graph", lang="en")))
    g.add((ds, DCTERMS.title, Literal("geokg-Wissensgraph", lang="de")))
    g.add((ds, DCTERMS.description, Literal(
        "Calls, meetings, demands, territorial claims, agreements and support between leaders, "
        "states and organisations, read from news articles, each with its evidence sentences; "
        "one named graph per article plus the gazetteer and the ontology.", lang="en")))
    if links.license:
        g.add((ds, DCTERMS.license, URIRef(links.license)))
    if stats.modified:
        g.add((ds, DCTERMS.modified, Literal(stats.modified, datatype=XSD.dateTime)))
    g.add((ds, VOID.sparqlEndpoint, links.endpoint))
    for suffix in ("nq.gz", "trig.gz"):
        g.add((ds, VOID.dataDump, links.dump(suffix)))
    g.add((ds, VOID.feature, FORMATS["N-Quads"]))
    g.add((ds, VOID.feature, FORMATS.TriG))
    g.add((ds, VOID.uriSpace, Literal(links.base)))
    counts = [(VOID.triples, stats.triples), (VOID.distinctSubjects, stats.distinct_subjects),
              (VOID.distinctObjects, stats.distinct_objects), (VOID.entities, stats.entities),
              (VOID.classes, len(stats.classes)), (VOID.properties, len(stats.properties)),
              (VOID.documents, stats.articles)]
    for prop, value in counts:
        g.add((ds, prop, Literal(value, datatype=XSD.integer)))
    for vocabulary in _vocabularies(stats):
        g.add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for cls, n in stats.classes:
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    for property_iri, n in stats.properties:
        part = BNode()
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(property_iri)))
        g.add((part, VOID.triples, Literal(n, datatype=XSD.integer)))
    _add_wikidata_linkset(g, stats, links)
    return g


def _vocabularies(stats: DatasetStats) -> list[str]:
    """Namespaces (of vocab.PREFIXES) that the data's classes and properties come from."""
    used = [iri for iri, _ in stats.classes + stats.properties]
    namespaces = {str(ns) for prefix, ns in PREFIXES.items() if prefix != "wd"}
    return sorted(ns for ns in namespaces if any(i.startswith(ns) for i in used))


def _add_wikidata_linkset(g: Graph, stats: DatasetStats, links: DatasetLinks) -> None:
    if not stats.wikidata_links:
        return
    linkset, wikidata = URIRef(f"{links.dataset}-wikidata"), URIRef("http://www.wikidata.org/")
    g.add((links.dataset, VOID.subset, linkset))
    g.add((linkset, RDF.type, VOID.Linkset))
    g.add((linkset, VOID.linkPredicate, OWL.sameAs))
    g.add((linkset, VOID.subjectsTarget, links.dataset))
    g.add((linkset, VOID.objectsTarget, wikidata))
    g.add((linkset, VOID.triples, Literal(stats.wikidata_links, datatype=XSD.integer)))
    g.add((wikidata, RDF.type, VOID.Dataset))
    g.add((wikidata, VOID.sparqlEndpoint, URIRef("https://query.wikidata.org/sparql")))
    g.add((wikidata, VOID.uriSpace, Literal(str(WD))))


#: What /sparql writes, as W3C format IRIs (https://www.w3.org/ns/formats/).
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD")


def service_description(stats: DatasetStats, links: DatasetLinks) -> Graph:
    """A SPARQL 1.1 Service Description of /sparql and /update (what `GET /sparql` or
    `GET /update` without a request says)."""
    g = new_graph()
    service = URIRef(f"{links.endpoint}#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, links.endpoint))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    for name in RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[name]))
    g.add((service, RDFS.seeAlso, links.void))
    dataset, default = BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDFS.seeAlso, links.dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    g.add((default, VOID.distinctSubjects, Literal(stats.distinct_subjects, datatype=XSD.integer)))
    for graph_iri, triples in sorted(stats.graph_triples.items()):
        named, inner = BNode(), BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(graph_iri)))
        g.add((named, SD.graph, inner))
        g.add((inner, RDF.type, SD.Graph))
        g.add((inner, VOID.triples, Literal(triples, datatype=XSD.integer)))
    # /update is a service of its own (SPARQL 1.1 Service Description, section 3): same
    # dataset, its own endpoint and language; writes need the write token
    update = URIRef(f"{links.update_endpoint}#service")
    g.add((update, RDF.type, SD.Service))
    g.add((update, SD.endpoint, links.update_endpoint))
    g.add((update, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((update, SD.feature, SD.UnionDefaultGraph))
    g.add((update, SD.defaultDataset, dataset))
    g.add((update, RDFS.comment, Literal(
        "Writes need the write token (Authorization: Bearer). LOAD and SERVICE are refused.",
        lang="en")))
    return g


# --- the ontology page ----------------------------------------------------------------
# Read from the files in ontology/ (parsed with rdflib, a few hundred triples), not from the
# store: the page documents the shapes too, and those are not data in the store.

SH = Namespace("http://www.w3.org/ns/shacl#")
GKSH = Namespace("https://w3id.org/geokg/shapes#")
#: Sections of the ontology page: (heading, the rdf:type that puts a term in it).
TERM_KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
              ("Datatype properties", OWL.DatatypeProperty), ("Individuals", OWL.NamedIndividual))


@dataclass
class TermDoc:
    name: str
    iri: str
    labels: dict[str, str]
    comments: dict[str, str]
    notes: list[str]
    facts: list[tuple[str, list[str]]]  # ("subclass of", ["sem:Event"]), ("domain", […])
    shapes: list[str] = field(default_factory=list)


@dataclass
class ShapeDoc:
    name: str
    comment: str | None
    targets: list[str]
    constraints: list[str]
    messages: dict[str, str]
    properties: list[ShapeDoc] = field(default_factory=list)


@dataclass
class OntologyDoc:
    title: dict[str, str]
    description: dict[str, str]
    version: str | None
    sections: list[tuple[str, list[TermDoc]]]
    shapes: list[ShapeDoc]


def ontology_doc(ontology: Graph, shapes: Graph) -> OntologyDoc:
    """Terms of the `gk:` namespace grouped by kind, each with the shapes that target it."""
    header = URIRef(str(GK).rstrip("#"))
    shape_docs = [_shape_doc(shapes, s) for s in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str)
                  if isinstance(s, URIRef)]
    targeting: dict[str, list[str]] = {}
    for shape in shape_docs:
        for target in shape.targets:
            targeting.setdefault(target, []).append(shape.name)
    sections = []
    for heading, kind in TERM_KINDS:
        terms = sorted(t for t in set(ontology.subjects(RDF.type, kind))
                       if isinstance(t, URIRef) and t.startswith(str(GK)))
        docs = [_term_doc(ontology, t) for t in terms]
        for doc in docs:
            doc.shapes = targeting.get(_qname(ontology, URIRef(doc.iri)), [])
        sections.append((heading, docs))
    version = ontology.value(header, OWL.versionInfo)
    return OntologyDoc(_by_lang(ontology, header, DCTERMS.title),
                       _by_lang(ontology, header, DCTERMS.description),
                       str(version) if version else None, sections, shape_docs)


def _term_doc(g: Graph, term: URIRef) -> TermDoc:
    facts = [(caption, [_show(g, o) for o in sorted(g.objects(term, prop), key=str)])
             for caption, prop in (("type", RDF.type), ("subclass of", RDFS.subClassOf),
                                   ("subproperty of", RDFS.subPropertyOf),
                                   ("domain", RDFS.domain), ("range", RDFS.range))]
    notes = [str(n) for n in g.objects(term, SKOS.note)
             if isinstance(n, Literal) and n.language in (None, "en")]
    return TermDoc(str(term).removeprefix(str(GK)), str(term), _by_lang(g, term, RDFS.label),
                   _by_lang(g, term, RDFS.comment), sorted(notes),
                   [(caption, values) for caption, values in facts if values])


def _by_lang(g: Graph, node: URIRef | BNode, prop: URIRef) -> dict[str, str]:
    return {o.language or "": str(o) for o in g.objects(node, prop) if isinstance(o, Literal)}


def _show(g: Graph, node: object) -> str:
    """A term as a reader wants it: prefixed name, `A or B` for a union, a list for sh:in."""
    if isinstance(node, URIRef):
        return _qname(g, node)
    if isinstance(node, Literal):
        return str(node)
    union = g.value(cast(Node, node), OWL.unionOf)
    if union is not None:
        return " or ".join(_show(g, m) for m in g.items(union))
    return "(anonymous)"


def _qname(g: Graph, iri: URIRef) -> str:
    try:
        return g.namespace_manager.normalizeUri(iri)
    except ValueError:
        return str(iri)


def _shape_doc(g: Graph, shape: URIRef | BNode) -> ShapeDoc:
    targets = [_show(g, t) for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
               for t in sorted(g.objects(shape, p), key=str)]
    comment = g.value(shape, RDFS.comment)
    properties = [_shape_doc(g, p) for p in g.objects(shape, SH.property)
                  if isinstance(p, URIRef | BNode)]
    name = str(shape).removeprefix(str(GKSH)) if isinstance(shape, URIRef) else _show(
        g, g.value(shape, SH.path))
    return ShapeDoc(name, str(comment) if comment else None, targets, _constraints(g, shape),
                    _by_lang(g, shape, SH.message), sorted(properties, key=lambda p: p.name))


#: SHACL parameters shown as "caption value".
_PARAMETERS = ((SH.minCount, "min"), (SH.maxCount, "max"), (SH.datatype, "datatype"),
               (SH["class"], "class"), (SH.nodeKind, "node kind"), (SH.hasValue, "value"),
               (SH.pattern, "pattern"), (SH.minInclusive, "≥"), (SH.maxInclusive, "≤"),
               (SH.lessThan, "<"), (SH.lessThanOrEquals, "≤"), (SH.qualifiedMinCount,
                                                                 "at least (qualified)"))


def _constraints(g: Graph, node: object) -> list[str]:
    """One short text per constraint of a shape, nested shapes of sh:or/sh:and inline."""
    found = [f"{caption} {_show(g, value)}" for prop, caption in _PARAMETERS
             for value in g.objects(node, prop)]  # type: ignore[arg-type]
    for values in g.objects(node, SH["in"]):  # type: ignore[arg-type]
        found.append("one of " + ", ".join(_show(g, v) for v in g.items(values)))
    for prop, joiner in ((SH["or"], " or "), (SH["and"], " and ")):
        for members in g.objects(node, prop):  # type: ignore[arg-type]
            parts = [_nested(g, m) for m in g.items(members)]
            found.append("(" + joiner.join(parts) + ")")
    for qualified in g.objects(node, SH.qualifiedValueShape):  # type: ignore[arg-type]
        found.append("qualified: " + _nested(g, qualified))
    return found


def _nested(g: Graph, node: object) -> str:
    path = g.value(cast(Node, node), SH.path)
    inner = ", ".join(_constraints(g, node))
    return f"{_show(g, path)}: {inner}" if path is not None else inner


def store_fingerprint(store: Store) -> tuple[int, str]:
    """Cheap key that changes whenever the pipeline changes the store.

    Every graph the pipeline writes (article, gazetteer, ontology) carries a content hash on
    the graph's own IRI, so the named-graph count plus a digest of those hashes changes on
    each ingest, removal or reference reload. At 1M triples this takes ~0.1 s, where
    counting the quads takes 0.3 s and the VoID figures themselves 4.7 s.
    """
    digest = store.query(f"""SELECT (MD5(GROUP_CONCAT(?h; separator=" ")) AS ?fp)
        WHERE {{ GRAPH ?g {{ ?g <{GK.contentHash}> ?h }} }}""").rows()
    return len(store.graphs()), digest[0]["fp"] or ""
