"""Graph stores behind one interface (`Store`), chosen by the GEOKG_STORE setting.

Backends are imported only when chosen, so a deployment against a remote endpoint never
loads RocksDB and a test of one backend does not pay for the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.errors import ConfigError
from geokg.store.base import QueryResult, StagingStore, Store

if TYPE_CHECKING:
    from geokg.config import Settings

__all__ = ["QueryResult", "StagingStore", "Store", "open_staging_store", "open_store"]


def open_store(settings: Settings, *, stoppable: bool = False) -> Store:
    """Open the store named by `settings.store` (`oxigraph:PATH`, `memory`, `sparql:Q[,U]`).

    `stoppable` (the web server): queries must stop at GEOKG_QUERY_TIMEOUT. An embedded
    store, and `memory` too, then runs in an engine process that can be killed
    (`geokg.store.engine_client`) and has no network (`geokg.store.sandbox`: the second wall
    against SERVICE and LOAD); a remote store gets the limit as its HTTP timeout.

    Why `memory` in an engine as well: in this process Oxigraph would call any URL a text
    that fooled the query check names, and a query that overflows the parser's stack would
    kill the web worker. The price: an in-memory engine killed for a timeout (or crashed)
    comes back empty.
    """
    spec = settings.store.strip()
    scheme, _, rest = spec.partition(":")
    if stoppable and (spec == "memory" or (scheme == "oxigraph" and rest)):
        from geokg.store.engine_client import open_engine_store

        return open_engine_store(rest or None, settings.query_timeout, settings.engine_socket,
                                 settings.run_dir)
    if spec == "memory":
        from geokg.store.oxigraph import OxigraphStore

        return OxigraphStore()
    if scheme == "oxigraph" and rest:
        from geokg.store.oxigraph import OxigraphStore

        return OxigraphStore(rest)
    if scheme == "sparql" and rest:
        from geokg.store.remote import RemoteStore

        query_url, _, update_url = rest.partition(",")
        return RemoteStore(query_url.strip(), update_url.strip() or None,
                           user=settings.remote_user, password=settings.remote_password,
                           timeout=settings.query_timeout if stoppable else None,
                           dialect=settings.remote_dialect)
    raise ConfigError(
        f"GEOKG_STORE={spec!r} is not a store geokg knows; use oxigraph:PATH, memory, "
        "or sparql:QUERY_URL[,UPDATE_URL]"
    )


def open_staging_store(settings: Settings, *, socket_name: str) -> StagingStore:
    """A new in-memory store in an engine process of its own (its socket `socket_name` in
    GEOKG_RUN_DIR when set), where a curation write is tried before the real store sees it:
    an update there stops at GEOKG_QUERY_TIMEOUT and can fetch nothing (no network)."""
    from geokg.store.engine_client import open_engine_store

    return open_engine_store(None, settings.query_timeout, run_dir=settings.run_dir,
                             socket_name=socket_name)
