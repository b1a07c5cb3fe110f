"""Extraction results to RDF under the ontology (see ontology/MODEL.md for the shape).

An article's graph is self-contained: besides its events it carries a copy of the
description of every entity it mentions, so SHACL can check it alone and a reader of one
graph sees labels and Wikidata links without the gazetteer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import cast

from rdflib import Graph, Literal, Node, URIRef

from geokg.extract.gazetteer import Gazetteer
from geokg.extract.model import Article, Entity, Event, EventType, FuzzyDate, Precision, Sentence
from geokg.graph.iris import Minter
from geokg.graph.provenance import Extractor, current_extractor, stamp_reading
from geokg.vocab import (
    DCTERMS,
    GEO,
    GK,
    NIF,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    WD,
    XSD,
)

# Each kind with its superclasses, materialised on every description so that SPARQL users and
# the SHACL shapes can ask for gk:Actor or gk:Territory without a reasoner.
CLASSES_OF_KIND = {
    "leader": (GK.Leader, GK.StateActor, GK.Actor),
    "state": (GK.State, GK.StateActor, GK.Actor, GK.Territory, GK.Place),
    "region": (GK.Region, GK.Territory, GK.Place),
    "city": (GK.City, GK.Place),
    "organisation": (GK.Organisation, GK.Actor),
    "treaty": (GK.Treaty,),
}
CLASS_OF_EVENT = {
    EventType.CALL: GK.Call, EventType.MEETING: GK.Meeting, EventType.DEMAND: GK.Demand,
    EventType.TERRITORIAL_CLAIM: GK.TerritorialClaim, EventType.AGREEMENT: GK.Agreement,
    EventType.SUPPORT: GK.Support,
}
ROLE_IRI = {
    "head_of_state": GK.HeadOfState, "head_of_government": GK.HeadOfGovernment,
    "leader": GK.ParamountLeader, "secretary_general": GK.SecretaryGeneral, "monarch": GK.Monarch,
}
PRECISION_IRI = {Precision.DAY: GK.Day, Precision.MONTH: GK.Month, Precision.YEAR: GK.Year}
ACTORS = frozenset({"leader", "state", "organisation"})
# Which kinds of entity may fill each role, mirroring the SHACL shapes: an event the shapes
# would reject is repaired or dropped here, so one doubtful reading never blocks an article.
SIDE_KINDS = {
    EventType.CALL: frozenset({"leader", "state"}),
    EventType.TERRITORIAL_CLAIM: frozenset({"leader", "state"}),
}
MIN_SIDES = {EventType.CALL: 2, EventType.MEETING: 2, EventType.AGREEMENT: 2}


@dataclass(frozen=True)
class ArticleOrigin:
    """Where an article read from a followed feed came from, for its provenance: the feed
    (its URL and name), which version of the page its text is, and the article graph of the
    version it replaces (None for the first)."""

    feed_url: str
    feed_name: str | None = None
    version: int = 1
    revision_of: str | None = None


def new_graph() -> Graph:
    # only our prefixes: rdflib's default set cost ~1 ms per article graph in binding alone
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


#: How a state is referred to without being named: an adjective, alone or in a title.
ADJECTIVAL_MENTIONS = frozenset({"demonym", "title-demonym"})


def article_graph(article: Article, gaz: Gazetteer, mint: Minter, ingested: dt.datetime, *,
                  content_hash: str | None = None, origin: ArticleOrigin | None = None,
                  extractor: Extractor | None = None, read_at: dt.datetime | None = None) -> Graph:
    """The article's graph. `article` is left as it is: events the shapes would reject are
    repaired or dropped in the graph only (`fitted_to_shapes`). `content_hash` is the text's
    `sha256:…` when the caller has it already (ingest hashes each text once); `origin` the
    feed it was read from (`geokg.feeds`).

    The graph records its reading (`geokg.graph.provenance`): by `extractor` (this process's
    by default) at `read_at` (default `ingested`; later when an article is read again by
    `geokg reextract`, which keeps `ingested`, the time it was first read)."""
    graph = new_graph()
    node = mint.article(article.id)
    digest = content_hash or f"sha256:{hashlib.sha256(article.text.encode('utf-8')).hexdigest()}"
    _describe_article(graph, node, article, ingested, digest)
    if origin is not None:
        _describe_origin(graph, node, origin)
    # named, not only by an adjective ("die deutsche Kanzlerin", "the Spanish enclaves"): the
    # article mentions Germany when it names it (also in "US-Präsident", "Nato-Staaten"), or
    # when Germany acts in one of its events
    mentioned = {m.entity for m in article.mentions if m.how not in ADJECTIVAL_MENTIONS}
    confidences: dict[URIRef, float] = {}
    events = [fitted for e in article.events if (fitted := fitted_to_shapes(e, gaz))]
    for event, event_node in zip(events, _event_nodes(events, gaz, mint, article.published),
                                 strict=True):
        _add_event(graph, event_node, event, article, gaz, mint, confidences)
        mentioned.update(event.participants + event.addressees + event.territories)
        mentioned.update(k for k in (event.treaty, event.place) if k)
    if article.place:
        mentioned.add(article.place)
    for key in sorted(mentioned):
        graph.add((node, GK.mentions, mint.entity(key)))
        describe_entity(graph, gaz.entities[key], mint, full=False)
    for sentence, confidence in confidences.items():
        graph.add((sentence, GK.confidence, Literal(Decimal(str(round(confidence, 2))))))
    index_periods(graph)
    stamp_reading(graph, node, extractor or current_extractor(), mint, read_at or ingested)
    return graph


def _describe_article(graph: Graph, node: URIRef, article: Article, ingested: dt.datetime,
                      content_hash: str) -> None:
    graph.add((node, RDF.type, GK.Article))
    graph.add((node, RDF.type, NIF.Context))
    graph.add((node, NIF.isString, Literal(article.text)))
    graph.add((node, DCTERMS.language, Literal(article.lang)))
    graph.add((node, GK.contentHash, Literal(content_hash)))
    graph.add((node, PROV.generatedAtTime, Literal(ingested.isoformat(), datatype=XSD.dateTime)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.published:
        graph.add((node, DCTERMS.issued, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.url:
        graph.add((node, SCHEMA.url, URIRef(article.url)))
    for source in article.sources:
        graph.add((node, DCTERMS.source, Literal(source)))


def _describe_origin(graph: Graph, node: URIRef, origin: ArticleOrigin) -> None:
    feed = URIRef(origin.feed_url)
    graph.add((node, GK.feed, feed))
    graph.add((feed, RDF.type, GK.Feed))
    if origin.feed_name:
        graph.add((feed, RDFS.label, Literal(origin.feed_name)))
    graph.add((node, GK.version, Literal(origin.version, datatype=XSD.integer)))
    if origin.revision_of:
        graph.add((node, PROV.wasRevisionOf, URIRef(origin.revision_of)))


def fitted_to_shapes(event: Event, gaz: Gazetteer) -> Event | None:
    """A copy of the event repaired to fit the shapes (sides of kinds a role does not take
    dropped, a claim's first claimant kept, a demand without object about its sentence), or
    None when no repair can make it fit. The event itself is left as it is."""
    allowed = SIDE_KINDS.get(event.type, ACTORS)
    participants = [p for p in event.participants if gaz.entities[p].kind in allowed]
    addressees = [a for a in event.addressees if gaz.entities[a].kind in ACTORS]
    territories = [t for t in event.territories if gaz.entities[t].kind in ("region", "state")]
    treaty = event.treaty if event.treaty and gaz.entities[event.treaty].kind == "treaty" else None
    topic = event.topic
    if len(participants) < MIN_SIDES.get(event.type, 1):
        return None
    if event.type is EventType.TERRITORIAL_CLAIM:
        if not territories:
            return None
        participants = participants[:1]
    if event.type is EventType.SUPPORT and not addressees:
        return None
    if event.type is EventType.DEMAND and not (topic or treaty):
        topic = event.sentence.text
    return replace(event, participants=participants, addressees=addressees,
                   territories=territories, treaty=treaty, topic=topic)


def _event_nodes(events: list[Event], gaz: Gazetteer, mint: Minter,
                 published: dt.date | None) -> list[URIRef]:
    """Each event's node. Calls and meetings of one article that would share a node, though
    the article tells them apart by their persons ("Scholz telefonierte mit Selenskyj", "ein
    Telefonat zwischen Steinmeier und Selenskyj": one state, two of its leaders), get nodes of
    their own, except one — the same whatever order an article tells them in (their persons'
    keys sort first) — so a report naming only "Germany and Ukraine" still joins it."""
    nodes = [event_iri(e, gaz, mint, published) for e in events]
    shared: dict[URIRef, list[Event]] = {}
    for event, node in zip(events, nodes, strict=True):
        if event.type in (EventType.CALL, EventType.MEETING):
            shared.setdefault(node, []).append(event)
    apart: set[int] = set()
    for same in shared.values():
        ordered = sorted(same, key=lambda e: _persons(e, gaz))
        for i, a in enumerate(ordered):  # "the US" fits any of its leaders, another leader not
            on = a.date.value if a.date else (published or dt.date.today())
            if any(gaz.other_leader(a.participants, b.participants, on) for b in ordered[:i]):
                apart.add(id(a))
    return [event_iri(e, gaz, mint, published, by_persons=True) if id(e) in apart else node
            for e, node in zip(events, nodes, strict=True)]


def _persons(event: Event, gaz: Gazetteer) -> str:
    return ",".join(sorted(p for p in event.participants if gaz.entities[p].kind == "leader"))


def event_iri(event: Event, gaz: Gazetteer, mint: Minter, published: dt.date | None = None,
              by_persons: bool = False) -> URIRef:
    """The event's identity: its type, sides as states on its date, addressees, what it is
    about, and its date — the same for every article reporting it.

    An event the article does not date is dated by the article's issue day, for its identity
    as for its period (`gk:inPeriod`): without that, "Iran supplies drones to Russia" read
    from a 2022 and from a 2025 article was one node placed in both years, which the shapes
    reject (two periods at most) and the period queries counted twice. Two such reports are
    one event only when they appear on the same day (or both have no date at all).
    """
    date = event.date.iso() if event.date else (published.isoformat() if published else None)
    on = event.date.value if event.date else (published or dt.date.today())
    sides = {gaz.state_of(p, on) for p in event.participants}
    addressees = {gaz.state_of(a, on) for a in event.addressees}
    thing = ",".join(event.territories) or event.support_kind or event.treaty or (
        _topic_key(event.topic) if event.type in (EventType.AGREEMENT, EventType.DEMAND) else None)
    if by_persons:
        thing = f"{thing or ''}|persons:{_persons(event, gaz)}"
    return mint.event(event.type.value, sides, addressees, thing, date)


def _topic_key(topic: str | None) -> str | None:
    """Four content words stand for what was agreed or demanded, so distinct agreements
    of the same parties on one day stay distinct events."""
    if not topic:
        return None
    words = sorted({w for w in re.findall(r"\w+", topic.lower()) if len(w) > 4})
    return " ".join(words[:4]) or None


def _add_event(graph: Graph, node: URIRef, event: Event, article: Article, gaz: Gazetteer,
               mint: Minter, confidences: dict[URIRef, float]) -> None:
    graph.add((node, RDF.type, CLASS_OF_EVENT[event.type]))
    for key in event.participants:
        graph.add((node, GK.participant, mint.entity(key)))
    for key in event.addressees:
        graph.add((node, GK.addressee, mint.entity(key)))
    for key in event.territories:
        graph.add((node, GK.territory, mint.entity(key)))
    if event.treaty:
        graph.add((node, GK.treaty, mint.entity(event.treaty)))
    if event.topic:
        graph.add((node, GK.topic, Literal(event.topic, lang=article.lang)))
    if event.date:
        _add_date(graph, node, event.date)
    if event.place:
        graph.add((node, SEM.hasPlace, mint.entity(event.place)))
    graph.add((node, PROV.wasDerivedFrom, mint.article(article.id)))
    for sentence in [event.sentence, *event.extra_sentences]:
        evidence = _add_sentence(graph, sentence, article, mint)
        graph.add((node, GK.evidence, evidence))
        graph.add((evidence, GK.trigger, Literal(event.trigger)))
        confidences[evidence] = max(confidences.get(evidence, 0.0), event.confidence)


def _add_sentence(graph: Graph, sentence: Sentence, article: Article, mint: Minter) -> URIRef:
    node = mint.evidence(article.id, sentence.start, sentence.end)
    graph.add((node, RDF.type, NIF.Sentence))
    graph.add((node, NIF.referenceContext, mint.article(article.id)))
    graph.add((node, NIF.anchorOf, Literal(sentence.text)))
    graph.add((node, NIF.beginIndex, Literal(sentence.start, datatype=XSD.integer)))
    graph.add((node, NIF.endIndex, Literal(sentence.end, datatype=XSD.integer)))
    return node


def _add_date(graph: Graph, node: URIRef, date: FuzzyDate) -> None:
    first, last = date.bounds()
    datatype = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth,
                Precision.YEAR: XSD.gYear}[date.precision]
    graph.add((node, SEM.hasTimeStamp, Literal(date.iso(), datatype=datatype)))
    graph.add((node, GK.datePrecision, PRECISION_IRI[date.precision]))
    graph.add((node, SEM.hasEarliestBeginTimeStamp, Literal(first.isoformat(), datatype=XSD.date)))
    graph.add((node, SEM.hasLatestEndTimeStamp, Literal(last.isoformat(), datatype=XSD.date)))


def index_periods(graph: Graph) -> None:
    """Derive `gk:inPeriod` in one article's graph from its dates, replacing what was there."""
    graph.remove((None, GK.inPeriod, None))
    for triple in period_triples(graph):
        graph.add(triple)


def with_period_index(ntriples: str) -> str:
    """An article graph's N-Triples (one triple per line, as Oxigraph writes them) with its
    `gk:inPeriod` lines derived again. Why not through an rdflib graph: every other line
    stays byte for byte as the store wrote it (rdflib would normalise literals, e.g.
    "007"^^xsd:integer to "7"), so a curation write changes only what it says and the index."""
    period = f"<{GK.inPeriod}>"
    kept = [line for line in ntriples.splitlines()
            if line.strip() and line.split(" ", 2)[1:2] != [period]]
    derived = {f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in period_triples(
        Graph().parse(data=ntriples, format="nt")) if isinstance(s, URIRef)}
    return "".join(f"{line}\n" for line in kept + sorted(derived))


def period_triples(graph: Graph) -> list[tuple[Node, URIRef, Literal]]:
    """`gk:inPeriod` of the articles and events of one article's graph, from their dates.

    Why derived from the finished graph: curation writes (SPARQL Update, Graph Store) change
    dates too, and the index must follow them; one function serves ingest, curation and the
    reindex of older stores. An event is placed by its bounds; one without dates on the
    earliest issue day of the articles it is derived from (as the queries order undated
    events by their first report).
    """
    issued = {s: cast(Literal, o).toPython() for s, o in graph.subject_objects(DCTERMS.issued)}
    spans = [(article, day, day) for article, day in issued.items()]
    first_report: dict[Node, dt.date] = {}
    for event, article in graph.subject_objects(PROV.wasDerivedFrom):
        first = graph.value(event, SEM.hasEarliestBeginTimeStamp)
        last = graph.value(event, SEM.hasLatestEndTimeStamp)
        day = issued.get(article)
        if first is not None and last is not None:
            spans.append((event, cast(Literal, first).toPython(), cast(Literal, last).toPython()))
        elif first is None and last is None and isinstance(day, dt.date):
            first_report[event] = min(day, first_report.get(event, day))
    spans += [(event, day, day) for event, day in first_report.items()]
    return [(node, GK.inPeriod, period) for node, first, last in spans
            if isinstance(first, dt.date) and isinstance(last, dt.date)  # not a malformed literal
            for period in calendar_periods(first, last)]


def calendar_periods(first: dt.date, last: dt.date) -> list[Literal]:
    """The calendar year and month that contain all of `first`..`last` (none if it spans more).

    Why: a query for "the demands of February 2025" must find its events by an index lookup
    (`gk:inPeriod "2025-02"^^xsd:gYearMonth`); a FILTER on the dates reads every event,
    because Oxigraph has no range index. An event known only by year is in its year, not in
    each of its months, so a month's answer is not swollen by the year's vague reports.
    """
    periods = []
    if first.year == last.year:
        periods.append(Literal(f"{first.year:04d}", datatype=XSD.gYear))
        if first.month == last.month:
            periods.append(Literal(f"{first.year:04d}-{first.month:02d}", datatype=XSD.gYearMonth))
    return periods


def describe_entity(graph: Graph, entity: Entity, mint: Minter, full: bool) -> URIRef:
    for triple in _description(entity, mint.base, full):
        graph.add(triple)
    return mint.entity(entity.key)


@lru_cache(maxsize=8192)
def _description(entity: Entity, base: str, full: bool) -> tuple[tuple[URIRef, URIRef, Node], ...]:
    """An entity's triples, built once: every article graph copies the descriptions of the
    entities it mentions, and making the terms anew was a third of building the graph."""
    mint = Minter(base)
    node = mint.entity(entity.key)
    triples: list[tuple[URIRef, URIRef, Node]] = [(node, RDF.type, cls)
                                                  for cls in CLASSES_OF_KIND[entity.kind]]
    triples.append((node, RDFS.label, Literal(entity.label_en, lang="en")))
    triples.append((node, RDFS.label, Literal(entity.label_de, lang="de")))
    if entity.qid:
        triples.append((node, OWL.sameAs, WD[entity.qid]))
    if entity.part_of:
        triples.append((node, GK.partOf, mint.entity(entity.part_of)))
    if full:
        triples += [(node, SKOS.altLabel, Literal(alias)) for alias in entity.aliases]
        if entity.lat is not None and entity.lon is not None:
            geometry = URIRef(f"{node}/geometry")
            triples.append((node, GEO.hasGeometry, geometry))
            triples.append((geometry, GEO.asWKT, Literal(f"POINT({entity.lon} {entity.lat})",
                                                         datatype=GEO.wktLiteral)))
    return tuple(triples)


def gazetteer_graph(gaz: Gazetteer, mint: Minter) -> Graph:
    """Every entity with all its names and coordinates, and every office term."""
    graph = new_graph()
    for entity in gaz.entities.values():
        describe_entity(graph, entity, mint, full=True)
    for office in gaz.offices:
        term = mint.office(office.holder, office.office_of, office.start.isoformat())
        graph.add((mint.entity(office.holder), GK.holdsOffice, term))
        graph.add((term, RDF.type, GK.OfficeTerm))
        graph.add((term, GK.officeOf, mint.entity(office.office_of)))
        graph.add((term, RDFS.label, Literal(office.label_en, lang="en")))
        graph.add((term, RDFS.label, Literal(office.label_de, lang="de")))
        for role in sorted(office.roles):
            if role in ROLE_IRI:
                graph.add((term, GK.role, ROLE_IRI[role]))
        graph.add((term, GK.startDate, Literal(office.start.isoformat(), datatype=XSD.date)))
        if office.end:
            graph.add((term, GK.endDate, Literal(office.end.isoformat(), datatype=XSD.date)))
    return graph


__all__ = ["ArticleOrigin", "article_graph", "gazetteer_graph", "event_iri", "describe_entity",
           "new_graph"]
