"""The store's revision: one triple in the graph `{base}graph/revision` holding a random token
that every write of the pipeline replaces, in the same transaction as the write.

Why: the statistics graph keeps the figures of a hub's page (how many statements describe
it, how many events it takes part in, how many of them per month), which the page would
otherwise count over every copy of the hub in every article graph (seconds at 100M
triples). Those figures are exact only while nothing was written since they were
computed. A refresh records the token it saw before counting; a page uses the figures only
when the token is still the store's, and counts live otherwise. A random token, not a
counter: two writers that read the same counter would write the same next value.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from geokg.graph.iris import Minter
from geokg.store import Store
from geokg.store.base import sparql_iri
from geokg.vocab import GK


def revised(mint: Minter, graphs: Mapping[str, str | None]) -> dict[str, str | None]:
    """The graphs of a `Store.replace_graphs` call plus a new revision token: pass this to
    every write, so that the write and the new token are one transaction."""
    return {**graphs, str(mint.revision_graph): token_triples(mint, new_token())}


def new_token() -> str:
    return uuid.uuid4().hex


def token_triples(mint: Minter, token: str) -> str:
    """The revision graph's content when `token` is the store's token."""
    graph = str(mint.revision_graph)
    return f'<{graph}> <{GK.revision}> "{token}" .\n'


def bump(store: Store, mint: Minter) -> None:
    """A new token alone, after a write that could not carry one (a bulk load of quads)."""
    store.replace_graphs(revised(mint, {}))


def current(store: Store, mint: Minter) -> str | None:
    """The store's token now; None when no write of this version has stamped one yet."""
    graph = sparql_iri(str(mint.revision_graph))
    rows = store.query(f"SELECT ?token WHERE {{ GRAPH {graph} {{ {graph} <{GK.revision}> ?token }} }}"
                       ).rows()
    return rows[0]["token"] if rows else None
