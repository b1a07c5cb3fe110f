"""Queries that really stop at GEOKG_QUERY_TIMEOUT: the embedded store behind an engine
process (`geokg.store.engine_process`) that is killed when a query passes its deadline.

Why: pyoxigraph 0.5 has no query timeout or cancellation (oxigraph issue #1926: the Rust
API's timeout is not exposed to Python), a Python thread cannot be stopped, and
`Store.read_only` beside a writing process is undefined behaviour, so separate reader
processes are out. `EngineStore` is the `Store` the web app uses for `oxigraph:PATH`: each
call goes over a pooled Unix-socket connection to the engine; a call that passes its
deadline gets its engine SIGKILLed (the CPU work ends with the process; RocksDB rolls back
an uncommitted write) and the supervisor forks a fresh engine on the same folder.

Calls of other clients that were in flight on the killed engine are sent again to the new
one when that is safe: reads that had not delivered a byte yet and idempotent writes
(`put_graph`, `replace_graphs`, `remove_graph`, `load` of quads). A SPARQL update or a
half-sent stream cannot be repeated blindly; those fail with 503 `StoreUnavailable` (an
update was applied wholly or not at all). Nothing is repeated after an engine *crashed*
(the supervisor tells how each engine ended): the call in flight may be what crashed it.

A connection returns to the pool only after an exchange that ended cleanly; every other
ending (an error, a deadline, a client that left mid-stream, a frame that does not answer
the request's id) closes it, so no request ever reads another's answer.

Several web processes (gunicorn workers) share one engine: `gunicorn.conf.py` starts it in
the master and hands its socket to the workers in GEOKG_ENGINE_SOCKET.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from geokg import errors
from geokg.config import MAX_SOCKET_PATH_BYTES
from geokg.errors import ConfigError, GeokgError, QueryTimeout, StoreError, StoreUnavailable
from geokg.store.base import QueryKind, QueryResult
from geokg.store.engine_process import (
    CALLS,
    CHUNK,
    DATA,
    DONE,
    ERROR,
    HEAD,
    HELLO,
    MEMORY,
    REQUEST,
    read_frame,
    remove_socket,
    send_frame,
    send_json,
)
from geokg.store.formats import result_format

log = logging.getLogger(__name__)

#: How long a call waits for an engine to accept connections (a restart takes ~0.1 s).
CONNECT_WAIT_S = 15.0
_POOL_MAX = 64
_JSON_RESULTS = "application/sparql-results+json"
#: How the supervisor reports an engine killed by a client for a timeout (SIGKILL).
_KILLED = f"signal {signal.SIGKILL.value}"


class _Deadline(Exception):
    """The engine said nothing before the call's deadline."""


class _EngineGone(Exception):
    """The connection broke: the engine died (killed for another query, or crashed)."""


class _OutOfStep(_EngineGone):
    """The engine answered something other than the reply to our request: the connection
    can no longer be trusted (the engine itself is alive)."""


