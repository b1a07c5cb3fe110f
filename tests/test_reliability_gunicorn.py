"""Production serving: gunicorn with 4 workers sharing one store engine (gunicorn.conf.py),
/healthz, timeouts across workers, and a graceful SIGTERM that finishes in-flight work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from geokg import PROJECT_ROOT
from reliability import wait_until_up
from support import free_port

pytestmark = pytest.mark.slow
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } "


def test_four_workers_share_the_store_and_stop_gracefully(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = {**os.environ, "GEOKG_STORE": f"oxigraph:{tmp_path}/data", "GEOKG_QUERY_TIMEOUT": "20",
           "GEOKG_PORT": str(port)}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with log.open("wb") as out:
        master = subprocess.Popen([str(gunicorn), "geokg.web:create_app()", "-w", "4", "-b",
                                   f"127.0.0.1:{port}"], cwd=PROJECT_ROOT, env=env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, master, log, timeout=90)
        for _ in range(20):
            response = requests.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
            assert response.status_code == 200 and "true" in response.text
        health = requests.get(f"{url}/healthz", timeout=10)
        assert health.json()["store"]["reachable"] is True
        slow: dict[str, object] = {}

        def in_flight() -> None:
            started = time.monotonic()
            answer = requests.get(f"{url}/sparql", params={"query": SLOW_QUERY}, timeout=60)
            slow.update(status=answer.status_code, seconds=time.monotonic() - started)

        thread = threading.Thread(target=in_flight)
        thread.start()
        time.sleep(0.5)
        master.send_signal(signal.SIGTERM)
        thread.join(timeout=60)
        assert master.wait(timeout=60) == 0
        assert slow.get("status") in (200, 503), slow  # answered, not cut off
    finally:
        if master.poll() is None:
            os.killpg(master.pid, signal.SIGKILL)
            master.wait()
    leftovers = subprocess.run(["pgrep", "-f", f"geokg.store.engine {tmp_path}"],
                               capture_output=True, text=True).stdout.split()
    assert leftovers == [], "the store engine outlived gunicorn"
