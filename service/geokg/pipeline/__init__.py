"""The one owner of writes: every way an article or a curation write reaches the store.

- `inputs`: articles as they arrive (`ArticleInput`; text, JSON, JSON Lines, HTML files)
- `ingest`: `Pipeline.ingest`, one article read, validated and stored atomically
- `bulk`: many articles, read in worker processes, written here one by one
- `curation`: SPARQL Update and Graph Store writes, validated before the store sees them
- `reextract`: stored articles read again by the current extractor (`geokg reextract`)
- `maintenance`, `statistics`: reference graphs, period index, the statistics graph
- `revision`: the token every write replaces, which tells whether kept figures are current
"""

from geokg.pipeline.ingest import IngestResult, Pipeline, PreparedArticle, prepare_article
from geokg.pipeline.inputs import ArticleInput, parse_published, read_inputs

__all__ = ["ArticleInput", "IngestResult", "Pipeline", "PreparedArticle", "parse_published",
           "prepare_article", "read_inputs"]
