"""One contract, every backend: what `geokg.store.base.Store` promises holds for the
in-memory and on-disk Oxigraph stores, for the on-disk store behind its engine process
(what the web server uses) and for a real remote Oxigraph server."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.query import Result

from geokg.config import Settings
from geokg.errors import ConfigError, InputError, QuerySyntaxError, StoreError
from geokg.store import open_store
from geokg.store.base import GRAPH_MEDIA_TYPES, SOLUTION_MEDIA_TYPES, Store
from geokg.store.engine_client import open_engine_store
from geokg.store.oxigraph import OxigraphResult, OxigraphStore
from geokg.store.remote import RemoteStore, query_form
from support import EX, G1, G2, LABELS, NT1, NT2, free_port, parse_solutions


def _open(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    if kind == "memory":
        return OxigraphStore()
    if kind == "oxigraph-disk":
        return OxigraphStore(tmp_path / "store")
    if kind == "engine":
        return open_engine_store(tmp_path / "store", query_timeout=30)
    url = request.getfixturevalue("oxigraph_server")
    remote = RemoteStore(f"{url}/query", f"{url}/update")
    remote.update("DROP ALL")  # the server lives for the session; start each test empty
    return remote


@pytest.fixture(params=["memory", "oxigraph-disk", "engine", "remote"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = _open(request.param, tmp_path, request)
    yield opened
    opened.close()


@pytest.fixture
def loaded(any_store: Store) -> Store:
    any_store.put_graph(G1, NT1)
    any_store.put_graph(G2, NT2)
    return any_store


def _labels(store: Store, **dataset: object) -> set[str]:
    return {row["label"] or "" for row in store.query(LABELS, **dataset).rows()}  # type: ignore[arg-type]


def test_put_graph_creates_and_replaces(any_store: Store) -> None:
    any_store.put_graph(G1, NT1)
    assert any_store.has_graph(G1)
    assert any_store.quad_count() == 3
    any_store.put_graph(G1, NT2)
    assert any_store.quad_count() == 1
    assert _labels(any_store) == {"Ukraine"}
    assert any_store.graphs() == [G1]


def test_put_graph_with_bad_ntriples_keeps_the_old_content(any_store: Store) -> None:
    any_store.put_graph(G1, NT1)
    with pytest.raises(InputError):
        any_store.put_graph(G1, NT2 + "this is not a triple\n")
    assert any_store.quad_count() == 3


def test_default_graph_is_the_union_of_named_graphs(loaded: Store) -> None:
    assert _labels(loaded) == {"Russland", "Ukraine"}


def test_default_graphs_restrict_the_default_graph(loaded: Store) -> None:
    assert _labels(loaded, default_graphs=[G2]) == {"Ukraine"}


def test_named_graphs_restrict_graph_patterns(loaded: Store) -> None:
    rows = loaded.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                        named_graphs=[G1]).rows()
    assert rows == [{"g": G1}]


def test_ask(loaded: Store) -> None:
    yes = loaded.query(f"ASK {{ <{EX}russia> ?p ?o }}")
    no = loaded.query(f"ASK {{ <{EX}france> ?p ?o }}")
    assert (yes.kind, yes.boolean, no.boolean) == ("ask", True, False)


def test_select_rows_are_plain_strings(loaded: Store) -> None:
    result = loaded.query(
        f"SELECT ?label ?n WHERE {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label "
        f"OPTIONAL {{ ?s <{EX}population> ?n }} }} ORDER BY ?label"
    )
    assert result.kind == "select"
    assert result.variables == ["label", "n"]
    assert result.rows() == [{"label": "Russland", "n": "146"}, {"label": "Ukraine", "n": None}]


def test_select_rows_give_iris_as_strings(loaded: Store) -> None:
    rows = loaded.query(f"SELECT ?o WHERE {{ <{EX}russia> <{EX}borders> ?o }}").rows()
    assert rows == [{"o": f"{EX}ukraine"}]


@pytest.mark.parametrize("media_type", GRAPH_MEDIA_TYPES)
def test_construct_serializations_parse_back(loaded: Store, media_type: str) -> None:
    result = loaded.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert result.kind == "graph"
    data = b"".join(result.serialize(media_type))
    expected = rdflib.Graph().parse(data=NT1 + NT2, format="nt")
    assert isomorphic(_parse_graph(data, media_type), expected)


def _parse_graph(data: bytes, media_type: str) -> rdflib.Graph:
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt",
           "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[media_type]
    return rdflib.Graph().parse(data=data, format=fmt)


@pytest.mark.parametrize("media_type", SOLUTION_MEDIA_TYPES)
def test_select_serializations_parse_back(loaded: Store, media_type: str) -> None:
    data = b"".join(loaded.query(LABELS).serialize(media_type))
    assert {row["label"] for row in parse_solutions(data, media_type)} == {"Russland", "Ukraine"}


@pytest.mark.parametrize("media_type", ["application/sparql-results+json",
                                        "application/sparql-results+xml"])
def test_ask_serializations_parse_back(loaded: Store, media_type: str) -> None:
    data = b"".join(loaded.query("ASK { ?s ?p ?o }").serialize(media_type))
    fmt = "json" if media_type.endswith("json") else "xml"
    assert Result.parse(io.BytesIO(data), format=fmt).askAnswer is True


def test_a_result_named_in_serialize_as_is_written_in_that_type(loaded: Store) -> None:
    result = loaded.query(LABELS, serialize_as={"select": "text/csv", "graph": "text/turtle"})
    data = b"".join(result.serialize("text/csv"))
    assert {row["label"] for row in parse_solutions(data, "text/csv")} == {"Russland", "Ukraine"}
    graph = loaded.query("CONSTRUCT WHERE { ?s ?p ?o }", serialize_as={"graph": "text/turtle"})
    expected = rdflib.Graph().parse(data=NT1 + NT2, format="nt")
    assert isomorphic(_parse_graph(b"".join(graph.serialize("text/turtle")), "text/turtle"),
                      expected)


def test_serialize_as_is_only_a_hint(loaded: Store) -> None:
    """A caller that changes its mind still gets the whole answer, in the type it asks."""
    hinted = {"select": "text/csv"}
    data = b"".join(loaded.query(LABELS, serialize_as=hinted).serialize(
        "application/sparql-results+xml"))
    labels = {row["label"] for row in parse_solutions(data, "application/sparql-results+xml")}
    assert labels == {"Russland", "Ukraine"}
    rows = loaded.query(LABELS, serialize_as=hinted).rows()
    assert {row["label"] for row in rows} == {"Russland", "Ukraine"}
    ask = loaded.query("ASK { ?s ?p ?o }", serialize_as={"select": "text/csv"})
    assert ask.boolean is True


def test_an_engine_result_used_again_runs_again_in_the_type_asked(tmp_path: Path) -> None:
    """A result is meant to be used once; the engine store still answers a second use
    right, and its pooled connections stay in step (the hint is not sent again)."""
    store = open_engine_store(tmp_path / "store", query_timeout=30)
    try:
        store.put_graph(G1, NT1)
        store.put_graph(G2, NT2)
        result = store.query(LABELS, serialize_as={"select": "text/csv"})
        first = b"".join(result.serialize("text/csv"))
        assert {row["label"] for row in parse_solutions(first, "text/csv")} == {"Russland",
                                                                                 "Ukraine"}
        again = b"".join(result.serialize("application/sparql-results+json"))
        assert {row["label"] for row in parse_solutions(
            again, "application/sparql-results+json")} == {"Russland", "Ukraine"}
        assert {row["label"] for row in result.rows()} == {"Russland", "Ukraine"}
        assert store.quad_count() > 0
        assert {row["label"] for row in store.query(LABELS).rows()} == {"Russland", "Ukraine"}
    finally:
        store.close()


def test_syntax_error_carries_the_parsers_message(any_store: Store) -> None:
    with pytest.raises(QuerySyntaxError, match="error at 1:"):
        any_store.query("SELEC ?s WHERE { ?s ?p ?o }")


def test_remove_graph(loaded: Store) -> None:
    loaded.remove_graph(G1)
    assert not loaded.has_graph(G1)
    assert loaded.graphs() == [G2]
    loaded.remove_graph(G1)  # removing again is no error


def test_replace_graphs_replaces_creates_and_removes_at_once(loaded: Store) -> None:
    g3 = f"{EX}article/3"
    loaded.replace_graphs({G1: NT2, G2: None, g3: NT1})
    assert loaded.graphs() == [G1, g3]
    assert _labels(loaded, default_graphs=[G1]) == {"Ukraine"}
    assert _labels(loaded, default_graphs=[g3]) == {"Russland"}
    assert loaded.quad_count() == 4


def test_replace_graphs_with_empty_text_removes_and_nothing_is_a_no_op(loaded: Store) -> None:
    loaded.replace_graphs({})
    assert loaded.quad_count() == 4
    loaded.replace_graphs({G2: ""})
    assert loaded.graphs() == [G1]


def test_replace_graphs_with_one_bad_graph_changes_none(loaded: Store) -> None:
    with pytest.raises(InputError, match="not valid N-Triples"):
        loaded.replace_graphs({G1: NT2, G2: "this is not a triple\n"})
    assert loaded.graphs() == [G1, G2]
    assert _labels(loaded) == {"Russland", "Ukraine"}
    assert loaded.quad_count() == 4


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dump_then_load_gives_the_same_quads(loaded: Store, fmt: str) -> None:
    dumped = b"".join(loaded.dump(fmt))
    before = _quads(dumped, fmt)
    for graph in loaded.graphs():
        loaded.remove_graph(graph)
    assert loaded.quad_count() == 0
    loaded.load(dumped, fmt)
    assert _quads(b"".join(loaded.dump(fmt)), fmt) == before
    assert len(before) == 4


def _quads(data: bytes, fmt: str) -> set[tuple[object, ...]]:
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=fmt)
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}


def test_disk_store_survives_close_and_reopen(tmp_path: Path) -> None:
    first = OxigraphStore(tmp_path / "store")
    first.put_graph(G1, NT1)
    first.close()
    again = OxigraphStore(tmp_path / "store")
    try:
        assert again.graphs() == [G1]
        assert again.quad_count() == 3
    finally:
        again.close()


def test_queries_run_in_oxigraph(tmp_path: Path) -> None:
    """The result wraps pyoxigraph's own objects: no rdflib evaluator in the path."""
    store = OxigraphStore(tmp_path / "store")
    store.put_graph(G1, NT1)
    result = store.query(LABELS)
    assert isinstance(result, OxigraphResult)
    assert type(result.native).__module__ == "pyoxigraph"
    assert type(result.native).__name__ == "QuerySolutions"
    store.close()


