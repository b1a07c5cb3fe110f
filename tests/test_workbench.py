"""The query page, its assets, the pictures, the map and the schema.org export, over real
HTTP against the sample articles in a real store (answers checked with independent SPARQL)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from geokg.vocab import SCHEMA, WD
from geokg.web import workbench
from geokg.web.workbench import QUERIES_DIR, examples, question_of
from support import LiveServer

GK = "https://w3id.org/geokg/ontology#"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def _page(site: LiveServer, path: str, **params: str) -> _Tags:
    response = requests.get(site.url + path, params=params, headers={"Accept": "text/html"},
                            timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/html")
    tags = _Tags()
    tags.feed(response.text)
    return tags


def test_question_comment_with_continuation_lines() -> None:
    text = ("# Question: Who met whom\n#   in a given month?\n# Frage: Wer traf wen?\n"
            "PREFIX gk: <x>\nSELECT * {}\n")
    assert question_of(text) == "Who met whom in a given month?"
    assert question_of("SELECT * {}") is None


def test_examples_are_read_from_the_folder_at_request_time(tmp_path: Path) -> None:
    (tmp_path / "b-second.rq").write_text("# Question: Second?\nASK {}\n", encoding="utf-8")
    (tmp_path / "a-first.rq").write_text("ASK {}\n", encoding="utf-8")
    found = examples(tmp_path)
    assert [(e.name, e.question) for e in found] == [("a-first", "a first"), ("b-second", "Second?")]
    (tmp_path / "c-third.rq").write_text("# Question: Third?\nASK {}\n", encoding="utf-8")
    assert len(examples(tmp_path)) == 3


def test_query_page_offers_every_competency_query(sample_site: LiveServer) -> None:
    tags = _page(sample_site, "/")
    buttons = [a for t, a in tags.tags if t == "button" and "wb-example" in (a.get("class") or "")]
    files = sorted(QUERIES_DIR.glob("*.rq"))
    assert len(buttons) == len(files) > 0
    for button, path in zip(buttons, files, strict=True):
        text = path.read_text(encoding="utf-8")
        assert button["data-query"] == text
        assert button["data-name"] == path.stem


def test_query_page_has_no_inline_script_and_only_local_assets(sample_site: LiveServer) -> None:
    tags = _page(sample_site, "/")
    assert tags.inline_scripts == []
    assets = [a.get("src") or a.get("href") for t, a in tags.tags
              if t == "script" or (t == "link" and a.get("rel") == "stylesheet")]
    assert any(str(a).endswith("vendor/yasgui/yasgui.min.js") for a in assets)
    for asset in assets:
        assert str(asset).startswith("/"), f"{asset} is not served by this server"
        response = requests.get(sample_site.url + str(asset), timeout=30)
        assert response.status_code == 200 and len(response.content) > 100


def test_pages_say_how_to_get_missing_browser_libraries(client: FlaskClient, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A geokg built where npm was missing has no vendor/ folder: the pages say so and how to
    fix it, instead of showing an empty editor or map."""
    for path in ("/", "/map"):
        assert "scripts/setup" not in client.get(path).get_data(as_text=True)
    monkeypatch.setattr(workbench, "VENDOR_DIR", tmp_path)
    query_page = client.get("/").get_data(as_text=True)
    assert "The query editor cannot be shown" in query_page
    assert "scripts/setup" in query_page and "npm ci" in query_page
    assert "The map cannot be shown" in client.get("/map").get_data(as_text=True)


def test_shared_link_fills_the_editor(sample_site: LiveServer) -> None:
    query = 'SELECT * WHERE { ?s ?p "<b>&" }'
    tags = _page(sample_site, "/", query=query)
    workbench = next(a for t, a in tags.tags if a.get("id") == "workbench")
    assert workbench["data-initial-query"] == query
    assert workbench["data-base-iri"] == sample_site.url + "/"


def test_completion_data(sample_site: LiveServer) -> None:
    prefixes = requests.get(f"{sample_site.url}/workbench/prefixes.json", timeout=10).json()
    assert prefixes["gk"] == GK and prefixes["gkf"] == "https://w3id.org/geokg/function#"
    terms = requests.get(f"{sample_site.url}/workbench/terms.json", timeout=10).json()
    assert GK + "Call" in terms["classes"] and GK + "participant" in terms["properties"]
    assert "http://www.w3.org/2000/01/rdf-schema#label" in terms["properties"]


