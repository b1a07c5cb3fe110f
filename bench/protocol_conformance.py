"""The W3C SPARQL 1.1 Protocol tests against a geokg server this script starts (and, with
`--oxigraph`, against `oxigraph serve` on the same harness), pass/fail per test and totals.

The tests are read from a local checkout of https://github.com/w3c/rdf-tests (never copied
into this repository): its `sparql/sparql11/protocol/manifest.ttl` and the data files next
to it. Each test's `ut:graphData` is loaded into named graphs (Graph Store PUT) after the
store was emptied (`DROP SILENT ALL`); its requests then go to the query endpoint, or to the
update endpoint when the test is about updates (its name says `update` and the request is
no `application/sparql-query`), exactly as the manifest writes them otherwise (method, path
after `/sparql/`, headers, body in its declared encoding). A response passes when its status
is in the expected classes and, where the manifest says, it is a boolean (with the expected
value), tabular (SPARQL results) or RDF.

    python bench/protocol_conformance.py ~/src/rdf-tests [--oxigraph] [--only NAME ...] [--json F]

`--source DIR` runs another geokg tree instead of this one (before/after in one run:
`git archive af1c1c4 service ontology data | tar -x -C /tmp/before`, then
`--source /tmp/before`).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
import requests
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from common import BIN, ROOT, Server, free_port, start_oxigraph, wait_until_up

MANIFEST = Path("sparql/sparql11/protocol/manifest.ttl")
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
TOKEN = "protocol-conformance-" + "t" * 16
SOLUTION_TYPES = {"application/sparql-results+json", "application/sparql-results+xml",
                  "text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt",
             "application/rdf+xml": "xml", "application/ld+json": "json-ld",
             "application/n-quads": "nquads", "application/trig": "trig"}


@dataclass
class Request:
    method: str
    path: str  # after the manifest's "/sparql/": "?query=..." or ""
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]  # first digits of the expected status classes: {"2", "3"}
    result_format: str | None  # "boolean", "tabular", "RDF"
    boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    graphs: list[tuple[Path, str]]  # data file, the graph IRI it is loaded into
    requests: list[Request] = field(default_factory=list)


@dataclass
class Target:
    name: str
    query_url: str
    update_url: str
    store_url: str
    headers: dict[str, str]  # sent with every request (a write token)


def read_manifest(path: Path) -> list[ProtocolTest]:
    graph = rdflib.Graph().parse(path, format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for node in Collection(graph, graph.value(manifest, MF.entries)):
        name = str(node).rsplit("#", 1)[1]
        data = [(path.parent / Path(str(graph.value(d, UT.graph))).name,
                 str(graph.value(d, RDFS.label))) for d in graph.objects(node, UT.graphData)]
        test = ProtocolTest(name, sorted(data))
        action = graph.value(node, MF.action)
        for request in Collection(graph, graph.value(action, HT.requests)):
            test.requests.append(_request(graph, request))
        tests.append(test)
    return tests


def _request(graph: rdflib.Graph, node: rdflib.term.Node) -> Request:
    headers = {}
    if (listed := graph.value(node, HT.headers)) is not None:
        for header in Collection(graph, listed):
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    body = None
    if (content := graph.value(node, HT.body)) is not None:
        encoding = str(graph.value(content, CNT.characterEncoding) or "UTF-8")
        text = str(graph.value(content, CNT.chars))
        # "UTF-16" would write a byte-order mark; the test means UTF-16 bytes either way
        body = text.encode("utf-16-le" if encoding.upper() == "UTF-16" else encoding)
    response = graph.value(node, HT.resp)
    statuses = {str(s).rsplit("StatusCode", 1)[1][0] for s in graph.objects(response, MF.expectedStatus)}
    fmt = graph.value(response, MF.expectedFormat)
    boolean = graph.value(response, MF.expectedBoolean)
    path = str(graph.value(node, HT.absolutePath)).removeprefix("/sparql/")
    return Request(str(graph.value(node, HT.methodName)), path, headers, body, statuses,
                   str(fmt) if fmt is not None else None,
                   bool(boolean.toPython()) if boolean is not None else None)


# --- running ---------------------------------------------------------------------------------

def run_test(target: Target, test: ProtocolTest) -> str | None:
    """None when the test passes, else why it failed."""
    reset = requests.post(target.update_url, data=b"DROP SILENT ALL", timeout=60,
                          headers={"Content-Type": "application/sparql-update", **target.headers})
    if not reset.ok:
        return f"the store could not be emptied: {reset.status_code} {reset.text[:200]}"
    for data, iri in test.graphs:
        loaded = requests.put(target.store_url, params={"graph": iri}, data=data.read_bytes(),
                              timeout=60, headers={"Content-Type": "application/n-triples",
                                                   **target.headers})
        if not loaded.ok:
            return f"graph {iri} could not be loaded: {loaded.status_code} {loaded.text[:200]}"
    for number, request in enumerate(test.requests, 1):
        is_update = "update" in test.name and \
            not request.headers.get("content-type", "").startswith("application/sparql-query")
        url = (target.update_url if is_update else target.query_url) + request.path
        answered = requests.request(request.method, url, data=request.body, timeout=60,
                                    headers={**request.headers, **target.headers})
        failure = check(answered, request)
        if failure:
            return f"request {number} ({request.method} {'update' if is_update else 'query'}): {failure}"
    return None


def check(answered: requests.Response, request: Request) -> str | None:
    status = str(answered.status_code)
    if status[0] not in request.statuses:
        return (f"status {status}, expected {'xx/'.join(sorted(request.statuses))}xx: "
                f"{answered.text[:200]!r}")
    media_type = answered.headers.get("Content-Type", "").split(";")[0].strip()
    if request.result_format == "boolean":
        value = boolean_of(answered.content, media_type)
        if value is None:
            return f"no boolean result ({media_type}): {answered.text[:200]!r}"
        if request.boolean is not None and value != request.boolean:
            return f"answered {value}, expected {request.boolean}"
    elif request.result_format == "tabular" and media_type not in SOLUTION_TYPES:
        return f"not a SPARQL results format: {media_type}"
    elif request.result_format == "RDF":
        if media_type not in RDF_TYPES:
            return f"not an RDF format: {media_type}"
        try:
            rdflib.Dataset().parse(data=answered.content, format=RDF_TYPES[media_type])
        except Exception as exc:  # any parser failure is the test's failure
            return f"the {media_type} does not parse: {exc}"
    return None


def boolean_of(content: bytes, media_type: str) -> bool | None:
    text = content.decode("utf-8", "replace")
    if media_type == "application/sparql-results+json":
        value = json.loads(text).get("boolean")
        return value if isinstance(value, bool) else None
    if media_type == "application/sparql-results+xml":
        if "<boolean>true</boolean>" in text:
            return True
        return False if "<boolean>false</boolean>" in text else None
    if media_type in ("text/csv", "text/tab-separated-values", "text/plain"):
        rows = list(csv.reader(io.StringIO(text)))
        return {"true": True, "false": False}.get(rows[-1][0].strip().lower()) if rows else None
    return None


# --- servers ---------------------------------------------------------------------------------

def start_geokg(store_dir: Path, source: Path = ROOT) -> tuple[Server, Target]:
    """The geokg of `source` (`geokg serve --dev`) on an empty store, with a write token."""
    port = free_port()
    env = {**os.environ, "GEOKG_STORE": f"oxigraph:{store_dir}", "GEOKG_WRITE_TOKEN": TOKEN,
           "PYTHONPATH": str(source / "service")}
    env.pop("GEOKG_FEEDS", None)
    env.pop("GEOKG_BASE_IRI", None)  # the service names itself by the URL it is reached at
    command = [sys.executable, "-c", "from geokg.cli import main; main()", "serve", "--dev",
               "--no-samples", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    server = Server("geokg", process, f"{url}/sparql")
    wait_until_up(server, timeout=120)
    return server, Target("geokg", f"{url}/sparql", f"{url}/update", f"{url}/store",
                          {"Authorization": f"Bearer {TOKEN}"})


def start_oxigraph_target(store_dir: Path) -> tuple[Server, Target]:
    if not (BIN / "oxigraph").exists():
        raise SystemExit("oxigraph serve is not installed beside this Python (pip install oxigraph)")
    server = start_oxigraph(store_dir)
    base = server.query_url.removesuffix("/query")
    return server, Target("oxigraph-serve", f"{base}/query", f"{base}/update", f"{base}/store", {})


def run_all(target: Target, tests: list[ProtocolTest]) -> dict[str, str | None]:
    outcomes = {}
    for test in tests:
        outcomes[test.name] = failure = run_test(target, test)
        print(f"{target.name}\t{'PASS' if failure is None else 'FAIL'}\t{test.name}"
              + (f"\t{failure}" if failure else ""), flush=True)
    passed = sum(f is None for f in outcomes.values())
    print(f"{target.name}: {passed}/{len(outcomes)} passed", flush=True)
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rdf_tests", type=Path, help="a checkout of w3c/rdf-tests (or the "
                        "protocol manifest.ttl itself)")
    parser.add_argument("--oxigraph", action="store_true", help="also run against oxigraph serve")
    parser.add_argument("--only", nargs="*", help="run these tests only")
    parser.add_argument("--json", type=Path, help="write the outcomes here")
    parser.add_argument("--source", type=Path, default=ROOT, help="the geokg tree to run "
                        "(default: this one)")
    args = parser.parse_args()
    manifest = args.rdf_tests if args.rdf_tests.is_file() else args.rdf_tests / MANIFEST
    tests = [t for t in read_manifest(manifest) if not args.only or t.name in args.only]
    starters = [lambda folder: start_geokg(folder, args.source.resolve())]
    starters += [start_oxigraph_target] if args.oxigraph else []
    results: dict[str, dict[str, str | None]] = {}
    for start in starters:
        with tempfile.TemporaryDirectory(prefix="geokg-protocol-") as folder:
            server, target = start(Path(folder))
            try:
                results[target.name] = run_all(target, tests)
            finally:
                server.stop()
    for name, outcomes in results.items():
        print(f"TOTAL {name}: {sum(f is None for f in outcomes.values())}/{len(outcomes)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
