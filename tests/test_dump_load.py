"""`geokg dump` / `geokg load` as users run them (real processes): backups round-trip, also
through stdout/stdin, and move a store between the embedded backend and a remote server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from geokg.config import Settings
from geokg.errors import InputError
from geokg.graph.iris import Minter
from geokg.pipeline import ArticleInput, Pipeline, revision
from geokg.pipeline.maintenance import load_dump
from geokg.store.oxigraph import OxigraphStore
from geokg.store.remote import RemoteStore
from geokg.vocab import GK

SCHOLZ = "Olaf Scholz telefonierte am 15. November 2024 mit Wladimir Putin über die Ukraine."
FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
STATISTICS = f"<{Minter(Settings().base_iri).statistics_graph}> ."
REVISION = f"<{Minter(Settings().base_iri).revision_graph}> ."


def geokg(store: str, *args: str | Path, stdin: bytes | None = None,
          ) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = store
    command = [str(Path(sys.executable).with_name("geokg")), *map(str, args)]
    return subprocess.run(command, env=env, input=stdin, capture_output=True, timeout=120,
                          check=False)


def canonical(data: bytes, fmt: str) -> set[str]:
    """The quads of a document with blank nodes named canonically, as N-Quads lines.

    Why canonical: each store names blank nodes its own way (the gazetteer's geometries are
    blank nodes), so equal datasets can differ in labels only.
    """
    dataset = ox.Dataset(ox.parse(data, format=FORMATS[fmt]))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    text = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b""
    return set(text.decode("utf-8").splitlines())


def loaded_as(quads: set[str]) -> set[str]:
    """What a store loaded from a dump of `quads` compares equal on: `load` recomputes the
    statistics graph (with a prov:generatedAtTime of its own) and writes a new revision token
    (the store changed), everything else is kept."""
    return {line for line in quads if not line.endswith((STATISTICS, REVISION))}


def tokens(quads: set[str]) -> set[str]:
    """The revision tokens among the quads (one, after any write of the pipeline)."""
    return {line.split(" ")[2] for line in quads if line.endswith(REVISION)}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    """An on-disk store with the reference graphs and one article, and its quads."""
    folder = tmp_path_factory.mktemp("source") / "data"
    store = OxigraphStore(folder)
    Pipeline.open(Settings(store=f"oxigraph:{folder}"), store).ingest(ArticleInput(SCHOLZ, lang="de"))
    quads = canonical(b"".join(store.dump("nquads")), "nquads")
    store.close()
    assert len(quads) > 1000
    return f"oxigraph:{folder}", quads


def stored_quads(folder: Path) -> set[str]:
    """What a store folder holds, read in this process (the command has exited)."""
    store = OxigraphStore(folder)
    try:
        return canonical(b"".join(store.dump("nquads")), "nquads")
    finally:
        store.close()


@pytest.mark.parametrize(("name", "fmt"), [("backup.nq", "nquads"), ("backup.trig", "trig")])
def test_dump_to_a_file_and_load_into_another_store(source: tuple[str, set[str]], tmp_path: Path,
                                                    name: str, fmt: str) -> None:
    store, quads = source
    dumped = geokg(store, "dump", tmp_path / name)
    assert dumped.returncode == 0, dumped.stderr
    assert canonical((tmp_path / name).read_bytes(), fmt) == quads
    assert not (tmp_path / f"{name}.partial").exists()
    loaded = geokg(f"oxigraph:{tmp_path / 'copy'}", "load", tmp_path / name)
    assert loaded.returncode == 0, loaded.stderr
    assert f"loaded {len(quads)} new quads".encode() in loaded.stderr
    copied = stored_quads(tmp_path / "copy")
    assert loaded_as(copied) == loaded_as(quads)
    assert tokens(copied) and tokens(copied).isdisjoint(tokens(quads))  # a write like others


def test_loading_a_dump_is_a_write_of_the_pipeline(source: tuple[str, set[str]]) -> None:
    """`load_dump` (what `geokg load` writes through) adds the quads as they are, and then,
    as every write of the pipeline does, a new revision token: the statistics graph's figures
    of the dumped store, counted at its token, are no longer taken as current."""
    store, quads = source
    dumped = OxigraphStore(store.removeprefix("oxigraph:"))
    try:
        data = b"".join(dumped.dump("nquads"))
    finally:
        dumped.close()
    mint = Minter(Settings().base_iri)
    copy = OxigraphStore()
    assert load_dump(copy, mint, data, "nquads") == (len(quads), len(quads))
    after = canonical(b"".join(copy.dump("nquads")), "nquads")
    assert loaded_as(after) == loaded_as(quads) and len(after) == len(quads)
    assert revision.current(copy, mint) not in (None, *(t.strip('"') for t in tokens(quads)))
    figures = copy.query(f"SELECT ?token WHERE {{ GRAPH <{mint.statistics_graph}> "
                         f"{{ ?s <{GK.revision}> ?token }} }}").rows()
    assert figures and all(row["token"] != revision.current(copy, mint) for row in figures)
    with pytest.raises(InputError, match="cannot read"):  # all or nothing, no new token
        load_dump(copy, mint, b"<http://example.org/s> <oops\n", "nquads")
    assert canonical(b"".join(copy.dump("nquads")), "nquads") == after
    copy.close()


def test_dump_to_stdout_and_load_from_stdin(source: tuple[str, set[str]], tmp_path: Path) -> None:
    store, quads = source
    dumped = geokg(store, "dump")
    assert dumped.returncode == 0 and canonical(dumped.stdout, "nquads") == quads
    assert geokg(f"oxigraph:{tmp_path / 'copy'}", "load", stdin=dumped.stdout).returncode == 0
    assert loaded_as(stored_quads(tmp_path / "copy")) == loaded_as(quads)

    # A dump cut by a broken line loads nothing.
    middle = len(dumped.stdout) // 2
    broken = dumped.stdout[:middle] + b"\n<http://example.org/s> <oops\n" + dumped.stdout[middle:]
    refused = geokg(f"oxigraph:{tmp_path / 'other'}", "load", "--format", "nquads", stdin=broken)
    assert refused.returncode == 1
    assert b"cannot read" in refused.stderr and b"Traceback" not in refused.stderr
    assert stored_quads(tmp_path / "other") == set()


def test_move_to_a_remote_server_and_back(source: tuple[str, set[str]], tmp_path: Path,
                                          oxigraph_server: str) -> None:
    store, quads = source
    RemoteStore(f"{oxigraph_server}/query", f"{oxigraph_server}/update").update("DROP ALL")
    remote = f"sparql:{oxigraph_server}/query,{oxigraph_server}/update"
    dumped = geokg(store, "dump", tmp_path / "backup.trig")
    assert dumped.returncode == 0, dumped.stderr
    assert geokg(remote, "load", tmp_path / "backup.trig").returncode == 0
    back = geokg(remote, "dump", "--format", "trig")
    assert back.returncode == 0, back.stderr
    assert loaded_as(canonical(back.stdout, "trig")) == loaded_as(quads)


def test_unusable_targets_are_clear_errors(source: tuple[str, set[str]], tmp_path: Path) -> None:
    store, _ = source
    unknown = geokg(store, "dump", tmp_path / "backup.json")
    assert unknown.returncode == 2
    assert b"--format nquads|trig" in unknown.stderr
    assert not (tmp_path / "backup.json").exists()
    unwritable = geokg(store, "dump", tmp_path / "missing" / "backup.nq")
    assert unwritable.returncode == 1
    assert b"cannot write" in unwritable.stderr and b"Traceback" not in unwritable.stderr
