"""The one owner of writes: every way an article or a curation write reaches the store."""

from geokg.pipeline.ingest import (
    SAMPLE_ARTICLES,
    ArticleInput,
    IngestResult,
    Pipeline,
    checked_input,
    parse_published,
    read_inputs,
    reindex_graph,
    unindexed_graphs,
)

__all__ = ["SAMPLE_ARTICLES", "ArticleInput", "IngestResult", "Pipeline", "checked_input",
           "parse_published", "read_inputs", "reindex_graph", "unindexed_graphs"]
