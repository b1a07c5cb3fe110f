"""Many writers, one store: Graph Store and article reads carry an ETag, writes honour
If-Match / If-None-Match (412 on a stale write), so that two geokg processes curating the
same graph never lose an update. Each writer is a geokg app of its own (its own store
client, its own curator and lock, as a second process has) on one real `oxigraph serve`,
and the same on one embedded store."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from geokg.config import Settings
from geokg.pipeline import ArticleInput
from geokg.pipeline.statistics import wait_for_refreshes
from geokg.store.base import Store, graph_content
from geokg.store.oxigraph import OxigraphStore
from geokg.store.remote import RemoteStore
from geokg.web import create_app
from reliability import gunicorn_deployment
from support import serving

TOKEN = "curator-token-for-tests-0123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOTES = "http://example.org/graph/notes"
OTHER = "http://example.org/graph/other"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TTL = "text/turtle"
CALL = "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine."


def note(n: int, label: str = "Notiz") -> bytes:
    return f'<http://example.org/note/{n}> {LABEL} "{label} {n}"@de .\n'.encode()


@dataclass
class Writers:
    """Two geokg apps (A and B) on one store; `store` is a client of that store of its own."""

    a: str
    b: str
    store: Store
    article_id: str
    article_iri: str
    article_ntriples: str  # the article's graph as every test starts


def _apps(stores: list[Store], check: Store) -> Iterator[Writers]:
    with ExitStack() as stack:
        apps = [create_app(Settings(store="memory", write_token=TOKEN), store=s) for s in stores]
        article = apps[0].extensions["geokg.pipeline"].ingest(ArticleInput(CALL, lang="de"))
        a, b = (stack.enter_context(serving(app)) for app in apps)
        content = b"".join(graph_content(check, article.article_iri, "application/n-triples"))
        yield Writers(a, b, check, article.article_id, article.article_iri, content.decode())
        wait_for_refreshes()  # the statistics the writes asked for, before the stores close
    for store in {id(s): s for s in [*stores, check]}.values():
        store.close()


@pytest.fixture(scope="module")
def remote_writers(oxigraph_server: str) -> Iterator[Writers]:
    """Two apps, each with its own RemoteStore client of one `oxigraph serve`."""
    def client() -> RemoteStore:
        return RemoteStore(f"{oxigraph_server}/query", f"{oxigraph_server}/update")

    first = client()
    first.update("DROP ALL")
    yield from _apps([first, client()], client())


@pytest.fixture(scope="module")
def embedded_writers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Writers]:
    """One store on disk (it admits one process) behind two apps."""
    store = OxigraphStore(tmp_path_factory.mktemp("etags") / "data")
    yield from _apps([store, store], store)


@pytest.fixture(params=["remote", "embedded"])
def writers(request: pytest.FixtureRequest) -> Writers:
    """Each backend in turn, the test's graphs as they started (none, and the article)."""
    site: Writers = request.getfixturevalue(f"{request.param}_writers")
    wait_for_refreshes()
    site.store.replace_graphs({NOTES: None, OTHER: None, site.article_iri: site.article_ntriples})
    return site


def put(url: str, data: bytes, graph: str = NOTES, **headers: str) -> requests.Response:
    return requests.put(f"{url}/store", params={"graph": graph}, data=data, timeout=60,
                        headers={**AUTH, "Content-Type": "application/n-triples", **headers})


def post(url: str, data: bytes, graph: str = NOTES, **headers: str) -> requests.Response:
    return requests.post(f"{url}/store", params={"graph": graph}, data=data, timeout=60,
                         headers={**AUTH, "Content-Type": "application/n-triples", **headers})


def delete(url: str, graph: str = NOTES, **headers: str) -> requests.Response:
    return requests.delete(f"{url}/store", params={"graph": graph}, timeout=60,
                           headers={**AUTH, **headers})


def get(url: str, graph: str = NOTES, accept: str = TTL, **headers: str) -> requests.Response:
    return requests.get(f"{url}/store", params={"graph": graph}, timeout=60,
                        headers={"Accept": accept, **headers})


