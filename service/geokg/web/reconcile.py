"""A Reconciliation Service API endpoint (W3C Entity Reconciliation CG, version 0.2), the
protocol OpenRefine speaks, so a spreadsheet column of names can be matched to our IRIs.

    GET  /reconcile                      the service manifest
    GET|POST /reconcile?queries={...}    a batch: {"q0": {"query": "Putin", "type": "Leader"}}
    GET  /reconcile/preview?id=KEY       a small HTML card OpenRefine shows on hover

An id is an entity's key (`vladimir-putin`): the manifest's identifierSpace turns it into
the IRI `{base}entity/{key}`. Candidates come from the full-text index over the gazetteer's
names and aliases (so "Russlands" or "Erdogan" find theirs) and are scored on the best
of their names: 100 for the same name once folded, otherwise the share of words in common
and the string similarity. A candidate is a `match` when it alone scores 100. The property
`wikidata` (a QID such as Q7747) confirms a candidate by its `owl:sameAs`.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import BadRequest, NotFound

from geokg.query.search import SearchIndex, fold, text_keys
from geokg.store.base import Store, sparql_iri
from geokg.vocab import GK, OWL, RDFS, SKOS, WD
from geokg.web.state import get_settings, get_store

bp = Blueprint("reconcile", __name__)

SEARCH_KEY = "geokg.query.search"
MAX_QUERIES = 100
MAX_LIMIT = 50
DEFAULT_LIMIT = 5
TYPES = ("Leader", "State", "Region", "City", "Organisation", "Treaty")
TYPE_IRIS = frozenset(str(GK[t]) for t in TYPES)
WIKIDATA_PROPERTY = "wikidata"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class Candidate:
    key: str
    iri: str
    names: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    label: str = ""
    score: float = 0.0

    def to_json(self, match: bool) -> dict[str, object]:
        return {"id": self.key, "name": self.label, "score": round(self.score, 1),
                "match": match, "type": [{"id": t, "name": _short(t)} for t in sorted(self.types)]}


@bp.route("/reconcile", methods=["GET", "POST"])
def reconcile() -> Response:
    raw = request.values.get("queries")
    if raw is None:
        return _json(manifest())
    batch = _read_batch(raw)
    index: SearchIndex = _index()
    store = get_store()
    base = get_settings().base_iri
    return _json({name: {"result": answer(index, store, base, query)}
                  for name, query in batch.items()})


@bp.get("/reconcile/preview")
def preview() -> str:
    key = request.args.get("id", "")
    iri = f"{get_settings().base_iri}entity/{key}"
    try:
        card = _card(get_store(), iri)
    except ValueError:
        raise BadRequest(f"'id' is not an entity key: {key!r}") from None
    if card is None:
        raise NotFound(f"no entity with the id {key!r}")
    return render_template("workbench_preview.html", iri=iri, **card)


def manifest() -> dict[str, object]:
    base = get_settings().base_iri
    return {
        "versions": ["0.1", "0.2"],
        "name": "geokg entities (leaders, states, regions, cities, organisations, treaties)",
        "identifierSpace": f"{base}entity/",
        "schemaSpace": str(GK),
        "defaultTypes": [{"id": str(GK[t]), "name": t} for t in TYPES],
        "view": {"url": f"{base}entity/{{{{id}}}}"},
        "preview": {"url": f"{base}reconcile/preview?id={{{{id}}}}", "width": 420, "height": 140},
        "batchSize": MAX_QUERIES,
    }


def _read_batch(raw: str) -> dict[str, dict[str, Any]]:
    try:
        batch = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"'queries' is not valid JSON: {exc.msg}") from None
    if not isinstance(batch, dict) or not batch:
        raise BadRequest("'queries' must be a JSON object of named queries, e.g. "
                         '{"q0": {"query": "Putin"}}')
    if len(batch) > MAX_QUERIES:
        raise BadRequest(f"'queries' holds {len(batch)} queries; at most {MAX_QUERIES} a batch")
    for name, query in batch.items():
        if not isinstance(query, dict) or not isinstance(query.get("query"), str) \
                or not query["query"].strip():
            raise BadRequest(f"query {name!r} needs a non-empty 'query' string")
        limit = query.get("limit", DEFAULT_LIMIT)
        if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= MAX_LIMIT:
            raise BadRequest(f"query {name!r}: 'limit' must be a whole number from 1 to {MAX_LIMIT}")
    return batch


def answer(index: SearchIndex, store: Store, base: str,
           query: dict[str, Any]) -> list[dict[str, object]]:
    """Ranked candidates for one reconciliation query."""
    text = query["query"]
    wanted = _types(query.get("type"))
    qid = _wikidata(query.get("properties"))
    candidates = _candidates(index, base, text)
    if qid:
        _confirm_by_wikidata(store, candidates, qid)
    ranked = sorted((c for c in candidates.values() if not wanted or c.types & wanted),
                    key=lambda c: (-c.score, c.label))[:query.get("limit", DEFAULT_LIMIT)]
    perfect = [c for c in ranked if c.score >= 100]
    return [c.to_json(match=len(perfect) == 1 and c is perfect[0]) for c in ranked]


def _candidates(index: SearchIndex, base: str, text: str) -> dict[str, Candidate]:
    prefix = f"{base}entity/"
    found: dict[str, Candidate] = {}
    for hit in index.search(text, kinds=("label", "alias"), limit=200, any_word=True):
        if not hit.iri.startswith(prefix) or "/" in hit.iri[len(prefix):]:
            continue  # office terms and geometries are not reconcilable entities
        candidate = found.setdefault(hit.iri, Candidate(hit.iri[len(prefix):], hit.iri))
        candidate.names.add(hit.text)
        candidate.types.update(t for t in hit.links if t in TYPE_IRIS)
    for candidate in found.values():
        candidate.score = max(similarity(text, name) for name in candidate.names)
        candidate.label = min(candidate.names, key=lambda n: (-similarity(text, n), len(n)))
    return found


def similarity(query: str, name: str) -> float:
    """100 for the same folded name; else the better of shared words and string likeness."""
    a, b = fold(query).strip(), fold(name).strip()
    if a == b:
        return 100.0
    ka, kb = text_keys(query), text_keys(name)
    shared = len(ka & kb) / len(ka | kb) if ka | kb else 0.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return round(99 * max(shared, ratio), 1)


def _confirm_by_wikidata(store: Store, candidates: dict[str, Candidate], qid: str) -> None:
    if not candidates:
        return
    values = " ".join(sparql_iri(iri) for iri in candidates)
    rows = store.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} "
                       f"?e <{OWL.sameAs}> <{WD}{qid}> }}").rows()
    confirmed = {r["e"] for r in rows}
    for iri, candidate in candidates.items():
        candidate.score = 100.0 if iri in confirmed else min(candidate.score, 50.0)


def _types(value: object) -> set[str]:
    if value is None:
        return set()
    names = value if isinstance(value, list) else [value]
    wanted = set()
    for name in names:
        short = _short(str(name)).removeprefix("gk:")
        if short not in TYPES:
            raise BadRequest(f"unknown type {name!r}; use one of {', '.join(TYPES)}")
        wanted.add(str(GK[short]))
    return wanted


def _wikidata(properties: object) -> str | None:
    for prop in properties if isinstance(properties, list) else []:
        if isinstance(prop, dict) and prop.get("pid") == WIKIDATA_PROPERTY:
            value = str(prop.get("v", "")).strip().rsplit("/", 1)[-1]
            if not value[:1] == "Q" or not value[1:].isdigit():
                raise BadRequest(f"the '{WIKIDATA_PROPERTY}' property needs a QID, got {value!r}")
            return value
    return None


def _card(store: Store, iri: str) -> dict[str, object] | None:
    rows = store.query(f"""SELECT ?p ?o WHERE {{ {sparql_iri(iri)} ?p ?o
        FILTER(?p IN (<{RDFS.label}>, <{SKOS.altLabel}>, <{OWL.sameAs}>, <{RDF_TYPE}>)) }}""").rows()
    if not rows:
        return None
    values: dict[str, set[str]] = {}
    for row in rows:
        values.setdefault(row["p"] or "", set()).add(row["o"] or "")
    labels = sorted(values.get(str(RDFS.label), set()))
    return {"labels": labels, "aliases": sorted(values.get(str(SKOS.altLabel), set()) - set(labels)),
            "types": sorted(_short(t) for t in values.get(RDF_TYPE, set())),
            "wikidata": sorted(values.get(str(OWL.sameAs), set()))}


def _short(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _index() -> SearchIndex:
    from flask import current_app

    index: SearchIndex = current_app.extensions[SEARCH_KEY]
    return index


def _json(body: object) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")
