"""The list of stored articles, newest first, cut into pages in the store.

Why not one ORDER BY over every article: at 100k articles that read every article's date
and title and counted its events, 9.4 s per page. The statistics graph counts the articles
of each month (`ontology/statistics/articles-per-month.rq`); a page reads only the months it
falls in, through the period index (`gk:inPeriod`), and sorts only their articles.

The counts are as of the statistics graph's last refresh (GEOKG_STATISTICS_DELAY seconds
after a write through the web app, at the end of `geokg ingest`). The total is counted live;
while the counted months do not add up to it (a write since the refresh), the months are
counted live too (about 1 s at 100k articles), so an article just stored is never missing
from the list nor a page cut short.
"""

from __future__ import annotations

from geokg.store import Store
from geokg.store.base import sparql_iri
from geokg.vocab import PREFIXES
from geokg.web.paging import months_of_page

_PREFIX_LINES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
#: A month of the list: its gYearMonth (None: the articles without a publication date) and
#: how many articles it holds.
Month = tuple[str | None, int]


def count_articles(store: Store) -> int:
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE {{ ?article a gk:Article }}
        """).rows()
    return int(rows[0]["n"] or 0)


def months(store: Store, statistics: str, total: int) -> list[Month]:
    """The months with articles, newest first, then the undated articles, as counted by the
    statistics graph; counted live when its counts do not add up to the `total` stored now
    (a store before its first refresh, or written since)."""
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?month ?articles WHERE {{ GRAPH {sparql_iri(statistics)} {{
          ?observation qb:dataSet <{statistics}#articles-per-month> ; gk:articleCount ?articles .
          OPTIONAL {{ ?observation gk:month ?month }} }} }}""").rows()
    if sum(int(r["articles"] or 0) for r in rows) != total:
        rows = store.query(f"""{_PREFIX_LINES}
            SELECT ?month (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
              GRAPH ?article {{ ?article a gk:Article
                OPTIONAL {{ ?article gk:inPeriod ?month FILTER(DATATYPE(?month) = xsd:gYearMonth) }} }}
            }} GROUP BY ?month""").rows()
    dated = sorted(((r["month"], int(r["articles"] or 0)) for r in rows if r["month"]),
                   reverse=True)  # "2025-06" sorts after "2025-05" as text too
    undated = [(None, int(r["articles"] or 0)) for r in rows if not r["month"]]
    return [*dated, *undated]


def page(store: Store, months: list[Month], offset: int, limit: int) -> list[str]:
    """The IRIs of the articles `offset` to `offset + limit` of the newest-first list."""
    chosen, skip, _ = months_of_page(months, offset, limit)
    dated = [m for m in chosen if m is not None]
    found: list[str] = []
    if dated:
        found = _dated(store, dated, skip, limit)
        skip = max(0, skip - sum(c for m, c in months if m in dated))
    if None in chosen and len(found) < limit:
        found += _undated(store, skip, limit - len(found))
    return found


def _dated(store: Store, months: list[str], skip: int, limit: int) -> list[str]:
    """Articles of these months, newest first (the same day: in the store's order, which is
    stable while the store does not change; sorting by IRI too would fetch every IRI's text)."""
    values = " ".join(f'"{m}"^^xsd:gYearMonth' for m in months)
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?article WHERE {{ {{ SELECT DISTINCT ?article ?published WHERE {{
          VALUES ?month {{ {values} }}
          ?article gk:inPeriod ?month . ?article a gk:Article .
          OPTIONAL {{ ?article dcterms:issued ?published }}
        }} }} }} ORDER BY DESC(?published) OFFSET {skip} LIMIT {limit}""").rows()
    return list(dict.fromkeys(r["article"] or "" for r in rows))


def _undated(store: Store, skip: int, limit: int) -> list[str]:
    """Articles without a publication month, in the store's order (both sides scanned once and
    joined by hash, instead of a lookup per article)."""
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?article WHERE {{
          {{ SELECT DISTINCT ?article WHERE {{ GRAPH ?article {{ ?article a gk:Article }} }} }}
          MINUS {{ SELECT ?article WHERE {{ GRAPH ?article {{ ?article gk:inPeriod ?month }}
                                          FILTER(DATATYPE(?month) = xsd:gYearMonth) }} }}
        }} OFFSET {skip} LIMIT {limit}""").rows()
    return [r["article"] or "" for r in rows]


def details(store: Store, iris: list[str], max_rows: int) -> list[dict[str, str | None]]:
    """Title, publication day, language and number of events of each article, in `iris` order
    (an article's facts are in its own graph alone, so the union holds one copy; inside
    `GRAPH ?article` Oxigraph would read every graph's OPTIONALs first: 4.5 s)."""
    if not iris:
        return []
    rows = store.query(f"""{_PREFIX_LINES}
        SELECT ?article (SAMPLE(?t) AS ?title) (SAMPLE(?p) AS ?published) (SAMPLE(?l) AS ?lang)
               (COUNT(DISTINCT ?event) AS ?events) WHERE {{
          VALUES ?article {{ {" ".join(sparql_iri(i) for i in iris)} }}
          OPTIONAL {{ ?article dcterms:title ?t }}
          OPTIONAL {{ ?article dcterms:issued ?p }}
          OPTIONAL {{ ?article dcterms:language ?l }}
          OPTIONAL {{ ?event prov:wasDerivedFrom ?article }}
        }} GROUP BY ?article""").rows(max_rows)
    by_iri = {r["article"]: r for r in rows}
    return [by_iri[i] for i in iris if i in by_iri]
