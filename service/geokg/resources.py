"""Every file geokg reads at run time besides the user's: the ontology, shapes, queries and
data (gazetteer, lexicons, sample articles). All their paths are here.

Why two places: the repository keeps them in its top-level `ontology/` and `data/`, outside
the package, and a checkout or editable install reads them there (an edit takes effect at
once); a wheel cannot reach a checkout, so its build (`setup.py`) copies them into the
package as `geokg/bundled/`, and an installed geokg reads those copies.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: Inside the package: where a wheel's build puts the copies (absent in a checkout).
BUNDLED = "bundled"


def _package() -> Path:
    package = files("geokg")
    if not isinstance(package, Path):  # e.g. imported from a zip archive
        raise RuntimeError(f"geokg must be installed as files on disk to read its data, not from {package}")
    return package


PACKAGE = _package()
#: The folder holding `ontology/` and `data/`: the package's copies, else the checkout.
ROOT = PACKAGE / BUNDLED if (PACKAGE / BUNDLED).is_dir() else PACKAGE.parents[1]

ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "geokg.ttl"
SHAPES_DIR = ONTOLOGY_DIR / "shapes"
SHAPES_FILE = SHAPES_DIR / "geokg-shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
STATISTICS_DIR = ONTOLOGY_DIR / "statistics"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"

DATA_DIR = ROOT / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
LEXICON_DIR = DATA_DIR / "lexicons"
SAMPLE_ARTICLES = DATA_DIR / "articles" / "samples.jsonl"

#: The workbench's browser libraries (npm, `scripts/vendor-assets.mjs`; not committed): a
#: geokg built where npm was missing has none, and its pages say how to add them.
VENDOR_DIR = PACKAGE / "web" / "static" / "vendor"
