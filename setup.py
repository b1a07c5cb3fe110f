"""The one build step pyproject.toml cannot say: a wheel carries copies of the files geokg
reads at run time, and the workbench's browser libraries.

The ontology and data stay in the repository's top-level `ontology/` and `data/`, outside
the package; a checkout and an editable install read them there (`geokg.resources`). A
wheel gets them under `geokg/bundled/`, copied into the build folder here, so the source
tree is not changed. The browser libraries (`web/static/vendor/`, not committed) are built
with npm as `scripts/setup` does when they are missing; without npm the wheel is built
without them and the workbench page says how to get them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: What geokg reads at run time, under the repository root: not the examples, the
#: evaluation sets or the documentation. `geokg.resources` names each of these.
PACKAGED = ("ontology/geokg.ttl", "ontology/context.jsonld", "ontology/shapes/*.ttl",
            "ontology/queries/*.rq", "ontology/statistics/*.rq", "data/gazetteer/*.tsv",
            "data/lexicons/*.tsv", "data/articles/*.jsonl")
VENDOR = ROOT / "service/geokg/web/static/vendor"


class BuildWithResources(build_py):
    def run(self) -> None:
        if not self.editable_mode:
            build_vendor_assets()
        super().run()
        if not self.editable_mode:
            bundle(Path(self.build_lib) / "geokg" / "bundled")


def bundle(target: Path) -> None:
    """Copy the run-time files into the package being built, as `bundled/ontology/…`."""
    shutil.rmtree(target, ignore_errors=True)  # a file removed since the last build must go
    for pattern in PACKAGED:
        found = sorted(ROOT.glob(pattern))
        if not found:
            raise SystemExit(f"setup.py: no file matches {pattern}; is this a geokg checkout?")
        for source in found:
            copy = target / source.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)


def build_vendor_assets() -> None:
    """`npm ci` and the copy script, when the browser libraries are not there yet."""
    if (VENDOR / "yasgui" / "yasgui.min.js").is_file():
        return
    npm = shutil.which("npm")
    if npm is None or not (ROOT / "package-lock.json").is_file():
        print("setup.py: npm (Node.js 18+) not found: building without the workbench's browser "
              "libraries; the query page at / will say how to add them", file=sys.stderr)
        return
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT, check=True)
    subprocess.run(["node", "scripts/vendor-assets.mjs"], cwd=ROOT, check=True)


setup(cmdclass={"build_py": BuildWithResources})
