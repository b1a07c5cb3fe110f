"""Ingest: an article's text → extraction → RDF → SHACL → the store, in one transaction.

Ingestion is atomic and idempotent. An article is addressed by the hash of its text, so
the same text ingested twice is found and left alone; its graph is validated as a whole
before the store sees it, and stored in one transaction, so a rejected article leaves the
store exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph

from geokg.config import Settings
from geokg.extract import read_article
from geokg.extract.gazetteer import Gazetteer, load_gazetteer
from geokg.graph.build import article_graph
from geokg.graph.iris import Minter
from geokg.graph.validate import check
from geokg.pipeline.inputs import ArticleInput
from geokg.pipeline.maintenance import count_unindexed, ensure_reference_graphs, put_validated
from geokg.pipeline.revision import revised
from geokg.pipeline.statistics import StatisticsSummary, refresh_statistics
from geokg.store import Store, open_store


@dataclass(frozen=True)
class IngestResult:
    """What ingest did with one article; the same shape whether it was new or stored before
    (what the store then holds about it is read from the store, as for any article)."""

    article_id: str
    article_iri: str
    created: bool  # False when the same text was already stored

    def to_json(self) -> dict[str, object]:
        return {"id": self.article_id, "iri": self.article_iri, "created": self.created}


class Pipeline:
    """The one owner of writes of articles and reference data to one store.

    Constructing it writes nothing; `prepare` (or `Pipeline.open`) brings the store's
    reference graphs and statistics up to date, once, where the caller chooses to pay it.
    """

    def __init__(self, settings: Settings, store: Store | None = None,
                 gazetteer: Gazetteer | None = None):
        self.settings = settings
        self.store = store if store is not None else open_store(settings)
        self.gazetteer = gazetteer or load_gazetteer()
        self.mint = Minter(settings.base_iri)
        #: Article graphs found without the period index when `prepare` saw a store written
        #: by another version (`geokg serve` completes them; checked only then: it reads
        #: every date).
        self.unindexed = 0

    @classmethod
    def open(cls, settings: Settings, store: Store | None = None,
             gazetteer: Gazetteer | None = None) -> Pipeline:
        """A pipeline whose store is prepared (`prepare`): what most callers want."""
        pipeline = cls(settings, store, gazetteer)
        pipeline.prepare()
        return pipeline

    def prepare(self) -> None:
        """Load the ontology and the gazetteer into their graphs when missing or changed, and
        compute the statistics graph when missing (a few ms on a new store; an existing one
        is kept, see `geokg.pipeline.statistics` for who refreshes it). A changed ontology
        means a store written by another version: the statistics are recomputed and graphs
        without the period index are counted (`unindexed`) and reported."""
        upgraded = ensure_reference_graphs(self.store, self.mint, self.gazetteer)
        if upgraded:  # a new store, or one written by another version: derived data may lag
            self.unindexed = count_unindexed(self.store)
        if upgraded or not self.store.has_graph(str(self.mint.statistics_graph)):
            self.refresh_statistics()

    def refresh_statistics(self) -> StatisticsSummary:
        """Recompute the statistics graph (after a run of writes, never per article)."""
        return refresh_statistics(self.store, self.mint, self.settings.hub_events)

    # -- ingestion -------------------------------------------------------------------------
    def ingest(self, item: ArticleInput, *, replaces: Sequence[str] = ()) -> IngestResult:
        """Read, validate and store one article; the same text twice is stored once.
        InputError (bad text or metadata) and ShapeViolation leave the store unchanged.

        `replaces`: article graphs this one supersedes (earlier versions of the same page,
        read by the feed watcher), removed in the transaction that stores it, so that
        readers see the old version or the new one, never both or neither. A text that is
        stored already changes nothing, whatever `replaces` says."""
        item = item.checked(self.settings.max_article_chars)
        iri = self.iri_of(item)
        if self.store.has_graph(iri):
            return IngestResult(item.article_id, iri, created=False)
        prepared = prepare_article(item, self.gazetteer, self.mint)
        graphs: dict[str, str | None] = {old: None for old in replaces if old != iri}
        self.store.replace_graphs(revised(self.mint, {**graphs, prepared.iri: prepared.ntriples}))
        return IngestResult(item.article_id, iri, created=True)

    def iri_of(self, item: ArticleInput) -> str:
        """The IRI an article (already `checked`) is stored under: it names its text."""
        return str(self.mint.article(item.article_id))

    def put_validated(self, graph_iri: str, graph: Graph) -> None:
        """Store a graph only if it conforms to the shapes (`maintenance.put_validated`)."""
        put_validated(self.store, self.mint, graph_iri, graph)


@dataclass(frozen=True)
class PreparedArticle:
    """An article read, turned into RDF and validated: all one store write needs."""

    iri: str
    ntriples: str


def prepare_article(item: ArticleInput, gazetteer: Gazetteer, mint: Minter) -> PreparedArticle:
    """Everything ingest does to a `checked` article except the store write: extract,
    build the graph, validate it (ShapeViolation otherwise).

    Why apart from Pipeline: it needs no store and is CPU-bound, so bulk ingest
    (`geokg.pipeline.bulk`) runs it in worker processes and keeps only the write in the
    main one.
    """
    article = read_article(item.text, published=item.published, lang=item.lang, url=item.url,
                           title=item.title, gazetteer=gazetteer, content_id=item.article_id)
    ingested = dt.datetime.now(dt.UTC).replace(microsecond=0)
    graph = article_graph(article, gazetteer, mint, ingested, content_hash=item.content_hash,
                          origin=item.origin)
    check(graph)
    return PreparedArticle(str(mint.article(item.article_id)), graph.serialize(format="nt"))
