"""Helpers of the reliability, security and fuzz tests: a real `geokg serve` process on an
on-disk store, and checks that read whole article graphs back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

from geokg import PROJECT_ROOT
from geokg.resources import SAMPLE_ARTICLES
from support import free_port

PROBLEM = "application/problem+json"
GK = "https://w3id.org/geokg/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

#: Per article graph: triples, whether it has its gk:Article node and nif:isString, and
#: how many evidence links lack their sentence (0 for a whole article).
ARTICLE_STATE = f"""
PREFIX gk: <{GK}> PREFIX nif: <{NIF}>
SELECT ?g (COUNT(*) AS ?triples)
       (SUM(IF(?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> && ?o = gk:Article, 1, 0)) AS ?node)
       (SUM(IF(?p = nif:isString, 1, 0)) AS ?text)
       (SUM(IF(?p = gk:evidence && NOT EXISTS {{ GRAPH ?g {{ ?o nif:anchorOf ?a }} }}, 1, 0))
          AS ?orphans)
WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), ?articles)) }} GROUP BY ?g
"""


def sample_texts() -> list[dict[str, str]]:
    lines = SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines()
    return [{k: v for k, v in json.loads(line).items() if k in ("text", "published", "lang")}
            for line in lines if line.strip()]


def article_texts(count: int) -> list[dict[str, str]]:
    """`count` distinct real articles: the samples, then the samples with a numbered
    closing line (a different text is a different article)."""
    base = sample_texts()
    out = []
    for index in range(count):
        item = dict(base[index % len(base)])
        if index >= len(base):
            item["text"] += f"\n\nAktualisiert, Fassung {index}."
        out.append(item)
    return out


def article_states(url: str, base_iri: str = "http://localhost:5000/") -> dict[str, dict[str, int]]:
    query = ARTICLE_STATE.replace("?articles", f'"{base_iri}article/"')
    response = requests.post(f"{url}/sparql", data={"query": query},
                             headers={"Accept": "application/sparql-results+json"}, timeout=60)
    response.raise_for_status()
    states = {}
    for row in response.json()["results"]["bindings"]:
        states[row["g"]["value"]] = {k: int(row[k]["value"])
                                     for k in ("triples", "node", "text", "orphans")}
    return states


def is_whole(state: dict[str, int]) -> bool:
    return state["node"] == 1 and state["text"] == 1 and state["orphans"] == 0


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def kill_hard(self) -> None:
        """SIGKILL the server and its store engine (its whole process group) at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill_hard()


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n"
                                 f"{log.read_text(errors='replace')[-3000:]}")
        try:
            if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still starting workers
            pass
        time.sleep(0.1)
    raise AssertionError(f"the server did not come up within {timeout} s")


@contextmanager
def geokg_serve(data: Path, log: Path, *options: str, **env: str) -> Iterator[ServerProcess]:
    """`geokg serve --no-samples [options]` on `data`, in its own process group, on a free
    port."""
    port = free_port()
    environment = {**os.environ, "GEOKG_STORE": f"oxigraph:{data}", **env}
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "geokg.cli", "serve", "--no-samples", "--port", str(port),
             *options],
            env=environment, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = ServerProcess(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_until_up(server.url, process, log)
        yield server
    finally:
        server.stop()


@dataclass
class Deployment:
    """A real gunicorn master (with gunicorn.conf.py) and what it started."""

    url: str
    master: subprocess.Popen[bytes]
    log: Path

    def processes(self) -> list[psutil.Process]:
        """Every process under the master: workers, the engine supervisor, the engine."""
        try:
            return psutil.Process(self.master.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def direct_children(self) -> list[psutil.Process]:
        """The master's own children still alive: one that exits between the listing and the
        look at its parent (a worker being replaced) is left out, not an error."""
        return [p for p in self.processes() if parent_of(p) == self.master.pid]

    def workers(self) -> set[int]:
        """The master's children that are gunicorn workers (not the store engine's
        supervisor, not the feed watcher)."""
        return {p.pid for p in self.direct_children()
                if not any(name in " ".join(command_line(p))
                            for name in ("geokg.store.engine_process", "geokg.feeds.service"))}

    def supervisor(self) -> psutil.Process:
        [found] = [p for p in self.direct_children()
                   if "geokg.store.engine_process" in " ".join(command_line(p))]
        return found

    def engine(self) -> int | None:
        """The engine's pid; None while its supervisor starts a new one."""
        running = [p.pid for p in self.supervisor().children() if command_line(p)]
        return running[0] if len(running) == 1 else None


def parent_of(process: psutil.Process) -> int | None:
    """The parent's pid; None once the process is gone (a worker being replaced)."""
    try:
        return process.ppid()
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return None


def command_line(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return []


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90) -> None:
    """Poll until `condition()` is true; a generous bound, not a speed goal."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.1)


def isolated_env(home: Path, **env: str) -> dict[str, str]:
    """The test's environment with HOME (and no XDG_RUNTIME_DIR) of the test's own, so that
    anything a server writes to the user's folders shows up there."""
    home.mkdir(parents=True, exist_ok=True)
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("XDG_RUNTIME_DIR", "GEOKG_ENGINE_SOCKET", "GEOKG_RUN_DIR")}
    return {**environment, "HOME": str(home), **env}


@contextmanager
def gunicorn_deployment(folder: Path, workers: int = 2, **env: str) -> Iterator[Deployment]:
    """`gunicorn 'geokg.web:create_app()'` run in the repo root (so it reads gunicorn.conf.py)
    on a store in `folder`, on a free port, in its own session; killed (by process group)
    if still running at the end."""
    port = free_port()
    log = folder / "gunicorn.log"
    environment = isolated_env(folder / "home", **{"GEOKG_STORE": f"oxigraph:{folder}/data",
                               "GEOKG_PORT": str(port), "GEOKG_QUERY_TIMEOUT": "20", **env})
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with log.open("ab") as out:
        master = subprocess.Popen(
            [str(gunicorn), "geokg.web:create_app()", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
            cwd=PROJECT_ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    deployment = Deployment(f"http://127.0.0.1:{port}", master, log)
    try:
        wait_until_up(deployment.url, master, log, timeout=120)
        wait_for(lambda: len(deployment.workers()) == workers, "all workers up")
        yield deployment
    finally:
        if master.poll() is None:
            os.killpg(master.pid, signal.SIGKILL)
            master.wait()
