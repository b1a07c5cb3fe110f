"""Curation writes (SPARQL Update, Graph Store uploads, deletions), validated before anyone
sees them.

Every write goes the same way. The graphs it may touch are copied into the stage, an
in-memory Oxigraph store in an engine process of its own (`scratch_store`); the write is
applied there; each staged graph is compared with its state before; every changed graph is
validated with the SHACL shapes; and only then are exactly those graphs replaced in the
real store, all in one transaction (`Store.replace_graphs`). A rejected write never
reaches the store, a committed one is seen whole, and the backend (embedded or remote)
only ever receives complete graphs.

Why the stage is a process: a SPARQL update runs there under GEOKG_QUERY_TIMEOUT like a
query (the engine is killed at the deadline, and the real store never saw anything), and
that process has no network (`geokg.store.sandbox`), so no update can fetch a URL even if
it got past `geokg.query.guard.check_update`, which refuses LOAD and SERVICE first.

Which graphs a SPARQL update may touch is read from its text (`graphs_named_in`): a graph
can only be reached through an IRI written in the update, a `GRAPH ?var` pattern, or
`CLEAR/DROP ALL|NAMED`. When the text names a graph by variable or the scan is unsure, the
whole store is staged: correct, just slower on a big store.

The unit of validation is the named graph, as at ingest: an article graph carries copies of
everything it mentions and is checked alone. A write is refused for the violations it adds;
a graph that already breaks a shape (the gazetteer's office terms with two roles do, today)
can still be curated.

The default graph is the union of all named graphs (as at /sparql), so it is read-only:
a write that would leave statements outside every named graph is refused.

Several writers (gunicorn workers, several geokg processes on one remote store): the stage
records each graph's tag (`Store.graph_tag`) as it copies it, and the commit replaces only
graphs still in that state (`replace_graphs(expect=...)`). A graph another writer changed in
between makes the write start again on the new state (up to WRITE_ATTEMPTS times), so no
update is lost; a client's own If-Match / If-None-Match (`Precondition`) is checked against
the same tags, and a mismatch is the client's 412.
"""

from __future__ import annotations

import atexit
import os
import re
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from rdflib import Graph

from geokg.config import Settings
from geokg.errors import (
    DefaultGraphWrite,
    GraphNotFound,
    InputError,
    PreconditionFailed,
    QueryTimeout,
    ShapeViolation,
    StoreError,
    StoreUnavailable,
)
from geokg.graph.build import with_period_index
from geokg.graph.iris import Minter
from geokg.graph.validate import validate
from geokg.pipeline.revision import revised
from geokg.query.guard import check_update, expand_escapes
from geokg.query.guard import tokens as guard_tokens
from geokg.store import Store, open_staging_store
from geokg.store.base import (
    DATASET_UPLOAD_MEDIA_TYPES,
    StagingStore,
    dataset_tags,
    read_graph,
    sparql_iri,
)

#: How often a write starts again when other writers keep changing its graphs.
WRITE_ATTEMPTS = 5


