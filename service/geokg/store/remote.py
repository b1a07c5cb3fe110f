"""A remote SPARQL 1.1 store (`GEOKG_STORE=sparql:QUERY_URL[,UPDATE_URL]`), over HTTP.

Queries run in the remote engine. The result is requested in the format geokg serves by
default (JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE) and those bytes are passed
through untouched; only another requested format is converted, by Oxigraph's streaming
parsers and serializers, never by rdflib.

Engines differ in ways SPARQL 1.1 leaves open or that they get wrong; each difference is a
field of a `Dialect`, chosen by GEOKG_REMOTE_DIALECT (never guessed from the server's
answers): `sparql11` for Oxigraph, Fuseki and other stores that follow the standard, and
`virtuoso`. The README's "Remote stores" lists what each field covers.

The default graph: geokg expects it to be the union of all named graphs. A remote store
cannot be told that per query in SPARQL 1.1, so the remote must be configured that way
(`oxigraph serve --union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`; Virtuoso
always serves the union, system graphs excluded here). Explicit `default_graphs` /
`named_graphs` are sent as `default-graph-uri` / `named-graph-uri`. Methods that list or
count (graphs, dump, quad_count) look at named graphs only.

A cut answer is never passed on as a whole one: an engine that stops a query at its own
time limit may still answer 200 (`oxigraph serve --timeout-s` appends "The SPARQL operation
has been cancelled" to a streamed body; Virtuoso sends partial results with `X-SQL-State`).
Such an answer raises QueryTimeout, before the first byte when the header tells, otherwise
at its end, so that the web layer can answer 503 or break the response off.

HTTP goes through urllib with an opener of this store's own: SPARQLWrapper's digest
authentication (which Virtuoso's update endpoint asks for) installs a process-wide urllib
opener on every request.
"""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

import pyoxigraph as ox

