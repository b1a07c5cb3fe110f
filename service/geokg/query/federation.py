"""SPARQL 1.1 federation (`SERVICE <endpoint> { ... }`) to an allowlist of endpoints.

Why geokg evaluates SERVICE itself: Oxigraph would call any endpoint a query names, from
the server's network, following redirects: a request forgery tool in every query. So
every query's SERVICE clauses are read first, by a real parser (`geokg.query.guard`). With
federation off (the default) any SERVICE is refused; with it on, each endpoint must be on
the allowlist and pass `netguard.check_url`, and geokg runs the clause itself. (The store
engine process cannot open a network socket at all: `geokg.store.sandbox`.)

1. *Bind join*: the patterns written before the SERVICE in the same group are evaluated
   locally (FILTERs dropped, which can only widen them) and the values of the variables they
   share with the SERVICE are sent along as VALUES, in batches, so a clause such as
   `?leader owl:sameAs ?wd . SERVICE <wikidata> { ?wd wdt:P569 ?born }` asks Wikidata about
   our leaders only, not about all humans.
2. The remote solutions replace the SERVICE clause as an inline `VALUES` block, and the
   rewritten query runs in the local store. A VALUES block in a group pattern is joined
   exactly like the SERVICE it replaces, so the answers are those SPARQL 1.1 defines.

Limits (documented in the README): the endpoint must be an IRI, not a variable, written
so that BASE does not change it; rdflib's parser, which checks the text, gives up on
nested SERVICE clauses and on a SERVICE after an IRI with `#` on the same line; remote
blank nodes become `urn:geokg:remote-bnode:` IRIs (VALUES cannot hold blank nodes); at
most `federation_max_rows` remote solutions per clause; SERVICE SILENT turns a remote
failure (not a refusal, not the deadline) into one empty solution.

One deadline per request (`Deadline`, GEOKG_QUERY_TIMEOUT from the request's start): the
local queries of the bind join, every SERVICE batch and the rewritten query each get what
is left of it, never a fresh limit of their own; a request past it is a QueryTimeout.
"""

from __future__ import annotations

import http.client
import json
import re
import time
import traceback
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from geokg.config import Settings
from geokg.errors import (
    ForbiddenTarget,
    GeokgError,
    QueryTimeout,
    RemoteServiceError,
    ServiceRefused,
)
from geokg.query.guard import Token, services_in, tokens
from geokg.query.netguard import Watchdog, check_url, fetch
from geokg.store.base import Store

_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BATCH = 100
_AGENT = "geokg-federation (+https://w3id.org/geokg)"