@dataclass
class WriteOutcome:
    """Which named graphs a committed write created, changed and removed."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, list[str]]:
        return {"created": self.created, "changed": self.changed, "removed": self.removed}


@dataclass(frozen=True)
class Precondition:
    """A client's If-Match / If-None-Match on the graph its write targets (RFC 9110 §13.1),
    holding graph tags as `Store.graph_tag` gives them (strong comparison only)."""

    #: The tags of If-Match (None: no If-Match; empty: only weak tags, which never match).
    match: frozenset[str] | None = None
    match_any: bool = False  # If-Match: *
    none_match: frozenset[str] = frozenset()
    none_match_any: bool = False  # If-None-Match: *

    def check(self, graph_iri: str, tag: str | None) -> None:
        """PreconditionFailed unless the graph, in the state `tag`, is what the client asks."""
        if self.match_any and tag is None:
            raise PreconditionFailed(f"there is no graph {graph_iri} (If-Match: * asks for one); "
                                     "nothing was written")
        if self.match is not None and not self.match_any and tag not in self.match:
            state = "holds no triples" if tag is None else "has changed since that ETag was read"
            raise PreconditionFailed(f"the graph {graph_iri} {state} (If-Match); nothing was "
                                     "written: GET it again for its current ETag and redo the "
                                     "change")
        if tag is not None and (self.none_match_any or tag in self.none_match):
            raise PreconditionFailed(f"the graph {graph_iri} exists (If-None-Match); nothing was "
                                     "written")


class Curator:
    """Applies curation writes to one store; one write at a time per process.

    Why the lock: a write reads graphs and later replaces them whole, so two writes to the
    same graph must not interleave (the second would silently undo the first); and every
    stage of the process is tried in its one scratch engine. So the lock is the process's,
    shared by every Curator in it (two apps in one process are two writers too).
    """

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self._mint = Minter(settings.base_iri)
        self._lock = _WRITE_LOCK

    def update(self, sparql: str, *, base_iri: str | None = None,
               using: Sequence[str] = (), using_named: Sequence[str] = ()) -> WriteOutcome:
        """Run a SPARQL 1.1 update. QuerySyntaxError, InputError (it cannot be applied),
        QueryTooComplex, RefusedUpdate, QueryTimeout, DefaultGraphWrite, ShapeViolation
        leave the store unchanged.

        `base_iri` resolves relative IRIs; `using` / `using_named` are the protocol's
        using-graph-uri / using-named-graph-uri, the dataset of every DELETE/INSERT ... WHERE.
        """
        check_update(sparql, self.settings)
        if using or using_named:
            sparql = with_using(sparql, using, using_named)
        named = graphs_named_in(sparql, base_iri)
        return self._attempts(lambda: self._commit(self._staged_update(sparql, named, base_iri)))

    def replace_graph(self, graph_iri: str, data: bytes, media_type: str,
                      precondition: Precondition | None = None) -> WriteOutcome:
        """Graph Store PUT: the graph's content becomes the document (relative IRIs resolve
        against the graph IRI)."""
        check_graph_iri(graph_iri)

        def write() -> WriteOutcome:
            stage = self._stage([graph_iri], precondition)
            stage.scratch.remove_graph(graph_iri)
            stage.scratch.load_graph(graph_iri, data, media_type, base_iri=graph_iri)
            return self._commit(stage)

        return self._attempts(write, precondition)

    def add_to_graph(self, graph_iri: str, data: bytes, media_type: str,
                     precondition: Precondition | None = None) -> WriteOutcome:
        """Graph Store POST to a graph: merge the document's triples into it."""
        check_graph_iri(graph_iri)

        def write() -> WriteOutcome:
            stage = self._stage([graph_iri], precondition)
            stage.scratch.load_graph(graph_iri, data, media_type, base_iri=graph_iri)
            return self._commit(stage)

        return self._attempts(write, precondition)

    def add_dataset(self, data: bytes, media_type: str) -> WriteOutcome:
        """Graph Store POST of N-Quads or TriG: merge each named graph's triples into it."""
        fmt = DATASET_UPLOAD_MEDIA_TYPES[media_type]

        def write() -> WriteOutcome:
            stage = self._stage(self._graphs_of_dataset(data, fmt))
            stage.scratch.load(data, fmt)
            return self._commit(stage)

        return self._attempts(write)

    def _attempts(self, write: Callable[[], WriteOutcome],
                  precondition: Precondition | None = None) -> WriteOutcome:
        """`write` under this process's lock, again on the new state while another writer
        changed its graphs between staging and commit; with a client's precondition, that
        is the client's 412 at once."""
        for _ in range(WRITE_ATTEMPTS):
            try:
                with self._lock:
                    return write()
            except PreconditionFailed:
                if precondition is not None:
                    raise
        raise StoreUnavailable(f"other writers changed the graphs of this write {WRITE_ATTEMPTS} "
                               "times while it was tried; nothing was changed; try again")

    def _graphs_of_dataset(self, data: bytes, fmt: str) -> list[str]:
        """The graphs a dataset document names, read by the scratch engine (the parser the
        store uses); DefaultGraphWrite or InputError when it cannot be merged as it is."""
        scratch = scratch_store(self.settings)
        scratch.update("DROP SILENT ALL")
        scratch.load(data, fmt)
        if scratch.graph_ntriples(None):
            raise DefaultGraphWrite(_DEFAULT_GRAPH_MESSAGE)
        graphs = scratch.graphs()
        if any(g.startswith("_:") for g in graphs):
            raise InputError("a graph of the dataset is named by a blank node; name every "
                             "graph by an IRI")
        return graphs

    def delete_graph(self, graph_iri: str,
                     precondition: Precondition | None = None) -> WriteOutcome:
        """Graph Store DELETE (and DELETE /articles/{id}): drop a graph and all it holds.

        Other graphs keep their own copies of shared resources (an event several articles
        report keeps the sources it has in them), and a removal cannot add a violation.
        """
        check_graph_iri(graph_iri)
        with self._lock:
            tag = self.store.graph_tag(graph_iri) if precondition else None
            if not self.store.has_graph(graph_iri):
                raise GraphNotFound(f"there is no graph {graph_iri}")
            if precondition is not None:
                precondition.check(graph_iri, tag)
            self.store.replace_graphs(revised(self._mint, {graph_iri: None}),
                                      expect={graph_iri: tag} if precondition else None)
        return WriteOutcome(removed=[graph_iri])

    def _stage(self, graphs: Collection[str] | None,
               precondition: Precondition | None = None) -> _Stage:
        """The graphs copied into the scratch engine; the client's precondition is checked
        against the target's state as copied (`graphs` holds the one target then)."""
        stage = _Stage(self.store, graphs, scratch_store(self.settings))
        if precondition is not None and graphs is not None:
            for iri in graphs:
                precondition.check(iri, stage.tags.get(iri))
        return stage

    def _staged_update(self, sparql: str, named: frozenset[str] | None,
                       base_iri: str | None) -> _Stage:
        existing = None if named is None else [g for g in self.store.graphs() if g in named]
        stage = self._stage(existing)
        stage.run(sparql, base_iri)
        if named is not None and any(self.store.has_graph(g) for g in stage.graphs() - named):
            # The scan missed a graph the update wrote to; stage everything and run again.
            stage = self._stage(None)
            stage.run(sparql, base_iri)
        return stage

    def _commit(self, stage: _Stage) -> WriteOutcome:
        staged = stage.changes()
        for iri, text in staged.items():
            check_term_sizes(iri, text or "", self.settings)
        # gk:inPeriod is the service's index: a write that moves a date moves the period too
        changes = {iri: text and with_period_index(text) for iri, text in staged.items()}
        _validate_changes(changes, stage.before)
        self.store.replace_graphs(revised(self._mint, changes),
                                  expect={iri: stage.tags.get(iri) for iri in changes})
        outcome = WriteOutcome()
        for iri, text in sorted(changes.items()):
            if text is None:
                outcome.removed.append(iri)
            elif iri in stage.before:
                outcome.changed.append(iri)
            else:
                outcome.created.append(iri)
        return outcome


