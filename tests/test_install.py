"""A normal install (`pip install` of the wheel, as README's production recipe) works away
from the checkout: the wheel carries the ontology, the data and the workbench's browser
libraries, and every command runs from another directory.

The editable install the other tests use reads the checkout, so only a real wheel in a
fresh virtual environment shows what the package forgot to carry. The dependencies come
from the configured package index (as `scripts/setup` installs them); the figures printed
(`pytest -s`) are the time each step took.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from geokg import PROJECT_ROOT

#: Not copied into the build: local state, caches and the other builds of a checkout.
NOT_SOURCES = (".venv", "node_modules", "build", "dist", ".git", "geokg-data*", "*.egg-info",
               "__pycache__", "test-artifacts", ".pytest_cache", ".ruff_cache")
GK = "PREFIX gk: <https://w3id.org/geokg/ontology#>\n"


def _timed(what: str, command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    print(f"{what}: {time.monotonic() - started:.1f} s")
    assert done.returncode == 0, f"{what} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (no system site packages) with geokg installed from a
    wheel built from a copy of the checkout's sources; returns its bin folder."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    shutil.copytree(PROJECT_ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCES))
    _timed("build the wheel", [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                               "--wheel-dir", str(root / "dist"), str(source)])
    wheel = next((root / "dist").glob("geokg-*.whl"))
    _timed("create a fresh venv", [sys.executable, "-m", "venv", str(root / "venv")])
    bin_dir = root / "venv" / "bin"
    _timed("pip install the wheel", [str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
                                     str(wheel)])
    return bin_dir


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory outside the checkout, with an article and a gold file in it."""
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "article.json").write_text(json.dumps({
        "text": "Emmanuel Macron telefonierte am 1. Juli 2025 mit Wladimir Putin über die Ukraine.",
        "published": "2025-07-02", "lang": "de"}), encoding="utf-8")
    (folder / "articles").mkdir()
    (folder / "articles" / "en.txt").write_text(
        "Joe Biden met Xi Jinping in Woodside, California, on 15 November 2023.", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps([{
        "id": "en", "file": "articles/en.txt", "lang": "en", "published": "2023-11-16",
        "entities": [{"label": "Joe Biden", "type": "leader", "wikidata": "Q6279"},
                     {"label": "Xi Jinping", "type": "leader", "wikidata": "Q15031"}],
        "events": [{"type": "MEETING", "participants": ["Q6279", "Q15031"], "addressee": [],
                    "object": None, "date": "2023-11-15", "evidence": "Biden met Xi"}],
        "negatives": []}]), encoding="utf-8")
    return folder


def _env(bin_dir: Path) -> dict[str, str]:
    """The user's environment, without anything that points at the checkout or its venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GEOKG_") and k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return env


def geokg(bin_dir: Path, cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return _timed(f"geokg {args[0] if args[0] != '--store' else args[2]}",
                  [str(bin_dir / "geokg"), *args], cwd=cwd, env=_env(bin_dir), timeout=timeout)


@pytest.mark.slow
def test_the_wheel_reads_its_own_copies_not_the_checkout(installed: Path, elsewhere: Path) -> None:
    done = _timed("import", [str(installed / "python"), "-c",
                             "import geokg.resources as r; print(r.ROOT); print(r.VENDOR_DIR)"],
                  cwd=elsewhere, env=_env(installed))
    root, vendor = map(Path, done.stdout.split())
    venv = installed.parent
    assert root.is_relative_to(venv) and root.name == "bundled", root
    assert not root.is_relative_to(PROJECT_ROOT)
    assert (root / "ontology" / "shapes" / "geokg-shapes.ttl").is_file()
    assert (vendor / "yasgui" / "yasgui.min.js").is_file(), "the wheel lacks the workbench libraries"
    assert not (root / "data" / "eval").exists(), "evaluation sets are not run-time data"


@pytest.mark.slow
def test_ingest_query_and_eval_from_another_directory(installed: Path, elsewhere: Path) -> None:
    done = geokg(installed, elsewhere, "--store", "oxigraph:store", "ingest", "article.json")
    assert "1 ingested" in done.stdout
    done = geokg(installed, elsewhere, "--store", "oxigraph:store", "query", "--format", "csv",
                 GK + "SELECT (COUNT(*) AS ?n) WHERE { ?call a gk:Call }")
    assert done.stdout.split() == ["n", "1"]
    done = geokg(installed, elsewhere, "eval", "gold.json")
    line = re.search(r"^overall \(micro\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", done.stdout, re.MULTILINE)
    assert line and float(line.group(3)) == 1.0, done.stdout


@pytest.fixture
def served(installed: Path, elsewhere: Path) -> Iterator[str]:
    """`geokg serve` of the installed wheel (with the bundled sample articles), its URL."""
    started = time.monotonic()
    process = subprocess.Popen([str(installed / "geokg"), "--store", "oxigraph:served", "serve",
                                "--port", "0"], cwd=elsewhere, env=_env(installed),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once it listens, after the samples
        while line and "serving" not in line:
            line = process.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+)/ ", line)
        assert url, f"no 'serving' line: {line!r}; exit status {process.poll()}"
        print(f"geokg serve up, samples loaded: {time.monotonic() - started:.1f} s")
        yield url.group(1)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@pytest.mark.slow
def test_serve_workbench_sparql_and_pages_from_another_directory(served: str) -> None:
    page = requests.get(served + "/", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "Competency questions" in page.text
    assert "calls-between-states" in page.text  # the bundled competency queries
    assert "cannot be shown" not in page.text
    asset = requests.get(served + "/static/vendor/yasgui/yasgui.min.js", timeout=30)
    assert asset.status_code == 200 and len(asset.content) > 100_000
    answer = requests.get(served + "/sparql", params={"query": GK + "ASK { ?a a gk:Article }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert answer.status_code == 200 and answer.json()["boolean"] is True  # the samples
    entity = requests.get(served + "/entity/vladimir-putin", headers={"Accept": "text/html"}, timeout=30)
    assert entity.status_code == 200 and "Wladimir Putin" in entity.text
    ontology = requests.get(served + "/ontology", headers={"Accept": "text/html"}, timeout=30)
    assert ontology.status_code == 200 and "Call" in ontology.text
    context = requests.get(served + "/context.jsonld", timeout=30)
    assert context.status_code == 200 and "@context" in context.json()


def test_no_module_of_the_package_reads_from_the_checkout() -> None:
    """`PROJECT_ROOT` is a checkout's root: code that reads files through it works in every
    test (an editable install) and fails in every real install. Paths go in geokg.resources."""
    package = PROJECT_ROOT / "service" / "geokg"
    allowed = {package / "__init__.py", package / "resources.py"}
    users = [str(path.relative_to(package)) for path in package.rglob("*.py") if path not in allowed
             if re.search(r"\bPROJECT_ROOT\b|parents\[\d\]", path.read_text(encoding="utf-8"))]
    assert users == []