def test_open_store_by_scheme(tmp_path: Path) -> None:
    assert isinstance(open_store(Settings(store="memory")), OxigraphStore)
    disk = open_store(Settings(store=f"oxigraph:{tmp_path / 'x'}"))
    assert isinstance(disk, OxigraphStore) and (tmp_path / "x").is_dir()
    disk.close()
    remote = open_store(Settings(store="sparql:http://h/query,http://h/update"))
    assert isinstance(remote, RemoteStore)
    assert (remote.query_url, remote.update_url) == ("http://h/query", "http://h/update")
    with pytest.raises(ConfigError, match="GEOKG_STORE"):
        open_store(Settings(store="neo4j://localhost"))


def test_unreachable_remote_is_a_store_error() -> None:
    remote = RemoteStore(f"http://127.0.0.1:{free_port()}/query")
    with pytest.raises(StoreError, match="127.0.0.1"):
        remote.query("ASK {}")


@pytest.mark.parametrize("text, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("prefix ex: <http://x/>\nconstruct { ?s ?p ?o } where { ?s ?p ?o }", "CONSTRUCT"),
    ("PREFIX ex: <http://x/>  # the namespace\nASK { ?s ?p ?o }", "ASK"),
    ("PREFIX ex: # the namespace\n  <http://x/#frag>\nDESCRIBE ex:a", "DESCRIBE"),
    ("\ufeff# a list of what is addressed\n# asks nothing\nBASE <http://x/>\nSELECT ?s {}", "SELECT"),
    ("WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "INSERT"),  # an update
])
def test_remote_store_reads_the_query_form_past_comments_and_prologue(text: str, form: str) -> None:
    """SPARQLWrapper's own guess read keywords in comments ("addressed" made a SELECT an ADD)."""
    assert query_form(text) == form


# -- declared capabilities: callers read them, never probe with getattr ----------------------

def test_every_backend_answers_ping_and_declares_its_capabilities(loaded: Store) -> None:
    from geokg.query.search import MATCHES, SPARQL_FUNCTIONS

    loaded.ping(5)
    before = loaded.generation
    loaded.put_graph(G1, NT2)
    if before is not None:  # only a store that is its own only writer counts writes
        assert loaded.generation is not None and loaded.generation > before
    if loaded.sparql_functions:
        loaded.add_function(MATCHES, SPARQL_FUNCTIONS[MATCHES])
        rows = loaded.query(f'SELECT (<{MATCHES}>("Waffenruhe", "waffenruhe") AS ?x) WHERE {{}}').rows()
        assert rows == [{"x": "true"}]
    else:
        with pytest.raises(StoreError, match="sparql_functions"):
            loaded.add_function(MATCHES, SPARQL_FUNCTIONS[MATCHES])
