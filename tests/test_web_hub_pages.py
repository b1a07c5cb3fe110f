"""The figures of a hub's page (issue 19 goal 3): the statistics graph keeps them, the page
reads them while nothing was written since, and shows exact figures after every kind of
write (ingest, bulk ingest, article removal, SPARQL Update, reextract).

A store on disk with a few hundred generated articles around one hub (Vladimir Putin), the
real app over HTTP. GEOKG_HUB_EVENTS is low, so that the hub has kept figures. Every figure
a page must show is asked of the store over /sparql, never written into the test. Nothing
is timed; bench/pages.py measures the speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from geokg.pipeline.bulk import bulk_ingest
from geokg.pipeline.reextract import reextract
from geokg.web.state import PIPELINE_KEY
from support import GENERATED_BASE, PUTIN, LiveServer, hub_site, select

BASE = GENERATED_BASE
PAGE_SIZE = 7
TOKEN = "curator-token-for-tests-0123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"
GK = "https://w3id.org/geokg/ontology#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
ROLES = f"<{GK}participant> <{GK}addressee> <{GK}territory> <{GK}treaty> <{SEM}hasPlace>"
STATISTICS = f"{BASE}graph/statistics"
#: A figure no count of this store can reach: shown only if the page read it.
PLANTED = 987654


@pytest.fixture
def site(tmp_path: Path) -> Iterator[LiveServer]:
    with hub_site(tmp_path / "data", base_iri=BASE, page_size=PAGE_SIZE, description_page_size=25,
                  hub_events=20, write_token=TOKEN) as running:
        yield running


def counted(site: LiveServer) -> tuple[int, int]:
    """(events involving the hub, distinct statements about it), counted over /sparql."""
    events = select(site, f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        VALUES ?r {{ {ROLES} }} ?e ?r <{PUTIN}> }}""")[0]["n"]
    statements = select(site, f"""SELECT (COUNT(*) AS ?n) WHERE {{
        {{ SELECT DISTINCT ?p ?o WHERE {{ <{PUTIN}> ?p ?o }} }} UNION
        {{ SELECT DISTINCT ?s ?q WHERE {{ ?s ?q <{PUTIN}> }} }} }}""")[0]["n"]
    return int(events), int(statements)


def shown(site: LiveServer, page: int = 1) -> tuple[int, int]:
    """(events, statements) as the hub's HTML page states them."""
    response = requests.get(f"{site.url}/entity/vladimir-putin", params={"page": page},
                            headers={"Accept": BROWSER}, timeout=60)
    assert response.status_code == 200, response.text[:300]
    text = " ".join(response.text.split())
    events = re.search(r"([\d,]+) events? involves? Vladimir Putin", text)
    statements = re.search(r"([\d,]+) statements;", text)
    assert events and statements, text[:500]
    return int(events.group(1).replace(",", "")), int(statements.group(1).replace(",", ""))


def kept(site: LiveServer) -> int:
    """The hub's event count in the statistics graph."""
    rows = select(site, f"""SELECT ?n WHERE {{ GRAPH <{STATISTICS}> {{
        ?o <http://purl.org/linked-data/cube#dataSet> <{STATISTICS}#hub-figures> ;
           <{GK}actor> <{PUTIN}> ; <{GK}eventCount> ?n }} }}""")
    assert len(rows) == 1, rows
    return int(rows[0]["n"])


def refresh(site: LiveServer) -> None:
    site.app.extensions[PIPELINE_KEY].refresh_statistics()


def plant(site: LiveServer) -> None:
    """Change the hub's kept event count in the store itself, as no write of geokg does:
    the page shows it only while it trusts the statistics graph."""
    site.store.update(f"""PREFIX gk: <{GK}>
        DELETE {{ GRAPH <{STATISTICS}> {{ ?o gk:eventCount ?n }} }}
        INSERT {{ GRAPH <{STATISTICS}> {{ ?o gk:eventCount {PLANTED} }} }}
        WHERE {{ GRAPH <{STATISTICS}> {{
          ?o <http://purl.org/linked-data/cube#dataSet> <{STATISTICS}#hub-figures> ;
             gk:actor <{PUTIN}> ; gk:eventCount ?n }} }}""")


