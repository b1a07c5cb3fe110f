"""A remote SPARQL 1.1 store reached through SPARQLWrapper (`GEOKG_STORE=sparql:Q[,U]`).

Queries run in the remote engine. The result is requested in the format geokg serves by
default (JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE) and those bytes are passed
through untouched; only another requested format is converted, by Oxigraph's streaming
parsers and serializers, never by rdflib.

The default graph: geokg expects it to be the union of all named graphs. A remote store
cannot be told that per query in SPARQL 1.1, so the remote must be configured that way
(`oxigraph serve --union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`, ...).
Explicit `default_graphs`/`named_graphs` are sent as `default-graph-uri`/`named-graph-uri`.
Methods that list or count (graphs, dump, quad_count) look at named graphs only.
"""

from __future__ import annotations

import ast
import itertools
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any
from urllib.error import URLError

import pyoxigraph as ox
from SPARQLWrapper import BASIC, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from geokg.errors import InputError, QuerySyntaxError, QueryTimeout, StoreError
from geokg.store.base import QueryKind, QueryResult, media_types_for, with_base
from geokg.store.oxigraph import (
    bounded,
    dataset_format,
    graph_format,
    named_node,
    put_graph_update,
    replace_graphs_update,
    result_format,
    stream_writes,
    term_text,
)

_KINDS: dict[str, QueryKind] = {
    "SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph", "DESCRIBE": "graph",
}
#: What we ask the remote for, per kind: the web layer's default formats.
_TRANSPORT: dict[QueryKind, str] = {
    "select": "application/sparql-results+json",
    "ask": "application/sparql-results+json",
    "graph": "text/turtle",
}
_CHUNK = 64 * 1024
#: One item of a query's prologue: a comment, a BASE or a PREFIX declaration (comments may
#: stand between a prefix and its IRI).
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*|BASE(?:\s|#[^\n]*)*<[^>]*>"
                       r"|PREFIX\s+[^\s:#]*:(?:\s|#[^\n]*)*<[^>]*>)", re.IGNORECASE)
_FORM = re.compile(r"\s*([A-Za-z]+)")
_AGENT = "geokg (+https://w3id.org/geokg)"


def query_form(sparql: str) -> str:
    """The keyword after the prologue (SELECT, ASK, INSERT, …), upper case: what the text
    asks for, with comments and BASE/PREFIX declarations skipped."""
    text = sparql.removeprefix("\ufeff")
    position = 0
    while match := _PROLOGUE.match(text, position):
        position = match.end()
    form = _FORM.match(text, position)
    keyword = form.group(1).upper() if form else "SELECT"
    return "INSERT" if keyword == "WITH" else keyword  # WITH <g> DELETE/INSERT …: an update


class RemoteResult(QueryResult):
    """An open HTTP response holding the remote's answer in the transport format."""

    def __init__(self, kind: QueryKind, response: Any):
        self.kind = kind
        self._response = response
        served = _content_type(response)
        self._transport = served if served in media_types_for(kind) else _TRANSPORT[kind]
        self._data: bytes | None = None

    @property
    def variables(self) -> list[str]:  # type: ignore[override]  # read lazily, see below
        """Read from the head of the results, which means reading the whole body.

        Why lazy: a caller that only serializes in the transport format gets the remote's
        bytes streamed through; the body is buffered only when someone looks inside.
        """
        if self.kind != "select":
            return []
        return [v.value for v in self._solutions().variables]

    def serialize(self, media_type: str) -> Iterator[bytes]:
        self.check_media_type(media_type)
        if self._data is None and media_type == self._transport:
            return self._pass_through()
        return stream_writes(lambda out: self._convert(out, media_type))

    def rows(self, max_rows: int | None = None) -> list[dict[str, str | None]]:
        if self.kind != "select":
            raise InputError(f"rows() needs a SELECT result, this is {self.kind}")
        names = self.variables
        solutions = self._solutions()
        if max_rows is not None:
            solutions = itertools.islice(solutions, max_rows + 1)
        return bounded([{n: term_text(s[n]) for n in names} for s in solutions], max_rows)

    @property
    def boolean(self) -> bool:
        if self.kind != "ask":
            raise InputError(f"boolean needs an ASK result, this is {self.kind}")
        return bool(self._solutions())

    def _body(self) -> bytes:
        if self._data is None:
            try:
                self._data = self._response.read()
            finally:
                self._response.close()
        return self._data

    def _solutions(self) -> Any:
        fmt = result_format(self._transport)
        return ox.parse_query_results(self._body(), format=fmt)

    def _pass_through(self) -> Iterator[bytes]:
        try:
            while chunk := self._response.read(_CHUNK):
                yield chunk
        finally:
            self._response.close()

    def _convert(self, out: IO[bytes], media_type: str) -> None:
        source = self._body()
        if self.kind == "graph":
            triples = (q.triple for q in ox.parse(source, format=graph_format(self._transport)))
            ox.serialize(triples, out, format=graph_format(media_type))
        else:
            parsed = ox.parse_query_results(source, format=result_format(self._transport))
            parsed.serialize(out, format=result_format(media_type))


