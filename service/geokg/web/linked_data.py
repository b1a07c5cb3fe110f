"""Linked data: every IRI geokg mints dereferences here, in HTML or RDF, plus VoID, the
SPARQL service description, dumps and the JSON-LD context.

A request for `/entity/russia` describes `{GEOKG_BASE_IRI}entity/russia`, whatever host the
request came to, so a deployment behind a proxy serves its public IRIs. What to say about a
resource is asked of the store in `describe.py`; this module negotiates the format (Accept,
or a file extension such as `.ttl`, which wins) and renders it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast
from urllib.parse import quote

import pyoxigraph as ox
from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask import g as per_request
from rdflib import BNode, Graph, Literal, URIRef
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import BadRequest, NotFound

from geokg.resources import CONTEXT_FILE, ONTOLOGY_FILE, SHAPES_DIR
from geokg.store.base import graph_content
from geokg.vocab import DCTERMS, GK, NIF, OWL, PREFIXES, RDF, RDFS, SEM, SKOS, XSD
from geokg.web import describe as d
from geokg.web.paging import LDP_PAGE, Page, page_query, requested_page
from geokg.web.problems import PROBLEM_BASE, problem
from geokg.web.state import get_pipeline, get_settings, get_store, service_base
from geokg.web.streaming import started

bp = Blueprint("linked_data", __name__)

HTML = "text/html"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"
#: What a resource can be served as, Turtle first: a client that accepts anything (`*/*`)
#: is a program, since browsers name text/html explicitly.
OFFERED = (TURTLE, NTRIPLES, JSONLD, RDFXML, HTML)
EXTENSIONS = {"ttl": TURTLE, "nt": NTRIPLES, "jsonld": JSONLD, "rdf": RDFXML, "html": HTML}
#: Other names clients use for the same formats.
ALIASES = {"application/xhtml+xml": HTML, "application/x-turtle": TURTLE,
           "application/turtle": TURTLE, "application/json": JSONLD, "application/xml": RDFXML}
RDFLIB_FORMAT = {TURTLE: "turtle", JSONLD: "json-ld", RDFXML: "xml"}
OXIGRAPH_FORMAT = {TURTLE: ox.RdfFormat.TURTLE, RDFXML: ox.RdfFormat.RDF_XML}
OUR_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
#: Dump file suffix -> the store's dataset format.
DUMPS = {"nq": "nquads", "trig": "trig"}
#: Characters kept as they are when a request path becomes an IRI; the rest is
#: percent-encoded, so nothing from a URL can end the `<…>` the IRI is written in.
IRI_SAFE = "/:@!$&'()*+,;=-._~"
LONG_LITERAL = 300


# --- content negotiation --------------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    """The variant to send: its media type, whether Accept chose it, and the path stem."""

    media_type: str
    negotiated: bool
    stem: str  # request path without extension, e.g. /entity/russia
    variant: str = "{stem}.{ext}"  # where each format has a URL of its own
    page: int | None = None  # the page of a paged resource this response is

    @property
    def is_html(self) -> bool:
        return self.media_type == HTML

    def alternates(self) -> list[tuple[str, str]]:
        return [(mt, self.url(ext)) for ext, mt in EXTENSIONS.items()]

    def url(self, ext: str) -> str:
        return self.variant.format(stem=self.stem, ext=ext) + self._query(self.page)

    def page_url(self, number: int) -> str:
        """Another page of this resource in the same format (negotiated, if this was)."""
        if self.negotiated:
            return self.stem + self._query(number)
        ext = next(e for e, mt in EXTENSIONS.items() if mt == self.media_type)
        return self.variant.format(stem=self.stem, ext=ext) + self._query(number)

    @staticmethod
    def _query(number: int | None) -> str:
        return page_query(number) if number is not None else ""


class NotAcceptableFormat(Exception):
    """No variant fits the request's Accept header."""


def split_extension(name: str) -> tuple[str, str | None]:
    """`russia.ttl` -> (`russia`, text/turtle); an unknown suffix stays part of the name."""
    stem, dot, ext = name.rpartition(".")
    if dot and stem and ext in EXTENSIONS and "/" not in ext:
        return stem, EXTENSIONS[ext]
    return name, None


