"""How answers leave the server: held whole when small, streamed when large, and an
HTTP/1.0 client (which cannot see a stream broken off) served whole only up to a bound."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask

from geokg.web.streaming import HTTP10_HOLD_BYTES, started_or_whole

MIB = 1024 * 1024


def _chunks(total_mib: int, produced: list[int]) -> Iterator[bytes]:
    for _ in range(total_mib):
        produced.append(1)
        yield b"x" * MIB


def test_an_http10_answer_is_held_whole_only_up_to_its_bound() -> None:
    app = Flask(__name__)
    small, large = [], []
    with app.test_request_context(environ_overrides={"SERVER_PROTOCOL": "HTTP/1.0"}):
        whole = started_or_whole(_chunks(2, small), 1)
        streamed = started_or_whole(_chunks(HTTP10_HOLD_BYTES // MIB + 8, large), 1)
    assert isinstance(whole, bytes) and len(whole) == 2 * MIB
    # a dump is not built in memory for an HTTP/1.0 client: it streams past the bound
    assert not isinstance(streamed, bytes)
    assert len(large) <= HTTP10_HOLD_BYTES // MIB + 1
    assert sum(len(chunk) for chunk in streamed) == (HTTP10_HOLD_BYTES // MIB + 8) * MIB


def test_an_http11_answer_streams_once_it_passes_what_is_held() -> None:
    app = Flask(__name__)
    produced: list[int] = []
    with app.test_request_context(environ_overrides={"SERVER_PROTOCOL": "HTTP/1.1"}):
        answer = started_or_whole(_chunks(4, produced), 1)
    assert not isinstance(answer, bytes) and len(produced) == 1