_DEFAULT_GRAPH_MESSAGE = (
    "the default graph is the union of all named graphs and cannot be written; put the "
    "statements in a named graph (GRAPH <iri> { ... } or WITH <iri> in an update, "
    "?graph=IRI at /store)")


#: The process's scratch engine, with the pid that started it (a forked child needs its own).
_SCRATCH: tuple[int, StagingStore] | None = None
_SCRATCH_LOCK = threading.Lock()
#: One write at a time in this process (see Curator): its stage has the scratch engine.
_WRITE_LOCK = threading.Lock()


def _close_scratch() -> None:
    """At exit, in the process that started it (a forked child inherits this hook)."""
    if _SCRATCH is not None and _SCRATCH[0] == os.getpid():
        _SCRATCH[1].close()


atexit.register(_close_scratch)


def scratch_store(settings: Settings) -> StagingStore:
    """The in-memory store engine of this process that curation writes are tried in,
    started on first use (its socket in GEOKG_RUN_DIR when set); callers hold the Curator's
    lock, so one stage uses it at a time."""
    global _SCRATCH
    with _SCRATCH_LOCK:
        if _SCRATCH is None or _SCRATCH[0] != os.getpid():
            store = open_staging_store(settings, socket_name=f"scratch-{os.getpid()}.sock")
            _SCRATCH = (os.getpid(), store)
        _SCRATCH[1].query_timeout = settings.query_timeout
        return _SCRATCH[1]