def choose(forced: str | None, offered: tuple[str, ...] = OFFERED) -> Choice:
    path = request.script_root + request.path
    stem = split_extension(path)[0] if forced else path
    if forced:
        return Choice(forced, False, stem)
    accept = plain_accept()
    if not accept:
        return Choice(offered[0], True, stem)
    candidates = list(offered) + [a for a, target in ALIASES.items() if target in offered]
    match = accept.best_match(candidates)
    if match is None:
        raise NotAcceptableFormat(", ".join(offered))
    return Choice(ALIASES.get(match, match), True, stem)


def plain_accept() -> MIMEAccept:
    """The Accept header without media type parameters, which Werkzeug would otherwise
    require to match: `application/ld+json;profile="…#compacted"` is still JSON-LD."""
    return MIMEAccept([(value.split(";", 1)[0].strip(), quality)
                       for value, quality in request.accept_mimetypes])


@bp.app_errorhandler(NotAcceptableFormat)
def not_acceptable(exc: NotAcceptableFormat) -> Response:
    response = problem(406, "Not Acceptable",
                       f"this resource is available as {exc}; the Accept header names none of them",
                       type_=PROBLEM_BASE + "not-acceptable")
    response.headers["Vary"] = "Accept"
    return response


def finish(response: Response, choice: Choice, pages: Page | None = None) -> Response:
    """Headers every negotiated representation carries; a page of a paged resource links
    to its neighbours, LDP Paging style (`rel="next"` until the last page)."""
    if choice.negotiated:
        response.headers["Vary"] = "Accept, Accept-Language" if choice.is_html else "Accept"
        ext = next(e for e, mt in EXTENSIONS.items() if mt == choice.media_type)
        response.headers["Content-Location"] = choice.url(ext)
    links = [f'<{href}>; rel="alternate"; type="{mt}"' for mt, href in choice.alternates()
             if mt != choice.media_type]
    if pages is not None and pages.paged:
        links += [f'<{LDP_PAGE}>; rel="type"', f'<{choice.page_url(1)}>; rel="first"',
                  f'<{choice.page_url(pages.last)}>; rel="last"']
        if pages.number > 1:
            links.append(f'<{choice.page_url(pages.number - 1)}>; rel="prev"')
        if pages.has_next:
            links.append(f'<{choice.page_url(pages.number + 1)}>; rel="next"')
    response.headers["Link"] = ", ".join(links)
    return response


def rdf_body(ntriples: bytes, media_type: str) -> bytes:
    """N-Triples from the store rewritten with prefixes (Turtle, RDF/XML: Oxigraph's writers,
    1,500 triples in 8 ms where rdflib took 49 ms) or compacted with our context (JSON-LD:
    rdflib, which compacts)."""
    if media_type == NTRIPLES:
        return ntriples
    if media_type in OXIGRAPH_FORMAT:
        triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=OXIGRAPH_FORMAT[media_type], prefixes=OUR_PREFIXES) or b""
    graph = d.parse_ntriples(ntriples)
    return graph.serialize(format="json-ld", context=jsonld_context(), encoding="utf-8")


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    return context


def prefers_html() -> bool:
    return plain_accept().best_match([HTML, "application/problem+json"]) == HTML


def not_found(iri: str) -> Response:
    detail = f"this server holds nothing about <{iri}>"
    if prefers_html():
        body = render_template("not_found.html", iri=iri, detail=detail)
        response = Response(body, status=404, mimetype=HTML)
    else:
        response = problem(404, "Not Found", detail, type_=PROBLEM_BASE + "unknown-resource",
                           iri=iri)
    response.headers["Vary"] = "Accept"
    return response


def iri_for(path: str) -> str:
    """The IRI a request path stands for: the configured base plus the path, re-encoded."""
    return get_settings().base_iri + quote(path, safe=IRI_SAFE)


# --- HTML views of RDF terms ----------------------------------------------------------

