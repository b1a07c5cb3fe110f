"""gunicorn settings for geokg (gunicorn reads ./gunicorn.conf.py by itself):

    gunicorn 'geokg.web:create_app()' -w 4 -b 127.0.0.1:8000

Several workers share one embedded store: the master starts the store engine once
(`geokg.store.engine_client.EngineOwner`, before forking workers) and hands its socket to the
workers in GEOKG_ENGINE_SOCKET; each worker's queries run in that engine, which is killed
and restarted when a query passes GEOKG_QUERY_TIMEOUT. A remote store (`sparql:`) needs
nothing of this. Logs are JSON lines (`geokg.logs`) with the request id (`geokg.web.security`).

SIGTERM: the master stops accepting, lets each worker finish its in-flight requests (up to
`graceful_timeout`), then stops the engine, which flushes the store. The engine belongs to
the master, not to a worker: workers that end (TERM, max_requests, a crash) and a reload
(HUP: gunicorn reads this file again and replaces every worker) keep it; the master's end,
even by SIGKILL, stops it.

Feeds: with GEOKG_FEEDS set, the master also starts the deployment's one feed watcher
(`geokg.feeds.service.WatcherProcess`), a process of its own that ends with the master.

Files: the engine's socket, and gunicorn's control socket (for `gunicornc`), live in the
deployment's run folder GEOKG_RUN_DIR. Without one the engine's socket goes into a private
temporary folder removed at the end, and there is no control socket: gunicorn's default,
~/.gunicorn/gunicorn.ctl, is one path for every gunicorn of the user.
"""

from __future__ import annotations

import os
from typing import Any

from geokg.config import Settings
from geokg.web.server import LOG_CONFIG

_settings = Settings.from_env()

wsgi_app = "geokg.web:create_app()"
bind = [f"{_settings.host}:{_settings.port}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
worker_class = "gthread"
threads = _settings.threads  # GEOKG_THREADS
# A worker busy past this is killed by the master; queries end long before (the engine).
timeout = int(_settings.query_timeout) + 30
graceful_timeout = int(_settings.query_timeout) + 5
# A GET query travels in the request line: gunicorn's most (its default 4094 cuts off
# queries of a few KB); longer queries go by POST.
limit_request_line = 8190
if _settings.run_dir:
    control_socket = os.path.join(os.path.abspath(_settings.run_dir), "gunicorn.ctl")
    worker_tmp_dir = os.path.abspath(_settings.run_dir)  # the workers' heartbeat files
else:
    control_socket_disable = True
accesslog = None  # geokg.access logs each request as JSON, with its request id
logger_class = "geokg.web.server.QuietAccessLogger"  # and gunicorn builds no access line
logconfig_dict = LOG_CONFIG  # JSON lines with request ids, as under `geokg serve`


def on_starting(server: Any) -> None:
    """Start the one store engine every worker will share (embedded or `memory` store), then the one
    feed watcher of the deployment (when GEOKG_FEEDS is set), which writes through it.

    Both are kept on the arbiter, which outlives a reload (HUP runs this file again, with
    fresh module globals); the environment passes the engine's socket to the workers and
    the watcher. No worker ever runs a watcher."""
    in_memory = _settings.store.strip() == "memory"
    if (_settings.data_dir is not None or in_memory) and not _settings.engine_socket:
        from geokg.store.engine_client import EngineOwner

        server.geokg_engine = EngineOwner(_settings.data_dir, _settings.run_dir)
        os.environ["GEOKG_ENGINE_SOCKET"] = server.geokg_engine.socket_path
        server.log.info("geokg store engine for %s at %s", _settings.data_dir or "memory",
                        server.geokg_engine.socket_path)
    if _settings.feeds:
        from geokg.feeds.service import WatcherProcess

        server.geokg_watcher = WatcherProcess()
        server.log.info("geokg feed watcher %s follows %s", server.geokg_watcher.pid,
                        _settings.feeds)


def post_worker_init(worker: Any) -> None:
    """Say when a worker has loaded the app and serves: operators (and the tests that stop a
    deployment) can tell a worker still starting from one that answers."""
    worker.log.info("geokg worker %s ready", worker.pid)


def on_exit(server: Any) -> None:
    """After the last worker has finished: stop the watcher, then the engine (it flushes the
    store)."""
    watcher = getattr(server, "geokg_watcher", None)
    if watcher is not None:
        watcher.stop()
    engine = getattr(server, "geokg_engine", None)
    if engine is not None:
        engine.stop()
