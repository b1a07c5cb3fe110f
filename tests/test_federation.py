"""SERVICE through /sparql against a real `oxigraph serve` process as the remote endpoint.

The remote runs on 127.0.0.1, which the network guard refuses by default; the test
settings opt in with `federation_allow_loopback` (GEOKG_FEDERATION_ALLOW_LOOPBACK), a
switch only tests turn on. A network namespace would avoid it, but needs privileges CI
may not have; a literal loopback address cannot be re-pointed by DNS, so the opt-in
opens nothing else.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from flask.testing import FlaskClient

from geokg.config import Settings
from geokg.query.federation import find_services
from geokg.web import create_app
from support import LiveServer, free_port

WDT = "http://www.wikidata.org/prop/direct/"
PREFIXES = f"""PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX wdt: <{WDT}>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
#: More people on the remote than a clause may bring back (MAX_ROWS), so only a query
#: that sends our values along can succeed.
FILLERS = 30
MAX_ROWS = 20


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `oxigraph serve` holding Wikidata-like facts; yields its query URL."""
    binary = Path(__import__("sys").executable).with_name("oxigraph")
    if not binary.exists():
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen([str(binary), "serve", "--location",
                                str(tmp_path_factory.mktemp("remote")), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url)
        fillers = " ".join(f'wd:Q9{i:05d} wdt:P569 "1900-01-01"^^xsd:date .' for i in range(FILLERS))
        update = PREFIXES + f"""INSERT DATA {{
            wd:Q7747 wdt:P569 "1952-10-07"^^xsd:date ; rdfs:label "Wladimir Putin"@de .
            wd:Q3052772 wdt:P569 "1977-12-21"^^xsd:date ; rdfs:label "Emmanuel Macron"@fr .
            {fillers} }}"""
        requests.post(f"{url}/update", data={"update": update}, timeout=10).raise_for_status()
        yield f"{url}/query"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.1)
    pytest.fail("oxigraph serve did not start")


@pytest.fixture(scope="module")
def dead_endpoint() -> str:
    return f"http://127.0.0.1:{free_port()}/query"  # nothing listens there


@pytest.fixture(scope="module")
def client(sample_site: LiveServer, remote: str, dead_endpoint: str) -> FlaskClient:
    """The sample data with federation on, the remote and a dead endpoint allowlisted."""
    settings = replace(sample_site.app.extensions["geokg.settings"], federation=True,
                       federation_endpoints=f"{remote}, {dead_endpoint}",
                       federation_max_rows=MAX_ROWS, federation_allow_loopback=True)
    return create_app(settings, store=sample_site.store).test_client()


def _post(client: FlaskClient, query: str) -> tuple[int, dict[str, object]]:
    response = client.post("/sparql", data={"query": query},
                           headers={"Accept": "application/sparql-results+json"})
    return response.status_code, response.get_json()


def _rows(body: dict[str, object]) -> list[dict[str, str]]:
    bindings = body["results"]["bindings"]  # type: ignore[index]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


def _leaders(site: LiveServer) -> str:
    return f"VALUES ?leader {{ <{site.url}/entity/vladimir-putin> <{site.url}/entity/emmanuel-macron> }}"


def test_bind_join_sends_our_values_and_joins_the_answers(
        client: FlaskClient, remote: str, sample_site: LiveServer) -> None:
    status, body = _post(client, PREFIXES + f"""SELECT DISTINCT ?leader ?born WHERE {{
        {_leaders(sample_site)} ?leader owl:sameAs ?wd .
        SERVICE <{remote}> {{ ?wd wdt:P569 ?born }} }} ORDER BY ?born""")
    assert status == 200, body
    assert [(r["leader"].rsplit("/", 1)[-1], r["born"]) for r in _rows(body)] == [
        ("vladimir-putin", "1952-10-07"), ("emmanuel-macron", "1977-12-21")]


def test_filters_before_the_service_still_apply(
        client: FlaskClient, remote: str, sample_site: LiveServer) -> None:
    status, body = _post(client, PREFIXES + f"""SELECT DISTINCT ?leader ?name WHERE {{
        {_leaders(sample_site)} ?leader owl:sameAs ?wd .
        FILTER(?born > "1960-01-01"^^xsd:date)
        SERVICE <{remote}> {{ ?wd wdt:P569 ?born ; rdfs:label ?name }} }}""")
    assert status == 200, body
    rows = body["results"]["bindings"]  # type: ignore[index]
    assert len(rows) == 1
    assert rows[0]["name"] == {"type": "literal", "value": "Emmanuel Macron", "xml:lang": "fr"}


def test_too_many_remote_solutions_are_a_502(client: FlaskClient, remote: str) -> None:
    status, body = _post(client, PREFIXES + f"SELECT * WHERE {{ SERVICE <{remote}> "
                                            "{ ?wd wdt:P569 ?born } }")
    assert status == 502
    assert body["type"].endswith("#remote-service") and str(MAX_ROWS) in body["detail"]


def test_silent_service_survives_a_dead_endpoint(client: FlaskClient, dead_endpoint: str) -> None:
    query = f'SELECT ?x WHERE {{ BIND("here" AS ?x) SERVICE SILENT <{dead_endpoint}> {{ ?s ?p ?o }} }}'
    status, body = _post(client, query)
    assert status == 200 and _rows(body) == [{"x": "here"}]
    status, body = _post(client, query.replace("SILENT ", ""))
    assert status == 502 and dead_endpoint in str(body["detail"])


@pytest.mark.parametrize(("service", "reason"), [
    ("<https://example.org/sparql>", "not on the allowlist"),
    ("?endpoint", "variable endpoint"),
])
def test_unlisted_or_variable_endpoints_are_refused(client: FlaskClient, service: str,
                                                    reason: str) -> None:
    status, body = _post(client, f"SELECT * WHERE {{ SERVICE {service} {{ ?s ?p ?o }} }}")
    assert status == 403 and reason in str(body["detail"])
    assert body["type"].endswith("#service-refused")


def test_federation_is_off_by_default(sample_site: LiveServer, remote: str) -> None:
    assert Settings().federation is False
    response = requests.post(f"{sample_site.url}/sparql",
                             data={"query": f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"},
                             timeout=10)
    assert response.status_code == 403
    assert "GEOKG_FEDERATION" in response.json()["detail"]


def test_service_in_strings_comments_and_names_is_not_a_clause(sample_site: LiveServer) -> None:
    """In strings, IRIs, variables and local names the word is no clause and the query runs;
    in a comment or a prefix name it could be one to some reader (where a comment starts
    is what the `ex:a\\#b` trick fooled), so the query is refused rather than guessed."""
    query = ('PREFIX ex: <http://example.org/service>\n'
             'SELECT ("SERVICE <http://a/> { }" AS ?text) ?service WHERE {\n'
             '  OPTIONAL { ?x ex:SERVICE <urn:service> } }')
    assert find_services(query) == []
    response = requests.post(f"{sample_site.url}/sparql", data={"query": query}, timeout=10)
    assert response.status_code == 200, response.text[:300]
    for query in ('SELECT * WHERE { # SERVICE <http://b/> { }\n ?s ?p ?o }',
                  'PREFIX service: <http://example.org/>\nASK { ?x service:a ?y }'):
        response = requests.post(f"{sample_site.url}/sparql", data={"query": query}, timeout=10)
        assert response.status_code == 403, response.text[:300]
        assert "read two ways" in response.json()["detail"]


def test_endpoint_given_as_prefixed_name_and_in_lower_case(client: FlaskClient, remote: str) -> None:
    base, _, local = remote.rpartition("/")
    clauses = find_services(f"PREFIX r: <{base}/>\nSELECT * {{ service silent r:{local} {{ ?s ?p ?o }} }}")
    assert [(c.endpoint, c.silent, c.body.strip()) for c in clauses] == [(remote, True, "?s ?p ?o")]


def test_loopback_needs_the_test_opt_in(client: FlaskClient, remote: str,
                                        sample_site: LiveServer) -> None:
    settings = replace(sample_site.app.extensions["geokg.settings"], federation=True,
                       federation_endpoints=remote)
    guarded = create_app(settings, store=sample_site.store).test_client()
    status, body = _post(guarded, f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}")
    assert status == 403 and "refused" in str(body["detail"])
