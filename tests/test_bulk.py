"""Bulk ingest (`geokg.pipeline.bulk`, `geokg ingest --jobs N`) with real worker processes and a real
store on disk: broken input is reported and skipped, the rest stored, a re-run resumes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geokg.config import Settings
from geokg.extract.gazetteer import Gazetteer, load_gazetteer
from geokg.pipeline import ArticleInput, Pipeline
from geokg.pipeline.bulk import BulkSummary, bulk_ingest, count_articles
from geokg.store.oxigraph import OxigraphStore
from geokg.vocab import GK, PROV

SCHOLZ = "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine."
BIDEN = "Joe Biden met Xi Jinping in Woodside, California, on 15 November 2023."
MACRON = "Emmanuel Macron traf am 3. März 2025 Friedrich Merz in Paris."
XI = "Xi Jinping met Vladimir Putin in Moscow on 20 March 2023."
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"


def corpus_with_broken_parts(folder: Path) -> Path:
    """Good articles around a broken .json, a broken .jsonl line and an empty text."""
    folder.mkdir()
    (folder / "1.txt").write_text(SCHOLZ, encoding="utf-8")
    (folder / "2.json").write_text('{"text": "Putin traf Macron", ', encoding="utf-8")
    (folder / "3.jsonl").write_text(
        json.dumps({"text": BIDEN, "lang": "en", "published": "2023-11-16"}) + "\n"
        + '{"text": "kaputt\n'
        + json.dumps({"text": MACRON, "url": "https://example.org/macron-merz"}) + "\n",
        encoding="utf-8")
    (folder / "4.txt").write_text("  \n", encoding="utf-8")
    (folder / "5.txt").write_text(XI, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture
def pipeline(tmp_path: Path, gazetteer: Gazetteer) -> Pipeline:
    store = OxigraphStore(tmp_path / "data")
    return Pipeline.open(Settings(store=f"oxigraph:{tmp_path / 'data'}"), store, gazetteer)


def article_graphs(pipeline: Pipeline) -> set[str]:
    return {g for g in pipeline.store.graphs() if "/article/" in g}


def test_a_broken_file_in_the_middle_is_reported_and_the_rest_stored(
        pipeline: Pipeline, gazetteer: Gazetteer, tmp_path: Path) -> None:
    folder = corpus_with_broken_parts(tmp_path / "corpus")
    seen: list[tuple[str, str]] = []
    summary = bulk_ingest(pipeline, [folder], jobs=2,
                          progress=lambda where, status: seen.append((Path(where).name, status)))
    assert (summary.accepted, summary.skipped) == (4, 0)
    reasons = {Path(r.where).name: r.reason for r in summary.rejected}
    assert set(reasons) == {"2.json", "3.jsonl:2", "4.txt"}
    assert "not valid JSON" in reasons["2.json"] and "not valid JSON" in reasons["3.jsonl:2"]
    assert "empty" in reasons["4.txt"]
    assert sorted(seen) == sorted([("1.txt", "accepted"), ("2.json", "rejected"),
                                   ("3.jsonl:1", "accepted"), ("3.jsonl:2", "rejected"),
                                   ("3.jsonl:3", "accepted"), ("4.txt", "rejected"),
                                   ("5.txt", "accepted")])
    assert count_articles([folder]) == len(seen)
    assert article_graphs(pipeline) == {pipeline.iri_of(ArticleInput(t).checked())
                                        for t in (SCHOLZ, BIDEN, MACRON, XI)}
    # The worker processes stored exactly what this process stores alone.
    alone = Pipeline.open(Settings(store="memory"), OxigraphStore(), gazetteer)
    assert bulk_ingest(alone, [folder], jobs=1).accepted == 4
    assert article_triples(alone) == article_triples(pipeline)


def article_triples(pipeline: Pipeline) -> set[tuple[str, ...]]:
    """Every triple of every article graph, but the ingestion time, which must differ (as
    must the time of the reading and the digest of the graph, which covers it)."""
    rows = pipeline.store.query(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(CONTAINS(STR(?g), '/article/') && ?p NOT IN (<{GENERATED_AT}>, "
        f"<{PROV.endedAtTime}>, <{GK.graphDigest}>)) }}").rows()
    found = {tuple(v or "" for v in row.values()) for row in rows}
    assert len(found) > 100
    return found


def test_a_second_run_skips_what_is_stored_and_the_same_text_twice(
        pipeline: Pipeline, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(json.dumps({"text": t}) for t in (SCHOLZ, BIDEN, SCHOLZ)),
                     encoding="utf-8")
    done = bulk_ingest(pipeline, [first], jobs=1)
    assert (done.accepted, done.skipped, done.rejected) == (2, 1, [])
    everything = tmp_path / "all.jsonl"
    everything.write_text("\n".join(json.dumps({"text": t}) for t in (SCHOLZ, MACRON, BIDEN)),
                          encoding="utf-8")
    resumed = bulk_ingest(pipeline, [everything], jobs=1)
    assert (resumed.accepted, resumed.skipped, resumed.rejected) == (1, 2, [])
    assert len(article_graphs(pipeline)) == 3


def test_jobs_must_be_positive(pipeline: Pipeline, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        bulk_ingest(pipeline, [tmp_path], jobs=0)


def test_summary_counts_everything() -> None:
    assert BulkSummary(accepted=2, skipped=1).total == 3


def test_cli_ingest_with_jobs_reports_and_resumes(tmp_path: Path) -> None:
    folder = corpus_with_broken_parts(tmp_path / "corpus")
    geokg = str(Path(sys.executable).with_name("geokg"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = f"oxigraph:{tmp_path / 'data'}"

    def ingest() -> subprocess.CompletedProcess[str]:
        return subprocess.run([geokg, "ingest", str(folder), "--jobs", "2"], env=env,
                              capture_output=True, text=True, timeout=180, check=False)

    first = ingest()
    assert first.returncode == 1, first.stderr
    assert first.stdout.strip() == "4 ingested, 0 already stored, 3 rejected"
    assert "3.jsonl:2: rejected: not valid JSON" in first.stderr
    assert "7 articles in" in first.stderr and "2 jobs" in first.stderr
    assert "Traceback" not in first.stderr
    again = ingest()
    assert again.stdout.strip() == "0 ingested, 4 already stored, 3 rejected"
