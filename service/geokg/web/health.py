"""GET /healthz: whether this process can reach its store, for load balancers and probes.

Why it asks the store and not only "the process is up": a server whose store engine is
gone (or whose remote endpoint is down) answers every query with an error; a probe must
see that and take it out of rotation. 200 with the store's status when it answers, 503
problem+json when it does not (within HEALTH_TIMEOUT_S).
"""

from __future__ import annotations

import time

from flask import Blueprint, Response, jsonify

from geokg.errors import GeokgError
from geokg.web.problems import PROBLEM_BASE, problem
from geokg.web.state import get_settings, get_store

bp = Blueprint("health", __name__)

#: How long the probe waits for the store; probes have short timeouts of their own.
HEALTH_TIMEOUT_S = 3.0


@bp.get("/healthz")
def healthz() -> Response:
    store = get_store()
    backend = get_settings().store.partition(":")[0]
    started = time.perf_counter()
    try:
        store.ping(HEALTH_TIMEOUT_S)  # an engine process answers (and holds the store open)
    except GeokgError as exc:
        response = problem(503, "Store unreachable", f"the {backend} store does not answer: {exc}",
                           type_=PROBLEM_BASE + "store-unavailable", store={"backend": backend,
                                                                             "reachable": False})
        response.headers["Retry-After"] = "5"
        response.headers["Cache-Control"] = "no-store"
        return response
    body = {"status": "ok", "store": {
        "backend": backend, "reachable": True,
        "latency_ms": round((time.perf_counter() - started) * 1000, 2)}}
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response
