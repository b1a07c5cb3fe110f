"""GET /feeds (HTML or JSON) and /feeds/metrics (Prometheus text): what the feed watcher
did, read from its state file, so any web process can answer (the watcher runs in one)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request

from geokg.feeds.report import feeds_report, metrics_text
from geokg.web.state import get_settings

bp = Blueprint("feeds", __name__)

#: The media type of the Prometheus text exposition format.
METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@bp.get("/feeds")
def feeds() -> Response:
    report = feeds_report(get_settings())
    if request.args.get("format") == "json" or request.accept_mimetypes.best_match(
            ["application/json", "text/html"]) != "text/html":
        response = jsonify(report)
    else:
        response = Response(render_template("feeds.html", report=report), mimetype="text/html")
    response.headers["Vary"] = "Accept"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/feeds/metrics")
def metrics() -> Response:
    response = Response(metrics_text(get_settings()), content_type=METRICS_TYPE)
    response.headers["Cache-Control"] = "no-store"
    return response
