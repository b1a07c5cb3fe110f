"""Curation over HTTP: SPARQL 1.1 Update at /update, the SPARQL 1.1 Graph Store HTTP
Protocol at /store (indirect graph identification: ?graph=IRI or ?default), and
DELETE /articles/{id}.

Reads are open; every write needs the bearer token (`geokg.web.auth`) and goes through
`geokg.pipeline.curation.Curator`, which validates it before the store sees it. A graph's
GET carries its ETag; PUT, POST and DELETE of a graph or an article honour If-Match and
If-None-Match (412 otherwise; `geokg.web.etags`).
"""

from __future__ import annotations

from typing import Final
from urllib.parse import quote
from uuid import uuid4

from flask import Blueprint, Response, jsonify, request
from flask.blueprints import BlueprintSetupState
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import (
    BadRequest,
    MethodNotAllowed,
    NotAcceptable,
    NotFound,
    UnsupportedMediaType,
)

from geokg.errors import GraphNotFound
from geokg.pipeline.curation import Curator, WriteOutcome, check_graph_iri
from geokg.store.base import (
    DATASET_UPLOAD_MEDIA_TYPES,
    GRAPH_MEDIA_TYPES,
    GRAPH_UPLOAD_MEDIA_TYPES,
    read_graph,
)
from geokg.web.auth import require_write_token, write_protected
from geokg.web.etags import no_precondition, precondition, with_etag
from geokg.web.hooks import writes
from geokg.web.sparql import check_utf8
from geokg.web.state import (
    SETTINGS_KEY,
    STORE_KEY,
    get_pipeline,
    get_settings,
    get_store,
    service_base,
)
from geokg.web.streaming import started

bp = Blueprint("writes", __name__)

CURATOR_KEY = "geokg.curator"
FORM = "application/x-www-form-urlencoded"
DIRECT_UPDATE = "application/sparql-update"


class _Default:
    """`?default`: the default graph, here the union of all named graphs (read-only)."""


DEFAULT: Final = _Default()


@bp.record_once
def _attach_curator(state: BlueprintSetupState) -> None:
    extensions = state.app.extensions
    extensions.setdefault(CURATOR_KEY, Curator(extensions[STORE_KEY], extensions[SETTINGS_KEY]))


def get_curator() -> Curator:
    from flask import current_app

    curator: Curator = current_app.extensions[CURATOR_KEY]
    return curator


# --- SPARQL 1.1 Update ----------------------------------------------------------------

@bp.post("/update")
@writes()
@write_protected
def update() -> Response:
    """Apply an update; 200 with the graphs it created, changed and removed."""
    text, params = _update_request()
    no_precondition("an update may change any graph: read and write one graph through "
                    "/store for a conditional write")
    outcome = get_curator().update(text, base_iri=service_base(),
                                   using=params.getlist("using-graph-uri"),
                                   using_named=params.getlist("using-named-graph-uri"))
    return jsonify(outcome.to_json())


@bp.get("/update")
def update_description() -> Response:
    """GET /update says what the endpoint is (its service description), as GET /sparql;
    an update sent by GET is a 400 (SPARQL 1.1 Protocol §2.2: updates are POSTed)."""
    from geokg.web.linked_data import service_description

    if "update" in request.args:
        raise BadRequest("an update is sent by POST (application/sparql-update, or "
                         "update=... URL-encoded in the body), never by GET; nothing was run")
    return service_description()


def _update_request() -> tuple[str, MultiDict[str, str]]:
    """The update text and the parameters that carry its dataset (SPARQL 1.1 Protocol §2.2):
    in the body of a URL-encoded POST, in the URL of a direct POST."""
    params: MultiDict[str, str]
    if request.mimetype == FORM:
        check_utf8("update")
        form = request.form
        if request.args.keys() & {"update", "using-graph-uri", "using-named-graph-uri"}:
            raise BadRequest("a URL-encoded POST carries all its parameters in the body, not in "
                             "the URL: move update, using-graph-uri, using-named-graph-uri there")
        if "query" in form and "update" not in form:
            raise BadRequest("this endpoint runs updates; send queries to /sparql")
        updates = form.getlist("update")
        if len(updates) != 1:
            raise BadRequest("give exactly one 'update' parameter")
        text, params = updates[0], form
    elif request.mimetype == DIRECT_UPDATE:
        check_utf8("update")
        try:
            text = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadRequest(f"the update body is not UTF-8: {exc}") from None
        params = request.args
    else:
        raise UnsupportedMediaType(f"POST an update as {FORM} (update=...) or {DIRECT_UPDATE}; "
                                   f"got {request.mimetype or 'no Content-Type'}")
    if not text.strip():
        raise BadRequest("the update is empty")
    return text, params


# --- Graph Store HTTP Protocol ----------------------------------------------------------

