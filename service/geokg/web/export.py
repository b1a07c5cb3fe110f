"""Entities and events as JSON-LD with schema.org terms, for tools that know schema.org
but not our ontology (search engines, CMS plugins, other knowledge bases).

    /export/entities.jsonld   every gazetteer entity: schema:Person, Country, City, ...
    /export/events.jsonld     every event: schema:Event with startDate, location, actor,
                              GEOKG_EXPORT_PAGE_SIZE a page (?page=N, Link: rel="next")
    ?iri=…                    narrows either to one resource

The documents are built from two SELECT queries and written with a local `@context`
(`@vocab` schema.org), so a JSON-LD processor needs no network to read them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from flask import Blueprint, Response, request
from werkzeug.exceptions import BadRequest, NotFound

from geokg.store.base import Store, sparql_iri
from geokg.vocab import GK, PREFIXES, SCHEMA
from geokg.web.paging import LDP_PAGE, Page, page_query, requested_page
from geokg.web.state import get_settings, get_store

bp = Blueprint("export", __name__)

JSONLD = "application/ld+json"
_PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
CONTEXT = {"@vocab": str(SCHEMA), "gk": str(GK), "sameAs": {"@type": "@id"},
           "location": {"@type": "@id"}, "actor": {"@type": "@id"},
           "about": {"@type": "@id"}, "containedInPlace": {"@type": "@id"},
           "subjectOf": {"@type": "@id"}, "additionalType": {"@type": "@id"},
           "gk:addressee": {"@type": "@id"}}
SCHEMA_CLASS = {"Leader": "Person", "State": "Country", "Region": "AdministrativeArea",
                "City": "City", "Organisation": "Organization", "Treaty": "Legislation"}
_SEP = "|"


@bp.get("/export/entities.jsonld")
def entities() -> Response:
    return _jsonld(entity_nodes(get_store(), str(get_settings().base_iri), _one_iri()))


@bp.get("/export/events.jsonld")
def events() -> Response:
    """One event (`?iri=`), or page `?page=` of all of them, GEOKG_EXPORT_PAGE_SIZE each (all
    at once ran past the query timeout at 100k articles): a page links the next (`Link:
    rel="next"`, LDP Paging style) until the last."""
    store, only = get_store(), _one_iri()
    if only is not None:
        return _jsonld(event_nodes(store, only))
    page = Page(requested_page(), get_settings().export_page_size, count_events(store))
    if not page.exists:
        raise NotFound(f"page {page.number} is past the last page ({page.last}) of the events")
    response = _jsonld(event_nodes(store, None, page.offset, page.size))
    if page.paged:
        here = request.path
        links = [f'<{LDP_PAGE}>; rel="type"', f"<{here}{page_query(1)}>; rel=\"first\"",
                 f"<{here}{page_query(page.last)}>; rel=\"last\""]
        if page.number > 1:
            links.append(f"<{here}{page_query(page.number - 1)}>; rel=\"prev\"")
        if page.has_next:
            links.append(f"<{here}{page_query(page.number + 1)}>; rel=\"next\"")
        response.headers["Link"] = ", ".join(links)
    return response


def _one_iri() -> str | None:
    iri = request.args.get("iri")
    if iri is None:
        return None
    try:
        sparql_iri(iri)
    except ValueError as exc:
        raise BadRequest(f"'iri' is not an IRI: {exc}") from None
    return iri


def _jsonld(nodes: list[dict[str, object]]) -> Response:
    document = {"@context": CONTEXT, "@graph": nodes}
    return Response(json.dumps(document, ensure_ascii=False, indent=1), mimetype=JSONLD)


def entity_nodes(store: Store, base: str, only: str | None = None) -> list[dict[str, object]]:
    """One node per entity of the gazetteer graph, typed with its schema.org class."""
    classes = " ".join(f"gk:{c}" for c in SCHEMA_CLASS)
    narrow = f"VALUES ?e {{ {sparql_iri(only)} }}" if only else ""
    query = f"""{_PREFIX_LINES}
SELECT ?e ?class (SAMPLE(?en) AS ?nameEn) (SAMPLE(?de) AS ?nameDe) (SAMPLE(?qid) AS ?wd)
       (SAMPLE(?in) AS ?partOf) (SAMPLE(?point) AS ?wkt)
       (GROUP_CONCAT(DISTINCT ?alias; separator="{_SEP}") AS ?aliases)
