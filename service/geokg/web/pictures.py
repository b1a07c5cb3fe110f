"""Pictures of the graph: an actor's contact network, its event timeline, the event map.

The store answers each picture in one SPARQL query; this module only lays the answer out
(positions in an SVG's coordinates), and the templates draw it. Layouts are deterministic
(a radial ego network, a time axis, an equirectangular projection), so the same graph
always gives the same picture and a test can check where things are.

A state's picture includes what its leaders did while in office: events name the actor
the article named ("Macron"), and the gazetteer's office terms say for which state they
acted on that date.

Both pictures of an entity draw its most recent events (MAX_EVENTS on the timeline,
NETWORK_EVENTS counted for the network): a hub takes part in tens of thousands of events,
and counting every copy of each of them took seconds to minutes. Names are read in the
gazetteer graph, not in the copies every article graph holds.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

# EVENT_TYPES: the types the map counts and the timeline draws (workbench reads them here)
from geokg.pipeline.statistics import EVENT_TYPES as EVENT_TYPES
from geokg.pipeline.statistics import (
    MAP_CLAIMANTS,
    MAP_FIGURES,
    map_claimants,
    map_counts,
)
from geokg.store.base import Store, sparql_iri
from geokg.vocab import GK, PREFIXES

_PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
CONTACT_TYPES = ("Call", "Meeting", "Demand", "Agreement", "Support")
MAX_CONTACTS = 40
#: Events the timeline picture draws: the entity's most recent ones.
MAX_EVENTS = 400
#: Events whose sides the contact network counts: the entity's most recent ones.
NETWORK_EVENTS = 1000
ROLES = "gk:participant gk:addressee gk:territory gk:treaty sem:hasPlace"
_WKT_POINT = re.compile(r"POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", re.IGNORECASE)


def recent_events(store: Store, entity: str, limit: int, newest_year: int | None,
                  roles: str = ROLES) -> list[tuple[str, str | None]]:
    """(event, first day) of the `limit` most recent events the entity, or a leader of it
    while in office, takes part in through one of `roles`; the entity's own undated events
    (day None) after the dated ones.

    The days are joined by hash (a sub-SELECT scanning the days once) instead of looked up
    for every copy of every event of a hub. They are read from `newest_year` on first (the
    latest year with events, from the statistics graph), then from two years before it, then
    all: a wider window only when the narrower one holds fewer than `limit` events (for
    Russia at 100k articles: 0.2 s in its last year, 1.5 s over every year)."""
    windows = [newest_year, newest_year - 2] if newest_year is not None else []
    for since in [*windows, None]:
        found = _recent_events(store, entity, limit, since, roles)
        if len(found) >= limit or since is None:
            return found
    raise AssertionError("unreachable: the last window is every year")


def _recent_events(store: Store, entity: str, limit: int, since: int | None, roles: str
                   ) -> list[tuple[str, str | None]]:
    e = sparql_iri(entity)
    in_roles = ", ".join(roles.split())
    window = terms = ""
    if since is not None:
        start = f'"{since:04d}-01-01"^^xsd:date'
        window = f"FILTER(?day >= {start})"
        # Office terms that ended before the window cannot count any event in it.
        terms = f"FILTER(!BOUND(?to) || ?to >= {start})"
    # Within a window only dated events count: an undated one is after every dated one.
    days = (f"{{ SELECT ?ev ?day WHERE {{ ?ev sem:hasEarliestBeginTimeStamp ?day {window} }} }}"
            if since is not None else
            "OPTIONAL { SELECT ?ev ?day WHERE { ?ev sem:hasEarliestBeginTimeStamp ?day } }")
    rows = store.query(f"""{_PREFIX_LINES}