class _Connection:
    """One socket to the engine; `pid` is the engine process that answered the hello.

    Each request gets an id that its reply must repeat (`read` checks it), so a frame left
    over from an earlier exchange can never be taken for this one's answer."""

    def __init__(self, path: str):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.reader: IO[bytes] = self.sock.makefile("rb")
        self._next_id = 0
        self._expect: int | None = None
        try:
            self.sock.connect(path)
            kind, payload = self._frame(time.monotonic() + CONNECT_WAIT_S)
            if kind != HELLO:
                raise _EngineGone("the engine did not greet")
            hello = json.loads(payload)
            self.pid = int(hello["pid"])
            self.sandboxed = bool(hello.get("sandboxed"))
            self.deaths: dict[str, str] = dict(hello.get("deaths") or {})
        except BaseException:
            self.close()
            raise

    def request(self, op: str, args: Mapping[str, Any] | None = None, data: bytes | None = None,
                **fields: Any) -> None:
        """Send a request (or, with `fields` and no args, a query's follow-up such as
        serialize or rows); its reply must carry the id given here."""
        self._next_id += 1
        self._expect = self._next_id
        message: dict[str, Any] = {"id": self._next_id, "op": op, **fields}
        if args is not None:
            message.update(args=dict(args), data=data is not None)
        try:
            send_json(self.sock, REQUEST, message)
            if data is not None:
                send_frame(self.sock, DATA, data)
        except OSError as exc:
            raise _EngineGone(str(exc)) from None

    def read(self, deadline: float | None, *kinds: bytes) -> tuple[bytes, Any]:
        """The next frame of the current exchange: CHUNK bytes, or the parsed JSON of a
        HEAD/DONE/ERROR that repeats the request's id; any other frame is _OutOfStep."""
        kind, payload = self._frame(deadline)
        if kind not in kinds and kind != ERROR:
            raise _OutOfStep(f"the engine sent a {kind!r} frame where {kinds!r} was due")
        if kind == CHUNK:
            return kind, payload
        body = json.loads(payload)
        if body.get("id") != self._expect:
            raise _OutOfStep(f"the engine answered request {body.get('id')}, not {self._expect}")
        return kind, body

    def _frame(self, deadline: float | None) -> tuple[bytes, bytes]:
        timeout = None if deadline is None else deadline - time.monotonic()
        if timeout is not None and timeout <= 0:
            raise _Deadline()
        try:
            self.sock.settimeout(timeout)
            frame = read_frame(self.reader)
        except TimeoutError:
            raise _Deadline() from None
        except (OSError, ValueError) as exc:
            raise _EngineGone(str(exc)) from None
        if frame is None:
            raise _EngineGone("the engine closed the connection")
        return frame

    def close(self) -> None:
        try:
            self.reader.close()
            self.sock.close()
        except OSError:
            pass


def _error(body: Mapping[str, Any]) -> GeokgError:
    """The geokg error an ERROR frame names."""
    cls = getattr(errors, str(body.get("error")), None)
    if not (isinstance(cls, type) and issubclass(cls, GeokgError)) or cls is errors.ShapeViolation:
        cls = StoreError
    return cls(body.get("message", "the store engine failed"))


