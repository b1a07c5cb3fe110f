"""Settings: every limit and location is a named, documented GEOKG_* environment variable.

`Settings.from_env()` reads them; tests build `Settings(...)` directly. The README's
settings table is checked against `SETTINGS_DOC` by a test, so the two cannot drift.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from geokg.errors import ConfigError

#: Setting name -> (environment variable, documentation). Kept beside the dataclass so a
#: new setting without documentation fails `tests/test_docs.py`.
SETTINGS_DOC: dict[str, tuple[str, str]] = {
    "store": ("GEOKG_STORE", "Where the graph lives: `oxigraph:PATH` (embedded, on disk; the "
              "default is `oxigraph:./geokg-data`), `memory` (lost at exit; tests), or "
              "`sparql:QUERY_URL[,UPDATE_URL]` (a remote SPARQL 1.1 store)."),
    "base_iri": ("GEOKG_BASE_IRI", "Prefix of every IRI geokg mints (entities, events, articles). "
                 "Set it to the public URL when serving behind a proxy; changing it later "
                 "needs a reload of the data."),
    "host": ("GEOKG_HOST", "Interface `geokg serve` listens on (default 127.0.0.1)."),
    "port": ("GEOKG_PORT", "Port `geokg serve` listens on (default 5000)."),
    "query_timeout": ("GEOKG_QUERY_TIMEOUT", "Seconds a SPARQL query may run before it is "
                      "stopped and answered with 503 (default 30)."),
    "max_body_bytes": ("GEOKG_MAX_BODY_BYTES", "Largest accepted request body; larger gets 413 "
                       "(default 10 MB)."),
    "max_query_length": ("GEOKG_MAX_QUERY_LENGTH", "Longest accepted SPARQL text in characters; "
                         "longer gets 400 (default 100000)."),
    "remote_user": ("GEOKG_REMOTE_USER", "User name for a remote `sparql:` store (optional)."),
    "remote_password": ("GEOKG_REMOTE_PASSWORD", "Password for a remote `sparql:` store."),
}


@dataclass(frozen=True)
class Settings:
    store: str = "oxigraph:./geokg-data"
    base_iri: str = "http://localhost:5000/"
    host: str = "127.0.0.1"
    port: int = 5000
    query_timeout: float = 30.0
    max_body_bytes: int = 10_000_000
    max_query_length: int = 100_000
    remote_user: str | None = None
    remote_password: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            raise ConfigError(f"GEOKG_BASE_IRI must end with '/' or '#', got {self.base_iri!r}")
        if self.query_timeout <= 0:
            raise ConfigError("GEOKG_QUERY_TIMEOUT must be a positive number of seconds")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from GEOKG_* variables; explicit overrides (e.g. CLI flags) win."""
        values: dict[str, object] = {}
        for f in fields(cls):
            var = SETTINGS_DOC[f.name][0]
            raw = os.environ.get(var)
            if raw is None:
                continue
            try:
                values[f.name] = _coerce(f.type, raw)
            except ValueError as exc:
                raise ConfigError(f"{var}={raw!r} is not a valid value: {exc}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def data_dir(self) -> Path | None:
        """The on-disk folder of an embedded store, or None for memory/remote stores."""
        if self.store.startswith("oxigraph:"):
            return Path(self.store.removeprefix("oxigraph:"))
        return None


def _coerce(type_name: object, raw: str) -> object:
    name = str(type_name)
    if name.startswith("int"):
        return int(raw)
    if name.startswith("float"):
        return float(raw)
    return raw