@bp.route("/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
@writes()
def graph_store() -> Response:
    target = _target()
    if request.method in ("GET", "HEAD"):
        return _read(target)
    require_write_token()
    if isinstance(target, _Default):
        raise MethodNotAllowed(["GET", "HEAD"], "the default graph is the union of all named "
                               "graphs and cannot be written; name a graph with ?graph=IRI")
    if request.method == "POST":
        return _post(target)
    if target is None:
        raise BadRequest(f"{request.method} needs ?graph=IRI")
    if request.method == "PUT":
        media_type = _upload_type(datasets_too=False)
        return _written(target, get_curator().replace_graph(target, request.get_data(), media_type,
                                                            precondition()))
    get_curator().delete_graph(target, precondition())
    return Response(status=204)


def _target() -> str | _Default | None:
    """?graph=IRI, ?default, or None (the graph store itself)."""
    graphs = request.args.getlist("graph")
    if len(graphs) > 1 or (graphs and "default" in request.args):
        raise BadRequest("name one graph: either ?graph=IRI or ?default")
    if "default" in request.args:
        return DEFAULT
    return check_graph_iri(graphs[0]) if graphs else None


def _read(target: str | _Default | None) -> Response:
    if target is None:
        raise BadRequest("name the graph to read: ?graph=IRI or ?default (all named graphs)")
    media_type = _negotiate()
    store = get_store()
    headers = {"Vary": "Accept"}
    if target is DEFAULT:
        if request.method == "HEAD":
            return Response(status=200, mimetype=media_type, headers=headers)
        chunks = store.query("CONSTRUCT WHERE { ?s ?p ?o }").serialize(media_type)
        return Response(started(chunks), mimetype=media_type, headers=headers)
    # One read gives the body and its ETag (a streamed body could be of a later state).
    tag, body = read_graph(store, str(target), media_type)
    if tag is None and not store.has_graph(str(target)):
        raise GraphNotFound(f"there is no graph {target}")
    return with_etag(Response(body, mimetype=media_type, headers=headers), tag, media_type)


def _post(target: str | _Default | None) -> Response:
    curator = get_curator()
    if target is None:
        no_precondition("a POST to /store adds graphs of its own")
    if target is None and request.mimetype in DATASET_UPLOAD_MEDIA_TYPES:
        return jsonify(curator.add_dataset(request.get_data(), request.mimetype).to_json())
    media_type = _upload_type(datasets_too=target is None)
    if target is None:  # a new graph, named by the server (GSP 5.5)
        iri = f"{get_settings().base_iri}graph/{uuid4().hex}"
        return _written(iri, curator.add_to_graph(iri, request.get_data(), media_type),
                        location=True)
    return _written(str(target), curator.add_to_graph(str(target), request.get_data(), media_type,
                                                      precondition()))


def _written(iri: str, outcome: WriteOutcome, *, location: bool = False) -> Response:
    """201 when the write created the graph, else 204 (GSP 5.3, 5.5)."""
    if iri not in outcome.created:
        return Response(status=204)
    response = jsonify({"iri": iri, "store": f"/store?graph={quote(iri, safe='')}"})
    response.status_code = 201
    if location:
        response.headers["Location"] = iri
    return response


def _upload_type(*, datasets_too: bool) -> str:
    """The request's RDF media type if geokg reads it here, else 415 listing what it reads."""
    media_type = request.mimetype
    if media_type in GRAPH_UPLOAD_MEDIA_TYPES:
        return media_type
    readable = dict.fromkeys(GRAPH_UPLOAD_MEDIA_TYPES.values())
    if datasets_too:
        readable.update(dict.fromkeys(DATASET_UPLOAD_MEDIA_TYPES.values()))
    elif media_type in DATASET_UPLOAD_MEDIA_TYPES:
        raise UnsupportedMediaType(f"{media_type} holds a dataset, not one graph; POST it to "
                                   "/store without ?graph")
    raise UnsupportedMediaType(f"cannot read {media_type or 'a body without Content-Type'}; "
                               f"send one of {', '.join(readable)}")


def _negotiate() -> str:
    accept = request.accept_mimetypes
    if not accept:
        return GRAPH_MEDIA_TYPES[0]
    best = accept.best_match(GRAPH_MEDIA_TYPES)
    if best is None:
        raise NotAcceptable(f"a graph can be written as {', '.join(GRAPH_MEDIA_TYPES)}")
    return best


# --- articles -------------------------------------------------------------------------

@bp.delete("/articles/<article_id>")
@writes()
@write_protected
def delete_article(article_id: str) -> Response:
    """Remove an article's graph. Events other articles report keep those sources: each
    article graph holds its own copy of the events it reports."""
    if not article_id.isalnum():
        raise NotFound(f"no article {article_id!r}")
    try:
        get_curator().delete_graph(str(get_pipeline().mint.article(article_id)), precondition())
    except GraphNotFound:
        raise NotFound(f"no article {article_id!r}; GET /articles lists them") from None
    return Response(status=204)