@dataclass
class TermView:
    """An RDF term as a page shows it. `href` is set only for http(s) IRIs: an IRI such as
    `javascript:…` is shown as text and never becomes a link."""

    text: str
    iri: str | None = None
    href: str | None = None
    external: bool = False
    lang: str | None = None
    datatype: str | None = None
    long: bool = False
    nested: list[tuple[TermView, list[TermView]]] = field(default_factory=list)


class Namer:
    """Names and links for the terms of one description graph, in the reader's language."""

    def __init__(self, graph: Graph, lang: str):
        self.graph = graph
        self.lang = lang
        self.base = get_settings().base_iri
        self.root = request.script_root
        self.term_labels = term_labels()

    def href(self, iri: str) -> tuple[str | None, bool]:
        """Our IRIs link to their page on this server; other http(s) IRIs link out."""
        if iri.startswith(self.base):
            return f"{self.root}/{iri[len(self.base):]}", False
        for namespace in (str(GK), str(d.GKSH)):
            if iri.startswith(namespace):
                return f"{url_for('linked_data.ontology')}#{iri[len(namespace):]}", False
        if iri == str(GK).rstrip("#"):
            return url_for("linked_data.ontology"), False
        if re.match(r"https?://", iri, flags=re.IGNORECASE):
            return iri, True
        return None, False

    def view(self, node: object, depth: int = 0) -> TermView:
        if isinstance(node, Literal):
            datatype = None if node.datatype in (None, XSD.string) else self.qname(node.datatype)
            return TermView(str(node), lang=node.language, datatype=datatype,
                            long=len(str(node)) > LONG_LITERAL)
        if isinstance(node, BNode):
            nested = self.statements(node, depth=depth + 1) if depth < 3 else []
            return TermView("(blank node)", nested=nested)
        iri = str(node)
        href, external = self.href(iri)
        return TermView(self.name(URIRef(iri)), iri=iri, href=href, external=external)

    def name(self, node: URIRef) -> str:
        g = self.graph
        label = self.label(node) or self.term_labels.get(str(node), {}).get(self.lang)
        if label:
            return label
        stamp, kind = g.value(node, SEM.hasTimeStamp), g.value(node, RDF.type)
        if kind is not None and stamp is not None:
            return f"{self.qname(kind).split(':')[-1]} {stamp}"
        anchor = g.value(node, NIF.anchorOf)
        if anchor is not None:
            text = str(anchor)
            return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"
        return self.qname(node)

    def label(self, node: object) -> str | None:
        found: dict[str, str] = {}
        for prop in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
            for value in self.graph.objects(node, prop):  # type: ignore[arg-type]
                if isinstance(value, Literal):
                    found.setdefault(value.language or "", str(value))
        return found.get(self.lang) or found.get("en") or found.get("") or next(
            iter(found.values()), None)

    def qname(self, iri: object) -> str:
        try:
            prefix, namespace, local = self.graph.namespace_manager.compute_qname(
                str(iri), generate=False)
        except (KeyError, ValueError):
            return str(iri)
        return f"{prefix}:{local}" if local else str(iri)

    def statements(self, subject: object, source: Graph | None = None, depth: int = 0
                   ) -> list[tuple[TermView, list[TermView]]]:
        """Outgoing statements (in `source`, default all this namer knows) grouped by
        property, the usual properties first."""
        grouped: dict[URIRef, list[object]] = {}
        for p, o in (self.graph if source is None else source).predicate_objects(subject):  # type: ignore[arg-type]
            grouped.setdefault(p, []).append(o)  # type: ignore[arg-type]
        return [(self.property_view(p), sorted((self.view(o, depth) for o in objects), key=_order))
                for p, objects in sorted(grouped.items(), key=lambda kv: self._rank(kv[0]))]

    def property_view(self, prop: URIRef) -> TermView:
        """A property as its prefixed name (what a SPARQL user types), linked to its docs."""
        href, external = self.href(str(prop))
        return TermView(self.qname(prop), iri=str(prop), href=href, external=external)

    def incoming(self, obj: URIRef, source: Graph | None = None
                 ) -> list[tuple[TermView, list[TermView]]]:
        grouped: dict[URIRef, list[object]] = {}
        for s, p in (self.graph if source is None else source).subject_predicates(obj):
            grouped.setdefault(p, []).append(s)  # type: ignore[arg-type]
        return [(self.property_view(p), sorted((self.view(s) for s in subjects), key=_order))
                for p, subjects in sorted(grouped.items(), key=lambda kv: self._rank(kv[0]))]

    def _rank(self, prop: object) -> tuple[int, str]:
        first = [RDF.type, RDFS.label, SKOS.prefLabel, DCTERMS.title, OWL.sameAs]
        return (first.index(cast(URIRef, prop)) if prop in first else len(first), self.qname(prop))


