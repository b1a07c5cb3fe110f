"""Streamed responses that still fail with a real status, or visibly.

A response's status line goes out with its first byte. Pulling the first bytes of a result
before answering lets a store failure (or a query timeout) become a 4xx/5xx problem instead
of a 200 cut short; the rest then streams in constant memory.

A failure after the status went out (the query deadline, a remote store's cut answer) can
no longer change it. It is raised out of the body, and the WSGI server (werkzeug, gunicorn)
then closes the connection without the last, empty chunk: an HTTP/1.1 client sees a broken
chunked transfer (requests: ChunkedEncodingError; http.client: IncompleteRead), never a
clean end. HTTP/1.0 has no chunks, so a closed connection is how every body ends: such a
client gets the whole answer held before the status, and a failure is a problem response.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from flask import has_request_context, request

log = logging.getLogger("geokg.web")

#: Most an HTTP/1.0 answer is held whole before it is sent (so a cut can be told by its
#: Content-Length); beyond it, the answer streams until the connection closes.
HTTP10_HOLD_BYTES = 16 * 1024 * 1024


def started(chunks: Iterator[bytes], hold_bytes: int = 1) -> Iterator[bytes]:
    """`chunks`, with at least `hold_bytes` (or all, if fewer) already produced; all of
    them for an HTTP/1.0 request.

    Closing the returned iterator (a client that went away) closes `chunks`, which stops the
    producer instead of leaving it blocked until garbage collection.
    """
    answer = started_or_whole(chunks, hold_bytes)
    return iter([answer]) if isinstance(answer, bytes) else answer


def started_or_whole(chunks: Iterator[bytes], hold_bytes: int) -> bytes | Iterator[bytes]:
    """As `started`, but an answer that ended within `hold_bytes` comes back whole, as
    bytes: the server then sends it with a Content-Length in one write, where a stream
    costs a chunk frame per write and a last empty chunk (most answers to point lookups
    are a few hundred bytes). An HTTP/1.0 client, which cannot see a stream broken off
    (no chunked framing), gets the answer held whole up to HTTP10_HOLD_BYTES; a larger one
    (a dump) streams, as memory must not grow with the answer."""
    if has_request_context() and request.environ.get("SERVER_PROTOCOL") == "HTTP/1.0":
        hold_bytes = max(hold_bytes, HTTP10_HOLD_BYTES)
    held: list[bytes] = []
    size = 0
    for chunk in chunks:
        held.append(chunk)
        size += len(chunk)
        if size >= hold_bytes >= 0:
            break
    else:
        return b"".join(held)
    first = b"".join(held)
    path = request.path if has_request_context() else "?"

    def rest() -> Iterator[bytes]:
        try:
            yield first
            yield from chunks
        except Exception as exc:
            log.warning("%s: the response was broken off after it had started: %s", path, exc)
            raise
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    return rest()
