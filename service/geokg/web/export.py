"""Entities and events as JSON-LD with schema.org terms, for tools that know schema.org
but not our ontology (search engines, CMS plugins, other knowledge bases).

    /export/entities.jsonld   every gazetteer entity: schema:Person, Country, City, ...
    /export/events.jsonld     every event: schema:Event with startDate, location, actor
    ?iri=…                    narrows either to one resource

The documents are built from two SELECT queries and written with a local `@context`
(`@vocab` schema.org), so a JSON-LD processor needs no network to read them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from flask import Blueprint, Response, request
from werkzeug.exceptions import BadRequest

from geokg.store.base import Store, sparql_iri
from geokg.vocab import GK, PREFIXES, SCHEMA
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
    return _jsonld(event_nodes(get_store(), _one_iri()))


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


def event_nodes(store: Store, only: str | None = None) -> list[dict[str, object]]:
    """One schema:Event per event, with its sides, place, dates and reporting articles."""
    narrow = f"VALUES ?ev {{ {sparql_iri(only)} }}" if only else ""
    types = " ".join(f"gk:{t}" for t in ("Call", "Meeting", "Demand", "TerritorialClaim",
                                          "Agreement", "Support"))
    query = f"""{_PREFIX_LINES}
SELECT ?ev ?type (SAMPLE(?stamp) AS ?start) (SAMPLE(?last) AS ?end) (SAMPLE(?where) AS ?place)
  (SAMPLE(?what) AS ?topic)
  (GROUP_CONCAT(DISTINCT STR(?actor); separator=" ") AS ?actors)
  (GROUP_CONCAT(DISTINCT STR(?addressee); separator=" ") AS ?addressees)
  (GROUP_CONCAT(DISTINCT STR(?thing); separator=" ") AS ?things)
  (GROUP_CONCAT(DISTINCT STR(?article); separator=" ") AS ?articles)
  (GROUP_CONCAT(DISTINCT ?actorName; separator=", ") AS ?names)
WHERE {{
  {narrow} VALUES ?type {{ {types} }}
  ?ev a ?type ; prov:wasDerivedFrom ?article .
  OPTIONAL {{ ?ev sem:hasTimeStamp ?stamp ; sem:hasLatestEndTimeStamp ?last }}
  OPTIONAL {{ ?ev sem:hasPlace ?where }} OPTIONAL {{ ?ev gk:topic ?what }}
  OPTIONAL {{ ?ev gk:participant ?actor .
             OPTIONAL {{ ?actor rdfs:label ?actorName FILTER(LANG(?actorName) = "en") }} }}
  OPTIONAL {{ ?ev gk:addressee ?addressee }}
  OPTIONAL {{ ?ev gk:territory|gk:treaty ?thing }}
}} GROUP BY ?ev ?type ORDER BY ?start ?ev"""
    return [_event_node(row) for row in store.query(query).rows()]


def _event_node(row: dict[str, str | None]) -> dict[str, object]:
    kind = (row["type"] or "").rsplit("#", 1)[-1]
    label = f"{_words(kind)}: {row['names'] or 'unnamed sides'}"
    node: dict[str, object] = {"@id": row["ev"], "@type": "Event", "additionalType": row["type"],
                               "name": label + (f" ({row['start']})" if row["start"] else "")}
    optional: Iterator[tuple[str, object]] = iter([
        ("startDate", row["start"]), ("endDate", row["end"]), ("location", row["place"]),
        ("description", row["topic"]), ("actor", _split(row["actors"])),
        ("gk:addressee", _split(row["addressees"])), ("about", _split(row["things"])),
        ("subjectOf", _split(row["articles"]))])
    node.update({key: value for key, value in optional if value})
    return node


def _split(value: str | None) -> list[str]:
    return sorted(value.split()) if value else []


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name)
