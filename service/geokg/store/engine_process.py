"""The store engine: one process that owns the embedded Oxigraph store, and its supervisor.

Why a process of its own (see `geokg.store.engine_client` for the client side): pyoxigraph 0.5
cannot cancel a query (oxigraph issue #1926), so the only way to stop a runaway query is
to end the process that runs it. The engine holds nothing but the store, so killing it
loses nothing: RocksDB rolls back a write transaction that did not commit, and the
supervisor starts a fresh engine on the same folder at once.

Processes: the web server starts `python -m geokg.store.engine_process PATH SOCKET` (the
supervisor, single-threaded, with pyoxigraph already imported); it forks the engine, which
opens the store and answers on a Unix socket, one thread per connection (pyoxigraph
releases the GIL while it evaluates, so connections run in parallel). The supervisor forks
a new engine whenever the old one dies, and stops it when told (SIGTERM) or when its
owner goes away (its stdin closes). The engine exits when its supervisor is gone.

Wire format, both ways: frames of one kind byte, a 4-byte big-endian length, the payload.
Requests and replies are JSON; result chunks and uploaded data are raw bytes. Every request
carries an `id` that its HEAD, DONE or ERROR reply repeats, so a client can never read one
request's answer as another's. An ERROR is always the last frame of its connection: the
engine closes it after sending, and nothing it had buffered can follow.

The engine runs without network (`geokg.store.sandbox`) and on thread stacks of
ENGINE_STACK_BYTES, far more than the deepest text `geokg.query.guard` lets through needs.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import os
import select
import signal
import socket
import struct
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from geokg.errors import GeokgError, InputError, QuerySyntaxError, StoreError
from geokg.store.formats import dataset_format, graph_format, result_format
from geokg.store.oxigraph import OxigraphResult, OxigraphStore, failure_text
from geokg.store.sandbox import forbid_network

# Frame kinds.
HELLO = b"h"     # engine -> client on connect: {"pid", "sandboxed", "deaths": {pid: cause}}
REQUEST = b"q"   # client -> engine: {"id", "op", "args": {...}, "data": bool}; a query may
                 # name its media types ("serialize_as"): the result follows its HEAD at once
DATA = b"b"      # client -> engine: the bytes of a load, right after its request
HEAD = b"H"      # engine -> client: a query's kind and variables (and ASK's answer)
CHUNK = b"C"     # engine -> client: bytes of a serialized result or dump
DONE = b"D"      # engine -> client: the call finished: {"id", "value": its JSON value}
ERROR = b"E"     # engine -> client: {"id", "error": class name, "message": ...}; then it closes

_FRAME = struct.Struct(">cI")
_MAX_FRAME = 1 << 30
_CHUNK_BYTES = 64 * 1024
#: The one list of the engine's operations besides `query` and `dump` (which stream): each
#: is answered with one JSON value (DONE). Every one but `ping` (the engine's pid) is the
#: store method of that name, called with the request's JSON arguments (and `data` bytes
#: for loads). The flag says whether a client may send the call again to a new engine after
#: the old one died under it: it only reads, or writing the same thing twice leaves the
#: same store; a SPARQL update may have been applied and is never repeated.
CALLS: dict[str, bool] = {
    "ping": True, "has_graph": True, "graphs": True, "quad_count": True,
    "graph_ntriples": True, "graph_tag": True, "put_graph": True, "replace_graphs": True,
    "remove_graph": True,
    "load": True, "load_graph": True, "update": False,
}
#: Stack of each engine thread. Oxigraph's parser and evaluator recurse once per nesting
#: level or chained operator: 8 MB overflow near 5,000 levels (signal 11, measured); 512 MB
#: hold the deepest text of GEOKG_MAX_QUERY_LENGTH=100000 characters (tests/
#: test_security_engine.py). Only the pages a query touches are ever committed.
ENGINE_STACK_BYTES = 512 * 1024 * 1024
#: How long a new engine waits for the store folder's lock (a killed engine's lock is
#: released when the kernel reaps it; a restarting server may still hold it briefly).
OPEN_WAIT_S = 15.0


# --- frames -----------------------------------------------------------------------------

def send_frame(sock: socket.socket, kind: bytes, payload: bytes) -> None:
    sock.sendall(_FRAME.pack(kind, len(payload)) + payload)


def send_json(sock: socket.socket, kind: bytes, value: object) -> None:
    send_frame(sock, kind, json.dumps(value).encode("utf-8"))


def read_frame(reader: IO[bytes]) -> tuple[bytes, bytes] | None:
    """The next frame, or None at a clean end of the stream."""
    head = reader.read(_FRAME.size)
    if not head:
        return None
    if len(head) < _FRAME.size:
        raise ConnectionResetError("the peer closed the connection inside a frame")
    kind, length = _FRAME.unpack(head)
    if length > _MAX_FRAME:
        raise ConnectionResetError(f"frame of {length} bytes is over the limit")
    payload = reader.read(length)
    if len(payload) < length:
        raise ConnectionResetError("the peer closed the connection inside a frame")
    return kind, payload


class _FrameWriter(io.RawIOBase):
    """A binary file whose writes become CHUNK frames on a socket, until it is silenced.

    Frames are gathered and sent together once they reach _CHUNK_BYTES or the exchange
    ends (`send`): a small answer (HEAD, its one CHUNK, DONE) costs one send and wakes the
    client once, instead of three times."""

    def __init__(self, sock: socket.socket):
        super().__init__()
        self._sock = sock
        self._pending = bytearray()
        self._silent = False

    def writable(self) -> bool:
        return True

    def frame(self, kind: bytes, payload: bytes) -> None:
        if self._silent:
            return
        self._pending += _FRAME.pack(kind, len(payload))
        self._pending += payload
        if len(self._pending) >= _CHUNK_BYTES:
            self.send()

    def write(self, data: Any) -> int:
        size = len(data)
        self.frame(CHUNK, bytes(data))
        return size

    def send(self) -> None:
        if self._pending and not self._silent:
            self._sock.sendall(self._pending)
            self._pending.clear()

    def silence(self) -> None:
        """After a failure: what is gathered (a HEAD too) must never precede the ERROR
        frame; a client that sees ERROR where it waits for HEAD fails the query there."""
        self._silent = True
        self._pending.clear()


class _Closed(Exception):
    """The exchange ended in an ERROR frame: the connection closes (nothing may follow)."""


# --- the engine -------------------------------------------------------------------------

class Engine:
    """Answers store calls on a Unix socket; every connection gets its own thread."""

    def __init__(self, store: OxigraphStore, *, hello: dict[str, Any] | None = None):
        self.store = store
        self._hello = {"pid": os.getpid(), **(hello or {})}
        self._functions: dict[str, Any] = {}
        self._lock = threading.Lock()

    def serve(self, socket_path: str) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        if os.path.exists(socket_path):
            os.unlink(socket_path)
        listener.bind(socket_path)
        os.chmod(socket_path, 0o600)
        listener.listen(128)
        threading.stack_size(ENGINE_STACK_BYTES)
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=self._connection, args=(conn,), daemon=True,
                             name="geokg-engine-conn").start()

    def _connection(self, conn: socket.socket) -> None:
        with conn, conn.makefile("rb") as reader:
            try:
                send_json(conn, HELLO, self._hello)
                while (frame := read_frame(reader)) is not None:
                    request = json.loads(frame[1])
                    data = None
                    if request.get("data"):
                        data_frame = read_frame(reader)
                        data = data_frame[1] if data_frame else b""
                    self._answer(conn, reader, request, data)
            except (OSError, ValueError, _Closed):
                return  # the client went away, spoke nonsense, or was sent an ERROR

    def _answer(self, conn: socket.socket, reader: IO[bytes], request: dict[str, Any],
                data: bytes | None) -> None:
        op = request.get("op")
        args = request.get("args") or {}
        rid = request.get("id")
        try:
            if op == "query":
                self._query(conn, reader, rid, args)
            elif op == "dump":
                self._stream(conn, rid, lambda out: self.store.native.dump(
                    out, format=dataset_format(args["fmt"])))
            elif op == "ping":
                _done(conn, rid, {"pid": os.getpid()})
            elif isinstance(op, str) and op in CALLS:
                if data is not None:
                    args["data"] = data
                _done(conn, rid, getattr(self.store, op)(**args))
            else:
                raise InputError(f"the store engine does not know the call {op!r}")
        except GeokgError as exc:
            _fail(conn, rid, type(exc).__name__, str(exc))
        except (TypeError, KeyError, AttributeError, ImportError) as exc:  # a malformed call
            _fail(conn, rid, "StoreError", f"the store engine cannot run {op!r}: {exc}")

    def _query(self, conn: socket.socket, reader: IO[bytes], rid: object,
               args: dict[str, Any]) -> None:
        functions = args.pop("functions", [])
        serialize_as = args.pop("serialize_as", None) or {}
        result = _run(lambda: self._query_result(args, functions))
        if result.kind == "ask":
            send_json(conn, HEAD, {"id": rid, "kind": "ask", "variables": [],
                                   "boolean": result.boolean})
            return
        head = {"id": rid, "kind": result.kind, "variables": result.variables}
        if serialize_as.get(result.kind):  # the client said how it will want the answer:
            self._serialize(conn, rid, result, serialize_as[result.kind], head)  # one send
            return
        send_json(conn, HEAD, head)
        frame = read_frame(reader)
        follow: dict[str, Any] = json.loads(frame[1]) if frame else {"op": "close"}
        rid = follow.get("id", rid)
        if follow.get("op") == "serialize":
            self._serialize(conn, rid, result, follow["media_type"])
        elif follow.get("op") == "rows":
            _done(conn, rid, _bounded_rows(result, follow.get("max_rows")))

    def _query_result(self, args: dict[str, Any], functions: list[str]) -> OxigraphResult:
        for ref in functions:
            self._register(ref)
        result = self.store.query(**args)
        assert isinstance(result, OxigraphResult)
        return result

    def _register(self, ref: str) -> None:
        """Functions travel as `module:name` and are imported here once."""
        iri, _, target = ref.partition(" ")
        with self._lock:
            if ref in self._functions:
                return
            module, _, name = target.partition(":")
            function = getattr(importlib.import_module(module), name)
            self.store.add_function(iri, function)
            self._functions[ref] = function

    def _serialize(self, conn: socket.socket, rid: object, result: OxigraphResult,
                   media_type: str, head: dict[str, Any] | None = None) -> None:
        result.check_media_type(media_type)
        fmt: Any = graph_format(media_type) if result.kind == "graph" else result_format(
            media_type)
        self._stream(conn, rid, lambda out: result.native.serialize(out, format=fmt), head)

    def _stream(self, conn: socket.socket, rid: object, produce: Any,
                head: dict[str, Any] | None = None) -> None:
        """HEAD (if given), the CHUNKs `produce` writes, DONE: gathered into few sends."""
        writer = _FrameWriter(conn)
        if head is not None:
            writer.frame(HEAD, json.dumps(head).encode("utf-8"))
        out = io.BufferedWriter(writer, buffer_size=_CHUNK_BYTES)
        try:
            _run(lambda: produce(out))
            out.flush()
        except BaseException:
            writer.silence()
            raise
        writer.frame(DONE, json.dumps({"id": rid, "value": None}).encode("utf-8"))
        writer.send()


def _done(conn: socket.socket, rid: object, value: object) -> None:
    send_json(conn, DONE, {"id": rid, "value": value})


def _fail(conn: socket.socket, rid: object, error: str, message: str) -> None:
    """Send the ERROR frame and end the connection: it is the last frame the client reads."""
    try:
        send_json(conn, ERROR, {"id": rid, "error": error, "message": message})
    finally:
        raise _Closed()


def _bounded_rows(result: OxigraphResult, max_rows: int | None) -> list[dict[str, str | None]]:
    return result.rows(max_rows)


def _run(call: Any) -> Any:
    """Map pyoxigraph's exceptions to geokg's (a broken connection passes through)."""
    try:
        return call()
    except (BrokenPipeError, ConnectionError):
        raise
    except SyntaxError as exc:
        raise QuerySyntaxError(str(exc)) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise StoreError(f"query failed: {failure_text(exc)}") from None


# --- process life -----------------------------------------------------------------------

def open_store_waiting(path: str | None) -> OxigraphStore:
    """Open the store (None: in memory), waiting while another process (a dying engine)
    still holds its lock."""
    deadline = time.monotonic() + OPEN_WAIT_S
    while True:
        try:
            return OxigraphStore(path)
        except StoreError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def run_engine(path: str | None, socket_path: str, supervisor: int,
               deaths: dict[str, str] | None = None) -> None:
    """The engine's main: drop the network, open, serve, and leave when told (SIGTERM) or
    orphaned. `deaths` (engine pid -> how it ended) goes to every client in the hello, so
    that a client knows whether the engine that died under its call was killed for a
    timeout (repeat the call) or crashed (do not: the call may be what crashed it)."""
    sandboxed = forbid_network()
    store = open_store_waiting(path)

    def stop(*_: object) -> None:
        try:
            store.close()
        finally:
            os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch_supervisor() -> None:
        while os.getppid() == supervisor:
            time.sleep(0.2)
        os._exit(1)  # orphaned: whoever owns the store folder next must be able to open it

    threading.Thread(target=watch_supervisor, daemon=True).start()
    Engine(store, hello={"sandboxed": sandboxed, "deaths": deaths or {}}).serve(socket_path)


def supervise(path: str | None, socket_path: str, remove_folder: bool = False) -> None:
    """Keep one engine running until SIGTERM or until stdin (the owner's pipe) closes; then
    stop it and remove its socket (and the socket's folder, when it was made for it), so
    that nothing is left behind even when the owner was killed. `path` None: in memory."""
    stopping = threading.Event()  # set from signal handlers only; no thread is started
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    # Ctrl-C in a terminal reaches the whole process group: the owner decides when the
    # engine stops (SIGTERM, or its pipe closing), after its requests in flight
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    child: int | None = None
    quick_deaths = 0
    deaths: dict[str, str] = {}
    while not stopping.is_set():
        if child is None:
            child, started = _fork_engine(path, socket_path, deaths), time.monotonic()
        if _owner_gone():
            break
        pid, status = os.waitpid(child, os.WNOHANG)
        if pid:
            child = None
            deaths = dict(list(deaths.items())[-31:]) | {str(pid): _describe(status)}
            quick_deaths = quick_deaths + 1 if time.monotonic() - started < 1 else 0
            print(f"geokg store engine {pid} ended ({_describe(status)}); starting a new one",
                  file=sys.stderr, flush=True)
            time.sleep(min(0.05 * 2 ** quick_deaths, 2.0) if quick_deaths else 0)
    if child is not None:
        _stop_child(child)
    remove_socket(socket_path, folder=remove_folder)


def remove_socket(socket_path: str, *, folder: bool) -> None:
    """Remove the engine's socket file, and its folder too when asked (only if empty)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(socket_path)
    if folder:
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(socket_path))


def _fork_engine(path: str | None, socket_path: str, deaths: dict[str, str]) -> int:
    supervisor = os.getpid()
    pid = os.fork()
    if pid == 0:  # the engine
        code = 0
        try:
            run_engine(path, socket_path, supervisor, deaths)
        except BaseException as exc:  # noqa: BLE001 - report anything, then leave
            print(f"geokg store engine failed: {exc}", file=sys.stderr, flush=True)
            code = 1
        os._exit(code)
    return pid


def _owner_gone() -> bool:
    """Wait up to 20 ms for stdin; end of file means the owner closed it or died."""
    try:
        readable, _, _ = select.select([sys.stdin.fileno()], [], [], 0.02)
    except (OSError, ValueError):
        time.sleep(0.02)
        return False
    if readable:
        return os.read(sys.stdin.fileno(), 1) == b""
    return False


def _stop_child(child: int) -> None:
    os.kill(child, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if os.waitpid(child, os.WNOHANG)[0]:
            return
        time.sleep(0.02)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


#: The store argument that asks for an in-memory store (the curation stage's scratch engine).
MEMORY = ":memory:"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m geokg.store.engine_process")
    parser.add_argument("store", help=f"folder of the embedded store, or {MEMORY}")
    parser.add_argument("socket", help="Unix socket the engine answers on")
    parser.add_argument("--remove-folder", action="store_true",
                        help="the socket's folder was made for this engine: remove it at the end")
    args = parser.parse_args(argv)
    if args.store != MEMORY:
        Path(args.store).mkdir(parents=True, exist_ok=True)
    supervise(None if args.store == MEMORY else args.store, args.socket,
              remove_folder=args.remove_folder)


if __name__ == "__main__":
    main(sys.argv[1:])
