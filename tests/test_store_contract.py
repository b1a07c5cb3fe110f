"""One contract, every backend: what `geokg.store.base.Store` promises holds for the
in-memory and on-disk Oxigraph stores, for the on-disk store behind its engine process
(what the web server uses) and for a real remote Oxigraph server."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.query import Result

from geokg.config import Settings
from geokg.errors import ConfigError, InputError, PreconditionFailed, QuerySyntaxError, StoreError
from geokg.store import open_store
from geokg.store.base import (
    GRAPH_MEDIA_TYPES,
    SOLUTION_MEDIA_TYPES,
    Store,
    dataset_tags,
    read_graph,
)
from geokg.store.engine_client import open_engine_store
from geokg.store.oxigraph import OxigraphResult, OxigraphStore
from geokg.store.remote import DIALECTS, Dialect, RemoteStore, query_form
from support import EX, G1, G2, LABELS, NT1, NT2, free_port, parse_solutions
from virtuoso import PASSWORD, USER, Virtuoso


def _open(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    if kind == "memory":
        return OxigraphStore()
    if kind == "oxigraph-disk":
        return OxigraphStore(tmp_path / "store")
    if kind == "engine":
        return open_engine_store(tmp_path / "store", query_timeout=30)
    if kind == "virtuoso":
        server: Virtuoso = request.getfixturevalue("virtuoso_server")
        remote = RemoteStore(server.query_url, server.update_url, user=USER, password=PASSWORD,
                             dialect="virtuoso")
    else:
        url = request.getfixturevalue("oxigraph_server")
        remote = RemoteStore(f"{url}/query", f"{url}/update")
    for graph in remote.graphs():  # the server lives for the session; start each test empty
        remote.remove_graph(graph)
    return remote


def dialect_of(store: Store) -> Dialect:
    """What the backend declares it does differently; the embedded stores follow SPARQL 1.1."""
    return store.dialect if isinstance(store, RemoteStore) else DIALECTS["sparql11"]


@pytest.fixture(params=["memory", "oxigraph-disk", "engine", "remote", "virtuoso"])
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
    # ORDER BY STR(?label): SPARQL 1.1 leaves the order of literals with different language
    # tags open, and Virtuoso orders them by its internal language id first.
    result = loaded.query(
        f"SELECT ?label ?n WHERE {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label "
        f"OPTIONAL {{ ?s <{EX}population> ?n }} }} ORDER BY STR(?label)"
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
    assert isomorphic(_parse_graph(data, media_type), _union_of(loaded))


def _union_of(loaded: Store) -> rdflib.Graph:
    """The default graph of a store holding G1 and G2: their union, and on an engine that
    keeps its system graphs in it (Virtuoso) their triples too."""
    union = rdflib.Graph().parse(data=NT1 + NT2, format="nt")
    if isinstance(loaded, RemoteStore) and loaded.dialect.system_graphs_in_default_graph:
        for graph in loaded.hidden_graphs():
            query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            union.parse(data=b"".join(loaded.query(query).serialize("application/n-triples")),
                        format="nt")
        assert len(union) > 3 + 1000  # virtrdf# alone holds some 2,500 triples
    return union


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
    assert isomorphic(_parse_graph(b"".join(graph.serialize("text/turtle")), "text/turtle"),
                      _union_of(loaded))


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
    """The engine's own words, with the line the client wrote (Oxigraph says "error at 1:1",
    Virtuoso "line 1: syntax error at 'SELEC'"), also when geokg put a BASE or pragmas in
    front."""
    for base in (None, "http://example.org/base/"):
        with pytest.raises(QuerySyntaxError, match=r"error at 1:|line 1: syntax error at 'SELEC'"):
            any_store.query("SELEC ?s WHERE { ?s ?p ?o }", base_iri=base)
        with pytest.raises(QuerySyntaxError, match=r"error at 2:|line 2: syntax error"):
            any_store.query("SELECT ?s\nWHERE { ?s ?p ?o . SELEC }", base_iri=base)


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
    if loaded.engine_socket is not None:  # what gunicorn's workers and the watcher attach to
        attached = open_engine_store(None, query_timeout=30, engine_socket=loaded.engine_socket)
        try:
            assert attached.has_graph(G1) and attached.quad_count() == loaded.quad_count()
        finally:
            attached.close()
        assert loaded.has_graph(G1)  # the attached client's close leaves the engine running


# -- where engines differ: each dialect field is held to what it declares -------------------

def test_default_graphs_alone_leave_no_named_graphs(loaded: Store) -> None:
    """The protocol: naming only default graphs defines the whole dataset, so GRAPH ?g
    matches nothing (Virtuoso would match every graph: geokg names an empty named set)."""
    rows = loaded.query("SELECT ?g ?s WHERE { GRAPH ?g { ?s ?p ?o } }", default_graphs=[G2]).rows()
    assert rows == []
    assert _labels(loaded, default_graphs=[G2]) == {"Ukraine"}


BLANK = (f'<{EX}russia> <{EX}claims> _:claim .\n'
         f'_:claim <{EX}territory> <{EX}crimea> .\n'
         f'_:claim <http://www.w3.org/2000/01/rdf-schema#label> "Anspruch"@de .\n'
         f'<{EX}russia> <{EX}claims> _:other .\n')


def test_blank_nodes_keep_their_structure(any_store: Store) -> None:
    """A blank node written once is one node when read back (Virtuoso: INSERT DATA may not
    hold blank nodes, and names them nodeID://…, which no standard parser reads)."""
    any_store.put_graph(G1, BLANK + NT2)
    data = b"".join(any_store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
                    .serialize("application/n-triples"))
    assert isomorphic(rdflib.Graph().parse(data=data, format="nt"),
                      rdflib.Graph().parse(data=BLANK + NT2, format="nt"))
    rows = any_store.query(f"SELECT ?claim ?t WHERE {{ <{EX}russia> <{EX}claims> ?claim "
                           f"OPTIONAL {{ ?claim <{EX}territory> ?t }} }}").rows()
    assert sorted(r["t"] or "" for r in rows) == ["", f"{EX}crimea"]
    assert all((r["claim"] or "").startswith("_:") for r in rows)
    assert len({r["claim"] for r in rows}) == 2
    for fmt in SOLUTION_MEDIA_TYPES:
        result = any_store.query(f"SELECT ?claim WHERE {{ ?claim <{EX}territory> ?t }}")
        assert len(parse_solutions(b"".join(result.serialize(fmt)), fmt)) == 1


TYPED = [
    ('"Zürich \\u00e9 \\"q\\" \\n 😀"', "Zürich é \"q\" \n 😀"),
    ('"plain"', "plain"),
    ('"typed"^^<http://www.w3.org/2001/XMLSchema#string>', "typed"),
    ('"Hallo"@DE-at', "Hallo"),
    ('"2024-01-05"^^<http://www.w3.org/2001/XMLSchema#date>', "2024-01-05"),
    ('"2024-01-05T10:00:00.250+02:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>',
     "2024-01-05T10:00:00.250+02:00"),
    ('"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>', "2024"),
    ('"abc"^^<http://example.org/type>', "abc"),
    ('"007"^^<http://www.w3.org/2001/XMLSchema#integer>', "007"),
    ('"1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>', "1.50"),
    ('"1"^^<http://www.w3.org/2001/XMLSchema#boolean>', "1"),
]
#: Canonical forms: engines store numbers, booleans and date-times by value (Oxigraph all
#: of them, Virtuoso numbers and booleans) and may write them back in this form.
CANONICAL = {"007": "7", "1.50": "1.5", "1": "true",
             "2024-01-05T10:00:00.250+02:00": "2024-01-05T10:00:00.25+02:00"}


def test_literals_keep_language_datatype_and_value(any_store: Store) -> None:
    """Language tags (lower case on every engine), datatypes and values survive a round
    trip, and so do lexical forms, but for numbers, booleans and date-times, which may come
    back in canonical form."""
    lines = "".join(f"<{EX}x> <{EX}v{i}> {term} .\n" for i, (term, _) in enumerate(TYPED))
    any_store.put_graph(G1, lines)
    rows = any_store.query(f"SELECT ?p ?o (DATATYPE(?o) AS ?type) (LANG(?o) AS ?lang) "
                           f"WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}").rows()
    found = {row["p"]: row for row in rows}
    for i, (term, lexical) in enumerate(TYPED):
        [sent] = list(rdflib.Graph().parse(data=f"<{EX}x> <{EX}v{i}> {term} .", format="nt")
                      .objects())
        assert isinstance(sent, rdflib.Literal)
        row = found[f"{EX}v{i}"]
        assert row["o"] in (lexical, CANONICAL.get(lexical)), term
        assert row["lang"] == (sent.language or "").lower(), term
        if sent.language and not dialect_of(any_store).langstring_datatype:
            assert row["type"] is None, term  # SPARQL 1.0's answer (Virtuoso)
            continue
        assert row["type"] == str(sent.datatype or (rdflib.RDF.langString if sent.language
                                                     else rdflib.XSD.string)), term


def test_a_graph_of_many_triples_is_written_whole(any_store: Store) -> None:
    """5000 triples (Virtuoso's SPARQL compiler gives up on one INSERT DATA of that size:
    geokg splits it into several in one request)."""
    big = "".join(f'<{EX}s{i}> <{EX}p> "{i}" .\n' for i in range(5000))
    any_store.put_graph(G1, big)
    assert any_store.quad_count() == 5000
    any_store.replace_graphs({G1: NT2, G2: big})
    assert (any_store.quad_count(), any_store.graphs()) == (5001, [G1, G2])


def test_an_update_that_fails_midway_is_atomic_where_declared(any_store: Store) -> None:
    """One request, two operations, the second fails: an engine that declares
    `atomic_updates` keeps nothing of it; Virtuoso keeps the first (a documented gap)."""
    any_store.put_graph(G1, NT1)
    with pytest.raises((InputError, QuerySyntaxError, StoreError)):
        any_store.update(f"INSERT DATA {{ GRAPH <{G2}> {{ {NT2} }} }} ;\n"
                         f"DROP GRAPH <{EX}no-such-graph>")
    assert any_store.has_graph(G2) is not dialect_of(any_store).atomic_updates


def test_graphs_exist_while_they_hold_triples_or_where_declared_when_empty(
        any_store: Store) -> None:
    any_store.put_graph(G1, NT1)
    any_store.update(f"DELETE WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert any_store.quad_count() == 0
    assert any_store.has_graph(G1) is dialect_of(any_store).empty_graphs


def test_virtuoso_keeps_its_system_graphs_out_of_geokgs_view(virtuoso_server: Virtuoso) -> None:
    """Virtuoso's own graphs (its quad map, LDP classes, the endpoint's description) are
    not listed, counted, dumped or written; the union default graph still holds them
    (README, "Remote stores")."""
    store = RemoteStore(virtuoso_server.query_url, virtuoso_server.update_url, user=USER,
                        password=PASSWORD, dialect="virtuoso")
    for graph in store.graphs():
        store.remove_graph(graph)
    hidden = store.hidden_graphs()
    assert "http://www.openlinksw.com/schemas/virtrdf#" in hidden
    assert any(g.endswith("/sparql") for g in hidden), hidden  # the self-description
    assert (store.graphs(), store.quad_count(), b"".join(store.dump("nquads")).strip()) == ([], 0, b"")
    for graph in hidden:
        assert not store.has_graph(graph)
        with pytest.raises(InputError, match="keeps for itself"):
            store.put_graph(graph, NT1)
        with pytest.raises(InputError, match="keeps for itself"):
            store.remove_graph(graph)
        with pytest.raises(InputError, match="keeps for itself"):
            store.load(f"<{EX}a> <{EX}b> <{EX}c> <{graph}> .\n".encode(), "nquads")
    assert store.query("ASK { ?s a <http://www.openlinksw.com/schemas/virtrdf#QuadMap> }").boolean


# -- graph tags (ETags) and conditional writes ------------------------------------------------

def test_a_graph_tag_follows_the_content_and_nothing_else(any_store: Store) -> None:
    """The strong validator behind ETag: the same content (also read another way, or
    written again) has the same tag, any change another one; blank nodes keep it stable."""
    assert any_store.graph_tag(G1) is None
    any_store.put_graph(G1, NT1)
    first = any_store.graph_tag(G1)
    assert first is not None and any_store.graph_tag(G1) == first
    assert read_graph(any_store, G1, "text/turtle")[0] == first
    any_store.put_graph(G1, "".join(reversed(NT1.splitlines(keepends=True))))
    assert any_store.graph_tag(G1) == first
    any_store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}x> <{EX}y> "z" }} }}')
    assert any_store.graph_tag(G1) not in (None, first)
    any_store.put_graph(G2, BLANK)
    blank = any_store.graph_tag(G2)
    assert blank is not None and any_store.graph_tag(G2) == blank
    assert read_graph(any_store, G2, "application/n-triples")[0] == blank
    assert dataset_tags(b"".join(any_store.dump("nquads")), "nquads") == {
        G1: any_store.graph_tag(G1), G2: blank}
    any_store.remove_graph(G2)
    assert any_store.graph_tag(G2) is None


