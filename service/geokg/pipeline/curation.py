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
"""

from __future__ import annotations

import atexit
import os
import re
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

from rdflib import Graph

from geokg.config import Settings
from geokg.errors import (
    DefaultGraphWrite,
    GraphNotFound,
    InputError,
    QueryTimeout,
    ShapeViolation,
    StoreError,
    StoreUnavailable,
)
from geokg.graph.build import with_period_index
from geokg.graph.validate import validate
from geokg.query.guard import check_update, expand_escapes
from geokg.query.guard import tokens as guard_tokens
from geokg.store import Store, open_staging_store
from geokg.store.base import DATASET_UPLOAD_MEDIA_TYPES, StagingStore, graph_content, sparql_iri


@dataclass
class WriteOutcome:
    """Which named graphs a committed write created, changed and removed."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, list[str]]:
        return {"created": self.created, "changed": self.changed, "removed": self.removed}


class Curator:
    """Applies curation writes to one store; one write at a time per process.

    Why the lock: a write reads graphs and later replaces them whole, so two writes to the
    same graph must not interleave (the second would silently undo the first).
    """

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self._lock = threading.Lock()

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
        with self._lock:
            stage = self._staged_update(sparql, named, base_iri)
            return self._commit(stage)

    def replace_graph(self, graph_iri: str, data: bytes, media_type: str) -> WriteOutcome:
        """Graph Store PUT: the graph's content becomes the document (relative IRIs resolve
        against the graph IRI)."""
        check_graph_iri(graph_iri)
        with self._lock:
            stage = self._stage([graph_iri])
            stage.scratch.remove_graph(graph_iri)
            stage.scratch.load_graph(graph_iri, data, media_type, base_iri=graph_iri)
            return self._commit(stage)

    def add_to_graph(self, graph_iri: str, data: bytes, media_type: str) -> WriteOutcome:
        """Graph Store POST to a graph: merge the document's triples into it."""
        check_graph_iri(graph_iri)
        with self._lock:
            stage = self._stage([graph_iri])
            stage.scratch.load_graph(graph_iri, data, media_type, base_iri=graph_iri)
            return self._commit(stage)

    def add_dataset(self, data: bytes, media_type: str) -> WriteOutcome:
        """Graph Store POST of N-Quads or TriG: merge each named graph's triples into it."""
        fmt = DATASET_UPLOAD_MEDIA_TYPES[media_type]
        with self._lock:
            stage = self._stage(self._graphs_of_dataset(data, fmt))
            stage.scratch.load(data, fmt)
            return self._commit(stage)

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

    def delete_graph(self, graph_iri: str) -> WriteOutcome:
        """Graph Store DELETE (and DELETE /articles/{id}): drop a graph and all it holds.

        Other graphs keep their own copies of shared resources (an event several articles
        report keeps the sources it has in them), and a removal cannot add a violation.
        """
        check_graph_iri(graph_iri)
        with self._lock:
            if not self.store.has_graph(graph_iri):
                raise GraphNotFound(f"there is no graph {graph_iri}")
            self.store.replace_graphs({graph_iri: None})
        return WriteOutcome(removed=[graph_iri])

    def _stage(self, graphs: Collection[str] | None) -> _Stage:
        return _Stage(self.store, graphs, scratch_store(self.settings))

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
        self.store.replace_graphs(changes)
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
        if graphs is None:
            self.scratch.load(b"".join(store.dump("nquads")), "nquads")
        else:
            for iri in graphs:
                data = b"".join(graph_content(store, iri, "application/n-triples"))
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
    would say). InputError when the text names a dataset itself (USING, WITH)."""
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
        elif depth == 0 and word == "WHERE" and previous != "DELETE":
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