def labels(store: Store, graph: str = NOTES) -> set[str]:
    rows = store.query(f"SELECT ?l WHERE {{ GRAPH <{graph}> {{ ?s {LABEL} ?l }} }}").rows()
    return {str(row["l"]) for row in rows}


def problem(response: requests.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json", response.text
    return str(response.json()["detail"])


# -- the lost update ------------------------------------------------------------------------

def test_the_second_of_two_writers_with_one_etag_gets_412_and_nothing_is_lost(
        writers: Writers) -> None:
    assert put(writers.a, note(1)).status_code == 201
    seen_by_a, seen_by_b = get(writers.a), get(writers.b)
    assert seen_by_a.headers["ETag"] == seen_by_b.headers["ETag"]
    tag = seen_by_a.headers["ETag"]
    assert tag.startswith('"') and not tag.startswith("W/")

    assert put(writers.a, note(1) + note(2), **{"If-Match": tag}).status_code == 204
    late = put(writers.b, note(1) + note(3), **{"If-Match": tag})
    assert "changed since that ETag was read" in problem(late, 412)
    assert labels(writers.store) == {"Notiz 1", "Notiz 2"}, "A's write is kept, B's not applied"

    fresh = get(writers.b)
    assert fresh.headers["ETag"] != tag
    assert put(writers.b, note(1) + note(2) + note(3),
               **{"If-Match": fresh.headers["ETag"]}).status_code == 204
    assert labels(writers.store) == {"Notiz 1", "Notiz 2", "Notiz 3"}


def test_a_stale_post_and_a_stale_delete_are_412_too(writers: Writers) -> None:
    put(writers.a, note(1))
    tag = get(writers.b).headers["ETag"]
    assert post(writers.a, note(2)).status_code == 204
    assert problem(post(writers.b, note(3), **{"If-Match": tag}), 412)
    assert problem(delete(writers.b, **{"If-Match": tag}), 412)
    assert labels(writers.store) == {"Notiz 1", "Notiz 2"}
    current = get(writers.b).headers["ETag"]
    assert delete(writers.b, **{"If-Match": current}).status_code == 204
    assert labels(writers.store) == set()


def race(urls: list[str], per_writer: int = 12) -> set[str]:
    """One thread per URL POSTs its own notes to NOTES, one by one; the labels it expects."""
    failures: list[str] = []

    def add(url: str, first: int) -> None:
        for n in range(first, first + per_writer):
            for _ in range(5):  # 503 says "try again": a client does
                response = post(url, note(n))
                if response.status_code != 503:
                    break
            if response.status_code != 204:
                failures.append(f"{n}: {response.status_code} {response.text}")

    firsts = [100 * (i + 1) for i in range(len(urls))]
    threads = [threading.Thread(target=add, args=pair) for pair in zip(urls, firsts, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert failures == []
    return {f"Notiz {n}" for first in firsts for n in range(first, first + per_writer)}


def test_writers_without_conditions_racing_on_one_graph_lose_no_triple(writers: Writers) -> None:
    """Each POST copies the graph, validates and writes it back: two apps of one process
    take turns (one scratch engine, one lock) and never write back an old copy."""
    put(writers.a, note(0))
    expected = race([writers.a, writers.b, writers.a, writers.b])
    assert labels(writers.store) == expected | {"Notiz 0"}


def test_geokg_processes_racing_on_one_remote_graph_lose_no_triple(
        remote_writers: Writers, oxigraph_server: str, tmp_path: Path) -> None:
    """Real processes, each with its own lock: a gunicorn with two workers and this one on
    one `oxigraph serve`. A graph another process changed after it was copied is written
    again on the new state, or merged as a difference, never overwritten with the old copy."""
    writers = remote_writers
    writers.store.replace_graphs({NOTES: note(0).decode()})
    server, temp = oxigraph_server, tmp_path / "tmp"
    temp.mkdir()
    with gunicorn_deployment(tmp_path, workers=2, GEOKG_WRITE_TOKEN=TOKEN, TMPDIR=str(temp),
                             GEOKG_STORE=f"sparql:{server}/query,{server}/update") as gunicorn:
        expected = race([gunicorn.url, gunicorn.url, gunicorn.url, writers.a])
        gunicorn.master.send_signal(signal.SIGTERM)
        assert gunicorn.master.wait(timeout=120) == 0
    assert labels(writers.store) == expected | {"Notiz 0"}
    # gunicorn on a remote store (no engine) leaves nothing behind either: no ~/.gunicorn
    assert list((tmp_path / "home").iterdir()) == [] and list(temp.iterdir()) == []


# -- If-Match: * and If-None-Match ------------------------------------------------------------

def test_if_match_star_writes_only_a_graph_that_exists(writers: Writers) -> None:
    assert "there is no graph" in problem(put(writers.a, note(1), **{"If-Match": "*"}), 412)
    assert labels(writers.store) == set() and NOTES not in writers.store.graphs()
    put(writers.b, note(1))
    assert put(writers.a, note(2), **{"If-Match": "*"}).status_code == 204
    assert labels(writers.store) == {"Notiz 2"}


def test_if_none_match_star_creates_a_graph_only_once(writers: Writers) -> None:
    assert put(writers.a, note(1), **{"If-None-Match": "*"}).status_code == 201
    second = put(writers.b, note(2), **{"If-None-Match": "*"})
    assert "exists" in problem(second, 412)
    assert labels(writers.store) == {"Notiz 1"}


def test_a_get_with_the_current_etag_is_304_and_a_changed_graph_is_200(writers: Writers) -> None:
    put(writers.a, note(1))
    first = get(writers.a)
    tag = first.headers["ETag"]
    again = get(writers.b, **{"If-None-Match": tag})
    assert (again.status_code, again.content, again.headers["ETag"]) == (304, b"", tag)
    weak = get(writers.b, **{"If-None-Match": f"W/{tag}"})
    assert weak.status_code == 304, "a GET compares weakly (RFC 9110 §13.1.2)"
    assert get(writers.b, **{"If-None-Match": "*"}).status_code == 304

    post(writers.b, note(2))
    changed = get(writers.a, **{"If-None-Match": tag})
    assert changed.status_code == 200 and b"Notiz 2" in changed.content
    assert changed.headers["ETag"] != tag


def test_each_format_has_its_own_etag_and_any_of_them_serves_if_match(writers: Writers) -> None:
    put(writers.a, note(1))
    tags = {accept: get(writers.a, accept=accept).headers["ETag"]
            for accept in (TTL, "application/n-triples", "application/ld+json")}
    assert len(set(tags.values())) == 3
    assert get(writers.a, accept=TTL, **{"If-None-Match": tags["application/ld+json"]}
               ).status_code == 200, "a Turtle body is not the JSON-LD the client holds"
    assert put(writers.b, note(2), **{"If-Match": tags["application/ld+json"]}).status_code == 204


# -- attacks on the condition -----------------------------------------------------------------

@pytest.mark.parametrize("header", ["abc", '"abc', '"a" "b"', '"a", garbage', '""', '"a", *',
                                    "W/abc", ",", '"*"'])
def test_a_garbled_if_match_is_400_and_writes_nothing(writers: Writers, header: str) -> None:
    """'"*"' too: werkzeug reads it as *, which would open any state."""
    put(writers.a, note(1))
    for name in ("If-Match", "If-None-Match"):
        response = put(writers.b, note(2), **{name: header})
        assert "quoted entity tags" in problem(response, 400), (name, header)
    assert labels(writers.store) == {"Notiz 1"}


def test_a_weak_if_match_never_matches_and_says_why(writers: Writers) -> None:
    put(writers.a, note(1))
    tag = get(writers.a).headers["ETag"]
    assert "weak" in problem(put(writers.b, note(2), **{"If-Match": f"W/{tag}"}), 412)
    assert problem(delete(writers.b, **{"If-Match": f"W/{tag}"}), 412)
    assert labels(writers.store) == {"Notiz 1"}
    # a strong tag beside the weak one counts as usual
    assert put(writers.b, note(2), **{"If-Match": f'W/"x", {tag}'}).status_code == 204


def test_the_etag_of_another_graph_does_not_open_this_one(writers: Writers) -> None:
    put(writers.a, note(1))
    put(writers.a, note(7), graph=OTHER)
    other = get(writers.a, graph=OTHER).headers["ETag"]
    assert problem(put(writers.b, note(2), **{"If-Match": other}), 412)
    assert problem(delete(writers.b, **{"If-Match": other}), 412)
    assert labels(writers.store) == {"Notiz 1"}


def test_an_etag_from_before_a_delete_opens_nothing_after_it(writers: Writers) -> None:
    put(writers.a, note(1))
    tag = get(writers.a).headers["ETag"]
    assert delete(writers.a).status_code == 204
    assert "holds no triples" in problem(put(writers.b, note(2), **{"If-Match": tag}), 412)
    assert delete(writers.b, **{"If-Match": tag}).status_code == 404
    put(writers.a, note(3))
    assert problem(put(writers.b, note(2), **{"If-Match": tag}), 412)
    assert labels(writers.store) == {"Notiz 3"}


def test_a_made_up_etag_with_a_valid_format_suffix_is_412(writers: Writers) -> None:
    put(writers.a, note(1))
    for forged in ('"0000000000000000000000000000000.ttl"', '".ttl"',
                   '"' + get(writers.a).headers["ETag"].strip('"').split(".")[0][:-1] + '0.ttl"'):
        assert problem(put(writers.b, note(2), **{"If-Match": forged}), 412), forged
    assert labels(writers.store) == {"Notiz 1"}


def test_conditions_where_there_is_no_one_graph_are_400(writers: Writers) -> None:
    response = requests.post(f"{writers.a}/update", headers={**AUTH, "If-Match": "*"},
                             data={"update": f'INSERT DATA {{ GRAPH <{NOTES}> {{ '
                                             f'<http://example.org/note/9> {LABEL} "x" }} }}'},
                             timeout=60)
    assert "one graph" in problem(response, 400)
    unnamed = requests.post(f"{writers.a}/store", data=note(9), timeout=60,
                            headers={**AUTH, "Content-Type": "application/n-triples",
                                     "If-None-Match": "*"})
    assert "one graph" in problem(unnamed, 400)
    assert labels(writers.store) == set()


def test_a_condition_is_checked_after_the_token(writers: Writers) -> None:
    """No token, no answer about the graph's state: 401 before any 412."""
    put(writers.a, note(1))
    response = requests.put(f"{writers.b}/store", params={"graph": NOTES}, data=note(2),
                            headers={"Content-Type": "application/n-triples",
                                     "If-Match": '"stale.ttl"'}, timeout=60)
    assert response.status_code == 401
    assert labels(writers.store) == {"Notiz 1"}


# -- articles ---------------------------------------------------------------------------------

def test_an_article_carries_its_etag_and_a_stale_delete_keeps_it(writers: Writers) -> None:
    url = f"{writers.a}/articles/{writers.article_id}"
    shown = requests.get(url, timeout=60)
    as_turtle = requests.get(url, headers={"Accept": TTL}, timeout=60)
    assert shown.status_code == as_turtle.status_code == 200
    assert shown.headers["ETag"] != as_turtle.headers["ETag"]
    assert requests.get(url, headers={"If-None-Match": shown.headers["ETag"]},
                        timeout=60).status_code == 304

    iri = writers.article_iri
    ntriples = get(writers.a, graph=iri, accept="application/n-triples").content
    assert put(writers.b, ntriples + note(1, "Anmerkung"), graph=iri,
               **{"If-Match": shown.headers["ETag"]}).status_code == 204

    stale = requests.delete(f"{writers.b}/articles/{writers.article_id}", timeout=60,
                            headers={**AUTH, "If-Match": as_turtle.headers["ETag"]})
    assert problem(stale, 412)
    assert iri in writers.store.graphs()
    current = requests.get(url, timeout=60).headers["ETag"]
    assert requests.delete(f"{writers.b}/articles/{writers.article_id}", timeout=60,
                           headers={**AUTH, "If-Match": current}).status_code == 204
    assert iri not in writers.store.graphs()
