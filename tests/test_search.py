"""Full-text search: folding, the FTS5 index following the store, /search, and the SPARQL
functions through /sparql, on the real sample articles in a real on-disk store."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from hashlib import sha256
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from geokg.query.search import SearchIndex, fold, fts_expression, index_path, matches, score, word_keys
from geokg.store.oxigraph import OxigraphStore
from geokg.vocab import GK, NIF, RDF
from support import LiveServer

GKF = "PREFIX gkf: <https://w3id.org/geokg/function#>\n"
NIF_PREFIX = f"PREFIX nif: <{NIF}>\n"


@pytest.mark.parametrize(("word", "key"), [
    ("Russlands", "russland"), ("Erdoğan", "erdogan"), ("ceasefires", "ceasefire"),
    ("Waffenruhen", "waffenruhe"), ("Gespräche", "gesprach"), ("STRAßE", "strasse"),
])
def test_word_keys_fold_case_accents_and_inflection(word: str, key: str) -> None:
    assert key in word_keys(word)


def test_fold_removes_every_accent() -> None:
    assert fold("Selenskyj Ürümqi Erdoğan Łódź") == "selenskyj urumqi erdogan łodz"


def test_matches_needs_every_query_word_and_score_counts_them() -> None:
    text = "Macron forderte eine sofortige Waffenruhe in der Ukraine."
    assert matches(text, "waffenruhe ukraine") is True
    assert matches(text, "WAFFENRUHEN") is True
    assert matches(text, "waffenruhe gaza") is False
    assert score(text, "waffenruhe gaza") == 0.5
    assert matches("Ein Waffenruheabkommen", "waffenruhe") is True  # compounds by prefix
    assert matches(None, "x") is None


def test_fts_expression_quotes_every_key() -> None:
    expression = fts_expression('Russlands "OR" NEAR')
    assert '"russland"*' in expression and '"or"' in expression
    assert expression.count(" AND ") == 2


@pytest.mark.parametrize("query", ["", "  ", "!!!", "x" * 301, " ".join(["wort"] * 13)])
def test_unsearchable_queries_are_input_errors(sample_site: LiveServer, query: str) -> None:
    response = requests.get(f"{sample_site.url}/search", params={"q": query}, timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


@pytest.mark.parametrize("params", [{"q": "Putin", "limit": "0"}, {"q": "Putin", "limit": "x"},
                                    {"q": "Putin", "kind": "everything"}, {}])
def test_bad_search_parameters_are_400(sample_site: LiveServer, params: dict[str, str]) -> None:
    response = requests.get(f"{sample_site.url}/search", params=params,
                            headers={"Accept": "application/json"}, timeout=10)
    assert response.status_code == 400
    assert response.json()["status"] == 400


def _search(site: LiveServer, q: str, **params: str) -> list[dict[str, object]]:
    response = requests.get(f"{site.url}/search", params={"q": q, **params},
                            headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["results"]  # type: ignore[no-any-return]


def test_search_finds_german_sentences_by_inflected_word(sample_site: LiveServer) -> None:
    hits = _search(sample_site, "Waffenruhen", kind="sentence")
    assert hits, "the sample articles report a demand for a Waffenruhe"
    assert all("waffenruhe" in fold(str(h["text"])) for h in hits)
    first = hits[0]
    assert str(first["iri"]).startswith(f"{sample_site.url}/article/")
    assert first["links"] and all(str(e).startswith(f"{sample_site.url}/event/")
                                  for e in first["links"])  # type: ignore[union-attr]


def test_search_finds_english_words_and_entity_names(sample_site: LiveServer) -> None:
    assert any("ceasefire" in str(h["text"]).lower() for h in _search(sample_site, "ceasefires"))
    names = _search(sample_site, "Russlands", kind="label")
    assert f"{sample_site.url}/entity/russia" in {h["iri"] for h in names}
    aliases = _search(sample_site, "erdogan", kind="alias")
    assert {h["iri"] for h in aliases} == {f"{sample_site.url}/entity/recep-tayyip-erdogan"}


def test_search_page_is_html_with_the_hits(sample_site: LiveServer) -> None:
    response = requests.get(f"{sample_site.url}/search", params={"q": "Waffenruhe"},
                            headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert 'id="search-results"' in response.text and "Waffenruhe" in response.text


def test_sparql_functions_match_through_the_endpoint(sample_site: LiveServer) -> None:
    query = GKF + NIF_PREFIX + """SELECT ?s ?text (gkf:score(?text, "Waffenruhe Gaza") AS ?score)
        WHERE { ?s nif:anchorOf ?text FILTER(gkf:matches(?text, "waffenruhen")) }"""
    response = requests.post(f"{sample_site.url}/sparql", data={"query": query},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    assert rows and all("waffenruhe" in fold(r["text"]["value"]) for r in rows)
    assert {r["score"]["value"] for r in rows} <= {"0.5", "1.0", "1"}
    assert rows[0]["score"]["datatype"].endswith("#double")
    sentences = {h["iri"] for h in _search(sample_site, "waffenruhen", kind="sentence", limit="200")}
    assert {r["s"]["value"] for r in rows} == sentences  # index and function agree


def _article(iri: str, sentence: str) -> str:
    graph = Graph()
    node, evidence = URIRef(iri), URIRef(f"{iri}#char=0,{len(sentence)}")
    graph.add((node, RDF.type, GK.Article))
    graph.add((node, GK.contentHash, Literal(f"sha256:{sha256(sentence.encode()).hexdigest()}")))
    graph.add((evidence, NIF.anchorOf, Literal(sentence, lang="de")))
    return graph.serialize(format="nt")


def test_index_follows_writes_replacements_and_deletes(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "data")
    index = SearchIndex(store, index_path(tmp_path / "data"))
    try:
        iri = "http://example.org/article/1"
        store.put_graph(iri, _article(iri, "Die Waffenruhe hält."))
        assert [h.text for h in index.search("waffenruhe")] == ["Die Waffenruhe hält."]
        store.put_graph(iri, _article(iri, "Die Feuerpause hält."))
        assert index.search("waffenruhe") == []
        assert [h.text for h in index.search("feuerpause")] == ["Die Feuerpause hält."]
        store.remove_graph(iri)
        assert index.search("feuerpause") == []
    finally:
        index.close()
        store.close()


def test_index_persists_beside_the_store(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "data")
    iri = "http://example.org/article/2"
    store.put_graph(iri, _article(iri, "Ceasefire talks resumed."))
    first = SearchIndex(store, index_path(tmp_path / "data"))
    assert first.sync() == 1
    first.close()
    assert (tmp_path / "data.search.sqlite3").is_file()
    second = SearchIndex(store, index_path(tmp_path / "data"))
    try:
        assert second.sync() == 0, "an unchanged store needs no re-indexing"
        assert [h.kind for h in second.search("ceasefire")] == ["sentence"]
    finally:
        second.close()
        store.close()


def test_search_json_shape(sample_site: LiveServer) -> None:
    response = requests.get(f"{sample_site.url}/search", params={"q": "Putin", "limit": "3"},
                            timeout=30)
    body = response.json()
    assert response.headers["Content-Type"] == "application/json"
    assert body["query"] == "Putin" and len(body["results"]) == 3
    assert set(body["results"][0]) == {"kind", "iri", "text", "graph", "links", "rank"}
    json.dumps(body)


def test_an_index_another_process_holds_longer_than_five_seconds_is_waited_for(tmp_path: Path) -> None:
    """gunicorn's workers open one index file at once; one that finds it held (created or
    written by another worker) must wait, not fail its boot ("database is locked")."""
    path = index_path(tmp_path / "data")
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; con = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "con.execute('BEGIN EXCLUSIVE'); con.execute('CREATE TABLE held(x)'); print('held', flush=True); "
        "time.sleep(7); con.execute('COMMIT')"), str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        index = SearchIndex(OxigraphStore(), path)
        assert time.monotonic() - started > 5  # it did wait for the holder
        assert index._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        reader = sqlite3.connect(str(path))
        assert reader.execute("SELECT count(*) FROM graphs").fetchone() == (0,)
        reader.close()
        index._db.close()
    finally:
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


def test_a_worker_creating_the_index_is_waited_for_by_the_others(tmp_path: Path) -> None:
    """While one worker creates the index (its lock held, the new file open in a read), another
    worker opening it waits for it instead of failing its boot: switching the file to WAL
    under an open reader fails at once with "database is locked"."""
    path = index_path(tmp_path / "data")
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sqlite3, sys, time; path = sys.argv[1]; lock = open(path + '.lock', 'a'); "
        "fcntl.flock(lock, fcntl.LOCK_EX); con = sqlite3.connect(path, isolation_level=None); "
        "con.execute('CREATE TABLE IF NOT EXISTS started(x)'); con.execute('BEGIN'); "
        "con.execute('SELECT * FROM started').fetchall(); print('held', flush=True); time.sleep(7); "
        "con.execute('COMMIT'); con.close(); fcntl.flock(lock, fcntl.LOCK_UN)"), str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        index = SearchIndex(OxigraphStore(), path)
        assert index._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        index._db.close()
    finally:
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