class EngineStore:
    """`geokg.store.base.Store` served by an engine process; see the module doc."""

    #: Functions travel to the engine by name (`add_function`).
    sparql_functions = True
    #: Other web processes may share the engine: this object cannot count every write.
    generation = None

    def __init__(self, socket_path: str, *, query_timeout: float,
                 owner: EngineOwner | None = None):
        #: Where other processes (gunicorn's workers, the watcher) reach this engine.
        self.engine_socket = socket_path
        self.query_timeout = query_timeout
        self.path = owner.store_path if owner else None
        self._owner = owner
        self._pool: list[_Connection] = []
        self._lock = threading.Lock()
        self._functions: list[str] = []
        self._closed = False
        #: The engine process that answered the last call: an in-memory engine that
        #: changed under a caller has lost what the caller put in it.
        self.engine_pid: int | None = None
        _STORES.add(self)

    # -- connections -------------------------------------------------------------------
    def checkout(self) -> _Connection:
        with self._lock:
            if self._pool:
                return self._pool.pop()
        if self._closed:
            raise StoreError("the store is closed")
        deadline = time.monotonic() + CONNECT_WAIT_S
        while True:
            try:
                return _Connection(self.engine_socket)
            except (OSError, _EngineGone, _Deadline) as exc:
                if time.monotonic() > deadline:
                    raise StoreUnavailable(f"the store engine does not answer at "
                                           f"{self.engine_socket}: {exc}") from None
                time.sleep(0.01)

    def checkin(self, conn: _Connection) -> None:
        """Pool a connection whose last exchange ended cleanly (DONE, or an ASK's HEAD)."""
        with self._lock:
            if len(self._pool) < _POOL_MAX and not self._closed:
                self._pool.append(conn)
                return
        conn.close()

    def expire(self, conn: _Connection, what: str) -> QueryTimeout:
        """Kill the engine that runs an overdue call; the supervisor starts a new one."""
        log.warning("stopping the store engine %d: %s ran past GEOKG_QUERY_TIMEOUT=%s s",
                    conn.pid, what, self.query_timeout)
        try:
            os.kill(conn.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        conn.close()
        self._forget(conn.pid)
        return QueryTimeout(f"the {what} ran longer than GEOKG_QUERY_TIMEOUT="
                            f"{self.query_timeout:g} s and was stopped; make it more selective "
                            "(LIMIT, more specific patterns)")

    def discard(self, conn: _Connection, failure: _EngineGone) -> bool:
        """Close a connection that broke, and the pooled ones to a dead engine (a retry
        that took one would fail again). True when the call may be sent again: the engine
        is alive (the connection went out of step), or it was killed for another call's
        timeout; never when it crashed, since the call may be what crashed it."""
        conn.close()
        if isinstance(failure, _OutOfStep):
            return True
        self._forget(conn.pid)
        probe = self.checkout()
        cause = probe.deaths.get(str(conn.pid))
        self.checkin(probe)
        if cause != _KILLED:
            log.error("the store engine %d ended (%s) during a call; the call is not repeated",
                      conn.pid, cause or "cause unknown")
        return cause == _KILLED

    def fail(self, conn: _Connection, body: Mapping[str, Any]) -> GeokgError:
        """An ERROR frame ends its connection (the engine closes it too)."""
        conn.close()
        return _error(body)

    def _forked(self) -> None:
        """In a process forked from the one that made this store (a gunicorn worker of
        `geokg serve`): the pooled connections are the parent's conversations, never to be
        read or written here; drop this process's copies of them (the parent's stay open)
        and the lock, which another thread may have held at the fork."""
        self._lock = threading.Lock()
        pool, self._pool = self._pool, []
        for conn in pool:
            conn.close()

    def _forget(self, pid: int) -> None:
        with self._lock:
            dead = [c for c in self._pool if c.pid == pid]
            self._pool = [c for c in self._pool if c.pid != pid]
        for conn in dead:
            conn.close()

    # -- calls -------------------------------------------------------------------------
    def call(self, op: str, args: Mapping[str, Any] | None = None, data: bytes | None = None,
             *, timeout: float | None = None, stop_at_deadline: bool = True,
             repeatable: bool = True) -> Any:
        """Run one store call in the engine and return its JSON value.

        After `timeout` seconds the engine is killed (`stop_at_deadline`) or, for a mere
        probe such as the health check, the call gives up with StoreUnavailable. A call
        repeated on a new engine gets the full time again: the restart is not its fault.
        `repeatable` False: never sent again (a conditional write that may have been applied
        would find its own result and fail)."""
        for attempt in (1, 2):
            conn = self.checkout()
            deadline = None if timeout is None else time.monotonic() + timeout
            try:
                conn.request(op, args or {}, data)
                kind, body = conn.read(deadline, DONE)
            except _Deadline:
                if not stop_at_deadline:
                    conn.close()
                    raise StoreUnavailable(f"the store engine did not answer {op} in time") from None
                raise self.expire(conn, f"store call {op}") from None
            except _EngineGone as failure:
                if self.discard(conn, failure) and attempt == 1 and CALLS[op] and repeatable:
                    continue
                raise StoreUnavailable(f"the store engine stopped during {op}; a write was "
                                       "applied wholly or not at all; try again") from None
            if kind == ERROR:
                raise self.fail(conn, body)
            self.engine_pid = conn.pid
            self.checkin(conn)
            return body["value"]
        raise AssertionError("unreachable")

    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, union_default: bool = True,
              serialize_as: Mapping[QueryKind, str] | None = None,
              base_iri: str | None = None, timeout: float | None = None) -> QueryResult:
        args: dict[str, Any] = {"sparql": sparql, "default_graphs": default_graphs,
                "named_graphs": named_graphs, "union_default": union_default,
                "base_iri": base_iri, "functions": list(self._functions)}
        if serialize_as:
            args["serialize_as"] = dict(serialize_as)
        limit = self.query_timeout if timeout is None else min(timeout, self.query_timeout)
        return EngineResult(self, args, limit)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        self.call("update", {"sparql": sparql, "base_iri": base_iri}, timeout=self.query_timeout)

    def put_graph(self, graph_iri: str, ntriples: str) -> None:
        self.call("put_graph", {"graph_iri": graph_iri, "ntriples": ntriples})

    def replace_graphs(self, graphs: Mapping[str, str | None], *,
                       expect: Mapping[str, str | None] | None = None) -> None:
        """Checked and written in the engine, the one writer (see OxigraphStore)."""
        self.call("replace_graphs", {"graphs": dict(graphs), "expect": dict(expect or {})},
                  repeatable=not expect)

    def graph_tag(self, graph_iri: str) -> str | None:
        tag = self.call("graph_tag", {"graph_iri": graph_iri})
        return None if tag is None else str(tag)

    def has_graph(self, graph_iri: str) -> bool:
        return bool(self.call("has_graph", {"graph_iri": graph_iri}))

    def graphs(self) -> list[str]:
        return list(self.call("graphs"))

    def remove_graph(self, graph_iri: str) -> None:
        self.call("remove_graph", {"graph_iri": graph_iri})

    def load(self, data: bytes, fmt: str) -> None:
        self.call("load", {"fmt": fmt}, data)

    def load_graph(self, graph_iri: str, data: bytes, media_type: str, *,
                   base_iri: str | None = None) -> None:
        self.call("load_graph", {"graph_iri": graph_iri, "media_type": media_type,
                                 "base_iri": base_iri}, data)

    def graph_ntriples(self, graph_iri: str | None) -> str:
        return str(self.call("graph_ntriples", {"graph_iri": graph_iri}))

    def quad_count(self) -> int:
        return int(self.call("quad_count"))

    def ping(self, timeout: float) -> int | None:
        """The engine's pid, or StoreUnavailable/QueryTimeout within about `timeout`."""
        return int(self.call("ping", timeout=timeout, stop_at_deadline=False)["pid"])

    def sandboxed(self) -> bool:
        """Whether the engine runs without network (`geokg.store.sandbox`)."""
        conn = self.checkout()
        self.checkin(conn)
        return conn.sandboxed

    def dump(self, fmt: str) -> Iterator[bytes]:
        conn = self.checkout()
        try:
            conn.request("dump", {"fmt": fmt})
        except _EngineGone:
            conn.close()
            raise StoreUnavailable("the store engine stopped; try again") from None
        return _chunks(self, conn, None, "dump")

    def add_function(self, iri: str, function: Callable[..., object]) -> None:
        """Functions run in the engine, so they travel by name: module-level ones only."""
        module, name = function.__module__, function.__qualname__
        if "." in name or "<" in name:
            raise StoreError(f"{name} is not a module-level function; the store engine "
                             "imports SPARQL functions by name")
        self._functions.append(f"{iri} {module}:{name}")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            pool, self._pool = self._pool, []
        for conn in pool:
            conn.close()
        if self._owner is not None:
            self._owner.stop()


