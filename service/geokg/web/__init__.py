"""The Flask app: one store opened once, blueprints per URL area, the problem table
(`problems.py`) and the app-wide hooks (`hooks.py`)."""

from __future__ import annotations

from functools import partial

from flask import Flask

from geokg.config import Settings
from geokg.logs import configure_logging
from geokg.pipeline import Pipeline
from geokg.pipeline.statistics import StatisticsRefresher
from geokg.store import Store, open_store
from geokg.web import (
    articles,
    export,
    feeds,
    health,
    hooks,
    linked_data,
    openapi,
    problems,
    reconcile,
    security,
    sparql,
    workbench,
    writes,
)
from geokg.web.state import (
    PIPELINE_KEY,
    SETTINGS_KEY,
    STATISTICS_KEY,
    STORE_KEY,
    get_settings,
    get_store,
)

__all__ = ["create_app", "get_settings", "get_store", "statistics_refresher"]


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               pipeline: Pipeline | None = None, json_logs: bool = False) -> Flask:
    """Build the app. `store` overrides `settings.store` (tests hand in their own); a
    `pipeline` given (the CLI's, which goes on to use it) brings its store. Either way the
    pipeline is prepared here (`Pipeline.prepare`: reference graphs, statistics), once.
    `json_logs`: send every log as a JSON line with its request id (`geokg serve`)."""
    settings = settings or Settings.from_env()
    if json_logs:
        configure_logging(filters=[security.RequestIdFilter()])
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
    problems.init_app(app)
    hooks.init_app(app)
    return app


def statistics_refresher(app: Flask) -> StatisticsRefresher:
    """The app's refresh of the statistics graph in the background, for what writes through
    the app's pipeline outside a request (the development server's feed watcher): schedule
    it after each write, as the app's write routes do."""
    refresher: StatisticsRefresher = app.extensions[STATISTICS_KEY]
    return refresher


def _refresh_statistics(app: Flask) -> None:
    """The background refresh after writes (see `hooks.after_writes`);
    the VoID figures count the statistics graph too, so they are recomputed after it."""
    app.extensions[PIPELINE_KEY].refresh_statistics()
    linked_data.forget_dataset_stats(app)


def _register_blueprints(app: Flask) -> None:
    for module in (sparql, articles, linked_data, workbench, reconcile, export, writes, health,
                   feeds, openapi):
        app.register_blueprint(module.bp)
    workbench.init_app(app)
    security.init_app(app)
