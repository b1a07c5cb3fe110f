"""Paging of the pages that list things (issue 14): an entity's timeline, an event's
reports, a resource's description (RDF, LDP Paging style) and /articles.

The store holds a few hundred generated articles (bench/generate.py, the real graph
builder's entity copies) in which one hub, Vladimir Putin, takes part in most events and one
event is reported by dozens of articles: what made the hub's page time out. Page sizes are
small and odd, so a few hundred events make many pages and an off-by-one shows. What each
page must hold is asked of the store over /sparql, never written into the test. Nothing here
is timed; bench/pages.py measures the speed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from geokg.config import Settings
from geokg.pipeline.statistics import refresh_statistics
from geokg.vocab import GK
from geokg.web import create_app
from geokg.web.state import PIPELINE_KEY
from support import GENERATED_BASE, PUTIN, LiveServer, hub_store, select, serving

BASE = GENERATED_BASE
PAGE_SIZE = 7
STATEMENTS_PER_PAGE = 25
EXPORT_PER_PAGE = 41
BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"
ROLES = f"<{GK}participant> <{GK}addressee> <{GK}territory> <{GK}treaty> " \
        "<http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace>"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
NEXT = re.compile(r'<a rel="next" href="([^"]+)"')


@pytest.fixture(scope="module")
def hub_site() -> Iterator[LiveServer]:
    store = hub_store(250, seed=11, hot_reports=40)
    settings = Settings(store="memory", base_iri=BASE, page_size=PAGE_SIZE,
                        description_page_size=STATEMENTS_PER_PAGE, export_page_size=EXPORT_PER_PAGE,
                        hub_events=20)  # Putin's page reads its kept figures
    app = create_app(settings, store=store)
    try:
        with serving(app) as url:
            yield LiveServer(url, store, app)
    finally:
        store.close()


def get(site: LiveServer, path: str, accept: str = BROWSER, **kwargs: object) -> requests.Response:
    return requests.get(site.url + path, headers={"Accept": accept}, timeout=60,
                        **kwargs)  # type: ignore[arg-type]


def events_of(site: LiveServer, entity: str) -> set[str]:
    rows = select(site, f"SELECT DISTINCT ?e WHERE {{ VALUES ?r {{ {ROLES} }} ?e ?r <{entity}> }}")
    return {r["e"] for r in rows}


def timeline_events(page: str) -> list[str]:
    """The event pages a timeline links to, in page order (none on a page past its end: the
    page goes on with the resource's other lists)."""
    if '<ol class="timeline">' not in page:
        return []
    timeline = page[page.index('<ol class="timeline">'):page.index("</ol>")]
    return re.findall(r'<a class="event-link" href="([^"]+)"', timeline)


def walk(site: LiveServer, path: str, accept: str = BROWSER) -> list[requests.Response]:
    """Every page from `path` on, following the rel="next" links of the HTML."""
    pages = []
    while path:
        response = get(site, path, accept)
        assert response.status_code == 200, (path, response.text[:300])
        pages.append(response)
        found = NEXT.search(response.text)
        path = found.group(1).replace("&amp;", "&") if found else ""
        assert len(pages) < 200, "the next links never end"
    return pages


# --- an entity's timeline -------------------------------------------------------------

def test_a_hub_shows_one_page_of_events_its_count_and_a_next_link(hub_site: LiveServer) -> None:
    expected = events_of(hub_site, PUTIN)
    assert len(expected) > 10 * PAGE_SIZE, "the generator should make Putin a hub"
    page = get(hub_site, "/entity/vladimir-putin").text
    assert len(timeline_events(page)) == PAGE_SIZE
    assert f"{len(expected):,} events involve Vladimir Putin;" in " ".join(page.split())
    assert NEXT.search(page).group(1) == "/entity/vladimir-putin?page=2"  # type: ignore[union-attr]
    assert 'rel="prev"' not in page


def test_following_next_links_reaches_every_event_once_newest_pages_first(
        hub_site: LiveServer) -> None:
    every = walk(hub_site, "/entity/vladimir-putin")
    pages = [p for p in every if timeline_events(p.text)]
    seen = [e for p in pages for e in timeline_events(p.text)]
    expected = events_of(hub_site, PUTIN)
    assert len(seen) == len(set(seen)) == len(expected)
    assert {BASE + e.lstrip("/") for e in seen} == expected
    assert pages == every[:len(pages)] and len(pages) == -(-len(expected) // PAGE_SIZE)
    assert "this page lists none of them" in every[-1].text or every[-1] is pages[-1]
    assert 'rel="prev" href="/entity/vladimir-putin?page=' in every[-1].text
    starts = {r["e"]: r["d"] for r in select(hub_site, f"""SELECT ?e (MIN(?b) AS ?d) WHERE {{
        VALUES ?r {{ {ROLES} }} ?e ?r <{PUTIN}> ;
        <http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?b }} GROUP BY ?e""")}
    newest_per_page = [max(starts[BASE + e.lstrip("/")] for e in timeline_events(p.text))
                       for p in pages[:-1]]
    oldest_per_page = [min(starts[BASE + e.lstrip("/")] for e in timeline_events(p.text))
                       for p in pages[:-1]]
    # Page 1 holds the most recent events; each page is older than the one before it.
    assert all(old >= new for old, new in zip(oldest_per_page, newest_per_page[1:], strict=False))


def test_a_page_past_the_end_is_404_naming_the_last_page(hub_site: LiveServer) -> None:
    statements = len(statements_about(hub_site, PUTIN)) + _literal_count(hub_site, PUTIN)
    # The HTML page has as many pages as its longest list (here the statements, 7 a page);
    # the RDF description is paged by GEOKG_DESCRIPTION_PAGE_SIZE.
    for accept, size in ((BROWSER, PAGE_SIZE), ("text/turtle", STATEMENTS_PER_PAGE)):
        last = -(-statements // size)
        assert get(hub_site, f"/entity/vladimir-putin?page={last}", accept).status_code == 200
        response = get(hub_site, f"/entity/vladimir-putin?page={last + 1}", accept)
        assert response.status_code == 404, accept
        assert f"page {last + 1} is past the last page ({last})" in response.text
    problem = get(hub_site, "/entity/vladimir-putin.nt?page=999", "application/n-triples")
    assert problem.headers["Content-Type"] == "application/problem+json"
    assert problem.json()["last_page"] == -(-statements // STATEMENTS_PER_PAGE)


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "", " 2", "1e3", "0x10", "２",
                                   "99999999999999999999"])
def test_a_page_that_is_no_whole_number_from_1_is_400(hub_site: LiveServer, value: str) -> None:
    for path in ("/entity/vladimir-putin", "/entity/vladimir-putin.ttl"):
        response = get(hub_site, path, "application/json", params={"page": value})
        assert response.status_code == 400, (path, value)
        assert response.headers["Content-Type"] == "application/problem+json"
        assert "'page' must be a whole number" in response.json()["detail"]


# --- an event's reports ---------------------------------------------------------------

def most_reported(site: LiveServer) -> tuple[str, set[str]]:
    event = select(site, f"""SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?e <{GK}evidence> ?s }}
        GROUP BY ?e ORDER BY DESC(?n) LIMIT 1""")[0]["e"]
    sentences = select(site, f"SELECT DISTINCT ?t WHERE {{ <{event}> <{GK}evidence> ?s . "
                             f"?s <{NIF}anchorOf> ?t }}")
    return event, {r["t"] for r in sentences}


def test_an_event_lists_its_reports_page_by_page(hub_site: LiveServer) -> None:
    event, texts = most_reported(hub_site)
    reports = int(select(hub_site, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ <{event}> "
                                   f"<{GK}evidence> ?s }}")[0]["n"])
    assert reports > 3 * PAGE_SIZE, "the generator should report one event many times"
    evidence = re.compile(r'<blockquote class="evidence">\s*<p><a href="[^"]*">([^<]*)</a>')
    every = walk(hub_site, "/" + event.removeprefix(BASE))  # reports, then statements
    pages = [p for p in every if evidence.search(p.text)]
    quotes = [html.unescape(q) for p in pages for q in evidence.findall(p.text)]
    assert len(quotes) == reports and pages == every[:len(pages)]
    assert len(pages) == -(-reports // PAGE_SIZE)
    assert set(quotes) <= texts
    assert f"{reports:,} reports; shown are reports 1 to {PAGE_SIZE}," in " ".join(pages[0].text.split())


def test_a_timeline_shows_a_few_reports_of_an_event_and_links_to_all(
        hub_site: LiveServer) -> None:
    event, _ = most_reported(hub_site)
    involved = select(hub_site, f"SELECT ?x WHERE {{ <{event}> <{GK}participant> ?x }} LIMIT 1")[0]["x"]
    path = "/" + involved.removeprefix(BASE)
    for page in walk(hub_site, path):
        item = re.search(rf'href="/{re.escape(event.removeprefix(BASE))}">event page</a>.*?</article>',
                         page.text, flags=re.S)
        if item:
            assert item.group(0).count('<blockquote class="evidence">') == 3
            assert re.search(r'reports in all</a>', item.group(0))
            return
    pytest.fail("the most-reported event is on no page of its participant's timeline")


# --- descriptions in RDF --------------------------------------------------------------

def statements_about(site: LiveServer, iri: str) -> set[tuple[str, str, str]]:
    out = select(site, f"SELECT DISTINCT ?p ?o WHERE {{ <{iri}> ?p ?o FILTER(!isLiteral(?o)) }}")
    into = select(site, f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{iri}> }}")
    return ({(iri, r["p"], r["o"]) for r in out} | {(r["s"], r["p"], iri) for r in into})


def test_a_long_description_is_served_in_linked_pages(hub_site: LiveServer) -> None:
    first = get(hub_site, "/entity/vladimir-putin.ttl", "text/turtle", allow_redirects=False)
    assert first.status_code == 303 and first.headers["Location"] == "/entity/vladimir-putin.ttl?page=1"
    negotiated = get(hub_site, "/entity/vladimir-putin", "text/turtle", allow_redirects=False)
    assert negotiated.status_code == 303
    assert negotiated.headers["Location"] == "/entity/vladimir-putin?page=1"
    node = URIRef(PUTIN)
    seen: list[tuple[str, str, str]] = []
    path: str | None = "/entity/vladimir-putin.ttl?page=1"
    pages = 0
    while path:
        response = get(hub_site, path, "text/turtle")
        assert response.status_code == 200
        assert '<http://www.w3.org/ns/ldp#Page>; rel="type"' in response.headers["Link"]
        graph = Graph().parse(data=response.text, format="turtle")
        seen += [(str(s), str(p), str(o)) for s, p, o in graph
                 if (s == node or o == node) and not isinstance(o, Literal)]
        links = {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"',
                                                     response.headers["Link"])}
        path = links.get("next")
        pages += 1
        assert pages < 100
    expected = statements_about(hub_site, PUTIN)
    assert len(seen) == len(set(seen)) and set(seen) == expected  # each on one page
    assert pages == -(-(len(expected) + _literal_count(hub_site, PUTIN)) // STATEMENTS_PER_PAGE)
    past = get(hub_site, f"/entity/vladimir-putin.ttl?page={pages + 1}", "text/turtle")
    assert past.status_code == 404 and "past the last page" in past.json()["detail"]


def _literal_count(site: LiveServer, iri: str) -> int:
    return int(select(site, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?p ?o WHERE {{ "
                            f"<{iri}> ?p ?o FILTER(isLiteral(?o)) }} }}")[0]["n"])


def test_a_short_description_is_one_complete_answer(hub_site: LiveServer) -> None:
    article = select(hub_site, f"SELECT ?a WHERE {{ ?a a <{GK}Article> }} LIMIT 1")[0]["a"]
    response = get(hub_site, "/" + article.removeprefix(BASE) + ".nt", "application/n-triples",
                   allow_redirects=False)
    assert response.status_code == 200 and 'rel="next"' not in response.headers["Link"]
    graph = Graph().parse(data=response.text, format="nt")
    assert statements_about(hub_site, article) <= {(str(s), str(p), str(o)) for s, p, o in graph}


# --- /articles ------------------------------------------------------------------------

def test_articles_pages_reach_every_article_once_newest_first(hub_site: LiveServer) -> None:
    total = int(select(hub_site, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a <{GK}Article> }}")
                [0]["n"])
    seen: list[dict[str, object]] = []
    path: str | None = "/articles?limit=23"
    while path:
        body = get(hub_site, path, "application/json").json()
        assert body["total"] == total
        seen += body["articles"]
        path = body.get("next")
    assert len(seen) == total and len({a["iri"] for a in seen}) == total
    days = [str(a["published"]) for a in seen]
    assert days == sorted(days, reverse=True)


def test_articles_past_the_end_is_an_empty_page_without_next(hub_site: LiveServer) -> None:
    body = get(hub_site, "/articles?offset=100000&limit=5", "application/json").json()
    assert body["articles"] == [] and "next" not in body and body["total"] > 0
    for bad in ("offset=-1", "limit=0", "limit=abc", "offset=1.5"):
        response = get(hub_site, f"/articles?{bad}", "application/json")
        assert response.status_code == 400 and ("offset" in bad) == ("'offset'" in response.text)


# --- exports and the map --------------------------------------------------------------

def test_the_events_export_comes_in_linked_pages_holding_every_event_once(
        hub_site: LiveServer) -> None:
    stored = {r["e"] for r in select(hub_site, f"""SELECT DISTINCT ?e WHERE {{ VALUES ?t {{
        <{GK}Call> <{GK}Meeting> <{GK}Demand> <{GK}TerritorialClaim> <{GK}Agreement>
        <{GK}Support> }} ?e a ?t }}""")}
    seen: list[str] = []
    path: str | None = "/export/events.jsonld"
    pages = 0
    while path:
        response = get(hub_site, path, "application/ld+json")
        assert response.status_code == 200
        seen += [node["@id"] for node in response.json()["@graph"]]
        links = {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"',
                                                     response.headers.get("Link", ""))}
        path = links.get("next")
        pages += 1
    assert len(seen) == len(set(seen)) and set(seen) == stored
    assert pages == -(-len(stored) // EXPORT_PER_PAGE) > 1
    past = get(hub_site, f"/export/events.jsonld?page={pages + 1}", "application/json")
    assert past.status_code == 404 and f"last page ({pages})" in past.json()["detail"]
    assert get(hub_site, "/export/events.jsonld?page=x", "application/json").status_code == 400


def test_the_most_reported_event_exports_every_reporting_article(hub_site: LiveServer) -> None:
    event, _ = most_reported(hub_site)
    articles = {r["a"] for r in select(hub_site, f"SELECT DISTINCT ?a WHERE {{ <{event}> "
                                                 "<http://www.w3.org/ns/prov#wasDerivedFrom> ?a }")}
    node = get(hub_site, "/export/events.jsonld", "application/ld+json",
               params={"iri": event}).json()["@graph"][0]
    assert set(node["subjectOf"]) == articles and "Vladimir Putin" in node["name"]


def test_the_map_counts_each_event_once_however_many_articles_report_it(
        hub_site: LiveServer) -> None:
    rows = select(hub_site, """SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> ?p } GROUP BY ?p""")
    answer = get(hub_site, "/map/points.json", "application/json").json()
    points = {p["iri"]: p for p in answer["points"]}
    counted = [r for r in rows if r["p"] in points]
    assert counted and all(points[r["p"]]["events"] == int(r["n"]) for r in counted)


def test_an_article_just_stored_is_listed_before_the_statistics_refresh(tmp_path: Path) -> None:
    """/articles finds its months from the statistics graph; an article of a month it does not
    count yet (the refresh comes GEOKG_STATISTICS_DELAY later) was missing from every page."""
    settings = Settings(store="memory", statistics_delay=3600)
    app = create_app(settings)
    pipeline = app.extensions[PIPELINE_KEY]
    try:  # (a served memory store lives in an engine process of its own: closed at the end)
        client = app.test_client()
        first = client.post("/articles", json={"text": "Scholz telefonierte am Montag mit Macron.",
                                               "published": "2024-05-06"})
        assert first.status_code == 201, first.text
        refresh_statistics(pipeline.store, pipeline.mint)  # counts May 2024 only
        second = client.post("/articles", json={"text": "Lula traf am Dienstag Xi in Peking.",
                                                "published": "2025-02-04"})
        assert second.status_code == 201, second.text
        listed = client.get("/articles", query_string={"limit": 10}).json
        assert {a["iri"] for a in listed["articles"]} == {first.json["iri"], second.json["iri"]}
        assert listed["total"] == 2
    finally:
        pipeline.store.close()