def _chunks(store: EngineStore, conn: _Connection, deadline: float | None, what: str,
            first: tuple[bytes, Any] | None = None) -> Iterator[bytes]:
    """CHUNK payloads until DONE; the connection goes back to the pool only after DONE.

    Every other ending (an ERROR, the deadline, a broken or out-of-step connection, the
    reader leaving mid-stream) closes the connection: what the engine may still send on
    it must never reach another request."""
    held: _Connection | None = conn
    try:
        while True:
            kind, body = first or conn.read(deadline, CHUNK, DONE)
            first = None
            if kind == CHUNK:
                yield body
                continue
            held = None
            if kind == ERROR:
                raise store.fail(conn, body)
            store.checkin(conn)
            return
    except _Deadline:
        held = None
        raise store.expire(conn, what) from None
    except _EngineGone:
        raise StoreUnavailable(f"the store engine stopped while sending the {what}") from None
    finally:
        if held is not None:
            held.close()  # abandoned or failed mid-stream: the engine stops at its next write


class EngineResult(QueryResult):
    """A query started in the engine. The engine then waits for `serialize` or `rows`, or,
    when the query named the media type for its kind (`serialize_as`), is already writing."""

    def __init__(self, store: EngineStore, args: dict[str, Any], timeout: float):
        self._store = store
        self._args = args
        self._timeout = timeout
        self._deadline = 0.0
        self._conn: _Connection | None = None
        self._streaming: str | None = None  # the media type the engine is writing on _conn
        self._start()

    def _start(self) -> None:
        """Send the query; its deadline counts from here, and again from a retry on a new
        engine (a restart caused by another client's query is not this query's time)."""
        for attempt in (1, 2):
            conn = self._store.checkout()
            self._deadline = time.monotonic() + self._timeout
            try:
                conn.request("query", self._args)
                kind, head = conn.read(self._deadline, HEAD)
            except _Deadline:
                raise self._store.expire(conn, "query") from None
            except _EngineGone as failure:
                if self._store.discard(conn, failure) and attempt == 1:
                    continue
                raise StoreUnavailable("the store engine stopped during the query") from None
            if kind == ERROR:
                raise self._store.fail(conn, head)
            self.kind: QueryKind = head["kind"]
            self.variables: list[str] = head["variables"]
            self._boolean = bool(head.get("boolean"))
            if self.kind == "ask":
                self._store.checkin(conn)  # nothing more to come for an ASK
            else:
                self._conn = conn
                self._streaming = self._args.get("serialize_as", {}).get(self.kind)
            return

    def _take(self, media_type: str | None) -> tuple[_Connection, bool]:
        """The connection the result comes on, and whether it already streams `media_type`.

        A result consumed before (or an ASK) runs again; one the engine writes in another
        type than wanted is dropped and runs again without the hint."""
        conn, self._conn = self._conn, None
        streaming, self._streaming = self._streaming, None
        if conn is not None and streaming is not None and streaming != media_type:
            conn.close()  # the engine stops at its next write
            conn = None
            self._args.pop("serialize_as", None)
        if conn is None:
            self._args.pop("serialize_as", None)  # run again: ask for what is wanted now
            self._start()
            conn, self._conn = self._conn, None
            streaming, self._streaming = self._streaming, None
        assert conn is not None
        return conn, streaming is not None

    def serialize(self, media_type: str) -> Iterator[bytes]:
        self.check_media_type(media_type)
        if self.kind == "ask":
            if media_type == _JSON_RESULTS:  # as Oxigraph writes it, without a parse
                return iter([b'{"head":{},"boolean":%s}' % str(self._boolean).lower().encode()])
            document = json.dumps({"head": {}, "boolean": self._boolean}).encode()
            parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
            return iter([parsed.serialize(format=result_format(media_type)) or b""])
        return self._serialized(media_type)

    def _serialized(self, media_type: str) -> Iterator[bytes]:
        """Ask for the result as `media_type` (unless the engine is writing it already); an
        engine killed before the first byte (for another client's query) gets the query
        again from its successor."""
        for attempt in (1, 2):
            conn, streaming = self._take(media_type)
            try:
                if not streaming:
                    conn.request("serialize", media_type=media_type)
                first = conn.read(self._deadline, CHUNK, DONE)
            except _Deadline:
                raise self._store.expire(conn, "query") from None
            except _EngineGone as failure:
                if self._store.discard(conn, failure) and attempt == 1:
                    continue
                raise StoreUnavailable("the store engine stopped during the query") from None
            yield from _chunks(self._store, conn, self._deadline, "query", first)
            return

    def rows(self, max_rows: int | None = None) -> list[dict[str, str | None]]:
        if self.kind != "select":
            raise errors.InputError(f"rows() needs a SELECT result, this is {self.kind}")
        conn, _ = self._take(None)
        try:
            conn.request("rows", max_rows=max_rows)
            kind, body = conn.read(self._deadline, DONE)
        except _Deadline:
            raise self._store.expire(conn, "query") from None
        except _EngineGone:
            conn.close()
            raise StoreUnavailable("the store engine stopped during the query") from None
        if kind == ERROR:
            raise self._store.fail(conn, body)
        self._store.checkin(conn)
        return list(body["value"])

    @property
    def boolean(self) -> bool:
        if self.kind != "ask":
            raise errors.InputError(f"boolean needs an ASK result, this is {self.kind}")
        return self._boolean

    def __del__(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()  # never consumed (e.g. 406): let the engine thread go


# --- the owner of an engine ---------------------------------------------------------------

class EngineOwner:
    """Starts the engine supervisor for one store folder; the process that started it stops
    it (`stop`, or at exit), and no other.

    Why the care: gunicorn forks its workers from the process that starts the engine (the
    master). A forked worker inherits this object and its atexit registration, yet the
    engine belongs to the whole deployment: a worker that exits must leave it (and its
    socket) alone, and it drops its copy of the supervisor's pipe so that the supervisor
    sees the owner's end (even by SIGKILL) as soon as it happens.
    """

    def __init__(self, store_path: str | Path | None, run_dir: str | Path | None = None,
                 socket_name: str = "engine.sock"):
        """`store_path` None: an engine over an empty in-memory store (a scratch engine)."""
        self.store_path = Path(store_path) if store_path is not None else None
        self._owner = os.getpid()
        self._own_folder = not run_dir  # a private temporary folder, removed at the end
        if run_dir:
            folder = Path(run_dir).absolute()
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        else:
            folder = Path(tempfile.mkdtemp(prefix="geokg-"))
        self.socket_path = str(folder / socket_name)
        try:
            _check_socket_path(self.socket_path, run_dir)
        except GeokgError:
            if self._own_folder:  # new and empty; a run folder's socket may be another's
                folder.rmdir()
            raise
        store_arg = str(self.store_path) if self.store_path is not None else MEMORY
        command = [sys.executable, "-m", "geokg.store.engine_process", store_arg,
                   self.socket_path] + (["--remove-folder"] if self._own_folder else [])
        self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
            command, stdin=subprocess.PIPE)
        _ENGINES.add(self)
        atexit.register(self.stop)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the supervisor (it stops the engine, which flushes the store, and removes
        the socket) and wait. Does nothing in a process forked from the owner."""
        if os.getpid() != self._owner:
            return
        process, self._process = self._process, None
        if process is None:
            return
        end_child(process, timeout)
        remove_socket(self.socket_path, folder=self._own_folder)  # if the supervisor could not

    def _forked(self) -> None:
        """In a forked child: let go of the inherited end of the supervisor's pipe."""
        if self._process is not None and self._process.stdin is not None:
            self._process.stdin.close()


