"""The formats stores read and write, and pyoxigraph's name for each: shared by the
backends (they all parse and write with pyoxigraph) and by `base`'s helpers.

Why a module of its own: `base` and the backends both need these, and the backends import
`base`; here, neither imports the other for them.
"""

from __future__ import annotations

import pyoxigraph as ox

from geokg.errors import InputError

#: Dataset formats of `Store.dump` / `Store.load`: short name -> media type.
DUMP_FORMATS: dict[str, str] = {
    "nquads": "application/n-quads",
    "trig": "application/trig",
}
_RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_DATASET_FORMATS: dict[str, ox.RdfFormat] = {
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


def dump_media_type(fmt: str) -> str:
    """Accept a short name (`nquads`, `trig`) or a media type; return the media type.

    Why: the CLI speaks short names, HTTP speaks media types; both reach `dump`/`load`.
    """
    if fmt in DUMP_FORMATS:
        return DUMP_FORMATS[fmt]
    if fmt in DUMP_FORMATS.values():
        return fmt
    raise InputError(f"unknown dataset format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")


def result_format(media_type: str) -> ox.QueryResultsFormat:
    return _RESULT_FORMATS[media_type]


def graph_format(media_type: str) -> ox.RdfFormat:
    return _GRAPH_FORMATS[media_type]


def dataset_format(fmt: str) -> ox.RdfFormat:
    return _DATASET_FORMATS[dump_media_type(fmt)]
