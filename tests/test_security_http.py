"""Cross-cutting HTTP protections: limits with their own status and message, problem+json
without internals, request ids in headers, bodies and JSON logs, security headers on
every response, hostile literals inert in HTML."""

from __future__ import annotations

import http.client
import io
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask, render_template_string

from geokg.config import Settings
from geokg.logs import JsonFormatter
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from geokg.web.security import SECURITY_HEADERS, RequestIdFilter
from reliability import PROBLEM, sample_texts
from support import serving


def _app(tmp_path: Path, **overrides: object) -> tuple[Flask, OxigraphStore]:
    store = OxigraphStore(tmp_path / "data")
    settings = Settings(store=f"oxigraph:{tmp_path}/data", **overrides)  # type: ignore[arg-type]
    return create_app(settings, store=store), store


def test_each_limit_has_its_own_status_and_names_its_setting(tmp_path: Path) -> None:
    app, store = _app(tmp_path, max_body_bytes=5000, max_query_length=200, max_result_rows=1)
    client = app.test_client()
    too_big = client.post("/articles", data=b"x" * 6000, content_type="text/plain")
    assert too_big.status_code == 413 and too_big.mimetype == PROBLEM
    assert "GEOKG_MAX_BODY_BYTES=5000" in too_big.json["detail"]
    too_long = client.get("/sparql", query_string={"query": "ASK {}" + " " * 300})
    assert too_long.status_code == 400 and "GEOKG_MAX_QUERY_LENGTH=200" in too_long.json["detail"]
    for item in sample_texts()[:2]:
        assert client.post("/articles", json=item).status_code == 201
    listing = client.get("/articles")
    assert listing.status_code == 422 and listing.mimetype == PROBLEM
    assert listing.json["type"].endswith("#result-too-large")
    assert "GEOKG_MAX_RESULT_ROWS=1" in listing.json["detail"]
    streamed = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert streamed.status_code == 200  # streamed results are not limited
    store.close()


def _no_internals(body: str) -> None:
    for leak in ("Traceback", 'File "', "/work/", "site-packages", ".py", "service/geokg"):
        assert leak not in body, body


def test_errors_never_show_tracebacks_or_paths(tmp_path: Path) -> None:
    app, store = _app(tmp_path)

    @app.get("/_boom/template")
    def broken_template() -> str:
        return render_template_string("{{ 1 | no_such_filter }}")

    @app.get("/_boom/code")
    def broken_code() -> str:
        raise RuntimeError(f"secret detail in {__file__}")

    client = app.test_client()
    for path in ("/_boom/template", "/_boom/code"):
        response = client.get(path)
        assert response.status_code == 500 and response.mimetype == PROBLEM
        _no_internals(response.get_data(as_text=True))
    store.close()  # a store that fails: every call now raises
    failed = client.get("/articles")
    assert failed.status_code >= 500 and failed.mimetype == PROBLEM
    _no_internals(failed.get_data(as_text=True))


def test_request_id_is_echoed_kept_sane_and_logged(tmp_path: Path) -> None:
    app, store = _app(tmp_path)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    access = logging.getLogger("geokg.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    try:
        client = app.test_client()
        mine = client.get("/nowhere", headers={"X-Request-Id": "client-42"})
        hostile = client.get("/nowhere", headers={"X-Request-Id": "bad id <script>" + "x" * 300})
    finally:
        access.removeHandler(handler)
    assert mine.headers["X-Request-Id"] == "client-42" and mine.json["request_id"] == "client-42"
    generated = hostile.headers["X-Request-Id"]
    assert generated != "" and "<" not in generated and len(generated) == 32
    assert hostile.json["request_id"] == generated
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert {"client-42", generated} <= {line["request_id"] for line in lines}
    assert all(line["status"] == 404 for line in lines)
    store.close()


@pytest.fixture
def site(tmp_path: Path) -> Flask:
    app, _ = _app(tmp_path)
    return app


def test_security_headers_are_on_every_route(site: Flask) -> None:
    client = site.test_client()
    seen = 0
    for rule in site.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        path = rule.rule.replace("<", "").replace(">", "").replace("path:", "")
        response = client.get(path)
        seen += 1
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (rule.rule, name)
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        if response.status_code >= 400 and response.mimetype != "text/html":
            assert response.mimetype == PROBLEM, (rule.rule, response.status_code)
        assert response.status_code < 500, (rule.rule, response.get_data(as_text=True)[:300])
        response.close()
    assert seen >= 10


def test_hostile_labels_and_links_are_inert_in_html(site: Flask) -> None:
    client = site.test_client()
    hostile = {**sample_texts()[0], "title": "<script>alert('t')</script><img src=x onerror=alert(1)>",
               "url": "javascript:alert(document.cookie)"}
    refused = client.post("/articles", json=hostile)
    assert refused.status_code == 400 and "url" in refused.json["detail"]  # never stored
    hostile["url"] = "https://example.org/a?q=%3Cscript%3E"
    created = client.post("/articles", json=hostile)
    assert created.status_code == 201, created.get_data(as_text=True)
    article_id = created.json["id"]
    html_pages = 0
    for page in (f"/article/{article_id}", f"/articles/{article_id}", "/search?q=script"):
        response = client.get(page, headers={"Accept": "text/html"})
        assert response.status_code < 500
        body = response.get_data(as_text=True)
        if response.mimetype != "text/html":
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            continue
        html_pages += 1
        assert "<script>alert" not in body and "<img src=x" not in body
        assert 'href="javascript:' not in body.lower()
    assert html_pages >= 1


# -- /openapi.json names the configured server, whatever the request says ------------------

FORGED_REQUESTS = [
    pytest.param("/openapi.json", {"Host": "evil.example"}, id="host"),
    pytest.param("/openapi.json", {"Host": "evil.example:443"}, id="host-port"),
    pytest.param("/openapi.json", {"X-Forwarded-Host": "evil.example",
                                   "X-Forwarded-Proto": "https"}, id="x-forwarded"),
    pytest.param("/openapi.json", {"Forwarded": "host=evil.example;proto=https"}, id="forwarded"),
    pytest.param("http://evil.example/openapi.json", {}, id="absolute-form"),
    pytest.param("//evil.example/openapi.json", {}, id="scheme-relative"),
]


@pytest.mark.parametrize(("target", "headers"), FORGED_REQUESTS)
def test_openapi_server_url_is_the_base_iri_not_the_request(
        tmp_path: Path, target: str, headers: dict[str, str]) -> None:
    settings = Settings(store="memory", base_iri="https://kg.example.org/geokg/")
    store = OxigraphStore()
    with serving(create_app(settings, store=store)) as url:
        connection = http.client.HTTPConnection(urlsplit(url).netloc, timeout=30)
        skip_host = "Host" in headers
        connection.putrequest("GET", target, skip_host=skip_host)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        connection.close()
    store.close()
    if response.status != 200:  # refusing the request is as good
        assert b"evil.example" not in body
        return
    assert json.loads(body)["servers"] == [{"url": "https://kg.example.org/geokg"}]

