"""The ingest API: POST /articles reads an article into the graph; GET lists and shows them."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request, url_for
from werkzeug.exceptions import BadRequest, NotFound, UnsupportedMediaType

from geokg.errors import InputError
from geokg.pipeline import ArticleInput, parse_published
from geokg.store.base import read_graph
from geokg.vocab import GK
from geokg.web import article_list
from geokg.web.auth import require_ingest_token
from geokg.web.etags import with_etag
from geokg.web.hooks import writes
from geokg.web.state import get_pipeline, get_settings, get_store

bp = Blueprint("articles", __name__)

PAGE_MAX = 1000


def _created(response: Response) -> bool:
    return response.status_code == 201  # 200: the same text was stored before


@bp.post("/articles")
@writes(when=_created)
def create_article() -> tuple[Response, int, dict[str, str]]:
    """201 with the stored article, or 200 with it when the same text was stored before
    (nothing changes); one body either way, as GET /articles/{id} shows it, plus `created`."""
    require_ingest_token()
    item = _article_from_request()
    result = get_pipeline().ingest(item)
    location = url_for("articles.show_article", article_id=result.article_id)
    body = {**_stored(result.article_id, result.article_iri), "created": result.created}
    return jsonify(body), 201 if result.created else 200, {"Location": location}


def _article_from_request() -> ArticleInput:
    mimetype = request.mimetype
    if mimetype == "application/json":
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise BadRequest("the body must be a JSON object with at least a 'text' field")
        return ArticleInput.from_mapping(data)
    if mimetype == "text/plain" or mimetype == "":
        try:
            text = request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"the body is not valid text in the declared charset ({exc})") from None
        args = request.args
        return ArticleInput(text=text, published=parse_published(args.get("published")),
                            lang=args.get("lang"), url=args.get("url"), title=args.get("title"))
    if mimetype in ("text/html", "application/xhtml+xml"):
        args = request.args
        return ArticleInput.from_html(request.get_data(), url=args.get("url"),
                                      published=args.get("published"), lang=args.get("lang"))
    raise UnsupportedMediaType(
        f"send the article as application/json, text/plain or text/html, not {mimetype!r}")


@bp.get("/articles")
def list_articles() -> Response:
    """The stored articles, newest first (undated ones last), `limit` from `offset` on, with
    how many there are and the URL of the next page while there is one."""
    limit = _int_arg("limit", 100, 1, PAGE_MAX)
    offset = _int_arg("offset", 0, 0, 10**9)
    store = get_store()
    total = article_list.count_articles(store)
    months = article_list.months(store, str(get_pipeline().mint.statistics_graph), total)
    iris = article_list.page(store, months, offset, limit)
    rows = article_list.details(store, iris, get_settings().max_result_rows)
    body: dict[str, object] = {"articles": [_article_summary(r) for r in rows], "limit": limit,
                               "offset": offset, "total": total}
    if offset + limit < total:
        body["next"] = url_for("articles.list_articles", offset=offset + limit, limit=limit)
    return jsonify(body)


def _article_summary(row: dict[str, str | None]) -> dict[str, object]:
    iri = row["article"] or ""
    return {"id": iri.rsplit("/", 1)[-1], "iri": iri, "title": row["title"],
            "published": row["published"], "lang": row["lang"],
            "events": int(row["events"] or 0)}


@bp.get("/articles/<article_id>")
def show_article(article_id: str) -> Response:
    if not article_id.isalnum():
        raise NotFound(f"no article {article_id!r}")
    iri = str(get_pipeline().mint.article(article_id))
    store = get_store()
    turtle = request.accept_mimetypes.best_match(["application/json", "text/turtle"]) == "text/turtle"
    # The tag is read first (with the Turtle, in the same read): a body is never older
    # than its ETag, so a write based on it cannot pass If-Match over a newer state.
    tag, body = read_graph(store, iri, "text/turtle" if turtle else None)
    if tag is None:
        raise NotFound(f"no article {article_id!r}; GET /articles lists them")
    if turtle:
        response = Response(body, mimetype="text/turtle")
    else:
        response = jsonify(_stored(article_id, iri))
    response.headers["Vary"] = "Accept"
    return with_etag(response, tag, response.mimetype or "application/json")


def _stored(article_id: str, iri: str) -> dict[str, object]:
    """What the store holds about one article: its metadata, events and entities.

    Not cut by GEOKG_MAX_RESULT_ROWS: one article's events and entities are bounded by its
    length (GEOKG_MAX_ARTICLE_CHARS), and a POST must not answer 422 for an article it
    has just stored."""
    meta = get_store().query(f"""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX schema: <https://schema.org/>
        SELECT ?title ?published ?lang ?url WHERE {{ GRAPH <{iri}> {{
          <{iri}> dcterms:language ?lang .
          OPTIONAL {{ <{iri}> dcterms:title ?title }} OPTIONAL {{ <{iri}> dcterms:issued ?published }}
          OPTIONAL {{ <{iri}> schema:url ?url }} }} }}""").rows()[0]
    return {"id": article_id, "iri": iri, **meta, "events": _events(iri), "entities": _entities(iri)}


#: The sides and objects of an event, by property: each a list of IRIs in every event.
ROLES = ("participant", "addressee", "territory", "treaty")


def _events(iri: str) -> list[dict[str, object]]:
    """Each event with its type (class name), date, topic, sides, and the first sentence it
    was read from."""
    rows = get_store().query(f"""
        PREFIX gk: <{GK}>
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?event ?type ?role ?actor ?date ?topic ?sentence WHERE {{ GRAPH <{iri}> {{
          ?event a ?type ; gk:evidence ?e .
          {{ SELECT ?event (MIN(?begin) AS ?first) WHERE {{
               GRAPH <{iri}> {{ ?event gk:evidence/nif:beginIndex ?begin }} }} GROUP BY ?event }}
          ?e nif:beginIndex ?first ; nif:anchorOf ?sentence .
          OPTIONAL {{ ?event ?role ?actor .
                     VALUES ?role {{ {" ".join(f"gk:{role}" for role in ROLES)} }} }}
          OPTIONAL {{ ?event sem:hasTimeStamp ?date }}
          OPTIONAL {{ ?event gk:topic ?topic }} }} }}
        ORDER BY ?first ?event""").rows()
    events: dict[str, dict[str, object]] = {}
    for row in rows:
        event = events.setdefault(row["event"] or "", {
            "iri": row["event"], "type": (row["type"] or "").rsplit("#", 1)[-1],
            "date": row["date"], "topic": row["topic"], "sentence": row["sentence"],
            **{role: [] for role in ROLES}})
        actors = event[(row["role"] or "").rsplit("#", 1)[-1]] if row["role"] else None
        if isinstance(actors, list) and row["actor"] not in actors:
            actors.append(row["actor"])
            actors.sort()
    return list(events.values())


def _entities(iri: str) -> list[dict[str, object]]:
    """The entities the article mentions, with type (class name), English name and Wikidata."""
    rows = get_store().query(f"""
        PREFIX gk: <{GK}>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT ?entity (SAMPLE(?kind) AS ?type) (SAMPLE(?name) AS ?label) (SAMPLE(?same) AS ?wikidata)
        WHERE {{ GRAPH <{iri}> {{ <{iri}> gk:mentions ?entity .
          OPTIONAL {{ ?entity a ?kind }}
          OPTIONAL {{ ?entity rdfs:label ?name FILTER (LANGMATCHES(LANG(?name), "en")) }}
          OPTIONAL {{ ?entity owl:sameAs ?same }} }} }}
        GROUP BY ?entity ORDER BY ?entity""").rows()
    return [{"iri": row["entity"], "type": (row["type"] or "").rsplit("#", 1)[-1] or None,
             "label": row["label"], "wikidata": row["wikidata"]} for row in rows]


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"'{name}' must be an integer") from None
    if not low <= value <= high:
        raise BadRequest(f"'{name}' must be between {low} and {high}")
    return value
