"""The production server of `geokg serve`: gunicorn, run in this process as its master.

Why gunicorn and not werkzeug's development server: werkzeug serves every request in one
process, so Python's lock caps it at one core and its request loop costs more per request;
gunicorn's workers (gthread: processes of threads) serve the same app in parallel, with
keep-alive, and hold every reliability test `gunicorn.conf.py` deployments hold. The
development server stays available (`geokg serve --dev`).

What stays as before: the listening socket is bound by the caller (a taken port fails
before any work, port 0 reports the port got), the store is opened once, by the master,
before any worker exists (the embedded store's engine process belongs to the master, and
every worker talks to it over its socket, `GEOKG_ENGINE_SOCKET`), the engine's socket and
the workers' heartbeat files stay in the run folder (GEOKG_RUN_DIR, or the engine's private
temporary folder), gunicorn's control socket exists only in GEOKG_RUN_DIR, and SIGTERM
lets the workers finish their requests before the engine flushes and closes the store.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.glogging import Logger
from gunicorn.sock import TCP6Socket, TCPSocket

from geokg.config import Settings

#: The most workers chosen by default: beyond that, memory grows faster than throughput
#: (each worker holds the app, the gazetteer and the shapes).
DEFAULT_MAX_WORKERS = 8

#: JSON lines (`geokg.logs`) with request ids (`geokg.web.security`), as under gunicorn.conf.py.
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "geokg.web.security.RequestIdFilter"}},
    "formatters": {"json": {"()": "geokg.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                            "filters": ["request_id"], "stream": "ext://sys.stderr"}},
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "WARNING", "handlers": ["stderr"], "propagate": False},
        "werkzeug": {"level": "WARNING"},
    },
}

WsgiApp = Callable[..., Any]


class QuietAccessLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger without its access log: `geokg.access` logs every request (JSON,
    with its request id). With a logging configuration given, gunicorn would build its own
    access line's fields for every request (a tenth of a worker's Python time on point
    lookups) only for the logger's level to drop them."""

    def access(self, *args: Any, **kwargs: Any) -> None:
        return None


def default_workers() -> int:
    """One worker per core this process may run on, at most DEFAULT_MAX_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        cores = os.cpu_count() or 1
    return max(1, min(cores, DEFAULT_MAX_WORKERS))


#: Longest request line gunicorn reads (its largest bounded setting).
REQUEST_LINE_BYTES = 8190


def server_options(settings: Settings, *, workers: int, heartbeat_dir: str | None,
                   on_exit: Callable[[], None]) -> dict[str, Any]:
    """gunicorn's settings for `geokg serve` (the same choices as gunicorn.conf.py)."""
    options: dict[str, Any] = {
        "bind": [f"{settings.host}:{settings.port}"],
        "workers": workers,
        "worker_class": "gthread",
        "threads": settings.threads,
        # A worker busy past this is killed by the master; queries end long before (the engine).
        "timeout": int(settings.query_timeout) + 30,
        "graceful_timeout": int(settings.query_timeout) + 5,
        # a GET query travels in the request line: gunicorn's most (its default, 4094, cuts
        # off queries werkzeug took); longer ones go by POST
        "limit_request_line": REQUEST_LINE_BYTES,
        "accesslog": None,  # geokg.access logs each request as JSON, with its request id
        "logger_class": QuietAccessLogger,
        "logconfig_dict": LOG_CONFIG,
        "on_exit": lambda server: on_exit(),
        "post_worker_init": _ignore_ctrl_c,
    }
    if settings.run_dir:
        options["control_socket"] = os.path.join(os.path.abspath(settings.run_dir),
                                                 "gunicorn.ctl")
    else:  # gunicorn's default, ~/.gunicorn/gunicorn.ctl, is shared by every gunicorn
        options["control_socket_disable"] = True
    if heartbeat_dir:
        options["worker_tmp_dir"] = heartbeat_dir
    return options


def _ignore_ctrl_c(worker: Any) -> None:
    """Ctrl-C in a terminal reaches every process of the group: a worker leaves its stop to
    the master (a graceful one, see `_Arbiter`) instead of gunicorn's quick-stop handler."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Application(BaseApplication):  # type: ignore[misc]
    """gunicorn's view of geokg: fixed options, and the app made by `load` in each worker
    (or once in the master, with `preload`)."""

    def __init__(self, options: dict[str, Any], load: Callable[[], WsgiApp]):
        self._options = options
        self._load = load
        super().__init__()

    def load_config(self) -> None:
        for name, value in self._options.items():
            self.cfg.set(name, value)

    def load(self) -> WsgiApp:
        return self._load()


class _Arbiter(Arbiter):  # type: ignore[misc]
    """gunicorn's master, with Ctrl-C (SIGINT) a graceful stop like SIGTERM.

    gunicorn's quick stop sends its gthread workers SIGQUIT, whose handler shuts the
    worker's thread pool down inside the signal handler: when the signal lands while the
    worker is handing a request to that pool (holding the pool's lock), the worker
    deadlocks and never exits (seen under `geokg serve`, gunicorn 27.0.1). A graceful stop
    ends idle workers at once and busy ones after their requests (`graceful_timeout`)."""

    def handle_int(self) -> None:
        self.handle_term()


def run(listener: socket.socket, options: dict[str, Any], load: Callable[[], WsgiApp]) -> None:
    """Serve on `listener` (bound and listening) until SIGTERM/SIGINT; `load` makes the
    WSGI app. Returns never: gunicorn's master exits the process when it stops."""
    arbiter = _Arbiter(_Application(options, load))
    kind = TCP6Socket if listener.family == socket.AF_INET6 else TCPSocket
    # gunicorn takes the socket over (and closes the descriptor it is given)
    arbiter.LISTENERS = [kind(listener.getsockname()[:2], arbiter.cfg, arbiter.log,
                              fd=os.dup(listener.fileno()))]
    listener.close()
    arbiter.run()
