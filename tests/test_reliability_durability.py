"""kill -9 of the real server (and its store engine) during a bulk ingest, then restart:
the store opens, every article graph is wholly there or wholly absent, and running the
ingest again completes it. A real `geokg serve` process on an on-disk store, on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import requests

from reliability import article_states, article_texts, geokg_serve, is_whole

ARTICLES = 12


def test_kill_during_bulk_ingest_loses_nothing_acknowledged(tmp_path: Path) -> None:
    data, log = tmp_path / "data", tmp_path / "server.log"
    items = article_texts(ARTICLES)
    acknowledged: dict[str, int] = {}
    with geokg_serve(data, log) as server:
        stop = threading.Event()

        def ingest() -> None:
            for item in items:
                if stop.is_set():
                    return
                try:
                    response = requests.post(f"{server.url}/articles", json=item, timeout=60)
                except requests.ConnectionError:
                    return
                acknowledged[response.json()["iri"]] = response.status_code

        client = threading.Thread(target=ingest)
        client.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.15)  # somewhere inside the next article
        server.kill_hard()
        stop.set()
        client.join(timeout=60)
    assert 3 <= len(acknowledged) < ARTICLES, "the kill must fall inside the ingest"

    with geokg_serve(data, log) as server:
        states = article_states(server.url)
        assert set(acknowledged) <= set(states), "an acknowledged article was lost"
        assert all(is_whole(state) for state in states.values()), states
        for item in items:
            again = requests.post(f"{server.url}/articles", json=item, timeout=60)
            assert again.status_code in (200, 201), again.text
        final = article_states(server.url)
    assert len(final) == ARTICLES and all(is_whole(s) for s in final.values())
    for iri, state in states.items():
        assert final[iri] == state, "an article present after the crash was not whole"