def test_a_conditional_replace_writes_only_over_the_state_expected(any_store: Store) -> None:
    any_store.put_graph(G1, NT1)
    tag = any_store.graph_tag(G1)
    stale = "0" * 32
    for graphs, expect in [({G1: NT2}, {G1: stale}), ({G1: NT2}, {G1: None}),
                           ({G2: NT2}, {G2: tag}), ({G1: NT2, G2: NT1}, {G1: tag, G2: stale})]:
        with pytest.raises(PreconditionFailed, match="nothing was written"):
            any_store.replace_graphs(graphs, expect=expect)
        assert (any_store.graphs(), any_store.graph_tag(G1)) == ([G1], tag)
    any_store.replace_graphs({G1: NT2, G2: NT1}, expect={G1: tag, G2: None})
    assert any_store.graphs() == [G1, G2]
    assert _labels(any_store, default_graphs=[G1]) == {"Ukraine"}
    with pytest.raises(PreconditionFailed, match="has changed since"):
        any_store.replace_graphs({G1: NT1}, expect={G1: tag})
    any_store.replace_graphs({G2: None}, expect={G2: any_store.graph_tag(G2)})
    assert any_store.graphs() == [G1]


class _Interleaved(RemoteStore):
    """A remote store after whose check another writer's update lands at once."""

    meanwhile: Callable[[], None] = staticmethod(lambda: None)

    def _triples(self, graph_iri: str) -> list[Any]:
        triples = super()._triples(graph_iri)
        self.meanwhile()
        self.meanwhile = lambda: None
        return triples


@pytest.mark.parametrize("kind", ["remote", "virtuoso"])
def test_a_write_slipping_in_after_a_remote_check_is_merged_not_undone(
        kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """No SPARQL 1.1 store can compare and set; the check passes, another geokg writes, and
    this write (sent as a difference) keeps what the other one added."""
    other = _open(kind, tmp_path, request)
    assert isinstance(other, RemoteStore)
    mine = _Interleaved(other.query_url, other.update_url, user=USER if kind == "virtuoso" else None,
                        password=PASSWORD, dialect=other.dialect.name)
    other.put_graph(G1, NT1)
    tag = mine.graph_tag(G1)
    theirs = f'<{EX}russia> <{EX}note> "added by the other writer" .\n'
    mine.meanwhile = lambda: other.update(f"INSERT DATA {{ GRAPH <{G1}> {{ {theirs} }} }}")
    mine.replace_graphs({G1: NT1 + NT2}, expect={G1: tag})
    stored = b"".join(other.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
                      .serialize("application/n-triples"))
    assert isomorphic(rdflib.Graph().parse(data=stored, format="nt"),
                      rdflib.Graph().parse(data=NT1 + NT2 + theirs, format="nt"))