from geokg.errors import (
    InputError,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnavailable,
)
from geokg.store.base import (
    QueryKind,
    QueryResult,
    changed_since,
    content_tag,
    graph_content,
    media_types_for,
    sparql_iri,
    with_base,
)
from geokg.store.formats import dataset_format, graph_format, result_format
from geokg.store.oxigraph import (
    bounded,
    named_node,
    ntriples_text,
    parse_ntriples,
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
#: Bytes of a streamed answer held back until the next chunk comes: enough to see how the
#: document ends (a cut mark, or a last line that is not a whole statement).
_TAIL = 4096
#: One item of a query's prologue: a comment, a BASE or a PREFIX declaration (comments may
#: stand between a prefix and its IRI).
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*|BASE(?:\s|#[^\n]*)*<[^>]*>"
                       r"|PREFIX\s+[^\s:#]*:(?:\s|#[^\n]*)*<[^>]*>)", re.IGNORECASE)
_FORM = re.compile(r"\s*([A-Za-z]+)")
_AGENT = "geokg (+https://w3id.org/geokg)"
#: A graph no store holds: naming it as the only named graph leaves GRAPH nothing to match.
NO_GRAPH = "urn:geokg:no-graph"
#: What `oxigraph serve --timeout-s` writes at the end of a 200 answer it stopped.
OXIGRAPH_CUT = b"The SPARQL operation has been cancelled"
_SERVICE = "http://www.w3.org/ns/sparql-service-description#Service"


@dataclass(frozen=True)
class Dialect:
    """What one kind of engine does differently; each field is covered by the store contract
    tests on that engine (tests/test_store_contract.py)."""

    name: str
    #: HTTP authentication scheme for GEOKG_REMOTE_USER/PASSWORD: "basic" or "digest".
    auth: str = "basic"
    #: Graphs the engine keeps for itself: left out of every answer, never written.
    system_graphs: tuple[str, ...] = ()
    #: Graphs that describe the endpoint itself (`<g> a sd:Service` in graph g) are system
    #: graphs too; their IRI depends on the engine's host configuration.
    self_description_graphs: bool = False
    #: The system graphs are part of the union default graph (Virtuoso's pragmas that would
    #: exclude them, `DEFINE input:default-graph-exclude`, make COUNT(*) and ASK over
    #: `GRAPH <iri>` answer 1 for an empty graph, so they are not used).
    system_graphs_in_default_graph: bool = False
    #: Errors name lines only: a BASE geokg adds goes on the first line, not above it.
    base_on_first_line: bool = False
    #: Its result documents follow the standard, so they stream through as they come;
    #: otherwise each answer is read whole and rewritten by Oxigraph's serializers.
    standard_results: bool = True
    #: Most triples one INSERT DATA may carry (None: no limit), and whether it may hold
    #: blank nodes at all (otherwise they go into one INSERT {…} WHERE {}).
    insert_data_limit: int | None = None
    blank_nodes_in_insert_data: bool = True
    #: `default-graph-uri` alone also leaves every graph for GRAPH ?g (the protocol says
    #: none): NO_GRAPH is then named as the one named graph.
    default_graphs_leave_named_graphs: bool = False
    #: The engine takes the query deadline as a `timeout` parameter (milliseconds) and stops
    #: its own work there.
    takes_timeout: bool = False
    #: A failing operation undoes the earlier ones of the same update request.
    atomic_updates: bool = True
    #: Named graphs can exist empty (otherwise a graph exists while it holds triples).
    empty_graphs: bool = True
    #: DATATYPE() of a language-tagged literal is rdf:langString (SPARQL 1.1); otherwise
    #: unbound, as in SPARQL 1.0 (a query's semantics: geokg cannot adapt it, only say it).
    langstring_datatype: bool = True
    #: Text the engine writes into an answer it stopped at its own time limit.
    cut_marks: tuple[bytes, ...] = (OXIGRAPH_CUT,)
    #: Error texts that mean the engine stopped the query at its own time limit.
    timeout_errors: str | None = None
    #: Response header whose value says the answer holds partial results, and that value.
    partial_header: tuple[str, str] | None = None


DIALECTS: dict[str, Dialect] = {
    "sparql11": Dialect("sparql11"),
    "virtuoso": Dialect(
        "virtuoso",
        auth="digest",
        system_graphs=("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#"),
        self_description_graphs=True,
        system_graphs_in_default_graph=True,
        base_on_first_line=True,
        standard_results=False,
        insert_data_limit=1000,
        blank_nodes_in_insert_data=False,
        default_graphs_leave_named_graphs=True,
        takes_timeout=True,
        atomic_updates=False,
        empty_graphs=False,
        langstring_datatype=False,
        timeout_errors=r"S1T00|SR171|S1TAT|anytime timeout|estimated execution time",
        partial_header=("X-SQL-State", "S1TAT"),
    ),
}


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

    def __init__(self, kind: QueryKind, response: Any, dialect: Dialect,
                 deadline: float | None = None, limit: float | None = None):
        self.kind = kind
        self._response = response
        self._dialect = dialect
        self._deadline = deadline
        self._limit = limit
        served = _content_type(response)
        self._transport = served if served in media_types_for(kind) else _TRANSPORT[kind]
        self._data: bytes | None = None
        if dialect.partial_header:
            name, value = dialect.partial_header
            if (response.headers.get(name) or "").strip().upper() == value:
                response.close()
                raise QueryTimeout(_stopped_there(
                    f"partial results ({name}: {value}, {response.headers.get('X-SQL-Message')})",
                    limit))
        if not dialect.standard_results:
            self._data = _standardized(kind, self._transport, b"".join(self._checked()))

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
            return self._checked()
        return stream_writes(lambda out: self._convert(out, media_type))

    def rows(self, max_rows: int | None = None) -> list[dict[str, str | None]]:
        if self.kind != "select":
            raise InputError(f"rows() needs a SELECT result, this is {self.kind}")
        names = self.variables
        solutions = self._solutions()
        rows = []
        for solution in solutions:
            rows.append({n: term_text(solution[n]) for n in names})
            if max_rows is not None and len(rows) > max_rows:
                break
        return bounded(rows, max_rows)

    @property
    def boolean(self) -> bool:
        if self.kind != "ask":
            raise InputError(f"boolean needs an ASK result, this is {self.kind}")
        return bool(self._solutions())

    def _body(self) -> bytes:
        if self._data is None:
            self._data = b"".join(self._checked())
        return self._data

    def _solutions(self) -> Any:
        fmt = result_format(self._transport)
        return ox.parse_query_results(self._body(), format=fmt)

    def _checked(self) -> Iterator[bytes]:
        """The body as it arrives, the last _TAIL bytes held back until it ends: an answer
        the engine cut (or one still arriving at the deadline) raises instead of ending."""
        tail = b""
        last = b""  # the last line that held more than white space
        try:
            while chunk := self._read():
                if self._deadline is not None and time.monotonic() > self._deadline:
                    raise QueryTimeout(f"the SPARQL endpoint was still sending the answer after "
                                       f"GEOKG_QUERY_TIMEOUT={self._limit:g} s; it was broken "
                                       "off")
                tail += chunk
                if stripped := tail.strip():
                    last = stripped.rsplit(b"\n", 1)[-1]
                if len(tail) > _TAIL:
                    yield tail[:-_TAIL]
                    tail = tail[-_TAIL:]
            self._check_end(tail.rstrip(), last.strip())
            if tail:
                yield tail
        finally:
            self._response.close()

    def _read(self) -> bytes:
        try:
            return bytes(self._response.read(_CHUNK))
        except TimeoutError:
            raise QueryTimeout(f"the SPARQL endpoint sent nothing more for GEOKG_QUERY_TIMEOUT="
                               f"{self._limit:g} s; the answer was broken off") from None
        except (OSError, http.client.HTTPException) as exc:
            raise StoreError(f"the SPARQL endpoint's answer broke off: {exc!r}") from None

    def _check_end(self, end: bytes, last_line: bytes) -> None:
        """QueryTimeout for an engine's cut mark, StoreError for a document that stops where
        none of its kind can end (the transports are JSON and Turtle)."""
        for mark in self._dialect.cut_marks:
            if end.endswith(mark):
                raise QueryTimeout(_stopped_there(f'"{mark.decode()}" at the end of a 200 answer',
                                                  self._limit))
        if self._transport == "application/sparql-results+json":
            whole = end.endswith(b"}")
        elif self._transport in ("text/turtle", "application/n-triples"):
            whole = not end or end.endswith(b".") or last_line.startswith(b"#")
        else:
            whole = True
        if not whole:
            raise StoreError("the SPARQL endpoint's answer stops in the middle of the document "
                             f"({self._transport}); it was broken off")

    def _convert(self, out: IO[bytes], media_type: str) -> None:
        source = self._body()
        if self.kind == "graph":
            triples = (q.triple for q in ox.parse(source, format=graph_format(self._transport)))
            ox.serialize(triples, out, format=graph_format(media_type))
        else:
            parsed = ox.parse_query_results(source, format=result_format(self._transport))
            parsed.serialize(out, format=result_format(media_type))


def _stopped_there(what: str, limit: float | None) -> str:
    ours = f"; geokg's own limit is GEOKG_QUERY_TIMEOUT={limit:g} s" if limit else ""
    return (f"the SPARQL endpoint stopped the query at its own time limit ({what}){ours}; "
            "make it more selective (LIMIT, more specific patterns)")


def _standardized(kind: QueryKind, transport: str, data: bytes) -> bytes:
    """A result document as the standard writes it, from an engine that does not.

    Virtuoso answers ASK with a one-column table (`__ASK_RETVAL`, one row when true) and
    names blank nodes `nodeID://b10000`, which no standard parser reads.
    """
    if transport != "application/sparql-results+json":
        return data  # Turtle: blank nodes are written as _:b10000
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise StoreError(f"the SPARQL endpoint's answer is not JSON: {exc}") from None
    bindings = doc.get("results", {}).get("bindings", [])
    if kind == "ask" and "boolean" not in doc:
        answer = any(str(v.get("value")) not in ("0", "false") for b in bindings for v in b.values())
        return json.dumps({"head": {}, "boolean": answer}).encode()
    for binding in bindings:
        for term in binding.values():
            if term.get("type") == "bnode":
                term["value"] = str(term["value"]).removeprefix("nodeID://").removeprefix("_:")
    return json.dumps(doc).encode()


def _content_type(response: Any) -> str | None:
    value = response.headers.get("Content-Type") if hasattr(response, "headers") else None
    return value.split(";")[0].strip().lower() if value else None


class RemoteStore:
    """`geokg.store.base.Store` on a remote SPARQL 1.1 query (and update) endpoint."""

    #: The endpoint runs its own engine: no Python function can be called inside it.
    sparql_functions = False
    #: Anyone may write the endpoint: no count of writes can say nothing changed.
    generation = None
    #: Other processes reach the endpoint by its URL, as this one does.
    engine_socket = None

    def __init__(self, query_url: str, update_url: str | None = None, *,
                 user: str | None = None, password: str | None = None,
                 timeout: float | None = None, dialect: str = "sparql11"):
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.dialect = DIALECTS[dialect]
        #: Seconds the endpoint may take for an answer (GEOKG_QUERY_TIMEOUT for the web
        #: server). Told to an engine that takes it (Virtuoso); for the others configure the
        #: remote's own limit as well (`oxigraph serve --timeout-s`, Fuseki `arq:queryTimeout`).
        self.timeout = timeout
        self._opener = _opener(self.update_url, self.query_url, user, password, self.dialect)
        self._hidden: tuple[str, ...] | None = None

    # -- HTTP ------------------------------------------------------------------------------
    def _post(self, url: str, params: list[tuple[str, str]], accept: str,
              timeout: float | None = None) -> Any:
        """POST a form to the endpoint (within `timeout`, default this store's); the open
        response, or the geokg error its status and text mean."""
        body = urllib.parse.urlencode(params).encode("ascii")
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept,
            "User-Agent": _AGENT})
        try:
            return self._opener.open(request, timeout=timeout or self.timeout)
        except urllib.error.HTTPError as exc:
            raise self._failure(url, exc.code, _error_text(exc)) from None
        except (TimeoutError, urllib.error.URLError) as exc:
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if isinstance(reason, TimeoutError):
                raise QueryTimeout(f"the SPARQL endpoint {url} did not answer within "
                                   f"GEOKG_QUERY_TIMEOUT={self.timeout:g} s") from None
            raise StoreUnavailable(f"the SPARQL endpoint {url} cannot be reached: "
                                   f"{reason}") from None
        except OSError as exc:
            raise StoreError(f"the SPARQL endpoint {url} failed: {exc}") from exc

    def _failure(self, url: str, status: int, text: str) -> Exception:
        pattern = self.dialect.timeout_errors
        if pattern and re.search(pattern, text, re.IGNORECASE):
            return QueryTimeout(_stopped_there(text, self.timeout))
        if status == 400:
            return QuerySyntaxError(text)
        if status in (401, 403):
            return StoreError(f"the SPARQL endpoint {url} refused geokg ({status}): {text}; "
                              "check GEOKG_REMOTE_USER and GEOKG_REMOTE_PASSWORD")
        if status == 503:
            return StoreUnavailable(f"the SPARQL endpoint {url} is unavailable: {text}")
        return StoreError(f"the SPARQL endpoint {url} failed ({status}): {text}")

    # -- the text sent ---------------------------------------------------------------------
    def _text(self, sparql: str, base_iri: str | None) -> tuple[str, bool]:
        """The query as sent, and whether its lines moved down by one (errors then name a
        line one too high). An engine that names lines only gets the BASE on the text's
        first line."""
        if base_iri and self.dialect.base_on_first_line:
            return f"BASE {sparql_iri(base_iri)} {sparql}", False
        return with_base(sparql, base_iri), base_iri is not None

    def hidden_graphs(self) -> tuple[str, ...]:
        """The engine's system graphs (see Dialect), found once."""
        if self._hidden is None:
            found: list[str] = []
            if self.dialect.self_description_graphs:
                query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{_SERVICE}> }} }}"
                result = self._select(query, [])
                found = [row["g"] or "" for row in result.rows()]
            self._hidden = tuple(dict.fromkeys([*self.dialect.system_graphs, *found]))
        return self._hidden

    def _select(self, text: str, params: list[tuple[str, str]]) -> RemoteResult:
        response = self._post(self.query_url, [("query", text), *params], _TRANSPORT["select"])
        return RemoteResult("select", response, self.dialect)

    # -- the Store interface -----------------------------------------------------------------
    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, union_default: bool = True,
              serialize_as: Mapping[QueryKind, str] | None = None,
              base_iri: str | None = None, timeout: float | None = None) -> QueryResult:
        """Send the query; `union_default` is the remote's configuration (module doc)."""
        limit = timeout if self.timeout is None else min(timeout or self.timeout, self.timeout)
        form = query_form(sparql)
        if form not in _KINDS and form in _UPDATE_FORMS:
            raise QuerySyntaxError("this is a SPARQL update, not a query")
        kind = _KINDS.get(form, "select")
        text, shifted = self._text(sparql, base_iri)
        params = [("query", text)]
        params += [("default-graph-uri", str(named_node(g).value)) for g in default_graphs or []]
        params += [("named-graph-uri", str(named_node(g).value)) for g in named_graphs or []]
        if (default_graphs is not None and named_graphs is None
                and self.dialect.default_graphs_leave_named_graphs):
            params.append(("named-graph-uri", NO_GRAPH))
        if limit is not None and self.dialect.takes_timeout:
            params.append(("timeout", str(max(1, round(limit * 1000)))))
        deadline = None if limit is None else time.monotonic() + limit
        try:
            response = self._post(self.query_url, params, _TRANSPORT[kind], limit)
        except QuerySyntaxError as exc:
            raise QuerySyntaxError(_unshifted(str(exc)) if shifted else str(exc)) from None
        return RemoteResult(kind, response, self.dialect, deadline, limit)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        text, shifted = with_base(sparql, base_iri), base_iri is not None
        try:
            self._post(self.update_url, [("update", text)], "*/*").close()
        except QuerySyntaxError as exc:
            raise QuerySyntaxError(_unshifted(str(exc)) if shifted else str(exc)) from None

    def put_graph(self, graph_iri: str, ntriples: str) -> None:
        self.replace_graphs({graph_iri: ntriples})

    def replace_graphs(self, graphs: Mapping[str, str | None], *,
                       expect: Mapping[str, str | None] | None = None) -> None:
        """One update request; atomic where the remote runs a request in one transaction
        (Oxigraph, Fuseki/TDB2 and GraphDB do; Virtuoso keeps the operations before a
        failing one: `Dialect.atomic_updates`).

        With `expect`, each graph is read and checked first, and then written as the
        difference to what was read (DELETE DATA, INSERT DATA): a write by another geokg
        between the check and this request is kept, not undone. A graph with blank nodes
        (DELETE DATA cannot name them) is replaced whole, a graph removed is dropped."""
        before: dict[str, list[ox.Triple]] = {}
        for iri, tag in (expect or {}).items():
            before[iri] = self._triples(iri)
            now = content_tag(before[iri]) if before[iri] else None
            if now != tag:
                raise changed_since(iri, tag, now)
        operations: list[str] = []
        for iri, text in graphs.items():
            node = self._writable(iri)
            new = parse_ntriples(iri, text) if text and text.strip() else []
            old = before.get(iri)
            if old is not None and new and not any(map(_has_blank_node, [*old, *new])):
                operations += self._difference(str(node), old, new)
                continue
            operations.append(f"DROP SILENT GRAPH {node}")
            operations += self._inserts({str(node): new})
        if operations:
            self.update(" ;\n".join(operations))

    def _triples(self, graph_iri: str) -> list[ox.Triple]:
        data = b"".join(graph_content(self, graph_iri, "application/n-triples"))
        return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]

    def _difference(self, graph: str, old: list[ox.Triple], new: list[ox.Triple]) -> list[str]:
        """DELETE DATA of what went, INSERT DATA of what came (no blank nodes in either)."""
        kept = set(new)
        gone = [t for t in old if t not in kept]
        had = set(old)
        came = [t for t in new if t not in had]
        step = self.dialect.insert_data_limit or max(len(gone), 1)
        deletes = [f"DELETE DATA {{ {_blocks({graph: gone[i:i + step]})} }}"
                   for i in range(0, len(gone), step)]
        return deletes + (self._inserts({graph: came}) if came else [])

    def graph_tag(self, graph_iri: str) -> str | None:
        triples = self._triples(graph_iri)
        return content_tag(triples) if triples else None

    def _writable(self, graph_iri: str) -> ox.NamedNode:
        node = named_node(graph_iri)
        if graph_iri in self.hidden_graphs():
            raise InputError(f"{graph_iri} is a graph the {self.dialect.name} store keeps for "
                             "itself; geokg does not write it")
        return node

    def _inserts(self, by_graph: Mapping[str, list[ox.Triple]]) -> list[str]:
        """The INSERT operations that add these triples (graph written as `<iri>`), as few as
        the dialect allows: INSERT DATA of at most `insert_data_limit` triples each, and the
        triples with blank nodes in one INSERT {…} WHERE {} where INSERT DATA cannot hold
        them (one operation, so that a blank node stays one node)."""
        limit = self.dialect.insert_data_limit
        plain: list[tuple[str, list[ox.Triple]]] = []
        blank: dict[str, list[ox.Triple]] = {}
        for graph, triples in by_graph.items():
            if not self.dialect.blank_nodes_in_insert_data:
                blank[graph] = [t for t in triples if _has_blank_node(t)]
                triples = [t for t in triples if not _has_blank_node(t)]
            step = limit or max(len(triples), 1)
            plain += [(graph, triples[i:i + step]) for i in range(0, len(triples), step)]
        operations = [f"INSERT DATA {{ {_blocks({graph: chunk})} }}" for graph, chunk in plain]
        if any(blank.values()):
            operations.append(f"INSERT {{ {_blocks(blank)} }} WHERE {{}}")
        return operations

    def has_graph(self, graph_iri: str) -> bool:
        node = named_node(graph_iri)
        if graph_iri in self.hidden_graphs():
            return False
        pattern = "{ }" if self.dialect.empty_graphs else "{ ?s ?p ?o }"
        return self.query(f"ASK {{ GRAPH {node} {pattern} }}").boolean

    def graphs(self) -> list[str]:
        pattern = "{ }" if self.dialect.empty_graphs else "{ ?s ?p ?o }"
        rows = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {pattern} }}").rows()
        hidden = self.hidden_graphs()
        return sorted(g for r in rows if (g := r["g"] or "") and g not in hidden)

    def remove_graph(self, graph_iri: str) -> None:
        self.update(f"DROP SILENT GRAPH {self._writable(graph_iri)}")

    def dump(self, fmt: str) -> Iterator[bytes]:
        """All named-graph quads, fetched as one SELECT and written by Oxigraph."""
        rdf_format = dataset_format(fmt)
        result = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_hidden()} }}")
        assert isinstance(result, RemoteResult)

        def write(out: IO[bytes]) -> None:
            quads = (ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in result._solutions())
            ox.serialize(quads, out, format=rdf_format)

        return stream_writes(write)

    def load(self, data: bytes, fmt: str) -> None:
        """One update request, so a load is all-or-nothing on a transactional remote."""
        try:
            quads = list(ox.parse(data, format=dataset_format(fmt)))
        except SyntaxError as exc:
            raise InputError(f"cannot read the {fmt} data: {exc}") from None
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        for quad in quads:
            graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
            if graph:
                self._writable(quad.graph_name.value)
            by_graph[graph].append(quad.triple)
        if quads:
            self.update(" ;\n".join(self._inserts(by_graph)))

    def quad_count(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                          f"{self._not_hidden()} }}").rows()
        return int(rows[0]["n"] or 0)

    def _not_hidden(self) -> str:
        """A FILTER that keeps ?g off the system graphs ("" where there are none)."""
        hidden = self.hidden_graphs()
        return f"FILTER (?g NOT IN ({', '.join(map(sparql_iri, hidden))}))" if hidden else ""

    def ping(self, timeout: float) -> int | None:
        """One trivial query (bounded by this store's HTTP timeout)."""
        self.query("ASK {}").boolean  # noqa: B018 - the answer is the round trip
        return None

    def add_function(self, iri: str, function: Callable[..., object]) -> None:
        raise StoreError("a remote SPARQL endpoint cannot call geokg's functions "
                         "(sparql_functions is False)")

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""


_UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE",
                           "ADD"})


def _opener(update_url: str, query_url: str, user: str | None, password: str | None,
            dialect: Dialect) -> urllib.request.OpenerDirector:
    """An opener that authenticates at both endpoints with the dialect's scheme (the
    password manager answers a challenge of any realm)."""
    if not user:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
    for url in {update_url, query_url}:
        passwords.add_password(None, url, user, password or "", is_authenticated=True)
    if dialect.auth == "digest":
        return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords))


def _error_text(exc: urllib.error.HTTPError) -> str:
    """The endpoint's own words: Virtuoso repeats the whole query after them."""
    try:
        text = exc.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        text = ""
    finally:
        exc.close()
    return text.split("\n\nSPARQL query:", 1)[0].strip() or f"HTTP {exc.code} {exc.reason}"


def _has_blank_node(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _blocks(by_graph: Mapping[str, list[ox.Triple]]) -> str:
    """`GRAPH <g> { … }` per graph ("" for the default graph: the triples alone)."""
    parts = []
    for graph, triples in by_graph.items():
        body = ntriples_text(triples)
        if body:
            parts.append(f"GRAPH {graph} {{\n{body}}}" if graph else body)
    return "\n".join(parts)


#: A position in Oxigraph's parse errors ("error at 2:6").
_POSITION = re.compile(r"(error at )(\d+):(\d+)")


def _unshifted(message: str) -> str:
    """"error at 2:6" in what we sent (a BASE line in front) is at 1:6 in what the client
    wrote."""
    return _POSITION.sub(lambda m: f"{m[1]}{int(m[2]) - 1}:{m[3]}", message)
