"""Upkeep of what the store derives from code and data rather than from articles: the
reference graphs (ontology, gazetteer) and the period index (gk:inPeriod); and restoring a
dump (`load_dump`). The statistics graph, derived too, has a module of its own
(`statistics.py`).

Nothing here runs behind a caller's back: `Pipeline.prepare` (called by the app factory
and the CLI) brings the reference graphs up to date, and the CLI completes the period
index (`geokg serve`, `load`, `reindex`).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from geokg.extract.gazetteer import Gazetteer
from geokg.graph.build import gazetteer_graph, with_period_index
from geokg.graph.iris import Minter
from geokg.graph.validate import check
from geokg.pipeline.revision import bump, revised
from geokg.resources import GAZETTEER_DIR, ONTOLOGY_FILE
from geokg.store import Store
from geokg.store.base import graph_content
from geokg.vocab import DCTERMS, GK, SEM

log = logging.getLogger(__name__)


def put_validated(store: Store, mint: Minter, graph_iri: str, graph: Graph) -> None:
    """Store a graph under `graph_iri` only if it conforms to the shapes.

    Raises ShapeViolation (with the report) and leaves the store untouched otherwise;
    the store replaces the graph in one transaction, so readers never see half of it.
    """
    check(graph)
    store.replace_graphs(revised(mint, {graph_iri: graph.serialize(format="nt")}))


def load_dump(store: Store, mint: Minter, data: bytes, fmt: str) -> tuple[int, int]:
    """Add the quads of a dump (N-Quads or TriG, `fmt` as `Store.load` takes it) as they
    are, in one transaction and without running the shapes (`geokg load`: restore,
    migration), then write a new revision token. How many quads were new, and how many the
    store holds now.

    Why the new token: the quads come without one, and may bring the dumped store's token,
    which the statistics graph's figures of that store were counted at; after the load they
    count other data. The period index and the statistics graph are the caller's next
    steps (`unindexed_graphs`, `reindex_graph`, `statistics.refresh_statistics_of`).
    """
    before = store.quad_count()
    store.load(data, fmt)
    after = store.quad_count()
    bump(store, mint)
    return after - before, after


def ensure_reference_graphs(store: Store, mint: Minter, gazetteer: Gazetteer) -> bool:
    """Load the ontology and the gazetteer into their graphs when missing or changed.
    Whether the ontology had to be written: a new store, or one written by another version,
    whose derived data (statistics, period index) may lag."""
    upgraded = _put_reference(store, mint, str(mint.ontology_graph), _files_hash([ONTOLOGY_FILE]),
                              lambda: Graph().parse(ONTOLOGY_FILE))
    _put_reference(store, mint, str(mint.gazetteer_graph),
                   _files_hash(sorted(GAZETTEER_DIR.glob("*"))),
                   lambda: gazetteer_graph(gazetteer, mint))
    return upgraded


def _put_reference(store: Store, mint: Minter, iri: str, digest: str,
                   build: Callable[[], Graph]) -> bool:
    """Whether the graph had to be (re)written."""
    ask = f'ASK {{ GRAPH <{iri}> {{ <{iri}> <{GK.contentHash}> "{digest}" }} }}'
    if store.query(ask).boolean:
        return False
    store.replace_graphs(revised(mint, {iri: _validated_reference(iri, digest, build)}))
    return True


#: (graph IRI, content hash) -> its validated N-Triples. Building and checking the gazetteer
#: graph (24k triples) takes about 2 s; a process that prepares several new stores (tests,
#: a bench, several apps) does it once.
_REFERENCE_CACHE: dict[tuple[str, str], str] = {}
_REFERENCE_LOCK = threading.Lock()


def _validated_reference(iri: str, digest: str, build: Callable[[], Graph]) -> str:
    with _REFERENCE_LOCK:
        cached = _REFERENCE_CACHE.get((iri, digest))
        if cached is None:
            graph = build()
            graph.add((URIRef(iri), GK.contentHash, Literal(digest)))
            check(graph)  # a gazetteer row that breaks the shapes stops here
            cached = _REFERENCE_CACHE[(iri, digest)] = graph.serialize(format="nt")
        return cached


def _files_hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"sha256:{digest.hexdigest()}"


# --- the period index -----------------------------------------------------------------

#: Article graphs holding a date the period index (gk:inPeriod) should cover but does not:
#: an article's issue day, or an event whose bounds lie within one calendar year.
_UNINDEXED = f"""SELECT DISTINCT ?graph WHERE {{ GRAPH ?graph {{
  ?graph a <{GK.Article}> .
  {{ ?node <{DCTERMS.issued}> ?day }}
  UNION
  {{ ?node <{SEM.hasEarliestBeginTimeStamp}> ?first ; <{SEM.hasLatestEndTimeStamp}> ?last
     FILTER (YEAR(?first) = YEAR(?last)) }}
  FILTER NOT EXISTS {{ ?node <{GK.inPeriod}> ?period }} }} }}"""


def unindexed_graphs(store: Store) -> list[str]:
    """Article graphs the period index does not cover: written by a geokg older than the
    index, or loaded from its dumps; they would drop out of every period query."""
    return [row["graph"] or "" for row in store.query(_UNINDEXED).rows()]


def count_unindexed(store: Store) -> int:
    """How many article graphs lack the period index, with a warning when any do. Why not
    complete it here: at 10M triples that takes minutes, longer than a server may take to
    start (`geokg serve`, `load` and `reindex` complete it with a progress bar)."""
    missing = len(unindexed_graphs(store))
    if missing:
        log.warning("%d article graphs lack the period index (gk:inPeriod) and are missing "
                    "from period queries: run `geokg reindex`", missing)
    return missing


def reindex_graph(store: Store, mint: Minter, iri: str) -> None:
    """Derive gk:inPeriod in one stored article graph; its other triples stay as they are."""
    ntriples = b"".join(graph_content(store, iri, "application/n-triples")).decode("utf-8")
    store.replace_graphs(revised(mint, {iri: with_period_index(ntriples)}))
