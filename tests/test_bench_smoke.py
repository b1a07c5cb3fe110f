"""The bench scripts stay runnable: the generator's graphs pass the SHACL gate, each script's
smallest mode runs. (They are benchmarks, not timed tests: no figure is asserted here.)"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from geokg.graph.validate import validate

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402


def test_generator_is_deterministic_and_its_article_graphs_conform() -> None:
    # the budget includes the gazetteer's reference graph (about 24,000 triples), so it must
    # be well above that for articles to be generated at all
    first, second = io.StringIO(), io.StringIO()
    summary = generate.generate(40_000, first, seed=3)
    generate.generate(40_000, second, seed=3)
    assert first.getvalue() == second.getvalue()
    assert summary.triples >= 40_000 and summary.articles > 5
    assert summary.reports > summary.articles  # several events per article
    dataset = Dataset()
    dataset.parse(data=first.getvalue(), format="nquads")
    articles = [g for g in dataset.graphs() if "/article/" in str(g.identifier)]
    assert len(articles) == summary.articles
    for graph in articles[:5]:
        result = validate(graph)
        assert result.conforms, result.report_text


def test_a_small_bench_store_conforms_as_a_union() -> None:
    """The SPARQL default graph is the union of all graphs; it conforms too, with events
    reported by several articles (one node in several graphs) and the reference graphs."""
    out = io.StringIO()
    generate.generate(30_000, out, seed=7)
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    union = Graph()
    for graph in dataset.graphs():
        union += graph
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    assert any(len(set(union.objects(event, derived))) > 1 for event in set(union.subjects(derived)))
    result = validate(union)
    assert result.conforms, result.report_text


def test_generator_seed_changes_the_graph() -> None:
    one, other = io.StringIO(), io.StringIO()
    generate.generate(50_000, one, seed=1)
    generate.generate(50_000, other, seed=2)
    assert one.getvalue() != other.getvalue()


def test_an_event_reported_twice_is_one_node_in_two_graphs() -> None:
    out = io.StringIO()
    generate.generate(30_000, out, seed=5)
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    sources: dict[str, set[str]] = {}
    for s, _, o, _g in dataset.quads((None, derived, None, None)):
        sources.setdefault(str(s), set()).add(str(o))
    assert any(len(articles) > 1 for articles in sources.values())


@pytest.mark.parametrize("script", ["generate", "load", "queries", "stream", "ingest", "rdflib_peer",
                                    "statistics_graph", "request_cost", "pages", "feeds", "reextract",
                                    "protocol_conformance", "fuzz_hostile", "map_page"])
def test_script_help_runs(script: str) -> None:
    done = subprocess.run([sys.executable, str(BENCH / f"{script}.py"), "--help"], cwd=BENCH,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_generate_then_load_smallest(tmp_path: Path) -> None:
    nquads = tmp_path / "g.nq.gz"
    subprocess.run([sys.executable, str(BENCH / "generate.py"), "--triples", "12000", "--out",
                    str(nquads), "--check", "2"], check=True, cwd=BENCH, timeout=120)
    plain = tmp_path / "g.nq"
    import gzip
    plain.write_bytes(gzip.decompress(nquads.read_bytes()))
    done = subprocess.run([sys.executable, str(BENCH / "load.py"), str(plain), "--store",
                           str(tmp_path / "store"), "--progress", "0.1"], capture_output=True,
                          text=True, check=True, cwd=BENCH, timeout=120)
    figures = json.loads(done.stdout)
    assert figures["quads"] >= 12000
    assert figures["total_s"] >= figures["load_s"]
    assert "reference_graphs  store" in done.stderr  # a 100M load says what it is doing


def test_queries_http_only_times_geokg_and_reports_its_peak_memory(tmp_path: Path) -> None:
    plain = tmp_path / "g.nq"
    subprocess.run([sys.executable, str(BENCH / "generate.py"), "--triples", "12000", "--out",
                    str(plain), "--check", "0"], check=True, cwd=BENCH, timeout=120)
    subprocess.run([sys.executable, str(BENCH / "load.py"), str(plain), "--store",
                    str(tmp_path / "store")], check=True, cwd=BENCH, timeout=120,
                   capture_output=True)
    done = subprocess.run([sys.executable, str(BENCH / "queries.py"), "--store",
                           str(tmp_path / "store"), "--http-only", "--queries",
                           str(BENCH.parent / "ontology" / "queries" / "demands.rq"),
                           "--budget", "0", "--min-runs", "2", "--max-runs", "2",
                           "--clients", "2", "--seconds", "1"],
                          cwd=BENCH, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    [query] = [line for line in lines if "query" in line]
    assert list(query["rows"]) == ["geokg-werkzeug"] and query["geokg-werkzeug"]["n"] == 2
    [report] = [line for line in lines if "rss_peak_mb" in line]
    assert report["rss_peak_mb"]["geokg-werkzeug"] >= report["rss_idle_mb"]["geokg-werkzeug"] > 0


def test_request_cost_prints_each_layer_the_profile_and_the_ratio(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "request_cost.py"), "--store",
                           str(tmp_path / "store"), "--runs", "3", "--queries",
                           str(BENCH.parent / "ontology" / "queries" / "demands.rq"),
                           "--rounds", "1", "--seconds", "1",
                           "--targets", "bare-flask-w2-gthread", "geokg-serve"],
                          cwd=BENCH, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    layers = [line for line in lines if line["part"] == "layers"]
    assert [row["query"] for row in layers] == ["sameAs", "labels", "statements", "ask", "demands"]
    for row in layers:
        assert 0 < row["engine_in_process_ms"] and 0 < row["geokg_app_ms"]
    [profile] = [line for line in lines if line["part"] == "profile"]
    assert 0.99 < sum(profile["share"].values()) < 1.01
    [summary] = [line for line in lines if line["part"] == "http-summary"]
    assert summary["bare-flask-w2-gthread"]["of_bare_flask_ceiling"] == 1.0
    assert 0 < summary["geokg-serve"]["of_bare_flask_ceiling"]


def test_pages_builds_a_hub_store_and_measures_every_page(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "pages.py"), "--store",
                           str(tmp_path / "store"), "--articles", "120", "--hot-event-reports", "10",
                           "--runs", "1", "--load-clients", "2", "--load-seconds", "1"],
                          cwd=BENCH, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    pages = [line for line in lines if "page" in line]
    assert {p["page"] for p in pages} >= {"entity html", "entity ttl page 1", "event html",
                                          "article html", "articles"}
    assert all(p["status"] in (200, 303) and p["n"] == 1 for p in pages)
    load = next(line for line in lines if "load" in line)
    assert set(load["statuses"]) == {"200"}
    [peak] = [line["peak_rss_mb"] for line in lines if "every_s" in line]  # not load.py's
    assert peak >= next(line["rss_mb"] for line in lines if line.get("at") == "idle") > 0


def test_map_page_bench_compares_live_and_kept_figures(tmp_path: Path) -> None:
    """On a store pages.py builds (its load keeps the map's figures): the map served by this
    code, then the points counted live and read from the kept figures, which must agree."""
    subprocess.run([sys.executable, str(BENCH / "pages.py"), "--store", str(tmp_path / "store"),
                    "--articles", "60", "--hot-event-reports", "5", "--runs", "1",
                    "--load-clients", "0", "--only", "map"], cwd=BENCH, check=True,
                   capture_output=True, timeout=300)
    done = subprocess.run([sys.executable, str(BENCH / "map_page.py"), "--store",
                           str(tmp_path / "store"), "--runs", "2", "--rounds", "1"],
                          cwd=BENCH, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    http, local = [json.loads(line) for line in done.stdout.splitlines()]
    assert http["part"] == "HTTP /map, this code" and http["n"] == 2
    assert local["points"] > 0 and local["kept (after)"]["n"] == 2


def test_fuzz_bench_adds_up_the_parts_of_separate_runs(tmp_path: Path) -> None:
    """--summarize: the lines of two runs' parts, added up; a stream cut by the deadline is
    no failure, a loopback connection is."""
    part = {"part": "queries and updates 1/2", "items": 3, "seconds": 1.0, "requests": 3,
            "probes": 1, "status": {"403": 2, "200": 1}, "5xx by status": {},
            "connection errors": {"connection error ChunkedEncodingError": 1},
            "loopback connections": 0, "engine deaths": {"signal 9": 1}, "engine crashes": 0,
            "wrong answers": 0, "5xx other than 503/504": 0}
    first, second = tmp_path / "a.out", tmp_path / "b.out"
    first.write_text(json.dumps(part) + "\n")
    second.write_text(json.dumps({**part, "part": "queries and updates 2/2", "status": {"503": 2},
                                  "5xx by status": {"503": 2}}) + "\n")

    def summarize() -> dict[str, object]:
        done = subprocess.run([sys.executable, str(BENCH / "fuzz_hostile.py"), "--summarize",
                               str(first), str(second)], cwd=BENCH, capture_output=True,
                              text=True, timeout=60, check=True)
        summary: dict[str, object] = json.loads(done.stdout)
        return summary

    summary = summarize()
    assert summary["requests"] == 6 and summary["status"] == {"200": 1, "403": 2, "503": 2}
    assert summary["engine deaths"] == {"signal 9": 2} and summary["streams cut by the deadline"] == 2
    assert summary["goal met"] is True
    second.write_text(json.dumps({**part, "part": "uploads 1/1", "loopback connections": 1}) + "\n")
    assert summarize()["goal met"] is False


def test_feeds_bench_follows_its_local_sites(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "feeds.py"), "--items", "8", "--feeds", "2",
                           "--minutes", "0.1", "--interval", "2", "--host-delay", "0",
                           "--keep", str(tmp_path)], cwd=BENCH, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    phases = {row["phase"]: row for row in map(json.loads, done.stdout.splitlines())}
    assert phases["backlog"]["ingested"] == phases["live"]["ingested"] == 8
    assert phases["bulk"]["summary"].startswith("8 ingested")
    assert phases["live"]["lag_articles"] == 8  # every item published after the first read
    assert phases["live"]["lag_publication_to_queryable_s"]["p95"] is not None


def test_reextract_bench_reads_every_article_again(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "reextract.py"), "--articles", "3",
                           "--store", str(tmp_path / "store")], cwd=BENCH, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["reread"] == figures["articles"] >= 18 and figures["failed"] == 0
    assert figures["articles_per_s"] > 0
