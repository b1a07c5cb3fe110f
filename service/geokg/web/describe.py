"""What the linked-data pages say about a resource, asked of the store in SPARQL.

Every function here pushes its work into the store's engine (CONSTRUCT, SELECT with
aggregates) and only shapes the small answers in Python; nothing walks the store triple by
triple. No Flask here: `linked_data.py` negotiates and renders, this module knows the graph.

IRIs spliced into queries are either minted from the configured base plus a percent-encoded
path (see `linked_data.iri_for`) or come out of the store itself, so they cannot close the
`<…>` they are written in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import Namespace

from geokg.store import Store
from geokg.store.base import sparql_iri
from geokg.vocab import DCTERMS, GK, NIF, OWL, PREFIXES, RDF, RDFS, SEM, SKOS, WD, XSD

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")

#: Incoming statements in one description; a hub such as a state is the object of a
#: `gk:mentions` from every article naming it, which would make its page unbounded.
MAX_INCOMING = 1000
#: Events on one entity timeline (the most recent ones); the rest are one SPARQL query away.
MAX_TIMELINE = 200
#: Properties that say what a linked node is called or is, copied into a description so a
#: client (and the HTML page) can name the neighbours without a request per link.
NAMING_PROPERTIES = (RDF.type, RDFS.label, SKOS.prefLabel, DCTERMS.title, NIF.anchorOf,
                     SEM.hasTimeStamp)
#: How an entity takes part in an event, in the order a timeline lists the sides.
ROLES = (GK.participant, GK.addressee, GK.territory, GK.treaty, SEM.hasPlace)

_PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


def _values(iris: Iterable[str]) -> str:
    return " ".join(sparql_iri(i) for i in iris)


# --- resource descriptions ------------------------------------------------------------

def description_query(iri: str) -> str:
    """A CONSTRUCT for a Concise-Bounded-Description-like view of one resource.

    It holds the resource's outgoing and (up to MAX_INCOMING) incoming statements, the
    names and types of the nodes on the other side, and the full descriptions of the nodes
    that belong to this one: blank nodes and IRIs below it (`…/geometry`, `…#char=1,9`).
    Each neighbour is expanded in one OPTIONAL, so the rows grow with the neighbours'
    degree, not with a product of them; CONSTRUCT removes the duplicates that the union of
    the article graphs (each with a copy of an entity's description) produces.
    """
    x = sparql_iri(iri)
    names = " ".join(f"<{p}>" for p in NAMING_PROPERTIES)
    own = f'STRSTARTS(STR(?n), "{iri}/") || STRSTARTS(STR(?n), "{iri}#")'
    return f"""{_PREFIX_LINES}
CONSTRUCT {{ {x} ?p ?n . ?m ?q {x} . ?n ?np ?no . ?m ?mp ?mo . }}
WHERE {{
  {{ {{ SELECT DISTINCT ?p ?n WHERE {{ {x} ?p ?n }} }}
     OPTIONAL {{ ?n ?np ?no .
                FILTER(?np IN ({names.replace(' ', ', ')}) || isBlank(?n) || {own}) }} }}
  UNION
  {{ {{ SELECT DISTINCT ?m ?q WHERE {{ ?m ?q {x} }} LIMIT {MAX_INCOMING} }}
     OPTIONAL {{ ?m ?mp ?mo .
                FILTER(?mp IN ({names.replace(' ', ', ')}) || isBlank(?m) ||
                       {own.replace('?n', '?m')}) }} }}
}}"""


def describe(store: Store, iri: str, graphs: list[str] | None = None) -> bytes:
    """The description of `iri` as N-Triples (empty when the store knows nothing of it).

    `graphs` limits it to those graphs (an ontology term is described by the ontology, not
    by the thousands of events typed with it).
    """
    result = store.query(description_query(iri), default_graphs=graphs)
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


def events_involving(store: Store, entity: str, names: str, limit: int = MAX_TIMELINE
                     ) -> tuple[list[EventSummary], int]:
    """The events an entity takes part in (any role), oldest first, and how many there are.

    When there are more than `limit`, the most recent `limit` are returned. `names` is the
    graph whose labels name the sides (the gazetteer); see `labels_of`.
    """
    roles = " ".join(f"<{r}>" for r in ROLES)
    selector = f"VALUES ?role {{ {roles} }} ?event ?role {sparql_iri(entity)} ."
    total = store.query(f"""{_PREFIX_LINES}
        SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {{ {selector}
          ?event a ?type . ?type rdfs:subClassOf+ gk:Event }}""").rows()
    return _summaries(store, selector, names, limit), int(total[0]["n"] or 0)


def events_of_article(store: Store, article: str, names: str) -> list[EventSummary]:
    """The events read from one article, oldest first."""
    return _summaries(store, f"?event prov:wasDerivedFrom {sparql_iri(article)} .", names, None)


def event_summary(store: Store, event: str, names: str) -> EventSummary | None:
    found = _summaries(store, f"VALUES ?event {{ {sparql_iri(event)} }}", names, None)
    return found[0] if found else None


def _summaries(store: Store, selector: str, names: str, limit: int | None
               ) -> list[EventSummary]:
    """Events matched by `selector` (a pattern binding ?event) with sides and evidence.

    Three queries, not one: a single SELECT would return sides × sentences rows per event.
    """
    cap = f"LIMIT {limit}" if limit is not None else ""
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?event (SAMPLE(?t) AS ?type) (SAMPLE(?ts) AS ?stamp) (MIN(?b) AS ?start)
               (SAMPLE(?pr) AS ?precision)
        WHERE {{ {selector} ?event a ?t . ?t rdfs:subClassOf+ gk:Event .
          OPTIONAL {{ ?event sem:hasTimeStamp ?ts }}
          OPTIONAL {{ ?event sem:hasEarliestBeginTimeStamp ?b }}
          OPTIONAL {{ ?event gk:datePrecision ?pr }} }}
        GROUP BY ?event ORDER BY DESC(?start) ?event {cap}""").rows()
    events = {r["event"] or "": EventSummary(r["event"] or "", r["type"] or "", r["stamp"],
                                             r["start"], r["precision"]) for r in rows}
    if events:
        _add_sides(store, events, names)
        _add_evidence(store, events)
    # Oldest first; undated events (no start) last.
    return sorted(events.values(), key=lambda e: (e.start is None, e.start or "", e.iri))