def test_the_statistics_graph_keeps_a_hubs_exact_figures_and_its_page_shows_them(
        site: LiveServer) -> None:
    events, statements = counted(site)
    assert events > 10 * PAGE_SIZE, "the generator should make Putin a hub"
    assert kept(site) == events
    assert shown(site) == (events, statements) == shown(site, 3)


def test_while_nothing_was_written_the_page_reads_the_kept_figures(site: LiveServer) -> None:
    """What makes a hub's page cheap: it does not count every copy of the hub."""
    plant(site)
    assert shown(site)[0] == PLANTED


def test_a_store_no_write_of_geokg_stamped_gets_its_token_from_the_refresh(
        site: LiveServer) -> None:
    """A bulk-loaded store holds no token until its first write: the refresh gives it one,
    or its hubs' pages would count live until then."""
    site.store.remove_graph(f"{BASE}graph/revision")
    refresh(site)
    plant(site)
    assert shown(site)[0] == PLANTED


def test_after_an_ingest_the_page_counts_again(site: LiveServer) -> None:
    before = counted(site)
    plant(site)
    response = requests.post(f"{site.url}/articles", timeout=60, json={
        "text": "Putin telefonierte am Montag mit Macron. Putin traf am Dienstag Erdogan in Ankara.",
        "lang": "de", "published": "2026-03-03"})
    assert response.status_code == 201, response.text
    after = counted(site)
    assert after != before, "the article should add events or statements about Putin"
    assert shown(site) == after
    refresh(site)  # its observations of the hub are statements about it too: count again
    assert kept(site) == after[0] and shown(site) == counted(site)


def test_after_a_bulk_ingest_the_page_counts_again(site: LiveServer, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "call.txt").write_text("Putin telefonierte am Montag mit Scholz.", encoding="utf-8")
    plant(site)
    summary = bulk_ingest(site.app.extensions[PIPELINE_KEY], [folder])
    assert summary.accepted == 1
    assert shown(site) == counted(site)


def only_report_of_an_event_of_the_hub(site: LiveServer) -> str:
    """An article that is the only one reporting one of the hub's events: removing it
    removes the event."""
    rows = select(site, f"""SELECT ?a WHERE {{
        {{ SELECT ?e (MIN(STR(?g)) AS ?a) (COUNT(DISTINCT ?g) AS ?n) WHERE {{
            GRAPH ?g {{ ?e <{GK}participant> <{PUTIN}> ; a <{GK}Call> }} }} GROUP BY ?e }}
        FILTER(?n = 1) }} LIMIT 1""")
    assert rows, "the generator should make events reported once"
    return rows[0]["a"]


