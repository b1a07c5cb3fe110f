"""Cross-cutting protections of every response: request ids, security headers, and the
request id in every log line (`RequestIdFilter`; the JSON lines are `geokg.logs`).

Why one module hooked into the app (and not per blueprint): a header or an id that one
blueprint forgets is a hole; `init_app` makes them hold for every route, error pages
included.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-Id"
#: A client's id is reused only if it is short and plain: it goes into logs and headers.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,127}")

#: Scripts only from this server (no inline script, no eval); inline styles are allowed
#: because the query editor (YASGUI) sets element styles; no framing, no plugins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

access_log = logging.getLogger("geokg.access")


def init_app(app: Flask) -> None:
    app.before_request(_start_request)
    app.after_request(_finish_response)


def request_id() -> str | None:
    """The id of the request being handled (None outside a request)."""
    if not has_request_context():
        return None
    rid: str | None = g.get("request_id")
    if rid is None:
        rid = _assign_request_id()
    return rid


def _assign_request_id() -> str:
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    rid = offered if _SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
    g.request_id = rid
    return rid


def _start_request() -> None:
    g.started = time.perf_counter()
    _assign_request_id()


def _finish_response(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = request_id() or ""
    present = {name.lower() for name in response.headers.keys()}  # one pass, not one a header
    response.headers.extend([(name, value) for name, value in SECURITY_HEADERS.items()
                             if name.lower() not in present])
    started = g.get("started")
    access_log.info("%s %s %s", request.method, request.path, response.status_code, extra={
        "method": request.method, "path": request.path, "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
    })
    return response


# --- structured logs (`geokg.logs` writes them) -----------------------------------------

class RequestIdFilter(logging.Filter):
    """Stamp every record with the id of the request it was logged in (or None)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id()
        return True
