"""The one interface every graph store offers, and the result type its queries return.

The web layer and the pipeline only see `Store` and `QueryResult`, so the embedded
Oxigraph store and a remote SPARQL endpoint are interchangeable. Queries always run in
the backend's own engine; nothing here evaluates SPARQL in Python.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Literal, Protocol, runtime_checkable

QueryKind = Literal["select", "ask", "graph"]

#: Media types a SELECT or ASK result can be serialized to; the first is the default.
SOLUTION_MEDIA_TYPES: tuple[str, ...] = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
#: Media types a CONSTRUCT or DESCRIBE result can be serialized to; the first is the default.
GRAPH_MEDIA_TYPES: tuple[str, ...] = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
)
#: Media types a graph (triples) can be read from, as clients send them -> the canonical one.
GRAPH_UPLOAD_MEDIA_TYPES: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "application/turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "text/n-triples": "application/n-triples",
    "application/rdf+xml": "application/rdf+xml",
    "application/ld+json": "application/ld+json",
}
#: Media types a dataset (quads in named graphs) can be read from -> the canonical one.
DATASET_UPLOAD_MEDIA_TYPES: dict[str, str] = {
    "application/n-quads": "application/n-quads",
    "text/x-nquads": "application/n-quads",
    "application/trig": "application/trig",
    "application/x-trig": "application/trig",
}


def media_types_for(kind: QueryKind) -> tuple[str, ...]:
    """The media types a result of this kind can be written as (default first)."""
    return GRAPH_MEDIA_TYPES if kind == "graph" else SOLUTION_MEDIA_TYPES


class QueryResult(ABC):
    """The answer to one SPARQL query, independent of the backend that produced it.

    `serialize` streams bytes in the backend's own serializer; `rows`/`boolean` are for
    Python callers that want plain strings. A result is meant to be consumed once.
    """

    kind: QueryKind
    variables: list[str]

    @abstractmethod
    def serialize(self, media_type: str) -> Iterator[bytes]:
        """Yield the result written as `media_type` (see `media_types_for(kind)`).

        Raises `geokg.errors.InputError` if the media type does not fit the result kind.
        """

    def write(self, out: IO[bytes], media_type: str) -> None:
        """Write the whole result to a binary file (the CLI's stdout). Backends that can
        serialize straight into a file override this to avoid a streaming thread."""
        for chunk in self.serialize(media_type):
            out.write(chunk)

    @abstractmethod
    def rows(self, max_rows: int | None = None) -> list[dict[str, str | None]]:
        """Solutions of a SELECT as dicts: IRIs as IRI strings, literals as lexical forms,
        blank nodes as `_:id`, unbound variables as None.

        `max_rows` (GEOKG_MAX_RESULT_ROWS for responses built in memory): more solutions
        raise `geokg.errors.ResultTooLarge` instead of filling memory."""

    @property
    @abstractmethod
    def boolean(self) -> bool:
        """The answer of an ASK query."""

    def check_media_type(self, media_type: str) -> None:
        """Raise `InputError` unless this result can be written as `media_type`."""
        from geokg.errors import InputError

        if media_type not in media_types_for(self.kind):
            raise InputError(
                f"a {self.kind} result cannot be written as {media_type}; "
                f"use one of {', '.join(media_types_for(self.kind))}"
            )


@runtime_checkable
class Store(Protocol):
    """A quad store holding one named graph per article plus the gazetteer and ontology.

    The SPARQL default graph is the union of all named graphs unless the caller names
    graphs (or passes `union_default=False`, which leaves the store's real default
    graph, normally empty). Naming graphs defines the whole dataset as in the SPARQL
    protocol: `default_graphs` alone leaves no named graphs for GRAPH, `named_graphs`
    alone leaves an empty default graph.

    Three optional capabilities are declared by each backend, never probed for:
    `sparql_functions` (Python functions can be called inside its SPARQL),
    `generation` (a count of its writes, when nobody else can write the store) and
    `engine_socket` (where other processes reach the same store).
    """

    #: Whether `add_function` works: the engine runs in geokg (embedded Oxigraph, directly
    #: or in its engine process), not at a remote endpoint.
    sparql_functions: bool

    @property
    def generation(self) -> int | None:
        """A number every write through this object increases, when this object is the only
        writer of the store (an embedded store: RocksDB admits one process); None when others
        may write (a remote store, an engine shared by several web processes)."""
        ...

    @property
    def engine_socket(self) -> str | None:
        """The Unix socket of the engine process serving this store, through which other
        processes of a deployment (gunicorn's workers, the feed watcher) open the same store
        (GEOKG_ENGINE_SOCKET); None when it has none (a store in this process, a remote
        one, which others reach by its URL)."""
        ...

    def query(
        self,
        sparql: str,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        union_default: bool = True,
        serialize_as: Mapping[QueryKind, str] | None = None,
        base_iri: str | None = None,
        timeout: float | None = None,
    ) -> QueryResult:
        """Run a SPARQL query in the backend's engine. Raises QuerySyntaxError/StoreError.

        `base_iri` resolves relative IRIs (the protocol's service base); a BASE in the query
        still comes first. None: relative IRIs are an error.

        `serialize_as` names the media type the caller will pass to `serialize` for each
        kind of result. A backend may start writing the answer with the query (the engine
        process saves a round trip); it is a hint, `serialize` to another type still works.

        `timeout`: seconds this query may take when less than the store's own limit (what
        is left of a request that ran other steps first, e.g. SERVICE clauses). A backend
        that cannot stop a query (the in-process embedded store) ignores it.
        """
        ...

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL update atomically (`base_iri` as for `query`)."""
        ...

    def put_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace a graph's content by `ntriples` in one transaction (no half-written state)."""
        ...

    def replace_graphs(self, graphs: Mapping[str, str | None], *,
                       expect: Mapping[str, str | None] | None = None) -> None:
        """Replace several graphs in one transaction: each IRI's content becomes its N-Triples;
        None or empty text removes the graph. Readers see all of it or none of it.

        Why one call and not put_graph per graph: a curation write that changes two graphs
        must never be seen half-applied (one request to a remote store, one update here).

        `expect`: graph IRI -> the `graph_tag` the caller saw (None: no triples). When one
        graph is in another state now, nothing is written and PreconditionFailed is raised.
        The check and the write are one step where the backend is the store's only writer
        (embedded, engine); a remote store checks, then sends the write as the difference
        to what it checked, so that a write slipping in between is merged, never undone
        (no SPARQL 1.1 store offers compare-and-set).
        """
        ...

    def has_graph(self, graph_iri: str) -> bool:
        """Whether the named graph exists in the store."""
        ...

    def graph_tag(self, graph_iri: str) -> str | None:
        """The `content_tag` of one graph as the store holds it now (its ETag); None when
        it holds no triples (absent, or empty)."""
        ...

    def graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        ...

    def remove_graph(self, graph_iri: str) -> None:
        """Delete a named graph and its content; no error if it does not exist."""
        ...

    def dump(self, fmt: str) -> Iterator[bytes]:
        """Stream all named graphs as N-Quads or TriG (`nquads`/`trig` or the media type)."""
        ...

    def load(self, data: bytes, fmt: str) -> None:
        """Add the quads of an N-Quads or TriG document in one transaction."""
        ...

    def quad_count(self) -> int:
        """Number of quads in the store."""
        ...

    def ping(self, timeout: float) -> int | None:
        """Check that the store answers, within about `timeout` seconds where the backend
        can bound it (StoreUnavailable or another StoreError otherwise). Returns the pid of
        the engine process that answered, or None when the store runs in no process of its
        own."""
        ...

    def add_function(self, iri: str, function: Callable[..., object]) -> None:
        """Make `function` callable in this store's SPARQL queries as `<iri>(...)`; only
        where `sparql_functions` says so (StoreError elsewhere). It gets each argument as a
        string (IRI, lexical form) or None, and returns bool, int, float, str or None."""
        ...

    def close(self) -> None:
        """Release files and connections; the store is unusable afterwards."""
        ...


class StagingStore(Store, Protocol):
    """A store a curation write is tried on before the real store sees it
    (`geokg.pipeline.curation`): an in-memory engine process of its own, which can be killed
    at GEOKG_QUERY_TIMEOUT and has no network."""

    #: Seconds an update may run here before the engine is killed.
    query_timeout: float
    #: The engine process that answered the last call: a change means a new, empty engine.
    engine_pid: int | None

    def load_graph(self, graph_iri: str, data: bytes, media_type: str, *,
                   base_iri: str | None = None) -> None:
        """Add the triples of a document in a graph format to one named graph."""
        ...

    def graph_ntriples(self, graph_iri: str | None) -> str:
        """The triples of one graph (None: the default graph) as sorted N-Triples lines."""
        ...


def with_base(sparql: str, base_iri: str | None) -> str:
    """The text with `BASE <base_iri>` in front, for engines reached only by text (a remote
    store): a BASE the text declares itself is resolved against it, as the protocol says."""
    return f"BASE {sparql_iri(base_iri)}\n{sparql}" if base_iri else sparql


def sparql_iri(iri: str) -> str:
    """`<iri>` for a query; refuses what could break out of the brackets (defence in depth)."""
    if any(c in iri for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in iri):
        raise ValueError(f"not an IRI that can be written in SPARQL: {iri!r}")
    return f"<{iri}>"


def graph_content(store: Store, graph_iri: str, media_type: str) -> Iterator[bytes]:
    """Everything in one named graph, streamed in `media_type` by the store's serializer
    (the same on every backend: the Graph Store GET, dumps of one graph, curation, reindex)."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {sparql_iri(graph_iri)} {{ ?s ?p ?o }} }}"
    return store.query(query).serialize(media_type)


def content_tag(triples: Iterable[object]) -> str:
    """The strong validator (ETag) of a graph's content: a hash of its triples in canonical
    N-Triples (pyoxigraph's `str` of each triple), sorted. The same content gives the same
    tag on every read and every backend that names its blank nodes stably (all do)."""
    digest = hashlib.sha256()
    for line in sorted(str(triple) for triple in triples):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:32]


def read_graph(store: Store, graph_iri: str, media_type: str | None) -> tuple[str | None, bytes]:
    """One read of a graph: its tag (as `Store.graph_tag` gives it), and its content
    written as `media_type` (b"" for None), both from the same answer, so that a body never
    carries another state's tag."""
    import pyoxigraph as ox

    data = b"".join(graph_content(store, graph_iri, "application/n-triples"))
    triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    if media_type is None:
        body = b""
    elif media_type == "application/n-triples":
        body = data
    else:
        from geokg.store.formats import graph_format

        body = ox.serialize(triples, format=graph_format(media_type)) or b""
    return (content_tag(triples) if triples else None), body


def dataset_tags(data: bytes, fmt: str) -> dict[str, str]:
    """`content_tag` of each named graph of a dump (N-Quads or TriG), as `Store.graph_tag`
    gives it for the store the dump was taken from."""
    import pyoxigraph as ox

    from geokg.store.formats import dataset_format

    by_graph: dict[str, list[object]] = {}
    for quad in ox.parse(data, format=dataset_format(fmt)):
        if isinstance(quad.graph_name, ox.NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
    return {graph: content_tag(triples) for graph, triples in by_graph.items()}


def changed_since(graph_iri: str, expected: str | None, now: str | None) -> Exception:
    """The PreconditionFailed for a graph found with tag `now` where `expected` was."""
    from geokg.errors import PreconditionFailed

    if expected is None:
        return PreconditionFailed(f"the graph {graph_iri} holds triples now (its ETag is "
                                  f'"{now}"); nothing was written')
    state = "holds no triples any more" if now is None else "has changed"
    return PreconditionFailed(f'the graph {graph_iri} {state} since its ETag "{expected}" was '
                              "read; nothing was written: read it again and redo the change")
