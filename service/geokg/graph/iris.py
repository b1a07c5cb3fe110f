"""Every IRI geokg mints is made here, from the configured base (GEOKG_BASE_IRI)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import URIRef


class Minter:
    def __init__(self, base: str):
        self.base = base

    def entity(self, key: str) -> URIRef:
        return URIRef(f"{self.base}entity/{key}")

    def article(self, article_id: str) -> URIRef:
        """The article resource; its named graph has the same IRI."""
        return URIRef(f"{self.base}article/{article_id}")

    def evidence(self, article_id: str, begin: int, end: int) -> URIRef:
        """RFC 5147 fragment: the sentence's character range in the article text."""
        return URIRef(f"{self.base}article/{article_id}#char={begin},{end}")

    def office(self, holder: str, office_of: str, start: str) -> URIRef:
        return URIRef(f"{self.base}office/{holder}/{office_of}/{start}")

    def event(self, event_type: str, sides: Iterable[str], addressees: Iterable[str],
              thing: str | None, date: str | None) -> URIRef:
        """Deterministic identity: the same event read from several articles is one node.

        `sides` are states (a leader counts as the state led on the date), so "Putin" in one
        article and "Russland" in another name the same event.
        """
        key = "|".join([event_type, ",".join(sorted(sides)), ",".join(sorted(addressees)),
                        thing or "", date or ""])
        return URIRef(f"{self.base}event/{hashlib.sha256(key.encode()).hexdigest()[:20]}")

    def extractor(self, version: str, digest: str) -> URIRef:
        """The software agent that read an article (`geokg.graph.provenance`): one per
        package version and digest of the files its reading depends on."""
        return URIRef(f"{self.base}extractor/{version}/{digest.removeprefix('sha256:')[:16]}")

    @property
    def gazetteer_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/gazetteer")

    @property
    def ontology_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/ontology")

    @property
    def statistics_graph(self) -> URIRef:
        """Derived counts (`geokg.pipeline.statistics`); its data sets are `{graph}#{name}`."""
        return URIRef(f"{self.base}graph/statistics")

    @property
    def revision_graph(self) -> URIRef:
        """The store's revision: a token every write replaces (`geokg.pipeline.revision`)."""
        return URIRef(f"{self.base}graph/revision")
