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

import psutil
import pytest
import requests

from geokg import PROJECT_ROOT
from reliability import Deployment, article_texts, gunicorn_deployment, wait_for, wait_until_up
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
        # a worker still loading the app when SIGTERM comes fails its boot (exit 3): stop a
        # deployment whose four workers all serve
        wait_for_workers(master, log, 4)
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
    leftovers = subprocess.run(["pgrep", "-f", f"geokg.store.engine_process {tmp_path}"],
                               capture_output=True, text=True).stdout.split()
    assert leftovers == [], "the store engine outlived gunicorn"


def wait_for_workers(master: subprocess.Popen[bytes], log: Path, count: int) -> None:
    """Until `count` workers have said they serve; a failure shows the log and what each of
    the master's children was doing, so that a worker stuck in its boot can be told from a
    slow machine."""
    def ready() -> bool:
        return log.read_text(encoding="utf-8", errors="replace").count("geokg worker") >= count

    try:
        wait_for(ready, f"{count} workers ready")
    except AssertionError as failure:
        raise AssertionError(f"{failure}; children {children_of(master.pid)}; log:\n"
                             f"{log.read_text(encoding='utf-8', errors='replace')[-4000:]}") from None


def children_of(pid: int) -> list[tuple[int, str, float, str]]:
    """What each child of a process is doing (a child that ends meanwhile is left out)."""
    out = []
    for child in psutil.Process(pid).children():
        try:
            out.append((child.pid, child.status(), child.cpu_times().user, " ".join(child.cmdline())[:80]))
        except psutil.Error:
            continue
    return out


# -- worker restarts, reloads and a dying engine leave the deployment up --------------------

ARTICLES = "PREFIX gk: <https://w3id.org/geokg/ontology#> " \
           "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a gk:Article } } ORDER BY ?g"


def stored_articles(url: str) -> list[str]:
    response = requests.get(f"{url}/sparql", params={"query": ARTICLES},
                            headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert response.status_code == 200, response.text
    return [row["g"]["value"] for row in response.json()["results"]["bindings"]]


def assert_serves(deployment: Deployment, articles: list[str]) -> None:
    """Every worker (several requests on fresh connections) answers with what is stored."""
    for _ in range(3 * len(deployment.workers())):
        assert stored_articles(deployment.url) == sorted(articles)
    assert requests.get(f"{deployment.url}/healthz", timeout=30).status_code == 200


def ingest(deployment: Deployment, article: dict[str, str]) -> str:
    response = requests.post(f"{deployment.url}/articles", json=article, timeout=60)
    assert response.status_code == 201, response.text
    return str(response.json()["iri"])


def test_worker_restarts_reloads_and_engine_deaths_keep_the_deployment_up(tmp_path: Path) -> None:
    texts = article_texts(3)
    with gunicorn_deployment(tmp_path) as deployment:
        articles = [ingest(deployment, texts[0])]
        assert_serves(deployment, articles)
        supervisor = deployment.supervisor().pid

        # Workers end one after the other (max_requests, a crash, an operator's TERM) and
        # gunicorn starts new ones: then only workers started after a worker's exit serve.
        for victim in sorted(deployment.workers()):
            os.kill(victim, signal.SIGTERM)
            wait_for(lambda: victim not in deployment.workers()  # noqa: B023 - waited for here
                     and len(deployment.workers()) == 2, "the worker replaced")
        assert_serves(deployment, articles)
        articles.append(ingest(deployment, texts[1]))
        assert_serves(deployment, articles)
        assert deployment.supervisor().pid == supervisor

        # HUP: gunicorn reads its config again and replaces every worker.
        old = deployment.workers()
        deployment.master.send_signal(signal.SIGHUP)
        wait_for(lambda: not old & deployment.workers() and len(deployment.workers()) == 2,
                 "every worker replaced after HUP")
        assert_serves(deployment, articles)
        assert deployment.supervisor().pid == supervisor, "HUP keeps the one engine"

        # The engine dies (OOM killer, crash): its supervisor starts a new one.
        engine = deployment.engine()
        assert engine is not None
        os.kill(engine, signal.SIGKILL)
        wait_for(lambda: deployment.engine() not in (None, engine), "a new engine")
        assert_serves(deployment, articles)
        articles.append(ingest(deployment, texts[2]))
        assert_serves(deployment, articles)

        processes = deployment.processes()
        deployment.master.send_signal(signal.SIGTERM)
        assert deployment.master.wait(timeout=120) == 0
    gone, alive = psutil.wait_procs(processes, timeout=30)
    assert alive == [], "processes outlived the gunicorn master"


def test_master_killed_takes_its_workers_and_engine_along(tmp_path: Path) -> None:
    with gunicorn_deployment(tmp_path) as deployment:
        assert_serves(deployment, [])
        processes = deployment.processes()
        assert len(processes) == 4  # two workers, the engine supervisor, the engine
        os.kill(deployment.master.pid, signal.SIGKILL)
        deployment.master.wait(timeout=30)
        gone, alive = psutil.wait_procs(processes, timeout=60)
        assert alive == [], f"left running after the master was killed: {alive}"


# -- nothing outside the deployment's own folders -----------------------------------------

def test_gunicorn_writes_nothing_to_home_or_the_temp_folder(tmp_path: Path) -> None:
    """No machine-wide ~/.gunicorn/gunicorn.ctl; the default run folder (a private temporary
    folder holding the engine's socket) is removed when the deployment stops."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    with gunicorn_deployment(tmp_path, TMPDIR=str(temp)) as deployment:
        assert_serves(deployment, [])
        [run_folder] = list(temp.iterdir())
        assert (run_folder / "engine.sock").is_socket()
        deployment.master.send_signal(signal.SIGTERM)
        assert deployment.master.wait(timeout=120) == 0
    assert list((tmp_path / "home").iterdir()) == []
    assert list(temp.iterdir()) == []


def test_gunicorn_keeps_its_sockets_in_the_run_folder(tmp_path: Path) -> None:
    """With a run folder, nothing else: no ~/.gunicorn, nothing in TMPDIR (the workers'
    heartbeat files go into the run folder, and are unlinked there)."""
    run, temp = tmp_path / "run", tmp_path / "tmp"
    temp.mkdir()
    with gunicorn_deployment(tmp_path, GEOKG_RUN_DIR=str(run), TMPDIR=str(temp)) as deployment:
        assert_serves(deployment, [])
        assert sorted(p.name for p in run.iterdir()) == ["engine.sock", "gunicorn.ctl"]
        assert str(run / "engine.sock") in deployment.supervisor().cmdline()
        deployment.master.send_signal(signal.SIGTERM)
        assert deployment.master.wait(timeout=120) == 0
    assert list((tmp_path / "home").iterdir()) == []
    assert not (run / "engine.sock").exists()
    assert run.is_dir(), "a run folder the deployment was given is not removed"
    assert list(temp.iterdir()) == []
