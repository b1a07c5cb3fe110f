"""Reading stored articles again with the current extractor (`geokg reextract`).

Extraction improves often; an article keeps the events the extractor of its day read. Each
article graph records its reading (`geokg.graph.provenance`), so the stale ones are found by
one query in the store: those whose reading was not associated with this process's extractor
(graphs that record no reading count as stale).

Each stale article is read again from what its graph keeps (text, language, title, issue
day, URL, feed, version and the version it revises) and keeps what its first reading
recorded (`prov:generatedAtTime`, `gk:contentHash`). The new graph is validated as at
ingest and replaces the old one in one transaction, on the condition that the old one is
still as it was read (`replace_graphs(expect=…)`): readers see the old graph or the new one,
never neither, and a curation write that lands meanwhile is not undone.

A graph changed by curation since its reading (its `gk:graphDigest` no longer matches) is
skipped unless `force`: reading it again would silently drop what a curator changed. A
graph that fails to be read or validated keeps its old version and is reported.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from rdflib import Graph, Literal, Node, URIRef

from geokg.errors import GeokgError, InputError, PreconditionFailed
from geokg.extract import read_article
from geokg.graph.build import ArticleOrigin, article_graph
from geokg.graph.provenance import Extractor, current_extractor, recorded_reading
from geokg.graph.validate import check
from geokg.pipeline.ingest import Pipeline
from geokg.pipeline.revision import revised
from geokg.pipeline.statistics import StatisticsSummary
from geokg.store import Store
from geokg.store.base import read_graph, sparql_iri
from geokg.vocab import DCTERMS, GK, NIF, PROV, RDFS, SCHEMA

T = TypeVar("T")

#: Called after each article checked, with how many were checked and how many will be.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Skipped:
    article: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"article": self.article, "reason": self.reason}


@dataclass
class ReextractSummary:
    """What a run did (or, with `dry_run`, would do)."""

    articles: int = 0  # article graphs in the store
    stale: int = 0  # of them, read by another extractor or not saying (all are read with --all)
    checked: int = 0
    reread: int = 0  # read again and validated (stored unless dry_run)
    changed: int = 0  # of them, articles whose events came out differently
    events_before: int = 0
    events_after: int = 0
    unstamped: int = 0  # read again without a recorded reading: curation could not be checked
    curated: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0
    statistics: StatisticsSummary | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "articles": self.articles, "stale": self.stale, "checked": self.checked,
            "reread": self.reread, "changed": self.changed, "events_before": self.events_before,
            "events_after": self.events_after, "unstamped": self.unstamped,
            "skipped_curated": len(self.curated), "failed": len(self.failed),
            "skipped": [s.to_json() for s in self.curated],
            "failures": [f.to_json() for f in self.failed],
            "dry_run": self.dry_run, "seconds": round(self.seconds, 2),
            "articles_per_s": round(self.checked / self.seconds, 1) if self.seconds else 0.0,
        }


def article_graphs(store: Store) -> list[str]:
    """Every article graph, sorted (in Python: Oxigraph sorts IRIs slowly)."""
    query = f"SELECT ?graph WHERE {{ GRAPH ?graph {{ ?graph a <{GK.Article}> }} }}"
    return sorted(row["graph"] or "" for row in store.query(query).rows())


def stale_articles(store: Store, extractor_iri: str) -> list[str]:
    """Article graphs whose recorded reading is not `extractor_iri`'s, or that record none."""
    query = f"""SELECT ?graph WHERE {{ GRAPH ?graph {{ ?graph a <{GK.Article}>
      FILTER NOT EXISTS {{ ?graph <{PROV.wasGeneratedBy}> ?reading .
                          ?reading <{PROV.wasAssociatedWith}> {sparql_iri(extractor_iri)} }} }} }}"""
    return sorted(row["graph"] or "" for row in store.query(query).rows())


def reextract(pipeline: Pipeline, *, everything: bool = False, dry_run: bool = False,
              limit: int | None = None, force: bool = False,
              progress: Progress | None = None) -> ReextractSummary:
    """Read stale articles (every article with `everything`) again and store what is read.

    `limit`: read at most this many again (skipped curated graphs do not count, so runs with
    a limit make progress past them). `dry_run`: read and validate, write nothing.
    `force`: overwrite graphs changed by curation too. Refreshes the statistics graph at the
    end when a graph was written.
    """
    started = time.perf_counter()
    extractor = current_extractor()
    store = pipeline.store
    every = article_graphs(store)
    stale = stale_articles(store, str(extractor.iri(pipeline.mint)))
    candidates = every if everything else stale
    summary = ReextractSummary(articles=len(every), stale=len(stale), dry_run=dry_run)
    rereader = _Rereader(pipeline, extractor, dry_run=dry_run, force=force)
    for iri in candidates:
        if limit is not None and summary.reread + len(summary.failed) >= limit:
            break
        rereader.reread(iri, summary)
        summary.checked += 1
        if progress is not None:
            progress(summary.checked, len(candidates))
    if summary.reread and not dry_run:
        summary.statistics = pipeline.refresh_statistics()
    summary.seconds = time.perf_counter() - started
    return summary


