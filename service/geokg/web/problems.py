"""The problem table: every error a request can end in, as an RFC 9457 problem response
(`application/problem+json`, never a traceback).

Domain errors (`geokg.errors`) are raised low and translated here, once: `PROBLEMS` says
which HTTP status, problem type and title each one gets. Views that answer a problem of
their own (406, 404 pages) call `problem`.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, current_app, json, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from geokg.errors import (
    ConfigError,
    DefaultGraphWrite,
    ExtensionRefused,
    ForbiddenTarget,
    GeokgError,
    GraphNotFound,
    InputError,
    PreconditionFailed,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooComplex,
    RefusedUpdate,
    RemoteServiceError,
    ResultTooLarge,
    ServiceRefused,
    ShapeViolation,
    StoreError,
    StoreUnavailable,
    TokenMissing,
    TokenWrong,
    WritesDisabled,
)
from geokg.web.security import request_id

log = logging.getLogger("geokg.web")

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/geokg/problems#"
#: Sent with every 401 (RFC 6750): the scheme and where the token comes from.
CHALLENGE = 'Bearer realm="geokg"'

#: Domain error -> (HTTP status, problem type slug, title). Most specific first.
PROBLEMS: list[tuple[type[GeokgError], int, str, str]] = [
    (QuerySyntaxError, 400, "query-syntax", "SPARQL syntax error"),
    (ShapeViolation, 422, "shape-violation", "The graph does not conform to the shapes"),
    (GraphNotFound, 404, "graph-not-found", "No such graph"),
    (PreconditionFailed, 412, "precondition-failed", "The graph is not in the state expected"),
    (DefaultGraphWrite, 422, "default-graph-read-only", "The default graph cannot be written"),
    (RefusedUpdate, 403, "update-refused", "Update operation refused"),
    (ExtensionRefused, 403, "extension-refused", "Engine extension refused"),
    (QueryTooComplex, 400, "query-too-complex", "Query over the server's limits"),
    (InputError, 400, "bad-input", "Bad input"),
    (QueryTimeout, 503, "query-timeout", "Query timed out"),
    (ResultTooLarge, 422, "result-too-large", "Result too large"),
    (ForbiddenTarget, 403, "forbidden-target", "URL not allowed"),
    (StoreUnavailable, 503, "store-unavailable", "The graph store is unavailable"),
    (ServiceRefused, 403, "service-refused", "SERVICE clause refused"),
    (RemoteServiceError, 502, "remote-service", "A federated SPARQL endpoint failed"),
    (StoreError, 502, "store-error", "The graph store failed"),
    (ConfigError, 500, "config-error", "Server misconfigured"),
    (WritesDisabled, 403, "writes-disabled", "Writes are disabled"),
    (TokenMissing, 401, "token-missing", "Authentication required"),
    (TokenWrong, 403, "token-wrong", "Wrong token"),
    (GeokgError, 500, "internal", "Internal error"),
]
#: Headers a problem of this type always carries.
PROBLEM_HEADERS: dict[type[GeokgError], dict[str, str]] = {
    TokenMissing: {"WWW-Authenticate": CHALLENGE},
}


def problem(status: int, title: str, detail: str, *, type_: str = "about:blank",
            headers: dict[str, str] | None = None, **extra: Any) -> Response:
    """An RFC 9457 problem response; views may return it directly."""
    body = {"type": type_, "title": title, "status": status, "detail": detail, **extra}
    rid = request_id()
    if rid is not None:
        body.setdefault("request_id", rid)  # the id the server log has for this request
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    """Every error of every route ends here."""
    app.register_error_handler(GeokgError, domain_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(RequestEntityTooLarge, body_too_large)
    app.register_error_handler(RecursionError, nested_too_deeply)
    app.register_error_handler(Exception, unexpected)


def domain_error(exc: GeokgError) -> Response:
    status, slug, title = lookup(exc)
    extra: dict[str, Any] = {}
    if isinstance(exc, ShapeViolation):
        extra["results"] = exc.results
    if status >= 500:
        log.error("%s: %s", type(exc).__name__, exc)
    headers = next((h for cls, h in PROBLEM_HEADERS.items() if isinstance(exc, cls)), None)
    return problem(status, title, str(exc), type_=PROBLEM_BASE + slug, headers=headers, **extra)


def lookup(exc: GeokgError) -> tuple[int, str, str]:
    for cls, status, slug, title in PROBLEMS:
        if isinstance(exc, cls):
            return status, slug, title
    return 500, "internal", "Internal error"


def http_error(exc: HTTPException) -> Response:
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    status = exc.code or 500
    return problem(status, exc.name, exc.description or exc.name, headers=headers)


def body_too_large(exc: RequestEntityTooLarge) -> Response:
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    size = request.content_length
    told = f" ({size} bytes)" if size else ""
    return problem(413, "Request body too large",
                   f"the request body{told} is larger than GEOKG_MAX_BODY_BYTES={limit} bytes",
                   type_=PROBLEM_BASE + "body-too-large")


def nested_too_deeply(exc: RecursionError) -> Response:
    """A body nested deeper than the parsers' recursion limit (e.g. `[[[[…]]]]` JSON) is
    the client's input, not a server fault."""
    return problem(400, "Input nested too deeply",
                   "the request body is nested too deeply to be read",
                   type_=PROBLEM_BASE + "bad-input")


def unexpected(exc: Exception) -> Response:
    log.exception("unhandled error")
    return problem(500, "Internal error", "The server failed; see its log.")