class _Stage:
    """A copy of some graphs of `store` (None: all of them) in the scratch engine, to try a
    write on."""

    def __init__(self, store: Store, graphs: Collection[str] | None, scratch: StagingStore):
        self.scratch = scratch
        scratch.update("DROP SILENT ALL")
        self._engine = scratch.engine_pid
        #: Graph IRI -> its tag in the store as copied (absent: it held no triples).
        self.tags: dict[str, str | None] = {}
        if graphs is None:
            dump = b"".join(store.dump("nquads"))
            self.tags.update(dataset_tags(dump, "nquads"))
            self.scratch.load(dump, "nquads")
        else:
            for iri in graphs:
                self.tags[iri], data = read_graph(store, iri, "application/n-triples")
                if data.strip():
                    self.scratch.load_graph(iri, data, "application/n-triples")
        #: Graph IRI -> sorted N-Triples, for every non-empty graph copied.
        self.before = {g: text for g in self.scratch.graphs()
                       if (text := self.scratch.graph_ntriples(g))}
        self._default_before = self.scratch.graph_ntriples(None)

    def run(self, sparql: str, base_iri: str | None = None) -> None:
        try:
            self.scratch.update(sparql, base_iri=base_iri)
        except StoreUnavailable:
            raise
        except QueryTimeout:
            raise QueryTimeout(f"the update ran longer than GEOKG_QUERY_TIMEOUT="
                               f"{self.scratch.query_timeout:g} s and was stopped; nothing was "
                               "changed") from None
        except StoreError as exc:
            raise InputError(f"the update cannot be applied: {exc}") from None

    def graphs(self) -> set[str]:
        return set(self.scratch.graphs())

    def changes(self) -> dict[str, str | None]:
        """Graph IRI -> new N-Triples (None: the graph is gone) for each graph that changed."""
        if self.scratch.graph_ntriples(None) != self._default_before:
            raise DefaultGraphWrite(_DEFAULT_GRAPH_MESSAGE)
        changes: dict[str, str | None] = {}
        for iri in sorted(self.graphs() | set(self.before)):
            after = self.scratch.graph_ntriples(iri) if self.scratch.has_graph(iri) else ""
            if after != self.before.get(iri, ""):
                changes[iri] = after or None
        if self.scratch.engine_pid != self._engine:
            # The scratch engine died and a new, empty one answered: what was staged is lost.
            raise StoreUnavailable("the engine that tried the write restarted; nothing was "
                                   "changed; try again")
        return changes




# --- validation -----------------------------------------------------------------------

_IRI_IN_LINE = re.compile(r"<[^>]*>")


def check_term_sizes(graph_iri: str, ntriples: str, settings: Settings) -> None:
    """Refuse a graph holding an IRI or literal longer than the settings allow, before any
    slow reader sees it (rdflib's N-Triples parser needs 15 s for one 1 MB IRI)."""
    longest_iri, longest_literal = settings.max_iri_length, settings.max_literal_length
    for line in ntriples.splitlines():
        if len(line) <= longest_iri:
            continue  # nothing on a short line can be over either limit
        iris = [len(m.group()) - 2 for m in _IRI_IN_LINE.finditer(line)]
        if max(iris, default=0) > longest_iri:
            raise InputError(f"graph {graph_iri} would hold an IRI of {max(iris)} characters, "
                             f"more than GEOKG_MAX_IRI_LENGTH={longest_iri}")
        if len(line) - sum(iris) > longest_literal + 100:  # the rest is the literal
            raise InputError(f"graph {graph_iri} would hold a literal of about "
                             f"{len(line) - sum(iris)} characters, more than "
                             f"GEOKG_MAX_LITERAL_LENGTH={longest_literal}")


def _validate_changes(changes: dict[str, str | None], before: dict[str, str]) -> None:
    """Raise ShapeViolation (each result naming its graph) if a changed graph gained a
    violation; results a graph already had before the write do not count."""
    added: list[dict[str, str]] = []
    reports: list[str] = []
    for iri, text in changes.items():
        if text is None:
            continue
        result = validate(_rdflib_graph(text))
        if result.conforms:
            continue
        old = before.get(iri)
        known = {_key(r) for r in validate(_rdflib_graph(old)).results} if old else set()
        new = [r for r in result.results if r["severity"] == "Violation" and _key(r) not in known]
        if new:
            added.extend({"graph": iri, **r} for r in new)
            reports.append(f"graph <{iri}>:\n{result.report_text}")
    if added:
        graphs = sorted({r["graph"] for r in added})
        shown = "; ".join(f"{r['focus']}: {r['message']}" for r in added[:3])
        raise ShapeViolation(
            f"the write would add {len(added)} shape violation(s) in {', '.join(graphs)}; "
            f"nothing was changed. {shown}", "\n".join(reports), added)


def _rdflib_graph(ntriples: str) -> Graph:
    return Graph().parse(data=ntriples, format="nt")


def _key(result: dict[str, str]) -> tuple[str, ...]:
    return (result["focus"], result["path"], result["message"], result["value"])


# --- which graphs an update names -----------------------------------------------------

_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_GRAPH_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]+")