def events_only_reported_by(site: LiveServer, article: str) -> int:
    """How many of the hub's events the article is the only report of: its removal removes
    them all (the generated data decides how many)."""
    roles = f"VALUES ?r {{ {ROLES} }}"
    rows = select(site, f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        GRAPH <{article}> {{ {roles} ?e ?r <{PUTIN}> }}
        FILTER NOT EXISTS {{ GRAPH ?other {{ ?e ?r2 <{PUTIN}> }} FILTER(?other != <{article}>) }} }}""")
    return int(rows[0]["n"])


def test_after_an_article_is_removed_the_page_counts_again(site: LiveServer) -> None:
    article = only_report_of_an_event_of_the_hub(site)
    gone = events_only_reported_by(site, article)
    assert gone >= 1
    before = counted(site)
    plant(site)
    response = requests.delete(f"{site.url}/articles/{article.rsplit('/', 1)[1]}",
                               headers=AUTH, timeout=60)
    assert response.status_code in (200, 204), response.text
    after = counted(site)
    assert after[0] == before[0] - gone
    assert shown(site) == after
    refresh(site)  # its observations of the hub are statements about it too: count again
    assert kept(site) == after[0] and shown(site) == counted(site)


def test_after_a_curation_edit_the_page_counts_again(site: LiveServer) -> None:
    article = only_report_of_an_event_of_the_hub(site)
    before = counted(site)
    plant(site)
    response = requests.post(f"{site.url}/update", headers=AUTH, timeout=60, data={
        "update": f"""INSERT DATA {{ GRAPH <{article}> {{
                      <{PUTIN}> <http://www.w3.org/2000/01/rdf-schema#comment> "curated" }} }}"""})
    assert response.status_code in (200, 204), response.text
    after = counted(site)
    assert after == (before[0], before[1] + 1)
    assert shown(site) == after
    refresh(site)
    assert kept(site) == after[0] and shown(site) == counted(site)


def test_after_reextract_the_page_shows_the_new_figures(site: LiveServer) -> None:
    plant(site)
    summary = reextract(site.app.extensions[PIPELINE_KEY], everything=True, limit=40)
    assert summary.reread, summary.failed
    after = counted(site)
    assert kept(site) == after[0]  # reextract refreshes the statistics at its end
    assert shown(site) == after


def starts(site: LiveServer) -> dict[str, str]:
    """Each of the hub's events with the start that orders it (the latest, if several)."""
    rows = select(site, f"""SELECT ?e (MAX(?b) AS ?d) WHERE {{ VALUES ?r {{ {ROLES} }}
        ?e ?r <{PUTIN}> . OPTIONAL {{ ?e <{SEM}hasEarliestBeginTimeStamp> ?b }} }} GROUP BY ?e""")
    return {r["e"]: r.get("d", "") for r in rows}


def timeline(site: LiveServer, page: int) -> list[str]:
    response = requests.get(f"{site.url}/entity/vladimir-putin", params={"page": page},
                            headers={"Accept": BROWSER}, timeout=60)
    assert response.status_code == 200
    text = response.text
    if '<ol class="timeline">' not in text:
        return []
    part = text[text.index('<ol class="timeline">'):text.index("</ol>")]
    return [BASE + e.lstrip("/") for e in re.findall(r'<a class="event-link" href="([^"]+)"', part)]


def test_every_page_of_a_hubs_timeline_holds_the_right_events_newest_pages_first(
        site: LiveServer) -> None:
    dates = starts(site)
    assert len(dates) == counted(site)[0] > 10 * PAGE_SIZE
    newest_first = sorted((d for d in dates.values() if d), reverse=True) + \
        [d for d in dates.values() if not d]
    pages = -(-len(dates) // PAGE_SIZE)
    seen: list[str] = []
    for number in range(1, pages + 1):
        listed = timeline(site, number)
        expected = newest_first[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
        # the page's events are those of its slice of the newest-first order (events of the
        # same day may swap across a page's edge: compare their days)
        assert sorted(dates[e] for e in listed) == sorted(expected), number
        seen += listed
    assert len(seen) == len(set(seen)) == len(dates)


@pytest.mark.parametrize("how", ["update", "graph-store"])
def test_a_write_that_forges_the_revision_token_does_not_make_stale_figures_trusted(
        site: LiveServer, how: str) -> None:
    """An attacker with the write token copies the token the figures were counted at back
    into the revision graph (with a change to the hub, or alone): the write's own new token
    wins, and the page counts live."""
    revision = f"{BASE}graph/revision"
    token = select(site, f"SELECT ?t WHERE {{ GRAPH <{revision}> {{ ?s ?p ?t }} }}")[0]["t"]
    forged = f'<{revision}> <{GK}revision> "{token}" .'
    plant(site)
    added = f"<{PUTIN}> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://example.org/forged> ."
    if how == "update":
        response = requests.post(f"{site.url}/update", headers=AUTH, timeout=60, data={
            "update": f"INSERT DATA {{ GRAPH <{BASE}graph/forged> {{ {added} }} "
                      f"GRAPH <{revision}> {{ {forged} }} }}"})
    else:
        response = requests.put(f"{site.url}/store", params={"graph": revision}, headers={
            **AUTH, "Content-Type": "application/n-triples"}, data=forged.encode(), timeout=60)
    assert response.status_code in (200, 201, 204), response.text
    assert select(site, f"SELECT ?t WHERE {{ GRAPH <{revision}> {{ ?s ?p ?t }} }}") != [{"t": token}]
    assert shown(site)[0] != PLANTED
    assert shown(site) == counted(site)
