"""The ingest API over real HTTP: the real app behind a real server on an on-disk store.

Status codes, problem+json bodies, and, for every refused request, a store left exactly as
it was. A 422 (graph breaks the shapes) cannot be provoked through this API with real input:
every request field is checked before extraction and the graph builder drops or repairs
readings the shapes would refuse. The atomic 422 path is tested at the pipeline level
(`test_pipeline.py`, put_validated with invalid graphs).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import schemathesis
from flask import Flask
from rdflib import RDF, Graph, URIRef
from werkzeug.serving import make_server

from geokg.config import Settings
from geokg.resources import SAMPLE_ARTICLES
from geokg.store.base import Store
from geokg.vocab import GK
from geokg.web import create_app
from geokg.web.state import STORE_KEY
from support import free_port

PROBLEM = "application/problem+json"
SCHOLZ = "Olaf Scholz telefonierte am Freitag mit Wladimir Putin über die Ukraine."


@dataclass
class Server:
    url: str
    store: Store

    def quads(self) -> set[bytes]:
        return set(b"".join(self.store.dump("nquads")).splitlines())


@contextmanager
def serving(app: Flask) -> Iterator[Server]:
    """Serve `app` on a free port in a thread; close its store afterwards."""
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="articles-server", daemon=True)
    thread.start()
    store: Store = app.extensions[STORE_KEY]
    try:
        yield Server(f"http://127.0.0.1:{port}", store)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("web-articles")
    with serving(create_app(Settings(store=f"oxigraph:{folder}/data"))) as running:
        yield running


def seed() -> dict[str, str]:
    entry = json.loads(SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines()[0])
    return {k: entry[k] for k in ("text", "published", "lang")}


@pytest.fixture(scope="module")
def posted(server: Server) -> requests.Response:
    """The seed article POSTed once as JSON."""
    return requests.post(f"{server.url}/articles", json=seed(), timeout=60)


def test_post_json_creates_the_article(server: Server, posted: requests.Response) -> None:
    assert posted.status_code == 201, posted.text
    body = posted.json()
    assert body["created"] is True
    assert body["iri"].endswith(f"/article/{body['id']}")
    assert {"Call", "Demand", "TerritorialClaim"} <= {e["type"] for e in body["events"]}
    assert posted.headers["Location"].endswith(f"/articles/{body['id']}")
    shown = requests.get(requests.compat.urljoin(server.url, posted.headers["Location"]),
                         timeout=10)
    assert shown.status_code == 200
    assert shown.json()["iri"] == body["iri"]


def test_same_text_again_is_200_and_changes_nothing(server: Server,
                                                    posted: requests.Response) -> None:
    before = server.quads()
    again = requests.post(f"{server.url}/articles", json=seed(), timeout=60)
    assert again.status_code == 200
    assert (again.json()["created"], again.json()["iri"]) == (False, posted.json()["iri"])
    assert again.headers["Location"] == posted.headers["Location"]
    assert len(again.json()["events"]) == len(posted.json()["events"])  # says what is stored
    assert server.quads() == before


def test_201_200_and_get_answer_one_shape(server: Server, posted: requests.Response) -> None:
    """A client reads the article the same way whether it was new, already stored, or
    fetched later: the stored article, plus `created` for a POST (once 201 said "CALL" and
    entity keys, 200 "Call" and IRIs)."""
    again = requests.post(f"{server.url}/articles", json=seed(), timeout=60)
    shown = requests.get(f"{server.url}/articles/{posted.json()['id']}", timeout=10)
    new, old = posted.json(), again.json()
    assert (posted.status_code, again.status_code, new.pop("created"), old.pop("created")) == (
        201, 200, True, False)
    assert new == old == shown.json()
    call = next(e for e in new["events"] if e["type"] == "Call")
    assert sorted(call) == ["addressee", "date", "iri", "participant", "sentence", "territory",
                            "topic", "treaty", "type"]
    assert [iri.rsplit("/entity/", 1)[-1] for iri in call["participant"]] == [
        "emmanuel-macron", "vladimir-putin"]
    putin = next(e for e in new["entities"] if e["iri"].endswith("/entity/vladimir-putin"))
    assert (putin["type"], putin["label"], putin["wikidata"]) == (
        "Leader", "Vladimir Putin", "http://www.wikidata.org/entity/Q7747")


def test_201_and_200_bodies_are_the_documented_shape() -> None:
    """Both answers validate against the OpenAPI description the app publishes."""
    app = create_app(Settings(store="memory"))
    try:
        operation = schemathesis.openapi.from_wsgi("/openapi.json", app)["/articles"]["POST"]
        case = operation.Case(body={"text": SCHOLZ, "published": "2024-11-16"},
                              media_type="application/json")
        for status in (201, 200):
            response = case.call()
            assert response.status_code == status
            case.validate_response(response)  # raises when the body breaks the schema
    finally:
        app.extensions[STORE_KEY].close()


def test_post_text_plain_with_metadata_in_the_query(server: Server) -> None:
    response = requests.post(
        f"{server.url}/articles", data=SCHOLZ.encode("utf-8"),
        params={"published": "2024-11-16", "lang": "de", "url": "https://example.org/scholz"},
        headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=60)
    assert response.status_code == 201, response.text
    shown = requests.get(f"{server.url}/articles/{response.json()['id']}", timeout=10).json()
    assert (shown["published"], shown["lang"], shown["url"]) == (
        "2024-11-16", "de", "https://example.org/scholz")
    [call] = [e for e in shown["events"] if e["type"] == "Call"]
    assert call["date"] == "2024-11-15"  # "am Freitag" before Saturday 16 November


BAD_REQUESTS = [
    pytest.param({"json": {"published": "2025-07-01"}}, 400, "'text'", id="missing-text"),
    pytest.param({"json": {"text": "   "}}, 400, "empty", id="empty-text"),
    pytest.param({"json": ["text"]}, 400, "JSON object", id="json-array"),
    pytest.param({"data": b'{"text": "Putin', "headers": {"Content-Type": "application/json"}},
                 400, "JSON object", id="invalid-json"),
    pytest.param({"data": b'{"text": "Putin \\ud800 traf Macron."}',
                  "headers": {"Content-Type": "application/json"}}, 400, "surrogate",
                 id="lone-surrogate"),
    pytest.param({"json": {"text": SCHOLZ + " (2)", "url": "not a url"}}, 400, "URL",
                 id="bad-url"),
    pytest.param({"json": {"text": SCHOLZ + " (3)", "lang": "fr"}}, 400, "'lang'", id="lang-fr"),
    pytest.param({"data": b"<article/>", "headers": {"Content-Type": "application/xml"}}, 415,
                 "'application/xml'", id="xml"),
    pytest.param({"data": b"Stra\xdfe", "headers": {"Content-Type": "text/plain"}}, 400,
                 "not valid text", id="invalid-utf8"),
    pytest.param({"data": SCHOLZ.encode(), "headers": {"Content-Type": "text/plain"},
                  "params": {"published": "yesterday"}}, 400, "YYYY-MM-DD", id="bad-published"),
    # Dates outside 1900..2100, in every form fromisoformat reads and every way in.
    *[pytest.param({"json": {"text": f"{SCHOLZ} ({published})", "published": published}},
                   400, "'published' must be a date from 1900-01-01 to 2100-12-31",
                   id=f"published-{published}")
      for published in ("0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "99991231",
                        "0001-W01-1", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
                        "1899-12-31T23:30:00-05:00", " 0001-01-01 ")],
    pytest.param({"data": SCHOLZ.encode(), "headers": {"Content-Type": "text/plain"},
                  "params": {"published": "0001-01-01"}}, 400, "from 1900-01-01 to 2100-12-31",
                 id="published-year-1-query"),
    pytest.param({"data": f"<html><body><article><p>{SCHOLZ}</p></article></body></html>".encode(),
                  "headers": {"Content-Type": "text/html"}, "params": {"published": "9999-12-31"}},
                 400, "from 1900-01-01 to 2100-12-31", id="published-year-9999-html"),
    *[pytest.param({"json": {"text": SCHOLZ + " (4)", "published": published}}, 400,
                   "YYYY-MM-DD", id=f"published-{published}")
      for published in ("-0001-01-01", "+002024-01-01", "10000-01-01", "2024-02-30", 20241116)],
]


@pytest.mark.parametrize(("request_args", "status", "detail"), BAD_REQUESTS)
def test_refused_post_is_a_problem_and_stores_nothing(
        server: Server, posted: requests.Response, request_args: dict[str, object],
        status: int, detail: str) -> None:
    before = server.quads()
    response = requests.post(f"{server.url}/articles", timeout=60, **request_args)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status and detail in problem["detail"], problem
    assert server.quads() == before


@pytest.mark.parametrize("published", ["1900-01-01", "2100-12-31", "2100-12-31T23:59:59-14:00"])
def test_published_at_the_ends_of_the_range_is_accepted(server: Server, published: str) -> None:
    response = requests.post(f"{server.url}/articles", timeout=60,
                             json={"text": f"{SCHOLZ} ({published})", "published": published})
    assert response.status_code == 201, response.text
    shown = requests.get(f"{server.url}/articles/{response.json()['id']}", timeout=10).json()
    assert shown["published"] == published[:10]


def test_html_is_ingested(server: Server) -> None:
    """A saved web page: read by trafilatura, whose cleaning needs lxml_html_clean."""
    page = (f"<html><head><title>Telefonat</title></head><body><nav>Start · Politik</nav>"
            f"<article><h1>Telefonat</h1><p>{SCHOLZ} Das Gespräch dauerte eine Stunde.</p>"
            "</article></body></html>")
    response = requests.post(f"{server.url}/articles", data=page.encode(), timeout=60,
                             params={"published": "2024-11-16", "lang": "de"},
                             headers={"Content-Type": "text/html; charset=utf-8"})
    assert response.status_code == 201, response.text
    assert [e["type"] for e in response.json()["events"]] == ["Call"]


def test_body_over_the_limit_is_413(tmp_path: Path) -> None:
    settings = Settings(store=f"oxigraph:{tmp_path}/data", max_body_bytes=2000)
    with serving(create_app(settings)) as small:
        before = small.quads()
        for body, kind in ((json.dumps({"text": SCHOLZ * 40}).encode(), "application/json"),
                           ((SCHOLZ * 40).encode(), "text/plain")):
            response = requests.post(f"{small.url}/articles", data=body,
                                     headers={"Content-Type": kind}, timeout=60)
            assert response.status_code == 413, response.text
            assert response.headers["Content-Type"] == PROBLEM
        assert small.quads() == before
        fits = requests.post(f"{small.url}/articles", json={"text": SCHOLZ}, timeout=60)
        assert fits.status_code == 201


# -- reading back -------------------------------------------------------------------------

def test_list_shows_the_article_with_its_event_count(server: Server,
                                                     posted: requests.Response) -> None:
    listing = requests.get(f"{server.url}/articles", timeout=10)
    assert listing.status_code == 200
    [entry] = [a for a in listing.json()["articles"] if a["iri"] == posted.json()["iri"]]
    shown = requests.get(f"{server.url}/articles/{entry['id']}", timeout=10).json()
    assert entry["events"] == len(shown["events"]) >= 10
    assert (entry["published"], entry["lang"]) == ("2025-07-01", "de")


def test_show_as_json_has_events_with_sentences(server: Server,
                                                posted: requests.Response) -> None:
    shown = requests.get(f"{server.url}/articles/{posted.json()['id']}", timeout=10)
    assert shown.headers["Content-Type"] == "application/json"
    events = shown.json()["events"]
    text = seed()["text"]
    assert all(e["sentence"] in text for e in events)
    [call] = [e for e in events if e["type"] == "Call"]
    assert call["date"] == "2025-07-01" and len(call["participant"]) == 2


def test_show_as_turtle_is_the_whole_graph(server: Server, posted: requests.Response) -> None:
    iri = posted.json()["iri"]
    response = requests.get(f"{server.url}/articles/{posted.json()['id']}",
                            headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    stored = server.store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").rows()
    assert len(graph) == int(stored[0]["n"] or 0)
    assert (URIRef(iri), RDF.type, GK.Article) in graph


@pytest.mark.parametrize("article_id", ["0123456789abcdef", "no-such-article"])
def test_unknown_article_is_404_problem(server: Server, article_id: str) -> None:
    response = requests.get(f"{server.url}/articles/{article_id}", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


@pytest.mark.parametrize("query", ["limit=abc", "limit=0", "offset=-1"])
def test_bad_paging_is_400_problem(server: Server, query: str) -> None:
    response = requests.get(f"{server.url}/articles?{query}", timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == PROBLEM