def _order(view: TermView) -> tuple[str, str]:
    return (view.lang or "", view.text.casefold())


@bp.app_template_filter("bilingual")
def bilingual(texts: dict[str, str]) -> list[tuple[str, str]]:
    """Language-tagged texts English first, then German, then the rest by tag."""
    order = {"en": 0, "de": 1}
    return sorted(texts.items(), key=lambda kv: (order.get(kv[0], 2), kv[0]))


def reader_language() -> str:
    return request.accept_languages.best_match(["en", "de"], default="en") or "en"


# --- resource pages -------------------------------------------------------------------

#: Page builders add what a kind of resource shows besides its statements: page `number`
#: of their own lists, and those lists' `Page`s under "lists" (a page number exists while
#: one of the resource's lists reaches it).
PageBuilder = Callable[[str, Namer, int], dict[str, Any]]


def serve_resource(iri: str, forced: str | None, template: str = "resource.html",
                   page: PageBuilder | None = None, graphs: list[str] | None = None) -> Response:
    """A resource in the negotiated format. RDF: its description, complete when it fits one
    page (GEOKG_DESCRIPTION_PAGE_SIZE statements), else paged (LDP Paging style: the bare URL
    answers 303 See Other to `?page=1`, each page links `rel="next"`). HTML: page `?page=`
    of each list it shows (GEOKG_PAGE_SIZE items each: its statements, and the events or
    reports its kind of resource lists); its links to other formats name their first page."""
    choice = choose(forced)
    number = requested_page()
    store, settings = get_store(), get_settings()
    figures = hub_figures(iri) if page is entity_page and graphs is None else None
    size = figures.size if figures else d.description_size(store, iri, graphs)
    if size.total == 0:
        return not_found(iri)
    statements = Page(number, settings.description_page_size, size.total)
    if not choice.is_html:
        if not statements.exists:
            return past_the_end(iri, statements)
        if statements.paged and "page" not in request.args:
            return see_first_page(choice)
        choice = dataclasses.replace(choice, page=number if "page" in request.args else None)
        body = d.describe(store, iri, size, statements.offset, statements.size,
                          names_graph=names_graph(), graphs=graphs)
        return finish(Response(rdf_body(body, choice.media_type), mimetype=choice.media_type),
                      choice, statements)
    statements = Page(number, settings.page_size, size.total)
    described = d.parse_ntriples(d.describe(store, iri, size, statements.offset, statements.size,
                                            names_graph=names_graph(), graphs=graphs))
    named = d.parse_ntriples(d.header(store, iri, names_graph()))
    namer = Namer(described + named, reader_language())
    extra = page(iri, namer, number) if page else {}
    lists = [statements, *extra.pop("lists", [])]
    if not any(p.exists for p in lists):
        return past_the_end(iri, max(lists, key=lambda p: p.last))
    pages = Page(number, 1, max(p.last for p in lists))  # the resource's pages, in all
    html = render_template(template, **resource_context(iri, namer, described, choice),
                           statements_page=statements, pages=pages, **extra)
    return finish(Response(html, mimetype=HTML), choice, pages)


def see_first_page(choice: Choice) -> Response:
    """A description too long for one response: send the client to its first page."""
    response = cast(Response, redirect(choice.page_url(1), code=303))
    if choice.negotiated:
        response.headers["Vary"] = "Accept"
    return response


def past_the_end(iri: str, pages: Page) -> Response:
    detail = (f"page {pages.number} is past the last page ({pages.last}) of <{iri}>; "
              f"pages are numbered from 1")
    if prefers_html():
        body = render_template("not_found.html", iri=iri, detail=detail, last_page=pages.last)
        return Response(body, status=404, mimetype=HTML)
    return problem(404, "Not Found", detail, type_=PROBLEM_BASE + "page-past-the-end",
                   iri=iri, last_page=pages.last)