def _select(site: LiveServer, query: str) -> list[dict[str, str]]:
    response = requests.post(f"{site.url}/sparql", data={"query": query},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_timeline_draws_every_dated_event_of_a_leader(sample_site: LiveServer) -> None:
    putin = f"{sample_site.url}/entity/vladimir-putin"
    expected = _select(sample_site, f"""PREFIX gk: <{GK}>
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        SELECT DISTINCT ?ev WHERE {{ ?ev ?role <{putin}> ; sem:hasEarliestBeginTimeStamp ?d }}""")
    response = requests.get(f"{sample_site.url}/pictures/timeline", params={"iri": putin},
                            timeout=30)
    assert response.status_code == 200
    links = set(re.findall(r'<a href="([^"]+)" class="wb-event">', response.text))
    assert links == {e["ev"].removeprefix(sample_site.url) for e in expected}
    assert len(links) > 3 and "<svg" in response.text


def test_network_of_a_state_includes_its_leaders_contacts(sample_site: LiveServer) -> None:
    russia = f"{sample_site.url}/entity/russia"
    putin = f"{sample_site.url}/entity/vladimir-putin"
    response = requests.get(f"{sample_site.url}/pictures/network", params={"iri": "/entity/russia"},
                            timeout=30)
    assert response.status_code == 200
    contacts = set(re.findall(r'<a href="([^"]+)" class="wb-contact">', response.text))
    called = _select(sample_site, f"""PREFIX gk: <{GK}>
        SELECT DISTINCT ?other WHERE {{ ?ev a gk:Call ; gk:participant <{putin}>, ?other
        FILTER(?other != <{putin}>) }}""")
    assert called, "the samples report calls of Putin"
    assert {c["other"].removeprefix(sample_site.url) for c in called} <= contacts
    assert "/entity/vladimir-putin" not in contacts, "a state's own leader is not its contact"
    assert russia.removeprefix(sample_site.url) not in contacts


@pytest.mark.parametrize("iri", ["", "russia", "http://x/<script>", "javascript:alert(1)"])
def test_pictures_refuse_what_is_not_an_iri(sample_site: LiveServer, iri: str) -> None:
    response = requests.get(f"{sample_site.url}/pictures/network", params={"iri": iri}, timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"


def test_entity_page_loads_the_pictures_script(sample_site: LiveServer) -> None:
    tags = _page(sample_site, "/entity/vladimir-putin")
    assert any(t == "script" and str(a.get("src")).endswith("/pictures.js") for t, a in tags.tags)
    assert any(a.get("id") == "geokg-pictures" for _, a in tags.tags)


def test_map_points_are_places_of_events_and_claims(sample_site: LiveServer) -> None:
    points = requests.get(f"{sample_site.url}/map/points.json", timeout=30).json()["points"]
    claimed = _select(sample_site, f"""PREFIX gk: <{GK}>
        PREFIX geo: <http://www.opengis.net/ont/geosparql#>
        SELECT DISTINCT ?t WHERE {{ ?c a gk:TerritorialClaim ; gk:territory ?t .
        ?t geo:hasGeometry/geo:asWKT ?w }}""")
    by_iri = {p["iri"]: p for p in points}
    assert claimed and all(by_iri[c["t"]]["claims"] > 0 for c in claimed)
    for point in points:
        assert -180 <= point["lon"] <= 180 and -90 <= point["lat"] <= 90
        assert point["events"] + point["claims"] > 0
        assert point["href"].startswith("/entity/")
    table = requests.get(f"{sample_site.url}/map", timeout=30).text
    assert table.count("<tr><td><a href=") == len(points)


def _jsonld(site: LiveServer, path: str, **params: str) -> Graph:
    response = requests.get(site.url + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/ld+json"
    return Graph().parse(data=response.text, format="json-ld")


def test_entities_export_in_schema_org(sample_site: LiveServer) -> None:
    graph = _jsonld(sample_site, "/export/entities.jsonld")
    russia = URIRef(f"{sample_site.url}/entity/russia")
    putin = URIRef(f"{sample_site.url}/entity/vladimir-putin")
    assert (russia, RDF.type, SCHEMA.Country) in graph
    assert (russia, SCHEMA.sameAs, WD.Q159) in graph
    assert (putin, RDF.type, SCHEMA.Person) in graph
    names = {str(n) for n in graph.objects(russia, SCHEMA.name)}
    assert names == {"Russia", "Russland"}
    assert graph.value(russia, SCHEMA.geo) is not None
    assert (russia, OWL.sameAs, None) not in graph  # schema.org terms only, no OWL


def test_events_export_in_schema_org(sample_site: LiveServer) -> None:
    graph = _jsonld(sample_site, "/export/events.jsonld")
    events = set(graph.subjects(RDF.type, SCHEMA.Event))
    stored = _select(sample_site, f"""PREFIX gk: <{GK}> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        VALUES ?t {{ gk:Call gk:Meeting gk:Demand gk:TerritorialClaim gk:Agreement gk:Support }}
        ?e a ?t }}""")
    assert len(events) == int(stored[0]["n"]) > 0
    for event in events:
        assert graph.value(event, SCHEMA.name) is not None
        assert list(graph.objects(event, SCHEMA.actor))
        assert list(graph.objects(event, SCHEMA.subjectOf))
    one = next(iter(events))
    single = _jsonld(sample_site, "/export/events.jsonld", iri=str(one))
    assert set(single.subjects(RDF.type, SCHEMA.Event)) == {one}


def test_export_refuses_a_bad_iri(sample_site: LiveServer) -> None:
    response = requests.get(f"{sample_site.url}/export/entities.jsonld",
                            params={"iri": "http://x/> } DROP ALL"}, timeout=10)
    assert response.status_code == 400
    assert "not an IRI" in response.json()["detail"]
