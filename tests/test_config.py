"""Settings come from a TOML file, environment variables over it, CLI flags over both."""

from __future__ import annotations

from pathlib import Path

import pytest

from geokg.config import Settings
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
