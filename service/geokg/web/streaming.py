"""Streamed responses that still fail with a real status.

A response's status line goes out with its first byte. Pulling the first bytes of a result
before answering lets a store failure (or a query timeout) become a 4xx/5xx problem instead
of a 200 cut short; the rest then streams in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator


def started(chunks: Iterator[bytes], hold_bytes: int = 1) -> Iterator[bytes]:
    """`chunks`, with at least `hold_bytes` (or all, if fewer) already produced.

    Closing the returned iterator (a client that went away) closes `chunks`, which stops the
    producer instead of leaving it blocked until garbage collection.
    """
    answer = started_or_whole(chunks, hold_bytes)
    return iter([answer]) if isinstance(answer, bytes) else answer


def started_or_whole(chunks: Iterator[bytes], hold_bytes: int) -> bytes | Iterator[bytes]:
    """As `started`, but an answer that ended within `hold_bytes` comes back whole, as
    bytes: the server then sends it with a Content-Length in one write, where a stream
    costs a chunk frame per write and a last empty chunk (most answers to point lookups
    are a few hundred bytes)."""
    held: list[bytes] = []
    size = 0
    for chunk in chunks:
        held.append(chunk)
        size += len(chunk)
        if size >= hold_bytes:
            break
    else:
        return b"".join(held)
    first = b"".join(held)

    def rest() -> Iterator[bytes]:
        try:
            yield first
            yield from chunks
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    return rest()