def resource_context(iri: str, namer: Namer, described: Graph, choice: Choice) -> dict[str, Any]:
    """What every resource page shows: the head (labels, types, Wikidata) from everything
    read, the statements of this page from `described`."""
    g, node = namer.graph, URIRef(iri)
    labels = {o.language or "": str(o) for o in g.objects(node, RDFS.label) if isinstance(o, Literal)}
    parts = sorted({o for o in described.objects(node, None) if _belongs(o, iri)}
                   | {s for s in described.subjects(None, node) if _belongs(s, iri)}, key=str)
    return {
        "iri": iri, "title": namer.name(node), "labels": labels, "lang": namer.lang,
        "types": [namer.view(t) for t in g.objects(node, RDF.type)],
        "same_as": [namer.view(o) for o in g.objects(node, OWL.sameAs)],
        "outgoing": namer.statements(node, described), "incoming": namer.incoming(node, described),
        "parts": [(namer.view(p), namer.statements(p)) for p in parts],
        "alternates": choice.alternates(),
    }


def _belongs(node: object, iri: str) -> bool:
    return isinstance(node, URIRef) and str(node).startswith((f"{iri}/", f"{iri}#"))


#: Role -> (caption over the sides in that role, the role of the page's own entity).
ROLE_CAPTIONS = {GK.participant: ("participants", "participant"),
                 GK.addressee: ("addressed to", "addressee"),
                 GK.territory: ("territory", "claimed territory"),
                 GK.treaty: ("treaty", "treaty"), SEM.hasPlace: ("place", "place")}


@dataclass
class EventView:
    iri: TermView
    type: TermView
    date: str | None
    precision: str | None
    sides: list[tuple[str, list[TermView]]]
    topics: list[str]
    evidence: list[dict[str, Any]]
    role: str | None = None  # how the entity whose page shows the event takes part
    reports: int = 0  # evidence sentences in all; a list shows a few


def event_view(event: d.EventSummary, namer: Namer, hide: str | None = None) -> EventView:
    """An event for a timeline or list; `hide` leaves out the entity whose page this is."""
    sides, own_roles = [], []
    for role in d.ROLES:
        members = event.sides.get(str(role), [])
        if any(s.iri == hide for s in members):
            own_roles.append(ROLE_CAPTIONS[role][1])
        views = [side_view(s, namer) for s in members if s.iri != hide]
        if views:
            sides.append((ROLE_CAPTIONS[role][0], views))
    evidence = [{"text": e.text, "href": namer.href(e.sentence)[0],
                 "article": namer.href(e.article)[0] if e.article else None,
                 "title": e.title or e.article.rsplit("/", 1)[-1], "issued": e.issued,
                 "trigger": e.trigger, "confidence": e.confidence} for e in event.evidence]
    href, external = namer.href(event.iri)
    kind = namer.view(URIRef(event.type))
    return EventView(TermView(event.iri, iri=event.iri, href=href, external=external), kind,
                     event.stamp, event.precision.rsplit("#", 1)[-1] if event.precision else None,
                     sides, event.topics, evidence, ", ".join(own_roles) or None, event.reports)


def side_view(side: d.Side, namer: Namer) -> TermView:
    href, external = namer.href(side.iri)
    return TermView(side.label(namer.lang) or namer.qname(side.iri), iri=side.iri, href=href,
                    external=external)


def names_graph() -> str:
    """Where the sides of events are named: the gazetteer graph."""
    return str(get_pipeline().mint.gazetteer_graph)


def hub_figures(iri: str) -> d.HubFigures | None:
    """The figures of a hub's page from the statistics graph (`describe.hub_figures`), read
    once per request: the description and the timeline both need them."""
    if per_request.get("hub_figures_of") != iri:
        mint = get_pipeline().mint
        per_request.hub_figures = d.hub_figures(get_store(), iri, str(mint.statistics_graph),
                                                str(mint.revision_graph))
        per_request.hub_figures_of = iri
    figures: d.HubFigures | None = per_request.hub_figures
    return figures


