"""Pictures of the graph: an actor's contact network, its event timeline, the event map.

The store answers each picture in one SPARQL query; this module only lays the answer out
(positions in an SVG's coordinates), and the templates draw it. Layouts are deterministic
(a radial ego network, a time axis, an equirectangular projection), so the same graph
always gives the same picture and a test can check where things are.

A state's picture includes what its leaders did while in office: events name the actor
the article named ("Macron"), and the gazetteer's office terms say for which state they
acted on that date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from geokg.store.base import Store, sparql_iri
from geokg.vocab import PREFIXES

_PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
EVENT_TYPES = ("Call", "Meeting", "Demand", "TerritorialClaim", "Agreement", "Support")
CONTACT_TYPES = ("Call", "Meeting", "Demand", "Agreement", "Support")
MAX_CONTACTS = 40
MAX_EVENTS = 400
_WKT_POINT = re.compile(r"POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", re.IGNORECASE)


def _acting(entity: str, event: str = "?ev", role: str = "?role") -> str:
    """Patterns binding `event` to the events the entity, or a leader of it while in office,
    takes part in through `role`."""
    e = sparql_iri(entity)
    return f"""{{ {event} {role} {e} }} UNION {{
      ?leader gk:holdsOffice ?term . ?term gk:officeOf {e} ; gk:startDate ?from .
      OPTIONAL {{ ?term gk:endDate ?to }}
      {event} {role} ?leader ; sem:hasEarliestBeginTimeStamp ?day .
      FILTER(?day >= ?from && (!BOUND(?to) || ?day <= ?to)) }}"""


# --- contact network -----------------------------------------------------------------

@dataclass
class Contact:
    iri: str
    label: str
    kinds: dict[str, int] = field(default_factory=dict)  # event type -> count
    x: float = 0.0
    y: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.kinds.values())


@dataclass
class Network:
    center: str
    label: str
    contacts: list[Contact]
    size: int = 560

    @property
    def middle(self) -> float:
        return self.size / 2


def contact_network(store: Store, entity: str) -> Network:
    """Who the entity (or its leaders in office) called, met, made demands or agreements
    with, or supported, with the number of events of each type."""
    types = " ".join(f"gk:{t}" for t in CONTACT_TYPES)
    query = f"""{_PREFIX_LINES}
SELECT ?other ?type (COUNT(DISTINCT ?ev) AS ?n) (SAMPLE(?name) AS ?label) WHERE {{
  {{ SELECT DISTINCT ?ev WHERE {{ VALUES ?role {{ gk:participant gk:addressee }}
      {_acting(entity)} }} }}
  VALUES ?type {{ {types} }}
  ?ev a ?type ; gk:participant|gk:addressee ?other .
  FILTER(?other != {sparql_iri(entity)})
  FILTER NOT EXISTS {{ ?other gk:holdsOffice/gk:officeOf {sparql_iri(entity)} }}
  OPTIONAL {{ ?other rdfs:label ?name FILTER(LANGMATCHES(LANG(?name), "en")) }}
}} GROUP BY ?other ?type"""
    contacts: dict[str, Contact] = {}
    for row in store.query(query).rows():
        other = row["other"] or ""
        contact = contacts.setdefault(other, Contact(other, row["label"] or _tail(other)))
        contact.kinds[_tail(row["type"] or "")] = int(row["n"] or 0)
    ranked = sorted(contacts.values(), key=lambda c: (-c.total, c.label))[:MAX_CONTACTS]
    network = Network(entity, label_of(store, entity), ranked)
    _place_on_circle(network)
    return network


def _place_on_circle(network: Network) -> None:
    """Contacts around the centre, the most frequent first, clockwise from the top."""
    radius = network.middle - 90
    count = max(len(network.contacts), 1)
    for index, contact in enumerate(network.contacts):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        contact.x = round(network.middle + radius * math.cos(angle), 1)
        contact.y = round(network.middle + radius * math.sin(angle), 1)


# --- timeline ------------------------------------------------------------------------

@dataclass
class TimelineEvent:
    iri: str
    type: str
    day: dt.date
    label: str
    x: float = 0.0
    y: float = 0.0


@dataclass
class Timeline:
    entity: str
    label: str
    events: list[TimelineEvent]
    first: dt.date | None = None
    last: dt.date | None = None
    ticks: list[tuple[float, str]] = field(default_factory=list)
    width: int = 900
    row_height: int = 34
    left: int = 130

    @property
    def height(self) -> int:
        return self.row_height * len(EVENT_TYPES) + 50


def timeline(store: Store, entity: str) -> Timeline:
    """Every dated event the entity (or its leaders in office) takes part in, by type."""
    types = " ".join(f"gk:{t}" for t in EVENT_TYPES)
    query = f"""{_PREFIX_LINES}