SELECT ?ev ?day WHERE {{
  {{ SELECT DISTINCT ?ev ?day WHERE {{
      {{ SELECT DISTINCT ?ev ?from ?to WHERE {{
          {{ ?ev ?role {e} FILTER(?role IN ({in_roles})) }}
          UNION
          {{ ?leader gk:holdsOffice ?term . ?term gk:officeOf {e} ; gk:startDate ?from .
             OPTIONAL {{ ?term gk:endDate ?to }} {terms}
             ?ev ?leaderRole ?leader FILTER(?leaderRole IN ({in_roles})) }} }} }}
      {days}
      FILTER(!BOUND(?from) || (?day >= ?from && (!BOUND(?to) || ?day <= ?to)))
  }} }}
}} ORDER BY DESC(?day) LIMIT {limit}""").rows()
    seen: dict[str, str | None] = {}
    for row in rows:
        seen.setdefault(row["ev"] or "", row["day"])
    return list(seen.items())


def newest_year(store: Store, statistics: str) -> int | None:
    """The latest year with events as of the statistics graph's last refresh (a hint for
    `recent_events`, which widens its window when the year holds too few)."""
    rows = store.query(f"""SELECT (MAX(?year) AS ?newest) WHERE {{
        GRAPH {sparql_iri(statistics)} {{ ?observation <{GK}year> ?year }} }}""").rows()
    value = rows[0]["newest"] if rows else None
    return int(value) if value and value.isdigit() else None


def _values(iris: list[str]) -> str:
    return " ".join(sparql_iri(i) for i in iris)


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
    events: int = 0  # events counted (at most NETWORK_EVENTS)
    size: int = 560

    @property
    def capped(self) -> bool:
        return self.events >= NETWORK_EVENTS

    @property
    def middle(self) -> float:
        return self.size / 2


def contact_network(store: Store, entity: str, names: str, statistics: str) -> Network:
    """Who the entity (or its leaders in office) called, met, made demands or agreements
    with, or supported in its NETWORK_EVENTS most recent events, with the number of events
    of each type. `names` is the graph that names them (the gazetteer)."""
    events = [ev for ev, _ in recent_events(store, entity, NETWORK_EVENTS,
                                            newest_year(store, statistics),
                                            "gk:participant gk:addressee")]
    contacts: dict[str, Contact] = {}
    if events:
        types = ", ".join(f"gk:{t}" for t in CONTACT_TYPES)
        e = sparql_iri(entity)
        query = f"""{_PREFIX_LINES}
SELECT ?other ?type (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?ev ?type WHERE {{ VALUES ?ev {{ {_values(events)} }}
      ?ev a ?type FILTER(?type IN ({types})) }} }}
  {{ SELECT DISTINCT ?ev ?other WHERE {{ VALUES ?ev {{ {_values(events)} }}
      ?ev gk:participant|gk:addressee ?other }} }}
  FILTER(?other != {e})
  FILTER NOT EXISTS {{ GRAPH {sparql_iri(names)} {{ ?other gk:holdsOffice/gk:officeOf {e} }} }}
}} GROUP BY ?other ?type"""
        for row in store.query(query).rows():
            other = row["other"] or ""
            contact = contacts.setdefault(other, Contact(other, _tail(other)))
            contact.kinds[_tail(row["type"] or "")] = int(row["n"] or 0)
        labels = english_labels(store, list(contacts), names)
        for contact in contacts.values():
            contact.label = labels.get(contact.iri, contact.label)
    ranked = sorted(contacts.values(), key=lambda c: (-c.total, c.label))[:MAX_CONTACTS]
    network = Network(entity, label_of(store, entity, names), ranked, len(events))
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


def timeline(store: Store, entity: str, names: str, statistics: str) -> Timeline:
    """The entity's (or its leaders' in office) MAX_EVENTS most recent dated events, by type."""
    days = {ev: day for ev, day in recent_events(store, entity, MAX_EVENTS,
                                                 newest_year(store, statistics)) if day}
    events: list[TimelineEvent] = []
    if days:
        types = ", ".join(f"gk:{t}" for t in EVENT_TYPES)
        rows = store.query(f"""{_PREFIX_LINES}
