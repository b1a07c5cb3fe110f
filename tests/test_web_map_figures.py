"""The map's figures (issue 14 audit): the statistics graph keeps the counts of the map, which
read every event of the archive; the map reads them while nothing was written since, and
counts live otherwise, showing the same points either way.

A store on disk with a few hundred generated articles (events with places, claims with
territories and claimants), the real app over HTTP. What the map must show is counted live
by `map_points` without the statistics graph, never written into the test. Nothing is
timed; bench/map_page.py measures the speed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from geokg.web.pictures import kept_map_figures, map_points
from geokg.web.state import PIPELINE_KEY
from support import GENERATED_BASE, LiveServer, hub_site

BASE = GENERATED_BASE
TOKEN = "curator-token-for-tests-0123"
GK = "https://w3id.org/geokg/ontology#"
QB = "http://purl.org/linked-data/cube#"
STATISTICS = f"{BASE}graph/statistics"
REVISION = f"{BASE}graph/revision"
GAZETTEER = f"{BASE}graph/gazetteer"
#: A figure no count of this store can reach: shown only if the map read it.
PLANTED = 987654


@pytest.fixture
def site(tmp_path: Path) -> Iterator[LiveServer]:
    with hub_site(tmp_path / "data", base_iri=BASE, write_token=TOKEN) as running:
        yield running


def shown(site: LiveServer) -> list[dict[str, Any]]:
    response = requests.get(f"{site.url}/map/points.json", timeout=60)
    assert response.status_code == 200, response.text[:300]
    return [{k: v for k, v in p.items() if k != "href"} for p in response.json()["points"]]


def counted(site: LiveServer) -> list[dict[str, Any]]:
    """The points as the map counts them over every event, without the statistics graph."""
    return [p.to_json() for p in map_points(site.store, GAZETTEER)]


def plant(site: LiveServer) -> None:
    """Change a kept count in the store itself, as no write of geokg does: the map shows
    it only while it trusts the statistics graph."""
    site.store.update(f"""PREFIX gk: <{GK}>
        DELETE {{ GRAPH <{STATISTICS}> {{ ?o gk:eventCount ?n }} }}
        INSERT {{ GRAPH <{STATISTICS}> {{ ?o gk:eventCount {PLANTED} }} }}
        WHERE {{ GRAPH <{STATISTICS}> {{ ?o <{QB}dataSet> <{STATISTICS}#map-figures> ;
          gk:eventCount ?n }} }}""")


def test_the_kept_figures_are_what_the_map_counts_and_the_map_reads_them(
        site: LiveServer) -> None:
    live = counted(site)
    assert sum(p["events"] for p in live) > 50 and any(p["claimants"] for p in live), \
        "the generator should give events places and claims claimants"
    counts, claimants = kept_map_figures(site.store, STATISTICS, REVISION)
    assert counts and claimants, "the refresh should keep the map's figures"
    assert shown(site) == live
    html = requests.get(f"{site.url}/map", timeout=60).text
    assert live[0]["label"] in html


def test_while_nothing_was_written_the_map_reads_the_kept_figures(site: LiveServer) -> None:
    """What makes the map cheap: it does not count every event of the archive."""
    plant(site)
    assert any(p["events"] >= PLANTED for p in shown(site))


def test_after_a_write_the_map_counts_again_until_the_next_refresh(site: LiveServer) -> None:
    plant(site)
    article = {"text": "Putin traf Erdoğan in Ankara. Putin beansprucht die Krim.",
               "published": "2026-01-05", "lang": "de"}
    created = requests.post(f"{site.url}/articles", json=article, timeout=120,
                            headers={"Authorization": f"Bearer {TOKEN}"})
    assert created.status_code == 201, created.text
    assert kept_map_figures(site.store, STATISTICS, REVISION) == (None, None)
    assert shown(site) == counted(site)
    site.app.extensions[PIPELINE_KEY].refresh_statistics()
    assert kept_map_figures(site.store, STATISTICS, REVISION)[0]
    assert shown(site) == counted(site)


def test_a_store_without_the_map_figures_counts_live(site: LiveServer) -> None:
    """A statistics graph from before the map's figures (or none): the map counts live."""
    site.store.remove_graph(STATISTICS)
    assert kept_map_figures(site.store, STATISTICS, REVISION) == (None, None)
    assert shown(site) == counted(site)
