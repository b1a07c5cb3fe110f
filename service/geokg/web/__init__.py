"""The Flask app: one store opened once, blueprints, and one place that turns errors
into RFC 9457 problem responses (`application/problem+json`, never a traceback)."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

from geokg.config import Settings
from geokg.errors import (
    ConfigError,
    DefaultGraphWrite,
    ForbiddenTarget,
    GeokgError,
    GraphNotFound,
    InputError,
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
)
from geokg.pipeline import Pipeline
from geokg.pipeline.statistics import StatisticsRefresher
from geokg.store import Store, open_store
from geokg.web.auth import AccessDenied
from geokg.web.security import configure_logging, request_id
from geokg.web.state import (
    PIPELINE_KEY,
    SETTINGS_KEY,
    STATISTICS_KEY,
    STORE_KEY,
    get_settings,
    get_store,
)

__all__ = ["create_app", "get_settings", "get_store"]

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/geokg/problems#"

#: Domain error -> (HTTP status, problem type slug, title). Most specific first.
_PROBLEMS: list[tuple[type[GeokgError], int, str, str]] = [
    (QuerySyntaxError, 400, "query-syntax", "SPARQL syntax error"),
    (ShapeViolation, 422, "shape-violation", "The graph does not conform to the shapes"),
    (GraphNotFound, 404, "graph-not-found", "No such graph"),
    (DefaultGraphWrite, 422, "default-graph-read-only", "The default graph cannot be written"),
    (RefusedUpdate, 403, "update-refused", "Update operation refused"),
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
    (GeokgError, 500, "internal", "Internal error"),
]


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               pipeline: Pipeline | None = None, json_logs: bool = False) -> Flask:
    """Build the app. `store` overrides `settings.store` (tests hand in their own); a
    `pipeline` given (the CLI's, which goes on to use it) brings its store. Either way the
    pipeline is prepared here (`Pipeline.prepare`: reference graphs, statistics), once.
    `json_logs`: send every log as a JSON line with its request id (`geokg serve`)."""
    settings = settings or Settings.from_env()
    if json_logs:
        configure_logging()
    if pipeline is None:
        pipeline = Pipeline(settings, store if store is not None
                            else open_store(settings, stoppable=True))
    pipeline.prepare()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.extensions[SETTINGS_KEY] = settings
    app.extensions[STORE_KEY] = pipeline.store
    app.extensions[PIPELINE_KEY] = pipeline
    app.extensions[STATISTICS_KEY] = StatisticsRefresher(partial(_refresh_statistics, app),
                                                         settings.statistics_delay)
    _register_blueprints(app)
    _register_error_handlers(app)
    return app


def _refresh_statistics(app: Flask) -> None:
    """The background refresh after writes (see `linked_data.after_writes`);
    the VoID figures count the statistics graph too, so they are recomputed after it."""
    from geokg.web.linked_data import forget_dataset_stats

    app.extensions[PIPELINE_KEY].refresh_statistics()
    forget_dataset_stats(app)


def _register_blueprints(app: Flask) -> None:
    from geokg.web.articles import bp as articles_bp
    from geokg.web.sparql import bp as sparql_bp

    app.register_blueprint(sparql_bp)
    app.register_blueprint(articles_bp)
    from geokg.web.linked_data import bp as linked_data_bp

    app.register_blueprint(linked_data_bp)
    from geokg.web import workbench
    from geokg.web.export import bp as export_bp
    from geokg.web.reconcile import bp as reconcile_bp

    workbench.init_app(app)
    app.register_blueprint(workbench.bp)
    app.register_blueprint(reconcile_bp)
    app.register_blueprint(export_bp)
    from geokg.web.writes import bp as writes_bp

    app.register_blueprint(writes_bp)
    from geokg.web import health, openapi, security

    security.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(openapi.bp)


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


def _register_error_handlers(app: Flask) -> None:
    @app.errorhandler(GeokgError)
    def domain_error(exc: GeokgError) -> Response:
        status, slug, title = _lookup(exc)
        extra: dict[str, Any] = {}
        if isinstance(exc, ShapeViolation):
            extra["results"] = exc.results
        if status >= 500:
            log.error("%s: %s", type(exc).__name__, exc)
        return problem(status, title, str(exc), type_=PROBLEM_BASE + slug, **extra)

    @app.errorhandler(AccessDenied)
    def access_denied(exc: AccessDenied) -> Response:
        return problem(exc.status, exc.title, exc.detail, type_=PROBLEM_BASE + exc.slug,
                       headers=exc.headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
        status = exc.code or 500
        return problem(status, exc.name, exc.description or exc.name, headers=headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return problem(500, "Internal error", "The server failed; see its log.")


def _lookup(exc: GeokgError) -> tuple[int, str, str]:
    for cls, status, slug, title in _PROBLEMS:
        if isinstance(exc, cls):
            return status, slug, title
    return 500, "internal", "Internal error"