SELECT ?ev (SAMPLE(?t) AS ?type) (SAMPLE(?topic) AS ?about) WHERE {{
  {{ SELECT DISTINCT ?ev ?t WHERE {{ VALUES ?ev {{ {_values(list(days))} }}
      ?ev a ?t FILTER(?t IN ({types})) }} }}
  OPTIONAL {{ SELECT DISTINCT ?ev ?topic WHERE {{ VALUES ?ev {{ {_values(list(days))} }}
      ?ev gk:topic ?topic }} }}
}} GROUP BY ?ev""").rows()
        events = [TimelineEvent(r["ev"] or "", _tail(r["type"] or ""),
                                dt.date.fromisoformat(days[r["ev"] or ""][:10]), r["about"] or "")
                  for r in rows if r["type"] and r["ev"] in days]
        events.sort(key=lambda e: (e.day, e.iri))
    line = Timeline(entity, label_of(store, entity, names), events)
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
    ticks: list[tuple[float, str]] = []
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


def map_points(store: Store, names: str, statistics: str | None = None,
               revision: str | None = None) -> list[MapPoint]:
    """Places where events happened and territories claimed, with counts, from
    `sem:hasPlace` / `gk:territory` and the places' `geo:asWKT` points (`names`: the graph
    that names and places them, the gazetteer).

    The counts read every event of the archive (0.4 s at 100k articles): they come from
    the statistics graph (`statistics`) while its figures are of the store as it is now
    (`revision`: the graph holding the store's token), else are counted live, the same way
    (`geokg.pipeline.statistics.map_counts`, `map_claimants`)."""
    kept = (kept_map_figures(store, statistics, revision) if statistics and revision
            else (None, None))
    counts = kept[0] if kept[0] is not None else map_counts(store)
    claimants = kept[1] if kept[1] is not None else map_claimants(store)
    places = sorted({r["place"] or "" for r in counts} - {""})
    if not places:
        return []
    where = store.query(f"""{_PREFIX_LINES}
SELECT ?place ?wkt WHERE {{ VALUES ?place {{ {_values(places)} }}
  GRAPH {sparql_iri(names)} {{ ?place geo:hasGeometry/geo:asWKT ?wkt }} }}""").rows()
    labels = english_labels(store, places + sorted({r["claimant"] or "" for r in claimants}), names)
    points: dict[str, MapPoint] = {}
    for row in where:
        found = _WKT_POINT.search(row["wkt"] or "")
        place = row["place"] or ""
        if found and place not in points:
            points[place] = MapPoint(place, labels.get(place, _tail(place)),
                                     float(found.group(1)), float(found.group(2)))
    for row in counts:
        point = points.get(row["place"] or "")
        if point is None:
            continue
        count = int(row["n"] or 0)
        if row["how"] == "claim":
            point.claims += count
        else:
            point.events += count
            point.types[_tail(row["type"] or "")] += count
    for row in claimants:
        point = points.get(row["place"] or "")
        claimant = row["claimant"] or ""
        if point is not None and point.claims and claimant in labels:
            point.claimants.add(labels[claimant])
    return sorted((p for p in points.values() if p.events or p.claims),
                  key=lambda p: (-(p.events + p.claims), p.label))


# --- shared --------------------------------------------------------------------------

def kept_map_figures(store: Store, statistics: str, revision: str
                     ) -> tuple[list[dict[str, str | None]] | None, list[dict[str, str | None]] | None]:
    """The map's counts and claimants as the statistics graph keeps them (rows as
    `map_counts` and `map_claimants` give them), each None unless its data set was counted
    at the store's revision token."""
    s, r = sparql_iri(statistics), sparql_iri(revision)
    kept = f"GRAPH {r} {{ {r} gk:revision ?token }}"
    cells = store.query(f"""{_PREFIX_LINES}
SELECT ?place ?type ?events ?claims WHERE {{ {kept}
  GRAPH {s} {{ <{statistics}#{MAP_FIGURES}> gk:revision ?token
    OPTIONAL {{ ?o qb:dataSet <{statistics}#{MAP_FIGURES}> ; gk:place ?place ; gk:eventType ?type
      OPTIONAL {{ ?o gk:eventCount ?events }} OPTIONAL {{ ?o gk:claimCount ?claims }} }} }} }}""").rows()
    claims = store.query(f"""{_PREFIX_LINES}
SELECT ?place ?claimant WHERE {{ {kept}
  GRAPH {s} {{ <{statistics}#{MAP_CLAIMANTS}> gk:revision ?token
    OPTIONAL {{ ?o qb:dataSet <{statistics}#{MAP_CLAIMANTS}> ; gk:claimedTerritory ?place ;
      gk:actor ?claimant }} }} }}""").rows()
    counts = [{"place": c["place"], "type": c["type"], "how": how, "n": c[measure]}
              for c in cells if c["place"]
              for how, measure in (("event", "events"), ("claim", "claims")) if c[measure]]
    return (counts if cells else None,
            [c for c in claims if c["place"]] if claims else None)


def label_of(store: Store, iri: str, names: str) -> str:
    """The English (else any) label of `iri` in the graph `names`, else anywhere."""
    found = english_labels(store, [iri], names)
    if iri in found:
        return found[iri]
    rows = store.query(f"""{_PREFIX_LINES}
SELECT ?label WHERE {{ {sparql_iri(iri)} rdfs:label ?label }}
ORDER BY DESC(LANGMATCHES(LANG(?label), "en")) LIMIT 1""").rows()
    return (rows[0]["label"] if rows else None) or _tail(iri)


def english_labels(store: Store, iris: list[str], names: str) -> dict[str, str]:
    """The English (else any) label of each IRI as the graph `names` states it (one copy,
    where the union holds one per article graph naming a hub)."""
    if not iris:
        return {}
    rows = store.query(f"""{_PREFIX_LINES}
SELECT ?node ?label (LANGMATCHES(LANG(?label), "en") AS ?english) WHERE {{
  VALUES ?node {{ {_values(iris)} }} GRAPH {sparql_iri(names)} {{ ?node rdfs:label ?label }} }}
""").rows()
    found: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: r["english"] != "true"):
        found.setdefault(row["node"] or "", row["label"] or "")
    return found


def _tail(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1] or iri