@dataclass(frozen=True)
class Deadline:
    """The time one request may take in all (GEOKG_QUERY_TIMEOUT from its start)."""

    at: float  # time.monotonic() when it passes
    seconds: float  # the limit, for messages

    @classmethod
    def start(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def remaining(self) -> float:
        """Seconds left; QueryTimeout when none are."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise self.timeout()
        return left

    def timeout(self) -> QueryTimeout:
        return QueryTimeout(f"the query and its SERVICE clauses ran longer than "
                            f"GEOKG_QUERY_TIMEOUT={self.seconds:g} s in all and were stopped; "
                            "make the patterns before each SERVICE more selective")


@dataclass(frozen=True)
class ServiceClause:
    start: int  # offset of the SERVICE keyword
    end: int  # offset after its closing brace
    silent: bool
    endpoint: str | None  # None when the endpoint is a variable
    body: str  # the group pattern inside the braces
    group_start: int  # offset after the '{' of the group the clause stands in


def _is(tok: Token, text: str) -> bool:
    return tok.kind in ("open", "close") and tok.text == text


def find_services(sparql: str) -> list[ServiceClause]:
    """Every outermost SERVICE clause, in text order (nested ones travel inside their body).

    Offsets come from the guard's tokens; which clauses exist is the parser's word
    (`federate` checks that both agree before anything is rewritten)."""
    if "service" not in sparql.casefold():  # most queries: no need to tokenize
        return []
    found: list[ServiceClause] = []
    toks = list(tokens(sparql))
    prefixes = dict(_PREFIX.findall(sparql))
    groups: list[int] = []
    index = 0
    while index < len(toks):
        tok = toks[index]
        if _is(tok, "{"):
            groups.append(tok.end)
        elif _is(tok, "}") and groups:
            groups.pop()
        elif tok.kind == "word" and tok.text.upper() == "SERVICE":
            clause, index = _read_service(sparql, toks, index, prefixes, groups[-1] if groups else 0)
            found.append(clause)
            continue
        index += 1
    return found


def _read_service(sparql: str, toks: list[Token], index: int, prefixes: dict[str, str],
                  group_start: int) -> tuple[ServiceClause, int]:
    start = toks[index].start
    index += 1
    silent = index < len(toks) and toks[index].text.upper() == "SILENT"
    index += silent
    if index + 1 >= len(toks) or not _is(toks[index + 1], "{"):
        raise ServiceRefused("a SERVICE clause must name an endpoint and be followed by { ... }")
    endpoint = _endpoint(toks[index], prefixes)
    open_tok = toks[index + 1]
    depth, index = 0, index + 1
    while index < len(toks):
        depth += _is(toks[index], "{") - _is(toks[index], "}")
        if depth == 0:
            close = toks[index]
            body = sparql[open_tok.end:close.start]
            return ServiceClause(start, close.end, silent, endpoint, body, group_start), index + 1
        index += 1
    raise ServiceRefused("a SERVICE clause is not closed by '}'")


def _endpoint(tok: Token, prefixes: dict[str, str]) -> str | None:
    if tok.kind == "iri":
        return tok.text[1:-1]
    if tok.kind == "var":
        return None
    prefix, colon, local = tok.text.partition(":")
    if tok.kind == "pname" and prefix in prefixes:
        return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    raise ServiceRefused(f"cannot read the SERVICE endpoint {tok.text!r}")


# --- evaluation ----------------------------------------------------------------------

def federate(sparql: str, settings: Settings, store: Store,
             deadline: Deadline | None = None) -> str:
    """The query with every SERVICE clause evaluated and replaced by VALUES, all within
    `deadline` (default: GEOKG_QUERY_TIMEOUT from now); the caller runs the result within
    what is left of it.

    Which clauses there are is decided by a real parser (`guard.services_in`); the text
    is rewritten at the offsets of our tokens only when both name the same endpoints in
    the same order, and the rewritten text must then hold no SERVICE at all. Raises
    ServiceRefused (federation off, endpoint not allowed, a text read two ways),
    RemoteServiceError or QueryTimeout. A query without SERVICE comes back unchanged.
    """
    services = services_in(sparql)
    if not services:
        return sparql
    if not settings.federation:
        raise ServiceRefused("this server does not run SERVICE clauses: federation is off "
                             "(GEOKG_FEDERATION)")
    clauses = find_services(sparql)
    if [c.endpoint for c in clauses] != [s.endpoint for s in services]:
        raise ServiceRefused("the SERVICE clauses of this query cannot be evaluated here (BASE "
                             "or an escape changes their endpoint); write each endpoint as a "
                             "full IRI")
    deadline = deadline or Deadline.start(settings.query_timeout)
    while clauses:
        clause = clauses[0]
        values = _evaluate(sparql, clause, settings, store, deadline)
        sparql = sparql[:clause.start] + values + sparql[clause.end:]
        clauses = find_services(sparql)
    if services_in(sparql):
        raise ServiceRefused("a SERVICE clause of this query could not be evaluated here")
    return sparql


def allowed_endpoints(settings: Settings) -> list[str]:
    return [e.strip() for e in settings.federation_endpoints.split(",") if e.strip()]


def _evaluate(sparql: str, clause: ServiceClause, settings: Settings, store: Store,
              deadline: Deadline) -> str:
    endpoint = _checked_endpoint(clause, settings)
    prologue = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in _PREFIX.findall(sparql))
    try:
        bindings = _local_bindings(sparql, clause, prologue, settings, store, deadline)
        head, rows = _remote_solutions(endpoint, prologue, clause.body, bindings, settings,
                                       deadline)
    except RemoteServiceError:
        if clause.silent:
            return "VALUES () { () }"
        raise
    return values_block(head, rows)


def _checked_endpoint(clause: ServiceClause, settings: Settings) -> str:
    if clause.endpoint is None:
        raise ServiceRefused("SERVICE with a variable endpoint is not supported; name the "
                             "endpoint IRI")
    if clause.endpoint not in allowed_endpoints(settings):
        raise ServiceRefused(f"SERVICE <{clause.endpoint}> is not on the allowlist "
                             "(GEOKG_FEDERATION_ENDPOINTS)")
    try:
        check_url(clause.endpoint, settings)
    except GeokgError as exc:
        raise ServiceRefused(f"SERVICE <{clause.endpoint}> is refused: {exc}") from None
    return clause.endpoint


def _local_bindings(sparql: str, clause: ServiceClause, prologue: str, settings: Settings,
                    store: Store, deadline: Deadline
                    ) -> tuple[list[str], list[dict[str, str | None]]] | None:
    """Values the preceding patterns of the group allow for the shared variables, or None
    when there is nothing to bind (no shared variable, too many values, not evaluable)."""
    before = sparql[clause.group_start:clause.start]
    if find_services(before) or not before.strip():
        return None
    shared = sorted(_variables(clause.body) & _variables(before))
    if not shared:
        return None
    local = (f"{prologue}\nSELECT DISTINCT {' '.join('?' + v for v in shared)} WHERE {{\n"
             f"{_without_filters(before)}\n}} LIMIT {settings.federation_max_rows + 1}")
    try:
        result = store.query(local, timeout=deadline.remaining())
        raw = b"".join(result.serialize("application/sparql-results+json"))
    except QueryTimeout:
        raise deadline.timeout() from None
    except GeokgError:
        return None
    solutions = json.loads(raw)["results"]["bindings"]
    if len(solutions) > settings.federation_max_rows:
        return None
    return shared, [{n: _local_term(t) for n, t in s.items()} for s in solutions]


def _local_term(term: dict[str, str]) -> str | None:
    """A local value to send along; a blank node cannot be sent, and UNDEF (any value)
    keeps the remote answer a superset of what can join."""
    return None if term.get("type") == "bnode" else term_sparql(term)


def _variables(text: str) -> set[str]:
    return {t.text[1:] for t in tokens(text) if t.kind == "var"}


def _without_filters(text: str) -> str:
    """The text with each FILTER removed: dropping a filter can only add solutions, so the
    values sent to the remote stay a superset of the ones that can join."""
    toks = list(tokens(text))
    cut: list[tuple[int, int]] = []
    index = 0
    while index < len(toks):
        if toks[index].kind == "word" and toks[index].text.upper() == "FILTER":
            end = _constraint_end(text, toks, index + 1)
            cut.append((toks[index].start, end))
        index += 1
    for start, end in reversed(cut):
        text = text[:start] + " " + text[end:]
    return text


def _constraint_end(text: str, toks: list[Token], index: int) -> int:
    """End offset of a FILTER's constraint: a bracketed expression, a call, or EXISTS {..}."""
    depth = 0
    started = False
    for tok in toks[index:]:
        opening = tok.kind == "open" and tok.text in ("(", "{")
        closing = tok.kind == "close" and tok.text in (")", "}")
        depth += opening - closing
        started = started or opening
        if started and depth == 0:
            return tok.end
    return len(text)


def _remote_solutions(endpoint: str, prologue: str, body: str,
                      bindings: tuple[list[str], list[dict[str, str | None]]] | None,
                      settings: Settings, deadline: Deadline
                      ) -> tuple[list[str], list[dict[str, Any]]]:
    head: list[str] = []
    rows: list[dict[str, Any]] = []
    for values in _batches(bindings):
        query = (f"{prologue}\nSELECT * WHERE {{\n{values}\n{body}\n}} "
                 f"LIMIT {settings.federation_max_rows + 1}")
        document = fetch_solutions(endpoint, query, settings, deadline)
        head = head or list(document.get("head", {}).get("vars", []))
        rows.extend(document.get("results", {}).get("bindings", []))
        if len(rows) > settings.federation_max_rows:
            raise RemoteServiceError(
                f"SERVICE <{endpoint}> returned more than {settings.federation_max_rows} "
                "solutions (GEOKG_FEDERATION_MAX_ROWS); make the pattern more selective")
    return head, rows


def _batches(bindings: tuple[list[str], list[dict[str, str | None]]] | None) -> Iterator[str]:
    if bindings is None:
        yield ""
        return
    names, rows = bindings
    if not rows:
        return  # nothing before the SERVICE survives: the join is empty, ask nothing
    for first in range(0, len(rows), _BATCH):
        batch = rows[first:first + _BATCH]
        lines = " ".join("(" + " ".join(row.get(n) or "UNDEF" for n in names) + ")"
                         for row in batch)
        yield f"VALUES ({' '.join('?' + n for n in names)}) {{ {lines} }}"


# --- HTTP ----------------------------------------------------------------------------

def fetch_solutions(endpoint: str, query: str, settings: Settings,
                    deadline: Deadline) -> dict[str, Any]:
    """POST one SELECT to an endpoint (SPARQL 1.1 Protocol) and return its JSON results,
    within what is left of the request's deadline (QueryTimeout after it).

    `netguard.fetch` checks the URL, connects only to the addresses it checked (no second
    DNS answer) and checks every redirect again. A watchdog shuts the socket when the
    deadline passes: a socket timeout bounds each read, not a remote that trickles.
    """
    body = urllib.parse.urlencode({"query": query}).encode()
    headers = {"Accept": "application/sparql-results+json", "User-Agent": _AGENT,
               "Content-Type": "application/x-www-form-urlencoded"}
    limit = settings.federation_max_bytes
    failure = None
    left = deadline.remaining()
    watchdog = Watchdog(left)
    try:
        with fetch(endpoint, settings, data=body, headers=headers, timeout=left,
                   on_socket=watchdog.add) as response:
            raw = response.read(limit + 1)
    except ForbiddenTarget as exc:
        failure = f"SERVICE <{endpoint}> was refused: {exc}"
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError, HTTPError,
        failure = f"SERVICE <{endpoint}> failed: {exc}"  # timeouts, bad URLs, cut answers
        release_frames(exc)
    finally:
        watchdog.cancel()
    if deadline.passed:  # whatever the socket said, the request's time is up
        raise deadline.timeout()
    if failure is not None:
        raise RemoteServiceError(failure)
    if len(raw) > limit:
        raise RemoteServiceError(f"SERVICE <{endpoint}> answered more than {limit} bytes")
    try:
        document = json.loads(raw)
    except ValueError:
        raise RemoteServiceError(f"SERVICE <{endpoint}> did not answer SPARQL JSON results") \
            from None
    if not isinstance(document, dict):
        raise RemoteServiceError(f"SERVICE <{endpoint}> did not answer SPARQL JSON results")
    return document


def release_frames(error: BaseException) -> None:
    """Clear the finished frames an exception and its causes hold.

    Why: a connection error can sit in a reference cycle with the frame that raised it
    (a local holding the error: netguard breaks its own, urllib's frames may still hold
    one), and through that frame's callers it keeps this request's
    frames, and the pyoxigraph result in them, alive until the cyclic garbage collector
    frees them, on whichever thread it runs; pyoxigraph results may only be dropped on the
    thread that made them (RuntimeError otherwise).
    """
    pending: list[object] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        pending += [current.__cause__, current.__context__, getattr(current, "reason", None)]


# --- writing terms -------------------------------------------------------------------

def term_sparql(term: dict[str, str]) -> str:
    """One SPARQL JSON results term written in SPARQL syntax."""
    kind = term.get("type")
    value = term.get("value", "")
    if kind == "uri":
        return _iri(value)
    if kind == "bnode":
        return _iri("urn:geokg:remote-bnode:" + urllib.parse.quote(value, safe=""))
    if kind in ("literal", "typed-literal"):
        text = json.dumps(value, ensure_ascii=False)
        if "xml:lang" in term:
            return text + "@" + re.sub(r"[^A-Za-z0-9-]", "", term["xml:lang"])
        if "datatype" in term:
            return f"{text}^^{_iri(term['datatype'])}"
        return text
    raise RemoteServiceError(f"the remote answered a term of unknown type {kind!r}")


def _iri(value: str) -> str:
    if re.search(r'[<>"{}|^`\\\x00-\x20]', value):
        raise RemoteServiceError(f"the remote answered an IRI that cannot be written: {value!r}")
    return f"<{value}>"


def values_block(head: list[str], rows: list[dict[str, Any]]) -> str:
    """A VALUES block holding the remote solutions (UNDEF for unbound variables)."""
    names = [n for n in head if re.fullmatch(r"\w+", n)]
    lines = " ".join("(" + " ".join(term_sparql(r[n]) if n in r else "UNDEF" for n in names) + ")"
                     for r in rows)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {lines} }}"
