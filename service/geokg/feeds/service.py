"""The watcher as a part of the running service: exactly one per deployment.

* `geokg serve` runs it in a thread of its own process (`WatcherThread`), writing through the
  app's pipeline and scheduling the app's statistics refresh.
* Under gunicorn the master starts it once, as a process of its own, before it forks the
  workers (`WatcherProcess`, from `gunicorn.conf.py`, as it starts the store engine): workers
  come and go, are reloaded by HUP, and none of them ever runs a watcher. The process writes
  through the shared store engine (GEOKG_ENGINE_SOCKET) and ends with the master, also when
  the master is killed (its stdin, a pipe from the master, closes).

Whatever starts it, a watcher holds the lock of its state file (`WatcherLock`): a second one
on the same state (another `geokg watch`, a misconfigured second server) refuses to start.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from geokg.config import Settings
from geokg.errors import GeokgError
from geokg.store.engine_client import end_child

if TYPE_CHECKING:  # gunicorn's master imports this module: it loads no pipeline itself
    from geokg.pipeline import Pipeline

log = logging.getLogger("geokg.feeds")

#: Seconds the watcher process waits before it starts a watcher again after a failure.
RESTART_PAUSE = 10.0


class WatcherThread:
    """The watcher of `geokg serve`: a daemon thread, stopped with the server."""

    def __init__(self, settings: Settings, pipeline: Pipeline,
                 on_stored: Callable[[], object] | None = None):
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(settings, pipeline, on_stored),
                                       name="geokg-feeds", daemon=True)
        self.thread.start()

    def _run(self, settings: Settings, pipeline: Pipeline,
             on_stored: Callable[[], object] | None) -> None:
        from geokg.feeds.watcher import open_watcher

        try:
            with open_watcher(settings, pipeline, on_stored=on_stored) as watcher:
                watcher.run(self.stop_event)
        except GeokgError as exc:
            log.warning("feeds are not followed: %s", exc)
        except Exception:
            log.exception("the feed watcher failed; feeds are not followed")

    def stop(self, timeout: float = 30.0) -> None:
        self.stop_event.set()
        self.thread.join(timeout)


class WatcherProcess:
    """Starts `python -m geokg.feeds.service` from gunicorn's master; the process that
    started it stops it, and no other (a forked worker lets go of its pipe)."""

    def __init__(self) -> None:
        self._owner = os.getpid()
        self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "geokg.feeds.service"], stdin=subprocess.PIPE)
        self.pid = self.process.pid
        _PROCESSES.add(self)

    def stop(self, timeout: float = 30.0) -> None:
        if os.getpid() != self._owner:
            return
        process, self.process = self.process, None
        if process is not None:
            end_child(process, timeout)

    def _forked(self) -> None:
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()


_PROCESSES: weakref.WeakSet[WatcherProcess] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for process in list(_PROCESSES):
        process._forked()


os.register_at_fork(after_in_child=_after_fork_in_child)


def main() -> None:
    """The watcher process: follow the feeds until SIGTERM or until the master's pipe closes;
    a watcher that fails is started again after RESTART_PAUSE seconds."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s geokg-feeds[%(process)d] %(message)s")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in gunicorn's terminal: its master decides
    threading.Thread(target=_until_owner_gone, args=(stop,), daemon=True).start()
    settings = Settings.from_env()
    while not stop.is_set():
        try:
            _follow(settings, stop)
        except GeokgError as exc:
            log.error("feeds are not followed: %s", exc)
        except Exception:
            log.exception("the feed watcher failed")
        stop.wait(RESTART_PAUSE)


def _follow(settings: Settings, stop: threading.Event) -> None:
    from geokg.feeds.watcher import open_watcher
    from geokg.pipeline import Pipeline
    from geokg.pipeline.statistics import StatisticsRefresher
    from geokg.store import open_store

    pipeline = Pipeline.open(settings, open_store(settings, stoppable=True))
    refresher = StatisticsRefresher(pipeline.refresh_statistics, settings.statistics_delay)
    try:
        with open_watcher(settings, pipeline, on_stored=refresher.schedule) as watcher:
            log.info("following %d feeds", len(watcher.feeds))
            watcher.run(stop)
        refresher.wait()
    finally:
        pipeline.store.close()


def _until_owner_gone(stop: threading.Event) -> None:
    """Read stdin until it closes: the master ended (or was killed)."""
    try:
        while os.read(sys.stdin.fileno(), 1024):
            time.sleep(0)
    except OSError:
        pass
    stop.set()


if __name__ == "__main__":
    main()