class _Rereader:
    def __init__(self, pipeline: Pipeline, extractor: Extractor, *, dry_run: bool, force: bool):
        self.pipeline = pipeline
        self.extractor = extractor
        self.dry_run = dry_run
        self.force = force

    def reread(self, iri: str, summary: ReextractSummary) -> None:
        """Read one article again and (unless dry_run) store it; the outcome goes to `summary`."""
        tag, data = read_graph(self.pipeline.store, iri, "application/n-triples")
        if tag is None:
            return  # removed since the list was made: nothing to read
        old = Graph().parse(data=data.decode("utf-8"), format="nt")
        node = URIRef(iri)
        recorded = recorded_reading(old, node)
        if not self.force and recorded.curated(old):
            summary.curated.append(Skipped(iri, "changed (by curation) since it was read; "
                                                "--force reads it again all the same"))
            return
        try:
            new = self.new_graph(old, node)
            check(new)
        except Exception as exc:  # an extractor's bug in one article must not stop the run
            summary.failed.append(Skipped(iri, _reason(exc)))
            return
        if not self.dry_run:
            try:
                self.pipeline.store.replace_graphs(
                    revised(self.pipeline.mint, {iri: new.serialize(format="nt")}),
                    expect={iri: tag})
            except PreconditionFailed:
                summary.curated.append(Skipped(iri, "changed while it was read again; "
                                                    "run reextract again"))
                return
        before, after = _events(old, node), _events(new, node)
        summary.reread += 1
        summary.unstamped += not recorded.stamped
        summary.changed += before != after
        summary.events_before += len({s for s, _, _ in before})
        summary.events_after += len({s for s, _, _ in after})

    def new_graph(self, old: Graph, node: URIRef) -> Graph:
        """The article's graph as the current extractor reads its stored text."""
        stored = StoredArticle.from_graph(old, node)
        gazetteer, mint = self.pipeline.gazetteer, self.pipeline.mint
        article = read_article(stored.text, published=stored.published, lang=stored.lang,
                               url=stored.url, title=stored.title, gazetteer=gazetteer)
        if mint.article(article.id) != node:
            raise InputError("its text (nif:isString) no longer names its graph: the text was "
                             "changed after it was read")
        return article_graph(article, gazetteer, mint, stored.ingested,
                             content_hash=stored.content_hash, origin=stored.origin,
                             extractor=self.extractor,
                             read_at=dt.datetime.now(dt.UTC).replace(microsecond=0))


@dataclass(frozen=True)
class StoredArticle:
    """What an article graph keeps of the article as it arrived: all a reading needs."""

    text: str
    ingested: dt.datetime
    content_hash: str
    lang: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    origin: ArticleOrigin | None = None

    @classmethod
    def from_graph(cls, graph: Graph, node: URIRef) -> StoredArticle:
        """InputError naming what is missing or malformed."""
        text = _literal(graph, node, NIF.isString, str, required=True)
        ingested = _literal(graph, node, PROV.generatedAtTime, dt.datetime, required=True)
        content_hash = _literal(graph, node, GK.contentHash, str, required=True)
        assert text is not None and ingested is not None and content_hash is not None
        url = graph.value(node, SCHEMA.url)
        return cls(text=text, ingested=ingested, content_hash=content_hash,
                   lang=_literal(graph, node, DCTERMS.language, str),
                   title=_literal(graph, node, DCTERMS.title, str),
                   published=_literal(graph, node, DCTERMS.issued, dt.date),
                   url=str(url) if isinstance(url, URIRef) else None,
                   origin=_origin(graph, node))


def _origin(graph: Graph, node: URIRef) -> ArticleOrigin | None:
    feed = graph.value(node, GK.feed)
    if not isinstance(feed, URIRef):
        return None
    revision_of = graph.value(node, PROV.wasRevisionOf)
    return ArticleOrigin(feed_url=str(feed), feed_name=_literal(graph, feed, RDFS.label, str),
                         version=_literal(graph, node, GK.version, int) or 1,
                         revision_of=str(revision_of) if isinstance(revision_of, URIRef) else None)


def _literal(graph: Graph, node: Node, predicate: URIRef, kind: type[T], *,
             required: bool = False) -> T | None:
    value = graph.value(node, predicate)
    if value is None and not required:
        return None
    python = value.toPython() if isinstance(value, Literal) else None
    if kind is dt.date and isinstance(python, dt.datetime):
        python = None  # a date-time is no issue day
    if not isinstance(python, kind):
        raise InputError(f"its {predicate.n3()} is {'missing' if value is None else 'malformed'}")
    return python


def _events(graph: Graph, article: URIRef) -> frozenset[tuple[Node, Node, Node]]:
    """What the graph says about the events read from the article."""
    events = set(graph.subjects(PROV.wasDerivedFrom, article))
    return frozenset(t for event in events for t in graph.triples((event, None, None)))


def _reason(exc: Exception) -> str:
    """Our own errors say what is wrong; anything else is a bug, named by its type."""
    return str(exc) if isinstance(exc, GeokgError) else f"{type(exc).__name__}: {exc}"


__all__ = ["ReextractSummary", "Skipped", "StoredArticle", "article_graphs", "reextract",
           "stale_articles"]