def entity_page(iri: str, namer: Namer, number: int) -> dict[str, Any]:
    """The entity's timeline: page `number` of its events, the most recent first."""
    store = get_store()
    figures = hub_figures(iri)
    total = figures.events if figures else d.count_events_involving(store, iri)
    events = Page(number, get_settings().page_size, total)
    statistics = str(get_pipeline().mint.statistics_graph)
    found = (d.events_involving(store, iri, names_graph(), events.offset, events.size,
                                total=events.total, statistics=statistics, figures=figures)
             if events.total and events.exists else [])
    return {"timeline": [event_view(e, namer, hide=iri) for e in found],
            "timeline_total": events.total, "timeline_page": events, "lists": [events]}


def event_page(iri: str, namer: Namer, number: int) -> dict[str, Any]:
    """The event's sides and page `number` of its evidence sentences."""
    store = get_store()
    summary = d.event_summary(store, iri, names_graph())
    evidence = Page(number, get_settings().page_size, summary.reports if summary else 0)
    if summary is not None and evidence.total and evidence.exists:
        summary.evidence = d.evidence_page(store, iri, evidence.offset, evidence.size)
    return {"event": event_view(summary, namer) if summary else None,
            "evidence_page": evidence, "lists": [evidence] if summary else []}


def article_page(iri: str, namer: Namer, number: int) -> dict[str, Any]:
    """The article's metadata and text (read in its own graph) and page `number` of the
    events read from it."""
    store = get_store()
    g, node = d.parse_ntriples(d.article_graph_part(store, iri)), URIRef(iri)
    text = g.value(node, NIF.isString)
    events = Page(number, get_settings().page_size, d.count_events_of_article(store, iri))
    found = (d.events_of_article(store, iri, names_graph(), events.offset, events.size)
             if events.total and events.exists else [])
    return {"events": [event_view(e, namer) for e in found], "events_page": events,
            "lists": [events],
            "segments": text_segments(g, iri, str(text)) if text is not None else [],
            "meta": [(caption, [namer.view(o) for o in g.objects(node, prop)])
                     for caption, prop in ARTICLE_META]}


ARTICLE_META = (("Published", DCTERMS.issued), ("Language", DCTERMS.language),
                ("URL", URIRef("https://schema.org/url")), ("Sources", DCTERMS.source),
                ("Read at", URIRef("http://www.w3.org/ns/prov#generatedAtTime")),
                ("Content hash", GK.contentHash))


def text_segments(g: Graph, iri: str, text: str) -> list[tuple[str, str | None]]:
    """The article text cut into (piece, anchor): evidence sentences get their fragment
    (`char=12,80`) as anchor so the evidence links of event pages land on them."""
    spans = []
    for sentence in g.subjects(NIF.referenceContext, URIRef(iri)):
        first, last = g.value(sentence, NIF.beginIndex), g.value(sentence, NIF.endIndex)
        if first is not None and last is not None and str(sentence).startswith(f"{iri}#"):
            spans.append((int(str(first)), int(str(last)), str(sentence).split("#", 1)[1]))
    segments: list[tuple[str, str | None]] = []
    position = 0
    for begin, end, anchor in sorted(spans):
        if begin < position or end > len(text):
            continue  # overlapping or out of range: leave it unmarked
        segments += [(text[position:begin], None), (text[begin:end], anchor)]
        position = end
    segments.append((text[position:], None))
    return [s for s in segments if s[0]]


@bp.get("/entity/<path:key>")
def entity(key: str) -> Response:
    key, forced = split_extension(key)
    return serve_resource(iri_for(f"entity/{key}"), forced, "entity.html", entity_page)


@bp.get("/event/<path:ident>")
def event(ident: str) -> Response:
    ident, forced = split_extension(ident)
    return serve_resource(iri_for(f"event/{ident}"), forced, "event.html", event_page)


@bp.get("/article/<path:ident>")
def article(ident: str) -> Response:
    ident, forced = split_extension(ident)
    return serve_resource(iri_for(f"article/{ident}"), forced, "article.html", article_page)


