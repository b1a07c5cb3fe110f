"""Helpers of the reliability, security and fuzz tests: a real `geokg serve` process on an
on-disk store, and checks that read whole article graphs back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

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
def geokg_serve(data: Path, log: Path, **env: str) -> Iterator[ServerProcess]:
    """`geokg serve --no-samples` on `data`, in its own process group, on a free port."""
    port = free_port()
    environment = {**os.environ, "GEOKG_STORE": f"oxigraph:{data}", **env}
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "geokg.cli", "serve", "--no-samples", "--port", str(port)],
            env=environment, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = ServerProcess(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_until_up(server.url, process, log)
        yield server
    finally:
        server.stop()
