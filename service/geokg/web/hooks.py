"""App-wide hooks that hold for every route: what a write leaves behind (cached VoID figures
dropped, the statistics graph recomputed), CORS for reads, and a request body read to its
end before the answer, so that its connection can carry the next request.

Views say what they are with a decorator: `@writes` on a view that writes through this app,
`@reads_by_post` on one that also reads with POST (a long query). Nothing here guesses from
endpoint names, so a new view is a read unless it says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import Flask, Response, current_app, request

from geokg.web.linked_data import forget_dataset_stats
from geokg.web.state import get_statistics_refresher

P = ParamSpec("P")
R = TypeVar("R")

#: Attribute a decorated view carries: when its response means the store was written.
WRITES = "geokg_writes"
#: Attribute of a view that reads with POST as well as GET.
READS_BY_POST = "geokg_reads_by_post"
CORS_HEADERS = "Accept, Accept-Language, Content-Type, Cache-Control, X-Requested-With"

Judge = Callable[[Response], bool]


def succeeded(response: Response) -> bool:
    return response.status_code < 400


def writes(when: Judge = succeeded) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a view that writes through this app; `when` tells from its response whether
    it did (default: any success). Only its POST, PUT, PATCH and DELETE requests count."""

    def mark(view: Callable[P, R]) -> Callable[P, R]:
        setattr(view, WRITES, when)
        return view

    return mark


def reads_by_post(view: Callable[P, R]) -> Callable[P, R]:
    """Mark a view whose POST only reads (SPARQL queries): it gets CORS like a GET."""
    setattr(view, READS_BY_POST, True)
    return view


def init_app(app: Flask) -> None:
    app.after_request(after_writes)
    app.after_request(allow_cross_origin_reads)
    app.after_request(read_rest_of_body)


def read_rest_of_body(response: Response) -> Response:
    """Read what a view left unread of the request body (a request refused before its body
    mattered: 400 for a bad graph name, 401, 405, 415), up to GEOKG_MAX_BODY_BYTES.

    Why: the answer says keep-alive, but gunicorn closes a connection whose unread body
    passes 64 KB once the answer is sent; a client that sends its next request on it (as
    HTTP allows) gets a connection error instead of an answer. A body over the limit is
    refused by its Content-Length and not read (413)."""
    length = request.content_length
    if length and length <= (current_app.config["MAX_CONTENT_LENGTH"] or 0):
        while request.stream.read(1 << 16):
            pass
    return response


def _view_mark(name: str) -> object:
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, name, None)


def wrote(response: Response) -> bool:
    """Whether this request wrote through this app (see `writes`)."""
    judge = _view_mark(WRITES)
    if not callable(judge) or request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    return bool(judge(response))


def after_writes(response: Response) -> Response:
    """A write through this app may change the VoID figures without changing the
    fingerprint (an update inside an existing graph): drop them. It may change the counts
    of the statistics graph too: recompute it in the background, GEOKG_STATISTICS_DELAY
    seconds later, once for a burst of writes (`geokg.pipeline.statistics`)."""
    if wrote(response):
        forget_dataset_stats(current_app)
        get_statistics_refresher().schedule()
    return response


def allow_cross_origin_reads(response: Response) -> Response:
    """`Access-Control-Allow-Origin: *` on reads, so browser apps elsewhere can query.

    Writes (POST /articles) get no CORS headers, so a page on another origin cannot make a
    visitor's browser ingest articles. Nothing here uses cookies, so `*` is safe for reads.
    """
    readable = {"GET", "HEAD"} | ({"POST"} if _view_mark(READS_BY_POST) else set())
    method = request.method
    if method == "OPTIONS":
        wanted = request.headers.get("Access-Control-Request-Method", "").upper()
        if wanted not in readable:
            return response
        response.headers["Access-Control-Allow-Methods"] = ", ".join(sorted(readable))
        response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
        response.headers["Access-Control-Max-Age"] = "86400"
    elif method not in readable:
        return response
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = (
        "Content-Location, Content-Disposition, Link, X-Request-Id")
    return response
