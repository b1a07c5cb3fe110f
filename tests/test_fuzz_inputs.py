"""Property-based junk against the real app (Flask test client, in-memory store): queries,
updates, uploads, article texts as binary junk, invalid UTF-8, huge and deeply nested
bodies. Whatever comes in: never a 5xx, always an answer (Hypothesis, bounded)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geokg.config import Settings
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app

TOKEN = "f" * 24
BOUNDED = settings(max_examples=40, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SPARQL_WORDS = st.sampled_from(["SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", "(", ")", ".",
                                "OPTIONAL", "FILTER", "GRAPH", "<http://x/>", '"a"@de', "UNION",
                                "ORDER BY", "LIMIT 1", "ASK", "CONSTRUCT", "|", "*", "+", "/",
                                "SERVICE", "PREFIX p: <http://p/>", "p:x", "\\u0041", "#"])
QUERIES = st.one_of(st.text(max_size=300), st.lists(SPARQL_WORDS, max_size=30).map(" ".join))
JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        st.text(max_size=50))
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=30)


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    store = OxigraphStore()
    app = create_app(Settings(store="memory", write_token=TOKEN, max_body_bytes=200_000,
                              max_query_length=5000), store=store)
    yield app.test_client()
    store.close()


def _fine(response: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert status < 500, response.get_data(as_text=True)[:500]  # type: ignore[attr-defined]


@BOUNDED
@given(query=QUERIES, accept=st.sampled_from(["*/*", "text/csv", "application/json", "x/y", ""]))
def test_queries(client: FlaskClient, query: str, accept: str) -> None:
    _fine(client.get("/sparql", query_string={"query": query}, headers={"Accept": accept}))
    _fine(client.post("/sparql", data=query.encode("utf-8", "surrogatepass"),
                      content_type="application/sparql-query"))


@BOUNDED
@given(body=st.binary(max_size=2000), kind=st.sampled_from(
    ["application/sparql-query", "application/sparql-update", "text/turtle", "application/n-triples",
     "application/rdf+xml", "application/ld+json", "application/n-quads", "application/trig",
     "text/plain", "application/json", "application/x-www-form-urlencoded"]))
def test_binary_bodies_everywhere(client: FlaskClient, body: bytes, kind: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    _fine(client.post("/sparql", data=body, content_type=kind))
    _fine(client.post("/update", data=body, content_type=kind, headers=auth))
    _fine(client.put("/store?graph=http://example.org/g", data=body, content_type=kind, headers=auth))
    _fine(client.post("/store?graph=http://example.org/g", data=body, content_type=kind, headers=auth))
    _fine(client.post("/articles", data=body, content_type=kind))


@BOUNDED
@given(text=st.text(min_size=1, max_size=400), junk=st.binary(max_size=300),
       published=st.one_of(st.none(), st.text(max_size=12)))
def test_article_texts(client: FlaskClient, text: str, junk: bytes, published: str | None) -> None:
    _fine(client.post("/articles", json={"text": text, "published": published}))
    _fine(client.post("/articles", data=b"\xff\xfe" + junk, content_type="text/plain"))
    _fine(client.post("/articles", data=junk, content_type="text/plain; charset=no-such-charset"))


@BOUNDED
@given(value=JSON_VALUES)
def test_json_structures(client: FlaskClient, value: object) -> None:
    _fine(client.post("/articles", data=json.dumps(value), content_type="application/json"))


def test_huge_and_deeply_nested_inputs(client: FlaskClient) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    _fine(client.post("/articles", data=nested, content_type="application/json"))
    _fine(client.post("/articles", data=b"a" * 300_000, content_type="text/plain"))
    _fine(client.get("/sparql", query_string={"query": "SELECT * WHERE {" * 4000}))
    _fine(client.post("/sparql", data={"query": "(" * 4900}))
