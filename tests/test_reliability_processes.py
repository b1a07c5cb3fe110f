"""Process lifetime outside gunicorn: `geokg serve` and `geokg ingest --jobs` leave no
process, socket or folder behind when they are stopped or killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from reliability import article_texts, geokg_serve, isolated_env, wait_for
from support import free_port

pytestmark = pytest.mark.slow


def kill_all(processes: list[psutil.Process]) -> None:
    """Whatever a failed test left running, by pid."""
    for process in processes:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_geokg_serve_leaves_no_engine_or_socket_behind(tmp_path: Path, stop: signal.Signals) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", TMPDIR=str(temp)) as server:
        children = psutil.Process(server.process.pid).children(recursive=True)
        engines = [c for c in children if "geokg.store.engine_process" in " ".join(c.cmdline())]
        assert len(engines) == 2  # the engine supervisor and the engine it forked
        assert len(children) > 2  # and the gunicorn workers, which must end too
        [run_folder] = list(temp.iterdir())
        assert (run_folder / "engine.sock").is_socket()
        os.kill(server.process.pid, stop)  # the server alone, not its process group
        server.process.wait(timeout=60)
        try:
            gone, alive = psutil.wait_procs(children, timeout=60)
            assert alive == [], "the store engine or a worker outlived `geokg serve`"
        finally:
            kill_all(children)
    assert list(temp.iterdir()) == [], "the engine's socket folder was left behind"


def test_geokg_serve_on_a_run_folder_another_server_uses_is_refused(tmp_path: Path) -> None:
    run = tmp_path / "run"
    with geokg_serve(tmp_path / "data", tmp_path / "serve.log", GEOKG_RUN_DIR=str(run)):
        assert (run / "engine.sock").is_socket()
        second = subprocess.run(
            [sys.executable, "-m", "geokg.cli", "serve", "--no-samples", "--port", str(free_port())],
            env={**os.environ, "GEOKG_STORE": f"oxigraph:{tmp_path}/other",
                 "GEOKG_RUN_DIR": str(run)},
            capture_output=True, text=True, timeout=120)
        assert second.returncode == 1
        assert "another geokg server uses the run folder" in second.stderr, second.stderr
        assert (run / "engine.sock").is_socket(), "the first server's socket was taken"


def test_killed_bulk_ingest_takes_its_workers_along(tmp_path: Path) -> None:
    """kill -9 of `geokg ingest --jobs 2`: its worker processes (and multiprocessing's
    resource tracker) end with it instead of running on for minutes."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, article in enumerate(article_texts(1500)):
        (corpus / f"{number:04d}.json").write_text(json.dumps(article), encoding="utf-8")
    environment = isolated_env(tmp_path / "home", GEOKG_STORE=f"oxigraph:{tmp_path}/data")
    log = tmp_path / "ingest.log"
    with log.open("wb") as out:
        ingest = subprocess.Popen([sys.executable, "-m", "geokg.cli", "ingest", "--jobs", "2",
                                   str(corpus)], env=environment, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    parent = psutil.Process(ingest.pid)
    children: list[psutil.Process] = []
    try:
        def working_workers() -> bool:
            """Both workers started and busy (they have loaded the gazetteer)."""
            nonlocal children
            children = parent.children(recursive=True)
            busy = [c for c in children if "spawn_main" in " ".join(c.cmdline())
                    and c.cpu_times().user > 1.0]
            assert ingest.poll() is None, log.read_text(errors="replace")
            return len(busy) == 2

        wait_for(working_workers, "two busy workers", timeout=120)
        assert len(children) == 3, children  # the two workers and the resource tracker
        ingest.kill()
        ingest.wait(timeout=30)
        gone, alive = psutil.wait_procs(children, timeout=20)
        assert alive == [], f"still running after their parent was killed: {alive}"
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
        kill_all(children)
