"""geokg: news articles read into a SHACL-validated knowledge graph, served over SPARQL 1.1."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root of a checkout, for its tests and benchmarks only: an installed wheel
#: has no checkout, so the package reads its files through `geokg.resources`, never this.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
