"""The SPARQL 1.1 Protocol endpoint at /sparql (queries only; updates are not exposed).

The query runs in the store's own engine and its own serializer writes the response,
which is streamed. Errors become problem responses in `geokg.web` (one place).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from flask import Blueprint, Response, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import BadRequest, NotAcceptable, UnsupportedMediaType
from werkzeug.http import parse_accept_header

from geokg.errors import InputError
from geokg.query.federation import Deadline, federate
from geokg.query.guard import check_limits
from geokg.store.base import (
    GRAPH_MEDIA_TYPES,
    SOLUTION_MEDIA_TYPES,
    QueryKind,
    QueryResult,
    media_types_for,
)
from geokg.web.hooks import reads_by_post
from geokg.web.linked_data import service_description
from geokg.web.state import get_settings, get_store, service_base
from geokg.web.streaming import started_or_whole

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"

#: `format=` values -> media type.
FORMAT_PARAM: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
#: Other `format=` spellings, e.g. those SPARQLWrapper sends (it adds format=turtle etc.).
FORMAT_ALIASES: dict[str, str] = {
    "turtle": "ttl", "n3": "ttl", "ntriples": "nt", "n-triples": "nt", "rdf+xml": "rdf",
    "xml-rdf": "rdf", "json-ld": "jsonld",
}
#: Media types clients commonly send for the same formats -> ours.
ALIASES: dict[str, str] = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "application/turtle": "text/turtle",
    "application/x-json+ld": "application/ld+json",
}


@dataclass(frozen=True)
class QueryRequest:
    """What a protocol request asks for, whatever the HTTP shape it came in."""

    sparql: str
    default_graphs: list[str] | None
    named_graphs: list[str] | None


@bp.route("/sparql", methods=["GET", "POST"])
@reads_by_post
def sparql() -> Response:
    if request.method in ("GET", "HEAD") and not request.args.keys() & {"query", "update"}:
        return service_description()  # no query: say what this endpoint is (SPARQL 1.1 SD)
    wanted = _requested_format()
    formats = _formats(wanted)
    query = _read_request()
    result = run_query(query, formats)
    media_type = formats[result.kind]
    if media_type is None:
        if wanted is not None:
            raise InputError(f"format {wanted} does not fit a {result.kind} result; use one "
                             f"of {', '.join(media_types_for(result.kind))}")
        raise NotAcceptable(f"a {result.kind} result can be written as "
                            f"{', '.join(media_types_for(result.kind))}")
    return _stream(result, media_type)


def run_query(query: QueryRequest,
              formats: Mapping[QueryKind, str | None] | None = None) -> QueryResult:
    """The single place a protocol query reaches the store (wrap it for timeouts).

    Texts over the size and nesting limits are refused first (`check_limits`: such texts
    crash engines). SERVICE clauses never reach the store: `federate` refuses them or
    replaces each by the allowlisted endpoint's answer (the store's engine would call any
    URL). `formats` lets the engine start writing the answer with the query (one round
    trip, not two). The request has one deadline: a federated query runs in what its
    SERVICE clauses left of GEOKG_QUERY_TIMEOUT.
    """
    store = get_store()
    settings = get_settings()
    check_limits(query.sparql, settings)
    deadline = Deadline.start(settings.query_timeout)
    sparql = federate(query.sparql, settings, store, deadline)
    left = deadline.remaining() if sparql != query.sparql else None
    serialize_as = {kind: media for kind, media in (formats or {}).items() if media}
    return store.query(sparql, default_graphs=query.default_graphs,
                       named_graphs=query.named_graphs, serialize_as=serialize_as,
                       base_iri=service_base(), timeout=left)


def _read_request() -> QueryRequest:
    if request.method == "GET":
        params = request.args
    elif request.mimetype == FORM:
        check_utf8("query")
        params = request.form
    elif request.mimetype == DIRECT:
        return _direct_request()
    else:
        raise UnsupportedMediaType(
            f"POST a query as {FORM} (query=...) or {DIRECT}; got {request.mimetype or 'none'}"
        )
    queries = params.getlist("query")
    if "update" in params and not queries:
        raise BadRequest("this endpoint answers queries only; updates are not accepted")
    if len(queries) != 1:
        raise BadRequest("give exactly one 'query' parameter")
    return _with_dataset(queries[0])


def _direct_request() -> QueryRequest:
    check_utf8("query")
    try:
        text = request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the query body is not UTF-8: {exc}") from None
    return _with_dataset(text)


def check_utf8(what: str) -> None:
    """SPARQL text travels as UTF-8 (SPARQL 1.1 Protocol §2.1.2, §2.2.2): a body declared in
    another charset is refused, never decoded as that charset and run."""
    charset = request.mimetype_params.get("charset")
    if charset is not None and charset.strip().lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"the {what} must be sent as UTF-8; this body says "
                                   f"charset={charset}")


def _with_dataset(sparql: str) -> QueryRequest:
    """Protocol dataset: if any graph IRI is named, the request defines the whole dataset."""
    if not sparql.strip():
        raise BadRequest("the query is empty")
    defaults = request.values.getlist("default-graph-uri")
    named = request.values.getlist("named-graph-uri")
    if defaults or named:
        return QueryRequest(sparql, defaults, named)
    return QueryRequest(sparql, None, None)


def _requested_format() -> str | None:
    """`format=` overrides Accept (handy in browsers); unknown values are a 400."""
    name = request.values.get("format")
    name = FORMAT_ALIASES.get(name, name) if name else None
    if not name:
        return None
    if name not in FORMAT_PARAM:
        raise BadRequest(f"format={name!r} is unknown; use one of {', '.join(FORMAT_PARAM)}")
    return FORMAT_PARAM[name]


def _formats(wanted: str | None) -> dict[QueryKind, str | None]:
    """The media type each kind of result will be written as (None: none fits).

    Decided before the query runs, so that the engine can serialize at once, and so that
    a request no result format at all could satisfy gets its 406 without running anything.
    The answer depends on `format=` and the Accept header alone, and clients send the same
    few headers again and again: it is kept per header (parsing and matching one cost as
    much as the engine's whole answer to a point lookup).
    """
    return dict(_formats_for(wanted, request.headers.get("Accept")))


@lru_cache(maxsize=512)
def _formats_for(wanted: str | None, accept: str | None) -> tuple[tuple[QueryKind, str | None], ...]:
    if wanted is not None:
        solutions = wanted if wanted in SOLUTION_MEDIA_TYPES else None
        graph = wanted if wanted in GRAPH_MEDIA_TYPES else None
    else:
        accepted = parse_accept_header(accept, MIMEAccept)
        solutions, graph = _best(accepted, SOLUTION_MEDIA_TYPES), _best(accepted, GRAPH_MEDIA_TYPES)
        if solutions is None and graph is None:
            raise NotAcceptable("this endpoint writes "
                                f"{', '.join(SOLUTION_MEDIA_TYPES + GRAPH_MEDIA_TYPES)}")
    return (("select", solutions), ("ask", solutions), ("graph", graph))


def _best(accept: MIMEAccept, offered: tuple[str, ...]) -> str | None:
    """Our media type the client likes best (first offered wins ties; no Accept = default)."""
    if not accept:
        return offered[0]
    candidates = list(offered) + [a for a, target in ALIASES.items() if target in offered]
    match = accept.best_match(candidates)
    return ALIASES.get(match, match) if match else None


# Bytes held back before the status is sent: more than a result's header, so a query that
# times out before its first solution (an aggregate over a cross product) still gets a 503
# instead of a 200 cut short; large results still stream after their first rows.
HOLD_BYTES = 4096


def _stream(result: QueryResult, media_type: str) -> Response:
    """Start serializing before answering, so an early failure still gets a real status."""
    response = Response(started_or_whole(result.serialize(media_type), HOLD_BYTES),
                        mimetype=media_type)
    response.headers["Vary"] = "Accept"
    return response
