"""The `geokg` console script as users run it: real processes, a real store on disk,
exit codes, stdout/stderr, and output another tool can parse."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import requests
from rdflib import Dataset, Graph, URIRef

from geokg import PROJECT_ROOT
from geokg.resources import SAMPLE_ARTICLES
from geokg.store import Store
from support import free_port

EXAMPLES = PROJECT_ROOT / "ontology" / "examples"
GK = "PREFIX gk: <https://w3id.org/geokg/ontology#>\n"
COUNT_ARTICLES = GK + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a gk:Article }"
SCHOLZ = "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine."
BIDEN = "Joe Biden met Xi Jinping in Woodside, California, on 15 November 2023."


def geokg_executable() -> str:
    """The console script installed beside this interpreter (the project's .venv)."""
    beside = Path(sys.executable).with_name("geokg")
    found = str(beside) if beside.exists() else shutil.which("geokg")
    assert found, "the geokg console script is not installed (pip install -e .)"
    return found


def run(store: Path, *args: str | Path, timeout: float = 120,
        **settings: str) -> subprocess.CompletedProcess[str]:
    """`geokg ARGS` with GEOKG_STORE=oxigraph:STORE and no other GEOKG_* setting than
    `settings` (GEOKG_QUERY_TIMEOUT="1")."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = f"oxigraph:{store}"
    env.update(settings)
    return subprocess.run([geokg_executable(), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


def seed_text() -> str:
    first = json.loads(SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines()[0])
    assert first["id"] == "seed-de"
    return str(first["text"])


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder holding the seed article, ingested by the CLI itself."""
    folder = tmp_path_factory.mktemp("cli")
    article = folder / "seed.json"
    article.write_text(json.dumps({"text": seed_text(), "published": "2025-07-01", "lang": "de"}),
                       encoding="utf-8")
    done = run(folder / "data", "ingest", article)
    assert done.returncode == 0, done.stderr
    return folder / "data"


def test_help_lists_the_commands() -> None:
    done = subprocess.run([geokg_executable(), "--help"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0
    for command in ("ingest", "query", "validate", "eval", "serve"):
        assert re.search(rf"^\s+{command}\s", done.stdout, re.MULTILINE), done.stdout


# -- ingest -------------------------------------------------------------------------------

def test_ingest_file_twice(tmp_path: Path) -> None:
    article = tmp_path / "scholz.txt"
    article.write_text(SCHOLZ, encoding="utf-8")
    first = run(tmp_path / "data", "ingest", article)
    assert (first.returncode, first.stdout.strip()) == (
        0, "1 ingested, 0 already stored, 0 rejected"), first.stderr
    again = run(tmp_path / "data", "ingest", article)
    assert (again.returncode, again.stdout.strip()) == (
        0, "0 ingested, 1 already stored, 0 rejected"), again.stderr


def test_ingest_folder_rejects_only_the_broken_line(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(SCHOLZ, encoding="utf-8")
    (folder / "b.json").write_text(json.dumps([{"text": BIDEN, "lang": "en"},
                                               {"text": "Putin traf Macron in Paris."}]))
    (folder / "c.jsonl").write_text('{"text": "Biden rief Selenskyj an."}\n{"text": "kaputt\n')
    (folder / "notes.md").write_text("not an article")
    done = run(tmp_path / "data", "ingest", folder)
    assert done.returncode == 1
    assert done.stdout.strip() == "4 ingested, 0 already stored, 1 rejected"
    assert re.search(r"c\.jsonl:2: rejected: .*not valid JSON", done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    counted = run(tmp_path / "data", "query", COUNT_ARTICLES, "--format", "csv")
    assert list(csv.DictReader(io.StringIO(counted.stdout))) == [{"n": "4"}]


def test_ingest_rejects_publication_dates_out_of_range(tmp_path: Path) -> None:
    articles = tmp_path / "dated.jsonl"
    lines = [{"text": SCHOLZ, "published": "2024-11-16"},
             {"text": BIDEN, "published": "0001-01-01"},
             {"text": "Putin traf Macron in Paris.", "published": "9999-12-31T23:59:59-14:00"},
             {"text": "Biden rief Selenskyj an.", "published": "18991231"}]
    articles.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    done = run(tmp_path / "data", "ingest", articles)
    assert done.returncode == 1
    assert done.stdout.strip() == "1 ingested, 0 already stored, 3 rejected", done.stderr
    for line in (2, 3, 4):
        assert re.search(rf"dated\.jsonl:{line}: rejected: 'published' must be a date from "
                         r"1900-01-01 to 2100-12-31", done.stderr), done.stderr
    assert "Traceback" not in done.stderr


def test_ingest_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = run(tmp_path / "data", "ingest", tmp_path / "nowhere.txt")
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr


# -- query --------------------------------------------------------------------------------

def test_query_table(seeded_store: Path) -> None:
    done = run(seeded_store, "query", COUNT_ARTICLES)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["n", "1"]
    assert "(1 rows)" in done.stderr


def test_query_csv_and_json_agree(seeded_store: Path) -> None:
    select = GK + "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type ; gk:evidence ?s } " \
                  "GROUP BY ?type ORDER BY ?type"
    as_csv = run(seeded_store, "query", select, "--format", "csv")
    as_json = run(seeded_store, "query", select, "--format", "json")
    assert as_csv.returncode == as_json.returncode == 0, as_csv.stderr + as_json.stderr
    from_csv = {r["type"]: r["n"] for r in csv.DictReader(io.StringIO(as_csv.stdout))}
    bindings = json.loads(as_json.stdout)["results"]["bindings"]
    from_json = {b["type"]["value"]: b["n"]["value"] for b in bindings}
    assert from_csv == from_json
    assert "https://w3id.org/geokg/ontology#Call" in from_csv


def test_query_construct_as_turtle(seeded_store: Path) -> None:
    construct = GK + "CONSTRUCT { ?e a gk:Call ; gk:participant ?p } " \
                     "WHERE { ?e a gk:Call ; gk:participant ?p }"
    done = run(seeded_store, "query", construct, "--format", "ttl")
    assert done.returncode == 0, done.stderr
    graph = Graph().parse(data=done.stdout, format="turtle")
    assert len(graph) == 3  # one call, its type and two participants


def test_query_from_rq_file(seeded_store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "calls.rq"
    rq.write_text(GK + """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        # Calls and the sentences that report them ("Telefonat" is a German word).
        SELECT ?call ?date ?sentence WHERE {
          ?call a gk:Call ; sem:hasTimeStamp ?date ; gk:evidence/nif:anchorOf ?sentence }""",
                  encoding="utf-8")
    done = run(seeded_store, "query", rq, "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {(r["call"], r["date"]) for r in rows} == {(rows[0]["call"], "2025-07-01")}
    assert any("Telefonat" in r["sentence"] for r in rows), rows


def test_long_query_text_is_not_taken_for_a_file_name(seeded_store: Path) -> None:
    done = run(seeded_store, "query", COUNT_ARTICLES + "\n#" + "x" * 300, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["n", "1"]


def test_query_syntax_error(seeded_store: Path) -> None:
    done = run(seeded_store, "query", "SELEKT ?s WHERE { ?s ?p ?o }")
    assert done.returncode == 1
    assert done.stderr.startswith("Error:") and "Traceback" not in done.stderr
    assert done.stdout == ""


#: Runs for ever: a fourfold cross product of the seed article's ~1000 quads.
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def engines_of(store: Path) -> list[psutil.Process]:
    """Store engine processes (anyone's) serving this store folder."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info["cmdline"] or []
        if "geokg.store.engine_process" in cmdline and str(store) in cmdline:
            found.append(process)
    return found


@pytest.mark.parametrize("how", ["GEOKG_QUERY_TIMEOUT", "--timeout"])
def test_query_is_stopped_at_the_timeout(seeded_store: Path, how: str) -> None:
    """`geokg query` had no limit: a query that runs for ever held the store (and a core)
    until killed by hand. Now it stops, says why, and leaves the store usable."""
    if how == "--timeout":
        done = run(seeded_store, "query", "--timeout", "1.5", FOREVER, timeout=60)
    else:
        done = run(seeded_store, "query", FOREVER, timeout=60, GEOKG_QUERY_TIMEOUT="1.5")
    assert done.returncode == 1
    assert "Error: the query ran longer than GEOKG_QUERY_TIMEOUT=1.5 s and was stopped" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    deadline = time.monotonic() + 10
    while engines_of(seeded_store):
        assert time.monotonic() < deadline, "the killed query's engine outlived the command"
        time.sleep(0.2)
    after = run(seeded_store, "query", "--format", "csv", COUNT_ARTICLES)
    assert after.returncode == 0 and after.stdout.split() == ["n", "1"], after.stderr


def test_query_timeout_must_be_positive(seeded_store: Path) -> None:
    done = run(seeded_store, "query", "--timeout", "0", COUNT_ARTICLES)
    assert done.returncode == 2 and "--timeout" in done.stderr


# -- validate -----------------------------------------------------------------------------

def test_validate_valid_example(tmp_path: Path) -> None:
    done = run(tmp_path / "data", "validate", EXAMPLES / "valid/macron-putin-call-2025-07-01.ttl")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Conforms: True" in done.stdout


def test_validate_invalid_example(tmp_path: Path) -> None:
    done = run(tmp_path / "data", "validate", EXAMPLES / "invalid/call-one-participant.ttl")
    assert done.returncode == 1
    assert "A call needs at least two gk:participant" in done.stdout
    assert "Traceback" not in done.stderr


def test_validate_unparsable_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .")
    done = run(tmp_path / "data", "validate", broken)
    assert done.returncode == 1
    assert "cannot parse as RDF" in done.stderr and "Traceback" not in done.stderr


VALID = EXAMPLES / "valid/macron-putin-call-2025-07-01.ttl"
INVALID = EXAMPLES / "invalid/call-one-participant.ttl"


def write_dataset(path: Path, graphs: dict[str | None, Path | str]) -> Path:
    """A TriG or N-Quads file (by `path`'s ending) holding each Turtle file (or text) in
    the named graph given as key (None: the default graph)."""
    dataset = Dataset()
    for name, turtle in graphs.items():
        graph = dataset.default_graph if name is None else dataset.graph(URIRef(name))
        graph.parse(data=turtle.read_text(encoding="utf-8") if isinstance(turtle, Path) else turtle,
                    format="turtle")
    dataset.serialize(path, format="trig" if path.suffix == ".trig" else "nquads")
    return path


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_validate_dump_checks_each_graph(tmp_path: Path, suffix: str) -> None:
    """A dataset is read as one (not as a graph of none of its quads: "Conforms: True" for
    0 triples), and each graph is checked on its own, as ingest checks articles."""
    dump = write_dataset(tmp_path / f"dump{suffix}", {"urn:g:valid": VALID, "urn:g:invalid": INVALID})
    done = run(tmp_path / "data", "validate", dump)
    assert done.returncode == 1, done.stdout
    assert re.search(r"^urn:g:valid \(1\d\d triples\): Conforms: True$", done.stdout, re.MULTILINE)
    assert re.search(r"^urn:g:invalid \(\d+ triples\): Conforms: False$", done.stdout, re.MULTILINE)
    assert "A call needs at least two gk:participant" in done.stdout
    assert "1 of 2 graphs conform" in done.stdout
    valid_only = write_dataset(tmp_path / f"valid{suffix}", {"urn:g:one": VALID, "urn:g:two": VALID})
    done = run(tmp_path / "data", "validate", valid_only)
    assert done.returncode == 0 and "2 of 2 graphs conform" in done.stdout, done.stdout


def test_validate_checks_the_default_graph_of_a_dataset_too(tmp_path: Path) -> None:
    dump = write_dataset(tmp_path / "dump.trig", {"urn:g:valid": VALID, None: INVALID})
    done = run(tmp_path / "data", "validate", dump)
    assert done.returncode == 1
    assert "dump.trig (" in done.stdout and "Conforms: False" in done.stdout


@pytest.mark.parametrize("name, content", [
    ("empty.nq", ""), ("empty.trig", ""), ("prefixes-only.trig", "@prefix ex: <urn:ex:> .\n"),
    ("empty-graph.trig", "<urn:g> { }\n"), ("comment.ttl", "# nothing\n"), ("empty.nt", ""),
])
def test_validate_fails_on_input_without_triples(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    done = run(tmp_path / "data", "validate", path)
    assert done.returncode == 1
    assert "Conforms" not in done.stdout
    assert f"{name}: no triples read, nothing to validate" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_union_finds_what_no_single_graph_shows(tmp_path: Path) -> None:
    """The same event placed in 2025 by one graph and in 2022 by another: each graph
    conforms, their union (the SPARQL default graph) has four periods where two may be."""
    text = VALID.read_text(encoding="utf-8")
    elsewhen = text.replace('"2025"^^xsd:gYear , "2025-07"^^xsd:gYearMonth',
                            '"2022"^^xsd:gYear , "2022-11"^^xsd:gYearMonth')
    assert elsewhen != text
    dump = write_dataset(tmp_path / "dump.nq", {"urn:g:one": VALID, "urn:g:two": elsewhen})
    assert run(tmp_path / "data", "validate", dump).returncode == 0
    done = run(tmp_path / "data", "validate", "--union", dump)
    assert done.returncode == 1
    assert "union of all graphs" in done.stdout and "gk:inPeriod: at most" in done.stdout


def test_the_sample_store_conforms_graph_by_graph_and_as_a_union(sample_store: Store,
                                                                 tmp_path: Path) -> None:
    """Every sample article ingested: each graph and their union conform. Before undated
    events were dated by their article's day, an undated "Iran supplies drones to Russia"
    from a 2022 and a 2025 article was one event in both years (four gk:inPeriod)."""
    dump = tmp_path / "samples.nq"
    with dump.open("wb") as out:
        for chunk in sample_store.dump("nquads"):
            out.write(chunk)
    done = run(tmp_path / "data", "validate", dump)
    assert done.returncode == 0, done.stdout
    articles = len(SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines())
    assert len(re.findall(r"/article/\w+ \(\d+ triples\): Conforms: True", done.stdout)) == articles
    done = run(tmp_path / "data", "validate", "--union", dump)
    assert done.returncode == 0, done.stdout
    assert re.search(r"^union of all graphs \(\d{4,} triples\): Conforms: True$", done.stdout, re.MULTILINE)


# -- eval ---------------------------------------------------------------------------------

def write_gold(folder: Path) -> Path:
    """Two articles and their gold reading, in the format of shared/gold-format.md."""
    (folder / "articles").mkdir()
    (folder / "articles/de.txt").write_text(SCHOLZ, encoding="utf-8")
    (folder / "articles/en.txt").write_text(BIDEN, encoding="utf-8")
    gold = [
        {"id": "de", "file": "articles/de.txt", "lang": "de", "published": "2024-11-16",
         "entities": [{"label": "Olaf Scholz", "type": "leader", "wikidata": "Q61053"},
                      {"label": "Wladimir Putin", "type": "leader", "wikidata": "Q7747"}],
         "events": [{"type": "CALL", "participants": ["Q61053", "Q7747"], "addressee": [],
                     "object": None, "date": "2024-11-15", "evidence": "Scholz rief Putin an"}],
         "negatives": []},
        {"id": "en", "file": "articles/en.txt", "lang": "en", "published": "2023-11-16",
         "entities": [{"label": "Joe Biden", "type": "leader", "wikidata": "Q6279"},
                      {"label": "Xi Jinping", "type": "leader", "wikidata": "Q15031"}],
         "events": [{"type": "MEETING", "participants": ["Q6279", "Q15031"], "addressee": [],
                     "object": None, "date": "2023-11-15", "evidence": "Biden met Xi"}],
         "negatives": []},
    ]
    path = folder / "gold.json"
    path.write_text(json.dumps(gold, indent=1), encoding="utf-8")
    return path


def test_eval_prints_scores_and_writes_json(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    report = tmp_path / "report.json"
    done = run(tmp_path / "data", "eval", gold, "--json", report)
    assert done.returncode == 0, done.stderr
    line = re.search(r"^overall \(micro\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+"
                     r"(\d+)\s+(\d+)$", done.stdout, re.MULTILINE)
    assert line, done.stdout
    p, r, f1, support, tp, fp, fn = line.groups()
    assert int(support) == 2 == int(tp) + int(fn)
    assert "[2/2] en" in done.stderr
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written and isinstance(written, dict)
    assert not (tmp_path / "data").exists(), "eval must not touch the user's store"


# -- serve --------------------------------------------------------------------------------

@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = f"oxigraph:{tmp_path / 'data'}"
    process = subprocess.Popen([geokg_executable(), "serve", "--no-samples", "--port", str(port)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_serve_answers_sparql_and_prints_its_url(
        server: tuple[subprocess.Popen[str], str]) -> None:
    process, url = server
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, process.communicate()[1]
        try:
            # the first answer waits for the new store's reference graphs (a few seconds)
            response = requests.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=30)
            if response.status_code == 200:
                break
        except (requests.ConnectionError, requests.Timeout):
            pass
        assert time.monotonic() < deadline, "geokg serve did not answer within 60 s"
        time.sleep(0.2)
    assert response.json() == {"head": {}, "boolean": True}
    process.terminate()
    out, _ = process.communicate(timeout=10)
    assert f"{url}/" in out and f"{url}/sparql" in out


def test_serve_with_the_port_taken_says_so_and_exits_1(tmp_path: Path) -> None:
    """The port is bound before anything is announced: no "serving at" line for a server
    that never serves, and the error names the port and how to choose another."""
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env.update(GEOKG_STORE=f"oxigraph:{tmp_path / 'data'}", GEOKG_PORT=str(port))
    try:
        done = subprocess.run([geokg_executable(), "serve"], env=env, capture_output=True,
                              text=True, timeout=60, check=False)
    finally:
        taken.close()
    assert done.returncode == 1
    assert "serving" not in done.stdout
    assert f"127.0.0.1:{port}" in done.stderr and "already in use" in done.stderr
    assert "--port" in done.stderr and "GEOKG_PORT" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "data").exists(), "nothing may be started before the port is bound"


def test_serve_on_port_0_prints_the_port_it_got(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = "memory"
    process = subprocess.Popen([geokg_executable(), "serve", "--no-samples", "--port", "0"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:(\d+))/ ", line)
        assert url and url.group(2) != "0", line
        response = requests.get(f"{url.group(1)}/sparql", params={"query": "ASK {}"}, timeout=30)
        assert response.json() == {"head": {}, "boolean": True}
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