@bp.get("/office/<path:rest>")
def office(rest: str) -> Response:
    rest, forced = split_extension(rest)
    return serve_resource(iri_for(f"office/{rest}"), forced)


@bp.get("/extractor/<path:rest>")
def extractor(rest: str) -> Response:
    """The extractor that read articles (`geokg.graph.provenance`): version, digest, and the
    readings associated with it."""
    rest, forced = split_extension(rest)
    return serve_resource(iri_for(f"extractor/{rest}"), forced)


@bp.get("/graph/<path:name>")
def named_graph(name: str) -> Response:
    """A named graph's IRI gives its content (RDF) or a summary with download links (HTML)."""
    name, forced = split_extension(name)
    iri, store = iri_for(f"graph/{name}"), get_store()
    choice = choose(forced)
    if not store.has_graph(iri):
        return not_found(iri)
    if choice.is_html:
        triples, classes = d.graph_summary(store, iri)
        namer = Namer(d.new_graph(), reader_language())
        html = render_template("graph.html", iri=iri, triples=triples,
                               classes=[(namer.view(URIRef(c)), n) for c, n in classes],
                               alternates=choice.alternates())
        return finish(Response(html, mimetype=HTML), choice)
    body = graph_content(store, iri, choice.media_type)
    return finish(Response(started(body), mimetype=choice.media_type), choice)


# --- the ontology ---------------------------------------------------------------------

@bp.get("/ontology", defaults={"ext": None})
@bp.get("/ontology.<ext>")
def ontology(ext: str | None) -> Response:
    """HTML: the documentation generated from ontology/; RDF: the ontology graph as stored."""
    if ext is not None and ext not in EXTENSIONS:
        raise NotFound(f"no ontology document .{ext}; use one of {', '.join(EXTENSIONS)}")
    choice = choose(EXTENSIONS[ext] if ext else None)
    if choice.is_html:
        doc = ontology_doc()
        return finish(Response(render_template("ontology.html", doc=doc, alternates=choice.alternates()),
                               mimetype=HTML), choice)
    graph = str(get_pipeline().mint.ontology_graph)
    if not get_store().has_graph(graph):
        return not_found(graph)
    body = graph_content(get_store(), graph, choice.media_type)
    return finish(Response(started(body), mimetype=choice.media_type), choice)


@bp.get("/ontology/<term>")
def ontology_term(term: str) -> Response:
    """`gk:Call` in RDF (from the ontology graph), or in HTML its entry on the ontology page."""
    term, forced = split_extension(term)
    known = {t.name for _, terms in ontology_doc().sections for t in terms}
    if term not in known:
        return not_found(f"{GK}{term}")
    choice = choose(forced)
    if choice.is_html:
        return cast(Response, redirect(f"{url_for('linked_data.ontology')}#{term}", code=303))
    return serve_resource(f"{GK}{term}", forced,
                          graphs=[str(get_pipeline().mint.ontology_graph)])


def term_labels() -> dict[str, dict[str, str]]:
    """en/de labels of our ontology's terms, to name types and roles on every page."""
    return {t.iri: t.labels for _, terms in ontology_doc().sections for t in terms}


def ontology_doc() -> d.OntologyDoc:
    files = [ONTOLOGY_FILE, *sorted(SHAPES_DIR.glob("*.ttl"))]
    return _ontology_doc(tuple((str(f), f.stat().st_mtime_ns) for f in files))


@lru_cache(maxsize=2)
def _ontology_doc(files: tuple[tuple[str, int], ...]) -> d.OntologyDoc:
    """Parsed once per version of the files (their paths and modification times)."""
    ontology, shapes = Graph(), Graph()
    ontology.parse(files[0][0])
    for path, _ in files[1:]:
        shapes.parse(path)
    return d.ontology_doc(ontology, shapes)


# --- dataset descriptions: VoID and the SPARQL service description --------------------

_stats_lock = threading.Lock()
STATS_KEY = "geokg.linked_data.stats"


