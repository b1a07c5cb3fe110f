"""Settings come from a TOML file, environment variables over it, CLI flags over both."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

from geokg.config import MAX_RUN_DIR_BYTES, Settings
from geokg.errors import ConfigError


def test_file_then_environment_then_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "geokg.toml"
    config.write_text('store = "memory"\nquery_timeout = 7\nport = 6000\n', encoding="utf-8")
    monkeypatch.setenv("GEOKG_CONFIG", str(config))
    monkeypatch.setenv("GEOKG_PORT", "6100")
    settings = Settings.from_env(query_timeout=None, host="0.0.0.0")
    assert (settings.store, settings.query_timeout, settings.port, settings.host) == (
        "memory", 7, 6100, "0.0.0.0")


@pytest.mark.parametrize("content,message", [
    ('stoer = "memory"\n', "unknown setting"),
    ("store = \n", "not valid TOML"),
])
def test_a_bad_file_is_named_with_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             content: str, message: str) -> None:
    config = tmp_path / "geokg.toml"
    config.write_text(content, encoding="utf-8")
    monkeypatch.setenv("GEOKG_CONFIG", str(config))
    with pytest.raises(ConfigError, match=message):
        Settings.from_env()


def test_a_missing_file_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GEOKG_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="cannot be read"):
        Settings.from_env()


# -- GEOKG_RUN_DIR: the sockets in it must fit a Unix socket path ---------------------------

def folder_of_length(parent: Path, length: int) -> Path:
    """A folder under `parent` whose absolute path is `length` bytes long."""
    pad = length - len(os.fsencode(parent.absolute())) - 1
    assert pad > 0
    folder = parent.absolute() / ("r" * pad)
    folder.mkdir()
    return folder


def test_the_longest_run_dir_accepted_holds_its_sockets(tmp_path: Path) -> None:
    run = folder_of_length(tmp_path, MAX_RUN_DIR_BYTES)
    assert Settings(run_dir=str(run)).run_dir == str(run)
    for name in ("engine.sock", "gunicorn.ctl"):
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(run / name))  # no "AF_UNIX path too long"


@pytest.mark.parametrize("form", ["absolute", "relative", "multibyte"])
def test_a_run_dir_too_long_for_its_sockets_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       form: str) -> None:
    if form == "absolute":
        run = str(tmp_path.absolute() / ("r" * (MAX_RUN_DIR_BYTES + 1 - len(str(tmp_path)) - 1)))
        assert len(os.fsencode(run)) == MAX_RUN_DIR_BYTES + 1
    elif form == "relative":  # short as written, too long once read against the working folder
        monkeypatch.chdir(folder_of_length(tmp_path, MAX_RUN_DIR_BYTES - 3))
        run = "run"
    else:  # fits when counted in characters, not in bytes
        monkeypatch.chdir(tmp_path)
        run = "ü" * (MAX_RUN_DIR_BYTES - len(os.fsencode(tmp_path.absolute())) - 1)
        assert len(os.path.abspath(run)) == MAX_RUN_DIR_BYTES
    with pytest.raises(ConfigError, match="GEOKG_RUN_DIR=.* at most 94 fit"):
        Settings(run_dir=run)
    monkeypatch.setenv("GEOKG_RUN_DIR", run)
    with pytest.raises(ConfigError, match="GEOKG_RUN_DIR"):
        Settings.from_env()


def test_a_temporary_folder_too_long_for_the_engine_socket_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without GEOKG_RUN_DIR the engine's socket goes under TMPDIR; one too deep is refused
    before any process starts, and the folder made for it is gone again."""
    from geokg.store.engine_client import EngineOwner

    deep = folder_of_length(tmp_path, 100)
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    with pytest.raises(ConfigError, match="TMPDIR"):
        EngineOwner(tmp_path / "data")
    assert list(deep.iterdir()) == []