#: Engines started and stores opened by this process, for the fork hook below.
_ENGINES: weakref.WeakSet[EngineOwner] = weakref.WeakSet()
_STORES: weakref.WeakSet[EngineStore] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for engine in list(_ENGINES):
        engine._forked()
    for store in list(_STORES):
        store._forked()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _check_socket_path(socket_path: str, run_dir: str | Path | None) -> None:
    """A socket path over the limit would fail only inside the engine; a socket another
    engine still answers on belongs to another server (one run folder each)."""
    if len(os.fsencode(socket_path)) > MAX_SOCKET_PATH_BYTES:
        where = "GEOKG_RUN_DIR" if run_dir else "the temporary folder (TMPDIR)"
        raise ConfigError(f"the store engine's socket {socket_path} is longer than the "
                          f"{MAX_SOCKET_PATH_BYTES} bytes a Unix socket path may have: "
                          f"choose a shorter {where}")
    if not os.path.exists(socket_path):
        return
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(socket_path)
        except OSError:
            return  # a socket left by an engine that is gone: the new engine replaces it
    raise ConfigError(f"a running store engine answers at {socket_path}: another geokg server "
                      f"uses the run folder {os.path.dirname(socket_path)}; give each server "
                      "its own GEOKG_RUN_DIR")


def open_engine_store(store_path: str | Path | None, query_timeout: float,
                      engine_socket: str | None = None, run_dir: str | None = None,
                      socket_name: str = "engine.sock") -> EngineStore:
    """Attach to a running engine (`engine_socket`, e.g. from gunicorn's master) or start one
    with its socket in `run_dir` (default: a private temporary folder)."""
    if engine_socket:
        return EngineStore(engine_socket, query_timeout=query_timeout)
    owner = EngineOwner(store_path, run_dir, socket_name)
    store = EngineStore(owner.socket_path, query_timeout=query_timeout, owner=owner)
    try:
        store.ping(CONNECT_WAIT_S)
    except GeokgError:
        owner.stop()
        raise
    return store


def end_child(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM a child this process owns, SIGKILL it if it has not ended within `timeout`,
    and close the pipe it watches for its owner's end."""
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdin is not None:
        process.stdin.close()