WHERE {{ GRAPH <{base}graph/gazetteer> {{
  {narrow} VALUES ?class {{ {classes} }}
  ?e a ?class .
  OPTIONAL {{ ?e rdfs:label ?en FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?e rdfs:label ?de FILTER(LANG(?de) = "de") }}
  OPTIONAL {{ ?e owl:sameAs ?qid }} OPTIONAL {{ ?e gk:partOf ?in }}
  OPTIONAL {{ ?e skos:altLabel ?alias }} OPTIONAL {{ ?e geo:hasGeometry/geo:asWKT ?point }}
}} }} GROUP BY ?e ?class ORDER BY ?e"""
    return [_entity_node(row) for row in store.query(query).rows()]


def _entity_node(row: dict[str, str | None]) -> dict[str, object]:
    kind = (row["class"] or "").rsplit("#", 1)[-1]
    node: dict[str, object] = {"@id": row["e"], "@type": SCHEMA_CLASS[kind],
                               "additionalType": row["class"], "name": _names(row)}
    if row["aliases"]:
        node["alternateName"] = sorted(row["aliases"].split(_SEP))
    if row["wd"]:
        node["sameAs"] = row["wd"]
    if row["partOf"]:
        node["containedInPlace"] = row["partOf"]
    point = re.search(r"POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)", row["wkt"] or "")
    if point:
        node["geo"] = {"@type": "GeoCoordinates", "longitude": float(point.group(1)),
                       "latitude": float(point.group(2))}
    return node


def _names(row: dict[str, str | None]) -> list[dict[str, str]]:
    return [{"@value": value, "@language": lang}
            for lang, value in (("en", row["nameEn"]), ("de", row["nameDe"])) if value]


EVENT_TYPES = " ".join(f"gk:{t}" for t in ("Call", "Meeting", "Demand", "TerritorialClaim",
                                             "Agreement", "Support"))


def count_events(store: Store) -> int:
    rows = store.query(f"""{_PREFIX_LINES} SELECT (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
        VALUES ?type {{ {EVENT_TYPES} }} ?ev a ?type }}""").rows()
    return int(rows[0]["n"] or 0)


def event_nodes(store: Store, only: str | None = None, offset: int = 0, limit: int = 0
                ) -> list[dict[str, object]]:
    """One schema:Event per event (`only` that one; else `limit` from `offset` on, in the
    store's order), with its sides, place, dates and reporting articles.

    Each fact is read DISTINCT on its own: an event every outlet reports has one copy of
    every fact per article, and joining the facts multiplied the copies (a request for the
    whole export at 100k articles ran past GEOKG_QUERY_TIMEOUT)."""
    if only:
        events = f"VALUES ?ev {{ {sparql_iri(only)} }} VALUES ?type {{ {EVENT_TYPES} }} ?ev a ?type"
        rows = store.query(f"{_PREFIX_LINES} SELECT DISTINCT ?ev ?type WHERE {{ {events} }}").rows()
    else:
        rows = store.query(f"""{_PREFIX_LINES} SELECT DISTINCT ?ev ?type WHERE {{
            VALUES ?type {{ {EVENT_TYPES} }} ?ev a ?type }} OFFSET {offset} LIMIT {limit}""").rows()
    found: dict[str, dict[str, object]] = {}
    for row in rows:
        found.setdefault(row["ev"] or "", {"ev": row["ev"], "type": row["type"]})
    if found:
        _add_event_facts(store, found)
    return [_event_node(row) for row in found.values()]


#: An event's facts: the property and the key `_event_node` reads its values under.
_EVENT_FACTS = (("sem:hasTimeStamp", "start"), ("sem:hasLatestEndTimeStamp", "end"),
                ("sem:hasPlace", "place"), ("gk:topic", "topic"), ("gk:participant", "actors"),
                ("gk:addressee", "addressees"), ("gk:territory", "things"),
                ("gk:treaty", "things"), ("prov:wasDerivedFrom", "articles"))


def _add_event_facts(store: Store, events: dict[str, dict[str, object]]) -> None:
    properties = ", ".join(p for p, _ in _EVENT_FACTS)
    rows = store.query(f"""{_PREFIX_LINES} SELECT DISTINCT ?ev ?p ?o WHERE {{
        VALUES ?ev {{ {" ".join(sparql_iri(e) for e in events)} }}
        ?ev ?p ?o FILTER(?p IN ({properties})) }}""").rows()
    keys = {str(PREFIXES[p.split(":")[0]][p.split(":")[1]]): key for p, key in _EVENT_FACTS}
    values: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        values.setdefault(row["ev"] or "", {}).setdefault(keys[row["p"] or ""], []).append(
            row["o"] or "")
    actors = {a for facts in values.values() for a in facts.get("actors", [])}
    names = _english_names(store, actors)
    for event, facts in values.items():
        node = events[event]
        for key in ("start", "end", "place", "topic"):
            node[key] = min(facts.get(key, []), default=None)
        for key in ("actors", "addressees", "things", "articles"):
            node[key] = " ".join(sorted(set(facts.get(key, []))))
        node["names"] = ", ".join(sorted({names[a] for a in facts.get("actors", []) if a in names}))


def _english_names(store: Store, iris: set[str]) -> dict[str, str]:
    """English labels as the gazetteer states them (one copy, where the union holds one per
    article graph naming the actor)."""
    if not iris:
        return {}
    rows = store.query(f"""{_PREFIX_LINES} SELECT ?node ?label WHERE {{
        VALUES ?node {{ {" ".join(sparql_iri(i) for i in sorted(iris))} }}
        GRAPH <{get_settings().base_iri}graph/gazetteer> {{ ?node rdfs:label ?label }}
        FILTER(LANG(?label) = "en") }}""").rows()
    return {r["node"] or "": r["label"] or "" for r in rows}


def _event_node(row: dict[str, object]) -> dict[str, object]:
    kind = str(row["type"] or "").rsplit("#", 1)[-1]
    label = f"{_words(kind)}: {row.get('names') or 'unnamed sides'}"
    start = row.get("start")
    node: dict[str, object] = {"@id": row["ev"], "@type": "Event", "additionalType": row["type"],
                               "name": label + (f" ({start})" if start else "")}
    optional: Iterator[tuple[str, object]] = iter([
        ("startDate", start), ("endDate", row.get("end")), ("location", row.get("place")),
        ("description", row.get("topic")), ("actor", _split(row.get("actors"))),
        ("gk:addressee", _split(row.get("addressees"))), ("about", _split(row.get("things"))),
        ("subjectOf", _split(row.get("articles")))])
    node.update({key: value for key, value in optional if value})
    return node


def _split(value: object) -> list[str]:
    return sorted(str(value).split()) if value else []


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name)