def dataset_stats() -> d.DatasetStats:
    """VoID figures, recomputed only when the store changed (see `store_fingerprint`)."""
    store, mint = get_store(), get_pipeline().mint
    key = d.store_fingerprint(store)
    cached = current_app.extensions.get(STATS_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    with _stats_lock:
        stats = d.dataset_stats(store, get_settings().base_iri,
                                [str(mint.gazetteer_graph), str(mint.ontology_graph)])
        current_app.extensions[STATS_KEY] = (key, stats)
    return stats


def forget_dataset_stats(app: Flask) -> None:
    """Drop the cached VoID figures; under the lock, so a computation running now cannot
    put figures back that predate the change."""
    with _stats_lock:
        app.extensions.pop(STATS_KEY, None)


def dataset_links() -> d.DatasetLinks:
    """Where the dataset's parts are: under GEOKG_BASE_IRI, or where this server answers."""
    return d.DatasetLinks(service_base(), get_settings().data_license or None)


def serve_document(graph: Graph, choice: Choice, title: str, intro: str,
                   main: URIRef) -> Response:
    """A small RDF document we build ourselves (VoID, service description), negotiated."""
    if not choice.is_html:
        extra: dict[str, Any] = {"context": jsonld_context()} if choice.media_type == JSONLD else {}
        body = graph.serialize(format=RDFLIB_FORMAT.get(choice.media_type, "nt"), encoding="utf-8",
                               **extra)
        return finish(Response(body, mimetype=choice.media_type), choice)
    namer = Namer(graph, reader_language())
    subjects = [main] + sorted({s for s in graph.subjects() if isinstance(s, URIRef)} - {main}, key=str)
    html = render_template("document.html", title=title, intro=intro,
                           subjects=[(namer.view(s), namer.statements(s)) for s in subjects],
                           alternates=choice.alternates())
    return finish(Response(html, mimetype=HTML), choice)


@bp.get("/.well-known/void", defaults={"ext": None})
@bp.get("/.well-known/void.<ext>")
def void(ext: str | None) -> Response:
    if ext is not None and ext not in EXTENSIONS:
        raise NotFound(f"no VoID document .{ext}; use one of {', '.join(EXTENSIONS)}")
    links = dataset_links()
    return serve_document(d.void_graph(dataset_stats(), links), choose(EXTENSIONS.get(ext or "")),
                          "Dataset description (VoID)",
                          "Size, parts, vocabularies and access points of this knowledge graph.",
                          links.dataset)


def service_description() -> Response:
    """What `GET /sparql` without a query answers (called from the SPARQL blueprint).

    `?format=ttl|nt|jsonld|rdf|html` overrides Accept, as a suffix does elsewhere.
    """
    name = request.args.get("format")
    if name is not None and name not in EXTENSIONS:
        raise BadRequest(f"format={name!r} is unknown; use one of {', '.join(EXTENSIONS)}")
    choice = choose(EXTENSIONS[name] if name else None)
    choice = Choice(choice.media_type, choice.negotiated, request.script_root + request.path,
                    "{stem}?format={ext}")
    links = dataset_links()
    return serve_document(d.service_description(dataset_stats(), links), choice,
                          "SPARQL endpoint",
                          "This is a SPARQL 1.1 query endpoint: send a query as ?query=… (GET) "
                          "or POST it. Its service description follows.",
                          URIRef(f"{links.endpoint}#service"))


# --- dumps and the JSON-LD context ----------------------------------------------------

@bp.get("/dump.<kind>.gz")
def dump(kind: str) -> Response:
    """The whole dataset as gzip'd N-Quads or TriG, compressed while the store writes it."""
    if kind not in DUMPS:
        raise NotFound(f"no dump .{kind}.gz; there are {', '.join(f'/dump.{k}.gz' for k in DUMPS)}")
    response = Response(started(gzipped(get_store().dump(DUMPS[kind]))), mimetype="application/gzip")
    response.headers["Content-Disposition"] = f'attachment; filename="geokg.{kind}.gz"'
    return response


def gzipped(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """gzip (wbits=31: with header and trailer) as a stream; closing it closes `chunks`."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    try:
        for chunk in chunks:
            if out := compressor.compress(chunk):
                yield out
        yield compressor.flush()
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


@bp.get("/context.jsonld")
def context() -> Response:
    return send_file(CONTEXT_FILE, mimetype=JSONLD, max_age=3600)
