"""The Reconciliation Service API as OpenRefine calls it: manifest, form-POSTed batches,
type filters, the wikidata property, previews, and clear errors."""

from __future__ import annotations

import json

import pytest
import requests

from support import LiveServer

GK = "https://w3id.org/geokg/ontology#"


def _reconcile(site: LiveServer, queries: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    response = requests.post(f"{site.url}/reconcile", data={"queries": json.dumps(queries)},
                             timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json"
    return {name: answer["result"] for name, answer in response.json().items()}


def test_manifest(sample_site: LiveServer) -> None:
    manifest = requests.get(f"{sample_site.url}/reconcile", timeout=10).json()
    base = sample_site.url + "/"
    assert "0.2" in manifest["versions"]
    assert manifest["identifierSpace"] == f"{base}entity/"
    assert manifest["view"]["url"] == f"{base}entity/{{{{id}}}}"
    assert manifest["preview"]["url"].startswith(f"{base}reconcile/preview?id=")
    assert {t["id"] for t in manifest["defaultTypes"]} >= {GK + "Leader", GK + "State"}


def test_names_in_any_language_and_spelling_find_their_entity(sample_site: LiveServer) -> None:
    results = _reconcile(sample_site, {
        "q0": {"query": "Wladimir Putin"}, "q1": {"query": "Russland"},
        "q2": {"query": "Erdogan", "type": "Leader"}, "q3": {"query": "RUSSIA"},
    })
    assert results["q0"][0]["id"] == "vladimir-putin" and results["q0"][0]["match"] is True
    assert results["q1"][0]["id"] == "russia" and results["q1"][0]["score"] == 100
    assert results["q2"][0]["id"] == "recep-tayyip-erdogan"
    assert results["q3"][0]["id"] == "russia"
    top = results["q0"][0]
    assert top["name"] == "Wladimir Putin"
    assert top["type"] == [{"id": GK + "Leader", "name": "Leader"}]


def test_a_partial_name_is_a_candidate_but_not_a_match(sample_site: LiveServer) -> None:
    results = _reconcile(sample_site, {"q": {"query": "President Macron", "limit": 3}})["q"]
    assert results[0]["id"] == "emmanuel-macron"
    assert 0 < results[0]["score"] < 100 and results[0]["match"] is False
    assert len(results) <= 3


def test_type_filter_and_unknown_types(sample_site: LiveServer) -> None:
    states = _reconcile(sample_site, {"q": {"query": "Ukraine", "type": GK + "Region"}})["q"]
    assert all({"id": GK + "Region", "name": "Region"} in c["type"] for c in states)
    response = requests.post(f"{sample_site.url}/reconcile",
                             data={"queries": json.dumps({"q": {"query": "x", "type": "Planet"}})},
                             timeout=10)
    assert response.status_code == 400 and "Planet" in response.json()["detail"]


def test_wikidata_property_decides_between_candidates(sample_site: LiveServer) -> None:
    query = {"query": "Putin", "properties": [{"pid": "wikidata", "v": "Q7747"}]}
    results = _reconcile(sample_site, {"q": query})["q"]
    assert results[0]["id"] == "vladimir-putin" and results[0]["match"] is True
    assert all(c["score"] <= 50 for c in results[1:])


def test_preview_card(sample_site: LiveServer) -> None:
    response = requests.get(f"{sample_site.url}/reconcile/preview", params={"id": "russia"},
                            timeout=10)
    assert response.status_code == 200 and "Russland" in response.text and "Q159" in response.text
    missing = requests.get(f"{sample_site.url}/reconcile/preview", params={"id": "atlantis"},
                           timeout=10)
    assert missing.status_code == 404


@pytest.mark.parametrize(("queries", "problem"), [
    ("{not json", "not valid JSON"),
    ("[]", "JSON object"),
    (json.dumps({"q": {"query": ""}}), "non-empty 'query'"),
    (json.dumps({"q": {"query": "x", "limit": 0}}), "'limit'"),
    (json.dumps({"q": {"query": "x", "properties": [{"pid": "wikidata", "v": "Putin"}]}}), "QID"),
    (json.dumps({f"q{i}": {"query": "x"} for i in range(101)}), "at most 100"),
])
def test_bad_batches_are_400(sample_site: LiveServer, queries: str, problem: str) -> None:
    response = requests.get(f"{sample_site.url}/reconcile", params={"queries": queries}, timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert problem in response.json()["detail"]