def _add_sides(store: Store, events: dict[str, EventSummary], label_graph: str) -> None:
    # FILTER IN, not VALUES ?role: with two VALUES blocks Oxigraph scans every triple
    # (2.1 s instead of 0.014 s for 200 events at 1M triples).
    roles = ", ".join(f"<{r}>" for r in (*ROLES, GK.topic))
    rows = store.query(f"""SELECT DISTINCT ?event ?role ?node WHERE {{
          VALUES ?event {{ {_values(events)} }} ?event ?role ?node FILTER(?role IN ({roles}))
        }} ORDER BY ?event ?role ?node""").rows()
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
        for sides in event.sides.values():
            sides.sort(key=lambda s: (s.label("en") or s.iri).casefold())


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


def _add_evidence(store: Store, events: dict[str, EventSummary]) -> None:
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT DISTINCT ?event ?sentence ?text ?article ?title ?issued ?trigger ?confidence
        WHERE {{ VALUES ?event {{ {_values(events)} }}
          ?event gk:evidence ?sentence . ?sentence nif:anchorOf ?text .
          OPTIONAL {{ ?sentence nif:referenceContext ?article .
                     OPTIONAL {{ ?article dcterms:title ?title }}
                     OPTIONAL {{ ?article dcterms:issued ?issued }} }}
          OPTIONAL {{ ?sentence gk:trigger ?trigger }}
          OPTIONAL {{ ?sentence gk:confidence ?confidence }}
        }} ORDER BY ?event ?issued ?sentence""").rows()
    for row in rows:
        event = events[row["event"] or ""]
        if any(e.sentence == row["sentence"] for e in event.evidence):
            continue  # a second title or trigger of the same sentence
        event.evidence.append(Evidence(row["sentence"] or "", row["text"] or "",
                                       row["article"] or "", row["title"], row["issued"],
                                       row["trigger"], row["confidence"]))


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
    for prop, n in stats.properties:
        part = BNode()
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
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
    """A SPARQL 1.1 Service Description of /sparql (what `GET /sparql` without query says)."""
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
    shape_docs = [_shape_doc(shapes, s) for s in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)))
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


def _by_lang(g: Graph, node: URIRef, prop: URIRef) -> dict[str, str]:
    return {o.language or "": str(o) for o in g.objects(node, prop) if isinstance(o, Literal)}


def _show(g: Graph, node: object) -> str:
    """A term as a reader wants it: prefixed name, `A or B` for a union, a list for sh:in."""
    if isinstance(node, URIRef):
        return _qname(g, node)
    if isinstance(node, Literal):
        return str(node)
    union = g.value(node, OWL.unionOf)  # type: ignore[arg-type]
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
    path = g.value(node, SH.path)  # type: ignore[arg-type]
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