def with_using(sparql: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update with `USING <g>` / `USING NAMED <g>` before the WHERE of each operation
    that has one (SPARQL 1.1 Protocol §2.2.3: the protocol's dataset replaces what the text
    would say). InputError when the text names a dataset itself (USING, WITH), and for
    `DELETE WHERE { … }`, which cannot carry USING: run without the parameters it would
    match every graph; rewritten as DELETE … USING … WHERE, its triples outside GRAPH would
    be deleted from the store's default graph, not from the graph named. Neither is what
    the request asks, so it is refused."""
    clauses = " ".join([f"USING {sparql_iri(check_graph_iri(g))}" for g in using]
                       + [f"USING NAMED {sparql_iri(check_graph_iri(g))}" for g in using_named])
    depth, previous, at = 0, "", []
    for token in guard_tokens(sparql):
        word = token.text.upper() if token.kind == "word" else ""
        if token.kind in ("open", "close") and token.text in "{}":
            depth += 1 if token.text == "{" else -1
        elif depth == 0 and word in ("USING", "WITH"):
            raise InputError(f"the update says {word} and the request gives using-graph-uri or "
                             "using-named-graph-uri; name the dataset in one place only")
        elif depth == 0 and word == "WHERE" and previous == "DELETE":
            raise InputError("DELETE WHERE { … } cannot take using-graph-uri or "
                             "using-named-graph-uri (the short form has no USING); write "
                             "DELETE { … } WHERE { … } with the same pattern twice, or send "
                             "the update without those parameters")
        elif depth == 0 and word == "WHERE":
            at.append(token.start)
        previous = word
    for start in reversed(at):
        sparql = f"{sparql[:start]}{clauses} {sparql[start:]}"
    return sparql


def check_graph_iri(iri: str) -> str:
    """The IRI, if it can name a graph (absolute, nothing an IRI may not hold), else InputError."""
    if not _GRAPH_IRI.fullmatch(iri):
        raise InputError(f"{iri!r} is not an absolute IRI; a graph is named by one, "
                         "e.g. http://example.org/graph/notes")
    return iri


def graphs_named_in(sparql: str, base_iri: str | None = None) -> frozenset[str] | None:
    """The IRIs an update mentions (a superset of the graphs it can read or write), or None
    when it can reach graphs it does not write out (GRAPH ?g, ALL, NAMED) or the scan is
    unsure (BASE, relative IRIs without `base_iri`, escapes). Only the stage's size depends
    on it: a graph the scan missed is caught after the update ran (`_staged_update`), and
    what an update may do at all is decided by `geokg.query.guard.check_update`.

    Why a scan and not a parser: rdflib's update parser needs a minute for 5000 triples of
    INSERT DATA; this is linear, and erring means staging more, never less.
    """
    tokens = [(t.kind, t.text) for t in guard_tokens(sparql)]
    prefixes: dict[str, str] = {}
    iris: set[str] = set()
    whole = False
    for index, (kind, text) in enumerate(tokens):
        before = tokens[index - 1][1].upper() if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else ("", "")
        keyword = text.upper() if kind == "word" else ""
        if kind == "iri":  # \u escapes in an IRI are read by every engine
            text = f"<{expand_escapes(text[1:-1])}>"
        if kind == "iri" and base_iri and not _ABSOLUTE.match(text[1:-1]):
            iris.add(urljoin(base_iri, text[1:-1]))
            continue
        whole = whole or _reaches_unnamed_graphs(kind, text, keyword, before, after[0])
        if kind == "iri":
            iris.add(text[1:-1])
        elif kind == "pname" and before == "PREFIX" and after[0] == "iri":
            prefixes[text[:-1]] = after[1][1:-1]
        elif kind == "pname":
            prefix, _, local = text.partition(":")
            if prefix in prefixes:
                iris.add(prefixes[prefix] + re.sub(r"\\(.)", r"\1", local))
    return None if whole else frozenset(iris)


def _reaches_unnamed_graphs(kind: str, text: str, keyword: str, before: str,
                            after_kind: str) -> bool:
    """Whether this token lets an update reach a graph whose IRI is not written out."""
    if keyword in ("BASE", "ALL") or (keyword == "GRAPH" and after_kind == "var"):
        return True
    if keyword == "NAMED":
        return before != "USING"  # CLEAR/DROP NAMED; USING NAMED <iri> names its graph
    if kind == "iri":
        return not _ABSOLUTE.match(text[1:-1])
    return kind == "other" and text == "\\"