SELECT ?ev ?type (MIN(?begin) AS ?day) (SAMPLE(?topic) AS ?about) WHERE {{
  {{ SELECT DISTINCT ?ev WHERE {{
      VALUES ?role {{ gk:participant gk:addressee gk:territory gk:treaty sem:hasPlace }}
      {_acting(entity)} }} }}
  VALUES ?type {{ {types} }}
  ?ev a ?type ; sem:hasEarliestBeginTimeStamp ?begin .
  OPTIONAL {{ ?ev gk:topic ?topic }}
}} GROUP BY ?ev ?type ORDER BY ?day LIMIT {MAX_EVENTS}"""
    events = [TimelineEvent(r["ev"] or "", _tail(r["type"] or ""),
                            dt.date.fromisoformat((r["day"] or "")[:10]), r["about"] or "")
              for r in store.query(query).rows() if r["day"]]
    line = Timeline(entity, label_of(store, entity), events)
    _lay_out_timeline(line)
    return line


def _lay_out_timeline(line: Timeline) -> None:
    if not line.events:
        return
    line.first = min(e.day for e in line.events)
    line.last = max(e.day for e in line.events)
    span = max((line.last - line.first).days, 1)
    usable = line.width - line.left - 30
    for event in line.events:
        offset = (event.day - line.first).days / span
        event.x = round(line.left + usable * offset, 1)
        event.y = line.row_height * EVENT_TYPES.index(event.type) + line.row_height / 2 + 10
    line.ticks = _ticks(line.first, line.last, line.left, usable)


def _ticks(first: dt.date, last: dt.date, left: int, usable: float) -> list[tuple[float, str]]:
    """Up to about eight labelled months (or years, for long spans) along the axis."""
    span = max((last - first).days, 1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, math.ceil(months / 8))
    ticks = []
    year, month = first.year, first.month
    for _ in range(0, months + 1, step):
        day = dt.date(year, month, 1)
        if first <= day <= last or not ticks:
            offset = max((day - first).days, 0) / span
            label = day.strftime("%Y") if step >= 12 else day.strftime("%b %Y")
            ticks.append((round(left + usable * offset, 1), label))
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ticks


# --- map -----------------------------------------------------------------------------

@dataclass
class MapPoint:
    iri: str
    label: str
    lon: float
    lat: float
    events: int = 0
    claims: int = 0
    types: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    claimants: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, object]:
        return {"iri": self.iri, "label": self.label, "lon": self.lon, "lat": self.lat,
                "events": self.events, "claims": self.claims, "types": dict(self.types),
                "claimants": sorted(self.claimants)}


def map_points(store: Store) -> list[MapPoint]:
    """Places where events happened and territories claimed, with counts, from
    `sem:hasPlace` / `gk:territory` and the places' `geo:asWKT` points."""
    query = f"""{_PREFIX_LINES}
SELECT ?place ?wkt ?type ?how (COUNT(DISTINCT ?ev) AS ?n) (SAMPLE(?name) AS ?label)
       (GROUP_CONCAT(DISTINCT ?claimantName; separator="|") AS ?claimants) WHERE {{
  {{ ?ev sem:hasPlace ?place BIND("event" AS ?how) }}
  UNION
  {{ ?ev a gk:TerritorialClaim ; gk:territory ?place BIND("claim" AS ?how)
     OPTIONAL {{ ?ev gk:participant ?claimant .
                ?claimant rdfs:label ?claimantName FILTER(LANGMATCHES(LANG(?claimantName), "en")) }} }}
  ?ev a ?type .
  ?place geo:hasGeometry/geo:asWKT ?wkt .
  OPTIONAL {{ ?place rdfs:label ?name FILTER(LANGMATCHES(LANG(?name), "en")) }}
}} GROUP BY ?place ?wkt ?type ?how"""
    points: dict[str, MapPoint] = {}
    for row in store.query(query).rows():
        found = _WKT_POINT.search(row["wkt"] or "")
        if not found or not row["place"]:
            continue
        place = row["place"]
        point = points.setdefault(place, MapPoint(place, row["label"] or _tail(place),
                                                  float(found.group(1)), float(found.group(2))))
        count = int(row["n"] or 0)
        if row["how"] == "claim":
            point.claims += count
            point.claimants.update(c for c in (row["claimants"] or "").split("|") if c)
        else:
            point.events += count
            point.types[_tail(row["type"] or "")] += count
    return sorted(points.values(), key=lambda p: (-(p.events + p.claims), p.label))


# --- shared --------------------------------------------------------------------------

def label_of(store: Store, iri: str) -> str:
    rows = store.query(f"""{_PREFIX_LINES}
SELECT ?label WHERE {{ {sparql_iri(iri)} rdfs:label ?label }}
ORDER BY DESC(LANGMATCHES(LANG(?label), "en")) LIMIT 1""").rows()
    return (rows[0]["label"] if rows else None) or _tail(iri)


def _tail(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1] or iri
