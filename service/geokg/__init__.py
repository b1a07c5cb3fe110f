"""geokg: news articles read into a SHACL-validated knowledge graph, served over SPARQL 1.1."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root, where ontology/ and data/ live next to service/.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
