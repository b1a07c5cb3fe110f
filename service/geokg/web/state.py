"""Per-app objects (store, settings) for views, looked up on the current Flask app.

Why not module globals: each `create_app` call (every test) gets its own store, and
views must use the one of the app that is handling the request.
"""

from __future__ import annotations

from flask import current_app, request

from geokg.config import DEFAULT_BASE_IRI, Settings
from geokg.pipeline import Pipeline
from geokg.pipeline.statistics import StatisticsRefresher
from geokg.store import Store

STORE_KEY = "geokg.store"
SETTINGS_KEY = "geokg.settings"
PIPELINE_KEY = "geokg.pipeline"
STATISTICS_KEY = "geokg.statistics"


def get_store() -> Store:
    """The store opened by `create_app` for the app handling this request."""
    store: Store = current_app.extensions[STORE_KEY]
    return store


def get_settings() -> Settings:
    """The settings `create_app` was given (or read from the environment)."""
    settings: Settings = current_app.extensions[SETTINGS_KEY]
    return settings


def get_pipeline() -> Pipeline:
    """The ingestion pipeline bound to this app's store."""
    pipeline: Pipeline = current_app.extensions[PIPELINE_KEY]
    return pipeline


def get_statistics_refresher() -> StatisticsRefresher:
    """Recomputes this app's statistics graph in the background after writes."""
    refresher: StatisticsRefresher = current_app.extensions[STATISTICS_KEY]
    return refresher


def service_base() -> str:
    """Where this service is: GEOKG_BASE_IRI, or this request's root URL while the setting
    is the default (a server on another port or host must not say localhost:5000). It is
    the protocol's base for relative IRIs in queries and updates."""
    base = get_settings().base_iri
    return _url_root() if base == DEFAULT_BASE_IRI else base


#: Request root URLs by what they are made of (scheme, Host, server address, script root):
#: the same few on every request, each worth computing once. Bounded against hostile Hosts.
_ROOTS: dict[tuple[object, ...], str] = {}
_MAX_ROOTS = 256


def _url_root() -> str:
    key = (request.scheme, request.headers.get("Host"), request.server, request.root_path)
    root = _ROOTS.get(key)
    if root is None:
        root = request.url_root
        if len(_ROOTS) < _MAX_ROOTS:
            _ROOTS[key] = root
    return root
