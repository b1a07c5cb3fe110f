"""GET /openapi.json: the OpenAPI 3.1 description of the HTTP API (`openapi.yaml` beside
this file), for clients, generated tests (Schemathesis) and API browsers.

Why YAML in the package and JSON on the wire: the description is written and reviewed
by hand (comments, readable diffs); clients and tools expect JSON. The server's URL is
GEOKG_BASE_IRI, the public URL the deployment names (as for every IRI it mints), never the
request's Host header: a forged Host must not send a client's next requests elsewhere.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from flask import Blueprint, Response, jsonify

from geokg.web.state import get_settings

bp = Blueprint("openapi", __name__)

DESCRIPTION = Path(__file__).with_name("openapi.yaml")


@lru_cache(maxsize=1)
def description() -> dict[str, Any]:
    """The parsed description (read once per process)."""
    with DESCRIPTION.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


@bp.get("/openapi.json")
def openapi_json() -> Response:
    document = {**description(), "servers": [{"url": get_settings().base_iri.rstrip("/")}]}
    response = jsonify(document)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response