def _content_type(response: Any) -> str | None:
    value = response.headers.get("Content-Type") if hasattr(response, "headers") else None
    return value.split(";")[0].strip().lower() if value else None


class RemoteStore:
    """`geokg.store.base.Store` on a remote SPARQL 1.1 query (and update) endpoint."""

    #: The endpoint runs its own engine: no Python function can be called inside it.
    sparql_functions = False
    #: Anyone may write the endpoint: no count of writes can say nothing changed.
    generation = None

    def __init__(self, query_url: str, update_url: str | None = None, *,
                 user: str | None = None, password: str | None = None,
                 timeout: float | None = None):
        self.query_url = query_url
        self.update_url = update_url or query_url
        self._credentials = (user, password) if user else None
        #: Seconds the endpoint may stay silent (GEOKG_QUERY_TIMEOUT for the web server).
        #: It does not stop the remote's work: configure the remote's own limit as well
        #: (`oxigraph serve --timeout-s`, Fuseki `arq:queryTimeout`).
        self.timeout = timeout

    def _client(self, sparql: str, *, update: bool = False) -> SPARQLWrapper:
        client = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url, agent=_AGENT)
        client.setMethod(POST)
        with warnings.catch_warnings():
            # SPARQLWrapper warns on forms it does not recognise; the endpoint decides.
            warnings.simplefilter("ignore")
            client.setQuery(sparql)
        # any update form routes it to the update endpoint; SPARQLWrapper's own guess reads
        # keywords in every other comment line ("addressed" made a SELECT an ADD)
        client.queryType = "INSERT" if update else query_form(sparql)
        if self.timeout is not None:
            client.setTimeout(max(1, round(self.timeout)))
        if self._credentials:
            client.setHTTPAuth(BASIC)
            client.setCredentials(*self._credentials)
        return client

    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, union_default: bool = True,
              serialize_as: Mapping[QueryKind, str] | None = None,
              base_iri: str | None = None) -> QueryResult:
        """Send the query; `union_default` is the remote's configuration (module doc)."""
        client = self._client(with_base(sparql, base_iri))
        if client.isSparqlUpdateRequest():
            raise QuerySyntaxError("this is a SPARQL update, not a query")
        kind = _KINDS.get(str(client.queryType).upper(), "select")
        for graph in default_graphs or []:
            client.addParameter("default-graph-uri", str(named_node(graph).value))
        for graph in named_graphs or []:
            client.addParameter("named-graph-uri", str(named_node(graph).value))
        client.addCustomHttpHeader("Accept", _TRANSPORT[kind])
        return RemoteResult(kind, _send(client, shifted=base_iri is not None).response)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        _send(self._client(with_base(sparql, base_iri), update=True),
              shifted=base_iri is not None).response.close()

    def put_graph(self, graph_iri: str, ntriples: str) -> None:
        self.update(put_graph_update(graph_iri, ntriples))

    def replace_graphs(self, graphs: Mapping[str, str | None]) -> None:
        """One update request; atomic where the remote runs a request in one transaction
        (Oxigraph, Fuseki/TDB2, GraphDB do)."""
        update = replace_graphs_update(graphs)
        if update:
            self.update(update)

    def has_graph(self, graph_iri: str) -> bool:
        return self.query(f"ASK {{ GRAPH {named_node(graph_iri)} {{ }} }}").boolean

    def graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows()
        return sorted(r["g"] or "" for r in rows)

    def remove_graph(self, graph_iri: str) -> None:
        self.update(f"DROP SILENT GRAPH {named_node(graph_iri)}")

    def dump(self, fmt: str) -> Iterator[bytes]:
        """All named-graph quads, fetched as one SELECT and written by Oxigraph."""
        rdf_format = dataset_format(fmt)
        result = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(result, RemoteResult)

        def write(out: IO[bytes]) -> None:
            quads = (ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in result._solutions())
            ox.serialize(quads, out, format=rdf_format)

        return stream_writes(write)

    def load(self, data: bytes, fmt: str) -> None:
        """One INSERT DATA request, so a load is all-or-nothing on a transactional remote."""
        try:
            quads = list(ox.parse(data, format=dataset_format(fmt)))
        except SyntaxError as exc:
            raise InputError(f"cannot read the {fmt} data: {exc}") from None
        if quads:
            self.update(_insert_data(quads))

    def quad_count(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows()
        return int(rows[0]["n"] or 0)

    def ping(self, timeout: float) -> int | None:
        """One trivial query (bounded by this store's HTTP timeout)."""
        self.query("ASK {}").boolean  # noqa: B018 - the answer is the round trip
        return None

    def add_function(self, iri: str, function: Callable[..., object]) -> None:
        raise StoreError("a remote SPARQL endpoint cannot call geokg's functions "
                         "(sparql_functions is False)")

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""


def _insert_data(quads: list[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = defaultdict(list)
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
        by_graph[graph].append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = []
    for graph, triples in by_graph.items():
        block = "\n".join(triples)
        parts.append(f"GRAPH {graph} {{\n{block}\n}}" if graph else block)
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def _send(client: SPARQLWrapper, *, shifted: bool = False) -> Any:
    """Run the request; map the endpoint's complaints to geokg errors. `shifted`: the text
    sent has a BASE line in front, so the endpoint's line numbers are one too high."""
    try:
        return client.query()
    except QueryBadFormed as exc:
        message = _endpoint_message(exc)
        if shifted:  # "error at 2:6" in what we sent is at 1:6 in what the client wrote
            message = _POSITION.sub(lambda m: f"{m[1]}{int(m[2]) - 1}:{m[3]}", message)
        raise QuerySyntaxError(message) from None
    except (TimeoutError, URLError) as exc:
        if isinstance(exc, TimeoutError) or isinstance(exc.reason, TimeoutError):
            raise QueryTimeout(f"the SPARQL endpoint {client.endpoint} did not answer within "
                               f"GEOKG_QUERY_TIMEOUT={client.timeout} s") from None
        raise StoreError(f"the SPARQL endpoint {client.endpoint} failed: {exc}") from exc
    except (SPARQLWrapperException, OSError) as exc:
        raise StoreError(f"the SPARQL endpoint {client.endpoint} failed: {exc}") from exc


#: A position in Oxigraph's parse errors ("error at 2:6").
_POSITION = re.compile(r"(error at )(\d+):(\d+)")


def _endpoint_message(exc: Exception) -> str:
    """The endpoint's own error text out of SPARQLWrapper's message (it embeds a repr)."""
    text = str(exc)
    _, sep, tail = text.partition("Response:\n")
    if sep:
        try:
            body = ast.literal_eval(tail.strip())
            return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
        except (ValueError, SyntaxError):
            return tail
    return text
