"""16 clients mixing queries and ingests against the real server for a bounded time: no
5xx, no lost or duplicated article, and no reader ever sees an article half-written
(every observation of an article graph equals its final state)."""

from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

from reliability import article_states, article_texts, geokg_serve, is_whole

CLIENTS = 16
SECONDS = 12.0
TEXTS = 24


def test_sixteen_clients_mixing_reads_and_ingests(tmp_path: Path) -> None:
    items = article_texts(TEXTS)
    statuses: list[int] = []
    accepted: dict[str, set[int]] = defaultdict(set)
    seen: dict[str, set[tuple[int, int, int, int]]] = defaultdict(set)
    lock = threading.Lock()
    with geokg_serve(tmp_path / "data", tmp_path / "server.log") as server:
        end = time.monotonic() + SECONDS

        def writer(seed: int) -> None:
            order = random.Random(seed).sample(range(TEXTS), TEXTS)
            for index in order:
                if time.monotonic() > end:
                    return
                response = requests.post(f"{server.url}/articles", json=items[index], timeout=60)
                with lock:
                    statuses.append(response.status_code)
                    if response.status_code in (200, 201):
                        accepted[response.json()["iri"]].add(response.status_code)

        def reader() -> None:
            while time.monotonic() < end:
                states = article_states(server.url)
                with lock:
                    statuses.append(200)
                    for iri, state in states.items():
                        seen[iri].add(tuple(state.values()))  # type: ignore[arg-type]

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(CLIENTS // 2)]
        threads += [threading.Thread(target=reader) for _ in range(CLIENTS - len(threads))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 120)
        final = article_states(server.url)
        listed = requests.get(f"{server.url}/articles", params={"limit": 1000}, timeout=30).json()
    assert statuses and max(statuses) < 500, sorted(set(statuses))
    assert set(accepted) <= set(final), "an accepted article is missing"
    assert all(201 in codes or iri in final for iri, codes in accepted.items())
    assert len(final) == len(accepted) == len({a["iri"] for a in listed["articles"]})
    assert all(is_whole(state) for state in final.values())
    for iri, observations in seen.items():
        assert observations == {tuple(final[iri].values())}, (iri, observations, final[iri])
    print(f"concurrency: {len(statuses)} requests, {len(accepted)} articles, "
          f"{sum(len(v) for v in seen.values())} distinct observations")
