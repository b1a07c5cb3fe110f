"""The analyst's workbench: the query page at `/`, full-text search, pictures and the map.

The query page is YASGUI (editor with SPARQL highlighting and completion, result table),
served from `static/vendor/` with no CDN and no inline script, so it runs under a
`script-src 'self'` policy; `static/workbench.js` wires it to our endpoint, our prefixes
and terms, the competency queries of `ontology/queries/` (read on every request, so a new
`.rq` file shows up without a restart), downloads and the shareable `/?query=` link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, json, render_template, request
from werkzeug.exceptions import BadRequest

from geokg.query.search import SPARQL_FUNCTIONS, SearchIndex, index_path
from geokg.resources import QUERIES_DIR, VENDOR_DIR
from geokg.store.base import sparql_iri
from geokg.vocab import PREFIXES
from geokg.web import pictures
from geokg.web.reconcile import SEARCH_KEY
from geokg.web.state import get_pipeline, get_settings, get_store

bp = Blueprint("workbench", __name__)

FUNCTION_PREFIX = ("gkf", "https://w3id.org/geokg/function#")
#: Prefixes offered by completion besides ours: what analysts join us with.
EXTRA_PREFIXES = {"wdt": "http://www.wikidata.org/prop/direct/",
                  "wikibase": "http://wikiba.se/ontology#",
                  "bd": "http://www.bigdata.com/rdf#",
                  "geof": "http://www.opengis.net/def/function/geosparql/",
                  "foaf": "http://xmlns.com/foaf/0.1/", "org": "http://www.w3.org/ns/org#",
                  FUNCTION_PREFIX[0]: FUNCTION_PREFIX[1]}
_KEY_LINE = re.compile(r"^#\s*([A-Z][\w ]*):\s*(.*)$")
SEARCH_KINDS = ("label", "alias", "sentence", "title")


def init_app(app: Flask) -> None:
    """Open the search index beside the store and offer its functions inside SPARQL when
    the store runs queries in-process.

    The index is brought up to date by the first search (and every later one), not here:
    indexing the gazetteer's names takes about half a second, which every app start (and
    every test) would pay whether or not anybody searches.
    """
    settings = app.extensions["geokg.settings"]
    store = app.extensions["geokg.store"]
    index = SearchIndex(store, index_path(settings.data_dir))
    app.extensions[SEARCH_KEY] = index
    app.add_template_filter(local_link, "workbench_link")
    app.add_template_filter(short_name, "workbench_short")
    if store.sparql_functions:
        for iri, function in SPARQL_FUNCTIONS.items():
            store.add_function(iri, function)


def local_link(iri: str) -> str:
    """Where a browser on this server finds the page of one of our IRIs.

    Why not the IRI itself: the base IRI names the public deployment, but the page may be
    opened on another host name or port (a test server, 127.0.0.1 vs localhost); our
    resource pages answer on every host at the IRI's path.
    """
    base = get_settings().base_iri
    if not iri.startswith(base):
        return iri
    return f"{request.script_root}/{iri[len(base):]}"


def short_name(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1] or iri


@dataclass(frozen=True)
class Example:
    name: str
    question: str
    query: str


def examples(folder: Path = QUERIES_DIR) -> list[Example]:
    """The competency queries, each labelled by its `# Question:` comment."""
    found = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        found.append(Example(path.stem, question_of(text) or path.stem.replace("-", " "), text))
    return found


def question_of(text: str) -> str | None:
    """The `# Question:` comment, continuation lines (`#   …`) included."""
    lines: list[str] = []
    for line in text.splitlines():
        key = _KEY_LINE.match(line)
        if lines and (key or not line.startswith("#")):
            break
        if key and key.group(1) == "Question":
            lines.append(key.group(2).strip())
        elif lines:
            lines.append(line.lstrip("#").strip())
    return " ".join(lines) or None


@bp.get("/")
def query_page() -> str:
    return render_template(
        "workbench.html", examples=examples(), initial_query=request.args.get("query", ""),
        base_iri=get_settings().base_iri, prefixes=all_prefixes(),
        editor_missing=not (VENDOR_DIR / "yasgui" / "yasgui.min.js").is_file())


def all_prefixes() -> dict[str, str]:
    return {**{p: str(ns) for p, ns in PREFIXES.items()}, **EXTRA_PREFIXES}


@bp.get("/workbench/prefixes.json")
def prefixes_json() -> Response:
    """Prefix completion for the editor (YASQE's `prefixCcApi` format: prefix -> IRI)."""
    return _json(all_prefixes())


@bp.get("/workbench/terms.json")
def terms_json() -> Response:
    """Classes and properties of the ontology graph, for the editor's IRI completion."""
    ontology = f"{get_settings().base_iri}graph/ontology"
    rows = get_store().query(f"""SELECT DISTINCT ?term ?kind WHERE {{ GRAPH <{ontology}> {{
        ?term a ?kind FILTER(?kind IN (<http://www.w3.org/2002/07/owl#Class>,
          <http://www.w3.org/2002/07/owl#ObjectProperty>,
          <http://www.w3.org/2002/07/owl#DatatypeProperty>)) }} }} ORDER BY ?term""").rows()
    classes = [r["term"] for r in rows if (r["kind"] or "").endswith("#Class")]
    properties = [r["term"] or "" for r in rows if not (r["kind"] or "").endswith("#Class")]
    return _json({"classes": classes, "properties": sorted(set(properties) | REUSED_PROPERTIES)})


#: Properties of other vocabularies the data uses (ontology/MODEL.md).
REUSED_PROPERTIES = {str(PREFIXES[p][local]) for p, local in (
    ("rdfs", "label"), ("skos", "altLabel"), ("owl", "sameAs"), ("rdf", "type"),
    ("sem", "hasTimeStamp"), ("sem", "hasEarliestBeginTimeStamp"),
    ("sem", "hasLatestEndTimeStamp"), ("sem", "hasPlace"), ("prov", "wasDerivedFrom"),
    ("prov", "generatedAtTime"), ("nif", "anchorOf"), ("nif", "isString"),
    ("nif", "referenceContext"), ("nif", "beginIndex"), ("nif", "endIndex"),
    ("dcterms", "title"), ("dcterms", "issued"), ("dcterms", "language"),
    ("dcterms", "source"), ("schema", "url"), ("geo", "hasGeometry"), ("geo", "asWKT"))}


# --- search --------------------------------------------------------------------------

@bp.get("/search")
def search() -> Response | str:
    """`?q=` over names, aliases, sentences and titles: JSON, or the search page."""
    query = request.args.get("q")
    wants_html = _wants_html()
    if query is None and wants_html:
        return render_template("workbench_search.html", query="", hits=[], kinds=SEARCH_KINDS)
    if query is None or not query.strip():
        raise BadRequest("give the words to search for as ?q=")
    kinds = request.args.getlist("kind")
    unknown = sorted(set(kinds) - set(SEARCH_KINDS))
    if unknown:
        raise BadRequest(f"unknown kind {unknown[0]!r}; use one of {', '.join(SEARCH_KINDS)}")
    limit = _limit(request.args.get("limit", "20"))
    index: SearchIndex = current_app.extensions[SEARCH_KEY]
    hits = index.search(query, kinds=kinds, limit=limit)
    if wants_html:
        return render_template("workbench_search.html", query=query, hits=hits,
                               kinds=SEARCH_KINDS)
    return _json({"query": query, "results": [h.to_json() for h in hits]})


def _limit(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 200:
        raise BadRequest("'limit' must be a whole number from 1 to 200")
    return int(raw)


def _wants_html() -> bool:
    if request.args.get("format") in ("html", "json"):
        return request.args.get("format") == "html"
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html"


# --- pictures ------------------------------------------------------------------------

@bp.get("/pictures/network")
def network_picture() -> str:
    """The contact network of `?iri=` as an SVG fragment (entity pages load it)."""
    mint = get_pipeline().mint
    return render_template("workbench_network.html", net=pictures.contact_network(
        get_store(), _iri_param(), str(mint.gazetteer_graph), str(mint.statistics_graph)))


@bp.get("/pictures/timeline")
def timeline_picture() -> str:
    """The event timeline of `?iri=` as an SVG fragment."""
    mint = get_pipeline().mint
    return render_template("workbench_timeline.html", line=pictures.timeline(
        get_store(), _iri_param(), str(mint.gazetteer_graph), str(mint.statistics_graph)),
        types=pictures.EVENT_TYPES, max_events=pictures.MAX_EVENTS)


@bp.get("/map")
def map_page() -> str:
    return render_template("workbench_map.html", points=_map_points(),
                           coastlines_missing=not (VENDOR_DIR / "world-atlas").is_dir())


@bp.get("/map/points.json")
def map_points() -> Response:
    return _json({"points": [{**p.to_json(), "href": local_link(p.iri)}
                             for p in _map_points()]})


def _map_points() -> list[pictures.MapPoint]:
    mint = get_pipeline().mint
    return pictures.map_points(get_store(), str(mint.gazetteer_graph), str(mint.statistics_graph),
                               str(mint.revision_graph))


def _iri_param() -> str:
    """`?iri=`: an absolute IRI, or a path on this server (`/entity/russia`) that stands
    for the IRI under the configured base (what a page's script knows)."""
    iri = request.args.get("iri", "")
    if iri.startswith("/") and not iri.startswith("//"):
        iri = get_settings().base_iri + iri[1:]
    if not iri.startswith(("http://", "https://")):
        raise BadRequest("give the entity as ?iri= (an http or https IRI)")
    try:
        sparql_iri(iri)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    return iri


def _json(body: object) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")
