"""A real Virtuoso for the tests: Debian's `virtuoso-t` (package virtuoso-opensource-7-bin,
installed by scripts/test when missing), run in a folder of its own with a virtuoso.ini
written here, on free ports, stopped at the end.

Why not the `virtuoso-opensource` package's own server: it starts a machine-wide service on
the fixed ports 1111 and 8890 with its files in /var/lib; these tests start and stop their
own. Everything the server writes stays in its folder (DirsAllowed is that folder)."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from support import free_port

BINARY = "virtuoso-t"
#: The administrator of a new database; the tests' server listens on 127.0.0.1 only.
USER, PASSWORD = "dba", "dba"
WHY_MISSING = ("Virtuoso is not installed: `virtuoso-t` (Debian package "
               "virtuoso-opensource-7-bin) is missing; scripts/test installs it when run as root")


@dataclass
class Virtuoso:
    url: str  # http://127.0.0.1:PORT
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return f"{self.url}/sparql"

    @property
    def update_url(self) -> str:
        return f"{self.url}/sparql-auth"

    @property
    def store_setting(self) -> str:
        """GEOKG_STORE for a geokg in front of this server."""
        return f"sparql:{self.query_url},{self.update_url}"


def binary() -> str | None:
    return shutil.which(BINARY)


def _ini(sql_port: int, http_port: int, max_seconds: int) -> str:
    return f"""\
[Database]
DatabaseFile = ./virtuoso.db
ErrorLogFile = ./virtuoso.log
LockFile = ./virtuoso.lck
TransactionFile = ./virtuoso.trx
xa_persistent_file = ./virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ./virtuoso-temp.db
TransactionFile = ./virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = .
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 200M
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {max_seconds}
MaxQueryCostEstimationTime = 0
"""


@contextmanager
def running_virtuoso(folder: Path, *, max_seconds: int = 60) -> Iterator[Virtuoso]:
    """A new Virtuoso database in `folder`, served until the block ends. `max_seconds` is
    its own limit on a query (MaxQueryExecutionTime)."""
    found = binary()
    if found is None:
        raise FileNotFoundError(WHY_MISSING)
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(_ini(sql_port, http_port, max_seconds))
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([found, "+configfile", "virtuoso.ini", "+foreground"],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    server = Virtuoso(f"http://127.0.0.1:{http_port}", folder, process)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_up(server: Virtuoso, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log = (server.folder / "virtuoso.log")
            text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"virtuoso-t exited with {server.process.returncode}: {text}")
        try:
            answer = requests.get(server.query_url, params={"query": "ASK {}"}, timeout=2)
            if answer.ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Virtuoso did not answer at {server.url} within {timeout} s")
